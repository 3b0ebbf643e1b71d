"""Court and agency heads that courts-db's name patterns do not match.

courts-db (`courts_db.find_court`) knows the courts by the names their captions print; a few
tribunals head their decisions with a department's name instead.  Each entry: the pattern, the
courts-db id, an example line, and where that line comes from.
"""

from __future__ import annotations

import re

AGENCY_HEADS = [
    # "U.S. Department of Justice Executive Office for Immigration Review Board of Immigration
    # Appeals" -- BIA precedent decisions (juriscraper tests/examples/opinions/united_states/
    # bia_extract_from_text.txt); the citation form "(BIA 2022)" names the same body.
    (re.compile(r"\bBoard\s+of\s+Immigration\s+Appeals\b|\(BIA\s+\d{4}\)", re.I), "bia"),
    # "Cite as 28 I&N Dec. 437 (BIA 2022)" is covered above; the Tax Court's head
    # "UNITED STATES TAX COURT" is found by courts-db, its memo citation "T.C. Memo. 2020-26"
    # (courtlistener cl/assets/media/test/search/opinion_tax.pdf) names it when the head is lost.
    (re.compile(r"\bT\.\s?C\.\s+(?:Memo|Summary\s+Opinion)\.?\s+\d{4}-\d+"), "tax"),
]


def agency_court(text: str) -> str | None:
    """The courts-db id of an agency tribunal the text names, else None."""
    for pattern, cid in AGENCY_HEADS:
        if pattern.search(text):
            return cid
    return None


# ------------------------------------------------------------ the Board's writings and panel
#
# BIA precedent decisions name the Board's members by their Board titles, in the panel line and
# in the author line of a separate opinion (juriscraper tests/examples/opinions/united_states/
# bia_extract_from_text.txt, and the development corpus's text/bia_28_IN_437_laguerre.txt):
#
#     BEFORE: Board Panel: MALPHRUS, Deputy Chief Appellate Immigration Judge; GORMAN and
#     GOODWIN, Appellate Immigration Judges.
#     GORMAN, Appellate Immigration Judge:
#     CONCURRING OPINION: Blair T. O'Connor, Appellate Immigration Judge
#
# Words of a judge's title before "Judge"/"Member" that only the Board uses ("Appellate
# Immigration Judge", "Board Member"), for writings.author_line's title pattern.
AUTHOR_TITLE_WORDS = r"Appellate|Immigration|Board"
# Words of the panel line that are the Board's titles, not names (caption.panel_of).
PANEL_TITLES = r"Board\s+Panel|Appellate\s+Immigration|Immigration|Board\s+Members?"
# A separate opinion's author line that names its kind first, then its author and title.
KIND_FIRST = (r"^\s*(?P<rest>(?:CONCURRING|DISSENTING|CONCURRING\s+AND\s+DISSENTING)\s+OPINION|"
              r"(?:Concurring|Dissenting)\s+Opinion):\s+(?P<name>[A-Z][\w.'’\- ]{1,40}?),\s+"
              r"(?P<title>{title})\.?\s*$")


# ------------------------------------------------------------ citations printed on decisions
#
# The official citation a tribunal prints on its own decision (kept as FRBRalias
# name="citation"):
#   "T.C. Memo. 2020-26" -- the Tax Court's memorandum opinions (the corpus's
#   pdf/tc_memo_2020-26_bordelon.pdf, first line); "T.C. Summary Opinion 2019-5" likewise.
#   "28 I&N Dec. 437" -- BIA precedents ("Cite as 28 I&N Dec. 437 (BIA 2022)",
#   text/bia_28_IN_437_laguerre.txt).
CITATIONS = [
    r"\bT\.\s?C\.\s+(?:Memo\.|Summary\s+Opinion)\s+\d{4}-\d+\b",
    r"\b\d{1,3}\s+I&N\s+Dec\.\s+\d{1,4}\b",
]
