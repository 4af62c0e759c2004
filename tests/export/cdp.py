"""A tiny Chrome DevTools Protocol client over ``--remote-debugging-pipe``, for gallery tests.

Why not ``--dump-dom``: it shows the DOM but not whether each image decoded, which requests
the page made, or what went to the console. Over the DevTools pipe (file descriptors 3 and
4, NUL-separated JSON; standard library only, no websocket package) the test sees every
network request (``Network.requestWillBeSent``), failed load, console message, exception
and log entry (CSP violations are log entries), and can ask the page about its images.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"


@dataclass
class PageReport:
    url: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, error log entries
    images: list[dict[str, Any]] = field(default_factory=list)  # src, complete, width
    text: str = ""
    html: str = ""


class Chromium:
    """Headless Chromium driven over the DevTools pipe. Use as a context manager."""

    def __init__(self, profile: Path, binary: str = CHROMIUM) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire_pipes() -> None:
            # Runs in the child: Chromium expects the pipe on fds 3 and 4. dup2 makes them
            # inheritable; every other descriptor Python opened is close-on-exec, so
            # close_fds=False leaks nothing (subprocess would close 3 and 4 after this).
            reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)  # in case either is 3 or 4
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [
                binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-extensions", "--disable-sync",
                "--mute-audio", f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, close_fds=False,
        )  # fmt: skip
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None, timeout: float = 30
    ) -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, *, session: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(index)
        while True:
            event = self._read(deadline)
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], remaining)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium exited")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def open(self, url: str) -> str:
        """A new tab with the domains the tests watch enabled, then ``url`` loaded; its session."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        self.navigate(session, url)
        return session

    def navigate(self, session: str, url: str) -> None:
        self.events = [e for e in self.events if e.get("sessionId") != session]
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session=session)

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, session=session
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def report(self, session: str, url: str) -> PageReport:
        """Scroll every image into view (thumbnails load lazily), wait for them, and report."""
        images = self.evaluate(
            session,
            """(async () => {
                for (const img of document.images) { img.scrollIntoView(); await new Promise(r => setTimeout(r, 20)); }
                const deadline = Date.now() + 10000;
                while ([...document.images].some(i => !i.complete) && Date.now() < deadline) {
                    await new Promise(r => setTimeout(r, 50));
                }
                return [...document.images].map(i => ({src: i.currentSrc, complete: i.complete, width: i.naturalWidth}));
            })()""",
        )
        page = PageReport(url, images=images)
        page.text = self.evaluate(session, "document.body.innerText")
        page.html = self.evaluate(session, "document.documentElement.outerHTML")
        time.sleep(0.2)  # let late events arrive
        with contextlib.suppress(RuntimeError):
            self.send("Runtime.evaluate", {"expression": "1"}, session=session)
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                page.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                page.failed.append(f"{params.get('errorText')} {params.get('blockedReason', '')}".strip())
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                page.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                page.errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                page.errors.append(params["entry"]["text"])
        return page
