"""resolve: id., supra, short cites, parallel and own citations, record cites."""

from convert.citations import analyse
from convert.citations.find import find
from convert.citations.resolve import resolve
from convert.citations.segments import collect

from test_citations_find import tree_of


def marks_of(*paragraphs, own=frozenset()):
    marks, refs = resolve(find(collect(tree_of(*paragraphs))), own)
    return [(m.text, m.reference.href or "#" + m.reference.key) for m in marks], refs


US_550 = "https://www.courtlistener.com/c/U.S./550/544/"


def test_id_after_a_case_names_that_case():
    marks, _ = marks_of("Twombly, 550 U.S. 544, 555 (2007).", "Id. at 556.")
    assert marks == [("550 U.S. 544", US_550), ("Id. at 556", US_550)]


def test_id_after_a_record_cite_stays_plain():
    marks, _ = marks_of("Twombly, 550 U.S. 544, 555 (2007). Am. Compl. ¶ 12. Id. ¶ 13.")
    assert [t for t, _ in marks] == ["550 U.S. 544"]


def test_page_id_after_a_statute_stays_plain():
    marks, _ = marks_of("He transferred the case under 28 U.S.C. § 1631. Id. at 14.")
    assert marks == [("28 U.S.C. § 1631", "https://www.law.cornell.edu/uscode/text/28/1631")]


def test_id_after_a_quoting_parenthetical_names_the_citing_case():
    marks, _ = marks_of("Abbasi, 137 S. Ct. 1843, 1866 (2017) (quoting Mullenix v. Luna, 136 S. Ct. "
                        "305, 308 (2015)); see also id. at 1867.")
    assert marks[-1] == ("id. at 1867", "https://www.courtlistener.com/c/S.%20Ct./137/1843/")


def test_short_cite_and_supra_name_the_earlier_case():
    marks, refs = marks_of("Bell Atl. Corp. v. Twombly, 550 U.S. 544 (2007); Ashcroft v. Iqbal, "
                           "556 U.S. 662 (2009).", "Twombly, 550 U.S. at 570. Iqbal, supra, at 678.")
    assert ("550 U.S. at 570", US_550) in marks
    assert marks[-1][1] == "https://www.courtlistener.com/c/U.S./556/662/"
    assert len(refs) == 2


def test_parallel_citations_are_one_reference():
    marks, refs = marks_of("Bell Atl. Corp. v. Twombly, 550 U.S. 544, 555, 127 S. Ct. 1955, "
                           "167 L. Ed. 2d 929 (2007).")
    assert marks == [("550 U.S. 544, 555, 127 S. Ct. 1955, 167 L. Ed. 2d 929", US_550)]
    assert len(refs) == 1 and len(refs[0].cites) == 3


def test_unpublished_forms_without_a_resolver_are_references_without_a_public_link():
    marks, _ = marks_of("Doe v. Roe, No. 20-1507, slip op. at 5 (1st Cir. 2020); In re X, "
                        "2022-NCSC-1, ¶ 4.")
    assert [h for _, h in marks] == ["#No. 20-1507, slip op. at 5", "#2022 NCSC 1"]


def test_westlaw_and_lexis_numbers_go_to_courtlisteners_resolver():
    """CourtListener keeps WL and Lexis numbers as citations of the opinions it holds, and
    its resolver reads them as any reporters-db reporter (docs/citations.md)."""
    marks, _ = marks_of("Smith v. Jones, 2019 WL 1234567, at *3 (D.D.C. 2019); Doe v. Roe, "
                        "2018 U.S. Dist. LEXIS 12345, at *4 (S.D.N.Y. 2018). Id. at *5.")
    assert marks == [
        ("2019 WL 1234567", "https://www.courtlistener.com/c/WL/2019/1234567/"),
        ("2018 U.S. Dist. LEXIS 12345",
         "https://www.courtlistener.com/c/U.S.%20Dist.%20LEXIS/2018/12345/"),
        ("Id. at *5", "https://www.courtlistener.com/c/U.S.%20Dist.%20LEXIS/2018/12345/")]


def test_the_opinions_own_citation_is_not_marked():
    marks, _ = marks_of("In re Gift Surplus, 2022-NCSC-1, ¶ 4; State v. Y, 2021-NCSC-5.",
                        own={"2022 NCSC 1"})
    assert [t for t, _ in marks] == ["2021-NCSC-5"]


def test_own_citation_read_from_the_caption():
    from lxml import etree

    from convert.akn.names import AKN_NS

    xml = (f'<akomaNtoso xmlns="{AKN_NS}"><judgment name="x"><meta/><header><p>2022-NCSC-1'
           '</p></header><judgmentBody><motivation><paragraph eId="para_1"><content><p>See '
           '2022-NCSC-1, ¶ 4.</p></content></paragraph></motivation></judgmentBody></judgment>'
           '</akomaNtoso>')
    marks, _ = analyse(etree.ElementTree(etree.fromstring(xml)))
    assert marks == []


def test_public_laws_link_to_govinfo_from_the_104th_congress():
    marks, refs = marks_of("IIRIRA, Pub. L. 104–208, 110 Stat. 3009–546; Homeland Security Act, "
                           "Pub. L. No. 107-296, 116 Stat. 2135. Budget Act, Pub. L. No. 93-344. "
                           "See Pub. L. No. 104-208.")
    assert marks == [
        ("Pub. L. 104–208", "https://www.govinfo.gov/link/plaw/104/public/208"),
        ("Pub. L. No. 107-296", "https://www.govinfo.gov/link/plaw/107/public/296"),
        ("Pub. L. No. 93-344", "#Pub. L. 93-344"),  # before GovInfo's collection: no link
        ("Pub. L. No. 104-208", "https://www.govinfo.gov/link/plaw/104/public/208")]
    assert len(refs) == 3  # the same law, with or without "No.", is one reference
