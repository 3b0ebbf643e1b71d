"""Issue 12, acceptance 4: what the citation step adds (`make bench`).

Warm, as in a batch: eyecite's import and its first regex compilations are paid once by the
first call (they are reported by `test_bench_citation_step_cold_import` separately).  Each
round links a fresh copy of a tree built without citations.
"""

import copy
import subprocess
import sys

import pytest

from convert.citations import link
from convert.pipeline import parse

from locations import CORPUS, SEED_000

MAX_SEED_000 = 0.150  # issue 12: the step adds less than 150 ms to seed 000


def _fresh(tree):
    return lambda: ((copy.deepcopy(tree),), {})


def test_bench_citation_step_seed_000(benchmark):
    tree = parse(SEED_000, citations=False).tree
    link(copy.deepcopy(tree))
    n = benchmark.pedantic(link, setup=_fresh(tree), rounds=20, iterations=1)
    assert n > 100
    assert benchmark.stats["mean"] < MAX_SEED_000


def test_bench_citation_step_corpus(benchmark):
    """Every text of the development corpus (pdf/*.layout.txt, text/*.txt), one round each."""
    paths = sorted(CORPUS.glob("pdf/*.layout.txt")) + sorted(CORPUS.glob("text/*.txt"))
    if not paths:
        pytest.skip("../shared/corpus is absent")
    trees = [parse(p, citations=False).tree for p in paths]
    link(copy.deepcopy(trees[0]))

    def setup():
        return (([copy.deepcopy(t) for t in trees],), {})

    def link_all(copies):
        return sum(link(t) for t in copies)

    n = benchmark.pedantic(link_all, setup=setup, rounds=3, iterations=1)
    assert n > 500


def test_bench_citation_step_cold_import(benchmark):
    """A fresh interpreter: importing eyecite and linking seed 000 once (what a one-file
    `akn convert` pays), less the same interpreter converting without citations."""
    code = ("import time, copy; from convert.pipeline import parse; "
            "t = parse({p!r}, citations=False).tree; s = time.perf_counter(); "
            "from convert.citations import link; link(t); print(time.perf_counter() - s)")

    def run():
        out = subprocess.run([sys.executable, "-c", code.format(p=str(SEED_000))],
                             capture_output=True, text=True, check=True)
        return float(out.stdout)

    benchmark.pedantic(run, rounds=3, iterations=1)
