"""Counsel: the attorneys a caption lists, each with the party side they appear for.

US opinions print their counsel in a few layouts, all built from the same pieces -- a person's
name, a firm or office, a city, and a role phrase that says whom they represent:

- an appearances block below a district court's caption (D.N.J.):
      APPEARANCES:
      KEVIN T. FLOOD, Esq.
      181 Route 206
      Hillsborough, NJ 08844
                On behalf of Plaintiff
- a counsel list, one entry per attorney with `(Argued)` and `Counsel for ...` (3d Cir.):
      Robert G. Rose (Argued)
      Hogan & Hartson
      Newark, NJ 07102
             Counsel for Appellant, International Fidelity Insurance Co.
- a reporter headnote paragraph, entries closed by `for <role>.` (1st, 2d, 4th, Fed. Cir.,
  N.C.):
      Philip P. Mann, Mann Law Group, of Seattle, Washington, for plaintiff-appellee.
      ARGUED: Jane Roe, ROE LLP, Richmond, Virginia, for Appellants.
      Smith Firm, P.A., by Michael A. Grace for plaintiff-appellants.
- a minutes form's field (C.D. Cal. CV-90): `Attorneys Present for Plaintiffs:`.

(The examples are from the development corpus's documents: njd_16-4465, ca3_09-1225,
cafc_2009-1361, ca4_08-2373, nc_2022-NCSC-1, cacd_664551; names in the last two changed.)

What decides is the role phrase (`for`, `on behalf of`, `Counsel for`, `Attorneys for`
followed by a party's role word) -- words every US court uses, not one court's -- and the shape
of a person's name before it; a firm (`LLP`, `P.A.`, `&`, `Law`, `Office`), a street address
or a city is not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .caption import _ROLE_WORD, roles_in

# "for Plaintiff-Appellant", "On behalf of Plaintiff", "Counsel for Appellee", "Attorneys
# Present for Defendants", "for the petitioner".
_SIDE = rf"(?:Third[-\s]Party\s+)?{_ROLE_WORD}(?:[-–\s]+{_ROLE_WORD})*"
COUNSEL_ROLE = re.compile(
    rf"(?:\b(?:Counsel|Attorneys?)(?:\s+Present)?\s+for|\bOn\s+behalf\s+of)\s+(?:the\s+)?"
    rf"(?P<role>{_SIDE})|"
    rf"\bfor\s+(?:the\s+)?(?P<end_role>{_SIDE})\s*(?:[.;,:]?\s*$|[.;]\s+(?=[A-Z]))",
    re.I)
# The side's words opening a row, the row above ending in "for".
_SIDE_FIRST = re.compile(rf"^\s*(?:the\s+)?(?P<side>{_SIDE})\s*(?:[.;,:]?\s*$|[.;]\s+(?=[A-Z]))",
                         re.I)
# Counsel for a government party: "..., for the State.", "for the United States."
GOVERNMENT = re.compile(r"\bfor\s+the\s+(?P<gov>State|United\s+States|Government|Commonwealth|"
                        r"People)\s*(?:[.;]?\s*$|[.;]\s+(?=[A-Z]))")
# An entry for a friend of the court ends "..., amici curiae." / "... amicus curiae".
AMICUS = re.compile(r"\bamic(?:us|i)\s+curiae\b\W*$", re.I)
# A counsel list's heading ("APPEARANCES:", "COUNSEL", "ATTORNEYS FOR ...:") and the rows a
# list never holds (a date, a panel, a court, a title) end it going up.
_HEADING = re.compile(r"^\s*(?:[A-Z][A-Z ]{2,30}:|[A-Z]{4,})\s*$")
# Words of a firm, an office, a place or a title, never of a person's name.
_NOT_PERSON = re.compile(
    r"\b(?:LLP|L\.L\.P|PLLC|P\.L\.L\.C|LLC|L\.L\.C|P\.A|PA|P\.C|PC|Inc|Corp|Co|Ltd|Associates|"
    r"Law|Firm|Office|Offices|Group|Society|Counsel|Attorneys?|General|Solicitor|Deputy|"
    r"Assistant|Special|Chief|District|Director|Secretary|Administrator|United|States|State|"
    r"Department|Division|Bureau|Center|Project|Foundation|Clinic|Union|Church|Association|"
    r"University|School|County|City|Court|Judge|Justice|Honorable|Street|Avenue|Road|Suite|"
    r"Box|Route|Pike|Floor|Building|Plaza|Boulevard|Drive|Lane|New|North|South|East|West)\b\.?",
    re.I)
# A run of capitalised words and initials: "Robert G. Rose", "KEVIN T. FLOOD", "F. JAMES
# LOPREST", "Olga Vysotskaya de Brito" (a lower-case particle inside).
_NAME_RUN = re.compile(
    r"(?<![\w.’'])(?:[A-Z][A-Za-z’'\-]+|[A-Z]\.)(?:\s+(?:(?:de|van|von|der|la|du|di|da)\s+)?"
    r"(?:[A-Z][A-Za-z’'\-]+|[A-Z]\.)){1,3}(?![\w’'])")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.(?=\s|$)")
# Printed right after a person's name: "KEVIN T. FLOOD, Esq.", "Robert G. Rose (Argued)",
# "Frank E. Borowsky, Jr."
_AFTER_NAME = re.compile(r"^\s*(?:,\s*(?:Esq|Jr|Sr|II|III|IV)\b|\((?:Argued|argued)\))")
# A sentence that names counsel after its verb belongs to the entry before it: "With him on
# the brief was Douglas A. Grady."
_NAMED_AFTER_VERB = re.compile(r"^\s*[A-Z][a-z]+\b[^.]*?\b(?:was|were)\s+(?=[A-Z])")
# Rows that end a counsel list going down: another field ("Appealed from: ..."), a court, a
# judge.
_OTHER_FIELD = re.compile(r"^\s*[A-Za-z][\w ]{0,30}:|\b(?:Court|Judge|Justice)\b", re.I)
# A counsel list holds at most this many rows above its first role phrase.
MAX_ROWS_ABOVE = 8


@dataclass
class Attorney:
    name: str  # as printed
    side: str | None  # the role they appear for: appellant, plaintiff, ..., "amicus curiae"
    party: str | None = None  # the party of that role the caption names, if one


def attorneys(rows: list[str], parties=(), stops: frozenset[int] = frozenset()) -> list[Attorney]:
    """The attorneys a caption's rows name, each with the side its role phrase names.

    An entry runs from the end of the one before (or from the top of the list) to its role
    phrase; in it, a person is a run of two to four capitalised words or initials that is no
    firm, office, place or title, and that carries an initial (`Robert G. Rose`), is followed by
    `Esq.`, `Jr.` or `(Argued)`, or is a whole row of its own in capitals (`JUSTIN ROBERT
    WHITE`).  `stops`: indexes of rows the list never holds (rows that name the court,
    parties, docket, title, date or panel).  Counsel listed after the last role phrase, with
    none of their own, are kept without a side."""
    ends = []  # (row index, end offset in row, side)
    headed = []  # attorneys under a field label ("Attorneys Present for Plaintiffs:")
    for i, row in enumerate(rows):
        for m in COUNSEL_ROLE.finditer(row):
            words = roles_in(m.group("role") or m.group("end_role") or "")
            if words and re.match(r"\s*:", row[m.end():]):  # a label: the names stand below
                headed += _under_label(rows, i, words[-1], parties, stops)
            elif words:
                ends.append((i, m.end(), words[-1]))
        for m in GOVERNMENT.finditer(row):
            ends.append((i, m.end(), " ".join(m.group("gov").split())))
        if re.search(r"\bfor(?:\s+the)?\s*$", row, re.I) and i + 1 < len(rows) and \
                (m := _SIDE_FIRST.match(rows[i + 1])):  # "... for" / "appellant."
            words = roles_in(m.group("side"))
            if words:
                ends.append((i + 1, m.end(), words[-1]))
        m = AMICUS.search(row)
        if m:
            ends.append((i, m.end(), "amicus curiae"))
        elif re.search(r"\bamic(?:us|i)\s*$", row, re.I) and i + 1 < len(rows) and \
                (m := re.match(r"\s*curiae\b\W*", rows[i + 1], re.I)):  # split over two rows
            ends.append((i + 1, m.end(), "amicus curiae"))
    ends.sort()
    if not ends:
        return headed
    first = ends[0][0]
    top = first
    while top > 0 and first - top < MAX_ROWS_ABOVE and top - 1 not in stops and \
            not _caption_row(rows[top - 1]) and \
            not _HEADING.match(rows[top - 1]) and rows[top - 1].strip():
        top -= 1
    found: list[Attorney] = []
    start = (top, 0)
    prev_side = None
    for i, end, side in ends:
        chunks = [rows[k][start[1] if k == start[0] else 0:end if k == i else None]
                  for k in range(start[0], i + 1)]
        for text, own_side in _sentences(chunks, side, prev_side):
            for name in _people(text):
                found.append(Attorney(name, own_side, _party_of(own_side, parties)))
        start, prev_side = (i, end), side
    # What follows the last role phrase on its row ("... argued for defendants-appellants.
    # With him on the brief was Douglas A. Grady.")
    tail = rows[start[0]][start[1]:]
    if _NAMED_AFTER_VERB.match(tail) and prev_side:
        for name in _people(tail):
            found.append(Attorney(name, prev_side, _party_of(prev_side, parties)))
    # Rows after it, to the end of the list (an entry printed without its role phrase).
    k = start[0] + 1
    while k < len(rows) and k - start[0] <= MAX_ROWS_ABOVE and k not in stops and \
            not _caption_row(rows[k]) and not _HEADING.match(rows[k]) and rows[k].strip() and \
            not _OTHER_FIELD.search(rows[k]):
        for name in _people(rows[k]):
            found.append(Attorney(name, None))
        k += 1
    seen = set()
    return [a for a in headed + found
            if not (a.name.lower() in seen or seen.add(a.name.lower()))]


def _under_label(rows: list[str], at: int, side: str, parties, stops) -> list[Attorney]:
    """The names a form's counsel field lists under its label (often "Not Present")."""
    out = []
    for k in range(at + 1, min(len(rows), at + 1 + MAX_ROWS_ABOVE)):
        row = rows[k]
        if k in stops or not row.strip() or _OTHER_FIELD.search(row) or COUNSEL_ROLE.search(row):
            break
        out += [Attorney(name, side, _party_of(side, parties)) for name in _people(row)]
    return out


