"""Case facts: the one place that decides a case's name, its title and its writings' labels.

The AKN builder (from a reader's `Meta`) and the renderers' model (from an AKN document) both
ask here, so `FRBRname`, the HTML `<title>`, the PDF's metadata and the Markdown heading agree.
Nothing here ever answers with a URI: a document with no name is called by its title, its
court and docket, or its kind.
"""

from __future__ import annotations

import re
from typing import Iterable

# Which side of the "v." each role stands on.
FIRST_SIDE = ("plaintiff", "petitioner", "appellant", "movant", "claimant", "relator",
              "subject")
SECOND_SIDE = ("defendant", "respondent", "appellee", "intervenor")
# Words that make a party an organisation or a government, not a person: such a party keeps
# its whole name in the short case name ("Calvary Chapel of Bangor", "Tyson Foods, Inc.").
_ORGANISATION = re.compile(
    r"\b(?:inc|incorporated|llc|l\.l\.c|llp|ltd|co|corp|corporation|company|companies|bank|"
    r"association|assn|university|college|school|board|department|dept|commission|"
    r"commissioner|state|states|united|county|city|town|township|village|district|authority|"
    r"agency|office|bureau|service|services|trust|fund|group|church|chapel|society|union|"
    r"council|committee|partners|partnership|holdings|systems|international|america|people|"
    r"commonwealth|government|republic|center|centre|law|project|foundation|institute|"
    r"network|coalition|alliance|league|clinic|hospital|health|enforcement|immigration|"
    r"customs|security|police|prison|jail|estate|industries|enterprises|products|"
    r"litigation|development|land|capital|partners|fund|investments?|bancorp|"
    r"of|the|and|&)\b\.?", re.I)
_ET_AL = re.compile(r",?\s*(?:et\s+al\.?|and\s+others)\s*$", re.I)
# A person's name longer than this many words is probably not one person's name.
MAX_PERSON_WORDS = 3
# Short titles are cut at this many characters (browser tabs, PDF bookmarks, running heads).
SHORT_TITLE_MAX = 70


def _side(parties: Iterable[tuple[str, str | None]], roles: tuple[str, ...]) -> str | None:
    for role in roles:
        for name, r in parties:
            if (r or "").lower() == role:
                return name
    return None


