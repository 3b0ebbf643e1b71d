"""The text reader's input normalisation: what a text editor or word processor changes in a
file (tabs, line endings, a byte-order mark) changes nothing in what is read."""

import pytest

from convert.akn.names import NS
from convert.pipeline import parse_data

from locations import SEED_000


def _facts(data: bytes):
    root = parse_data("seed.txt", data, citations=False, validate=False).tree.getroot()
    return ([n.get("marker") for n in root.xpath("//akn:authorialNote", namespaces=NS)],
            [e.get("number") for e in root.xpath("//akn:eop", namespaces=NS)])


@pytest.mark.parametrize("change", [
    lambda b: b.replace(b"        ", b"\t"),  # indentation as tabs (8-column stops)
    lambda b: b.replace(b"\n", b"\r\n"),
    lambda b: b"\xef\xbb\xbf" + b,
], ids=["tabs", "crlf", "bom"])
def test_an_editors_changes_leave_notes_and_pages_alike(change):
    data = SEED_000.read_bytes()
    assert _facts(change(data)) == _facts(data)
