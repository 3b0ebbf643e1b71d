"""`akn parse INPUT [-o FILE.xml]`: one input's AKN XML, to stdout by default."""

from __future__ import annotations

from .options import (EXIT_INVALID, EXIT_OK, STDIN_SOURCE, STDIO, add_citations, add_from,
                      add_max_size,
                      add_no_validate, add_verbosity,
                      internal, read_stdin, say, status, write_stdout)

HELP = "read one input and print or write its AKN XML"


def add_arguments(p) -> None:
    p.description = ("Read one INPUT (- for stdin) and write its AKN XML to stdout, or to "
                     "FILE.xml with -o.")
    p.add_argument("input", metavar="INPUT", help="input file; - for stdin")
    p.add_argument("-o", "--output", metavar="FILE.xml", help="output file (default: stdout)")
    add_from(p)
    add_citations(p)
    add_no_validate(p)
    add_max_size(p)
    p.add_argument("--report", action="store_true",
                   help="list the page furniture the reader removed (on stderr)")
    add_verbosity(p)


def run(args) -> int:
    from ..errors import ConvertError
    from ..outputs import write_output
    from ..pipeline import capture_warnings, parse, parse_data

    shown = STDIN_SOURCE if args.input == STDIO else args.input
    try:
        if args.input == STDIO:
            parsed, notes = capture_warnings(parse_data, STDIN_SOURCE, read_stdin(args.max_size),
                                             args.source_format, args.validate,
                                             citations=args.citations)
        else:
            parsed, notes = capture_warnings(parse, args.input, args.source_format,
                                             args.validate, args.max_size,
                                             citations=args.citations)
    except ConvertError as err:
        say(f"error: {err}")
        return EXIT_INVALID
    except Exception as err:  # a converter bug: one line, not a traceback
        say(f"error: {internal(shown, err)}")
        return EXIT_INVALID
    for note in notes:
        say(f"warning: {note}")
    if args.report:
        for r in parsed.report.removed:
            where = f"line {r.line}" if r.line else f"page {r.page}"
            say(f"removed {r.kind} ({where}): {r.text}")
    try:
        if args.output and args.output != STDIO:
            write_output(args.output, parsed.xml)
            status(args, f"{shown} -> {args.output}")
        else:
            write_stdout(parsed.xml, "xml")
    except ConvertError as err:
        say(f"error: {err}")
        return EXIT_INVALID
    return EXIT_OK
