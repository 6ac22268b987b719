"""Where bundled files are found: each package's data folder, by bare name, and user paths as given."""

from __future__ import annotations

from collections import Counter

from xivn.paths import PACKAGE_DIR, data_path, shipped_data_files


def test_a_data_file_name_is_unique_across_the_packages():
    names = Counter(path.name for path in PACKAGE_DIR.glob("*/data/*") if path.is_file())
    assert names and max(names.values()) == 1


def test_a_bare_name_means_the_copy_in_the_package_that_reads_it():
    assert data_path("trade_cues.toml") == PACKAGE_DIR / "trade" / "data" / "trade_cues.toml"
    assert data_path("places.csv") == PACKAGE_DIR / "rare_earths" / "data" / "places.csv"
    assert data_path("paragraph_kinds.toml").parent == PACKAGE_DIR / "corpus" / "data"
    assert set(shipped_data_files()) >= {"deal_taxonomy.toml", "frames.toml", "trade_2022.csv"}


def test_every_reference_table_has_its_sources_beside_it():
    tables = [path for name, path in shipped_data_files().items() if name.endswith(".csv")]
    assert all(path.with_suffix(".md").is_file() for path in tables), tables


def test_a_path_or_an_unknown_name_is_taken_as_given(tmp_path, monkeypatch):
    own = tmp_path / "my_frames.toml"
    assert data_path(own) == own
    monkeypatch.chdir(tmp_path)
    own.write_text("")
    assert data_path("my_frames.toml").name == "my_frames.toml"  # a file here wins over the shipped copies
    assert data_path("no_such_file.toml").name == "no_such_file.toml"  # the loader then says it is missing
