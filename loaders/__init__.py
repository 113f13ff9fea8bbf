"""Files and API responses → validated batches → the store's one write path."""
