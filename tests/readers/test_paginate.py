"""`paginate`: text without form feeds is cut into pages from its own evidence (issue 8,
shape 6 and the running-head rhythm of one-paragraph-per-line text)."""

from convert.readers.paginate import paginate

from passkit import prose

HEAD = "Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035"


def _texts(page):
    return [l.text.strip() for l in page.lines]


def test_a_repeated_running_head_begins_each_page():
    parts = []
    for k, folio in enumerate(("437", "438", "439", "440")):
        parts += [HEAD, *prose(4, f"page{k}"), f" {folio}"]
    pages = paginate("\n".join(parts))
    assert len(pages) == 4
    assert [_texts(p)[0] for p in pages] == [HEAD] * 4
    assert [_texts(p)[-1] for p in pages] == ["437", "438", "439", "440"]


def test_a_head_after_each_folio_counts_even_when_page_1_lacks_it():
    parts = [*prose(5, "caption"), " 1"]
    for k in (2, 3, 4):
        parts += [HEAD, *prose(4, f"page{k}"), f" {k}"]
    pages = paginate("\n".join(parts))
    assert len(pages) == 4 and _texts(pages[1])[0] == HEAD


def test_a_repeated_running_foot_ends_each_page():
    foot = "CV-549 (01/18) CIVIL MINUTES - GENERAL Page {} of 3"
    parts = []
    for k in (1, 2, 3):
        parts += [*prose(4, f"page{k}"), foot.format(k)]
    pages = paginate("\n".join(parts))
    assert [_texts(p)[-1] for p in pages] == [foot.format(k) for k in (1, 2, 3)]


def test_a_line_repeated_close_together_is_no_head():
    """A list of like lines (`See id.` three lines apart at most) paces no pages."""
    parts = [*prose(3), "See id. at 4 and the cases cited there.",
             "See id. at 5 and the cases cited there.", "See id. at 6 and the cases cited there.",
             *prose(6)]
    assert len(paginate("\n".join(parts))) == 1


def test_blank_runs_at_a_page_rhythm_separate_pages():
    """Shape 6: an extractor's page gaps (here four blank lines) every 50 lines."""
    page = []
    for k in range(1, 24):  # 46 lines: 23 paragraphs of one line and a blank
        page += [f"Paragraph {k} of the page says what the court held on this point.", ""]
    text = "\n".join((page + ["", "", ""]) * 3 + page)
    pages = paginate(text)
    assert len(pages) == 4
    assert all(len(p.lines) == 23 for p in pages)


def test_blank_runs_at_a_page_rhythm_in_single_spaced_text():
    page = [f"Line {k} of the page, single spaced, as the court wrote it down." for k in range(48)]
    text = "\n".join((page + ["", "", ""]) * 2 + page)
    pages = paginate(text)
    assert [len(p.lines) for p in pages] == [48, 48, 48]


def test_blank_runs_off_the_page_rhythm_are_paragraph_gaps():
    parts = []
    for k in range(6):  # a double blank every 8 lines: too short for pages
        parts += prose(6, f"block{k}") + ["", ""]
    assert len(paginate("\n".join(parts))) == 1
