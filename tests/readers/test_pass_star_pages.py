"""Pass `star_pages`: a printed star page becomes a page break."""

from convert.readers import marks

from passkit import prose, run_through


def test_a_star_page_in_the_text_becomes_a_page_break_and_is_reported():
    text = "\n".join(prose(3) + ["the end of one page [*5] and the start of the next one."])
    state = run_through(text, "star_pages")
    assert state.lines[-1].text == "the end of one page " + marks.page("5") + \
        "and the start of the next one."
    assert [r.text for r in state.report.removed if r.kind == "star-page"] == ["[*5]"]
