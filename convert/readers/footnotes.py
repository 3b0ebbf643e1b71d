"""Footnotes in pages of lines: find each page's note zone, split it into notes, and find every
note's call in the running text.

The evidence, in the order it is weighed (no rule names one document's words):

* a **label** opens a line: `12`, `12.`, `(12)`, `(12.)`, `[12]`, or a symbol `*` `†` `‡`;
* a digit label must be the **expected next number** (numbering may restart at 1 in a new
  writing; symbol notes do not touch the numbered sequence), and its **call stands above** it
  in the text: a superscript, the number glued to a word or punctuation (`rights.2`), the
  label's own bracketed form (`[2]`), or, as a fallback for the expected number only, a
  separate token after a space (`claims 2 because`) or at the head of the next line after a
  sentence's end (`witnesses.` / `2 Also,`);
* the **zone** it opens is set apart: below a separator rule, in smaller type (PDF), after a
  wider vertical gap than the page's lines have, as a label alone on its line, or in the lower
  part of the page.  A weak call (a separate token) needs the stronger signs.

Calls are marked in the body lines with a private-use sentinel (`marks.call`) so that later
steps (joining lines, paragraphs) carry them along untouched.
"""

from __future__ import annotations

import re
import statistics
from functools import lru_cache
from dataclasses import dataclass, field

from . import ReadReport
from . import marks
from .layout import Line, Page

# The rule above the notes: spaces (what pdftotext leaves of a drawn line), underscores, dashes.
_SEPARATOR_RE = re.compile(r"^(?:\s{10,}|\s*[_]{5,}\s*|\s*[—–-]{5,}\s*)$")
# A note's label at the start of its first line.  A bare number may be glued to its note's
# first word ("1The Chapel claimed") before a capital or an opening quote.
_LABEL_RE = re.compile(
    r"^\s*(?:\((?P<paren>\d{1,3})\.?\)|\[(?P<bracket>\d{1,3})\]|(?P<num>\d{1,3})(?P<dot>\.)?(?![\d,:])"
    r"|(?P<sym>[*†‡]{1,3}))"
    r"(?:\s+(?=\S)|\s*$|(?<=\d)(?=[A-Z“\"]))")
_SENTENCE_END = re.compile(r"[.:;?!][”’\"')\]]*$")
# A heading of one or two words between the rule and the first note ("Notes:", "FOOTNOTES"),
# as text exports of vendors' and publishers' editions print it.
_ZONE_HEADING = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?:?\s*$")
# A line that opens a sentence: a capital, after any opening quote or bracket.
_OPENS_SENTENCE = re.compile(r"^\s*[“‘\"'(\[]*[A-Z]")
_TRAILING_RULE = re.compile(r"^(?P<text>.*[^\s—])\s*(?P<rule>—{5,})\s*$")
_RULE_DASHES = "—" * 5  # what `_TRAILING_RULE` needs, found without its backtracking
# Printers mark a note that runs over a page: "(continued...)" at the foot, "(...continued)"
# (often after the repeated label) at the top of the next page's zone.  A typographic
# convention, not one court's wording.
_CONTINUED_RE = re.compile(r"^\s*\((?:\.{2,3}\s*)?continued(?:\s*\.{2,3})?\)\s*$", re.I)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# Notes are set smaller than the body: at most this share of the body's font size (10 on 12
# is 0.83, 11 on 12 is 0.92; sizes are rounded to 0.1 pt, so 0.93 leaves a little slack).
NOTE_SIZE_RATIO = 0.93
# The lower part of a page starts at this share of its height (PDF) or of its lines (text).
LOWER_PART = 0.5
# A "wide" gap before a label: this many blank line-heights more than the page's usual gap
# (at least 2): double spacing gives 1, a note zone's gap 2 or more.
GAP_OVER_TYPICAL = 2
# Numbering may jump this far past the expected number when the label's call is a clear one
# (superscript or glued) and the zone is clearly set apart: one note's label can be lost in
# extraction, and its text then stays in the body.
MAX_SKIP = 1
# After a page with no text layer (a scanned page), notes there cannot be seen: numbering may
# resume this far past the expected number.
MAX_UNSEEN = 3
# Plain pdftotext may print a lone label after its note's text, as the page's last line; the
# note is then the block of at most this many lines above it, back to a blank line.
TRAILING_BLOCK_MAX = 15
# A note running on from the last page with no rule stands after a wide gap just above the
# next note's label: at most this many lines (a longer run is body text).
RUN_ON_MAX = 10
# Text input has no type sizes, but smaller type fits more characters on a line of the same
# width: notes set in 10 pt under a 12 pt body hold about 1.2 times as many.  A zone whose
# full lines are at least this much longer than the document's usual line is set in smaller
# type; justified body lines of one size differ by up to about a tenth between pages.
WIDER_RATIO = 1.15
# ... measured on at least this many full lines on each side (one line says little).
WIDER_MIN_LINES = 2
# Plain pdftotext separates text blocks by one blank line and runs a block's lines on with
# none: a page with at most this many blank lines in its lower part shows its blocks that
# way (a page of blank-line paragraphs has one before each paragraph; a first page's caption
# fields, set apart by blank lines, stand in its upper part).
FOOT_BLOCK_MAX_BREAKS = 3
# Plain pdftotext may print a page's notes right under its body with no blank line: labels
# in sequence from the expected number to the page's foot open the zone.  A run of this many
# labels (n, n+1) shows it even after a line that breaks off mid-sentence; a single label
# needs the line above to end a sentence.
FOOT_RUN_MIN = 2
# A zone set apart at a page's foot may open with a line or two before its first label (an
# editor's note, a heading that runs on): at most this many lines lead the label.
ZONE_LEAD_MAX = 2
# Text whose lines are whole paragraphs (one paragraph a line, as some courts publish their
# decisions as text) shows nothing of a line's place on the printed page.  A printed line
# holds at most about 100 characters at the smallest body type; a page whose median line is
# longer than this is such text.
PRINTED_LINE_MAX = 130

