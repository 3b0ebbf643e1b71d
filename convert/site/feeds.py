"""Machine-readable lists of the site: `sitemap.xml` (needs `--base-url`: sitemaps hold
absolute URLs) and an Atom feed of the newest decisions.  Both are deterministic: dates come
from the decisions, never from the clock."""

from __future__ import annotations

from lxml import etree

from .entries import Entry, newest_first
from .pages import absolute

FEED_LIMIT = 50  # entries in the Atom feed: the newest decisions, as feed readers expect
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
EPOCH = "2000-01-01"  # the "updated" of undated decisions (Atom requires a date)


def sitemap(entries, base_url: str, index_paths) -> bytes:
    root = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP})
    for path in index_paths:
        url = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(base_url, path)
    for entry in sorted(entries, key=lambda e: e.path):
        url = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(base_url, entry.path)
        if entry.date:
            etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = entry.date
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _id(entry: Entry, base_url: str | None) -> str:
    if base_url:
        return absolute(base_url, entry.path)
    if entry.frbr_uri and entry.frbr_uri.startswith(("http://", "https://")):
        return entry.frbr_uri
    return "tag:akn-convert,2000:" + (entry.frbr_uri or entry.path)


def atom(entries, base_url: str | None, title: str = "Decisions") -> bytes:
    newest = newest_first(entries)[:FEED_LIMIT]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    etree.SubElement(feed, f"{{{ATOM}}}title").text = title
    etree.SubElement(feed, f"{{{ATOM}}}id").text = \
        (base_url.rstrip("/") + "/") if base_url else "tag:akn-convert,2000:site"
    dated = [e.date for e in newest if e.date]
    etree.SubElement(feed, f"{{{ATOM}}}updated").text = f"{max(dated, default=EPOCH)}T00:00:00Z"
    if base_url:
        etree.SubElement(feed, f"{{{ATOM}}}link", rel="self",
                         href=absolute(base_url, "feed.atom"))
    etree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate",
                     href=absolute(base_url, "") if base_url else "./")
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    etree.SubElement(author, f"{{{ATOM}}}name").text = "akn-convert"
    for e in newest:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        etree.SubElement(entry, f"{{{ATOM}}}title").text = e.title
        etree.SubElement(entry, f"{{{ATOM}}}id").text = _id(e, base_url)
        etree.SubElement(entry, f"{{{ATOM}}}updated").text = f"{e.date or EPOCH}T00:00:00Z"
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                         href=absolute(base_url, e.path) if base_url else e.path)
        who = etree.SubElement(entry, f"{{{ATOM}}}author")
        etree.SubElement(who, f"{{{ATOM}}}name").text = e.court
        etree.SubElement(entry, f"{{{ATOM}}}summary").text = e.description
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)
