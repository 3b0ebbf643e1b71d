"""Pass `furniture`: stamps and page numbers leave the page; printed numbers label pages."""

from passkit import prose, run_through, visible


def _pages(n: int) -> str:
    pages = []
    words = ["alpha", "beta", "gamma", "delta"]  # distinct pages: no repetition to strip
    for k in range(1, n + 1):
        pages.append("\n".join([f"Case 1:20-cv-00309 Document 11 Filed 06/23/20 Page {k} of {n}",
                                *prose(8, words[k - 1]), "", f"{k}"]))
    return "\f".join(pages)


def test_stamps_and_page_numbers_are_removed_and_reported():
    state = run_through(_pages(3), "furniture")
    for page in state.pages:
        texts = visible(page.lines)
        assert not any(t.startswith("Case 1:20") for t in texts)
        assert texts[-1].startswith("This is line 8")
    kinds = [r.kind for r in state.report.removed]
    assert kinds.count("stamp") == 3 and kinds.count("page-number") == 3


def test_printed_numbers_label_the_pages():
    state = run_through(_pages(3), "furniture")
    assert state.labels == {1: "1", 2: "2", 3: "3"}


def test_page_1_copy_of_the_running_foot_goes_too():
    foot = "CV-549 (01/18)      CIVIL MINUTES - GENERAL      Page {} of 3"
    words = ["alpha", "beta", "gamma"]
    text = "\f".join("\n".join([*prose(8, words[k - 1]), foot.format(k)]) for k in (1, 2, 3))
    state = run_through(text, "furniture")
    assert all(not t.startswith("CV-549") for p in state.pages for t in visible(p.lines))
    assert [r.page for r in state.report.removed if r.kind == "running-foot"] == [2, 3, 1]


def test_page_1_caption_is_not_taken_for_a_later_pages_head():
    """A form repeats the court's name atop every page; on page 1 it is the caption."""
    head = "UNITED STATES DISTRICT COURT FOR THE CENTRAL DISTRICT"
    words = ["alpha", "beta", "gamma"]
    text = "\f".join("\n".join([head, *prose(8, words[k - 1])]) for k in (1, 2, 3))
    state = run_through(text, "furniture")
    assert visible(state.pages[0].lines)[0] == head
    assert visible(state.pages[1].lines)[0].startswith("This is line 1")


def _with_side_label(n: int, caption: str = "UNITED STATES DISTRICT COURT") -> str:
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    pages = []
    for k in range(1, n + 1):
        lines = prose(10, words[k - 1])
        # -layout drops the two-line side label somewhere mid-page, at another line each time
        lines[3 + k:3 + k] = ["Northern District of California", " United States District Court"]
        if k == 1:
            lines = [caption, *prose(2, "caption"), *lines]
        pages.append("\n".join(lines))
    return "\f".join(pages)


def test_a_side_label_repeated_mid_page_goes_wherever_it_stands():
    state = run_through(_with_side_label(5), "furniture")
    left = [t for p in state.pages for t in visible(p.lines)
            if t in ("Northern District of California", "United States District Court")]
    assert left == []
    assert visible(state.pages[0].lines)[0] == "UNITED STATES DISTRICT COURT"  # the caption
    kinds = [r.kind for r in state.report.removed]
    assert kinds.count("repeated-label") == 10


def test_a_line_repeated_on_too_few_pages_stays():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    pages = []
    for k in range(1, 7):
        lines = prose(10, words[k - 1])
        if k in (2, 3):  # 2 of 5 later pages: under half
            lines.insert(5, "The motion is granted in part and denied.")
        pages.append("\n".join(lines))
    state = run_through("\f".join(pages), "furniture")
    assert sum(t == "The motion is granted in part and denied." for p in state.pages
               for t in visible(p.lines)) == 2


def test_pleading_line_numbers_in_a_column_set_in_from_the_edge():
    """`pdftotext -layout` sets a side label left of the margin numbers, so the numbers
    stand in a column far from the edge (right-aligned); a note label on line 27 stays."""
    margin = " " * 60
    rows = []
    for n in range(1, 29):
        text = f"This is line {n} of the order, which the court wrote here."
        if n == 5:
            rows.append("United States District Court")
        if n == 27:
            text = "          1"
        rows.append(f"{margin}{n:>2}   {text}")
    state = run_through("\n".join(rows), "furniture")
    texts = visible(state.pages[0].lines)
    assert texts[0] == "This is line 1 of the order, which the court wrote here."
    assert "1" in texts and not any(t.startswith(("12 ", "27")) for t in texts)
    assert [r.text for r in state.report.removed if r.kind == "line-number"] == \
        [str(n) for n in range(1, 29)]


# ------------------------------------------------------------------ printed numbers out of sequence

def _foliated(folios: list[str | None]) -> str:
    """One page per folio: distinct prose, the folio (if any) alone on the page's last line."""
    pages = []
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    for k, folio in enumerate(folios, start=1):
        lines = prose(8, words[k - 1])
        if folio is not None:
            lines += ["", f"{folio:>40}"]
        pages.append("\n".join(lines))
    return "\f".join(pages)


def test_schedules_that_print_their_own_numbers_keep_them():
    """An order, then schedules and exhibits numbered on their own (D. Ariz. 2019: 1, 24, 1,
    25): every later page prints a folio, so each numbers its page though no two agree."""
    state = run_through(_foliated([None, "1", "24", "1", "25"]), "furniture")
    assert state.labels == {1: None, 2: "1", 3: "24", 4: "1", 5: "25"}
    assert [r.text for r in state.report.removed if r.kind == "page-number"] == ["1", "24", "1", "25"]


