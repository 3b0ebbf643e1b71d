"""Line joining (readers/joining.py), now linear in the paragraph's length (issue 14, item 6;
the benchmark is tests/benchmarks/test_bench_reader_scaling.py): the decisions it makes."""

from __future__ import annotations

from convert.readers import marks
from convert.readers.joining import Vocabulary, join_lines

VOCAB = Vocabulary("subagencies Mejia-Mejia cooperate")


def test_soft_and_real_hyphens():
    assert join_lines(["the sub-", "agencies of"], VOCAB) == "the subagencies of"
    assert join_lines(["Mr. Mejia-", "Mejia said"], VOCAB) == "Mr. Mejia-Mejia said"
    assert join_lines(["the out-of-", "Circuit case"], VOCAB) == "the out-of-Circuit case"
    assert join_lines(["a co-", "operate b"], VOCAB) == "a cooperate b"
    assert join_lines(["the 9-", "11 rule"], VOCAB) == "the 9-11 rule"


def test_dashes_and_spaces():
    assert join_lines(["end of it—", "and more"], VOCAB) == "end of it—and more"
    assert join_lines(["one", "", "  two  ", "three"], VOCAB) == "one two three"
    assert join_lines(["a  b", "c"], VOCAB) == "a b c"


def test_the_hyphen_goes_not_a_sentinel_after_it():
    """A note call after a soft hyphen: the hyphen is dropped, the call stays whole."""
    call = marks.call(1)
    out = join_lines([f"the sub-{call}", "agencies"], VOCAB)
    assert out == f"the sub{call}agencies"
    assert marks.visible(out) == "the subagencies"


def test_decisions_look_past_earlier_lines():
    """The hyphenated word may begin on an earlier line (joined without a space)."""
    assert join_lines(["out-of-", "the-", "way"], VOCAB) == "out-of-the-way"
    assert join_lines(["x " * 50_000 + "sub-", "agencies"], VOCAB).endswith("x subagencies")
