"""What the sample archive says: photos, captions, places, a template and a collection.

The scenes are imagined visits of a search expedition to Shumshu (Kuril Islands) in August
2015, seventy years after the battle of 18-23 August 1945. The images are generated, so the
credits name the fictional "Sample Expedition" and never a real photographer; positions are
approximate. Captions are in English, Russian and Japanese, some mixed, as in the real
archive. Historical statements are kept to what is well established: the Soviet landing on
the north-eastern coast at dawn on 18 August 1945, in fog; the Japanese tank counter-attack
the same day; the fighting for the heights; the end of the fighting and the surrender of the
Japanese garrison on 23 August.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CREDIT = "Sample Expedition"
SOURCE = "Photo Archive sample"
USAGE = "Generated images for trying Photo Archive; free to use for any purpose."
BATTLE = "Battle of Shumshu"
BATTLE_DATES = "1945-08-18/1945-08-23"
EXPEDITION = "Shumshu search expedition 2015"
UTC_OFFSET = "+12:00"  # Kamchatka and the northern Kurils

TEMPLATE_NAME = "Sample Expedition 2015"
TEMPLATE_VALUES = {
    "creator": CREDIT,
    "credit": CREDIT,
    "source": SOURCE,
    "copyright": "© {date:%Y} Sample Expedition (generated sample images)",
    "usage_terms": USAGE,
    "job_id": "SAMPLE-2015",
}


@dataclass(frozen=True)
class PlaceSpec:
    """A gazetteer place: English name, kind, parent, position, other names (language, name)."""

    name: str
    kind: str
    parent: str | None
    lat: float | None = None
    lon: float | None = None
    names: tuple[tuple[str, str], ...] = ()
    country_code: str = ""


PLACES = [
    PlaceSpec("Russia", "country", None, names=(("ru", "Россия"), ("ja", "ロシア")), country_code="RUS"),
    PlaceSpec("Sakhalin Oblast", "region", "Russia", names=(("ru", "Сахалинская область"), ("ja", "サハリン州"))),
    PlaceSpec(
        "Kuril Islands", "archipelago", "Sakhalin Oblast", names=(("ru", "Курильские острова"), ("ja", "千島列島"))
    ),
    PlaceSpec(
        "Shumshu", "island", "Kuril Islands", 50.77, 156.33, (("ru", "Шумшу"), ("ja", "占守島"), ("en", "Shimushu"))
    ),
    PlaceSpec("Landing beach", "site", "Shumshu", 50.845, 156.43, (("ru", "Место высадки десанта"), ("ja", "竹田浜"))),
    PlaceSpec("Cape Kokutan", "feature", "Shumshu", 50.865, 156.455, (("ru", "мыс Кокутан"), ("ja", "国端崎"))),
    PlaceSpec("Height 171", "feature", "Shumshu", 50.79, 156.38, (("ru", "высота 171"), ("ja", "171高地"))),
    PlaceSpec("Height 165", "feature", "Shumshu", 50.80, 156.40, (("ru", "высота 165"), ("ja", "165高地"))),
    PlaceSpec("Baikovo", "locality", "Shumshu", 50.69, 156.22, (("ru", "Байково"), ("ja", "片岡"))),
]


@dataclass(frozen=True)
class SamplePhoto:
    """One generated photo: its file, scene, time (local, UTC+12), position, place, fields."""

    name: str
    scene: str
    when: str
    place: str
    lat: float
    lon: float
    fields: dict[str, object] = field(default_factory=dict)


def _battle(**values: object) -> dict[str, object]:
    return {"event": BATTLE, "event_date": BATTLE_DATES, **values}


PHOTOS = [
    SamplePhoto(
        "SHU15_0101.jpg",
        "coast",
        "2015-08-11 07:40",
        "Landing beach",
        50.8452,
        156.4318,
        _battle(
            headline="The landing beach at dawn",
            caption="The beach between Cape Kokutan and Cape Kotomari where the first Soviet units came ashore "
            "at dawn on 18 August 1945, in fog and under fire.",
            keywords=["landing", "coast", "1945"],
        ),
    ),
    SamplePhoto(
        "SHU15_0102.jpg",
        "fog",
        "2015-08-11 08:15",
        "Landing beach",
        50.8461,
        156.4335,
        _battle(
            headline="霧の竹田浜",
            caption="占守島・竹田浜に立ち込める霧。1945年8月18日未明の上陸の朝も、濃い霧だったと記録されている。",
            keywords=["霧", "landing", "coast"],
        ),
    ),
    SamplePhoto(
        "SHU15_0107.jpg",
        "bunker",
        "2015-08-11 11:05",
        "Cape Kokutan",
        50.8648,
        156.4561,
        _battle(
            headline="Японский дот на мысе Кокутан",
            caption="Бетонный японский дот на мысе Кокутан. Амбразура обращена к Первому Курильскому проливу и "
            "берегу Камчатки.",
            keywords=["дот", "fortification", "Cape Kokutan"],
        ),
    ),
    SamplePhoto(
        "SHU15_0115.jpg",
        "tank",
        "2015-08-12 10:20",
        "Height 171",
        50.7893,
        156.3787,
        _battle(
            headline="Wreck of a Japanese light tank",
            caption="Wreck of a Japanese light tank below Height 171. Tanks of the 11th Tank Regiment counter-attacked "
            "the Soviet landing force here on 18 August 1945.",
            keywords=["tank", "Type 95", "wreck", "Height 171"],
        ),
    ),
    SamplePhoto(
        "SHU15_0116.jpg",
        "tracks",
        "2015-08-12 10:34",
        "Height 171",
        50.7889,
        156.3779,
        _battle(
            caption="Звенья гусеницы танка в траве у подножия высоты 171. Track links of a tank in the tundra grass.",
            keywords=["tank", "гусеница", "wreck"],
        ),
    ),
    SamplePhoto(
        "SHU15_0121.jpg",
        "hill",
        "2015-08-12 14:50",
        "Height 165",
        50.8012,
        156.4007,
        _battle(
            headline="Траншеи на склоне высоты 165",
            caption="Участники экспедиции осматривают оплывшие траншеи на склоне высоты 165.",
            keywords=["trench", "траншея", "survey"],
        ),
    ),
    SamplePhoto(
        "SHU15_0130.jpg",
        "finds",
        "2015-08-13 16:10",
        "Height 165",
        50.8003,
        156.3991,
        {
            "headline": "調査で見つかった遺物",
            "caption": "調査で見つかった薬莢と水筒。記録したうえで、現地の担当機関に引き渡した。",
            "keywords": ["遺物", "finds", "survey"],
            "event": EXPEDITION,
            "event_date": "2015-08",
        },
    ),
    SamplePhoto(
        "SHU15_0134.jpg",
        "memorial",
        "2015-08-14 12:00",
        "Height 171",
        50.7905,
        156.3801,
        {
            "headline": "Flowers at a memorial",
            "caption": "Members of the expedition lay flowers at a memorial to the soldiers who fell on Shumshu "
            "in August 1945. Участники экспедиции возлагают цветы к памятнику павшим.",
            "keywords": ["memorial", "памятник"],
            "event": EXPEDITION,
            "event_date": "2015-08",
        },
    ),
    SamplePhoto(
        "SHU15_0140.jpg",
        "camp",
        "2015-08-14 19:30",
        "Shumshu",
        50.7601,
        156.2704,
        {
            "headline": "Лагерь экспедиции",
            "caption": "Лагерь экспедиции на западном побережье острова Шумшу. The expedition's camp on the west coast "
            "of Shumshu.",
            "keywords": ["camp", "лагерь"],
            "event": EXPEDITION,
            "event_date": "2015-08",
        },
    ),
    SamplePhoto(
        "SHU15_0144.jpg",
        "strait",
        "2015-08-15 18:45",
        "Baikovo",
        50.6921,
        156.2212,
        {
            "headline": "Baikovo and the Second Kuril Strait",
            "caption": "The coast at Baikovo (Байково; 片岡, Kataoka, before 1945) on the Second Kuril Strait, looking "
            "across to Paramushir.",
            "keywords": ["strait", "Paramushir", "Baikovo"],
        },
    ),
    SamplePhoto(
        "SHU15_0150.jpg",
        "hill",
        "2015-08-16 09:05",
        "Height 171",
        50.7911,
        156.3822,
        _battle(
            headline="171高地から北東を望む",
            caption="171高地から北東の海岸線を望む。1945年8月、この高地をめぐって激しい戦闘が続いた。",
            keywords=["Height 171", "171高地", "view"],
        ),
    ),
    SamplePhoto(
        "SHU15_0153.jpg",
        "coast",
        "2015-08-16 11:30",
        "Cape Kokutan",
        50.8633,
        156.4520,
        _battle(
            keywords=["coast", "Cape Kokutan"],
        ),
    ),  # no caption yet: shows in "Needs attention"
    SamplePhoto(
        "SHU15_0158.jpg",
        "bunker",
        "2015-08-16 13:15",
        "Landing beach",
        50.8470,
        156.4390,
        {
            "caption": "Остатки японского укрепления над местом высадки.",
            "keywords": ["fortification"],
            "no_credit": True,
        },
    ),  # no creator, credit or copyright: shows in "Needs attention"
    SamplePhoto(
        "SHU15_0162.jpg",
        "fog",
        "2015-08-17 07:20",
        "Shumshu",
        50.7702,
        156.3301,
        {
            "headline": "Туман над тундрой",
            "caption": "Утренний туман над тундрой в центре острова. 島の中央部、ツンドラに漂う朝霧。",
            "keywords": ["霧", "tundra", "туман"],
            "event": EXPEDITION,
            "event_date": "2015-08",
        },
    ),
]

COLLECTION_NAME = "Shumshu 1945–2015"
COLLECTION_TITLE = "Shumshu, seventy years after the last battle"
COLLECTION_ORDER = [
    "SHU15_0102.jpg", "SHU15_0101.jpg", "SHU15_0107.jpg", "SHU15_0115.jpg", "SHU15_0116.jpg",
    "SHU15_0150.jpg", "SHU15_0121.jpg", "SHU15_0130.jpg", "SHU15_0134.jpg", "SHU15_0144.jpg",
]  # fmt: skip
COLLECTION_INTRODUCTION = """\
On 18 August 1945, three days after Japan announced its surrender, Soviet troops landed at dawn
and in thick fog on the north-eastern coast of Shumshu, the northernmost of the Kuril Islands.
The Japanese garrison fought back; after heavy fighting for the island's heights and days of
negotiation, it surrendered on 23 August. The battle is often called the last battle of the
Second World War.

In August 2015 a search expedition walked the island: the landing beach, the fortifications at
Cape Kokutan, the tank wrecks below Height 171, the trenches of Height 165. These pictures
follow its route.

*This is the sample archive of Photo Archive: the images are generated, the expedition is
fictional, and the positions are approximate.*
"""
COLLECTION_SOURCE = "Sample Expedition, 2015"
COLLECTION_CATEGORIES = [("Timeline", "August 1945; August 2015"), ("Nations", "USSR, Japan")]
CAPTION_TEMPLATE = "{caption} [Credit photo: {creator} - {source}]"
