"""Issue 14, item 6 and acceptance 4: the text reader's time grows linearly with its input.

Line joining re-scanned the growing paragraph for every line it added (a 620 KB paragraph took
56 s).  Acceptance: reading 20 MB of text that is one long paragraph takes at most 2x the time
per byte of reading 1 MB of ordinary text (paragraphs of 4-9 lines).

Run with `make bench` (the 20 MB rounds take about half a minute each on the 2-core machine).
The texts are generated, deterministic (fixed seed), from ordinary opinion vocabulary with end
of line hyphenation, so joining has its real work to do.
"""

from __future__ import annotations

import random
import time

import pytest

from convert.readers.text import read_string

KB, MB = 1000, 1000 * 1000
RATIO_LIMIT = 2.0  # acceptance 4
WORDS = ("the court held that plaintiff defendant motion granted denied under statute section "
         "evidence record appeal district judgment order claim law fact because however "
         "reasonable jury could find circuit opinion sub- agencies co- operation").split()
HEAD = "UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA\n\nMEMORANDUM OPINION\n\n"


def _line(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(11))


def ordinary_text(size: int) -> str:
    """Paragraphs of 4-9 lines separated by blank lines, `size` characters in all."""
    rng = random.Random(14)
    out, n = [HEAD], len(HEAD)
    while n < size:
        para = "\n".join(_line(rng) for _ in range(rng.randint(4, 9))) + ".\n\n"
        out.append(para)
        n += len(para)
    return "".join(out)


def one_paragraph(size: int) -> str:
    """A caption, then `size` characters of lines with no paragraph break at all."""
    rng = random.Random(14)
    out, n = [HEAD], len(HEAD)
    while n < size:
        line = _line(rng) + "\n"
        out.append(line)
        n += len(line)
    return "".join(out) + ".\n"


def _read(text: str):
    return read_string(text, "bench.txt")


@pytest.mark.parametrize("size", [1 * KB, 10 * KB, 100 * KB, 1 * MB],
                         ids=["1KB", "10KB", "100KB", "1MB"])
def test_bench_reader_ordinary_text(benchmark, size):
    text = ordinary_text(size)
    benchmark.extra_info["bytes"] = len(text)
    doc, _ = benchmark.pedantic(_read, args=(text,), rounds=3, iterations=1, warmup_rounds=1)
    assert doc.body


@pytest.mark.parametrize("size", [1 * MB, 5 * MB, 20 * MB], ids=["1MB", "5MB", "20MB"])
def test_bench_reader_one_long_paragraph(benchmark, size):
    text = one_paragraph(size)
    benchmark.extra_info["bytes"] = len(text)
    doc, _ = benchmark.pedantic(_read, args=(text,), rounds=1, iterations=1)
    assert doc.body


def test_bench_reader_time_per_byte_is_linear(benchmark):
    """Acceptance 4: 20 MB in one paragraph <= 2x the time per byte of 1 MB ordinary text."""
    base_text = ordinary_text(1 * MB)
    _read(base_text)  # warm: imports, courts-db
    base = min(_timed(base_text) for _ in range(3)) / len(base_text)
    long_text = one_paragraph(20 * MB)
    benchmark.pedantic(_read, args=(long_text,), rounds=1, iterations=1)
    per_byte = benchmark.stats["min"] / len(long_text)
    ratio = per_byte / base
    benchmark.extra_info.update({"ordinary_1MB_us_per_byte": round(base * 1e6, 3),
                                 "paragraph_20MB_us_per_byte": round(per_byte * 1e6, 3),
                                 "ratio": round(ratio, 2)})
    print(f"\n1 MB ordinary: {base * 1e6:.3f} us/byte; 20 MB one paragraph: "
          f"{per_byte * 1e6:.3f} us/byte; ratio {ratio:.2f} (limit {RATIO_LIMIT})")
    assert ratio <= RATIO_LIMIT


def _timed(text: str) -> float:
    started = time.perf_counter()
    _read(text)
    return time.perf_counter() - started
