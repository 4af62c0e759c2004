"""Dialogs: import, collection properties, paste fields, errors."""
