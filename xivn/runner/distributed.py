"""Running the per-document stages and the aggregates on a Dask cluster.

The work is the same as in :mod:`xivn.runner.processes`, with the same functions: the corpus is cut into
contiguous partitions of documents (``corpus.subset(ids)``), a ``dask.bag`` maps
:func:`xivn.runner.processes.run_on_part` over the sub-corpora on the workers, and the tables come back
concatenated in corpus order, equal to the in-process result. Aggregates run their ``map`` on the
workers and ``combine`` + ``finish`` here. Needs the ``dask`` extra (``pip install xivn[dask]``)::

    from dask.distributed import Client
    from xivn.runner.distributed import run_stages_on_dask

    client = Client("tcp://scheduler:8786")          # an existing cluster
    tables = run_stages_on_dask(corpus, ["paragraphs", "sentences"], client=client)

The workers need xivn installed (the same version); documents travel to them inside the
partitions, so they need no access to the corpus folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from xivn.corpus.parallel import concat_parts, partition
from xivn.runner.processes import run_on_part
from xivn.runner.registry import aggregate, stage

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from distributed import Client

    from xivn.corpus.corpus import Corpus

DOCUMENTS_PER_PARTITION = 250


def _partitions(corpus: Corpus, npartitions: int | None) -> list[Corpus]:
    parts = npartitions or max(1, -(-len(corpus) // DOCUMENTS_PER_PARTITION))
    return [corpus.subset(ids) for ids in partition(corpus.doc_ids, parts)]


def run_stages_on_dask(
    corpus: Corpus, names: Sequence[str], *, client: Client | None = None, npartitions: int | None = None
) -> dict[str, pd.DataFrame]:
    """Run per-document stages on Dask; returns ``{stage name: table}`` equal to the in-process
    :func:`xivn.runner.processes.run_stages`.

    ``client`` is a ``dask.distributed.Client`` (None: Dask's default scheduler, or the client
    made most recently). ``npartitions`` defaults to one per 250 documents.
    """
    import dask.bag as db

    from xivn.errors import ParameterError

    for name in names:
        if not stage(name).per_document:
            raise ParameterError(f"stage {name!r} needs the whole corpus; run it with xivn.runner.run_stages")
    subsets = _partitions(corpus, npartitions)
    bag = db.from_sequence(subsets, npartitions=len(subsets)).map(run_on_part, list(names))
    outputs = _gather(bag, client)
    return {name: concat_parts([out[name] for out in outputs]) for name in names}


def run_aggregate_on_dask(
    corpus: Corpus, name: str, *, client: Client | None = None, npartitions: int | None = None
) -> Any:
    """Run a registered aggregate: ``map`` per partition on the workers, ``combine`` and
    ``finish`` here. Equal to :func:`xivn.runner.processes.run_aggregate`."""
    import dask.bag as db

    entry = aggregate(name)
    subsets = _partitions(corpus, npartitions)
    bag = db.from_sequence(subsets, npartitions=len(subsets)).map(run_on_part, [], [name])
    return entry.finish(entry.combine([out[name] for out in _gather(bag, client)]))


def _gather(bag: Any, client: Client | None) -> list[Any]:
    """The bag's items in partition order, computed on ``client`` (or Dask's default)."""
    if client is None:
        return list(bag.compute())
    return list(client.compute(bag).result())
