"""The project's profile for US judgments: `schemas/akn-us-judgment.sch` (ISO Schematron, run
with lxml.isoschematron).  Compiled once per process.

Each failed assertion becomes an `Issue` of kind ``profile`` whose rule is the assertion's
``id`` and whose line is the source line of the element the rule fired on (found by
evaluating the SVRL ``location`` path on the document).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from lxml import etree, isoschematron

from .names import AKN_NS, element_path
from .report import Issue

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
PROFILE_NAME = "akn-us-judgment.sch"
_LOCK = threading.Lock()


def profile_path() -> Path:
    """`schemas/akn-us-judgment.sch`: package data (`convert.schemas`, convert/resources.py)."""
    from ..resources import file_path

    return file_path("schemas", PROFILE_NAME)


@lru_cache(maxsize=1)
def profile_schematron() -> isoschematron.Schematron:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    doc = etree.parse(str(profile_path()), parser)
    return isoschematron.Schematron(doc, store_report=True)


def applies_to(tree: etree._ElementTree | etree._Element) -> bool:
    """The profile is for AKN judgments: akomaNtoso/judgment in the AKN namespace."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return root.tag == f"{{{AKN_NS}}}akomaNtoso" and root.find(f"{{{AKN_NS}}}judgment") is not None


def profile_issues(tree: etree._ElementTree | etree._Element, limit: int | None = None
                   ) -> tuple[bool, list[Issue], int]:
    """(valid, issues, how many more were left out beyond ``limit``) against the profile."""
    sch = profile_schematron()
    with _LOCK:
        ok = sch.validate(tree)
        report = None if ok else sch.validation_report
    if ok:
        return True, [], 0
    doc = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
    failures = list(report.iter(SVRL + "failed-assert", SVRL + "successful-report"))
    issues = []
    for fa in failures[:limit]:
        location = fa.get("location") or ""
        el = None
        try:
            found = doc.xpath(location) if location else []
            el = found[0] if found and isinstance(found[0], etree._Element) else None
        except etree.XPathError:
            pass
        text = " ".join((fa.findtext(SVRL + "text") or "").split())
        rule = fa.get("id") or "profile"
        issues.append(Issue(kind="profile", rule=rule, message=text,
                            line=el.sourceline if el is not None else None,
                            path=element_path(el) if el is not None else location or None))
    omitted = max(0, len(failures) - limit) if limit is not None else 0
    return False, issues, omitted
