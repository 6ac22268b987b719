"""xivn: structured news texts about Xi Jinping's state visit to Vietnam (12-13 December 2023).

The public surface is small; names are imported lazily so that ``import xivn`` stays fast (pandas
and matplotlib load only when a table or a figure is asked for)::

    import xivn
    corpus = xivn.load_corpus()          # the bundled seeds, or load_corpus("my/folder")
    corpus.paragraphs                    # doc_id, par_id, kind, is_chrome, start, end, text

Naming rule: modules are nouns; functions name the table they return (``amounts``,
``deal_mentions``) or start with a verb (``load_corpus``, ``parse_amounts``). A module never has
the name of a function exported here (``xivn.amounts`` must stay the function), and ``_EXPORTS``
names the module that defines each name; ``tests/test_packaging.py`` checks both.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Corpus": "xivn.corpus",
    "load_corpus": "xivn.corpus",
    "paragraph_kinds": "xivn.corpus",
    "XivnError": "xivn.errors",
    "CorpusError": "xivn.errors",
    "MetadataError": "xivn.errors",
    "DataFileError": "xivn.errors",
    "ParameterError": "xivn.errors",
    "RenderError": "xivn.errors",
    "LayerError": "xivn.errors",
    "XivnWarning": "xivn.errors",
    "frame_evidence": "xivn.framing",
    "frame_profile": "xivn.framing",
    "frame_agreement": "xivn.framing",
    "slogan_renderings": "xivn.framing",
    "tone": "xivn.tonality",
    "stance_markers": "xivn.tonality",
    "voices": "xivn.speakers",
    "keyness": "xivn.log_odds",
    "rewrites": "xivn.derivation",
    "align": "xivn.derivation",
    "rewrite_candidates": "xivn.near_duplicates",
    "seeds_dir": "xivn.paths",
    "data_path": "xivn.paths",
    "reference_path": "xivn.paths",
    "parse_amounts": "xivn.money",
    "parse_unit": "xivn.money",
    "MoneyAmount": "xivn.money",
    "amounts": "xivn.trade",
    "trade_figures": "xivn.trade",
    "trade_consistency": "xivn.trade_checks",
    "trade_balances": "xivn.trade_checks",
    "trade_reference": "xivn.trade_checks",
    "fact_check_trade": "xivn.trade_checks",
    "mirror_gaps": "xivn.trade_checks",
    "concordance": "xivn.rare_earths",
    "rare_earth_claims": "xivn.rare_earths",
    "load_claims": "xivn.rare_earths",
    "claim_matrix": "xivn.rare_earths",
    "claim_quotes": "xivn.rare_earths",
    "omissions": "xivn.rare_earths",
    "load_usgs": "xivn.rare_earths",
    "reserve_ranks": "xivn.rare_earths",
    "production_shares": "xivn.rare_earths",
    "reserves_vs_production": "xivn.rare_earths",
    "verdicts": "xivn.rare_earths",
    "load_places": "xivn.maps",
    "draw_corridor": "xivn.maps",
    "distances_to_route": "xivn.maps",
    "load_taxonomy": "xivn.taxonomy",
    "load_deal_cues": "xivn.taxonomy",
    "deal_mentions": "xivn.deals",
    "deal_counts": "xivn.deal_numbers",
    "deal_coverage": "xivn.deals",
    "deal_outcomes": "xivn.deals",
    "partner_packages": "xivn.deals",
    "reference_counts": "xivn.deal_numbers",
    "count_conflicts": "xivn.deal_numbers",
    "show": "xivn.viewer",
    "escape_markdown": "xivn.text",
    "render": "xivn.report",
}

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus import Corpus, load_corpus, paragraph_kinds
    from xivn.deal_numbers import count_conflicts, deal_counts, reference_counts
    from xivn.deals import deal_coverage, deal_mentions, deal_outcomes, partner_packages
    from xivn.derivation import align, rewrites
    from xivn.errors import (
        CorpusError,
        DataFileError,
        LayerError,
        MetadataError,
        ParameterError,
        RenderError,
        XivnError,
        XivnWarning,
    )
    from xivn.framing import frame_agreement, frame_evidence, frame_profile, slogan_renderings
    from xivn.log_odds import keyness
    from xivn.maps import distances_to_route, draw_corridor, load_places
    from xivn.money import MoneyAmount, parse_amounts, parse_unit
    from xivn.near_duplicates import rewrite_candidates
    from xivn.paths import data_path, reference_path, seeds_dir
    from xivn.rare_earths import (
        claim_matrix,
        claim_quotes,
        concordance,
        load_claims,
        load_usgs,
        omissions,
        production_shares,
        rare_earth_claims,
        reserve_ranks,
        reserves_vs_production,
        verdicts,
    )
    from xivn.report import render
    from xivn.speakers import voices
    from xivn.taxonomy import load_deal_cues, load_taxonomy
    from xivn.text import escape_markdown
    from xivn.tonality import stance_markers, tone
    from xivn.trade import amounts, trade_figures
    from xivn.trade_checks import fact_check_trade, mirror_gaps, trade_balances, trade_consistency, trade_reference
    from xivn.viewer import show

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'xivn' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
