"""Case identity (issue 9): each caption form and each date form, on fixtures written here.

The fixtures imitate the forms courts print (the corpus README names real documents of each
kind); none is copied from one.  `identify` takes the caption's lines as text.
"""

from __future__ import annotations

import pytest

from convert import case
from convert.readers import caption, dates, dockets
from convert.readers.caption import identify
from convert.readers.writings import author_line

from passkit import prose, run_through


def roles(ident):
    return [(p.name, p.role) for p in ident.parties]


# ---------------------------------------------------------------- caption forms


def test_centred_stack():
    ident = identify([
        "                United States Court of Appeals",
        "                     For the Ninth Circuit",
        "   No. 21-4321",
        "                    HARBOR MILLS COMPANY,",
        "                      Plaintiff, Appellant,",
        "                              v.",
        "        PAT Q. DOE, in her official capacity as Director,",
        "                      Defendant, Appellee.",
        "          APPEAL FROM THE UNITED STATES DISTRICT COURT",
        "                  FOR THE DISTRICT OF OREGON",
    ])
    assert ident.court_id == "ca9" and ident.court_source == "caption"
    assert ident.dockets == ["21-4321"]
    assert roles(ident) == [("HARBOR MILLS COMPANY", "appellant"),
                            ("PAT Q. DOE, in her official capacity as Director", "appellee")]


def test_two_column_box_divided_by_parentheses():
    ident = identify([
        "IN THE UNITED STATES DISTRICT COURT",
        "FOR THE EASTERN DISTRICT OF TEXAS",
        "JOHN ROE,                         )",
        "                                  )",
        "          Plaintiff,              )    Civil Action No. 4:19-cv-00123",
        "                                  )",
        "     v.                           )",
        "                                  )    MEMORANDUM OPINION",
        "ACME WIDGETS, INC.,               )    AND ORDER",
        "          Defendant.              )",
    ])
    assert ident.court_id == "txed"
    assert ident.dockets == ["4:19-cv-00123"]
    assert roles(ident) == [("JOHN ROE", "plaintiff"), ("ACME WIDGETS, INC.", "defendant")]
    assert ident.title == "MEMORANDUM OPINION AND ORDER"


def test_two_column_box_divided_by_colons():
    ident = identify([
        "UNITED STATES DISTRICT COURT",
        "DISTRICT OF NEW JERSEY",
        "___________________________________",
        "                                   :",
        "MARY LAMB,                         :",
        "            Plaintiff,             :   Civ. No. 2:20-cv-05555 (ABC)(DEF)",
        "      v.                           :",
        "                                   :   OPINION",
        "TOWN OF EXAMPLE, et al.,           :",
        "            Defendants.            :",
    ])
    assert ident.court_id == "njd"
    assert ident.dockets == ["2:20-cv-05555 (ABC)(DEF)"]
    assert roles(ident) == [("MARY LAMB", "plaintiff"), ("TOWN OF EXAMPLE, et al.", "defendant")]
    assert ident.title == "OPINION"


def test_two_column_box_divided_by_a_column_gap_with_recitals_above():
    ident = identify([
        "NOT FOR PUBLICATION                          ECF NOS. 12, 13",
        "                 UNITED STATES DISTRICT COURT",
        "                NORTHERN DISTRICT OF CALIFORNIA",
        "",
        "  RIVERBEND FARMS LLC, et al.,                    Case No. 20-cv-01234-XYZ",
        "                 Plaintiffs,",
        "                                                  ORDER GRANTING IN PART AND",
        "          v.                                      DENYING IN PART MOTION TO",
        "                                                  DISMISS",
        "  COUNTY OF SOMEWHERE,                            Re: Dkt. No. 40",
        "                 Defendant.",
    ])
    assert ident.court_id == "cand"
    assert ident.dockets == ["20-cv-01234-XYZ"]  # not the ECF numbers of the recital
    assert ident.title == "ORDER GRANTING IN PART AND DENYING IN PART MOTION TO DISMISS"
    assert roles(ident) == [("RIVERBEND FARMS LLC, et al.", "plaintiff"),
                            ("COUNTY OF SOMEWHERE", "defendant")]


