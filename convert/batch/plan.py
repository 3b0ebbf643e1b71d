"""What a batch will do: every input under SRC, its outputs under OUT at the same relative
place, and which inputs are already up to date (skipped unless `force`)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .. import __version__
from .storage import Storage


class UsageError(Exception):
    """A batch that must not start (exit 2): SRC missing, OUT overlapping SRC, ..."""


@dataclass(frozen=True)
class Job:
    input: str  # path or URL
    rel: str  # the input relative to SRC, with `/`
    outputs: tuple[tuple[str, str], ...]  # (format, target path or URL), in --to order
    source_format: str = "auto"
    validate: bool = True
    max_bytes: int | None = None  # --max-size; None: the cap of the input's kind
    citations: bool = True  # mark citations as links (--no-citations)
    list_citations: bool = False  # also return the citation table's rows (--citations-out)


@dataclass
class Plan:
    src: Storage
    out: Storage
    fingerprint: str  # converter version and options: outputs made otherwise are redone
    todo: list[Job] = field(default_factory=list)
    skipped: list[tuple[Job, dict]] = field(default_factory=list)  # up to date, + manifest
    refused: list[dict] = field(default_factory=list)  # results for inputs not converted
    manifest: dict = field(default_factory=dict)


def fingerprint(formats, source_format: str, validate: bool, citations: bool = True) -> str:
    return (f"akn-convert {__version__}; to={','.join(formats)}; from={source_format}; "
            f"validate={validate}; citations={citations}")


def _overlap(src: Storage, out: Storage) -> bool:
    a, b = src.resolved().rstrip("/"), out.resolved().rstrip("/")
    return a == b or b.startswith(a + "/") or a.startswith(b + "/")


def make_plan(src: str, out: str, formats, source_format: str = "auto",
              validate: bool = True, force: bool = False,
              max_bytes: int | None = None, citations: bool = True,
              list_citations: bool = False) -> Plan:
    from ..readers import registry
    from .report import load_manifest

    src_store, out_store = Storage(src), Storage(out)
    if not src_store.is_dir():
        raise UsageError(f"{src}: not a directory")
    if _overlap(src_store, out_store):
        raise UsageError(f"{out}: the output directory overlaps the input directory {src}; "
                         "choose an OUT outside SRC (and not holding it)")
    plan = Plan(src_store, out_store, fingerprint(formats, source_format, validate, citations))
    plan.manifest = load_manifest(out_store)
    claimed: dict[str, str] = {}
    for location in src_store.files(registry.suffixes()):
        rel = src_store.relative(location)
        stem = posixpath.splitext(rel)[0]
        outputs = tuple((fmt, out_store.join(*f"{stem}.{fmt}".split("/"))) for fmt in formats)
        first_owner = claimed.setdefault(stem, location)
        if first_owner != location:  # a.txt and a.md would both make a.xml
            plan.refused.append(_refused(location, rel, f"{location}: same output names as "
                                                       f"{first_owner}; not converted"))
            continue
        job = Job(location, rel, outputs, source_format, validate, max_bytes, citations,
                  list_citations)
        entry = plan.manifest.get(rel)
        if not force and entry and _up_to_date(job, entry, plan):
            plan.skipped.append((job, entry))
        else:
            plan.todo.append(job)
    return plan


def _up_to_date(job: Job, entry: dict, plan: Plan) -> bool:
    """Made by this converter with these options, every output there and newer than the
    input."""
    if entry.get("fingerprint") != plan.fingerprint:
        return False
    made = plan.src.mtime(job.input)
    if made is None:
        return False
    for _, target in job.outputs:
        when = plan.out.mtime(target)
        if when is None or when < made:
            return False
    return True


def _refused(location: str, rel: str, error: str) -> dict:
    return {"input": location, "rel": rel, "status": "failed", "outputs": [], "error": error,
            "seconds": {}, "warnings": [], "removed": {}, "meta": {}}
