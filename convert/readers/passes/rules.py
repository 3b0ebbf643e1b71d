"""Pass `rules`: decorative rules (`_____` around a docket, `* * *`) are layout, not text; they
are removed and reported.  A page break riding on a rule moves to the next line."""

from __future__ import annotations

import re

from .. import marks

NAME = "rules"

# Five underscores or em dashes, ten hyphens (shorter runs are dashes in prose), or three
# spaced asterisks.
_RULE_LINE = re.compile(r"^\s*(?:_{5,}|—{5,}|-{10,}|\*(?:\s*\*){2,})\s*$")


def run(state) -> None:
    kept = []
    for line in state.lines:
        if _RULE_LINE.match(marks.visible(line.text)):
            state.report.remove("rule", line.stripped, line.lineno, line.page)
            rest = line.text.replace(marks.visible(line.text).strip(), "").strip()
            if rest:
                line.text = rest
                kept.append(line)
            continue
        kept.append(line)
    state.lines = kept
