"""The controlled vocabularies of the IPTC and PLUS properties we model, and the members of their
structures: plain data for the declarations of ``model.curated``.

A vocabulary's values are URIs (what the files hold); each has its label (English, marked for
translation; the names IPTC and PLUS give them) and its short name (the URI's last segment for
IPTC, a word for PLUS) as an alias that the command line accepts.

- Digital source type: IPTC NewsCodes ``http://cv.iptc.org/newscodes/digitalsourcetype/``
  (the current terms, and ``softwareImage`` and the others IPTC has retired, which files such as
  the 2022.1 reference image still carry). There are no terms ``positivePrint`` or
  ``printedMaterial``: a photographic print is ``print``, a slide ``positiveFilm``.
- Model and property release status: PLUS ``http://ns.useplus.org/ldf/vocab/`` MR-* and PR-*.
"""

from __future__ import annotations

from photoarchive.model.fields import QT_TRANSLATE_NOOP, Choice, Member, XmpType

DIGITAL_SOURCE_TYPE_BASE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
PLUS_VOCAB = "http://ns.useplus.org/ldf/vocab/"


def _iptc(term: str, label: str) -> Choice:
    return Choice(DIGITAL_SOURCE_TYPE_BASE + term, label, aliases=(term,))


DIGITAL_SOURCE_TYPES: tuple[Choice, ...] = (
    _iptc("digitalCapture", QT_TRANSLATE_NOOP("CuratedFields", "Original digital capture sampled from real life")),
    _iptc("negativeFilm", QT_TRANSLATE_NOOP("CuratedFields", "Digitised from a negative on film")),
    _iptc("positiveFilm", QT_TRANSLATE_NOOP("CuratedFields", "Digitised from a positive on film")),
    _iptc("print", QT_TRANSLATE_NOOP("CuratedFields", "Digitised from a print on non-transparent medium")),
    _iptc("computationalCapture", QT_TRANSLATE_NOOP("CuratedFields", "Computational capture")),
    _iptc("screenCapture", QT_TRANSLATE_NOOP("CuratedFields", "Screen capture")),
    _iptc("minorHumanEdits", QT_TRANSLATE_NOOP("CuratedFields", "Original media with minor human edits")),
    _iptc("humanEdits", QT_TRANSLATE_NOOP("CuratedFields", "Human edits")),
    _iptc("compositeCapture", QT_TRANSLATE_NOOP("CuratedFields", "Composite of captured elements")),
    _iptc("algorithmicallyEnhanced", QT_TRANSLATE_NOOP("CuratedFields", "Algorithmically-enhanced media")),
    _iptc("dataDrivenMedia", QT_TRANSLATE_NOOP("CuratedFields", "Data-driven media")),
    _iptc("digitalCreation", QT_TRANSLATE_NOOP("CuratedFields", "Digital creation")),
    _iptc("digitalArt", QT_TRANSLATE_NOOP("CuratedFields", "Digital art")),
    _iptc("virtualRecording", QT_TRANSLATE_NOOP("CuratedFields", "Virtual recording")),
    _iptc("compositeSynthetic", QT_TRANSLATE_NOOP("CuratedFields", "Composite including synthetic elements")),
    _iptc("trainedAlgorithmicMedia", QT_TRANSLATE_NOOP("CuratedFields", "Trained algorithmic media")),
    _iptc(
        "compositeWithTrainedAlgorithmicMedia",
        QT_TRANSLATE_NOOP("CuratedFields", "Composite with trained algorithmic media"),
    ),
    _iptc("algorithmicMedia", QT_TRANSLATE_NOOP("CuratedFields", "Pure algorithmic media")),
    # Retired by IPTC, still in files.
    _iptc("softwareImage", QT_TRANSLATE_NOOP("CuratedFields", "Created by software (retired term)")),
)


def _plus(code: str, short: str, label: str) -> Choice:
    return Choice(PLUS_VOCAB + code, label, aliases=(short, code))


MODEL_RELEASE_STATUSES: tuple[Choice, ...] = (
    _plus("MR-NON", "none", QT_TRANSLATE_NOOP("CuratedFields", "None")),
    _plus("MR-NAP", "not-applicable", QT_TRANSLATE_NOOP("CuratedFields", "Not applicable")),
    _plus("MR-UMR", "unlimited", QT_TRANSLATE_NOOP("CuratedFields", "Unlimited model releases")),
    _plus("MR-LMR", "limited", QT_TRANSLATE_NOOP("CuratedFields", "Limited or incomplete model releases")),
)
PROPERTY_RELEASE_STATUSES: tuple[Choice, ...] = (
    _plus("PR-NON", "none", QT_TRANSLATE_NOOP("CuratedFields", "None")),
    _plus("PR-NAP", "not-applicable", QT_TRANSLATE_NOOP("CuratedFields", "Not applicable")),
    _plus("PR-UPR", "unlimited", QT_TRANSLATE_NOOP("CuratedFields", "Unlimited property releases")),
    _plus("PR-LPR", "limited", QT_TRANSLATE_NOOP("CuratedFields", "Limited or incomplete property releases")),
)

