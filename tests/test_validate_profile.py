"""`convert.validate.validate`: the official schema, the project profile, the Python API.

Broken documents are written by mutating one complete judgment made by our own builder; each
case checks the kind (schema or profile), the rule id and the line the report points at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from convert.akn.builder import build, serialize
from convert.document import (
    Document, Meta, Note, P, PageBreak, Paragraph, Party, Section, Span, Writing,
)
from convert.validate import Report, validate

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def make_document() -> Document:
    return Document(
        meta=Meta(court_id="dcd", court_name="United States District Court for the District of "
                  "Columbia", docket="20-309 (RC)", date="2021-03-04", title="Smith v. Jones",
                  parties=[Party("Alice Smith", "plaintiff"), Party("Bob Jones", "defendant")],
                  judges=["Rudolph Contreras"]),
        header=[
            P([Span("courtType", ["United States District Court"])]),
            P([Span("party", ["Alice Smith"], {"role": "plaintiff", "name": "Alice Smith"}),
               ", Plaintiff, v. ",
               Span("party", ["Bob Jones"], {"role": "defendant", "name": "Bob Jones"}),
               ", Defendant. Civil Action No. ", Span("docketNumber", ["20-309 (RC)"])]),
        ],
        body=[
            Paragraph([P(["The plaintiff sued.", Note("1", [P(["A footnote."])]),
                          " The court agrees.", PageBreak("5")])], num="1."),
            Section(["I."], ["BACKGROUND"], 1, [
                Paragraph([P(["The facts are these.", PageBreak("6"), " More facts."])]),
                Paragraph([P(["Still more.", Note("2", [P(["Second note."])])])]),
            ]),
            Writing("dissent", "Rudolph Contreras", [
                Paragraph([P([Span("opinion", ["CONTRERAS, J., dissenting."],
                                   {"name": "Rudolph Contreras", "type": "dissenting"}),
                              " I would not.", PageBreak("7")])]),
            ]),
        ],
        conclusions=[
            P([Span("docDate", ["March 4, 2021"], {"date": "2021-03-04"})]),
            P([Span("signature", [Span("judge", ["Rudolph Contreras"],
                                       {"name": "Rudolph Contreras"})])]),
        ],
    )


@pytest.fixture(scope="module")
def good_xml() -> str:
    return serialize(build(make_document())).decode()


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th occurrence of ``needle`` in ``text``."""
    pos = -1
    for _ in range(occurrence):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


