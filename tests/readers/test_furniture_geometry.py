"""Furniture by position (PDF input, issue 8 shape 8): running heads found by their height on
the page wherever they stand in the line order, OCR-varied copies, side labels, folios below
which the PDF lists rotated lines."""

from convert.readers import ReadReport
from convert.readers.furniture import strip_furniture
from convert.readers.layout import Line, Page

H = 792.0


def body(page: int, n: int = 12, start: float = 200.0) -> list[Line]:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"][page - 1]
    return [Line(f"Line {i} of the {words} page, which the court wrote in full here.", page,
                 x0=72, x1=540, top=start + 24 * i, size=12.0) for i in range(n)]


def page(index: int, lines: list[Line]) -> Page:
    return Page(index, lines, width=612.0, height=H)


def texts(p: Page) -> list[str]:
    return [l.text for l in p.lines]


def test_a_head_below_a_stamp_block_goes_by_its_height():
    """Five stamp-like lines push the head past the first lines; its height gives it away."""
    pages = []
    for k in range(1, 6):
        block = [Line(f"Filed note {c} of the clerk on page {k}", k, top=20 + 10 * c, size=8.0)
                 for c in range(5)]
        head = Line(f"DOE v. ROE HOLDINGS, INC.            {k}", k, top=100.0, size=10.0)
        pages.append(page(k, block + [head] + body(min(k, 6))))
    report = ReadReport("x.pdf")
    labels = strip_furniture(pages, report)
    assert not any("DOE v. ROE" in t for p in pages[1:] for t in texts(p))
    assert "DOE v. ROE HOLDINGS, INC.            1" in texts(pages[0])  # page 1: the caption
    assert labels[3] == "3"


def test_copies_of_a_head_that_vary_by_ocr_spelling_go_too():
    spellings = ["GILDERNEW v. QUARANTILLO, DISTRICT DIRECTOR",
                 "GILDERNEW v. QUARANTlLLO, DlSTRICT DIRECTOR",
                 "GlLDERNEW v. QUARANTILLO, DISTRICT DIRECT0R",
                 "GILDERNEW v. QUARANTILLO, DISTRICT DIRECTOR",
                 "GILDERNEW v. QUARANTILL0, DISTRICT DIRECTOR"]
    pages = [page(k, [Line(spellings[k - 1], k, top=60.0, size=10.0)] + body(k))
             for k in range(1, 6)]
    strip_furniture(pages, ReadReport("x.pdf"))
    assert not any("GILDERNEW" in t.upper() for p in pages[1:] for t in texts(p))


def test_a_line_repeated_at_another_height_is_text():
    """Two copies in the top band, below five other lines, at heights 30 pt apart: no head."""
    pages = []
    for k in range(1, 6):
        top = [Line(f"Heading {k}.{c} of a different kind on page {k}", k, top=20 + 10 * c,
                    size=12.0) for c in range(5)]
        if k in (2, 3):
            top.append(Line("The motion to dismiss is denied.", k, top=90.0 + 30 * k,
                            size=12.0))
        pages.append(page(k, top + body(k)))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert sum("The motion to dismiss is denied." in texts(p) for p in pages) == 2


def test_a_side_label_on_every_page_goes_and_a_lone_stamp_stays():
    def side(k, text, top):
        return Line(text, k, x0=18, top=top, size=13.5, rotated=True)

    pages = [page(1, body(1) + [side(1, "United States District Court", 300),
                                side(1, "RECEIVED BY THE CLERK", 500)]),
             page(2, body(2) + [side(2, "United States District Court", 300)])]
    report = ReadReport("x.pdf")
    strip_furniture(pages, report)
    assert [r.text for r in report.removed if r.kind == "side-label"] == [
        "United States District Court"] * 2
    assert "RECEIVED BY THE CLERK" in texts(pages[0])


def test_the_folio_is_the_last_upright_line_even_with_rotated_lines_after_it():
    pages = []
    for k in (1, 2, 3):
        folio = Line(f"{k}", k, x0=300, top=740.0, size=12.0)
        label = Line("Northern District of California", k, x0=30, top=330, size=7.5,
                     rotated=True)
        pages.append(page(k, body(k) + [folio, label]))
    report = ReadReport("x.pdf")
    labels = strip_furniture(pages, report)
    assert [r.text for r in report.removed if r.kind == "page-number"] == ["1", "2", "3"]
    assert labels == {1: "1", 2: "2", 3: "3"}


# ------------------------------------------------------------------ type size (criterion 3)

