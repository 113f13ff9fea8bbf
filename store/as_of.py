"""What we knew when: any query, run against the store as it stood at the end of a given day.

One building block: CTES, put in front of a query (`WITH {CTES} SELECT …`, with `parameters`), shadows
the tables it reads under their own names, so every query keeps its SQL:

- `ingests`: only the loads with loaded_at before the end of that day;
- `observations_v`: each value's revision as it was then — loaded by then, and either still
  current or superseded only by a load after that day;
- `targets`, `annotations`, `row_notes` and the county-report tables: rows of those loads only.

Reference tables (regions, indicators, documents, source metadata) are upserted in place, so
their earlier versions are not kept: they are read as they are now. CTEs a query does not name
cost nothing (DuckDB drops them).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

# Tables whose rows belong to one load and are never rewritten: filtered by their ingest.
BY_INGEST = ("targets", "annotations", "row_notes", "status_reports", "progress", "budgets")

# observations_v (store/schema.sql) as it stood at $as_of_end; the columns are the view's.
OBSERVATIONS_V = (
    "observations_v AS (SELECT s.indicator, s.indicator_code, s.region, s.region_code, o.period, s.gender,"
    " o.value, i.file_name AS source_file, o.source_row, s.is_demo, o.status,"
    " coalesce(o.raw, CAST(o.value AS VARCHAR)) AS raw, s.dataset, s.note,"
    " i.loaded_at, n.source_doc, coalesce(n.note_fi, s.note) AS note_fi, coalesce(n.note_sv, s.note) AS note_sv,"
    " coalesce(n.note_en, s.note) AS note_en"
    " FROM main.observations o JOIN main.series s USING (series_id) JOIN ingests i USING (ingest_id)"
    " LEFT JOIN main.ingests later ON later.ingest_id = o.superseded_by"
    " LEFT JOIN row_notes n ON n.table_name = 'observations' AND n.ingest_id = o.ingest_id"
    " AND n.source_row = o.source_row"
    " WHERE o.superseded_by IS NULL OR later.loaded_at >= $as_of_end)"
)
CTES = ", ".join(
    [
        "ingests AS (SELECT * FROM main.ingests WHERE loaded_at < $as_of_end)",
        *(
            f"{table} AS (SELECT * FROM main.{table} WHERE ingest_id IN (SELECT ingest_id FROM ingests))"
            for table in BY_INGEST
        ),
        OBSERVATIONS_V,
    ]
)


def end_of(day: date) -> datetime:
    """The first moment after `day`: loads before it count (load times are local, like loaded_at)."""
    return datetime.combine(day + timedelta(days=1), time.min)


def parameters(params: dict[str, Any] | None, as_of: date | None) -> dict[str, Any]:
    """A query's parameters, with the end of `as_of` when one is given (the query then starts with CTES)."""
    params = dict(params or {})
    if as_of is None:
        return params
    if isinstance(as_of, datetime):  # a datetime is a date too: take its day
        as_of = as_of.date()
    return {**params, "as_of_end": end_of(as_of)}
