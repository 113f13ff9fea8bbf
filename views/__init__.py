"""Views: a page's question answered without Streamlit — data → metrics → figure, words and table.

Pages render views; the export CLI rebuilds the same views from a URL query string. A view reads
through `Data` (cached in the app by ui.cache, direct in the CLI by store.queries.Reader).
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd


class Data(Protocol):
    """The store questions views ask (store.queries, minus the connection)."""

    def indicators(self) -> pd.DataFrame: ...
    def regions(self) -> pd.DataFrame: ...
    def targets(self, indicator_code: str) -> pd.DataFrame: ...
    def series(self, indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame: ...
    def annotations(self, indicator_code: str) -> pd.DataFrame: ...
    def ingests(self) -> pd.DataFrame: ...
