"""Lighthouse scores of the built site, as a phone sees it, served with gzip on 127.0.0.1.

    npm install --prefix /tmp/lh lighthouse@12
    python tools/lighthouse.py .build/site /tmp/lh/node_modules/.bin/lighthouse [RUNS [REPORTS_DIR]]

Serves SITE with gzip (as GitHub Pages does), runs Lighthouse's mobile preset in
Debian's Chromium on the home page, a round page and the status grid, and prints
the accessibility, best-practices and performance scores of each, with the metrics
behind performance. With RUNS above 1 each page is measured that many times and the
median and range are printed too; with REPORTS_DIR the JSON reports are kept there.
Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PAGES = ("", "rounds/2026-02-04-abu-dhabi/", "status-grid/")
CATEGORIES = ("accessibility", "best-practices", "performance")
METRICS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
           ("total-blocking-time", "TBT"), ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"))


class _Gzip(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def _line(report: dict) -> str:  # type: ignore[type-arg]
    scores = [f"{c} {round(100 * (report['categories'][c]['score'] or 0))}" for c in CATEGORIES]
    metrics = [f"{short} {report['audits'][name]['displayValue']}" for name, short in METRICS]
    return "  ".join(scores) + "   " + "  ".join(metrics)


def main(site: str, lighthouse: str, runs: int = 1, keep: str | None = None) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": os.environ.get("PEACE_CHROMIUM", "/usr/bin/chromium")}
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        scores: dict[str, list[int]] = {c: [] for c in CATEGORIES}
        for run in range(1, runs + 1):
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run([lighthouse, base + page, "--quiet", "--output=json", f"--output-path={out.name}",
                                f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
                               env=env, check=True)
                text = Path(out.name).read_text(encoding="utf-8")
            if keep:
                name = (page.strip("/").replace("/", "_") or "home") + f".{run}.json"
                (Path(keep) / name).write_text(text, encoding="utf-8")
            report = json.loads(text)
            for c in CATEGORIES:
                scores[c].append(round(100 * (report["categories"][c]["score"] or 0)))
            print(f"/{page:<34} " + _line(report), flush=True)
        if runs > 1:
            print(f"/{page:<34} median " + "  ".join(
                f"{c} {statistics.median(scores[c]):g} ({min(scores[c])}-{max(scores[c])})" for c in CATEGORIES), flush=True)
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1, sys.argv[4] if len(sys.argv) > 4 else None)
