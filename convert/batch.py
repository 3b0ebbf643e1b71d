"""`akn batch SRC_DIR -o OUT_DIR`: convert a directory tree, in parallel, with a report."""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .pipeline import clashing_outputs



def add_arguments(p) -> None:
    from .cli import _formats
    from .readers import registry

    p.description = ("Convert every .txt, .md and .pdf under SRC_DIR into OUT_DIR, keeping "
                     "the folder structure.  A failed input is reported and costs no other "
                     "input its output.")
    p.add_argument("src", metavar="SRC_DIR")
    p.add_argument("-o", "--outdir", required=True, metavar="OUT_DIR")
    p.add_argument("--to", type=_formats, default=["xml"], metavar="FORMATS",
                   help="comma-separated: xml,html,md,pdf (default: xml)")
    p.add_argument("--from", dest="source_format", default="auto",
                   choices=["auto", *registry.names()], help="input kind (default: auto)")
    p.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                   help="worker processes (default: 1)")
    p.add_argument("--report", metavar="FILE", help="write a JSON report of every input")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


def _one(job):
    from .errors import ConvertError
    from .pipeline import capture_warnings, convert_file

    path, outdir, formats, source_format = job
    try:
        (parsed, targets), notes = capture_warnings(convert_file, path, outdir, formats,
                                                    source_format)
    except ConvertError as err:
        return {"input": path, "ok": False, "error": str(err)}
    except Exception as err:  # one broken input must not lose the others' output
        return {"input": path, "ok": False, "error": f"{path}: internal error: {err!r}"}
    return {"input": path, "ok": True, "outputs": [str(t) for t in targets.values()],
            "warnings": notes, "removed": len(parsed.report.removed)}


def _in_parallel(jobs, workers: int) -> list[dict]:
    """Each job's result, in any order; a worker that dies (a crash in a native library)
    fails its own input, not the run."""
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_one, job): job[0] for job in jobs}
        for future in as_completed(futures):
            path = futures[future]
            try:
                results.append(future.result())
            except BrokenProcessPool:
                results.append({"input": path, "ok": False,
                                "error": f"{path}: the worker converting it stopped"})
    return results


def run(args) -> int:
    src = Path(args.src)
    if not src.is_dir():
        print(f"error: {src}: not a directory", file=sys.stderr)
        return 2
    out = Path(args.outdir).resolve()
    # A previous run's output inside SRC_DIR is not input (its .md would be read again).
    from .readers import registry

    input_suffixes = registry.suffixes()
    inputs = sorted(str(p) for p in src.rglob("*") if p.suffix.lower() in input_suffixes
                    and p.is_file() and out not in p.resolve().parents)
    jobs, results = [], []
    for path in inputs:
        rel = Path(path).parent.relative_to(src)
        jobs.append((path, str(Path(args.outdir) / rel), args.to, args.source_format))
    clashes = {}
    for outdir in {job[1] for job in jobs}:
        clashes.update(clashing_outputs([j[0] for j in jobs if j[1] == outdir], outdir, args.to))
    for path, other in sorted(clashes.items()):
        results.append({"input": path, "ok": False,
                        "error": f"{path}: same output names as {other}; not converted"})
    jobs = [job for job in jobs if job[0] not in clashes]
    if args.jobs > 1:
        results += _in_parallel(jobs, args.jobs)
    else:
        results += [_one(job) for job in jobs]
    results.sort(key=lambda r: r["input"])
    failed = [r for r in results if not r["ok"]]
    for r in failed:
        print(f"error: {r['error']}", file=sys.stderr)
    print(f"{len(results) - len(failed)} converted, {len(failed)} failed")
    if args.report:
        from .errors import ConvertError
        from .outputs import write_output

        try:
            write_output(args.report, json.dumps(results, indent=2).encode() + b"\n")
        except ConvertError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    return 1 if failed else 0
