"""The event the notebooks narrate, as data, and which documents of a corpus are about it.

- :mod:`~xivn.event.profile` — :func:`load_event`: an event profile file (parties, dates, places,
  participants, the words that name the event, its slogan and outcomes, the reference tables of
  the fact checks), validated; the 2023 state visit of Xi Jinping to Vietnam is the default;
- :mod:`~xivn.event.scope` — :func:`scope_table`: per document, the country pairs it covers and how
  closely it is about the event, with the evidence (:func:`scope_evidence`) and a plain reason.
"""

from xivn.event.profile import DEFAULT_EVENT, EventProfile, Participant, load_event, pair_label

__all__ = ["DEFAULT_EVENT", "EventProfile", "Participant", "load_event", "pair_label"]
