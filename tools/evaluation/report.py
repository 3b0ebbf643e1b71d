"""What `make eval` prints and writes: the table, per-input details, the agreement lines, the
CAP table, the summary lines and the JSON."""

from __future__ import annotations

import math
from dataclasses import asdict
from pathlib import Path

from .labels import FORMS
from .measure import NOTES_THRESHOLD, THRESHOLD, Row

# One character per case-fact result, so the table stays narrow.
_MARK = {"match": "=", "partial": "~", "differ": "x", "missing": "-", "unlabelled": ".",
         None: " "}


def pct(value: float | None) -> str:
    """Percentage truncated (not rounded) to two decimals, so 99.499 never shows as 99.50."""
    if value is None:
        return "-"
    return f"{math.floor(value * 10000) / 100:.2f}%"


def ratio(value: float | None) -> str:
    """A ratio truncated to two decimals (0.979 shows as 0.97, never 0.98)."""
    return "-" if value is None else f"{math.floor(value * 100) / 100:.2f}"


def _n(value) -> str:
    return "-" if value is None else str(value)


def _of(found, expected) -> str:
    if found is None:
        return "-"
    return f"{found}/{expected}" if expected is not None else str(found)


_HEAD = ("input", "reader", "pages", "notes/exp", "R", "P", "breaks/exp", "nums/exp",
         "dkt", "date", "court", "title", "writ", "auth", "furn", "coverage", "time", "")


def table(rows: list[Row], threshold: float = THRESHOLD) -> list[str]:
    body = []
    for r in rows:
        if r.skipped or r.error:
            status = "skip" if r.skipped else "FAIL"
            body.append((r.name, r.reader or "-", *["-"] * 14, f"{r.seconds:.2f}s",
                         f"{status}: {r.skipped or r.error}"))
            continue
        writ = _n(r.writings) + ("" if r.kinds_match is None else
                                 ("=" if r.kinds_match else "x"))
        body.append((r.name, r.reader, _n(r.pages), _of(r.notes_matched, r.notes_expected)
                     if r.notes_expected is not None else _n(r.notes),
                     ratio(r.recall), ratio(r.precision),
                     _of(r.breaks_found if r.breaks_found is not None else r.eops,
                         r.breaks_expected),
                     _of(r.numbers_found if r.numbers_found is not None else r.eops_numbered,
                         r.numbers_expected),
                     _MARK[r.docket], _MARK[r.date], _MARK[r.court], _MARK[r.title], writ,
                     _of(r.authors_matched, r.authors_expected), _n(r.furniture),
                     pct(r.coverage), f"{r.seconds:.2f}s",
                     "FAIL: coverage" if r.failed(threshold) else ""))
    widths = [max(len(str(x[i])) for x in [_HEAD, *body]) for i in range(len(_HEAD) - 1)]
    lines = []
    for cells in [_HEAD, *body]:
        parts = [str(c).ljust(widths[i]) if i < 2 else str(c).rjust(widths[i])
                 for i, c in enumerate(cells[:-1])]
        lines.append("  ".join(parts) + ("  " + cells[-1] if cells[-1] else ""))
    lines.insert(1, "-" * len(lines[0]))
    lines.append("notes/exp: labelled notes matched by marker and first words / labelled "
                 "(found when unlabelled); R recall, P precision; breaks/exp: eop found / "
                 "labelled page breaks; nums/exp: printed numbers found / labelled; "
                 "dkt date court title: = match, ~ partial, x differ, - missing, . unlabelled; "
                 "writ: writings (= kinds match the labels); auth: authors matched / labelled")
    return lines


def details(r: Row) -> list[str]:
    out = [f"{r.name}:"]
    if r.error:
        return out + ["  " + line for line in (r.trace or r.error).rstrip().splitlines()]
    if r.skipped:
        return out + [f"  skipped: {r.skipped}"]
    out.append(f"  coverage against {r.coverage_text}; writings: "
               + (", ".join(f"{k} ({a or '?'})" for k, a in
                            zip(r.writing_kinds, r.writing_authors)) or "none"))
    out.append(f"  docket {r.found_docket or '-'} ({r.docket}); date {r.found_date or '-'} "
               f"({r.date}); court {r.found_court or '-'} ({r.court}); title ({r.title})")
    for note in r.notes_missing:
        out.append(f"  note missing: {note}")
    for note in r.notes_unexpected:
        out.append(f"  note unexpected: {note}")
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


def agreement_lines(agreements) -> list[str]:
    bad = [a for a in agreements if not a.agree]
    lines = [f"Cross-form agreement (pdf / -layout / plain text: note markers, page breaks): "
             f"{len(agreements) - len(bad)}/{len(agreements)} PDFs agree"]
    for a in bad:
        lines.append(f"  {a.stem}: " + "; ".join(a.differences))
    from .agreement import PARAGRAPH_RATIO, PARAGRAPH_SLACK

    apart = [a for a in agreements if not a.paragraphs_agree]
    lines.append(f"Paragraphs (informative; pdf / -layout / plain text within x{PARAGRAPH_RATIO:g} "
                 f"or {PARAGRAPH_SLACK}): {len(agreements) - len(apart)}/{len(agreements)} "
                 f"PDFs agree")
    for a in apart:
        lines.append(f"  {a.stem}: " + " / ".join(str(n) for n in a.paragraphs))
    return lines


