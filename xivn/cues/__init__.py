"""The cue layer: the one cue-matching engine and the one loader of data files.

- :mod:`~xivn.cues.engine` — hits of cue patterns in a text, the overlap rules, clauses, the nearest cue;
- :mod:`~xivn.cues.exclusions` — sense checks: wordings (a data file) that veto the cue hits they overlap;
- :mod:`~xivn.cues.prefilter` — patterns skip texts that lack a word every match needs (one Aho-Corasick pass);
- :mod:`~xivn.cues.datafiles` — reading the editable TOML and CSV data files, with errors naming file and entry;
- :mod:`~xivn.cues.reference` — reading the reference tables (official statistics) the analyses check against.

Nothing here knows a corpus or an analysis: the corpus layer and every analysis build on it.
"""
