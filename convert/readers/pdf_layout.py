"""PDF input: read a born-digital PDF's text layer into pages of `Line`s with layout facts.

Extraction uses PDFium's text page API (pypdfium2, raw ctypes calls per character): about
6 µs per character, several times faster than pdfminer/pdfplumber (see docs/pdf-input.md).

What comes out, per physical page, top to bottom:

* one `Line` per visual text row: characters grouped by baseline; a superscript (smaller and
  raised above the row's baseline, overlapping it horizontally) joins the row it sits on;
* word spaces rebuilt from horizontal gaps and the PDF's own space characters, also those drawn
  as text objects of their own, which PDFium leaves off its text page; a wide gap
  inside a row becomes several spaces, so a caption set in two columns reads like
  `pdftotext -layout` output; leading spaces approximate the indentation from the page's body
  left margin in average character widths;
* a margin number column (pleading paper line numbers 1-28 at the far left) is split off into
  its own short `Line`s (their `x0` lies left of the body margin), so furniture removal can
  drop them;
* raised small digits inside a line (footnote calls) are written as Unicode superscript digits;
  raised digits that open a line are the note's label and stay normal digits followed by a
  space (`12 The court ...`); raised `*` `†` `‡` stay as they are;
* `blank_before` = round(baseline gap / single line pitch) - 1, clipped at 0, where the single
  line pitch is the document's usual baseline distance between single-spaced lines divided by
  their font size, times the larger font size of the two lines: 0 for single spacing, 1 for
  double spacing or one empty line.  The first line of a page has 0;
* lines set in a rotated direction (side stamps) come after the page's upright lines, with
  `rotated=True` and `blank_before=0`.
"""

from __future__ import annotations

import ctypes
import math
import os
from collections import Counter

from convert.errors import ConvertError
from convert.readers.layout import Line, Page

__all__ = ["extract_pages", "page_count", "SUPERSCRIPT_DIGITS"]

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CALL_MARKS = set("*†‡§¶")
_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
_DEFAULT_PITCH = 1.2  # baseline distance / font size for single spacing when a document has none
# A word space is a gap wider than this share of the font size (a fifth of an em less a bit:
# ordinary word spaces are 0.25 em, letter gaps rarely pass 0.1 em).
_WORD_GAP = 0.17
# Justified lines squeeze word spaces down to about 0.12 em while letters stand up to 0.07 em
# apart (measured in the corpus's tightest lines, N.D. Cal. 2005).  Between those, the gap alone
# cannot tell; PDFium's generated space (read from the content stream's own positioning) then
# decides, but only where the glyphs stand clearly apart.
_VOTED_WORD_GAP = 0.08
# Letter-spaced headings (`O P I N I O N  O F  T H E  C O U R T`) set every letter a word gap
# apart.  A run of at least this many single letters, each a word gap or more from the next,
# is one: a row of prose never strings four one-letter words together.
_SPACED_MIN_LETTERS = 4
# Inside such a run the letter gap is the run's smallest; a gap this many times wider parts
# words (the word space added to the letter spacing: 2-4 times it in print).
_SPACED_WORD_RATIO = 1.5


def _pdfium():
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
        raise RuntimeError("pypdfium2 is required for PDF input") from exc
    return pdfium, raw


def _open(path: str):
    pdfium, _ = _pdfium()
    if not os.path.exists(path):
        raise ConvertError(path, "file not found")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        low = msg.lower()
        if "password" in low or "security" in low:
            reason = "PDF is encrypted (password protected); decrypt it first"
        elif _has_no_pages(path):  # PDFium refuses these with a stale or "Success" code
            reason = "PDF has no pages"
        elif "success" in low:
            reason = "not a readable PDF (damaged: PDFium cannot load it)"
        elif "format" in low or "file" in low:
            reason = f"not a readable PDF (damaged or not a PDF: {msg})"
        else:
            reason = f"cannot read PDF: {msg}"
        raise ConvertError(path, reason) from None
    except OSError as exc:
        raise ConvertError(path, f"cannot read PDF: {exc.strerror or exc}") from None


