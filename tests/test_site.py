"""Issue 11, acceptance 4: `akn site` over the converted samples plus the development corpus's
AKN files gives a site whose every internal link resolves; the search (Pagefind, in Chromium)
finds a phrase from a footnote; metadata, sitemap and feed; rebuilding after one source
changes rewrites only that page and the indexes."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html as lxml_html

from convert.cli import main
from convert.pipeline import parse
from convert.render.model import Model, visible_text
from convert.site import build_site
from convert.site.urls import assign_paths, uri_parts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples").glob("*.txt"))
CORPUS_AKN = ROOT.parent / "shared" / "corpus" / "akn"
BASE = "https://example.org/cases/"


@functools.lru_cache(maxsize=None)
def seed_xml(path: Path) -> bytes:
    return parse(path).xml


def sources(into: Path, corpus: bool) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS:
        (into / f"{seed.stem}.xml").write_bytes(seed_xml(seed))
    if corpus:
        for path in sorted(CORPUS_AKN.glob("*.xml")):
            shutil.copy(path, into / path.name)
    return into


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if not CORPUS_AKN.is_dir():
        pytest.skip(f"{CORPUS_AKN} is absent")
    work = tmp_path_factory.mktemp("site")
    src = sources(work / "src", corpus=True)
    out = work / "site"
    assert main(["site", str(src), "-o", str(out), "--base-url", BASE, "-q"]) == 0
    return out


# ------------------------------------------------------------------ URLs


def test_paths_from_frbr_uris():
    assert uri_parts("/akn/us/judgment/ca1/2020-06-23/20-1507") == \
        ["us", "judgment", "ca1", "2020", "20-1507"]
    assert uri_parts("https://caselaw.nationalarchives.gov.uk/id/ewca/crim/2021/1412") == \
        ["id", "ewca", "crim", "2021", "1412"]
    assert uri_parts("/akn/xx/judgment/../../etc/x y!") == ["xx", "judgment", "-", "-", "etc",
                                                            "x-y"]
    paths = assign_paths([("a.xml", "/akn/us/judgment/dcd/2021-03-05/1"),
                          ("b.xml", "/akn/us/judgment/dcd/2021-07-01/1"),
                          ("c.xml", None)])
    assert paths == {"a.xml": "us/judgment/dcd/2021-03-05/1/",
                     "b.xml": "us/judgment/dcd/2021-07-01/1/", "c.xml": "documents/c/"}


# ------------------------------------------------------------------ the built site


def test_a_page_per_opinion_with_xml_markdown_and_pdf_beside_it(site):
    manifest = json.loads((site / ".akn-site.json").read_text())
    entries = [v["entry"] for v in manifest["sources"].values()]
    assert len(entries) == len(SEEDS) + len(list(CORPUS_AKN.glob("*.xml")))
    for entry in entries:
        page = site / entry["path"]
        assert (page / "index.html").is_file()
        for ext in ("xml", "md", "pdf"):
            assert (page / f"{entry['stem']}.{ext}").stat().st_size > 500, (page, ext)
    seed = next(e for e in entries if e["source"].startswith("000_"))
    assert re.fullmatch(r"us/judgment/[a-z0-9]+/2020/[^/]+/", seed["path"]), seed["path"]


def _targets(site: Path):
    """(file, link) for every link of every page, feed and sitemap (search bundle aside)."""
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.relative_to(site).parts:
            continue
        doc = lxml_html.fromstring(page.read_bytes())
        for el in doc.iter():
            for attr in ("href", "src"):
                if isinstance(el.tag, str) and el.get(attr) is not None:
                    yield page, el.get(attr)
    for name in ("feed.atom", "sitemap.xml"):
        tree = etree.parse(str(site / name))
        for el in tree.iter():
            if el.get("href"):
                yield site / name, el.get("href")
            if isinstance(el.tag, str) and el.tag.endswith("loc"):
                yield site / name, el.text


def _resolve(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file (and fragment) an internal link names; None for an external link."""
    if link.startswith(BASE):
        target = site / unquote(urlsplit(link).path[len(urlsplit(BASE).path):])
        fragment = urlsplit(link).fragment
    elif re.match(r"^[a-z][a-z0-9+.-]*:", link):
        return None  # external (the DC schema link, ...)
    else:
        parts = urlsplit(link)
        base = page.parent
        target = (base / unquote(parts.path)) if parts.path else page
        fragment = parts.fragment
    target = Path(str(target))
    if target.is_dir() or str(link).split("#")[0].endswith("/"):
        target = target / "index.html"
    return target.resolve(), fragment


def test_every_internal_link_resolves(site):
    checked, broken = 0, []
    ids_of: dict[Path, set] = {}
    for page, link in _targets(site):
        found = _resolve(site, page, link)
        if found is None:
            continue
        target, fragment = found
        checked += 1
        if not target.is_file() or site.resolve() not in target.parents:
            broken.append((str(page.relative_to(site)), link))
            continue
        if fragment and target.suffix == ".html":
            if target not in ids_of:
                doc = lxml_html.fromstring(target.read_bytes())
                ids_of[target] = {el.get("id") for el in doc.iter()
                                  if isinstance(el.tag, str) and el.get("id")}
            if unquote(fragment) not in ids_of[target]:
                broken.append((str(page.relative_to(site)), link))
    assert checked > 500 and not broken, broken[:20]


