"""The overviews, downloads and feed of the built fixture site."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from htmlpage import page

ATOM = "{http://www.w3.org/2005/Atom}"


def test_timeline_lists_every_round_once_in_date_order(minimal_site: Path) -> None:
    html = (minimal_site / "timeline/index.html").read_text(encoding="utf-8")
    first, second = html.count("../rounds/2026-01-sample-city/"), html.count("../rounds/2026-02-sample-city/")
    assert (first, second) == (1, 1)
    assert html.index("2026-01-sample-city") < html.index("2026-02-sample-city")
    assert 'class="peace-round peace-postponed"' in html and "<strong>(postponed)</strong>" in html
    assert 'data-actors="northland ada-example" data-points="border"' in html


def test_status_grid_cells_link_to_round_and_source(minimal_site: Path) -> None:
    grid = page(minimal_site, "status-grid")
    html = (minimal_site / "status-grid/index.html").read_text(encoding="utf-8")
    assert '<a href="../rounds/2026-01-sample-city/">narrowing</a><sup id="fnref:example-news-2026-01-02-talks">' in html
    assert grid.links_to(minimal_site, "sources/example-news-2026-01-02-talks")
    assert 'class="peace-scroll"' in html


def test_positions_matrix_cells_carry_date_and_source(minimal_site: Path) -> None:
    html = (minimal_site / "positions/index.html").read_text(encoding="utf-8")
    assert ('Wants the line of 2020. (<a href="../sticking-points/border/">as of 2 January 2026</a>)'
            '<sup id="fnref:example-news-2026-01-02-talks">') in html
    assert ('Wants the current line. (<a href="../sticking-points/border/">as of 5 January 2026</a>)'
            '<sup id="fnref:state-wire-2026-01-05-statement">') in html


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


def test_home_lists_the_latest_rounds_newest_first(minimal_site: Path) -> None:
    home = page(minimal_site, "")
    assert home.links_to(minimal_site, "rounds/2026-02-sample-city")
    assert home.text.index("Second talks in Sample City") < home.text.index("January 2026 Talks in Sample City")
