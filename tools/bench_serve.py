"""How long a saved record takes to show under `make serve`: the edit loop, measured.

Copies the project to a temporary folder, starts `mkdocs serve --dirty --no-strict`
there as `make serve` does, then edits one round's summary several times and
polls its page until the change shows. Prints each time from save to visible
(the watcher's own delay included) and their minimum and median.
"""
from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(address: str) -> str:
    try:
        with urllib.request.urlopen(address, timeout=5) as response:  # noqa: S310 (our own server on 127.0.0.1)
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def main(edits: int = 5) -> None:
    with tempfile.TemporaryDirectory(prefix="peace-serve-") as tmp:
        project = Path(tmp) / "p"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", ".build", "site", "__pycache__"))
        record = sorted((project / "data/rounds").glob("*.yml"))[0]
        port = _port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        page = f"http://127.0.0.1:{port}/rounds/{record.stem}/"
        try:
            deadline = time.time() + 300
            while "<html" not in _get(page):
                if time.time() > deadline:
                    sys.exit("the preview did not start within 300 s")
                time.sleep(0.2)
            original = record.read_text(encoding="utf-8")
            times = []
            for i in range(edits):
                marker = f"Preview check {i} {time.time_ns()}"
                record.write_text(original.replace("summary: >-\n", f"summary: >-\n  {marker}\n", 1), encoding="utf-8")
                start = time.perf_counter()
                while marker not in _get(page):
                    time.sleep(0.02)
                times.append(time.perf_counter() - start)
                print(f"  edit {i + 1}: visible after {times[-1]:.2f} s", flush=True)
                time.sleep(1)
            print(f"make serve: a saved record shows in min {min(times):.2f} s, median {statistics.median(times):.2f} s")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
