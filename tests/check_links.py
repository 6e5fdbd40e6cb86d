"""`make linkcheck`: every internal link and anchor of a built site must resolve.

Serves the built site on 127.0.0.1 (a free port, in a background thread) and
runs linkchecker (pinned in requirements.txt) over every HTML page with
tests/linkcheckerrc, which enables the AnchorCheck plugin and only checks the
syntax of addresses off 127.0.0.1. linkchecker checks anchors only over http,
hence the server. Nothing here touches the network beyond 127.0.0.1; external
addresses are checked weekly by tests/external_links.py.

    python tests/check_links.py SITE_DIR

Prints every broken link as `page line N: link -> what is wrong`, exit status 1;
exit status 0 when every link and anchor resolves, 2 when the check could not run.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import html.parser
import http.server
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urldefrag, urljoin

CONFIG = Path(__file__).resolve().parent / "linkcheckerrc"
PAGES_PER_PROCESS = 10
WORKER = "--run-linkchecker"  # below this many start URLs per CPU, fewer linkchecker processes


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker lifts its per-host rate limit for servers that send this header.
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # linkchecker may close a connection before reading the whole body; that is not a problem.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 on a free port; yields the base URL, ending in '/'."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _url_path(rel: str) -> str:
    """A file of the built site as the path a reader's browser asks for."""
    if rel == "index.html":
        return ""
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def start_urls(site: Path, base: str) -> list[str]:
    """Every HTML page (and stylesheet) of the site, so pages no other page links to are checked too."""
    files = sorted([*site.rglob("*.html"), *site.rglob("*.css")])
    return [base + _url_path(path.relative_to(site).as_posix()) for path in files]


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # the file in the built site, e.g. rounds/x/index.html
    line: int
    link: str  # the link as written in the page
    problem: str

    def __str__(self) -> str:
        return f"{self.page} line {self.line}: {self.link} -> {self.problem}"


@dataclass(frozen=True)
class Result:
    """One broken target as linkchecker reports it: once, from the first page found linking to it."""

    target: str  # the absolute URL, anchor included
    problem: str


def _problem(valid: ET.Element, warnings: list[str]) -> str:
    if valid.text != "1":
        return valid.get("result") or "invalid"
    warning = " ".join(warnings[0].split())
    # "Anchor `x' (decoded: `x') not found. Available anchors: ..." is long; keep what matters.
    if warning.startswith("Anchor `"):
        name = warning[len("Anchor `"):].split("'", 1)[0]
        return f"anchor #{name} not found on the target page"
    return warning


def parse(output: str) -> tuple[list[Result], int]:
    """The broken targets and the number of internal links checked, from linkchecker's XML output."""
    results, checked = [], 0
    for item in ET.fromstring(output.encode("utf-8")).iter("urldata"):
        checked += item.findtext("extern") == "0"
        valid = item.find("valid")
        warnings = [w.text or "" for w in item.iterfind("warnings/warning")]
        if valid is None or (valid.text == "1" and not warnings):
            continue
        results.append(Result(item.findtext("realurl") or item.findtext("url") or "", _problem(valid, warnings)))
    return results, checked


class _Links(html.parser.HTMLParser):
    """Every link target of one page with its line."""

    _ATTRS = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "iframe": "src", "source": "src", "audio": "src", "video": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self._ATTRS.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None:
                self.found.append((self.getpos()[0], value))


def occurrences(site: Path, base: str, results: list[Result]) -> list[Broken]:
    """Every page and line that links to a broken target (linkchecker names only the first)."""
    wanted = {unquote(r.target): r.problem for r in results}
    broken = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        for line, link in parser.found:
            problem = wanted.get(unquote(urljoin(base + _url_path(rel), link.strip())))
            if problem:
                broken.append(Broken(rel, line, link, problem))
    return sorted(set(broken))


