"""`akn cite FILE.xml [-o FILE.jsonl]`: the document's citations as JSON Lines."""

from __future__ import annotations

from .options import EXIT_INVALID, EXIT_OK, STDIO, add_verbosity, internal, say, status

HELP = "list an AKN document's citations as JSON Lines"


def add_arguments(p) -> None:
    p.description = (
        "Find the citations in the body and notes of an Akoma Ntoso judgment (any, not only "
        "ours) and write one JSON object per citation and line: text, kind (case, short, id, "
        "supra, law, journal, neutral, slip), reporter, volume, page, pin, year, court, href, "
        "eId (of the enclosing paragraph or note) and reference (the work cited; parallel "
        "citations and id./supra/short cites share it).  See docs/citations.md.")
    p.add_argument("input", metavar="FILE.xml", help="an AKN document")
    p.add_argument("-o", "--output", metavar="FILE.jsonl", help="output file (default: stdout)")
    add_verbosity(p)


def run(args) -> int:
    from ..citations.table import json_lines
    from ..errors import ConvertError
    from ..outputs import write_output
    from ..render import RenderError

    try:
        tree = _load(args.input)
        text = json_lines(tree)
        if args.output and args.output != STDIO:
            write_output(args.output, text.encode("utf-8"))
            status(args, f"{args.input} -> {args.output}")
        else:
            from .options import write_stdout

            write_stdout(text.encode("utf-8"), "jsonl")
    except (RenderError, ConvertError) as err:
        say(f"error: {err}")
        return EXIT_INVALID
    except Exception as err:  # a bug: one line, not a traceback
        say(f"error: {internal(args.input, err)}")
        return EXIT_INVALID
    return EXIT_OK


def _load(path: str):
    """An AKN file parsed as the renderers parse one: no network, DTDs or entity expansion."""
    from pathlib import Path

    from lxml import etree

    from ..render import RenderError, check_akn

    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise RenderError(path, f"cannot read: {err.strerror or err}") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as err:
        line = f" (line {err.lineno})" if getattr(err, "lineno", None) else ""
        raise RenderError(path, f"not well-formed XML{line}: {err.msg}") from None
    check_akn(tree, path)
    return tree
