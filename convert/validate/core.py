"""`validate(path_or_tree) -> Report`: the one entry point the CLI, the batch runner and the
tests use.  See docs/validate.md."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

from .names import AKN_NS
from .profile import applies_to, profile_issues
from .report import Issue, Report
from .safe import DEFAULT_MAX_BYTES, InputRefused, load, parse_bytes
from .schema import schema_issues

MAX_ERRORS_PER_FILE = 200

Source = str | os.PathLike | bytes | etree._ElementTree | etree._Element


def _document_type(root: etree._Element) -> str | None:
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        return None
    for child in root:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{AKN_NS}}}"):
            return child.tag.split("}", 1)[1]
    return None


def validate(source: Source, *, schema_only: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
             max_errors: int = MAX_ERRORS_PER_FILE, name: str | None = None) -> Report:
    """Check one document against the official AKN 3.0 schema and, for judgments, the
    project profile (`schemas/akn-us-judgment.sch`).

    ``source`` is a file path, the bytes of a file, or an lxml tree or element (the builder's
    output, say).  Files and bytes are read under the hostile-input limits of `safe`.  Never
    raises for bad input: every problem is an `Issue` in the returned `Report`.
    ``schema_only`` turns the profile off (for other publishers' documents).
    """
    started = time.perf_counter()
    if isinstance(source, (etree._ElementTree, etree._Element)):
        label = name or "<tree>"
    elif isinstance(source, bytes):
        label = name or "<bytes>"
    else:
        label = name or os.fspath(source)
    report = Report(path=label)
    try:
        if isinstance(source, etree._ElementTree):
            tree = source
        elif isinstance(source, etree._Element):
            tree = source.getroottree()
        elif isinstance(source, bytes):
            if len(source) > max_bytes:
                raise InputRefused(Issue("input", "too-large",
                                         f"{len(source)} bytes, over the {max_bytes} byte limit"))
            tree = parse_bytes(source)
        else:
            tree = load(source, max_bytes)
    except InputRefused as refused:
        report.errors.append(refused.issue)
        report.seconds = time.perf_counter() - started
        return report

    report.document = _document_type(tree.getroot())
    ok, issues, omitted = schema_issues(tree, limit=max_errors)
    report.schema_valid = ok
    report.errors.extend(issues)
    report.errors_omitted += omitted
    if not schema_only and applies_to(tree):
        report.profile_checked = True
        room = max(0, max_errors - len(report.errors))
        ok, issues, omitted = profile_issues(tree, limit=room)
        report.profile_valid = ok
        report.errors.extend(issues)
        report.errors_omitted += omitted
    report.seconds = time.perf_counter() - started
    return report


# ---------------------------------------------------------------- many files


class UsageError(Exception):
    """A PATH that cannot be validated at all (missing): the CLI exits 2."""


def iter_xml_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named on the command line as given, and every ``*.xml`` under each directory
    (recursively, sorted, symlinked directories not followed).  Missing paths raise
    `UsageError`."""
    files: list[Path] = []
    missing = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                found.extend(Path(dirpath) / f for f in filenames if f.lower().endswith(".xml"))
            files.extend(sorted(found))
        elif p.exists() or p.is_symlink():
            files.append(p)
        else:
            missing.append(str(raw))
    if missing:
        raise UsageError("no such file or directory: " + ", ".join(missing))
    return files


def validate_files(files: Iterable[str | os.PathLike], **options) -> Iterator[Report]:
    """`validate` each file in turn; one bad file never stops the others."""
    for f in files:
        yield validate(f, **options)
