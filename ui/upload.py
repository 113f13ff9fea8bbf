"""The upload page's Streamlit pieces: outcome tables, and the column-mapping flow for a table no layout takes.

The flow draws what loaders.column_guess, loaders.recipes and loaders.mapped return: a preview of the
first rows (a data grid: cells are never Markdown), one selectbox per role preselected from a matching
recipe or the guess, a dry run, a load through loaders.ingest.write (the CLI's path), and a recipe to save.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from charts import tables
from config import settings
from i18n import t
from loaders import column_guess, ingest, mapped, preview, recipes
from loaders.limits import UPLOAD
from ui import cache, widgets

NOT_CHOSEN = ""  # a selectbox's "— choose —" / "— none —"


def table(frame: pd.DataFrame, lang: str, wrap: bool = False) -> None:
    """Column names and statuses in the user's language; cells stay plain text (a data grid).
    wrap: problems as a static table of two columns whose long cells wrap (see _located)."""
    if "status" in frame:
        frame = frame.assign(status=[t(f"upload.status.{status}", lang) for status in frame["status"]])
    if "kind" in frame:
        frame = frame.assign(kind=[t(f"upload.kind.{kind}", lang) for kind in frame["kind"]])
    for name in ("row", "column"):  # a problem of the whole file: a blank cell, not the grid's English "None"
        if name in frame:
            frame = frame.assign(**{name: ["" if pd.isna(cell) else str(cell) for cell in frame[name]]})
    if wrap:
        frame = _located(frame, lang)
    frame = frame.rename(columns=lambda c: t(f"upload.column.{c}", lang))
    if wrap:  # every cell escaped (charts.tables.markdown): a file's text never becomes markup
        st.markdown(tables.markdown(frame))
    else:
        st.dataframe(frame, hide_index=True, width="stretch")


def _located(problems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Two columns that fit a phone: where (kind, file, row, column: "virhe: huono.csv:3:value") and the
    problem, whose "expected" (what to do) wraps instead of being cut off."""
    parts = zip(problems["kind"], problems["file"], problems["row"], problems["column"], strict=True)
    where = [f"{kind}: " + ":".join(str(p) for p in place if p != "") for kind, *place in parts]
    pairs = zip(problems["expected"], problems["found"], strict=True)
    said = [t("upload.problem_cell", lang, expected=expected, found=found) for expected, found in pairs]
    return pd.DataFrame({"where": where, "problem": said})


def offer_tables(files: list[Any], outcomes: list[ingest.Outcome]) -> list[ingest.Outcome]:
    """Each file no layout took whose head reads as a table gets the status "table", not "refused"."""
    pairs = zip(files, outcomes, strict=True)
    return [mapped.as_table(o) if mapped.wants_mapping(o) and _head(f, None) else o for f, o in pairs]


SAVED = ("loaded", "already loaded")


def summary_line(outcomes: list[ingest.Outcome], lang: str) -> str:
    """How many files are good, refused, and (when any) read as tables whose columns are chosen below."""
    good = sum(outcome.batch is not None for outcome in outcomes)
    tables = sum(outcome.status == mapped.TABLE for outcome in outcomes)
    saved = sum(_mapped_saved(outcome) for outcome in outcomes)
    refused = len(outcomes) - good - tables - saved
    line = t("upload.checked_summary", lang, files=len(outcomes), good=good, refused=refused)
    line += f" · {t('upload.checked_tables', lang, tables=tables)}" if tables else ""
    return line + (f" · {t('upload.checked_saved', lang, saved=saved)}" if saved else "")


def _mapped_saved(outcome: ingest.Outcome) -> bool:
    return outcome.batch is None and outcome.status in SAVED


def _mapped(outcome: ingest.Outcome) -> bool:
    """A table whose columns are chosen below, or one already saved that way (its recipe may still be saved)."""
    return outcome.status == mapped.TABLE or _mapped_saved(outcome)


def mapping_offered(outcomes: list[ingest.Outcome]) -> bool:
    return any(_mapped(outcome) for outcome in outcomes)


def flash() -> None:
    """What the last action did, said once at the top after the page has been drawn again for it."""
    message = st.session_state.pop("upload:flash", None)
    if message:
        st.success(widgets.plain(message))


def _head(file: Any, sheet: str | None) -> column_guess.Head | None:
    """The file's bounded head, read once per file and sheet in this session."""
    heads = st.session_state.setdefault("map:heads", {})
    key = (file.file_id, sheet)
    if key not in heads:
        heads[key] = column_guess.read_head(Path(file.name), file.getvalue(), sheet, UPLOAD)
    return heads[key]


