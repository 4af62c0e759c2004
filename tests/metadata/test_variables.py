"""The template formatter: variables, formats, optional groups, sections and errors."""

from __future__ import annotations

from datetime import datetime

import pytest

from photoarchive.errors import ValidationError
from photoarchive.metadata import compile_template, photo_variables, render
from photoarchive.model import CuratedFields

PHOTO = CuratedFields(
    caption="Подбитый танк «Тип 97».",
    creator="Иван Петров",
    source="РГВА",
    city="Северо-Курильск",
    sublocation="Высота 171",
    keywords=["танк", "戦車"],
    date_created="1945-08",
)


def values(**changes: object) -> dict[str, object]:
    base = photo_variables(PHOTO, filename="IMG_0042.CR2", date="2015-08-18T10:31:05+11:00", sequence=7)
    return base | changes


def test_variables_and_formats() -> None:
    assert render("{creator}, {city}", values()) == "Иван Петров, Северо-Курильск"
    assert render("{date:%Y%m%d}_{sequence:03}_{sublocation}", values()) == "20150818_007_Высота 171"
    assert render("{filename}-{sequence}", values()) == "IMG_0042-7"
    assert render("{keywords}", values()) == "танк, 戦車"
    assert render("{caption:.6}…", values()) == "Подбит…"
    assert render("{date}", values()) == "2015-08-18T10:31:05+11:00"
    assert render("{date:%Y}", values(date=datetime(2015, 8, 18))) == "2015"


def test_literal_braces() -> None:
    assert render("{{caption}} is {{{caption}}}", values()) == "{caption} is {Подбитый танк «Тип 97».}"


def test_missing_values_are_empty() -> None:
    assert render("{headline}|{credit}|{sequence:03}", values(sequence=None)) == "||"


def test_partial_dates_give_what_they_know() -> None:
    assert render("{date_created:%Y}", values()) == "1945"
    assert render("{date_created:%B %Y}", values()) == "August 1945"
    assert render("{date_created:%d.%m.%Y}", values()) == ""  # the day is not known
    assert render("{date_created}", values()) == "1945-08"


def test_caption_template_of_the_blog_export() -> None:
    template = compile_template("{caption} [Credit photo: {creator} - {source}]")
    assert template.render(values()) == "Подбитый танк «Тип 97». [Credit photo: Иван Петров - РГВА]"
    assert template.render(values(creator="", source="")) == "Подбитый танк «Тип 97»."
    assert template.render(values(source="")) == "Подбитый танк «Тип 97». [Credit photo: Иван Петров - ]"


def test_nested_groups() -> None:
    template = compile_template("{caption} [Photo: {creator}[, {source}]]")
    assert template.render(values(source="")) == "Подбитый танк «Тип 97». [Photo: Иван Петров]"
    assert template.render(values(creator="", source="")) == "Подбитый танк «Тип 97»."


def test_plain_brackets_stay() -> None:
    assert render("[sic] {city} [", values()) == "[sic] Северо-Курильск ["
    assert render("a ] b", values()) == "a ] b"


def test_sections() -> None:
    template = compile_template(
        "{caption}{?city} Photographed near {city}{?sublocation} ({sublocation}){/sublocation}.{/city}"
    )
    assert template.render(values()) == "Подбитый танк «Тип 97». Photographed near Северо-Курильск (Высота 171)."
    assert template.render(values(sublocation="")) == "Подбитый танк «Тип 97». Photographed near Северо-Курильск."
    assert template.render(values(city="")) == "Подбитый танк «Тип 97»."


def test_variables_of_a_template() -> None:
    template = compile_template("{?city}{caption} [{creator}]{/city}")
    assert template.variables == {"city", "caption", "creator"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{photographer}", "unknown variable {photographer}"),
        ("[{nonsense}]", "unknown variable {nonsense}"),
        ("{?nonsense}x{/nonsense}", "unknown variable {?nonsense}"),
        ("{caption", "'{' at position 1"),
        ("caption}", "'}' at position 8"),
        ("{?city}x", "not closed"),
        ("x{/city}", "closes no"),
        ("{?city}x{/caption}", "closes no"),
        ("{sequence:abc}", "is not valid"),
        ("{caption:d}", "is not valid"),
    ],
)
def test_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("{", r"\{").replace("?", r"\?")) as error:
        compile_template(text, field="caption")
    assert error.value.field == "caption"


def test_unknown_variable_is_found_before_rendering() -> None:
    # Not a silent blank, even inside a group that would be dropped.
    with pytest.raises(ValidationError):
        compile_template("{caption} [by {photgrapher}]")


def test_rendering_needs_every_value() -> None:
    with pytest.raises(ValidationError, match="no value"):
        compile_template("{city}").render({})
