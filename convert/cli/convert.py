"""`akn convert INPUT... -o OUTDIR --to FORMATS`."""

from __future__ import annotations

import time

from .options import (EXIT_INVALID, EXIT_OK, EXIT_USAGE, STDIN_SOURCE, STDIN_STEM, STDIO,
                      add_citations, add_css, add_from, add_max_size, add_no_validate, add_to,
                      add_verbosity,
                      detail, internal, read_stdin, say,
                      status, write_stdout)

HELP = "convert inputs into OUTDIR/<stem>.<ext>, or one format to stdout"


def add_arguments(p) -> None:
    p.description = ("Convert each INPUT (PDF text, Markdown or PDF) to AKN XML and any other "
                     "requested format, written as OUTDIR/<stem>.<ext>.  A failed input is "
                     "reported and does not stop the others.  INPUT - reads stdin: its kind "
                     "comes from its content (or --from) and its outputs are named "
                     f"{STDIN_STEM}.<ext>.  -o - writes the one --to format to stdout.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files; - for stdin")
    p.add_argument("-o", "--outdir", required=True, metavar="OUTDIR",
                   help="directory for the outputs; - for stdout (one input, one format)")
    add_to(p)
    add_from(p)
    add_citations(p)
    add_no_validate(p)
    add_css(p)
    add_max_size(p)
    add_verbosity(p)


def run(args) -> int:
    to_stdout = args.outdir == STDIO
    if to_stdout and (len(args.inputs) != 1 or len(args.to) != 1):
        say("akn convert: error: -o - writes one input in one --to format to stdout")
        return EXIT_USAGE
    if args.inputs.count(STDIO) > 1:
        say("akn convert: error: stdin (-) can be read only once")
        return EXIT_USAGE
    from ..errors import ConvertError
    from ..pipeline import capture_warnings, clashing_outputs

    status_ = EXIT_OK
    named = [STDIN_STEM if p == STDIO else p for p in args.inputs]
    clashes = {} if to_stdout else clashing_outputs(named, args.outdir, args.to)
    for path, name in zip(args.inputs, named):
        shown = STDIN_SOURCE if path == STDIO else path
        if name in clashes:  # its outputs would replace another input's: say so, skip it
            say(f"error: {shown}: same output names as {clashes[name]}; convert it into "
                "another directory")
            status_ = EXIT_INVALID
            continue
        started = time.perf_counter()
        try:
            targets, notes = capture_warnings(_convert_one, path, args, to_stdout)
        except ConvertError as err:
            say(f"error: {err}")
            status_ = EXIT_INVALID
            continue
        except Exception as err:  # a converter bug: name the input, keep the others' output
            say(f"error: {internal(shown, err)}")
            status_ = EXIT_INVALID
            continue
        for note in notes:
            say(f"warning: {note}")
        if targets:
            status(args, f"{shown} -> {', '.join(str(t) for t in targets)}")
        detail(args, f"{shown}: {time.perf_counter() - started:.3f} s")
    return status_


def _convert_one(path: str, args, to_stdout: bool) -> list:
    """Convert one input; the files written (none when the output went to stdout)."""
    from ..outputs import write_outputs
    from ..pipeline import convert_file, outputs_for, parse, parse_data, render

    if path != STDIO and not to_stdout:
        _, targets = convert_file(path, args.outdir, args.to, args.source_format,
                                  args.validate, args.max_size, css=args.css,
                                  citations=args.citations)
        return list(targets.values())
    if path == STDIO:
        parsed = parse_data(STDIN_SOURCE, read_stdin(args.max_size), args.source_format,
                            args.validate, citations=args.citations)
    else:
        parsed = parse(path, args.source_format, args.validate, args.max_size,
                       citations=args.citations)
    if to_stdout:
        write_stdout(render(parsed, args.to[0], args.css), args.to[0])
        return []
    targets = outputs_for(STDIN_STEM, args.outdir, args.to)
    write_outputs({targets[f]: render(parsed, f, args.css) for f in args.to})
    return list(targets.values())
