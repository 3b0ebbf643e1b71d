"""Convert a whole tree of opinions: `akn batch SRC -o OUT` (the command line is
`convert/cli/batch.py`; this package never imports it).

- `storage`: inputs and outputs as local paths or fsspec URLs; atomic output sets.
- `plan`: which inputs, where their outputs go, which are already up to date.
- `work`: converting one input in a worker, with seconds per stage.
- `local`: worker processes on this machine; Ctrl-C and SIGTERM stop them cleanly.
- `cluster`: the same work on a Dask distributed cluster (the `dask` extra).
- `report`: the JSON Lines report, the manifest that makes reruns incremental, the summary.
- `site_index`: `index.html` listing the converted opinions.
"""

from __future__ import annotations

from .plan import Job, Plan, UsageError, make_plan
from .run import BatchResult, run_batch

__all__ = ["BatchResult", "Job", "Plan", "UsageError", "make_plan", "run_batch"]
