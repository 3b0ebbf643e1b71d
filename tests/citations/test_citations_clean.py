"""clean: eyecite's input, and the map back to the source."""

from convert.citations.clean import clean


def _back(source: str, cleaned, needle: str) -> str:
    start = cleaned.text.index(needle)
    a, b = cleaned.span(start, start + len(needle))
    return source[a:b]


def test_whitespace_runs_become_one_space_and_map_back():
    src = "See Bell Atl.\n  Corp. v. Twombly, 550\u00a0U.S.\n544 (2007)."
    c = clean(src)
    assert "550 U.S. 544 (2007)" in c.text
    assert _back(src, c, "550 U.S. 544") == "550\u00a0U.S.\n544"


def test_markdown_emphasis_is_dropped_but_the_span_is_the_source_text():
    src = "*Ashcroft v. Iqbal*, 556 U.S. 662, 678 (2009); _Id._ at 679."
    c = clean(src)
    assert c.text.startswith("Ashcroft v. Iqbal, 556 U.S. 662")
    assert "Id. at 679" in c.text
    assert _back(src, c, "Ashcroft v. Iqbal") == "Ashcroft v. Iqbal"
    assert _back(src, c, "Id. at 679") == "Id._ at 679"


def test_en_dash_pin_cites_become_hyphens_in_place():
    src = "315 F. Supp. 3d 392, 400–01 (D.D.C. 2018); al–Kidd"
    c = clean(src)
    assert "400-01" in c.text and len(c.text) == len(src)
    assert "al–Kidd" in c.text  # between letters: not a pin cite


def test_curly_apostrophe_in_a_reporter():
    assert "F. App'x" in clean("123 F. App’x 456").text


def test_empty_text():
    c = clean("")
    assert c.text == "" and c.source == [0]
