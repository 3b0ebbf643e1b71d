"""A whole batch: plan, convert (locally or on a Dask cluster), then the report, the
manifest and `index.html`, also when the run is stopped part way; with `citations_out`, the
citation table of every document (`akn cite`'s rows, each naming its document)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Callable

from .plan import Plan, make_plan
from .report import MANIFEST, jsonl, manifest_entry, save_manifest
from .site_index import index_html
from .storage import write_set

INDEX = "index.html"
REPORT = "batch-report.jsonl"  # in OUT, unless --report names another file


@dataclass
class BatchResult:
    plan: Plan
    results: list[dict] = field(default_factory=list)
    elapsed: float = 0.0
    stopped_by: int | None = None  # the signal that stopped the run, if one did
    cleaned: int = 0  # stale .part files removed before starting
    report_error: str | None = None
    citations: dict[str, str] = field(default_factory=dict)  # rel -> its table's JSON Lines
    citation_errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "failed"]


def run_batch(src: str, out: str, formats, source_format: str = "auto", *,
              validate: bool = True, force: bool = False, jobs: int = 1,
              scheduler: str | None = None, report: str | None = None,
              max_bytes: int | None = None, citations: bool = True,
              citations_out: str | None = None,
              on_plan: Callable[[Plan], None] | None = None,
              on_result: Callable[[dict], None] | None = None) -> BatchResult:
    """Convert SRC into OUT.  Raises UsageError before doing anything if the batch must not
    start.  A signal stops the run: the result says which, and what finished is reported.
    `citations_out` (a path or URL) receives every document's citations as JSON Lines, those
    of documents skipped as up to date read back from their outputs."""
    from .local import Stopped, signals_stop_the_run
    from .work import list_job

    started = time.perf_counter()
    plan = make_plan(src, out, formats, source_format, validate, force, max_bytes, citations,
                     list_citations=citations_out is not None)
    batch = BatchResult(plan)
    batch.cleaned = plan.out.clean_parts()
    batch.results = list(plan.refused) + [_skipped(job, entry) for job, entry in plan.skipped]
    if on_plan:
        on_plan(plan)

    def collect(result: dict) -> None:
        _keep_citations(batch, result)
        batch.results.append(result)
        if on_result:
            on_result(result)

    try:
        with signals_stop_the_run():
            _run(plan.todo, scheduler, jobs, collect)
            if citations_out is not None and plan.skipped:
                # Listing reads an output back: no schema to load in the workers.
                listing = [replace(job, validate=False) for job, _ in plan.skipped]
                _run(listing, scheduler, jobs, lambda r: _keep_listed(batch, r), list_job)
    except Stopped as stop:
        batch.stopped_by = stop.signum
        plan.out.clean_parts()  # a worker killed mid-write may have left temporaries
    batch.elapsed = time.perf_counter() - started
    _write_records(batch, report)
    if citations_out is not None:
        _write_citations(batch, citations_out)
    return batch


def _run(todo, scheduler, jobs: int, on_result, fn=None) -> None:
    """Run `fn` (default: convert) on every job: on the cluster, in a pool, or here."""
    from .local import run_pool, run_serial
    from .work import convert_job

    fn = fn or convert_job
    if not todo:
        return
    if scheduler:
        from .cluster import run_cluster

        run_cluster(todo, scheduler, on_result, fn)
    elif jobs > 1 and len(todo) > 1:
        run_pool(todo, jobs, on_result, fn)
    else:
        run_serial(todo, on_result, fn)


def _keep_citations(batch: BatchResult, result: dict) -> None:
    """Take a document's citation rows (or why they could not be listed) out of its result,
    which goes on to the report without them."""
    listed = result.pop("citations", None)
    if listed is not None:
        batch.citations[result["rel"]] = listed
    error = result.pop("citations_error", None)
    if error:
        batch.citation_errors.append(error)


def _keep_listed(batch: BatchResult, result: dict) -> None:
    """The rows of a skipped document; a result with neither rows nor an error of its own
    is the pool's or the cluster's (the worker listing it was lost)."""
    if "citations" not in result and "citations_error" not in result:
        batch.citation_errors.append(result.get("error") or
                                     f"{result['input']}: its citations were not listed")
        return
    _keep_citations(batch, result)


def _write_citations(batch: BatchResult, target: str) -> None:
    """Every document's rows, in the order of the documents' paths, then reading order;
    written all at once (temporary, then rename), also for a stopped run (what finished)."""
    from ..errors import ConvertError

    data = "".join(batch.citations[rel] for rel in sorted(batch.citations)).encode("utf-8")
    if target == "-":  # stdout, as pandoc's `-`: status and errors go to stderr
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_set({target: data})
    except ConvertError as err:
        batch.report_error = batch.report_error or str(err)
    except OSError as err:
        batch.report_error = batch.report_error or f"{target}: cannot write: {err}"


def _skipped(job, entry: dict) -> dict:
    return {"input": job.input, "rel": job.rel, "status": "skipped",
            "outputs": [target for _, target in job.outputs], "error": None, "seconds": {},
            "warnings": [], "removed": {}, "meta": entry.get("meta", {})}


def _write_records(batch: BatchResult, report: str | None) -> None:
    """Manifest (what is up to date), index.html and the report: written even for a stopped
    run, from what finished."""
    from ..errors import ConvertError

    plan = batch.plan
    entries = {}
    for r in batch.results:
        if r["status"] in ("converted", "skipped"):
            entries[r["rel"]] = manifest_entry(r, plan.fingerprint, plan.out)
    try:
        save_manifest(plan.out, entries)
        write_set({plan.out.join(INDEX): index_html(entries)})
        write_set({report or plan.out.join(REPORT): jsonl(batch.results)})
    except ConvertError as err:
        batch.report_error = str(err)
    except OSError as err:  # an fsspec store refusing a write
        batch.report_error = f"{report or plan.out.root}: cannot write the report: {err}"


__all__ = ["BatchResult", "INDEX", "MANIFEST", "REPORT", "run_batch"]
