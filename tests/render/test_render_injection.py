"""Issue 14, items 2 and 3: no script through the Markdown output.

An eId such as `x"><img src=x onerror=...>` was written raw into `<a id="...">`, and a case
title holding `<img onerror>` went JSON-quoted (but not Markdown-escaped) into the front
matter, which pandoc reads as Markdown.  Both ran in Chromium after `pandoc -s`.  These tests
render hostile documents, convert the Markdown with pandoc, load pandoc's HTML in Chromium
(offline) and assert that no script ran.  A control page proves the probe sees a script that
does run."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree

from render_helpers import akn, html_doc

from convert.akn.ids import safe_id
from convert.render import render

PROBE = "window.__pwned=1"
EVIL_ID = f'x"><img src=x onerror="{PROBE}">'
EVIL_TITLE = f"Order <img src=x onerror={PROBE}> [x](javascript:{PROBE}) AT&T"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        "--disable-default-apps", "--disable-extensions"]


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(
        ">", "&gt;")


def hostile_tree() -> etree._ElementTree:
    body = (f'<paragraph eId="{_attr(EVIL_ID)}"><content><p>Text with a link '
            f'<ref href="#{_attr(EVIL_ID)}">to itself</ref> and a page break '
            f'<eop eId="{_attr(EVIL_ID)}-p" number="2"/> here.</p></content></paragraph>'
            f'<paragraph eId="para_2"><content><p>Second.</p></content></paragraph>')
    header = f"<p><docTitle>{_attr(EVIL_TITLE)}</docTitle></p>"
    return etree.ElementTree(etree.fromstring(akn(body, header=header)))


@pytest.fixture(scope="module")
def browser(chromium_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=ARGS)
        yield b
        b.close()


def script_ran(browser, html_text: str, tmp_path) -> bool:
    """Load the page offline, let images fail and handlers fire, report whether the probe
    ran (or a dialog opened, or a javascript: link was followed on click)."""
    page_file = tmp_path / "page.html"
    page_file.write_text(html_text, encoding="utf-8")
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                  else r.abort())
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    for link in page.locator("a[href]").all():  # a javascript: href runs only when followed
        if (link.get_attribute("href") or "").lower().lstrip().startswith("javascript"):
            link.click()
    page.wait_for_timeout(200)
    ran = bool(page.evaluate("window.__pwned || 0")) or bool(dialogs)
    context.close()
    return ran


def pandoc_standalone(pandoc: str, markdown: str) -> str:
    done = subprocess.run([pandoc, "-s", "-f", "markdown", "-t", "html"], input=markdown.encode(),
                          capture_output=True, check=True, timeout=60)
    return done.stdout.decode()


def test_probe_sees_a_script_that_runs(browser, tmp_path):
    assert script_ran(browser, f"<p><img src=x onerror={PROBE}></p>", tmp_path)


def test_safe_id_allows_only_inert_characters():
    assert safe_id("para_12") == "para_12" and safe_id("a.b:c~d!e-f") == "a.b:c~d!e-f"
    out = safe_id(EVIL_ID)
    assert set(out) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:~!-")
    assert out != safe_id(EVIL_ID + " ")


def test_markdown_ids_and_front_matter_are_inert_under_pandoc(browser, pandoc_path, tmp_path):
    md = render(hostile_tree(), "md").decode()
    assert "<img" not in md.replace("\\<img", "")
    assert f'<a id="{safe_id(EVIL_ID)}"></a>' in md
    html_text = pandoc_standalone(pandoc_path, md)
    assert not script_ran(browser, html_text, tmp_path)
    # the title is still the title, as text
    title = html_doc(html_text.encode()).xpath("string(//h1[@class='title'])")
    assert "Order <img src=x onerror=" in title and "AT&T" in title


def test_markdown_is_inert_under_gfm_and_markdown_it(browser, pandoc_path, tmp_path):
    from render_helpers import markdown_it_html, pandoc_html

    md = render(hostile_tree(), "md").decode()
    for html_text in (pandoc_html(pandoc_path, md, "gfm"), markdown_it_html(md)):
        assert not script_ran(browser, f"<html><body>{html_text}</body></html>", tmp_path)


def test_html_ids_are_the_same_safe_ids(browser, tmp_path):
    tree = hostile_tree()
    html_text = render(tree, "html").decode()
    doc = html_doc(html_text.encode())
    assert safe_id(EVIL_ID) in {el.get("id") for el in doc.iter() if el.get("id")}
    # the document's own link to the hostile id still lands on it
    assert doc.xpath(f'//a[@href="#{safe_id(EVIL_ID)}"]')
    assert not script_ran(browser, html_text, tmp_path)


def test_markdown_links_follow_the_safe_ids():
    md = render(hostile_tree(), "md").decode()
    assert f"](#{safe_id(EVIL_ID)})" in md


def test_profile_rejects_markup_in_ids():
    from convert.validate.profile import profile_issues

    ok, issues, _ = profile_issues(hostile_tree())
    assert not ok and any(i.rule == "id-characters" for i in issues)


def test_converted_markdown_opinion_title_is_inert(browser, pandoc_path, tmp_path):
    """The front-matter path is reachable from `akn convert` of a Markdown opinion."""
    from convert.pipeline import parse

    src = tmp_path / "op.md"
    src.write_text("UNITED STATES DISTRICT COURT\n\n"
                   f"Proceedings: Order <img src=x onerror={PROBE}> GRANTING Motion\n\n"
                   "I. BACKGROUND\n\nThe motion is granted.\n", encoding="utf-8")
    parsed = parse(src)
    md = render(parsed.tree, "md").decode()
    front = md.split("\n---\n", 1)[0]
    assert "title:" in front and "<img" not in front.replace("\\<img", "")
    assert not script_ran(browser, pandoc_standalone(pandoc_path, md), tmp_path)


# ---------------------------------------------------------------- item 9: local image paths

LOCAL_SOURCES = ["/etc/hostname", "../../etc/hostname", "file:///etc/hostname",
                 " FILE:/etc/hostname", "javascript:alert(1)", "data:image/svg+xml,<svg/>",
                 "//evil/x.png", "etc/hostname"]


def image_tree() -> etree._ElementTree:
    imgs = "".join(f'<img src="{_attr(s)}" alt="pic{k}"/>' for k, s in enumerate(LOCAL_SOURCES))
    body = (f'<paragraph eId="para_1"><content><p>Images {imgs} and '
            f'<img src="https://example.org/seal.png" alt="seal"/>.</p></content></paragraph>')
    return etree.ElementTree(etree.fromstring(akn(body)))


def test_local_image_paths_never_reach_html_or_markdown():
    html_text = render(image_tree(), "html").decode()
    md = render(image_tree(), "md").decode()
    srcs = [el.get("src") for el in html_doc(html_text.encode()).iter("img")]
    assert srcs == ["https://example.org/seal.png"]
    assert "](https://example.org/seal.png)" in md
    for out in (html_text, md):
        assert "hostname" not in out and "javascript" not in out.lower() and "data:" not in out
    for k in range(len(LOCAL_SOURCES)):  # the description stays
        assert f"pic{k}" in md


def test_pandoc_self_contained_embeds_no_local_file(pandoc_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    body = (f'<paragraph eId="para_1"><content><p>See <img src="{secret}" alt="a"/> '
            f'<img src="secret.txt" alt="b"/></p></content></paragraph>')
    md = render(etree.ElementTree(etree.fromstring(akn(body))), "md").decode()
    (tmp_path / "doc.md").write_text(md, encoding="utf-8")
    done = subprocess.run([pandoc_path, "-s", "--embed-resources", "doc.md", "-t", "html"],
                          cwd=tmp_path, capture_output=True, timeout=60)
    if done.returncode and b"embed-resources" in done.stderr:  # pandoc < 2.19
        done = subprocess.run([pandoc_path, "-s", "--self-contained", "doc.md", "-t", "html"],
                              cwd=tmp_path, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    import base64

    assert b"TOP-SECRET" not in done.stdout
    assert base64.b64encode(b"TOP-SECRET-CONTENT")[:12] not in done.stdout
