"""Search in the browser, in every script: every name and alias of the data finds its own page first,
and a few typed key by key as a reader types them. Apart from test_reader.py so that the two modules,
each long, can run on separate workers."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from peace import dataset

from .conftest import guarded_tabs, in_every_tab

ROOT = Path(__file__).resolve().parents[2]
DATA = dataset.load(ROOT)


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
# round trip to the test per letter, so hundreds of names take seconds. The list is read once it is
# final: Material writes the meta line each time the search worker answers, in the same task as it
# redraws the list, and names.js puts the exact name back on top from an observer that runs before
# ours; a query equal to the last is not asked again, so there is nothing to wait for. A first result
# that is not the expected one is watched until it stops changing, as a reader would see it settle.
_EVERY_NAME = """async (pairs) => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const sleep = ms => new Promise(done => setTimeout(done, ms));
  const first = () => { const a = document.querySelector('.md-search-result__item > a');
                        return a ? new URL(a.href).pathname : ''; };
  const answered = () => new Promise(done => new MutationObserver((_, watch) => { watch.disconnect(); done(true); })
    .observe(meta, {childList: true, characterData: true, subtree: true}));
  const settled = async () => {
    let seen = [null, first()];
    for (let i = 0; i < 40 && (seen.at(-1) !== seen.at(-2) || !seen.at(-1)); i++) {
      await sleep(25);
      seen.push(first());
    }
    return seen.at(-1);
  };
  const missed = [];
  let last = input.value;
  for (const [query, expected] of pairs) {
    const answer = query === last ? Promise.resolve(true) : Promise.race([answered(), sleep(5000).then(() => false)]);
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {key: query.slice(-1), bubbles: true}));
    last = query;
    const heard = await answer;
    await sleep(0);
    let found = first();
    if (!heard || !found.endsWith('/' + expected)) found = await settled();
    if (!found.endsWith('/' + expected))
      missed.push(`${query}: first result ${found || 'none'}, expected ${expected}` + (heard ? '' : ' (search never answered)'));
  }
  return missed;
}"""


def test_every_name_and_alias_finds_its_own_page_first(browser: Any, base_url: str) -> None:
    names = _names()
    # Two readers side by side, each with half the names: the waits overlap, the checks are the same.
    tabs = guarded_tabs(browser, base_url, 2)
    for tab in tabs:
        tab.goto(base_url)
        tab.locator(".md-search__input").first.click()
        _type(tab, "warm up")  # the first query loads the index and the names
    for tab in tabs:
        tab.wait_for_selector(".md-search-result__meta:not(:has-text('Initializing'))")
    share = -(-len(names) // len(tabs))
    parts = [[list(pair) for pair in names[i:i + share]] for i in range(0, len(names), share)]
    missed = [line for found in in_every_tab(tabs[:len(parts)], _EVERY_NAME, parts) for line in found]
    tabs[0].context.close()
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
