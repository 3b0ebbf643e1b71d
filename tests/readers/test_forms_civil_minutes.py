"""The civil-minutes court-form module reads its form's fields (seed 004's header lines)."""

from convert.readers.forms import civil_minutes


def test_the_forms_fields():
    first = "UNITED STATES DISTRICT COURT CENTRAL DISTRICT OF CALIFORNIA CIVIL MINUTES—GENERAL"
    assert civil_minutes.court_name(first) == \
        "UNITED STATES DISTRICT COURT CENTRAL DISTRICT OF CALIFORNIA"
    row = "Case No. CV 20-9893 JGB (SHKx) Date April 5, 2024"
    assert civil_minutes.DOCKET_FIELD.search(row).group("d") == "CV 20-9893 JGB (SHKx)"
    judge = "Present: The Honorable JESUS G. BERNAL, UNITED STATES DISTRICT JUDGE"
    assert civil_minutes.JUDGE_FIELD.search(judge).group("n") == "JESUS G. BERNAL"
    assert civil_minutes.is_proceedings("Proceedings: Order (1) GRANTING ...")
    assert not civil_minutes.is_minutes("MEMORANDUM OPINION")
