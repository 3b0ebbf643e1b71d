"""Run the readers over one input and score what they found against its labels."""

from __future__ import annotations

import re
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import score
from .extract import found_in
from .labels import Input, label_court_id

# Word coverage every input must reach (issue 8, acceptance 1).
THRESHOLD = 0.995
# Footnote recall and precision every input form must reach (issue 8, acceptance 1).
NOTES_THRESHOLD = 0.98
NOT_FURNITURE = {"note-label", "note-heading", "separator", "link-target"}  # not page furniture: footnote
# step removals and Markdown link targets
_UNLINKED_RE = re.compile(r"call of footnote (\S+) not found")


@dataclass
class Row:
    """What the readers made of one input, and how it compares with the labels."""

    name: str  # relative to the corpus, e.g. "pdf/x.layout.txt"
    stem: str = ""
    form: str = ""
    reader: str = ""
    labelled: bool = False
    pages: int | None = None
    # footnotes
    notes: int | None = None
    notes_expected: int | None = None
    notes_matched: int | None = None
    notes_marker_only: int | None = None
    recall: float | None = None
    precision: float | None = None
    notes_missing: list[str] = field(default_factory=list)
    notes_unexpected: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    linked: int | None = None
    # page breaks
    eops: int | None = None
    # paragraphs of the body, and the words in them
    paragraphs: int | None = None
    paragraph_words: int | None = None
    eops_numbered: int | None = None
    breaks_expected: int | None = None
    breaks_found: int | None = None
    numbers_expected: int | None = None
    numbers_found: int | None = None
    breaks_ok: bool | None = None
    # case facts: "match", "partial", "differ", "missing", "unlabelled"
    docket: str | None = None
    date: str | None = None
    court: str | None = None
    title: str | None = None
    found_docket: list[str] = field(default_factory=list)
    found_date: str | None = None
    found_court: str | None = None
    # writings
    writings: int | None = None
    writing_kinds: list[str] = field(default_factory=list)
    writing_authors: list[str | None] = field(default_factory=list)
    kinds_match: bool | None = None
    authors_expected: int | None = None
    authors_matched: int | None = None
    # furniture and words
    furniture: int | None = None
    furniture_by_kind: dict[str, int] = field(default_factory=dict)
    coverage: float | None = None
    words: int | None = None
    lost: int | None = None
    invented: int | None = None
    lost_sample: list[str] = field(default_factory=list)
    invented_sample: list[str] = field(default_factory=list)
    coverage_text: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    skipped: str | None = None  # no reader for this form (yet): not a failure
    trace: str | None = None

    def failed(self, threshold: float = THRESHOLD) -> bool:
        """A conversion error or too low a word coverage: `make eval`'s exit status."""
        if self.skipped:
            return False
        return bool(self.error) or self.coverage is None or self.coverage < threshold


