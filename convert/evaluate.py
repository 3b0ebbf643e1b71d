"""Measure the readers against the development corpus (`make eval`).

    python -m convert.evaluate [CORPUS_DIR] [--json FILE] [--no-fail] [-v]

For every input in `CORPUS/pdf` (each document's `.pdf`, `.layout.txt` and `.raw.txt`) and
`CORPUS/text/*.txt` it prints one row: pages, page markers (`eop`), footnotes found and linked
to their call, writings, furniture removed and word coverage (`convert.coverage.compare`).
Exit status 1 when any of those inputs fails to convert or covers less than 99.5 % of its
words (the acceptance of `make eval`), unless `--no-fail`.

It then compares the readers with the structured ground truth of `CORPUS/cap` (CAP pairs):
writings, footnotes and page labels a publisher marked against what our text reader finds in
the same opinion's plain text.  Those comparisons are informative and never change the exit
status.  See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from .akn.names import NS

THRESHOLD = 0.995
NOT_FURNITURE = {"note-label", "separator", "link-target"}  # not page furniture: footnote
# step removals and Markdown link targets
_UNLINKED_RE = re.compile(r"call of footnote (\S+) not found")

# Footnotes each corpus/pdf document has, established by reading the PDFs; the tests assert
# against this same table.  Shown here beside what a reader found.
KNOWN_NOTES = {
    "azd_bard_ivc_remand_order": 0,
    "ca10_21-800_order": 0,
    "ca1_20-1507_calvary_chapel_v_mills": 2,
    "nc_2022-NCSC-1_gift_surplus": 3,
    "scotus_tarrant_v_herrmann_2013_slip": 13,
    "tc_memo_2020-26_bordelon": 15,
}


# --------------------------------------------------------------------------- one input

@dataclass
class Row:
    """What the readers made of one input."""

    name: str  # path relative to the corpus, e.g. "pdf/x.layout.txt"
    reader: str = ""  # text / markdown / pdf
    pages: int | None = None
    eops: int | None = None
    eops_numbered: int | None = None  # eop with a printed page @number
    notes: int | None = None
    notes_expected: int | None = None  # KNOWN_NOTES, where the document is known
    linked: int | None = None
    writings: int | None = None
    writing_kinds: list[str] = field(default_factory=list)
    furniture: int | None = None
    furniture_by_kind: dict[str, int] = field(default_factory=dict)
    coverage: float | None = None
    words: int | None = None  # input words expected in the output (less what was removed)
    lost: int | None = None
    invented: int | None = None
    lost_sample: list[str] = field(default_factory=list)
    invented_sample: list[str] = field(default_factory=list)
    coverage_text: str = ""  # which text coverage was measured against
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    skipped: str | None = None  # the reader does not exist (yet): not a failure
    trace: str | None = None

    def failed(self, threshold: float = THRESHOLD) -> bool:
        if self.skipped:
            return False
        return bool(self.error) or self.coverage is None or self.coverage < threshold


def _count(tree, xpath: str) -> int:
    return int(tree.getroot().xpath(f"count({xpath})", namespaces=NS))


def _sample(counter: Counter, n: int = 12) -> list[str]:
    """The most frequent words of a Counter, ties broken alphabetically (deterministic)."""
    return [f"{w}×{c}" if c > 1 else w
            for w, c in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def measure(path: Path, name: str, coverage_source: Path | None = None,
            fmt: str | None = None) -> Row:
    """Run the readers over one input and count what they found.

    `coverage_source` is the text words are compared with (default: the input itself); for a
    `.pdf` it is the document's `.raw.txt`."""
    from .coverage import compare, source_words
    from .inputs import read_bytes, read_text
    from .pipeline import capture_warnings, parse
    from .readers import detect_format

    row = Row(name, notes_expected=KNOWN_NOTES.get(_stem(path)))
    start = time.perf_counter()
    try:
        if fmt is None:
            fmt = detect_format(path, read_bytes(path)[:4096])
        row.reader = fmt
        parsed, row.warnings = capture_warnings(parse, path, fmt)
        tree, report = parsed.tree, parsed.report
        row.pages = report.pages
        row.eops = _count(tree, "//akn:eop")
        row.eops_numbered = _count(tree, "//akn:eop[@number]")
        row.notes = _count(tree, "//akn:authorialNote")
        unlinked = [w for w in report.warnings if _UNLINKED_RE.search(w)]
        row.linked = row.notes - len(unlinked)
        row.warnings += list(report.warnings)
        kinds = tree.getroot().xpath("//akn:hcontainer[@name='opinion']/@class", namespaces=NS)
        row.writings = _count(tree, "//akn:hcontainer[@name='opinion']")
        row.writing_kinds = [str(k) for k in kinds]
        by_kind = Counter(r.kind for r in report.removed if r.kind not in NOT_FURNITURE)
        row.furniture = sum(by_kind.values())
        row.furniture_by_kind = dict(sorted(by_kind.items()))
        source = coverage_source or path
        row.coverage_text = source.name
        text = read_text(source)
        lost, invented, coverage = compare(text, report.removed, tree)
        row.coverage = coverage
        row.lost, row.invented = sum(lost.values()), sum(invented.values())
        row.words = sum(source_words(text, report.removed).values())
        row.lost_sample, row.invented_sample = _sample(lost), _sample(invented)
    except Exception as err:  # a reader's crash is a finding to report, not a reason to stop
        row.error = f"{type(err).__name__}: {err}"
        row.trace = traceback.format_exc()
    finally:
        row.seconds = time.perf_counter() - start
    return row


