"""What several commands share: exit codes, messages, and the options `--to`, `--from`,
`-q`/`--quiet`, `-v`/`--verbose`.

Messages follow pandoc: output (documents, reports) goes to stdout, status lines, warnings
and errors go to stderr.  `--quiet` keeps only warnings and errors; `--verbose` adds detail.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a run stopped by Ctrl-C

STDIO = "-"  # a FILE or OUT given as "-" is stdin or stdout


def say(msg: str) -> None:
    """A line for the user, on stderr (never mixed into a document on stdout)."""
    print(msg, file=sys.stderr)


def status(args, msg: str) -> None:
    """A status line (what was written), unless --quiet."""
    if not getattr(args, "quiet", False):
        say(msg)


def detail(args, msg: str) -> None:
    """A line only --verbose wants (timings, choices made)."""
    if getattr(args, "verbose", False):
        say(msg)


def internal(path, err: Exception) -> str:
    """The one line for a crash inside the converter: the input stays named, the run goes on."""
    return f"{path}: internal error: {type(err).__name__}: {err}"


# ---------------------------------------------------------------- argument types


def formats(value: str) -> list[str]:
    """`--to xml,html,md`: the output formats of a conversion."""
    from ..pipeline import OUTPUT_FORMATS

    chosen = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in chosen if f not in OUTPUT_FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(bad) or value!r}; choose from {','.join(OUTPUT_FORMATS)}")
    return list(dict.fromkeys(chosen))  # `--to xml,xml` writes xml once


def render_format(value: str) -> str:
    from ..render import FORMATS

    if value not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"render takes one format: {' or '.join(FORMATS)} (not {value!r})")
    return value


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


# ---------------------------------------------------------------- options


def add_to(p, help_: str = "comma-separated: xml,html,md,pdf (default: xml)") -> None:
    p.add_argument("--to", type=formats, default=["xml"], metavar="FORMATS", help=help_)


def add_from(p) -> None:
    from ..readers.registry import names

    p.add_argument("--from", dest="source_format", default="auto",
                   choices=["auto", *names()],
                   help="input kind (default: auto, from name and content)")


def add_citations(p) -> None:
    p.add_argument("--no-citations", dest="citations", action="store_false",
                   help="do not mark citations as links (docs/citations.md)")


def megabytes(value: str) -> int:
    """`--max-size MB` -> bytes."""
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--max-size takes megabytes, not {value!r}") from None
    if not 0 < mb <= MAX_SIZE_MB:
        raise argparse.ArgumentTypeError(f"--max-size must be between 0 and {MAX_SIZE_MB} (MB)")
    return int(mb * 1024 * 1024)


MAX_SIZE_MB = 4096  # as `akn validate --max-size`: past this, memory, not the cap, decides


def add_max_size(p) -> None:
    from ..inputs import DEFAULT_MAX_BYTES, MAX_BYTES, MB

    caps = ", ".join(f"{kind} {cap // MB}" for kind, cap in sorted(MAX_BYTES.items()))
    p.add_argument("--max-size", type=megabytes, default=None, metavar="MB",
                   help=f"refuse inputs larger than MB megabytes (default per kind: {caps}; "
                        f"others {DEFAULT_MAX_BYTES // MB})")


def add_no_validate(p) -> None:
    p.add_argument("--no-validate", dest="validate", action="store_false",
                   help="do not check each document against the official AKN schema while "
                        "converting (loading it costs ~0.2 s per process); check the set "
                        "afterwards with `akn validate` or `make validate`")


def css_url(value: str) -> str:
    from ..render.html import safe_href

    if not value.strip() or safe_href(value) is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s) or relative URL")
    return value.strip()


def add_css(p) -> None:
    p.add_argument("--css", metavar="URL", type=css_url,
                   help="HTML: link this stylesheet (a publisher's own, http(s) or relative "
                        "URL) instead of inlining the built-in one")


def add_verbosity(p) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true",
                       help="print only warnings and errors")
    group.add_argument("-v", "--verbose", action="store_true",
                       help="also print details (timings, the reader chosen)")


# ---------------------------------------------------------------- stdin and stdout

STDIN_SOURCE = "<stdin>"  # how messages name stdin
STDIN_STEM = "stdin"  # stdin's outputs in a directory: OUTDIR/stdin.<ext>
BINARY_FORMATS = ("pdf",)


def read_stdin(max_bytes: int | None = None) -> bytes:
    from ..errors import ConvertError
    from ..inputs import read_stream

    data = read_stream(sys.stdin.buffer, STDIN_SOURCE, max_bytes)
    if not data.strip():
        raise ConvertError(STDIN_SOURCE, "stdin is empty")
    return data


def write_stdout(data: bytes, fmt: str) -> None:
    """A document on stdout.  A PDF is not written to a terminal (it would garble it)."""
    from ..errors import ConvertError

    if fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise ConvertError("<stdout>", f"will not write {fmt.upper()} to a terminal; "
                                       "redirect stdout or give -o FILE")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
