"""Views: a page's question answered without Streamlit — data → metrics → figure, words and table.

Pages render views; the export CLI rebuilds the same views from a URL query string. Every view reads
through `store.reader.Reader` (named `Data` here): in the app its cached subclass (ui/cache.py), in the
CLI and the tests the plain one.
"""

from __future__ import annotations

from store.reader import Reader as Data

__all__ = ["Data"]
