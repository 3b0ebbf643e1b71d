"""Pass `bare_marks`: a line holding only a page break hands it to the next line."""

from convert.readers import marks

from passkit import prose, run_through


def test_a_star_page_alone_on_its_line_moves_to_the_next_line():
    text = "\n".join(prose(2) + ["[*2]", "next page text goes on."])
    state = run_through(text, "bare_marks")
    assert state.lines[-1].text == marks.page("2") + "next page text goes on."
    assert id(state.lines[-1]) in state.page_starts
    assert len(state.lines) == 3
