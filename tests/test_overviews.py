"""The overviews, downloads and feed of the built fixture site."""
from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, build, make_project
from htmlpage import page
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

ATOM = "{http://www.w3.org/2005/Atom}"


def test_timeline_draws_and_lists_every_round_once_in_date_order(minimal_site: Path) -> None:
    html = (minimal_site / "timeline/index.html").read_text(encoding="utf-8")
    svg = html[html.index('<svg class="peace-timeline"'):html.index("</svg>", html.index('<svg class="peace-timeline"'))]
    for rid in ("2026-01-sample-city", "2026-02-sample-city"):
        assert svg.count(f'href="../rounds/{rid}/"') == 1  # one mark in the drawing
        assert html.count(f"../rounds/{rid}/") == 2  # and one entry in the list below it
    assert html.index("2026-01-sample-city") < html.index("2026-02-sample-city")
    assert '<a href="../rounds/2026-02-sample-city/" class="peace-mark--announced"' in svg  # postponed: hollow
    assert 'class="peace-round peace-postponed"' in html and "<strong>(postponed)</strong>" in html
    # The filter's data: each event names its actors and points by their place in the two lists.
    def options(name: str) -> list[str]:
        start = html.index(f'<select name="{name}">')
        return ["", *re.findall(r'<option value="([^"]+)">', html[start:html.index("</select>", start)])]
    lists = {name: options(name) for name in ("actor", "point")}
    first = re.search(r'class="peace-round peace-held" data-actors="([0-9 ]*)" data-points="([0-9 ]*)"', html)
    assert first is not None
    assert [lists["actor"][int(n)] for n in first.group(1).split()] == ["northland", "ada-example"]
    assert [lists["point"][int(n)] for n in first.group(2).split()] == ["border"]


def test_status_grid_cells_link_to_where_the_move_is_sourced(minimal_site: Path) -> None:
    grid = page(minimal_site, "status-grid")
    html = (minimal_site / "status-grid/index.html").read_text(encoding="utf-8")
    assert ('<span class="peace-chip peace-chip--narrowing"><a href="../sticking-points/border/#round-by-round">'
            'narrowing</a></span>') in html
    assert 'id="round-by-round"' in (minimal_site / "sticking-points/border/index.html").read_text(encoding="utf-8")
    assert grid.links_to(minimal_site, "rounds/2026-01-sample-city")  # the column heading
    assert "fnref" not in html and 'class="footnote"' not in html  # no footnotes buried under the grid


def test_positions_matrix_cells_carry_date_and_link_to_the_sourced_stance(minimal_site: Path) -> None:
    html = (minimal_site / "positions/index.html").read_text(encoding="utf-8")
    assert 'Wants the line of 2020. <small><a href="../sticking-points/border/#northland">2 Jan 2026</a></small>' in html
    assert 'Wants the current line. <small><a href="../sticking-points/border/#southland">5 Jan 2026</a></small>' in html
    assert "fnref" not in html
    point = (minimal_site / "sticking-points/border/index.html").read_text(encoding="utf-8")
    assert 'id="northland"' in point and 'id="southland"' in point


def test_short_line_cuts_at_a_word_and_says_so() -> None:
    from peace.overviews import short_line

    assert short_line("Wants the line of 2020. Nothing else.") == "Wants the line of 2020. …"
    text = "Wants " + "a very long stance " * 10
    cut = short_line(text, 40)
    assert len(cut) <= 42 and cut.endswith(" …") and text.startswith(cut[:-2])


def test_silence_since_a_later_date_replaces_the_stance() -> None:
    from peace.model import Gap, Position, StickingPoint
    from peace.overviews import silent_since

    old = Position("russia", "Says no.", "2025-05-01", ("s",))
    point = StickingPoint("p", "f", "2026-01-01", (), {}, gaps=(Gap("russia", "2025-09-01", None, ("s",)),))
    assert silent_since(point, ("russia",), old).since == "2025-09-01"
    assert silent_since(point, ("russia",), Position("russia", "Yes.", "2025-10-01", ("s",))) is None
    assert silent_since(point, ("ukraine",), None) is None


