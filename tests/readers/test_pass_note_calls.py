"""Pass `note_calls`: calls become sentinels; a note without a call is kept at its page end."""

from convert.readers import marks
from convert.readers.footnotes import Footnote
from convert.readers.passes import note_calls

from passkit import prose, run_through, state_of


def _called(state):
    return [l.text for p in state.pages for l in p.lines if marks.has_call(l.text)]


def test_a_glued_call_becomes_the_notes_sentinel():
    page1 = prose(6) + ["as the court held.1 More words of the text go on here.", "",
                        "__________", "1 The note."]
    state = run_through("\n".join(page1), "note_calls")
    assert _called(state) == ["as the court held." + marks.call(0) +
                              " More words of the text go on here."]


def test_a_separate_token_call_is_the_fallback_and_never_a_reference_number():
    page1 = prose(6) + ["see page 1 of the brief; the claims 1 because of notice given.", "",
                        "__________", "1 The note."]
    state = run_through("\n".join(page1), "note_calls")
    assert _called(state) == ["see page 1 of the brief; the claims" + marks.call(0) +
                              " because of notice given."]


def test_a_clear_call_wins_over_an_earlier_separate_token():
    page1 = prose(6) + ["the claims 1 because of notice given by the court.1 More text.", "",
                        "__________", "1 The note."]
    state = run_through("\n".join(page1), "note_calls")
    assert _called(state)[0].endswith("court." + marks.call(0) + " More text.")


def test_calls_follow_each_other_in_order():
    page1 = prose(4) + ["first.1 second.2 and again first.1 here.", "", "__________",
                        "1 One.", "2 Two."]
    state = run_through("\n".join(page1), "note_calls")
    assert _called(state) == ["first." + marks.call(0) + " second." + marks.call(1)
                              + " and again first.1 here."]


def test_an_unfound_call_anchors_the_note_at_its_page_end_with_a_warning():
    state = state_of("\n".join(prose(4)))
    state.notes = [Footnote("7", 1, [])]
    note_calls.run(state)
    assert state.pages[0].lines[-1].text.endswith(marks.call(0))
    assert "call of footnote 7 not found" in state.report.warnings[0]


def test_a_call_glued_to_both_words_is_a_fallback_but_never_a_reporter_series():
    page1 = prose(6) + ["see 798 F.3d 863; the proof5that the offender knew. More words here.",
                        "", "__________", "5 The note."]
    from passkit import state_of
    from convert.readers.footnotes import Footnote

    state = state_of("\n".join(page1))
    state.notes = [Footnote("3", 1, []), Footnote("5", 1, [])]
    note_calls.run(state)
    texts = [l.text for l in state.pages[0].lines]
    assert "see 798 F.3d 863; the proof" + marks.call(1) + "that the offender knew. More words here." \
        in texts
    assert "call of footnote 3 not found" in state.report.warnings[0]


def test_a_call_wrapped_to_the_next_lines_head_joins_the_sentence_it_closes():
    page1 = prose(6) + ["of the witnesses.", "1 Also, the court has held so.", "",
                        "__________", "1 The note."]
    state = run_through("\n".join(page1), "note_calls")
    lines = [l.text for l in state.pages[0].lines]
    assert "of the witnesses." + marks.call(0) in lines
    assert "Also, the court has held so." in lines
