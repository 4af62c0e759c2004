"""Make the offline world basemap of the map panel from Natural Earth's 1:50m countries.

Source: the npm package ``world-atlas`` 2.0.2 (ISC licence, Mike Bostock), which redistributes
Natural Earth 4.1.0 (public domain, https://www.naturalearthdata.com/about/terms-of-use/) as
TopoJSON. Get it without a browser and run this once from the repository's root::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python resources/basemap/make_basemap.py package/countries-50m.json

It writes ``src/photoarchive/resources/basemap/world-50m.bin``: the land polygons (the
``land`` object, merged from the countries, with their holes) and the land borders between
countries (the arcs two different countries share), each decoded from TopoJSON's delta-coded
arcs into absolute positions, quantised to int16 (longitude * 32767 / 180, latitude *
32767 / 90: about 600 m, finer than the 1:50m source's 0.0036 degrees) and zlib-compressed.

Layout of the uncompressed bytes, little-endian::

    b"PAB2", uint32 land polygon count, uint32 border line count,
    then each polygon: uint32 ring count (the outer ring, then its holes) and its rings,
    then each border line; a ring or a line: uint32 point count, count * (uint16 dlon, uint16 dlat),
    each the difference from the point before (from 0 for the first) modulo 2**16

1:50m is the smallest scale with Shumshu (50.75 N, 156.35 E) in it: 1:110m has no island of
the northern Kurils. ``photoarchive.ui.basemap`` reads the file.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src/photoarchive/resources/basemap/world-50m.bin"
Q = 32767


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def quantised(points: list[tuple[float, float]]) -> bytes:
    out = [struct.pack("<I", len(points))]
    last_x = last_y = 0
    for lon, lat in points:
        x, y = round(lon / 180 * Q), round(max(-90.0, min(90.0, lat)) / 90 * Q)
        # Each point as the difference from the one before, modulo 2**16: small numbers that
        # compress well, and summing them modulo 2**16 gives back the int16 exactly.
        out.append(struct.pack("<HH", (x - last_x) & 0xFFFF, (y - last_y) & 0xFFFF))
        last_x, last_y = x, y
    return b"".join(out)


def main(source: Path) -> None:
    topology = json.loads(source.read_text())
    arcs = decode_arcs(topology)
    land = [
        [ring(arcs, r) for r in polygon]
        for geometry in topology["objects"]["land"]["geometries"]
        for polygon in polygons(geometry)
    ]
    # An arc used by two different countries is a land border; one used once is a coast.
    users: Counter[int] = Counter()
    for country in topology["objects"]["countries"]["geometries"]:
        used = {i if i >= 0 else ~i for polygon in polygons(country) for r in polygon for i in r}
        users.update(used)
    borders = [arcs[i] for i, n in sorted(users.items()) if n >= 2]
    body = b"PAB2" + struct.pack("<II", len(land), len(borders))
    for polygon in land:
        body += struct.pack("<I", len(polygon)) + b"".join(quantised(r) for r in polygon)
    body += b"".join(quantised(b) for b in borders)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(zlib.compress(body, 9))
    print(f"{OUT}: {len(land)} land polygons, {len(borders)} border lines, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
