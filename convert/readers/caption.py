"""The caption and closing of an opinion: court, parties and roles, docket, title, date, judge.

Everything is marked where the source states it (DESIGN.md): the caption becomes header `p`s
with inline marks, the date line and signature become conclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ..document import P, Party, Span
from .forms import agency_heads, civil_minutes, efiling_stamps

MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
            r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_RE = re.compile(rf"\b{_MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}\b")

# A document title: a short capitals line ending in a kind of decision ("MEMORANDUM
# OPINION", "SUGGESTION OF REMAND AND TRANSFER ORDER", "MEMORANDUM FINDINGS OF FACT AND
# OPINION"), or a court form's heading (forms/civil_minutes.py).
TITLE_RE = re.compile(
    r"^\s*(?P<t>(?:[A-Z][A-Z’',&-]*\s+){0,7}(?:OPINION|DECISION|ORDER|JUDGMENT|MEMORANDUM)"
    r"(?:\s+AND\s+(?:ORDER|OPINION|JUDGMENT))?|PER CURIAM|OPINION OF THE COURT"
    rf"|{civil_minutes.TITLE})\s*$")

ROLE_WORDS = {
    "plaintiff": "plaintiff", "defendant": "defendant", "appellant": "appellant",
    "appellee": "appellee", "petitioner": "petitioner", "respondent": "respondent",
    "movant": "movant", "intervenor": "intervenor", "claimant": "claimant",
}
_ROLE_LINE = re.compile(r"^\s*(?P<words>(?:(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|"
                        r"Petitioners?|Respondents?|Movants?|Intervenors?|Claimants?)"
                        r"(?:[-–\s,]+(?:and\s+)?)?)+)[.,;]?\s*$", re.I)
_VERSUS = re.compile(r"^\s*(?:v\.?|vs\.?|versus|against)\s*$", re.I)
DOCKET_RE = re.compile(
    r"(?P<label>(?:Civil|Criminal)\s+Action\s+No\.?:?|Case\s+No\.?:?|Docket\s+Nos?\.?:?|"
    r"(?<![\w.])Nos?\.:?)\s*"
    r"(?P<docket>(?:[A-Z]{2,4}\s)?\d[\w\-–:]*(?:\s\([A-Za-z]+\))?"
    r"(?:,\s*(?:and\s+)?\d[\w\-–:]*)*)")


@dataclass
class Caption:
    parties: list[Party] = field(default_factory=list)
    docket: str | None = None
    title: str | None = None
    header: list[P] = field(default_factory=list)


def iso_date(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text.replace(".", "")).strip()
    for fmt in ("%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    if text.startswith("Sept"):
        return iso_date(text.replace("Sept", "Sep", 1))
    return None


_DMY_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b")
_DATE_CONTEXT = re.compile(r"\b(?:Filed|Decided|Dated?|Entered|Issued)\b[^A-Za-z]{0,3}", re.I)


def decision_date(text: str) -> str | None:
    """The decision date a caption states: after Filed/Decided/Dated if it says so, else the
    first full date (`June 24, 2013`, `11 February 2022`, `[June 24, 2013]`)."""
    found = []
    for m in DATE_RE.finditer(text):
        found.append((m.start(), iso_date(m.group(0))))
    for m in _DMY_RE.finditer(text):
        found.append((m.start(), iso_date(f"{m.group(2)} {m.group(1)}, {m.group(3)}")))
    found = [(pos, d) for pos, d in sorted(found) if d]
    if not found:
        return None
    for pos, date in found:
        before = text[max(0, pos - 30):pos]
        if _DATE_CONTEXT.search(before):
            return date
    return found[0][1]


def title_case(name: str) -> str:
    """RUDOLPH CONTRERAS -> Rudolph Contreras (for reference names only; text keeps caps)."""
    if name.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w
                        for w in name.split())
    return name


def doc_name(title: str | None) -> str:
    """judgment/@name from the title: MEMORANDUM OPINION -> memorandumOpinion."""
    if not title:
        return "judgment"
    words = re.findall(r"[A-Za-z]+", title.lower())
    return words[0] + "".join(w.capitalize() for w in words[1:]) if words else "judgment"


def roles_in(line: str) -> list[str]:
    return [ROLE_WORDS[w.lower().rstrip("s")] for w in
            re.findall(r"Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|"
                       r"Respondents?|Movants?|Intervenors?|Claimants?", line, re.I)]


def party_paragraph(name_lines: list[str], role: str) -> tuple[P, Party]:
    """One party's name lines as a header p with the name marked."""
    name = " ".join(" ".join(name_lines).split())
    trail = ""
    m = re.search(r"[,;]\s*$", name)
    if m:
        name, trail = name[:m.start()], name[m.start():].strip()
    return P([Span("party", [name], {"role": role, "name": name}), trail]), Party(name, role)


def docket_paragraph(text: str) -> tuple[P, str] | None:
    m = DOCKET_RE.search(text)
    if not m:
        return None
    docket = m.group("docket").strip()
    before = text[:m.start("docket")]
    after = text[m.end("docket"):]
    return P([before.strip() + " " if before.strip() else "",
              Span("docketNumber", [docket]), after.rstrip()]), docket