def _start(key: str, head: column_guess.Head, lang: str) -> dict[str, str]:
    """Preselect the widgets once per file: from a recipe made for this header, else from the guess.
    Returns a caption per role saying where its choice came from."""
    recipe = recipes.matching(settings().recipes_dir, head.header)
    known = frozenset(cache.reader().indicators()["indicator_code"])
    guess = column_guess.guess(head, known)
    if recipe:
        choices = mapped.choices_of(recipe.mapping)
        said = {role: t("upload.mapping.from_recipe", lang, name=recipe.name) for role in column_guess.ROLES}
    else:
        choices = mapped.Choices(dict(guess.columns), None, "oma", guess.region_ids)
        said = {role: t("upload.mapping.guessed", lang, reason=r.text(lang)) for role, r in guess.reasons.items()}
    if f"{key}:init" not in st.session_state:
        for role in column_guess.ROLES:
            st.session_state[f"{key}:{role}"] = choices.columns.get(role) or NOT_CHOSEN
        fixed = choices.indicator is not None or not choices.columns.get("indicator")
        st.session_state[f"{key}:from"] = "fixed" if fixed else "column"
        st.session_state[f"{key}:indicator_id"] = choices.indicator
        st.session_state[f"{key}:dataset"] = choices.dataset
        st.session_state[f"{key}:sotkanet"] = choices.region_ids == "sotkanet"
        st.session_state[f"{key}:recipe_name"] = recipe.name if recipe else ""
        st.session_state[f"{key}:init"] = True
    st.session_state[f"{key}:recipe"] = recipe.name if recipe else None
    return said


def _column(key: str, role: str, columns: list[str], said: dict[str, str], lang: str) -> str | None:
    empty = t("upload.mapping.none" if role == "gender" else "upload.mapping.choose", lang)
    label = "upload.mapping.indicator_column_label" if role == "indicator" else f"upload.mapping.role.{role}"
    chosen = st.selectbox(
        t(label, lang),
        [NOT_CHOSEN, *columns],
        format_func=lambda c: c or empty,
        key=f"{key}:{role}",
    )
    st.caption(widgets.plain(said.get(role, "")))  # the reason quotes the file: escaped
    return chosen or None


def _choices(key: str, head: column_guess.Head, said: dict[str, str], lang: str) -> mapped.Choices:
    columns = [name for name in dict.fromkeys(head.header) if name]
    chosen: dict[str, str | None] = {}
    for box, role in zip(st.columns(3), ("region", "period", "value"), strict=True):
        with box:
            chosen[role] = _column(key, role, columns, said, lang)
    left, middle, right = st.columns(3)
    with left:
        chosen["gender"] = _column(key, "gender", columns, said, lang)
    with middle:
        source = st.radio(
            t("upload.mapping.indicator_from", lang),
            ["column", "fixed"],
            format_func=lambda s: t(f"upload.mapping.indicator_{s}", lang),
            horizontal=True,
            key=f"{key}:from",
        )
        indicator = None
        if source == "column":
            chosen["indicator"] = _column(key, "indicator", columns, said, lang)
        else:
            known = list(cache.reader().indicators()["indicator_code"])
            typed = st.session_state.get(f"{key}:indicator_id")
            indicator = st.selectbox(
                t("upload.mapping.indicator_id", lang),
                known + ([typed] if typed and typed not in known else []),
                accept_new_options=True,
                placeholder=t("upload.mapping.indicator_id_placeholder", lang),
                help=t("upload.mapping.indicator_id_help", lang),
                key=f"{key}:indicator_id",
            )
    with right:
        dataset = st.text_input(
            t("upload.mapping.dataset", lang),
            max_chars=mapped.MAX_ID,
            help=t("upload.mapping.dataset_help", lang),
            key=f"{key}:dataset",
        )
    sotkanet = st.checkbox(t("upload.mapping.sotkanet_ids", lang), key=f"{key}:sotkanet")  # full width: long label
    return mapped.Choices(chosen, indicator, dataset, "sotkanet" if sotkanet else None, head.sheet)


def _dry_run(key: str, file: Any, choices: mapped.Choices, lang: str) -> ingest.Outcome | None:
    """The dry run's outcome if it was made with the choices now on screen."""
    mapping = mapped.to_mapping(choices)
    if st.button(t("upload.mapping.dry_run", lang), key=f"{key}:try"):
        path = Path(preview.safe_name(file.name))
        st.session_state[f"{key}:dry"] = (mapping, mapped.check(path, file.getvalue(), mapping, UPLOAD))
    if f"{key}:dry" not in st.session_state:
        return None
    tried, outcome = st.session_state[f"{key}:dry"]
    if tried != mapping:
        st.warning(t("upload.mapping.stale", lang))
        return None
    st.subheader(t("upload.mapping.dry_run_title", lang))
    if outcome.batch is not None:
        found = preview.summarise(outcome.batch)
        counts = {"rows": outcome.rows, "regions": len(found["regions"]), "periods": len(found["periods"])}
        st.write(t("upload.mapping.would_load", lang, **counts))
    table(preview.summary_frame([outcome]), lang)
    problems, more = preview.problem_frame([outcome], lang=lang)
    if len(problems):
        table(problems, lang, wrap=True)
        for name, count in more.items():
            st.text(t("upload.more", lang, count=count, file=name))
    return outcome


