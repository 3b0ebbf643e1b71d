"""Pass `blocks`: headings and paragraphs nest into sections; writings get bylines."""

from convert.document import Section, Writing

from passkit import prose, run_through


def test_numbered_headings_open_sections_holding_their_paragraphs():
    text = "\n".join(["ORDER", "", "I. Background", *prose(3), "", "II. Discussion", *prose(2, "reasons")])
    state = run_through(text, "blocks")
    sections = [b for b in state.doc.body if isinstance(b, Section)]
    assert len(sections) == 2
    assert sections[1].heading == ["Discussion"] and sections[1].children


def test_a_writing_gets_its_byline_and_its_author_is_a_judge():
    text = "\n".join(["SUPREME COURT OF NOWHERE", "", "SMITH, Justice.", *prose(3)])
    state = run_through(text, "blocks")
    writing = state.doc.body[-1]
    assert isinstance(writing, Writing) and writing.author == "Smith"
    assert state.doc.meta.judges == ["Smith"]
