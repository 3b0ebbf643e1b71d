"""`akn batch SRC_DIR -o OUT_DIR`: the command line of `convert.batch`."""

from __future__ import annotations

import sys

from .options import (EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_from,
                      add_citations, add_max_size, add_no_validate, add_to, add_verbosity, positive, say, status)

HELP = "convert a directory tree in parallel, incrementally"


def add_arguments(p) -> None:
    p.description = (
        "Convert every .txt, .md and .pdf under SRC_DIR into OUT_DIR, keeping the folder "
        "structure.  An input whose outputs are newer than it and were made by the same "
        "converter version and options is skipped (--force converts it again).  A failed "
        "input is reported and costs no other input its output.  OUT_DIR gets index.html "
        "(the converted opinions, with links), batch-report.jsonl (one line per input) and "
        ".akn-batch.json (what is up to date).  SRC_DIR and OUT_DIR may be fsspec URLs.  "
        "Ctrl-C or SIGTERM stops the workers, writes the report of what finished and exits "
        "130 (143 for SIGTERM); running it again completes the set.")
    p.add_argument("src", metavar="SRC_DIR")
    p.add_argument("-o", "--outdir", required=True, metavar="OUT_DIR")
    add_to(p)
    add_from(p)
    p.add_argument("-j", "--jobs", type=positive, default=1, metavar="N",
                   help="worker processes (default: 1; at most the number of CPUs)")
    p.add_argument("--force", action="store_true",
                   help="convert every input, even those whose outputs are up to date")
    p.add_argument("--report", metavar="FILE",
                   help="the JSON Lines report (default: OUT_DIR/batch-report.jsonl)")
    p.add_argument("--citations-out", metavar="FILE",
                   help="also write every document's citations to FILE as JSON Lines: the "
                        "rows of `akn cite`, each with `document` (the input relative to "
                        "SRC_DIR) first, in the order of the documents' paths; inputs skipped "
                        "as up to date are listed from their XML output (or converted again "
                        "in memory when --to has no xml), so a rerun keeps the table whole; "
                        "`-` writes it to stdout")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask distributed cluster (tcp://host:8786); needs the "
                        "`dask` extra: pip install 'akn-convert[dask]'")
    add_no_validate(p)
    add_citations(p)
    add_max_size(p)
    add_verbosity(p)


def run(args) -> int:
    from ..batch import UsageError, run_batch
    from ..batch.local import cpu_count

    jobs = args.jobs
    if jobs > cpu_count() and not args.scheduler:
        say(f"warning: -j {jobs} is more than the {cpu_count()} CPUs here; using {cpu_count()}")
        jobs = cpu_count()
    progress = _Progress(args)
    try:
        batch = run_batch(args.src, args.outdir, args.to, args.source_format,
                          validate=args.validate, force=args.force, jobs=jobs,
                          scheduler=args.scheduler, report=args.report,
                          max_bytes=args.max_size, citations=args.citations,
                          citations_out=args.citations_out,
                          on_plan=progress.start, on_result=progress.step)
    except UsageError as err:
        say(f"akn batch: error: {err}")
        return EXIT_USAGE
    except ImportError as err:  # --scheduler without the dask extra
        say(f"akn batch: error: {err}")
        return EXIT_USAGE
    progress.close()
    if batch.cleaned:
        status(args, f"removed {batch.cleaned} stale .part file(s) left by an earlier run")
    for r in sorted(batch.failed, key=lambda r: r["input"]):
        say(f"error: {r['error']}")
    from ..batch.report import summary

    for line in summary(batch.results, batch.elapsed, batch.stopped_by is not None):
        status(args, line)
    for error in sorted(batch.citation_errors):
        say(f"error: {error}")
    if batch.report_error:
        say(f"error: {batch.report_error}")
    if batch.stopped_by is not None:
        return 128 + batch.stopped_by if batch.stopped_by != 2 else EXIT_INTERRUPTED
    if batch.report_error or batch.citation_errors:
        return EXIT_INVALID
    return EXIT_INVALID if batch.failed else EXIT_OK


class _Progress:
    """A progress bar (tqdm) on a terminal; otherwise one plain line per input."""

    def __init__(self, args):
        self.args = args
        self.bar = None
        self.done = 0
        self.total = 0

    def start(self, plan) -> None:
        self.total = len(plan.todo)
        if getattr(self.args, "quiet", False):
            return
        if plan.skipped:
            say(f"{len(plan.skipped)} input(s) up to date, {self.total} to convert")
        if sys.stderr.isatty() and self.total:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def step(self, result: dict) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            if result["status"] == "failed":
                self.bar.write(f"error: {result['error']}", file=sys.stderr)
            return
        if getattr(self.args, "quiet", False):
            return
        secs = result["seconds"].get("total")
        took = f" {secs:.2f} s" if secs is not None else ""
        say(f"[{self.done}/{self.total}] {result['status']} {result['input']}{took}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
