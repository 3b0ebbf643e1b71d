"""Issue 2, acceptance 8: seed 000 converts to XML in under 100 ms in-process.

Run with `make bench`.  Warm: the first conversion (imports, courts-db regexes, schema load)
is paid once by the fixture, as in any long-running batch.
"""

from convert.pipeline import parse

from locations import SEED_000, SEED_004


def test_bench_seed_000_to_xml(benchmark):
    parse(SEED_000)
    result = benchmark(parse, SEED_000)
    assert result.xml
    assert benchmark.stats["mean"] < 0.100


def test_bench_seed_004_to_xml(benchmark):
    parse(SEED_004)
    result = benchmark(parse, SEED_004)
    assert result.xml


def test_bench_30_page_pdf_to_xml(benchmark):
    """Issue 4, acceptance 8: a 30-page PDF converts to AKN in under 2 s."""
    import pytest

    from locations import CORPUS

    pdf = CORPUS / "pdf" / "scotus_tarrant_v_herrmann_2013_slip.pdf"
    if not pdf.exists():
        pytest.skip("../shared/corpus is absent")
    parse(pdf)
    result = benchmark.pedantic(parse, args=(pdf,), rounds=5, iterations=1)
    assert result.report.pages == 30
    assert benchmark.stats["mean"] < 2.0
