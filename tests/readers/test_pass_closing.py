"""Pass `closing`: the date line and signature become conclusions with date and judge."""

from convert.document import Span

from passkit import prose, run_through


def test_date_line_gives_the_decision_date_and_the_signing_judge():
    text = "\n".join(["MEMORANDUM OPINION", *prose(4), "",
                      "Dated: March 3, 2021              JANE ROE"])
    state = run_through(text, "closing")
    assert state.doc.meta.date == "2021-03-03"
    assert state.doc.meta.judges == ["Jane Roe"]
    spans = [x for x in state.doc.conclusions[0].content if isinstance(x, Span)]
    assert [s.tag for s in spans] == ["docDate", "signature"]