def _long_document(head_size: float, copies: tuple[int, ...], band_top: float = 40.0):
    """Twelve pages of 12 pt text; a head at one height on the pages listed in `copies`."""
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
             "kappa", "lambda", "mu"]
    pages = []
    for k in range(1, 13):
        lines = [Line(f"Line {i} of the {words[k - 1]} page, which the court wrote in full.", k,
                      x0=72, x1=540, top=200.0 + 24 * i, size=12.0) for i in range(12)]
        if k in copies:
            lines.insert(0, Line("IN RE APPLICATION OF THE EXAMPLE TRUST", k, x0=200, x1=420,
                                 top=band_top, size=head_size))
        pages.append(page(k, lines))
    return pages


def test_a_head_in_smaller_type_goes_on_two_pages_of_twelve():
    """Two copies at one height are too few for repetition alone (a quarter of eleven later
    pages is three); set in 9 pt over a 12 pt text, the type size is the second witness."""
    pages = _long_document(9.0, (4, 9))
    report = ReadReport("x.pdf")
    strip_furniture(pages, report)
    assert not any("EXAMPLE TRUST" in t for p in pages for t in texts(p))
    assert [r.page for r in report.removed if r.kind == "running-head"] == [4, 9]


def test_the_same_two_copies_in_the_bodys_size_stay_text():
    pages = _long_document(12.0, (4, 9))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert sum("EXAMPLE TRUST" in t for p in pages for t in texts(p)) == 2


def test_a_size_within_the_bodys_jitter_is_the_bodys_size():
    pages = _long_document(12.0 * (1 + 0.05), (4, 9))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert sum("EXAMPLE TRUST" in t for p in pages for t in texts(p)) == 2


def test_a_line_in_smaller_type_on_one_page_only_is_text():
    pages = _long_document(9.0, (4,))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert sum("EXAMPLE TRUST" in t for p in pages for t in texts(p)) == 1


def test_body_size_is_the_size_most_characters_are_set_in():
    from convert.readers.furniture import body_size

    pages = _long_document(9.0, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
    assert body_size(pages) == 12.0
    assert body_size([Page(1, [Line("text input has no sizes", 1)])]) is None


def test_a_sentence_two_notes_repeat_in_the_foot_band_stays():
    """Notes stand in smaller type at the foot: two notes printing the same sentence at one
    height are no running foot (S.D.N.Y. 2013, notes on pages 3 and 12)."""
    pages = _long_document(9.0, (4, 9), band_top=700.0)
    strip_furniture(pages, ReadReport("x.pdf"))
    assert sum("EXAMPLE TRUST" in t for p in pages for t in texts(p)) == 2


# ------------------------------------------------------------------ issue 8 shape 8, more forms

def test_a_head_that_alternates_left_and_right_goes_by_its_height():
    """Facing pages print the running head at the outer edge: left on even pages, right on
    odd ones; its height is the same."""
    pages = []
    for k in range(1, 6):
        x0 = 72.0 if k % 2 == 0 else 380.0
        head = Line("SMITH v. JONES MANUFACTURING CO.", k, x0=x0, x1=x0 + 160, top=50.0,
                    size=10.0)
        pages.append(page(k, [head] + body(k)))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert not any("SMITH v. JONES" in t for p in pages[1:] for t in texts(p))


def test_a_stamp_in_a_form_never_seen_goes_by_repetition_and_height():
    """No stamp pattern knows this one (a docketing system's header); its copies differ only
    in their numbers and stand at one height atop every page."""
    pages = []
    for k in range(1, 6):
        stamp = Line(f"USCA4 Appeal: 08-2373   Doc: {30 + k}   Filed: 03/1{k}/2010   Pg: {k} of 5",
                     k, x0=72, x1=540, top=20.0, size=8.0)
        pages.append(page(k, [stamp] + body(k)))
    report = ReadReport("x.pdf")
    strip_furniture(pages, report)
    assert not any("USCA4" in t for p in pages[1:] for t in texts(p))


def test_short_notes_alike_but_for_their_numbers_are_no_running_foot():
    """"2 Exhibit 1" over "3 Exhibit 13" at a page's foot, and such notes on every page: a
    running foot is printed once a page, so lines alike twice on one page are text."""
    pages, note = [], 1
    for k in range(1, 6):
        feet = []
        for row in range(2 if k % 2 else 1):
            feet.append(Line(f"{note} Exhibit {note * 3}", k, top=700.0 + 11 * row, size=9.0))
            note += 1
        pages.append(page(k, body(k) + feet))
    strip_furniture(pages, ReadReport("x.pdf"))
    assert [t for p in pages for t in texts(p) if "Exhibit" in t] == \
        [f"{n} Exhibit {n * 3}" for n in range(1, note)]
