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
    "Corpus": "xivn.corpus.corpus",
    "load_corpus": "xivn.corpus.corpus",
    "paragraph_kinds": "xivn.corpus.corpus",
    "XivnError": "xivn.errors",
    "CorpusError": "xivn.errors",
    "MetadataError": "xivn.errors",
    "DataFileError": "xivn.errors",
    "ParameterError": "xivn.errors",
    "RenderError": "xivn.errors",
    "LayerError": "xivn.errors",
    "XivnWarning": "xivn.errors",
    "frame_evidence": "xivn.framing.frames",
    "frame_profile": "xivn.framing.frames",
    "frame_agreement": "xivn.framing.frames",
    "slogan_renderings": "xivn.framing.frames",
    "tone": "xivn.framing.tonality",
    "stance_markers": "xivn.framing.tonality",
    "voices": "xivn.framing.speakers",
    "keyness": "xivn.framing.keywords",
    "rewrites": "xivn.framing.rewrite_detection",
    "align": "xivn.framing.rewrite_detection",
    "rewrite_candidates": "xivn.framing.near_duplicates",
    "seeds_dir": "xivn.paths",
    "data_path": "xivn.paths",
    "reference_path": "xivn.paths",
    "parse_amounts": "xivn.trade.money",
    "parse_unit": "xivn.trade.money",
    "MoneyAmount": "xivn.trade.money",
    "amounts": "xivn.trade.figures",
    "trade_figures": "xivn.trade.figures",
    "trade_consistency": "xivn.trade.checks",
    "trade_balances": "xivn.trade.checks",
    "trade_reference": "xivn.trade.checks",
    "fact_check_trade": "xivn.trade.checks",
    "mirror_gaps": "xivn.trade.checks",
    "concordance": "xivn.rare_earths.claims",
    "rare_earth_claims": "xivn.rare_earths.claims",
    "load_claims": "xivn.rare_earths.claims",
    "claim_matrix": "xivn.rare_earths.claims",
    "claim_quotes": "xivn.rare_earths.claims",
    "omissions": "xivn.rare_earths.claims",
    "load_usgs": "xivn.rare_earths.claims",
    "reserve_ranks": "xivn.rare_earths.claims",
    "production_shares": "xivn.rare_earths.claims",
    "reserves_vs_production": "xivn.rare_earths.claims",
    "verdicts": "xivn.rare_earths.claims",
    "load_places": "xivn.rare_earths.corridor",
    "draw_corridor": "xivn.rare_earths.corridor",
    "distances_to_route": "xivn.rare_earths.corridor",
    "load_taxonomy": "xivn.deals.taxonomy",
    "load_deal_cues": "xivn.deals.taxonomy",
    "deal_mentions": "xivn.deals.mentions",
    "deal_counts": "xivn.deals.counts",
    "deal_coverage": "xivn.deals.mentions",
    "deal_outcomes": "xivn.deals.mentions",
    "partner_packages": "xivn.deals.mentions",
    "reference_counts": "xivn.deals.counts",
    "count_conflicts": "xivn.deals.counts",
    "show": "xivn.display.viewer",
    "escape_markdown": "xivn.display.escaping",
    "render": "xivn.report.rendering",
}

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus.corpus import Corpus, load_corpus, paragraph_kinds
    from xivn.deals.counts import count_conflicts, deal_counts, reference_counts
    from xivn.deals.mentions import deal_coverage, deal_mentions, deal_outcomes, partner_packages
    from xivn.deals.taxonomy import load_deal_cues, load_taxonomy
    from xivn.display.escaping import escape_markdown
    from xivn.display.viewer import show
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
    from xivn.framing.frames import frame_agreement, frame_evidence, frame_profile, slogan_renderings
    from xivn.framing.keywords import keyness
    from xivn.framing.near_duplicates import rewrite_candidates
    from xivn.framing.rewrite_detection import align, rewrites
    from xivn.framing.speakers import voices
    from xivn.framing.tonality import stance_markers, tone
    from xivn.paths import data_path, reference_path, seeds_dir
    from xivn.rare_earths.claims import (
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
    from xivn.rare_earths.corridor import distances_to_route, draw_corridor, load_places
    from xivn.report.rendering import render
    from xivn.trade.checks import fact_check_trade, mirror_gaps, trade_balances, trade_consistency, trade_reference
    from xivn.trade.figures import amounts, trade_figures
    from xivn.trade.money import MoneyAmount, parse_amounts, parse_unit

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
