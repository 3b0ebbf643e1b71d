"""`akn site`: a static website for a corpus of AKN judgments (docs/site.md).

One page per opinion at a URL built from its FRBR URI, with the XML, Markdown and PDF beside
it; indexes by court and by year; a Pagefind full-text search index; sitemap, canonical
links, schema.org JSON-LD, Dublin Core and Open Graph from `--base-url`; an Atom feed of the
newest decisions.  Rebuilds are incremental: only changed sources are rendered again.
"""

from .build import SiteError, SiteReport, build_site

__all__ = ["SiteError", "SiteReport", "build_site"]