def test_title_continuing_after_opinion_and_mixed_case_title():
    ident = identify(["UNITED STATES DISTRICT COURT", "DISTRICT OF DELAWARE",
                      "Civ. No. 19-100", "OPINION", "(REDACTED)"])
    assert ident.title == "OPINION (REDACTED)"
    ident = identify(["United States Court of Appeals for the Federal Circuit", "2019-1234",
                      "JANE ROE,", "Plaintiff-Appellee,", "v.", "WIDGET CORP.,",
                      "Defendant-Appellant.", "Judgment"])
    assert ident.title == "Judgment" and ident.court_id == "cafc"
    assert ident.dockets == ["2019-1234"]


def test_reporter_headnote_with_argued_and_decided():
    ident = identify([
        "(Slip Opinion)              OCTOBER TERM, 2019",
        "SUPREME COURT OF THE UNITED STATES",
        "Syllabus",
        "SMITH v. JONES, WARDEN",
        "CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE SIXTH CIRCUIT",
        "No. 19–123.      Argued January 8, 2020—Decided March 16, 2020",
    ])
    assert ident.court_id == "scotus"
    assert ident.dockets == ["19–123"]
    assert ident.date == "2020-03-16" and ident.date_source == "caption"
    assert case.short_case_name([(p.name, p.role) for p in ident.parties]) == "SMITH v. JONES"


def test_submitted_and_filed_with_lower_court_docket_kept_apart():
    ident = identify([
        "United States Court of Appeals",
        "FOR THE EIGHTH CIRCUIT",
        "No. 19-2222",
        "United States of America,          *",
        "          Appellee,                 *  Appeal from the United States",
        "     v.                             *  District Court for the",
        "Sam Example,                        *  District of Nebraska.",
        "          Appellant.                *",
        "(D.C. No. 8:18-cr-00011)",
        "Submitted: January 8, 2020",
        "Filed: February 5, 2020",
        "Before SMITH, JONES, and BROWN, Circuit Judges.",
    ])
    assert ident.court_id == "ca8"
    assert ident.dockets == ["19-2222"] and ident.lower_dockets == ["8:18-cr-00011"]
    assert ident.date == "2020-02-05"
    assert ident.panel == ["Smith", "Jones", "Brown"]
    assert case.short_case_name(roles(ident)) == "United States v. Example"


def test_civil_minutes_form():
    ident = identify([
        "                    UNITED STATES DISTRICT COURT",
        "                   CENTRAL DISTRICT OF CALIFORNIA",
        "                     CIVIL MINUTES – GENERAL",
        " Case No.     2:21-cv-01111-ABC-DEx             Date   March 3, 2022",
        " Title        ALPHA TOOLS, INC. V. BETA PARTS, LLC, ET AL.",
        " Present: The Honorable    JANE Q. JUDGE, UNITED STATES DISTRICT JUDGE",
    ])
    assert ident.court_id == "cacd"
    assert ident.dockets == ["2:21-cv-01111-ABC-DEx"]
    assert ident.date == "2022-03-03"
    assert ident.title == "CIVIL MINUTES – GENERAL"
    assert case.short_case_name(roles(ident)) == "ALPHA TOOLS, INC. v. BETA PARTS, LLC"
    assert caption.document_type(ident.title, []) == "minutes"


def test_agency_heads_board_of_immigration_appeals_and_tax_court():
    ident = identify([
        "Cite as 30 I&N Dec. 101 (BIA 2024)                 Interim Decision #4100",
        "Matter of Ana EXAMPLE, Respondent",
        "Decided May 2, 2024",
        "U.S. Department of Justice Executive Office for Immigration Review "
        "Board of Immigration Appeals",
    ])
    assert ident.court_id == "bia" and ident.court_source == "agency head"
    assert ident.date == "2024-05-02"
    assert ident.title == "Matter of Ana EXAMPLE, Respondent"
    assert ident.case_line == "Matter of Ana EXAMPLE"
    assert "30 I&N Dec. 101" in ident.citations[0]
    ident = identify([
        "                    T.C. Memo. 2021-99",
        "               UNITED STATES TAX COURT",
        "   PAT EXAMPLE AND LEE EXAMPLE, Petitioners v.",
        "    COMMISSIONER OF INTERNAL REVENUE, Respondent",
        "   Docket Nos. 1234-19, 5678-19,            Filed August 9, 2021.",
        "              9012-20.",
    ])
    assert ident.court_id == "tax"
    assert ident.dockets == ["1234-19, 5678-19, 9012-20"]
    assert ident.date == "2021-08-09"
    assert ident.citations == ["T.C. Memo. 2021-99"]
    assert case.short_case_name(roles(ident)) == \
        "EXAMPLE v. COMMISSIONER OF INTERNAL REVENUE"


