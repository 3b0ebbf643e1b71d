"""`akn site SRC_DIR -o SITE_DIR [--base-url URL]`: a static site for a corpus of AKN files."""

from __future__ import annotations

from .options import EXIT_INVALID, EXIT_OK, add_verbosity, detail, say, status

HELP = "build a static website (pages, indexes, search, feed) from AKN files"


def base_url(value: str) -> str:
    import argparse
    import re

    if not re.match(r"^https?://[^/\s]+(/\S*)?$", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an absolute http(s) URL")
    return value.rstrip("/") + "/"


def add_arguments(p) -> None:
    p.description = (
        "Build a static site from every AKN file (*.xml) under SRC_DIR: a page per opinion at "
        "a path from its FRBR URI (/us/judgment/ca1/2020/20-1507/) with its XML, Markdown and "
        "PDF beside it, indexes by court and by year, a Pagefind full-text search, an Atom "
        "feed, and, with --base-url, sitemap.xml, canonical links and absolute URLs in the "
        "metadata (schema.org JSON-LD, Dublin Core, Open Graph).  Run it again after sources "
        "change: only changed opinions are rendered again.  See docs/site.md.")
    p.add_argument("src", metavar="SRC_DIR", help="directory of AKN judgments (searched "
                                                  "recursively for *.xml)")
    p.add_argument("-o", "--output", required=True, metavar="SITE_DIR",
                   help="directory of the site (created, or updated in place)")
    p.add_argument("--base-url", type=base_url, metavar="URL",
                   help="where the site will be served, e.g. https://example.org/cases/")
    p.add_argument("--no-pdf", dest="pdf", action="store_false",
                   help="leave out the PDFs (the slowest part of a build)")
    add_verbosity(p)


def run(args) -> int:
    import time

    from ..site import SiteError, build_site

    started = time.perf_counter()
    try:
        report = build_site(args.src, args.output, base_url=args.base_url, with_pdf=args.pdf)
    except SiteError as err:
        say(f"error: {err}")
        return EXIT_INVALID
    for line in report.errors:
        say(f"error: {line}")
    status(args, f"{args.src} -> {args.output}: {report.opinions} opinions, "
                 f"{len(report.rendered)} rendered, {len(report.removed)} removed")
    for key in report.rendered:
        detail(args, f"rendered {key}")
    detail(args, f"{time.perf_counter() - started:.2f} s")
    return EXIT_INVALID if report.errors else EXIT_OK
