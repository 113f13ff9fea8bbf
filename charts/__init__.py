"""Pure Plotly figure builders and chart text; no Streamlit, no DuckDB."""
