"""Bad input and bad output paths give one clear line and exit 1 (usage errors exit 2): no
traceback, no partial output file, and one input's failure never costs another its output."""

from __future__ import annotations

import json

import pytest

from convert import pipeline
from convert.cli import main

from locations import SEED_000

TEXT = "UNITED STATES DISTRICT COURT\n\nThe court holds that the motion is denied.\n"


def _one_error_line(err: str, *needles: str) -> None:
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.startswith("error:")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], err


def _no_parts(*dirs) -> None:
    for d in dirs:
        if d.is_dir():
            assert not [p for p in d.iterdir() if p.name.endswith(".part")]


# ------------------------------------------------------------------ characters XML cannot hold


def test_nul_byte_past_the_sniffed_head_is_bad_input(tmp_path, capsys):
    src = tmp_path / "nul.txt"
    body = ("A line of opinion text that goes on for a while.\n" * 400).encode()
    src.write_bytes(body + b"\x00" + body)  # past the 8 KB binary sniff
    out = tmp_path / "out"
    assert main(["convert", str(src), "-o", str(out)]) == 1
    _one_error_line(capsys.readouterr().err, "nul.txt:401", "NUL")
    assert not out.exists() or not list(out.iterdir())


def test_nul_byte_parse_exits_1(tmp_path, capsys):
    src = tmp_path / "nul.txt"
    src.write_bytes(("Opinion text.\n" * 1000).encode() + b"\x00tail\n")
    assert main(["parse", str(src)]) == 1
    _one_error_line(capsys.readouterr().err, "NUL")


@pytest.mark.parametrize("junk", ["\x1b[1m", "\x07", "\x0b", "\ufffe"],
                         ids=["escape", "bell", "vtab", "nonchar"])
def test_control_characters_become_spaces_with_a_warning(tmp_path, capsys, junk):
    src = tmp_path / "ctl.txt"
    src.write_text(TEXT + f"\nSome text{junk}with a stray character.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ctl.txt:5" in err and "read as spaces" in err
    xml = (out / "ctl.xml").read_text(encoding="utf-8")
    assert "with a stray character" in xml


# ------------------------------------------------------------------ outputs that cannot be written


def test_parse_output_into_a_directory_exits_1(tmp_path, capsys):
    target = tmp_path / "adir"
    target.mkdir()
    assert main(["parse", str(SEED_000), "-o", str(target)]) == 1
    _one_error_line(capsys.readouterr().err, str(target), "cannot write output")
    _no_parts(tmp_path, target)


def test_parse_output_under_a_file_exits_1(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["parse", str(SEED_000), "-o", str(blocker / "x.xml")]) == 1
    _one_error_line(capsys.readouterr().err, "cannot write output")


def test_render_output_that_cannot_be_written_exits_1(tmp_path, capsys):
    xml = tmp_path / "doc.xml"
    assert main(["parse", str(SEED_000), "-o", str(xml)]) == 0
    target = tmp_path / "adir"
    target.mkdir()
    assert main(["render", str(xml), "--to", "md", "-o", str(target)]) == 1
    _one_error_line(capsys.readouterr().err, "cannot write output")
    _no_parts(tmp_path, target)


@pytest.mark.parametrize("fmt", ["xml", "html,md"])
def test_render_format_is_a_usage_error(tmp_path, capsys, fmt):
    xml = tmp_path / "doc.xml"
    assert main(["parse", str(SEED_000), "-o", str(xml)]) == 0
    assert main(["render", str(xml), "--to", fmt]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "render takes one format" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.xml"]


def test_batch_report_that_cannot_be_written_exits_1(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    report = tmp_path / "adir"
    report.mkdir()
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "--report", str(report)]) == 1
    _one_error_line(capsys.readouterr().err, "cannot write output")
    assert (tmp_path / "out" / "a.xml").is_file()  # the conversions themselves stand


def test_batch_report_is_written(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    report = tmp_path / "r.json"
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "--report", str(report)]) == 0
    assert json.loads(report.read_text().splitlines()[0])["status"] == "converted"


# ------------------------------------------------------------------ a crash inside the converter


def test_convert_internal_error_is_one_line_and_keeps_the_others(tmp_path, capsys, monkeypatch):
    good = tmp_path / "b_good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "a_bad.txt"
    bad.write_text(TEXT, encoding="utf-8")
    real_parse = pipeline.parse

    def parse(path, fmt="auto", *args, **kwargs):
        if "a_bad" in str(path):
            raise ValueError("reader bug")
        return real_parse(path, fmt, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse", parse)
    out = tmp_path / "out"
    assert main(["convert", str(bad), str(good), "-o", str(out)]) == 1
    _one_error_line(capsys.readouterr().err, "a_bad.txt", "internal error", "reader bug")
    assert sorted(p.name for p in out.iterdir()) == ["b_good.xml"]


def test_parse_internal_error_is_one_line(tmp_path, capsys, monkeypatch):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")

    def parse(path, fmt="auto", *args, **kwargs):
        raise ValueError("reader bug")

    monkeypatch.setattr(pipeline, "parse", parse)
    assert main(["parse", str(src)]) == 1
    _one_error_line(capsys.readouterr().err, "a.txt", "internal error")
