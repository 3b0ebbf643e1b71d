"""Issue 14, items 1 and 13: the Markdown reader never drops text at deep nesting, and decodes
character references.

markdown-it's CommonMark preset stops at 20 open containers and silently discards the rest of
the document: a list nested ten deep, or a quote twenty deep, cut off every later section."""

from __future__ import annotations

import pytest

from convert.akn.builder import build, serialize
from convert.coverage import compare
from convert.readers.markdown import read_string

HEAD = "UNITED STATES DISTRICT COURT\n\nProceedings: Order\n\nI. BACKGROUND\n\nThe start.\n\n"
TAIL = "\n\nII. CONCLUSION\n\nThe motion is granted. Lastword.\n"


def nested_list(depth: int) -> str:
    return "".join("  " * i + f"- level{i}\n" for i in range(depth))


CASES = {
    "list-10": nested_list(10),
    "list-12": nested_list(12),
    "quote-20": ">" * 20 + " deep quote\n",
    "quote-25": "\n".join(">" * k + f" q{k}" for k in range(1, 26)) + "\n",
    "quote-5000": ">" * 5000 + " very deep\n",
    "bullets-on-one-line-1000": "- " * 1000 + "x\n",
    "quote-and-list-500": "> - " * 500 + "mixed\n",
    "ordered-1000": "".join(f"{'   ' * i}{i + 1}. n{i}\n" for i in range(300)),
    "emphasis-2000": "*" * 2000 + "emph" + "*" * 2000 + "\n",
    "links-1000": "[" * 1000 + "linktext" + "](u)" * 1000 + "\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_deep_nesting_loses_no_words(name):
    text = HEAD + CASES[name] + TAIL
    doc, report = read_string(text, f"{name}.md")
    tree = build(doc)
    xml = serialize(tree)
    assert b"Lastword" in xml and b"CONCLUSION" in xml, "text after the nesting was dropped"
    lost, _, _ = compare(text, report.removed, tree)
    assert not lost, f"words lost: {dict(lost)}"


def test_flattening_is_reported():
    _, report = read_string(HEAD + ">" * 5000 + " deep\n" + TAIL, "deep.md")
    assert any("flattened" in w and w.startswith("line 9:") for w in report.warnings)


def test_shallow_nesting_is_untouched():
    doc, report = read_string(HEAD + nested_list(10) + TAIL, "ten.md")
    assert not report.warnings


def test_entities_in_html_blocks_are_decoded():
    doc, _ = read_string(HEAD + "<p>Smith &amp; Jones &#167; 3</p>\n\nAT&amp;T v. B&amp;O.\n"
                         + TAIL, "ent.md")
    xml = serialize(build(doc)).decode()
    assert "&amp;amp;" not in xml
    assert "Smith &amp; Jones § 3" in xml and "AT&amp;T v. B&amp;O." in xml
