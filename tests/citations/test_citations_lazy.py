"""eyecite loads only when the citation step runs (the batch helper's start-up budget)."""

import subprocess
import sys

from locations import SEED_004


def _modules_after(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code + "; import sys; print('eyecite' in "
                           "sys.modules, 'reporters_db' in sys.modules)"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_importing_the_package_and_the_cli_loads_no_eyecite():
    assert _modules_after("import convert.citations, convert.pipeline, convert.cli; "
                          "convert.cli.build_parser()") == ["False", "False"]


def test_no_citations_run_loads_no_eyecite():
    assert _modules_after(f"from convert.pipeline import parse; parse({str(SEED_004)!r}, "
                          "citations=False)") == ["False", "False"]


def test_the_step_loads_it():
    assert _modules_after(f"from convert.pipeline import parse; parse({str(SEED_004)!r})") \
        == ["True", "True"]
