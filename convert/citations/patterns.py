"""The few hand-written citation patterns: forms reporters-db and eyecite do not cover.

Everything else (reporters, their editions and variants, statutes, id., supra) comes from
eyecite and reporters-db.  Each pattern names where its form comes from and shows examples.
"""

from __future__ import annotations

import re

# Hyphenated public-domain (neutral) citations: YEAR-COURT-NUMBER.
#   "2022-NCSC-1"      Supreme Court of North Carolina (corpus: nc_2022-NCSC-1_gift_surplus)
#   "2021-NCCOA-694"   North Carolina Court of Appeals (N.C. R. App. P. 30, since 2021)
#   "2010-Ohio-2164"   Supreme Court of Ohio (Ohio Rep. Op. R. 3.2) -- also in reporters-db
#   "2019-NMSC-012"    New Mexico (Rule 23-112 NMRA) -- also in reporters-db
# The court part must be a neutral reporter of reporters-db or one of NEUTRAL_EXTRA below, so
# a docket such as "20-CV-1507" or a date "2022-03-01" is never taken for one.
# Each pattern here opens with what it looks for and looks behind from there (the year, then
# `(?<![\w-]\d{4})`): a pattern that opens with a look-behind is tried at every character of
# the text, 2-3x slower (`re` cannot skip ahead to a possible first character).
NEUTRAL_HYPHEN = re.compile(
    r"(?P<year>(?:1[89]|20)\d{2})(?<![\w-]\d{4})"
    r"-(?P<reporter>[A-Z][A-Za-z]{1,7})-(?P<page>\d{1,6})(?![\w-])")
# Hyphenated neutral forms reporters-db lacks (reporters-db 3.2.67), with their issuer.
NEUTRAL_EXTRA = {
    "NCSC": "Supreme Court of North Carolina",
    "NCCOA": "North Carolina Court of Appeals",
}

# Slip-opinion docket cites: a case not yet in a reporter, cited by its docket number.
#   "Smith v. Jones, No. 20-1507, slip op. at 5 (1st Cir. 2020)"
#   "No. 19-cv-1234, slip op. at 12"
# No public resolver takes a docket number, so these become references without a link.
SLIP_OPINION = re.compile(
    r"\b(?P<docket>Nos?\.\s+[\w.:-]*\d[\w.:-]*),\s+slip\s+op\.(?:\s+at\s+"
    r"(?P<pin>\*?\d+(?:[-–]\d+)?))?")

# Record cites: the court's own docket and the parties' papers.  They stay plain text, but they
# are antecedents: an "Id." that follows one refers to the record, not to an earlier case.
#   "ECF No. 51"   "ECF Nos. 51, 64"   "Dkt. No. 12"   "Dkt. 12"   "Doc. 5"   "(Doc. # 12)"
#   "Am. Compl. ¶ 12"   "Compl. ¶¶ 199–276"   "Tr. 45:3"   "J.A. 123"   "R. 45"
RECORD = re.compile(
    r"\b(?:ECF|Dkt\.?|Docket|Doc\.)\s*(?:Nos?\.|#)?\s*\d+"
    r"|\b(?:Am\.\s+|Second\s+Am\.\s+|Proposed\s+)?Compl\.\s*(?:¶|at\s+\d)"
    r"|\b(?<!\.)(?:Tr\.|J\.A\.|R\.)\s+\d+")
# ... and a party's paper by its abbreviated name and a page, found from its " at N":
#   "Mot. Dismiss Mem. at 40–42"   "Pls.’ Opp’n at 3"   "Mem. at 14"
RECORD_AT = re.compile(r"\.\s+at\s+\d+")
RECORD_AT_NAME = re.compile(r"(?<!\w)(?!Id\.|Ibid\.)[A-Z][\w’'.]*$")

# A section after "Id.", which eyecite 2.7.8 leaves out of the id. (it reads "§" alone):
#   "Id. § 1225(b)(1)(A)(i)."   "id. §§ 1231(a), 1232"
ID_SECTION = re.compile(r"\s*(§§?\s*\d[\w\-]*(?:\.\d[\w\-]*)*(?:\([A-Za-z0-9]{1,4}\))*)")

# A pin cite after "Id." that eyecite 2.7.8 drops when a parenthetical opening with a signal
# follows (it stops reading at the stop word "(citing", "(quoting", and then finds no pin):
#   "Id. at 589-90 (quoting Ashcroft v. al-Kidd, ...)"   "Id. at *4 (citing ...)"
#   "See id. at 14 & n.9."   "Id. ¶ 79 (“The express purpose ...”)"
# (The cleaning has already made en dashes between digits hyphens.)
_PIN = r"\*{0,4}\d+(?:-\*{0,4}\d+)?"
ID_PIN = re.compile(
    rf",?\s+((?:at\s+{_PIN}|¶¶?\s*\d+(?:-\d+)?)(?:\s*(?:,|&)\s*(?:nn?\.\s*)?{_PIN})*)"
    r"(?![\w*-])")

# Where a public law's citation ends: its number.  eyecite 2.7.8 runs on into the Statutes at
# Large citation or the sentence's period ("Pub. L. 104-208, 110 Stat. 3009", "Pub. L. No.
# 93-344.").
LAW_NUMBER = re.compile(r"\b\d{1,3}-\d{1,4}\b")