def _load(key: str, outcome: ingest.Outcome, dataset: str, lang: str) -> None:
    if not st.button(t("upload.mapping.load", lang), type="primary", key=f"{key}:load"):
        return
    try:
        ingest.write([outcome], settings().db_path, progress=st.text)
    except OSError as error:  # disk full, store directory not writable: the live store is untouched
        st.error(widgets.plain(t("upload.write_failed", lang, error=error)))
        return
    st.cache_data.clear()
    if outcome.status not in SAVED:  # the store refused it after all: say why, here
        table(preview.summary_frame([outcome])[["file", "status", "rows"]], lang)
        return
    # Written: the summary at the top says so (no batch waits for "Tallenna"), the mapping form goes.
    done = replace(outcome, batch=None)
    st.session_state["upload:outcomes"] = [
        done if other.file == outcome.file else other for other in st.session_state["upload:outcomes"]
    ]
    st.session_state["upload:flash"] = t("upload.mapping.loaded", lang, dataset=dataset)
    st.rerun()


def _recipe(key: str, head: column_guess.Head, choices: mapped.Choices, ready: bool, lang: str) -> None:
    st.subheader(t("upload.mapping.recipe_title", lang))
    typed = st.text_input(
        t("upload.mapping.recipe_name", lang),
        max_chars=recipes.MAX_NAME,
        help=t("upload.mapping.recipe_help", lang),
        key=f"{key}:recipe_name",
    )
    if not typed.strip():
        return
    directory = settings().recipes_dir
    try:
        recipe = recipes.Recipe(recipes.clean_name(typed), head.header, mapped.to_mapping(choices))
    except recipes.RecipeError as error:
        st.error(widgets.plain(error.text(lang)))
        return
    replace = False
    if recipes.conflict(directory, recipe):
        st.warning(widgets.plain(recipes.RecipeError("exists", name=recipe.name).text(lang)))
        replace = st.checkbox(t("upload.mapping.recipe_replace", lang), key=f"{key}:replace")
    disabled = not ready or (recipes.conflict(directory, recipe) is not None and not replace)
    if st.button(t("upload.mapping.recipe_save", lang), key=f"{key}:save_recipe", disabled=disabled):
        try:
            recipes.save(directory, recipe, replace=replace)
        except (OSError, recipes.RecipeError) as error:  # a directory we cannot write; a name taken meanwhile
            text = error.text(lang) if isinstance(error, recipes.RecipeError) else str(error)
            st.error(widgets.plain(t("upload.write_failed", lang, error=text)))
            return
        st.success(widgets.plain(t("upload.mapping.recipe.saved", lang, name=recipe.name)))


def mapping_flow(files: list[Any], outcomes: list[ingest.Outcome], lang: str) -> None:
    """For the uploaded files no layout took but that read as a table (offer_tables): map the columns, try, load."""
    # A table saved through its mapping keeps the form: its recipe may still be saved, and a second
    # load is only "already saved" (the same bytes load once).
    candidates = [f for f, o in zip(files, outcomes, strict=True) if _mapped(o)]
    if not candidates:
        return
    st.divider()
    st.header(t("upload.mapping.title", lang))
    file = candidates[0]
    if len(candidates) > 1:
        names = {f.file_id: preview.safe_name(f.name) for f in candidates}
        chosen = st.selectbox(t("upload.mapping.file", lang), list(names), format_func=names.get, key="map:file")
        file = next(f for f in candidates if f.file_id == chosen)
    head = _head(file, None)
    if head.sheets and len(head.sheets) > 1:
        sheet = st.selectbox(t("upload.mapping.sheet", lang), head.sheets, key=f"map:{file.file_id}:sheet")
        head = _head(file, sheet) or head
    key = f"map:{file.file_id}:{head.sheet or ''}"
    st.write(widgets.plain(t("upload.mapping.intro", lang, file=preview.safe_name(file.name))))
    said = _start(key, head, lang)
    if st.session_state.get(f"{key}:recipe"):
        st.info(widgets.plain(t("upload.mapping.recipe_matched", lang, name=st.session_state[f"{key}:recipe"])))
    st.subheader(t("upload.mapping.preview", lang))
    frame = mapped.preview_frame(head)
    st.caption(t("upload.mapping.preview_caption", lang, rows=len(frame), columns=len(frame.columns)))
    st.dataframe(frame, hide_index=True, width="stretch")
    choices = _choices(key, head, said, lang)
    wanting = mapped.missing(choices)
    if wanting:
        roles = ", ".join(t(f"upload.mapping.role.{role}", lang) for role in wanting)
        st.info(t("upload.mapping.missing", lang, roles=roles))
    else:
        outcome = _dry_run(key, file, choices, lang)
        if outcome is not None and outcome.batch is not None:
            _load(key, outcome, mapped.clean_dataset(choices.dataset) or "", lang)
    _recipe(key, head, choices, not wanting, lang)
