"""The declared pass list: order, lookup by name, disable, insert, replace."""

import pytest

from convert.readers.passes import PassList, text_passes

from passkit import prose, state_of

TEXT_PASSES = ["furniture", "note_zones", "note_calls", "body_lines", "star_pages", "rules",
               "bare_marks", "parts", "end_notes", "blocks", "closing", "caption"]


def test_the_text_passes_are_one_declared_ordered_list():
    assert text_passes().names() == TEXT_PASSES


def test_every_call_gives_a_fresh_list():
    a = text_passes()
    a.disable("rules")
    assert text_passes().names(enabled_only=True) == TEXT_PASSES


def test_find_insert_replace_disable_by_name():
    seen = []
    passes = text_passes()
    passes.before("furniture", "first", lambda s: seen.append("first"))
    passes.after("caption", "last", lambda s: seen.append("last"))
    assert passes.names()[0] == "first" and passes.names()[-1] == "last"
    assert passes.find("note_zones") == 2
    passes.replace("blocks", lambda s: seen.append("blocks"))
    passes.disable("first")
    state = passes.run(state_of("\n".join(prose(5))))
    assert seen == ["blocks", "last"]
    assert state.doc.body == []  # the replaced pass did the body's work: none


def test_names_are_unique_and_known():
    passes = text_passes()
    with pytest.raises(ValueError):
        passes.push("rules", lambda s: None)
    with pytest.raises(KeyError):
        passes.disable("no-such-pass")


def test_run_until_stops_after_the_named_pass():
    seen = []
    passes = PassList().push("a", lambda s: seen.append("a")).push("b", lambda s: seen.append("b"))
    passes.run(object(), until="a")
    assert seen == ["a"]


def test_a_disabled_pass_leaves_its_work_undone():
    text = "\n".join(["Case 1:20-cv-1 Document 3 Filed 01/02/20 Page 1 of 2", *prose(6)])
    with_furniture = text_passes().run(state_of(text))
    without = text_passes().disable("furniture").run(state_of(text))
    assert any(r.kind == "stamp" for r in with_furniture.report.removed)
    assert not any(r.kind == "stamp" for r in without.report.removed)
