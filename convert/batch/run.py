"""A whole batch: plan, convert (locally or on a Dask cluster), then the report, the
manifest and `index.html`, also when the run is stopped part way."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
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

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "failed"]


def run_batch(src: str, out: str, formats, source_format: str = "auto", *,
              validate: bool = True, force: bool = False, jobs: int = 1,
              scheduler: str | None = None, report: str | None = None,
              max_bytes: int | None = None, citations: bool = True,
              on_plan: Callable[[Plan], None] | None = None,
              on_result: Callable[[dict], None] | None = None) -> BatchResult:
    """Convert SRC into OUT.  Raises UsageError before doing anything if the batch must not
    start.  A signal stops the run: the result says which, and what finished is reported."""
    from .local import Stopped, run_pool, run_serial, signals_stop_the_run

    started = time.perf_counter()
    plan = make_plan(src, out, formats, source_format, validate, force, max_bytes, citations)
    batch = BatchResult(plan)
    batch.cleaned = plan.out.clean_parts()
    batch.results = list(plan.refused) + [_skipped(job, entry) for job, entry in plan.skipped]
    if on_plan:
        on_plan(plan)

    def collect(result: dict) -> None:
        batch.results.append(result)
        if on_result:
            on_result(result)

    try:
        with signals_stop_the_run():
            if scheduler:
                from .cluster import run_cluster

                run_cluster(plan.todo, scheduler, collect)
            elif jobs > 1 and len(plan.todo) > 1:
                run_pool(plan.todo, jobs, collect)
            else:
                run_serial(plan.todo, collect)
    except Stopped as stop:
        batch.stopped_by = stop.signum
        plan.out.clean_parts()  # a worker killed mid-write may have left temporaries
    batch.elapsed = time.perf_counter() - started
    _write_records(batch, report)
    return batch


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
