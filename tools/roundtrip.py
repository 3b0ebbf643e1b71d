"""Round trip: read opinions we did not tune on back from our own PDF (`make roundtrip`).

    python tools/roundtrip.py [CORPUS_DIR | FILE.xml ...] [--out DIR] [--fresh] [-v]

Every structured input with known notes (by default the corpus's `vendor/*.xml`; or the AKN
or structured files and directories named) is converted to AKN, rendered to PDF by our own
renderer once (cached under `build/roundtrip/`, redone when the AKN or the renderer changes),
and the PDF's two text forms are extracted with pdftotext (`-layout` and plain).  The three
forms are read back by the readers a user would get, and each is scored against the source's
own AKN: notes matched by marker and first words (tools/evaluation's scorer), writings' kinds
and authors.  One row per document and form, then one summary line per form.

Informative, like the CAP pairs: rendering PDFs is slow, so this is not part of the test
suite.  Exit status 1 only when an input cannot be read or rendered.  See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # `evaluation` sits beside this file

from evaluation.extract import found_in  # noqa: E402
from evaluation.labels import Input  # noqa: E402
from evaluation.measure import measure  # noqa: E402
from evaluation.report import ratio  # noqa: E402

FORMS = ("pdf", "layout", "raw")
_SUFFIX = {"pdf": ".pdf", "layout": ".layout.txt", "raw": ".raw.txt"}
# A label's first words: six, as the corpus labels give them; enough that the opening of
# another note with the same marker never matches (score.FIRST_WORDS_RATIO).
FIRST_WORDS = 6
# What the PDF depends on besides the AKN: the renderer's code and stylesheets.
_RENDER_DEPS = ("convert/render", "stylesheets")


def sources(paths: list[Path]) -> list[Path]:
    """The structured inputs named: files as given, a corpus directory's `vendor/*.xml`,
    another directory's `*.xml`."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            folder = p / "vendor" if (p / "vendor").is_dir() else p
            out += sorted(folder.glob("*.xml"))
        elif p.is_file():
            out.append(p)
        else:
            raise SystemExit(f"roundtrip: {p}: no such file or directory")
    return out


def source_label(tree) -> dict:
    """The source's notes and writings, in the shape of a labels.json document."""
    found = found_in(tree)
    return {
        "footnotes": [{"marker": m, "first_words": " ".join(text.split()[:FIRST_WORDS])}
                      for m, text in found.notes],
        "writings": [{"kind": k, "author": a} for k, a in found.writings],
    }


def _render_key(xml: bytes) -> str:
    h = hashlib.sha256(xml)
    for dep in _RENDER_DEPS:
        for f in sorted((ROOT / dep).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(ROOT).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def forms_of(src: Path, parsed, out: Path, fresh: bool) -> dict[str, Path]:
    """The PDF and its two pdftotext extractions, made once per AKN and renderer."""
    from convert.pipeline import render

    stem = src.stem
    paths = {f: out / f"{stem}{_SUFFIX[f]}" for f in FORMS}
    key_file = out / f"{stem}.key"
    key = _render_key(parsed.xml)
    current = key_file.is_file() and key_file.read_text() == key
    if fresh or not current or not all(p.is_file() for p in paths.values()):
        paths["pdf"].write_bytes(render(parsed, "pdf"))
        for form, flags in (("layout", ["-layout"]), ("raw", [])):
            subprocess.run(["pdftotext", *flags, str(paths["pdf"]), str(paths[form])],
                           check=True, capture_output=True)
        key_file.write_text(key)
    return paths


def authors(row) -> str:
    if not row.authors_expected:
        return "-"
    return f"{row.authors_matched}/{row.authors_expected}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python tools/roundtrip.py",
                                 description="Read structured opinions back from our own PDF "
                                             "and its pdftotext forms; score notes and writings.")
    ap.add_argument("inputs", nargs="*", default=["../shared/corpus"],
                    help="corpus directories (their vendor/*.xml), directories of XML, or "
                         "AKN/structured files (default ../shared/corpus)")
    ap.add_argument("--out", default="build/roundtrip",
                    help="where the PDFs and their text forms are cached (default "
                         "build/roundtrip)")
    ap.add_argument("--fresh", action="store_true", help="render every PDF again")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="per document and form: the notes missing and unexpected")
    args = ap.parse_args(argv)

    from convert.pipeline import parse

    if not shutil.which("pdftotext"):
        print("roundtrip: pdftotext is not installed (poppler-utils)", file=sys.stderr)
        return 1
    paths = [Path(p) for p in args.inputs]
    if paths == [Path("../shared/corpus")] and not paths[0].is_dir():
        print("roundtrip: corpus ../shared/corpus is absent; nothing to measure (skipped)")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    totals = {f: [0, 0, 0, 0, 0, 0, 0] for f in FORMS}  # matched, exp, found, docs, kinds, auth, auth_exp
    failures = 0
    name_w = max([len(p.stem) for p in sources(paths)] + [8])
    print(f"{'document':<{name_w}}  {'form':<6}  {'notes/exp':>9}  {'found':>5}     R     P  "
          f"{'writ':>4}  {'auth':>5}")
    print("-" * (name_w + 50))
    for src in sources(paths):
        try:
            with warnings.catch_warnings():  # the source's doubts are not the round trip's
                warnings.simplefilter("ignore")
                parsed = parse(src, validate=False)
            label = source_label(parsed.tree)
            files = forms_of(src, parsed, out, args.fresh)
        except Exception as err:  # one bad input must not stop the others
            print(f"{src.stem:<{name_w}}  ERROR {type(err).__name__}: {err}")
            failures += 1
            continue
        for form in FORMS:
            item = Input(src.stem, form, files[form], files[form].name)
            with warnings.catch_warnings():  # measure records them on the row
                warnings.simplefilter("ignore")
                row = measure(item, label)
            if row.error:
                print(f"{src.stem:<{name_w}}  {form:<6}  ERROR {row.error}")
                failures += 1
                continue
            t = totals[form]
            t[0] += row.notes_matched or 0
            t[1] += row.notes_expected or 0
            t[2] += row.notes or 0
            t[3] += 1
            t[4] += bool(row.kinds_match)
            t[5] += row.authors_matched or 0
            t[6] += row.authors_expected or 0
            writ = f"{len(row.writing_kinds)}{'=' if row.kinds_match else 'x'}"
            print(f"{src.stem:<{name_w}}  {form:<6}  "
                  f"{f'{row.notes_matched}/{row.notes_expected}':>9}  {row.notes:>5}  "
                  f"{ratio(row.recall)}  {ratio(row.precision)}  {writ:>4}  {authors(row):>5}")
            if args.verbose:
                for m in row.notes_missing:
                    print(f"    missing    {m}")
                for m in row.notes_unexpected:
                    print(f"    unexpected {m}")
    print()
    print(f"time: {time.perf_counter() - started:.1f}s  (PDFs cached in {out})")
    for form in FORMS:
        matched, exp, found, docs, kinds, auth, auth_exp = totals[form]
        r = matched / exp if exp else 1.0
        p = matched / found if found else 1.0
        print(f"{form:<7} {docs} docs  notes R {ratio(r)} P {ratio(p)} ({matched}/{exp} of "
              f"{found})  writings {kinds}/{docs}  authors {auth}/{auth_exp}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
