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
