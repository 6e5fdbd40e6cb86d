"""What a reader meets in the browser: search in every script, no request to another host,
WCAG 2.2 AA as axe-core measures it, the 404 page, the timeline without script, tables on a phone."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from peace import dataset

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


def test_every_name_and_alias_finds_its_own_page_first(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator(".md-search__input").first.click()
    _type(page, "warm up")  # the first query loads the index and the names
    page.wait_for_selector(".md-search-result__meta:not(:has-text('Initializing'))")
    names = _names()
    missed = page.evaluate(_EVERY_NAME, [list(pair) for pair in names])
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


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_site(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="networkidle")
    assert page.foreign_requests == [], page.foreign_requests


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(browser: Any, base_url: str, scheme: str) -> None:
    if AXE is None:
        pytest.fail("axe-core is missing: `make test` installs axe-playwright-python from requirements.txt")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in PAGE_TYPES:
        page.goto(base_url + path)
        page.add_script_tag(path=str(AXE))
        # The dark palette changes colours only: there the colour rules are what can newly fail.
        rules = "{type: 'tag', values: tags}" if scheme == "light" else "['color-contrast', 'link-in-text-block']"
        result = page.evaluate(f"tags => axe.run(document, {{runOnly: {rules}, resultTypes: ['violations']}})", WCAG)
        found += [f"{path or 'home'}: {v['id']} ({v['impact']}) at {v['nodes'][0]['target']}"
                  for v in result["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
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
