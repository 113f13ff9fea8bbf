"""The programme's vocabulary, shared by loaders, metrics and views: codes, periods, investments.

A leaf package: it imports nothing from the project. Facts live in data/reference/ (programme.toml).
"""

from __future__ import annotations

from domain.programme import PROGRAMME

NATIONAL = PROGRAMME.whole_country  # "358": the whole country (koko maa)
DEFAULT_AREA = PROGRAMME.default_area  # "18": Keski-Pohjanmaa, the area the documents describe best