def test_opinion_pages_carry_canonical_json_ld_dublin_core_open_graph(site):
    manifest = json.loads((site / ".akn-site.json").read_text())
    for entry in (v["entry"] for v in manifest["sources"].values()):
        doc = lxml_html.fromstring((site / entry["path"] / "index.html").read_bytes())
        url = BASE + entry["path"]
        assert unquote(doc.xpath('//link[@rel="canonical"]/@href')[0]) == url
        data = json.loads(doc.xpath('//script[@type="application/ld+json"]')[0].text)
        assert data["@type"] == "CreativeWork" and data["name"] == entry["title"]
        assert unquote(data["url"]) == url
        assert data["author"]["name"] == entry["court"]
        meta = {m.get("name") or m.get("property"): m.get("content")
                for m in doc.xpath("//meta[@content]")}
        assert meta["DC.title"] == entry["title"] and meta["DC.creator"] == entry["court"]
        assert meta["og:title"] == entry["title"] and unquote(meta["og:url"]) == url
        if entry["date"]:
            assert meta["DC.date"] == entry["date"] == data["dateCreated"]
        assert doc.xpath("//main[@data-pagefind-body]//article")


def test_indexes_by_court_and_by_year_sitemap_and_feed(site):
    manifest = json.loads((site / ".akn-site.json").read_text())
    entries = [v["entry"] for v in manifest["sources"].values()]
    courts = lxml_html.fromstring((site / "courts" / "index.html").read_bytes())
    assert len(courts.xpath("//ul[@class='groups']/li")) == len({e["court"] for e in entries})
    years = [a.text for a in lxml_html.fromstring(
        (site / "years" / "index.html").read_bytes()).xpath("//ul[@class='groups']/li/a")]
    dated = sorted({e["date"][:4] for e in entries if e["date"]}, reverse=True)
    assert years[:len(dated)] == dated
    locs = [el.text for el in etree.parse(str(site / "sitemap.xml")).iter()
            if el.tag.endswith("loc")]
    assert {BASE + e["path"] for e in entries} <= {unquote(u) for u in locs}
    feed = etree.parse(str(site / "feed.atom")).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    updated = [e.findtext(f"{atom}updated") for e in feed.iter(f"{atom}entry")]
    assert len(updated) == len(entries) and updated == sorted(updated, reverse=True)


ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--no-first-run", "--disable-extensions"]


@pytest.mark.browser
def test_search_finds_a_phrase_from_a_footnote(site):
    playwright_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian chromium is not installed")
    seed = next(s for s in SEEDS if s.name.startswith("000_"))
    model = Model(etree.ElementTree(etree.fromstring(seed_xml(seed))))
    body = " ".join(visible_text(p) for n in model.notes for p in n.element)
    phrase = "Flores Agreement" if "Flores Agreement" in body else " ".join(body.split()[3:6])
    assert phrase in body
    manifest = json.loads((site / ".akn-site.json").read_text())
    expected = "/" + next(v["entry"]["path"] for k, v in manifest["sources"].items()
                          if k.startswith("000_"))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with playwright_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/search/")
            urls = page.evaluate("""async phrase => {
                const pagefind = await import('/pagefind/pagefind.js');
                const search = await pagefind.search('"' + phrase + '"');
                const found = await Promise.all(search.results.map(r => r.data()));
                return found.map(d => d.url);
            }""", phrase)
            # and the search page's own UI shows the result
            page.fill(".pagefind-ui__search-input", phrase)
            page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
            shown = page.eval_on_selector_all(".pagefind-ui__result-link",
                                              "els => els.map(a => a.getAttribute('href'))")
            browser.close()
    finally:
        server.shutdown()
    assert expected in [unquote(u) for u in urls], (phrase, urls)
    assert expected in [unquote(u) for u in shown]


# ------------------------------------------------------------------ incremental


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(site).parts}