# Words after which a bare number is a reference, not a note call ("page 3", "Count 2",
# "section 1", "June 1"): general English and legal usage, used only for the separate-token
# fallback.
_REFERENCE_WORDS = frozenset("""
no nos number page pages p pp at section sections sec secs ch chap chapter chapters count counts
step steps part parts rule rules title titles art article articles ex exh exhibit exhibits note
notes n nn vol volume volumes id para paras paragraph paragraphs fn footnote footnotes day days
year years month months week weeks hour hours item items claim schedule appendix tab table
figure fig line lines col column of to and or than about approximately over under from between
by per in on only after before since until nearly almost around version level grade
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# A word that closes its sentence or clause before the number does not govern it ("the tax
# years. 1", "for ten days, 2", "the old rule. 15", "this part.\" 15"): a full word (longer
# than the abbreviations `No.`, `sec.`, `para.`, `vol.`) before a full stop, any word before
# a full stop and a closing quote or bracket (an abbreviation's period is never quoted), or
# before `?`, `!`, a comma or a semicolon.  A shorter word ends its sentence too unless it is
# one of the abbreviations that stand before a number (`_NUMBER_ABBREVIATIONS`).
_ENDS_CLAUSE = re.compile(r"^(?:[^\W\d_]{5,}[.!?]|[^\W\d_]+(?:[,;!?]|\.[”’\"')\]]))"
                          r"[”’\"')\]]*$")
_FULL_STOP = re.compile(r"^(?P<word>[^\W\d_]+)\.$")
# The reference words (above) that are abbreviations: `No. 2`, `p. 3`, `sec. 4`, `Id. 5`.
# Their period does not end a sentence; a full word's (`rule.`, `page.`) does.
_NUMBER_ABBREVIATIONS = frozenset("""
no nos p pp sec secs ch chap art ex exh n nn vol id para paras fn fig col approx
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())


def _ends_clause(word: str, punct: str) -> bool:
    """Does `word` followed by `punct` close its sentence or clause (see `_ENDS_CLAUSE`)?"""
    if _ENDS_CLAUSE.match(word + punct):
        return True
    return punct == "." and word.lower() not in _NUMBER_ABBREVIATIONS
# A sentence's end before a bare number: a full stop, question or exclamation mark, and any
# closing quotes or brackets.
_SENTENCE_CLOSED = re.compile(r"^[.!?][”’\"')\]]*$")
# After a call at a sentence's end, a note's text may open with a citation to a volume
# (`concur." 3 37 Am.Jur.2d`): a number, then a word with a capital.  After a sentence's end
# the first number cannot continue a quantity of that sentence, so it is the call.
_CITATION_AFTER = re.compile(r"^\s\d+\s+[A-Z]")
# After a bare number, what makes it a quantity or a reference, not a call.
_NOT_A_CALL_AFTER = re.compile(r"^(?:[,.]?\s*\d|\s*%|\s*(?:st|nd|rd|th)\b|:\d|\s*[-–—]\s*\d|"
                               r"\s+(?:of|to|through|and|or|percent|per)\s+\d)", re.I)


@dataclass
class Footnote:
    marker: str
    page: int
    lines: list[Line] = field(default_factory=list)
    form: str = "num"  # how the label was printed: num, paren, bracket, sym
    dot: bool = False  # the label was printed with a full stop (`12.`)


@dataclass
class Label:
    marker: str  # the number (digits) or the symbol
    form: str  # num, paren, bracket, sym
    end: int  # end of the label in the line's text
    alone: bool  # nothing else on the line
    dot: bool = False  # printed with a full stop (`12.`, `(12.)`)


def label_of(text: str) -> Label | None:
    m = _LABEL_RE.match(text)
    if not m:
        return None
    for form in ("paren", "bracket", "num", "sym"):
        if m.group(form):
            return Label(m.group(form), form, m.end(), not text[m.end():].strip(),
                         text[m.end(form):m.end(form) + 1] == ".")
    return None


def _is_separator(line: Line) -> bool:
    return bool(_SEPARATOR_RE.match(line.text))


def _expected(notes: list[Footnote]) -> str:
    """The next number: one more than the last numbered note (symbol notes do not count)."""
    for note in reversed(notes):
        if note.marker.isdigit():
            return str(int(note.marker) + 1)
    return "1"


# ------------------------------------------------------------------ calls


