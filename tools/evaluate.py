"""Score the readers against the development corpus's labels (`make eval`).

    python tools/evaluate.py [CORPUS_DIR] [--json FILE] [--no-fail] [-v]

For every input of `CORPUS` (each `pdf/` document's .pdf, .layout.txt and .raw.txt,
`text/*.txt`, and `vendor/*.xml` once a reader for it exists) it prints one row: footnotes
matched against labels.json by marker and first words (recall, precision), page breaks and
printed page numbers, docket, date, court, title, writings and their authors, furniture
removed, word coverage.  Then the cross-form agreement of each PDF's three inputs, the CAP
pairs comparison (informative), and one summary line per input form and overall.

Exit status 1 when any input fails to convert or covers less than 99.5 % of its words, unless
`--no-fail`.  See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `evaluation` sits beside this file

from evaluation import report  # noqa: E402
from evaluation.agreement import agreements  # noqa: E402
from evaluation.cap import cap_pairs, compare_pair  # noqa: E402
from evaluation.labels import corpus_inputs, load_labels  # noqa: E402
from evaluation.measure import THRESHOLD, measure  # noqa: E402


def run(corpus: Path, parse=None):
    """(rows, agreements, CAP comparisons) for the whole corpus."""
    labels = load_labels(corpus)
    kwargs = {"parse": parse} if parse else {}
    rows = [measure(item, labels.get(item.stem), **kwargs) for item in corpus_inputs(corpus)]
    comparisons = []
    pairs = cap_pairs(corpus)
    if pairs:
        with tempfile.TemporaryDirectory(prefix="akn-eval-") as tmp:
            comparisons = [compare_pair(*pair, Path(tmp)) for pair in pairs]
    return rows, agreements(rows), comparisons


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python tools/evaluate.py",
                                 description="Score the readers against the corpus labels.")
    ap.add_argument("corpus", nargs="?", default="../shared/corpus",
                    help="corpus directory (default ../shared/corpus)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    ap.add_argument("--no-fail", action="store_true",
                    help="exit 0 even when an input fails or covers too few words")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="per input: notes missing and unexpected, case facts found, furniture "
                         "by kind, lost and extra words, warnings")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"evaluate: corpus {corpus} is absent; nothing to measure (skipped)")
        return 0

    started = time.perf_counter()
    rows, agreed, comparisons = run(corpus)
    elapsed = time.perf_counter() - started

    print(f"Readers over {corpus}  (coverage threshold {args.threshold:.1%})")
    print()
    print("\n".join(report.table(rows, args.threshold)) if rows else "(no inputs)")
    if args.verbose:
        print()
        for r in rows:
            print("\n".join(report.details(r)))
    if agreed:
        print()
        print("\n".join(report.agreement_lines(agreed)))
    if comparisons:
        print()
        print("CAP pairs: structured ground truth (expected) vs our text reader (found)"
              " -- informative, not pass/fail")
        print()
        print("\n".join(report.cap_table(comparisons)))
        if args.verbose:
            print()
            for c in comparisons:
                if c.found:
                    print("\n".join(report.details(c.found)))

    failures = [r for r in rows if r.failed(args.threshold)]
    print()
    for r in failures:
        why = r.error or f"coverage {report.pct(r.coverage)} < {args.threshold:.1%}"
        print(f"FAIL {r.name}: {why}")
    print(f"time: {elapsed:.1f}s")
    if args.json:
        data = report.payload(corpus, args.threshold, rows, agreed, comparisons, elapsed)
        Path(args.json).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    for form, figures in report.summaries(rows, args.threshold).items():
        print(report.summary_line(form, figures))
    if failures and not args.no_fail:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
