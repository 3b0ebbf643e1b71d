"""Joining the lines of a paragraph into running text, repairing end-of-line hyphenation.

A hyphen at a line's end is either the printer's (`sub-` / `agencies`) or part of the word
(`Mejia-` / `Mejia`, `out-of-` / `Circuit`).  The document's own vocabulary decides where it
can: if the joined word occurs elsewhere in the document the hyphen was soft; if the hyphenated
form does, it was real.  Otherwise a hyphen before a lower-case letter is taken as soft.
"""

from __future__ import annotations

import re

from . import marks

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_TRAILING_WORD = re.compile(r"([^\W\d_][\w'’-]*)-$")
_LEADING_WORD = re.compile(r"^([^\W\d_][\w'’]*)")


class Vocabulary:
    def __init__(self, text: str):
        self.words = {w.lower() for w in _WORD_RE.findall(text)}

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        out = _join(out, line, vocab)
    return re.sub(r"[ \t]{2,}", _keep_sentence_spacing, out)


def _keep_sentence_spacing(m: re.Match) -> str:
    # Typewriter double spaces after sentences carry no meaning in XML; runs collapse to one.
    return " "


def _join(left: str, right: str, vocab: Vocabulary) -> str:
    visible_left = marks.visible(left)
    if visible_left.endswith("-") and len(visible_left) > 1 and visible_left[-2].isalnum():
        m_left = _TRAILING_WORD.search(visible_left)
        m_right = _LEADING_WORD.match(marks.visible(right))
        if m_left and m_right and visible_left[-2].isalpha():
            head, tail = m_left.group(1), m_right.group(1)
            if _soft_hyphen(head, tail, vocab):
                return left[:-1] + right
        return left + right  # a real hyphen: keep it, no space
    if visible_left.endswith(("—", "–")) or marks.visible(right).startswith(("—", "–")):
        return left + right
    return left + " " + right


def _soft_hyphen(head: str, tail: str, vocab: Vocabulary) -> bool:
    if "-" in head or not tail[:1].islower():
        return False  # out-of-Circuit, Mejia-Mejia
    if (head + tail) in vocab:
        return True
    if f"{head}-{tail}" in vocab:
        return False
    return True
