"""Issue 12: `akn batch --citations-out FILE`, every document's citation table in one JSON
Lines file, complete on incremental reruns, the same for one worker or several."""

from __future__ import annotations

import json
import os
import time

from convert.cli import main

from test_batch import _tree


def _table(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _cite(xml, tmp_path) -> list[dict]:
    out = tmp_path / "one.jsonl"
    assert main(["cite", str(xml), "-o", str(out), "-q"]) == 0
    return _table(out)


def test_citations_out_holds_akn_cite_rows_of_every_document(tmp_path, capsys):
    src, out, table = _tree(tmp_path), tmp_path / "out", tmp_path / "cites.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--to", "xml", "--citations-out",
                 str(table), "-q"]) == 1  # the tree holds two bad inputs
    rows = _table(table)
    docs = [r["document"] for r in rows]
    assert docs == sorted(docs) and set(docs) == {"cal/deep/imm00.txt", "dc/ko00.txt"}
    assert list(rows[0]) == ["document", "text", "kind", "reporter", "volume", "page", "pin",
                             "year", "court", "href", "eId", "reference"]
    for doc, xml in (("dc/ko00.txt", out / "dc" / "ko00.xml"),
                     ("cal/deep/imm00.txt", out / "cal" / "deep" / "imm00.xml")):
        mine = [{k: v for k, v in r.items() if k != "document"} for r in rows
                if r["document"] == doc]
        assert mine == _cite(xml, tmp_path)  # the same rows as `akn cite`, in its order
    assert len([r for r in rows if r["document"] == "dc/ko00.txt"]) > 140
    assert not list(tmp_path.glob(".cites.jsonl.*"))  # written whole, no temporary left


def test_reruns_keep_the_table_whole(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    first, again, touched_run = (tmp_path / f"{n}.jsonl" for n in ("first", "again", "touched"))
    args = ["batch", str(src), "-o", str(out), "--to", "xml,html", "-q", "--citations-out"]
    assert main([*args, str(first)]) == 1
    assert main([*args, str(again)]) == 1  # every good input skipped: rows read back
    assert again.read_bytes() == first.read_bytes()
    touched = src / "dc" / "ko00.txt"
    later = time.time() + 5
    os.utime(touched, (later, later))
    assert main([*args, str(touched_run)]) == 1  # one converted, one skipped
    assert touched_run.read_bytes() == first.read_bytes()


def test_without_xml_outputs_a_rerun_converts_in_memory(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    first, again = tmp_path / "first.jsonl", tmp_path / "again.jsonl"
    args = ["batch", str(src), "-o", str(out), "--to", "md", "-q", "--citations-out"]
    assert main([*args, str(first)]) == 1
    made = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert main([*args, str(again)]) == 1
    assert again.read_bytes() == first.read_bytes() and first.stat().st_size > 10_000
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == made  # nothing new written


def test_two_workers_write_the_same_table(tmp_path, capsys):
    src = _tree(tmp_path, copies=2)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(src), "-o", str(tmp_path / "a"), "--citations-out", str(one),
                 "--to", "xml", "-q"]) == 1
    assert main(["batch", str(src), "-o", str(tmp_path / "b"), "--citations-out", str(two),
                 "--to", "xml", "-j", "2", "-q"]) == 1
    assert two.read_bytes() == one.read_bytes()
    assert {r["document"] for r in _table(one)} == {
        "cal/deep/imm00.txt", "cal/deep/imm01.txt", "dc/ko00.txt", "dc/ko01.txt"}


def test_an_unreadable_xml_output_is_one_error_line(tmp_path, capsys):
    src, out, table = _tree(tmp_path), tmp_path / "out", tmp_path / "cites.jsonl"
    args = ["batch", str(src), "-o", str(out), "--to", "xml", "--citations-out", str(table)]
    main([*args, "-q"])
    xml = out / "dc" / "ko00.xml"
    later = time.time() + 5
    xml.write_text("not xml")
    os.utime(xml, (later, later))  # still up to date: skipped, and listed from this file
    capsys.readouterr()
    assert main([*args, "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [ln for ln in err.splitlines() if "ko00.txt: cannot list its citations" in ln]
    assert {r["document"] for r in _table(table)} == {"cal/deep/imm00.txt"}


def test_citations_out_to_stdout(tmp_path, capsys):
    src, table = _tree(tmp_path), tmp_path / "cites.jsonl"
    assert main(["batch", str(src), "-o", str(tmp_path / "a"), "--to", "xml", "-q",
                 "--citations-out", str(table)]) == 1
    capsys.readouterr()
    assert main(["batch", str(src), "-o", str(tmp_path / "b"), "--to", "xml", "-q",
                 "--citations-out", "-"]) == 1
    assert capsys.readouterr().out.encode("utf-8") == table.read_bytes()
