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
        self.words = set(map(str.lower, _WORD_RE.findall(text)))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


# Joining looks only at the end of the text joined so far: its trailing run of word characters
# (where the hyphenated word is) and its last visible character.  Keeping just that tail makes
# a paragraph's joining linear in its length (re-scanning the growing paragraph for each line
# took 56 s for one of 620 KB).  No word is this long; past it the tail is cut.
_MAX_TAIL = 256
_WORD_RUN = re.compile(r"[\w'’-]*")
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_TRAILING_TOKENS = re.compile(f"(?:{marks.TOKEN_PATTERN})*$")


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    parts: list[str] = []
    tail, last = "", ""  # visible end of the text so far: trailing word run, last character
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        visible = marks.visible(line)
        if parts:
            sep, soft = _joint(tail, last, visible, vocab)
            if soft:  # the printer's hyphen goes (not a sentinel standing after it)
                end = _TRAILING_TOKENS.search(parts[-1]).start()
                parts[-1] = parts[-1][:end - 1] + parts[-1][end:]
                tail = tail[:-1]
            if sep:
                parts.append(sep)
                tail = ""
        parts.append(line)
        tail, last = _advance(tail, last, visible)
    # Typewriter double spaces after sentences carry no meaning in XML; runs collapse to one.
    return _SPACE_RUN.sub(" ", "".join(parts))


def _advance(tail: str, last: str, added: str) -> tuple[str, str]:
    """The (tail, last character) after `added` is appended."""
    if not added:
        return tail, last
    # the trailing run of word characters: the leading run of the text reversed
    start = len(added) - _WORD_RUN.match(added[::-1]).end()
    tail = added[start:] if start > 0 else tail + added
    return tail[-_MAX_TAIL:], added[-1]


def _joint(tail: str, last: str, right: str, vocab: Vocabulary) -> tuple[str, bool]:
    """(separator, whether the left's final hyphen is soft) between text ending in `tail`
    (its trailing word run) and `last` (its last visible character) and the visible `right`."""
    if tail.endswith("-") and len(tail) > 1 and tail[-2].isalnum():
        m_left = _TRAILING_WORD.search(tail)
        m_right = _LEADING_WORD.match(right)
        if m_left and m_right and tail[-2].isalpha():
            head, rest = m_left.group(1), m_right.group(1)
            if _soft_hyphen(head, rest, vocab):
                return "", True
        return "", False  # a real hyphen: keep it, no space
    if last in ("—", "–") or right.startswith(("—", "–")):
        return "", False
    return " ", False


def _soft_hyphen(head: str, tail: str, vocab: Vocabulary) -> bool:
    if "-" in head or not tail[:1].islower():
        return False  # out-of-Circuit, Mejia-Mejia
    if (head + tail) in vocab:
        return True
    if f"{head}-{tail}" in vocab:
        return False
    return True
