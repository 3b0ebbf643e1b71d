"""Pass `caption`: court, docket and title marked in the header; court resolved."""

from convert.document import Span

from passkit import prose, run_through


def _spans(header):
    return {x.tag: x for p in header for x in p.content if isinstance(x, Span)}


def test_court_docket_and_title_are_marked():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF ARIZONA", "",
                      "Case No. 2:15-cv-01234", "", "MEMORANDUM OPINION", "", *prose(5)])
    state = run_through(text, "caption")
    meta = state.doc.meta
    assert meta.docket == "2:15-cv-01234"
    assert meta.title == "MEMORANDUM OPINION" and meta.doc_name == "memorandumOpinion"
    assert meta.court_id == "azd"
    assert set(_spans(state.doc.header)) >= {"courtType", "docketNumber", "docTitle"}


def test_the_closing_date_wins_over_a_date_in_the_caption():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "Filed January 5, 2021", "",
                      "ORDER", *prose(4), "", "Dated: March 3, 2021"])
    state = run_through(text, "caption")
    assert state.doc.meta.date == "2021-03-03"
    state = run_through(text, "caption", disable=("closing",))
    assert state.doc.meta.date == "2021-01-05"
