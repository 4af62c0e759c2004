"""Checking and normalising curated values before they reach the catalog or a file.

``validate(fields)`` returns a normalised copy or raises ``ValidationError`` naming the first
bad field. The rules:

- Text (``check_text``, the one text rule of the application: curated fields, collections,
  places and templates all go through it): normalised to NFC; line breaks normalised to LF
  (XML turns CR LF into LF, so nothing else would survive XMP); control characters refused,
  except the line break in multi-line text (a caption, a collection's introduction, a place's
  notes); a tab is a control character everywhere (IIM and most readers show it as nothing);
  lone surrogates and U+FFFE/U+FFFF (not allowed in XML) refused; at most 64 KB of UTF-8, and
  a field may set a lower limit in characters; leading and trailing white space removed,
  except in Markdown text (``strip=False``: indentation is markup there).
- Keywords: empty ones are dropped, duplicates removed (first one kept).
- Creator: several names are separated by ";" (MWG); they are rewritten as "A; B".
- ``date_created``: ISO 8601 date (``1945``, ``1945-08``, ``1945-08-18``) or date-time with an
  optional offset; seconds are filled in and ``Z`` becomes ``+00:00``. ``event_date`` may also
  be a range ``A/B`` with A not after B.
- ``country_code``: ISO 3166-1 alpha-3 (what IIM 2:100 holds). An alpha-2 code (``RU``) is
  accepted and converted, since that is what people often type and what some XMP writers
  store; case does not matter. Codes of former countries (ISO 3166-3, e.g. ``SUN``) are
  refused: the field names where the place is, not which state held it then.
- URLs (``web_statement``; the identifiers of a place shown use the same ``check_url``): http
  or https only, with a host, and no white space, control characters or ``<>"``. A
  ``javascript:`` or ``data:`` URL in a web statement would be published as a link in the
  gallery's JSON-LD and in every file's XMP; ``mailto:`` and other schemes are not pages a
  reader can open to see the terms. The scheme is written in lower case.
- GPS (``validate_gps``): latitude -90..90, longitude -180..180, finite altitude.

``salvaged(fields)`` is for values that are already stored and must be published anyway
(a value an import kept as read, with a warning): the valid fields normalised, each invalid
one left out, and the reasons.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from photoarchive.errors import ValidationError
from photoarchive.metadata import dates
from photoarchive.metadata.fields import FIELDS_BY_NAME, GpsPoint, Input, Kind, XmpType
from photoarchive.metadata.mwg import join_names, split_names
from photoarchive.model.curated import CURATED_FIELD_NAMES, CuratedFields, empty_value
from photoarchive.model.fields import Member

# The language tags' rule lives in the model (the catalog reads it without exiv2); named here
# too, beside the other checks of curated values.
from photoarchive.model.languages import normalize_language as normalize_language

MAX_VALUE_BYTES = 64 * 1024


def _label(name: str) -> str:
    spec = FIELDS_BY_NAME.get(name)
    return spec.label if spec else name


def check_text(
    name: str,
    text: object,
    *,
    multiline: bool = False,
    max_chars: int | None = None,
    strip: bool = True,
    label: str | None = None,
) -> str:
    """Normalised text by the text rule of the module doc, or ``ValidationError`` naming
    ``name`` (shown as ``label``, by default the curated field's label or the name)."""
    shown = label or _label(name)
    if not isinstance(text, str):
        raise ValidationError(f"{shown}: expected text, got {type(text).__name__}", field=name)
    text = re.sub(r"\r\n?", "\n", text)
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_VALUE_BYTES:
        raise ValidationError(f"{shown}: longer than 64 KB", field=name)
    text = unicodedata.normalize("NFC", text)
    for index, char in enumerate(text):
        if char == "\n" and multiline:
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or char in "\ufffe\uffff":
            what = "line break" if char == "\n" else f"control character U+{ord(char):04X}"
            raise ValidationError(f"{shown}: {what} at position {index + 1} is not allowed", field=name)
    if strip:
        text = text.strip()
    if max_chars is not None and len(text) > max_chars:
        raise ValidationError(f"{shown}: at most {max_chars} characters", field=name)
    return text


def normalize_country_code(code: str, *, name: str = "country_code") -> str:
    code = code.strip().upper()
    if not code:
        return ""
    # Here, not at the top: every process that imports metadata (an import's command and its
    # workers' fork server) would otherwise pay for pycountry's import, and few photos name a country.
    import pycountry

    country = None
    if re.fullmatch(r"[A-Z]{3}", code):
        country = pycountry.countries.get(alpha_3=code)
    elif re.fullmatch(r"[A-Z]{2}", code):
        country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValidationError(f"{_label(name)}: {code!r} is not an ISO 3166-1 country code (e.g. RUS, JPN)", field=name)
    return country.alpha_3


def validate_translations(translations: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, str]]:
    """``CuratedFields.translations`` normalised: tags canonical, each value validated as its
    field's, empty values and languages left out; ``ValidationError`` for a field that has one
    value whatever the language, a bad tag or a bad value."""
    result: dict[str, dict[str, str]] = {}
    for tag, values in translations.items():
        language = normalize_language(tag)
        for field_name, value in values.items():
            spec = FIELDS_BY_NAME.get(field_name)
            if spec is None or not spec.per_language:
                raise ValidationError(f"{field_name}: has one value in every language", field=field_name)
            text = validate_value(field_name, value if value is not None else "")
            if text:
                result.setdefault(language, {})[field_name] = str(text)
    return result


