"""Pass `parts`: caption, body, writings and closing."""

from passkit import prose, run_through, visible


def test_title_line_ends_the_caption_and_a_date_line_is_the_closing():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "DISTRICT OF NOWHERE", "",
                      "MEMORANDUM OPINION", "", *prose(5), "",
                      "Dated: March 3, 2021              JANE ROE"])
    state = run_through(text, "parts")
    assert visible(state.head)[-1] == "MEMORANDUM OPINION"
    assert len(state.body_lines) == 5
    assert visible(state.closing) == ["Dated: March 3, 2021              JANE ROE"]
    assert state.segments == []


def test_author_lines_open_writings():
    text = "\n".join(["SUPREME COURT OF NOWHERE", "", "SMITH, Justice.", *prose(3),
                      "JONES, Justice, dissenting.", *prose(3, "dissent")])
    state = run_through(text, "parts")
    assert [s.kind for s in state.segments] == ["majority", "dissent"]
    assert [s.author for s in state.segments] == ["Smith", "Jones"]


def test_the_reporters_abbreviated_author_lines_open_writings():
    """State reporters print "JONES, J." on a line of its own, under the court's heading."""
    text = "\n".join(["COURT OF APPEALS OF NOWHERE", "", "OPINION OF THE COURT", "",
                      "JONES, J.", *prose(3), "", "READ, J. (concurring).", *prose(3, "concur"),
                      "", "GRAFFEO, C.J. (dissenting).", *prose(3, "dissent")])
    state = run_through(text, "parts")
    assert [s.kind for s in state.segments] == ["majority", "concurrence", "dissent"]
    assert [s.author for s in state.segments] == ["Jones", "Read", "Graffeo"]
    assert visible(state.head)[-1] == "OPINION OF THE COURT"


def test_an_abbreviated_judge_inside_a_sentence_opens_nothing():
    text = "\n".join(["OPINION", *prose(2), "The panel agreed (Smith, J., dissenting).",
                      *prose(3)])
    assert run_through(text, "parts").segments == []


def test_bylines_of_many_reporters_open_writings():
    from convert.readers.writings import author_line

    cases = {"LEVINE, Acting Chief Justice.": ("majority", "LEVINE"),
             "HUNSTEIN, Justice, specially concurring.": ("concurrence", "HUNSTEIN"),
             "ANDREW, J.T.C.": ("majority", "ANDREW"),
             "Walters, J.": ("majority", "Walters"),
             "POFF, J., delivered the opinion of the Court.": ("majority", "POFF"),
             "COOPER, P.J. (concurring in part and dissenting in part).":
                 ("concurrenceDissent", "COOPER")}
    for line, (kind, name) in cases.items():
        assert author_line(line)[:2] == (kind, name), line
    # a slip opinion's running head, a panel, a note of concurrence: no byline
    for line in ("THOMAS, J., concurring", "Before: COOPER, P.J., and KELLY, JJ.",
                 "KELLY, J., concurred.", "See Smith, J."):
        assert author_line(line) is None, line


def test_a_heading_naming_the_author_above_the_byline_opens_one_writing():
    text = "\n".join(["SUPREME COURT OF NOWHERE", "", "SMITH, J.", *prose(3), "",
                      "Jones, J., dissenting.", "JONES, Justice, dissenting.",
                      *prose(3, "dissent")])
    state = run_through(text, "parts")
    assert [(s.kind, s.author) for s in state.segments] == [("majority", "Smith"),
                                                           ("dissent", "Jones")]
