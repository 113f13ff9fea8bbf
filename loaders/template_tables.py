"""Every table our template takes, in one place: its columns, its parser, and which table a header is.

The programme's tables (observations, targets, annotations) are parsed in loaders/template.py, the
counties' quarterly reports (status reports, progress, budgets) in loaders/template_reports.py; both
modules only declare their own tables, and this one registers them, so importing a parser changes nothing.
"""

from __future__ import annotations

from loaders import template, template_reports

# table → (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {**template.COLUMNS, **template_reports.COLUMNS}
# table → parser(check, rows, label, comma_decimals, demo) → the rows of that store table
PARSERS = {**template.PARSERS, **template_reports.PARSERS}


def detect(header: list[str]) -> str | None:
    """Which template table a header belongs to, if any: the one with the most required columns wins."""
    names = {name.lower() for name in header}
    by_specificity = sorted(COLUMNS.items(), key=lambda item: -len(item[1][0]))
    for table, (required, _) in by_specificity:
        if set(required) <= names:
            return table
    return None
