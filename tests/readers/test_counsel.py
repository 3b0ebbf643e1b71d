"""Counsel (issue 9: "the panel, judges and attorneys where printed, as TLCPerson with roles,
marked inline"), on fixtures written here in each layout US captions print (see the module
docstring of convert/readers/counsel.py for the forms and where they come from)."""

from __future__ import annotations

from lxml import etree

from convert.akn.builder import build
from convert.akn.names import NS
from convert.document import Party
from convert.readers.counsel import attorneys

from passkit import prose, run_through

PARTIES = [Party("ACME WIDGETS, INC.", "appellant"), Party("PAT ROE", "appellee")]


def who(found):
    return [(a.name, a.side, a.party) for a in found]


def test_appearances_block_with_esq_and_on_behalf_of():
    rows = ["v.", "APPEARANCES:", "JANE Q. LAWYER, Esq.", "12 Main Street", "Camden, NJ 08101",
            "On behalf of Plaintiff", "JOHN HENRY COUNSELOR", "ROE & DOE, PA",
            "400 W. OAK AVENUE", "VINELAND, NJ 08360"]
    found = attorneys(rows, [Party("MARY LAMB", "plaintiff")])
    assert who(found) == [("JANE Q. LAWYER", "plaintiff", "MARY LAMB"),
                          ("JOHN HENRY COUNSELOR", None, None)]  # no role phrase: no side


def test_counsel_list_with_argued_and_counsel_for():
    rows = ["(Filed: March 3, 2010)", "Robert G. Example (Argued)", "Smith Jones",
            "P.O. Box 1945", "Morristown, NJ 07962", "Counsel for Appellant, Acme Widgets,",
            "Inc.", "Frank E. Sample, Jr. (Argued)", "Mary J. Other, Jr.", "Sample & Other",
            "59 Avenue at the Common", "Counsel for Appellee, Pat Roe",
            "Peter M. Third", "7 Ridge Avenue", "Counsel for Third Party Appellee,",
            "Widget Insurance Co."]
    found = attorneys(rows, PARTIES, frozenset({0}))
    assert who(found) == [("Robert G. Example", "appellant", "ACME WIDGETS, INC."),
                          ("Frank E. Sample", "appellee", "PAT ROE"),
                          ("Mary J. Other", "appellee", "PAT ROE"),
                          ("Peter M. Third", "appellee", "PAT ROE")]


def test_reporter_headnote_entries_closed_by_their_role():
    rows = ["Defendant-Appellee.",
            "Ann B. Lawton, with whom Carl D. Helper and Helper Law were on brief, for",
            "appellant.",
            "EVE F. ADVOCATE, Advocate & Partners, P.L.L.C., New York, New York, for",
            "Defendants-Appellees. Gus H. Brief, Brief LLP, of Seattle, Washington, argued for",
            "plaintiff-appellant. With him on the brief was Ida J. Junior.",
            "Kay L. Friend and Friend Firm on brief for Some League, amici",
            "curiae.",
            "Smith Firm, P.A., by Lena Mae Partner for the State."]
    found = attorneys(rows, [Party("ACME WIDGETS, INC.", "appellant"),
                             Party("STATE OF EXAMPLE", "appellee")])
    assert who(found) == [
        ("Ann B. Lawton", "appellant", "ACME WIDGETS, INC."),
        ("Carl D. Helper", "appellant", "ACME WIDGETS, INC."),
        ("EVE F. ADVOCATE", "appellee", "STATE OF EXAMPLE"),
        ("Gus H. Brief", "appellant", "ACME WIDGETS, INC."),
        ("Ida J. Junior", "appellant", "ACME WIDGETS, INC."),  # "With him ... was": same side
        ("Kay L. Friend", "amicus curiae", None),
        ("Lena Mae Partner", "State", "STATE OF EXAMPLE")]


def test_firms_places_titles_and_cut_names_are_not_people():
    rows = ["Day Pitney, Maple Shade, New Jersey; Aaron", "M. Frey, Attorney General, and",
            "Deputy Attorney General Office, for appellee."]
    assert attorneys(rows) == []
    assert attorneys(["No counsel phrase here: Jane Q. Lawyer, Esq."]) == []


def test_counsel_are_marked_inline_as_lawyers_with_their_party():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "DISTRICT OF NEW JERSEY", "",
                      " MARY LAMB,                    Civ. No. 1:20-cv-1 (ABC)",
                      "       Plaintiff", "  v.", "                              OPINION",
                      " TOWN OF X, et al.,", "       Defendants", "",
                      "APPEARANCES:", "JANE Q. LAWYER, Esq.", "1 Main Street",
                      "Camden, NJ 08101", "       On behalf of Plaintiff", "",
                      "ROE, United States District Judge", "", *prose(6)])
    state = run_through(text, "caption")
    assert [(a.name, a.side) for a in state.doc.meta.attorneys] == [("JANE Q. LAWYER",
                                                                     "plaintiff")]
    tree = build(state.doc)
    lawyer = tree.find(".//akn:header//akn:lawyer", NS)
    assert lawyer.text == "JANE Q. LAWYER" and lawyer.get("as") == "#counsel"
    refs = {e.get("eId"): e for e in tree.iterfind(".//akn:references/*", NS)}
    assert refs[lawyer.get("refersTo")[1:]].get("showAs") == "JANE Q. LAWYER"
    assert refs[lawyer.get("for")[1:]].get("showAs") == "MARY LAMB"
    assert refs["counsel"].tag == etree.QName(NS["akn"], "TLCRole")
    from convert.validate.schema import schema_errors

    assert schema_errors(tree) == []


def test_a_forms_counsel_field_lists_its_names_below_the_label():
    rows = ["Present: The Honorable", "JANE Q. JUDGE", "Pat Clerk", "Deputy Clerk",
            "Attorneys Present for Plaintiffs:", "Sam T. Lawyer", "Tape No.",
            "Attorneys Present for Defendants:", "Not Present", "Proceedings:"]
    found = attorneys(rows, [Party("ACME", "plaintiff")])
    # the judge above the label is no one's counsel; "Not Present" is no one
    assert who(found) == [("Sam T. Lawyer", "plaintiff", "ACME")]
