"""Issue 14, the fuzzing suite: Hypothesis-generated text, Markdown and AKN (random nesting,
ids, attributes, Unicode) through read -> validate -> render.

Checked for every generated input:
- nothing crashes: a reader may refuse an input, but only with a one-line ConvertError;
- no output holds an executable vector (a `<script>`/`<iframe>`/`<object>`/`<embed>` element,
  an `on*=` attribute, a `javascript:` URL), parsing the HTML with lxml.html and the Markdown
  with markdown-it with raw HTML enabled;
- no reader loses words: every word of the input (less reported furniture) is in the AKN,
  except words only joined or split differently (`coverage.unexplained`).

Bounded in time inside `make test` (derandomized, a fixed number of examples: about 30 s on
the 2-core machine).  A longer, randomized run: `make fuzz` (AKN_FUZZ_EXAMPLES=2000, any
number may be given).
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lxml import etree  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from convert.coverage import compare, unexplained  # noqa: E402
from convert.errors import ConvertError  # noqa: E402
from convert.pipeline import LostWordsWarning, parse_data  # noqa: E402
from convert.render import render  # noqa: E402
from convert.validate import validate  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
from render_helpers import akn  # noqa: E402

# In `make test`: few examples, derandomized (the same inputs every run, so a failure is
# reproducible and CI never flakes).  `make fuzz` sets AKN_FUZZ_EXAMPLES for a long random run.
LONG_RUN = int(os.environ.get("AKN_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=LONG_RUN or 25, derandomize=not LONG_RUN, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                database=None)

# ---------------------------------------------------------------- what outputs must not hold

_ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet",
                    "base"}
_DATA_SCRIPTS = {"application/ld+json", "application/json"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                   "srcset", "background"}


def executable_vectors(html_text: str) -> list[str]:
    """Script that the HTML would run: active elements, on* handlers, javascript: URLs."""
    if not html_text.strip():
        return []
    doc = lxml_html.document_fromstring(html_text)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        if tag == "script" and (el.get("type") or "").lower() in _DATA_SCRIPTS:
            continue  # a data block (the page's JSON-LD metadata): never run
        if tag in _ACTIVE_ELEMENTS or (tag == "meta" and el.get("http-equiv")):
            found.append(f"<{tag}>")
        for name, value in el.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"{tag}@{name}")
            probe = "".join(value.split()).lower()
            if name in _URL_ATTRIBUTES and probe.startswith(("javascript:", "vbscript:",
                                                             "data:text/html")):
                found.append(f"{tag}@{name}={value[:40]}")
    return found


def markdown_as_html(markdown: str) -> str:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).use(footnote_plugin)
    return f"<html><body>{md.render(markdown)}</body></html>"


def check_outputs(tree, xml_bytes: bytes | None = None) -> None:
    html_text = render(tree, "html", xml_bytes=xml_bytes).decode()
    assert executable_vectors(html_text) == [], "HTML output"
    markdown = render(tree, "md", xml_bytes=xml_bytes).decode()
    assert executable_vectors(markdown_as_html(markdown)) == [], "Markdown output"


def read_check(name: str, text: str, fmt: str) -> None:
    """read -> (schema-validated) AKN -> profile -> HTML and Markdown, with the checks."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reader doubts are not findings here
        try:
            parsed = parse_data(name, text.encode("utf-8"), fmt)
        except ConvertError as err:  # a clear refusal is allowed
            assert "\n" not in str(err)
            return
    report = parsed.report
    lost, invented, _ = compare(report.source_text, report.removed, parsed.tree)
    assert not unexplained(lost, invented), f"{fmt} reader lost words"
    result = validate(parsed.tree, name=name)
    assert result.schema_valid, [e.message for e in result.errors][:3]
    check_outputs(parsed.tree, parsed.xml)


# ---------------------------------------------------------------- generated inputs

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
           "[click](javascript:alert(1))", "&amp;", "&lt;b&gt;", "\"><svg onload=alert(1)>",
           "{#x}", "$x$", "@cite", "^sup^", "~sub~", "`code`", "\\", "*", "_", "#", "|",
           "---", "> quote", "1.", "(a)", "§ 1983", "Mejia-", "sub-", "agencies", "¹"]
WORDS = ("the court held that plaintiff defendant motion granted denied statute section "
         "evidence record appeal judgment order claim fact because however reasonable jury "
         "circuit opinion").split()
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE),
                 st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1,
                         max_size=12))
line = st.lists(word, min_size=1, max_size=12).map(" ".join)
CAPTION = "UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA\n\nMEMORANDUM OPINION\n\n"


@st.composite
def text_opinion(draw) -> str:
    paragraphs = draw(st.lists(st.lists(line, min_size=1, max_size=6).map("\n".join),
                               min_size=1, max_size=12))
    return CAPTION + "\n\n".join(paragraphs) + "\n"


