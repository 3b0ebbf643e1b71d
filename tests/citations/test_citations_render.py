"""Refs render as links in HTML, Markdown and PDF; refs without a public link as text."""

from __future__ import annotations

import io

import pytest

from convert.citations import link
from convert.render import render

from test_citations_annotate import doc

TEXT = ("See Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009); Smith v. Jones, No. 19-1234, slip op. "
        "at 3 (D.D.C. 2019); 42 U.S.C. § 1983.")
IQBAL = "https://www.courtlistener.com/c/U.S./556/662/"
USC = "https://www.law.cornell.edu/uscode/text/42/1983"


@pytest.fixture(scope="module")
def tree():
    t = doc(TEXT)
    assert link(t) == 3
    return t


def test_html_links(tree):
    html = render(tree, "html").decode()
    assert f'href="{IQBAL}">556 U.S. 662</a>' in html
    assert f'href="{USC}">42 U.S.C. § 1983</a>' in html
    assert '<span class="akn-ref" id="ref_2" data-akn-class="citation slip">No. 19-1234, slip ' \
           'op. at 3</span>' in html


def test_markdown_links(tree):
    md = render(tree, "md").decode()
    assert f"[556 U.S. 662]({IQBAL})" in md and f"[42 U.S.C. § 1983]({USC})" in md
    assert "No. 19-1234, slip op. at 3 (D.D.C." in md and "[No. 19-1234" not in md


def test_pdf_links(tree):
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render(tree, "pdf")))
    uris = {a.get_object()["/A"].get("/URI") for page in pdf.pages
            for a in page.get("/Annots", []) if a.get_object().get("/A")}
    assert {IQBAL, USC} <= uris
