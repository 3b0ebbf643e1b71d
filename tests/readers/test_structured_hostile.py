"""Hostile structured input (issue 13, acceptance 4): scripts, entities, external resources,
100 MB, deep nesting are refused or neutralised with a clear one-line error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from convert.akn.builder import build, serialize
from convert.errors import ConvertError
from convert.readers.structured import cap, fastcase, safe, vendor
from convert.validate.schema import schema_errors

CASEBODY = ('<section class="casebody"><section class="head-matter"><p class="court">'
            'Court of Tests.</p></section><article class="opinion" data-type="majority">'
            '<p class="author">SMITH, J.</p>{body}</article></section>')


def _cap(body: str):
    data = CASEBODY.format(body=body).encode()
    doc, report = cap.read("hostile.html", data)
    tree = build(doc)
    assert schema_errors(tree) == []
    return serialize(tree).decode(), report


def test_script_style_and_handlers_are_removed_and_reported():
    xml, report = _cap('<p onclick="steal()">Held.<script>alert(1)</script> Affirmed.'
                       '<style>p{}</style></p><iframe src="http://evil.test/x"></iframe>')
    assert "alert" not in xml and "steal" not in xml and "evil.test" not in xml
    assert "Held. Affirmed." in xml
    assert any("removed active or external content" in w and "script" in w
               for w in report.warnings)


def test_external_resources_are_never_fetched():
    xml, report = _cap('<p>Text <img src="http://evil.test/track.png"> more '
                       '<link rel="stylesheet" href="http://evil.test/s.css"> end.</p>'
                       '<p><a href="javascript:alert(1)">click</a></p>')
    assert "evil.test" not in xml and "javascript" not in xml
    assert "Text more end." in " ".join(xml.split())


def test_markup_in_text_stays_text():
    xml, _ = _cap("<p>&lt;script&gt;alert(1)&lt;/script&gt; is text.</p>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is text." in xml


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE html [<!ENTITY x "boom">]>' + CASEBODY.format(body="<p>&x;</p>").encode(),
    b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + CASEBODY.format(body="<p>&x;</p>").encode(),
])
def test_html_entity_declarations_are_refused(data):
    with pytest.raises(ConvertError, match="entit"):
        cap.read("x.html", data)


@pytest.mark.parametrize("module,data", [
    (vendor, b'<!DOCTYPE opinion [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
             b'<opinion><opinion_text>&b;</opinion_text></opinion>'),
    (vendor, b'<!DOCTYPE opinion [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
             b'<opinion><opinion_text>&x;</opinion_text></opinion>'),
    (fastcase, b'<!DOCTYPE Case SYSTEM "http://evil.test/case.dtd"><Case><CaseHtml>x'
               b'</CaseHtml></Case>'),
])
def test_xml_entities_and_external_dtds_are_refused(module, data):
    with pytest.raises(ConvertError) as err:
        module.read("x.xml", data)
    assert "refused" in str(err.value) and "\n" not in str(err.value)


def test_escaped_html_inside_a_fastcase_record_is_neutralised_too():
    record = (b"<Case><Citations/><Author>SMITH, J.</Author><CaseHtml>&lt;p&gt;SMITH, J."
              b"&lt;/p&gt;&lt;p&gt;Held.&lt;script&gt;alert(1)&lt;/script&gt; Done.&lt;/p&gt;"
              b"</CaseHtml></Case>")
    doc, report = fastcase.read("x.xml", record)
    xml = serialize(build(doc)).decode()
    assert "alert" not in xml and "Held. Done." in xml


def test_100_mb_is_refused_before_parsing():
    # bytes(n) is calloc'd: 100 MB of input without 100 MB of touched memory (the suite's
    # own memory bound, tests/test_validate_hostile.py, measures this process).
    data = bytes(100 * 1024 * 1024)
    for module in (cap, fastcase, vendor):
        with pytest.raises(ConvertError, match="over the .* limit: refused"):
            module.read("big.html", data)


def test_100_mb_file_is_refused_by_the_command_line(tmp_path):
    big = tmp_path / "big.cap.html"
    with open(big, "wb") as f:
        f.write(CASEBODY.format(body="<p>x</p>").encode())
        f.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to disk
    done = subprocess.run([sys.executable, "-m", "convert", "convert", str(big), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    err = done.stderr.strip().splitlines()
    assert len(err) == 1 and "big.cap.html" in err[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize("depth", [safe.MAX_DEPTH + 50, 20000])
def test_deep_nesting_is_refused(depth):
    body = "<div>" * depth + "x" + "</div>" * depth
    with pytest.raises(ConvertError, match="nested deeper|refused"):
        cap.read("deep.html", CASEBODY.format(body=body).encode())
    xml = ("<opinion><opinion_text>" + "<italic>" * depth + "x" + "</italic>" * depth
           + "</opinion_text></opinion>").encode()
    with pytest.raises(ConvertError, match="nested deeper|refused"):
        vendor.read("deep.xml", xml)
