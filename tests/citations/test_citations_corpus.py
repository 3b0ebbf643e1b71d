"""Issue 12, acceptance 3: citations on the development corpus.

Every document's citation count lies in a stated range (the count measured when the step was
built, give or take `SLACK`: readers change, a citation more or less is no regression, a
quarter is), and on five documents of different courts every `ref` wraps a citation and
nothing else, with the forms that court uses checked by name.
"""

from __future__ import annotations

import re

import pytest

from convert.akn.names import NS
from convert.pipeline import parse

from locations import CORPUS

pytestmark = pytest.mark.corpus

# Marked citations (refs, parallel citations counted once) per document, as built.
COUNTS = {
    "pdf/azd_bard_ivc_remand_order.layout.txt": 0,
    "pdf/ca10_21-800_order.layout.txt": 0,
    "pdf/ca11_08-14991_robinson_v_tyson_foods.layout.txt": 36,
    "pdf/ca1_20-1507_calvary_chapel_v_mills.layout.txt": 37,
    "pdf/ca2_08-6301_gildernew_v_quarantillo.layout.txt": 6,
    "pdf/ca3_09-1225_travelers_v_dammann.layout.txt": 148,
    "pdf/ca4_08-2373_weintraub_v_quicken_loans.layout.txt": 24,
    "pdf/ca8_07-1306_us_v_wilson_unpub.layout.txt": 6,
    "pdf/cacd_649554_1409_order.layout.txt": 14,
    "pdf/cacd_664551_368_redacted_civil_minutes.layout.txt": 27,
    "pdf/caed_277392_209_prisoner_order.layout.txt": 3,
    "pdf/cafc_2009-1361_nelson_v_k2_rule36.layout.txt": 0,
    "pdf/cand_3-04-cv-98_alvarado_v_fedex_order.layout.txt": 0,
    "pdf/cand_3-19-cv-7043_china_fortune_fees_order.layout.txt": 8,
    "pdf/cand_4-18-cv-6972_holley_privilege_order.layout.txt": 24,
    "pdf/cand_5-17-cv-72_finjan_v_sonicwall_daubert_order.layout.txt": 37,
    "pdf/nc_2022-NCSC-1_gift_surplus.layout.txt": 45,
    "pdf/njd_16-4465_scanlon_v_lawson_opinion_redacted.layout.txt": 16,
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion.layout.txt": 52,
    "pdf/nysd_12-cv-5708_doc11.layout.txt": 31,
    "pdf/nysd_18-cv-8653_sweigert_v_goodman_order.layout.txt": 4,
    "pdf/scotus_tarrant_v_herrmann_2013_slip.layout.txt": 96,
    "pdf/tc_memo_2020-26_bordelon.layout.txt": 46,
    "text/bia_28_IN_437_laguerre.txt": 66,
    "text/bia_extract_2.txt": 18,  # 13 before the BIA notes were split out of the text
    "text/scotus_fisher_v_ut_2013.txt": 161,
}
SLACK = 0.25  # a quarter either way, and at least 2

# What a citation looks like, whatever its kind: a reporter citation ("550 U.S. 544", "563
# U. S., at 741", "568 U. S. ___", "2019 WL 4707150"), an id. or supra, a code section, a
# public law or Statutes at Large, a neutral citation, a journal.  Parts of a citation split
# by a page marker or note call are checked together (see `cited`).
SHAPE = re.compile(
    r"^(?:\d+ [A-Z&][\w.&'’ ()]*?,? (?:at )?(?:\*?\d+|_+)(?:[,–-].*)?"
    r"|[Ii](?:d|bid)\.,?(?: .*)?"
    r"|supra[.,;]?(?: at .*)?"
    r"|\d+ [A-Z][\w.' ]* (?:§§?|Sections?) ?\d.*"
    r"|(?:[A-Z][\w.]* )+(?:Code|Code Ann\.) §§? ?\d.*"
    r"|Pub\. L\.(?: No\.)? \d+[–-]\d+"
    r"|\d{4}-[A-Z]+-\d+|T\.C\. Memo\. \d{4}-\d+.*"
    r"|\d+ N\.C\. Sess\. Laws \d+)$")


_CACHE: dict = {}


@pytest.fixture
def trees(corpus):
    cache = _CACHE

    def get(name):
        if name not in cache:
            path = corpus / name
            if not path.exists():
                pytest.skip(f"{name} is not in this corpus")
            cache[name] = parse(path).tree
        return cache[name]
    return get


def cited(tree) -> list[tuple[str, str, str]]:
    """(text, class, href) per marked citation; the two refs of a citation split by a page
    marker or note call (ref, marker, ref with nothing between) are joined."""
    out: list[list] = []
    last = None
    for ref in tree.getroot().xpath("//akn:judgmentBody//akn:ref[starts-with(@class, "
                                    "'citation')]", namespaces=NS):
        marker = ref.getprevious()
        if (last is not None and marker is not None and marker.getprevious() is last
                and marker.tag.endswith(("eop", "authorialNote"))
                and not (last.tail or "").strip() and not (marker.tail or "").strip()
                and last.get("refersTo") == ref.get("refersTo")
                and last.get("class") == ref.get("class")):
            out[-1][0] += (last.tail or "") + (marker.tail or "") + ref.text
        else:
            out.append([ref.text, ref.get("class"), ref.get("href")])
        last = ref
    return [(" ".join(t.split()), c, h) for t, c, h in out]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_citation_count_in_range(trees, name):
    n = len(cited(trees(name)))
    expected = COUNTS[name]
    slack = max(2, round(expected * SLACK))
    assert expected - slack <= n <= expected + slack, f"{n} citations, expected {expected}±{slack}"


FIVE = {  # five courts, and the forms each one uses
    "pdf/ca1_20-1507_calvary_chapel_v_mills.layout.txt": [
        ("28 U.S.C. § 1292(a)(1)", "https://www.law.cornell.edu/uscode/text/28/1292")],
    "pdf/nc_2022-NCSC-1_gift_surplus.layout.txt": [
        ("2021-NCSC-57", "#cite_2021-ncsc-57")],
    "pdf/scotus_tarrant_v_herrmann_2013_slip.layout.txt": [
        ("568 U. S. ___", None)],
    "pdf/tc_memo_2020-26_bordelon.layout.txt": [
        ("T.C. Memo. 1991-402, 62 T.C.M. (CCH) 505",
         "https://www.courtlistener.com/c/T.C.%20Memo./1991/402/")],
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion.layout.txt": [
        ("530 F. App’x 104", "https://www.courtlistener.com/c/F.%20App%27x/530/104/")],
}


@pytest.mark.parametrize("name", sorted(FIVE))
def test_refs_wrap_citations_only(trees, name):
    tree = trees(name)
    got = cited(tree)
    assert got
    for text, cls, href in got:
        assert SHAPE.match(text), f"not a citation: {text!r} ({cls})"
    for text, href in FIVE[name]:
        hits = [h for t, _, h in got if t == text]
        assert hits, f"{text!r} is not marked"
        if href is not None:
            assert hits[0] == href
        else:
            assert hits[0].startswith("#cite_")  # a reference without a public link


def test_the_opinions_own_citation_is_not_linked_to_itself(trees):
    tree = trees("pdf/nc_2022-NCSC-1_gift_surplus.layout.txt")
    assert "2022-NCSC-1" in "".join(tree.getroot().itertext())
    assert all("2022-NCSC-1" not in t for t, _, _ in cited(tree))
