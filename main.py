"""Run Photo Archive from a checkout: ``python main.py`` opens the window.

Spawned worker processes (import and export pools) import this file as their parent's
``__main__``; the guard keeps them from starting a second application.
"""

from photoarchive.__main__ import main

if __name__ == "__main__":
    main()
