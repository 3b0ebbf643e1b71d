"""Issue 11 (command line) and issue 10 (application layer): pandoc's conventions — `-` is
stdin or stdout, status on stderr, --quiet/--verbose — and a CLI package the library does
not depend on."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from convert.cli import COMMANDS, main
from convert.pipeline import parse, render

from locations import ROOT, SEED_000, SEED_004

AKN = [str(ROOT / ".venv" / "bin" / "akn")]


def test_cat_seed_into_convert_dash_to_html_on_stdout(tmp_path):
    """Issue 11 acceptance 5: `cat seed.txt | akn convert - --to html -o - > out.html`."""
    out = tmp_path / "out.html"
    done = subprocess.run(f"cat {SEED_004} | {AKN[0]} convert - --to html -o - > {out}",
                          shell=True, capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == render(parse(SEED_004), "html")
    assert list(tmp_path.iterdir()) == [out]  # no file named "-"


def test_stdin_into_a_directory_is_named_stdin(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", open(SEED_004, "rb"))
    monkeypatch.setattr(sys.stdin, "buffer", sys.stdin, raising=False)
    assert main(["convert", "-", "-o", str(tmp_path), "--to", "xml,md"]) == 0
    assert (tmp_path / "stdin.xml").read_bytes() == parse(SEED_004).xml
    assert (tmp_path / "stdin.md").exists()
    captured = capsys.readouterr()
    assert captured.out == "" and "<stdin> -> " in captured.err


def test_status_goes_to_stderr_and_quiet_silences_it(tmp_path, capsys):
    assert main(["convert", str(SEED_004), "-o", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and f"{SEED_004} -> " in captured.err
    assert main(["convert", str(SEED_004), "-o", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_verbose_adds_timings(tmp_path, capsys):
    assert main(["convert", str(SEED_004), "-o", str(tmp_path), "-v"]) == 0
    err = capsys.readouterr().err
    assert f"{SEED_004}: " in err and " s" in err.splitlines()[-1]


def test_quiet_and_verbose_together_is_a_usage_error(tmp_path, capsys):
    assert main(["convert", str(SEED_004), "-o", str(tmp_path), "-q", "-v"]) == 2


def test_dash_output_needs_one_input_and_one_format(tmp_path, capsys):
    assert main(["convert", str(SEED_004), "-o", "-", "--to", "xml,html"]) == 2
    assert main(["convert", str(SEED_004), str(SEED_000), "-o", "-"]) == 2
    assert "one input in one --to format" in capsys.readouterr().err


def test_render_without_output_writes_text_to_stdout(tmp_path, capsys):
    xml = tmp_path / "doc.xml"
    xml.write_bytes(parse(SEED_004).xml)
    capsys.readouterr()
    assert main(["render", str(xml), "--to", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out.encode() == render(parse(SEED_004), "md")
    assert captured.err == "" and sorted(p.name for p in tmp_path.iterdir()) == ["doc.xml"]


def test_render_reads_stdin(tmp_path):
    xml = tmp_path / "doc.xml"
    xml.write_bytes(parse(SEED_004).xml)
    done = subprocess.run(AKN + ["render", "-", "--to", "md"], stdin=open(xml, "rb"),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == render(parse(SEED_004), "md")


def test_parse_dash_reads_stdin_and_writes_stdout():
    done = subprocess.run(AKN + ["parse", "-", "-o", "-"], stdin=open(SEED_004, "rb"),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == parse(SEED_004).xml


def test_empty_stdin_is_one_line_error():
    done = subprocess.run(AKN + ["convert", "-", "-o", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=60, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == "error: <stdin>: stdin is empty"


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_one_module(name):
    module = importlib.import_module(f"convert.cli.{name}")
    assert module.HELP and callable(module.add_arguments) and callable(module.run)


def test_library_never_imports_the_command_line():
    """`convert.batch` and `convert.pipeline` are usable without the CLI package."""
    code = ("import sys, convert.batch, convert.pipeline; "
            "sys.exit(any(m.startswith('convert.cli') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
    offenders = subprocess.run(["grep", "-rln", r"from \.*cli\b\|import cli\b\|convert\.cli",
                                "--include=*.py", str(ROOT / "convert")],
                               capture_output=True, text=True).stdout.split()
    allowed = ("/convert/cli/", "/convert/__main__.py")  # the entry points
    assert [o for o in offenders if not any(a in o for a in allowed)] == []


def test_no_validate_writes_the_same_xml_without_loading_the_schema(tmp_path):
    """Issue 10 (fast start): --no-validate skips the ~0.2 s schema load, not the output."""
    code = ("import sys; from convert.cli import main; "
            f"code = main(['convert', {str(SEED_004)!r}, '-o', {str(tmp_path)!r}, "
            "'--no-validate', '-q']); "
            "print(code, 'convert.validate.schema' in sys.modules, 'weasyprint' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.split() == ["0", "False", "False"], done.stderr
    assert (tmp_path / f"{SEED_004.stem}.xml").read_bytes() == parse(SEED_004).xml
