"""PDF input layer: `convert.readers.pdf_layout.extract_pages`.

Synthetic PDFs (written by the tests themselves) pin each heuristic; the corpus tests check the
extractor against real court PDFs and their `pdftotext` twins (skipped without ../shared).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from convert.errors import ConvertError
from convert.readers.pdf_layout import extract_pages, page_count
from corpus_labels import note_count
from locations import CORPUS

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
CALL_RE = re.compile(f"[{SUPERSCRIPTS}]+")
FROM_SUP = str.maketrans(SUPERSCRIPTS, "0123456789")


# --------------------------------------------------------------------------- synthetic PDFs

def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_pdf(path: Path, pages: list[list[tuple]], size=(612, 792)) -> Path:
    """A minimal PDF in Courier (7.2 pt per character at 12 pt).  Each page is a list of
    (x, y, font_size, text) or (x, y, font_size, text, "rot90") with y from the page bottom;
    `text` may be a TJ array (a list of strings and kerning numbers)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    kids = []
    for items in pages:
        ops = []
        for item in items:
            x, y, fs, text = item[:4]
            if isinstance(text, list):  # a TJ array: strings and kerning (thousandths of em)
                show = "[" + " ".join(_pdf_string(t) if isinstance(t, str) else str(t)
                                      for t in text) + "] TJ"
            else:
                show = f"{_pdf_string(text)} Tj"
            if len(item) > 4 and item[4] == "rot90":
                ops.append(f"BT /F1 {fs} Tf 0 1 -1 0 {x} {y} Tm {show} ET")
            else:
                ops.append(f"BT /F1 {fs} Tf 1 0 0 1 {x} {y} Tm {show} ET")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page = add(
            f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        kids.append(page)
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    )
    return write_objects(path, objects, catalog)


