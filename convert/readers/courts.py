"""Which court: its CourtListener / courts-db id and name, from the caption's court lines.

When the caption names only a generic court ("UNITED STATES DISTRICT COURT", the district
lost in extraction), the opinion's own citations decide if one district dominates them: a
district court cites its own district far more than any other.  That inference is reported.

Finding the id is courts-db's `find_court`, made fast.  courts-db compiles all of its
~7,200 court regexes (about 1 s) in every process that asks it anything.  `find_court` here
runs the same search over the same regexes with the same rules, but compiles only the few
regexes whose required literal words all occur in the court line.  Which words each regex
requires is worked out once per courts-db version (and Python version, whose regex parser it
uses) and cached under the user's cache directory; without a writable cache it is worked out
in memory.  tests/readers/test_courts_index.py checks the results equal courts-db's own.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path

GENERIC = {"usdistct", "usbankct"}

# Bump when the cached index's layout or the way words are extracted changes.
INDEX_FORMAT = 3
# Required words shorter than this cost a substring test and rarely rule a regex out.
MIN_WORD = 3
# The longest few required words of a regex rule out nearly every non-matching one; more
# only make the cache bigger.
WORDS_PER_REGEX = 3
# courts-db's fields we keep for each court (what resolve and find_court read).
# Longest match length we record; regex widths beyond it (unbounded repeats) are "any".
UNBOUNDED = 1 << 20
COURT_FIELDS = ("id", "name", "type", "location", "parent", "citation_string", "system")

_BUILD_LOCK = threading.Lock()


# ---------------------------------------------------------------- the cached index


def _courts_db_key() -> str:
    """courts-db's version (from its dist-info, as importlib.metadata would say, without
    the 70 ms that costs) and the size of its data, plus our format and Python's version."""
    import importlib.util

    spec = importlib.util.find_spec("courts_db")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("courts_db")
    package = Path(spec.origin).parent
    dists = sorted(p.name for p in package.parent.glob("courts_db-*.dist-info"))
    version = dists[-1].removeprefix("courts_db-").removesuffix(".dist-info") if dists else "0"
    size = (package / "data" / "courts.json").stat().st_size
    return (f"courts-db-{version}-{size}-py{sys.version_info[0]}.{sys.version_info[1]}"
            f"-f{INDEX_FORMAT}")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "akn-convert"


def _requirements(pattern: str) -> tuple:
    """What any match of `pattern` needs, for `_candidates` to rule the regex out without
    compiling it.  courts-db keeps only matches spanning the whole court line, so the line's
    length must lie in the pattern's width range, its first and last characters must be ones
    the pattern can start and end with, and it must contain the lower-case ASCII words every
    match contains (runs of literal characters in the always-taken parts: not inside
    alternatives or optional repeats).  Leaving a word out, widening the range or a
    character set (None: any character) is always safe: it only makes the regex a candidate
    more often.  Returns (shortest, longest, first chars, last chars, words)."""
    from re import _parser  # the stdlib's own regex parser

    try:
        tree = _parser.parse(pattern, re.I | re.U)
        low, high = tree.getwidth()
        words = _words(tree)
        first, _ = _edge(list(tree), last=False)
        last, _ = _edge(list(tree), last=True)
    except Exception:  # a construct these walks do not know: the regex is always a candidate
        return 0, UNBOUNDED, None, None, ()
    long_enough = sorted({w for w in words if len(w) >= MIN_WORD}, key=lambda w: (-len(w), w))
    as_text = lambda chars: None if chars is None else "".join(sorted(chars))  # noqa: E731
    return (low, min(high, UNBOUNDED), as_text(first), as_text(last),
            tuple(long_enough[:WORDS_PER_REGEX]))


def _words(items) -> list[str]:
    from re import _constants as c

    words: list[str] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        words.append("".join(run))
        run = []
        if op is c.SUBPATTERN:
            words += _words(av[-1])
        elif op in _REPEATS() and av[0] >= 1:
            words += _words(av[2])
    words.append("".join(run))
    return words


def _REPEATS() -> tuple:
    from re import _constants as c

    return (c.MAX_REPEAT, c.MIN_REPEAT) + ((c.POSSESSIVE_REPEAT,)
                                           if hasattr(c, "POSSESSIVE_REPEAT") else ())


