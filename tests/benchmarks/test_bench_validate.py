"""Benchmark: `akn validate` over a directory of 1,000 AKN judgments of about 70 KB each must
finish in under 10 s on one core (issue 5).  The documents are generated here, with our own
builder, into a temporary directory: each has ~150 numbered paragraphs in headed sections,
footnotes, star pages, parties and a judge, and each is valid against both the official schema
and the profile, so every check runs in full.

Run with:
    make bench
    .venv/bin/python -m pytest tests/benchmarks/test_bench_validate.py --benchmark-only --benchmark-enable
"""

from __future__ import annotations

import os
import time

import pytest

from convert.akn.builder import build, serialize
from convert.document import (
    Document, Meta, Note, P, PageBreak, Paragraph, Party, Section, Span,
)
from convert.validate import iter_xml_files, validate
from convert.validate.profile import profile_schematron
from convert.validate.schema import official_schema

N_DOCS = 1000
TARGET_BYTES = 70 * 1024
BUDGET_SECONDS = 10.0

SENTENCE = ("The court considered the parties' submissions and the record as a whole, and "
            "finds that the plaintiff has not carried the burden the statute places on it. ")


def make_judgment(seed: int, n_paras: int) -> bytes:
    paras, page = [], 100 + seed % 50
    for i in range(n_paras):
        content: list = [f"{SENTENCE * 2}(seed {seed}, paragraph {i + 1})"]
        if i % 6 == 0:
            content.append(Note(str(i // 6 + 1), [P([f"See 123 F.3d {400 + i} (D.C. Cir. "
                                                     f"2001); cf. note {i}."])]))
        if i % 8 == 0:
            page += 1
            content.append(PageBreak(str(page)))
        content.append(" So ordered.")
        paras.append(Paragraph([P(content)], num=f"{i + 1}."))
    headings = [("I", "BACKGROUND"), ("II", "LEGAL STANDARD"), ("III", "ANALYSIS"),
                ("IV", "CONCLUSION")]
    chunk = (n_paras + 3) // 4
    sections = [Section([f"{roman}."], [heading], 1, paras[k * chunk:(k + 1) * chunk])
                for k, (roman, heading) in enumerate(headings)]
    doc = Document(
        meta=Meta(court_id="dcd", court_name="United States District Court for the District "
                  "of Columbia", docket=f"{seed // 100 + 10}-{seed:04d} (RC)",
                  date=f"20{10 + seed % 12}-0{1 + seed % 9}-1{seed % 10}",
                  title=f"Smith {seed} v. Jones", judges=["Rudolph Contreras"],
                  parties=[Party(f"Alice Smith {seed}", "plaintiff"),
                           Party("Bob Jones", "defendant")]),
        header=[P([Span("courtType", ["United States District Court"])]),
                P([Span("party", [f"Alice Smith {seed}"],
                        {"role": "plaintiff", "name": f"Alice Smith {seed}"}),
                   ", Plaintiff, v. ",
                   Span("party", ["Bob Jones"], {"role": "defendant", "name": "Bob Jones"}),
                   ", Defendant. Civil Action No. ",
                   Span("docketNumber", [f"{seed // 100 + 10}-{seed:04d} (RC)"])])],
        body=sections,
        conclusions=[P([Span("signature", [Span("judge", ["Rudolph Contreras"],
                                                {"name": "Rudolph Contreras"})])])],
    )
    return serialize(build(doc))


def sized_judgment(seed: int) -> bytes:
    """A judgment of about TARGET_BYTES (within 5 %)."""
    n = 150
    data = make_judgment(seed, n)
    n = max(10, round(n * TARGET_BYTES / len(data)))
    return make_judgment(seed, n)


@pytest.fixture(scope="module")
def corpus_1000(tmp_path_factory):
    directory = tmp_path_factory.mktemp("validate-bench")
    template = {k: sized_judgment(k) for k in range(10)}
    for i in range(N_DOCS):
        data = template[i % 10].replace(b"(seed ", f"(doc {i:04d}, seed ".encode(), 1)
        (directory / f"sub{i // 250}" / f"doc{i:04d}.xml").parent.mkdir(exist_ok=True)
        (directory / f"sub{i // 250}" / f"doc{i:04d}.xml").write_bytes(data)
    return directory


def test_generated_documents_are_realistic():
    """Runs in the normal suite (no benchmark fixture): the generator makes what it claims."""
    for seed in (0, 7):
        data = sized_judgment(seed)
        assert abs(len(data) - TARGET_BYTES) < TARGET_BYTES * 0.05, len(data)
        report = validate(data)
        assert report.valid and report.profile_checked, report.errors
        assert data.count(b"<authorialNote") > 10 and data.count(b"<eop") > 10


def test_bench_validate_1000_documents(benchmark, corpus_1000):
    """The whole CLI path minus printing: list the files, validate each (schema + profile)."""
    official_schema(), profile_schematron()  # loaded once per process, as in the CLI

    def run():
        return [validate(f) for f in iter_xml_files([corpus_1000])]

    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})  # one core
    started = time.perf_counter()
    try:
        reports = benchmark.pedantic(run, rounds=3, iterations=1)
    finally:
        os.sched_setaffinity(0, cores)
    assert len(reports) == N_DOCS and all(r.valid for r in reports)
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["documents"] = N_DOCS
    benchmark.extra_info["ms_per_document"] = round(1000 * mean / N_DOCS, 2)
    assert mean < BUDGET_SECONDS, f"{mean:.1f} s for {N_DOCS} documents"
    assert time.perf_counter() - started < 3 * BUDGET_SECONDS + 5


def test_bench_schema_load_once(benchmark):
    """Loading the official schema (cold) is the fixed cost every process pays once."""
    from lxml import etree

    from convert.validate.schema import official_xsd_path

    def load():
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
        return etree.XMLSchema(etree.parse(str(official_xsd_path()), parser))

    benchmark.pedantic(load, rounds=3, iterations=1)
    assert benchmark.stats.stats.mean < 2.0