def test_court_and_date_from_the_stamp_and_citations_are_reported():
    body = " ".join(["Smith v. Jones, 1 F. Supp. 3d 1 (S.D.N.Y. 2019)."] * 4)
    ident = identify(["I. Background", "The facts are these."],
                     stamps=["Case 1:19-cv-01234-ABC Document 7 Filed 03/04/20 Page 1 of 9"],
                     body=body)
    assert ident.court_id == "nysd" and ident.court_source == "citations"
    assert ident.dockets == ["1:19-cv-01234-ABC"] and ident.date == "2020-03-04"
    text = " ".join(ident.warnings)
    assert "guessed from the citations" in text and "e-filing stamp" in text


def test_side_label_names_the_court():
    ident = identify(["UNITED STATES DISTRICT COURT", "", "A, Plaintiff, v. B, Defendant."],
                     furniture=["Northern District of California", "United States District Court"])
    assert ident.court_id == "cand" and ident.court_source == "page furniture"


def test_a_form_title_in_its_running_foot():
    foot = "CR-104 (wpd 12/20)        JUDGMENT & COMMITMENT ORDER           Page {} of 6"
    ident = identify(["United States District Court", "Central District of California",
                      "UNITED STATES OF AMERICA vs.        Docket No.   SACR 20-1XYZ"],
                     furniture=[foot.format(1), foot.format(2)])
    assert ident.title == "JUDGMENT & COMMITMENT ORDER"
    assert any("taken from the page furniture" in w for w in ident.warnings)


def test_no_caption_warns_that_it_does_not_look_like_an_opinion():
    state = run_through("hello world\n", "caption")
    assert any("does not look like a court opinion" in w for w in state.report.warnings)


def test_the_caption_pass_marks_what_it_found():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF ARIZONA", "",
                      "JANE ROE,                               No. CV-20-01234-PHX-ABC",
                      "              Plaintiff,",
                      "     v.                                  ORDER",
                      "JOHN DOE,",
                      "              Defendant.", "", *prose(6)])
    state = run_through(text, "caption")
    tags = {x.tag for p in state.doc.header for x in p.content if hasattr(x, "tag")}
    assert {"courtType", "docketNumber", "party"} <= tags
    meta = state.doc.meta
    assert (meta.court_id, meta.docket, meta.title) == ("azd", "CV-20-01234-PHX-ABC", "ORDER")
    assert [p.role for p in meta.parties] == ["plaintiff", "defendant"]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("text, iso", [
    ("March 16, 2022", "2022-03-16"),
    ("Mar. 16, 2022", "2022-03-16"),
    ("SEPT. 5, 2020", "2020-09-05"),
    ("16 March 2022", "2022-03-16"),
    ("3/16/22", "2022-03-16"),
    ("03/16/2022", "2022-03-16"),
    ("this 16th day of March, 2022", "2022-03-16"),
    ("the sixteenth day of March, in the year two thousand twenty-two", "2022-03-16"),
    ("March 16, two thousand twenty-two", "2022-03-16"),
    ("the first day of June, in the year of our Lord one thousand eight hundred and nineteen",
     "1819-06-01"),
    ("December Term, 1819", "1819-12"),
])
def test_date_forms(text, iso):
    found = dates.decision_date(text)
    assert found is not None and found.iso == iso
    assert found.precision == ("month" if "Term" in text else "day")


def test_decision_date_labels():
    assert dates.decision_date("Argued April 23, 2013—Decided June 13, 2013").iso == "2013-06-13"
    assert dates.decision_date("Submitted: January 8, 2010\nFiled: February 5, 2010").iso == \
        "2010-02-05"
    assert dates.decision_date("(Argued: January 25, 2010   Decided: February 4, 2010)").label \
        == "decided"
    heard = "Heard in the Supreme Court on 23 March 2021"
    assert dates.find_dates(heard)[0].label == "heard" and dates.decision_date(heard) is None
    assert dates.form_date(["MONTH  DAY  YEAR", "appeared in person on this date.  07  12  2021"]
                           ).iso == "2021-07-12"


