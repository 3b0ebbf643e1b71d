"""speed: the caches change eyecite's speed, not its answers."""

from __future__ import annotations

import pytest

from convert.citations import speed
from convert.citations.clean import clean
from convert.citations.segments import collect
from convert.pipeline import parse

from locations import CORPUS, SEED_000, SEED_004


def _cites(text, tokenizer):
    from eyecite import get_citations

    return [(type(c).__name__, c.matched_text(), c.span(), str(c.metadata))
            for c in get_citations(text, tokenizer=tokenizer)]


def _texts(path):
    return [clean(s.text).text for s in collect(parse(path, citations=False).tree)]


@pytest.mark.parametrize("path", [SEED_000, SEED_004,
                                  CORPUS / "text" / "scotus_fisher_v_ut_2013.txt",
                                  CORPUS / "pdf" / "tc_memo_2020-26_bordelon.layout.txt"],
                         ids=lambda p: p.stem)
def test_fast_tokenizer_finds_what_eyecite_finds(path):
    if not path.exists():
        pytest.skip(f"{path} is absent")
    speed.install()
    fast = speed.tokenizer()
    reference = _eyecite_in_list_order()
    for text in _texts(path):
        assert _cites(text, fast) == _cites(text, reference), text[:80]


def _eyecite_in_list_order():
    """eyecite's own Aho-Corasick tokenizer, its chosen extractors run in EXTRACTORS order.
    (As shipped it runs them in set order, which follows the hash seed: where two extractors
    match the same span, "81 T.C. at 828" is then a full or a short cite from run to run.)"""
    from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer

    rank = {id(e): k for k, e in enumerate(EXTRACTORS)}

    class Ranked(AhocorasickTokenizer):
        def get_extractors(self, text):
            return sorted(super().get_extractors(text), key=lambda e: rank[id(e)])

    return Ranked()


@pytest.mark.parametrize("paren", ["D.D.C.", "D.C. Cir.", "9th Cir.", "S.D.N.Y.", "N.D. Cal.",
                                   "Mass.", "Cal. Ct. App.", "Pa. Super.", "Tex. Crim. App.",
                                   "1st Cir.", "Fed. Cir.", "E.D. Va", "SC", "", "Nowhere"])
def test_court_lookup_matches_eyecite(paren):
    import importlib

    import eyecite.helpers

    original = importlib.reload(eyecite.helpers).get_court_by_paren  # eyecite's own loop
    try:
        assert speed.court_by_paren(paren) == original(paren)
    finally:
        speed._installed = False
        speed.install()



@pytest.mark.parametrize("path", [SEED_000, CORPUS / "text" / "scotus_fisher_v_ut_2013.txt"],
                         ids=lambda p: p.stem)
def test_without_reference_citations_only_those_go(path, monkeypatch):
    """`installed()` stops eyecite's search for "Name at 12" (ReferenceCitation), which `find`
    drops anyway; every other citation eyecite finds is unchanged, and eyecite's own search
    is back afterwards."""
    import eyecite.find

    if not path.exists():
        pytest.skip(f"{path} is absent")
    calls = []
    own = eyecite.find.extract_reference_citations

    def spy(citation, document):
        calls.append(citation)
        return own(citation, document)

    monkeypatch.setattr(eyecite.find, "extract_reference_citations", spy)
    speed.install()
    fast = speed.tokenizer()
    texts = _texts(path)
    full = [c for t in texts for c in _cites(t, fast)]
    searched = len(calls)
    with speed.installed():
        without = [c for t in texts for c in _cites(t, fast)]
    assert searched > 10 and len(calls) == searched  # none while installed
    assert eyecite.find.extract_reference_citations is spy  # eyecite's behaviour is back
    assert without == [c for c in full if c[0] != "ReferenceCitation"]


@pytest.mark.parametrize("text", [
    "Smith v. Jones, 123 S.W.2d 456, 460 (Tex. 1990); Doe v. Roe, 12 S. W. 2d 5 (Ark. 1929).",
    "Id. 12 S.W. (2d) 5; 41 SW2d 7, and 7 S.W.2d at 9.  Also 550 U.S. 544 (2007).",
    "(4 S. W. 2d 1) and 1999 SW 2d 3; 0123 S.W.2d 4; x12 S.W.2d 5.",
])
def test_fast_tokenizer_on_reporters_without_prefilter_strings(text):
    """reporters-db's regex variants of "S.W.2d" have no prefilter string: they run after a
    number followed by their first letter, and find what eyecite finds."""
    speed.install()
    assert _cites(text, speed.tokenizer()) == _cites(text, _eyecite_in_list_order())


@pytest.mark.parametrize("text", [
    "See State v. Jones, 2001-Ohio-1341, at ¶ 5.",  # the reporter inside the number's token
    "Jones, 93 Ohio St.3d 391, 400,2001-Ohio-1341.",  # and glued to the pin cite before it
    "See 12/550 U.S. 544; (550 U.S. 544) and x550 U.S. 544 and 550 U.S. 544, 550 U.S. 545.",
    "550 U.S. 544 at the very start, then 127 S. Ct. 1955 and 2019 WL 1234567, at *2.",
])
def test_fast_tokenizer_tries_where_a_citation_can_begin(text):
    """A reporter pattern is tried only on the separator before a volume within a number's
    token, not scanned over the text after it: the same citations as eyecite's own."""
    speed.install()
    assert _cites(text, speed.tokenizer()) == _cites(text, _eyecite_in_list_order())


def test_compiled_regex_stand_in_changes_nothing():
    """eyecite.helpers with its `regex` calls memoised finds what it finds with the module."""
    import eyecite.helpers
    import regex

    speed.install()
    fast = speed.tokenizer()
    texts = _texts(SEED_000)
    assert isinstance(eyecite.helpers.re, speed._CompiledRegex)
    memoised = [c for t in texts for c in _cites(t, fast)]
    eyecite.helpers.re = regex
    try:
        assert [c for t in texts for c in _cites(t, fast)] == memoised
    finally:
        eyecite.helpers.re = speed._CompiledRegex()
