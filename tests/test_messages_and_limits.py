"""Issue 14, items 12-14: UTF-16 text is read; a zero-page PDF and a symlink loop get clear
messages; `<foreign>` text is kept; PDF rendering has page and element limits."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from convert.errors import ConvertError
from convert.pipeline import parse
from convert.render import RenderError, render

sys.path.insert(0, str(Path(__file__).parent / "render"))
from render_helpers import akn  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "000_7589f71e06a6d05c.txt"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read_like_utf8(tmp_path, codec):
    """Was: "binary file, not text" (its NUL bytes)."""
    path = tmp_path / f"{SEED.stem}.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode(codec))
    assert parse(path).xml == parse(SEED).xml


def test_zero_page_pdf_says_so(tmp_path):
    """Was: "cannot read PDF: Failed to load document (PDFium: Success)"."""
    from pypdf import PdfWriter

    path = tmp_path / "empty.pdf"
    buf = io.BytesIO()
    PdfWriter().write(buf)
    path.write_bytes(buf.getvalue())
    with pytest.raises(ConvertError) as info:
        parse(path)
    assert str(info.value) == f"{path}: PDF has no pages"


def test_symlink_loop_says_so(tmp_path):
    """Was: "internal error: RuntimeError"."""
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(ConvertError) as info:
        parse(loop)
    assert "symlink loop" in str(info.value) and "internal" not in str(info.value)


FOREIGN = ('<paragraph eId="para_1"><content><p>Formula <foreign>'
           '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>E</m:mi><m:mo>=</m:mo>'
           '<m:mi>mc2</m:mi></m:math></foreign> holds.</p></content></paragraph>'
           '<paragraph eId="para_2"><content><foreign><h:div xmlns:h="http://www.w3.org/1999/'
           'xhtml">Block <h:script>alert(1)</h:script> text</h:div></foreign></content>'
           '</paragraph>')


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_foreign_text_is_kept_as_text(fmt):
    """Was: dropped without a word."""
    out = render(etree.ElementTree(etree.fromstring(akn(FOREIGN))), fmt).decode()
    assert "E=mc2" in out and "Block alert(1) text" in out
    assert "<script>" not in out and "alert(1)</" not in out  # (JSON-LD metadata aside)


def _paragraphs(n: int, words: int) -> etree._ElementTree:
    body = "".join(f'<paragraph eId="para_{i}"><content><p>{"word " * words}</p></content>'
                   f'</paragraph>' for i in range(1, n + 1))
    return etree.ElementTree(etree.fromstring(akn(body)))


@pytest.mark.parametrize("n, words, reason", [
    (40_000, 1, "more than 100,000 elements"),
    (1_000, 1_000, "pages of text (limit 1,500)"),
])
def test_pdf_rendering_limits_refuse_before_layout(n, words, reason):
    """Was: 100,000 paragraphs still running after 120 s at 2.8 GB."""
    tree = _paragraphs(n, words)
    started = time.perf_counter()
    with pytest.raises(RenderError) as info:
        render(tree, "pdf", source="big.xml")
    assert time.perf_counter() - started < 10  # refused before WeasyPrint lays anything out
    message = str(info.value)
    assert message.startswith("big.xml: too large to render as PDF") and reason in message
    assert "\n" not in message


def test_html_and_markdown_have_no_such_limit():
    tree = _paragraphs(40_000, 1)
    assert b"para_40000" in render(tree, "md")
