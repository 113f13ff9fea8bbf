"""The columns each loader supplies per table: the contract between loaders and the one write path."""

from __future__ import annotations

from typing import Any, Protocol


class StreamedRows(Protocol):
    """Rows too many to hold at once (a large Sotkanet CSV): the writer inserts reader()'s batches into
    the file's open transaction, then calls finish(), which raises LoadErrors if any batch had a
    problem; the transaction is then rolled back, so a refused file leaves nothing behind. Its bytes are
    looked up after the pass, when sha256() is known: a file already stored is rolled back then.
    A batch has STREAMED_COLUMNS: each row names its series by a number local to the file, and after
    the pass series() describes each number once (SERIES_COLUMNS), so no row carries the texts. A row's
    raw is NULL where the loader found it surely canonical (store.observation_sql.SURELY_CANONICAL)."""

    dataset: str  # every row's dataset
    schema: Any  # pyarrow.Schema with STREAMED_COLUMNS

    def reader(self) -> Any: ...  # a pyarrow.RecordBatchReader: one pass over the file

    def series(self) -> Any: ...  # after a pass: a pyarrow.Table, ("series", *SERIES_COLUMNS)

    def finish(self) -> None: ...

    def sha256(self) -> str: ...  # after a pass: the file's SHA-256 (hashed as it was read)

    def __len__(self) -> int: ...  # rows of the last finished pass


# Columns a loader supplies per table (ingest_id and superseded_by are the store's own).
LOADER_COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": (
        "region_code",
        "name_fi",
        "name_sv",
        "name_en",
        "kind",
        "is_rrp_area",
        "sotkanet_id",
        "sotkanet_id_old",
        "yta",
        "yta_confidence",
        "grid_row",
        "grid_col",
    ),
    "indicators": (
        "indicator_code",
        "name_fi",
        "name_sv",
        "name_en",
        "short_fi",
        "short_sv",
        "short_en",
        "unit",
        "higher_is_better",
        "decimals",
        "investment",
        "is_headline",
        "sotkanet_id",
        "thl_id",
        "ids_verified",
        "caveat_fi",
        "caveat_sv",
        "caveat_en",
    ),
    "documents": (
        "id",
        "title_fi",
        "title_sv",
        "title_en",
        "short_fi",
        "short_sv",
        "short_en",
        "publisher",
        "date",
        "kind",
        "url",
        "files",
    ),
    "observations": (
        "dataset",
        "indicator",
        "indicator_code",
        "region",
        "region_code",
        "period",
        "gender",
        "value",
        "status",
        "raw",
        "source_row",
        "is_demo",
        "note",
    ),
    "targets": (
        "indicator_code",
        "region_code",
        "kind",
        "period",
        "value",
        "raw",
        "source_doc",
        "quote",
        "caveat",
        "source_row",
        "is_demo",
    ),
    "row_notes": (
        "table_name",
        "source_row",
        "source_doc",
        "note_fi",
        "note_sv",
        "note_en",
    ),
    "annotations": (
        "indicator_code",
        "on_date",
        "label_fi",
        "label_sv",
        "label_en",
        "source_doc",
        "source_row",
        "is_demo",
    ),
    "status_reports": (
        "period",
        "region_code",
        "pillar",
        "investment",
        "dimension",
        "status",
        "raw",
        "comment",
        "source_doc",
        "source_row",
        "is_demo",
    ),
    "progress": (
        "period",
        "region_code",
        "pillar",
        "investment",
        "percent",
        "raw",
        "source_doc",
        "note",
        "source_row",
        "is_demo",
    ),
    "budgets": (
        "period",
        "region_code",
        "project",
        "pillar",
        "investment",
        "cost_centre",
        "work_package",
        "budget_eur",
        "realised_eur",
        "source_doc",
        "note",
        "source_row",
        "is_demo",
    ),
    "source_indicators": (
        "dataset",
        "indicator",
        "title_fi",
        "title_sv",
        "title_en",
        "value_type",
        "decimals",
        "organization",
        "description_fi",
        "data_updated",
    ),
    "source_regions": (
        "dataset",
        "region",
        "code",
        "category",
        "title_fi",
        "title_sv",
        "title_en",
        "member_of",
        "region_code",
    ),
}
# One refresh run's log rows (store.db.Writer.log_refresh): not a loader's table, it has no ingest_id.
REFRESH_LOG_COLUMNS = (
    "run_at",
    "refreshed_at",
    "dataset",
    "indicator",
    "outcome",
    "reason_kind",
    "http_status",
    "reason",
    "rows",
)
# Reference data and source metadata: a newer file replaces by key.
UPSERT_TABLES = {"regions", "indicators", "documents", "source_indicators", "source_regions"}
# Upserts that fill in rather than replace: a source's metadata arrives from several files (a portal
# download has the Finnish title only, the REST metadata all three), and a later file must not blank
# what an earlier one gave. The row's ingest_id is the latest file's.
MERGED_KEYS = {"source_indicators": ("dataset", "indicator")}
OBSERVATION_KEY = ("dataset", "indicator", "region", "period", "gender")
# How observations are stored (schema 4): what an observation shares with the rest of its series (its key
# minus the period, our codes, the demo flag and the note) once per series in `series`, each row naming
# its series_id.
SERIES_COLUMNS = ("dataset", "indicator", "indicator_code", "region", "region_code", "gender", "is_demo", "note")
# The rest of LOADER_COLUMNS["observations"], behind the file-local series number of a streamed row.
STREAMED_COLUMNS = ("series", "period", "value", "status", "raw", "source_row")