def _sample(counter: Counter, n: int = 12) -> list[str]:
    """The most frequent words of a Counter, ties broken alphabetically (deterministic)."""
    return [f"{w}×{c}" if c > 1 else w
            for w, c in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def reader_for(item: Input) -> tuple[str | None, str | None]:
    """(reader name, None) or (None, why the form is skipped)."""
    from convert.inputs import read_bytes
    from convert.readers import registry

    fmt = registry.detect(item.path, read_bytes(item.path)[: registry.SNIFF_BYTES])
    if item.form == "vendor" and ".xml" not in registry.get(fmt).suffixes:
        return None, "no reader for vendor XML yet"
    return fmt, None


def coverage_text(item: Input) -> tuple[str, str]:
    """(text the AKN's words are compared with, its name).  A PDF has no text of its own: its
    `.raw.txt` stands in.  Vendor XML is compared with the text of its elements."""
    from convert.inputs import read_text

    if item.form == "pdf":
        raw = item.path.with_name(item.path.name[: -len(".pdf")] + ".raw.txt")
        if raw.is_file():
            return read_text(raw), raw.name
    if item.form == "vendor":
        from convert.readers.structured.safe import parse_xml

        # The reader's own guarded parse (it repairs the vendor's unquoted attributes).
        root = parse_xml(str(item.path), item.path.read_bytes(), [])
        return "\n".join(t for t in root.itertext()), item.path.name + " (element text)"
    return read_text(item.path), item.path.name


# Plain pdftotext splits letter-spaced small capitals after their first letter
# (`S ECOND C IRCUIT`, `P ER CURIAM`).  A capital letter alone, then a run of capitals.
_LETTER_SPACED = re.compile(r"\b([A-Z]) ([A-Z]{2,})\b")


def rejoin_letter_spaced(text: str, tree) -> str:
    """The PDF's stand-in text with pdftotext's letter-spacing splits undone where the PDF
    reader read the whole word: `S ECOND` becomes `SECOND` when the AKN has `second`, so a
    PDF read right is not scored as losing `s` and `econd`.  `A MOTION` stays apart unless the
    AKN says `amotion`: the AKN decides, word by word."""
    from convert.coverage import akn_words

    found = akn_words(tree)

    def join(m):
        whole = m.group(1) + m.group(2)
        return whole if whole.lower() in found else m.group(0)

    return _LETTER_SPACED.sub(join, text)


def default_parse(path: Path, fmt: str):
    from convert.pipeline import capture_warnings, parse

    return capture_warnings(parse, path, fmt)


def measure(item: Input, label: dict | None,
            parse: Callable[[Path, str], tuple] = default_parse) -> Row:
    """One row for one input.  `parse(path, fmt)` returns (Parsed, warnings); tests pass a
    cached one so each input is read once per session."""
    from convert.coverage import compare, source_words

    row = Row(item.name, item.stem, item.form, labelled=label is not None)
    start = time.perf_counter()
    try:
        fmt, why = reader_for(item)
        if fmt is None:
            row.skipped = why
            return row
        row.reader = fmt
        parsed, warnings = parse(item.path, fmt)
        tree, report = parsed.tree, parsed.report
        row.warnings = list(warnings) + list(report.warnings)
        row.pages = report.pages
        found = found_in(tree)
        row.notes = len(found.notes)
        row.markers = [m for m, _ in found.notes]
        row.linked = row.notes - sum(1 for w in report.warnings if _UNLINKED_RE.search(w))
        row.eops = len(found.eops)
        row.eops_numbered = sum(1 for n in found.eops if n)
        row.paragraphs, row.paragraph_words = found.paragraphs, found.paragraph_words
        row.writings = len(found.writings)
        row.writing_kinds = [k for k, _ in found.writings]
        row.writing_authors = [a for _, a in found.writings]
        row.found_docket, row.found_date = found.dockets, found.date
        row.found_court = found.court_id or found.court_name
        if label is not None:
            _score(row, label, found)
        by_kind = Counter(r.kind for r in report.removed if r.kind not in NOT_FURNITURE)
        row.furniture = sum(by_kind.values())
        row.furniture_by_kind = dict(sorted(by_kind.items()))
        text, row.coverage_text = coverage_text(item)
        if item.form == "pdf":
            text = rejoin_letter_spaced(text, tree)
        lost, invented, row.coverage = compare(text, report.removed, tree)
        row.lost, row.invented = sum(lost.values()), sum(invented.values())
        row.words = sum(source_words(text, report.removed).values())
        row.lost_sample, row.invented_sample = _sample(lost), _sample(invented)
    except Exception as err:  # a reader's crash is a finding to report, not a reason to stop
        row.error = f"{type(err).__name__}: {err}"
        row.trace = traceback.format_exc()
    finally:
        row.seconds = time.perf_counter() - start
    return row


def _score(row: Row, label: dict, found) -> None:
    notes = label.get("footnotes")
    if notes is not None:
        s = score.score_notes(notes, found.notes)
        row.notes_expected, row.notes_matched = s.expected, s.matched
        row.notes_marker_only = s.marker_only
        row.recall, row.precision = s.recall, s.precision
        row.notes_missing, row.notes_unexpected = s.missing, s.unexpected
    printed = label.get("printed_page_numbers")
    if printed:
        b = score.score_breaks(printed, found.eops)
        row.breaks_expected, row.breaks_found = b.expected, b.found
        row.numbers_expected, row.numbers_found = b.numbers_expected, b.numbers_found
        row.breaks_ok = b.ok
    row.docket = score.docket_result(label.get("docket"), found.dockets)
    row.date = score.value_result(label.get("decision_date"), found.date)
    row.court = score.court_result(label_court_id(label.get("court")), label.get("court") or "",
                                   found.court_id, found.court_name)
    row.title = score.title_result(label.get("title"), found.titles)
    writings = label.get("writings")
    if writings is not None:
        w = score.score_writings(writings, found.writings)
        row.kinds_match = w.kinds_match
        row.authors_expected, row.authors_matched = w.authors_expected, w.authors_matched
