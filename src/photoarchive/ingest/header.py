"""What a file is, from its first bytes: the importer refuses a file that is no image before
it hashes or copies a byte of it (a 2 GB video or disk image named ``.jpg`` would otherwise
be read whole and copied into the archive first).

The signatures are those of the formats the importer accepts (``scan.PHOTO_EXTENSIONS``),
whatever the file's extension says: a PNG named ``.jpg`` is still a photo.
"""

from __future__ import annotations

from pathlib import Path

HEADER_SIZE = 64
# ISO base media file brands of still images (HEIF, AVIF) and of Canon's CR3.
_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis", b"crx "}
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"II*\x00", "TIFF"),  # and the RAW formats built on TIFF: CR2, NEF, NRW, ARW, DNG, PEF, SRW
    (b"MM\x00*", "TIFF"),
    (b"II+\x00", "TIFF"),  # BigTIFF
    (b"MM\x00+", "TIFF"),
    (b"IIRO", "ORF"),
    (b"IIRS", "ORF"),
    (b"MMOR", "ORF"),
    (b"IIU\x00", "RW2"),
    (b"FUJIFILMCCD-RAW", "RAF"),
)


def image_kind(head: bytes) -> str | None:
    """The image format that ``head`` (a file's first bytes) starts, or None for none we take."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        # The major brand, then the compatible brands of the ftyp box that the header holds.
        size = int.from_bytes(head[:4], "big")
        end = min(len(head), size if size >= 16 else len(head))
        brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
        if any(brand in _IMAGE_BRANDS for brand in brands):
            return "HEIF"
    return None


def read_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEADER_SIZE)
