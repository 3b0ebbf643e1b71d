"""The batch on a Dask distributed cluster: `akn batch SRC -o OUT --scheduler tcp://host:8786`.

The same `convert_job` runs on the cluster's workers, so outputs, the report and the
incremental rules are those of a local run.  SRC and OUT must be reachable from every worker
under the same names: a shared file system, or fsspec URLs (`s3://bucket/opinions`).
Workers need akn-convert installed (`pip install 'akn-convert[dask]'`).

A worker lost mid-document (killed, out of memory, its machine gone) is Dask's to handle:
the scheduler gives its documents to other workers, up to its `allowed-failures` setting
(3 by default); a document that has lost that many workers is reported as failed.  A job
that raises is tried again `RETRIES` times (convert_job itself never raises for bad input).
"""

from __future__ import annotations

from typing import Callable

from .plan import Job
from .work import convert_job

RETRIES = 1
# Seconds to reach the scheduler before saying it is not there (Dask's default is 30).
CONNECT_TIMEOUT = 10


def _client(scheduler):
    from .plan import UsageError

    try:
        from distributed import Client
    except ImportError:
        raise ImportError("--scheduler needs Dask: pip install 'akn-convert[dask]'") from None
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise UsageError(f"{scheduler}: cannot reach the Dask scheduler ({reason})") from None


def run_cluster(jobs: list[Job], scheduler, on_result: Callable[[dict], None],
                fn: Callable[[Job], dict] = convert_job) -> None:
    """Run `fn` (convert, or list the citations of, one input) on `jobs` on the cluster at
    `scheduler` (an address, or a Cluster object), calling `on_result` as each finishes.
    Stopped (a signal) cancels what is left."""
    if not jobs:
        return
    from distributed import as_completed

    client = _client(scheduler)
    futures = {}
    try:
        validate = all(job.validate for job in jobs)
        from .local import warm_up

        client.run(warm_up, validate, any(job.citations for job in jobs))  # each worker: imports, schema, courts index, once
        for job in jobs:
            # pure=False: the same job submitted again (a rerun) is converted again.
            futures[client.submit(fn, job, pure=False, retries=RETRIES)] = job
        for future in as_completed(list(futures)):
            job = futures[future]
            try:
                result = future.result()
            except Exception as err:  # KilledWorker: it lost workers too many times
                result = _failed(job, f"{job.input}: the cluster could not convert it: "
                                      f"{type(err).__name__}: {err}")
            on_result(result)
    except BaseException:
        client.cancel(list(futures), force=True)
        raise
    finally:
        client.close()


def _failed(job: Job, error: str) -> dict:
    return {"input": job.input, "rel": job.rel, "status": "failed", "outputs": [],
            "error": error, "seconds": {}, "warnings": [], "removed": {}, "meta": {}}
