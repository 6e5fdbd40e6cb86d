"""Browser tests: the built site served on 127.0.0.1 and one headless Chromium for the whole session.

The site is the one `make test` builds ($PEACE_SITE, default .build/site). Chromium is Debian's
($PEACE_CHROMIUM, /usr/bin/chromium, or the first chromium/chrome on PATH); Playwright drives it and
never downloads a browser of its own. Every request to another host is recorded and aborted, so a
test can assert that a page asks nothing of the outside world.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_HINT = "no Chromium found: install one with `apt-get install chromium` (or set PEACE_CHROMIUM)"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's Chromium, or whichever Chromium or Chrome is on PATH."""
    named = os.environ.get("PEACE_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _no_browser() -> None:
    # On CI a missing browser is a broken setup, not a reason to pass.
    if os.environ.get("CI") == "true":
        pytest.fail(INSTALL_HINT, pytrace=False)
    pytest.skip(INSTALL_HINT)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_dir() -> Path:
    site = Path(os.environ.get("PEACE_SITE", ROOT / ".build/site")).resolve()
    if not (site / "index.html").is_file():
        pytest.fail(f"no built site at {site}: run `make test` (or mkdocs build --site-dir {site})", pytrace=False)
    return site


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port, served from a thread."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for every browser test of the session."""
    executable = chromium_path()
    if executable is None:
        _no_browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `make test` installs it from requirements.txt", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


def _elsewhere(own: str) -> re.Pattern[str]:
    """Every http(s) or ws(s) address on a host other than `own`. Chromium matches it itself, so the
    site's own requests go straight through instead of each waiting on a round trip to this process."""
    return re.compile(r"^(?:https?|wss?)://(?!" + re.escape(own) + r"(?:[/?#]|$))")


def _guard(own: str, lists: list[list[str]]) -> Callable[[object], None]:
    """A route handler that aborts a request to another host than `own`, noting it in each of `lists`."""
    def guard(route: object) -> None:
        address = route.request.url  # type: ignore[attr-defined]
        if urlsplit(address).scheme in ("http", "https", "ws", "wss") and urlsplit(address).netloc != own:
            for foreign in lists:
                foreign.append(address)
            route.abort()  # type: ignore[attr-defined]
            return
        route.continue_()  # type: ignore[attr-defined]
    return guard


def guarded_tabs(browser: object, base_url: str, count: int, **options: object) -> list[object]:
    """`count` pages in one fresh context (1280×800 unless `options` say otherwise): cheaper than a context
    each, for pages that need not be first visits (they share what the site stores, its palette for one).
    Each `page.foreign_requests` lists every address that page (or a worker it started) asked of another
    host, each aborted."""
    own = urlsplit(base_url).netloc
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})  # type: ignore[attr-defined]
    tabs = [context.new_page() for _ in range(count)]  # type: ignore[attr-defined]
    for tab in tabs:
        tab.foreign_requests = []
        tab.route(_elsewhere(own), _guard(own, [tab.foreign_requests]))
    # What no page's route sees (a service worker's request, say) counts against every page.
    context.route(_elsewhere(own), _guard(own, [tab.foreign_requests for tab in tabs]))
    return tabs


def guarded_page(browser: object, base_url: str, **options: object) -> object:
    """A page in a fresh context (1280×800 unless `options` say otherwise); `page.foreign_requests` lists
    every address it asked of another host, each aborted."""
    return guarded_tabs(browser, base_url, 1, **options)[0]


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[object]:
    """A fresh 1280×800 page; `page.foreign_requests` lists every address it asked of another host."""
    tab = guarded_page(browser, base_url)
    yield tab
    tab.context.close()  # type: ignore[attr-defined]


def open_at_once(tabs: list[object], addresses: list[str]) -> None:
    """Each tab goes to its address and then stays until the network is idle (no request for 500 ms after
    the load), as `goto(..., wait_until="networkidle")` waits; the tabs load side by side, not in turn."""
    for tab, address in zip(tabs, addresses, strict=True):
        tab.goto(address, wait_until="commit")  # type: ignore[attr-defined]
    for tab in tabs:
        tab.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def in_every_tab(tabs: list[object], script: str, args: list[object] | None = None) -> list[object]:
    """The value of the async function `script` (JavaScript) run in each tab on that tab's argument, the
    tabs working side by side: each starts before any is awaited."""
    for tab, arg in zip(tabs, args if args is not None else [None] * len(tabs), strict=True):
        # Started from a timer: axe works synchronously for seconds, and run inside this evaluate it would
        # hold the test until it ended, the next tab starting only then.
        tab.evaluate("([script, arg]) => { window.__peaceRun = new Promise(go => setTimeout(go))"  # type: ignore[attr-defined]
                     ".then(() => (0, eval)(script)(arg)); }", [script, arg])
    return [tab.evaluate("() => window.__peaceRun") for tab in tabs]  # type: ignore[attr-defined]


def add_axe(tabs: list[object], axe: Path) -> None:
    """axe-core's script run in every tab, as a <script> of its own would run it, the tabs side by side."""
    in_every_tab(tabs, "async source => { (0, eval)(source); }", [axe.read_text(encoding="utf-8")] * len(tabs))


# Material's own palette toggle, to the palette chosen for `(prefers-color-scheme: dark)`: the same
# attributes a first visit with a dark system palette sets (tests/browser/test_reader.py checks the colours).
TO_DARK_PALETTE = """async () => {
  const dark = document.querySelector('input.md-option[data-md-color-media="(prefers-color-scheme: dark)"]');
  dark.checked = true;
  dark.dispatchEvent(new Event('change', {bubbles: true}));
  while (document.body.dataset.mdColorScheme !== dark.dataset.mdColorScheme || document.getAnimations().length)
    await new Promise(next => requestAnimationFrame(next));
}"""
