"""Pure computations: periods, trajectories, verdicts. No Streamlit, no DuckDB, no text."""
