"""Issue 8, acceptance 1 and 2, on the development corpus (skipped when ../shared/corpus is
absent).  The figures come from `make eval`'s scorer (tools/evaluation) run once per session
over every input; the expectations come from labels.json and from the lists below.

Where the readers do not yet meet a threshold, the shortfall is listed with the value measured
when it was listed and the reason.  The tests fail when a new shortfall appears, when a listed
one is fixed (delete its entry: the lists only shrink), and when a listed value gets worse.
Thresholds are never loosened here.
"""

from __future__ import annotations

import pytest

from corpus_cache import parsed
from locations import CORPUS

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")]

# Issue 8, acceptance 1 (restated here, not imported from the harness).
RECALL = PRECISION = 0.98
COVERAGE = 0.995

_NOTE_ON_IMAGE = ("note 1 stands on page 1, which has no text layer (an image): no reader "
                  "can find it without OCR")

# (document, form, metric) -> (value measured when listed, reason).  Metrics:
# notes_recall / notes_precision (ratio), page_breaks (eop count; labelled count is the goal),
# page_numbers (printed numbers found, in order), coverage (word coverage), converts.
SHORTFALLS = {
    ("nd_1988_olson_v_fraase", "vendor", "page_numbers"): (
        14, "labels.json counts the vendor's stray 'Page 1' after the dissent's notes (after "
            "page 834) as a printed number; the reader keeps that break unnumbered"),
    ("nysd_12-cv-5708_doc11", "pdf", "notes_recall"): (0.875, _NOTE_ON_IMAGE),
    ("nysd_12-cv-5708_doc11", "layout", "notes_recall"): (0.875, _NOTE_ON_IMAGE),
    ("nysd_12-cv-5708_doc11", "raw", "notes_recall"): (0.875, _NOTE_ON_IMAGE),
}

# Documents whose PDF, -layout text and plain text disagree on notes or page breaks
# (acceptance 2), with the reason.  Same rule: the list only shrinks.
DISAGREEMENTS: dict[str, str] = {}

_HIGHER_IS_BETTER = {"notes_recall", "notes_precision", "page_numbers", "coverage"}
_EPSILON = 1e-4  # values are listed to four decimals


@pytest.fixture(scope="session")
def evaluation():
    import evaluate

    return evaluate.run(CORPUS, parse=parsed)


def shortfalls(rows) -> dict[tuple[str, str, str], float]:
    out = {}
    for r in rows:
        if r.skipped or not r.labelled:
            continue
        key = (r.stem, r.form)
        if r.error:
            out[(*key, "converts")] = 0
            continue
        if r.recall is not None and r.recall < RECALL:
            out[(*key, "notes_recall")] = r.recall
        if r.precision is not None and r.precision < PRECISION:
            out[(*key, "notes_precision")] = r.precision
        if r.breaks_expected is not None and r.breaks_found != r.breaks_expected:
            out[(*key, "page_breaks")] = r.breaks_found
        if r.numbers_expected is not None and r.numbers_found < r.numbers_expected:
            out[(*key, "page_numbers")] = r.numbers_found
        if r.coverage < COVERAGE:
            out[(*key, "coverage")] = r.coverage
    return out


def test_every_input_is_labelled_and_scored(evaluation):
    rows, _, _ = evaluation
    assert rows, "no inputs found in the corpus"
    assert [r.name for r in rows if not r.labelled] == []
    forms = {r.form for r in rows if not r.skipped}
    assert {"pdf", "layout", "raw", "text"} <= forms


def test_acceptance_1_thresholds_or_listed_shortfalls(evaluation):
    rows, _, _ = evaluation
    found = shortfalls(rows)
    new = {k: round(v, 4) for k, v in found.items() if k not in SHORTFALLS}
    fixed = sorted(k for k in SHORTFALLS if k not in found)
    assert not new, f"new shortfalls (fix them; never list them to pass): {new}"
    assert not fixed, f"fixed: delete these entries from SHORTFALLS: {fixed}"


def test_listed_shortfalls_do_not_get_worse(evaluation):
    rows, _, _ = evaluation
    found = shortfalls(rows)
    labelled_breaks = {(r.stem, r.form): r.breaks_expected for r in rows}
    worse = {}
    for key, (recorded, _reason) in SHORTFALLS.items():
        if key not in found:
            continue
        now = found[key]
        if key[2] in _HIGHER_IS_BETTER:
            bad = now < recorded - _EPSILON
        else:  # page_breaks: distance from the labelled count
            goal = labelled_breaks[key[:2]]
            bad = abs(now - goal) > abs(recorded - goal)
        if bad:
            worse[key] = (recorded, now)
    assert not worse, f"worse than listed (listed, now): {worse}"


def test_acceptance_2_forms_agree(evaluation):
    _, agreements, _ = evaluation
    assert len(agreements) >= 20  # every PDF of the corpus with both extractions
    disagree = {a.stem: a.differences for a in agreements if not a.agree}
    new = {s: d for s, d in disagree.items() if s not in DISAGREEMENTS}
    fixed = sorted(s for s in DISAGREEMENTS if s not in disagree)
    assert not new, f"forms disagree: {new}"
    assert not fixed, f"now agree: delete from DISAGREEMENTS: {fixed}"
