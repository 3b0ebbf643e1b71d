"""`akn validate`: exit codes, the three output formats (checked against their expected
shape), directory recursion, the summary line and the progress bar."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from convert.cli import main
from convert.validate.output import Progress
from test_validate_profile import good_xml, line_of, make_document, sub  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parent.parent  # not `from conftest`: tests/render has one too


@pytest.fixture
def tree_of_files(tmp_path, good_xml):
    """good.xml, sub/deeper/good2.xml, bad-schema.xml (no header), bad-profile.xml (dangling
    reference), empty.xml, notes.txt (ignored: not *.xml)."""
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "good.xml").write_text(good_xml)
    (tmp_path / "sub" / "deeper" / "good2.xml").write_text(good_xml)
    start, end = good_xml.index("<header>"), good_xml.index("</header>") + len("</header>")
    (tmp_path / "bad-schema.xml").write_text(good_xml[:start] + good_xml[end:])
    (tmp_path / "bad-profile.xml").write_text(
        sub(good_xml, 'as="#defendant"', 'as="#appellee"'))
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a document")
    return tmp_path


def run_cli(capsys, *argv):
    rc = main(["validate", *map(str, argv)])
    out, err = capsys.readouterr()
    return rc, out, err


# ---------------------------------------------------------------- exit codes


def test_exit_0_when_all_valid(capsys, tree_of_files):
    rc, out, err = run_cli(capsys, tree_of_files / "good.xml", tree_of_files / "sub")
    assert rc == 0
    assert out == "2 files: 2 valid, 0 invalid in " + out.split(" in ")[1]
    assert err == ""


def test_exit_1_when_any_invalid(capsys, tree_of_files):
    rc, out, err = run_cli(capsys, tree_of_files)
    assert rc == 1
    assert out.splitlines()[-1].startswith(
        "5 files: 2 valid, 3 invalid (1 unreadable or not well-formed, 1 schema, 1 profile)")


@pytest.mark.parametrize("argv, words", [
    ([], "required"),
    (["--format", "yaml", "x.xml"], "invalid choice"),
    (["--max-size", "lots", "x.xml"], "megabytes"),
    (["--max-size", "0", "x.xml"], "between"),
    (["does-not-exist.xml"], "no such file or directory: does-not-exist.xml"),
])
def test_exit_2_on_usage_errors(capsys, tmp_path, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run_cli(capsys, *argv)
    assert rc == 2
    assert words in err
    assert out == ""


def test_exit_2_when_no_xml_files_found(capsys, tmp_path):
    (tmp_path / "readme.txt").write_text("x")
    rc, out, err = run_cli(capsys, tmp_path)
    assert rc == 2 and "no *.xml files found" in err


def test_schema_only_option(capsys, tree_of_files):
    rc, out, _ = run_cli(capsys, "--schema-only", tree_of_files / "bad-profile.xml")
    assert rc == 0 and "1 file: 1 valid" in out
    rc, out, _ = run_cli(capsys, tree_of_files / "bad-profile.xml")
    assert rc == 1 and "profile reference-as" in out


def test_max_size_option(capsys, tree_of_files):
    rc, out, _ = run_cli(capsys, "--max-size", "0.001", tree_of_files / "good.xml")
    assert rc == 1 and "input too-large" in out and "1.0 KB limit" in out


# ---------------------------------------------------------------- text


TEXT_LINE = re.compile(r"^(?P<file>[^:]+?)(:(?P<line>\d+))?(: (?P<path>/\S*))?: "
                       r"(?P<kind>input|xml|schema|profile) (?P<rule>[\w.-]+): (?P<msg>.+)$")


def test_text_lines_name_file_line_path_kind_rule(capsys, tree_of_files, good_xml):
    rc, out, _ = run_cli(capsys, tree_of_files)
    lines = out.splitlines()[:-1]
    parsed = [TEXT_LINE.match(ln) for ln in lines]
    assert all(parsed), lines
    by_file = {Path(m["file"]).name: m for m in parsed}
    assert set(by_file) == {"bad-schema.xml", "bad-profile.xml", "empty.xml"}

    schema = by_file["bad-schema.xml"]
    broken = (tree_of_files / "bad-schema.xml").read_text()
    assert (schema["kind"], schema["rule"]) == ("schema", "element-content")
    assert int(schema["line"]) == line_of(broken, "<judgmentBody>")
    assert schema["path"] == "/akomaNtoso/judgment/judgmentBody"

    profile = by_file["bad-profile.xml"]
    assert (profile["kind"], profile["rule"]) == ("profile", "reference-as")
    broken = (tree_of_files / "bad-profile.xml").read_text()
    assert int(profile["line"]) == line_of(broken, 'as="#appellee"')
    assert profile["path"].startswith("/akomaNtoso/judgment/header/p[2]/party")

    empty = by_file["empty.xml"]
    assert (empty["kind"], empty["rule"], empty["line"]) == ("input", "empty", None)


def test_quiet_drops_the_summary(capsys, tree_of_files):
    rc, out, _ = run_cli(capsys, "-q", tree_of_files / "good.xml")
    assert rc == 0 and out == ""


# ---------------------------------------------------------------- JSON Lines

RECORD_KEYS = {"file": str, "valid": bool, "status": str, "document": (str, type(None)),
               "schema_valid": (bool, type(None)), "profile_checked": bool,
               "profile_valid": (bool, type(None)), "error_count": int, "errors": list,
               "errors_omitted": int, "seconds": float}
ERROR_KEYS = {"kind": str, "rule": str, "message": str, "line": (int, type(None)),
              "column": (int, type(None)), "path": (str, type(None))}


def check_shape(obj: dict, shape: dict) -> None:
    assert set(obj) == set(shape), set(obj) ^ set(shape)
    for key, types in shape.items():
        assert isinstance(obj[key], types), (key, obj[key])


def test_json_is_one_record_per_file_with_the_expected_shape(capsys, tree_of_files):
    rc, out, err = run_cli(capsys, "--format", "json", tree_of_files)
    assert rc == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    for r in records:
        check_shape(r, RECORD_KEYS)
        assert r["valid"] == (r["error_count"] == 0) == (r["status"] == "valid")
        assert r["status"] in ("valid", "input", "xml", "schema", "profile")
        for e in r["errors"]:
            check_shape(e, ERROR_KEYS)
            assert e["kind"] in ("input", "xml", "schema", "profile")
    by_name = {Path(r["file"]).name: r for r in records}
    assert by_name["good.xml"] == {**by_name["good.xml"], "valid": True, "errors": [],
                                   "schema_valid": True, "profile_valid": True}
    bad = by_name["bad-profile.xml"]
    assert (bad["schema_valid"], bad["profile_valid"]) == (True, False)
    (e,) = bad["errors"]
    assert (e["kind"], e["rule"]) == ("profile", "reference-as")
    assert e["line"] == line_of((tree_of_files / "bad-profile.xml").read_text(), "#appellee")
    assert by_name["bad-schema.xml"]["schema_valid"] is False
    assert by_name["empty.xml"]["schema_valid"] is None
    assert by_name["empty.xml"]["errors"][0]["rule"] == "empty"
    # the summary goes to stderr, so stdout stays machine-readable
    assert err.startswith("5 files: 2 valid, 3 invalid")


# ---------------------------------------------------------------- JUnit

JUNIT_XSD = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite"/></xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="time" type="xs:decimal" use="required"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="failure" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="message" type="xs:string" use="required"/>
                      <xs:attribute name="type" type="xs:string" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string" use="required"/>
            <xs:attribute name="time" type="xs:decimal" use="required"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="time" type="xs:decimal" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>"""


