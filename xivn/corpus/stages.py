"""The stage contract: an analysis step as a function of a corpus, and the corpus layer's own stages.

A *stage* is a function ``Corpus -> DataFrame`` with a name. Per-document stages
(``per_document=True``) give, for a corpus, the rows of each document in corpus order, and nothing
in a document's rows depends on another document, so they can run on any partition of the corpus
and be concatenated (:mod:`xivn.corpus.parallel`). Corpus-wide stages (``per_document=False``) run
on the whole corpus in one process.

An *aggregate* is a corpus-wide step built from partial results: ``map(sub_corpus) -> partial``
per partition, ``combine([partial, ...]) -> partial`` (associative, so partials can be combined in
any grouping), ``finish(partial) -> DataFrame``. ``finish(combine([map(corpus)]))`` in one process
gives what a partitioned run gives.

Every analysis package declares the stages and aggregates it offers in its ``stages`` module
(``STAGES``, ``AGGREGATES``); :mod:`xivn.runner.registry` lists those modules, in one place, and
runs them. The functions are held as objects, so every import is visible to tools.

Each stage declares the data files it reads (``reads``, names resolved with
:func:`xivn.paths.data_path`), those read through the corpus's paragraphs and sentences
(:data:`TEXT_FILES`) included: the analysis store (:mod:`xivn.runner.store`) keys a stage's stored
rows on their digests, so editing a file re-runs exactly the stages that read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from xivn.corpus.corpus import Corpus


@dataclass(frozen=True)
class Stage:
    """An analysis step: ``name``, the ``function`` that computes its table from a corpus, and
    whether it works document by document. ``inputs`` pairs a keyword argument of a corpus-wide
    stage with the aggregate whose result the runner passes in it (made on the workers);
    ``takes_jobs``: the corpus-wide function accepts ``jobs`` and spreads its own per-document
    work over the run's processes (:func:`xivn.corpus.parallel.map_partitions`); ``reads``: the
    data files the function reads (bare names of shipped files, see the module docstring);
    ``options`` pairs each of those files that a caller may replace with the keyword argument of
    ``function`` that takes the replacement (a path), so a run can use a user's own taxonomy or cues."""

    name: str
    function: Callable[..., pd.DataFrame]
    per_document: bool = True
    inputs: tuple[tuple[str, str], ...] = ()
    takes_jobs: bool = False
    reads: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Aggregate:
    """A corpus-wide step built from per-partition partial results (see the module docstring)."""

    name: str
    map: Callable[[Corpus], Any]
    combine: Callable[[list[Any]], Any]
    finish: Callable[[Any], pd.DataFrame]


def paragraphs(corpus: Corpus) -> pd.DataFrame:
    """Load and structure: :attr:`Corpus.paragraphs`."""
    return corpus.paragraphs


def sentences(corpus: Corpus) -> pd.DataFrame:
    """Sentence segmentation: :attr:`Corpus.sentences`."""
    return corpus.sentences


TEXT_FILES: tuple[str, ...] = ("paragraph_kinds.toml", "abbreviations.toml")
"""The data files behind :attr:`Corpus.paragraphs` and :attr:`Corpus.sentences`, which every stage reads."""

STAGES: tuple[Stage, ...] = (
    Stage("paragraphs", paragraphs, reads=("paragraph_kinds.toml",)),
    Stage("sentences", sentences, reads=TEXT_FILES),
)
AGGREGATES: tuple[Aggregate, ...] = ()
