"""The runner layer: the registered stages of every analysis, run in process, on worker processes or on Dask.

- :mod:`xivn.runner.registry` — the one list of analyses whose stages can run (``STAGES``, ``AGGREGATES``);
- :mod:`xivn.runner.processes` — :func:`run_stages`: partitions of the corpus on worker processes;
- :mod:`xivn.runner.store` — the analysis store: per-document tables on disk, reused by later runs;
- :mod:`xivn.runner.distributed` — the same stages on a Dask cluster (extra ``dask``).
"""

from xivn.runner.processes import run_aggregate, run_stages
from xivn.runner.registry import AGGREGATES, STAGES

__all__ = ["AGGREGATES", "STAGES", "run_aggregate", "run_stages"]
