"""Pass `end_notes`: notes gathered at a writing's end with their calls stripped (shape 5)."""

from convert.readers import marks

from passkit import prose, run_through, visible


def test_bare_period_notes_closing_a_writing_become_its_notes_anchored_at_its_end():
    text = "\n\n".join(["SUPREME COURT OF NOWHERE", "QUINN, Associate Judge.", *prose(4),
                        "Affirmed.", ". Code 1951, 22-1112.",
                        ". D.C.Mun.App., 56 A.2d 851, and cases cited therein."])
    state = run_through(text, "end_notes")
    assert [(n.marker, visible(n.lines)) for n in state.notes] == [
        ("1", ["Code 1951, 22-1112."]), ("2", ["D.C.Mun.App., 56 A.2d 851, and cases cited therein."])]
    last = state.segments[-1].lines[-1].text
    assert last == "Affirmed." + marks.call(0) + marks.call(1)
    assert "2 notes gathered at its end" in state.report.warnings[-1]


def test_one_bare_period_line_or_numbered_decretal_paragraphs_are_not_notes():
    for tail in ([". A lone line that starts with a period."],
                 ["1. The motion is GRANTED.", "2. The hearing is VACATED."]):
        text = "\n\n".join(["ORDER", *prose(4), "IT IS ORDERED:", *tail])
        state = run_through(text, "end_notes")
        assert state.notes == [], tail
