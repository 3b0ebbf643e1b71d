"""`akn batch SRC_DIR -o OUT_DIR`: convert a directory tree, in parallel, with a report."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .pipeline import clashing_outputs


def _one(job):
    from .errors import ConvertError
    from .pipeline import capture_warnings, convert_file

    path, outdir, formats, source_format = job
    try:
        (parsed, targets), notes = capture_warnings(convert_file, path, outdir, formats,
                                                    source_format)
    except ConvertError as err:
        return {"input": path, "ok": False, "error": str(err)}
    except Exception as err:  # one broken input must not lose the others' output
        return {"input": path, "ok": False, "error": f"{path}: internal error: {err!r}"}
    return {"input": path, "ok": True, "reader": source_format,
            "outputs": [str(t) for t in targets.values()],
            "warnings": notes, "removed": len(parsed.report.removed)}


def _in_parallel(jobs, workers: int) -> list[dict]:
    """Each job's result, in any order; a worker that dies (a crash in a native library)
    fails its own input, not the run."""
    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_one, job): job[0] for job in jobs}
        for future in as_completed(futures):
            path = futures[future]
            try:
                results.append(future.result())
            except BrokenProcessPool:
                results.append({"input": path, "ok": False,
                                "error": f"{path}: the worker converting it stopped"})
    return results


def _detect(path: str) -> str:
    from .readers import registry

    try:
        with open(path, "rb") as f:
            head = f.read(registry.SNIFF_BYTES)
    except OSError:
        return "auto"  # the conversion reports the unreadable file
    return registry.detect(path, head)


def convert_tree(src: str | Path, outdir: str | Path, formats, source_format: str = "auto",
                 jobs: int = 1) -> list[dict]:
    """Convert every input under `src` into `outdir`, keeping the folder structure: one
    result dict per input, sorted by input."""
    src = Path(src)
    out = Path(outdir).resolve()
    # A previous run's output inside SRC_DIR is not input (its .md would be read again).
    from .readers import registry

    input_suffixes = registry.suffixes()
    inputs = sorted(str(p) for p in src.rglob("*") if p.suffix.lower() in input_suffixes
                    and p.is_file() and out not in p.resolve().parents)
    work, results = [], []
    for path in inputs:
        rel = Path(path).parent.relative_to(src)
        fmt = source_format
        if fmt == "auto":  # detect once here: the report names the reader of every input
            fmt = _detect(path)
            if fmt == "text" and Path(path).suffix.lower() not in registry.get("text").suffixes:
                # A .json/.html/.xml file no structured reader claims (labels.json, a web
                # page) is not an opinion in that form: skipped, not read as plain text.
                results.append({"input": path, "ok": True, "skipped":
                                f"no reader claims this {Path(path).suffix} file's content"})
                continue
        work.append((path, str(Path(outdir) / rel), formats, fmt))
    clashes = {}
    for sub in {job[1] for job in work}:
        clashes.update(clashing_outputs([j[0] for j in work if j[1] == sub], sub, formats))
    for path, other in sorted(clashes.items()):
        results.append({"input": path, "ok": False,
                        "error": f"{path}: same output names as {other}; not converted"})
    work = [job for job in work if job[0] not in clashes]
    if jobs > 1:
        results += _in_parallel(work, jobs)
    else:
        results += [_one(job) for job in work]
    results.sort(key=lambda r: r["input"])
    return results
