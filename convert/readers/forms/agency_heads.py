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
