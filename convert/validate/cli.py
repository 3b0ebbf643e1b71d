"""`akn validate`: placeholder wiring; the full validator (profile, reports) lives beside it."""

from __future__ import annotations

import sys

from lxml import etree

from .schema import schema_errors


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["text", "json", "junit"], default="text")


def run(args) -> int:
    status = 0
    for path in args.paths:
        try:
            tree = etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False))
        except (OSError, etree.XMLSyntaxError) as err:
            print(f"{path}: {err}", file=sys.stderr)
            status = 1
            continue
        errors = schema_errors(tree)
        for e in errors:
            print(f"{path}:{e.line}: {e.path}: {e.message}")
        status = max(status, 1 if errors else 0)
    return status
