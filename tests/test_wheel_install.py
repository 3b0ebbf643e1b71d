"""Issue 11 (package data): the built wheel carries the stylesheets, the profile schema and
the site templates, and a fresh virtual environment with nothing but that wheel (plus the
test environment's already-installed dependencies, so nothing is downloaded) converts a seed
into every format and validates it, reading no file of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "004_580afe28c66e611c.txt"
SOURCES = ("convert", "stylesheets", "schemas", "pyproject.toml", "setup.py", "README.md")
DATA = ("convert/stylesheets/opinion.css", "convert/stylesheets/pdf.css",
        "convert/schemas/akn-us-judgment.sch", "convert/site/templates/page.html")
TIMEOUT = 300  # seconds for any one step; the whole test takes ~15 s


def run(*cmd, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          timeout=TIMEOUT, **kw)
    assert done.returncode == 0, f"{cmd}: {done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline from a copy of the sources (the checkout stays clean)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", dist, src)
    (found,) = dist.glob("akn_convert-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel; dependencies come from the test venv via a .pth."""
    home = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", home)
    python = home / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                                     "['purelib'])").stdout.strip())
    (purelib / "test-venv-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel)
    return home


def test_wheel_ships_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in DATA if name not in names]
    assert not missing, missing


def test_fresh_venv_converts_a_seed_from_the_wheel_alone(venv, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = run(venv / "bin" / "python", "-c",
                "import convert, convert.resources as r; print(convert.__file__); "
                "print(r.file_path('schemas', 'akn-us-judgment.sch')); "
                "print(r.file_path('stylesheets', 'opinion.css')); "
                "print(r.file_path('site.templates', 'page.html'))",
                cwd=tmp_path, env=env).stdout.split()
    assert all(path.startswith(str(venv)) for path in where), where  # not the checkout
    out = tmp_path / "out"
    run(venv / "bin" / "akn", "convert", SEED, "-o", out, "--to", "xml,html,md,pdf", "-q",
        cwd=tmp_path, env=env)
    stem = SEED.stem
    html = (out / f"{stem}.html").read_text(encoding="utf-8")
    css = (ROOT / "stylesheets" / "opinion.css").read_text(encoding="utf-8")
    assert "<style>" in html and css.strip() in html, "the stylesheet is inlined"
    assert (out / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / f"{stem}.md").stat().st_size > 1000
    report = run(venv / "bin" / "akn", "validate", out / f"{stem}.xml", cwd=tmp_path,
                 env=env).stdout
    assert "valid" in report.lower()
