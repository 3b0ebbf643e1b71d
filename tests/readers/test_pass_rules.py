"""Pass `rules`: decorative rules are removed and reported; prose dashes stay."""

from passkit import prose, run_through, visible


def test_rules_go_dashes_in_prose_stay():
    text = "\n".join(prose(2) + ["* * *", "_______", "a dash -- in prose stays here."] + prose(2))
    state = run_through(text, "rules")
    texts = visible(state.lines)
    assert "* * *" not in texts and "_______" not in texts
    assert "a dash -- in prose stays here." in texts
    assert [r.kind for r in state.report.removed] == ["rule", "rule"]