def sub(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, f"fixture changed: {old!r} not in the document"
    return text.replace(old, new, count)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the good document


def test_builder_document_is_valid(good_xml, tmp_path):
    report = validate(write(tmp_path, "good.xml", good_xml))
    assert report.errors == []
    assert report.valid and report.schema_valid and report.profile_checked
    assert report.profile_valid is True
    assert report.document == "judgment"
    assert report.status == "valid"


def test_api_accepts_path_str_bytes_tree_and_element(good_xml, tmp_path):
    path = write(tmp_path, "good.xml", good_xml)
    tree = etree.parse(str(path))
    for source in (path, str(path), good_xml.encode(), tree, tree.getroot(),
                   build(make_document())):
        report = validate(source)
        assert isinstance(report, Report)
        assert report.valid, (type(source), report.errors)
    assert validate(tree).path == "<tree>"
    assert validate(good_xml.encode(), name="mine.xml").path == "mine.xml"


def test_both_import_spellings_work():
    import convert
    from convert import validate as validate_pkg
    from convert.validate import validate as validate_fn

    assert validate_pkg.validate is validate_fn
    assert convert.validate.validate is validate_fn


# ---------------------------------------------------------------- acceptance: broken documents


def test_missing_header(good_xml):
    start = good_xml.index("<header>")
    end = good_xml.index("</header>") + len("</header>")
    broken = good_xml[:start] + good_xml[end:]
    report = validate(broken.encode())
    assert not report.valid and report.schema_valid is False
    (err,) = report.by_kind("schema")
    assert err.rule == "element-content"
    assert err.line == line_of(broken, "<judgmentBody>")
    assert err.path == "/akomaNtoso/judgment/judgmentBody"
    assert "header" in err.message


def test_duplicate_eid(good_xml):
    broken = sub(good_xml, 'eId="para_3"', 'eId="para_2"')
    report = validate(broken.encode())
    # The official schema has the rule (xsd:unique eId-judgment over .//*), so the profile
    # does not repeat it.
    (err,) = report.errors
    assert (err.kind, err.rule) == ("schema", "cvc-idc")
    assert err.line == line_of(broken, 'eId="para_2"', occurrence=2)
    assert "'para_2'" in err.message and "eId-judgment" in err.message
    first_line = line_of(broken, 'eId="para_2"')
    assert f"(first used on line {first_line})" in err.message


def test_dangling_note_reference(good_xml):
    broken = sub(good_xml, " The court agrees.",
                 ' The court agrees.<noteRef href="#note_9" marker="9"/>')
    report = validate(broken.encode())
    assert report.schema_valid is True
    (err,) = report.errors
    assert (err.kind, err.rule) == ("profile", "href-target")
    assert err.line == line_of(broken, 'href="#note_9"')
    assert "#note_9" in err.message


def test_wrong_namespace(good_xml):
    broken = sub(good_xml, AKN, "http://docs.oasis-open.org/legaldocml/ns/akn/2.0")
    report = validate(broken.encode())
    assert report.status == "schema" and report.schema_valid is False
    (err,) = report.errors
    assert (err.kind, err.rule) == ("schema", "cvc-elt.1")
    assert err.line == line_of(broken, "<akomaNtoso")
    assert "No matching global declaration" in err.message
    assert report.profile_checked is False and report.document is None


SCHEMA_DATE = ("schema", "cvc-datatype-valid.1.2.3")
PROFILE_DATE = ("profile", "full-date")


@pytest.mark.parametrize("bad, expected", [
    ("2021-02-30", [SCHEMA_DATE]),  # no such day; the shape is right, so the profile is quiet
    ("2021-03", [SCHEMA_DATE, PROFILE_DATE]),  # not a date for either
    ("2021-03-04Z", [PROFILE_DATE]),  # a valid xsd:date, but not a plain full date
    ("2021-03-04T10:00:00", [PROFILE_DATE]),  # the schema's union type allows a dateTime
])
def test_bad_date(good_xml, bad, expected):
    old = '<FRBRdate date="2021-03-04" name="decision"/>'
    broken = sub(good_xml, old, old.replace("2021-03-04", bad))
    report = validate(broken.encode())
    assert not report.valid
    assert [(e.kind, e.rule) for e in report.errors] == expected
    for err in report.errors:
        assert err.line == line_of(broken, f'date="{bad}"')
        assert err.path == "/akomaNtoso/judgment/meta/identification/FRBRWork/FRBRdate"
        assert bad in err.message


# ---------------------------------------------------------------- every profile rule


def _drop_line(text: str, needle: str) -> str:
    lines = text.split("\n")
    hits = [i for i, ln in enumerate(lines) if needle in ln]
    assert len(hits) == 1, needle
    del lines[hits[0]]
    return "\n".join(lines)


PROFILE_CASES = [
    # (name, mutation, rule, needle whose line the error must point at)
    ("court", lambda t: sub(t, '<FRBRauthor href="#dcd"/>',
                            '<FRBRauthor href="#person_rudolph-contreras"/>'),
     "court", "<FRBRWork>"),
    ("docket", lambda t: _drop_line(t, "<FRBRnumber "), "docket", "<FRBRWork>"),
    ("decision-date", lambda t: sub(t, 'name="decision"', 'name="hearing"'),
     "decision-date", "<FRBRWork>"),
    ("paragraph-eid", lambda t: sub(t, '<paragraph eId="para_2">', "<paragraph>"),
     "eid-required", "<paragraph>"),
    ("note-eid", lambda t: sub(t, '<authorialNote eId="note_2" ', "<authorialNote "),
     "eid-required", '<authorialNote marker="2"'),
    ("empty-paragraph", lambda t: sub(t, "<p>Still more.", "<p>", 1).replace(
        '<authorialNote eId="note_2" marker="2" placement="bottom"><p>Second note.</p>'
        "</authorialNote>", "<eop/>"),
     "empty-paragraph", '<paragraph eId="para_3">'),
    ("empty-p", lambda t: sub(t, "<p>Still more.", "<p/><p>Still more."),
     "empty-p", "<p/>"),
    ("eop-order", lambda t: sub(t, 'number="6"', 'number="4"'), "eop-order", 'number="4"'),
    ("refersTo", lambda t: sub(t, 'refersTo="#person_bob-jones"', 'refersTo="#person_nobody"'),
     "reference-refersTo", "#person_nobody"),
    ("as", lambda t: sub(t, 'as="#defendant"', 'as="#appellee"'), "reference-as", "#appellee"),
    ("by", lambda t: sub(t, 'by="#person_rudolph-contreras"', 'by="#person_x"'),
     "reference-by", 'by="#person_x"'),
    ("href", lambda t: sub(t, "A footnote.", 'A footnote, see <ref href="#para_77">¶ 77</ref>.'),
     "href-target", 'href="#para_77"'),
]


@pytest.mark.parametrize("name, mutate, rule, needle", PROFILE_CASES,
                         ids=[c[0] for c in PROFILE_CASES])
def test_profile_rule(good_xml, name, mutate, rule, needle):
    broken = mutate(good_xml)
    report = validate(broken.encode())
    assert report.schema_valid is True, report.errors  # each case breaks only the profile
    assert report.status == "profile"
    assert [(e.kind, e.rule) for e in report.errors] == [("profile", rule)], report.errors
    assert report.errors[0].line == line_of(broken, needle)
    assert report.errors[0].path.startswith("/akomaNtoso/judgment/")


def test_empty_table_cell_is_not_an_empty_paragraph(good_xml):
    table = "<table><tr><td><p>A</p></td><td><p/></td></tr></table>"
    fixed = sub(good_xml, "<p>Still more.", table + "<p>Still more.")
    assert validate(fixed.encode()).valid


def test_star_page_series_are_compared_separately(good_xml):
    # *5 (one star) then **2 (another series) then *6: increasing within each series.
    text = sub(good_xml, 'number="6"', 'number="*6"')
    text = sub(text, 'number="5"', 'number="*5"')
    text = sub(text, 'number="7"', 'number="**2"')
    assert validate(text.encode()).valid
    text = sub(text, 'number="*6"', 'number="*4"')
    assert [e.rule for e in validate(text.encode()).errors] == ["eop-order"]


def test_a_separate_writing_may_restart_page_numbers(good_xml):
    # The dissent (hcontainer name="opinion") starts again at page 1, as slip opinions do.
    restarted = sub(good_xml, 'number="7"', 'number="1"')
    assert validate(restarted.encode()).valid
    # Within one writing the numbers must still increase.
    text = sub(good_xml, "CONTRERAS, J., dissenting.</opinion>",
               'CONTRERAS, J., dissenting.</opinion><eop eId="page_3" number="3"/>')
    text = sub(text, 'number="7"', 'number="2"')
    errors = validate(text.encode()).errors
    assert [e.rule for e in errors] == ["eop-order"]
    assert errors[0].line == line_of(text, 'number="2"')


def test_schema_only_turns_the_profile_off(good_xml):
    broken = sub(good_xml, 'as="#defendant"', 'as="#appellee"')
    assert [e.rule for e in validate(broken.encode()).errors] == ["reference-as"]
    report = validate(broken.encode(), schema_only=True)
    assert report.valid and report.schema_valid is True
    assert report.profile_checked is False and report.profile_valid is None


def test_profile_only_applies_to_judgments():
    act = f"""<akomaNtoso xmlns="{AKN}"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/us/act/2020/1/!main"/><FRBRuri value="/akn/us/act/2020/1"/>
<FRBRdate date="2020-01-01" name="enacted"/><FRBRauthor href="#x"/><FRBRcountry value="us"/>
</FRBRWork><FRBRExpression><FRBRthis value="/akn/us/act/2020/1/eng@/!main"/>
<FRBRuri value="/akn/us/act/2020/1/eng@"/><FRBRdate date="2020-01-01" name="enacted"/>
<FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression><FRBRManifestation>
<FRBRthis value="/akn/us/act/2020/1/eng@/!main.xml"/><FRBRuri value="/akn/us/act/2020/1/eng@.xml"/>
<FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#x"/></FRBRManifestation>
</identification></meta><body><section eId="sec_1"><content><p>x</p></content></section>
</body></act></akomaNtoso>"""
    report = validate(act.encode())
    assert report.document == "act"
    assert report.schema_valid is True and report.valid
    assert report.profile_checked is False


def test_error_cap_counts_what_it_leaves_out(good_xml):
    paragraphs = "".join(f'<paragraph eId="para_x{i}"><content><p/></content></paragraph>'
                         for i in range(30))
    broken = sub(good_xml, "</introduction>", paragraphs + "</introduction>")
    report = validate(broken.encode(), max_errors=10)  # 30 empty paragraphs, 30 empty p
    assert len(report.errors) == 10 and report.errors_omitted == 50
    assert not report.valid
    assert report.to_dict()["error_count"] == 60


def test_report_never_raises_for_bad_input(tmp_path):
    for data in (b"", b"<a>", b"\xff\xfe\x00garbage", b"<?xml version='1.0'?>", b"<a/><b/>"):
        report = validate(data)
        assert not report.valid and report.errors
        assert report.errors[0].kind in ("input", "xml")
    report = validate(tmp_path / "missing.xml")
    assert report.errors[0].rule == "not-found"
    assert validate(tmp_path).errors[0].rule == "not-a-file"


# ---------------------------------------------------------------- other publishers


@pytest.mark.corpus
def test_corpus_is_valid_against_the_official_schema(corpus):
    files = sorted((corpus / "akn").glob("*.xml"))
    assert files, "no AKN files in the corpus"
    for f in files:
        report = validate(f, schema_only=True)
        assert report.valid, (f.name, report.errors[:3])
        assert report.document == "judgment"
        # With the profile on, the official schema verdict does not change; the profile
        # reports what these publishers do differently from us, as profile issues only.
        full = validate(f)
        assert full.schema_valid is True
        assert {e.kind for e in full.errors} <= {"profile"}


@pytest.mark.corpus
def test_corpus_verdict_agrees_with_xmlschema(corpus, monkeypatch):
    """A second, independent XSD implementation agrees with lxml on the corpus.  It needs
    use_fallback=False: with its fallback meta-schema xmlschema wrongly rejects the XHTML
    <style> in meta/presentation.  Documents are handed over parsed, so no schemaLocation
    hint is followed; a socket guard makes sure of it."""
    import socket

    import xmlschema

    from convert.validate.schema import official_xsd_path

    def no_network(*args, **kwargs):
        raise AssertionError("network attempt")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    schema = xmlschema.XMLSchema(str(official_xsd_path()), use_fallback=False)
    for f in sorted((corpus / "akn").glob("*.xml")):
        tree = etree.parse(str(f), etree.XMLParser(resolve_entities=False, no_network=True))
        assert schema.is_valid(tree), f.name
        assert validate(f, schema_only=True).valid
    # and it catches what lxml catches
    bad = etree.fromstring(b'<akomaNtoso xmlns="%s"><judgment name="x"><meta/></judgment>'
                           b'</akomaNtoso>' % AKN.encode())
    assert not schema.is_valid(bad)
    assert validate(bad).schema_valid is False
