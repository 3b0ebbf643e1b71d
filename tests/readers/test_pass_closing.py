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


def _judges_and_spans(state):
    spans = [x.tag for p in state.doc.conclusions for x in p.content if isinstance(x, Span)]
    return state.doc.meta.judges, spans


def test_a_signature_block_on_its_own_lines_names_the_signing_judge():
    text = "\n".join(["ORDER", *prose(4), "", "IT IS SO ORDERED.", "",
                      "Dated: June 10, 2021", "", "______________________________",
                      "JACQUELINE SCOTT CORLEY", "United States Magistrate Judge"])
    state = run_through(text, "closing")
    assert state.doc.meta.date == "2021-06-10"
    assert _judges_and_spans(state) == (["Jacqueline Scott Corley"], ["docDate", "signature"])


def test_a_signature_block_closes_even_when_its_date_is_in_figures():
    text = "\n".join(["ORDER", *prose(4), "", "IT IS SO ORDERED.", "Dated: 8/23/05", "",
                      "SUSAN ILLSTON", "United States District Judge"])
    state = run_through(text, "closing")
    judges, spans = _judges_and_spans(state)
    assert judges == ["Susan Illston"] and spans == ["signature"]
    assert "Dated: 8/23/05" in [p.content[0] for p in state.doc.conclusions]


def test_a_capitals_line_without_a_judges_title_under_it_is_no_signature():
    text = "\n".join(["ORDER", *prose(4), "", "IT IS SO ORDERED.", "",
                      "Dated: June 10, 2021", "JOHN DOE", "Attorney for Plaintiff"])
    state = run_through(text, "closing")
    assert _judges_and_spans(state) == ([], ["docDate"])
