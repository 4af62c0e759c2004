"""Photoarchive commands run as processes for the kill -9 tests.

Every process a command starts inherits a marker in its environment, so the ones that outlive
it are found in /proc whoever their parent has become.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

MARK = "PHOTOARCHIVE_KILL9_TEST"


class Command:
    """One photoarchive command line, run with a marker that its descendants inherit."""

    def __init__(self, archive: Path, *args: str) -> None:
        self.argv = [sys.executable, "-m", "photoarchive", "--archive", str(archive), *args]
        self.mark = uuid.uuid4().hex
        self.env = {**os.environ, MARK: self.mark}

    def start(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )

    def run(self, *more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.argv, *more], env=self.env, capture_output=True, text=True, timeout=120)

    def processes(self) -> dict[int, str]:
        """Live processes (zombies are dead) carrying this command's marker: pid -> command line."""
        needle = f"{MARK}={self.mark}".encode()
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                environ = (entry / "environ").read_bytes().split(b"\0")
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:  # it ended while we looked
                continue
            if state != "Z" and needle in environ:
                found[int(entry.name)] = cmdline.strip()
        return found

    def survivors(self, within: float = 10.0) -> dict[int, str]:
        """The marked processes still alive after waiting up to ``within`` seconds for them to end."""
        deadline = time.monotonic() + within
        while (alive := self.processes()) and time.monotonic() < deadline:
            time.sleep(0.05)
        return alive

    def kill_all(self) -> None:
        """Clean up after a failed test: whatever still carries the marker, by pid."""
        for pid in self.processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def kill_main(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
    process.wait(timeout=10)


def describe(processes: dict[int, str]) -> str:
    return "; ".join(f"{pid}: {cmdline[:110]}" for pid, cmdline in processes.items())