_TEXT, _ALT, _BAG, _SEQ = XmpType.TEXT, XmpType.LANG_ALT, XmpType.BAG, XmpType.SEQ
_EXT, _CORE, _PLUS = "Iptc4xmpExt", "Iptc4xmpCore", "plus"


def _m(name: str, xmp: str, label: str, type: XmpType = _TEXT) -> Member:
    return Member(name, xmp, type, label)


# Iptc4xmpExt:LocationCreated (a bag of Location structures; we keep the first, as ExifTool's
# MWG tags do): the names, the world region and identifiers, and the position as XMP writes it.
LOCATION_MEMBERS: tuple[Member, ...] = (
    _m("sublocation", f"{_EXT}:Sublocation", QT_TRANSLATE_NOOP("CuratedFields", "Sublocation")),
    _m("city", f"{_EXT}:City", QT_TRANSLATE_NOOP("CuratedFields", "City")),
    _m("state", f"{_EXT}:ProvinceState", QT_TRANSLATE_NOOP("CuratedFields", "Province or state")),
    _m("country", f"{_EXT}:CountryName", QT_TRANSLATE_NOOP("CuratedFields", "Country")),
    _m("country_code", f"{_EXT}:CountryCode", QT_TRANSLATE_NOOP("CuratedFields", "Country code")),
    _m("world_region", f"{_EXT}:WorldRegion", QT_TRANSLATE_NOOP("CuratedFields", "World region")),
    _m("location_name", f"{_EXT}:LocationName", QT_TRANSLATE_NOOP("CuratedFields", "Location name"), _ALT),
    _m("location_id", f"{_EXT}:LocationId", QT_TRANSLATE_NOOP("CuratedFields", "Location identifier"), _BAG),
    _m("gps_latitude", "exif:GPSLatitude", QT_TRANSLATE_NOOP("CuratedFields", "GPS latitude")),
    _m("gps_longitude", "exif:GPSLongitude", QT_TRANSLATE_NOOP("CuratedFields", "GPS longitude")),
    _m("gps_altitude", "exif:GPSAltitude", QT_TRANSLATE_NOOP("CuratedFields", "GPS altitude")),
    _m("gps_altitude_ref", "exif:GPSAltitudeRef", QT_TRANSLATE_NOOP("CuratedFields", "GPS altitude reference")),
)
# The members a location created is reduced to when an export leaves out where a photo was.
LOCATION_POSITION_MEMBERS = ("gps_latitude", "gps_longitude", "gps_altitude", "gps_altitude_ref")

ARTWORK_MEMBERS: tuple[Member, ...] = (
    _m("title", f"{_EXT}:AOTitle", QT_TRANSLATE_NOOP("CuratedFields", "Title"), _ALT),
    _m("creator", f"{_EXT}:AOCreator", QT_TRANSLATE_NOOP("CuratedFields", "Creator"), _SEQ),
    _m("creator_id", f"{_EXT}:AOCreatorId", QT_TRANSLATE_NOOP("CuratedFields", "Creator identifier"), _SEQ),
    _m("date_created", f"{_EXT}:AODateCreated", QT_TRANSLATE_NOOP("CuratedFields", "Date created")),
    _m("circa_date_created", f"{_EXT}:AOCircaDateCreated", QT_TRANSLATE_NOOP("CuratedFields", "Circa date created")),
    _m("style_period", f"{_EXT}:AOStylePeriod", QT_TRANSLATE_NOOP("CuratedFields", "Style period"), _BAG),
    _m("source", f"{_EXT}:AOSource", QT_TRANSLATE_NOOP("CuratedFields", "Source")),
    _m(
        "source_inventory_number",
        f"{_EXT}:AOSourceInvNo",
        QT_TRANSLATE_NOOP("CuratedFields", "Source inventory number"),
    ),
    _m("source_inventory_url", f"{_EXT}:AOSourceInvURL", QT_TRANSLATE_NOOP("CuratedFields", "Source inventory URL")),
    _m("copyright_notice", f"{_EXT}:AOCopyrightNotice", QT_TRANSLATE_NOOP("CuratedFields", "Copyright notice")),
    _m(
        "current_copyright_owner_name",
        f"{_EXT}:AOCurrentCopyrightOwnerName",
        QT_TRANSLATE_NOOP("CuratedFields", "Current copyright owner name"),
    ),
    _m(
        "current_copyright_owner_id",
        f"{_EXT}:AOCurrentCopyrightOwnerId",
        QT_TRANSLATE_NOOP("CuratedFields", "Current copyright owner identifier"),
    ),
    _m(
        "current_licensor_name",
        f"{_EXT}:AOCurrentLicensorName",
        QT_TRANSLATE_NOOP("CuratedFields", "Current licensor name"),
    ),
    _m(
        "current_licensor_id",
        f"{_EXT}:AOCurrentLicensorId",
        QT_TRANSLATE_NOOP("CuratedFields", "Current licensor identifier"),
    ),
    _m(
        "content_description",
        f"{_EXT}:AOContentDescription",
        QT_TRANSLATE_NOOP("CuratedFields", "Content description"),
        _ALT,
    ),
    _m(
        "contribution_description",
        f"{_EXT}:AOContributionDescription",
        QT_TRANSLATE_NOOP("CuratedFields", "Contribution description"),
        _ALT,
    ),
    _m(
        "physical_description",
        f"{_EXT}:AOPhysicalDescription",
        QT_TRANSLATE_NOOP("CuratedFields", "Physical description"),
        _ALT,
    ),
)