def _call_pattern(marker: str, form: str = "num") -> re.Pattern:
    """A clear call: a superscript, the marker glued to a word or punctuation, or (for a
    bracketed label) the same bracketed form."""
    # Each form opens with the marker and looks behind it from there (`1(?<=a1)`, not
    # `(?<=a)1`): a pattern that opens with a look-behind is tried at every character.
    esc = re.escape(marker)
    if not marker.isdigit():  # a symbol, glued to what it marks; `*3` is a Westlaw pin cite
        return re.compile(esc + r"(?<=[^\s*†‡]" + esc + r")(?![*†‡\d])")
    sup = re.escape(marker.translate(TO_SUPERSCRIPT))
    glued = (esc + r"(?<=[^\W\d_]" + esc + r"|[.,;:!?”’\"')\]]" + esc + r")"
             r"(?!\d)(?=\s|$|[—–])")
    parts = [sup + r"(?<![⁰¹²³⁴⁵⁶⁷⁸⁹]" + sup + r")(?![⁰¹²³⁴⁵⁶⁷⁸⁹])",
             glued]
    if form == "bracket":
        parts.append(r"\[" + esc + r"\]")
    elif form == "paren":
        parts.append(r"\((?<![\d)§]\()" + esc + r"\.?\)(?!\()")
    return re.compile("|".join(parts))


# A call glued to the next word as well ("(G)3of the Act", "proof5that the", lost word
# spaces): only after a closing bracket or two lower-case letters and before two lower-case
# letters, so "F.3d", "2d" and "4th" never count.
_GLUED_BOTH = re.compile(r"(\d(?:(?<=[)\]]\d)|(?<=[a-z][a-z]\d))\d{0,2})(?=[a-z]{2,})"
                         r"(?!(?:st|nd|rd|th|d)\b)")


@lru_cache(maxsize=512)
def _separate_token(marker: str, not_before: str = "") -> re.Pattern:
    """`marker` as a token of its own after a space, after a word or closing punctuation,
    before a space or the line's end (and not before `not_before`, a look-ahead)."""
    esc = re.escape(marker)
    return re.compile(esc + r"(?<=[^\W\d_] " + esc + r"|[.,;:!?”’\"')\]] " + esc + r")"
                      + (f"(?!{not_before})" if not_before else "") + r"(?=\s|$)")


def _weak_pattern(marker: str) -> re.Pattern:
    """The bare number after a space, after a word or closing punctuation."""
    return _separate_token(marker)


def _weak_calls(marker: str, text: str):
    """Separate-token calls (`claims 2 because`, `Appellees. 2`): the bare number after a
    space, after a word or closing punctuation, unless the word before makes it a reference
    ("page 2") or what follows makes it a quantity ("2, 2011", "2%")."""
    pattern = _weak_pattern(marker)
    for m in _GLUED_BOTH.finditer(text):
        if m.group(1) == marker:
            yield m
    for m in pattern.finditer(text):
        before = re.search(r"([^\W\d_]+)(\W*)\s$", text[:m.start()])
        if before and before.group(1).lower() in _REFERENCE_WORDS \
                and not _ends_clause(before.group(1), before.group(2)):
            continue
        if _NOT_A_CALL_AFTER.match(text[m.end():]) and not (
                before and _SENTENCE_CLOSED.match(before.group(2))
                and _ends_clause(before.group(1), before.group(2))
                and _CITATION_AFTER.match(text[m.end():])):
            continue
        yield m


def _call_strength(label: Label, lines: list[Line]) -> int:
    """2: a clear call stands in `lines`; 1: only a separate-token call; 0: none."""
    pattern = _call_pattern(label.marker, label.form)
    if any(pattern.search(l.text) for l in lines):
        return 2
    if label.marker.isdigit() and (
            any(next(_weak_calls(label.marker, l.text), None) for l in lines)
            or any(_lone_call(label.marker, lines, j) or _line_start_call(label.marker, lines, j)
                   for j in range(1, len(lines)))):
        return 1
    if not label.marker.isdigit() and any(_SYMBOL_TOKEN.search(l.text)
                                          and _weak_symbol(label.marker, l.text) for l in lines):
        return 1
    return 0


_SYMBOL_TOKEN = re.compile(r" [*†‡]")


def _weak_symbol(marker: str, text: str, every: bool = False):
    """A symbol call set apart by a space (`ET AL. *`, pdftotext's reading of a raised `*`):
    after a word or closing punctuation, before a space or the line's end.  Not a run of
    them (`inappropriate * * * to`, an ellipsis) and never before a digit (`*1021`, a star
    page).  A separate-token call: it needs a zone clearly set apart."""
    pattern = _separate_token(marker, r"\s*[*†‡]")
    return pattern.finditer(text) if every else pattern.search(text)


# What a call follows: a word or closing punctuation.
_CALL_BEFORE = re.compile(r"(?:[^\W\d_]|[.,;:!?”’\"')\]])$")


def _lone_call(marker: str, lines: list[Line], j: int) -> bool:
    """A call on a line of its own: pdftotext may set a raised number apart, below the line
    it belongs to (after a block quote, at a line's end).  The line holds only the number and
    follows a line ending in a word or closing punctuation.  A separate-token call: the
    fallback, for the expected number only."""
    return j > 0 and lines[j].text.strip() == marker \
        and bool(_CALL_BEFORE.search(lines[j - 1].text.rstrip()))


