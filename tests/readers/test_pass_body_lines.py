"""Pass `body_lines`: pages flatten into lines; each later page's first line starts a page."""

from convert.readers import marks

from passkit import prose, run_through


def test_each_later_page_begins_with_a_page_break_carrying_its_label():
    text = "\f".join(["\n".join(prose(3, f"p{k}")) for k in (1, 2, 3)])
    state = run_through(text, "body_lines", disable=("furniture",))
    assert len(state.lines) == 9
    firsts = [l for l in state.lines if id(l) in state.page_starts]
    assert [l.text.startswith(marks.page(None)) for l in firsts] == [True, True]
    assert firsts[0].page == 2 and firsts[1].page == 3
