"""`akn batch SRC_DIR -o OUT_DIR`: the command line of `convert.batch`."""

from __future__ import annotations

import json
from pathlib import Path

from .options import (EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_from, add_to, add_verbosity,
                      positive, say, status)

HELP = "convert a directory tree in parallel"


def add_arguments(p) -> None:
    p.description = ("Convert every input under SRC_DIR (.txt, .md, .pdf, and the "
                     "structured forms: CAP .html, case.law .json, Fastcase, vendor and AKN "
                     ".xml) into OUT_DIR, keeping the folder structure; each file's reader is "
                     "chosen by its content.  A .json/.html/.xml file no reader claims is "
                     "skipped.  A failed input is reported and costs no other input its output.")
    p.add_argument("src", metavar="SRC_DIR")
    p.add_argument("-o", "--outdir", required=True, metavar="OUT_DIR")
    add_to(p)
    add_from(p)
    p.add_argument("-j", "--jobs", type=positive, default=1, metavar="N",
                   help="worker processes (default: 1)")
    p.add_argument("--report", metavar="FILE", help="write a JSON report of every input")
    add_verbosity(p)


def run(args) -> int:
    from ..batch import convert_tree

    if not Path(args.src).is_dir():
        say(f"error: {args.src}: not a directory")
        return EXIT_USAGE
    results = convert_tree(args.src, args.outdir, args.to, args.source_format, args.jobs)
    failed = [r for r in results if not r["ok"]]
    skipped = [r for r in results if r.get("skipped")]
    for r in failed:
        say(f"error: {r['error']}")
    for r in skipped:
        status(args, f"skipped: {r['input']}: {r['skipped']}")
    done = len(results) - len(failed) - len(skipped)
    skip_note = f"{len(skipped)} skipped, " if skipped else ""
    status(args, f"{done} converted, {skip_note}{len(failed)} failed")
    if args.report:
        from ..errors import ConvertError
        from ..outputs import write_output

        try:
            write_output(args.report, json.dumps(results, indent=2).encode() + b"\n")
        except ConvertError as err:
            say(f"error: {err}")
            return EXIT_INVALID
    return EXIT_INVALID if failed else EXIT_OK
