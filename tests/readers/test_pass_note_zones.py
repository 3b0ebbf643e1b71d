"""Pass `note_zones`: each page's note zone is cut out into notes, from evidence that holds
across documents (label sequence, calls above, rules, gaps, type size) -- issue 8 shapes 1-4."""

from convert.readers import ReadReport, marks
from convert.readers.layout import Line, Page
from convert.readers.passes import State, note_zones

from passkit import prose, run_through, visible


def _notes(state):
    return [(n.marker, " ".join(visible(n.lines))) for n in state.notes]


def test_notes_below_a_rule_are_cut_out_when_their_call_stands_above():
    page1 = prose(6) + ["the court so held.1 And more text follows on this line here.", "",
                        "__________", "1 The note's own text, first line."]
    state = run_through("\n".join(page1), "note_zones")
    assert _notes(state) == [("1", "The note's own text, first line.")]
    assert "__________" not in visible(state.pages[0].lines)
    assert [r.kind for r in state.report.removed] == ["separator", "note-label"]


def test_a_line_that_begins_with_a_number_is_no_note_without_a_call():
    page1 = prose(6) + ["", "__________", "1 item of a list in the body, no call above it."]
    state = run_through("\n".join(page1), "note_zones")
    assert state.notes == []


def test_a_caption_rule_does_not_hide_the_notes_below_it():
    """The lowest rule belongs to the caption (no label after it): the notes are still
    found by their label, gap and call."""
    page = ["COURT OF APPEALS", "___________", "PER CURIAM.",
            "The district court1 sentenced him at the bottom of the range here today.",
            *prose(8), "", "", "", "      1", "       The Honorable Jane Roe, District Judge."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "The Honorable Jane Roe, District Judge.")]


def test_a_label_high_on_the_page_after_a_wide_gap_opens_the_zone():
    page = ["Queen, 503 F.3d 319 (2007).3 More words of the body go on here to the end.",
            "", "", "       3", "         The note runs over most of the page.", *prose(12)]
    state = run_through("\n".join(["x"] * 0 + page), "note_zones")
    assert state.notes == []  # expected number is 1: a stray 3 is no note
    page[0] = page[0].replace(".3", ".1")
    page[3] = "       1"
    state = run_through("\n".join(page), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]
    assert len(state.pages[0].lines) == 1


# ---------------------------------------------------------------- shape 1: separate-token calls

def test_a_call_printed_as_a_separate_token_is_accepted_for_the_expected_number():
    page = prose(8) + ["New Jersey state law claims 1 because Jordan was put on notice here.",
                       *prose(3, "more"), "", "", "", "1 “Rule 15(c)(1) allows state relation back."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "“Rule 15(c)(1) allows state relation back.")]


def test_a_reference_number_is_not_a_separate_token_call():
    page = prose(8) + ["as stated on page 1 of the record and in the brief filed later.",
                       *prose(3, "more"), "", "", "", "1 This line is not a note at all."]
    state = run_through("\n".join(page), "note_zones")
    assert state.notes == []


def test_a_separate_token_call_needs_a_zone_clearly_set_apart():
    """Only a weak call and no gap, rule or lone label: the line stays in the body."""
    page = prose(8) + ["the claims 1 because of notice given to him by the others.",
                       *prose(10, "more"), "1 Some line that merely begins with a number."]
    state = run_through("\n".join(page), "note_zones")
    assert state.notes == []


def test_a_reference_word_that_ends_its_sentence_does_not_govern_the_number_after_it():
    """`rule` and `part` name references (`rule 2`), but `the old rule. 1` ends a sentence
    first: the number is a call.  An abbreviation's period (`No. 1`) ends none."""
    for sentence in ("narrower than was the old rule. 1", "the purposes of this part.\" 1 This"):
        page = prose(8) + [sentence, *prose(3, "more"), "", "", "", "1 Committee Note to Rule."]
        state = run_through("\n".join(page), "note_zones")
        assert _notes(state) == [("1", "Committee Note to Rule.")], sentence
    page = prose(8) + ["as held in case No. 1 and again later on in the same case.",
                       *prose(3, "more"), "", "", "", "1 This line is not a note at all."]
    assert run_through("\n".join(page), "note_zones").notes == []


