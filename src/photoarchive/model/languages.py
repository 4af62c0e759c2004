"""Language tags (BCP 47) of the per-language values: one rule, used by the validator of
curated values (``metadata.validate``), the catalog and the command line.

Why a strict pattern and pycountry rather than a library of language tags: pycountry is
already a dependency (countries), and its ISO 639 list checks the language subtag, which is
what catches a typo; ``langcodes`` would bring its own data package for what the archive
does not use (matching, names, extensions). Here, not in ``metadata``: the catalog and the
command line read it without loading exiv2.
"""

from __future__ import annotations

import re

from photoarchive.errors import ValidationError

# BCP 47's shape (RFC 5646 section 2.1) for the tags a curator uses: a language of two or three
# letters, then an optional script (4 letters), region (2 letters or 3 digits, UN M.49) and
# variants. Extended language subtags, extensions, private use and grandfathered tags are left
# out on purpose: no XMP reader we know makes use of them, and refusing them catches typos.
_LANGUAGE_TAG = re.compile(
    r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)"
)


def normalize_language(tag: str, *, name: str = "language") -> str:
    """A BCP 47 language tag in its canonical case (``ru``, ``ja``, ``zh-Hant``, ``pt-BR``), or
    ``ValidationError``. The language must be an ISO 639 code (pycountry's list, which the
    project already uses for countries); a three-letter code that has a two-letter one is
    written with the two letters, as BCP 47 requires (``rus`` -> ``ru``); a region must be
    an ISO 3166-1 alpha-2 code or a UN M.49 number."""
    import pycountry  # here: opening the catalog (which stores imported languages) need not load it

    text = tag.strip().replace("_", "-")
    match = _LANGUAGE_TAG.fullmatch(text.lower())
    example = "e.g. en, ru, ja, zh-Hant, pt-BR"
    if text.lower() == "x-default":
        raise ValidationError(f"{name}: x-default is not a language (it is the default language's value)", field=name)
    if match is None:
        raise ValidationError(f"{name}: {tag!r} is not a BCP 47 language tag ({example})", field=name)
    code = match["language"]
    language = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if language is None:
        raise ValidationError(f"{name}: {tag!r}: {code!r} is not an ISO 639 language code ({example})", field=name)
    parts = [getattr(language, "alpha_2", None) or code]
    if match["script"]:
        parts.append(match["script"].title())
    region = match["region"]
    if region:
        if region.isalpha() and pycountry.countries.get(alpha_2=region.upper()) is None:
            raise ValidationError(f"{name}: {tag!r}: {region.upper()!r} is not an ISO 3166-1 region", field=name)
        parts.append(region.upper())
    if match["variants"]:
        parts.append(match["variants"][1:])
    return "-".join(parts)
