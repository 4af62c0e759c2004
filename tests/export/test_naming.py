"""Safe, unique file names from any text."""

from __future__ import annotations

import pytest

from photoarchive.export.naming import MAX_STEM_BYTES, NameAllocator, safe_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Height 171", "Height_171"),
        ("Высота 171", "Высота_171"),
        ("四嶺山の麓", "四嶺山の麓"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "photo"),
        ("", "photo"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("100% #1 & co; a+b", "100_1_co_a_b"),
        ("tab\there\nnew\x00null\x1fend", "tab_here_new_null_end"),
        ("evil\u202egpj.exe", "evil_gpj.exe"),  # a right-to-left override cannot disguise it
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT1", "_LPT1"),
        ("  .hidden. ", "hidden"),
        ("e\u0301te\u0301", "été"),  # NFC, as macOS and Linux must agree on the bytes
        ("trailing dot.", "trailing_dot"),
    ],
)
def test_safe_name(text: str, expected: str) -> None:
    assert safe_name(text) == expected


def test_length_is_limited_at_a_character_boundary() -> None:
    name = safe_name("占" * 200)
    assert len(name.encode("utf-8")) <= MAX_STEM_BYTES
    assert name == "占" * (MAX_STEM_BYTES // 3)


def test_allocator_makes_names_unique_case_insensitively() -> None:
    names = NameAllocator()
    names.reserve("index.html")
    assert names.allocate("Tank") == "Tank"
    assert names.allocate("tank") == "tank-2"
    assert names.allocate("TANK") == "TANK-3"
    assert names.allocate("index", ".html") == "index-2.html"
    long = "x" * MAX_STEM_BYTES
    first, second = names.allocate(long), names.allocate(long)
    assert first != second and len(second.encode()) <= MAX_STEM_BYTES
