"""Nothing lost, nothing invented: compare the words of an input with the words of its AKN.

Words are compared as a multiset after the same normalisation on both sides: NFKC (so `¹`
is `1`), line-end hyphenation undone, hyphens inside words dropped (so `sub-` + `agencies`,
`subagencies` and `Mejia-Mejia` compare alike), then runs of letters and digits.  The input
side loses exactly what the reader reported removing (furniture, note labels); the AKN side
gains each note's marker once (it stands for the call the reader turned into a note).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree

from .akn.names import NS

# Each pattern opens with what it looks for ("-", a digit) and looks behind from there
# (`-(?<=\w-)`, not `(?<=\w)-`): a pattern that opens with a look-behind is tried at every
# character, 3-10x slower.
_WORD = re.compile(r"\w+")
_SOFT_BREAK = re.compile(r"-(?<=\w-)[ \t]*\n\s*(?=\w)")
_INNER_HYPHEN = re.compile(r"-(?<=\w-)(?=\w)")
_LETTER_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")  # `Complaint5`: a glued note call


def words(text: str) -> Counter:
    text = unicodedata.normalize("NFKC", text)
    text = _SOFT_BREAK.sub("", text)
    text = _INNER_HYPHEN.sub("", text)
    text = _LETTER_DIGIT.sub(r" \g<0>", text)
    text = text.replace("*", " ").replace("_", " ")  # Markdown emphasis: not part of a word
    return Counter(map(str.lower, _WORD.findall(text)))


def source_words(text: str, removed) -> Counter:
    """Words of the input less what the reader reports as removed."""
    counts = words(text)
    # All removed texts at once; NUL keeps each apart (it is no word character or white space,
    # so no hyphen join, glued call or composed character crosses it).
    counts.subtract(words("\0".join(item.text for item in removed)))
    return +counts


_EOP = "{%s}eop" % NS["akn"]


def _text(el: etree._Element) -> str:
    """Element text with a space at element boundaries (a note's text is not glued to the word
    it follows), except at `eop`, which may split a word (`18-` / `cv-0428`)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == _EOP:
            parts.append(child.tail or "")
        elif isinstance(child.tag, str):
            parts += [" ", _text(child), " ", child.tail or ""]
    return "".join(parts)


def akn_words(tree: etree._ElementTree | etree._Element) -> Counter:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    texts = [_text(part) for part in
             root.xpath("//akn:header | //akn:judgmentBody | //akn:conclusions", namespaces=NS)]
    texts += [str(marker) for marker in root.xpath("//akn:authorialNote/@marker", namespaces=NS)]
    return words("\0".join(texts))  # NUL keeps the parts apart, as in `source_words`


def compare(text: str, removed, tree) -> tuple[Counter, Counter, float]:
    """(lost, invented, coverage) — coverage is the share of input words found in the AKN."""
    src, out = source_words(text, removed), akn_words(tree)
    lost, invented = src - out, out - src
    total = sum(src.values()) or 1
    return lost, invented, 1 - sum(lost.values()) / total


# A lost word sharing this many leading or trailing characters with an invented one is the
# same word cut or joined differently (`consumma-` + a running head + `tion`, a pinpoint
# `1103-26` read as `1103` and `26`): a difference of segmentation, not of content.
_SHARED_EDGE = 4


def unexplained(lost: Counter, invented: Counter) -> Counter:
    """The lost words a re-joined or re-split word does not account for.  A reader that joins
    a word split across lines or pages (`ex-` / `cess`) loses both halves and invents the
    whole; a lost word that begins or ends an invented one, or shares `_SHARED_EDGE`
    characters with its start or end, is not counted."""
    if not lost:
        return lost
    joined = [w for w in invented if len(w) > 1]
    heads = {w[:_SHARED_EDGE] for w in joined if len(w) >= _SHARED_EDGE}
    tails = {w[-_SHARED_EDGE:] for w in joined if len(w) >= _SHARED_EDGE}
    out = Counter()
    for word, n in lost.items():
        if len(word) >= _SHARED_EDGE and (word[:_SHARED_EDGE] in heads
                                          or word[-_SHARED_EDGE:] in tails):
            continue
        if not any(j != word and (j.startswith(word) or j.endswith(word)) for j in joined):
            out[word] = n
    return out
