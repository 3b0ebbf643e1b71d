"""What a batch leaves besides the documents: the JSON Lines report (one line per input),
the manifest that lets the next run skip what is up to date, and the closing summary."""

from __future__ import annotations

import json

from .storage import Storage

MANIFEST = ".akn-batch.json"  # in OUT: input -> converter fingerprint, outputs, case facts
MANIFEST_FORMAT = 1
SLOWEST_SHOWN = 5  # the closing summary names this many of the slowest inputs


def load_manifest(out: Storage) -> dict:
    try:
        from .storage import read

        data = json.loads(read(out.join(MANIFEST)))
    except Exception:  # absent or unreadable: nothing is known up to date, all is converted
        return {}
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return {}
    entries = data.get("inputs")
    return entries if isinstance(entries, dict) else {}


def save_manifest(out: Storage, entries: dict) -> None:
    from .storage import write_set

    body = {"format": MANIFEST_FORMAT, "inputs": dict(sorted(entries.items()))}
    write_set({out.join(MANIFEST): json.dumps(body, indent=1).encode() + b"\n"})


def manifest_entry(result: dict, fingerprint: str, out: Storage) -> dict:
    """Outputs relative to OUT (with `/`), so a moved OUT keeps its index and its state."""
    return {"fingerprint": fingerprint, "outputs": [out.relative(o) for o in result["outputs"]],
            "meta": result["meta"]}


def jsonl(results: list[dict]) -> bytes:
    """One JSON object per line, sorted by input; `rel` and `meta` stay in the manifest."""
    lines = []
    for r in sorted(results, key=lambda r: r["input"]):
        row = {k: r[k] for k in ("input", "status", "outputs", "error", "seconds",
                                 "warnings", "removed")}
        if r.get("reader"):
            row["reader"] = r["reader"]
        if r.get("worker_peak_mb") is not None:
            row["worker_peak_mb"] = r["worker_peak_mb"]
        lines.append(json.dumps(row, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode() if lines else b""


def summary(results: list[dict], elapsed: float, interrupted: bool = False) -> list[str]:
    counts = {s: sum(1 for r in results if r["status"] == s)
              for s in ("converted", "skipped", "failed")}
    head = (f"{counts['converted']} converted, {counts['skipped']} up to date, "
            f"{counts['failed']} failed in {elapsed:.1f} s")
    if interrupted:
        head = "interrupted: " + head
    lines = [head]
    ignored = sorted(r["input"] for r in results if r["status"] == "ignored")
    if ignored:
        lines.append("not converted (no reader claims them): " + ", ".join(ignored))
    failed = [r for r in results if r["status"] == "failed"]
    if failed:
        lines.append("failed: " + ", ".join(r["input"] for r in sorted(failed,
                                                                     key=lambda r: r["input"])))
    done = [r for r in results if r["status"] == "converted" and r["seconds"].get("total")]
    if done:
        slow = sorted(done, key=lambda r: -r["seconds"]["total"])[:SLOWEST_SHOWN]
        lines.append("slowest: " + ", ".join(f"{r['input']} {r['seconds']['total']:.2f} s"
                                             for r in slow))
    return lines