def test_a_call_at_a_sentences_end_may_precede_a_citation_that_opens_with_a_number():
    """`concur." 1 37 Am.Jur.2d`: after a sentence's end the number cannot continue a
    quantity of that sentence.  Without the sentence's end (`a total of 1 37 Units`) it can."""
    page = prose(8) + ['which all the justices concur." 1 37 Am.Jur.2d Fraud and Deceit.',
                       *prose(3, "more"), "", "", "", "1 The statutory definitions differ."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "The statutory definitions differ.")]
    page[8] = "which came to a total of 1 37 Units of the property at issue here."
    assert run_through("\n".join(page), "note_zones").notes == []


def test_a_call_wrapped_to_the_head_of_the_next_line_is_a_separate_token_call():
    """The renderer broke the line between a sentence and its raised number: pdftotext
    prints `1 Also, ...` at the next line's head.  A citation's volume (`1 U.S.C.`) after a
    sentence's end is not such a call."""
    page = prose(8) + ["second-guess counsel's strategy in the examination of witnesses.",
                       "1 Also, the Supreme Court has held that failure to request them is",
                       *prose(3, "more"), "", "", "", "1 State v. Manley, decided in 2002."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "State v. Manley, decided in 2002.")]
    page[9] = "1 U.S.C. 1001 has been read to reach false statements made to agents"
    assert run_through("\n".join(page), "note_zones").notes == []


def test_a_run_of_labels_at_the_page_foot_opens_the_zone_with_no_blank_line_above_it():
    """Plain pdftotext printed the notes right under the body.  After the document's first
    note, the expected number and the next in sequence to the page's foot are the zone,
    though the body's last line breaks off mid-sentence; a line that begins with a number
    out of sequence is body text."""
    page1 = prose(6) + ["as the court held.1 More words of the text go on here.", "",
                        "__________", "1 The first note."]
    page2 = prose(8) + ["the parents acknowledged him. 2 While an acknowledgment stands,",
                        "the child has rights. 3 The child bears the same relation",
                        *prose(8, "more"), "a prosecuting attorney may",
                        "2 MCL 722.1003(1).", "3 MCL 722.1004, quoted in Aichele."]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state) == [("1", "The first note."), ("2", "MCL 722.1003(1)."),
                             ("3", "MCL 722.1004, quoted in Aichele.")]
    # Short notes that end in no full stop still make a run.
    page2[-2:] = ["2 Exhibit 1", "3 Exhibit 13"]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state)[1:] == [("2", "Exhibit 1"), ("3", "Exhibit 13")]
    page2[-1] = "4 MCL 722.1004, quoted in Aichele."
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]


def test_a_line_or_two_before_the_first_label_may_lead_a_zone_set_apart():
    """An editor's note printed above the court's first note, after the zone's wide gap: the
    label a line into the block opens the zone; the leading line stays in the body."""
    page = ["IN THE INTEREST OF JESSE D. 1 a person under the age of eighteen years.",
            *prose(12), "", "", "",
            "Ed. 1 [EDITOR'S NOTE: This case is unpublished as indicated by the court.]",
            "1 Thus entitled in accordance with the General Statutes.", "(1998 Rev.)"]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "Thus entitled in accordance with the General Statutes. "
                                   "(1998 Rev.)")]
    assert visible(state.pages[0].lines)[-1].startswith("Ed. 1 [EDITOR'S NOTE")
    page[-3] = "Ed. 1 [EDITOR'S NOTE: This case is unpublished as indicated by the"
    assert run_through("\n".join(page), "note_zones").notes == []


