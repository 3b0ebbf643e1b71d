"""Issue 10 (batch) and issue 14 items 5, 7, 8, 10: incremental runs, the report and index,
limits, and stopping on Ctrl-C / SIGTERM without partial files or stray workers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from convert.cli import main

from locations import ROOT, SEED_000, SEED_004

AKN = str(ROOT / ".venv" / "bin" / "akn")
RECORDS = {"batch-report.jsonl", ".akn-batch.json"}  # differ run to run (times, order)


def _tree(root: Path, copies: int = 1) -> Path:
    """A tree of good inputs in two folders, a bad one, and a binary one."""
    src = root / "src"
    (src / "dc").mkdir(parents=True)
    (src / "cal" / "deep").mkdir(parents=True)
    for i in range(copies):
        shutil.copy(SEED_000, src / "dc" / f"ko{i:02d}.txt")
        shutil.copy(SEED_004, src / "cal" / "deep" / f"imm{i:02d}.txt")
    (src / "cal" / "empty.txt").write_bytes(b"")
    (src / "dc" / "nul.txt").write_bytes(b"text\x00binary")
    return src


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in RECORDS}


def test_mixed_tree_then_nothing_then_only_the_touched_input(tmp_path, capsys):
    """Issue 10 acceptance 1."""
    src, out = _tree(tmp_path), tmp_path / "out"
    args = ["batch", str(src), "-o", str(out), "--to", "xml,html,md", "-j", "2"]
    assert main(args) == 1
    rows = _rows(out / "batch-report.jsonl")
    assert {Path(r["input"]).name: r["status"] for r in rows} == {
        "ko00.txt": "converted", "imm00.txt": "converted", "empty.txt": "failed",
        "nul.txt": "failed"}
    assert (out / "cal" / "deep" / "imm00.html").is_file()  # the folders are kept
    err = capsys.readouterr().err
    assert "empty.txt: file is empty" in err and "2 converted, 0 up to date, 2 failed" in err
    first = _files(out)

    assert main(args) == 1  # the bad inputs are still bad
    rows = _rows(out / "batch-report.jsonl")
    assert sorted(r["status"] for r in rows) == ["failed", "failed", "skipped", "skipped"]
    assert "0 converted, 2 up to date, 2 failed" in capsys.readouterr().err
    assert _files(out) == first

    touched = src / "dc" / "ko00.txt"
    later = time.time() + 5
    os.utime(touched, (later, later))
    assert main(args) == 1
    rows = {Path(r["input"]).name: r["status"] for r in _rows(out / "batch-report.jsonl")}
    assert rows["ko00.txt"] == "converted" and rows["imm00.txt"] == "skipped"

    assert main(args + ["--force"]) == 1
    assert {r["status"] for r in _rows(out / "batch-report.jsonl")} == {"converted", "failed"}


def test_other_options_make_other_outputs(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    assert main(["batch", str(src), "-o", str(out), "--to", "xml,md"]) == 1
    converted = [r for r in _rows(out / "batch-report.jsonl") if r["status"] == "converted"]
    assert len(converted) == 2 and (out / "dc" / "ko00.md").is_file()


def test_report_lines_and_index(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--to", "xml,md"]) == 1
    row = next(r for r in _rows(out / "batch-report.jsonl")
               if r["input"].endswith("ko00.txt"))
    assert row["outputs"] == [str(out / "dc" / "ko00.xml"), str(out / "dc" / "ko00.md")]
    assert row["error"] is None and isinstance(row["warnings"], list)
    assert {"read", "build", "validate", "xml", "md", "write", "total"} <= set(row["seconds"])
    assert row["removed"] and all(n > 0 for n in row["removed"].values())
    bad = next(r for r in _rows(out / "batch-report.jsonl") if r["input"].endswith("nul.txt"))
    assert bad["status"] == "failed" and "nul.txt" in bad["error"]

    from lxml import html

    page = html.parse(str(out / "index.html")).getroot()
    rows = page.xpath("//tbody/tr")
    assert len(rows) == 2
    text = page.text_content()
    assert "K.O., et al." in text and "2020-06-23" in text and "20-309" in text
    for href in page.xpath("//a/@href"):
        assert (out / href).is_file(), href


def test_summary_names_failures_and_slowest(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    main(["batch", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert "failed: " in err and "nul.txt" in err.split("failed: ")[-1]
    assert "slowest: " in err


def test_plain_log_lines_when_not_a_terminal(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    main(["batch", str(src), "-o", str(out)])
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("[")]
    assert len(lines) == 4 and lines[-1].startswith("[4/4] ")


def test_jobs_are_capped_at_the_cpu_count(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "-j", "1000"]) == 1
    err = capsys.readouterr().err
    assert "-j 1000 is more than the" in err


def test_stale_part_files_are_cleaned(tmp_path, capsys):
    src, out = _tree(tmp_path), tmp_path / "out"
    (out / "dc").mkdir(parents=True)
    stale = out / "dc" / ".ko00.xml.abc123.part"
    stale.write_bytes(b"half")
    main(["batch", str(src), "-o", str(out)])
    assert not stale.exists()
    assert "removed 1 stale .part file" in capsys.readouterr().err


# ---------------------------------------------------------------- signals

# Enough inputs that two workers are still busy when the signal comes.
COPIES = 12
# Ctrl-C must end the run within this many seconds (issue 14 acceptance 2).
STOP_WITHIN = 5.0


def _group_alive(pgid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def _start(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([AKN, "batch", str(src), "-o", str(out), "-j", "2",
                             "--to", "xml,html,md"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)  # its own process group, as a shell job


def _wait_for_progress(proc: subprocess.Popen, done: int) -> list[str]:
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith(f"[{done}/"):
            return lines
    raise AssertionError("the batch ended before the signal: " + "".join(lines))


@pytest.mark.parametrize("how", ["SIGINT to the group", "SIGTERM to the parent"])
def test_a_signal_stops_the_batch_and_a_rerun_completes_it(tmp_path, how):
    """Issue 14 acceptance 2 and issue 10 acceptance 3."""
    src, out = _tree(tmp_path, COPIES), tmp_path / "out"
    reference = tmp_path / "reference"
    assert main(["batch", str(src), "-o", str(reference), "--to", "xml,html,md", "-j", "2",
                 "-q"]) == 1

    proc = _start(src, out)
    pgid = os.getpgid(proc.pid)
    _wait_for_progress(proc, 3)
    if how.startswith("SIGINT"):
        os.killpg(pgid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        proc.send_signal(signal.SIGTERM)
    sent = time.monotonic()
    err = proc.stderr.read()
    code = proc.wait(timeout=30)
    assert time.monotonic() - sent < STOP_WITHIN
    assert code == (130 if how.startswith("SIGINT") else 143), err
    assert "Traceback" not in err and "interrupted: " in err
    deadline = time.monotonic() + 2
    while _group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _group_alive(pgid) == []  # no worker left
    assert not list(out.rglob("*.part"))
    rows = _rows(out / "batch-report.jsonl")  # the partial report
    assert 3 <= sum(r["status"] == "converted" for r in rows) < 2 * COPIES

    rerun = subprocess.run([AKN, "batch", str(src), "-o", str(out), "-j", "2",
                            "--to", "xml,html,md"], capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 1, rerun.stderr  # the two bad inputs
    assert " up to date, 2 failed" in rerun.stderr
    assert _files(out) == _files(reference)


def _workers(pgid: int) -> list[int]:
    """Pool workers in the group: forked by the fork server, so their parent shares their
    command line."""
    procs = {}
    for pid in _group_alive(pgid):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
        procs[pid] = (cmd, ppid)
    return [pid for pid, (cmd, ppid) in procs.items()
            if b"forkserver" in cmd and ppid in procs and procs[ppid][0] == cmd]


def test_a_killed_worker_costs_no_input(tmp_path):
    """A worker that dies (here: SIGKILL, as the OOM killer does) breaks the pool; the
    inputs it had not finished run again and every good input is converted."""
    src, out = _tree(tmp_path, COPIES), tmp_path / "out"
    proc = _start(src, out)
    pgid = os.getpgid(proc.pid)
    _wait_for_progress(proc, 2)
    victims = _workers(pgid)
    assert victims, "no worker found"
    os.kill(victims[0], signal.SIGKILL)
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 1, err  # the two bad inputs only
    rows = _rows(out / "batch-report.jsonl")
    assert sum(r["status"] == "converted" for r in rows) == 2 * COPIES, err
    assert not list(out.rglob("*.part"))
