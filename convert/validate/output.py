"""Reports as people and tools read them: text lines, JSON Lines, JUnit XML; the summary line
and the terminal progress bar."""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import IO, Iterable

from lxml import etree

from .report import Report, one_line

# ---------------------------------------------------------------- text


def text_lines(report: Report) -> list[str]:
    """``file:line: element path: kind rule: message``, one line per issue (nothing for a
    valid file).  Where the line or path is unknown (a file that could not be read) they are
    left out: ``file: kind rule: message``."""
    lines = []
    for e in report.errors:
        where = one_line(report.path) + (f":{e.line}" if e.line else "")
        if e.path:
            where += f": {e.path}"
        lines.append(f"{where}: {e.kind} {e.rule}: {e.message}")
    if report.errors_omitted:
        lines.append(f"{one_line(report.path)}: ... and {report.errors_omitted} more errors not listed")
    return lines


# ---------------------------------------------------------------- JSON Lines


def json_line(report: Report) -> str:
    """One JSON object per file, on one line (JSON Lines)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=False)


# ---------------------------------------------------------------- JUnit


def junit_xml(reports: Iterable[Report], suite: str = "akn validate") -> bytes:
    """One testsuite, one testcase per file; an invalid file's testcase holds one failure
    whose message is the first error and whose text lists them all."""
    reports = list(reports)
    failures = sum(1 for r in reports if not r.valid)
    total_time = sum(r.seconds for r in reports)
    suites = etree.Element("testsuites", name=suite, tests=str(len(reports)),
                           failures=str(failures), errors="0", time=f"{total_time:.3f}")
    ts = etree.SubElement(suites, "testsuite", name=suite, tests=str(len(reports)),
                          failures=str(failures), errors="0", skipped="0",
                          time=f"{total_time:.3f}")
    for r in reports:
        case = etree.SubElement(ts, "testcase", classname="akn.validate",
                                name=_xml_safe(one_line(r.path)),
                                time=f"{r.seconds:.3f}")
        if r.valid:
            continue
        first = r.errors[0] if r.errors else None
        count = len(r.errors) + r.errors_omitted
        headline = (f"{count} error{'s' if count != 1 else ''}; first: "
                    + (f"line {first.line}: " if first and first.line else "")
                    + (f"{first.kind} {first.rule}: {first.message}" if first else ""))
        failure = etree.SubElement(case, "failure", type=r.status, message=_xml_safe(headline))
        failure.text = _xml_safe("\n".join(text_lines(r)))
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters quoted from bad input)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20
                   and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff")


# ---------------------------------------------------------------- summary


def summary(reports: Iterable[Report], seconds: float | None = None) -> str:
    """``12 files: 9 valid, 3 invalid (1 unreadable, 1 schema, 1 profile) in 0.4 s``."""
    reports = list(reports)
    by_status = Counter(r.status for r in reports)
    valid = by_status.pop("valid", 0)
    invalid = sum(by_status.values())
    n = len(reports)
    line = f"{n} file{'s' if n != 1 else ''}: {valid} valid, {invalid} invalid"
    if invalid:
        parts = []
        unreadable = by_status.get("input", 0) + by_status.get("xml", 0)
        if unreadable:
            parts.append(f"{unreadable} unreadable or not well-formed")
        for kind in ("schema", "profile"):
            if by_status.get(kind):
                parts.append(f"{by_status[kind]} {kind}")
        line += " (" + ", ".join(parts) + ")"
    if seconds is not None:
        line += f" in {seconds:.1f} s"
    return line


# ---------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal; silent when ``stream`` is not a TTY or there
    are few files."""

    def __init__(self, total: int, stream: IO[str], min_files: int = 20, width: int = 30,
                 interval: float = 0.1):
        self.total, self.stream, self.width, self.interval = total, stream, width, interval
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(total > min_files and isatty and isatty())
        self.done = 0
        self._last = 0.0

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval and self.done < self.total:
            return
        self._last = now
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar, so a report line printed next starts on a clean line."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._last = 0.0  # redraw at the next step

    close = clear
