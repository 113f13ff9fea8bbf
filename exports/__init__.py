"""Chart exports: images (kaleido), the data behind them (CSV, XLSX) and editable PowerPoint decks."""