def test_comparison_lists_every_plan(minimal_site: Path) -> None:
    compare = page(minimal_site, "plans/compare")
    assert compare.links_to(minimal_site, "plans/northland-plan")
    assert "The line of 2020 is restored." in compare.text


def test_home_shows_counts_and_last_review(minimal_site: Path) -> None:
    home = page(minimal_site, "")
    assert "The data was last reviewed on 6 January 2026" in home.text
    assert "It holds 2 rounds, 3 actors, 1 sticking points, 1 peace plans and 2 sources." in home.text


@pytest.mark.parametrize("site", ["minimal_site", "real_site"])
@pytest.mark.parametrize("name,kind", [("rounds", "round"), ("actors", "actor"), ("sticking-points", "sticking-point"),
                                       ("plans", "plan"), ("sources", "source")])
def test_export_validates_against_published_schemas(request: pytest.FixtureRequest, site: str, name: str,
                                                    kind: str) -> None:
    folder = request.getfixturevalue(site) / "export"
    schemas = folder / "schemas"
    common = schemas / "common.schema.json"
    registry = Registry().with_resource(common.as_uri(), Resource.from_contents(json.loads(common.read_text())))
    schema_path = schemas / f"{kind}.schema.json"
    schema = {**json.loads(schema_path.read_text()), "$id": schema_path.as_uri()}
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    records = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    combined = json.loads((folder / "all.json").read_text(encoding="utf-8"))[name]
    assert records and records == combined
    for record in records:
        assert list(validator.iter_errors(record)) == []


def test_csv_exports(minimal_site: Path) -> None:
    rounds = (minimal_site / "export/rounds.csv").read_text(encoding="utf-8").splitlines()
    assert rounds[0].startswith("id,title,start,end,status,format,city,country,venue")
    assert rounds[1].startswith("2026-01-sample-city,Talks in Sample City,2026-01-01,2026-01-02,held,bilateral")
    positions = (minimal_site / "export/positions.csv").read_text(encoding="utf-8").splitlines()
    assert positions[1] == "border,northland,2026-01-02,Wants the line of 2020.,example-news-2026-01-02-talks"


