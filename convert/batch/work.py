"""Converting one input, as a worker does it: read, convert, render, write the set, and
say how long each stage took.  Never raises for a bad input: the result says what failed."""

from __future__ import annotations

import time
import warnings
from collections import Counter

from .plan import Job

# Stage times in the report are rounded to this many decimals (0.1 ms).
SECONDS_DIGITS = 4


def convert_job(job: Job) -> dict:
    from ..errors import ConvertError
    from ..pipeline import parse_data, render
    from .storage import read, write_set

    started, cpu_started = time.perf_counter(), time.process_time()
    seconds: dict[str, float] = {}
    result = {"input": job.input, "rel": job.rel, "status": "failed", "outputs": [],
              "error": None, "seconds": seconds, "warnings": [], "removed": {}, "meta": {}}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            t = time.perf_counter()
            data = read(job.input, job.source_format, job.max_bytes)
            seconds["load"] = time.perf_counter() - t
            fmt = reader_of(job, data)
            result["reader"] = fmt
            if fmt is None:
                # A .json/.html/.xml file no structured reader claims (labels.json, a web
                # page): not an opinion in that form, so not read as plain text either.
                result.update(status="ignored", warnings=[
                    f"{job.input}: no reader claims this file's content: not converted"])
                return result
            parsed = parse_data(job.input, data, fmt, job.validate, seconds=seconds,
                                citations=job.citations)
            rendered = {}
            for fmt, target in job.outputs:
                t = time.perf_counter()
                rendered[target] = render(parsed, fmt)
                seconds[fmt] = seconds.get(fmt, 0.0) + time.perf_counter() - t
            t = time.perf_counter()
            write_set(rendered)
            seconds["write"] = time.perf_counter() - t
        result.update(status="converted", outputs=[target for _, target in job.outputs],
                      warnings=[str(w.message) for w in caught],
                      removed=dict(sorted(Counter(r.kind for r in parsed.report.removed)
                                          .items())),
                      meta=case_facts(parsed.model))
        if job.list_citations:
            _list(result, job, lambda: parsed.xml)
    except ConvertError as err:
        result["error"] = str(err)
    except Exception as err:  # a converter bug: this input fails, the batch goes on
        result["error"] = f"{job.input}: internal error: {type(err).__name__}: {err}"
    seconds["total"] = time.perf_counter() - started
    seconds["cpu"] = time.process_time() - cpu_started  # this worker's CPU time on it
    for stage in seconds:
        seconds[stage] = round(seconds[stage], SECONDS_DIGITS)
    result["worker_peak_mb"] = _peak_mb()
    return result


def list_job(job: Job) -> dict:
    """The citation table of an input an earlier run converted (skipped as up to date), for
    `--citations-out`: read back from its XML output, or, when the batch writes no XML, from
    the input converted again in memory (nothing is written).  Never raises."""
    from ..errors import ConvertError
    from ..pipeline import parse_data
    from .storage import read

    result = {"input": job.input, "rel": job.rel, "status": "listed", "error": None}

    def xml() -> bytes:
        target = next((t for fmt, t in job.outputs if fmt == "xml"), None)
        if target is not None:
            return read(target, "akn")
        data = read(job.input, job.source_format, job.max_bytes)
        fmt = reader_of(job, data) or "text"
        with warnings.catch_warnings():  # the run that converted it reported them
            warnings.simplefilter("ignore")
            return parse_data(job.input, data, fmt, False, citations=job.citations).xml

    try:
        _list(result, job, xml)
    except ConvertError as err:
        result["citations_error"] = str(err)
    return result


def _list(result: dict, job: Job, xml) -> None:
    """Put the rows of `akn cite` for the document `xml()` returns into the result, as JSON
    Lines naming the document; a failure is the result's `citations_error`, not the
    conversion's."""
    from ..citations.table import json_lines, parse_akn
    from ..errors import ConvertError

    try:
        result["citations"] = json_lines(parse_akn(xml()), job.rel)
    except ConvertError:
        raise
    except Exception as err:  # unreadable XML output, or a bug: this table row set fails
        result["citations_error"] = (f"{job.input}: cannot list its citations: "
                                     f"{type(err).__name__}: {err}")


def reader_of(job: Job, data: bytes) -> str | None:
    """The reader for this input (detected by content unless --from named one); None for a
    file walked for a structured suffix that only the catch-all text reader would take."""
    import posixpath

    from ..readers import registry

    if job.source_format != "auto":
        return job.source_format
    fmt = registry.detect(job.input, data[:registry.SNIFF_BYTES])
    suffix = posixpath.splitext(job.input)[1].lower()
    if fmt == "text" and suffix not in registry.get("text").suffixes:
        return None
    return fmt


def _peak_mb() -> float | None:
    """The worker's peak resident memory so far, in MB (None where the OS cannot say)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return round(kb / 1024, 1)


def case_facts(model) -> dict:
    """What `index.html` lists of an opinion (from its render `Model`): case name, court,
    date, docket."""
    return {"title": model.title, "court": model.court, "date": model.date,
            "docket": model.docket}
