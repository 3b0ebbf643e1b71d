"""Pass `note_calls`: calls become sentinels; a note without a call is kept at its page end."""

from convert.readers import marks

from passkit import prose, run_through


def test_a_glued_call_becomes_the_notes_sentinel():
    page1 = prose(6) + ["as the court held.1 More words of the text go on here.", "",
                        "__________", "1 The note."]
    state = run_through("\n".join(page1), "note_calls")
    called = [l.text for p in state.pages for l in p.lines if marks.has_call(l.text)]
    assert called == ["as the court held." + marks.call(0) + " More words of the text go on here."]


def test_an_unfound_call_anchors_the_note_at_its_page_end_with_a_warning():
    from convert.readers.footnotes import Footnote
    from passkit import state_of
    from convert.readers.passes import note_calls

    state = state_of("\n".join(prose(4)))
    state.notes = [Footnote("7", 1, [])]
    note_calls.run(state)
    assert state.pages[0].lines[-1].text.endswith(marks.call(0))
    assert "call of footnote 7 not found" in state.report.warnings[0]
