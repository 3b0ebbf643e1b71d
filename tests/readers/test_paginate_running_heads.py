"""paginate: text with no form feeds and no double spacing, whose pages each begin with the
same running head (one paragraph a line, as in agency decisions' text exports)."""

from convert.readers.paginate import paginate

HEAD = "Cite as 27 I&N Dec. {n} (BIA 2017) Interim Decision #3894"


def _doc(pages: int) -> str:
    lines = []
    for n in range(pages):
        lines.append(HEAD.format(n=48 + n))
        lines += [f"Paragraph {k} of page {n}, one whole paragraph on a line." for k in range(4)]
        lines.append(f" {48 + n}")
    return "\n".join(lines)


def test_each_repeat_of_the_running_head_begins_a_page():
    pages = paginate(_doc(4))
    assert len(pages) == 4
    assert [p.lines[0].text for p in pages] == [HEAD.format(n=48 + n) for n in range(4)]
    assert pages[0].lines[-1].text == " 48"  # the folio ends its page


def test_a_line_quoted_twice_is_no_running_head():
    text = "\n".join(["A quoted line that the court repeats here.", "body one", "body two",
                      "body three", "A quoted line that the court repeats here.", "end"])
    assert len(paginate(text)) == 1
