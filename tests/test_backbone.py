"""Issue 2: conversion contract — schema validity, nothing lost, determinism, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from convert.cli import main
from convert.coverage import compare
from convert.pipeline import parse
from convert.validate.schema import schema_errors

from locations import ROOT, SAMPLES, SEED_000, SEED_004

SEEDS = [SEED_000, SEED_004]


def test_convert_samples_writes_valid_xml(tmp_path, capsys):
    assert main(["convert", *map(str, SEEDS), "-o", str(tmp_path), "--to", "xml"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [f"{s.stem}.xml" for s in SEEDS]
    from lxml import etree

    for path in tmp_path.iterdir():
        assert schema_errors(etree.parse(str(path))) == []


def test_validate_command_accepts_our_output(tmp_path):
    main(["convert", str(SEED_000), "-o", str(tmp_path)])
    assert main(["validate", str(tmp_path / f"{SEED_000.stem}.xml")]) == 0


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_nothing_lost_nothing_invented(seed):
    parsed = parse(seed)
    lost, invented, coverage = compare(seed.read_text(encoding="utf-8"),
                                       parsed.report.removed, parsed.tree)
    assert not lost and not invented
    assert coverage == 1.0


def test_removed_report_is_only_furniture_and_labels():
    kinds = {r.kind for r in parse(SEED_000).report.removed}
    assert kinds <= {"stamp", "page-number", "separator", "note-label"}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_byte_identical_output(seed, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    main(["convert", str(seed), "-o", str(a)])
    # A separate process: no state shared with the first run.
    subprocess.run([sys.executable, "-m", "convert", "convert", str(seed), "-o", str(b)],
                   check=True, cwd=ROOT, capture_output=True)
    name = f"{seed.stem}.xml"
    assert (a / name).read_bytes() == (b / name).read_bytes()


# ---------------------------------------------------------------- bad input


def _run(args, capsys):
    code = main(args)
    err = capsys.readouterr().err
    return code, err


def test_empty_file(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, err = _run(["convert", str(bad), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert err.strip().splitlines() == [f"error: {bad}: file is empty"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_binary_file(tmp_path, capsys):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    code, err = _run(["convert", str(bad), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and str(bad) in err and "binary" in err
    assert not (tmp_path / "out" / "image.xml").exists()


def test_missing_path(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    code, err = _run(["convert", str(missing), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert err.strip() == f"error: {missing}: no such file"


def test_latin1_file_reads_with_a_warning(tmp_path, capsys):
    text = SEED_000.read_text(encoding="utf-8")
    latin = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-") \
        .replace("—", "-").replace("§", "\xa7").replace("¶", "\xb6") + "\nCaf\xe9 au lait.\n"
    src = tmp_path / "latin.txt"
    src.write_bytes(latin.encode("latin-1", errors="replace"))
    code, err = _run(["convert", str(src), "-o", str(tmp_path / "out")], capsys)
    assert code == 0
    assert "warning:" in err and "Latin-1" in err and str(src) in err
    xml = (tmp_path / "out" / "latin.xml").read_text(encoding="utf-8")
    assert "Café au lait." in xml


def test_one_bad_input_does_not_cost_the_others(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"   \n")
    code, err = _run(["convert", str(bad), str(SEED_004), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert (tmp_path / "out" / f"{SEED_004.stem}.xml").exists()
    assert not (tmp_path / "out" / "empty.xml").exists()


def test_usage_errors_exit_2(capsys):
    assert main(["convert", str(SEED_000)]) == 2  # no -o
    assert main(["frobnicate"]) == 2
    assert main(["convert", str(SEED_000), "-o", "x", "--to", "docx"]) == 2


def test_no_partial_file_left_when_output_fails(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{SEED_004.stem}.xml").mkdir()  # a directory where the file must go
    code = main(["convert", str(SEED_004), "-o", str(out)])
    assert code == 1
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_python_m_convert_help():
    done = subprocess.run([sys.executable, "-m", "convert", "--help"], capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0 and "convert" in done.stdout and "validate" in done.stdout