def _sentences(chunks: list[str], side: str, prev_side: str | None):
    """An entry's rows as (text, side): rows stay apart (a row's end ends a name), and a
    sentence that names counsel after its verb goes with the entry before."""
    text = " \n ".join(c.strip() for c in chunks)
    parts = re.split(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])", text)
    for part in parts:
        yield part, (prev_side if prev_side and _NAMED_AFTER_VERB.match(part) else side)


def _people(text: str) -> list[str]:
    out = []
    for row in text.split("\n"):
        whole_row = row.strip(" ,;")
        for m in _NAME_RUN.finditer(row):
            name = m.group(0)
            words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
            if _NOT_PERSON.search(name) or len(words) < 2:
                continue  # a firm, a place, a title; or a name cut by the row's end ("M. Frey")
            after, before = row[m.end():], row[:m.start()]
            if _INITIAL.search(name) or _AFTER_NAME.match(after) or \
                    re.search(r"\b(?:by|with\s+whom)\s+$", before) or \
                    (name == re.split(r",", whole_row)[0].strip() and name.isupper()
                     and not re.search(r"\d", whole_row)):
                out.append(name)
    return out


def _caption_row(row: str) -> bool:
    from .caption import is_role_row, is_versus_row

    return is_role_row(row) or is_versus_row(row)


def _party_of(side: str | None, parties) -> str | None:
    """The caption's party of that role; for counsel "for the State", the party so named."""
    if not side:
        return None
    for p in parties:
        if p.role == side:
            return p.name
    for p in parties:
        if re.search(rf"\b{re.escape(side)}\b", p.name, re.I):
            return p.name
    return None
