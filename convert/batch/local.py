"""Worker processes on this machine.

Workers are started once (from a fork server, so they do not inherit the parent's threads)
and import the converter once.  They ignore SIGINT: Ctrl-C in a terminal reaches the whole
process group, and only the parent decides what happens.  On Ctrl-C or SIGTERM the parent
cancels the pending inputs, terminates the workers (a worker's SIGTERM handler discards its
temporaries) and waits for them, so no worker outlives the run or writes after it.

A worker that dies (a crash in a native library, the OOM killer) breaks the pool; the inputs
that had not finished run again in a new pool, and one that was in flight in
`MAX_ATTEMPTS` broken pools is reported as failed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable

from .plan import Job
from .work import convert_job

MAX_ATTEMPTS = 2
# Seconds a terminated worker gets to discard its temporaries before it is killed.
TERMINATE_GRACE = 3.0


class Stopped(BaseException):
    """The run was stopped by a signal (SIGINT or SIGTERM): `signum` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _worker_start(validate: bool, citations: bool = True) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM: unwind (outputs.write_all_atomic removes its temporaries), then exit.
    signal.signal(signal.SIGTERM, _exit_on_term)
    signal.signal(signal.SIGALRM, _exit_on_alarm)
    sys.unraisablehook = _term_again_outside_finalizers
    warm_up(validate, citations)


def warm_up(validate: bool, citations: bool = True) -> None:
    """Import and load once per worker what every document needs, so the first document's
    stage times are its own: the converter, the schema, the courts index, eyecite."""
    from .. import pipeline  # noqa: F401
    from ..readers.courts import _index

    _index()
    if citations:
        import eyecite  # noqa: F401  (~0.3 s to import)

        from ..citations import find, speed  # noqa: F401
    if validate:
        from ..validate.schema import official_schema

        official_schema()


def _exit_on_term(signum, frame):
    raise SystemExit(128 + signum)


# How long after a SIGTERM swallowed by a finalizer the worker is stopped again: long enough
# for this hook to have returned (it takes microseconds), short beside the parent's patience.
TERM_AGAIN_AFTER_S = 0.01


def _term_again_outside_finalizers(unraisable) -> None:
    """SIGTERM's SystemExit raised inside a finalizer (`__del__`) is swallowed and printed as a
    traceback; stop the worker again a moment later, from ordinary code, quietly.  Not by
    signalling now: the handler would then run inside this hook, whose own exception is
    printed too.  A timer that lands in a finalizer again comes back here and is re-armed."""
    if isinstance(unraisable.exc_value, SystemExit):
        signal.setitimer(signal.ITIMER_REAL, TERM_AGAIN_AFTER_S)
        return
    sys.__unraisablehook__(unraisable)


def _exit_on_alarm(signum, frame):
    _exit_on_term(signal.SIGTERM, frame)  # the stop a finalizer swallowed, with its status


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["convert.pipeline", "convert.batch.work"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_serial(jobs: Iterable[Job], on_result: Callable[[dict], None],
               fn: Callable[[Job], dict] = convert_job) -> None:
    for job in jobs:
        on_result(fn(job))


def run_pool(jobs: list[Job], workers: int, on_result: Callable[[dict], None],
             fn: Callable[[Job], dict] = convert_job) -> None:
    """Run `fn` (convert, or list the citations of, one input) on every job in `workers`
    processes, calling `on_result` in the parent as each finishes.  Raises Stopped (after
    stopping the workers) on SIGINT/SIGTERM."""
    attempts = {job: 0 for job in jobs}
    left = list(jobs)
    while left:
        left = _one_pool(left, workers, on_result, attempts, fn)


def _one_pool(jobs: list[Job], workers: int, on_result, attempts: dict,
              fn: Callable[[Job], dict] = convert_job) -> list[Job]:
    """Run jobs until done or the pool breaks; the jobs to run again in a new pool."""
    validate = all(job.validate for job in jobs)
    citations = any(job.citations for job in jobs)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_worker_start, initargs=(validate, citations))
    futures = {pool.submit(fn, job): job for job in jobs}
    order = {job: i for i, job in enumerate(jobs)}
    finished: set[Job] = set()
    try:
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                finished.add(futures[future])
                on_result(result)
            if broken:
                break
    except BaseException:
        _stop(pool)
        raise
    unfinished = sorted((j for j in jobs if j not in finished), key=order.__getitem__)
    if not unfinished:
        pool.shutdown(wait=True)
        return []
    _stop(pool)
    # The pool hands out jobs in order: the first `workers` unfinished were in flight.
    retry = []
    for i, job in enumerate(unfinished):
        if i < workers + 1:
            attempts[job] += 1
        if attempts[job] >= MAX_ATTEMPTS:
            on_result(_lost(job))
        else:
            retry.append(job)
    return retry


def _lost(job: Job) -> dict:
    return {"input": job.input, "rel": job.rel, "status": "failed", "outputs": [],
            "error": f"{job.input}: the worker converting it stopped (crashed or was killed)",
            "seconds": {}, "warnings": [], "removed": {}, "meta": {}}


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started, terminate the workers, and wait until they are gone."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(TERMINATE_GRACE)
        if p.is_alive():
            p.kill()
            p.join()


class signals_stop_the_run:
    """Within it, SIGINT and SIGTERM raise Stopped in the main thread."""

    def __enter__(self):
        fired = []

        def handler(signum, frame):
            if fired:  # a second Ctrl-C while stopping: the first is being handled
                return
            fired.append(signum)
            raise Stopped(signum)

        self.saved = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
        return self

    def __exit__(self, *exc):
        for s, h in self.saved.items():
            signal.signal(s, h)
        return False
