"""Build (or update) a static site from a directory of AKN judgments.

Incremental like the batch: the manifest `SITE/.akn-site.json` records each source's SHA-256,
its page and its facts.  A rebuild renders only sources that are new or changed (or whose page
moved); it removes the pages of sources that are gone, and rewrites the indexes, feed, sitemap
and search index, which depend on every opinion.  A change of the site's own templates,
stylesheets, `--base-url` or PDF choice renders everything again.  Every file is written
atomically.  A source that cannot be read or is not AKN is reported in one line and left out;
the others are built.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ConvertError
from ..outputs import write_outputs
from ..resources import read_text
from . import pages
from .entries import UNDATED, Entry, entry_for
from .feeds import atom, sitemap
from .search import SearchIndexError, build_index
from .urls import assign_paths, relative, slug, uri_parts

MANIFEST = ".akn-site.json"
# Bump when the pages this module writes change shape, so a rebuild renders every opinion.
SITE_FORMAT = 1
ASSETS = {"assets/opinion.css": ("stylesheets", "opinion.css"),
          "assets/site.css": ("site.templates", "site.css")}
TEMPLATES = ("page.html", "opinion.html", "search.html", "site.css")


class SiteError(Exception):
    """The site cannot be built at all (bad directories); one line for the user."""


@dataclass
class SiteReport:
    opinions: int = 0
    rendered: list[str] = field(default_factory=list)  # sources rendered this time
    removed: list[str] = field(default_factory=list)  # sources whose pages were removed
    errors: list[str] = field(default_factory=list)  # "source: reason" lines


def _stamp(base_url: str | None, with_pdf: bool) -> str:
    """What every page depends on besides its own source."""
    h = hashlib.sha256(f"{SITE_FORMAT}|{base_url}|{with_pdf}".encode())
    for name in TEMPLATES:
        h.update(read_text("site.templates", name).encode())
    for package, name in ASSETS.values():
        h.update(read_text(package, name).encode())
    h.update(read_text("stylesheets", "pdf.css").encode())
    return h.hexdigest()


def _load_manifest(site: Path) -> dict:
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _sources(src: Path, site: Path) -> list[Path]:
    site = site.resolve()
    out = []
    for path in sorted(src.rglob("*.xml")):
        if path.is_file() and site not in path.resolve().parents:
            out.append(path)
    return out


def _parse(path: Path, data: bytes):
    from ..render import RenderError, _parser, check_akn
    from ..render.model import Model

    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as err:
        line = f" (line {err.lineno})" if getattr(err, "lineno", None) else ""
        raise ConvertError(str(path), f"not well-formed XML{line}: {err.msg}") from None
    try:
        check_akn(tree, str(path))
    except RenderError as err:
        raise ConvertError(str(path), err.reason) from None
    return Model(tree)


def _outputs(entry: Entry, with_pdf: bool) -> list[str]:
    names = ["index.html", f"{entry.stem}.xml", f"{entry.stem}.md"]
    return [entry.path + n for n in names + ([f"{entry.stem}.pdf"] if with_pdf else [])]


def _remove(site: Path, rel_paths) -> None:
    for rel in rel_paths:
        target = site / rel
        if target.is_file():
            target.unlink()
        parent = target.parent
        while parent != site and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


class Links:
    """Links that leave an opinion, as the site writes them.  A reference to another
    document by its FRBR URI (`/akn/gr/act/law/1999/2717/!main#art_45`, or an http(s) URI that
    is some opinion's FRBR URI) becomes a relative link to that opinion's page when the site
    has it; a root-relative or relative link to anything else cannot resolve in the site and
    is shown as text.  http(s) and mailto links to elsewhere stay as they are.  What each page
    linked to, and wanted but could not find, goes into the manifest, so a page is rendered
    again when a page it links to goes away or one it wanted arrives."""

    def __init__(self, lookup: dict[str, str], here: str):
        self.lookup, self.here = lookup, here
        self.linked: set[str] = set()
        self.wanted: set[str] = set()

    def __call__(self, href: str) -> str | None:
        target, _, fragment = href.partition("#")
        external = bool(re.match(r"^(?:https?|mailto):", target, re.IGNORECASE))
        key = uri_key(target)
        path = self.lookup.get(key) or self.lookup.get(target.rstrip("/"))
        if path:
            self.linked.add(path)
            return relative(self.here, path) + (f"#{fragment}" if fragment else "")
        if external:
            return href
        self.wanted.add(key)
        return None


def uri_key(uri: str) -> str:
    return "/".join(uri_parts(uri, year_only=False))


def _lookup(uris, paths: dict[str, str]) -> dict[str, str]:
    """FRBR URI (normalised, and as written) -> site path, for every opinion of the site."""
    out: dict[str, str] = {}
    for key, uri in uris:
        if uri:
            out.setdefault(uri_key(uri), paths[key])
            out.setdefault("/".join(uri_parts(uri)), paths[key])
            out.setdefault(uri.rstrip("/"), paths[key])
    return out


def _render_opinion(model, data: bytes, entry: Entry, base_url, with_pdf,
                    links: Links) -> dict[str, bytes]:
    from ..render import DEFAULT_PDF
    from ..render.html import render_html
    from ..render.markdown import render_markdown

    article = render_html(model, fragment=True, resolve_href=links)
    files = {entry.path + "index.html": pages.opinion_page(entry, article, base_url, with_pdf),
             entry.path + f"{entry.stem}.xml": data,
             entry.path + f"{entry.stem}.md": render_markdown(model)}
    if with_pdf:
        from ..render.pdf import render_pdf

        files[entry.path + f"{entry.stem}.pdf"] = render_pdf(model, variant=DEFAULT_PDF,
                                                             xml_bytes=data)
    return files


def _index_files(entries: list[Entry], base_url: str | None) -> dict[str, bytes]:
    courts: dict[str, list[Entry]] = {}
    years: dict[str, list[Entry]] = {}
    for e in entries:
        courts.setdefault(e.court, []).append(e)
        years.setdefault(e.year, []).append(e)
    year_order = sorted((y for y in years if y != UNDATED), reverse=True) + \
        ([UNDATED] if UNDATED in years else [])
    files = {"index.html": pages.home_page(entries),
             "courts/index.html": pages.groups_page("Decisions by court", "courts/", courts,
                                                    sorted(courts, key=str.casefold)),
             "years/index.html": pages.groups_page("Decisions by year", "years/", years,
                                                   year_order),
             "search/index.html": pages.search_page(),
             "feed.atom": atom(entries, base_url)}
    for court, items in courts.items():
        here = f"courts/{slug(court)}/"
        files[here + "index.html"] = pages.listing(court, here, items)
    for year, items in years.items():
        here = f"years/{slug(year)}/"
        title = "Undated decisions" if year == UNDATED else f"Decisions of {year}"
        files[here + "index.html"] = pages.listing(title, here, items)
    if base_url:
        index_dirs = sorted({k[: -len("index.html")] for k in files if k.endswith("index.html")
                             and k != "search/index.html"})
        files["sitemap.xml"] = sitemap(entries, base_url, index_dirs)
    for target, (package, name) in ASSETS.items():
        files[target] = read_text(package, name).encode("utf-8")
    return files


def build_site(src: str | Path, site: str | Path, base_url: str | None = None,
               with_pdf: bool = True, search: bool = True) -> SiteReport:
    src, site = Path(src), Path(site)
    if not src.is_dir():
        raise SiteError(f"{src}: not a directory")
    if site.exists() and not site.is_dir():
        raise SiteError(f"{site}: exists and is not a directory")
    if site.resolve() == src.resolve():
        raise SiteError(f"{site}: the site cannot be written into its source directory")
    from ..inputs import InputError, cap_for, read_bounded

    report = SiteReport()
    old = _load_manifest(site)
    stamp = _stamp(base_url, with_pdf)
    known = old.get("sources", {}) if old.get("stamp") == stamp else {}
    before = {k: Entry.from_json(v["entry"]) for k, v in old.get("sources", {}).items()
              if isinstance(v, dict) and "entry" in v}

    loaded: dict[str, tuple[bytes, str, object]] = {}  # key -> (data, sha, model or None)
    uris: list[tuple[str, str | None]] = []
    for path in _sources(src, site):
        key = path.relative_to(src).as_posix()
        try:
            data = read_bounded(path, cap_for("akn"))
            sha = hashlib.sha256(data).hexdigest()
            if key in known and known[key].get("sha256") == sha:
                model, uri = None, known[key]["entry"].get("frbr_uri")
            else:
                model = _parse(path, data)
                uri = model.frbr_uri
        except (ConvertError, InputError) as err:
            report.errors.append(str(err))
            continue
        loaded[key] = (data, sha, model)
        uris.append((key, uri))

    paths = assign_paths(uris)
    lookup = _lookup(uris, paths)
    present = set(paths.values())
    entries: dict[str, Entry] = {}
    manifest_sources: dict[str, dict] = {}
    for key, (data, sha, model) in loaded.items():
        path = paths[key]
        stem = path.rstrip("/").rsplit("/", 1)[-1]
        previous = before.get(key)
        record = known.get(key, {})
        if model is None and previous is not None and previous.path == path and \
                all((site / rel).is_file() for rel in _outputs(previous, with_pdf)) and \
                set(record.get("links", ())) <= present and \
                not any(w in lookup for w in record.get("wants", ())):
            entry = previous  # unchanged, and so are the pages it links to
            links = record
        else:
            if model is None:
                model = _parse(src / key, data)
            entry = entry_for(model, key, path, stem)
            resolver = Links(lookup, path)
            try:
                files = _render_opinion(model, data, entry, base_url, with_pdf, resolver)
                write_outputs({site / rel: blob for rel, blob in files.items()})
            except ConvertError as err:
                report.errors.append(str(err))
                continue
            except Exception as err:  # a renderer bug: name the source, build the others
                report.errors.append(f"{src / key}: internal error: {type(err).__name__}: "
                                     f"{err}")
                continue
            report.rendered.append(key)
            links = {"links": sorted(resolver.linked), "wants": sorted(resolver.wanted)}
            if previous is not None and previous.path != path:
                _remove(site, _outputs(previous, True))
        entries[key] = entry
        manifest_sources[key] = {"sha256": sha, "entry": entry.to_json(),
                                 "links": list(links.get("links", ())),
                                 "wants": list(links.get("wants", ()))}

    for key, previous in before.items():  # sources that are gone (or now fail)
        if key not in entries:
            if not any(e.path == previous.path for e in entries.values()):
                _remove(site, _outputs(previous, True))
            report.removed.append(key)

    index = _index_files(list(entries.values()), base_url)
    stale = set(old.get("indexes", [])) - set(index)
    _remove(site, sorted(stale))
    write_outputs({site / rel: blob for rel, blob in index.items()})
    if search:
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        try:
            build_index(site)
        except SearchIndexError as err:
            report.errors.append(f"{site}: {err}")
    manifest = {"format": SITE_FORMAT, "stamp": stamp, "indexes": sorted(index),
                "sources": dict(sorted(manifest_sources.items()))}
    write_outputs({site / MANIFEST: json.dumps(manifest, ensure_ascii=False, indent=1,
                                               sort_keys=True).encode("utf-8") + b"\n"})
    report.opinions = len(entries)
    return report