def test_filed_stamp_date_is_the_last_resort_and_reported():
    ident = identify(["UNITED STATES DISTRICT COURT", "DISTRICT OF OREGON", "ORDER"],
                     stamps=["Case 3:20-cv-00001-XX Document 5 Filed 01/02/21 Page 1 of 3"])
    assert ident.date == "2021-01-02" and ident.date_source == "filing stamp"
    assert any("guessed from the e-filing stamp" in w for w in ident.warnings)
    ident = identify(["UNITED STATES DISTRICT COURT", "DISTRICT OF OREGON", "ORDER"],
                     stamps=["Case 3:20-cv-00001-XX Document 5 Filed 01/02/21 Page 1 of 3"],
                     closing_date="2020-12-30")
    assert ident.date == "2020-12-30"


# ---------------------------------------------------------------- dockets


def test_docket_forms():
    found = dockets.dockets_in(["No. 2:15-cv-0208 TLN KJN P", "2022-NCSC-1", "No. 363A14-4",
                                "ON APPEAL from the United States District Court",
                                "in CASE NO. 07-CV-1660."])
    assert [d.text for d in found if not d.lower] == ["2:15-cv-0208 TLN KJN P", "363A14-4"]
    assert [d.text for d in found if d.lower] == ["07-CV-1660"]
    assert dockets.stamp_facts(["Case: 20-1507   Document: 00117684624   Page: 1   "
                                "Date Filed: 12/22/2020   Entry ID: 6390389"]) == \
        ("20-1507", "12/22/2020")


# ---------------------------------------------------------------- writings


@pytest.mark.parametrize("line, kind, author", [
    ("JUSTICE KENNEDY delivered the opinion of the Court.", "majority", "KENNEDY"),
    ("JUSTICE SCALIA, concurring.", "concurrence", "SCALIA"),
    ("JUSTICE GINSBURG, dissenting.", "dissent", "GINSBURG"),
    ("JUSTICE BREYER, concurring in part and dissenting in part.", "concurrenceDissent",
     "BREYER"),
    ("JUSTICE KENNEDY announced the judgment of the Court and delivered an opinion, in which "
     "JUSTICE X joins.", "plurality", "KENNEDY"),
    ("FAY, Circuit Judge:", "majority", "FAY"),
    ("ANDERSON, Circuit Judge, concurring:", "concurrence", "ANDERSON"),
    ("GORMAN, Appellate Immigration Judge:", "majority", "GORMAN"),
    ("CONCURRING OPINION: Blair T. O’Connor, Appellate Immigration Judge", "concurrence",
     "Blair T. O’Connor"),
    ("STEWART D. AARON, UNITED STATES MAGISTRATE JUDGE:", "majority", "STEWART D. AARON"),
    ("P ER CURIAM:", "perCuriam", "PER CURIAM"),
    ("Per Curiam (BRYSON, GAJARSA, and PROST, Circuit Judges.)", "perCuriam", "PER CURIAM"),
])
def test_author_line_forms(line, kind, author):
    found = author_line(line)
    assert found is not None and found[:2] == (kind, author)


def test_a_signature_at_the_end_opens_no_writing():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "", "ORDER", "", *prose(5), "",
                      "JANE ROE, United States District Judge"])
    state = run_through(text, "parts")
    assert state.segments == []


# ---------------------------------------------------------------- case names and labels


def test_case_names_short_and_full():
    parties = [("GIFT SURPLUS, LLC, and SANDHILL AMUSEMENTS, INC.", "plaintiff"),
               ("STATE OF NORTH CAROLINA, ex rel. ROY COOPER, GOVERNOR", "defendant")]
    assert case.short_case_name(parties) == "GIFT SURPLUS, LLC v. STATE ex rel. COOPER"
    assert case.full_case_name(parties).startswith("GIFT SURPLUS, LLC, and SANDHILL")
    assert case.short_case_name([("RITA WEINTRAUB; BARRY WEINTRAUB", "appellant"),
                                 ("QUICKEN LOANS, INCORPORATED", "appellee")]) == \
        "WEINTRAUB v. QUICKEN LOANS, INC."
    assert case.short_case_name([("Department of Health and Human Services", "party"),
                                 ("Pat Doe", "party")]) == \
        "Department of Health and Human Services v. Doe"