def test_feed_parses_as_atom(minimal_site: Path) -> None:
    root = ET.parse(minimal_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 9
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{ATOM}updated").text == "2026-01-06T00:00:00+00:00"
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert "http://127.0.0.1:8000/rounds/2026-01-sample-city/" in links


def test_search_finds_a_person_by_any_alias(minimal_site: Path) -> None:
    index = json.loads((minimal_site / "search/search_index.json").read_text(encoding="utf-8"))
    for alias in ["Ada Ekzampl", "Ада Приклад"]:
        hits = {d["location"] for d in index["docs"] if alias.casefold() in d["text"].casefold()}
        assert any(h.startswith("actors/ada-example/") for h in hits), alias


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    from peace.export import _csv

    assert _csv(["a", "b"], [["=HYPERLINK(\"x\")", "-1 and more"], ["plain", "@sum"]]).splitlines() == [
        "a,b", "\"'=HYPERLINK(\"\"x\"\")\",'-1 and more", "plain,'@sum"]


def test_home_lists_events_that_took_place_and_announced_ones_apart(minimal_site: Path) -> None:
    home = page(minimal_site, "")
    text = home.text
    latest, announced = text.index("Latest events"), text.index("Announced and not held")
    # The held round, with who took part, under "Latest events"; the postponed one only below, apart.
    assert latest < text.index("Talks in Sample City Northland") < announced
    assert text.index("Second talks in Sample City") > announced
    assert "postponed" in text[announced:]
    assert "The record covers events from 1–2 January 2026" in text


# --- plans two at a time -------------------------------------------------------------------------------

def test_pair_rows_say_what_changed() -> None:
    from peace.model import PlanPoint
    from peace.plans import Row

    a = (PlanPoint(1, "x", "Old words.", ("s",)),)
    b = (PlanPoint(2, "x", "New words.", ("s",)),)
    assert [Row("x", a, b).change, Row("x", a, a).change, Row("x", (), b).change, Row("x", a, ()).change] == [
        "reworded", "same", "added", "dropped"]


def test_real_comparison_opens_on_the_28_points_against_the_20_points(real_site: Path) -> None:
    compare = page(real_site, "plans/compare")
    assert compare.links_to(real_site, "plans/us-28-point-plan") and compare.links_to(real_site, "plans/us-ukraine-20-point-plan")
    html = (real_site / "plans/compare/index.html").read_text(encoding="utf-8")
    head = html[html.index('peace-compare-table'):]
    assert head.index("us-28-point-plan") < head.index("us-ukraine-20-point-plan")
    assert "fnref" not in html
    assert compare.links_to(real_site, "plans/compare/geneva-framework-vs-us-ukraine-20-point-plan")
    pair = page(real_site, "plans/compare/geneva-framework-vs-us-ukraine-20-point-plan")
    assert "which revises it" in pair.text and "What changed" in pair.text
    assert any(h.startswith("../../../sources/") for h in pair.links)  # each clause links to its sources


# --- the map of venues ---------------------------------------------------------------------------------

def test_borders_put_crimea_in_ukraine() -> None:
    from peace.venues import UKRAINE, countries

    def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
        x, y, hit = point[0], point[1], False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                hit = not hit
        return hit

    def country_of(lon: float, lat: float) -> set[str]:
        return {cid for cid, rings in countries() for ring in rings if inside((lon, lat), ring)}

    assert country_of(34.11, 44.96) == {UKRAINE}  # Simferopol
    assert country_of(33.52, 44.61) == {UKRAINE}  # Sevastopol
    assert country_of(37.80, 48.00) == {UKRAINE}  # Donetsk
    assert UKRAINE not in country_of(37.62, 55.75)  # Moscow


def test_every_real_venue_has_a_place_and_a_mark(real_site: Path) -> None:
    html = (real_site / "map/index.html").read_text(encoding="utf-8")
    assert "Not on the map yet" not in html
    marks = re.findall(r'<a class="peace-map__place" href="#(place-[a-z0-9-]+)"', html)
    assert marks and len(marks) == len(set(marks))
    for anchor in marks:
        assert f'id="{anchor}"' in html
    assert len(html.encode()) < 200_000


def test_a_city_without_a_place_file_is_named_with_the_file_to_add(minimal_site: Path) -> None:
    map_page = page(minimal_site, "map")
    assert "Not on the map yet" in map_page.text
    assert "Sample City, Northland: add data/places/sample-city.yml" in map_page.text
    assert map_page.links_to(minimal_site, "rounds/2026-01-sample-city")


def test_place_files_are_matched_by_any_of_their_names(tmp_path: Path) -> None:
    from peace.dataset import load
    from peace.places import load as load_places
    from peace.places import match

    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    (project / "data/places").mkdir()
    (project / "data/places/sample-city.yml").write_text(
        "id: sample-city\nname: Sample Town\ncountry: Northland\nlatitude: 48\nlongitude: 20\n"
        "aliases: [Sample City]\ncoordinates: made up for this test\n", encoding="utf-8")
    (project / "data/places/broken.yml").write_text("id: broken\nname: X\n", encoding="utf-8")
    places, problems = load_places(project)
    assert [str(p) for p in problems] == [
        "data/places/broken.yml:1: not a place file (missing country, latitude, longitude); see data/places/README.md"]
    by_place, unmatched = match(load(project), places)
    assert sorted(r.id for r in by_place["sample-city"]) == ["2026-01-sample-city", "2026-02-sample-city"]
    assert unmatched == []


# --- at fifty times the data ---------------------------------------------------------------------------

def test_overview_pages_stay_small_for_many_rounds(tmp_path: Path) -> None:
    """The fixture data fifty times over (100 rounds): no overview grows its citations with the data."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from many_rounds import write_many

    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    write_many(project, 50)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    sizes = {name: len((site / name / "index.html").read_bytes())
             for name in ("timeline", "status-grid", "positions", "map", "plans/compare")}
    assert all(size < 400_000 for size in sizes.values()), sizes


def test_point_titles_for_the_chooser_cannot_close_their_script() -> None:
    from peace.plans import _script_json

    text = _script_json({"x": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script> & more"}
