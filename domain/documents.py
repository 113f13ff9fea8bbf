"""Readable titles for sources: document codes and file names in the data → titles in fi/sv/en.

The catalogue is data/reference/documents.csv. A source as the data writes it may be a document id
("000"), several ("000, 002"), a seed file name ("000_1000f12d482e814f.txt"), a loaded file
("sotkanet_rest_csv_ind6411_….csv", "generated_series.csv") or a path with a remark
("shared/domain/README.md (only the year is known)"). Whatever it is, a reader is shown a title,
never the code, hash, file name or path: what nothing matches is cited as an uploaded file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from domain.programme import REFERENCE_DIR

DOCUMENTS = REFERENCE_DIR / "documents.csv"
LANGS = ("fi", "sv", "en")
UNKNOWN = "upload"  # the catalogue row cited for a file nothing else matches
MAX_SOURCE = 500  # characters of one source text looked at
_SPLIT = re.compile(r"\s*[,;+]\s*|\s+/\s+")  # "000, 002", "glossary.md / 001_…"; a path keeps its /
_REMARK = re.compile(r"\s*\([^)]*\)\s*")  # "(only the year is known)"


@dataclass(frozen=True)
class Document:
    id: str
    title: dict[str, str]  # lang → full title
    short: dict[str, str]  # lang → short title
    publisher: str
    date: str  # as precise as known: 2025-06-10, 2022, or empty
    kind: str  # status_review | project_plan | national_summary | government_bill | statistics | …
    url: str
    files: tuple[str, ...]  # glob patterns of file names that cite this document


@cache
def catalogue(path: Path = DOCUMENTS) -> dict[str, Document]:
    """Every document by id, in the file's order."""
    with open(path, encoding="utf-8", newline="") as f:
        return {
            row["id"]: Document(
                id=row["id"],
                title={lang: row[f"title_{lang}"] for lang in LANGS},
                short={lang: row[f"short_{lang}"] or row[f"title_{lang}"] for lang in LANGS},
                publisher=row["publisher"],
                date=row["date"],
                kind=row["kind"],
                url=row["url"],
                files=tuple(row["files"].split()),
            )
            for row in csv.DictReader(f)
        }


def _by_file(name: str, documents: dict[str, Document]) -> Document | None:
    base = name.rsplit("/", 1)[-1]
    # The first pattern in catalogue order wins, so specific rows (sotkanet_*ind6411_*) go first.
    return next((doc for doc in documents.values() if any(fnmatchcase(base, p) for p in doc.files)), None)


def resolve(source: object, documents: dict[str, Document] | None = None) -> list[Document]:
    """The documents one source text names, in its order, each once; an unknown part → the upload row."""
    documents = catalogue() if documents is None else documents
    if not isinstance(source, str) or not source.strip():
        return []
    text = source[:MAX_SOURCE].strip()
    text = text[1:-1] if text.startswith("(") and text.endswith(")") else _REMARK.sub(" ", text)
    found: list[Document] = []
    for part in filter(None, (p.strip() for p in _SPLIT.split(text))):
        doc = documents.get(part) or _by_file(part, documents)
        if doc is None and part.split("_", 1)[0] in documents:  # "000_<hash>.txt" without a pattern
            doc = documents[part.split("_", 1)[0]]
        if doc is None and part.lower().endswith((".md", ".txt")):
            continue  # a background note next to a document ("glossary.md / 001_…"): the document cites
        doc = doc or documents[UNKNOWN]
        if doc not in found:
            found.append(doc)
    return found or [documents[UNKNOWN]]


def titles(sources: Iterable[object], lang: str, short: bool = False) -> list[str]:
    """Titles of every document the sources name, each once, in first-seen order."""
    seen: list[Document] = []
    for source in sources:
        seen += [doc for doc in resolve(source) if doc not in seen]
    return [(doc.short if short else doc.title)[lang] for doc in seen]


def cite(source: object, lang: str, short: bool = True) -> str:
    """One source as a reader sees it: its documents' titles joined ("A; B"), or empty if none."""
    return "; ".join(titles([source], lang, short=short))
