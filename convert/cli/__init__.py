"""The `akn` command line (also `python -m convert`): one module per command.

Each command is a module here with `HELP` (one line for `akn --help`), `add_arguments(p)` and
`run(args) -> exit code`.  Adding a command is that module plus its name in `COMMANDS`.
Options several commands share (`--to`, `--from`, `-q`/`-v`, `-o -`) live in `options.py`.
The command line depends on the library (`convert.pipeline`, `convert.batch`, ...), never the
reverse.  Command modules import the library inside `run`, so `akn --help` and every
command start without loading what they do not use.

Exit codes: 0 done, 1 invalid input or invalid document, 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from .options import EXIT_INTERRUPTED, EXIT_OK, say

# The subcommands, in the order `akn --help` lists them.
COMMANDS = ("convert", "parse", "render", "validate", "batch", "cite", "site")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; given the command about to run, only that command's options are
    set up (some, like validate's, import their library to describe themselves)."""
    parser = argparse.ArgumentParser(
        prog="akn",
        description="Court opinions to Akoma Ntoso 3.0 judgments, and AKN to HTML, Markdown, PDF.",
        epilog="Exit codes: 0 done, 1 invalid input or document, 2 usage error, "
               "130 interrupted.  A FILE or OUT given as - is stdin or stdout.",
    )
    parser.add_argument("--version", action="version", version=f"akn {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        p = sub.add_parser(name, help=module.HELP)
        if command in (None, name):
            module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `akn ... | head`: the reader left; not an error of ours
        return EXIT_OK