# A sentence the call's line opens after it: a capitalised word in lower case (`18 Also,`);
# a reporter's or code's abbreviation (`18 U.S.C.`, `3 F.3d`) is a citation's volume instead.
_OPENS_WORD = re.compile(r"\s+[“‘\"']?[A-Z][a-z]+\b(?!\.)")


def _line_start_call(marker: str, lines: list[Line], j: int) -> bool:
    """A call wrapped to the start of the next line: the renderer broke the line between the
    sentence and its raised number, and pdftotext sets the number at the head of the next
    line (`... of witnesses.` / `18 Also, the Supreme Court`).  The line before ends a
    sentence, the number stands alone before a capitalised word.  A separate-token call:
    the fallback, for the expected number only."""
    if j == 0:
        return False
    text = lines[j].text.lstrip()
    if not text.startswith(marker) or not _OPENS_WORD.match(text[len(marker):]):
        return False
    return bool(_SENTENCE_END_STRICT.search(lines[j - 1].text.rstrip()))


# A sentence's end at a line's end: a full stop after a word of two or more letters (not an
# initial or an abbreviation like `No.`), or `?` or `!`, then any closing quotes or brackets.
_SENTENCE_END_STRICT = re.compile(r"(?:[^\W\d_]{2,}(?<!\bNo)(?<!\bno)\.|[?!])[”’\"')\]]*$")


# ------------------------------------------------------------------ zones


