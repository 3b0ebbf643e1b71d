"""The CAP pairs: opinions a publisher marked up carefully (Harvard Caselaw Access Project),
compared with what our text reader finds in the same opinion's plain text.  Informative: never
part of the exit status.  See docs/evaluation.md."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .labels import Input
from .measure import Row, measure


def _html_parser():
    return etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def _xml_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


def _has_class(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


@dataclass
class Truth:
    writings: list[str]  # data-type of each article.opinion, in order
    footnotes: int
    page_labels: int
    page_series: dict[str, int]  # labels per citation series (data-citation-index)


def structured_truth(html_path: Path) -> Truth:
    """What the publisher marked in a CAP structured HTML (`*.cap.html`, `a2d_*.html`)."""
    root = etree.parse(str(html_path), _html_parser()).getroot()
    writings = [a.get("data-type") or "?" for a in
                root.xpath(f"//article[{_has_class('opinion')}]")]
    notes = len(root.xpath(f"//aside[{_has_class('footnote')}]"))
    if not notes:
        notes = len(root.xpath(f"//a[{_has_class('footnotemark')}]"))
    labels = root.xpath(f"//a[{_has_class('page-label')}]")
    series = Counter(a.get("data-citation-index") or "?" for a in labels)
    return Truth(writings, notes, len(labels), dict(sorted(series.items())))


_BLOCKS = {"p", "div", "blockquote", "center", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
           "ol", "table", "tr", "section", "article", "aside", "pre", "hr", "dl", "dt", "dd",
           "body", "html", "header", "footer"}


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block element (`p`, `blockquote`, ...),
    a blank line between blocks, `br` as a line break, inline text (including `[945 N.E.2d
    485]` star-page markers and footnote call digits) kept where it stands."""
    if not fragment.strip():
        return ""
    root = etree.fromstring(f"<html><body>{fragment}</body></html>", _html_parser())
    blocks: list[list[str]] = [[]]
    current: list[str] = []

    def flush():
        nonlocal current
        line = " ".join("".join(current).split())
        if line:
            blocks[-1].append(line)
        current = []

    def end_block():
        flush()
        if blocks[-1]:
            blocks.append([])

    def walk(el):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag in _BLOCKS:
            end_block()
        elif tag == "br":
            flush()
        if tag is not None and el.text:
            current.append(el.text)
        if tag is not None:
            for child in el:
                walk(child)
        if tag in _BLOCKS:
            end_block()
        if el.tail:
            current.append(el.tail)

    walk(root)
    end_block()
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"


def fastcase_text(xml_path: Path) -> str:
    """The vendor document's head matter and opinion as plain text."""
    root = etree.parse(str(xml_path), _xml_parser()).getroot()
    parts = [html_text(root.findtext(tag) or "") for tag in ("HeaderHtml", "CaseHtml")]
    return "\n".join(p for p in parts if p)


def a2d_text(json_path: Path) -> str:
    """case.law's plain text: head matter, then each writing's text, one paragraph per line in
    the source, written here with a blank line between paragraphs."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    body = data.get("casebody") or {}
    if "data" in body and isinstance(body["data"], dict):  # older API shape
        body = body["data"]
    parts = [body.get("head_matter") or ""]
    parts += [o.get("text") or "" for o in body.get("opinions") or []]
    paragraphs = [line.strip() for part in parts for line in part.split("\n") if line.strip()]
    return "\n\n".join(paragraphs) + "\n"


_BRACKET_RE = re.compile(r"\[([^\[\]\n]{3,80})\]")
_CITE_RE = re.compile(r"^\s*(\d+)\s+([^\W\d][^,]*?)\s+\d+\s*$")


def _reporter_key(volume: str, reporter: str) -> tuple[str, str]:
    return volume.strip(), "".join(reporter.split()).lower()


def fastcase_reporters(xml_path: Path) -> set[tuple[str, str]]:
    """(volume, reporter) of the case's own citations (`<Citations>` of the vendor XML)."""
    root = etree.parse(str(xml_path), _xml_parser()).getroot()
    return {_reporter_key(c.findtext("Volume") or "", c.findtext("Reporter") or "")
            for c in root.iter("Citation")}


def star_pages(text: str, reporters: set[tuple[str, str]] | None = None) -> int:
    """How many `[945 N.E.2d 485]` star-page markers a text holds: bracketed citations of the
    case's own reporters (each citation of a combined `[945 N.E.2d 485 , 920 N.Y.S.2d 292]`
    counts once), so a bracketed citation of another case is not counted."""
    n = 0
    for m in _BRACKET_RE.finditer(text):
        for part in m.group(1).split(","):
            cite = _CITE_RE.match(part)
            if cite and (reporters is None or _reporter_key(*cite.groups()) in reporters):
                n += 1
    return n


@dataclass
class Comparison:
    name: str
    source: str  # what was fed to our reader
    expected_writings: list[str] | None = None
    expected_footnotes: int | None = None
    expected_pages: int | None = None
    expected_series: dict[str, int] = field(default_factory=dict)
    source_pages: int = 0  # `[vol Reporter page]` markers in the plain text fed to the reader
    found: Row | None = None
    error: str | None = None


def cap_pairs(corpus: Path) -> list[tuple[str, Path, Path, str]]:
    """(name, plain source, structured twin, kind) for each CAP pair, sorted by name."""
    cap = corpus / "cap"
    if not cap.is_dir():
        return []
    pairs = []
    for src in sorted(cap.glob("*.fastcase.xml")):
        stem = src.name[: -len(".fastcase.xml")]
        twin = cap / f"{stem}.cap.html"
        if twin.is_file():
            pairs.append((stem, src, twin, "fastcase"))
    for src in sorted(cap.glob("a2d_*.json")):
        twin = src.with_suffix(".html")
        if twin.is_file():
            pairs.append((src.stem, src, twin, "a2d"))
    return sorted(pairs)


def compare_pair(name: str, src: Path, twin: Path, kind: str, workdir: Path) -> Comparison:
    cmp = Comparison(name, src.name)
    try:
        truth = structured_truth(twin)
        cmp.expected_writings = truth.writings
        cmp.expected_footnotes = truth.footnotes
        cmp.expected_pages = truth.page_labels
        cmp.expected_series = truth.page_series
        text = fastcase_text(src) if kind == "fastcase" else a2d_text(src)
        plain = workdir / f"{name}.txt"
        plain.write_text(text, encoding="utf-8")
        cmp.source_pages = star_pages(text, fastcase_reporters(src) if kind == "fastcase"
                                      else None)
        cmp.found = measure(Input(name, "cap", plain, f"cap/{name}.txt"), None)
    except Exception as err:
        cmp.error = f"{type(err).__name__}: {err}"
    return cmp