def corpus_inputs(corpus: Path) -> list[tuple[Path, str, Path | None]]:
    """(input, name relative to the corpus, text to measure coverage against) in a stable
    order: each pdf/ document's .pdf, .layout.txt, .raw.txt, then text/*.txt."""
    out: list[tuple[Path, str, Path | None]] = []
    pdf_dir = corpus / "pdf"
    if pdf_dir.is_dir():
        stems = sorted({_stem(p) for p in pdf_dir.iterdir()
                        if p.suffix == ".pdf" or p.name.endswith((".layout.txt", ".raw.txt"))})
        for stem in stems:
            raw = pdf_dir / f"{stem}.raw.txt"
            for suffix in (".pdf", ".layout.txt", ".raw.txt"):
                p = pdf_dir / f"{stem}{suffix}"
                if p.is_file():
                    cov = (raw if raw.is_file() else None) if suffix == ".pdf" else None
                    out.append((p, f"pdf/{p.name}", cov))
    text_dir = corpus / "text"
    if text_dir.is_dir():
        for p in sorted(text_dir.glob("*.txt")):
            out.append((p, f"text/{p.name}", None))
    return out


def _stem(p: Path) -> str:
    for suffix in (".layout.txt", ".raw.txt", ".pdf"):
        if p.name.endswith(suffix):
            return p.name[: -len(suffix)]
    return p.stem


# --------------------------------------------------------------------------- CAP pairs

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
        cmp.found = measure(plain, f"cap/{name}.txt", fmt="text")
    except Exception as err:
        cmp.error = f"{type(err).__name__}: {err}"
    return cmp


# --------------------------------------------------------------------------- printing

def pct(value: float | None) -> str:
    """Percentage truncated (not rounded) to two decimals, so 99.499 never shows as 99.50."""
    if value is None:
        return "-"
    return f"{math.floor(value * 10000) / 100:.2f}%"


def _n(value) -> str:
    return "-" if value is None else str(value)


_HEAD = ("input", "reader", "pages", "eop", "#", "notes/exp", "linked", "writ", "furn", "coverage",
         "lost", "extra", "time", "")


def table(rows: list[Row], threshold: float) -> list[str]:
    body = []
    for r in rows:
        if r.skipped or r.error:
            status = "skip" if r.skipped else "FAIL"
            body.append((r.name, r.reader or "-", *["-"] * 10, f"{r.seconds:.2f}s",
                         f"{status}: {r.skipped or r.error}"))
            continue
        notes = _n(r.notes) + ("" if r.notes_expected is None else f"/{r.notes_expected}")
        body.append((r.name, r.reader, _n(r.pages), _n(r.eops), _n(r.eops_numbered), notes, _n(r.linked),
                     _n(r.writings), _n(r.furniture), pct(r.coverage), _n(r.lost),
                     _n(r.invented), f"{r.seconds:.2f}s",
                     "FAIL: coverage" if r.failed(threshold) else ""))
    widths = [max(len(str(x[i])) for x in [_HEAD, *body]) for i in range(len(_HEAD) - 1)]
    lines = []
    for cells in [_HEAD, *body]:
        parts = [str(c).ljust(widths[0]) if i == 0 else
                 str(c).ljust(widths[i]) if i == 1 else str(c).rjust(widths[i])
                 for i, c in enumerate(cells[:-1])]
        lines.append("  ".join(parts) + ("  " + cells[-1] if cells[-1] else ""))
    lines.insert(1, "-" * len(lines[0]))
    return lines


def details(r: Row) -> list[str]:
    out = [f"{r.name}:"]
    if r.error:
        out += ["  " + line for line in (r.trace or r.error).rstrip().splitlines()]
        return out
    if r.skipped:
        return out + [f"  skipped: {r.skipped}"]
    out.append(f"  coverage against {r.coverage_text}; writings: "
               f"{', '.join(r.writing_kinds) or 'none'}")
    if r.furniture_by_kind:
        out.append("  furniture: " + ", ".join(f"{k} {v}" for k, v in
                                               r.furniture_by_kind.items()))
    if r.lost_sample:
        out.append("  lost: " + " ".join(r.lost_sample))
    if r.invented_sample:
        out.append("  extra: " + " ".join(r.invented_sample))
    for w in r.warnings:
        out.append(f"  warning: {w}")
    return out


