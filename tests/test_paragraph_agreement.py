"""Paragraphs agree across the three forms of one PDF (the PDF itself, its `pdftotext -layout`
text, its plain `pdftotext` text), and no form cuts the text into lines: for every PDF of the
development corpus, end to end (skipped when ../shared/corpus is absent).

The paragraphs counted are the body's (`//akn:judgmentBody//akn:paragraph`).  Where a form
cannot meet a bound, the exception is listed below with its reason; the tests fail when a
new exception appears and when a listed one is met (delete its entry: the lists only
shrink).
"""

from __future__ import annotations

import pytest

from corpus_cache import parsed
from locations import CORPUS

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")]

FORMS = {"pdf": ".pdf", "layout": ".layout.txt", "raw": ".raw.txt"}
AKN = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

# The three counts agree when the largest is at most this many times the smallest...
MAX_RATIO = 1.5
# ...or at most this many paragraphs above it (a short order: a signature block or a list
# item read as a paragraph of its own in one form and not in another).
SLACK = 4
# No form averages fewer words a paragraph than this: a paragraph of an opinion runs to
# several sentences; reading each printed line as a paragraph gives 9-15 words.
MIN_WORDS = 25

_SCRAMBLED = ("plain pdftotext reorders this PDF's text: pieces of printed lines land lines "
              "or pages away from their sentence, and indentation is gone, so no paragraph "
              "evidence survives but a line ending a sentence")

# stem -> reason: the forms' counts disagree beyond the bounds.
DISAGREE = {
    "ca1_20-1507_calvary_chapel_v_mills": _SCRAMBLED,
    "ca2_08-6301_gildernew_v_quarantillo": _SCRAMBLED,
}
# (stem, form) -> reason: the form averages fewer than MIN_WORDS words a paragraph.
SHORT = {
    ("cafc_2009-1361_nelson_v_k2_rule36", "pdf"): (
        "a Rule 36 judgment: its body is a line or two ('AFFIRMED. See Fed. Cir. R. 36.')"),
    ("cafc_2009-1361_nelson_v_k2_rule36", "layout"): (
        "a Rule 36 judgment: its body is a line or two ('AFFIRMED. See Fed. Cir. R. 36.')"),
    ("cafc_2009-1361_nelson_v_k2_rule36", "raw"): (
        "a Rule 36 judgment: its body is a line or two ('AFFIRMED. See Fed. Cir. R. 36.')"),
}


def _stems() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name[: -len(".pdf")] for p in (CORPUS / "pdf").glob("*.pdf"))


def _figures(stem: str, form: str) -> tuple[int, float]:
    """(paragraphs, mean words a paragraph) of the body read from one form."""
    result, _ = parsed(CORPUS / "pdf" / f"{stem}{FORMS[form]}")
    paragraphs = result.tree.xpath("//akn:judgmentBody//akn:paragraph", namespaces=AKN)
    words = sum(len(" ".join(p.itertext()).split()) for p in paragraphs)
    return len(paragraphs), words / max(1, len(paragraphs))


def _agree(counts: list[int]) -> bool:
    low, high = min(counts), max(counts)
    return high <= MAX_RATIO * low or high - low <= SLACK


@pytest.mark.parametrize("stem", _stems())
def test_forms_agree_on_the_paragraph_count(stem):
    counts = {form: _figures(stem, form)[0] for form in FORMS}
    if stem in DISAGREE:
        assert not _agree(list(counts.values())), \
            f"{stem} now agrees ({counts}): delete its DISAGREE entry"
    else:
        assert _agree(list(counts.values())), f"{stem}: paragraphs per form {counts}"


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("stem", _stems())
def test_no_form_reads_lines_as_paragraphs(stem, form):
    count, mean = _figures(stem, form)
    if (stem, form) in SHORT:
        assert mean < MIN_WORDS, f"{stem} {form} now averages {mean:.1f}: delete its SHORT entry"
    else:
        assert count and mean >= MIN_WORDS, f"{stem} {form}: {count} paragraphs of {mean:.1f} words"


def test_listed_exceptions_name_corpus_documents():
    stems = set(_stems())
    assert set(DISAGREE) <= stems and {s for s, _ in SHORT} <= stems