def check_date(name: str, text: str, *, allow_range: bool = False) -> str:
    if not text:
        return ""
    ends = text.split("/") if allow_range else [text]
    if len(ends) > 2:
        raise ValidationError(f"{_label(name)}: {text!r} has more than two ends", field=name)
    try:
        normalized = [dates.normalize(end) for end in ends]
    except ValueError as error:
        expected = "a date like 1945-08-18, 1945-08 or 1945, or a date-time like 2015-08-18T10:31:00+11:00"
        if allow_range:
            expected += ", or a range like 1945-08-18/1945-08-23"
        raise ValidationError(f"{_label(name)}: {text!r} is not {expected}", field=name) from error
    if len(normalized) == 2 and dates.parse_iso(normalized[0]).start() > dates.parse_iso(normalized[1]).start():
        raise ValidationError(f"{_label(name)}: the range {text!r} ends before it starts", field=name)
    return "/".join(normalized)


# Characters a URL may not hold anywhere (white space, controls, and what would end an HTML
# attribute or tag); after "//" the host must start with none of them nor "/?#".
URL_FORBIDDEN = '\x00-\x20\x7f-\x9f\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff<>"'
_URL = re.compile(f"(https?)://[^{URL_FORBIDDEN}/?#][^{URL_FORBIDDEN}]*", re.IGNORECASE)


def check_url(name: str, text: str) -> str:
    """An http(s) URL (scheme in lower case), or ``ValidationError`` naming ``name``."""
    if not text:
        return text
    match = _URL.fullmatch(text)
    if match is None:
        raise ValidationError(
            f"{_label(name)}: {text!r} is not an http(s) URL (e.g. https://example.org/rights)", field=name
        )
    return match.group(1).lower() + text[len(match.group(1)) :]


NONE = "none"  # what a curator types for "no rating", "no label", "no flag"


def check_rating(name: str, value: object) -> int | None:
    """A whole number within the field's limits; None for none ("", "none" or None)."""
    spec = FIELDS_BY_NAME[name]
    low, high = spec.limits or (0, 5)
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", NONE)):
        return None
    number: object = value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        number = int(value.strip())
    if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
        raise ValidationError(
            f"{spec.label}: {value!r} is not a whole number from {low} to {high} (or {NONE})", field=name
        )
    return number


def check_choice(name: str, value: object) -> str:
    """One of the field's choices (its value or its label, in any case); "" for none."""
    spec = FIELDS_BY_NAME[name]
    text = value.strip().casefold() if isinstance(value, str) else None
    if text in ("", NONE):
        return ""
    chosen = spec.choice_named(text) if text is not None else None
    if chosen is not None:
        return chosen.value
    allowed = ", ".join((*spec.choice_values, NONE))
    raise ValidationError(f"{spec.label}: {value!r} is not one of {allowed}", field=name)


