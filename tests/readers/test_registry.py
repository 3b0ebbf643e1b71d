"""The reader registry: names, detection by content, lazy loading."""

from convert.readers import registry


def test_builtin_readers_are_registered_in_detection_order():
    names = registry.names()
    assert names[0] == "pdf" and names[-2:] == ["markdown", "text"]
    assert {".pdf", ".md", ".txt"} <= registry.suffixes()


def test_detection_by_content_not_only_by_name():
    assert registry.detect("scan.bin", b"%PDF-1.7\n...") == "pdf"
    assert registry.detect("notes.txt", b"# Title\n\n**Held** one\n\n- a\n- b\n") == "markdown"
    # Form feeds mean text extracted from a PDF, whatever Markdown-like signs it has.
    assert registry.detect("op.txt", b"# 1\f**x** **y** - z\n- w\n") == "text"
    assert registry.detect("op.txt", b"UNITED STATES DISTRICT COURT\n") == "text"


def test_a_registered_reader_is_found_and_loaded_by_name():
    spec = registry.get("text")
    assert callable(spec.load())
    try:
        registry.get("nope")
    except KeyError as err:
        assert "choose from" in str(err)
    else:
        raise AssertionError("unknown reader accepted")