def test_short_notes_that_end_in_no_full_stop_are_told_apart_by_their_calls_order():
    """`2 Exhibit 1` over `3 Exhibit 13`: the 3 opens a note, since its call stands after the
    call of note 2; a 3 whose only token stands before note 2's call continues note 2."""
    page1 = prose(6) + ["as the court held.1 More words of the text go on here.", "",
                        "__________", "1 The first note."]
    page2 = prose(6) + ["she did not complete high school. 2 The evidence showed that she",
                        "attended the groups. 3 In addition, she agreed to it all.", *prose(4),
                        "", "__________", "2 Exhibit 1", "3 Exhibit 13"]
    text = "\n".join(page1) + "\f" + "\n".join(page2)
    state = run_through(text, "note_zones")
    assert _notes(state)[1:] == [("2", "Exhibit 1"), ("3", "Exhibit 13")]
    text = text.replace("groups. 3 In", "groups. In").replace("complete high", "complete, 3 high")
    state = run_through(text, "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "2"]


def test_a_first_pages_caption_fields_do_not_hide_plain_pdftotexts_foot_block():
    """Plain pdftotext: blank lines between the caption's fields above, none in the body, one
    before the page's last block: that block is set apart as the notes are."""
    page = ["IN THE INTEREST OF JESSE D.", "Court", "", "Connecticut Superior Court", "",
            "Date", "", "2001-08-08", "", "IN THE INTEREST OF JESSE D. 1 a person under age.",
            *prose(24), "",
            "Ed. 1 [EDITOR'S NOTE: This case is unpublished as indicated by the court.]",
            "1 Thus entitled in accordance with the General Statutes."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "Thus entitled in accordance with the General Statutes.")]
    for at in (32, 28, 24):  # paragraphs set apart by blank lines low on the page too
        page[at:at] = [""]
    assert run_through("\n".join(page), "note_zones").notes == []


