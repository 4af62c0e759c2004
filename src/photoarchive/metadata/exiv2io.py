"""The thin layer over python-exiv2 that the reader and the writer share.

It opens images, turns exiv2's exceptions into our typed errors, collects exiv2's log
messages instead of letting them reach the terminal, and gets and sets values of the shapes
the field table uses (text, lang-alt, bag, seq; repeated IIM datasets; EXIF ASCII).
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import exiv2

from photoarchive.metadata import iim
from photoarchive.metadata.fields import (
    PHOTO_MECHANIC_NS,
    PHOTO_MECHANIC_PREFIX,
    PHOTOARCHIVE_NS,
    PHOTOARCHIVE_PREFIX,
    XmpType,
)

_local = threading.local()
_setup_lock = threading.Lock()
_ready = False
_iptc_ext_prefix = "iptcExt"

# The XMP toolkit writes a namespace with the first prefix it met for it in this process, and
# files spell some differently (old Adobe files "xap:" and "xapRights:", Photo Mechanic
# "xapRights:"): the same meaning, but different bytes, so a derivative written after reading
# such a file would differ from one written in a fresh worker process. Giving the toolkit the
# standards' prefixes first makes every process write the same bytes. (Not the IPTC ones:
# the toolkit knows Iptc4xmpCore from the start, and exiv2 calls it "iptc", which would
# replace it; the Iptc4xmpExt prefix is settled by ``_probe_struct_prefix`` below, also before
# any file is read.)
_STANDARD_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/bj/": "xmpBJ",
    "http://ns.adobe.com/xap/1.0/t/pg/": "xmpTPg",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/": "xmpDM",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/xap/1.0/sType/Dimensions#": "stDim",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://ns.adobe.com/lightroom/1.0/": "lr",
    "http://purl.org/dc/terms/": "dcterms",
}


@dataclass(frozen=True)
class LogMessage:
    level: int
    text: str

    @property
    def is_error(self) -> bool:
        return self.level >= logging.ERROR


class _CaptureHandler(logging.Handler):
    """Routes exiv2's messages to the capture of the thread that caused them.

    Being a handler on the "exiv2" logger also keeps Python's last-resort handler from
    printing them on stderr; they still propagate to any handler the application installs.
    """

    def emit(self, record: logging.LogRecord) -> None:
        sink = getattr(_local, "messages", None)
        if sink is not None:
            sink.append(LogMessage(record.levelno, record.getMessage()))


def setup() -> None:
    """Once per process: capture exiv2's log, start the XMP toolkit, register our namespace."""
    global _ready, _iptc_ext_prefix
    with _setup_lock:
        if _ready:
            return
        logging.getLogger("exiv2").addHandler(_CaptureHandler())
        exiv2.XmpParser.initialize()
        for uri, prefix in _STANDARD_PREFIXES.items():
            # exiv2 passes the registration on to the toolkit; it is made under exiv2's own
            # prefix for the namespace, so exiv2's key names stay as they are.
            if exiv2.XmpProperties.prefix(uri) == prefix:
                exiv2.XmpProperties.registerNs(uri, prefix)
        # (Not XmpProperties.registeredNamespaces(): it upsets the toolkit's namespace map.)
        # Ours, and Photo Mechanic's (for its colour class), which exiv2 does not know.
        for uri, prefix in ((PHOTOARCHIVE_NS, PHOTOARCHIVE_PREFIX), (PHOTO_MECHANIC_NS, PHOTO_MECHANIC_PREFIX)):
            try:
                exiv2.XmpProperties.ns(prefix)
            except exiv2.Exiv2Error:
                exiv2.XmpProperties.registerNs(uri, prefix)
        _iptc_ext_prefix = _probe_struct_prefix()
        _ready = True


def _probe_struct_prefix() -> str:
    """The prefix the XMP toolkit accepts for Iptc4xmpExt fields inside a structure.

    exiv2 names the namespace "iptcExt", the standard "Iptc4xmpExt"; which one the toolkit
    knows depends on what it met first, so we ask it.
    """
    for prefix in ("iptcExt", "Iptc4xmpExt"):
        probe = exiv2.XmpData()
        xmp_set_struct_bag(probe, "Xmp.iptcExt.LocationShown", {f"{prefix}:City": "probe"})
        messages: list[LogMessage] = []
        _local.messages = messages
        try:
            status, _ = exiv2.XmpParser.encode(probe, 0)
        except exiv2.Exiv2Error:
            status = -1
        finally:
            _local.messages = None
        if status == 0 and not any(m.is_error for m in messages):
            return prefix
    return "iptcExt"


def iptc_ext_prefix() -> str:
    setup()
    return _iptc_ext_prefix


