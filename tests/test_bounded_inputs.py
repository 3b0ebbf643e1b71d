"""Issue 14, item 4 and acceptance 3: `convert`, `parse` and `render` read inputs the way
`validate` does (convert/inputs.py): regular files only, a size cap per kind.

Before: a FIFO with no writer hung the run (later inputs got no output), `/dev/zero` grew to
4 GB in 15 s, a 200 MB AKN file reached 2 GB under `render`.  Now each gets a one-line error
in well under 2 s with bounded memory, and the other inputs of the run get their outputs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from convert.errors import ConvertError
from convert.inputs import MAX_BYTES, InputError, read_input
from convert.pipeline import parse
from convert.render import RenderError, render_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "004_580afe28c66e611c.txt"
LIMIT_S = 2.0  # acceptance 3
MEMORY_LIMIT = 8 * 1024 * 1024  # a refusal reads at most the sniffed head (64 KB)


@pytest.fixture
def hostile(tmp_path) -> dict[str, Path]:
    fifo = tmp_path / "no-writer.txt"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: 200 MB on stat, no disk used
        f.truncate(200 * 1024 * 1024)
    big_xml = tmp_path / "big.xml"
    os.link(big, big_xml)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    return {"fifo": fifo, "zero": Path("/dev/zero"), "big": big, "big_xml": big_xml,
            "loop": loop, "dir": tmp_path}


@pytest.mark.parametrize("name, reason", [
    ("fifo", "not a regular file"), ("zero", "not a regular file"),
    ("big", "over the 32.0 MB limit"), ("loop", "symlink loop"), ("dir", "is a directory"),
])
def test_parse_refuses_quickly_in_bounded_memory(hostile, name, reason):
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ConvertError) as info:
        parse(hostile[name])
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    message = str(info.value)
    assert reason in message and "\n" not in message and str(hostile[name]) in message
    assert elapsed < LIMIT_S and peak < MEMORY_LIMIT


@pytest.mark.parametrize("name", ["fifo", "zero", "big_xml", "loop"])
def test_render_refuses_quickly_in_bounded_memory(hostile, name):
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(RenderError) as info:
        render_file(hostile[name], "html")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "\n" not in str(info.value) and elapsed < LIMIT_S and peak < MEMORY_LIMIT


def test_cap_follows_the_kind_and_max_size(tmp_path):
    small = tmp_path / "a.txt"
    small.write_text("word " * 400_000)  # 2 MB of text
    assert read_input(small)  # under the text cap
    with pytest.raises(InputError) as info:
        read_input(small, max_bytes=1024 * 1024)
    assert info.value.rule == "too-large" and "1.0 MB" in str(info.value)
    assert MAX_BYTES["text"] < 200 * 1024 * 1024 and MAX_BYTES["pdf"] < 200 * 1024 * 1024


def test_convert_run_goes_on_past_hostile_inputs(hostile, tmp_path):
    """One `akn convert` with a FIFO, /dev/zero, a 200 MB file and a symlink loop before a
    good input: one error line each, and the good input is converted."""
    out = tmp_path / "out"
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    bad = [hostile[k] for k in ("fifo", "zero", "big", "loop")]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "convert", "convert", *map(str, bad), str(good),
                           "-o", str(out), "--to", "xml,md"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    elapsed = time.perf_counter() - started
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad)
    for path, line in zip(bad, errors):
        assert line.startswith(f"error: {path}: ")
    assert "Traceback" not in done.stderr
    assert (out / "good.xml").is_file() and (out / "good.md").is_file()
    assert elapsed < 60  # the FIFO did not hang the run


def test_stdin_is_bounded_too(tmp_path):
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-m", "convert", "parse", "--max-size", "1", "-"],
                              stdin=zero, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.strip() == "error: <stdin>: more than 1.0 MB: refused (raise it with " \
                                  "--max-size)"


def test_max_size_option_on_every_reading_command(tmp_path):
    for command in ("convert", "parse", "render"):
        done = subprocess.run([sys.executable, "-m", "convert", command, "--help"],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert "--max-size" in done.stdout, command