def test_a_label_in_an_open_zone_may_have_its_call_before_a_citation():
    """`estate. 2 Graveley v. Graveley, 3 84 Va. 145`: the 3 before a number reads as a
    quantity, but this page's zone is open (note 2), the label 3 follows a sentence's end and
    the bare 3 stands after note 2's call: note 3.  Before note 2's call it is no call."""
    page1 = prose(6) + ["as the court held.1 More words of the text go on here.", "",
                        "__________", "1 The first note."]
    page2 = prose(6) + ["on behalf of the estate. 2 Graveley v. Graveley, 3 84 Va. 145, 153.",
                        *prose(4), "", "__________", "2 To the extent she may be affected,",
                        "she will not be heard later to complain.",
                        "3 The parties devote much of their briefs to it."]
    text = "\n".join(page1) + "\f" + "\n".join(page2)
    state = run_through(text, "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "2", "3"]
    state = run_through(text, "note_calls")
    assert any("Graveley," + marks.call(2) + " 84 Va." in l.text for l in state.pages[1].lines)
    text = text.replace("estate. 2 Graveley v. Graveley, 3 84", "estate, 3 84 Graveley. 2 v.")
    state = run_through(text, "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "2"]


def test_a_joined_overlong_line_does_not_hide_a_zones_wider_lines():
    """Plain pdftotext joined two of the note's printed lines into one: the printed lines
    beside it still show the zone's smaller type (more characters a line)."""
    wide = "x" * 40 + " the court found that the highest and best use was for investment"
    page = prose(8) + ['approach." 1 Id. at 63. The same conclusion is appropriate here too.',
                       *prose(10, "more"), "the appraisal experts were of the opinion that the",
                       "1 With respect to the units occupied by tenants protected by the Senior",
                       wide + " " + wide + " " + wide, wide, "Tenancy Act affords none."]
    state = run_through("\n".join(page), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]
    assert _notes(state)[0][1].startswith("With respect to the units")


# ---------------------------------------------------------------- shape 2: symbols

def test_symbol_notes_mix_with_numbered_notes_without_resetting_the_sequence():
    page1 = ["Before SMITH,* JONES and ROE, Circuit Judges, who heard the case together.",
             "The order1 is affirmed for the reasons the court gave at length below here.",
             *prose(6), "", "__________", "* Sitting by designation.", "1 The first note."]
    page2 = [*prose(4, "second"), "and the judgment.2 So ordered by the court here today.",
             *prose(2, "end"), "", "__________", "2 The second note."]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state) == [("*", "Sitting by designation."), ("1", "The first note."),
                             ("2", "The second note.")]


def test_a_symbol_label_without_a_symbol_call_is_no_note():
    page = prose(6) + ["", "__________", "* * * and the text goes on."]
    state = run_through("\n".join(page), "note_zones")
    assert state.notes == []


def test_a_symbol_call_set_apart_by_a_space_needs_a_zone_set_apart():
    """`ET AL. *`: pdftotext set the raised star apart.  Below a wide gap its note is found;
    with no zone set apart, or where the stars are an ellipsis (`* * *`), it is not."""
    head = ["BURNS v. THE EQUITABLE ASSOCIATES, ET", "AL. *", *prose(12)]
    page = head + ["", "", "", "* Robert C. Nusbaum; V. H. Nusbaum, Jr.; and others."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("*", "Robert C. Nusbaum; V. H. Nusbaum, Jr.; and others.")]
    state = run_through("\n".join(page), "note_calls")
    assert state.pages[0].lines[1].text == "AL." + marks.call(0)
    page = ["it would be inappropriate * * * to then", *prose(12)] + page[-4:]
    assert run_through("\n".join(page), "note_zones").notes == []
    page = head + ["* Robert C. Nusbaum; V. H. Nusbaum, Jr.; and others."]
    assert run_through("\n".join(page), "note_zones").notes == []


# ---------------------------------------------------------------- shape 3: bracketed labels

def test_labels_and_calls_in_brackets_or_parentheses():
    for call, label in (("[1]", "[1]"), (" (1)", "(1)"), (" (1)", "(1.)")):
        page = prose(6) + [f"as the court held{call} in the earlier case cited by the parties.",
                           "", "__________", f"{label} The bracketed note."]
        state = run_through("\n".join(page), "note_zones")
        assert _notes(state) == [("1", "The bracketed note.")], (call, label)
        assert state.notes[0].form in ("bracket", "paren")


def test_a_parenthesised_enumeration_is_not_a_note_zone():
    page = prose(6) + ["the statute, 42 U.S.C. § 1983(a)(1), applies to the claims here.",
                       *prose(8, "more"), "(1) the first element of the claim; and"]
    state = run_through("\n".join(page), "note_zones")
    assert state.notes == []


# ---------------------------------------------------------------- shape 4: run-on notes

def test_a_note_running_onto_the_next_page_with_no_rule_after_a_wide_gap():
    page1 = [*prose(10), "and the progression in the law.1 More of the body text goes on here.",
             "", "", "", "      1", "         The note begins on the first page and"]
    page2 = [*prose(8, "second"), "would shun the majority rule.2", "", "", "",
             "continues here on the next page.", "      2", "         The second note."]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state) == [("1", "The note begins on the first page and continues here on "
                                   "the next page."), ("2", "The second note.")]
    assert visible(state.pages[1].lines)[-1] == "would shun the majority rule.2"


def test_continued_marks_join_the_two_parts_and_are_reported():
    page1 = [*prose(10), "under the statute.1 Indeed the tests run together in a case like",
             "", "__________", "1 Among the courts there has been a split, see, e.g.,",
             "(continued...)"]
    page2 = [*prose(8, "second"), "", "__________", "1 (...continued)",
             "Thornock v. Commissioner, 94 T.C. 439 (1990)."]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state) == [("1", "Among the courts there has been a split, see, e.g., "
                                   "Thornock v. Commissioner, 94 T.C. 439 (1990).")]
    assert [r.text for r in state.report.removed if r.kind == "note-continued"] == \
        ["(continued...)", "(...continued)"]


def _pdf_page(index: int, rows: list[tuple[str, float]]) -> Page:
    page = Page(index, width=612, height=792)
    top = 72.0
    for text, size in rows:
        page.lines.append(Line(text, index, None, 0, x0=72, x1=500, top=top, size=size))
        top += size * 1.2
    return page