def test_display_title_is_never_a_uri():
    assert case.display_title(full_name="/akn/us/judgment/x/2020-01-01/1", docket="1",
                              court="Court X", kind="order") == "Order, Court X, No. 1"
    assert case.display_title() == "Judgment"


def test_writing_labels():
    assert case.writing_label("majority", "Kennedy") == "Opinion of the Court (Kennedy, J.)"
    assert case.writing_label("concurrence", "SCALIA") == "Scalia, J., concurring"
    assert case.writing_label("dissent", "Ginsburg") == "Ginsburg, J., dissenting"
    assert case.writing_label("majority", "Roberts", chief=True) == \
        "Opinion of the Court (Roberts, C. J.)"
    assert case.writing_label("concurrenceDissent", "Breyer") == \
        "Breyer, J., concurring in part and dissenting in part"
    assert case.writing_label("perCuriam", None) == "Per Curiam"


# ---------------------------------------------------------------- caption rows beyond the title


def test_court_rows_resolve_without_a_seat_courts_db_does_not_name():
    ident = identify(["UNITED STATES DISTRICT COURT", "DISTRICT OF NEW JERSEY", "CAMDEN VICINAGE",
                      "Civ. No. 16-1 (ABC)", "OPINION"])
    assert ident.court_id == "njd" and ident.court_source == "caption"


def test_a_title_qualifier_below_the_other_columns_row():
    # rows rebuilt from a PDF: the left column's party row stands between title and qualifier
    ident = identify(["UNITED STATES DISTRICT COURT", "DISTRICT OF NEW JERSEY",
                      " PAT ROE,", "          Civ. No. 1:20-cv-1 (ABC)", "       Plaintiff",
                      "  v.", "                        OPINION", " TOWN OF X, et al.,",
                      "                       (REDACTED)", "       Defendants"])
    assert ident.title == "OPINION (REDACTED)"
    assert ident.title_rows == ["OPINION", "(REDACTED)"]


def test_a_caption_box_going_on_below_the_title_stays_in_the_header():
    text = "\n".join(["UNITED STATES DISTRICT COURT", "DISTRICT OF NEW JERSEY", "",
                      " PAT ROE,                     Civ. No. 1:20-cv-1 (ABC)",
                      "       Plaintiff", "  v.", "                              OPINION",
                      " TOWN OF X, et al.,           (REDACTED)", "       Defendants", "",
                      "APPEARANCES:", "JANE LAWYER, Esq.", "1 Main Street",
                      "Camden, NJ 08101", "       On behalf of Plaintiff", "",
                      "ROE, United States District Judge", "", *prose(6)])
    state = run_through(text, "parts")
    head = [l.text.strip() for l in state.head]
    assert head[-1] == "On behalf of Plaintiff" and "Defendants" in head
    assert state.body_lines == [] and len(state.segments) == 1
    # no caption row after the title: the header ends at the title as before
    plain = "\n".join(["UNITED STATES DISTRICT COURT", "", "MEMORANDUM OPINION", "",
                       "I. Background", "", *prose(6)])
    assert [l.text.strip() for l in run_through(plain, "parts").head][-1] == \
        "MEMORANDUM OPINION"


def test_caption_end_is_not_set_by_one_overlong_line():
    # plain pdftotext may run a table's cells into one very long line
    text = "\n".join(["UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF CALIFORNIA", "",
                      "ACME, INC.,", "Petitioner,", "v.", "BETA LLC,", "Respondent.",
                      "Case No. 19-cv-00001-VC", "ORDER GRANTING IN PART AND", "DENYING MOTION",
                      "", *prose(12), "x " * 120, *prose(4)])
    state = run_through(text, "caption")
    assert state.doc.meta.title == "ORDER GRANTING IN PART AND DENYING MOTION"
    assert state.doc.header and state.doc.meta.dockets == ["19-cv-00001-VC"]