def split_columns(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """A `:`-aligned caption: left column (parties) and right column (docket) of each row."""
    rows = [re.match(r"^(.*?)\s:(?:\s+(.*?))?\s*$", l) for l in lines]
    if sum(1 for r in rows if r) < max(3, len(lines) // 2):
        return None
    left, right = [], []
    for line, row in zip(lines, rows):
        if row:
            left.append(row.group(1).strip())
            if row.group(2):
                right.append(row.group(2).strip())
        else:
            left.append(line.strip())
    return left, right


def parties_from_column(left: list[str]) -> tuple[list[P], list[Party]]:
    """Left column rows: name lines, a role line, `v.`, name lines, a role line."""
    blocks: list[P] = []
    parties: list[Party] = []
    names: list[str] = []
    for row in left + [""]:
        if not row:
            continue
        if _ROLE_LINE.match(row) and names:
            roles = roles_in(row)
            p, party = party_paragraph(names, roles[0])
            blocks.append(p)
            parties.append(party)
            blocks.append(P([row]))
            names = []
        elif _VERSUS.match(row):
            if names:
                blocks.append(P([" ".join(names)]))
                names = []
            blocks.append(P([row]))
        else:
            names.append(row)
    if names:
        blocks.append(P([" ".join(names)]))
    return blocks, parties


# ====================================================================== case identity
#
# `identify` reads the caption's lines (and, where the caption is silent, the e-filing stamp,
# the page furniture and the opinion's citations) into the case's identity.  It works on the
# visible text of each line; marking the header is `mark_header`'s job.

from collections import Counter  # noqa: E402

from . import dates, dockets  # noqa: E402

# Pleading paper numbers its lines 1-28 in the margin; on the caption page they ride in front
# of the caption's own text ("7     ADRIAN HOLLEY, et al.").
_LINE_NUMBER = re.compile(r"^\s*\d{1,2}(?=\s{2,}\S|\s*$)")
# Letter-spaced small capitals come out of PDFs in pieces: "F OR THE S ECOND C IRCUIT".
_SPLIT_CAPS = re.compile(r"\b([B-HJ-Z]) (?=[A-Z]{2,}\b)")
# A caption box's divider: `:`, `)`, `*`, `§` or `|` stacked in one column.
_DIVIDERS = ":)*§|"
# Rows that must share a divider or a column gap before the caption counts as a two-column box.
# Two rows already agree on a column: a centred stack has no gaps inside its rows.
MIN_BOX_ROWS = 2
# How far (characters) a right column's rows may start from its usual column in `-layout` text:
# pdftotext places text by its x position, rounding can move a row by a character or two.
COLUMN_SLACK = 4
# A gap inside a row this wide separates the two columns of a box ("FINJAN, INC.,     Case No.").
COLUMN_GAP = 3

_VERSUS_INLINE = re.compile(r"(?<=\S)\s+(?:v\.?|vs\.?|versus|against|-against-)\s+(?=\S)|"
                            r"(?<=\S)\s+(?:v\.|vs\.|versus|-against-)\s*$", re.I)
_VERSUS_ROW = re.compile(r"^\s*[-–]?\s*(?:v\.?|vs\.?|versus|against)\s*[-–]?\s*$", re.I)
_IN_RE = re.compile(r"^\s*(?P<lead>In\s+re:?|IN\s+RE:?|In\s+the\s+Matter\s+of|IN\s+THE\s+MATTER\s+OF|"
                    r"Matter\s+of|MATTER\s+OF|Ex\s+parte|EX\s+PARTE|In\s+the\s+Interest\s+of|"
                    r"IN\s+THE\s+INTEREST\s+OF)\s+(?P<name>.+)$")
_ROLE_WORD = (r"(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|"
              r"Movants?|Intervenors?|Claimants?|Cross-Appellants?|Cross-Appellees?|"
              r"Counter-?(?:claimants?|defendants?)|Third-Party\s+(?:Plaintiffs?|Defendants?)|"
              r"Debtors?|Relators?|Real\s+Part(?:y|ies)\s+in\s+Interest)")
_ROLE_ONLY = re.compile(rf"^\s*(?:and\s+)?{_ROLE_WORD}(?:\s*[-–,/]\s*(?:and\s+)?{_ROLE_WORD})*"
                        r"\s*[.,;:]?\s*$", re.I)
_TRAILING_ROLE = re.compile(rf",?\s*(?P<role>{_ROLE_WORD}(?:\s*[-–,/]\s*{_ROLE_WORD})*)\s*[.,;]?\s*$",
                            re.I)
DECISION_WORDS = re.compile(r"\b(?:OPINION|ORDER|JUDGMENT|MEMORANDUM|DECISION|MINUTES|DECREE|"
                            r"FINDINGS|RULING|REPORT AND RECOMMENDATION)S?\b")
_ENDS_IN_DECISION = re.compile(r"\b(?:OPINION|ORDER|JUDGMENT|MEMORANDUM|DECISION|MINUTES|"
                               rf"DECREE|RULING|RECOMMENDATION)S?{civil_minutes.KIND_SUFFIX}\W*$",
                               re.I)
_NOT_TITLE = re.compile(r"\b(?:COURT|CIRCUIT|DISTRICT OF|DIVISION|CLERK|FILED|PUBLISH|"
                        r"PRECEDENTIAL|PUBLICATION|NOTICE)\b|^\s*(?:RE|Re):|^\s*\(?Dkt|"
                        r"^\s*(?:ON|On)\s+(?:APPEAL|WRIT|PETITION|REVIEW)")
# Clerk's boxes and publication banners stand beside or above a caption's parties.
_BANNER = re.compile(r"\b(?:CLERK|Clerk\s+of\s+Court|FILED|PUBLISH|PRECEDENTIAL|"
                     r"NONPRECEDENTIAL|UNPUBLISHED|NOT\s+FOR\s+PUBLICATION)\b")
# Rows of a box's other column that name no party: "Re: Dkt. No. 40", "[Re: ECF 421]".
_OTHER_COLUMN = re.compile(r"^\s*\[?(?:Re|RE):|^\s*\(?(?:ECF|Dkt\.?|Doc\.)\s")
_BEFORE = re.compile(r"^\s*(?:BEFORE|Before|PRESENT|Present)\b[:.]?\s*(?P<rest>.*)$")
_JUDGE_TITLES = re.compile(
    rf"\b(?:{agency_heads.PANEL_TITLES}|"
    r"Concurring\s+Opinion|Dissenting\s+Opinion|The\s+Honorable|Honorable|"
    r"Hon\.|Chief|Senior|Circuit|District|Magistrate|Bankruptcy|"
    r"Associate|United\s+States|U\.\s?S\.|Judges?|Justices?|JJ\.?|J\.|C\.\s?J\.|"
    r"Members?|sitting\s+by\s+designation|for\s+the\s+[A-Z][\w\s]+|of\s+the\s+[A-Z][\w\s]+|"
    r"Presiding|Deputy\s+Clerk)\b\.?", re.I)
# Printed neutral or official citations of the decision itself.
CITATION_FORMS = [
    re.compile(r"\b\d{4}-[A-Z][A-Za-z]{1,8}-\d{1,6}\b"),  # 2022-NCSC-1, 2020-Ohio-1234
    re.compile(r"\b\d{4}\s+(?:ND|SD|UT|WY|OK|IL|VT|ME|MT|WI|CO|NM|PA|GU|MP)\s+\d{1,6}\b"),  # 2019 ND 12
] + [re.compile(form) for form in agency_heads.CITATIONS]  # T.C. Memo. 2020-26, 28 I&N Dec. 437
_CITE_AS = re.compile(r"^\s*Cite\s+as:?\s+(?P<cite>.+?)(?:\s{2,}|\s+Interim\s+Decision|$)", re.I)


@dataclass
class Identity:
    """What the caption says the case is (see `convert/case.py` for what is made of it)."""

    court_id: str | None = None
    court_name: str | None = None
    court_source: str | None = None  # caption, page furniture, citations, agency form
    dockets: list[str] = field(default_factory=list)
    lower_dockets: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    date_source: str | None = None  # caption, closing, filing stamp
    title: str | None = None
    title_rows: list[str] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    case_line: str | None = None  # a printed "A v. B" short name (running head, caption line)
    panel: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# The caption is read up to where the opinion's prose begins: two running lines in a row, each
# at least this share of the page's text width and mostly lower case.
PROSE_WIDTH = 0.6
# The page's text width: most lines of running text are full lines, so a high quantile of
# line lengths measures it without letting one wide table row or banner set it.
WIDTH_QUANTILE = 0.75
PROSE_LOWER = 0.6
# ... and never further than this many lines (a caption with its counsel list and headnote
# fits; the body's dates and names must not leak in).
MAX_CAPTION_LINES = 150


def caption_window(texts: list[str], header_end: int) -> int:
    """How many of the document's first lines to read for its identity: at least the header,
    and on to the first two lines of running prose."""
    lengths = sorted(len(t.strip()) for t in texts[:200] if t.strip())
    width = lengths[int(len(lengths) * WIDTH_QUANTILE)] if lengths else 0

    def prose(t: str) -> bool:
        t = t.strip()
        letters = [c for c in t if c.isalpha()]
        return len(t) >= PROSE_WIDTH * width and bool(letters) and \
            sum(c.islower() for c in letters) > PROSE_LOWER * len(letters)

    limit = min(len(texts), MAX_CAPTION_LINES)
    for i in range(header_end, limit - 1):
        if prose(texts[i]) and prose(texts[i + 1]):
            return max(i, header_end)
    return max(header_end, limit)


def reading_rows(texts: list[str]) -> list[str]:
    """Caption lines in reading order: margin line numbers dropped, and a two-column box read
    column by column (left: parties; right: docket, title), its divider dropped."""
    rows = flat_rows(texts, keep_indent=True)
    split = _split_box(rows)
    if split is None:
        return [r.strip() for r in rows if r.strip()]
    first, last, left, right = split
    out = [r.strip() for r in rows[:first] if r.strip()]
    out += [r for r in left if r] + [r for r in right if r]
    out += [r.strip() for r in rows[last + 1:] if r.strip()]
    return out


def flat_rows(texts: list[str], keep_indent: bool = False) -> list[str]:
    """Caption lines as printed, margin line numbers blanked and small capitals rejoined."""
    out = []
    for t in texts:
        t = _LINE_NUMBER.sub(lambda m: " " * len(m.group(0)), t.rstrip())
        t = _SPLIT_CAPS.sub(r"\1", t)
        out.append(t if keep_indent else t.strip())
    return out


def _divider_column(rows: list[str]) -> int | None:
    counts: Counter = Counter()
    for row in rows:
        for i, ch in enumerate(row):
            if ch in _DIVIDERS and (i == 0 or row[i - 1] == " ") and \
                    (i + 1 == len(row) or row[i + 1] == " ") and i > 10:
                counts[i] += 1
    if not counts:
        return None
    col, n = counts.most_common(1)[0]
    return col if n >= MIN_BOX_ROWS else None


def _gap_column(rows: list[str]) -> int | None:
    starts: list[int] = []
    for row in rows:
        for m in re.finditer(rf"(?<=\S) {{{COLUMN_GAP},}}(?=\S)", row):
            starts.append(m.end())
    best, best_n = None, 0
    for s in set(starts):
        n = sum(1 for t in starts if abs(t - s) <= COLUMN_SLACK)
        if n > best_n or (n == best_n and best is not None and s < best):
            best, best_n = s, n
    return best if best_n >= MIN_BOX_ROWS else None


# Text placed by a PDF's own positions need not line its columns up to the character: there a
# gap at least this wide inside a row still separates a box's two columns.
WIDE_GAP = 6


def _split_rows_at_wide_gaps(rows: list[str]):
    """Two columns whose rows do not start at one column (proportional type rebuilt from a
    PDF): each row with a wide gap splits there."""
    gap = re.compile(rf"(?<=\S) {{{WIDE_GAP},}}(?=\S)")
    hits = [i for i, r in enumerate(rows) if gap.search(r.strip())]
    if len(hits) < MIN_BOX_ROWS:
        return None
    first, last = hits[0], hits[-1]
    left, right = [], []
    for r in rows[first:last + 1]:
        m = gap.search(r.strip())
        left.append(r.strip()[:m.start()].strip() if m else r.strip())
        right.append(r.strip()[m.end():].strip() if m else "")
    return first, last, left, right


def _split_box(rows: list[str]):
    col = _divider_column(rows)
    if col is not None:
        hits = [i for i, r in enumerate(rows) if len(r) > col and r[col] in _DIVIDERS
                and (col == 0 or r[col - 1] == " ")]
        first, last = hits[0], hits[-1]
        left = [r[:col].strip() for r in rows[first:last + 1]]
        right = [r[col + 1:].strip() for r in rows[first:last + 1]]
        return first, last, left, right
    col = _gap_column(rows)
    if col is None:
        return _split_rows_at_wide_gaps(rows)
    hits = [i for i, r in enumerate(rows)
            if any(abs(m.end() - col) <= COLUMN_SLACK
                   for m in re.finditer(rf"(?<=\S) {{{COLUMN_GAP},}}(?=\S)", r))]
    first, last = hits[0], hits[-1]
    left, right = [], []
    for r in rows[first:last + 1]:
        cut = None
        for m in re.finditer(rf"(?<=\S) {{{COLUMN_GAP},}}(?=\S)", r):
            if abs(m.end() - col) <= COLUMN_SLACK:
                cut = m.end()
        if cut is None:
            indent = len(r) - len(r.lstrip())
            cut = 0 if r.strip() and indent >= col - COLUMN_SLACK else len(r)
        left.append(r[:cut].strip())
        right.append(r[cut:].strip())
    return first, last, left, right


def is_caps(text: str) -> bool:
    """Mostly capitals (a caption's court row, a title row)."""
    return _is_caps(text)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _court_of(segments: list[str], body: str, resolve_court):
    """(court text, id, name, inferred) from the first court-naming run of caption segments
    that courts-db resolves to one court; a generic court ("UNITED STATES DISTRICT COURT")
    only when nothing more specific is printed."""
    first = None
    for i, seg in enumerate(segments[:60]):
        if not _COURT_NAME.search(seg) or efiling_stamps.FACTS.match(seg) or len(seg) > 120:
            continue
        rows = court_row_list(segments[i:i + 3])
        # The court's own rows resolve without the rows that follow them ("DISTRICT OF NEW
        # JERSEY" then "CAMDEN VICINAGE", a seat courts-db does not name): fewer rows first
        # only when more name no court, and never a guess from citations while one does.
        for n in range(len(rows), 0, -1):
            cid, cname, inferred = resolve_court(" ".join(rows[:n]), "")
            if cid and cid not in courts_generic():
                return " ".join(rows[:n]), cid, cname, False
        text = " ".join(rows)
        cid, cname, inferred = resolve_court(text, body)
        if cid and cid not in courts_generic():
            return text, cid, cname, inferred
        if first is None:
            first = (text, cid, cname, inferred)
    return first or ("", None, None, False)


def courts_generic() -> set[str]:
    from .courts import GENERIC

    return GENERIC


def court_rows(rows: list[str]) -> str:
    """The caption's court name: the first row naming a court or tribunal, with the rows that
    finish it ("For the First Circuit", "NORTHERN DISTRICT OF CALIFORNIA")."""
    return " ".join(court_row_list(rows))


def court_row_list(rows: list[str]) -> list[str]:
    """`court_rows`, row by row."""
    for i, t in enumerate(rows[:40]):
        if _COURT_NAME.search(t) and not efiling_stamps.FACTS.match(t) and len(t) < 120:
            out = [re.sub(r"^\s*in the\s+", "", t, flags=re.I)]
            for more in rows[i + 1:i + 3]:
                if not _COURT_MORE_ROW.match(more):
                    break
                out.append(more)
            return out
    return []


_COURT_NAME = re.compile(r"\bcourt\s+of\b|\bsupreme\s+court\b|\bdistrict\s+court\b|"
                         r"\btax\s+court\b|\bcourt\s+for\b|\bsuperior\s+court\b|"
                         r"\bcircuit\s+court\b|\bcourt\s+of\s+appeals?\b|\bboard\s+of\b|"
                         r"\bcourt\s+of\s+(?:federal\s+)?claims\b", re.I)
COURT_NAME = _COURT_NAME  # the readers' one court-name pattern (writings.py asks it too)
_COURT_MORE_ROW = re.compile(r"^\s*(?:for\s+the\b|(?:northern|southern|eastern|western|middle|"
                             r"central)?\s*district\s+of\b|(?:\w+\s+)?(?:circuit|district)\b|"
                             r"[A-Z ]+ (?:DIVISION|VICINAGE)\b)", re.I)


def parties_of(rows: list[str], skip: set[str] = frozenset()):
    """The parties a caption names, with their roles, and the row span they came from.

    Two sides around `v.` / `vs.` / `versus` / `-against-` (a row of its own or inside a row),
    each a run of name rows closed by a role row (`Plaintiff,`, `Defendants-Appellants.`) or a
    role after a comma (`ABIGAIL NOEL FISHER, PETITIONER`); or one party after `In re`,
    `Matter of`, `Ex parte`."""
    for i, row in enumerate(rows[:80]):
        m = _IN_RE.match(row)
        if m and not dockets.LABELLED.match(row):
            name = re.split(r"\s{3,}", m.group("name"))[0].strip(" ,")
            if name.endswith(",") or (i + 1 < len(rows) and not _ROLE_ONLY.match(rows[i + 1])
                                      and rows[i + 1].rstrip().endswith(",")
                                      and _is_caps(rows[i + 1]) == _is_caps(name)):
                pass
            role_m = _TRAILING_ROLE.search(name)
            role = "respondent" if role_m and "respond" in role_m.group("role").lower() else "subject"
            if role_m:
                name = name[:role_m.start()].strip(" ,")
            lead = " ".join(m.group("lead").split()).rstrip(":")
            return [Party(name, role)], f"{lead} {name}", row.strip()
    for i, row in enumerate(rows[:80]):
        if _VERSUS_ROW.match(row):
            above = _side(rows, i - 1, -1, skip)
            below = _side(rows, i + 1, +1, skip)
            if above and below:
                return _pair(above, below), None, None
        m = _VERSUS_INLINE.search(row)
        if m and not _COURT_NAME.search(row) and not re.search(r"\d{3}\s+(?:U\.|F\.)", row):
            left, right = row[:m.start()], row[m.end():]
            above = _side(rows[:i] + [left], i, -1, skip)
            below = _side([right] + rows[i + 1:], 0, +1, skip) if right.strip() else \
                _side(rows, i + 1, +1, skip)
            if above and below:
                return _pair(above, below), None, None
    return [], None, None


def _side(rows: list[str], start: int, step: int, skip=frozenset()) -> list[str]:
    """Name rows of one side, from `start` moving by `step`, with its role row if any; rows
    of the other column (`skip`: the docket, the title) are stepped over."""
    out: list[str] = []
    i = start
    while 0 <= i < len(rows) and len(out) < 6:
        row = rows[i].strip()
        left, _, right = (re.split(r"(\s{3,})", row, maxsplit=1) + ["", ""])[:3]
        if right and (dockets.LABELLED.search(right) or DECISION_WORDS.search(right)) and \
                not dockets.LABELLED.search(left):
            row = left  # a box read row by row: the party's column, the docket's beside it
        if row in skip:
            i += step
            continue
        if _OTHER_COLUMN.match(row):
            i += step
            continue
        if _BANNER.search(row) or re.match(r"^\s*for\s+the\b", row, re.I) or \
                (_COURT_MORE_ROW.match(row) and not out):
            break
        if not row or _VERSUS_ROW.match(row) or _COURT_NAME.search(row) or \
                dockets.LABELLED.search(row) or DECISION_WORDS.fullmatch(row.upper()) or \
                _BEFORE.match(row) or dates.find_dates(row):
            break
        if step < 0 and out and _ROLE_ONLY.match(row):
            break  # the role row of the side above this one
        if _COURT_MORE_ROW.match(row) and _is_caps(row) or dockets.BARE_LINE.match(row) or \
                _DISTRICT_ROW.match(row) or dockets.LABEL_ONLY.match(row):
            break
        out.append(row)
        if step > 0 and (_ROLE_ONLY.match(row) or _TRAILING_ROLE.search(row)):
            break
        if step < 0 and re.search(r"\b(?:In\s+re|IN\s+RE|Matter\s+of)\b", row):
            break
        i += step
    if step < 0:
        out.reverse()
        # above the names: headings and banners, not names (a name row ends in a comma or
        # is followed by one that does; a side is at most the rows after the last such stop)
        while out and not _looks_like_name(out[0]):
            out.pop(0)
    return out


# A court's district row ("Central District of California"): no party is called so.
_DISTRICT_ROW = re.compile(r"^\s*(?:Northern|Southern|Eastern|Western|Middle|Central)\s+"
                           r"District\s+of\b", re.I)


def is_role_row(row: str) -> bool:
    """A caption row that is only a party's role: `Plaintiff,`, `Defendants-Appellees.`"""
    return bool(_ROLE_ONLY.match(row))


def is_versus_row(row: str) -> bool:
    """A caption row that is only `v.` / `vs.` / `versus` / `-against-`."""
    return bool(_VERSUS_ROW.match(row))


def _looks_like_name(row: str) -> bool:
    return bool(re.search(r"[A-Za-z]", row)) and not re.match(
        r"^\s*(?:\[|NOT\s+FOR|UNPUBLISHED|PUBLISHED|PRECEDENTIAL|NONPRECEDENTIAL|FILED|"
        r"Syllabus|NOTE:|No\.|Nos\.|Case|\(|SAN\s|[A-Z]+\s+DIVISION|[A-Z]+\s+VICINAGE|"
        r"August|October|December|Term)", row)


# Glyphs of a PDF font's private area (a brace piece drawn beside a caption's parties).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _pair(above: list[str], below: list[str]) -> list[Party]:
    parties = []
    # A side whose role is not printed is a "party" (Fisher v. University of Texas names no
    # roles in its syllabus head: guessing plaintiff/defendant would be wrong for an appeal).
    for rows, default in ((above, "party"), (below, "party")):
        names, role = [], None
        for row in rows:
            if _ROLE_ONLY.match(row):
                role = role or _role_of(row)
                continue
            m = _TRAILING_ROLE.search(row)
            if m and m.start() > 0:
                role = role or _role_of(m.group("role"))
                row = row[:m.start()]
            names.append(row.strip())
        name = " ".join(_PRIVATE_USE.sub("", " ".join(names)).split()).strip(" ,;")
        if name:
            parties.append(Party(name, role or default))
    return parties


def _role_of(text: str) -> str:
    """A role row's role: its last role word ("Plaintiff, Appellant" and
    "Plaintiff-Appellant" are the appellant now; the first word is the role below)."""
    found = roles_in(text)
    return found[-1] if found else "party"


# A title runs over at most this many rows (the longest in the corpus takes five).
MAX_TITLE_ROWS = 8


def title_of(rows: list[str]) -> tuple[str | None, list[str]]:
    """The document's own title: a run of capitals rows naming a kind of decision ("ORDER
    GRANTING IN PART AND / DENYING IN PART MOTION FOR / ...", "SUGGESTION OF REMAND AND /
    TRANSFER ORDER", "OPINION / (REDACTED)"), or a row that is only such a word ("Judgment")."""
    rows = [re.split(r"\s{3,}", r.strip())[0] for r in rows]
    for i, row in enumerate(rows[:80]):
        text = row.strip()
        if not DECISION_WORDS.search(text.upper()) or _NOT_TITLE.search(text):
            continue
        if not (_is_caps(text) or DECISION_WORDS.fullmatch(text.upper()) or
                _mixed_case_title(text)):
            continue
        if len(text) > 90 or dockets.LABELLED.search(text) or _TRAILING_ROLE.search(text):
            continue
        start = i
        while start > 0 and i - start < 2 and _title_row(rows[start - 1]) and \
                not rows[start - 1].rstrip().endswith((",", ".")):
            start -= 1
        end = i + 1
        # A title that ends in its decision word is complete ("MEMORANDUM OPINION", the
        # motion it decides printed below is not part of it) but for a parenthesis
        # ("OPINION" / "(REDACTED)"); one that does not runs on ("ORDER RE: ATTORNEY-CLIENT" /
        # "PRIVILEGE DISPUTE").
        # A row that is only a decision word ends a title that does not yet name its kind
        # ("JUDGMENT / AND PROB/ / COMM / ORDER") and starts another after one that does.
        while end < len(rows) and end - i < MAX_TITLE_ROWS and _title_row(rows[end]):
            so_far = " ".join(rows[start:end]).strip()
            complete = _ENDS_IN_DECISION.search(so_far)
            if complete and (DECISION_WORDS.fullmatch(rows[end].strip().upper()) or
                             not re.match(r"\(|(?:AND|&)\s", rows[end].strip())):
                break
            end += 1
        parts = rows[start:end]
        # A qualifier in parentheses stands under the title in its column ("OPINION" /
        # "(REDACTED)"); rows rebuilt from a PDF may print the other column's row between.
        for k in (end, end + 1):
            if k < len(rows) and _QUALIFIER.match(rows[k].strip()) and \
                    _ENDS_IN_DECISION.search(" ".join(parts)):
                parts = parts + [rows[k]]
                break
        return " ".join(" ".join(parts).split()), parts
    return None, []


# "(REDACTED)", "(PUBLIC VERSION)", "(AMENDED)": a title's qualifier, words not initials.
_QUALIFIER = re.compile(r"^\((?:[A-Z]{4,}\s?)+\)$")


# A title printed in mixed case is a short row of capitalised words ("Memorandum Opinion and
# Order", "Order Granting Motion to Dismiss") that opens or closes with a kind of decision.
MAX_MIXED_TITLE_WORDS = 10


def _mixed_case_title(text: str) -> bool:
    words = re.findall(r"[A-Za-z’']+", text)
    if not words or len(words) > MAX_MIXED_TITLE_WORDS or text.rstrip().endswith((".", ",", ";")):
        return False
    if any(w[0].islower() and len(w) > 3 for w in words):  # a sentence, not a title
        return False
    return bool(DECISION_WORDS.fullmatch(words[0].upper()) or
                DECISION_WORDS.fullmatch(words[-1].upper()))


def _title_row(row: str) -> bool:
    t = row.strip()
    return bool(t) and _is_caps(t) and len(t) <= 60 and not _NOT_TITLE.search(t) and \
        not _IN_RE.match(t) and not _VERSUS_INLINE.search(t) and \
        not re.search(r"\bNos?\.|,$", t, re.I) and \
        not dockets.LABELLED.search(t) and not dockets.BARE_LINE.match(t) and \
        not _ROLE_ONLY.match(t) and \
        not _VERSUS_ROW.match(t) and not _COURT_NAME.search(t) and not dates.find_dates(t)


def panel_of(rows: list[str]) -> list[str]:
    """Judges of the panel: `Before X, Y and Z, Circuit Judges.`, `BEFORE: Board Panel: ...`,
    `Before` on its own row with the names below, `Present: The Honorable X`."""
    for i, row in enumerate(rows[:120]):
        m = _BEFORE.match(row)
        if not m:
            continue
        text = m.group("rest")
        j = i + 1
        # The list runs on while its row ends in a comma ("Howard, Chief Judge," / "Selya
        # and Barron, Circuit Judges.") or names no title yet.
        while j < len(rows) and j - i <= 3 and (text.rstrip().endswith(",") or not re.search(
                r"(?:Judges?|Justices?|JJ|Members?|designation)\W*$", text, re.I)):
            text += " " + rows[j]
            j += 1
        return _names(text)
    for row in rows[:120]:  # "Per Curiam (BRYSON, GAJARSA, and PROST, Circuit Judges.)"
        m = re.match(r"^\s*Per\s+Curiam\s*\((?P<rest>[^)]+)\)", row, re.I)
        if m:
            return _names(m.group("rest"))
    return []


def _names(text: str) -> list[str]:
    text = re.split(r"\s{3,}", text)[0] if re.search(r"\s{3,}\S", text) and \
        not re.search(r"Judges?|Members?", text.split("   ")[0]) else text
    text = _JUDGE_TITLES.sub(",", text)
    names = []
    for piece in re.split(r",|;|:|\b(?:and|AND)\b|&", text):
        piece = " ".join(piece.split()).strip(" .")
        words = piece.split()
        if not words or len(words) > 4 or not all(w[0].isupper() for w in words):
            continue
        if re.search(r"\d", piece):
            continue
        names.append(title_case(piece) if piece.isupper() else piece)
    return list(dict.fromkeys(names))


def citations_in(rows: list[str]) -> list[str]:
    found: list[str] = []
    for row in rows[:40]:
        m = _CITE_AS.match(row)
        if m:
            found.append(" ".join(m.group("cite").split()))
        for form in CITATION_FORMS:
            for c in form.finditer(row):
                if not any(c.group(0) in f for f in found):
                    found.append(c.group(0))
    return found


def document_type(title: str | None, writing_kinds: list[str]) -> str:
    """judgment/@name: memorandumOpinion, opinion, order, judgment, minutes, perCuriam..."""
    kinds = [k for k in writing_kinds if k not in ("syllabus", "headnote")]
    t = (title or "").upper()
    if "MINUTES" in t:
        return "minutes"
    if "MEMORANDUM" in t and "OPINION" in t:
        return "memorandumOpinion"
    if kinds and all(k == "perCuriam" for k in kinds):
        return "perCuriam"
    for word, name in (("OPINION", "opinion"), ("DECISION", "decision"),
                       ("JUDGMENT", "judgment"), ("ORDER", "order"),
                       ("MEMORANDUM", "memorandum"), ("REPORT AND RECOMMENDATION",
                                                       "reportAndRecommendation")):
        if word in t:
            return name
    return "opinion" if kinds else "judgment"


def identify(texts: list[str], *, stamps: list[str] = (), furniture: list[str] = (),
             body: str = "", closing_date: str | None = None, tail: list[str] = (),
             writing_kinds: list[str] = (), signature_rows: list[str] = (),
             resolve_court=None) -> Identity:
    """The case's identity from its caption lines (visible text, in order).

    `stamps`: the e-filing stamps removed from the pages; `furniture`: running heads and side
    labels removed; `body`: the opinion's text (for the citations that can name the court);
    `closing_date`: a date the closing states (`Dated: April 17, 2020`); `signature_rows`:
    the document's rows, for a signature block's date with its label under it."""
    from .courts import resolve

    resolve_court = resolve_court or resolve
    ident = Identity()
    rows = reading_rows(texts)

    # Court: the caption; else page furniture (side labels, running heads); else an agency
    # head or citation form; else the district most of the opinion's citations name.
    court_why = ""
    segments = [seg for r in flat_rows(texts) for seg in re.split(r"\s{3,}", r) if seg]
    court_text, cid, cname, inferred = _court_of(segments, body, resolve_court)
    ident.court_source = "caption" if cid else None
    if inferred:
        ident.court_source = "citations"
    if cid is None or cid in ("usdistct", "usbankct"):
        found = _court_from_furniture(list(furniture) + rows, resolve_court)
        if found:
            cid, cname, ident.court_source = found[0], found[1], "page furniture"
    if cid is None:
        agency = agency_heads.agency_court(" ".join(rows[:40]))
        if agency:
            from .courts import _courts

            cid, cname, ident.court_source = agency, _courts()[agency]["name"], "agency head"
    if cid is None and body:
        docket_form = any(re.search(r"\b\d:\d{2}-[a-z]{2}-\d+", s) for s in list(stamps) + rows)
        if docket_form:
            gid, gname, ginferred = resolve_court("United States District Court", body)
            if ginferred:
                cid, cname, ident.court_source = gid, gname, "citations"
                court_why = ("the e-filing stamp's docket has a district court's form "
                             "(N:YY-cv-NNNNN) and most of the opinion's citations of district "
                             "and bankruptcy courts name this district")
    ident.court_id, ident.court_name = cid, cname or (court_text or None)

    # Dockets: the caption's, the lower court's apart; else the stamp's.  Read from the rows
    # as printed (a form's "Case No. ... Date ..." row keeps its labels beside the values) and
    # in reading order (a box's right column read down).
    flat = [r for r in flat_rows(texts) if r]
    for d in dockets.dockets_in(flat) + dockets.dockets_in(rows):
        (ident.lower_dockets if d.lower else ident.dockets).append(d.text)
    ident.dockets = list(dict.fromkeys(ident.dockets))
    ident.lower_dockets = [d for d in dict.fromkeys(ident.lower_dockets)
                           if d not in ident.dockets]
    stamp_docket, stamp_filed = dockets.stamp_facts(list(stamps))
    if not ident.dockets and stamp_docket:
        ident.dockets = [stamp_docket]
        ident.warnings.append(f"identity: docket {stamp_docket} taken from the e-filing "
                              "stamp; the caption prints none")

    # Decision date: a caption date labelled `Decided`, then the closing's date, then the
    # caption's other dates (`Filed` first; `Argued`/`Submitted` never), then the filing stamp.
    text = "\n".join(flat)
    found = dates.decision_date(text) or dates.form_date(flat)
    if found and found.label in dates.DECIDED:
        ident.date, ident.date_text, ident.date_source = found.iso, found.text, "caption"
    elif closing_date:
        ident.date, ident.date_source = closing_date, "closing"
    elif found and found.label in dates.DECIDING:
        ident.date, ident.date_text, ident.date_source = found.iso, found.text, "caption"
    elif (late := _closing_date(tail)) is not None:
        ident.date, ident.date_text, ident.date_source = late.iso, late.text, "closing"
    elif (signed := dates.signed_date(list(signature_rows))) is not None:
        ident.date, ident.date_text, ident.date_source = signed.iso, signed.text, "signature"
    elif found:
        ident.date, ident.date_text, ident.date_source = found.iso, found.text, "caption"
    elif stamp_filed:
        ident.date = dates.iso_date(stamp_filed)
        ident.date_text, ident.date_source = stamp_filed, "filing stamp"
        if ident.date:
            ident.warnings.append(f"identity: decision date {ident.date} guessed from the "
                                  f"e-filing stamp (Filed {stamp_filed}); the document "
                                  "states none")

    ident.title, ident.title_rows = title_of(rows)
    skip = {r.strip() for r in ident.title_rows} | {r for r in rows if dockets.LABELLED.search(r)}
    # A form prints its title in its running foot ("CR-104 ... JUDGMENT & PROBATION/COMMITMENT
    # ORDER  Page 1 of 6"): that title when the caption prints none, or only an abbreviation of
    # it (the form's label column "JUDGMENT / AND PROB/ / COMM / ORDER").
    printed = _furniture_title(furniture)
    if printed and not ident.title:
        ident.title = printed
        ident.warnings.append(f"identity: title {printed!r} taken from the page furniture; "
                              "the caption prints none")
    elif printed and abbreviates(ident.title, printed):
        ident.warnings.append(f"identity: title {printed!r} taken from the page furniture; "
                              f"the caption abbreviates it ({ident.title!r})")
        ident.title = printed
    ident.parties, in_re, in_re_row = parties_of(rows, skip)
    if in_re_row and not ident.title:  # "Matter of Emmanuel LAGUERRE, Respondent" heads it
        ident.title, ident.title_rows = in_re_row, [in_re_row]
    ident.case_line = in_re or _case_line(rows + list(furniture))
    ident.panel = panel_of(rows)
    ident.citations = citations_in(rows + list(furniture))

    if not any((ident.court_id, court_text, ident.dockets, ident.date, ident.parties,
                ident.title, ident.case_line)):
        ident.warnings.append("identity: this does not look like a court opinion: it has no "
                              "caption (no court, docket, date, parties or title)")
        return ident
    if not ident.court_id:
        ident.warnings.append("identity: court missing: the caption names none that "
                              "courts-db knows"
                              + (f" (it reads {court_text!r})" if court_text else ""))
    elif ident.court_source != "caption":
        ident.warnings.append(f"identity: court {ident.court_id} guessed from the "
                              f"{ident.court_source}" + (f" ({court_why})" if court_why else "")
                              + "; the caption does not name it")
    if not ident.dockets:
        ident.warnings.append("identity: docket number missing")
    if not ident.date:
        ident.warnings.append("identity: decision date missing")
    if not ident.parties and not ident.case_line and not ident.title:
        ident.warnings.append("identity: case name missing (no parties or title in the "
                              "caption)")
    return ident


# The closing's date line stands among the document's last rows of text.
CLOSING_ROWS = 12


def abbreviates(short: str, full: str) -> bool:
    """Is `short` the same title as `full` with words cut short ("JUDGMENT AND PROB/ COMM
    ORDER" of "JUDGMENT & PROBATION/COMMITMENT ORDER")?  Word by word, `and`/`&` aside, each
    word of `short` begins its word of `full`, and one at least is cut."""
    def words(t: str) -> list[str]:
        return [w for w in re.findall(r"[a-z]+", t.lower()) if w != "and"]

    a, b = words(short), words(full)
    return len(a) == len(b) and a != b and all(y.startswith(x) for x, y in zip(a, b))


def _furniture_title(furniture) -> str | None:
    """A title a form repeats in its running head or foot: a capitals segment of such a line
    naming a kind of decision, printed on at least two pages."""
    seen: Counter = Counter()
    for line in furniture:
        for seg in re.split(r"\s{3,}", line.strip()):
            if DECISION_WORDS.search(seg) and _is_caps(seg) and not _NOT_TITLE.search(seg) \
                    and not re.search(r"\bPage\b|\d", seg):
                seen[" ".join(seg.split())] += 1
    found = [t for t, n in seen.most_common() if n >= 2]
    return found[0] if found else None


def _closing_date(tail: list[str]) -> "dates.FoundDate | None":
    """A date the document's last lines label as its date (`Date:` with the date on a line of
    its own below, as plain pdftotext separates them)."""
    rows = [r for r in flat_rows(list(tail)) if r][-CLOSING_ROWS:]  # margin numbers dropped
    found = dates.find_dates("\n".join(rows))
    labelled = [d for d in found if d.label in dates.DECIDING and d.precision == "day"]
    return labelled[-1] if labelled else None


def _court_from_furniture(lines: list[str], resolve_court):
    """A court named by a line of page furniture (`-layout` prints N.D. Cal.'s vertical side
    label as two lines, "Northern District of California" / "United States District Court"):
    each line, and each pair of neighbouring lines in either order."""
    lines = [" ".join(l.split()) for l in lines if l and len(l) < 90]
    candidates = []
    for i, line in enumerate(lines):
        if _COURT_NAME.search(line) or re.search(r"\bDistrict\s+of\b", line, re.I):
            candidates.append(line)
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines):
                    candidates += [f"{line} {lines[j]}", f"{lines[j]} {line}"]
    for text in candidates:
        cid, cname, _ = resolve_court(text, "")
        if cid and cid not in ("usdistct", "usbankct"):
            return cid, cname
    return None


def _case_line(lines: list[str]) -> str | None:
    """A printed short case name, "WEINTRAUB v. QUICKEN LOANS" (a running head) or "Gildernew
    v. Gantner" (a caption line of its own)."""
    for line in lines:
        t = " ".join(line.split())
        t = re.sub(r"^\d+\s+|\s+\d+$", "", t)  # a folio riding on the running head
        if re.fullmatch(r"[A-Z][\w.,'’&\- ]{1,80} v\. [A-Z][\w.,'’&\- ]{1,80}", t) and \
                len(t) < 100 and not re.search(r"\d{2,}", t):
            return t
    return None


def apply(meta, ident: Identity) -> None:
    """Copy an Identity into the reader's Meta (what the caption pass found wins over the
    older per-line findings, which stay where the identity found nothing)."""
    meta.court_id = ident.court_id
    meta.court_name = ident.court_name
    meta.court_source = ident.court_source
    if ident.dockets:
        meta.dockets = ident.dockets
        meta.docket = ident.dockets[0]
    elif meta.docket:
        meta.dockets = [meta.docket]
    meta.lower_dockets = ident.lower_dockets
    if ident.date:
        meta.date, meta.date_source = ident.date, ident.date_source
    if ident.title:
        meta.title = ident.title
    if ident.parties:
        meta.parties = ident.parties
    meta.case_line = ident.case_line
    meta.panel = ident.panel
    meta.citations = ident.citations


def mark_header(header: list[P], ident: Identity) -> list[P]:
    """Mark, where the caption prints them, the facts `identify` found: the court, each
    docket, the decision date, the title, the parties (with their roles), the panel's judges
    and the printed citations.  Text already marked is left alone; nothing is moved."""
    if ident.court_name:
        for row in _court_row_texts(header, ident):
            _wrap(header, row, lambda s: Span("courtType", [s]))
    for docket in ident.dockets:  # the lower court's dockets stay unmarked text (metadata
        _wrap(header, docket, lambda s: Span("docketNumber", [s]))  # keeps them apart)
    if ident.date_text and ident.date_source == "caption":
        _wrap(header, ident.date_text, lambda s: Span("docDate", [s], {"date": ident.date}))
    for row in ident.title_rows:
        _wrap(header, row.strip(), lambda s: Span("docTitle", [s]))
    for party in ident.parties:
        _wrap_prefix(header, party.name,
                     lambda s, p=party: Span("party", [s], {"role": p.role, "name": p.name}))
    for judge in ident.panel:
        # as printed, in capitals, or in letter-spaced small capitals as text extraction
        # leaves them ("L EVAL" for LEVAL: see `_SPLIT_CAPS`)
        upper = judge.upper()
        for form in (judge, upper, f"{upper[0]} {upper[1:]}" if " " not in upper else upper):
            if _wrap(header, form, lambda s, j=judge: Span("judge", [s], {"name": j,
                                                                          "role": "panel"})):
                break
    for cite in ident.citations:
        _wrap(header, cite, lambda s: Span("neutralCitation", [s]))
    return header


def _court_row_texts(header: list[P], ident: Identity) -> list[str]:
    from ..document import inline_text

    texts = [inline_text(p.content).strip() for p in header if isinstance(p, P)]
    rows = court_rows(texts)
    return [rows] if rows and any(rows == t for t in texts) else \
        [t for t in texts if t and t in rows and _COURT_NAME.search(t)][:1]


def _wrap(header: list[P], needle: str, make) -> bool:
    """Wrap the first unmarked occurrence of `needle` in the header's plain text."""
    needle = needle.strip()
    if not needle:
        return False
    for block in header:
        if not isinstance(block, P):
            continue
        for k, item in enumerate(block.content):
            if isinstance(item, str) and needle in item:
                at = item.index(needle)
                parts = [item[:at], make(needle), item[at + len(needle):]]
                block.content[k:k + 1] = [x for x in parts if not (isinstance(x, str) and not x)]
                return True
    return False


def _wrap_prefix(header: list[P], name: str, make) -> bool:
    """A party's name may run over several caption rows: mark the longest leading part of it
    that one row prints."""
    words = name.split()
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n]).rstrip(",")
        if len(part) < 3:
            break
        if _wrap(header, part, make):
            return True
    return False
