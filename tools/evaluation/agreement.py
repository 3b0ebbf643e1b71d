"""Cross-form agreement: the three inputs of one PDF (the PDF, its `-layout` text, its plain
text) must give the same notes (count and markers) and the same number of page breaks.
No labels are needed, so this holds a reader to itself on any PDF.  The body's paragraph
counts are compared too, within bounds, as an informative figure."""

from __future__ import annotations

from dataclasses import dataclass, field

PDF_FORMS = ("pdf", "layout", "raw")
# Paragraph counts (informative, not part of `agree`): the forms agree when the largest
# count is at most this many times the smallest, or at most `PARAGRAPH_SLACK` above it (a
# short order's signature block or list item read as a paragraph in one form only).
PARAGRAPH_RATIO = 1.5
PARAGRAPH_SLACK = 4


@dataclass
class Agreement:
    stem: str
    by_form: dict[str, dict] = field(default_factory=dict)  # form -> {notes, markers, eops}
    differences: list[str] = field(default_factory=list)

    @property
    def agree(self) -> bool:
        return not self.differences

    @property
    def paragraphs(self) -> list[int]:
        return [self.by_form[f].get("paragraphs") or 0 for f in PDF_FORMS]

    @property
    def paragraphs_agree(self) -> bool:
        low, high = min(self.paragraphs), max(self.paragraphs)
        return high <= PARAGRAPH_RATIO * low or high - low <= PARAGRAPH_SLACK


def agreement(stem: str, rows: dict[str, object]) -> Agreement | None:
    """Compare the rows (form -> Row) of one PDF document; None when it has no PDF or any of
    its three forms did not convert (that failure is reported elsewhere)."""
    if any(f not in rows or rows[f].error or rows[f].skipped for f in PDF_FORMS):
        return None
    a = Agreement(stem, {f: {"notes": rows[f].notes, "markers": rows[f].markers,
                             "eops": rows[f].eops, "paragraphs": rows[f].paragraphs,
                             "paragraph_words": rows[f].paragraph_words} for f in PDF_FORMS})
    ref = a.by_form["pdf"]
    for form in PDF_FORMS[1:]:
        other = a.by_form[form]
        if other["markers"] != ref["markers"]:
            a.differences.append(f"notes: pdf {_markers(ref)} vs {form} {_markers(other)}")
        if other["eops"] != ref["eops"]:
            a.differences.append(f"page breaks: pdf {ref['eops']} vs {form} {other['eops']}")
    return a


def _markers(d: dict) -> str:
    return f"{d['notes']} [{' '.join(d['markers'])}]" if d["markers"] else "0"


def agreements(rows) -> list[Agreement]:
    by_stem: dict[str, dict] = {}
    for r in rows:
        if r.form in PDF_FORMS:
            by_stem.setdefault(r.stem, {})[r.form] = r
    return [a for stem in sorted(by_stem) if (a := agreement(stem, by_stem[stem])) is not None]
