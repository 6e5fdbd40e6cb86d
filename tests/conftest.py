"""Shared helpers: copy the project into a temporary folder with chosen data and build it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from htmlpage import Page

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SKELETON = ("mkdocs.yml", "docs", "hooks", "schemas")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite the golden files in tests/golden/")


def make_project(dest: Path, data_from: Path | None = None) -> Path:
    """The site's code and pages in `dest`, with `data/` and `seeds/` taken from `data_from` (default: the real ones)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=_IGNORE)
        else:
            shutil.copy2(src, dest / name)
    origin = data_from or ROOT
    for name in ("data", "seeds"):
        if (origin / name).is_dir():
            shutil.copytree(origin / name, dest / name, ignore=_IGNORE)
    return dest


def build(project: Path, site: str = "site") -> subprocess.CompletedProcess[str]:
    """A strict build, as CI runs it, in a separate process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def check(project: Path) -> subprocess.CompletedProcess[str]:
    """`make check`'s command: validation alone."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "peace.check", str(project)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data set built into a site; returns the site folder."""
    project = make_project(tmp_path_factory.mktemp("minimal"), FIXTURES / "minimal")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built into a site; `make test` passes its fresh strict build in PEACE_SITE."""
    prebuilt = os.environ.get("PEACE_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    project = make_project(tmp_path_factory.mktemp("real"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class Built:
    """The pages of a built site, each read and parsed once and then shared: tests only read them.

    `tree(address)` is lxml's tree of the page at `address` (like 'rounds/x/'), the tree BeautifulSoup's
    "lxml" builder would wrap; `page(address)` is its `htmlpage.Page`.
    """

    _parser = lxml.html.HTMLParser(encoding="utf-8")

    def __init__(self, site: Path) -> None:
        self.site = site
        self._trees: dict[str, lxml.html.HtmlElement] = {}
        self._pages: dict[str, Page] = {}

    def tree(self, address: str) -> lxml.html.HtmlElement:
        if address not in self._trees:
            raw = (self.site / address / "index.html").read_bytes()
            self._trees[address] = lxml.html.document_fromstring(raw, parser=self._parser)
        return self._trees[address]

    def page(self, address: str) -> Page:
        if address not in self._pages:
            self._pages[address] = Page(self.site / address / "index.html")
        return self._pages[address]


@pytest.fixture(scope="session")
def real_built(real_site: Path) -> Built:
    """The real site's pages, parsed once for every test that reads them."""
    return Built(real_site)