def linkchecker(urls: list[str], base: str, cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run linkchecker on `urls`, split over one process per CPU (parsing is CPU-bound)."""
    # The config leaves every address off 127.0.0.1 unchecked; other ports on 127.0.0.1 too,
    # such as the default site_url (http://127.0.0.1:8000/) in canonical links.
    command = [sys.executable, str(Path(__file__).resolve()), WORKER, "--config", str(CONFIG),
               "--output", "xml/utf-8", "--verbose", "--no-status", "--ignore-url", f"^(?!{re.escape(base)})",
               "--stdin"]
    count = max(1, min(os.cpu_count() or 1, 8, len(urls) // PAGES_PER_PROCESS))
    chunks = [urls[i::count] for i in range(count)]

    def run(chunk: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, input="\n".join(chunk) + "\n", capture_output=True, text=True,
                              encoding="utf-8", timeout=1800, cwd=cwd)

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, chunks))


def _run_linkchecker(args: list[str]) -> None:
    """linkchecker's own command line, with its AnchorCheck plugin remembering each page's anchors.

    Unchanged, the plugin parses the target page again for every link with a
    #fragment, and pages full of footnotes and permalinks have dozens: the
    check is the plugin's own, only the parsing is done once per page.
    """
    from linkcheck.command.linkchecker import linkchecker as command
    from linkcheck.htmlutil import linkparse
    from linkcheck.plugins import anchorcheck

    anchors: dict[str, list[tuple]] = {}
    lock = threading.Lock()

    def check(self: anchorcheck.AnchorCheck, url_data: object) -> None:
        page = urldefrag(url_data.url).url  # type: ignore[attr-defined]
        with lock:
            known = anchors.get(page)
        if known is None:
            collector = anchorcheck.UrlAnchorCheck()
            linkparse.find_links(url_data.get_soup(), collector.add_anchor, linkparse.AnchorTags)  # type: ignore[attr-defined]
            known = collector.anchors
            with lock:
                anchors[page] = known
        checker = anchorcheck.UrlAnchorCheck()
        checker.anchors = list(known)
        checker.check_anchor(url_data)

    anchorcheck.AnchorCheck.check = check  # type: ignore[method-assign]
    sys.argv = ["linkchecker", *args]
    command()


def check(site: Path) -> tuple[int, str]:
    """The exit status and the report for the built site in `site`."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        return 2, f"{site}: no built site here (no index.html); build it first, e.g. with `make test`"
    with serve(site) as base:
        urls = start_urls(site, base)
        runs = linkchecker(urls, base, cwd=site)
    results: list[Result] = []
    checked = 0
    for run in runs:
        try:
            found, count = parse(run.stdout)
        except ET.ParseError:
            found, count = [], -1
        if count < 0 or run.returncode not in (0, 1) or (run.returncode == 1) != bool(found):
            return 2, f"linkchecker failed (exit {run.returncode}):\n{run.stdout}\n{run.stderr}"
        results += found
        checked += count
    results = list(dict.fromkeys(results))  # processes do not share a cache: one target, one entry
    if not results:
        pages = sum(1 for url in urls if not url.endswith(".css"))
        return 0, f"OK: every internal link and anchor resolves ({pages} pages, {checked} links checked)."
    broken = occurrences(site, base, results)
    lines = [f"Broken links in {site}:"] + [f"  {b}" for b in broken]
    # A target no page's HTML names (linkchecker found it some other way, e.g. in a stylesheet).
    named = {unquote(urljoin(base + _url_path(b.page), b.link.strip())) for b in broken}
    lines += [f"  {r.target.replace(base, '/')} -> {r.problem}" for r in results if unquote(r.target) not in named]
    count = len(lines) - 1
    pages = len({b.page for b in broken})
    lines.append(f"{count} broken link{'s' if count != 1 else ''} on {pages} page{'s' if pages != 1 else ''}.")
    return 1, "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == [WORKER]:
        _run_linkchecker(argv[1:])
        return 0
    if len(argv) != 1:
        print("usage: python tests/check_links.py SITE_DIR", file=sys.stderr)
        return 2
    status, report = check(Path(argv[0]))
    print(report, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
