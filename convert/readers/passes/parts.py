"""Pass `parts`: split the body lines into the caption (`state.head`), the text before any
separate writing (`state.body_lines`), the writings (`state.segments`, see
`readers/writings.py`) and the closing date line and signature (`state.closing`)."""

from __future__ import annotations

import re

from .. import marks, writings
from ..caption import DATE_RE, TITLE_RE, WIDTH_QUANTILE

NAME = "parts"

# How far down the caption's title line may stand (lines).
_TITLE_WITHIN = 80
# Without a title line, running prose begins within this many lines...
_PROSE_WITHIN = 60
# ...at a line at least this share of the widest line's length (of the first 200 lines)...
_PROSE_WIDTH = 0.6
# ...with more than this share of its letters in lower case.
_PROSE_LOWER = 0.6
# A closing date line stands among the last few lines of the text.
_CLOSING_WITHIN = 5
# A line with more than this share of capitals among its letters is a capitals line.
_CAPS_SHARE = 0.9

CLOSING_RE = re.compile(r"^\s*(?:Dated|DATED|Date|Entered|SO ORDERED)\b[:.,]?\s*(?P<rest>.*)$")


def run(state) -> None:
    lines = state.lines
    head_end = header_end(lines)
    if head_end:
        head_end = box_end(lines, head_end)
    writings_at, segments = writings.split(lines[head_end:], state.page_starts)
    if segments and head_end == 0:
        head_end = writings_at  # no title line: the caption is what precedes the writings
        writings_at = 0
    elif head_end == 0:
        head_end = caption_end(lines)
        writings_at = max(0, writings_at - head_end)
    state.head = lines[:head_end]
    state.body_lines = lines[head_end:head_end + writings_at]
    state.segments = segments
    tail = segments[-1].lines if segments else state.body_lines
    start = closing_start(tail)
    state.closing = tail[start:]
    del tail[start:]


def caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > _CAPS_SHARE * len(letters)


def header_end(lines) -> int:
    """Index of the first body line: after the title line and any all-capitals lines below
    it (the motion the opinion decides), up to a writing's author line (`JONES, J.`)."""
    for i, line in enumerate(lines[:_TITLE_WITHIN]):
        if TITLE_RE.match(marks.visible(line.text)):
            j = i + 1
            while j < len(lines) and caps(marks.visible(lines[j].text)) \
                    and not writings.author_line(lines[j].text):
                j += 1
            return j
    return 0


def _text_width(lines) -> int:
    """The width of the page's running text: a high quantile of the first lines' lengths (one
    wide table row or run-together line in plain pdftotext must not set it)."""
    lengths = sorted(len(marks.visible(l.text).strip()) for l in lines[:200]
                     if marks.visible(l.text).strip())
    return lengths[int(len(lengths) * WIDTH_QUANTILE)] if lengths else 0


def _prose(text: str, width: int) -> bool:
    t = text.strip()
    letters = [c for c in t if c.isalpha()]
    return len(t) >= _PROSE_WIDTH * width and bool(letters) and \
        sum(c.islower() for c in letters) > _PROSE_LOWER * len(letters)


def caption_end(lines) -> int:
    """Without a title line or writings: the caption is everything before the first line of
    running prose (a long line, mostly lower case)."""
    width = _text_width(lines)
    for i, line in enumerate(lines[:_PROSE_WITHIN]):
        if _prose(marks.visible(line.text), width):
            return i
    return 0


# After the title line, the caption box may go on: its other column's last rows ("VALERIE
# LAWSON, et al.,   (REDACTED)" / "Defendants") and a counsel list ("APPEARANCES:" ... "On
# behalf of Plaintiff").  At most this many lines are looked at.
_BOX_AFTER_TITLE = 40


def box_end(lines, head_end: int) -> int:
    """The caption's end when rows of the caption go on below the title line: the run of
    lines that are not running prose (and open no writing) after it, when that run holds a
    row only a caption prints -- a party's role row, a `v.` row, or counsel's role
    (`On behalf of Plaintiff`, `for Defendants-Appellees`); else `head_end` unchanged."""
    width = _text_width(lines)
    end = head_end
    evidence = False
    while end < len(lines) and end - head_end < _BOX_AFTER_TITLE:
        text = marks.visible(lines[end].text)
        if not text.strip():
            end += 1
            continue
        if _prose(text, width) or writings.author_line(lines[end].text):
            break
        evidence = evidence or caption_row(text)
        end += 1
    return end if evidence else head_end


def caption_row(text: str) -> bool:
    """A row only a caption prints: a role row, a `v.` row, or counsel's role."""
    from ..caption import is_role_row, is_versus_row
    from ..counsel import COUNSEL_ROLE

    return is_role_row(text) or is_versus_row(text) or bool(COUNSEL_ROLE.search(text))


def closing_start(lines) -> int:
    """The date line and signature at the very end, if the opinion closes with them: a
    `Dated:` line with its date, else a signature block (`signer`) and the `Dated:` line
    right above it, whatever form its date takes (`Dated: 8/23/05`)."""
    near_end = range(len(lines) - 1, max(len(lines) - 1 - _CLOSING_WITHIN, -1), -1)
    for i in near_end:
        if CLOSING_RE.match(marks.visible(lines[i].text)) and DATE_RE.search(lines[i].text):
            return i
    texts = [marks.visible(line.text).strip() for line in lines[near_end.stop + 1:]]
    offset = near_end.stop + 1
    for i in near_end:
        if signer(texts, i - offset):
            above = next((k for k in range(i - 1, offset - 1, -1) if texts[k - offset]), None)
            return above if above is not None and CLOSING_RE.match(texts[above - offset]) else i
    return len(lines)


# A signing judge's name on a line of its own, in capitals: two to five words of letters
# (initials with their periods, hyphens, apostrophes), the way a signature block prints it.
_SIGNED_NAME = re.compile(r"^(?:[A-Z][A-Za-z'’\-]*\.?\s+){1,4}[A-Z][A-Za-z'’\-]*\.?$")


def signer(texts: list[str], i: int) -> bool:
    """`texts[i]` (visible, stripped lines) is a judge's signature: a name in capitals on its
    own line with the judge's title on the next line that is not blank (`JANE ROE` /
    `United States District Judge`)."""
    from ..writings import TITLE_LINE

    name = texts[i]
    if not (_SIGNED_NAME.match(name) and caps(name)):
        return False
    after = next((t for t in texts[i + 1:] if t), "")
    return bool(TITLE_LINE.match(after))
