"""Carrying an original's metadata over to a derivative made from it (export).

A derivative written by Pillow has no metadata. Before the curated fields are written into
it (``write(..., source_metadata=original)``), this copies the original's EXIF, IPTC and XMP,
except what describes the original file rather than the photo:

- TIFF layout tags (strips, tiles, sub-IFDs, sizes, compression) and the EXIF thumbnail, which
  would describe the wrong image; maker notes, which are camera-private binary structures
  that exiv2 can only rewrite faithfully in the file they came from;
- the orientation, set to 1 (normal), because the imaging package writes derivatives with
  the rotation applied to the pixels; the pixel dimensions, set to the derivative's.
"""

from __future__ import annotations

from pathlib import Path

import exiv2

from photoarchive.errors import MetadataWriteError
from photoarchive.metadata import exiv2io

_EXIF_GROUPS = ("Image", "Photo", "GPSInfo", "Iop")
_LAYOUT_TAGS = frozenset(
    {
        "NewSubfileType",
        "SubfileType",
        "ImageWidth",
        "ImageLength",
        "BitsPerSample",
        "Compression",
        "PhotometricInterpretation",
        "FillOrder",
        "StripOffsets",
        "SamplesPerPixel",
        "RowsPerStrip",
        "StripByteCounts",
        "PlanarConfiguration",
        "TileWidth",
        "TileLength",
        "TileOffsets",
        "TileByteCounts",
        "SubIFDs",
        "JPEGInterchangeFormat",
        "JPEGInterchangeFormatLength",
        "YCbCrSubSampling",
        "Predictor",
        "ExifTag",
        "GPSTag",
        "InteroperabilityTag",
        "XMLPacket",
        "IPTCNAA",
        "ImageResources",
        "InterColorProfile",
        "MakerNote",
        "DNGPrivateData",
        "PrintImageMatching",
    }
)
_XMP_LAYOUT = (
    "Xmp.tiff.ImageWidth",
    "Xmp.tiff.ImageLength",
    "Xmp.tiff.BitsPerSample",
    "Xmp.tiff.Compression",
    "Xmp.tiff.PhotometricInterpretation",
    "Xmp.tiff.SamplesPerPixel",
    "Xmp.xmp.Thumbnails",
)


def read_source(source: Path | bytes) -> exiv2.Image:
    """The original whose metadata a copy starts from (a file, or its bytes when the caller has
    read it already), opened and read; ``MetadataWriteError`` when it cannot be."""
    try:
        original = exiv2.ImageFactory.open(source if isinstance(source, bytes) else str(source))
        original.readMetadata()
    except exiv2.Exiv2Error as error:
        reason = error.args[-1] if error.args else error
        name = "the original" if isinstance(source, bytes) else source
        raise MetadataWriteError(f"cannot read the metadata of {name}: {reason}") from error
    return original


def copy_metadata(source: Path | bytes, image: exiv2.Image) -> None:
    """Replace the metadata of ``image`` (opened, read) by that of ``source`` (``read_source``),
    as described above."""
    original = read_source(source)
    exif = exiv2.ExifData()
    for datum in original.exifData():
        if datum.groupName() in _EXIF_GROUPS and datum.tagName() not in _LAYOUT_TAGS:
            exif.add(datum)
    if "Exif.Image.Orientation" in exif:
        exif["Exif.Image.Orientation"] = exiv2.UShortValue(1)
    has_exif_ifd = any(d.key().startswith("Exif.Photo.") for d in exif)
    for axis, size in (("X", image.pixelWidth()), ("Y", image.pixelHeight())):
        key = f"Exif.Photo.Pixel{axis}Dimension"
        if key in exif or has_exif_ifd:  # required in a JPEG's EXIF IFD: the derivative's own size
            exif[key] = exiv2.ULongValue(size)
    xmp = original.xmpData()  # edited in memory only, never written back to the source
    for key in _XMP_LAYOUT:
        exiv2io.xmp_delete(xmp, key)
    if "Xmp.tiff.Orientation" in xmp:
        xmp["Xmp.tiff.Orientation"] = "1"
    for axis, size in (("X", image.pixelWidth()), ("Y", image.pixelHeight())):
        if f"Xmp.exif.Pixel{axis}Dimension" in xmp:
            xmp[f"Xmp.exif.Pixel{axis}Dimension"] = str(size)
    image.setExifData(exif)
    image.setIptcData(original.iptcData())
    image.setXmpData(xmp)
