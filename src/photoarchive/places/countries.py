"""Country names and ISO 3166-1 codes, from pycountry (kept up to date with the ISO standard).

IPTC IIM 2:100 holds the alpha-3 code, so that is what the gazetteer stores; people type
alpha-2 codes (``RU``) or names (``Russia``) as often, and both are accepted.
"""

from __future__ import annotations

import pycountry

from photoarchive.errors import ValidationError
from photoarchive.metadata.validate import normalize_country_code


def country_code(code: str, *, field: str = "country_code") -> str:
    """The ISO 3166-1 alpha-3 code for an alpha-2 or alpha-3 code, any case; '' stays ''.

    The same rule the metadata validator applies to a photo's country code."""
    return normalize_country_code(code, name=field)


def country_name(code: str) -> str:
    """The common English name of a country (``South Korea`` rather than ``Korea, Republic of``)."""
    country = pycountry.countries.get(alpha_3=country_code(code))
    if country is None:  # no code given: country_code() refuses the codes it does not know
        raise ValidationError("no country code given", field="country_code")
    return str(getattr(country, "common_name", None) or country.name)


def code_for_name(*names: str) -> str:
    """The alpha-3 code of the first of these names that pycountry recognises, or ''.

    An exact name, official name or code is taken at once; otherwise pycountry's fuzzy search
    is accepted only when the name begins the country's name ("Russia" for "Russian
    Federation"), so that a misspelling is not silently taken for another country.
    """
    for name in names:
        text = name.strip()
        if not text:
            continue
        try:
            return str(pycountry.countries.lookup(text).alpha_3)
        except LookupError:
            pass
        try:
            candidates = pycountry.countries.search_fuzzy(text)
        except LookupError:
            continue
        folded = text.casefold()
        for country in candidates[:3]:
            known = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
            if any(k and k.casefold().startswith(folded) for k in known):
                return str(country.alpha_3)
    return ""
