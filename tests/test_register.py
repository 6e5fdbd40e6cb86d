"""The source register comes in pages of at most PAGE_SIZE sources, newest first, each source on one page,
every page linking every other: so no page of it passes 1 MB however many sources there are."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from conftest import ROOT
from peace import dataset, sources

DATA = dataset.load(ROOT)
ROW = re.compile(r"^\| .* \| \[.*\]\(([^)]+)\) \| [^|]+ \|$", re.M)


def _pages(size: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(sources, "PAGE_SIZE", size)
    return {sources.INDEX: sources.index(DATA, sources.INDEX), **dict(sources.register_pages(DATA))}


@pytest.mark.parametrize("size", [50, 300, 10_000])
def test_every_source_is_on_one_page_of_the_register(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(size, monkeypatch)
    assert len(pages) == math.ceil(len(DATA.sources) / size)
    listed = [Path(href).stem for text in pages.values() for href in ROW.findall(text)]
    assert all(len(ROW.findall(text)) <= size for text in pages.values())
    assert sorted(listed) == sorted(DATA.sources), "a source is missing from the register or listed twice"
    published = [DATA.sources[i].published or "" for i in listed]
    assert published == sorted(published, reverse=True), "the register is not newest first"


def test_each_page_of_the_register_links_every_other(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(100, monkeypatch)
    for path, text in pages.items():
        pager = re.search(r'<nav class="peace-pager".*?</nav>', text, re.S)
        assert pager, f"{path} has no page numbers"
        here = Path(path).parent
        linked = {(here / href).as_posix() for href in re.findall(r"\]\(([^)]+)\)", pager.group(0))}
        linked = {re.sub(r"[^/]+/\.\./", "", p) for p in linked}
        assert linked == set(pages) - {path}, path


def test_the_real_register_is_built_with_its_later_pages(real_site: Path) -> None:
    count = math.ceil(len(DATA.sources) / sources.PAGE_SIZE)
    for number in range(2, count + 1):
        html = (real_site / f"sources/page/{number}/index.html").read_text(encoding="utf-8")
        assert f"<h1 id=\"sources-page-{number}\">Sources, page {number}" in html
    assert not (real_site / f"sources/page/{count + 1}").exists()
