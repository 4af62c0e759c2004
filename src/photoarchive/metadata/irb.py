"""The IPTC digest: Photoshop image resource 0x0425 beside the IIM block (0x0404) in JPEG APP13.

Photoshop, Lightroom and ExifTool store the MD5 of the IIM block when they write XMP and IIM
together. A reader that finds the stored digest equal to the digest of the IIM it reads knows
that no XMP-unaware tool changed the IIM since, and prefers XMP (MWG guidelines). exiv2 reads
and writes the IIM block but neither exposes nor updates the digest, so this module does both,
on the bytes of a JPEG file: it is the one place where we parse a file format by hand, and it
only touches the APP13 segments.

TIFF-based files keep the resources in a TIFF tag that exiv2 does not expose as bytes; for
them we report no digest, which the MWG rules treat as "XMP is current".
"""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
IPTC_RESOURCE = 0x0404
DIGEST_RESOURCE = 0x0425
_APP13 = 0xED
_SOS = 0xDA
_MAX_SEGMENT_PAYLOAD = 0xFFFF - 2 - len(PHOTOSHOP_HEADER)


class IrbError(ValueError):
    """The Photoshop resources or the JPEG structure around them are malformed."""


@dataclass
class Resource:
    id: int
    name: bytes  # Pascal string with its length byte and padding, kept as found
    data: bytes


@dataclass(frozen=True)
class IimDigest:
    """What a file says about its IIM: the block's bytes and the digest stored beside it."""

    block: bytes | None
    stored: bytes | None

    @property
    def current(self) -> bytes | None:
        return hashlib.md5(self.block).digest() if self.block is not None else None

    @property
    def state(self) -> str:
        """ "none" (no IIM or no stored digest), "match" or "mismatch"."""
        if self.block is None or self.stored is None:
            return "none"
        return "match" if self.stored == self.current else "mismatch"


def parse_resources(data: bytes) -> list[Resource]:
    resources, pos = [], 0
    while pos + 12 <= len(data) and data[pos : pos + 4] == b"8BIM":
        (rid,) = struct.unpack_from(">H", data, pos + 4)
        name_len = data[pos + 6] + 1
        name_len += name_len & 1
        name = data[pos + 6 : pos + 6 + name_len]
        size_at = pos + 6 + name_len
        if size_at + 4 > len(data):
            raise IrbError("truncated Photoshop resource header")
        (size,) = struct.unpack_from(">I", data, size_at)
        start = size_at + 4
        if start + size > len(data):
            raise IrbError(f"Photoshop resource 0x{rid:04x} runs past the end of its segment")
        resources.append(Resource(rid, name, data[start : start + size]))
        pos = start + size + (size & 1)
    return resources


def build_resources(resources: list[Resource]) -> bytes:
    out = bytearray()
    for res in resources:
        out += b"8BIM" + struct.pack(">H", res.id) + res.name + struct.pack(">I", len(res.data)) + res.data
        if len(res.data) & 1:
            out += b"\x00"
    return bytes(out)


def _segments(stream: BinaryIO) -> list[tuple[int, int, bytes]]:
    """(marker, offset, payload) of each segment before the image data of a JPEG."""
    if stream.read(2) != b"\xff\xd8":
        raise IrbError("not a JPEG file")
    segments: list[tuple[int, int, bytes]] = []
    while True:
        offset = stream.tell()
        head = stream.read(2)
        while head[:1] == b"\xff" and head[1:2] == b"\xff":  # fill bytes
            head = head[1:] + stream.read(1)
        if len(head) < 2 or head[0] != 0xFF:
            raise IrbError("JPEG segment marker expected")
        marker = head[1]
        if marker == _SOS or marker == 0xD9:
            return segments
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            raise IrbError("truncated JPEG segment")
        (length,) = struct.unpack(">H", length_bytes)
        payload = stream.read(length - 2)
        if len(payload) < length - 2:
            raise IrbError("truncated JPEG segment")
        segments.append((marker, offset, payload))


def jpeg_iim_digest(stream: BinaryIO) -> IimDigest:
    """The first IIM block of a JPEG's Photoshop APP13 segments and the digest stored with it."""
    irb = b"".join(
        p[len(PHOTOSHOP_HEADER) :] for m, _, p in _segments(stream) if m == _APP13 and p.startswith(PHOTOSHOP_HEADER)
    )
    block = stored = None
    for res in parse_resources(irb):
        if res.id == IPTC_RESOURCE and block is None:
            block = res.data
        elif res.id == DIGEST_RESOURCE and stored is None and len(res.data) == 16:
            stored = res.data
    return IimDigest(block, stored)


def update_jpeg_digest(jpeg: bytes) -> bytes:
    """The JPEG with resource 0x0425 set to the MD5 of its IIM block (removed without IIM).

    Every other segment and resource is copied byte for byte.
    """
    segments = _segments(io.BytesIO(jpeg))
    photoshop = [(off, p) for m, off, p in segments if m == _APP13 and p.startswith(PHOTOSHOP_HEADER)]
    if not photoshop:
        return jpeg
    resources = parse_resources(b"".join(p[len(PHOTOSHOP_HEADER) :] for _, p in photoshop))
    block = next((r.data for r in resources if r.id == IPTC_RESOURCE), None)
    kept = [r for r in resources if r.id != DIGEST_RESOURCE]
    if block is not None:
        # Photoshop writes the digest right after the IIM; other tools accept it anywhere.
        at = next(i for i, r in enumerate(kept) if r.id == IPTC_RESOURCE) + 1
        kept.insert(at, Resource(DIGEST_RESOURCE, b"\x00\x00", hashlib.md5(block).digest()))
    irb = build_resources(kept)
    new_segments = b"".join(
        b"\xff\xed" + struct.pack(">H", len(chunk) + 2 + len(PHOTOSHOP_HEADER)) + PHOTOSHOP_HEADER + chunk
        for chunk in (irb[i : i + _MAX_SEGMENT_PAYLOAD] for i in range(0, len(irb), _MAX_SEGMENT_PAYLOAD))
    )
    # Replace the first Photoshop segment by the new ones and drop the others.
    out, pos = bytearray(), 0
    for index, (offset, payload) in enumerate(photoshop):
        out += jpeg[pos:offset]
        if index == 0:
            out += new_segments
        pos = offset + 4 + len(payload)
    out += jpeg[pos:]
    return bytes(out)
