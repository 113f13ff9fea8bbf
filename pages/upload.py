"""Lataa tiedostoja: an administrator checks files (a dry run), then saves them with the CLI's own code path;
a table no known layout takes is read through a column mapping (ui/upload.py)."""

import tempfile
from pathlib import Path

import streamlit as st

from config import settings
from i18n import t
from loaders import ingest, preview
from loaders.limits import UPLOAD
from ui import auth, state, upload, widgets

lang = state.language()
st.title(t("upload.title", lang))
if not auth.admin_configured():  # app.py hides the page too; this refuses a direct run
    st.info(t("upload.read_only", lang))
    st.stop()
if not auth.require_admin(lang):
    st.stop()

st.write(t("upload.intro", lang))
files = st.file_uploader(
    t("upload.files", lang), type=["csv", "json", "xlsx"], accept_multiple_files=True, key="upload:files"
)
if not files:
    st.stop()

# Check once per set of files; the batches wait in this session until "Tallenna".
signature = tuple(file.file_id for file in files)
if st.session_state.get("upload:signature") != signature:
    with tempfile.TemporaryDirectory() as directory:
        paths = preview.save_uploads(((file.name, file.getvalue()) for file in files), Path(directory))
        checked = ingest.check_files(paths, limits=UPLOAD)  # 50 MB, as the server
    st.session_state["upload:outcomes"] = upload.offer_tables(files, checked)  # no layout, but a table: map it
    st.session_state["upload:signature"] = signature
outcomes: list[ingest.Outcome] = st.session_state["upload:outcomes"]


def table(frame, wrap=False):  # column names and statuses in the user's language; cells stay plain text
    upload.table(frame, lang, wrap)


good = sum(outcome.batch is not None for outcome in outcomes)
st.subheader(t("upload.preview", lang))
st.write(upload.summary_line(outcomes, lang))
upload.flash()  # e.g. "saved" after a mapped table was loaded below
table(preview.summary_frame(outcomes))
problems, more = preview.problem_frame(outcomes, lang=lang)  # expected and found in the user's language
if len(problems):
    st.subheader(t("upload.problems", lang))
    table(problems, wrap=True)  # each "expected" in full: it says what to do
    for file, count in more.items():
        st.text(t("upload.more", lang, count=count, file=file))
if not good and not upload.mapping_offered(outcomes):
    st.warning(t("upload.nothing_to_save", lang))
    st.stop()

if good and st.button(t("upload.save", lang), type="primary", key="upload:save"):
    with st.status(t("upload.saving", lang), expanded=True) as status:
        try:
            ingest.write(outcomes, settings().db_path, progress=st.text)
        except OSError as error:  # disk full, store directory not writable: the live store is untouched
            status.update(state="error")
            st.error(widgets.plain(t("upload.write_failed", lang, error=error)))  # the path is data
            st.stop()
        status.update(label=t("upload.saved", lang), state="complete")
    st.cache_data.clear()  # every page reads the new version at its next rerun anyway
    st.subheader(t("upload.result", lang))
    table(preview.summary_frame(outcomes)[["file", "status", "rows"]])
    for line in preview.replacement_lines(outcomes, lang):  # nothing replaced silently
        st.text(line)
    refused_now = [outcome for outcome in outcomes if outcome.errors and outcome.errors.problems[0].key == "saved"]
    if refused_now:  # the store could not take a file that passed its checks
        table(preview.problem_frame(refused_now, lang=lang)[0], wrap=True)

upload.mapping_flow(files, outcomes, lang)  # a table no layout took: map its columns, try, load
