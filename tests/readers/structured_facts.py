"""What two AKN judgments of the same opinion must agree on, and where they differ.

`facts(tree)` walks an AKN judgment in reading order and records its words (notes' text left
out), and at which word each footnote call, page break and block quote sits, in which
paragraph, in which writing.  `differences(a, b)` aligns the two word streams (difflib: the
sources differ in quote marks, dashes and spacing, not in words) and lists every writing,
note, page label or block quote of one that the other lacks at the same word.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from convert.akn.names import NS

AKN = "{%s}" % NS["akn"]


def _norm(word: str) -> str:
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", word)


@dataclass
class Facts:
    words: list[str] = field(default_factory=list)
    writings: list[str] = field(default_factory=list)  # class of each opinion hcontainer
    writing_of: list[int] = field(default_factory=list)  # word -> writing index (-1: header)
    notes: list[tuple[str, int, int]] = field(default_factory=list)  # marker, word, para
    pages: list[tuple[str, str, int]] = field(default_factory=list)  # number, series, word
    quotes: list[tuple[int, int]] = field(default_factory=list)  # first word, end word
    para_start: dict[int, int] = field(default_factory=dict)  # para id -> first word


def facts(tree) -> Facts:
    f = Facts()
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    judgment = root.find(AKN + "judgment")
    state = {"writing": -1, "para": -1, "paras": 0}

    def add_text(text: str | None):
        for w in (text or "").split():
            n = _norm(w)
            if n:
                f.words.append(n)
                f.writing_of.append(state["writing"])

    def walk(el):
        tag = el.tag[len(AKN):] if isinstance(el.tag, str) and el.tag.startswith(AKN) else None
        if tag in ("meta",):
            return
        if tag == "authorialNote":
            f.notes.append((el.get("marker"), len(f.words), state["para"]))
            return
        if tag == "eop":
            f.pages.append((el.get("number"), el.get("refersTo") or "", len(f.words)))
            return
        saved = dict(state)
        if tag == "hcontainer" and el.get("name") == "opinion":
            f.writings.append(el.get("class"))
            state["writing"] = len(f.writings) - 1
        if tag == "p" and not _in(el, "blockContainer"):
            state["paras"] += 1
            state["para"] = state["paras"]
            f.para_start[state["para"]] = len(f.words)
        start = len(f.words)
        add_text(el.text)
        for child in el:
            walk(child)
            add_text(child.tail)
        if tag == "blockContainer":
            f.quotes.append((start, len(f.words)))
        if tag == "hcontainer":
            state["writing"] = saved["writing"]

    walk(judgment)
    return f


def _in(el, name: str) -> bool:
    return any(a.tag == AKN + name for a in el.iterancestors())


def differences(a: Facts, b: Facts, a_name: str = "A", b_name: str = "B") -> list[str]:
    diffs: list[str] = []
    if a.writings != b.writings:
        diffs.append(f"writings: {a_name} {a.writings} vs {b_name} {b.writings}")
    matcher = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    to_b: dict[int, int] = {}
    for blk in matcher.get_matching_blocks():
        for k in range(blk.size):
            to_b[blk.a + k] = blk.b + k

    def where(i: int) -> int | None:
        """The word of b at a's word i (a position at the end maps to b's end)."""
        if i in to_b:
            return to_b[i]
        if i == len(a.words):
            return len(b.words)
        return None

    def ctx(words, i):
        return " ".join(words[max(0, i - 4):i]) + " ^ " + " ".join(words[i:i + 4])

    # Page labels: the same number, at the same word, series matching one to one.
    b_pages = {(n, w) for n, _s, w in b.pages}
    series_map: dict[str, set[str]] = {}
    for number, series, i in a.pages:
        j = where(i)
        if j is None or (number, j) not in b_pages:
            diffs.append(f"page {number} at '{ctx(a.words, i)}' ({a_name}) not at the same "
                         f"word in {b_name}")
            continue
        for n2, s2, w2 in b.pages:
            if (n2, w2) == (number, j):
                series_map.setdefault(series, set()).add(s2)
    mapped = {(n, where(i)) for n, _s, i in a.pages}
    for number, _series, j in b.pages:
        if (number, j) not in mapped:
            diffs.append(f"page {number} at '{ctx(b.words, j)}' ({b_name}) missing in {a_name}")
    for series, targets in series_map.items():
        if len(targets) > 1:
            diffs.append(f"{a_name} series {series or '(none)'} maps to several {b_name} series "
                         f"{sorted(targets)}")

    # Notes: same marker at the same word, in the same paragraph.
    b_notes = list(b.notes)
    for marker, i, para in a.notes:
        j = where(i)
        hit = next((n for n in b_notes if n[0] == marker and n[1] == j), None)
        if hit is None:
            diffs.append(f"note {marker} at '{ctx(a.words, i)}' ({a_name}) not at the same word "
                         f"in {b_name}")
            continue
        b_notes.remove(hit)
        if where(a.para_start.get(para, -1)) != b.para_start.get(hit[2]):
            diffs.append(f"note {marker} at '{ctx(a.words, i)}': its paragraph starts at a "
                         f"different word in {a_name} and {b_name}")
    for marker, j, _para in b_notes:
        diffs.append(f"note {marker} at '{ctx(b.words, j)}' ({b_name}) missing in {a_name}")

    # Block quotes: the same first and last word.
    b_quotes = set(b.quotes)
    a_quotes = {(where(s), where(e)) for s, e in a.quotes}
    for s, e in a.quotes:
        if (where(s), where(e)) not in b_quotes:
            diffs.append(f"block quote '{ctx(a.words, s)}' ({a_name}) not in {b_name}")
    for s, e in b.quotes:
        if (s, e) not in a_quotes:
            diffs.append(f"block quote '{ctx(b.words, s)}' ({b_name}) missing in {a_name}")
    return diffs
