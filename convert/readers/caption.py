"""The caption and closing of an opinion: court, parties and roles, docket, title, date, judge.

Everything is marked where the source states it (DESIGN.md): the caption becomes header `p`s
with inline marks, the date line and signature become conclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ..document import P, Party, Span

MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
            r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_RE = re.compile(rf"\b{_MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}\b")

# A document title: a short capitals line ending in a kind of decision ("MEMORANDUM
# OPINION", "SUGGESTION OF REMAND AND TRANSFER ORDER", "MEMORANDUM FINDINGS OF FACT AND
# OPINION"), or the civil-minutes form's heading.
TITLE_RE = re.compile(
    r"^\s*(?P<t>(?:[A-Z][A-Z’',&-]*\s+){0,7}(?:OPINION|DECISION|ORDER|JUDGMENT|MEMORANDUM)"
    r"(?:\s+AND\s+(?:ORDER|OPINION|JUDGMENT))?|PER CURIAM|OPINION OF THE COURT"
    r"|CIVIL MINUTES\s*[—–-]+\s*GENERAL)\s*$")

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
