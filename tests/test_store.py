"""The analysis store: runs that read stored tables give the tables of runs without a store."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pyarrow.parquet as pq
import pytest

import xivn
from xivn.corpus.stages import Stage
from xivn.paths import PACKAGE_DIR, data_path
from xivn.runner import processes, registry, store

PER_DOCUMENT = [s.name for s in registry.STAGES if s.per_document]
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_store_by_default(monkeypatch):
    monkeypatch.delenv(store.STORE_VARIABLE, raising=False)


def assert_same_tables(got: dict, expected: dict) -> None:
    assert list(got) == list(expected)
    for name, table in expected.items():
        pdt.assert_frame_equal(got[name], table, check_exact=True, obj=name)  # dtypes and index included
        assert got[name].attrs == table.attrs, name


def run(corpus, folder, names=PER_DOCUMENT, jobs=1):
    """Tables of a run with a store, and its progress lines."""
    stream = io.StringIO()
    tables = processes.run_stages(corpus, names, jobs=jobs, store=folder, progress=stream)
    return tables, [line.split("] ", 1)[1] for line in stream.getvalue().splitlines()]


def read_counts(lines: list[str]) -> dict[str, str]:
    """``{stage: "N of M documents read, K to compute"}`` from the progress lines."""
    found = [line.removeprefix("store: ").split(": ", 1) for line in lines if " documents read, " in line]
    return dict(found)


@pytest.mark.parametrize("jobs", [1, 2])
def test_seeds_from_the_store_equal_the_tables_computed_directly(seeds, tmp_path, jobs):
    direct = processes.run_stages(seeds, jobs=1)
    first, lines = run(xivn.load_corpus(), tmp_path / "store", names=None, jobs=jobs)
    assert_same_tables(first, direct)
    assert set(read_counts(lines).values()) == {"0 of 5 documents read, 5 to compute"}
    again, lines = run(xivn.load_corpus(), tmp_path / "store", names=None, jobs=jobs)
    assert_same_tables(again, direct)
    assert read_counts(lines) == {name: "5 of 5 documents read, 0 to compute" for name in PER_DOCUMENT}
    assert "store: rewrite_candidates, document_frequencies computed from scratch on every document" in lines[8]
    assert "rewrites on the whole corpus, from scratch (not stored yet)" in lines


def test_tables_without_rows_come_back_with_their_column_types(make_corpus, tmp_path):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "Nothing to see.\n\nThe weather was mild in Hanoi."}))
    direct = processes.run_stages(corpus, PER_DOCUMENT, jobs=1)
    assert direct["rare_earth_claims"].empty and direct["amounts"].empty
    run(corpus, tmp_path / "store")
    again, lines = run(xivn.load_corpus(corpus.root), tmp_path / "store")
    assert read_counts(lines)["amounts"] == "1 of 1 documents read, 0 to compute"
    assert_same_tables(again, direct)


def test_added_documents_are_the_only_ones_analysed(generated_corpus, tmp_path):
    corpus = xivn.load_corpus(generated_corpus)
    direct = processes.run_stages(corpus, PER_DOCUMENT, jobs=1)
    run(corpus.subset(corpus.doc_ids[:50]), tmp_path / "store", jobs=2)
    grown, lines = run(xivn.load_corpus(generated_corpus), tmp_path / "store", jobs=2)
    assert read_counts(lines) == {name: "50 of 60 documents read, 10 to compute" for name in PER_DOCUMENT}
    assert_same_tables(grown, direct)
    parts = list((tmp_path / "store" / "sentences").glob("*/part-*.parquet"))
    assert len(parts) == 2  # the first 50 documents in one part, the 10 added in another


def test_documents_kept_out_of_order_come_back_in_corpus_order(generated_corpus, tmp_path):
    corpus = xivn.load_corpus(generated_corpus)
    direct = processes.run_stages(corpus, ["sentences", "amounts"], jobs=1)
    run(corpus.subset(corpus.doc_ids[30:]), tmp_path / "store", names=["sentences", "amounts"])
    whole, lines = run(corpus, tmp_path / "store", names=["sentences", "amounts"])
    assert read_counts(lines)["sentences"] == "30 of 60 documents read, 30 to compute"
    assert_same_tables(whole, direct)


def test_an_edited_document_or_metadata_row_is_analysed_again(generated_corpus, tmp_path):
    folder = shutil.copytree(generated_corpus, tmp_path / "corpus")
    run(xivn.load_corpus(folder), tmp_path / "store", names=["sentences", "amounts"])
    first = sorted(folder.glob("gen_*"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nTrade reached $9.9 billion in 2022.\n", encoding="utf-8")
    metadata = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    metadata.loc[1, "date"] = "2023-12-31"
    metadata.to_csv(folder / "metadata.csv", index=False)
    edited = xivn.load_corpus(folder)
    again, lines = run(edited, tmp_path / "store", names=["sentences", "amounts"])
    assert read_counts(lines)["amounts"] == "58 of 60 documents read, 2 to compute"
    assert_same_tables(again, processes.run_stages(xivn.load_corpus(folder), ["sentences", "amounts"], jobs=1))
    assert "$9.9 billion" in set(again["amounts"]["quote"])


def test_digests_change_with_the_text_and_metadata_of_their_document_only(make_corpus):
    texts = {"a.txt": "One text.", "b.txt": "Another text."}
    before = xivn.load_corpus(make_corpus(texts)).document_digests
    after = xivn.load_corpus(make_corpus({**texts, "metadata.csv": "file,outlet\nb.txt,Nhan Dan\n"})).document_digests
    assert list(before) == ["a", "b"]
    assert after["a"] == before["a"] and after["b"] != before["b"]
    renamed = xivn.load_corpus(make_corpus({"c.txt": "One text."}, folder="other")).document_digests
    assert renamed["c"] != before["a"]  # the same text under another id: its rows name another doc_id


def test_editing_a_data_file_reruns_only_the_stages_that_read_it(seeds, tmp_path, monkeypatch):
    cue = tmp_path / "cue.txt"
    cue.write_text("Vietnam", encoding="utf-8")

    def cue_sentences(corpus):
        sentences = corpus.sentences
        return sentences[sentences["text"].str.contains(cue.read_text(encoding="utf-8"))].reset_index(drop=True)

    extra = Stage("cue_sentences", cue_sentences, reads=(str(cue),))
    monkeypatch.setattr(registry, "STAGES", (*registry.STAGES, extra))
    names = ["sentences", "cue_sentences"]
    first, _ = run(seeds, tmp_path / "store", names=names)
    cue.write_text("Hanoi", encoding="utf-8")
    again, lines = run(xivn.load_corpus(), tmp_path / "store", names=names)
    assert read_counts(lines) == {
        "sentences": "5 of 5 documents read, 0 to compute",
        "cue_sentences": "0 of 5 documents read, 5 to compute",
    }
    assert again["cue_sentences"]["text"].str.contains("Hanoi").all()
    assert set(again["cue_sentences"]["text"]) != set(first["cue_sentences"]["text"])
    assert_same_tables(again, processes.run_stages(seeds, names, jobs=1))


def test_a_users_own_data_file_is_read_by_its_stages_and_stored_apart(seeds, tmp_path):
    frames = tmp_path / "frames.toml"
    shipped = data_path("frames.toml").read_text(encoding="utf-8")
    kept = shipped.replace('id = "great_power_rivalry"', 'id = "rivalry_of_powers"')
    assert kept != shipped
    frames.write_text(kept, encoding="utf-8")
    names = ["frame_evidence", "tone"]
    shipped_run, _ = run(seeds, tmp_path / "store", names=names)
    own = processes.run_stages(seeds, names, jobs=1, store=tmp_path / "store", files={"frames.toml": frames})
    assert "rivalry_of_powers" in set(own["frame_evidence"]["frame_id"])
    assert "rivalry_of_powers" not in set(shipped_run["frame_evidence"]["frame_id"])
    assert_same_tables(
        {"frame_evidence": own["frame_evidence"]}, {"frame_evidence": xivn.framing.frame_evidence(seeds, frames)}
    )
    stream = io.StringIO()
    again = processes.run_stages(
        seeds, names, jobs=1, store=tmp_path / "store", files={"frames.toml": frames}, progress=stream
    )
    lines = [line.split("] ", 1)[1] for line in stream.getvalue().splitlines()]
    assert read_counts(lines) == {
        "frame_evidence": "5 of 5 documents read, 0 to compute",
        "tone": "5 of 5 documents read, 0 to compute",
    }
    assert_same_tables(again, own)
    assert_same_tables(run(seeds, tmp_path / "store", names=names)[0], shipped_run)  # the shipped rows were kept


def test_only_the_files_a_stage_lets_callers_replace_are_taken(seeds):
    with pytest.raises(xivn.errors.ParameterError, match=r"'trade_cues.toml' .*replaceable: deal_cues.toml, "):
        processes.run_stages(seeds, ["trade_figures"], files={"trade_cues.toml": "mine.toml"})
    assert processes.stage_files({"frames.toml": "frames.toml", "deal_cues.toml": ""}) == {}


def test_a_shipped_data_file_changed_gives_its_stages_a_new_key(monkeypatch):
    before = {entry.name: store.stage_key(entry) for entry in registry.STAGES}
    digest = store.file_digest
    monkeypatch.setattr(store, "file_digest", lambda name: "edited" if name == "frames.toml" else digest(name))
    after = {entry.name: store.stage_key(entry) for entry in registry.STAGES}
    assert [name for name in before if before[name] != after[name]] == ["frame_evidence"]


def first_part(folder: Path, name: str) -> Path:
    return sorted((folder / name).glob("*/part-*.parquet"))[0]


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-200])


def garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # inside the pages of the text column: their checksum no longer matches
    path.write_bytes(bytes(data))


def foreign(path: Path) -> None:
    pd.DataFrame({"doc_id": ["000_1a56b2a50d2ad841"], "x": [1]}).to_parquet(path)


def column_dropped(path: Path) -> None:
    table = pq.read_table(path)
    pq.write_table(table.drop_columns(["text"]).replace_schema_metadata(table.schema.metadata), path)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (truncate, "unreadable"),
        (lambda path: path.write_text("not parquet"), "unreadable"),
        (garble, "unreadable"),
        (foreign, "no xivn store metadata"),
        (column_dropped, "its schema is not the one it was written with"),
    ],
)
def test_a_damaged_part_is_reported_and_recomputed(seeds, tmp_path, damage, reason):
    direct = processes.run_stages(seeds, ["sentences", "tone"], jobs=1)
    run(seeds, tmp_path / "store", names=["sentences", "tone"])
    part = first_part(tmp_path / "store", "sentences")
    damage(part)
    repaired, lines = run(xivn.load_corpus(), tmp_path / "store", names=["sentences", "tone"])
    unusable = [line for line in lines if "unusable" in line]
    assert len(unusable) == 1 and f"part {part.name} of sentences is unusable ({reason}" in unusable[0]
    assert read_counts(lines)["sentences"] == "0 of 5 documents read, 5 to compute"
    assert_same_tables(repaired, direct)
    _, lines = run(xivn.load_corpus(), tmp_path / "store", names=["sentences", "tone"])
    assert not [line for line in lines if "unusable" in line]
    assert read_counts(lines)["sentences"] == "5 of 5 documents read, 0 to compute"


def test_the_store_can_be_deleted_and_left_over_temporaries_are_cleared(seeds, tmp_path):
    run(seeds, tmp_path / "store", names=["sentences"])
    shutil.rmtree(tmp_path / "store")
    tables, lines = run(seeds, tmp_path / "store", names=["sentences"])
    assert read_counts(lines)["sentences"] == "0 of 5 documents read, 5 to compute"
    assert tables["sentences"].equals(seeds.sentences)
    folder = first_part(tmp_path / "store", "sentences").parent
    old, recent = folder / ".tmp-old.parquet", folder / ".tmp-recent.parquet"
    old.write_text("left by a killed run")
    recent.write_text("being written by another run")
    os.utime(old, (time.time() - 2 * store.STALE_TEMPORARY_SECONDS,) * 2)
    tables, lines = run(seeds, tmp_path / "store", names=["sentences"])
    assert tables["sentences"].equals(seeds.sentences) and not old.exists() and recent.exists()


def test_a_store_deleted_during_a_run_does_not_stop_it(seeds, tmp_path, monkeypatch):
    folder = tmp_path / "store"

    def sentences_then_delete_the_store(corpus):
        shutil.rmtree(folder, ignore_errors=True)
        return corpus.sentences

    extra = Stage("wiping_sentences", sentences_then_delete_the_store)
    monkeypatch.setattr(registry, "STAGES", (*registry.STAGES, extra))
    run(seeds, folder, names=["paragraphs"])
    tables, lines = run(seeds, folder, names=["paragraphs", "wiping_sentences"])
    assert read_counts(lines)["paragraphs"] == "5 of 5 documents read, 0 to compute"
    assert tables["paragraphs"].equals(seeds.paragraphs) and tables["wiping_sentences"].equals(seeds.sentences)
    _, lines = run(seeds, folder, names=["paragraphs", "wiping_sentences"])
    assert read_counts(lines)["wiping_sentences"] == "5 of 5 documents read, 0 to compute"


def test_the_store_folder_comes_from_xivn_store_unless_none_is_asked(seeds, tmp_path, monkeypatch):
    monkeypatch.setenv(store.STORE_VARIABLE, str(tmp_path / "from_env"))
    processes.run_stages(seeds, ["paragraphs"], jobs=1)
    assert list((tmp_path / "from_env" / "paragraphs").glob("*/part-*.parquet"))
    processes.run_stages(seeds, ["sentences"], jobs=1, store=False)
    assert not (tmp_path / "from_env" / "sentences").exists()


RUN_WITH_STORE = textwrap.dedent(
    """
    import sys
    import xivn
    from xivn.runner import processes, registry
    names = [s.name for s in registry.STAGES if s.per_document]
    processes.run_stages(xivn.load_corpus(sys.argv[1]), names, jobs=int(sys.argv[3]), store=sys.argv[2])
    """
)


def start_run(corpus: Path, folder: Path, jobs: int) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", RUN_WITH_STORE, str(corpus), str(folder), str(jobs)]
    return subprocess.Popen(command, env=environment, start_new_session=True)


def test_two_runs_at_once_leave_only_whole_parts(generated_corpus, tmp_path):
    runs = [start_run(generated_corpus, tmp_path / "store", jobs=1) for _ in range(2)]
    assert [process.wait(timeout=300) for process in runs] == [0, 0]
    assert not list((tmp_path / "store").rglob(".tmp-*"))
    corpus = xivn.load_corpus(generated_corpus)
    tables, lines = run(corpus, tmp_path / "store")
    assert not [line for line in lines if "unusable" in line]
    assert read_counts(lines) == {name: "60 of 60 documents read, 0 to compute" for name in PER_DOCUMENT}
    assert_same_tables(tables, processes.run_stages(corpus, PER_DOCUMENT, jobs=1))


def test_a_killed_run_leaves_a_store_the_next_run_completes(generated_corpus, tmp_path):
    process = start_run(generated_corpus, tmp_path / "store", jobs=2)
    deadline = time.monotonic() + 300
    while not list((tmp_path / "store").rglob("part-*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its worker processes
    process.wait(timeout=60)
    corpus = xivn.load_corpus(generated_corpus)
    tables, lines = run(corpus, tmp_path / "store", jobs=2)
    assert not [line for line in lines if "unusable" in line]
    counts = read_counts(lines)
    assert set(counts) == set(PER_DOCUMENT) and counts["paragraphs"] != "0 of 60 documents read, 60 to compute"
    assert_same_tables(tables, processes.run_stages(corpus, PER_DOCUMENT, jobs=1))


OPENED_DATA_FILES = textwrap.dedent(
    """
    import json, sys
    import xivn
    from xivn.runner import registry
    opened = set()
    def hook(event, args):
        if event == "open" and isinstance(args[0], str):
            opened.add(args[0])
    corpus = xivn.load_corpus()
    sys.addaudithook(hook)
    registry.stage(sys.argv[1]).function(corpus)
    print(json.dumps(sorted(opened)))
    """
)


@pytest.mark.parametrize("name", PER_DOCUMENT)
def test_each_stage_declares_every_data_file_it_reads(name):
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", OPENED_DATA_FILES, name]
    opened = json.loads(subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout)
    shipped = {Path(path).name for path in opened if Path(path).parent.parent.parent == PACKAGE_DIR}
    declared = set(registry.stage(name).reads)
    assert shipped and shipped <= declared, sorted(shipped - declared)
    assert all(data_path(file).is_file() for file in declared)


def test_the_store_benchmark_runs_and_computes_only_what_changed(tmp_path):
    script = REPO / "benchmarks" / "store.py"
    command = [sys.executable, str(script), "--documents", "100", "--jobs", "1", "--corpora", str(tmp_path)]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    output = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    rows = {line.split(" | ")[0].strip("| "): line.split(" | ")[3] for line in output.splitlines() if " | " in line}
    assert rows["all stages, no store"] == "no store"
    assert rows["first run, empty store"] == "all 8 × 100"
    assert rows["re-run, nothing changed"] == "none"
    assert rows["re-run, 1 % more documents (1 added)"] == "all 8 × 1"
    assert rows["re-run after touching frames.toml"] == "frame_evidence 101"
