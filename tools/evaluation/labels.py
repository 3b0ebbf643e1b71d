"""The corpus: its documents, the input forms each one has, and their labels."""

from __future__ import annotations

import json
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

# Input forms, in the order the table shows them.  A PDF document of `pdf/` has three inputs
# (the PDF and its two pdftotext extractions); `text/` and `vendor/` documents have one.
FORMS = ("pdf", "layout", "raw", "text", "vendor")
_SUFFIX = {"pdf": ".pdf", "layout": ".layout.txt", "raw": ".raw.txt"}


@dataclass(frozen=True)
class Input:
    stem: str  # the document, as labels.json names it
    form: str  # one of FORMS
    path: Path
    name: str  # relative to the corpus, e.g. "pdf/x.layout.txt"


def stem_of(path: Path) -> str:
    for suffix in (".layout.txt", ".raw.txt", ".pdf"):
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def corpus_inputs(corpus: Path) -> list[Input]:
    """Every input of the corpus in a stable order: each `pdf/` document's .pdf, .layout.txt
    and .raw.txt, then `text/*.txt`, then `vendor/*.xml`."""
    out: list[Input] = []
    pdf_dir = corpus / "pdf"
    if pdf_dir.is_dir():
        stems = sorted({stem_of(p) for p in pdf_dir.iterdir()
                        if p.name.endswith(tuple(_SUFFIX.values()))})
        for stem in stems:
            for form in ("pdf", "layout", "raw"):
                p = pdf_dir / f"{stem}{_SUFFIX[form]}"
                if p.is_file():
                    out.append(Input(stem, form, p, f"pdf/{p.name}"))
    for sub, form, pattern in (("text", "text", "*.txt"), ("vendor", "vendor", "*.xml")):
        folder = corpus / sub
        if folder.is_dir():
            out += [Input(p.stem, form, p, f"{sub}/{p.name}") for p in sorted(folder.glob(pattern))]
    return out


def load_labels(corpus: Path) -> dict[str, dict]:
    """labels.json's documents by stem ({} when the corpus has no labels)."""
    path = corpus / "labels.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("documents", {})


@lru_cache(maxsize=None)
def label_court_id(name: str | None) -> str | None:
    """The courts-db id a label's court names, or None when it names none unambiguously.

    Labels write courts as a reader would ("U.S. District Court, N.D. Cal.", "Supreme Court
    of Georgia"): courts-db's own patterns are tried on the whole name, then each comma part
    (parentheses dropped) is compared with the courts' names and citation strings."""
    if not name:
        return None
    from courts_db import courts, find_court

    from .score import norm_name

    found = find_court(name)
    if len(found) == 1:
        return found[0]
    parts = [norm_name(p.split("(")[0]) for p in [name, *name.split(",")]]
    parts = [p for p in parts if p]
    tests = (lambda c, k: norm_name(c.get("citation_string")) == k,
             lambda c, k: norm_name(c.get("name")) == k,
             lambda c, k: " " in k and norm_name(c.get("name")).endswith(" " + k))
    for test in tests:  # most specific evidence first
        for key in parts:
            hits = {c["id"] for c in courts if test(c, key)}
            if len(hits) == 1:
                return hits.pop()
    return None
