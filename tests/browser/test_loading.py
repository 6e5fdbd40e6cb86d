"""What a page asks for while it loads: the search index only once a reader turns to search, the
sitemap once, the names once however fast a reader types (see hooks/overrides/main.html)."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest


def _asked(page: Any) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    return asked


@pytest.mark.parametrize("path", ["", "status-grid/"])
def test_the_search_index_waits_for_a_reader_who_searches(page: Any, base_url: str, path: str) -> None:
    asked = _asked(page)
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [a for a in asked if a.endswith("/search_index.json")], asked
    assert len([a for a in asked if a.endswith("/sitemap.xml")]) <= 1, asked
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Witkoff")
    page.wait_for_selector(".md-search-result__item > a", timeout=15000)
    assert len([a for a in asked if a.endswith("/search_index.json")]) == 1, asked
    assert len([a for a in asked if a.endswith("/names.json")]) == 1, asked


def test_a_search_in_the_address_loads_the_index(page: Any, base_url: str) -> None:
    page.goto(base_url + "?q=Witkoff")
    page.wait_for_selector(".md-search-result__item > a", timeout=15000)