def _tabled(folios: list[tuple[str | None, str | None]]) -> str:
    """One page per (folio at the foot, lone number inside): plain pdftotext prints a table
    page's folio between two of the table's columns, each column a run of short lines."""
    pages = []
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    for k, (foot, inside) in enumerate(folios, start=1):
        lines = prose(4, words[k - 1]) + ["", "Case Number", *[f"2:15-cv-0{k}{i:03}" for i in range(6)]]
        if inside is not None:
            lines += ["", inside, ""]
        lines += ["Transferor District", "Ala. N.D.", "Cal. C.D.", "Conn.", *prose(2, words[k - 1])]
        if foot is not None:
            lines += ["", foot]
        pages.append("\n".join(lines))
    return "\f".join(pages)


def test_a_folio_printed_among_a_tables_columns_numbers_its_page():
    """D. Ariz. 2019 schedules in plain pdftotext: the folios of two table pages (1, 24) stand
    between columns, the next pages' (1, 25) at the foot."""
    state = run_through(_tabled([(None, None), (None, "1"), (None, "24"), ("1", None),
                                 ("25", None)]), "furniture")
    assert state.labels == {1: None, 2: "1", 3: "24", 4: "1", 5: "25"}
    assert [(r.text, r.page) for r in state.report.removed if r.kind == "page-number"] == \
        [("1", 4), ("25", 5), ("1", 2), ("24", 3)]
    assert "1" not in visible(state.pages[1].lines) and "24" not in visible(state.pages[2].lines)


def test_a_lone_number_inside_page_1_stays_text():
    """The caption page prints no folio; a note label `1` alone on its line is no folio."""
    state = run_through(_tabled([(None, "1"), ("2", None), ("3", None), ("4", None)]), "furniture")
    assert state.labels[1] == "1"  # inferred from the run 2, 3, 4
    assert "1" in visible(state.pages[0].lines)


def test_a_lone_number_that_disagrees_with_the_pages_inferred_label_stays_text():
    state = run_through(_tabled([("1", None), ("2", None), (None, "7"), ("4", None)]), "furniture")
    assert state.labels[3] == "3"
    assert "7" in visible(state.pages[2].lines)


def test_two_lone_numbers_inside_a_page_are_table_cells():
    text = _tabled([(None, None), (None, "248\n\n4016"), ("24", None), ("1", None), ("25", None)])
    state = run_through(text, "furniture")
    assert state.labels[2] is None
    assert {"248", "4016"} <= set(visible(state.pages[1].lines))


def test_a_lone_number_inside_a_page_of_an_unnumbered_document_stays_text():
    state = run_through(_tabled([(None, None), (None, "2"), (None, None), (None, None)]), "furniture")
    assert all(v is None for v in state.labels.values())
    assert "2" in visible(state.pages[1].lines)


def test_a_one_page_writing_restarting_at_1_keeps_its_number():
    state = run_through(_foliated(["1", "2", "3", "1", "1", "2", "3"]), "furniture")
    assert state.labels == {1: "1", 2: "2", 3: "3", 4: "1", 5: "1", 6: "2", 7: "3"}


def test_a_stray_number_inside_one_sequence_numbers_nothing():
    state = run_through(_foliated(["1", "2", "3", "9", "5", "6"]), "furniture")
    assert state.labels[4] is None
    assert visible(state.pages[3].lines)[-1] == "9"  # not a folio: it stays text


def test_a_lone_number_closing_one_page_of_an_unnumbered_document_stays_text():
    """A note label that plain pdftotext prints after its note, alone on the page's last
    line, is no folio when the document prints no page numbers."""
    state = run_through(_foliated([None, None, None, "3", None, None]), "furniture")
    assert all(v is None for v in state.labels.values())
    assert visible(state.pages[3].lines)[-1] == "3"
    assert not [r for r in state.report.removed if r.kind == "page-number"]


def test_a_dressed_folio_is_a_page_number_whatever_the_sequence():
    state = run_through(_foliated([None, None, "- 7 -", None, None]), "furniture")
    assert visible(state.pages[2].lines)[-1].startswith("This is line 8")


def test_a_folio_in_parentheses_numbers_its_page():
    state = run_through(_foliated(["(1)", "(2)", "(3)", "(4)"]), "furniture")
    assert state.labels == {1: "1", 2: "2", 3: "3", 4: "4"}
    assert all(visible(p.lines)[-1].startswith("This is line 8") for p in state.pages)


def test_a_running_head_set_left_and_right_on_facing_pages_goes():
    """-layout text keeps the head's place: flush left on even pages, far right on odd."""
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    pages = []
    for k in range(1, 6):
        head = "SMITH v. JONES MANUFACTURING CO." if k % 2 == 0 else \
            " " * 40 + "SMITH v. JONES MANUFACTURING CO."
        pages.append("\n".join([head, "", *prose(8, words[k - 1])]))
    state = run_through("\f".join(pages), "furniture")
    assert not any("SMITH v. JONES" in t for p in state.pages[1:] for t in visible(p.lines))


def test_short_notes_alike_twice_on_a_page_are_no_running_foot():
    words = ["alpha", "beta", "gamma", "delta"]
    pages, note = [], 1
    for k in range(1, 5):
        feet = [f"{note + i} Exhibit {(note + i) * 3}" for i in range(2)]
        note += 2
        pages.append("\n".join([*prose(8, words[k - 1]), "", *feet]))
    state = run_through("\f".join(pages), "furniture")
    kept = [t for p in state.pages for t in visible(p.lines) if "Exhibit" in t]
    assert kept == [f"{n} Exhibit {n * 3}" for n in range(1, note)]
