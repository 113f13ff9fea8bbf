"""The DuckDB store: schema, the one write path, and the queries the UI asks."""