def cap_table(comparisons) -> list[str]:
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
        body.append((c.name, f"{len(c.expected_writings or [])} / {f.writings}",
                     f"{c.expected_footnotes} / {f.notes} / {f.linked}",
                     f"{c.expected_pages} / {c.source_pages} / {f.eops}", pct(f.coverage)))
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


def summarize(rows: list[Row], threshold: float = THRESHOLD) -> dict:
    """Figures over a set of rows (one form, or all): what the summary line prints."""
    done = [r for r in rows if not r.skipped and not r.error]
    lab = [r for r in done if r.labelled]
    expected = sum(r.notes_expected or 0 for r in lab if r.notes_expected is not None)
    found = sum(r.notes or 0 for r in lab if r.notes_expected is not None)
    matched = sum(r.notes_matched or 0 for r in lab if r.notes_expected is not None)
    broken = [r for r in lab if r.breaks_ok is not None]

    def count(attr):
        judged = [r for r in lab if getattr(r, attr) not in (None, "unlabelled")]
        return sum(1 for r in judged if getattr(r, attr) == "match"), len(judged)

    covered = [r for r in done if r.coverage is not None]
    return {
        "inputs": len(rows), "converted": len(done),
        "skipped": sum(1 for r in rows if r.skipped),
        "errors": sum(1 for r in rows if r.error),
        "notes_expected": expected, "notes_found": found, "notes_matched": matched,
        "recall": matched / expected if expected else None,
        "precision": matched / found if found else None,
        "breaks_ok": sum(1 for r in broken if r.breaks_ok), "breaks_judged": len(broken),
        "numbers_found": sum(r.numbers_found or 0 for r in broken),
        "numbers_expected": sum(r.numbers_expected or 0 for r in broken),
        "docket": count("docket"), "date": count("date"), "court": count("court"),
        "title": count("title"),
        "writings_ok": sum(1 for r in lab if r.kinds_match),
        "writings_judged": sum(1 for r in lab if r.kinds_match is not None),
        "authors_matched": sum(r.authors_matched or 0 for r in lab),
        "authors_expected": sum(r.authors_expected or 0 for r in lab),
        "min_coverage": min((r.coverage for r in covered), default=None),
        "below_threshold": sum(1 for r in covered if r.coverage < threshold),
    }


def summary_line(label: str, s: dict) -> str:
    def frac(pair):
        return f"{pair[0]}/{pair[1]}"

    skipped = f" ({s['skipped']} skipped)" if s["skipped"] else ""
    errors = f" ({s['errors']} errors)" if s["errors"] else ""
    return (f"{label:<8} {s['converted']}/{s['inputs']} inputs{skipped}{errors}  "
            f"notes R {ratio(s['recall'])} P {ratio(s['precision'])} "
            f"({s['notes_matched']}/{s['notes_expected']} of {s['notes_found']})  "
            f"breaks {s['breaks_ok']}/{s['breaks_judged']} "
            f"nums {s['numbers_found']}/{s['numbers_expected']}  "
            f"docket {frac(s['docket'])} date {frac(s['date'])} court {frac(s['court'])} "
            f"title {frac(s['title'])}  writings {s['writings_ok']}/{s['writings_judged']} "
            f"authors {s['authors_matched']}/{s['authors_expected']}  "
            f"coverage min {pct(s['min_coverage'])} ({s['below_threshold']} < "
            f"{THRESHOLD:.1%})")


def summaries(rows: list[Row], threshold: float = THRESHOLD) -> dict[str, dict]:
    out = {form: summarize([r for r in rows if r.form == form], threshold)
           for form in FORMS if any(r.form == form for r in rows)}
    out["overall"] = summarize(rows, threshold)
    return out


def row_json(r: Row) -> dict:
    d = asdict(r)
    d["failed"] = r.failed()
    return d


def cmp_json(c) -> dict:
    d = asdict(c)
    if c.found is not None:
        d["found"] = row_json(c.found)
    return d


def payload(corpus: Path, threshold: float, rows, agreements, comparisons, elapsed) -> dict:
    failures = [r for r in rows if r.failed(threshold)]
    return {
        "corpus": str(corpus), "threshold": threshold, "notes_threshold": NOTES_THRESHOLD,
        "inputs": [row_json(r) for r in rows],
        "agreement": [asdict(a) | {"agree": a.agree} for a in agreements],
        "cap": [cmp_json(c) for c in comparisons],
        "summary": summaries(rows, threshold) | {
            "documents": len({r.stem for r in rows}), "failed": [r.name for r in failures],
            "seconds": elapsed},
    }