def test_junit_has_the_expected_shape(capsys, tree_of_files):
    rc, out, err = run_cli(capsys, "--format", "junit", tree_of_files)
    assert rc == 1
    doc = etree.fromstring(out.encode())
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    assert schema.validate(doc), schema.error_log
    suite = doc.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 5 == int(suite.get("tests")) == int(doc.get("tests"))
    failed = {Path(c.get("name")).name: c.find("failure") for c in cases
              if c.find("failure") is not None}
    assert set(failed) == {"bad-schema.xml", "bad-profile.xml", "empty.xml"}
    assert int(suite.get("failures")) == 3
    assert failed["bad-profile.xml"].get("type") == "profile"
    assert failed["bad-schema.xml"].get("type") == "schema"
    assert failed["empty.xml"].get("type") == "input"
    message = failed["bad-profile.xml"].get("message")
    line = line_of((tree_of_files / "bad-profile.xml").read_text(), "#appellee")
    assert message.startswith(f"1 error; first: line {line}: profile reference-as:")
    assert "bad-profile.xml:" in failed["bad-profile.xml"].text
    assert err.startswith("5 files: 2 valid, 3 invalid")


def test_junit_survives_control_characters_in_messages(capsys, tmp_path):
    (tmp_path / "ctl.xml").write_bytes(b"<a>\x01</a>")
    rc, out, _ = run_cli(capsys, "--format", "junit", tmp_path)
    assert rc == 1
    assert etree.fromstring(out.encode()).find("testsuite/testcase/failure") is not None


# ---------------------------------------------------------------- progress bar


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_with_many_files():
    tty = FakeTTY()
    bar = Progress(40, tty, interval=0)
    for _ in range(40):
        bar.step()
    bar.close()
    shown = tty.getvalue()
    assert "[" + "#" * 30 + "] 40/40 files" in shown and "20/40 files" in shown
    assert shown.endswith("\r\x1b[K")  # erased at the end

    pipe = io.StringIO()
    bar = Progress(40, pipe, interval=0)
    bar.step()
    bar.close()
    assert pipe.getvalue() == ""

    few = FakeTTY()
    bar = Progress(5, few, interval=0)
    bar.step()
    bar.close()
    assert few.getvalue() == ""


def test_progress_bar_in_a_cli_run(capsys, tmp_path, good_xml, monkeypatch):
    for i in range(25):
        (tmp_path / f"doc{i:02}.xml").write_text(good_xml)
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    rc = main(["validate", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert rc == 0
    assert "25/25 files" in tty.getvalue()
    assert out.startswith("25 files: 25 valid, 0 invalid")  # stdout has no bar in it


# ---------------------------------------------------------------- wiring and corpus


def test_python_dash_m_convert_validate(tree_of_files):
    proc = subprocess.run([sys.executable, "-m", "convert", "validate", "--format", "json",
                           str(tree_of_files / "good.xml"), str(tree_of_files / "empty.xml")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert [json.loads(x)["valid"] for x in proc.stdout.splitlines()] == [True, False]


@pytest.mark.corpus
def test_cli_reports_the_corpus_valid(capsys, corpus):
    rc, out, _ = run_cli(capsys, "--schema-only", corpus / "akn")
    n = len(list((corpus / "akn").glob("*.xml")))
    assert rc == 0, out
    assert out.startswith(f"{n} files: {n} valid, 0 invalid")
