"""`akn cite` and `--no-citations`."""

from __future__ import annotations

import json

from convert.cli import main

from locations import ROOT, SEED_000, SEED_004

GOLDEN_000 = ROOT / "tests" / "golden" / f"{SEED_000.stem}.xml"


def test_cite_writes_json_lines_with_every_column(tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    assert main(["cite", str(GOLDEN_000), "-o", str(out), "-q"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 100
    assert set(rows[0]) == {"text", "kind", "reporter", "volume", "page", "pin", "year",
                            "court", "href", "eId", "reference"}
    twombly = next(r for r in rows if r["text"] == "550 U.S. 544")
    assert (twombly["kind"], twombly["reporter"], twombly["volume"], twombly["page"],
            twombly["year"], twombly["court"]) == ("case", "U.S.", "550", "544", 2007, "scotus")
    assert twombly["eId"].startswith("para_")
    short = next(r for r in rows if r["text"].startswith("550 U.S. at "))
    assert (short["page"], short["href"]) == ("544", twombly["href"])
    assert short["pin"] and short["pin"] != "544"
    assert any(r["eId"].startswith("note_") for r in rows if r["eId"])


def test_cite_to_stdout_and_a_bad_file(tmp_path, capsys):
    assert main(["cite", str(GOLDEN_000)]) == 0
    assert capsys.readouterr().out.count("\n") > 100
    bad = tmp_path / "bad.xml"
    bad.write_text("not xml")
    assert main(["cite", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: not well-formed XML") and err.count("\n") == 1


def test_no_citations_leaves_text_unmarked(tmp_path):
    assert main(["parse", str(SEED_004), "-o", str(tmp_path / "a.xml"), "--no-citations",
                 "-q"]) == 0
    assert main(["convert", str(SEED_004), "-o", str(tmp_path / "b"), "-q"]) == 0
    plain = (tmp_path / "a.xml").read_text(encoding="utf-8")
    linked = (tmp_path / "b" / f"{SEED_004.stem}.xml").read_text(encoding="utf-8")
    assert "<ref " not in plain and "<TLCReference" not in plain
    assert "<ref " in linked and "<TLCReference" in linked
