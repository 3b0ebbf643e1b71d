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


def test_a_page_without_text_keeps_its_break_with_a_warning():
    """Shape 7: an image page (no text between two form feeds) is still a page."""
    text = "\n".join(prose(3, "p1")) + "\f\f" + "\n".join(prose(3, "p3")) + "\f"
    state = run_through(text, "body_lines", disable=("furniture",))
    assert len(state.pages) == 3
    first_of_3 = next(l for l in state.lines if l.page == 3)
    assert first_of_3.text.startswith(marks.page(None) + marks.page(None))
    assert state.report.warnings == ["page 2: no text (an image page?); its page break is kept"]


def test_image_pages_at_the_end_close_the_last_line():
    text = "\n".join(prose(3, "p1")) + "\f" + "\n".join(prose(2, "p2")) + "\f\f\f"
    state = run_through(text, "body_lines", disable=("furniture",))
    assert len(state.pages) == 4  # the chunk after the last form feed is no page
    assert state.lines[-1].text.endswith(marks.page(None) * 2)
    assert len(state.report.warnings) == 2


def test_an_image_first_page_gives_the_second_page_its_break():
    text = "\f" + "\n".join(prose(3, "p2")) + "\f"
    state = run_through(text, "body_lines", disable=("furniture",))
    assert state.lines[0].text.startswith(marks.page(None))
    assert not state.lines[0].text.startswith(marks.page(None) * 2)