LICENSOR_MEMBERS: tuple[Member, ...] = (
    _m("name", f"{_PLUS}:LicensorName", QT_TRANSLATE_NOOP("CuratedFields", "Name")),
    _m("id", f"{_PLUS}:LicensorID", QT_TRANSLATE_NOOP("CuratedFields", "Identifier")),
    _m("url", f"{_PLUS}:LicensorURL", QT_TRANSLATE_NOOP("CuratedFields", "URL")),
    _m("email", f"{_PLUS}:LicensorEmail", QT_TRANSLATE_NOOP("CuratedFields", "Email")),
    _m("extended_address", f"{_PLUS}:LicensorExtendedAddress", QT_TRANSLATE_NOOP("CuratedFields", "Address, extended")),
    _m("street_address", f"{_PLUS}:LicensorStreetAddress", QT_TRANSLATE_NOOP("CuratedFields", "Street address")),
    _m("city", f"{_PLUS}:LicensorCity", QT_TRANSLATE_NOOP("CuratedFields", "City")),
    _m("region", f"{_PLUS}:LicensorRegion", QT_TRANSLATE_NOOP("CuratedFields", "Region")),
    _m("postal_code", f"{_PLUS}:LicensorPostalCode", QT_TRANSLATE_NOOP("CuratedFields", "Postal code")),
    _m("country", f"{_PLUS}:LicensorCountry", QT_TRANSLATE_NOOP("CuratedFields", "Country")),
    _m("telephone1", f"{_PLUS}:LicensorTelephone1", QT_TRANSLATE_NOOP("CuratedFields", "Telephone 1")),
    _m("telephone_type1", f"{_PLUS}:LicensorTelephoneType1", QT_TRANSLATE_NOOP("CuratedFields", "Telephone type 1")),
    _m("telephone2", f"{_PLUS}:LicensorTelephone2", QT_TRANSLATE_NOOP("CuratedFields", "Telephone 2")),
    _m("telephone_type2", f"{_PLUS}:LicensorTelephoneType2", QT_TRANSLATE_NOOP("CuratedFields", "Telephone type 2")),
)

COPYRIGHT_OWNER_MEMBERS: tuple[Member, ...] = (
    _m("name", f"{_PLUS}:CopyrightOwnerName", QT_TRANSLATE_NOOP("CuratedFields", "Name")),
    _m("id", f"{_PLUS}:CopyrightOwnerID", QT_TRANSLATE_NOOP("CuratedFields", "Identifier")),
)

CONTRIBUTOR_MEMBERS: tuple[Member, ...] = (
    _m("name", f"{_EXT}:Name", QT_TRANSLATE_NOOP("CuratedFields", "Name"), _ALT),
    _m("role", f"{_EXT}:Role", QT_TRANSLATE_NOOP("CuratedFields", "Role"), _BAG),
    _m("id", "xmp:Identifier", QT_TRANSLATE_NOOP("CuratedFields", "Identifier"), _BAG),
)

CONTACT_MEMBERS: tuple[Member, ...] = (
    _m("address", f"{_CORE}:CiAdrExtadr", QT_TRANSLATE_NOOP("CuratedFields", "Address")),
    _m("city", f"{_CORE}:CiAdrCity", QT_TRANSLATE_NOOP("CuratedFields", "City")),
    _m("region", f"{_CORE}:CiAdrRegion", QT_TRANSLATE_NOOP("CuratedFields", "Region")),
    _m("postal_code", f"{_CORE}:CiAdrPcode", QT_TRANSLATE_NOOP("CuratedFields", "Postal code")),
    _m("country", f"{_CORE}:CiAdrCtry", QT_TRANSLATE_NOOP("CuratedFields", "Country")),
    _m("phone", f"{_CORE}:CiTelWork", QT_TRANSLATE_NOOP("CuratedFields", "Phone")),
    _m("email", f"{_CORE}:CiEmailWork", QT_TRANSLATE_NOOP("CuratedFields", "Email")),
    _m("url", f"{_CORE}:CiUrlWork", QT_TRANSLATE_NOOP("CuratedFields", "Web address")),
)

# Properties inside image regions whose arrays are ordered (the others are bags).
SEQ_PROPERTIES = frozenset({"Iptc4xmpExt:rbVertices", "Iptc4xmpExt:AOCreator", "Iptc4xmpExt:AOCreatorId"})
