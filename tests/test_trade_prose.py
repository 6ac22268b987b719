"""The trade notebook's sentences, from small tables written by hand: empty, one, many, missing values
and corpus text holding Markdown, HTML or dollar signs (which must come out escaped)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from xivn.display.markdown import Markdown
from xivn.trade import prose

EVIL = "*Evil* $x$ <b>"
EVIL_ESCAPED = r"\*Evil\* \$x\$ &lt;b\>"

BALANCE_COLUMNS = ["partner", "year", "exports", "imports", "total", "balance", "export_import_ratio"]
CONSISTENCY_COLUMNS = ["doc_id", "partner", "exports", "imports", "total", "difference", "verdict"]
CHECK_COLUMNS = [
    "doc_id",
    "start",
    "quote",
    "reporter",
    "partner",
    "flow",
    "period",
    "attribution",
    "credited_country",
    "check",
    "publisher",
    "source",
    "reference_usd_bn",
    "gap_usd_bn",
    "gap_pct",
    "verdict",
]
GAP_COLUMNS = ["reporter", "partner", "flow", "year", "reporter_usd_bn", "partner_usd_bn", "gap_usd_bn", "gap_pct"]


def balances(*rows) -> pd.DataFrame:
    """Rows of (partner, exports, imports); balance and ratio as trade_balances computes them."""
    table = [(p, 2022, x, m, x + m, x - m, round(x / m, 4) if m else (math.inf if x else math.nan)) for p, x, m in rows]
    return pd.DataFrame(table, columns=BALANCE_COLUMNS)


def consistency(*rows) -> pd.DataFrame:
    """Rows of (partner, difference, verdict)."""
    return pd.DataFrame([("d1", p, 1.0, 2.0, 3.0, d, v) for p, d, v in rows], columns=CONSISTENCY_COLUMNS).astype(
        {"difference": float}
    )


def check_row(**values) -> dict:
    row = dict.fromkeys(CHECK_COLUMNS, "")
    row.update(
        doc_id="d1", start=0, quote="$10 billion", reporter="Vietnam", partner="China", flow="exports", period="2022"
    )
    row.update(check="same side")
    row.update(reference_usd_bn=10.0, gap_usd_bn=0.0, gap_pct=0.0, verdict="matches")
    row.update(values)
    return row


def checks(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=CHECK_COLUMNS)


def figures(*attributions, doc_ids=None) -> pd.DataFrame:
    doc_ids = doc_ids or ["d1"] * len(attributions)
    return pd.DataFrame({"doc_id": doc_ids, "quote": "$1 billion", "attribution": list(attributions)})


def money(n: int) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d1"] * n, "quote": ["$1 billion"] * n, "category": ["trade"] * n})


def text(markdown: Markdown) -> str:
    assert isinstance(markdown, Markdown)
    return markdown.data


# --------------------------------------------------------------------------- bottom line
def bottom(**changes) -> str:
    arguments = {
        "documents": 3,
        "money": money(2),
        "figures": figures("", doc_ids=["d1"]),
        "balances": balances(("China", 5.0, 7.5)),
        "consistency": consistency(("China", 0.0, "adds up")),
        "check": checks(),
        "labels": {"d1": "Wire", "d2": "Blog"},
        "reporter": "Vietnam",
        "year": 2022,
    }
    return text(prose.bottom_line(**{**arguments, **changes}))


def test_bottom_line_of_an_empty_selection_counts_the_corpus():
    assert bottom(figures=figures(), documents=1, money=money(1)) == (
        "**Bottom line.** No document of this corpus (1 document, 1 money amount) states a trade flow of "
        "Vietnam for 2022, so there is nothing to balance or check."
    )
    assert "(0 documents, 0 money amounts)" in bottom(figures=figures(), documents=0, money=money(0))


def test_bottom_line_of_one_document_and_one_flow():
    assert bottom() == (
        "**Bottom line.** Wire states 1 trade flow of Vietnam for 2022; 1 of 1 totals add up, and they show "
        "a deficit of \\$2.50bn with China."
    )


def test_bottom_line_of_many_documents_names_them_and_the_widest_mirror_gap():
    mirror = [
        check_row(
            check="mirror", publisher="US (Census)", partner="US", quote="$109.39 billion", reference_usd_bn=127.52
        )
        | {"gap_usd_bn": 18.13, "gap_pct": 0.1657, "verdict": "partner reports more"},
        check_row(check="mirror", publisher="Other", gap_usd_bn=-1.0, gap_pct=-0.1, verdict="partner reports less"),
    ]
    line = bottom(
        figures=figures("", "", "", doc_ids=["d2", "d1", "d2"]),
        balances=balances(("China", 5.0, 7.5), ("US", 10.0, 4.0)),
        consistency=consistency(("China", 0.0, "adds up"), ("US", 1.0, "does not add up")),
        check=checks(*mirror),
    )
    assert line == (
        "**Bottom line.** Blog, Wire state 3 trade flows of Vietnam for 2022; 1 of 2 totals add up, and they show "
        "a deficit of \\$2.50bn with China and a surplus of \\$6.00bn with US. The partner's own statistics differ: "
        "US \\(Census\\) counts \\$127.52bn where the text says \\$109\\.39 billion (Vietnam's exports, partner US), "
        "a gap of +17%."
    )


def test_bottom_line_says_agree_when_the_widest_mirror_gap_matches():
    line = bottom(check=checks(check_row(check="mirror", publisher="P", gap_pct=np.nan)))
    assert "The partner's own statistics agree: P counts \\$10.00bn" in line
    assert "a gap of an unknown share." in line


def test_bottom_line_skips_missing_balances_and_values():
    line = bottom(
        balances=balances(("China", math.nan, 7.5)),
        consistency=consistency(),
        check=checks(check_row(check="mirror", reference_usd_bn=math.nan, gap_usd_bn=math.nan, verdict="not found")),
    )
    assert line.endswith("no stated total can be checked, and they show no computable balance.")


def test_bottom_line_escapes_labels_partners_quotes_and_publishers():
    mirror = check_row(check="mirror", publisher=EVIL, partner=EVIL, quote=EVIL, gap_usd_bn=3.0, verdict="differs")
    line = bottom(labels={"d1": EVIL}, balances=balances((EVIL, 1.0, 2.0)), check=checks(mirror))
    assert line.startswith(f"**Bottom line.** {EVIL_ESCAPED} states 1 trade flow")
    assert f"with {EVIL_ESCAPED}." in line
    assert f"{EVIL_ESCAPED} counts \\$10.00bn where the text says {EVIL_ESCAPED} (Vietnam's exports, partner" in line
    assert "<b>" not in line and "$x$" not in line


# ---------------------------------------------------------------------- figures sentence
def flows(stated=1, attributions=("",), money_rows=1, max_rows=20) -> str:
    chosen = figures(*attributions)
    return text(
        prose.figures_sentence(
            money=money(money_rows),
            stated=money(stated + len(chosen)),
            figures=chosen,
            reporter="Vietnam",
            year=2022,
            max_rows=max_rows,
        )
    )


def test_figures_sentence_without_any_amount():
    assert flows(stated=0, attributions=(), money_rows=0) == (
        "The article text states no money amount, so no trade flow of Vietnam in 2022. "
        "No sentence names the source of its figures."
    )


def test_figures_sentence_of_one_flow_and_one_left_out():
    assert flows(stated=1, attributions=("GSO",), money_rows=3) == (
        "1 of the 3 money amounts is a trade flow of Vietnam in 2022; 1 other trade figure (other years, partners "
        "or reporters) is left out. The text credits *GSO* for the figures of its sentence."
    )


def test_figures_sentence_of_many_flows_credits_every_source_and_counts_cut_rows():
    sentence = flows(stated=2, attributions=("", "GSO", "Customs", "GSO"), money_rows=6, max_rows=3)
    assert sentence == (
        "4 of the 6 money amounts are trade flows of Vietnam in 2022; 2 other trade figures (other years, partners "
        "or reporters) are left out. The texts credit *GSO*, *Customs* for the figures of their sentences. "
        "The table shows the first 3 of 4 trade flows."
    )


def test_figures_sentence_ignores_missing_attributions():
    sentence = flows(stated=0, attributions=(None, math.nan, pd.NA, ""))
    assert sentence.endswith("No sentence names the source of its figures.")


def test_figures_sentence_escapes_the_attribution():
    assert f"The text credits *{EVIL_ESCAPED}* for" in flows(stated=0, attributions=(EVIL,))


# ----------------------------------------------------------------------- totals sentence
def test_totals_sentence_of_no_total():
    assert text(prose.totals_sentence(consistency(), 20)) == (
        "No document states a total together with both exports and imports."
    )


def test_totals_sentence_of_one_total_that_adds_up():
    assert text(prose.totals_sentence(consistency(("China", -0.01, "adds up")), 20)) == (
        "1 of 1 stated total equals exports + imports within rounding (largest difference \\$0.01bn)."
    )


def test_totals_sentence_of_one_total_that_does_not():
    assert text(prose.totals_sentence(consistency(("Japan", 2.7, "does not add up")), 20)) == (
        "0 of 1 stated total equal exports + imports within rounding; Japan does not: off by \\$2.70bn."
    )


def test_totals_sentence_of_many_names_those_off_and_counts_cut_rows():
    table = consistency(
        ("China", 0.0, "adds up"),
        ("US", 0.02, "adds up"),
        ("Japan", 2.7, "does not add up"),
        ("Korea", -1.5, "does not add up"),
        ("Laos", math.nan, "no parts stated"),
        ("Cambodia", math.nan, "no total stated"),
    )
    assert text(prose.totals_sentence(table, 2)) == (
        "2 of 4 stated totals equal exports + imports within rounding (largest difference \\$0.02bn); "
        "Japan, Korea do not: off by \\$2.70bn, -\\$1.50bn. 1 stated total has no exports or imports beside it, "
        "so it is not checked. The table shows the first 2 of 6 rows."
    )


def test_totals_sentence_escapes_partners():
    sentence = text(prose.totals_sentence(consistency((EVIL, 1.0, "does not add up")), 20))
    assert f"; {EVIL_ESCAPED} does not" in sentence


# ----------------------------------------------------------------------- ratios sentence
def test_ratios_sentence_without_a_pair():
    assert text(prose.ratios_sentence(balances(), "Vietnam")) == "No exports/imports pair is stated, so no ratio."
    missing = balances(("China", math.nan, 2.0))
    assert text(prose.ratios_sentence(missing, "Vietnam")) == "No exports/imports pair is stated, so no ratio."


def test_ratios_sentence_of_one_partner_that_sells_more():
    assert text(prose.ratios_sentence(balances(("US", 109.39, 14.47)), "Vietnam")) == (
        "Vietnam sells 7.56 times as much to US as it buys from it."
    )


def test_ratios_sentence_of_many_partners_has_one_subject():
    table = balances(("China", 57.7, 117.87), ("US", 109.39, 14.47), ("Laos", 0.0, 1.0), ("Peru", 1.0, 0.0))
    assert text(prose.ratios_sentence(table, "Vietnam")) == (
        "Vietnam buys 2.04 times as much from China as it sells there; sells 7.56 times as much to US as it buys "
        "from it; buys from Laos but sells nothing there; sells to Peru but buys nothing from it."
    )


def test_ratios_sentence_skips_missing_ratios_and_escapes():
    table = pd.concat([balances((EVIL, 2.0, 1.0)), balances(("China", 1.0, 1.0)).assign(export_import_ratio=pd.NA)])
    assert (
        text(prose.ratios_sentence(table, "Vietnam"))
        == f"Vietnam sells 2.00 times as much to {EVIL_ESCAPED} as it buys from it."
    )


# ---------------------------------------------------------------------- pattern sentence
def test_pattern_sentence_needs_a_deficit_and_a_surplus():
    expected = (
        "The stated figures do not show both a deficit and a surplus for Vietnam, so there is no pattern to read."
    )
    assert text(prose.pattern_sentence(balances(), "Vietnam")) == expected
    assert text(prose.pattern_sentence(balances(("US", 3.0, 1.0)), "Vietnam")) == expected
    assert text(prose.pattern_sentence(balances(("US", 3.0, 1.0), ("China", math.nan, 2.0)), "Vietnam")) == expected


def test_pattern_sentence_of_one_surplus_and_one_deficit_is_singular():
    assert text(prose.pattern_sentence(balances(("China", 57.7, 117.87), ("US", 109.39, 14.47)), "Vietnam")) == (
        "The surplus (\\$94.92bn, with US) is 1.58 times the deficit (\\$60.17bn, with China): on these figures "
        "Vietnam earns from one partner what it spends with the other. The numbers fit the familiar account of "
        "inputs bought from China and finished goods sold to US, but bilateral balances cannot show that the same "
        "goods are involved."
    )


def test_pattern_sentence_of_many_partners_is_plural():
    table = balances(("China", 1.0, 5.0), ("Korea", 1.0, 3.0), ("US", 9.0, 1.0))
    assert text(prose.pattern_sentence(table, "Vietnam")) == (
        "The surplus (\\$8.00bn, with US) is 1.33 times the deficits (\\$6.00bn, with China, Korea): on these "
        "figures Vietnam earns from 1 partner what it spends with 2 others. The numbers fit the familiar account "
        "of inputs bought from China, Korea and finished goods sold to US, but bilateral balances cannot show that "
        "the same goods are involved."
    )


def test_pattern_sentence_escapes_partners():
    sentence = text(prose.pattern_sentence(balances((EVIL, 1.0, 5.0), ("US", 9.0, 1.0)), "Vietnam"))
    assert f"(\\$4.00bn, with {EVIL_ESCAPED})" in sentence
    assert "<b>" not in sentence


# ------------------------------------------------------------------ attribution sentence
def test_attribution_sentence_without_any_comparison():
    expected = "No stated figure could be checked against the reference set."
    assert text(prose.attribution_sentence(checks(), 20)) == expected
    missing = check_row(reference_usd_bn=math.nan, gap_usd_bn=math.nan, gap_pct=math.nan, verdict="no reference row")
    assert text(prose.attribution_sentence(checks(missing, missing | {"period": "2021"}), 20)) == (
        f"{expected} There is no reference row for Vietnam's exports to China in 2022, Vietnam's exports to China "
        "in 2021, so those 2 figures have no same-side check."
    )


def test_attribution_sentence_of_one_credited_source_that_is_wrong():
    row = check_row(attribution="China’s customs", credited_country="China", publisher="Vietnam (GSO)")
    assert text(prose.attribution_sentence(checks(row), 20)) == (
        "The text credits *China’s customs* (China). The figures that match are published by Vietnam \\(GSO\\) — "
        "not by the credited country: the attribution is wrong."
    )


def test_attribution_sentence_of_a_right_source_and_an_uncredited_text():
    right = check_row(attribution="GSO", credited_country="Vietnam", publisher="Vietnam (GSO)")
    assert text(prose.attribution_sentence(checks(right), 20)).endswith("— the credited source.")
    unsaid = check_row(publisher="Vietnam (GSO)")
    assert text(prose.attribution_sentence(checks(unsaid), 20)) == (
        "The text does not say whose statistics it quotes. The figures that match are published by Vietnam \\(GSO\\)."
    )


def test_attribution_sentence_of_many_sources_and_cut_rows():
    rows = [
        check_row(attribution="GACC", credited_country="China", publisher="Vietnam (GSO)"),
        check_row(attribution="Census", credited_country="United States", publisher="Vietnam (Customs)"),
        check_row(attribution="Census", credited_country="United States", verdict="differs", publisher="US"),
    ]
    assert text(prose.attribution_sentence(checks(*rows), 2)) == (
        "The texts credit *GACC* (China), *Census* (United States). The figures that match are published by "
        "Vietnam \\(Customs\\); Vietnam \\(GSO\\) — not by the credited countries: the attribution is wrong. "
        "The table shows the first 2 of 3 comparisons."
    )


def test_attribution_sentence_without_a_match_and_with_missing_values():
    row = check_row(credited_country=math.nan, attribution=None, publisher=math.nan, verdict="differs")
    assert text(prose.attribution_sentence(checks(row), 20)) == (
        "The text does not say whose statistics it quotes. No stated figure matches a published one."
    )


def test_attribution_sentence_escapes_attribution_and_publishers():
    row = check_row(attribution=EVIL, credited_country="China", publisher=EVIL)
    sentence = text(prose.attribution_sentence(checks(row), 20))
    assert sentence.startswith(
        f"The text credits *{EVIL_ESCAPED}* (China). The figures that match are published by {EVIL_ESCAPED} —"
    )


# ----------------------------------------------------------------------- mirror sentence
def gaps(*rows) -> pd.DataFrame:
    """Rows of (partner, year, reporter's figure, partner's figure)."""
    return pd.DataFrame(
        [
            ("Vietnam", p, "total", y, r, q, round(q - r, 6), round((q - r) / r, 4) if r else math.inf)
            for p, y, r, q in rows
        ],
        columns=GAP_COLUMNS,
    )


def test_mirror_sentence_without_a_mirror_check():
    assert text(prose.mirror_sentence(checks(), gaps(), "Vietnam", 2022)) == "No partner-side figure applies here."
    same = checks(check_row())
    assert text(prose.mirror_sentence(same, gaps(), "Vietnam", 2022)) == "No partner-side figure applies here."


def test_mirror_sentence_when_every_mirror_figure_is_found():
    found = checks(check_row(check="mirror"))
    assert (
        text(prose.mirror_sentence(found, gaps(), "Vietnam", 2022)) == "Every checked flow has a partner-side figure."
    )


def test_mirror_sentence_of_one_missing_partner_with_an_earlier_gap():
    missing = checks(check_row(check="mirror", reference_usd_bn=math.nan, gap_usd_bn=math.nan, verdict="not found"))
    assert text(prose.mirror_sentence(missing, gaps(("China", 2021, 165.9, 230.2)), "Vietnam", 2022)) == (
        "China's own figure for 2022 was not found in the reference set, so those flows are checked against one "
        "side only. For scale: in 2021, China reported \\$230.2bn of total trade against Vietnam's \\$165.9bn, a gap "
        "of \\$64.3bn (+39%)."
    )


def test_mirror_sentence_of_many_missing_partners():
    rows = [
        check_row(check="mirror", partner=p, reference_usd_bn=math.nan, gap_usd_bn=math.nan, verdict="not found")
        for p in ("Laos", "China", "Laos")
    ]
    earlier = gaps(("China", 2020, 100.0, 90.0), ("Laos", 2021, 1.0, 1.0))
    assert text(prose.mirror_sentence(checks(*rows), earlier, "Vietnam", 2022)) == (
        "The partners' own figures for 2022 (China, Laos) were not found in the reference set, so those flows are "
        "checked against one side only. For scale: in 2020, China reported \\$90.0bn of total trade against "
        "Vietnam's \\$100.0bn, a gap of -\\$10.0bn (-10%). For scale: in 2021, Laos reported \\$1.0bn of total trade "
        "against Vietnam's \\$1.0bn, a gap of \\$0.0bn (+0%)."
    )


def test_mirror_sentence_with_a_missing_share_and_an_escaped_partner():
    row = check_row(check="mirror", partner=EVIL, reference_usd_bn=math.nan, gap_usd_bn=math.nan)
    earlier = gaps((EVIL, 2021, 0.0, 1.0))
    sentence = text(prose.mirror_sentence(checks(row), earlier, "Vietnam", 2022))
    assert sentence.startswith(f"{EVIL_ESCAPED}'s own figure for 2022 was not found")
    assert f"in 2021, {EVIL_ESCAPED} reported \\$1.0bn" in sentence
    assert sentence.endswith("(an unknown share).")


# ----------------------------------------------------------------------- unused figures
STATED_COLUMNS = ["resolved_from", "currency", "value_usd_bn", "usd_from", "year", "period"]


def stated(*rows) -> pd.DataFrame:
    """Rows of (resolved_from, currency, value_usd_bn, usd_from, year, period)."""
    return pd.DataFrame(list(rows), columns=STATED_COLUMNS).astype({"value_usd_bn": float, "year": "Int64"})


USED = ("clause", "USD", 10.0, "stated", 2022, "2022")


def test_unused_sentence_of_no_figure():
    assert text(prose.unused_sentence(stated())) == "No trade figure is stated, so none is left unused."


def test_unused_sentence_when_every_figure_is_used():
    assert text(prose.unused_sentence(stated(USED))) == (
        "The 1 trade figure names its reporter and partner, in US dollars for a calendar year."
    )
    assert text(prose.unused_sentence(stated(USED, USED))).startswith("All 2 trade figures name their reporter")


def test_unused_sentence_counts_unstated_parties_conversions_other_currencies_and_part_years():
    rows = stated(
        USED,
        ("unresolved", "USD", 4.0, "stated", 2023, "2023-10"),
        ("unresolved", "EUR", 310.0, "converted", 2023, "2023"),
        ("sentence", "EUR", 315.0, "converted", 2023, "2023"),
        ("clause", "GBP", 47.6, "converted", 2022, "2022"),
        ("clause", "VND", math.nan, "", 2023, "2023"),
        ("clause", "VND", math.nan, "", 2022, "2022"),
        ("clause", "USD", 55.4, "stated", 2023, "2023-01..2023-11"),
        ("clause", "USD", 1.2, "stated", 2004, "FY2003-04"),
    )
    assert text(prose.unused_sentence(rows)) == (
        "Of the 9 trade figures read, 2 have no reporter or partner stated in the text and are not used "
        "(no party is assumed); 2 in another currency (EUR, GBP) were converted to US dollars at the Federal "
        "Reserve's annual average rate for their year; 2 are in a currency (VND) with no rate for their year in "
        "the shipped table, kept as stated and not converted, so not added up or checked; 2 cover months or a "
        "fiscal year, not a calendar year, so not compared with the annual statistics."
    )


def test_unused_sentence_of_one_each_and_escaped_codes():
    rows = stated(
        ("unresolved", "USD", 4.0, "stated", 2023, "2023"),
        ("clause", "JPY", 23.6, "converted", 2022, "2022"),
        ("clause", EVIL, math.nan, "", 2022, "2022"),
    )
    assert text(prose.unused_sentence(rows)) == (
        "Of the 3 trade figures read, 1 has no reporter or partner stated in the text and is not used "
        "(no party is assumed); 1 in another currency (JPY) was converted to US dollars at the Federal Reserve's "
        f"annual average rate for its year; 1 is in a currency ({EVIL_ESCAPED}) with no rate for its year in the "
        "shipped table, kept as stated and not converted, so not added up or checked."
    )


# ---------------------------------------------------------------------- country names in sentences
def test_sentences_give_partners_the_article_their_name_takes():
    table = balances(("China", 57.7, 117.87), ("United States", 109.39, 14.47))
    assert "sells 7.56 times as much to the United States as" in text(prose.ratios_sentence(table, "Vietnam"))
    pattern = text(prose.pattern_sentence(table, "Vietnam"))
    assert "(\\$94.92bn, with the United States)" in pattern
    assert "finished goods sold to the United States," in pattern
    assert "with China)" in pattern


def test_a_partner_with_an_article_that_opens_a_sentence_is_capitalised():
    row = check_row(
        check="mirror", partner="United States", reference_usd_bn=math.nan, gap_usd_bn=math.nan, verdict="not found"
    )
    sentence = text(prose.mirror_sentence(checks(row), gaps(), "Vietnam", 2022))
    assert sentence.startswith("The United States' own figure for 2022 was not found")
