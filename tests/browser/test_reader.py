"""What a reader meets in the browser: no request to another host, WCAG 2.2 AA as axe-core measures it,
the 404 page, the timeline without script, tables on a phone (search has test_search.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from peace import dataset

from .conftest import TO_DARK_PALETTE, add_axe, guarded_page, in_every_tab, open_at_once

ROOT = Path(__file__).resolve().parents[2]
AXE = next((ROOT / ".venv").glob("lib/python*/site-packages/axe_playwright_python/axe.min.js"), None)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DATA = dataset.load(ROOT)
# Every kind of page; the overviews have their own tests (test_overviews.py).
PAGE_TYPES = ["", "rounds/", "actors/", "sticking-points/", "sources/", "plans/", "data/", "about/", "404.html",
              f"rounds/{next(iter(DATA.rounds))}/", f"actors/{next(iter(DATA.actors))}/",
              f"sticking-points/{next(iter(DATA.points))}/", f"plans/{next(iter(DATA.plans))}/",
              f"sources/{next(iter(DATA.sources))}/"]


# The site's own palette switch ends in the palette a dark system chooses: the dark test switches the
# page it already has instead of loading it again. Every colour of the page must then be the same.
COLOURS = """() => [...document.querySelectorAll('*')].map(e => {
  const s = getComputedStyle(e);
  return [e.tagName, s.color, s.backgroundColor, s.borderTopColor, s.borderRightColor, s.borderBottomColor,
          s.borderLeftColor, s.outlineColor, s.textDecorationColor, s.fill, s.stroke, s.opacity, s.boxShadow,
          s.colorScheme, s.backgroundImage, s.display, s.visibility].join('|'); })"""


def test_switching_to_the_dark_palette_paints_what_a_dark_system_gets(browser: Any, base_url: str) -> None:
    first = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    tab = first.new_page()
    tab.goto(base_url)
    dark = tab.evaluate(COLOURS)
    first.close()
    switched = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    tab = switched.new_page()
    tab.goto(base_url)
    light = tab.evaluate(COLOURS)
    tab.emulate_media(color_scheme="dark")
    tab.evaluate(TO_DARK_PALETTE)
    after = tab.evaluate(COLOURS)
    switched.close()
    assert light != dark
    assert len(after) == len(dark) and [pair for pair in zip(after, dark, strict=True) if pair[0] != pair[1]] == []


LIGHT_RULES = "{type: 'tag', values: tags}"
# The dark palette changes colours only: there the colour rules are what can newly fail.
DARK_RULES = "['color-contrast', 'link-in-text-block']"
AXE_RUN = "tags => axe.run(document, {runOnly: %s, resultTypes: ['violations']})"


@pytest.fixture(scope="module")
def visits(browser: Any, base_url: str) -> dict[str, Any]:
    """Every kind of page, each opened once in a fresh context until the network is idle: the addresses it
    asked of other hosts; then axe in the light palette and, switched to the dark one, axe again."""
    # A context each, not tabs of one: a page must not find what another stored (the palette, say).
    tabs = [guarded_page(browser, base_url, color_scheme="light") for _ in PAGE_TYPES]
    open_at_once(tabs, [base_url + path for path in PAGE_TYPES])
    out: dict[str, Any] = {"foreign": {path: list(tab.foreign_requests) for path, tab in zip(PAGE_TYPES, tabs, strict=True)}}
    if AXE is not None:
        add_axe(tabs, AXE)
        out["light"] = in_every_tab(tabs, AXE_RUN % LIGHT_RULES, [WCAG] * len(tabs))
        for tab in tabs:
            tab.emulate_media(color_scheme="dark")
        in_every_tab(tabs, TO_DARK_PALETTE)
        assert [tab.evaluate("() => document.body.dataset.mdColorScheme") for tab in tabs] == ["slate"] * len(tabs)
        out["dark"] = in_every_tab(tabs, AXE_RUN % DARK_RULES, [WCAG] * len(tabs))
    for tab in tabs:
        tab.context.close()
    return out


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_site(visits: dict[str, Any], path: str) -> None:
    assert visits["foreign"][path] == [], visits["foreign"][path]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(visits: dict[str, Any], scheme: str) -> None:
    if AXE is None:
        pytest.fail("axe-core is missing: `make test` installs axe-playwright-python from requirements.txt")
    found = []
    for path, result in zip(PAGE_TYPES, visits[scheme], strict=True):
        found += [f"{path or 'home'}: {v['id']} ({v['impact']}) at {v['nodes'][0]['target']}"
                  for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not found, "\n".join(found)


def test_the_404_page_links_the_feed_on_this_site(page: Any, base_url: str) -> None:
    page.goto(base_url + "404.html")
    href = page.locator('link[type="application/atom+xml"]').first.get_attribute("href")
    assert not href.startswith("//"), href
    assert page.evaluate("h => new URL(h, location.href).host", href) == page.evaluate("location.host")


def test_without_script_the_timeline_filter_is_hidden(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    filters = page.locator(".peace-filter")
    assert filters.count() > 0
    assert all(not filters.nth(i).is_visible() for i in range(filters.count()))
    context.close()


@pytest.mark.parametrize("path", ["", "rounds/"])
def test_on_a_phone_every_table_column_is_on_screen(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    overflow = page.evaluate("""() => [...document.querySelectorAll('article th')]
        .filter(th => th.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(th => th.textContent)""")
    context.close()
    assert overflow == [], f"headers off screen at 390 px: {overflow}"


def test_skip_link_and_visible_focus_for_keyboard_readers(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const a = document.activeElement; const s = getComputedStyle(a);
        return {text: a.textContent.trim(), href: a.getAttribute('href'), outline: s.outlineStyle,
                visible: a.getBoundingClientRect().height > 0}; }""")
    assert focused["href"] and urlsplit(focused["href"]).fragment, focused  # a link to a place on this page
    assert "skip" in focused["text"].lower(), focused
    assert focused["visible"] and focused["outline"] != "none", focused
