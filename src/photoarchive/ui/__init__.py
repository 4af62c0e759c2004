"""The desktop application: the only package that imports PySide6."""

from photoarchive.ui.compat import protect_singletons

protect_singletons()  # PySide6 6.12.0 on Python 3.11: see ui/compat.py