def test_pdf_notes_in_smaller_type_and_their_run_on_with_no_rule():
    body = [(t, 12.0) for t in prose(30)]
    page1 = _pdf_page(1, body[:25] + [("so the court held.¹ And more body text here.", 12.0),
                                      ("1 The note in smaller type begins", 10.0),
                                      ("and runs on to", 10.0)])
    page2 = _pdf_page(2, body[:25] + [("the next page, with no rule above it.", 10.0)])
    state = State("f.pdf", ReadReport("f.pdf"), [page1, page2], False, "")
    note_zones.run(state)
    assert _notes(state) == [("1", "The note in smaller type begins and runs on to the next "
                                   "page, with no rule above it.")]
    assert len(state.pages[1].lines) == 25


def test_pdf_body_size_label_line_high_on_the_page_is_not_a_zone():
    body = [(t, 12.0) for t in prose(30)]
    page = _pdf_page(1, [("the rule 1 applies in full to the case.", 12.0)] + body[:5]
                     + [("1 Something that starts with a number in the body.", 12.0)] + body[5:])
    state = State("f.pdf", ReadReport("f.pdf"), [page], False, "")
    note_zones.run(state)
    assert state.notes == []


# ---------------------------------------------------------------- sequence

def test_numbering_restarts_at_one_in_a_new_writing_and_skips_past_a_page_without_text():
    page1 = [*prose(6), "first writing.1 And more words of the body here.", "", "__________",
             "1 Note one."]
    blank = "Case 1:12-cv-05708 Document 11 Filed 09/27/13 Page 2 of 3"  # a stamp only
    page3 = [*prose(6, "third"), "retirement.” 3 Id. and more text on the line.", "", "", "",
             "3", "  As discussed below."]
    state = run_through("\n".join(page1) + "\f" + blank + "\f" + "\n".join(page3), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "3"]


def test_a_trailing_label_after_its_notes_text_plain_pdftotext():
    page = [*prose(12), "is denied.1", "", "IT IS SO ORDERED.", "Dated: July 9, 2021", "",
            "The request to seal portions of the motion is denied as to the rates.",
            "The motion to seal is otherwise granted.", "1", "", "4"]  # 4: the folio
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "The request to seal portions of the motion is denied as to "
                                   "the rates. The motion to seal is otherwise granted.")]
    assert visible(state.pages[0].lines)[-1] == "Dated: July 9, 2021"


# ---------------------------------------------------------------- one paragraph a line

def test_one_paragraph_a_line_notes_low_on_the_page_with_clear_calls():
    """No blank lines anywhere: the expected label with a clear call, low on the page."""
    page1 = ["The Immigration Judge terminated the proceedings, and the DHS appealed.1 We "
             "sustain the appeal.", "The respondent is a native of Mexico and was convicted.",
             "A conviction for receipt of property is a theft offense under (G)2of the Act.",
             "1 The Board heard oral argument.", "2 The Supreme Court has defined theft."]
    state = run_through("\n".join(page1), "note_zones")
    assert _notes(state) == [("1", "The Board heard oral argument."),
                             ("2", "The Supreme Court has defined theft.")]


def _long(n: int, word: str = "body") -> list[str]:
    """n lines that are whole paragraphs (each longer than a printed line can be)."""
    return [f"Paragraph {i} of the {word}, " + "which the court wrote out at length " * 5
            + "and ended." for i in range(1, n + 1)]


def test_one_paragraph_a_line_a_label_high_on_the_page_printed_as_the_last_note():
    """Whole-paragraph lines show nothing of a line's place on the page: a note that fills
    most of a page opens high on it.  The expected number with a clear call, printed as the
    document's last note was (`2 Text`), opens the zone."""
    page1 = [*_long(3), "The respondent was convicted of possession.1 We sustain the appeal.",
             *_long(2, "more"), "1 The Board heard oral argument."]
    page2 = ["crimes of the third degree.2 However, the substance must be identified here. "
             + "The statute says more " * 8, *_long(1, "second"),
             "2 At the time of the conviction, the statute provided as follows:",
             *_long(5, "quoted statute")]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "2"]
    assert _notes(state)[1][1].startswith("At the time of the conviction")
    assert len(state.pages[1].lines) == 2


