"""The overviews in Chromium: they fit the screen, link every event and place, and ask nothing of other hosts."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from peace import dataset

from .conftest import add_axe, guarded_page, in_every_tab, open_at_once

DATA = dataset.load(Path(__file__).resolve().parents[2])
AXE = Path(__import__("axe_playwright_python").__file__).resolve().parent / "axe.min.js"
FITTING = ["status-grid/", "positions/", "plans/compare/", "plans/compare/geneva-framework-vs-us-ukraine-20-point-plan/"]
OVERVIEWS = ["timeline/", "status-grid/", "positions/", "plans/compare/", "map/"]
# Requests the theme makes on every page, whatever the overviews do: Material's web font and the
# repository's star count. They go once mkdocs.yml sets `theme.font: false` and drops the source facts.

# Every element inside the article whose content is wider than its box, that is, one that scrolls
# (or spills) sideways; and whether the page itself does.
SIDEWAYS = """() => {
  const wide = [...document.querySelectorAll('article *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : '')
              + ' ' + e.scrollWidth + '>' + e.clientWidth);
  return {wide, page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("path", FITTING)
def test_nothing_scrolls_sideways_at_desktop_width(page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    found = page.evaluate(SIDEWAYS)
    assert found == {"wide": [], "page": 0}


@pytest.mark.parametrize("path", ["positions/", "plans/compare/"])
def test_on_a_phone_each_row_is_a_card_and_nothing_scrolls_sideways(page, base_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + path)
    rows = page.locator("article .peace-fit tbody tr")
    assert rows.count() > 3
    assert rows.first.evaluate("e => getComputedStyle(e).display") == "block"
    assert page.locator("article .peace-fit thead").first.is_hidden()
    side = rows.first.locator(".peace-side").first
    assert side.is_visible()  # each stacked cell says whose it is
    assert page.evaluate(SIDEWAYS) == {"wide": [], "page": 0}


def test_status_grid_on_a_phone_keeps_the_status_now_on_screen(page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "status-grid/")
    assert page.evaluate(SIDEWAYS) == {"wide": [], "page": 0}
    now = page.locator("article .peace-status tbody tr").first.locator("td").nth(1)
    box = now.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390


def test_the_timeline_drawing_links_every_event(page, base_url: str) -> None:
    page.goto(base_url + "timeline/")
    listed = page.eval_on_selector_all(".peace-round a[href*='rounds/']", "els => els.map(e => e.getAttribute('href'))")
    drawn = page.eval_on_selector_all("svg.peace-timeline a", "els => els.map(e => e.getAttribute('href'))")
    assert len(listed) > 10 and sorted(drawn) == sorted(set(listed))
    named = page.eval_on_selector_all("svg.peace-timeline a", "els => els.filter(e => e.getAttribute('aria-label')).length")
    assert named == len(drawn)
    response = page.goto(base_url + "timeline/" + drawn[0])
    assert response is not None and response.ok


def test_the_timeline_filter_narrows_drawing_and_list_together(page, base_url: str) -> None:
    page.goto(base_url + "timeline/")
    total = page.locator("svg.peace-timeline a:visible").count()
    page.select_option("form.peace-filter select[name=point]", "territory-donbas")
    shown_marks = page.locator("svg.peace-timeline a:visible").count()
    shown_rounds = page.locator(".peace-round:visible").count()
    assert 0 < shown_marks == shown_rounds < total


# A filter chosen in the address: the list and the drawing then hold exactly the events of the data that
# involve that actor or that sticking point, neither more nor fewer.
FILTERS = [("actor", "kirill-dmitriev", lambda r, chosen: chosen in r.participants),
           ("point", "territory-donbas", lambda r, chosen: chosen in {m.point for m in r.sticking_points})]
SHOWN = """sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length)
  .map(e => e.getAttribute('href').split('/').at(-2))"""


@pytest.mark.parametrize(("name", "chosen", "involves"), FILTERS, ids=[f[0] for f in FILTERS])
def test_the_timeline_filter_keeps_exactly_the_events_involved(page, base_url: str, name: str, chosen: str,
                                                               involves: Callable[[Any, str], bool]) -> None:
    expected = sorted(r.id for r in DATA.rounds.values() if involves(r, chosen))
    page.goto(f"{base_url}timeline/?{name}={chosen}")
    assert page.locator(f"form.peace-filter select[name={name}]").input_value() == chosen
    assert 0 < len(expected) < len(DATA.rounds)
    assert sorted(page.evaluate(SHOWN, ".peace-round a[href*='rounds/']")) == expected
    assert sorted(page.evaluate(SHOWN, "svg.peace-timeline a")) == expected


def test_the_map_links_every_place(page, base_url: str) -> None:
    page.goto(base_url + "map/")
    marks = page.eval_on_selector_all("svg.peace-map a", "els => els.map(e => e.getAttribute('href'))")
    rows = page.eval_on_selector_all("article table span[id^='place-']", "els => els.map(e => '#' + e.id)")
    assert len(marks) > 5 and sorted(marks) == sorted(rows)
    page.locator("svg.peace-map a").first.click()
    assert page.evaluate("() => location.hash") == marks[0]


def test_the_chooser_compares_any_two_plans(page, base_url: str) -> None:
    page.goto(base_url + "plans/compare/")
    page.select_option("form.peace-compare select[name=first]", "russian-memorandum-2025-06")
    page.wait_for_function("() => document.querySelector('form.peace-compare output').value.endsWith('sticking points')")
    head = page.locator(".peace-compare-table thead th").nth(1).inner_text()
    assert "Russia" in head
    assert page.locator(".peace-compare-table tbody tr").count() > 3
    assert page.evaluate(SIDEWAYS) == {"wide": [], "page": 0}


SCHEMES = ["light", "dark"]
WCAG_RUN = ("() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', "
            "'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})")


@pytest.fixture(scope="module")
def overviews(browser, base_url: str) -> dict:
    """Each overview in each palette, a first visit in a fresh context, all loading side by side until the
    network is idle: the palette Material chose, the addresses asked of other hosts, then axe's violations."""
    wanted = [(path, scheme) for scheme in SCHEMES for path in OVERVIEWS]
    tabs = [guarded_page(browser, base_url) for _ in wanted]
    for tab, (_, scheme) in zip(tabs, wanted, strict=True):
        tab.emulate_media(color_scheme=scheme)  # Material follows the system's palette on a first visit
    open_at_once(tabs, [base_url + path for path, _ in wanted])
    seen = {key: {"palette": tab.evaluate("() => document.body.dataset.mdColorScheme"),
                  "foreign": list(tab.foreign_requests)} for key, tab in zip(wanted, tabs, strict=True)}
    add_axe(tabs, AXE)
    # The whole page, the theme's header, search and tabs included, against WCAG 2.2 A and AA.
    for key, result in zip(wanted, in_every_tab(tabs, WCAG_RUN), strict=True):
        seen[key]["axe"] = result
    for tab in tabs:
        tab.context.close()
    return seen


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", OVERVIEWS)
def test_overviews_ask_nothing_of_other_hosts_and_pass_axe(overviews: dict, path: str, scheme: str) -> None:
    seen = overviews[path, scheme]
    assert seen["palette"] == ("slate" if scheme == "dark" else "default")
    assert seen["foreign"] == []
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in seen["axe"]["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
