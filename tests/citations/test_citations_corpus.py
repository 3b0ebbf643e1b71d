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

from locations import CORPUS

pytestmark = pytest.mark.corpus

# Marked citations per document, every form the corpus holds (text extractions, PDF,
# structured sources, AKN inputs), as measured: our refs (parallel citations counted once, a
# citation split by a marker or a paragraph break once) and, in structured sources, the
# citations their publisher marked.  Forms of one opinion agree, except where a form's text
# differs: ca1 raw (its sidebar interleaved), cacd_649554 raw (the offence lines, "18 USC
# Section 1341", read into the caption, where citations are the opinion's own), nc raw (a
# parallel pair on one line), cand_4 PDF (a code citation broken after "Cal.").
COUNTS = {
    "akn/gr-cos-A1_2003.xml": 6,
    "akn/tna-enrich-uksc-2023-42-rwanda-enriched.xml": 77,
    "akn/tna-parser-test2.xml": 0,
    "akn/tna-parser-test24.xml": 0,
    "akn/tna-parser-test37.xml": 0,
    "akn/tna-parser-test70.xml": 0,
    "akn/tna-parser-test81.xml": 0,
    "cap/A3d_100_100a3d1004_Replace2.cap.html": 87,
    "cap/A3d_100_100a3d1004_Replace2.fastcase.xml": 76,
    "cap/NE2d_945_945ne2d484.cap.html": 204,
    "cap/NE2d_945_945ne2d484.fastcase.xml": 156,
    "cap/P3d_332_332p3d688_Replace.cap.html": 70,
    "cap/P3d_332_332p3d688_Replace.fastcase.xml": 46,
    "cap/SE2d_592_592SE2d124_GA_Pag.cap.html": 44,
    "cap/SE2d_592_592SE2d124_GA_Pag.fastcase.xml": 34,
    "cap/a2d_100_0036-01.html": 14,
    "cap/a2d_100_0036-01.json": 14,
    "cap/a2d_100_0040-01.html": 27,
    "cap/a2d_100_0040-01.json": 23,
    "pdf/azd_bard_ivc_remand_order.layout.txt": 0,
    "pdf/azd_bard_ivc_remand_order.pdf": 0,
    "pdf/azd_bard_ivc_remand_order.raw.txt": 0,
    "pdf/ca10_21-800_order.layout.txt": 0,
    "pdf/ca10_21-800_order.pdf": 0,
    "pdf/ca10_21-800_order.raw.txt": 0,
    "pdf/ca11_08-14991_robinson_v_tyson_foods.layout.txt": 36,
    "pdf/ca11_08-14991_robinson_v_tyson_foods.pdf": 36,
    "pdf/ca11_08-14991_robinson_v_tyson_foods.raw.txt": 36,
    "pdf/ca1_20-1507_calvary_chapel_v_mills.layout.txt": 37,
    "pdf/ca1_20-1507_calvary_chapel_v_mills.pdf": 37,
    "pdf/ca1_20-1507_calvary_chapel_v_mills.raw.txt": 36,
    "pdf/ca2_08-6301_gildernew_v_quarantillo.layout.txt": 6,
    "pdf/ca2_08-6301_gildernew_v_quarantillo.pdf": 6,
    "pdf/ca2_08-6301_gildernew_v_quarantillo.raw.txt": 6,
    "pdf/ca3_09-1225_travelers_v_dammann.layout.txt": 149,
    "pdf/ca3_09-1225_travelers_v_dammann.pdf": 149,
    "pdf/ca3_09-1225_travelers_v_dammann.raw.txt": 149,
    "pdf/ca4_08-2373_weintraub_v_quicken_loans.layout.txt": 25,
    "pdf/ca4_08-2373_weintraub_v_quicken_loans.pdf": 25,
    "pdf/ca4_08-2373_weintraub_v_quicken_loans.raw.txt": 25,
    "pdf/ca8_07-1306_us_v_wilson_unpub.layout.txt": 6,
    "pdf/ca8_07-1306_us_v_wilson_unpub.pdf": 6,
    "pdf/ca8_07-1306_us_v_wilson_unpub.raw.txt": 6,
    "pdf/cacd_649554_1409_order.layout.txt": 14,
    "pdf/cacd_649554_1409_order.pdf": 14,
    "pdf/cacd_649554_1409_order.raw.txt": 10,
    "pdf/cacd_664551_368_redacted_civil_minutes.layout.txt": 27,
    "pdf/cacd_664551_368_redacted_civil_minutes.pdf": 27,
    "pdf/cacd_664551_368_redacted_civil_minutes.raw.txt": 27,
    "pdf/caed_277392_209_prisoner_order.layout.txt": 3,
    "pdf/caed_277392_209_prisoner_order.pdf": 3,
    "pdf/caed_277392_209_prisoner_order.raw.txt": 3,
    "pdf/cafc_2009-1361_nelson_v_k2_rule36.layout.txt": 0,
    "pdf/cafc_2009-1361_nelson_v_k2_rule36.pdf": 0,
    "pdf/cafc_2009-1361_nelson_v_k2_rule36.raw.txt": 0,
    "pdf/cand_3-04-cv-98_alvarado_v_fedex_order.layout.txt": 0,
    "pdf/cand_3-04-cv-98_alvarado_v_fedex_order.pdf": 0,
    "pdf/cand_3-04-cv-98_alvarado_v_fedex_order.raw.txt": 0,
    "pdf/cand_3-19-cv-7043_china_fortune_fees_order.layout.txt": 8,
    "pdf/cand_3-19-cv-7043_china_fortune_fees_order.pdf": 8,
    "pdf/cand_3-19-cv-7043_china_fortune_fees_order.raw.txt": 8,
    "pdf/cand_4-18-cv-6972_holley_privilege_order.layout.txt": 25,
    "pdf/cand_4-18-cv-6972_holley_privilege_order.pdf": 24,
    "pdf/cand_4-18-cv-6972_holley_privilege_order.raw.txt": 25,
    "pdf/cand_5-17-cv-72_finjan_v_sonicwall_daubert_order.layout.txt": 35,
    "pdf/cand_5-17-cv-72_finjan_v_sonicwall_daubert_order.pdf": 35,
    "pdf/cand_5-17-cv-72_finjan_v_sonicwall_daubert_order.raw.txt": 35,
    "pdf/nc_2022-NCSC-1_gift_surplus.layout.txt": 45,
    "pdf/nc_2022-NCSC-1_gift_surplus.pdf": 45,
    "pdf/nc_2022-NCSC-1_gift_surplus.raw.txt": 44,
    "pdf/njd_16-4465_scanlon_v_lawson_opinion_redacted.layout.txt": 16,
    "pdf/njd_16-4465_scanlon_v_lawson_opinion_redacted.pdf": 16,
    "pdf/njd_16-4465_scanlon_v_lawson_opinion_redacted.raw.txt": 16,
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion.layout.txt": 52,
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion.pdf": 52,
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion.raw.txt": 52,
    "pdf/nysd_12-cv-5708_doc11.layout.txt": 31,
    "pdf/nysd_12-cv-5708_doc11.pdf": 31,
    "pdf/nysd_12-cv-5708_doc11.raw.txt": 31,
    "pdf/nysd_18-cv-8653_sweigert_v_goodman_order.layout.txt": 4,
    "pdf/nysd_18-cv-8653_sweigert_v_goodman_order.pdf": 4,
    "pdf/nysd_18-cv-8653_sweigert_v_goodman_order.raw.txt": 4,
    "pdf/scotus_tarrant_v_herrmann_2013_slip.layout.txt": 96,
    "pdf/scotus_tarrant_v_herrmann_2013_slip.pdf": 96,
    "pdf/scotus_tarrant_v_herrmann_2013_slip.raw.txt": 96,
    "pdf/tc_memo_2020-26_bordelon.layout.txt": 46,
    "pdf/tc_memo_2020-26_bordelon.pdf": 46,
    "pdf/tc_memo_2020-26_bordelon.raw.txt": 46,
    "text/bia_28_IN_437_laguerre.txt": 73,
    "text/bia_extract_2.txt": 19,
    "text/scotus_fisher_v_ut_2013.txt": 162,
    "vendor/connsuper_2001_in_re_jesse_d_unpub.xml": 2,
    "vendor/ga_1996_recycle_recover_v_ga_bd_nat_res.xml": 63,
    "vendor/michapp_2005_killingbeck_v_killingbeck.xml": 129,
    "vendor/nd_1988_olson_v_fraase.xml": 95,
    "vendor/njtax_1993_chesterfield_assocs_v_edison.xml": 56,
    "vendor/ohioapp3_2003_state_v_reynolds_unpub.xml": 38,
    "vendor/utah_1986_state_v_gray.xml": 75,
    "vendor/va_1980_burns_v_equitable_associates.xml": 35,
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


@pytest.fixture
def trees(corpus):
    """The tree of a corpus input, parsed once per session (shared with the other corpus
    tests: read, never changed)."""
    from corpus_cache import parsed

    def get(name):
        path = corpus / name
        if not path.exists():
            pytest.skip(f"{name} is not in this corpus")
        return parsed(path)[0].tree
    return get


# Our refs ("citation case", ...) and the citations a structured source's publisher marked
# (CAP, Fastcase, vendor XML: a `ref` without a class, kept as the reader found it).
CITATION_REFS = ("//akn:judgmentBody//akn:ref[starts-with(@class, 'citation') or "
                 "not(@class)]")


def _ends_block(ref) -> bool:
    """Nothing but white space and markers after `ref` in its block."""
    if (ref.tail or "").strip():
        return False
    return all(not "".join(s.itertext()).strip() and not (s.tail or "").strip()
               for s in ref.itersiblings())


def _starts_block(ref) -> bool:
    """Nothing but white space and markers before `ref` in its block."""
    parent = ref.getparent()
    if (parent.text or "").strip():
        return False
    return all(not "".join(s.itertext()).strip() and not (s.tail or "").strip()
               for s in ref.itersiblings(preceding=True))


def cited(tree) -> list[tuple[str, str, str]]:
    """(text, class, href) per marked citation; the refs of one citation split by a page
    marker or note call (ref, marker, ref with nothing between), or by a paragraph break the
    reader made (a ref that ends one block and one that opens the next), are joined."""
    out: list[list] = []
    last = None
    for ref in tree.getroot().xpath(CITATION_REFS, namespaces=NS):
        marker = ref.getprevious()
        same = (last is not None and last.get("refersTo") == ref.get("refersTo")
                and last.get("class") == ref.get("class"))
        if same and marker is not None and marker.getprevious() is last \
                and marker.tag.endswith(("eop", "authorialNote")) \
                and not (last.tail or "").strip() and not (marker.tail or "").strip():
            out[-1][0] += (last.tail or "") + (marker.tail or "") + ref.text
        elif same and last.getparent() is not ref.getparent() and _ends_block(last) \
                and _starts_block(ref):
            out[-1][0] += " " + ref.text
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
    "pdf/ca1_20-1507_calvary_chapel_v_mills": [
        ("28 U.S.C. § 1292(a)(1)", "https://www.law.cornell.edu/uscode/text/28/1292")],
    "pdf/nc_2022-NCSC-1_gift_surplus": [
        ("2021-NCSC-57", "#cite_2021-ncsc-57")],
    "pdf/scotus_tarrant_v_herrmann_2013_slip": [
        ("568 U. S. ___", None)],
    "pdf/tc_memo_2020-26_bordelon": [
        ("T.C. Memo. 1991-402, 62 T.C.M. (CCH) 505",
         "https://www.courtlistener.com/c/T.C.%20Memo./1991/402/")],
    "pdf/njd_3-18-cv-16281_mccrimmon_v_johnson_opinion": [
        ("530 F. App’x 104", "https://www.courtlistener.com/c/F.%20App%27x/530/104/")],
}
FORMS = (".layout.txt", ".raw.txt", ".pdf")  # each read by its own reader path


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("stem", sorted(FIVE))
def test_refs_wrap_citations_only(trees, stem, form):
    tree = trees(stem + form)
    got = cited(tree)
    assert got
    for text, cls, href in got:
        assert SHAPE.match(text), f"not a citation: {text!r} ({cls})"
    for text, href in FIVE[stem]:
        hits = [h for t, _, h in got if t == text]
        assert hits, f"{text!r} is not marked"
        if href is not None:
            assert hits[0] == href
        else:
            assert hits[0].startswith("#cite_")  # a reference without a public link


def test_akn_inputs_are_not_marked_again(trees):
    """A publisher's AKN document is passed through: its refs stay its own."""
    for name in sorted(n for n in COUNTS if n.startswith("akn/")):
        tree = trees(name)
        assert not tree.getroot().xpath("//akn:ref[starts-with(@class, 'citation ')]",
                                        namespaces=NS), name


def test_the_opinions_own_citation_is_not_linked_to_itself(trees):
    tree = trees("pdf/nc_2022-NCSC-1_gift_surplus.layout.txt")
    assert "2022-NCSC-1" in "".join(tree.getroot().itertext())
    assert all("2022-NCSC-1" not in t for t, _, _ in cited(tree))