def _has_no_pages(path: str) -> bool:
    """PDFium refuses a zero-page PDF without an error code of its own (its message is then
    "Success", or the code a previous failure left); pypdf, reading the page tree itself,
    tells a pageless PDF from a damaged one."""
    try:
        from pypdf import PdfReader

        return len(PdfReader(path).pages) == 0
    except Exception:  # noqa: BLE001 - unreadable to pypdf too: damaged, not pageless
        return False


def page_count(path: str) -> int:
    """Number of physical pages, or ConvertError if the file is no readable PDF."""
    doc = _open(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


# --------------------------------------------------------------------------- characters

class _Ch:
    """One character as PDFium places it, in top-left page coordinates (points)."""

    __slots__ = ("c", "x0", "x1", "top", "bottom", "base", "size", "space", "raised", "sup",
                 "idx", "gen", "drawn")

    def __init__(self, c, x0, x1, top, bottom, base, size, space, idx=0, gen=False):
        self.c, self.x0, self.x1, self.top, self.bottom = c, x0, x1, top, bottom
        self.base, self.size, self.space = base, size, space
        self.idx = idx  # position in the page's content stream (PDFium's character order)
        self.gen = gen  # PDFium put a generated space just before it (a word-break vote)
        # idx of the character before it in the stream when the PDF drew a space between the
        # two that PDFium left off the text page (see `_blank_objects`); -1 otherwise
        self.drawn = -1
        self.raised = False  # set when it rides above its row's baseline in a smaller size
        self.sup = False  # came from a superscript row merged into this one


def _read_chars(textpage, raw, w0: float, h0: float, rotation: int, blanks=None):
    """Upright characters and rotated ones, each as `_Ch`; skips PDFium's generated chars.
    `w0` and `h0` are the unrotated page size; character positions come in unrotated user
    space and are turned here by `rotation` (clockwise degrees, as /Rotate) to the page as
    displayed.  `blanks` (from `_blank_objects`) marks the characters a space drawn on its
    own precedes (`_Ch.drawn`)."""
    W, H = (h0, w0) if rotation in (90, 270) else (w0, h0)
    n = raw.FPDFText_CountChars(textpage)
    upright: list[_Ch] = []
    rotated: list[tuple[_Ch, float]] = []
    if n <= 0:
        return upright, rotated
    box = raw.FS_RECTF()
    pbox = ctypes.byref(box)
    OX, OY = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(OX), ctypes.byref(OY)
    m = raw.FS_MATRIX()
    pm = ctypes.byref(m)
    is_gen = raw.FPDFText_IsGenerated
    get_box, get_origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    get_fs, get_matrix = raw.FPDFText_GetFontSize, raw.FPDFText_GetMatrix
    hypot, atan2, degrees = math.hypot, math.atan2, math.degrees
    text = _page_text(textpage, raw, n)
    gen_before = False
    for i in range(n):
        c = text[i]
        if c in "\r\n\x00\uffff":
            gen_before = False
            continue
        if (c == " " or c == "\u00a0") and is_gen(textpage, i):
            # PDFium's guess at a word break, from the content stream's own spacing: kept as a
            # vote on the next character (`_row_text` weighs it with the gap), not as a space.
            gen_before = True
            continue
        get_box(textpage, i, pbox)
        get_origin(textpage, i, pox, poy)
        fs = get_fs(textpage, i)
        if get_matrix(textpage, i, pm):
            a, b, cc, d = m.a, m.b, m.c, m.d
            size = fs * hypot(cc, d)
            angle = degrees(atan2(b, a)) if (a or b) else 0.0
        else:
            size, angle = fs, 0.0
        x0, x1, y0, y1, ox, oy = box.left, box.right, box.bottom, box.top, OX.value, OY.value
        if rotation:  # show coordinates as the page is displayed
            x0, y0, x1, y1 = _rotate_box(x0, y0, x1, y1, rotation, w0, h0)
            ox, oy = _rotate_point(ox, oy, rotation, w0, h0)
            angle -= rotation
        angle = (angle + 180.0) % 360.0 - 180.0
        if x1 < 0 or x0 > W or y1 < 0 or y0 > H:
            gen_before = False
            continue  # outside the page (cropped away)
        c = _LIGATURES.get(c, c)
        if c == "\x02" or c == "\ufffe":  # PDFium's codes for a hyphen at a line end
            c = "-"
        space = c.isspace() or c == "\xa0"
        ch = _Ch(c, x0, x1, H - y1, H - y0, H - oy, size, space, i, gen_before)
        gen_before = False
        if abs(angle) > 3.0:
            ch.base = -oy  # unused for rotated text; kept for determinism
            rotated.append((ch, angle, ox, oy))
        else:
            upright.append(ch)
    if blanks:
        _mark_drawn_spaces(upright, blanks, textpage, raw, rotation, w0, h0)
    return upright, rotated


def _page_text(textpage, raw, n: int) -> str:
    """All characters of the text page, one per character index (one call, not n)."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    raw.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: 2 * n].decode("utf-16-le", errors="replace")
    if len(text) != n:  # characters outside the BMP did not map one to one: ask one by one
        get_u = raw.FPDFText_GetUnicode
        text = "".join(chr(get_u(textpage, i)) for i in range(n))
    return text


# A text object that drew nothing visible has bounds of no size; any drawn glyph has more
# than this width or height (points).
_EMPTY_BOUNDS = 0.01


def _blank_objects(page, raw) -> list[list] | None:
    """The page's text objects that drew nothing visible, in content-stream order, as
    `[before, after, x, y]`: the handle addresses of the nearest text objects that drew
    something before and after it in the stream, and its origin in unrotated page space;
    None when there is none.

    Some word processors draw every word space as a text object of its own (`( ) Tj` between
    the words' own `Tj`s: N.D. Cal. 2005, 11th and 3d Cir. 2010 in the corpus).  PDFium keeps
    no character of an object with empty bounds on its text page, so those spaces vanish, and
    where a justified line is set tight the gap alone no longer shows the word break
    (`ofthe`).  Only the objects' types and bounds are read here; handles are resolved to
    addresses just around the blanks."""
    text_kind, form_kind = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
    get_type, get_bounds = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds
    get_matrix = raw.FPDFPageObj_GetMatrix
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pl, pb, pr, pt = (ctypes.byref(v) for v in (left, bottom, right, top))
    m = raw.FS_MATRIX()
    pm = ctypes.byref(m)
    blanks: list[list] = []
    waiting: list[list] = []  # blanks whose next drawing text object is not yet reached
    last = [None]  # the last text object that drew something

    def walk(container, count, get, outer):
        """The objects in content-stream order; a form's own objects where it is drawn.
        `outer`: the matrix from the objects' space to the page's (None: the same)."""
        nonlocal waiting
        for k in range(count(container)):
            obj = get(container, k)
            kind = get_type(obj)
            if kind == text_kind:
                get_bounds(obj, pl, pb, pr, pt)
                if right.value - left.value >= _EMPTY_BOUNDS or top.value - bottom.value >= _EMPTY_BOUNDS:
                    if waiting:
                        here = _address(obj)
                        for blank in waiting:
                            blank[1] = here
                        waiting = []
                    last[0] = obj
                elif get_matrix(obj, pm):
                    x, y = _apply(outer, m.e, m.f)
                    blank = [_address(last[0]), None, x, y]
                    blanks.append(blank)
                    waiting.append(blank)
            elif kind == form_kind and get_matrix(obj, pm):
                inner = _compose(outer, (m.a, m.b, m.c, m.d, m.e, m.f))
                walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, inner)

    walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, None)
    return blanks or None


def _address(handle):
    return ctypes.cast(handle, ctypes.c_void_p).value if handle is not None else None


def _apply(mat, x, y):
    if mat is None:
        return x, y
    a, b, c, d, e, f = mat
    return a * x + c * y + e, b * x + d * y + f


def _compose(outer, inner):
    """The matrix applying `inner` first, then `outer` (None: identity)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    x0, y0 = _apply(outer, 0.0, 0.0)
    xa, ya = _apply(outer, a, b)
    xc, yc = _apply(outer, c, d)
    ex, ey = _apply(outer, e, f)
    return xa - x0, ya - y0, xc - x0, yc - y0, ex, ey


def _mark_drawn_spaces(chars: list[_Ch], blanks, textpage, raw, rotation: int, w0: float,
                       h0: float) -> None:
    """Set `drawn` on each character a blank text object (`_blank_objects`) stands before:
    the blank's origin lies on the character's baseline, between the start of the glyph to
    its left and the end of this one; the two glyphs follow each other in the stream (a
    generated space between allowed); and the blank sits in the stream right between the
    text objects that drew them.  Then the PDF drew a space there: a word break."""
    H = h0 if rotation in (0, 180) else w0
    rows: dict[int, list[_Ch]] = {}
    for ch in chars:
        if not ch.space:
            rows.setdefault(round(ch.base), []).append(ch)
    get_obj = raw.FPDFText_GetTextObject
    for before, after, x, y in blanks:
        if before is None or after is None:
            continue
        if rotation:
            x, y = _rotate_point(x, y, rotation, w0, h0)
        base = H - y
        near = [c for k in (round(base) - 1, round(base), round(base) + 1)
                for c in rows.get(k, ()) if abs(c.base - base) <= max(1.0, 0.2 * c.size)]
        left = max((c for c in near if c.x0 < x), key=lambda c: c.x0, default=None)
        right = min((c for c in near if c.x0 >= x), key=lambda c: c.x0, default=None)
        if left is None or right is None or x >= right.x1 or not 1 <= right.idx - left.idx <= 2:
            continue
        if _address(get_obj(textpage, left.idx)) == before \
                and _address(get_obj(textpage, right.idx)) == after:
            right.drawn = left.idx


def _dominant_turn(upright, rotated) -> int:
    """Clockwise turn (90, 180, 270) that makes most of the page's text upright, or 0."""
    non_space = sum(1 for c in upright if not c.space)
    angles = Counter(round(a / 90.0) * 90 % 360 for ch, a, _, _ in rotated
                     if not ch.space and abs(a - round(a / 90.0) * 90) < 3.0)
    if not angles:
        return 0
    angle, count = angles.most_common(1)[0]
    if angle == 0 or count <= non_space:
        return 0
    return angle  # text at +90 degrees (reading upwards) needs the page turned 90 clockwise


def _rotate_point(x, y, rotation, w, h):
    if rotation == 90:
        return y, w - x
    if rotation == 180:
        return w - x, h - y
    if rotation == 270:
        return h - y, x
    return x, y


def _rotate_box(x0, y0, x1, y1, rotation, w, h):
    ax, ay = _rotate_point(x0, y0, rotation, w, h)
    bx, by = _rotate_point(x1, y1, rotation, w, h)
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


# --------------------------------------------------------------------------- rows

class _Row:
    __slots__ = ("chars", "base", "size")

    def __init__(self, chars):
        self.chars = chars
        self.base = 0.0
        self.size = 0.0
        self.refresh()

    def refresh(self):
        glyphs = [c for c in self.chars if not c.space and not c.sup] or self.chars
        sizes = Counter(round(c.size, 1) for c in glyphs)
        self.size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else 0.0
        main = [c.base for c in glyphs if abs(c.size - self.size) < 0.6] or [c.base for c in glyphs]
        main.sort()
        self.base = main[len(main) // 2] if main else 0.0

    @property
    def x0(self):
        return min(c.x0 for c in self.chars if not c.space) if self.chars else 0.0

    @property
    def x1(self):
        return max(c.x1 for c in self.chars if not c.space) if self.chars else 0.0


def _group_rows(chars: list[_Ch]) -> list[_Row]:
    """Cluster characters by baseline; a tolerance of a fifth of the font size absorbs jitter."""
    chars = sorted(chars, key=lambda c: (c.base, c.x0))
    rows: list[list[_Ch]] = []
    anchor = None
    for ch in chars:
        tol = max(1.0, 0.2 * ch.size)
        if rows and anchor is not None and ch.base - anchor <= tol:
            rows[-1].append(ch)
        else:
            rows.append([ch])
            anchor = ch.base
    out = [_Row(r) for r in rows]
    return [r for r in out if any(not c.space for c in r.chars)]


def _merge_superscripts(rows: list[_Row]) -> list[_Row]:
    """Fold rows of small raised characters into the row whose baseline they ride above."""
    rows.sort(key=lambda r: r.base)
    merged: set[int] = set()
    for i, sat in enumerate(rows):
        glyphs = [c for c in sat.chars if not c.space]
        if not glyphs or len(glyphs) > 12:
            continue
        best = None
        for j in range(i + 1, len(rows)):
            host = rows[j]
            if j in merged:
                continue
            d = host.base - sat.base
            if d > 0.75 * max(host.size, 1.0):
                break
            if d < 0.12 * host.size or sat.size > 0.9 * host.size:
                continue
            near = 1.5 * host.size
            hx = [c for c in host.chars if not c.space]
            if all(any(h.x0 - near <= g.x0 and g.x1 <= h.x1 + near for h in hx) for g in glyphs):
                best = host
                break
        if best is not None:
            for g in sat.chars:
                g.sup = True
            best.chars.extend(sat.chars)
            merged.add(i)
    return [r for i, r in enumerate(rows) if i not in merged]


# --------------------------------------------------------------------------- text of a row

def _leading_number(row: _Row):
    """(x1 of the number, chars sorted) when the row opens with 1-3 digits set apart from the
    rest of the row by a gap of at least half the font size (or the number is alone)."""
    chars = sorted(row.chars, key=lambda c: (c.x0, c.base))
    glyphs = [c for c in chars if not c.space]
    run = []
    for g in glyphs:
        if run and g.x0 - run[-1].x1 > 0.5 * (row.size or 10.0):
            break
        run.append(g)
        if len(run) > 3:
            return None
    if not run or not all(c.c.isdigit() and not c.sup for c in run):
        return None
    return run[-1].x1, chars


def _split_number_column(rows: list[_Row]) -> list[list[_Ch]]:
    """Characters of each row left to right; a margin column of line numbers (pleading paper:
    five or more rows opening with a short number whose right edges align) is cut off into
    separate segments so each number becomes its own `Line`."""
    found = []
    for row in rows:
        lead = _leading_number(row)
        found.append(lead)
    edges = Counter(round(lead[0]) for lead in found if lead)
    column = {e for e, n in edges.items() if n + edges.get(e - 1, 0) + edges.get(e + 1, 0) >= 5}
    out = []
    for row, lead in zip(rows, found):
        chars = lead[1] if lead else sorted(row.chars, key=lambda c: (c.x0, c.base))
        if lead and round(lead[0]) in column:
            cut = lead[0]
            left = [c for c in chars if c.x1 <= cut + 0.01 and not c.space]
            right = [c for c in chars if c.x1 > cut + 0.01]
            out.append((row, left, True))
            if any(not c.space for c in right):
                out.append((row, right, False))
        else:
            out.append((row, chars, False))
    return out


# Two glyphs collide when they share more than half the narrower one's width: no typesetter
# sets letters that close, so they come from two strings printed over each other.
_COLLISION = 0.5


def _collide(a0: float, a1: float, b0: float, b1: float) -> bool:
    narrower = max(min(a1 - a0, b1 - b0), 0.01)
    return min(a1, b1) - max(a0, b0) > _COLLISION * narrower


def _runs(items: list[tuple[float, float, _Ch]]) -> list[list[tuple[float, float, _Ch]]]:
    """Split (start, end, char) items, taken in content-stream order, into the strings as
    drawn: a string goes on while the next character follows in the stream (a generated space
    between allowed) and stands further along the line."""
    runs: list[list] = []
    for item in sorted(items, key=lambda it: it[2].idx):
        if runs:
            last = runs[-1][-1]
            if item[2].idx - last[2].idx <= 2 and item[0] >= last[0] - 0.01:
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def _untangle(items: list[tuple[float, float, _Ch]]) -> list[tuple[float, float, _Ch]]:
    """Overprinted text (shape 9): characters of two strings printed on one line must not
    interleave.  Where glyphs collide, the line is cut into the strings as drawn; strings
    that overlap are kept whole, in content-stream order, and a string printed twice over
    itself (a bold effect, a stamp repeated) is kept once.  Items are (start, end, char)
    along the line, sorted by start; without a collision they come back unchanged."""
    glyphs = [it for it in items if not it[2].space]
    if not any(_collide(a[0], a[1], b[0], b[1]) and abs(a[2].idx - b[2].idx) > 2
               for a, b in zip(glyphs, glyphs[1:])):
        return items
    clusters: list[dict] = []  # overlapping strings: {"lo", "hi", "runs"}
    for run in sorted(_runs(items), key=lambda r: min(it[0] for it in r)):
        lo, hi = min(it[0] for it in run), max(it[1] for it in run)
        home = next((c for c in clusters if _collide(c["lo"], c["hi"], lo, hi)), None)
        if home is None:
            clusters.append({"lo": lo, "hi": hi, "runs": [run]})
        else:
            home["lo"], home["hi"] = min(home["lo"], lo), max(home["hi"], hi)
            home["runs"].append(run)
    out: list[tuple[float, float, _Ch]] = []
    for cluster in sorted(clusters, key=lambda c: c["lo"]):
        kept: list[str] = []
        for run in sorted(cluster["runs"], key=lambda r: r[0][2].idx):
            text = "".join(it[2].c for it in run if not it[2].space)
            if any(text in k for k in kept):
                continue  # the same string again, printed over the first
            if kept and out:
                last = out[-1]
                gap = _Ch(" ", last[1], last[1], last[2].top, last[2].bottom, last[2].base,
                          last[2].size, True, last[2].idx)
                out.append((last[1], last[1], gap))
            kept.append(text)
            out.extend(sorted(run, key=lambda it: it[0]))
    return out


def _untangle_row(chars: list[_Ch]) -> list[_Ch]:
    items = _untangle([(c.x0, c.x1, c) for c in chars])
    return [c for _, _, c in items]


def _row_text(chars: list[_Ch], size: float, base: float, charw: float) -> str:
    """Rebuild the text of one run of characters: word spaces, wide gaps, superscripts."""
    chars = _untangle_row(chars)
    spaced = _letter_spaced(chars, _WORD_GAP * size)
    out: list[str] = []
    prev = None
    pending_space = False
    wordgap = _WORD_GAP * size
    voted = _VOTED_WORD_GAP * size
    seen_normal = False
    label_open = False
    for ch in chars:
        if ch.space:
            if prev is not None:
                pending_space = True
            continue
        if prev is not None and ch.c == prev.c and abs(ch.x0 - prev.x0) < 0.4 * max(ch.x1 - ch.x0, 0.5) \
                and abs(ch.base - prev.base) < 0.5:
            continue  # the same glyph painted twice (fake bold)
        raised = ch.size < 0.9 * size and base - ch.base > 0.12 * size
        if prev is not None and ch.drawn == prev.idx:
            pending_space = True  # the PDF drew a space between them (PDFium dropped it)
        if prev is not None:
            gap = ch.x0 - prev.x1
            if id(ch) in spaced and not pending_space:
                pass  # a letter of a letter-spaced word
            elif gap > 2.5 * charw and gap > 1.5 * wordgap:
                out.append(" " * max(2, round(gap / charw)))
            elif (gap > wordgap or pending_space or _voted(prev, ch, gap, voted)) and not (
                    raised and not label_open and gap < 0.6 * size and _is_call(ch)):
                out.append(" ")
            elif label_open and not raised:
                out.append(" ")  # `12 The court`: a space after a note label
        c = ch.c
        if raised and _is_call(ch):
            if not seen_normal:
                label_open = True  # raised digits opening a line: a note's label, kept as digits
            elif c.isdigit():
                c = c.translate(SUPERSCRIPT_DIGITS)
        else:
            if not ch.space:
                seen_normal = True
                label_open = False
        out.append(c)
        prev = ch
        pending_space = False
    return "".join(out)


def _letter_spaced(chars: list[_Ch], wordgap: float) -> set[int]:
    """The glyphs (by id) that continue a letter-spaced word: in a run of
    `_SPACED_MIN_LETTERS` or more letters each at least a word gap from the next, every letter
    but those after a gap `_SPACED_WORD_RATIO` times the run's letter gap."""
    glyphs = [c for c in chars if not c.space]
    joined: set[int] = set()
    i = 0
    while i < len(glyphs):
        j = i
        while j + 1 < len(glyphs) and glyphs[j].c.isalpha() and glyphs[j + 1].c.isalpha() \
                and glyphs[j + 1].x0 - glyphs[j].x1 > wordgap:
            j += 1
        if j - i + 1 >= _SPACED_MIN_LETTERS:
            gaps = [glyphs[k + 1].x0 - glyphs[k].x1 for k in range(i, j)]
            letter = min(gaps)
            for k in range(i, j):
                if gaps[k - i] < _SPACED_WORD_RATIO * letter:
                    joined.add(id(glyphs[k + 1]))
        i = j + 1
    return joined


def _voted(prev: _Ch, ch: _Ch, gap: float, least: float) -> bool:
    """A word break PDFium generated between these two characters (consecutive in the
    content stream, the space between them), where they stand more than `least` apart."""
    return ch.gen and ch.idx == prev.idx + 2 and gap > least


def _is_call(ch: _Ch) -> bool:
    return ch.c.isdigit() or ch.c in _CALL_MARKS


def _rotated_lines(items, page_no: int) -> list[Line]:
    """Lines of characters set at an angle: grouped by angle and distance across the text."""
    by_angle: dict[int, list] = {}
    for ch, angle, ox, oy in items:
        key = round(angle) % 360
        t = math.radians(key)
        across = -ox * math.sin(t) + oy * math.cos(t)
        along = ox * math.cos(t) + oy * math.sin(t)
        by_angle.setdefault(key, []).append((across, along, ch))
    groups = []
    for key, members in by_angle.items():
        members.sort(key=lambda m: (m[0], m[1]))
        current, anchor = [], None
        for across, along, ch in members:
            if current and across - anchor > max(1.0, 0.3 * ch.size):
                groups.append((key, current))
                current = []
            if not current:
                anchor = across
            current.append((along, ch))
        if current:
            groups.append((key, current))
    lines = []
    for key, members in groups:
        t = math.radians(key)

        def extent(ch):
            return abs((ch.x1 - ch.x0) * math.cos(t)) + abs((ch.bottom - ch.top) * math.sin(t))

        items = sorted(((along, along + extent(ch), ch) for along, ch in members),
                       key=lambda it: it[0])
        members = [(along, ch) for along, _, ch in _untangle(items)]
        parts, prev_end, pending = [], None, False
        for along, ch in members:
            if ch.space:
                pending = prev_end is not None
                continue
            ext = extent(ch)
            if prev_end is not None and (pending or along - prev_end > 0.17 * ch.size):
                parts.append(" ")
            parts.append(ch.c)
            prev_end, pending = along + ext, False
        text = "".join(parts).strip()
        if not text:
            continue
        chs = [c for _, c in members if not c.space]
        sizes = Counter(round(c.size, 1) for c in chs)
        lines.append(Line(text=text, page=page_no, x0=round(min(c.x0 for c in chs), 2),
                          x1=round(max(c.x1 for c in chs), 2), top=round(min(c.top for c in chs), 2),
                          size=sizes.most_common(1)[0][0], rotated=True))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


# --------------------------------------------------------------------------- pages

class _RawLine:
    __slots__ = ("chars", "base", "size", "x0", "x1", "top", "number")

    def __init__(self, chars, base, size, number=False):
        self.chars, self.base, self.size = chars, base, size
        self.number = number  # a margin line number (pleading paper)
        g = [c for c in chars if not c.space]
        self.x0 = min(c.x0 for c in g)
        self.x1 = max(c.x1 for c in g)
        body = [c for c in g if not c.sup] or g
        self.top = min(c.top for c in body)


def _page_raw_lines(chars: list[_Ch]) -> list[_RawLine]:
    rows = _merge_superscripts(_group_rows(chars))
    out: list[_RawLine] = []
    for row in rows:
        row.refresh()
    for row, seg, number in _split_number_column(rows):
        if any(not c.space for c in seg):
            out.append(_RawLine(seg, row.base, row.size, number))
    out.sort(key=lambda r: (round(r.base, 1), r.x0))
    return out


def _mode(values, default):
    counts = Counter(values)
    if not counts:
        return default
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def extract_pages(path: str) -> list[Page]:
    """Read a PDF's text layer into pages of lines (see the module docstring)."""
    path = str(path)
    _, raw = _pdfium()
    doc = _open(path)
    try:
        if len(doc) == 0:
            raise ConvertError(path, "PDF has no pages")
        per_page = []
        object_api = hasattr(raw, "FPDFText_GetTextObject")
        for index in range(len(doc)):
            try:
                page = doc[index]
                width, height = page.get_width(), page.get_height()  # as displayed
                rotation = page.get_rotation() % 360
                w0, h0 = (height, width) if rotation in (90, 270) else (width, height)
                textpage = page.get_textpage()
                # FPDFText_GetTextObject came with PDFium 5xxx (pypdfium2 4.2x); older builds
                # read as before, without the dropped spaces
                blanks = _blank_objects(page.raw, raw) if object_api else None
                upright, rotated = _read_chars(textpage.raw, raw, w0, h0, rotation, blanks)
                turn = _dominant_turn(upright, rotated)
                if turn:  # most text runs sideways: turn the page so that it reads upright
                    rotation = (rotation + turn) % 360
                    upright, rotated = _read_chars(textpage.raw, raw, w0, h0, rotation, blanks)
                    width, height = (h0, w0) if rotation in (90, 270) else (w0, h0)
                textpage.close()
                page.close()
            except ConvertError:
                raise
            except Exception as exc:  # a damaged page: name it
                raise ConvertError(path, f"cannot read the page's text: {exc}", page=index + 1) from None
            per_page.append((width, height, _page_raw_lines(upright), rotated))
    finally:
        doc.close()

    if not any(rl or rot for _, _, rl, rot in per_page):
        raise ConvertError(path, "PDF has no text layer (scanned image?); OCR is not supported", page=1)

    # document-wide facts: single line pitch (per point of font size), body char width, margin
    ratios = []
    for _, _, rls, _ in per_page:
        text_lines = [rl for rl in rls if not rl.number]
        for a, b in zip(text_lines, text_lines[1:]):
            if abs(a.size - b.size) < 0.6 and a.size > 0:
                r = (b.base - a.base) / a.size
                if 0.95 <= r <= 1.6:
                    ratios.append(round(r, 2))
    pitch = _DEFAULT_PITCH
    if ratios:
        ratios.sort()
        pitch = ratios[len(ratios) // 2]
    long_x0 = [round(rl.x0) for _, _, rls, _ in per_page for rl in rls if len(rl.chars) >= 30]
    doc_margin = _mode(long_x0, None)

    pages: list[Page] = []
    for index, (width, height, rls, rotated) in enumerate(per_page, start=1):
        page = Page(index=index, width=round(width, 2), height=round(height, 2))
        if rls:
            page_x0 = [round(rl.x0) for rl in rls if len(rl.chars) >= 30]
            margin = _mode(page_x0, None) if len(page_x0) >= 3 else None
            if margin is None:
                margin = doc_margin if doc_margin is not None else min(round(rl.x0) for rl in rls)
            charw = _char_width(rls)
            prev = None
            for rl in rls:
                body = _row_text(rl.chars, rl.size, rl.base, charw)
                indent = max(0, round((rl.x0 - margin) / charw)) if charw > 0 else 0
                blank = 0
                if prev is not None and not rl.number:
                    lh = pitch * max(prev.size, rl.size, 1.0)
                    blank = max(0, round((rl.base - prev.base) / lh) - 1)
                page.lines.append(Line(
                    text=" " * indent + body.strip(),
                    page=index,
                    blank_before=blank,
                    x0=round(rl.x0, 2),
                    x1=round(rl.x1, 2),
                    top=round(rl.top, 2),
                    size=round(rl.size, 1),
                ))
                if not rl.number:
                    prev = rl
        if rotated:
            page.lines.extend(_rotated_lines(rotated, index))
        pages.append(page)
    return pages


def _char_width(rls: list[_RawLine]) -> float:
    """Average advance of a character in the page's body text (points)."""
    total_w = total_n = 0.0
    sizes = Counter()
    for rl in rls:
        sizes[round(rl.size, 1)] += len(rl.chars)
    body = sizes.most_common(1)[0][0] if sizes else 0
    for rl in rls:
        if abs(rl.size - body) < 0.6:
            g = [c for c in rl.chars if not c.sup]
            if len(g) >= 5:
                total_w += rl.x1 - rl.x0
                total_n += len(g)
    if total_n:
        return max(1.0, total_w / total_n)
    return max(1.0, 0.5 * (body or 10.0))
