"""`akn batch SRC_DIR -o OUT_DIR`: convert a directory tree, in parallel, with a report."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

INPUT_SUFFIXES = {".txt", ".md", ".markdown", ".pdf"}


def add_arguments(p) -> None:
    from .cli import _formats

    p.add_argument("src", metavar="SRC_DIR")
    p.add_argument("-o", "--outdir", required=True, metavar="OUT_DIR")
    p.add_argument("--to", type=_formats, default=["xml"], metavar="FORMATS")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes")
    p.add_argument("--report", metavar="FILE", help="write a JSON report of every input")


def _one(job):
    from .errors import ConvertError
    from .pipeline import capture_warnings, convert_file

    path, outdir, formats = job
    try:
        (parsed, targets), notes = capture_warnings(convert_file, path, outdir, formats)
    except ConvertError as err:
        return {"input": path, "ok": False, "error": str(err)}
    except Exception as err:  # one broken input must not lose the others' output
        return {"input": path, "ok": False, "error": f"{path}: internal error: {err!r}"}
    return {"input": path, "ok": True, "outputs": [str(t) for t in targets.values()],
            "warnings": notes, "removed": len(parsed.report.removed)}


def run(args) -> int:
    src = Path(args.src)
    if not src.is_dir():
        print(f"error: {src}: not a directory", file=sys.stderr)
        return 2
    inputs = sorted(str(p) for p in src.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES)
    jobs = []
    for path in inputs:
        rel = Path(path).parent.relative_to(src)
        jobs.append((path, str(Path(args.outdir) / rel), args.to))
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(_one, jobs))
    else:
        results = [_one(job) for job in jobs]
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
