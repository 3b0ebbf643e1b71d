"""Issue 14, item 11: one line per message in every `validate` report format.  Newlines in
libxml2/xmlschema messages (which quote attribute values) and in file names could forge lines
in the text report and in JUnit's failure text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from test_validate_hostile import good_akn

ROOT = Path(__file__).resolve().parents[1]
FORGED = "forged.xml:1: schema fake: looks like a separate issue"


@pytest.fixture
def hostile(tmp_path) -> Path:
    data = good_akn()
    date = re.search(rb'<FRBRdate date="([^"]+)"', data).group(1)
    data = data.replace(b'date="' + date + b'"',
                        b'date="' + date + b'&#10;' + FORGED.encode() + b'&#13;&#x2028;x"', 1)
    path = tmp_path / "evil\nname.xml"  # a file name can hold a newline too
    path.write_bytes(data)
    return path


def validate(path: Path, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "convert", "validate", "--format", fmt,
                           str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_text_report_has_one_line_per_issue(hostile):
    done = validate(hostile, "text")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert not any(line.startswith("forged.xml") for line in lines)
    issue_lines = [line for line in lines if "evil\\nname.xml" in line]
    assert any("\\n" + FORGED + "\\r\\u2028x" in line for line in issue_lines)
    assert len(lines) == len(issue_lines) + 1  # the issues, then the summary


def test_junit_failure_lines_cannot_be_forged(hostile):
    done = validate(hostile, "junit")
    root = etree.fromstring(done.stdout.encode())
    failure = root.find(".//failure")
    assert "\n" not in failure.get("message")
    assert all(not line.startswith("forged.xml") for line in failure.text.splitlines())
    case = root.find(".//testcase")
    assert "\n" not in case.get("name")


def test_json_lines_stay_one_line_per_file(hostile):
    done = validate(hostile, "json")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    record = json.loads(lines[0])
    assert all("\n" not in e["message"] for e in record["errors"])
