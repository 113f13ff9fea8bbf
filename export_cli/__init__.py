"""The export command line (`python -m export_cli deck|chart|scorecard`): views from the store, written to files."""
