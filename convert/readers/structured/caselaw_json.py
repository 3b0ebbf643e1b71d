"""case.law's JSON text export: one case, its `casebody` as plain text per writing.

- `casebody.head_matter` lines -> header paragraphs;
- `casebody.opinions[]` -> one writing each (`type`, `author`); each line of its `text` is a
  paragraph, the first being the byline when it repeats `author`;
- the export drops note numbers and calls: each note's text sits at the end of its writing
  as a line that begins with the dot that followed the number (`. Code 1951, 22-1112.`).  The
  trailing run of such lines is the writing's notes; with no call to place them at, they are
  kept as notes of that writing, numbered in order, in a last paragraph, and the reader warns;
- metadata from `decision_date`, `docket_number`, `court.name`, `name_abbreviation`.

The export has no page breaks inside the text (only `first_page`/`last_page`).
"""

from __future__ import annotations

import json
import re

from ...document import Document, Meta, Note, P, Span
from ...errors import ConvertError
from .. import ReadReport
from .sniff import caselaw_json as sniff  # noqa: F401  (the registry's detector)
from . import flow, safe

# A note line whose number the export removed: it starts with the dot that followed it.
_NOTE_LINE = re.compile(r"^\.\s+\S")
# A JSON input nested deeper than this is not a case record (and would exhaust recursion).
MAX_JSON_DEPTH = 64


def read(source: str, data: bytes) -> tuple[Document, ReadReport]:
    report = ReadReport(source)
    safe.check_size(source, data)
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        line = getattr(err, "lineno", None)
        raise ConvertError(source, f"not a case.law JSON record: {err}", line=line) from None
    except RecursionError:
        raise ConvertError(source, f"JSON nested deeper than {MAX_JSON_DEPTH} levels: "
                                   f"refused") from None
    if _depth(record) > MAX_JSON_DEPTH:
        raise ConvertError(source, f"JSON nested deeper than {MAX_JSON_DEPTH} levels: refused")
    body = record.get("casebody") if isinstance(record, dict) else None
    opinions = body.get("opinions") if isinstance(body, dict) else None
    if not isinstance(opinions, list) or not opinions:
        raise ConvertError(source, "not a case.law JSON record: no casebody.opinions")
    court = record.get("court") if isinstance(record.get("court"), dict) else {}
    meta = Meta(court_name=_str(court.get("name")), docket=_str(record.get("docket_number")),
                date=_iso(record.get("decision_date")),
                title=_str(record.get("name_abbreviation")))
    header = [flow.Unit("p", [line]) for line in _lines(body.get("head_matter"))]
    writings = []
    for k, op in enumerate(opinions, 1):
        if not isinstance(op, dict):
            raise ConvertError(source, f"opinion {k} is not an object")
        writings.append(_writing(op, k, report))
    return flow.assemble(Document(meta=meta), header, writings), report


def _writing(op: dict, k: int, report: ReadReport) -> flow.WritingUnits:
    lines = _lines(op.get("text"))
    author_line = _str(op.get("author"))
    byline = []
    if lines and author_line and lines[0].strip() == author_line.strip():
        byline = [lines.pop(0)]
    notes_at = len(lines)
    while notes_at > 0 and _NOTE_LINE.match(lines[notes_at - 1]):
        notes_at -= 1
    note_lines = lines[notes_at:]
    units = [flow.Unit("p", [line]) for line in lines[:notes_at]]
    name = _surname(author_line)
    if byline and name:
        byline = [Span("opinion", byline, {"name": name})]
    w = flow.WritingUnits(_str(op.get("type")) or "majority", name, byline, units)
    if note_lines:
        notes = [Note(str(n), [P([line.lstrip(". ").strip()])])
                 for n, line in enumerate(note_lines, 1)]
        w.units.append(flow.Unit("p", notes))
        report.warnings.append(
            f"writing {k}: {len(notes)} notes sit at its end with no calls in the text (the "
            f"export drops them): kept as notes of the writing, numbered in order")
    return w


def _lines(text) -> list[str]:
    if isinstance(text, list):
        text = "\n".join(t for t in text if isinstance(t, str))
    if not isinstance(text, str):
        return []
    return [line for line in (ln.strip() for ln in text.split("\n")) if line]


def _str(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _iso(value) -> str | None:
    return value if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) \
        else None


def _surname(author: str | None) -> str | None:
    m = re.match(r"\s*([A-Za-z'’\-]+)", author or "")
    if not m:
        return None
    name = m.group(1)
    return name.title() if name.isupper() else name


def _depth(value, limit: int = MAX_JSON_DEPTH + 1) -> int:
    """Nesting depth, counted iteratively and only up to `limit`."""
    stack, deepest = [(value, 1)], 1
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest >= limit:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest
