"""What a reader meets in the browser: search in every script, no request to another host,
WCAG 2.2 AA as axe-core measures it, the 404 page, the timeline without script, tables on a phone."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from peace import dataset

from .conftest import TO_DARK_PALETTE, guarded_page, in_every_tab, open_at_once

ROOT = Path(__file__).resolve().parents[2]
AXE = next((ROOT / ".venv").glob("lib/python*/site-packages/axe_playwright_python/axe.min.js"), None)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DATA = dataset.load(ROOT)
# Every kind of page; the overviews have their own tests (test_overviews.py).
PAGE_TYPES = ["", "rounds/", "actors/", "sticking-points/", "sources/", "plans/", "data/", "about/", "404.html",
              f"rounds/{next(iter(DATA.rounds))}/", f"actors/{next(iter(DATA.actors))}/",
              f"sticking-points/{next(iter(DATA.points))}/", f"plans/{next(iter(DATA.plans))}/",
              f"sources/{next(iter(DATA.sources))}/"]


def _names() -> list[tuple[str, str]]:
    """(what a reader types, the page it must find first) for every name and alias in the data."""
    out = []
    for actor in DATA.actors.values():
        out += [(name, f"actors/{actor.id}/") for name in (actor.name, *actor.aliases)]
    for point in DATA.points.values():
        out += [(name, f"sticking-points/{point.id}/") for name in (point.title, *point.aliases)]
    return out


def _type(page: Any, query: str) -> None:
    """Type `query` into the search box: search answers key presses, so the last letters are keys."""
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])
    # Playwright types letters off the US layout (Cyrillic) without key events; End sends one.
    box.press_sequentially(query[-1])
    box.press("End")


# Every name, typed in the page itself: the same input and key events a keyboard sends, without a
# round trip to the test per letter, so hundreds of names take seconds.
_EVERY_NAME = """async (pairs) => {
  const input = document.querySelector('input.md-search__input');
  const sleep = ms => new Promise(done => setTimeout(done, ms));
  const first = () => { const a = document.querySelector('.md-search-result__item > a');
                        return a ? new URL(a.href).pathname : ''; };
  const missed = [];
  for (const [query, expected] of pairs) {
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {key: query.slice(-1), bubbles: true}));
    let seen = [null, first()];
    for (let i = 0; i < 40 && (seen.at(-1) !== seen.at(-2) || !seen.at(-1)); i++) {
      await sleep(25);
      seen.push(first());
    }
    if (!seen.at(-1).endsWith('/' + expected))
      missed.push(`${query}: first result ${seen.at(-1) || 'none'}, expected ${expected}`);
  }
  return missed;
}"""


def test_every_name_and_alias_finds_its_own_page_first(browser: Any, base_url: str) -> None:
    names = _names()
    # Two readers side by side, each with half the names: the waits overlap, the checks are the same.
    tabs = [guarded_page(browser, base_url) for _ in range(2)]
    for tab in tabs:
        tab.goto(base_url)
        tab.locator(".md-search__input").first.click()
        _type(tab, "warm up")  # the first query loads the index and the names
    for tab in tabs:
        tab.wait_for_selector(".md-search-result__meta:not(:has-text('Initializing'))")
    share = -(-len(names) // len(tabs))
    parts = [[list(pair) for pair in names[i:i + share]] for i in range(0, len(names), share)]
    missed = [line for found in in_every_tab(tabs[:len(parts)], _EVERY_NAME, parts) for line in found]
    for tab in tabs:
        tab.context.close()
    assert sum(map(len, parts)) == len(names)
    assert not missed, f"{len(missed)} of {len(names)} names do not find their page first:\n" + "\n".join(missed)


# A few names typed key by key, as a reader does, in Latin, Ukrainian and Russian.
TYPED = ["Rustem Umerov", "Умєров", "Зеленський", "Зеленский", "Witkov", "ОАЕ", "US", "ЗАЕС",
         "Territory: Donbas and the line of control"]


@pytest.mark.parametrize("query", TYPED)
def test_typed_names_find_their_page_first(page: Any, base_url: str, query: str) -> None:
    expected = dict(_names()).get(query)
    assert expected, f"{query!r} is no longer a name in the data"
    page.goto(base_url)
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query)
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("e => { const a = document.querySelector('.md-search-result__item > a');"
                           " return a && new URL(a.href).pathname.endsWith('/' + e); }", arg=expected, timeout=5000)


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
    tabs = [guarded_page(browser, base_url, color_scheme="light") for _ in PAGE_TYPES]
    open_at_once(tabs, [base_url + path for path in PAGE_TYPES])
    out: dict[str, Any] = {"foreign": {path: list(tab.foreign_requests) for path, tab in zip(PAGE_TYPES, tabs, strict=True)}}
    if AXE is not None:
        for tab in tabs:
            tab.add_script_tag(path=str(AXE))
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
