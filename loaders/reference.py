"""Our regions, indicators and cited documents, kept as data in data/reference/, and lookups built from them."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from config import ROOT
from store.batch import Batch

REFERENCE_DIR = ROOT / "data" / "reference"
FILES = {"regions": "regions.csv", "indicators": "indicators.csv", "documents": "documents.csv"}
BOOLEAN = {"is_rrp_area", "higher_is_better", "is_headline", "ids_verified"}
INTEGER = {"grid_row", "grid_col", "decimals"}


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in frame.columns:
        if column in BOOLEAN:
            frame[column] = frame[column].str.lower().eq("true")
        elif column in INTEGER:
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
        else:
            frame[column] = frame[column].replace("", None)
    return frame


def batch(directory: Path = REFERENCE_DIR) -> Batch:
    """The reference files as one batch; its hash changes whenever any of them does."""
    digest = hashlib.sha256()
    tables = {}
    for table, name in FILES.items():
        digest.update((directory / name).read_bytes())
        tables[table] = _read(directory / name)
    return Batch("reference/" + "+".join(FILES.values()), digest.hexdigest(), "reference", tables, dataset="reference")


@dataclass(frozen=True)
class Lookups:
    regions: dict[str, str]  # our code, any name (lower case) → our code
    sotkanet_regions: dict[str, str]  # Sotkanet id of either era → our code
    indicators: set[str]  # our codes
    sotkanet_indicators: dict[str, str]  # verified Sotkanet id → our code
    percent_indicators: set[str]  # our codes whose unit is percent


@cache
def lookups(directory: Path = REFERENCE_DIR) -> Lookups:
    regions, by_sotkanet = {}, {}
    with open(directory / FILES["regions"], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["region_code"]
            for name in (code, row["name_fi"], row["name_sv"], row["name_en"]):
                regions[name.lower()] = code
            for sotkanet_id in (row["sotkanet_id"], row["sotkanet_id_old"]):
                if sotkanet_id:
                    by_sotkanet[sotkanet_id] = code
    indicators, by_sotkanet_indicator, percent = set(), {}, set()
    with open(directory / FILES["indicators"], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            indicators.add(row["indicator_code"])
            if row["unit"] == "percent":
                percent.add(row["indicator_code"])
            # An unverified id is kept for checking, never used to map values.
            if row["sotkanet_id"] and row["ids_verified"] == "true":
                by_sotkanet_indicator[row["sotkanet_id"]] = row["indicator_code"]
    return Lookups(regions, by_sotkanet, indicators, by_sotkanet_indicator, percent)
