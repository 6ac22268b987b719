"""What the event profile gives the rare-earth analysis: its reference tables and its corridor.

The notebook's ``usgs_file``, ``places_file`` and ``route`` parameters are empty by default,
meaning "from the profile" (:meth:`~xivn.event.EventProfile.reference_file`,
:func:`corridor_route`). A profile without a USGS table, a places table or a corridor gives none:
the notebook says so and checks or draws nothing. The corridor is drawn only when the corpus
names it (:attr:`Route.named`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xivn.corpus import Corpus
from xivn.event import EventProfile


@dataclass(frozen=True)
class Route:
    """A route to draw: its ``name`` ("" when given as stations only), its ``stations`` in route
    order (name prefixes in the places table; none when there is no corridor), ``named`` (whether
    the corpus names it) and ``documents`` (the labels of the documents that do)."""

    name: str
    stations: tuple[str, ...]
    named: bool
    documents: tuple[str, ...] = ()

    @property
    def drawn(self) -> tuple[str, ...]:
        """The stations to draw: all of them when the corpus names the route, else none."""
        return self.stations if self.named else ()


def corridor_route(corpus: Corpus, profile: EventProfile, route: Sequence[str] = ()) -> Route:
    """The route the notebook maps: ``route`` (a notebook parameter) when given, else the profile's
    corridor (none when the profile has no corridor). It counts as named when a document's article
    text names the corridor (its name, any dashes or spaces between its words) or both its end
    stations."""
    corridor = profile.corridor
    name = "" if route or corridor is None else corridor.name
    stations = tuple(route) or (corridor.stations if corridor else ())
    if not stations:
        return Route(name, (), False)
    patterns = [_words(name)] if name else []
    ends = [_words(stations[0]), _words(stations[-1])]
    text = corpus.article_sentences().groupby("doc_id", sort=False)["text"].agg(" ".join)
    labels = corpus.labels()
    naming = tuple(
        labels[doc_id]
        for doc_id, words in text.items()
        if any(p.search(words) for p in patterns) or all(p.search(words) for p in ends)
    )
    return Route(name, stations, bool(naming), naming)


def _words(name: str) -> re.Pattern[str]:
    """A name as a case-insensitive pattern: its words in order, any dash or spaces between them."""
    words = [re.escape(word) for word in re.split(r"[\s\-–—]+", name) if word]
    return re.compile(r"\b" + r"[\s\-–—]+".join(words) + r"\b", re.IGNORECASE)