def test_one_paragraph_a_line_a_numbered_paragraph_printed_otherwise_is_no_note():
    """`2. The court ...` (a full stop the notes do not have) stays a body paragraph."""
    page1 = [*_long(3), "The respondent was convicted of possession.1 We sustain the appeal.",
             *_long(2, "more"), "1 The Board heard oral argument."]
    page2 = ["crimes of the third degree.2 However, the substance must be identified here. "
             + "The statute says more " * 8, *_long(1, "second"),
             "2. The second numbered paragraph of the order begins here.",
             *_long(5, "order")]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]


# ---------------------------------------------------------------- labels printed last

def test_a_trailing_label_taken_for_a_folio_is_the_expected_notes_label():
    """Plain pdftotext prints the label after the note's text, last on the page, where the
    furniture pass takes a lone number for a folio; the page's numbering does not bear it
    out (no other page shows a number) and it is the expected note with its call above."""
    page3 = [*prose(10, "third"), "in its very nakedness.”1 Hest, 366 N.C. at 289, and so on",
             "the extent of the player’s skill and dexterity.” Crazie Overstock, LLC, 2021-", "",
             "Indeed, as defendants note, there is no guarantee that the modification",
             "would even be available in actual game play.", "1"]
    text = "\f".join(["\n".join(prose(12, "first")), "\n".join(prose(12, "second")),
                      "\n".join(page3)])
    state = run_through(text, "note_zones")
    assert _notes(state) == [("1", "Indeed, as defendants note, there is no guarantee that "
                                   "the modification would even be available in actual game "
                                   "play.")]
    kinds = [(r.kind, r.text) for r in state.report.removed]
    assert ("note-label", "1") in kinds and ("page-number", "1") not in kinds


def test_a_folio_the_pages_numbering_bears_out_is_not_a_note_label():
    pages = [[*prose(10, "first"), "the court so held.1 And the text goes on to the end", "",
              "A block of text that closes the first page of the opinion here.", "1"],
             [*prose(12, "second"), "2"], [*prose(12, "third"), "3"]]
    state = run_through("\f".join("\n".join(p) for p in pages), "note_zones")
    assert state.notes == []
    assert state.labels == {1: "1", 2: "2", 3: "3"}


def test_a_trailing_label_after_the_next_notes_label_with_no_blank_line():
    """Plain pdftotext: the body, note 1's text, label 2 and note 2, then label 1 last.  With
    no blank line, note 1 opens where a sentence opens after the body breaks off."""
    page2 = [*prose(6, "second"),
             "whether plaintiff will advance a theory of intermediate copying.1 While this",
             *prose(4, "more"), "as plaintiff never met and conferred under Local Rule 7-3.2",
             "Opp’n 2 at 1. The Court DENIES the motion to exclude",
             "any testimony, evidence, or argument that Plock may offer at trial regarding any",
             "As the Court noted in its June 25, 2018 order, the viability of plaintiff’s",
             "intermediate copying theory remains undetermined. Dkt. 256 at 23.", "2",
             "As noted supra, the Court declines to deny the motion for failure to",
             "comply with L.R. 7-3.", "1"]
    text = "\f".join(["\n".join(prose(12, "first")), "\n".join(page2),
                      "\n".join(["comparison, similarity, or dissimilarity of the elements.",
                                 *prose(10, "third")])])
    state = run_through(text, "note_zones")
    assert _notes(state) == [
        ("1", "As the Court noted in its June 25, 2018 order, the viability of plaintiff’s "
              "intermediate copying theory remains undetermined. Dkt. 256 at 23."),
        ("2", "As noted supra, the Court declines to deny the motion for failure to comply "
              "with L.R. 7-3.")]
    assert visible(state.pages[1].lines)[-1].endswith("regarding any")


