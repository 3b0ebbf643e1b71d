"""Court form: the header stamp the federal courts' electronic filing systems (CM/ECF in the
district courts, CM/ECF and ACMS in the courts of appeals) print atop every page of a filed
document.  It is page furniture: the reader removes it and reports it (`stamp`).

Example lines, one per shape, from the development corpus (`../shared/corpus/pdf/`, each the
`-layout` text of the named PDF):

    Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15
        (S.D.N.Y., nysd_12-cv-5708_doc11)
    Case 3:18-cv-16281-BRM-TJB Document 32 Filed 06/30/20 Page 1 of 9 PageID: 263
        (D.N.J., njd_3-18-cv-16281_mccrimmon_v_johnson_opinion)
    Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389
        (1st Cir., ca1_20-1507_calvary_chapel_v_mills)
    Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/11/2021 Page: 1
        (10th Cir., ca10_21-800_order)

Plain `pdftotext` prints an appellate stamp one field a line, among the first lines of the
page (`ca10_21-800_order.raw.txt`):

    Appellate Case: 21-800
    Document: 010110462922
    Date Filed: 01/11/2021
    Page: 1

Every rule here names the stamp's own field labels; nothing outside this module may.
"""

from __future__ import annotations

import re

# The whole stamp on one line: the case, the document, then its filing date or page.
STAMP = re.compile(
    r"^\s*(?:Appellate\s+)?Case:?\s+\S+.*\bDocument:?\s+[\w-]+.*\b(?:Filed|Page):?\s", re.I)

# One field of the stamp on a line of its own (plain pdftotext).  Alone, `Page: 1` or
# `Filed: February 5, 2010` could be the court's own words: the furniture pass takes such a
# line only among other stamp fields at the top of the page.
STAMP_FIELD = re.compile(
    r"^\s*(?:Appellate\s+)?(?:Case|Document|Page|Date Filed|Filed|Entry ID):\s*\S[^:]*$", re.I)


# The facts a stamp gives: the case's docket and the filing date (`Filed 09/27/13`).
FACTS = re.compile(r"^\s*(?:Appellate\s+)?Case:?\s+(?P<docket>\S+).*?\bDocument:?\s+\S+.*?"
                   r"\b(?:Date\s+)?Filed:?\s+(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})", re.I)


def is_stamp(text: str) -> bool:
    return bool(STAMP.match(text))


def is_stamp_field(text: str) -> bool:
    return bool(STAMP_FIELD.match(text))


def facts(text: str) -> tuple[str, str] | None:
    """(docket, filing date as printed) of a whole one-line stamp, else None."""
    m = FACTS.match(text)
    return (m.group("docket").strip(","), m.group("filed")) if m else None
