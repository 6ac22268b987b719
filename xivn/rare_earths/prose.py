"""The sentences the rare-earth notebook computes, one function per sentence or paragraph.

Each function takes the analysis tables (and scalars), never reads a file, and returns
:class:`~xivn.display.markdown.Markdown`. Text read from the corpus or the data files (document
labels, claim labels, quotes, editions, place names) goes through
:func:`~xivn.display.escaping.escape_markdown`, so a label such as ``*Evil* $x$`` shows as written.
Missing values (NaN, None, ``pd.NA``) are left out of counts and ranges rather than printed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from xivn.display.escaping import escape_markdown as md
from xivn.display.markdown import Markdown
from xivn.display.wording import (
    counted,
    documents_note,
    is_missing,
    name_list,
    rows_note,
    text_or_blank,
    verb,
)
from xivn.rare_earths.references import Route
from xivn.rare_earths.selection import shown_documents

RESERVES_CHECK = "second_largest_reserves"
RAILWAY_CLAIM = "railway_through_mines"


def _numbers(values: Iterable[Any]) -> list[float]:
    """The values that are numbers (missing ones dropped)."""
    return [float(v) for v in values if not is_missing(v)]


def _true_count(values: pd.Series) -> int:
    """How many values are True (missing values count as not True)."""
    return int(values.astype("boolean").fillna(False).sum())


def _range(values: list[float], spec: str, one: str = "{}", two: str = "{}–{}") -> str:
    """The smallest and largest of ``values`` formatted with ``spec`` into ``two`` ("5–62"), or into
    ``one`` when they read the same."""
    low, high = f"{min(values):{spec}}", f"{max(values):{spec}}"
    return one.format(low) if low == high else two.format(low, high)


def _edition_finding(edition: Any, finding: Any, verb_phrase: str) -> str:
    """ "MCS 2023 (Jan 2023) had <finding>", or the finding alone when no edition is named."""
    edition, finding = md(text_or_blank(edition)), md(text_or_blank(finding))
    return f"{edition} {verb_phrase} {finding}" if edition else finding


def _claims_made(matrix: pd.DataFrame) -> pd.Series:
    """Per claim (the matrix's rows), the number of texts making it."""
    return (matrix.fillna(0) > 0).sum(axis=1)


def _main_verdict(verdicts: pd.DataFrame, check: str) -> tuple[pd.Series | None, int]:
    """The verdict row of ``check`` on the most claims (dated rows first; None when the check has
    none), and how many claim sentences the check has in all."""
    rows = verdicts[verdicts["check"] == check] if "check" in verdicts.columns else verdicts.iloc[0:0]
    if rows.empty:
        return None, 0
    undated = rows["as_of"].fillna("") == ""
    rows = rows.assign(_undated=undated).sort_values(["_undated", "n_claims"], ascending=[True, False], kind="stable")
    return rows.iloc[0], int(rows["n_claims"].sum())


def bottom_line(matrix: pd.DataFrame, verdicts: pd.DataFrame, reserves: pd.DataFrame, n_texts: int) -> Markdown:
    """The "Bottom line" paragraph: how many texts make a claim, the reserves verdict (on the most
    claims, as of their documents' month) and the host's output (``reserves``, as
    :func:`~xivn.rare_earths.claims.reserves_vs_production` returns it)."""
    made = _claims_made(matrix)
    talkers = int((matrix.fillna(0) > 0).any(axis=0).sum())
    first = (
        f"**Bottom line.** {talkers:,} of {counted(n_texts, 'text')} {verb(talkers, 'makes', 'make')} at least one "
        f"of the {counted(len(matrix), 'rare-earth claim')} "
    )
    if len(made) and made.max() > 0:
        first += f"(most often: *{md(made.idxmax())}*, in {counted(int(made.max()), 'text')})."
    else:
        first += "— none here."
    parts = [first]
    second, total = _main_verdict(verdicts, RESERVES_CHECK)
    if second is not None:
        then = _edition_finding(second.get("edition_then"), second.get("finding_then"), "had")
        latest = _edition_finding(second.get("edition_latest"), second.get("finding_latest"), "has")
        findings = "; ".join(finding for finding in (then, latest) if finding)
        as_of = text_or_blank(second.get("as_of"))
        checked = f"checked as of {as_of}" if as_of else "made in undated texts"
        if int(second["n_claims"]) < total:
            checked += f" for {int(second['n_claims']):,} of its {counted(total, 'sentence')}"
        verdict = f"The second-largest-reserves claim, {checked}, is **{text_or_blank(second.get('verdict'))}**"
        parts.append(f"{verdict}: {findings}." if findings else f"{verdict}.")
    output = _latest_output(reserves)
    if output:
        parts.append(output)
    return Markdown(" ".join(parts))


def _country(reserves: pd.DataFrame) -> str:
    """The country of a :func:`~xivn.rare_earths.claims.reserves_vs_production` table, escaped."""
    return md(text_or_blank(reserves.attrs.get("country"))) or "The host"


def _latest_output(reserves: pd.DataFrame) -> str:
    """ "Vietnam mined 300 t in 2024, 0.08% of world output." from the latest edition ("" without one)."""
    country = _country(reserves)
    rows = reserves.dropna(subset=["production_t"]) if "production_t" in reserves.columns else reserves.iloc[0:0]
    if rows.empty:
        return ""
    latest = rows.iloc[-1]
    year = text_or_blank(latest.get("production_year"))
    share = latest.get("production_share")
    year = f" in {int(float(year))}" if year else ""
    if is_missing(share):
        return f"{country} mined {latest['production_t']:,.0f} t{year} (world output is not in the reference data)."
    return f"{country} mined {latest['production_t']:,.0f} t{year}, {share:.2%} of world output."


def mentions_sentence(mentions: pd.DataFrame, n_texts: int, max_rows: int) -> Markdown:
    """The sentence under the concordance: mentions, texts mentioning, the commonest wording, the rows cut."""
    terms = mentions["quote"].dropna().astype(str).str.lower().value_counts()
    n_docs = int(mentions["doc_id"].nunique())
    text = f"{counted(len(mentions), 'mention')} in {n_docs:,} of {counted(n_texts, 'text')}"
    if len(terms):
        text += f"; the commonest wording is *{md(terms.index[0])}* ({counted(int(terms.iloc[0]), 'time')})."
    elif mentions.empty:
        text += "; no article text here mentions rare earths or critical minerals."
    else:
        text += "."
    return Markdown(text + rows_note(len(mentions), max_rows, "mentions"))


def subjects_sentence(found: pd.DataFrame, max_rows: int) -> Markdown:
    """The sentence under the claim details: how many claims name their country (in the sentence or
    the one before, or refer back to the country the text names most), how many name none and are
    left without one, how many state a number."""
    if found.empty:
        return Markdown("No text here makes any claim.")
    source = found["country_from"].fillna("")
    about = int((source != "").sum())
    here, before = int((source == "sentence").sum()), int((source == "previous sentence").sum())
    document, unresolved = int((source == "document").sum()), int((source == "unresolved").sum())
    rows = f"Of {counted(len(found), 'claim row')} (one per sentence, claim and number stated), "
    if about:
        text = rows + f"{about:,} {verb(about, 'is', 'are')} about a country: {here:,} {verb(here, 'names', 'name')}"
        text += f" it in the sentence, {before:,} in the sentence before"
        if document:
            text += f", {document:,} {verb(document, 'refers', 'refer')} back to the country the text names most"
        if unresolved:
            none = verb(unresolved, "names none and is", "name none and are")
            text += f", and {unresolved:,} {none} left without a country rather than given one the text does not state"
        text += "."
    else:
        text = rows + "none is about a particular country."
    numbers = int((found["number_quote"].fillna("") != "").sum())
    text += f" {counted(numbers, 'row')} {verb(numbers, 'states', 'state')} a number (tonnes or a share)."
    return Markdown(text + rows_note(len(found), max_rows, "claim rows"))


def omissions_sentence(omissions: pd.DataFrame, matrix: pd.DataFrame, max_documents: int) -> Markdown:
    """The sentence under the claim tables: the texts making the most and fewest claims, claims made once or never."""
    ranked = omissions.dropna(subset=["n_claims"]).sort_values(["n_claims", "doc_id"])
    if len(ranked) and ranked["n_claims"].max() > 0:
        most, fewest = ranked.iloc[-1], ranked.iloc[0]
        most_label, fewest_label = _label(most), _label(fewest)
        if len(ranked) == 1:
            text = f"*{most_label}* makes {counted(int(most['n_claims']), 'claim')}; "
        else:
            text = (
                f"*{most_label}* makes the most claims ({int(most['n_claims']):,}), "
                f"*{fewest_label}* the fewest ({int(fewest['n_claims']):,}); "
            )
    else:
        text = "No text here makes any claim; "
    made = _claims_made(matrix)
    once, never = int((made == 1).sum()), int((made == 0).sum())
    text += f"{counted(once, 'claim')} {verb(once, 'appears', 'appear')} in only one text and {never:,} in none."
    shown = len(shown_documents(matrix, max_documents))
    return Markdown(text + documents_note(len(matrix.columns), shown, "claims"))


def _label(row: pd.Series) -> str:
    """A document's label (its id when the label is missing), escaped."""
    return md(text_or_blank(row.get("label")) or text_or_blank(row.get("doc_id")))


def reserves_sentence(reserves: pd.DataFrame, usgs: pd.DataFrame, shares: pd.DataFrame) -> Markdown:
    """The sentence under the USGS tables: how long the host's reserves last at its output
    (``reserves``, as :func:`~xivn.rare_earths.claims.reserves_vs_production` returns it), and China's
    share; without USGS figures, that there are none."""
    if usgs.empty:
        return Markdown("There are no USGS figures to compare: no reserves, no mine production.")
    country = _country(reserves)
    years = _numbers(reserves["years_of_reserves"]) if "years_of_reserves" in reserves.columns else []
    years = [y for y in years if math.isfinite(y)]
    if years:
        last = _range(years, ",.0f", "would last {} years", "would last between {} and {} years")
        text = f"At the rate of mine production reported in each edition, {country}'s reserves {last}: "
        text += f"the reserves are large, the output tiny{_first_output(reserves, usgs)}. "
    else:
        text = f"The reference data give no edition with both {country}'s reserves and its mine production. "
    china = _numbers(shares.loc[shares["country"] == "China", "share"]) if "country" in shares.columns else []
    if china:
        stays = _range(china, ".0%", "stays at {}", "stays between {} and {}")
        text += f"China's share of world mine production {stays} across editions and years; "
        text += "its share of refining is not in the reference data."
    else:
        text += "China's share of world mine production is not in the reference data, nor is its share of refining."
    return Markdown(text)


def _first_output(reserves: pd.DataFrame, usgs: pd.DataFrame) -> str:
    """ " (the 4,300 t first reported for 2022 stood at 1,200 t in MCS 2024 (Jan 2024))": the first
    reported output and its latest revision; "(4,300 t in 2022)" when it was never revised."""
    rows = reserves.dropna(subset=["production_t", "production_year"])
    if rows.empty:
        return ""
    first = rows.iloc[0]
    year = int(first["production_year"])
    country = reserves.attrs.get("country")
    same = usgs[(usgs["country"] == country) & (usgs["metric"] == "mine_production") & (usgs["year"] == year)]
    same = same.dropna(subset=["value_t"])
    if same.empty or text_or_blank(same.iloc[-1]["edition"]) == text_or_blank(first.get("edition")):
        return f" ({first['production_t']:,.0f} t in {year})"
    later = same.iloc[-1]
    return (
        f" (the {first['production_t']:,.0f} t first reported for {year} stood at {later['value_t']:,.0f} t "
        f"in {md(text_or_blank(later['edition']))})"
    )


def precision_sentence(places: pd.DataFrame, distances: pd.DataFrame) -> Markdown:
    """The sentence under the map's tables: how many coordinates are approximate and what the distances mean."""
    if places.empty:
        return Markdown("There is no places table: no coordinates, no distances.")
    proxies = _true_count(places["approximate"])
    text = f"{proxies:,} of {counted(len(places), 'coordinate')} {verb(proxies, 'is', 'are')} approximate"
    km = _numbers(distances["km_to_station"])
    if (distances.empty or not km) and _true_count(places["is_deposit"]):
        return Markdown(text + "; with no route drawn there is no distance from a deposit to a station.")
    if distances.empty or not km:
        return Markdown(text + "; the places file lists no rare-earth deposit, so there is no distance to report.")
    deposits = counted(len(distances), "deposit")
    distance = f"the {verb(len(km), 'distance', 'distances')} ({_range(km, '.0f')} km to the nearest station)"
    approximate = _true_count(distances["approximate"])
    if approximate == 0:
        return Markdown(f"{text}, none of the {deposits}; {distance} {verb(len(km), 'is', 'are')} straight lines "
                        "from the listed positions, not along the track.")  # fmt: skip
    return Markdown(
        f"{text}, among them {approximate:,} of the {deposits} (drawn at a provincial capital or a district's "
        f"midpoint), so {distance} {verb(len(km), 'says', 'say')} which part of the corridor a deposit is in, "
        "not how far a mine is from the track."
    )


def map_sentence(places: pd.DataFrame, drawn: pd.DataFrame) -> Markdown:
    """The sentence under the map: how many of the places in the table it draws (``drawn`` as
    :func:`~xivn.rare_earths.corridor.draw_corridor` returns it), which ones it does not and why, and
    which drawn places share one position (one label names them all)."""
    if drawn.empty and places.empty:
        return Markdown("No map is drawn, and there is no places file.")
    if drawn.empty:
        listed = counted(len(places), "place")
        return Markdown(f"No map is drawn; the table below lists the {listed} of the places file.")
    names = set(drawn["short_name"])
    left_out = [md(name) for name in places["short_name"] if name not in names]
    text = f"The map draws {len(names):,} of the {counted(len(places), 'place')} in the table below"
    if left_out:
        text += f"; not drawn, being neither a station of the route nor a deposit: {name_list(left_out)}"
    sharing = [group for _, group in drawn.groupby(["lat", "lon"], sort=True) if len(group) > 1]
    if sharing:
        groups = "; ".join(name_list([md(n) for n in group["short_name"]]) for group in sharing)
        text += f". Some share one position in the places file: {groups}"
    return Markdown(text + ".")


def conclusion(
    matrix: pd.DataFrame,
    claim_table: pd.DataFrame,
    verdicts: pd.DataFrame,
    distances: pd.DataFrame,
    reserves: pd.DataFrame,
    shares: pd.DataFrame,
) -> Markdown:
    """The "What this adds up to" paragraph: who repeats the reserves claim, the railway, the host's
    reserves (``reserves``, as :func:`~xivn.rare_earths.claims.reserves_vs_production` returns it)
    against its output."""
    labels = dict(zip(claim_table["claim_id"], claim_table["label"], strict=True))
    sentences = []
    reserves_label = labels.get(RESERVES_CHECK)
    by = _texts_making(matrix, reserves_label) if reserves_label in matrix.index else []
    if by:
        repeat = verb(len(by), "repeats", "repeat")
        second, _ = _main_verdict(verdicts, RESERVES_CHECK)
        holder = md(text_or_blank(second.get("country"))) if second is not None else ""
        text = f"{counted(len(by), 'text')} {repeat} that {holder or 'a country'} holds the second-largest reserves"
        text += f" ({name_list(md(name) for name in by)})"
        if second is not None:
            latest = md(text_or_blank(second.get("edition_latest")))
            finding = md(text_or_blank(second.get("finding_latest")))
            text += f"; that was {text_or_blank(second.get('verdict'))} ({latest}: {finding})" if latest else ""
        sentences.append(text + ".")
    railway = []
    railway_label = labels.get(RAILWAY_CLAIM)
    by = _texts_making(matrix, railway_label) if railway_label in matrix.index else []
    if by:
        railway.append(f"{counted(len(by), 'text')} {verb(len(by), 'ties', 'tie')} the railway to the mining region")
    stations = distances["nearest_station"].dropna() if "nearest_station" in distances.columns else pd.Series()
    if len(stations):
        hub = stations.mode().iloc[0]
        near = int((stations == hub).sum())
        railway.append(
            f"on the map {near:,} of the {counted(len(distances), 'deposit')} {verb(near, 'is', 'are')} nearest to "
            f"{md(hub)}"
        )
    if railway:
        text = "; ".join(railway)
        sentences.append(text[0].upper() + text[1:] + ".")
    output = reserves.dropna(subset=["production_t"]) if "production_t" in reserves.columns else reserves.iloc[0:0]
    if len(output):
        latest = output.iloc[-1]
        year = text_or_blank(latest.get("production_year"))
        text = f"{_country(reserves)}'s reserves have yet to become output: {latest['production_t']:,.0f} t"
        text += f" in {int(float(year))}" if year else ""
        china = shares.loc[shares["country"] == "China", "production_t"].dropna() if len(shares) else pd.Series()
        text += f", against {china.iloc[-1]:,.0f} t for China." if len(china) else "."
        sentences.append(text)
    return Markdown(" ".join(sentences) or "No claim, deposit or USGS figure here to add up.")


def _texts_making(matrix: pd.DataFrame, claim: str) -> list[str]:
    """The texts (matrix columns) making ``claim`` at least once, in corpus order."""
    row = matrix.loc[claim].fillna(0)
    return [str(name) for name in row[row > 0].index]


def checks_sentence(verdicts: pd.DataFrame, months: pd.DataFrame, usgs_file: str) -> Markdown:
    """The sentence under the verdicts: how many claims were checked as of which months and editions,
    how many documents are undated (named) and whether their claims were checked (``months`` as
    :func:`~xivn.rare_earths.claims.check_months` returns it); without a USGS table, that none is."""
    if not usgs_file:
        text = "The event profile names no USGS table of rare-earth figures, so no claim is checked."
        return Markdown(f"{text} {_undated_documents(months)}".strip())
    dated = verdicts[verdicts["as_of"] != ""]
    checked = dated[dated["edition_then"] != ""]
    if len(verdicts):
        claims = int(verdicts["n_claims"].sum())
        text = f"Of {counted(claims, 'checkable claim')}, each checked as of its document's month: "
        groups = checked.groupby(["as_of", "edition_then"], sort=True)["n_claims"].sum()
        parts = [f"{int(n):,} as of {month} against {md(edition)}" for (month, edition), n in groups.items()]
        early = int(dated.loc[dated["edition_then"] == "", "n_claims"].sum())
        if early:
            parts.append(f"{early:,} dated before any edition in the reference data")
        undated = claims - int(dated["n_claims"].sum())
        if undated:
            parts.append(f"{undated:,} in undated documents, not checked")
        text += "; ".join(parts) + "."
    else:
        text = "No text makes a claim that the USGS figures can check."
    return Markdown(f"{text} {_undated_documents(months)}".strip())


def _undated_documents(months: pd.DataFrame) -> str:
    """ "1 of 5 documents is undated (Preview): its claims are not checked." and the like."""
    undated = months[months["dated_by"] != "its date"]
    n, total = len(undated), len(months)
    if not n:
        return f"None of the {counted(total, 'document')} is undated." if total else ""
    labels = name_list([md(label) for label in undated["label"]])
    as_of = text_or_blank(undated["as_of"].iloc[0])
    how = f"checked as of {as_of}, the `as_of` parameter" if as_of else "not checked (`as_of` would date them)"
    return f"{n:,} of {counted(total, 'document')} {verb(n, 'is', 'are')} undated ({labels}): {how}."


def route_sentence(route: Route, event: str) -> Markdown:
    """The sentence over the map: which route is drawn and which texts name it, or why none is
    (the profile of ``event`` gives no corridor, or the corpus does not name it)."""
    if not route.stations:
        return Markdown(f"The profile of {md(event)} gives no corridor, so there is no map.")
    ends = f"both {md(route.stations[0])} and {md(route.stations[-1])}"
    what = f"the {md(route.name)}" if route.name else f"the route {'–'.join(md(s) for s in route.stations)}"
    named = f"{what} or {ends}" if route.name else ends
    if not route.named:
        return Markdown(f"No text here names {named}, so {what} is not drawn.")
    texts = route.documents
    which = name_list(md(text) for text in texts)
    stations = counted(len(route.stations), "station")
    return Markdown(
        f"{counted(len(texts), 'text')} {verb(len(texts), 'names', 'name')} {named} ({which}): "
        f"the map joins the {stations} of {what} in route order."
    )
