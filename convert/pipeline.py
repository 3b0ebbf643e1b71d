"""Input file -> AKN tree -> output files.  Used by the CLI, `make` and the tests."""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .akn.builder import build, serialize
from .document import Prebuilt
from .errors import ConvertError
from .inputs import read_input
from .readers import ReadReport, registry

OUTPUT_FORMATS = ("xml", "html", "md", "pdf")


@dataclass
class Parsed:
    tree: etree._ElementTree
    report: ReadReport
    xml: bytes

    @cached_property
    def model(self):
        """What the renderers read of the tree, made once for all the outputs of it (the
        renderers only read it)."""
        from .render.model import Model

        return Model(self.tree)


def parse(path: str | Path, fmt: str = "auto", validate: bool = True,
          max_bytes: int | None = None, *, citations: bool = True) -> Parsed:
    """Read one input into a schema-valid AKN tree, or raise ConvertError.  `validate=False`
    skips checking the tree against the official schema: loading the schema costs ~0.2 s
    per process, more than converting an opinion, so one-file runs may check the whole set
    once afterwards (`akn validate`) instead.  The input must be a regular file under
    `max_bytes` (default: its kind's cap, `inputs.MAX_BYTES`).  `citations` marks the
    citations of body and notes as links (docs/citations.md)."""
    return parse_data(str(path), read_input(path, fmt, max_bytes), fmt, validate,
                      citations=citations)


def parse_data(path: str, data: bytes, fmt: str = "auto", validate: bool = True,
               seconds: dict | None = None, *, citations: bool = True) -> Parsed:
    """`parse` for bytes already read (stdin): `path` names the input in messages and in
    format detection.  `seconds`, if given, receives the time of each stage (read, build,
    citations, validate), as the batch report shows them."""
    clock = _Stages(seconds)
    if fmt == "auto":
        fmt = registry.detect(path, data[:registry.SNIFF_BYTES])
    document, report = registry.get(fmt).load()(path, data)
    clock.lap("read")
    for note in report.warnings:  # the reader's doubts reach parse, convert and batch alike
        warnings.warn(f"{path}: {note}", stacklevel=2)
    tree = build(document)
    check_coverage(path, report, tree)
    prebuilt = isinstance(document, Prebuilt)  # an AKN input: its publisher's, untouched
    if citations and not prebuilt:
        clock.lap("build")
        from .citations import link

        link(tree)
        clock.lap("citations")
    xml = serialize(tree, indent=not prebuilt)
    clock.lap("build")
    if not validate:
        return Parsed(tree, report, xml)
    from .validate.schema import schema_errors

    errors = schema_errors(tree)
    clock.lap("validate")
    if errors:  # a reader bug, but the user must hear about it, not get an invalid file
        first = errors[0]
        raise ConvertError(path, f"produced AKN that fails the official schema: {first.message}"
                           f" (output line {first.line})")
    return Parsed(tree, report, xml)


class LostWordsWarning(UserWarning):
    """Words of the input (less the furniture the reader reported) are not in the output."""


# Below this share of the input's words the output is not the opinion (a section or more was
# dropped): an error, not a warning.  Every corpus input keeps over 99.6% (word-level
# differences of joining and splitting, which `coverage.unexplained` sets aside).
COVERAGE_ERROR_BELOW = 0.5
_NAMED_WORDS = 8  # lost words a warning names; the count says how many more


def check_coverage(path: str, report: ReadReport, tree) -> None:
    """Nothing lost, by construction: compare the words of the reader's input (less what it
    reported removing) with the words of its AKN.  Words lost beyond re-joined or re-split
    ones are named in a warning; losing most of the input is an error."""
    if report.source_text is None:  # a reader with no input text to compare (structured)
        return
    from .coverage import compare, unexplained

    lost, invented, coverage = compare(report.source_text, report.removed, tree)
    if coverage < COVERAGE_ERROR_BELOW:
        raise ConvertError(path, f"the output holds only {coverage:.0%} of the input's words; "
                                 f"lost: {_name_words(lost)}")
    missing = unexplained(lost, invented)
    if missing:
        warnings.warn(f"{path}: {sum(missing.values())} word(s) of the input are not in the "
                      f"output (coverage {coverage:.2%}): {_name_words(missing)}",
                      LostWordsWarning, stacklevel=2)


def _name_words(words) -> str:
    named = [w if n == 1 else f"{w} (x{n})" for w, n in words.most_common(_NAMED_WORDS)]
    more = len(words) - len(named)
    return ", ".join(named) + (f" and {more} more" if more > 0 else "")


class _Stages:
    """Seconds per stage into a dict, when the caller wants them."""

    def __init__(self, into: dict | None):
        self.into = into
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now


def render(parsed: Parsed, fmt: str, css: str | None = None) -> bytes:
    """One output of a conversion.  HTML carries its stylesheet inline (the page works on
    its own) unless `css` names a publisher's stylesheet to link."""
    if fmt == "xml":
        return parsed.xml
    from .render import render as render_tree

    return render_tree(parsed.tree, fmt, xml_bytes=parsed.xml, css=css, model=parsed.model)


def outputs_for(path: str | Path, outdir: str | Path, formats) -> dict[str, Path]:
    stem = Path(path).stem
    return {fmt: Path(outdir) / f"{stem}.{fmt}" for fmt in formats}


def convert_file(path: str | Path, outdir: str | Path, formats=("xml",), fmt: str = "auto",
                 validate: bool = True, max_bytes: int | None = None, css: str | None = None,
                 *, citations: bool = True):
    """Convert one input into every requested format.  All outputs are rendered in memory
    first and then written atomically, so a failure leaves no partial set behind."""
    from .outputs import write_outputs

    targets = outputs_for(path, outdir, formats)
    refuse_overwriting_input(path, targets.values())
    parsed = parse(path, fmt, validate, max_bytes, citations=citations)
    rendered = {targets[f]: render(parsed, f, css) for f in formats}
    write_outputs(rendered)
    return parsed, targets


def refuse_overwriting_input(path: str | Path, targets) -> None:
    """`akn convert notes.md -o . --to md` would replace its own input: refuse."""
    source = Path(path).resolve()
    for target in targets:
        if Path(target).resolve() == source:
            raise ConvertError(str(path), f"output {target} would overwrite the input; "
                                          "choose another output directory")


def clashing_outputs(paths, outdir: str | Path, formats) -> dict[str, str]:
    """Inputs whose outputs another input of the same run already claims (`a.txt` and `a.md`
    both make `a.xml`): input -> the earlier input it clashes with."""
    claimed: dict[Path, str] = {}
    clashes: dict[str, str] = {}
    for path in paths:
        for target in outputs_for(path, outdir, formats).values():
            key = Path(target).resolve()
            if key in claimed and claimed[key] != str(path):
                clashes[str(path)] = claimed[key]
                break
            claimed.setdefault(key, str(path))
    return clashes


def capture_warnings(func, *args, **kwargs):
    """Run func, returning (result, [warning messages]) so the CLI can print them plainly."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(*args, **kwargs)
    return result, [str(w.message) for w in caught]