def cap_table(comparisons: list[Comparison]) -> list[str]:
    head = ("pair", "writings exp/found", "footnotes exp/found/linked",
            "pages exp/in text/found", "coverage")
    body = []
    notes_lines = []
    for c in comparisons:
        f = c.found
        if c.error or (f and (f.error or f.skipped)):
            body.append((c.name, "-", "-", "-", "-"))
            notes_lines.append(f"  {c.name}: ERROR {c.error or f.error or f.skipped}")
            continue
        body.append((
            c.name,
            f"{len(c.expected_writings or [])} / {f.writings}",
            f"{c.expected_footnotes} / {f.notes} / {f.linked}",
            f"{c.expected_pages} / {c.source_pages} / {f.eops}",
            pct(f.coverage),
        ))
        exp_kinds = ", ".join(c.expected_writings or []) or "none"
        got_kinds = ", ".join(f.writing_kinds) or "none"
        series = ""
        if len(c.expected_series) > 1:
            series = "; page labels per series " + ", ".join(
                f"#{k}: {v}" for k, v in c.expected_series.items())
        notes_lines.append(f"  {c.name}: expected writings [{exp_kinds}], found [{got_kinds}]"
                           f"{series}")
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i])
                       for i, c in enumerate(cells)) for cells in [head, *body]]
    lines.insert(1, "-" * len(lines[0]))
    return lines + notes_lines


# --------------------------------------------------------------------------- main

def run(corpus: Path, threshold: float = THRESHOLD) -> tuple[list[Row], list[Comparison]]:
    rows = [measure(p, name, cov) for p, name, cov in corpus_inputs(corpus)]
    comparisons = []
    pairs = cap_pairs(corpus)
    if pairs:
        with tempfile.TemporaryDirectory(prefix="akn-eval-") as tmp:
            comparisons = [compare_pair(*pair, Path(tmp)) for pair in pairs]
    return rows, comparisons


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m convert.evaluate",
                                 description="Measure the readers against the corpus.")
    ap.add_argument("corpus", nargs="?", default="../shared/corpus",
                    help="corpus directory (default ../shared/corpus)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    ap.add_argument("--no-fail", action="store_true",
                    help="exit 0 even when a document fails or covers too few words")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="per input: furniture by kind, lost and extra words, warnings")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"evaluate: corpus {corpus} is absent; nothing to measure (skipped)")
        return 0

    started = time.perf_counter()
    rows, comparisons = run(corpus, args.threshold)
    elapsed = time.perf_counter() - started

    print(f"Readers over {corpus}  (coverage threshold {args.threshold:.1%})")
    print()
    if rows:
        print("\n".join(table(rows, args.threshold)))
    else:
        print("(no inputs in pdf/ or text/)")
    if args.verbose:
        print()
        for r in rows:
            print("\n".join(details(r)))
    if comparisons:
        print()
        print("CAP pairs: structured ground truth (expected) vs our text reader (found)"
              " -- informative, not pass/fail")
        print()
        print("\n".join(cap_table(comparisons)))
        if args.verbose:
            print()
            for c in comparisons:
                if c.found:
                    print("\n".join(details(c.found)))

    measured = [r for r in rows if not r.skipped and not r.error and r.coverage is not None]
    failures = [r for r in rows if r.failed(args.threshold)]
    skipped = [r for r in rows if r.skipped]
    documents = len({(Path(r.name).parent, _stem(Path(r.name))) for r in rows})
    print()
    print(f"documents: {documents}   inputs: {len(rows)}   converted: {len(measured)}   "
          f"skipped: {len(skipped)}   failed: {len(failures)}")
    if measured:
        worst = min(measured, key=lambda r: (r.coverage, r.name))
        print(f"minimum word coverage: {pct(worst.coverage)} ({worst.name})")
    if skipped:
        print(f"skipped (not a failure): {skipped[0].skipped}")
    for r in failures:
        why = r.error or f"coverage {pct(r.coverage)} < {args.threshold:.1%}"
        print(f"FAIL {r.name}: {why}")
    print(f"time: {elapsed:.1f}s")

    if args.json:
        payload = {
            "corpus": str(corpus),
            "threshold": args.threshold,
            "inputs": [_row_json(r) for r in rows],
            "cap": [_cmp_json(c) for c in comparisons],
            "summary": {
                "documents": documents, "inputs": len(rows), "converted": len(measured),
                "skipped": len(skipped), "failed": [r.name for r in failures],
                "min_coverage": min((r.coverage for r in measured), default=None),
                "seconds": elapsed,
            },
        }
        Path(args.json).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    if failures and not args.no_fail:
        return 1
    return 0


def _row_json(r: Row) -> dict:
    d = asdict(r)
    d["failed"] = r.failed()
    return d


def _cmp_json(c: Comparison) -> dict:
    d = asdict(c)
    if c.found is not None:
        d["found"] = _row_json(c.found)
    return d


if __name__ == "__main__":
    sys.exit(main())