def test_a_note_interleaved_with_pleading_line_numbers_set_in_from_the_edge():
    """`-layout` text with a side label left of the margin numbers: once the numbers go, the
    label on line 27 opens the note, whose last line shares line 28."""
    rows = []
    for n in range(1, 29):
        text = {14: "     By letter briefs,1 defendant seeks an order quashing a subpoena.",
                26: "", 27: "     1",
                28: "2005. Defendant filed a reply letter on August 10, 2005."}.get(
                    n, f"This is line {n} of the order, which the court wrote here.")
        if n == 5:
            rows.append("United States District Court")
        rows.append(f"{' ' * 60}{n:>2}   {text}".rstrip())
        if n == 27:
            rows.append(" " * 67 + "Defendant’s letter brief dated July 14, 2005. Plaintiffs’")
    state = run_through("\n".join(rows), "note_zones")
    assert _notes(state) == [("1", "Defendant’s letter brief dated July 14, 2005. Plaintiffs’ "
                                   "2005. Defendant filed a reply letter on August 10, 2005.")]


def test_a_heading_between_the_rule_and_the_first_label_is_the_zones_own():
    """A text export's `--------` / `Notes:` before the notes: the notes are found below the
    rule, and a numbered heading in the body (`1. The court did not err`) stays body text."""
    page = ["The Chancellor, Thomas M. Apple,1 in his official capacity, and the Board.", "",
            *prose(6), "", "1. The circuit court did not err by concluding the plan complied.",
            "", *prose(4, "more"), "", "--------", "", "Notes:", "",
            "1 During the pendency of this case, Apple succeeded Hinshaw."]
    state = run_through("\n".join(page), "note_zones")
    assert _notes(state) == [("1", "During the pendency of this case, Apple succeeded Hinshaw.")]
    assert "1. The circuit court did not err by concluding the plan complied." in \
        visible(state.pages[0].lines)
    assert ("note-heading", "Notes:") in [(r.kind, r.text) for r in state.report.removed]


# ---------------------------------------------------------------- smaller type in text

def _wide(n: int, word: str = "note") -> list[str]:
    """n lines a fifth longer than `prose` lines: smaller type fits more on a line."""
    return [f"This is line {i} of the {word}, set in smaller type, so that it holds more of "
            "the words." for i in range(1, n + 1)]


def test_plain_text_a_zone_in_smaller_type_holds_longer_lines():
    """Plain pdftotext: no gap, no rule, a separate-token call; the zone's lines are longer
    than the document's usual line, as smaller type makes them."""
    page1 = [*prose(12), "were assessed at one of three levels for each of the tax years. 1",
             *prose(6, "more"), "1 Although there were only two kinds of townhouses, the "
             "assessments were made", *_wide(3)]
    page2 = prose(20, "second")
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]
    assert _notes(state)[0][1].startswith("Although there were only two kinds")
    assert len(state.pages[0].lines) == 19


def test_plain_text_lines_of_the_usual_width_are_no_zone_for_a_weak_call():
    page1 = [*prose(12), "were assessed at one of three levels for each of the tax years. 1",
             *prose(6, "more"), "1 Although there were only two kinds of townhouses here.",
             *prose(3, "end")]
    state = run_through("\n".join(page1) + "\f" + "\n".join(prose(20, "second")), "note_zones")
    assert state.notes == []


def test_a_word_that_ends_its_sentence_does_not_make_the_number_a_reference():
    """`years. 1`: the full stop closes the sentence; `No. 1`, `page 1` stay references."""
    for call, found in (("for each of the tax years. 1", ["1"]), ("see case No. 1", []),
                        ("as shown on page 1", [])):
        page = prose(8) + [f"{call} and the text goes on.", *prose(3, "more"), "", "", "",
                           "1 The note."]
        state = run_through("\n".join(page), "note_zones")
        assert [m for m, _ in _notes(state)] == found, call


