"""Acceptance 2: seed 000's HTML in a real browser (Debian's chromium driven by Playwright,
offline): footnote calls land on their notes and back links return, anchors exist, and
axe-core (bundled by axe-playwright-python, injected from disk) finds no serious or critical
violation."""

from __future__ import annotations

import shutil

import pytest

from convert.render.html import STYLESHEETS

pytestmark = pytest.mark.browser

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        "--disable-default-apps", "--disable-extensions"]


@pytest.fixture(scope="module")
def page(chromium_path, seed000, tmp_path_factory):
    playwright_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path_factory.mktemp("html")
    html = out / "000.html"
    html.write_bytes(seed000.render("html"))
    shutil.copy(STYLESHEETS / "opinion.css", out / "opinion.css")  # the page links it
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        # offline: anything that is not the page or its stylesheet is refused
        requested = []

        def route(r):
            requested.append(r.request.url)
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                r.abort()

        context.route("**/*", route)
        pg = context.new_page()
        pg.goto(html.as_uri())
        pg.requested = requested
        yield pg
        browser.close()


def in_view(page, element_id: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight; }""", element_id)


def test_stylesheet_applied_and_nothing_fetched_outside(page):
    assert page.evaluate("getComputedStyle(document.querySelector('.akn-eop')).position") \
        == "absolute"
    assert all(url.startswith("file://") for url in page.requested)


def test_footnote_calls_and_back_links(page):
    calls = page.eval_on_selector_all("sup.fn-call a", "els => els.map(a => a.id)")
    assert len(calls) == 5
    for call_id in calls:
        page.click(f"#{call_id}")
        note_id = page.evaluate("location.hash").lstrip("#")
        assert note_id == page.get_attribute(f"#{call_id}", "href").lstrip("#")
        assert in_view(page, note_id), f"{call_id} did not land on its note"
        back = page.locator(f'#{note_id} a.fn-back[href="#{call_id}"]')
        assert back.count() == 1
        name = back.get_attribute("aria-label")
        assert name and note_id and "footnote" in name.lower()
        back.click()
        assert page.evaluate("location.hash") == f"#{call_id}"
        assert in_view(page, call_id), f"back link of {note_id} did not return"


def test_paragraph_and_page_targets_exist(page, seed000):
    from lxml import etree  # noqa: F401

    akn = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    paras = [el.get("eId") for el in seed000.tree.getroot().iter(f"{akn}paragraph")]
    pages = [el.get("eId") for el in seed000.tree.getroot().iter(f"{akn}eop")]
    assert "page_14" in pages
    found = page.evaluate("ids => ids.filter(id => document.getElementById(id) !== null)",
                          paras + pages)
    assert found == paras + pages
    page.goto(page.url.split("#")[0] + "#page_14")
    assert in_view(page, "page_14")
    assert page.text_content("#page_14") == "*14"
    link = page.locator("#para_12 a.self-link").first
    assert link.get_attribute("href") == "#para_12" and link.is_visible()


def test_axe_finds_no_serious_or_critical_violation(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"]})
    violations = results.response["violations"]
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
           if v["impact"] in ("serious", "critical")]
    assert not bad, bad
    assert results.response["testEngine"]["name"] == "axe-core"