@st.composite
def markdown_block(draw, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["para", "para", "heading", "list", "quote", "html", "emph"]
                                if depth < 6 else ["para"]))
    if kind == "para":
        return draw(line)
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(line)
    if kind == "emph":
        marks = draw(st.sampled_from(["*", "**", "_", "***"]))
        return f"{draw(line)} {marks}{draw(line)}{marks} [{draw(line)}]({draw(st.sampled_from(['javascript:alert(1)', 'http://x.test', '/etc/passwd']))})"
    if kind == "html":
        return f"<div onclick=alert(1)>{draw(line)} &amp; {draw(line)}</div>"
    # deep nesting: a run of container markers, or nested blocks
    levels = draw(st.integers(1, 60))
    marker = draw(st.sampled_from(["- ", "> ", "1. ", "> - "]))
    if kind == "quote":
        return marker * levels + draw(line)
    inner = draw(markdown_block(depth + 1))
    return "\n".join("  " * k + "- " + part for k, part in
                     enumerate([draw(line) for _ in range(min(levels, 15))] + [inner]))


@st.composite
def markdown_opinion(draw) -> str:
    blocks = draw(st.lists(markdown_block(), min_size=1, max_size=10))
    return CAPTION.replace("\n\n", "\n\n", 1) + "\n\n".join(blocks) + "\n\nII. CONCLUSION\n\nSo ordered.\n"


EID_CHARS = st.text(alphabet=st.sampled_from(list("ab_1-.:~!\"'<>& /#\n\t?=é")), min_size=1,
                    max_size=10)
ATTR_VALUE = st.one_of(st.sampled_from(["javascript:alert(1)", " JaVaScRiPt:alert(1)",
                                        "java\nscript:alert(1)", "data:text/html,<script>",
                                        "/etc/hostname", "../../x.png", "#para_1",
                                        "http://x.test/a.png", "file:///etc/passwd"]),
                       st.text(max_size=20))
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30)


def _xml_text(value: str) -> str:
    return "".join(c for c in value if c in "\t\n" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


@st.composite
def akn_inline(draw, parent: etree._Element, depth: int) -> None:
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["b", "i", "ref", "img", "eop", "noteRef", "authorialNote",
                                     "foreign", "span"] if depth < 8 else ["b"]))
        el = etree.SubElement(parent, f"{{{ns}}}{kind}")
        if kind == "ref":
            el.set("href", _xml_text(draw(ATTR_VALUE)))
        if kind == "img":
            el.set("src", _xml_text(draw(ATTR_VALUE)))
            el.set("alt", _xml_text(draw(TEXT)))
        if kind in ("eop", "authorialNote", "b"):
            el.set("eId", _xml_text(draw(EID_CHARS)))
        if kind == "eop":
            el.set("number", _xml_text(draw(TEXT)))
        if kind == "noteRef":
            el.set("href", "#" + _xml_text(draw(EID_CHARS)))
            el.set("marker", _xml_text(draw(TEXT)))
        if kind == "authorialNote":
            el.set("marker", _xml_text(draw(TEXT)))
            p = etree.SubElement(el, f"{{{ns}}}p")
            p.text = _xml_text(draw(TEXT))
            draw(akn_inline(p, depth + 1))
        elif kind == "foreign":
            xh = etree.SubElement(el, "{http://www.w3.org/1999/xhtml}script")
            xh.text = "alert(1)"
            xh.set("onload", "alert(2)")
        elif kind not in ("img", "eop", "noteRef"):
            el.text = _xml_text(draw(TEXT))
            draw(akn_inline(el, depth + 1))
        el.tail = _xml_text(draw(TEXT))


@st.composite
def akn_document(draw) -> etree._ElementTree:
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    tree = etree.ElementTree(etree.fromstring(akn("")))
    body = tree.getroot().find(f".//{{{ns}}}judgmentBody")
    parent = body
    for _ in range(draw(st.integers(0, 30))):  # random nesting of levels
        parent = etree.SubElement(parent, f"{{{ns}}}level", eId=_xml_text(draw(EID_CHARS)))
    for _ in range(draw(st.integers(1, 5))):
        para = etree.SubElement(parent, f"{{{ns}}}paragraph", eId=_xml_text(draw(EID_CHARS)))
        para.set("class", _xml_text(draw(ATTR_VALUE)))
        content = etree.SubElement(para, f"{{{ns}}}content")
        p = etree.SubElement(content, f"{{{ns}}}p")
        p.text = _xml_text(draw(TEXT))
        draw(akn_inline(p, 0))
    return tree


# ---------------------------------------------------------------- the properties


@FUZZ
@given(text_opinion())
def test_fuzz_text_reader(text):
    read_check("fuzz.txt", text, "text")


@FUZZ
@given(markdown_opinion())
def test_fuzz_markdown_reader(text):
    read_check("fuzz.md", text, "markdown")


@FUZZ
@given(akn_document())
def test_fuzz_akn_validate_and_render(tree):
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    report = validate(data, name="fuzz.xml")  # never raises: every problem is an issue
    text_lines = [f"{e.kind} {e.rule}: {e.message}" for e in report.errors]
    assert all("\n" not in line for line in text_lines)
    check_outputs(etree.ElementTree(etree.fromstring(data)), data)


def test_the_check_sees_executable_vectors():
    """The detector itself can fail: it finds each kind of vector."""
    assert executable_vectors("<p><script>x</script></p>") == ["<script>"]
    assert executable_vectors('<p><img src=x onerror="x"></p>') == ["img@onerror"]
    assert executable_vectors('<a href=" java\nscript:x">y</a>') == ["a@href= java\nscript:x"]
    assert executable_vectors(markdown_as_html("<img src=x onerror=alert(1)>")) == ["img@onerror"]
