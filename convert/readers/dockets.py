"""Docket numbers: the case's own, and the lower court's kept apart; the e-filing stamp.

A docket is read where a caption labels it (`No.`, `Nos.`, `Case No.`, `Docket No.`,
`Civ. No.`, `Civil Action No.`, `Appeal No.`, `Record No.`, `Index No.`, `Docket:`), or where a
caption line is nothing but a docket-shaped token (`08-6301-cv`, `2009-1361`,
`MDL 15-02641`).  What the court printed after the number that belongs to it is kept: the judges'
initials (`16-4465 (RMB-JS)`, `2:15-cv-0208 TLN KJN P`) and further numbers of a consolidated
case (`19031-13, 27735-13, 11905-14`).

A docket is the lower court's (or a related case's) when its line says so: `D.C. No.`,
`D. C. Docket No.`, `Agency No.`, `BIA No.`, `Tax Ct. No.`, `Bankr. No.`, `Adv. No.`,
`Related Case No.`, `(D.C. No. ...)`, or a line that begins `Appeal from`/`On Appeal from` and
carries a number (or follows such a line).

The stamp court e-filing systems print on every page (`Case 5:17-cv-00072-BLF Document 551-1
Filed 04/20/20 Page 1 of 27`, `Case: 20-1507 Document: 00117684624 Page: 1 Date Filed:
12/22/2020`, `Appellate Case: 21-800 Document: ...`) gives the docket and the filing date when
the caption does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .forms import efiling_stamps

# One docket-shaped token: digits with dashes/colons and letter groups ("5:17-cv-00072-BLF",
# "08-6301-cv", "363A14-4", "2009-1361", "S95A1445"), or a letter prefix and digits
# ("MDL 15-02641", "SACR 16-76JVS", "C 04-0098").
_TOKEN = (r"(?:(?:[A-Z]{1,5}\s)?\d[\w]*(?:[-–:.]\w+)+|[A-Z]{1,5}-\d[\w]*(?:[-–:.]\w+)+|[A-Z]{1,3}\d{2,}[A-Z]\d+(?:-\d+)?|"
          r"[A-Z]{1,5}\s\d{2}-\d+[A-Z]*|\d{3,}(?![\w,]))")
# Judges' initials after a number: "(RMB-JS)", "(BRM)(TJB)", " TLN KJN P", "(JSC)".
_INITIALS = r"(?:\s?\((?:[A-Z]{1,5}(?:[-–/ ][A-Z]{1,5})*)\))*(?:(?:\s[A-Z]{1,4}){1,3}(?=\s*$|\s{2,}))?"
_LIST = rf"{_TOKEN}{_INITIALS}(?:\s*(?:,|&|and)\s*(?:and\s+)?{_TOKEN}{_INITIALS})*"

_LABEL = (r"(?:(?:Civil|Criminal)\s+Action\s+Nos?\.?|(?:Civ|Crim|Cr|Cv)\.\s+(?:Action\s+)?Nos?\.?|"
          r"(?:Appellate\s+)?Case\s+(?:Nos?\.?|Numbers?)|Docket\s+(?:Nos?\.?|Numbers?)|"
          r"Docket:|Appeal\s+Nos?\.|Record\s+Nos?\.|Index\s+Nos?\.|Misc\.\s+Nos?\.|"
          r"File\s+Nos?\.|Cause\s+Nos?\.|(?<![\w.])Nos?\.)")
LABELLED = re.compile(rf"(?P<label>{_LABEL}):?\s*(?P<docket>{_LIST})", re.I)
# A docket's label on a row of its own, its number on the next ("Docket No." / "SACR 16-76JVS").
LABEL_ONLY = re.compile(rf"^\s*{_LABEL}:?\s*$", re.I)
BARE_LINE = re.compile(rf"^\s*(?P<docket>{_TOKEN}{_INITIALS})\s*$")
# The lower court's docket: the label says whose it is.
LOWER = re.compile(r"\b(?:D\.\s?C\.|Agency|BIA|A-?File|Tax\s+Ct\.|Bankr\.|Adv\.|Adversary|Related\s+Case|"
                   r"Trial\s+Ct\.|Lower\s+Ct\.|Sup(?:erior)?\.\s+Ct\.)\s+(?:Docket\s+)?No|"
                   r"^\s*\(?(?:On\s+)?Appeal(?:ed)?\s+from\b|\bD\.\s?C\.\s+Docket", re.I)

# A neutral citation on a row of its own ("2022-NCSC-1") is not a docket.
NEUTRAL_CITATION = re.compile(r"^\s*\d{4}-[A-Z][A-Za-z]{1,8}-\d+\s*$")

@dataclass
class Docket:
    text: str  # as printed, e.g. "16-4465 (RMB-JS)"
    line: int  # index of the caption line it was read from
    lower: bool = False  # the lower court's docket, not this case's
    bare: bool = False  # a docket-shaped row without a label (used only when none is labelled)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;.")


def dockets_in(lines: list[str]) -> list[Docket]:
    """Every docket a caption prints, in order (lower-court dockets flagged)."""
    out: list[Docket] = []
    for i, line in enumerate(lines):
        lower = bool(LOWER.search(line)) or bool(i and LOWER.search(lines[i - 1]) and re.match(
            r"^\s*(?:\(|in\s|(?:D\.\s?C\.\s+)?(?:Case\s+)?No)", line, re.I))
        for m in LABELLED.finditer(line):
            text = _clean(m.group("docket"))
            if re.match(r"\s*,\s*(?:\s{3,}|$)", line[m.end():]):  # the list runs on
                more = re.match(rf"\s*(?:and\s+)?(?P<more>{_LIST})\s*\.?\s*(?:\s{{3,}}|$)",
                                lines[i + 1] if i + 1 < len(lines) else "")
                if more:
                    text = f"{text}, {_clean(more.group('more'))}"
            if re.fullmatch(r"\d{1,2}", text):  # "No. 1" of a list, a motion in limine
                continue
            if re.search(r"\b(?:ECF|Dkt)\.?\s*$", line[:m.start()], re.I):  # "ECF Nos. 158"
                continue
            out.append(Docket(text, i, lower))
        if not any(d.line == i for d in out):
            m = BARE_LINE.match(line)
            if m and re.search(r"\d{2}", m.group("docket")) and "-" in m.group("docket") \
                    and not re.fullmatch(r"\d{1,2}-\d{1,2}", m.group("docket").strip()) \
                    and not NEUTRAL_CITATION.search(line):
                out.append(Docket(_clean(m.group("docket")), i, lower, bare=True))
    main = [d for d in out if not d.lower]
    labelled = [d for d in main if not d.bare]
    return (labelled or main) + [d for d in out if d.lower]


def stamp_facts(stamps: list[str]) -> tuple[str | None, str | None]:
    """(docket, filing date as printed) from the e-filing stamp, if there is one."""
    for text in stamps:
        if (found := efiling_stamps.facts(text)) is not None:
            return found
    return None, None