def _edge(items, last: bool) -> tuple[set | None, bool]:
    """The lower-case characters a match of `items` can start (or end) with, None for any,
    and whether it can be empty."""
    found: set[str] = set()
    for op, av in (reversed(items) if last else items):
        chars, empty = _edge_item(op, av, last)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _edge_item(op, av, last: bool) -> tuple[set | None, bool]:
    from re import _constants as c

    if op is c.LITERAL:
        # A non-ASCII literal may equal an ASCII letter case-insensitively (Kelvin sign, k).
        return ({chr(av).lower()} if av < 128 else None), False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL and value < 128:
                chars.add(chr(value).lower())
            elif kind is c.RANGE and value[1] < 128:
                chars |= {chr(v).lower() for v in range(value[0], value[1] + 1)}
            elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                chars |= set(" \t\n\r\f\v")
            else:  # negation, other classes, non-ASCII: anything
                return None, False
        return chars, False
    if op is c.BRANCH:
        chars, empty = set(), False
        for alternative in av[1]:
            alt_chars, alt_empty = _edge(list(alternative), last)
            if alt_chars is None:
                return None, False
            chars |= alt_chars
            empty = empty or alt_empty
        return chars, empty
    if op is c.SUBPATTERN:
        return _edge(list(av[-1]), last)
    if op in _REPEATS():
        chars, empty = _edge(list(av[2]), last)
        return chars, empty or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: anchors and lookarounds
        return set(), True
    return None, False  # anything else (., backreferences, ...): any character


def _build_index(key: str) -> dict:
    from courts_db.utils import load_courts_db

    courts = load_courts_db()
    regexes = []
    for court in courts:  # courts-db's own order (gather_regexes)
        for pattern in court["regex"] + [court["name"]]:
            pattern = pattern.replace("\\\\", "\\")  # as gather_regexes unwinds them
            regexes.append([pattern, court["id"], court.get("parent"), *_requirements(pattern)])
    kept = [{f: court.get(f) for f in COURT_FIELDS} for court in courts]
    return {"key": key, "regexes": regexes, "courts": kept}


def _pack(index: dict) -> bytes:
    """The index as marshal data (keyed by Python version, so marshal's format holds):
    tuples, not dicts, load in about half the time of JSON."""
    courts = [tuple(c[f] for f in COURT_FIELDS) for c in index["courts"]]
    regexes = [tuple(r) for r in index["regexes"]]
    return marshal.dumps((index["key"], regexes, courts))


def _unpack(data: bytes) -> dict:
    key, regexes, courts = marshal.loads(data)
    return {"key": key, "regexes": regexes,
            "courts": [dict(zip(COURT_FIELDS, c)) for c in courts]}


def _write_cache(path: Path, index: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_pack(index))
        os.replace(tmp, path)  # two processes building at once: either file is whole
    except OSError:  # no writable cache (read-only home): work from memory
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


@lru_cache(maxsize=1)
def _index() -> dict:
    key = _courts_db_key()
    path = cache_dir() / f"{key}.marshal"
    try:
        index = _unpack(path.read_bytes())
        if index["key"] == key:
            return index
    except (OSError, ValueError, EOFError, TypeError, KeyError):  # absent, or not ours: rebuild
        pass
    with _BUILD_LOCK:
        index = _build_index(key)
        _write_cache(path, index)
    return index


@lru_cache(maxsize=1)
def _courts() -> dict[str, dict]:
    return {c["id"]: c for c in _index()["courts"]}


@lru_cache(maxsize=1)
def _names() -> dict[str, list[tuple[str, str | None]]]:
    """A court's normalised name -> its (id, parent) pairs, in courts-db's order."""
    names: dict[str, list] = {}
    for court in _index()["courts"]:
        names.setdefault(_strip_punc(court["name"].lower()), []).append(
            (court["id"], court.get("parent")))
    return names


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I | re.U)


# ---------------------------------------------------------------- courts-db's find_court

_WHITESPACE_RUN = re.compile(r"\s{2,}")


