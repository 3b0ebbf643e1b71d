"""The `akn` command line (also `python -m convert`).

Exit codes: 0 done, 1 invalid input or invalid document, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import ConvertError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _formats(value: str) -> list[str]:
    from .pipeline import OUTPUT_FORMATS

    formats = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in OUTPUT_FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(bad) or value!r}; choose from {','.join(OUTPUT_FORMATS)}")
    return formats


def _render_format(value: str) -> str:
    from .render import FORMATS

    if value not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"render takes one format: {' or '.join(FORMATS)} (not {value!r})")
    return value


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _internal(path, err: Exception) -> str:
    """The one line for a crash inside the converter: the input stays named, the run goes on."""
    return f"{path}: internal error: {type(err).__name__}: {err}"


# ---------------------------------------------------------------- convert / parse / render


def cmd_convert(args) -> int:
    from .pipeline import capture_warnings, clashing_outputs, convert_file

    status = EXIT_OK
    clashes = clashing_outputs(args.inputs, args.outdir, args.to)
    for path in args.inputs:
        if path in clashes:  # its outputs would replace another input's: say so, skip it
            _say(f"error: {path}: same output names as {clashes[path]}; convert it into "
                 "another directory")
            status = EXIT_INVALID
            continue
        try:
            (_, targets), notes = capture_warnings(convert_file, path, args.outdir,
                                                   args.to, args.source_format)
        except ConvertError as err:
            _say(f"error: {err}")
            status = EXIT_INVALID
            continue
        except Exception as err:  # a converter bug: name the input, keep the others' output
            _say(f"error: {_internal(path, err)}")
            status = EXIT_INVALID
            continue
        for note in notes:
            _say(f"warning: {note}")
        if not args.quiet:
            print(f"{path} -> {', '.join(str(t) for t in targets.values())}")
    return status


def cmd_parse(args) -> int:
    from .outputs import write_output
    from .pipeline import capture_warnings, parse

    try:
        parsed, notes = capture_warnings(parse, args.input, args.source_format)
    except ConvertError as err:
        _say(f"error: {err}")
        return EXIT_INVALID
    except Exception as err:  # a converter bug: one line, not a traceback
        _say(f"error: {_internal(args.input, err)}")
        return EXIT_INVALID
    for note in notes:
        _say(f"warning: {note}")
    if args.report:
        for r in parsed.report.removed:
            where = f"line {r.line}" if r.line else f"page {r.page}"
            _say(f"removed {r.kind} ({where}): {r.text}")
    if args.output:
        try:
            write_output(args.output, parsed.xml)
        except ConvertError as err:
            _say(f"error: {err}")
            return EXIT_INVALID
    else:
        sys.stdout.buffer.write(parsed.xml)
    return EXIT_OK


def cmd_render(args) -> int:
    from .outputs import write_output
    from .render import RenderError, render_file

    fmt = args.to
    try:
        data = render_file(args.input, fmt, fragment=args.fragment, inline_css=args.inline_css,
                           pdf_variant=args.pdf_variant)
    except (ConvertError, RenderError) as err:
        _say(f"error: {err}")
        return EXIT_INVALID
    except Exception as err:  # a renderer bug: one line, not a traceback
        _say(f"error: {_internal(args.input, err)}")
        return EXIT_INVALID
    out = args.output or Path(args.input).with_suffix("." + fmt)
    if Path(out).resolve() == Path(args.input).resolve():
        _say(f"error: {args.input}: output would overwrite the input; give -o OUT")
        return EXIT_INVALID
    try:
        write_output(out, data)
    except ConvertError as err:
        _say(f"error: {err}")
        return EXIT_INVALID
    if not args.output:
        print(f"{args.input} -> {out}")
    return EXIT_OK


# ---------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="akn",
        description="Court opinions to Akoma Ntoso 3.0 judgments, and AKN to HTML, Markdown, PDF.",
        epilog="Exit codes: 0 done, 1 invalid input or document, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"akn {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    from .readers.registry import names as reader_names

    from_help = "input kind (default: auto, from name and content)"

    p = sub.add_parser("convert", help="convert inputs into OUTDIR/<stem>.<ext>",
                       description="Convert each INPUT (PDF text, Markdown or PDF) to AKN XML and "
                                   "any other requested format, written as OUTDIR/<stem>.<ext>. "
                                   "A failed input is reported and does not stop the others.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--outdir", required=True, metavar="OUTDIR")
    p.add_argument("--to", type=_formats, default=["xml"], metavar="FORMATS",
                   help="comma-separated: xml,html,md,pdf (default: xml)")
    p.add_argument("--from", dest="source_format", default="auto",
                   choices=["auto", *reader_names()], help=from_help)
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("parse", help="read one input and print or write its AKN XML")
    p.add_argument("input", metavar="INPUT")
    p.add_argument("-o", "--output", metavar="FILE.xml")
    p.add_argument("--from", dest="source_format", default="auto",
                   choices=["auto", *reader_names()], help=from_help)
    p.add_argument("--report", action="store_true",
                   help="list the page furniture the reader removed (on stderr)")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("render", help="render an AKN judgment (ours or anyone's)")
    p.add_argument("input", metavar="FILE.xml")
    p.add_argument("--to", type=_render_format, required=True, metavar="FORMAT",
                   help="html, md or pdf")
    p.add_argument("-o", "--output", metavar="OUT")
    p.add_argument("--fragment", action="store_true", help="HTML: body only, for embedding")
    p.add_argument("--inline-css", action="store_true", help="HTML: inline the stylesheet")
    p.add_argument("--pdf-variant", choices=["plain", "pdfa", "pdfua"], default="plain",
                   help="PDF: plain, PDF/A-3b with the AKN attached, or tagged PDF/UA")
    p.set_defaults(func=cmd_render)

    from .validate import cli as validate_cli

    p = sub.add_parser("validate", help="validate AKN files against the official schema "
                                        "and the project profile")
    validate_cli.add_arguments(p)
    p.set_defaults(func=validate_cli.run)

    from . import batch

    p = sub.add_parser("batch", help="convert a directory tree in parallel")
    batch.add_arguments(p)
    p.set_defaults(func=batch.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
