-- The store's tables. Safe to rerun: every statement is IF NOT EXISTS (views: OR REPLACE).
-- Data changes (rewriting stored rows) go in store/db.migrate with a new schema_version.

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
-- The sha256 of the schema.sql a writer last ran on this file. Readers refuse a file written under
-- another schema.sql (its views may name columns this code does not know); `python -m loaders
-- upgrade` publishes a copy brought up to date.
CREATE TABLE IF NOT EXISTS schema_fingerprint (sha256 TEXT NOT NULL);

-- One row per loaded file (or API response saved as a file).
CREATE TABLE IF NOT EXISTS ingests (
    ingest_id     INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,   -- of the file's bytes: the same bytes load once
    format        TEXT NOT NULL,
    dataset       TEXT NOT NULL,
    rows          BIGINT NOT NULL,
    url           TEXT,
    retrieved_at  TIMESTAMP,
    loaded_at     TIMESTAMP NOT NULL,
    is_demo       BOOLEAN NOT NULL
);

-- Our areas: 21 counties, Helsinki, Åland (not an RRP area) and the whole country.
CREATE TABLE IF NOT EXISTS regions (
    region_code     TEXT PRIMARY KEY,     -- Statistics Finland code, kept as text ("02")
    name_fi         TEXT NOT NULL,
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    kind            TEXT NOT NULL,        -- country | county | city | autonomous
    is_rrp_area     BOOLEAN NOT NULL,
    sotkanet_id     TEXT,                 -- hyvinvointialue era (956–978; 658 country)
    sotkanet_id_old TEXT,                 -- older era (877–898)
    yta             TEXT,                 -- collaborative area: HYKS TYKS TAYS KYS OYS
    yta_confidence  TEXT,
    grid_row        INTEGER,              -- tile-map position
    grid_col        INTEGER,
    ingest_id       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS indicators (
    indicator_code   TEXT PRIMARY KEY,
    name_fi          TEXT NOT NULL,
    name_sv          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    short_fi         TEXT NOT NULL,
    short_sv         TEXT NOT NULL,
    short_en         TEXT NOT NULL,
    unit             TEXT NOT NULL,       -- percent | days | count | eur
    higher_is_better BOOLEAN NOT NULL,
    decimals         INTEGER NOT NULL,
    investment       TEXT,
    is_headline      BOOLEAN NOT NULL,
    sotkanet_id      TEXT,
    thl_id           TEXT,
    ids_verified     BOOLEAN NOT NULL,    -- false: the source id is a guess to be checked
    caveat_fi        TEXT,
    caveat_sv        TEXT,
    caveat_en        TEXT,
    ingest_id        INTEGER NOT NULL
);

-- The documents and sources values cite (data/reference/documents.csv): a title for every code.
CREATE TABLE IF NOT EXISTS documents (
    id               TEXT PRIMARY KEY,    -- as the data cites it: 000, he_74_2022, sotkanet_6411, generated
    title_fi         TEXT NOT NULL,
    title_sv         TEXT NOT NULL,
    title_en         TEXT NOT NULL,
    short_fi         TEXT NOT NULL,
    short_sv         TEXT NOT NULL,
    short_en         TEXT NOT NULL,
    publisher        TEXT,
    date             TEXT,                -- as precise as known: 2025-06-10, 2022
    kind             TEXT NOT NULL,       -- status_review | project_plan | national_summary | statistics | …
    url              TEXT,
    files            TEXT,                -- glob patterns of file names that cite it, space-separated
    ingest_id        INTEGER NOT NULL
);

-- What the values of one series share: the observation key minus the period, with our codes, and the
-- demo flag and note, which a file gives for all of a series' rows or few of them. Stored once per
-- series rather than on each of its rows (schema 3; the flag and note since schema 4), which made a large
-- load twice as fast. Rows of one key with another flag or note are another series of the same key.
-- A load adds only the series it has no row for (same eight columns); ids are never reused.
CREATE TABLE IF NOT EXISTS series (
    series_id      INTEGER NOT NULL,
    dataset        TEXT NOT NULL,         -- sotkanet | thl | manual
    indicator      TEXT NOT NULL,         -- the id as the source writes it
    indicator_code TEXT,                  -- ours where mapped
    region         TEXT NOT NULL,         -- the id as the source writes it
    region_code    TEXT,                  -- ours where mapped
    gender         TEXT,                  -- total | male | female
    is_demo        BOOLEAN NOT NULL,
    note           TEXT                   -- quote or caveat from the source document
);

-- Values as loaded. A newer value for the same key (series key and period) supersedes the older
-- one, which stays. Read them through observations_v, which joins the series back.
CREATE TABLE IF NOT EXISTS observations (
    ingest_id      INTEGER NOT NULL,
    series_id      INTEGER NOT NULL,      -- series.series_id
    period         TEXT NOT NULL,         -- canonical: 2024, 2024Q3, 2024-03
    value          DOUBLE,                -- NULL where the source has no value
    status         TEXT,                  -- e.g. '..' suppressed
    raw            TEXT,                  -- the value as written, only where it differs from
                                          -- CAST(value AS VARCHAR); observations_v.raw rebuilds it
    source_row     BIGINT,                -- 1-based row (or item) in the file
    superseded_by  INTEGER                -- ingest that replaced this value; NULL = current
);

-- Baselines and targets; two documents that disagree give two rows.
CREATE TABLE IF NOT EXISTS targets (
    ingest_id      INTEGER NOT NULL,
    indicator_code TEXT NOT NULL,
    region_code    TEXT NOT NULL,
    kind           TEXT NOT NULL,         -- baseline | target | interim_target
    period         TEXT NOT NULL,
    value          DOUBLE NOT NULL,
    raw            TEXT,
    source_doc     TEXT NOT NULL,
    quote          TEXT,
    caveat         TEXT,
    source_row     BIGINT,
    is_demo        BOOLEAN NOT NULL
);

-- Notes and caveats of a loaded row in fi/sv/en, and the document an observation row cites
-- (template files; other tables keep their own source_doc). Joined on (ingest_id, table_name, source_row).
CREATE TABLE IF NOT EXISTS row_notes (
    ingest_id      INTEGER NOT NULL,
    table_name     TEXT NOT NULL,         -- observations | targets | progress | budgets
    source_row     BIGINT NOT NULL,
    source_doc     TEXT,                  -- observations: the cited document (documents.id or as written)
    note_fi        TEXT,
    note_sv        TEXT,
    note_en        TEXT
);

-- Dated events drawn on an indicator's time axis (NULL indicator: every indicator).
CREATE TABLE IF NOT EXISTS annotations (
    ingest_id      INTEGER NOT NULL,
    indicator_code TEXT,
    on_date        DATE NOT NULL,
    label_fi       TEXT NOT NULL,
    label_sv       TEXT NOT NULL,
    label_en       TEXT NOT NULL,
    source_doc     TEXT,
    source_row     BIGINT,
    is_demo        BOOLEAN NOT NULL
);



-- Coordinators' quarterly reports (hankesalkku): traffic lights, progress, budgets. Data as the
-- counties gave it; a missing row is missing data, "not_reported" is a status someone chose.
CREATE TABLE IF NOT EXISTS status_reports (
    ingest_id      INTEGER NOT NULL,
    period         TEXT NOT NULL,         -- quarter: 2024Q3
    region_code    TEXT NOT NULL,
    pillar         TEXT NOT NULL,         -- P3 | P4
    investment     TEXT NOT NULL,         -- P4I1 … P4I4, P3_TYOKYKY, P3_IPS
    dimension      TEXT NOT NULL,         -- schedule | costs | output_quality | output_scope | staff | risks | benefits
    status         TEXT NOT NULL,         -- on_track | monitor | quick_action | not_reported
    raw            TEXT,                  -- the status word as written
    comment        TEXT,
    source_doc     TEXT,
    source_row     BIGINT,
    is_demo        BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS progress (
    ingest_id      INTEGER NOT NULL,
    period         TEXT NOT NULL,         -- quarter: 2024Q3
    region_code    TEXT NOT NULL,
    pillar         TEXT NOT NULL,
    investment     TEXT NOT NULL,
    percent        DOUBLE NOT NULL,       -- 0–100, as the county reported it
    raw            TEXT,
    source_doc     TEXT,
    note           TEXT,
    source_row     BIGINT,
    is_demo        BOOLEAN NOT NULL
);

-- Budget against realised cost per cost centre / work package, as of a period.
CREATE TABLE IF NOT EXISTS budgets (
    ingest_id      INTEGER NOT NULL,
    period         TEXT NOT NULL,         -- realised up to: 2025-04
    region_code    TEXT NOT NULL,
    project        TEXT NOT NULL,
    pillar         TEXT NOT NULL,
    investment     TEXT NOT NULL,
    cost_centre    TEXT,                  -- kustannuspaikka, kept as text
    work_package   TEXT NOT NULL,
    budget_eur     DOUBLE NOT NULL,
    realised_eur   DOUBLE,                -- NULL: not reported, never 0
    source_doc     TEXT,
    note           TEXT,
    source_row     BIGINT,
    is_demo        BOOLEAN NOT NULL
);

-- Sotkanet metadata as the API gives it (/rest/1.1/indicators/{id}, /indicators): titles, unit, producer.
CREATE TABLE IF NOT EXISTS source_indicators (
    dataset         TEXT NOT NULL,        -- sotkanet
    indicator       TEXT NOT NULL,        -- the source's id, as in observations.indicator
    title_fi        TEXT,
    title_sv        TEXT,
    title_en        TEXT,
    value_type      TEXT,                 -- primaryValueType.code, e.g. PERCENTAGE, PER100000
    decimals        INTEGER,
    organization    TEXT,                 -- producer, in Finnish
    description_fi  TEXT,                 -- HTML as the API writes it
    data_updated    DATE,
    ingest_id       INTEGER NOT NULL,
    PRIMARY KEY (dataset, indicator)
);

-- Sotkanet regions (/rest/1.1/regions): every area, ours or not (municipalities, hospital districts…).
CREATE TABLE IF NOT EXISTS source_regions (
    dataset         TEXT NOT NULL,        -- sotkanet
    region          TEXT NOT NULL,        -- the source's id, as in observations.region
    code            TEXT,                 -- e.g. Statistics Finland code "049", kept as text
    category        TEXT,                 -- KUNTA, MAAKUNTA, HYVINVOINTIALUE, SAIRAANHOITOPIIRI, MAA…
    title_fi        TEXT,
    title_sv        TEXT,
    title_en        TEXT,
    member_of       TEXT,                 -- ids of the areas it belongs to, comma-separated
    region_code     TEXT,                 -- ours where mapped (658 → 358, 956–978 and 877–898)
    ingest_id       INTEGER NOT NULL,
    PRIMARY KEY (dataset, region)
);

-- Nightly refresh runs (loaders/refresh.py): one row per indicator per run, failures included, so the
-- app can say when each source was last refreshed and what failed. Written by store.db.Writer.log_refresh,
-- never touching observations: a night where everything failed still publishes its log.
CREATE TABLE IF NOT EXISTS refresh_log (
    run_at        TIMESTAMP NOT NULL,     -- the run's start: the same for every row of one run
    refreshed_at  TIMESTAMP NOT NULL,     -- when this indicator was fetched (local time, like loaded_at)
    dataset       TEXT NOT NULL,          -- sotkanet
    indicator     TEXT NOT NULL,          -- as in observations.indicator
    outcome       TEXT NOT NULL,          -- new | changed | unchanged | failed
    reason_kind   TEXT,                   -- failed: http | unreachable | no_range | refused (the answer was not loadable)
    http_status   INTEGER,                -- failed with kind http: the status the server answered
    reason        TEXT,                   -- failed: what went wrong, as the command prints it
    rows          BIGINT NOT NULL         -- values in the response (0 when failed)
);

-- The public read view for analysts: current values only, with provenance, the cited document and
-- the note in fi/sv/en (a note given once, untranslated, shows in every language).
-- store/as_of.py holds the same SELECT for an earlier day: keep the two alike (a test compares them).
CREATE OR REPLACE VIEW observations_v AS
SELECT s.indicator, s.indicator_code, s.region, s.region_code, o.period, s.gender,
       o.value, i.file_name AS source_file, o.source_row, s.is_demo,
       o.status, coalesce(o.raw, CAST(o.value AS VARCHAR)) AS raw, s.dataset, s.note, i.loaded_at,
       n.source_doc, coalesce(n.note_fi, s.note) AS note_fi, coalesce(n.note_sv, s.note) AS note_sv,
       coalesce(n.note_en, s.note) AS note_en
FROM observations o JOIN series s USING (series_id) JOIN ingests i USING (ingest_id)
LEFT JOIN row_notes n ON n.table_name = 'observations' AND n.ingest_id = o.ingest_id AND n.source_row = o.source_row
WHERE o.superseded_by IS NULL;
