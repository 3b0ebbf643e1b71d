"""The Markdown reader's passes: declared by name over the same State."""

from convert.document import Note
from convert.readers import ReadReport
from convert.readers.passes import State, markdown_passes


def _state(text: str) -> State:
    return State("f.md", ReadReport("f.md"), vocabulary_text=text)


def test_markdown_passes_are_declared_in_order():
    assert markdown_passes().names() == ["md_blocks", "md_notes", "md_rejoin", "md_calls",
                                         "md_caption", "md_body", "md_uncalled"]


def test_note_bodies_leave_the_text_and_calls_become_notes():
    text = "ORDER\n\nThe court held so.¹ It goes on\n\n¹ The note.\n\nwith more text.\n"
    state = markdown_passes().run(_state(text))
    assert [n.marker for n in state.notes] == ["1"]
    para = state.doc.body[0].blocks[0]
    assert any(isinstance(x, Note) for x in para.content)
    assert "with more text." in para.content[-1]  # rejoined across the note body


def test_a_note_without_a_call_is_kept_at_the_end_with_a_warning():
    text = "ORDER\n\nNo call here.\n\n² A note nobody calls.\n"
    state = markdown_passes().run(_state(text))
    assert "footnote 2: no call found" in state.report.warnings[0]
