"""Acceptance 2: seed 000's HTML in a real browser (Debian's chromium driven by Playwright,
offline): footnote calls land on their notes and back links return, anchors exist, and
axe-core (bundled by axe-playwright-python, injected from disk) finds no serious or critical
violation."""

from __future__ import annotations

import re

import pytest


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
    assert page.evaluate("getComputedStyle(document.querySelector('.akn-eop'), '::before')"
                         ".content") == '"*2"'
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
    assert page.evaluate("getComputedStyle(document.getElementById('page_14'), '::before')"
                         ".content") == '"*14"'
    link = page.locator("#para_12 a.self-link").first
    assert link.get_attribute("href") == "#para_12" and link.is_visible()


def test_axe_finds_no_violation(page):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(page.url.split("#")[0])
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    assert results.response["testEngine"]["name"] == "axe-core"


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const para = el.closest('.akn-paragraph, .akn-subparagraph');
    return {tag: el.tagName, cls: el.className, href: el.getAttribute('href'),
            label: el.getAttribute('aria-label'), para: para ? para.id : null,
            note: !!el.closest('.fn-call, .fn-back, .footnotes, nav.toc'),
            cite: el.matches('a.akn-ref'),
            shown: getComputedStyle(el).opacity,
            glyph: getComputedStyle(el, '::before').content};
}"""
MAX_TABS = 2000  # well above seed 000's tab stops; the walk stops when focus wraps to the top


def test_keyboard_walk_meets_at_most_one_paragraph_stop_per_paragraph(page, seed000):
    """Tab through the whole page.  Per paragraph, the only stop the page adds is its own
    link (shown while focused, named "Paragraph N"); page marks are no stops.  Footnote calls
    are the opinion's own links and are walked too, but they are content, not furniture; so
    are citation links."""
    page.goto(page.url.split("#")[0])
    page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        got = page.evaluate(FOCUSED)
        if got is None or (stops and got == stops[0]):
            break
        stops.append(got)
    assert 80 < len(stops) < MAX_TABS
    per_para: dict[str, int] = {}
    for stop in stops:
        assert "akn-eop" not in stop["cls"], "page marks are no tab stops"
        if stop["para"] and not stop["note"] and not stop["cite"]:
            per_para[stop["para"]] = per_para.get(stop["para"], 0) + 1
            assert "self-link" in stop["cls"] and stop["href"] == f"#{stop['para']}"
            assert re.fullmatch(r"Paragraph \d+", stop["label"]), stop
            assert stop["shown"] == "1" and stop["glyph"] == '"¶"', "visible when focused"
    akn = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    paragraphs = [el.get("eId") for el in seed000.tree.getroot().iter(f"{akn}paragraph")]
    assert set(per_para) == set(paragraphs)
    assert max(per_para.values()) == 1
    hidden = page.evaluate("getComputedStyle(document.querySelector('#para_3 .self-link'))"
                           ".opacity")
    assert hidden == "0", "not shown until hover or focus"
    page.hover("#para_3 p")
    assert page.evaluate("getComputedStyle(document.querySelector('#para_3 .self-link'))"
                         ".opacity") == "1"


# ------------------------------------------------------------------ page marks

MARKS = """() => Array.from(document.querySelectorAll('.akn-eop')).map(mark => {
    // the text that follows the mark in reading order, and where its first word is drawn
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = mark;
    let node = walker.nextNode(), text = '';
    while (node && !node.data.trim()) node = walker.nextNode();
    const range = document.createRange();
    const start = node.data.search(/\\S/);
    const end = start + node.data.slice(start).search(/\\s|$/);
    range.setStart(node, start); range.setEnd(node, Math.max(end, start + 1));
    const word = range.getBoundingClientRect(), box = mark.getBoundingClientRect();
    return {id: mark.id, shown: getComputedStyle(mark, '::before').content,
            next: node.data.slice(start, start + 40),
            markRight: box.right, markTop: box.top, markBottom: box.bottom,
            wordLeft: word.left, wordTop: word.top, wordBottom: word.bottom};
})"""


def test_every_page_mark_sits_immediately_before_the_first_word_of_its_page(page, seed000):
    from convert.render.model import visible_text  # noqa: F401

    akn = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    expected = {}
    for eop in seed000.tree.getroot().iter(f"{akn}eop"):
        follow = (eop.tail or "").strip()
        if not follow:  # the page starts with an element: its first text
            nxt = eop.getnext() if eop.getnext() is not None else eop.getparent().getnext()
            follow = "".join(nxt.itertext()).strip() if nxt is not None else ""
        expected[eop.get("eId")] = (eop.get("number"), follow.split()[0] if follow else "")
    marks = page.evaluate(MARKS)
    assert [m["id"] for m in marks] == list(expected)
    for m in marks:
        number, word = expected[m["id"]]
        assert m["shown"] == f'"*{number}"'
        assert m["next"].startswith(word), (m["id"], m["next"], word)
        # drawn on the same line, just left of that word, not in the margin
        assert m["markTop"] < m["wordBottom"] and m["wordTop"] < m["markBottom"], m
        assert 0 <= m["wordLeft"] - m["markRight"] < 12, m


SELECT = """id => {
    const para = document.getElementById(id).closest('p, h2, h3, h4, h5, h6, li, td');
    const sel = window.getSelection();
    sel.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(para);
    sel.addRange(range);
    window.__copied = null;
    document.addEventListener('copy', e => { window.__copied = sel.toString(); }, {once: true});
    return {selected: sel.toString(), text: para.textContent};
}"""


def copy_paragraph(page, eid: str) -> dict:
    """Select the paragraph holding `eid` and copy it as a reader would (Ctrl+C)."""
    got = page.evaluate(SELECT, eid)
    page.keyboard.press("Control+C")
    got["copied"] = page.evaluate("window.__copied")
    return got


def test_copying_a_paragraph_copies_no_page_mark_or_paragraph_glyph(page, seed000):
    akn = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    around = {}  # eop id -> the words either side of the break, as they must be copied
    for eop in seed000.tree.getroot().iter(f"{akn}eop"):
        prev = eop.getprevious()
        before = (prev.tail if prev is not None else eop.getparent().text) or ""
        around[eop.get("eId")] = re.sub(r"\s+", " ", before[-25:] + (eop.tail or "")[:25])
    assert len(around) == 32
    for eid, words in around.items():
        got = copy_paragraph(page, eid)
        for copied in (got["selected"], got["copied"]):
            flat = re.sub(r"\s+", " ", copied)
            assert words.strip() in flat, (eid, words)
            assert not flat.startswith("¶")
            assert flat.strip() == re.sub(r"\s+", " ", got["text"]).strip()
    # what lands on the clipboard, pasted back into a text field
    copy_paragraph(page, "page_14")
    page.evaluate("""() => { const t = document.createElement('textarea');
        t.id = 'paste-here'; document.body.append(t); t.focus(); }""")
    page.keyboard.press("Control+V")
    clip = re.sub(r"\s+", " ", page.evaluate("document.getElementById('paste-here').value"))
    page.evaluate("document.getElementById('paste-here').remove()")
    assert "overseeing that one" in clip and "*14" not in clip