def _pick_sides(parties: list[tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """The first party named and the first named with another role: the caption's order
    (an appeal may name the appellee first, "United States v. Wilson")."""
    if not parties:
        return None, None
    first_name, first_role = parties[0]
    second = next((n for n, r in parties[1:] if (r or "") != (first_role or "")), None)
    if second is None and len(parties) > 1 and (first_role or "party") == "party":
        second = parties[1][0]  # roles not printed: the caption's order decides
    if second is None:
        second = _side(parties, SECOND_SIDE) if (first_role or "") in FIRST_SIDE else None
    return first_name, second


def full_case_name(parties: list[tuple[str, str | None]], printed: str | None = None) -> str | None:
    """`First party v. first party of the other side`, names as printed; else one party's
    `In re` name as printed."""
    first, second = _pick_sides(parties)
    if first and second and first != second:
        return f"{_tidy(first)} v. {_tidy(second)}"
    return printed


def short_party(name: str) -> str:
    """A party as a short case name cites it: a person by surname, an organisation whole,
    without `et al.`, capacity clauses or descriptions after a comma (`JANET T. MILLS, in her
    official capacity ...` -> `MILLS`; `TYSON FOODS, INC.` stays)."""
    name = _first_of_several(_ET_AL.sub("", _tidy(name)).split(";")[0].strip())
    head, _, tail = name.partition(",")
    relator = re.match(r"\s*ex\s+rel\.\s+(?P<who>[^,]+)", tail, re.I)
    head = _STATE_OF.sub(r"\1", head.strip())
    if relator:  # "STATE OF NORTH CAROLINA, ex rel. ROY COOPER, GOVERNOR" -> "STATE ex rel. COOPER"
        return f"{head} ex rel. {short_party(relator.group('who'))}"
    suffix = re.match(r"\s*(?P<s>(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Co|Corp|Corporation|"
                      r"Company|L\.P|LP|N\.A|P\.C|P\.A)\.?)\s*(?:,|$)", tail, re.I)
    if suffix:  # an entity: its whole name ("TYSON FOODS, INC."; "DAMMANN & CO." stays)
        if _ENTITY_END.search(head):
            return _abbreviate(head)
        return _abbreviate(f"{head}, {suffix.group('s')}")
    words = head.split()
    if words and len(words) <= MAX_PERSON_WORDS and not _ORGANISATION.search(head):
        return words[-1]  # a person: the surname ("Jr." came after the comma)
    return _abbreviate(head.strip())


_ENTITY_END = re.compile(r"\b(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Co|Corp|Corporation|"
                         r"Company|L\.P|LP|N\.A)\.?$", re.I)


def _first_of_several(name: str) -> str:
    """Only the first of several parties on one side is cited: "K2 INC. and K-2 CORPORATION"
    -> "K2 INC."; "ROCK BORDELON AND TORIE BORDELON" -> "ROCK BORDELON".  An `and` inside
    one name ("Department of Health and Human Services") stays: the part after it must be
    a whole entity (ends in Inc., Corp., ...) or a person's name."""
    m = re.search(r",?\s+(?:and|AND)\s+(?P<next>.+)$", name)
    if not m:
        return name
    nxt = m.group("next").strip(" ,")
    words = nxt.split()
    if _ENTITY_END.search(nxt) or (2 <= len(words) <= MAX_PERSON_WORDS
                                   and not _ORGANISATION.search(nxt)):
        return name[:m.start()].strip(" ,")
    return name


# Government parties are cited without "of <place>" ("State", "United States").
_STATE_OF = re.compile(r"^((?:THE\s+)?(?:STATE|COMMONWEALTH|PEOPLE|UNITED\s+STATES))\s+OF\s+"
                       r"(?:THE\s+)?[A-Z][\w .]*$", re.I)
# The entity words every citation form abbreviates (Bluebook T6), kept in the source's case.
_ABBREVIATIONS = [("Incorporated", "Inc."), ("Company", "Co."), ("Corporation", "Corp.")]


def _abbreviate(name: str) -> str:
    for word, short in _ABBREVIATIONS:
        name = re.sub(rf"\b{word}\b\.?", lambda m: short.upper() if m.group(0).isupper()
                      else short, name, flags=re.I)
    return name


def short_case_name(parties: list[tuple[str, str | None]], printed: str | None = None) -> str | None:
    first, second = _pick_sides(parties)
    if first and second and first != second:
        return f"{short_party(first)} v. {short_party(second)}"
    return printed


def _tidy(name: str) -> str:
    return " ".join(name.split()).strip(" ,;:")


def display_title(*, short_name: str | None = None, full_name: str | None = None,
                  doc_title: str | None = None, citation: str | None = None,
                  court: str | None = None, docket: str | None = None,
                  kind: str | None = None) -> str:
    """What a reader, a browser tab or a PDF viewer calls the document: the case name, else
    its own title, its citation, its court and docket, its kind.  Never a URI."""
    for value in (short_name, full_name, doc_title, citation):
        if value and not value.startswith("/akn/"):
            return value
    kind_words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind or "judgment").capitalize()
    if court and docket:
        return f"{kind_words}, {court}, No. {docket}"
    if docket:
        return f"{kind_words}, No. {docket}"
    if court:
        return f"{kind_words} of the {court}" if not court.lower().startswith("the ") else \
            f"{kind_words} of {court}"
    return kind_words


def shorten(title: str) -> str:
    return title if len(title) <= SHORT_TITLE_MAX else \
        title[:SHORT_TITLE_MAX - 3].rstrip() + "…"


# ------------------------------------------------------------------ writings

KIND_WORDS = {
    "concurrence": "concurring",
    "dissent": "dissenting",
    "concurrenceDissent": "concurring in part and dissenting in part",
    "concurrenceJudgment": "concurring in the judgment",
}


def judge_style(surname: str, chief: bool = False) -> str:
    """`Kennedy, J.` / `Roberts, C. J.` (how reporters name the author of a writing)."""
    name = surname.title() if surname.isupper() else surname
    return f"{name}, C. J." if chief else f"{name}, J."


def writing_label(kind: str, author: str | None, chief: bool = False) -> str:
    """`Opinion of the Court (Kennedy, J.)`, `Scalia, J., concurring`, `Ginsburg, J.,
    dissenting`, `Per Curiam`, `Syllabus`."""
    if kind == "syllabus":
        return "Syllabus"
    if kind == "headnote":
        return "Headnote"
    if kind == "perCuriam" or not author:
        return "Per Curiam" if kind in ("perCuriam", "majority") else \
            ("Opinion" if kind not in KIND_WORDS else KIND_WORDS[kind].capitalize())
    who = judge_style(author, chief)
    if kind == "majority":
        return f"Opinion of the Court ({who})"
    if kind == "plurality":
        return f"Opinion of {who} (plurality)"
    return f"{who}, {KIND_WORDS.get(kind, kind)}"
