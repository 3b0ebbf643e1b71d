"""The site's HTML pages, from the templates in `templates/` (package data).

Every value taken from a document is escaped here (`html.escape`, JSON-LD made safe for a
`<script>`); the opinion itself comes from the HTML renderer's `--fragment` output.  Links
between pages are relative, so the site works under any base URL and straight from disk.
"""

from __future__ import annotations

import json
from html import escape
from string import Template

from ..resources import read_text
from .entries import UNDATED, Entry, newest_first
from .urls import href, relative, slug

HOME_LIMIT = 50  # newest decisions listed on the home page; the rest are one click away


def template(name: str) -> Template:
    return Template(read_text("site.templates", name))


def absolute(base_url: str | None, path: str) -> str | None:
    return f"{base_url.rstrip('/')}/{href(path)}" if base_url else None


def page(*, lang: str, title: str, here: str, main: str, head: str = "") -> bytes:
    """A whole page; `here` is the page's directory in the site ('' = root)."""
    root = "../" * here.count("/")
    body = template("page.html").substitute(lang=escape(lang), title=escape(title), head=head,
                                            main=main, root=root or "./")
    return body.encode("utf-8")


def _meta(name: str, content: str | None, attr: str = "name") -> str:
    return f'<meta {attr}="{escape(name)}" content="{escape(content)}">\n' if content else ""


def json_ld(entry: Entry, base_url: str | None) -> str:
    url = absolute(base_url, entry.path)
    data = {"@context": "https://schema.org", "@type": "CreativeWork",
            "genre": "Court decision", "name": entry.title, "description": entry.description,
            "inLanguage": entry.lang,
            "author": {"@type": "Organization", "name": entry.court}}
    if entry.date:
        data["dateCreated"] = entry.date
    if entry.frbr_uri:
        data["identifier"] = entry.frbr_uri
    if entry.citation or entry.docket:
        data["alternateName"] = entry.citation or entry.docket
    if url:
        data["url"] = url
        data["encoding"] = [{"@type": "MediaObject", "encodingFormat": mime,
                             "contentUrl": absolute(base_url, entry.path + entry.stem + ext)}
                            for ext, mime in ((".xml", "application/akn+xml"),
                                              (".md", "text/markdown"),
                                              (".pdf", "application/pdf"))]
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    # nothing in a string may close the script element or open a comment
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def opinion_head(entry: Entry, base_url: str | None, with_pdf: bool) -> str:
    url = absolute(base_url, entry.path)
    out = ""
    if url:
        out += f'<link rel="canonical" href="{escape(url)}">\n'
    out += _meta("description", entry.description)
    out += '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">\n'
    for name, value in (("DC.title", entry.title), ("DC.creator", entry.court),
                        ("DC.date", entry.date), ("DC.identifier", entry.frbr_uri),
                        ("DC.language", entry.lang), ("DC.type", "Text"),
                        ("DC.format", "text/html"), ("DC.source", entry.citation)):
        out += _meta(name, value)
    for prop, value in (("og:type", "article"), ("og:title", entry.title),
                        ("og:description", entry.description), ("og:url", url),
                        ("og:locale", entry.lang)):
        out += _meta(prop, value, attr="property")
    for ext, mime in ((".xml", "application/akn+xml"), (".md", "text/markdown")) + \
            (((".pdf", "application/pdf"),) if with_pdf else ()):
        out += (f'<link rel="alternate" type="{mime}" '
                f'href="{escape(href(entry.stem + ext))}">\n')
    return out + json_ld(entry, base_url)


def opinion_page(entry: Entry, article: bytes, base_url: str | None, with_pdf: bool) -> bytes:
    stem = href(entry.stem)
    pdf_link = f' ·\n<a href="{escape(stem)}.pdf" type="application/pdf">PDF</a>' \
        if with_pdf else ""
    main = template("opinion.html").substitute(xml=escape(stem) + ".xml",
                                               md=escape(stem) + ".md", pdf_link=pdf_link,
                                               article=article.decode("utf-8"))
    return page(lang=entry.lang, title=entry.title, here=entry.path, main=main,
                head=opinion_head(entry, base_url, with_pdf))


def _item(entry: Entry, here: str) -> str:
    facts = " · ".join(escape(x) for x in (entry.court, entry.date or UNDATED,
                                            entry.citation or entry.docket) if x)
    return (f'<li><a href="{escape(relative(here, entry.path))}">{escape(entry.title)}</a>'
            f' <span class="meta">{facts}</span></li>\n')


def listing(title: str, here: str, entries, intro: str = "") -> bytes:
    items = "".join(_item(e, here) for e in newest_first(entries))
    main = (f'<main class="site-index">\n<h1>{escape(title)}</h1>\n{intro}'
            f'<ul class="decisions">\n{items}</ul>\n</main>')
    return page(lang="en", title=title, here=here, main=main)


def groups_page(title: str, here: str, groups: dict[str, list[Entry]], order) -> bytes:
    """An index of groups (courts, years): each links to its own page, with a count."""
    items = "".join(f'<li><a href="{escape(href(slug(name)))}/">{escape(name)}</a> '
                    f'<span class="meta">({len(groups[name])})</span></li>\n'
                    for name in order)
    main = (f'<main class="site-index">\n<h1>{escape(title)}</h1>\n'
            f'<ul class="groups">\n{items}</ul>\n</main>')
    return page(lang="en", title=title, here=here, main=main)


def home_page(entries, feed: bool = True) -> bytes:
    newest = newest_first(entries)[:HOME_LIMIT]
    intro = (f'<p>{len(entries)} decisions. Browse <a href="courts/">by court</a> or '
             f'<a href="years/">by year</a>, or <a href="search/">search</a> the full text.'
             f'</p>\n<h2>Newest decisions</h2>\n')
    return listing("Decisions", "", newest, intro=intro)


def search_page() -> bytes:
    root = "../"
    main = template("search.html").substitute(root=root)
    return page(lang="en", title="Search", here="search/", main=main)
