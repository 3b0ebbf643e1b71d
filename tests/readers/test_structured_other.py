"""case.law JSON, Akoma Ntoso inputs, and `akn batch` over the corpus (issue 13,
acceptance 4 and 5)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from convert.akn.builder import build
from convert.akn.names import NS
from convert.batch.plan import Job
from convert.batch.work import reader_of
from convert.errors import ConvertError
from convert.pipeline import parse
from convert.readers.structured import akn, cap, caselaw_json
from convert.validate.profile import profile_issues
from convert.validate.schema import schema_errors

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from locations import CORPUS  # noqa: E402

AKN = "{%s}" % NS["akn"]
A2D = ["a2d_100_0036-01", "a2d_100_0040-01"]
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def _notes(tree) -> list[tuple[str, str]]:
    out = []
    for n in tree.getroot().iter(AKN + "authorialNote"):
        text = " ".join(" ".join(n.itertext()).split())
        out.append((n.get("marker"), text))
    return out


@needs_corpus
@pytest.mark.parametrize("stem", A2D)
def test_caselaw_json_keeps_each_writings_notes_as_its_notes(stem):
    path = CORPUS / "cap" / f"{stem}.json"
    doc, report = caselaw_json.read(str(path), path.read_bytes())
    tree = build(doc)
    assert schema_errors(tree) == []
    assert [i.message for i in profile_issues(tree)[1]] == []
    twin_doc, _ = cap.read(str(path.with_suffix(".html")), path.with_suffix(".html").read_bytes())
    twin = build(twin_doc)
    # One writing per entry, of the entry's type, by its author.
    record = json.loads(path.read_text())
    opinions = record["casebody"]["opinions"]
    writings = [h for h in tree.getroot().iter(AKN + "hcontainer") if h.get("name") == "opinion"]
    assert [h.get("class") for h in writings] == [o["type"] for o in opinions]
    # The notes are the twin's notes, in order, inside the writing, and the reader warns.
    ours, theirs = _notes(tree), _notes(twin)
    assert [m for m, _ in ours] == [m for m, _ in theirs]
    for (_m, a), (_n, b) in zip(ours, theirs):
        # CAP's twin keeps the dot that followed the dropped note number; the JSON reader
        # drops it with the number (a label, not a word).
        assert re.findall(r"\w+", a)[:6] == re.findall(r"\w+", b)[:6]
    assert all(n.getparent() is not None for n in writings[0].iter(AKN + "authorialNote"))
    assert any("no calls in the text" in w for w in report.warnings)


def test_caselaw_json_refuses_what_is_not_a_record(tmp_path):
    for data in (b"{}", b"[1, 2]", b"not json", b"[" * 5000 + b"]" * 5000):
        with pytest.raises(ConvertError):
            caselaw_json.read("x.json", data)


@needs_corpus
def test_akn_input_passes_through_unchanged_and_renders():
    path = CORPUS / "akn" / "tna-parser-test24.xml"
    parsed = parse(path)
    assert parsed.xml == path.read_bytes() or parsed.xml.replace(b"'", b'"').startswith(b"<?xml")
    from convert.pipeline import render

    html = render(parsed, "html").decode()
    assert html.count('class="akn-note-call') or "authorialNote" not in path.read_text() or \
        "note" in html


def test_akn_reader_refuses_invalid_and_foreign_xml():
    ns = NS["akn"]
    with pytest.raises(ConvertError, match="not valid Akoma Ntoso"):
        akn.read("x.xml", f'<akomaNtoso xmlns="{ns}"><judgment/></akomaNtoso>'.encode())
    with pytest.raises(ConvertError, match="not an Akoma Ntoso"):
        akn.read("x.xml", b'<root xmlns="urn:x">akomaNtoso</root>')
    with pytest.raises(ConvertError, match="entit"):
        akn.read("x.xml", b'<!DOCTYPE a [<!ENTITY x "y">]><akomaNtoso/>')


# Which reader each corpus folder's files need (by file name), for acceptance 5.
_EXPECTED = [("akn/", ".xml", "akn"), ("cap/", ".cap.html", "cap"), ("cap/", ".fastcase.xml",
             "fastcase"), ("cap/", ".json", "caselaw-json"), ("cap/", ".html", "cap"),
             ("vendor/", ".xml", "vendor"), ("pdf/", ".pdf", "pdf"), ("pdf/", ".txt", "text"),
             ("text/", ".txt", "text")]


def _expected(rel: str) -> str | None:
    for folder, suffix, reader in _EXPECTED:
        if rel.startswith(folder) and rel.endswith(suffix):
            return reader
    return None


def _detect(path: Path) -> str | None:
    return reader_of(Job(str(path), path.name, ()), path.read_bytes()[:65536])


@needs_corpus
def test_batch_picks_the_right_reader_for_every_corpus_file():
    """The reader `akn batch` picks for each file of the corpus, by content."""
    wrong = {}
    for path in sorted(CORPUS.rglob("*")):
        rel = path.relative_to(CORPUS).as_posix()
        want = _expected(rel)
        if path.is_file() and want and _detect(path) != want:
            wrong[rel] = _detect(path)
    assert wrong == {}
    assert _detect(CORPUS / "labels.json") is None  # claimed by no reader: not converted


@needs_corpus
@pytest.mark.parametrize("folder", ["cap", "vendor", "akn"])
def test_akn_batch_over_the_structured_folders(tmp_path, folder):
    report = tmp_path / "report.jsonl"
    done = subprocess.run([sys.executable, "-m", "convert", "batch", str(CORPUS / folder),
                           "-o", str(tmp_path / "out"), "--report", str(report)],
                          capture_output=True, text=True, timeout=300)
    results = [json.loads(line) for line in report.read_text().splitlines()]
    assert len(results) == len(list((CORPUS / folder).iterdir()))
    for r in results:
        rel = f"{folder}/{Path(r['input']).name}"
        if r["status"] == "converted":
            assert r["reader"] == _expected(rel), rel
    failed = {Path(r["input"]).name: r["error"] for r in results if r["status"] == "failed"}
    # case.law's JSON and HTML twins share a stem: their outputs would have the same names,
    # and batch converts only the first (its rule for any two inputs named alike).
    assert all("same output names" in e and n.endswith(".json") for n, e in failed.items())
    assert len(failed) == (2 if folder == "cap" else 0)
    assert done.returncode == (1 if failed else 0), done.stderr


@needs_corpus
def test_batch_does_not_read_a_json_or_html_file_no_reader_claims(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "labels.json").write_bytes((CORPUS / "labels.json").read_bytes()[:4000])
    (src / "page.html").write_text("<html><body><p>Not an opinion.</p></body></html>")
    done = subprocess.run([sys.executable, "-m", "convert", "batch", str(src), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "0 converted" in done.stderr and "no reader claims them" in done.stderr
    assert not (tmp_path / "out" / "labels.xml").exists()
