"""Streamlit helpers shared by the pages: cached queries, view state, widgets."""
