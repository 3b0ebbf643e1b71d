"""Clean text before eyecite reads it, keeping a map back to the source.

In: the text of one segment (see `segments`).  Out: `Cleaned(text, source)` where
`source[i]` is the offset in the segment text of cleaned character i (and `source[len]` the
end), so a span eyecite finds maps back to exactly the characters it covers in the document.

The steps, in order (`STEPS`); each takes and returns (text, offsets):
- `emphasis`: Markdown emphasis markers (`*Twombly*`, `_Id._`) are dropped;
- `whitespace`: every run of white space (newlines, no-break spaces) becomes one space;
- `dashes`: an en dash, em dash or minus between digits becomes "-": eyecite 2.7.8 reads
  "392, 400–01 (D.D.C. 2018)" as text after the citation, not as a pin cite, and then takes
  the court and year from a later parenthetical;
- `apostrophes`: a curly apostrophe inside a reporter (`F. App’x`) becomes "'";
- `parenthesised_id`: "(Id. at 16.)", common in district-court orders, opens with a
  parenthesis eyecite's id. pattern does not allow (it wants a space before "Id."): the
  parenthesis becomes a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMPHASIS = re.compile(r"(?<![\w*_\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*_])")
_SPACE = re.compile(r"[^\S ]\s*| \s+")  # white space other than one plain space
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH = re.compile(f"(?<=\\d)[{_DASHES}](?=\\d)")
_PAREN_ID = re.compile(r"\((?=(?:[Ii]d|[Ii]bid)\.)")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[\u2019\u02bc](?=[a-z])")


@dataclass
class Cleaned:
    text: str
    source: list[int]  # cleaned offset -> source offset; one extra entry for the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of cleaned span [start, end): from the first to the last character."""
        return self.source[start], self.source[end - 1] + 1 if end > start else self.source[start]


def _rewrite(text: str, offsets: list[int], pattern: re.Pattern, replace) -> tuple[str, list[int]]:
    """Apply `replace(match) -> [(keep_from, keep_to) | str]` pieces for each match."""
    if not pattern.search(text):
        return text, offsets
    out: list[str] = []
    new: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last:m.start()])
        new.extend(offsets[last:m.start()])
        for piece in replace(m):
            if isinstance(piece, tuple):
                a, b = piece
                out.append(text[a:b])
                new.extend(offsets[a:b])
            else:  # replacement text standing for the match's first character
                out.append(piece)
                new.extend([offsets[m.start()]] * len(piece))
        last = m.end()
    out.append(text[last:])
    new.extend(offsets[last:])
    return "".join(out), new


def emphasis(text, offsets):
    if "*" not in text and "_" not in text:
        return text, offsets
    return _rewrite(text, offsets, _EMPHASIS, lambda m: [(m.start(2), m.end(2))])


def whitespace(text, offsets):
    return _rewrite(text, offsets, _SPACE, lambda m: [" "])


def dashes(text, offsets):
    if not any(dash in text for dash in _DASHES):
        return text, offsets
    return _DASH.sub("-", text), offsets  # one character for one: offsets unchanged


def apostrophes(text, offsets):
    if "\u2019" not in text and "\u02bc" not in text:
        return text, offsets
    return _APOSTROPHE.sub("'", text), offsets


def parenthesised_id(text, offsets):
    if "(I" not in text and "(i" not in text:
        return text, offsets
    return _PAREN_ID.sub(" ", text), offsets


STEPS = (emphasis, whitespace, dashes, apostrophes, parenthesised_id)


def clean(text: str, steps=STEPS) -> Cleaned:
    end = len(text)
    offsets = list(range(end))
    for step in steps:
        text, offsets = step(text, offsets)
    return Cleaned(text, offsets + [end])