@dataclass
class _Page:
    """The facts of one page the zone rules weigh."""

    page: Page
    body_size: float | None  # the document's body font size (PDF), else None
    typical: int  # the page's usual blank lines before a line
    body_width: float | None = None  # the document's usual full line, in characters (text)

    def small(self, i: int) -> bool:
        size = self.page.lines[i].size
        return bool(self.body_size and size and size <= self.body_size * NOTE_SIZE_RATIO)

    def lower(self, i: int) -> bool:
        line = self.page.lines[i]
        if line.top is not None and self.page.height:
            return line.top >= LOWER_PART * self.page.height
        return i >= LOWER_PART * len(self.page.lines)

    def gap(self, i: int) -> bool:
        return self.page.lines[i].blank_before >= max(2, self.typical + GAP_OVER_TYPICAL)

    def set_apart(self, i: int, label: Label) -> bool:
        """Clearly the start of a zone: smaller type, a wide gap, or a lone label with a blank
        line before or after it (plain pdftotext prints the label as a block of its own)."""
        lines = self.page.lines
        bb = lines[i].blank_before
        after = lines[i + 1].blank_before if i + 1 < len(lines) else 0
        return self.small(i) or self.gap(i) or (label.alone and (bb >= 1 or after >= 1)) \
            or self.wider(i) or self.foot_block(i) or self.led_block(i)

    def led_block(self, i: int) -> bool:
        """The label opens a line a little way into a block set apart at the page's foot (a
        wide gap, or plain pdftotext's foot block, before the block; no blank line after it
        to the foot), after a line that ends a sentence: a line or two the printer set
        before the first note (an editor's note, `Ed. 1 [EDITOR'S NOTE: ...]`) leads the
        zone.  The leading lines stay in the body."""
        lines = self.page.lines
        j = i
        while j > 0 and not lines[j].blank_before:
            j -= 1
        if not 0 < i - j <= ZONE_LEAD_MAX or any(l.blank_before for l in lines[i + 1:]):
            return False
        if not _SENTENCE_END.search(lines[i - 1].text.rstrip()):
            return False
        return self.lower(j) and (self.gap(j) or self.foot_block(j))

    def foot_block(self, i: int) -> bool:
        """Text whose lines run on with no blank lines (plain pdftotext: `typical` 0) prints a
        blank line only between blocks; a block low on the page that no blank line follows
        to the page's foot is set apart as the notes are."""
        lines = self.page.lines
        # Counted in the lower part of the page only: a first page's caption sets its
        # fields apart by blank lines above the body.
        return self.typical == 0 and lines[i].blank_before >= 1 and self.lower(i) \
            and not any(l.blank_before for l in lines[i + 1:]) \
            and sum(1 for k, l in enumerate(lines) if l.blank_before and self.lower(k)) \
            <= FOOT_BLOCK_MAX_BREAKS

    def wider(self, i: int) -> bool:
        """Text input: the lines from i to the page's foot hold more characters than the
        document's body lines (`WIDER_RATIO`): smaller type, as notes are set in, fits more
        on a line of the same width.  Only full lines count (at least half the longest), so
        paragraph ends and headings do not weigh."""
        if self.body_size or not self.body_width:
            return False  # PDF: the type size itself is known
        zone = _full_widths(self.page.lines[i:])
        if len(zone) < WIDER_MIN_LINES:
            return False
        return statistics.median(zone) >= WIDER_RATIO * self.body_width

    @property
    def paragraph_lines(self) -> bool:
        """The page's lines are whole paragraphs: their place on the printed page is lost."""
        lengths = sorted(len(l.stripped) for l in self.page.lines)
        return bool(lengths) and lengths[len(lengths) // 2] > PRINTED_LINE_MAX

    def zone_like(self, i: int, label: Label) -> bool:
        """Possibly the start of a zone: set apart, a label alone on its line (body text has
        no lone numbers once page and line numbers are gone), or in the lower part of the
        page after any gap."""
        bb = self.page.lines[i].blank_before
        return self.set_apart(i, label) or label.alone or (self.lower(i) and bb >= 1)


def _full_widths(lines: list[Line]) -> list[int]:
    """The widths of the full lines: at least half the longest printed line.  A line longer
    than any printed line (`PRINTED_LINE_MAX`: plain pdftotext joined two) does not set
    the measure, or the printed lines beside it would not count."""
    widths = [len(l.stripped) for l in lines if l.stripped]
    if not widths:
        return []
    half = min(max(widths), PRINTED_LINE_MAX) / 2
    return [w for w in widths if w >= half]


def _body_size(pages: list[Page]) -> float | None:
    """The body's font size: the size most lines are set in (PDF); None for text input."""
    sizes = [round(l.size, 1) for p in pages for l in p.lines if l.size]
    if not sizes:
        return None
    return statistics.mode(sizes)


class _Sequence:
    """The notes found so far and what the next label may be."""

    def __init__(self):
        self.notes: list[Footnote] = []
        self.unseen = False  # a page without text since the last note
        self.zone_page = 0  # the last page whose zone held note text

    def allowed(self, label: Label, strength: int, strong_zone: bool) -> bool:
        """May this label open the next note, given the call found for it (`strength`) and
        how clearly its zone is set apart?"""
        if label.form == "sym":  # a symbol has no sequence: a weak call needs a clear zone
            return strength == 2 or (strength == 1 and strong_zone)
        if strength == 0:
            return False
        if label.form in ("paren", "bracket") and not strong_zone:
            return False  # `(1)` also opens enumerations: needs a zone clearly set apart
        n, expected = int(label.marker), int(_expected(self.notes))
        if strength == 1 and not strong_zone:
            return False
        if n == expected:
            return True
        if n == 1 and self.notes:  # numbering restarts in a separate writing
            return strength == 2
        if self.unseen and expected < n <= expected + MAX_UNSEEN:
            return True
        return strength == 2 and strong_zone and expected < n <= expected + MAX_SKIP


def _starts_note(label: Label | None, seq: _Sequence, above: list[Line], strong_zone: bool,
                 below: list[Line] = (), overleaf: list[Line] = ()):
    if label is None:
        return False
    strength = _call_strength(label, above)
    if strength == 1 and strong_zone and label.marker == "1" and seq.notes and \
            (_second_follows(label, above, below) or _second_overleaf(label, above, overleaf)):
        strength = 2  # numbering restarts: the run of labels below bears the weak call out
    return seq.allowed(label, strength, strong_zone)


def _second_follows(label: Label, above: list[Line], below: list[Line]) -> bool:
    """A restarted numbering shows itself as a run: the label `2`, printed as `1` was, opens
    a line of the zone below, and its call stands above the zone too."""
    second = Label("2", label.form, 0, False, label.dot)
    if not any((found := label_of(l.text)) and found.marker == "2" and found.form == label.form
               and found.dot == label.dot for l in below):
        return False
    return _call_strength(second, above) >= 1


def _second_overleaf(label: Label, above: list[Line], overleaf: list[Line]) -> bool:
    """A restarted numbering whose `1` stands alone in its page's zone: the label `2`,
    printed as `1` was, opens a line after a blank line on the next page, and its call
    stands in that page's text above it (and after the call of `1`)."""
    second = Label("2", label.form, 0, False, label.dot)
    for b, line in enumerate(overleaf):
        found = label_of(line.text)
        if found and found.marker == "2" and found.form == label.form \
                and found.dot == label.dot and line.blank_before >= 1 and b > 0:
            return _call_strength(second, overleaf[:b]) >= 1
    return False


def _zone_start(info: _Page, seq: _Sequence, previous: list[Line],
                overleaf: list[Line] = ()) -> tuple[int, int, bool] | None:
    """(index of the separator or -1, index of the zone's first line, whether the zone opens
    with text continuing the last note), or None."""
    lines = info.page.lines
    rules = [i for i, line in enumerate(lines) if _is_separator(line) and i + 1 < len(lines)]
    # Captions draw rules too (`_____` around the docket): the footnote rule is the one a
    # note label follows, or (a note running on from the last page) the lowest one.
    for i in reversed(rules):
        first = i + 1
        if _ZONE_HEADING.match(lines[first].text) and first + 1 < len(lines):
            first += 1  # the zone's own heading between the rule and the first label
        label = label_of(lines[first].text)
        if _starts_note(label, seq, previous + lines[:i], True):
            return i, first, False
    if rules and rules[-1] >= len(lines) // 2 and seq.notes and not label_of(lines[rules[-1] + 1].text):
        return rules[-1], rules[-1] + 1, True
    for i in range(1, len(lines)):
        label = label_of(lines[i].text)
        if label is None or (label.alone and i == len(lines) - 1):
            continue  # a label alone closing the page has no note below it (see _trailing_label)
        run_on = _run_on_start(info, seq, i)
        foot = _foot_run(info, seq, label, i)
        if not info.zone_like(i, label) and run_on is None and not foot and not (
                (info.lower(i) or _shaped_like_last(info, seq, label))
                and label.marker == _expected(seq.notes)
                and _call_strength(label, previous + lines[:i]) == 2):
            # Text with no blank lines at all (one paragraph a line) shows no gap: the
            # expected number with a clear call, low on the page, is evidence enough; where
            # the lines are whole paragraphs, "low" cannot be seen, and a label printed as the
            # document's earlier notes were takes its place.
            continue
        if _starts_note(label, seq, previous + lines[:i],
                        info.set_apart(i, label) or run_on is not None or foot,
                        lines[i + 1:], overleaf):
            start = i if run_on is None else run_on
            # Smaller type just above the first label continues the last note (PDF).
            while seq.notes and start > 1 and info.small(start - 1) and not info.small(0):
                start -= 1
            return -1, start, start < i
    if seq.notes and info.body_size:
        # No label: smaller type at the page foot continues the last note (PDF).
        start = len(lines)
        while start > 1 and info.small(start - 1):
            start -= 1
        if start < len(lines) and not info.small(0):
            return -1, start, True
    return None


def _foot_run(info: _Page, seq: _Sequence, label: Label, i: int) -> bool:
    """Plain pdftotext may print no blank line between the body and the notes: the zone is
    then the page's foot that a run of labels opens.  The label is the expected number,
    printed as the document's last note was (same form, full stop or none), low on the
    page, and every label below it on the page goes on in sequence (n+1, n+2...), as notes
    do and a body's wrapped line starting with a number does not; the line above ends a
    sentence, or the run holds at least `FOOT_RUN_MIN` labels."""
    lines = info.page.lines
    if not seq.notes or not info.lower(i) or label.marker != _expected(seq.notes):
        return False
    last = seq.notes[-1]
    if last.form != label.form or last.dot != label.dot or not last.marker.isdigit():
        return False
    want = int(label.marker) + 1
    for k in range(i + 1, len(lines)):
        below = label_of(lines[k].text)
        if below is None:
            continue
        if below.marker == str(want) and below.form == label.form and below.dot == label.dot:
            want += 1  # the next note (a short one may end in no full stop: `2 Exhibit 1`)
        elif below.form == "num" and not _SENTENCE_END.search(lines[k - 1].text.rstrip()):
            continue  # a wrapped line of the note that begins with a number
        else:
            return False
    # The body breaks off mid-sentence at a page's foot when its text goes on overleaf: a
    # run of labels then bears the zone out; one label alone needs the sentence's end.
    return want - int(label.marker) >= FOOT_RUN_MIN \
        or bool(_SENTENCE_END.search(lines[i - 1].text.rstrip()))


def _shaped_like_last(info: _Page, seq: _Sequence, label: Label) -> bool:
    """On a page of whole-paragraph lines: the label opens its line with text after it, as
    the document's last note did, in the same form (`5 At the time`, after `4 We note`).  A
    numbered paragraph (`5. The court`) is printed otherwise than the notes it follows."""
    if not info.paragraph_lines or not seq.notes or label.alone:
        return False
    last = seq.notes[-1]
    return last.form == label.form and last.dot == label.dot and last.marker.isdigit()


def _run_on_start(info: _Page, seq: _Sequence, i: int) -> int | None:
    """Where the last note, begun on the previous page, runs on above the label at i: a
    line after a wide gap, a few lines up, with no label between.  A note that ended a
    sentence on the last page is taken as ended: the page break of a running note falls
    inside a sentence far more often than between two."""
    if not seq.notes or seq.zone_page != info.page.index - 1:
        return None
    last = seq.notes[-1].lines
    if last and _SENTENCE_END.search(last[-1].text.rstrip()):
        return None
    lines = info.page.lines
    for j in range(i - 1, max(0, i - RUN_ON_MAX) - 1, -1):
        if j == 0 or label_of(lines[j].text):
            return None
        if info.gap(j):
            return j
    return None


def split_notes(pages: list[Page], report: ReadReport) -> list[Footnote]:
    """Cut each page's footnote zone out of its lines and return the notes in order.  Zone
    text before any label continues the previous note (a note running onto the next page)."""
    seq = _Sequence()
    body_size = _body_size(pages)
    widths = [w for p in pages for w in _full_widths(p.lines)]
    body_width = statistics.median(widths) if widths else None
    previous_page: list[Line] = []
    for n, page in enumerate(pages):
        _split_glued_rules(page)
        if not page.lines:
            seq.unseen = True
            continue
        gaps = sorted(l.blank_before for l in page.lines)
        info = _Page(page, body_size, gaps[len(gaps) // 2], body_width)
        if _trailing_label(info, seq, previous_page, report):
            previous_page = page.lines
            continue
        overleaf = pages[n + 1].lines if n + 1 < len(pages) else []
        found = _zone_start(info, seq, previous_page, overleaf)
        if found is None:
            previous_page = page.lines
            continue
        sep, start, continues = found
        if sep >= 0:
            report.remove("separator", page.lines[sep].text.strip(), page.lines[sep].lineno,
                          page.index)
            for line in page.lines[sep + 1:start]:
                report.remove("note-heading", line.text.strip(), line.lineno, page.index)
        body_end = sep if sep >= 0 else start
        above = page.lines[:body_end]
        _take_zone(info, page.lines[start:], seq, previous_page + above, report, overleaf)
        seq.zone_page = page.index
        page.lines = page.lines[:body_end]
        previous_page = page.lines
    return seq.notes


def _take_zone(info: _Page, zone: list[Line], seq: _Sequence, above: list[Line],
               report: ReadReport, overleaf: list[Line] = ()) -> None:
    """Split a zone into notes: each label that may open the next note starts one; any other
    line (text before the first label included) continues the current note."""
    page = info.page
    for k, line in enumerate(zone):
        if _CONTINUED_RE.match(line.text):
            report.remove("note-continued", line.text.strip(), line.lineno, page.index)
            continue
        label = label_of(line.text)
        if label and seq.notes and label.marker == seq.notes[-1].marker and \
                _continued_next(zone, k, label):
            # A repeated label over "(...continued)": the last note runs on.
            report.remove("note-label", label.marker, line.lineno, page.index)
            rest = line.text[label.end:]
            if _CONTINUED_RE.match(rest):
                report.remove("note-continued", rest.strip(), line.lineno, page.index)
            elif rest.strip():
                seq.notes[-1].lines.append(Line(rest, line.page, line.lineno, line.blank_before))
            continue
        # Inside a zone the zone itself sets the label apart; a label with only a weak call
        # must still stand alone, after a gap, or after a line that ends a sentence (not a
        # wrapped line that happens to start with a number).
        if label and (k == 0 or label.alone or line.blank_before >= 1 or label.form != "num"
                      or _SENTENCE_END.search(zone[k - 1].text.rstrip())
                      or _call_strength(label, above) == 2
                      or _called_after_last(label, seq, above)) \
                and (_starts_note(label, seq, above, True, zone[k + 1:], overleaf)
                     or _in_sequence(label, seq, page.index, zone, k, above)):
            report.remove("note-label", label.marker, line.lineno, page.index)
            rest = line.text[label.end:]
            body = [Line(rest, line.page, line.lineno, line.blank_before)] if rest.strip() else []
            seq.notes.append(Footnote(label.marker, page.index, body, label.form, label.dot))
            seq.unseen = False
        elif seq.notes:
            seq.notes[-1].lines.append(line)


def _in_sequence(label: Label, seq: _Sequence, page: int, zone: list[Line], k: int,
                 above: list[Line]) -> bool:
    """A zone this page's notes already opened, the expected number at the head of a line
    after a line that ends a sentence, and the bare number in the text after the last
    note's call, though a number follows it there (`Graveley, 3 84 Va. 145`: a call before
    a citation, which the separate-token rule reads as a quantity)."""
    return k > 0 and label.form == "num" and bool(seq.notes) and seq.notes[-1].page == page \
        and bool(_SENTENCE_END.search(zone[k - 1].text.rstrip())) \
        and _called_after_last(label, seq, above, loose=True)


def _loose_calls(marker: str, text: str):
    """Separate-token calls whatever follows them (`Graveley, 3 84 Va.`): the fallback's
    fallback, for a label the zone's sequence already bears out."""
    for m in _weak_pattern(marker).finditer(text):
        before = re.search(r"([^\W\d_]+)(\W*)\s$", text[:m.start()])
        if before and before.group(1).lower() in _REFERENCE_WORDS \
                and not _ends_clause(before.group(1), before.group(2)):
            continue
        yield m


def _called_after_last(label: Label, seq: _Sequence, above: list[Line],
                       loose: bool = False) -> bool:
    """Calls come in the notes' order: the expected number's call stands in the text after
    the last note's call.  A note's text wrapped at a number would need that number, as a
    call, after the call of the note it belongs to; a short note that ends in no full stop
    (`2 Exhibit 1` over `3 Exhibit 13`, `... [Emphasis added]`) is told from it this way."""
    if not seq.notes or label.marker != _expected(seq.notes):
        return False
    last = seq.notes[-1]
    pattern = _call_pattern(last.marker, last.form)
    for j, line in enumerate(above):
        m = pattern.search(line.text)
        if m is None and last.marker.isdigit():
            m = next(_weak_calls(last.marker, line.text), None)
        if m is None:
            continue
        rest = [Line(line.text[m.end():], line.page, line.lineno), *above[j + 1:]]
        if loose:
            return any(next(_loose_calls(label.marker, l.text), None) for l in rest)
        return _call_strength(label, rest) >= 1
    return False


def _continued_next(zone: list[Line], k: int, label: Label) -> bool:
    rest = zone[k].text[label.end:]
    if _CONTINUED_RE.match(rest):
        return True
    return label.alone and k + 1 < len(zone) and bool(_CONTINUED_RE.match(zone[k + 1].text))


def _trailing_label(info: _Page, seq: _Sequence, previous: list[Line],
                    report: ReadReport) -> bool:
    """Plain pdftotext sometimes prints a note's label after the note's text, as the page's
    last line.  The note is the block above it, or, when the next note's lone label stands
    in that block, the block above that label (the later notes follow in order): back to a
    blank line, or, with none, to where a sentence opens after a line the body breaks off
    in (`_block_start`)."""
    lines = info.page.lines
    if len(lines) < 3:
        return False
    label = label_of(lines[-1].text)
    if label is None or not label.alone or label.form != "num":
        return False
    last = len(lines) - 1
    end = _next_label_above(lines, last, label, previous)
    first = _block_start(lines, end)
    if first is None or first < 1:
        return False
    above = previous + lines[:first]
    if _call_strength(label, above) != 2 or not seq.allowed(label, 2, True):
        return False
    line = lines[-1]
    report.remove("note-label", label.marker, line.lineno, info.page.index)
    seq.notes.append(Footnote(label.marker, info.page.index, lines[first:end], label.form,
                              label.dot))
    seq.unseen = False
    seq.zone_page = info.page.index
    if end < last:
        _take_zone(info, lines[end:last], seq, above, report)
    info.page.lines = lines[:first]
    return True


def _next_label_above(lines: list[Line], last: int, label: Label, previous: list[Line]) -> int:
    """The index of the next note's lone label (one more than `label`, with a clear call
    above it) in the lines just above the trailing label; `last` when there is none."""
    following = Label(str(int(label.marker) + 1), "num", 0, True)
    for j in range(last - 1, max(last - 1 - TRAILING_BLOCK_MAX, 0), -1):
        found = label_of(lines[j].text)
        if found and found.alone and found.form == "num" and found.marker == following.marker \
                and _call_strength(following, previous + lines[:j]) == 2:
            return j
    return last


def _block_start(lines: list[Line], end: int) -> int | None:
    """Where the note whose text ends just above `end` begins: a blank line at most
    `TRAILING_BLOCK_MAX` lines up; with none (pdftotext printed the note right under the
    body), the nearest line that opens a sentence after a line that ends none, the note
    ending a sentence itself.  The body's last line breaks off mid-sentence (its text goes
    on, on the next page) where a note opens a sentence; a note's wrapped line starting with
    a name can end the block too early, which keeps its text in the body: nothing is lost."""
    reach = range(end - 1, max(end - 1 - TRAILING_BLOCK_MAX, 0), -1)
    first = next((j for j in reach if lines[j].blank_before >= 1), None)
    if first is not None:
        return first
    if end < 2 or not _SENTENCE_END.search(lines[end - 1].text.rstrip()):
        return None
    return next((j for j in reach if _OPENS_SENTENCE.match(lines[j].text)
                 and not _SENTENCE_END.search(lines[j - 1].text.rstrip())), None)


def _split_glued_rules(page: Page) -> None:
    """Plain pdftotext can glue the rule to the last text line ("allows up——————")."""
    for i in range(len(page.lines) - 1, -1, -1):
        line = page.lines[i]
        m = _RULE_DASHES in line.text and _TRAILING_RULE.match(line.text)  # cheap test first
        if m:
            line.text = m.group("text")
            page.lines.insert(i + 1, Line(m.group("rule"), line.page, line.lineno))


# ------------------------------------------------------------------ linking calls


def link_calls(pages: list[Page], notes: list[Footnote], report: ReadReport) -> list[int]:
    """Mark each note's call in the body lines of its page, in note order; a call never comes
    before the previous note's call.  A clear call is preferred; a separate-token call is the
    fallback.  Returns the indexes of notes whose call was not found: the caller anchors those
    at the end of their page so no text is lost."""
    by_index = {p.index: p for p in pages}
    position = (0, -1, -1)  # (page, line, column) of the previous call
    unlinked = []
    for k, note in enumerate(notes):
        found = _find_call(by_index, note, k, position, weak=False)
        if found is None and note.marker.isdigit():
            found = _find_call(by_index, note, k, position, weak=True)
        if found is None and note.marker.isdigit():
            found = _find_call(by_index, note, k, position, weak=True, loose=True)
        if found is None and not note.marker.isdigit():
            found = _find_call(by_index, note, k, position, weak=True)
        if found is None:
            unlinked.append(k)
            report.warnings.append(
                f"page {note.page}: call of footnote {note.marker} not found; "
                "note placed at the end of the page's text")
        else:
            position = found
    return unlinked


def _find_call(by_index, note: Footnote, k: int, after, weak: bool, loose: bool = False):
    pattern = _call_pattern(note.marker, note.form)
    for page_no in (note.page, note.page - 1):
        page = by_index.get(page_no)
        if page is None:
            continue
        for li, line in enumerate(page.lines):
            if weak and note.marker.isdigit() and _line_start_call(note.marker, page.lines, li):
                before = page.lines[li - 1]
                at = (page_no, li - 1, len(before.text))
                if at > after:  # the call joins the sentence it closes
                    before.text = before.text.rstrip() + marks.call(k)
                    line.text = line.text.lstrip()[len(note.marker):].lstrip()
                    return at
            if weak and note.marker.isdigit() and _lone_call(note.marker, page.lines, li):
                before = page.lines[li - 1]
                at = (page_no, li - 1, len(before.text))
                if at > after:  # the call joins the line it belongs to
                    before.text = before.text.rstrip() + marks.call(k)
                    del page.lines[li]
                    return at
                continue
            if weak and not note.marker.isdigit():
                found = _weak_symbol(note.marker, line.text, every=True)
            else:
                found = (_loose_calls if loose else _weak_calls)(note.marker, line.text) \
                    if weak else pattern.finditer(line.text)
            for m in found:
                if (page_no, li, m.start()) <= after:
                    continue
                # A separate-token call takes the space before it: the call follows its word.
                start = m.start() - 1 if weak and line.text[m.start() - 1:m.start()] == " " \
                    else m.start()
                line.text = line.text[:start] + marks.call(k) + line.text[m.end():]
                return (page_no, li, m.start())
    return None