@contextmanager
def captured_log() -> Iterator[list[LogMessage]]:
    """Collect exiv2's messages from this thread while the block runs (an enclosing capture
    receives them too when the block ends)."""
    setup()
    previous = getattr(_local, "messages", None)
    messages: list[LogMessage] = []
    _local.messages = messages
    try:
        yield messages
    finally:
        _local.messages = previous
        if previous is not None:
            previous.extend(messages)


def error_reason(error: exiv2.Exiv2Error) -> str:
    """exiv2's message without its error code or the file name it sometimes repeats."""
    text = str(error.args[-1]) if error.args else str(error)
    return text.rsplit(": ", 1)[-1]


def clean_text(text: str, legacy: str | None = None) -> str:
    """Text from exiv2 with any bytes that were not UTF-8 decoded as a legacy code page.

    python-exiv2 hands such bytes over as surrogates, which SQLite, JSON and exiv2 itself
    refuse; they are decoded in ``legacy`` (guessed when None), the rest replaced.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="surrogateescape")
        return iim.decode_value(raw, None, legacy or iim.guess_legacy([raw])).text
    return text


def datum_text(datum: exiv2.Metadatum, legacy: str | None = None) -> str:
    """``datum.toString()`` without surrogates (see ``clean_text``)."""
    return clean_text(datum.toString(), legacy)


# -- XMP --------------------------------------------------------------------------------------


def xmp_get(xmp: exiv2.XmpData, key: str) -> str | list[str] | None:
    """The value of an XMP property: text, the x-default (or first) of a lang-alt, or a list."""
    if key not in xmp:
        return None
    datum = xmp[key]
    type_id = datum.typeId()
    value = datum.value()
    if type_id == exiv2.TypeId.langAlt:
        alternatives = dict(value)
        if not alternatives:
            return None
        return alternatives.get("x-default", next(iter(alternatives.values())))
    if type_id in (exiv2.TypeId.xmpBag, exiv2.TypeId.xmpSeq, exiv2.TypeId.xmpAlt):
        return list(value)
    text = datum.toString()
    # A struct or an array written in a form exiv2 did not flatten: not a value for us.
    return None if text.startswith("type=") else text


def xmp_alternatives(xmp: exiv2.XmpData, key: str) -> dict[str, str]:
    """Every language of a lang-alt property ({"x-default": ..., "ru": ...}), non-empty texts
    only; {} when the property is missing or not a lang-alt."""
    if key not in xmp or xmp[key].typeId() != exiv2.TypeId.langAlt:
        return {}
    return {str(lang): str(text) for lang, text in dict(xmp[key].value()).items() if str(text).strip()}


def xmp_struct_item(xmp: exiv2.XmpData, array_key: str, index: int = 1) -> dict[str, str]:
    """Fields of one structure in an array of structures, by local name (any prefix)."""
    head = f"{array_key}[{index}]/"
    fields = {}
    for datum in xmp:
        key = datum.key()
        if key.startswith(head) and "/" not in key[len(head) :] and "[" not in key[len(head) :]:
            local = key[len(head) :].split(":", 1)[-1]
            text = datum.toString()
            if datum.typeId() == exiv2.TypeId.langAlt:
                alternatives = dict(datum.value())
                text = alternatives.get("x-default", next(iter(alternatives.values()), ""))
            fields[local] = text
    return fields


def xmp_delete(xmp: exiv2.XmpData, key: str) -> None:
    """Remove a property with every element and field below it."""
    doomed = [d.key() for d in xmp if d.key() == key or d.key().startswith((key + "[", key + "/"))]
    for k in doomed:
        del xmp[k]


def xmp_set(xmp: exiv2.XmpData, key: str, kind: XmpType, value: str | list[str] | dict[str, str]) -> None:
    """Replace a property; a lang-alt takes a text (its x-default) or every language as a dict
    (exiv2 puts x-default first, the other languages after it)."""
    xmp_delete(xmp, key)
    if isinstance(value, dict):
        xmp[key] = exiv2.LangAltValue(dict(value))
    elif kind is XmpType.LANG_ALT:
        xmp[key] = exiv2.LangAltValue({"x-default": value})
    elif kind is XmpType.BAG:
        xmp[key] = exiv2.XmpArrayValue(list(value), exiv2.TypeId.xmpBag)
    elif kind is XmpType.SEQ:
        xmp[key] = exiv2.XmpArrayValue(list(value), exiv2.TypeId.xmpSeq)
    else:
        xmp[key] = exiv2.XmpTextValue(value)


def xmp_set_struct_bag(xmp: exiv2.XmpData, key: str, item: dict[str, str | dict[str, str] | list[str]]) -> None:
    """Replace an array of structures by a bag holding one structure of ``item``.

    ``item`` keys are qualified field names using exiv2's prefixes (``iptcExt:City``); a value
    is text, a dict of language -> text (a lang-alt, ``x-default`` first), or a list (a bag).
    """
    xmp_delete(xmp, key)
    if not item:
        return
    bag = exiv2.XmpTextValue()
    bag.setXmpArrayType(exiv2.XmpValue.XmpArrayType.xaBag)
    xmp.add(exiv2.XmpKey(key), bag)
    for name, value in item.items():
        if isinstance(value, dict):
            xmp[f"{key}[1]/{name}"] = exiv2.LangAltValue(value)
        elif isinstance(value, list):
            xmp[f"{key}[1]/{name}"] = exiv2.XmpArrayValue(value, exiv2.TypeId.xmpBag)
        else:
            xmp[f"{key}[1]/{name}"] = exiv2.XmpTextValue(value)


def xmp_struct_values(
    xmp: exiv2.XmpData, array_key: str, index: int = 1
) -> dict[str, str | dict[str, str] | list[str]]:
    """Fields of one structure in an array of structures, by local name (any prefix), with
    lang-alts as dicts (language -> text) and arrays as lists."""
    head = f"{array_key}[{index}]/"
    fields: dict[str, str | dict[str, str] | list[str]] = {}
    for datum in xmp:
        key = datum.key()
        if not key.startswith(head) or "/" in key[len(head) :] or "[" in key[len(head) :]:
            continue
        local = key[len(head) :].split(":", 1)[-1]
        type_id = datum.typeId()
        if type_id == exiv2.TypeId.langAlt:
            fields[local] = dict(datum.value())
        elif type_id in (exiv2.TypeId.xmpBag, exiv2.TypeId.xmpSeq, exiv2.TypeId.xmpAlt):
            fields[local] = list(datum.value())
        else:
            fields[local] = datum.toString()
    return fields


# -- IPTC IIM ---------------------------------------------------------------------------------


def iim_raw(iptc: exiv2.IptcData, key: str) -> list[bytes]:
    """Raw bytes of every occurrence of a dataset (dates and times as exiv2 renders them)."""
    values = []
    for datum in iptc:
        if datum.key() != key:
            continue
        value = datum.value()
        if datum.typeId() == exiv2.TypeId.string:
            values.append(bytes(value.data()))
        else:
            values.append(datum.toString().encode("ascii", errors="replace"))
    return values


def iim_delete(iptc: exiv2.IptcData, key: str) -> None:
    while key in iptc:
        del iptc[key]


def iim_add(iptc: exiv2.IptcData, key: str, text: str) -> None:
    """Add one occurrence of a dataset; exiv2 stores a str as its UTF-8 bytes."""
    datum = exiv2.Iptcdatum(exiv2.IptcKey(key))
    datum.setValue(text)
    iptc.add(datum)


# -- EXIF -------------------------------------------------------------------------------------


def exif_raw(exif: exiv2.ExifData, key: str) -> bytes | None:
    """Raw bytes of an EXIF ASCII tag up to its first NUL.

    The NUL also separates the photographer's from the editor's notice in Copyright; the
    curated copyright is the photographer's.
    """
    if key not in exif:
        return None
    value = exif[key].value()
    if hasattr(value, "data"):
        return bytes(value.data()).split(b"\x00", 1)[0]
    return exif[key].toString().encode("utf-8", errors="surrogateescape")


def exif_set(exif: exiv2.ExifData, key: str, text: str) -> None:
    if key in exif:
        del exif[key]
    if text:
        exif[key] = exiv2.AsciiValue(text)


# -- XMP structures, whole ------------------------------------------------------------------

_ARRAY_TYPES = {'type="Bag"': "bag", 'type="Seq"': "seq", 'type="Alt"': "alt"}
_STRUCT = 'type="Struct"'
# Namespaces' prefixes as the standards spell them in a structure's field names; exiv2 and the
# toolkit may know Iptc4xmpExt as "iptcExt" and Iptc4xmpCore as "iptc".
_QUALIFIED = {"iptcExt": "Iptc4xmpExt", "iptc": "Iptc4xmpCore"}

XmpNode = str | list[Any] | dict[str, Any]


def _standard_name(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{_QUALIFIED.get(prefix, prefix)}:{local}" if local else name


def xmp_tree(xmp: exiv2.XmpData, key: str) -> XmpNode | None:
    """A property with everything below it as plain data: text, a list (an array; its items
    nodes), a structure {qualified field name: node} (names as the standard spells them,
    ``Iptc4xmpExt:rId``), or a lang-alt {language: text} (whose keys have no colon). None when
    the file does not have it."""
    datums = {d.key(): d for d in xmp if d.key() == key or d.key().startswith((key + "[", key + "/"))}
    if key not in datums:
        return None

    def node(path: str) -> XmpNode:
        datum = datums[path]
        type_id = datum.typeId()
        if type_id == exiv2.TypeId.langAlt:
            return {str(lang): str(text) for lang, text in dict(datum.value()).items()}
        if type_id in (exiv2.TypeId.xmpBag, exiv2.TypeId.xmpSeq, exiv2.TypeId.xmpAlt):
            return [str(v) for v in datum.value()]
        text = datum.toString()
        if text in _ARRAY_TYPES:
            items = []
            index = 1
            while f"{path}[{index}]" in datums:
                items.append(node(f"{path}[{index}]"))
                index += 1
            return items
        if text == _STRUCT:
            head = path + "/"
            children = [
                k for k in datums if k.startswith(head) and "/" not in k[len(head) :] and "[" not in k[len(head) :]
            ]
            return {_standard_name(k[len(head) :]): node(k) for k in children}
        return clean_text(text)

    return node(key)


def _prefixes(node: XmpNode) -> set[str]:
    """The namespace prefixes of the structure fields in ``node``."""
    if isinstance(node, list):
        return {prefix for item in node for prefix in _prefixes(item)}
    if not isinstance(node, dict):
        return set()
    found = {name.partition(":")[0] for name in node if ":" in name}
    return found.union(*(_prefixes(sub) for sub in node.values()))


def _register_prefixes(xmp: exiv2.XmpData, prefixes: set[str]) -> None:
    """Make exiv2 know ``prefixes``: it writes only fields of namespaces it knows, and a member
    of another tool's extension inside a structure (read from a file) is in one it may not. The
    XMP toolkit, which parsed the file, knows it: the URI is taken from the packet it makes of
    ``xmp`` (which still holds the member)."""
    unknown = set()
    for prefix in prefixes - set(_QUALIFIED.values()):
        try:
            exiv2.XmpProperties.ns(prefix)
        except exiv2.Exiv2Error:
            unknown.add(prefix)
    if not unknown:
        return
    flags = exiv2.XmpParser.XmpFormatFlags.omitPacketWrapper | exiv2.XmpParser.XmpFormatFlags.useCompactFormat
    status, packet = exiv2.XmpParser.encode(xmp, flags)
    if status != 0:
        return  # writing the member then fails, naming its prefix
    with contextlib.suppress(ElementTree.ParseError):
        for _event, (prefix, uri) in ElementTree.iterparse(io.StringIO(packet), events=("start-ns",)):
            if prefix in unknown:
                exiv2.XmpProperties.registerNs(uri, prefix)
                unknown.discard(prefix)


def xmp_set_tree(xmp: exiv2.XmpData, key: str, value: XmpNode, seq: frozenset[str] = frozenset()) -> None:
    """Replace a property by ``value`` as ``xmp_tree`` gives it (an empty value removes it).
    Arrays are bags, but those whose property is in ``seq`` (qualified names, and ``key``'s own
    local name for the top level): XMP's Bag and Seq cannot be told apart in plain data."""
    _register_prefixes(xmp, _prefixes(value))
    xmp_delete(xmp, key)
    if value in ("", [], {}):
        return
    ext = iptc_ext_prefix()

    def qualified(name: str) -> str:
        prefix, _, local = name.partition(":")
        if prefix == "Iptc4xmpExt":
            return f"{ext}:{local}"
        return name

    def is_lang_alt(node: dict[str, Any]) -> bool:
        return bool(node) and all(":" not in k and isinstance(v, str) for k, v in node.items())

    def put(path: str, node: XmpNode, name: str) -> None:
        ordered = name in seq
        if isinstance(node, str):
            xmp[path] = exiv2.XmpTextValue(node)
        elif isinstance(node, dict) and is_lang_alt(node):
            xmp[path] = exiv2.LangAltValue(dict(node))
        elif isinstance(node, dict):
            struct = exiv2.XmpTextValue()
            struct.setXmpStruct()
            xmp.add(exiv2.XmpKey(path), struct)
            for child, sub in node.items():
                put(f"{path}/{qualified(child)}", sub, child)
        elif all(isinstance(item, str) for item in node):
            xmp[path] = exiv2.XmpArrayValue(list(node), exiv2.TypeId.xmpSeq if ordered else exiv2.TypeId.xmpBag)
        else:
            array = exiv2.XmpTextValue()
            array.setXmpArrayType(exiv2.XmpValue.XmpArrayType.xaSeq if ordered else exiv2.XmpValue.XmpArrayType.xaBag)
            xmp.add(exiv2.XmpKey(path), array)
            for index, item in enumerate(node, 1):
                put(f"{path}[{index}]", item, "")

    put(key, value, key.rsplit(".", 1)[1])
