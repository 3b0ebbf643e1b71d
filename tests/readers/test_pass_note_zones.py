"""Pass `note_zones`: each page's note zone is cut out into notes."""

from passkit import prose, run_through, visible


def test_notes_below_a_rule_are_cut_out_when_their_call_stands_above():
    page1 = prose(6) + ["the court so held.1 And more text follows on this line here.", "",
                        "__________", "1 The note's own text, first line."]
    state = run_through("\n".join(page1), "note_zones")
    assert [n.marker for n in state.notes] == ["1"]
    assert visible(state.notes[0].lines) == ["The note's own text, first line."]
    assert "__________" not in visible(state.pages[0].lines)
    assert [r.kind for r in state.report.removed] == ["separator", "note-label"]


def test_a_line_that_begins_with_a_number_is_no_note_without_a_call():
    page1 = prose(6) + ["", "__________", "1 item of a list in the body, no call above it."]
    state = run_through("\n".join(page1), "note_zones")
    assert state.notes == []
