"""`akn validate PATH... [--format text|json|junit] [--schema-only] [--max-size MB]`.

Exit codes: 0 every file valid, 1 any file invalid (or unreadable), 2 usage error (bad option,
a PATH that does not exist, no XML file found).  Reports go to stdout; the summary line and
the progress bar go to stderr, except in text format where the summary ends stdout.
"""

from __future__ import annotations

import argparse
import sys
import time

from .core import UsageError, iter_xml_files, validate
from .output import Progress, json_line, junit_xml, summary, text_lines
from .report import Issue, Report
from .safe import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _megabytes(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not 0 < mb <= 4096:
        raise argparse.ArgumentTypeError("--max-size must be between 0 and 4096 (MB)")
    return int(mb * 1024 * 1024)


def add_arguments(p) -> None:
    p.description = ("Validate Akoma Ntoso files against the official OASIS AKN 3.0 schema "
                     "and, for judgments, the project profile (schemas/akn-us-judgment.sch). "
                     "Directories are searched recursively for *.xml.")
    p.epilog = "Exit codes: 0 all valid, 1 any invalid, 2 usage error.  See docs/validate.md."
    p.add_argument("paths", nargs="+", metavar="PATH", help="XML files or directories")
    p.add_argument("--format", choices=["text", "json", "junit"], default="text",
                   help="text (file:line: path: message), json (JSON Lines, one record per "
                        "file) or junit (XML for CI systems)")
    p.add_argument("--schema-only", action="store_true",
                   help="check the official schema only, not the project profile "
                        "(for other publishers' documents)")
    p.add_argument("--max-size", type=_megabytes, default=DEFAULT_MAX_BYTES, metavar="MB",
                   help=f"refuse files larger than this (default "
                        f"{DEFAULT_MAX_BYTES // (1024 * 1024)} MB)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="text format: no summary line")


def _safe_validate(path, options) -> Report:
    """`validate`, and if the validator itself fails on some input, a report saying so:
    one file never stops the run."""
    try:
        return validate(path, **options)
    except Exception as err:  # pragma: no cover - a validator bug, reported not raised
        report = Report(path=str(path))
        report.errors.append(Issue("input", "internal-error",
                                   f"the validator failed on this file: "
                                   f"{type(err).__name__}: {err}"))
        return report


def run(args) -> int:
    try:
        files = iter_xml_files(args.paths)
    except UsageError as err:
        print(f"akn validate: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not files:
        print("akn validate: error: no *.xml files found under " + ", ".join(args.paths),
              file=sys.stderr)
        return EXIT_USAGE

    options = {"schema_only": args.schema_only, "max_bytes": args.max_size}
    out = sys.stdout
    progress = Progress(len(files), sys.stderr)
    started = time.perf_counter()
    reports: list[Report] = []
    for path in files:
        report = _safe_validate(path, options)
        reports.append(report)
        if args.format == "text":
            lines = text_lines(report)
            if lines:
                progress.clear()
                out.write("\n".join(lines) + "\n")
        elif args.format == "json":
            out.write(json_line(report) + "\n")
        progress.step()
    progress.close()
    elapsed = time.perf_counter() - started

    if args.format == "junit":
        out.flush()
        sys.stdout.buffer.write(junit_xml(reports))
        sys.stdout.buffer.flush()
    line = summary(reports, elapsed)
    if args.format == "text":
        if not getattr(args, "quiet", False):
            out.write(line + "\n")
    else:
        print(line, file=sys.stderr)
    out.flush()
    return EXIT_OK if all(r.valid for r in reports) else EXIT_INVALID
