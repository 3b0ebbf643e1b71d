"""`akn render FILE.xml --to FORMAT [-o OUT]`: any AKN judgment to HTML, Markdown or PDF."""

from __future__ import annotations

from pathlib import Path

from .options import (BINARY_FORMATS, EXIT_INVALID, EXIT_OK, STDIN_SOURCE, STDIO,
                      add_css, add_max_size, add_verbosity, internal, read_stdin,
                      render_format, say, status,
                      write_stdout)

HELP = "render an AKN judgment (ours or anyone's)"


def add_arguments(p) -> None:
    p.description = ("Render an AKN judgment (FILE.xml, or - for stdin) as HTML, Markdown or "
                     "PDF.  Without -o, HTML and Markdown go to stdout and a PDF is written "
                     "beside its input (to stdout when the input is stdin).")
    p.add_argument("input", metavar="FILE.xml", help="AKN file; - for stdin")
    p.add_argument("--to", type=render_format, required=True, metavar="FORMAT",
                   help="html, md or pdf")
    p.add_argument("-o", "--output", metavar="OUT", help="output file; - for stdout")
    p.add_argument("--fragment", action="store_true", help="HTML: body only, for embedding")
    add_css(p)
    p.add_argument("--pdf-variant", choices=["pdfua", "pdfa", "plain"], default="pdfua",
                   help="PDF: tagged PDF/UA-1 (default), PDF/A-3b with the AKN attached, or "
                        "plain (untagged)")
    add_max_size(p)
    add_verbosity(p)


def _target(args) -> str:
    """Where the output goes: -o, else stdout for text (and for stdin), else FILE.pdf."""
    if args.output:
        return args.output
    if args.to not in BINARY_FORMATS or args.input == STDIO:
        return STDIO
    return str(Path(args.input).with_suffix("." + args.to))


def run(args) -> int:
    from ..errors import ConvertError
    from ..outputs import write_output
    from ..render import RenderError, render_bytes, render_file

    fmt, out = args.to, _target(args)
    shown = STDIN_SOURCE if args.input == STDIO else args.input
    options = {"fragment": args.fragment, "css": args.css,
               "pdf_variant": args.pdf_variant}
    if out != STDIO and args.input != STDIO and Path(out).resolve() == Path(args.input).resolve():
        say(f"error: {args.input}: output would overwrite the input; give -o OUT")
        return EXIT_INVALID
    try:
        if args.input == STDIO:
            data = render_bytes(read_stdin(args.max_size), fmt, source=STDIN_SOURCE, **options)
        else:
            data = render_file(args.input, fmt, max_bytes=args.max_size, **options)
        if out == STDIO:
            write_stdout(data, fmt)
        else:
            write_output(out, data)
            status(args, f"{shown} -> {out}")
    except (ConvertError, RenderError) as err:
        say(f"error: {err}")
        return EXIT_INVALID
    except Exception as err:  # a renderer bug: one line, not a traceback
        say(f"error: {internal(shown, err)}")
        return EXIT_INVALID
    return EXIT_OK