def write_objects(path: Path, objects: list[bytes], root: int = 1) -> Path:
    """A PDF file of these numbered objects (1, 2, ...), its cross-reference table and its
    trailer naming object `root` as the catalog."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    path.write_bytes(bytes(out))
    return path


def _body_page():
    # Courier 12: 7.2 pt per char.  "The court held." is 15 chars = 108 pt wide.
    return [
        (72, 720, 12, "OPINION"),  # a heading
        (72, 700, 12, "The court held."),
        (180, 704, 7, "1"),  # footnote call: 7 pt, raised 4 pt
        (184.2, 700, 12, " Next words here."),
        (108, 686, 12, "Indented line."),  # single spacing: 14 pt pitch
        (72, 658, 12, "After one empty line."),  # double spacing
        (72, 103, 7, "1"),  # the note's label: raised, small, opening the line
        (76.2, 100, 10, "The note says this."),
        (300, 40, 10, "- 3 -"),  # a page footer
        (590, 300, 10, "FILED 2020", "rot90"),  # a side stamp
    ]


@pytest.fixture
def body_pdf(tmp_path):
    return write_pdf(tmp_path / "body.pdf", [_body_page()])


def test_lines_geometry_and_order(body_pdf):
    [page] = extract_pages(str(body_pdf))
    assert page.index == 1 and page.width == 612 and page.height == 792
    upright = [ln for ln in page.lines if not ln.rotated]
    texts = [ln.text.strip() for ln in upright]
    assert texts == [
        "OPINION",
        "The court held.¹ Next words here.",
        "Indented line.",
        "After one empty line.",
        "1 The note says this.",
        "- 3 -",
    ]
    tops = [ln.top for ln in upright]
    assert tops == sorted(tops)
    first = upright[1]
    assert first.page == 1 and first.size == 12.0
    assert first.x0 == pytest.approx(72, abs=0.5)
    assert first.x1 == pytest.approx(184.2 + 17 * 7.2, abs=1)
    assert 700 - 12 - 2 < 792 - first.top < 700 + 12  # top sits above the baseline
    assert upright[4].size == 10.0  # the note's dominant size, not the label's


def test_superscript_call_versus_note_label(body_pdf):
    lines = [ln.text for ln in extract_pages(str(body_pdf))[0].lines]
    assert any("held.¹ Next" in t for t in lines)  # a call inside text: superscript, no space
    assert "1 The note says this." in [t.strip() for t in lines]  # a label: digit + space


def test_indentation_and_blank_before(body_pdf):
    upright = [ln for ln in extract_pages(str(body_pdf))[0].lines if not ln.rotated]
    by_text = {ln.text.strip(): ln for ln in upright}
    assert by_text["OPINION"].blank_before == 0  # first line of the page
    assert by_text["The court held.¹ Next words here."].blank_before == 0  # 20 pt ~ single
    assert by_text["Indented line."].blank_before == 0
    assert by_text["After one empty line."].blank_before == 1
    assert by_text["1 The note says this."].blank_before > 10
    # 36 pt right of the margin at 7.2 pt per character: 5 leading spaces
    assert by_text["Indented line."].indent == 5
    assert by_text["The court held.¹ Next words here."].indent == 0


def test_rotated_stamp_is_flagged_and_last(body_pdf):
    page = extract_pages(str(body_pdf))[0]
    rotated = [ln for ln in page.lines if ln.rotated]
    assert [ln.text for ln in rotated] == ["FILED 2020"]
    assert page.lines[-1].rotated
    stamp = rotated[0]
    assert stamp.x0 > 570 and stamp.size == 10.0 and stamp.blank_before == 0


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_page_with_rotate_entry_reads_upright(tmp_path, body_pdf, turn):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(body_pdf))
    writer.pages[0].rotate(turn)
    turned = tmp_path / f"turned{turn}.pdf"
    with open(turned, "wb") as fh:
        writer.write(fh)
    want = extract_pages(str(body_pdf))[0]
    got = extract_pages(str(turned))[0]
    assert [(ln.text, ln.rotated) for ln in got.lines] == [(ln.text, ln.rotated) for ln in want.lines]
    assert (got.width, got.height) == (612, 792)


def test_margin_line_numbers_are_separate_lines(tmp_path):
    items = []
    for n in range(1, 9):
        y = 720 - 24 * n
        items.append((50 if n < 10 else 42.8, y, 12, str(n)))
        if n != 4:
            items.append((90, y, 12, f"Body text of line {n} on pleading paper."))
    pdf = write_pdf(tmp_path / "pleading.pdf", [items])
    lines = extract_pages(str(pdf))[0].lines
    numbers = [ln for ln in lines if ln.text.strip().isdigit()]
    assert [ln.text.strip() for ln in numbers] == [str(n) for n in range(1, 9)]
    assert all(ln.x0 < 60 for ln in numbers)
    body = [ln for ln in lines if not ln.text.strip().isdigit()]
    assert len(body) == 7 and all(ln.text.startswith("Body text") for ln in body)
    assert all(ln.x0 == pytest.approx(90, abs=0.5) for ln in body)


def test_two_column_caption_keeps_wide_gap(tmp_path):
    pdf = write_pdf(tmp_path / "caption.pdf", [[(72, 700, 12, "IN RE: Widgets"),
                                                  (350, 700, 12, "No. 20-1507")]])
    [line] = extract_pages(str(pdf))[0].lines
    assert re.fullmatch(r"IN RE: Widgets {2,}No\. 20-1507", line.text)


def test_no_text_layer_is_a_clear_error(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(ConvertError) as err:
        extract_pages(str(pdf))
    assert err.value.page == 1
    assert err.value.reason == "PDF has no text layer (scanned image?); OCR is not supported"
    assert page_count(str(pdf)) == 2


def test_some_empty_pages_are_kept(tmp_path):
    pdf = write_pdf(tmp_path / "mixed.pdf", [[(72, 700, 12, "Text")], []])
    pages = extract_pages(str(pdf))
    assert [len(p.lines) for p in pages] == [1, 0]


@pytest.mark.parametrize("payload", [b"", b"not a pdf at all\n", b"%PDF-1.4\n1 0 obj\n<<"])
def test_corrupt_pdf_is_a_clear_error(tmp_path, payload):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(payload)
    with pytest.raises(ConvertError) as err:
        extract_pages(str(bad))
    assert "PDF" in err.value.reason and err.value.path == str(bad)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConvertError, match="not found"):
        extract_pages(str(tmp_path / "nope.pdf"))


def test_encrypted_pdf_is_a_clear_error(tmp_path, body_pdf):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(body_pdf))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    with pytest.raises(ConvertError, match="encrypted"):
        extract_pages(str(locked))


# --------------------------------------------------------------------------- corpus

# Facts about the corpus documents, established by reading the PDFs and their pdftotext twins:
# the number of footnotes each has (one call in the text for each), from labels.json.
FOOTNOTES = {stem: note_count(stem) if CORPUS.is_dir() else 0 for stem in (
    "azd_bard_ivc_remand_order", "ca10_21-800_order", "ca1_20-1507_calvary_chapel_v_mills",
    "nc_2022-NCSC-1_gift_surplus", "scotus_tarrant_v_herrmann_2013_slip",
    "tc_memo_2020-26_bordelon")}
STEMS = sorted(FOOTNOTES)


@lru_cache(maxsize=None)
def _pages(pdf: str):
    return extract_pages(pdf)


def _words(text: str) -> Counter:
    """Words for comparing with pdftotext: superscripts as digits, hyphenation undone."""
    text = text.translate(FROM_SUP).replace("\u00ad", "")
    text = re.sub(r"¶\s*", "¶ ", text)
    text = re.sub(r"[-\u2010]\s*\n\s*", "", text).replace("-", "").replace("\u2010", "")
    return Counter(w for w in re.split(r"[\s\u2013\u2014]+", text) if w)


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_corpus_page_count(corpus, stem):
    pypdf = pytest.importorskip("pypdf")
    pdf = corpus / "pdf" / f"{stem}.pdf"
    expected = len(pypdf.PdfReader(str(pdf)).pages)
    assert len(_pages(str(pdf))) == expected == page_count(str(pdf))
    assert [p.index for p in _pages(str(pdf))] == list(range(1, expected + 1))


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_corpus_word_coverage(corpus, stem):
    pdf = corpus / "pdf" / f"{stem}.pdf"
    raw = (corpus / "pdf" / f"{stem}.raw.txt").read_text(encoding="utf-8")
    ours = "\n".join(ln.text for p in _pages(str(pdf)) for ln in p.lines)
    want, got = _words(raw), _words(ours)
    common = sum((want & got).values())
    assert common / sum(want.values()) >= 0.995, list((want - got).elements())[:30]
    assert common / sum(got.values()) >= 0.99, list((got - want).elements())[:30]


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_corpus_footnote_calls_are_superscripts(corpus, stem):
    pages = _pages(str(corpus / "pdf" / f"{stem}.pdf"))
    calls = [(p.index, m.group().translate(FROM_SUP))
             for p in pages for ln in p.lines for m in CALL_RE.finditer(ln.text)]
    n = FOOTNOTES[stem]
    assert [int(c) for _, c in calls] == list(range(1, n + 1))
    # each note's body starts with its label in normal digits, on the call's page or later
    for page_no, number in calls:
        assert any(re.match(rf"\s*{number} \S", ln.text)
                   for p in pages if p.index >= page_no for ln in p.lines), number


@pytest.mark.corpus
def test_corpus_caption_footnote_call(corpus):
    first = _pages(str(corpus / "pdf" / "tc_memo_2020-26_bordelon.pdf"))[0]
    assert any("BORDELON,¹ Petitioners v." in ln.text for ln in first.lines)
    assert any(ln.text.strip().startswith("1 Three cases are consolidated") for ln in first.lines)


@pytest.mark.corpus
def test_corpus_pleading_line_numbers(corpus):
    page = _pages(str(corpus / "pdf" / "azd_bard_ivc_remand_order.pdf"))[0]
    numbers = [ln for ln in page.lines if re.fullmatch(r"\d{1,2}", ln.text.strip())]
    assert [int(ln.text) for ln in numbers] == list(range(1, 29))
    assert all(ln.x0 < 90 and ln.x1 < 90 for ln in numbers)
    body = [ln for ln in page.lines if ln not in numbers]
    assert all(ln.x0 >= 100 for ln in body)
    assert not any(re.match(r"\s*\d{1,2}\s{2,}\S", ln.text) for ln in body)
    assert any(ln.text.startswith("WO") for ln in body)


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_corpus_layout_facts(corpus, stem):
    pages = _pages(str(corpus / "pdf" / f"{stem}.pdf"))
    for page in pages:
        assert page.width and page.height
        upright = [ln for ln in page.lines if not ln.rotated]
        for ln in page.lines:
            assert ln.page == page.index
            assert ln.size and 4 <= ln.size <= 30
            assert ln.top is not None and 0 <= ln.top <= page.height
            assert ln.x0 is not None and ln.x1 is not None
            assert 0 <= ln.x0 < ln.x1 <= page.width + 1
            assert ln.text.strip() and ln.text == ln.text.rstrip()
            assert ln.blank_before >= 0
        tops = [ln.top for ln in upright]
        assert all(b >= a - 3 for a, b in zip(tops, tops[1:])), page.index
    # no corpus PDF has a rotated stamp (the synthetic test covers rotation)
    assert not any(ln.rotated for p in pages for ln in p.lines)


@pytest.mark.corpus
def test_corpus_spacing_rhythm(corpus):
    # ca1 is double spaced: body lines show one blank line before them, notes none
    page = _pages(str(corpus / "pdf" / "ca1_20-1507_calvary_chapel_v_mills.pdf"))[5]
    body = [ln for ln in page.lines if 100 < ln.top < 540]
    assert Counter(ln.blank_before for ln in body).most_common(1)[0][0] == 1
    notes = [ln for ln in page.lines if 575 < ln.top < 720]
    assert notes and all(ln.blank_before == 0 for ln in notes)
    # the Supreme Court slip opinion is single spaced; its map pages have no text
    scotus = _pages(str(corpus / "pdf" / "scotus_tarrant_v_herrmann_2013_slip.pdf"))
    assert Counter(ln.blank_before for p in scotus for ln in p.lines).most_common(1)[0][0] == 0
    assert [p.index for p in scotus if not p.lines] == [29, 30]
    assert scotus[6].lines[0].text.strip().startswith("Cite as: 569 U. S. ____ (2013)")
    assert scotus[6].lines[0].size == 9.0
