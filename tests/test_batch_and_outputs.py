"""Outputs never replace inputs or each other; batch runs keep every input's result."""

from __future__ import annotations

import json
import shutil

from convert.cli import main

from locations import SEED_000, SEED_004


def test_convert_refuses_to_overwrite_its_input(tmp_path, capsys):
    src = tmp_path / "opinion.md"
    shutil.copy(SEED_004, src)
    before = src.read_bytes()
    assert main(["convert", str(src), "-o", str(tmp_path), "--to", "md"]) == 1
    assert "would overwrite the input" in capsys.readouterr().err
    assert src.read_bytes() == before


def test_render_refuses_to_overwrite_its_input(tmp_path, capsys):
    main(["convert", str(SEED_004), "-o", str(tmp_path)])
    xml = tmp_path / f"{SEED_004.stem}.xml"
    md = tmp_path / "copy.md"
    shutil.copy(xml, md)  # an AKN file that happens to be named .md
    before = md.read_bytes()
    assert main(["render", str(md), "--to", "md", "-o", str(md)]) == 1
    assert md.read_bytes() == before


def test_inputs_with_the_same_stem_do_not_clobber_each_other(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    shutil.copy(SEED_000, first)
    shutil.copy(SEED_004, second)
    code = main(["convert", str(first), str(second), "-o", str(tmp_path / "out")])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{second}: same output names as {first}" in err
    assert "K.O., et al." in (tmp_path / "out" / "x.xml").read_text(encoding="utf-8")


def test_batch_keeps_structure_reports_and_survives_bad_input(tmp_path, capsys):
    src = tmp_path / "src"
    (src / "dc").mkdir(parents=True)
    (src / "cal").mkdir()
    shutil.copy(SEED_000, src / "dc" / "ko.txt")
    shutil.copy(SEED_004, src / "cal" / "immdef.txt")
    (src / "cal" / "empty.txt").write_bytes(b"")
    report = tmp_path / "report.jsonl"
    code = main(["batch", str(src), "-o", str(tmp_path / "out"), "-j", "2",
                 "--report", str(report)])
    assert code == 1
    assert (tmp_path / "out" / "dc" / "ko.xml").exists()
    assert (tmp_path / "out" / "cal" / "immdef.xml").exists()
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert [(r["input"].split("/")[-1], r["status"]) for r in rows] == [
        ("empty.txt", "failed"), ("immdef.txt", "converted"), ("ko.txt", "converted")]
    assert "2 converted, 0 up to date, 1 failed" in capsys.readouterr().err


def test_batch_refuses_output_inside_or_around_its_input(tmp_path, capsys):
    """Issue 14 item 8: `-o SRC`, `-o SRC/out` or `-o` a parent of SRC is a usage error."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED_004, src / "immdef.txt")
    for out in (src, src / "out", tmp_path):
        assert main(["batch", str(src), "-o", str(out), "--to", "xml,md"]) == 2
        assert "overlaps the input directory" in capsys.readouterr().err
    assert sorted(p.name for p in src.iterdir()) == ["immdef.txt"]


def test_batch_jobs_must_be_positive(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o"), "-j", "0"]) == 2
