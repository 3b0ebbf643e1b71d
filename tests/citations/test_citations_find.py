"""find: eyecite plus the hand-written forms, on segments of a small AKN tree."""

from lxml import etree

from convert.akn.names import AKN_NS
from convert.citations.find import find
from convert.citations.segments import collect


def tree_of(*paragraphs: str):
    body = "".join(f'<paragraph eId="para_{k}"><content><p>{p}</p></content></paragraph>'
                   for k, p in enumerate(paragraphs, 1))
    xml = (f'<akomaNtoso xmlns="{AKN_NS}"><judgment name="x"><meta/><header><p>h</p></header>'
           f'<judgmentBody><motivation>{body}</motivation></judgmentBody></judgment></akomaNtoso>')
    return etree.ElementTree(etree.fromstring(xml))


def kinds(*paragraphs):
    return [(f.kind, f.text) for f in find(collect(tree_of(*paragraphs)))]


def test_case_short_id_supra_and_statutes():
    got = kinds("Bell Atl. Corp. v. Twombly, 550 U.S. 544, 555 (2007). Id. at 556. "
                "See Twombly, 550 U.S. at 570. Twombly, supra, at 560. "
                "8 U.S.C. § 1158(a); 42 U.S.C. § 1985(3).")
    assert ("case", "550 U.S. 544") in got
    assert ("id", "Id. at 556") in got
    assert ("short", "550 U.S. at 570") in got
    assert any(k == "supra" for k, _ in got)
    assert ("law", "8 U.S.C. § 1158(a)") in got
    assert ("law", "42 U.S.C. § 1985(3)") in got


def test_unpublished_neutral_and_slip_forms():
    got = kinds("Smith v. Jones, 2019 WL 1234567, at *3 (D.D.C. Mar. 1, 2019); "
                "Doe v. Roe, 2018 U.S. Dist. LEXIS 12345, at *4 (S.D.N.Y. 2018); "
                "Roe v. Doe, 123 F. App’x 456, 458 (4th Cir. 2005); "
                "In re Gift Surplus, 2022-NCSC-1, ¶ 12; Y v. Z, 2019 UT 5, ¶ 3; "
                "United States v. Doe, No. 20-1507, slip op. at 5 (1st Cir. 2020).")
    assert ("case", "2019 WL 1234567") in got
    assert ("case", "2018 U.S. Dist. LEXIS 12345") in got
    assert ("case", "123 F. App’x 456") in got
    assert ("neutral", "2022-NCSC-1") in got
    assert ("neutral", "2019 UT 5") in got
    assert ("slip", "No. 20-1507, slip op. at 5") in got


def test_record_cites_are_found_as_record():
    got = kinds("Mot. Dismiss, ECF No. 51. Am. Compl. ¶ 12. Mem. at 14.")
    assert [k for k, _ in got] == ["record", "record", "record"]


def test_dockets_and_dates_are_not_neutral_citations():
    assert kinds("Civil Action No. 20-CV-1507 filed 2022-03-01.") == []


def test_en_dash_pin_keeps_the_citations_own_year():
    found = find(collect(tree_of(
        "Foman v. Davis, 371 U.S. 178, 182 (1962). “Amendments are favored.” Westrick v. "
        "Second Chance Body Armor, Inc., 301 F.R.D. 5, 8 (D.D.C. 2013).")))
    foman = next(f for f in found if f.text == "371 U.S. 178")
    assert foman.year == 1962 and foman.court == "scotus"


def test_citation_split_by_a_page_marker_is_found_whole():
    xml = (f'<akomaNtoso xmlns="{AKN_NS}"><judgment name="x"><meta/><judgmentBody><motivation>'
           '<paragraph eId="para_1"><content><p>See Ashcroft v. Iqbal, 556 U.S.<eop eId="page_2" '
           'number="2"/> 662, 678 (2009).</p></content></paragraph></motivation></judgmentBody>'
           '</judgment></akomaNtoso>')
    found = find(collect(etree.ElementTree(etree.fromstring(xml))))
    assert [(f.kind, f.text) for f in found] == [("case", "556 U.S. 662")]


def test_id_keeps_its_pin_before_a_signal_parenthetical():
    """eyecite 2.7.8 stops at "(quoting" / "(citing" and drops the id.'s pin cite."""
    got = find(collect(tree_of(
        "Id. at 589–90 (quoting Ashcroft v. al-Kidd, 563 U.S. 731, 742 (2011)). "
        "See id. at 14 &amp; n.9. Id. at *4 (citing Corr. Servs. Corp.). "
        "Id. ¶ 79 (“The express purpose”). Id. at 12. Id. (quoting x).")))
    ids = [(f.text, f.pin) for f in got if f.kind == "id"]
    assert ids == [("Id. at 589–90", "at 589-90"), ("id. at 14 & n.9", "at 14 & n.9"),
                   ("Id. at *4", "at *4"), ("Id. ¶ 79", "¶ 79"), ("Id. at 12", "at 12"),
                   ("Id.", None)]


def test_citations_split_between_paragraphs_are_found_whole():
    """PDF lines read as paragraphs: a reporter's edition, a Westlaw number and an id.'s pin
    cite broken off by the paragraph break."""
    got = kinds("AdTrader, Inc. v. Google LLC, 405 F. Supp. 3d", "862, 866 (N.D. Cal. 2019).",
                "No. 17-CV-183-CAB-BGS, 2019", "WL 5212394, at *3-4 (S.D. Cal. Oct. 16, 2019).",
                "“peculiar to the case.” Id. at", "732 (internal citation omitted).")
    assert got == [("case", "405 F. Supp. 3d 862"), ("case", "2019 WL 5212394"),
                   ("id", "Id. at 732")]
