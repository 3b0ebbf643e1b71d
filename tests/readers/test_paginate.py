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


def _numbered(pages: int, lines: int, folio=lambda k: f"{k}", gap: int = 0) -> str:
    """`pages` pages of `lines` prose lines, each closed by its folio (page 1 too), pages
    separated by `gap` blank lines (an extractor that dropped the form feeds)."""
    parts = []
    for k in range(1, pages + 1):
        parts += [*prose(lines, f"page{k}"), folio(k)] + [""] * gap
    return "\n".join(parts)


def test_folios_rising_a_page_apart_end_their_pages():
    pages = paginate(_numbered(5, 30))
    assert [_texts(p)[-1] for p in pages] == ["1", "2", "3", "4", "5"]
    assert [len(p.lines) for p in pages] == [31] * 5


def test_page_and_dashed_folios_number_pages_too():
    for form in (lambda k: f"Page {k} of 4", lambda k: f"- {k} -"):
        pages = paginate(_numbered(4, 30, form))
        assert [_texts(p)[-1] for p in pages] == [form(k) for k in (1, 2, 3, 4)]


def test_a_caption_page_without_a_folio_ends_at_the_blank_gap_a_page_before():
    text = _numbered(5, 30, gap=2)
    text = text.replace("\n1\n", "\n\n", 1)  # page 1 prints no folio
    pages = paginate(text)
    assert len(pages) == 5 and _texts(pages[1])[0].startswith("This is line 1 of the page2")


def test_margin_line_numbers_are_no_folios():
    """Pleading paper: 1-28 down the margin of every page, a line apart: no pages."""
    parts = []
    for _ in range(3):
        for n in range(1, 29):
            parts += [str(n), f"Line {n} of the pleading paper, as the court typed it out."]
    assert len(paginate("\n".join(parts))) == 1


def test_note_labels_off_the_page_rhythm_number_no_pages():
    """Lone numbers rising by one but spaced like notes (5, 70, 25, 90 lines) are labels."""
    parts, n = [], 1
    for span in (20, 70, 25, 90, 30, 85, 20, 75):
        parts += [*prose(span, f"span{n}"), str(n)]
        n += 1
    assert len(paginate("\n".join(parts))) == 1


def test_a_two_line_head_a_page_apart_begins_each_page_even_without_page_1s_copy():
    """The caption page prints no head; the later pages print two lines of it (case name
    over "Opinion of the Court") and no folio: a page begins at each copy, once."""
    parts = [*prose(30, "caption")]
    for k in range(2, 6):
        parts += ["GIFT SURPLUS, LLC V. STATE EX REL. COOPER", "Opinion of the Court",
                  *prose(30, f"page{k}")]
    pages = paginate("\n".join(parts))
    assert len(pages) == 5
    assert [_texts(p)[0] for p in pages[1:]] == ["GIFT SURPLUS, LLC V. STATE EX REL. COOPER"] * 4
