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