def check_vocabulary(name: str, value: object) -> str:
    """A vocabulary field's URI, from the URI, its short name or its label (any case); a URI
    under the vocabulary's base that we do not list (a newer term) is kept; "" for none.
    ("none" is a term of PLUS's release statuses, so it does not mean "no value" here.)"""
    spec = FIELDS_BY_NAME[name]
    text = check_text(name, value)
    if not text:
        return ""
    chosen = spec.choice_named(text)
    if chosen is not None:
        return chosen.value
    base = spec.choices[0].value.rsplit("/", 1)[0] + "/" if spec.choices else ""
    if base and text.startswith(base) and re.fullmatch(r"[A-Za-z0-9_.-]+", text[len(base) :]):
        return text
    short = ", ".join(c.aliases[0] for c in spec.choices if c.aliases)
    raise ValidationError(f"{spec.label}: {text!r} is not one of {short} (or a URI of {base})", field=name)


def _check_member_value(name: str, member: Member, value: object) -> str | list[str]:
    shown = f"{_label(name)}, {member.name}"
    if member.is_list:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise ValidationError(f"{shown}: expected a list", field=name)
        checked = [check_text(name, item, label=shown) for item in items]
        return [item for item in checked if item]
    if isinstance(value, (list, tuple)):  # one value: a writer that made it an array
        value = "; ".join(str(v) for v in value)
    text = check_text(name, value, multiline=member.type is XmpType.LANG_ALT, label=shown)
    return text


def check_struct(name: str, value: object) -> dict[str, str | list[str]]:
    """A structure of the field's members, empty members left out; ``ValidationError`` for
    a member the field does not have."""
    spec = FIELDS_BY_NAME[name]
    if not isinstance(value, Mapping):
        raise ValidationError(f"{spec.label}: expected members as name=value", field=name)
    result: dict[str, str | list[str]] = {}
    for key, member_value in value.items():
        member = spec.member(str(key))
        if member is None:
            allowed = ", ".join(m.name for m in spec.members)
            raise ValidationError(f"{spec.label}: no member {key!r} (members: {allowed})", field=name)
        checked = _check_member_value(name, member, member_value)
        if checked:
            result[member.name] = checked
    # In the declaration's order, so that equal structures compare and store equal.
    return {m.name: result[m.name] for m in spec.members if m.name in result}


def check_tree(name: str, value: object) -> list[dict[str, Any]]:
    """XMP kept as read: a list of structures of text, lists and structures (not typed by a
    curator, so only its shape and its texts' characters are checked)."""
    spec = FIELDS_BY_NAME[name]

    def walk(node: object) -> object:
        if isinstance(node, str):
            return check_text(name, node, multiline=True, strip=False)
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, Mapping):
            return {check_text(name, str(k)): walk(v) for k, v in node.items()}
        raise ValidationError(f"{spec.label}: {type(node).__name__} is not a value of XMP", field=name)

    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ValidationError(f"{spec.label}: expected a list of structures", field=name)
    return [walked for item in value if isinstance(walked := walk(item), dict) and walked]


def validate_value(name: str, value: object) -> Any:
    """The normalised value of one curated field, or ``ValidationError``."""
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        raise ValidationError(f"unknown field: {name}", field=name)
    if spec.kind is Kind.STRUCT:
        return check_struct(name, value)
    if spec.kind is Kind.STRUCTS:
        if not isinstance(value, (list, tuple)):
            raise ValidationError(f"{spec.label}: expected a list", field=name)
        return [checked for item in value if (checked := check_struct(name, item))]
    if spec.kind is Kind.TREE:
        return check_tree(name, value)
    if spec.input is Input.VOCABULARY:
        return check_vocabulary(name, value)
    if spec.kind is Kind.INTEGER:
        return check_rating(name, value)
    if spec.kind is Kind.CHOICE:
        return check_choice(name, value)
    if spec.kind is Kind.LIST:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise ValidationError(f"{spec.label}: expected a list", field=name)
        items = [check_text(name, item) for item in value]
        items = list(dict.fromkeys(item for item in items if item))
        if len("".join(items).encode("utf-8")) > MAX_VALUE_BYTES:
            raise ValidationError(f"{spec.label}: longer than 64 KB in all", field=name)
        return items
    text = check_text(name, value, multiline=spec.multiline)
    if spec.kind is Kind.NAMES:
        return join_names(split_names(text))
    if spec.input is Input.DATE:
        return check_date(name, text)
    if spec.input is Input.DATE_RANGE:
        return check_date(name, text, allow_range=True)
    if spec.input is Input.COUNTRY_CODE:
        return normalize_country_code(text, name=name)
    if spec.input is Input.URL:
        return check_url(name, text)
    return text


