"""pdf_layout's rows of text (issue 8, shapes 9 and 10): overprinted strings do not
interleave, and justified lines keep the word spaces the content stream shows."""

from __future__ import annotations

from pathlib import Path

from convert.readers.pdf_layout import _Ch, _untangle, extract_pages
from test_pdf_layout import write_objects, write_pdf

BODY = (100, 650, 12, "Body text of the page, long enough to set the page's margin here.")


def lines(tmp_path: Path, items) -> list[str]:
    pdf = write_pdf(tmp_path / "x.pdf", [items])
    return [l.text.strip() for l in extract_pages(str(pdf))[0].lines]


def test_two_strings_printed_over_each_other_stay_whole_in_stream_order(tmp_path):
    # Courier 12: 7.2 pt per glyph; the second string starts 2 pt to the right of the first,
    # so sorted by position their glyphs would alternate (ABABABAB).
    assert lines(tmp_path, [(100, 700, 12, "AAAA"), (102, 700, 12, "BBBB")]) == ["AAAA BBBB"]


def test_a_string_printed_twice_over_itself_is_read_once(tmp_path):
    got = lines(tmp_path, [(100, 700, 12, "District Court"), (103.5, 700, 12, "District Court")])
    assert got == ["District Court"]


def test_a_doubled_side_label_is_read_once(tmp_path):
    got = lines(tmp_path, [BODY, (50, 300, 12, "District Court", "rot90"),
                           (50, 303.5, 12, "District Court", "rot90")])
    assert got[-1] == "District Court"


def test_text_side_by_side_is_left_alone(tmp_path):
    [row] = lines(tmp_path, [(100, 700, 12, "Left"), (300, 700, 12, "Right")])
    assert row.split() == ["Left", "Right"]


def test_justified_line_keeps_word_spaces_the_content_stream_shows(tmp_path):
    # -150/1000 em = 1.8 pt between words: under the plain word gap (0.17 em = 2.04 pt), but
    # PDFium reads a word break from the TJ array, and the glyphs stand apart.
    got = lines(tmp_path, [(100, 700, 12, ["none", -150, "of", -150, "the", -150, "plaintiffs"])])
    assert got == ["none of the plaintiffs"]


def test_kerning_inside_a_word_is_no_word_space(tmp_path):
    assert lines(tmp_path, [(100, 700, 12, ["none", -60, "of", -60, "the"])]) == ["noneofthe"]


def _ch(c, x0, idx):
    return (x0, x0 + 7.2, _Ch(c, x0, x0 + 7.2, 0, 10, 10, 12, c == " ", idx))


def test_untangle_without_collision_returns_the_items_unchanged():
    items = [_ch("a", 0, 0), _ch("b", 7.2, 1), _ch("c", 14.4, 2)]
    assert _untangle(items) is items


def test_untangle_orders_colliding_strings_by_content_stream():
    first = [_ch(c, 10 + 7.2 * i, 20 + i) for i, c in enumerate("XY")]  # drawn second
    second = [_ch(c, 9 + 7.2 * i, 1 + i) for i, c in enumerate("PQ")]  # drawn first
    items = sorted(first + second, key=lambda it: it[0])
    text = "".join(it[2].c for it in _untangle(items))
    assert text == "PQ XY"


def _letter_spaced(words: list[str], letter: int = -250, word: int = -1000) -> list:
    tj: list = []
    for w, text in enumerate(words):
        if w:
            tj.append(word)
        for i, c in enumerate(text):
            if i:
                tj.append(letter)
            tj.append(c)
    return tj


def test_a_letter_spaced_heading_is_read_as_its_words(tmp_path):
    """Issue 8 shape 10: letters set 3 pt apart (a word gap each), words 12 pt apart."""
    got = lines(tmp_path, [BODY, (150, 700, 12, _letter_spaced(["OPINION", "OF", "THE", "COURT"]))])
    assert got[0] == "OPINION OF THE COURT"


def test_three_one_letter_words_stay_apart(tmp_path):
    got = lines(tmp_path, [BODY, (150, 700, 12, _letter_spaced(["A", "B", "C"], word=-250))])
    assert got[0] == "A B C"


# Word spaces drawn as text objects of their own (`( ) Tj` between the words' `Tj`s, as some
# word processors write them): PDFium leaves such an object (empty bounds) off its text page.
# Courier 12: "of" ends at 114.4; the space is drawn at 113.4 (inside the `f`'s advance, as the
# N.D. Cal. 2005 order draws it) and "the" starts 1 pt on: a gap under any word-gap threshold.
TIGHT = [(100, 700, 12, "of"), (113.4, 700, 12, " "), (115.4, 700, 12, "the")]


def test_a_word_space_drawn_on_its_own_parts_the_words(tmp_path):
    assert lines(tmp_path, [BODY, *TIGHT])[0] == "of the"


def test_a_space_drawn_elsewhere_in_the_stream_parts_nothing(tmp_path):
    # the same blank, drawn after both words: it stands between no two strings in the stream
    got = lines(tmp_path, [BODY, TIGHT[0], TIGHT[2], TIGHT[1]])
    assert got[0] == "ofthe"


def test_a_space_drawn_on_another_line_parts_nothing(tmp_path):
    got = lines(tmp_path, [BODY, TIGHT[0], (113.4, 600, 12, " "), TIGHT[2]])
    assert got[0] == "ofthe"


def _form_pdf(path: Path, items, cm=(1, 0, 0, 1, 40, 0), matrix=(1, 0, 0, 1, 10, 0)) -> Path:
    """One page drawing a form XObject (its own /Matrix, under a `cm`) that shows `items`
    (x, y, size, text) in Courier, each as its own text object."""
    show = "\n".join(f"BT /F1 {fs} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET" for x, y, fs, text in items)
    page = f"q {' '.join(map(str, cm))} cm /Fm1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >>"
        b" /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page.encode()),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [%s] /Resources << /Font"
        b" << /F1 4 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
        % (" ".join(map(str, matrix)).encode(), len(show), show.encode()),
    ]
    return write_objects(path, objects)


def test_a_word_space_drawn_inside_a_form_is_placed_through_its_matrices(tmp_path):
    pdf = _form_pdf(tmp_path / "form.pdf", [BODY[:3] + ("Body text of the page, long enough.",),
                                            *TIGHT])
    assert [l.text.strip() for l in extract_pages(str(pdf))[0].lines][0] == "of the"