def test_rebuild_after_one_source_changes_rewrites_only_that_page_and_the_indexes(tmp_path):
    src = sources(tmp_path / "src", corpus=False)
    out = tmp_path / "site"
    first = build_site(src, out, base_url=BASE)
    assert sorted(first.rendered) == sorted(f"{s.stem}.xml" for s in SEEDS) and not first.errors
    before = _mtimes(out)
    again = build_site(src, out, base_url=BASE)
    assert again.rendered == [] and again.opinions == len(SEEDS)
    unchanged = _mtimes(out)
    pages = {k for k in before if not k.startswith(("index.html", "courts/", "years/",
                                                    "search/", "feed.atom", "sitemap.xml",
                                                    "assets/", ".akn-site.json"))}
    assert pages and all(unchanged[k] == before[k] for k in pages), "nothing re-rendered"

    changed = src / f"{SEEDS[-1].stem}.xml"
    changed.write_bytes(changed.read_bytes().replace(b"</p>", b" Amended.</p>", 1))
    third = build_site(src, out, base_url=BASE)
    assert third.rendered == [changed.name]
    after = _mtimes(out)
    entry = json.loads((out / ".akn-site.json").read_text())["sources"][changed.name]["entry"]
    mine = {k for k in pages if k.startswith(entry["path"])}
    assert mine and all(after[k] != before[k] for k in mine), "its page was rewritten"
    assert all(after[k] == before[k] for k in pages - mine), "no other page was rewritten"
    assert b"Amended." in (out / entry["path"] / "index.html").read_bytes()
    assert after["index.html"] != before["index.html"]  # the indexes are rewritten

    changed.unlink()  # a source that is gone takes its page with it
    fourth = build_site(src, out, base_url=BASE)
    assert fourth.removed == [changed.name] and not (out / entry["path"]).exists()


def test_bad_sources_are_reported_and_the_rest_is_built(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.xml").write_bytes(seed_xml(SEEDS[-1]))
    (src / "broken.xml").write_bytes(b"<akomaNtoso><judgment>")
    (src / "other.xml").write_bytes(b"<html/>")
    code = main(["site", str(src), "-o", str(tmp_path / "site"), "--no-pdf", "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 2
    assert any("broken.xml" in line and "not well-formed" in line for line in err)
    assert any("other.xml" in line and "Akoma Ntoso" in line for line in err)
    manifest = json.loads((tmp_path / "site" / ".akn-site.json").read_text())
    assert list(manifest["sources"]) == ["good.xml"]


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def tiny(uri: str, body: str) -> bytes:
    return f"""<akomaNtoso xmlns="{AKN_NS}"><judgment name="judgment"><meta><identification
source="#x"><FRBRWork><FRBRthis value="{uri}/!main"/><FRBRuri value="{uri}"/><FRBRdate
date="2020-01-02" name="decision"/><FRBRauthor href="#x"/><FRBRcountry value="xx"/></FRBRWork>
<FRBRExpression><FRBRthis value="{uri}/eng@/!main"/><FRBRuri value="{uri}/eng@"/><FRBRdate
date="2020-01-02" name="x"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/>
</FRBRExpression><FRBRManifestation><FRBRthis value="{uri}/eng@/!main.xml"/><FRBRuri
value="{uri}/eng@.xml"/><FRBRdate date="2020-01-02" name="x"/><FRBRauthor href="#x"/>
</FRBRManifestation></identification></meta><judgmentBody><paragraph eId="para_1"><content>
<p>{body}</p></content></paragraph></judgmentBody></judgment></akomaNtoso>""".encode()


def test_links_between_opinions_follow_the_site(tmp_path):
    """A reference by FRBR URI links to that opinion's page while the site has it; when it goes,
    the page that cites it is rendered again and shows the reference as text."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.xml").write_bytes(tiny("/akn/xx/judgment/c/2020/1", 'See <ref href="/akn/xx/'
                                     'judgment/c/2020/2/!main#para_1">B, para 1</ref> and <ref '
                                     'href="/akn/xx/act/1999/5">an act</ref>.'))
    (src / "b.xml").write_bytes(tiny("/akn/xx/judgment/c/2020/2", "B."))
    out = tmp_path / "site"
    build_site(src, out, with_pdf=False, search=False)
    page = lxml_html.fromstring((out / "xx/judgment/c/2020/1/index.html").read_bytes())
    assert page.xpath("//a[text()='B, para 1']/@href") == ["../../../../../xx/judgment/c/2020/"
                                                          "2/#para_1"]
    assert not page.xpath("//a[text()='an act']")  # not in the site: text only
    (src / "b.xml").unlink()
    again = build_site(src, out, with_pdf=False, search=False)
    assert again.rendered == ["a.xml"] and again.removed == ["b.xml"]
    page = lxml_html.fromstring((out / "xx/judgment/c/2020/1/index.html").read_bytes())
    assert not page.xpath("//a[text()='B, para 1']") and "B, para 1" in page.text_content()


@pytest.mark.browser
def test_site_pages_have_no_axe_violation(site):
    playwright_api = pytest.importorskip("playwright.sync_api")
    from axe_playwright_python.sync_playwright import Axe

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian chromium is not installed")
    manifest = json.loads((site / ".akn-site.json").read_text())
    opinion = next(v["entry"]["path"] for k, v in manifest["sources"].items()
                   if k.startswith("000_"))
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        page = browser.new_page()
        for rel in (opinion + "index.html", "index.html", "courts/index.html",
                    "years/index.html"):
            page.goto((site / rel).as_uri())
            found = Axe().run(page, options={"resultTypes": ["violations"]}).response
            assert not found["violations"], (rel, [(v["id"], len(v["nodes"]))
                                                   for v in found["violations"]])
        browser.close()
