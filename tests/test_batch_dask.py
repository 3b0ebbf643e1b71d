"""Issue 10 acceptance 2: `akn batch --scheduler` on a Dask LocalCluster of 2 workers writes
the same bytes as the local run, with fsspec URLs as well as paths."""

from __future__ import annotations

import json
import os
import time

import pytest

from convert.cli import main

from test_batch import _files, _rows, _tree

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=50) as c:
        yield c


def test_cluster_writes_what_the_local_run_writes(tmp_path, cluster, capsys):
    src = _tree(tmp_path, copies=2)
    local, remote, urls = tmp_path / "local", tmp_path / "remote", tmp_path / "urls"
    args = ["--to", "xml,html,md", "-q"]
    assert main(["batch", str(src), "-o", str(local), "-j", "2", *args]) == 1
    assert main(["batch", str(src), "-o", str(remote), "--scheduler",
                 cluster.scheduler_address, *args]) == 1
    assert main(["batch", f"file://{src}", "-o", f"file://{urls}", "--scheduler",
                 cluster.scheduler_address, *args]) == 1
    expected = _files(local)
    assert len(expected) == 4 * 3 + 1  # four good inputs in three formats, and index.html
    assert _files(remote) == expected
    assert _files(urls) == expected
    statuses = lambda out: sorted((os.path.basename(r["input"]), r["status"])  # noqa: E731
                                  for r in _rows(out / "batch-report.jsonl"))
    assert statuses(remote) == statuses(local) == statuses(urls)

    # The incremental rules hold on the cluster too: nothing to do, then one touched input.
    assert main(["batch", str(src), "-o", str(remote), "--scheduler",
                 cluster.scheduler_address, *args]) == 1
    assert sorted(r["status"] for r in _rows(remote / "batch-report.jsonl")).count(
        "skipped") == 4
    touched = src / "dc" / "ko01.txt"
    later = time.time() + 5
    os.utime(touched, (later, later))
    assert main(["batch", str(src), "-o", str(remote), "--scheduler",
                 cluster.scheduler_address, *args]) == 1
    converted = [r["input"] for r in _rows(remote / "batch-report.jsonl")
                 if r["status"] == "converted"]
    assert converted == [str(touched)]


def test_scheduler_without_a_cluster_is_one_line(tmp_path, capsys, monkeypatch):
    from convert.batch import cluster as dask_path

    monkeypatch.setattr(dask_path, "CONNECT_TIMEOUT", 1)
    src = _tree(tmp_path)
    code = main(["batch", str(src), "-o", str(tmp_path / "out"), "--scheduler",
                 "tcp://127.0.0.1:9", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "cannot reach the Dask scheduler" in err
    assert len([ln for ln in err.splitlines() if ln.startswith("akn batch: error")]) == 1


def test_cluster_writes_the_local_citation_table(tmp_path, cluster, capsys):
    """`--citations-out` on the cluster: the local run's bytes, also when every input is
    skipped and the rows are listed on the cluster's workers from the XML outputs."""
    src = _tree(tmp_path)
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    again = tmp_path / "again.jsonl"
    args = ["--to", "xml", "-q", "--citations-out"]
    assert main(["batch", str(src), "-o", str(tmp_path / "a"), *args, str(local)]) == 1
    on_cluster = ["batch", f"file://{src}", "-o", f"file://{tmp_path / 'b'}", "--scheduler",
                  cluster.scheduler_address, *args]
    assert main([*on_cluster, str(remote)]) == 1
    assert main([*on_cluster, f"file://{again}"]) == 1
    assert remote.read_bytes() == local.read_bytes() == again.read_bytes()
    assert local.stat().st_size > 10_000
