"""The event the notebooks narrate, as data, and which documents of a corpus are about it.

- :mod:`~xivn.event.profile` — :func:`load_event`: an event profile file (parties, dates, places,
  participants, the words that name the event, its slogan and outcomes, the reference tables of
  the fact checks), validated; the 2023 state visit of Xi Jinping to Vietnam is the default;
- :mod:`~xivn.event.scope` — :func:`scope_table`: per document, the country pairs it covers
  (:func:`country_pairs`) and how closely it is about the event, with the evidence
  (:func:`scope_evidence`) and a plain reason; the verdicts are :func:`verdicts`;
- :mod:`~xivn.event.selection` — :func:`select`: the documents a notebook analyses (its ``scope``
  parameter) and the sentences that say what was left out and why (:func:`with_scope`);
- :mod:`~xivn.event.timing` — :func:`document_timing`: whether each document was written before,
  during or after the event, and from what that is known.
"""

from xivn.event.profile import DEFAULT_EVENT, EventProfile, Participant, load_event, pair_label
from xivn.event.scope import VERDICTS, country_pairs, scope_evidence, scope_table, verdicts
from xivn.event.selection import COPIES, SCOPES, Selection, event_dates, repeated_copies, select, with_scope
from xivn.event.timing import TIMINGS, document_timing

__all__ = [
    "COPIES",
    "DEFAULT_EVENT",
    "SCOPES",
    "TIMINGS",
    "VERDICTS",
    "EventProfile",
    "Participant",
    "Selection",
    "country_pairs",
    "document_timing",
    "event_dates",
    "load_event",
    "pair_label",
    "repeated_copies",
    "scope_evidence",
    "scope_table",
    "select",
    "verdicts",
    "with_scope",
]
