"""Sources as readers see them: every code, seed file name and loaded file becomes a title."""

from __future__ import annotations

import csv
import re

import pytest

from domain import documents
from domain.documents import LANGS, catalogue, cite, resolve, titles
from loaders.demo import LOAD_DATES

# A shown title must never look like a code, a hash, a file name or a path.
NOT_READABLE = re.compile(r"^\d{3}$|[0-9a-f]{12,}|\.(txt|csv|json|md|xlsx)\b|\w/\w+\.\w+")


@pytest.mark.parametrize(
    ("source", "ids"),
    [
        ("000", ["000"]),
        ("000, 002", ["000", "002"]),
        ("(000, 001, 002)", ["000", "001", "002"]),
        ("000_1000f12d482e814f.txt", ["000"]),
        ("003_60821df21df53ca5.txt", ["003"]),
        ("glossary.md / 001_a3cb98a89dd2043b.txt", ["001"]),
        ("he_74_2022", ["he_74_2022"]),
        ("sotkanet_rest_csv_ind6411_hva_2021_2025_reencoded.csv", ["sotkanet_6411"]),
        ("sotkanet_rest_csv_ind127_2009_total.csv", ["sotkanet_127"]),
        ("sotkanet_rest_json_ind5513_2023_trimmed.json", ["sotkanet"]),
        ("thl_pivot_csv_epirapo_covid19case_shp_by_day_2020.csv", ["thl"]),
        ("generated_series.csv", ["generated"]),
        ("kp_raportti_2026.xlsx", ["upload"]),
        ("shared/domain/README.md (only the year is known)", ["upload"]),
        ("000; 000_1000f12d482e814f.txt", ["000"]),  # the same document once
        ("", []),
        (None, []),
    ],
)
def test_sources_resolve_to_documents(source: object, ids: list[str]) -> None:
    assert [doc.id for doc in resolve(source)] == ids


def test_titles_are_in_the_readers_language_and_never_codes() -> None:
    assert cite("000_1000f12d482e814f.txt", "fi") == "Keski-Pohjanmaan tilannekatsaus 6/2025"
    assert cite("generated_series.csv", "fi") == "Esimerkkiaineisto (generoitu)"
    assert cite("generated_series.csv", "en") == "Example data (generated)"
    assert cite("sotkanet_rest_csv_ind6411_hva_2021_2025_reencoded.csv", "sv") == "Sotkanet (THL), indikator 6411"
    assert (
        cite("000, 002", "en")
        == "Keski-Pohjanmaa status review 6/2025; North Ostrobothnia project plan (POP-Digi-Hoitotakuu 2)"
    )
    full = cite("003", "fi", short=False)
    assert full.startswith("Suomen kestävän kasvun ohjelma (RRP): hankesalkkuraportoinnin kansallinen kooste")


def test_titles_of_several_sources_keep_first_seen_order_without_repeats() -> None:
    sources = ["002_acc8a2419448e594.txt", "000", "generated_series.csv", "000_1000f12d482e814f.txt"]
    assert titles(sources, "fi", short=True) == [
        "Pohjois-Pohjanmaan hankesuunnitelma (POP-Digi-Hoitotakuu 2)",
        "Keski-Pohjanmaan tilannekatsaus 6/2025",
        "Esimerkkiaineisto (generoitu)",
    ]


def test_every_catalogue_title_is_readable_in_every_language() -> None:
    for doc in catalogue().values():
        for lang in LANGS:
            for text in (doc.title[lang], doc.short[lang]):
                assert text.strip(), (doc.id, lang)
                assert not NOT_READABLE.search(text), (doc.id, lang, text)


def test_every_source_the_demo_data_cites_has_a_catalogue_title() -> None:
    cited = set()
    for path in sorted((documents.REFERENCE_DIR.parent / "demo").glob("*.csv")):
        if path.name == LOAD_DATES:  # not data: the demo's simulated load dates
            continue
        with open(path, encoding="utf-8") as f:
            reader = csv.DictReader(f)
            cited |= {row["source_doc"] for row in reader if row.get("source_doc")}
            cited.add(path.name)
    for source in sorted(cited):
        found = resolve(source)
        assert found, source
        assert "upload" not in [doc.id for doc in found], source