def test_numbering_restarts_at_one_with_separate_token_calls_when_a_run_follows():
    """A dissent restarts its notes at 1; its calls are separate tokens.  The run `1`, `2`
    in a zone set apart, with both calls above, shows the restart."""
    page1 = [*prose(8), "the majority's rule.1 And more of the body text here.", "", "", "",
             "1 The majority's only note."]
    page2 = [*prose(8, "dissent"), "custody disputes are equitable in nature. 1 There is",
             "an extensive framework for such disputes. 2 However, the court", "", "", "",
             "1 See Bowie v. Arder, 441 Mich 23 (1992).", "2 Van v. Zahorik, 460 Mich 320."]
    middle = "\n".join(prose(14, "middle"))
    state = run_through("\f".join(["\n".join(page1), middle, "\n".join(page2)]), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1", "1", "2"]
    page2[-1] = "Van v. Zahorik, 460 Mich 320."  # no run: one weak `1` is no restart
    state = run_through("\f".join(["\n".join(page1), middle, "\n".join(page2)]), "note_zones")
    assert [m for m, _ in _notes(state)] == ["1"]

def test_a_label_alone_closing_the_page_opens_no_empty_note():
    """Plain pdftotext may leave a note's label alone as the page's last line with its text
    elsewhere; with no block set apart above it, it is no note (it stays text), never a
    note with no words."""
    page1 = prose(20) + ["as the court held.1 And more text follows on this line.",
                         *prose(3, "rest"), "1"]
    later = ["\n".join(prose(20, word)) for word in ("beta", "gamma")]
    state = run_through("\f".join(["\n".join(page1), *later]), "note_zones")
    assert all(n.lines for n in state.notes)
    assert visible(state.pages[0].lines)[-1] == "1"


def test_a_call_set_on_a_line_of_its_own_after_a_block_quote():
    """pdftotext may set a raised call below its line: a line holding only the expected
    number, after a line ending a word or a sentence, is a separate-token call; linked, it
    joins the line it belongs to."""
    page = [*prose(8), "        the conviction must be reversed and a new trial ordered.",
            "        1", "", "", "",
            "Furthermore, an appellate court grants a new trial only rarely.",
            *prose(4, "more"), "", "", "", "1 State v. Martin (1983), 20 Ohio App.3d 172."]
    state = run_through("\n".join(page), "note_calls")
    assert _notes(state) == [("1", "State v. Martin (1983), 20 Ohio App.3d 172.")]
    texts = visible(state.pages[0].lines)
    assert state.pages[0].lines[8].text.endswith("trial ordered." + marks.call(0))
    assert "1" not in texts
    del page[9]  # no call at all: no note
    state = run_through("\n".join(page), "note_zones")
    assert state.notes == []


def test_a_note_that_ended_a_sentence_does_not_run_on_over_a_gap():
    """Text after a wide gap above the next label is the body, not the last note running
    on, when that note ended a sentence on the page before."""
    page1 = [*prose(10), "as the statute provides.1 And more of the body text goes on.",
             "", "", "", "1 R.C. 2941.145(A)."]
    page2 = [*prose(6, "second"), "a new trial ordered. 2", "", "", "",
             "Furthermore, an appellate court grants a new trial only rarely.",
             *prose(2, "more"), "", "", "", "2 State v. Martin."]
    state = run_through("\n".join(page1) + "\f" + "\n".join(page2), "note_zones")
    assert _notes(state) == [("1", "R.C. 2941.145(A)."), ("2", "State v. Martin.")]
    assert "Furthermore, an appellate court grants a new trial only rarely." in \
        visible(state.pages[1].lines)


def test_plain_text_the_last_block_of_a_page_after_its_only_blank_line():
    """Plain pdftotext runs a block's lines on and sets blocks apart by one blank line: a
    one-line note with a separate-token call, the page's last block, low on the page."""
    page = [*prose(14), "since sufficiency and weight are two distinct legal concepts, 1 we",
            *prose(4, "more"), "", "1 State v. Thompkins (1977), 78 Ohio St.3d 380."]
    state = run_through("\n".join(page) + "\f" + "\n".join(prose(20, "next")), "note_zones")
    assert _notes(state) == [("1", "State v. Thompkins (1977), 78 Ohio St.3d 380.")]
    page[-1:] = ["1 State v. Thompkins (1977), 78 Ohio St.3d 380.", "", "The body goes on."]
    state = run_through("\n".join(page) + "\f" + "\n".join(prose(20, "next")), "note_zones")
    assert state.notes == []  # another block follows it: not the page's foot