def test_a_title_the_caption_abbreviates_is_taken_whole_from_the_running_foot():
    foot = "CR-104 (wpd 12/20)        JUDGMENT & PROBATION/COMMITMENT ORDER      Page {} of 6"
    ident = identify(["United States District Court", "Central District of California",
                      "UNITED STATES OF AMERICA vs.", "Docket No.", "SACR 20-1XYZ",
                      "JUDGMENT", "AND PROB/", "COMM", "ORDER"],
                     furniture=[foot.format(1), foot.format(2)])
    assert ident.title == "JUDGMENT & PROBATION/COMMITMENT ORDER"
    assert any("the caption abbreviates it" in w for w in ident.warnings)
    assert ident.parties == []  # "Central District of California" and "Docket No." name no one
    assert caption.abbreviates("JUDGMENT AND PROB/ COMM ORDER",
                               "JUDGMENT & PROBATION/COMMITMENT ORDER")
    assert not caption.abbreviates("ORDER", "ORDER GRANTING MOTION")
    assert not caption.abbreviates("ORDER", "ORDER")


def test_a_signature_blocks_date_with_its_label_below():
    rows = ["supervision for a violation occurring during the period.", "", "July 12, 2021",
            "Date", "", "U. S. District Judge Pat Roe", "7/12/21", "Filed Date"]
    found = dates.signed_date(rows)
    assert found.iso == "2021-07-12" and found.label == "date"
    ident = identify(["United States District Court", "Central District of California",
                      "Docket No.   SACR 20-1XYZ"], signature_rows=rows)
    assert ident.date == "2021-07-12" and ident.date_source == "signature"
    assert dates.signed_date(["We decided on July 12, 2021 that", "Date"]) is None


def test_standalone_mixed_case_title():
    ident = identify(["United States District Court", "Western District of Texas",
                      "Jane Roe, Plaintiff,", "v.", "Acme Corp., Defendant.",
                      "Case No. 1:21-cv-00001", "Memorandum Opinion and Order"])
    assert ident.title == "Memorandum Opinion and Order" and ident.court_id == "txwd"
    assert caption.document_type(ident.title, []) == "memorandumOpinion"
    assert identify(["UNITED STATES DISTRICT COURT", "Order Granting Motion to Dismiss"]).title \
        == "Order Granting Motion to Dismiss"
    # a sentence that opens with the word is no title
    assert identify(["UNITED STATES DISTRICT COURT", "Order the parties to confer.",
                     "Opinion of the magistrate judge is adopted"]).title is None


# ---------------------------------------------------------------- court-form modules


def test_court_form_words_come_from_their_modules():
    """Issue 8, acceptance 4: the civil-minutes heading and the Board of Immigration Appeals'
    titles and author lines are named only in readers/forms/ (each with example lines and
    their source); the general rules compose them."""
    import inspect

    from convert.readers import writings
    from convert.readers.forms import agency_heads, civil_minutes

    assert civil_minutes.TITLE in caption.TITLE_RE.pattern
    assert caption.TITLE_RE.match("CIVIL MINUTES – GENERAL")
    assert agency_heads.AUTHOR_TITLE_WORDS in writings._TITLE
    assert author_line("DISSENTING OPINION: Pat Q. Member, Board Member")[:2] == \
        ("dissent", "Pat Q. Member")
    for module in (caption, writings):
        source = inspect.getsource(module)
        assert "CIVIL MINUTES" not in source and "Appellate\\s+Immigration" not in source
        assert "I&N\\s+Dec" not in source and "SUPREME COURT OF|" not in source
    assert any("I&N" in form.pattern for form in caption.CITATION_FORMS)
    for module in (agency_heads, civil_minutes):
        doc = inspect.getsource(module)
        assert "Example" in doc or "example" in doc or "e.g." in doc or '"' in doc


def test_a_bankruptcy_appeal_names_its_district_by_the_bankruptcy_courts_it_cites():
    body = ("In re A, 1 B.R. 1 (Bankr. S.D.N.Y. 2006); In re B, 2 B.R. 2 (Bankr. S.D.N.Y. 1993); "
            "C v. D, 3 F. Supp. 3 (S.D.N.Y. 2006); E v. F, 4 F. Supp. 4 (E.D.N.Y. 2008).")
    ident = identify(["I. Background", "The facts are not disputed."],
                     stamps=["Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15"],
                     body=body)
    assert ident.court_id == "nysd" and ident.court_source == "citations"
    assert any("district court's form" in w and "bankruptcy" in w for w in ident.warnings)
    # without the bankruptcy court's citations, two of four name no majority
    ident = identify(["I. Background"], body=body.replace("Bankr. ", "Bankr. Ct. "),
                     stamps=["Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15"])
    assert ident.court_id is None