def validate(fields: CuratedFields, *, as_read: frozenset[str] = frozenset()) -> CuratedFields:
    """A normalised copy of ``fields``, or ``ValidationError`` naming the first bad field.

    The fields named in ``as_read`` keep their values unchecked: values a file gave that the
    curator has not changed since (``restore_as_read``), written back as they were read."""
    # Each value has the shape its field declares; mypy cannot follow that through the names.
    changes: dict[str, Any] = {
        name: getattr(fields, name) if name in as_read else validate_value(name, getattr(fields, name))
        for name in CURATED_FIELD_NAMES
    }
    return replace(fields, **changes, translations=validate_translations(fields.translations))


def salvaged(fields: CuratedFields) -> tuple[CuratedFields, list[ValidationError]]:
    """``fields`` normalised, with every field that does not validate emptied, and the reasons.

    (``validate`` refuses the whole set at the first bad field: right for an edit, which the
    curator can correct at once; wrong for publishing values already stored.)
    """
    changes: dict[str, Any] = {}  # each value has the shape its field declares
    errors: list[ValidationError] = []
    for name in CURATED_FIELD_NAMES:
        try:
            changes[name] = validate_value(name, getattr(fields, name))
        except ValidationError as error:
            changes[name] = empty_value(name)
            errors.append(error)
    translations, bad = salvaged_translations(fields.translations)
    return replace(fields, **changes, translations=translations), errors + bad


def restore_as_read(
    salvaged_fields: CuratedFields, stored: CuratedFields, errors: list[ValidationError], original: CuratedFields
) -> tuple[CuratedFields, frozenset[str]]:
    """``salvaged`` fields with each value it left out put back when it is the value the
    original file holds (read as it was at import, and not changed by the curator since): a
    file's placeholder, such as the IPTC reference images' country code ``R22``, is written as
    read rather than dropped. Returns the fields and the names of those put back (to write with
    ``as_read``); a value the curator typed never passes (the catalog refuses it at once).
    A URL is never put back: its rule is a safety rule (a ``javascript:`` web statement would
    become a link in a gallery), not one of form."""
    kept = {
        error.field
        for error in errors
        if error.field in CURATED_FIELD_NAMES
        and FIELDS_BY_NAME[error.field].input is not Input.URL
        and getattr(stored, error.field) == getattr(original, error.field)
        and isinstance(getattr(stored, error.field), str)
        and _safe_text(getattr(stored, error.field))
    }
    restored: dict[str, Any] = {name: getattr(stored, name) for name in kept}
    return replace(salvaged_fields, **restored), frozenset(kept)


def _safe_text(text: str) -> bool:
    """Text XMP and IIM can carry (no control characters but line breaks, nothing XML refuses)."""
    try:
        check_text("value", text, multiline=True, strip=False)
    except ValidationError:
        return False
    return True


def salvaged_translations(
    translations: Mapping[str, Mapping[str, object]],
) -> tuple[dict[str, dict[str, str]], list[ValidationError]]:
    """``validate_translations`` value by value: those that do not validate are left out, and
    the reasons returned (what a file gave: its other values are still read)."""
    kept: dict[str, dict[str, str]] = {}
    errors: list[ValidationError] = []
    for tag, values in translations.items():
        for name, value in values.items():
            try:
                for language, texts in validate_translations({tag: {name: value}}).items():
                    kept.setdefault(language, {}).update(texts)
            except ValidationError as error:
                errors.append(error)
    return kept, errors


def invalid_fields(values: Mapping[str, object]) -> list[str]:
    """The names of the curated fields among ``values`` whose value does not validate."""
    bad = []
    for name, value in values.items():
        if name in FIELDS_BY_NAME and value not in ("", [], None, {}):
            try:
                validate_value(name, value)
            except ValidationError:
                bad.append(name)
    return bad


def validate_gps(latitude: float, longitude: float, altitude: float | None = None) -> GpsPoint:
    checks = (("latitude", latitude, 90.0), ("longitude", longitude, 180.0))
    for name, value, limit in checks:
        if not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) > limit:
            raise ValidationError(f"GPS {name} {value!r} is out of range (-{limit:g} to {limit:g})", field="gps")
    if altitude is not None and (not isinstance(altitude, (int, float)) or not math.isfinite(altitude)):
        raise ValidationError(f"GPS altitude {altitude!r} is not a number", field="gps")
    return GpsPoint(float(latitude), float(longitude), None if altitude is None else float(altitude))
