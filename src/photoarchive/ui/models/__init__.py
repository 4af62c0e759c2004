"""Qt item models: thin adapters over the catalog's plain data, tested without widgets."""
