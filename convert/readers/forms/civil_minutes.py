"""Court form: the federal district courts' "CIVIL MINUTES — GENERAL" order (C.D. Cal. form
CV-90), a header table rather than a caption.

Example lines, from `samples/004_580afe28c66e611c.txt` (C.D. Cal. No. CV 20-9893, April 5,
2024; the same form heads `../shared/corpus/pdf/cacd_664551_368_redacted_civil_minutes.pdf`):

    UNITED STATES DISTRICT COURT
    CENTRAL DISTRICT OF CALIFORNIA
    CIVIL MINUTES—GENERAL
    Case No. **CV 20-9893 JGB (SHKx)** Date April 5, 2024
    Title *Immigrant Defenders Law Center, et al. v. Alejandro Mayorkas, et al.*
    Present: The Honorable JESUS G. BERNAL, UNITED STATES DISTRICT JUDGE
    Proceedings: Order (1) GRANTING Plaintiffs' Motion to Enforce Compliance ...

Every rule here names the form's own field labels; nothing outside this module may.
"""

from __future__ import annotations

import re

# The form's title as its own caption row ("CIVIL MINUTES – GENERAL"), for the readers'
# title-line pattern (caption.TITLE_RE).
TITLE = r"CIVIL MINUTES\s*[—–-]+\s*GENERAL"
# What the form prints after its kind of decision ("MINUTES – GENERAL"): a title that ends so
# is complete (caption.title_of).
KIND_SUFFIX = r"(?:\s*[–—-]+\s*GENERAL)?"
# The form's name after the court's ("... CENTRAL DISTRICT OF CALIFORNIA CIVIL MINUTES").
FORM_NAME = re.compile(r"\s+(?=CIVIL MINUTES|CRIMINAL MINUTES|MINUTES)")
# "Case No. CV 20-9893 JGB (SHKx) Date April 5, 2024": the docket field, then the date field.
DOCKET_FIELD = re.compile(r"\b(?:Case|Docket)\s+No\.?:?\s*(?P<d>.+?)\s+Date\b")
# The date field's label.
DATE_FIELD = re.compile(r"\bDate[d]?\b")
# "Title A v. B": the parties field.
TITLE_FIELD = re.compile(r"^Title:?\s+(?P<t>.+)$")
# "Present: The Honorable JESUS G. BERNAL, UNITED STATES DISTRICT JUDGE".
JUDGE_FIELD = re.compile(r"\bHonorable\s+(?P<n>[A-Z][A-Z.\s]+?[A-Z])(?:,|\s*$)")
# "Proceedings: Order ...": what the minutes record, the order's title; the header ends here.
PROCEEDINGS_FIELD = re.compile(r"^Proceedings:\s*(?P<t>.+)$")


def court_name(first_line: str) -> str:
    """The court's name from the form's first row, without the form's name."""
    return FORM_NAME.split(first_line)[0]


def is_minutes(text: str) -> bool:
    return "MINUTES" in text.upper()


def is_proceedings(text: str) -> bool:
    """The "Proceedings:" row, the last of the form's header."""
    return text.startswith("Proceedings:")
