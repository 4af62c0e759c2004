"""Widgets of the main window: grid, sources, metadata editor, loupe, welcome panel."""