def _strip_punc(text: str) -> str:
    """courts_db.text_utils.strip_punc: whitespace runs to one space, ends trimmed."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


def _candidates(text: str) -> list[list]:
    regexes = _index()["regexes"]
    if any(ch.isalpha() and not ch.isascii() for ch in text):
        # A non-ASCII letter may match an ASCII one case-insensitively (the Kelvin sign
        # matches k, dotless i matches i): no word test, every regex is tried.
        return regexes
    if not text:
        return regexes
    low, size = text.lower(), len(text)
    first, last = low[0], low[-1]
    return [r for r in regexes if r[3] <= size <= r[4]
            and (r[5] is None or first in r[5]) and (r[6] is None or last in r[6])
            and all(w in low for w in r[7])]


def find_court(court_str: str) -> list[str]:
    """`courts_db.find_court(court_str)` with its default options: the ids of the courts
    whose regexes match the whole string, most specific first reduced as courts-db does."""
    text = _strip_punc(court_str)
    courts = _courts()
    matches: list[tuple[str, str, str | None]] = []
    for pattern, cid, parent, *_ in _candidates(text):
        match = _compiled(pattern).search(text)
        if match and match.end() - match.start() == len(text):
            matches.append((match.group(0), cid, parent))
    if not matches:  # courts-db's fallback: the court's name itself
        for cid, parent in _names().get(_strip_punc(text.lower()), []):
            matches.append((text, cid, parent))
    matches = list(set(matches))
    if len(matches) > 1:  # reduce_court_list: drop courts that are another match's parent
        parent_ids = {parent for _, _, parent in matches}
        matches = [m for m in matches if m[1] not in parent_ids]
    strings = [m[0] for m in matches]
    found = set()
    for s in strings:  # keep the matches no other matched string contains
        if not [s for other in strings if s in other and s != other]:
            found.update(m[1] for m in matches if m[0] == s)
    ids = list(found)
    if len(ids) > 1:  # _filter_parents_from_list
        parents = [courts[i].get("parent") for i in ids if courts[i].get("parent") in ids]
        if parents:
            ids = list(set(ids) ^ set(parents))
    return ids


@lru_cache(maxsize=256)
def _find(text: str) -> tuple[str, ...]:
    return tuple(sorted(find_court(text)))


def _pick(ids: tuple[str, ...], text: str) -> str | None:
    if not ids:
        return None
    if "bankruptcy" not in text.lower():
        ids = tuple(i for i in ids if "bankr" not in (_courts()[i].get("name") or "").lower()
                    and not i.endswith("b")) or ids
    return ids[0] if len(ids) == 1 else None


@lru_cache(maxsize=1)
def _federal_district_citations() -> dict[str, str]:
    """Citation string ("S.D.N.Y.") -> id of each federal district court."""
    return {c["citation_string"]: cid for cid, c in _courts().items()
            if c.get("type") in ("trial", "appellate") and c.get("system") == "federal"
            and re.match(r"^[A-Z]\.[A-Z. ]*\w\.$", c.get("citation_string") or "")
            and cid.endswith("d") and len(cid) <= 4}


def _from_citations(body: str) -> str | None:
    by_cite = _federal_district_citations()
    found = Counter()
    # A bankruptcy court is a unit of its district court (28 U.S.C. § 151): "(Bankr. S.D.N.Y.
    # 2006)" names the district as "(S.D.N.Y. 2006)" does -- what a bankruptcy appeal cites.
    for m in re.finditer(r"\((?:Bankr\.\s+)?(\w\.\s?(?:[A-Z][a-z]*\.\s?)+)(?:\s|\d)", body):
        cite = m.group(1).strip()
        if cite in by_cite:
            found[by_cite[cite]] += 1
    if not found:
        return None
    (best, n), total = found.most_common(1)[0], sum(found.values())
    return best if n >= 3 and n * 2 > total else None


def resolve(court_text: str, body: str = "") -> tuple[str | None, str | None, bool]:
    """(court id, court name, inferred?) for the caption's court lines."""
    text = " ".join(court_text.split())
    if not text:
        return None, None, False
    cid = _pick(_find(text), text)
    inferred = False
    if cid is None or cid in GENERIC:
        guess = _from_citations(body) if "district" in text.lower() else None
        if guess:
            cid, inferred = guess, True
    if cid is None:
        return None, text, False
    name = _courts()[cid].get("name") or text
    return cid, name, inferred
