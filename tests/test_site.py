"""The built fixture site: every record has its page and the cross-links resolve both ways."""
from __future__ import annotations

from pathlib import Path

from htmlpage import page


def test_every_record_has_a_page(minimal_site: Path) -> None:
    for url in ["rounds/2026-01-sample-city", "rounds/2026-02-sample-city", "actors/ada-example", "actors/northland",
                "actors/southland", "sticking-points/border", "plans/northland-plan",
                "sources/example-news-2026-01-02-talks", "sources/state-wire-2026-01-05-statement"]:
        assert (minimal_site / url / "index.html").is_file(), url


def test_round_links_to_participants_and_points_and_back(minimal_site: Path) -> None:
    r = page(minimal_site, "rounds/2026-01-sample-city")
    for target in ["actors/ada-example", "actors/northland", "sticking-points/border"]:
        assert r.links_to(minimal_site, target), target
        assert page(minimal_site, target).links_to(minimal_site, "rounds/2026-01-sample-city"), target


def test_actor_page_shows_role_then_and_positions(minimal_site: Path) -> None:
    ada = page(minimal_site, "actors/ada-example")
    assert "Talks in Sample City delegation of Northland Foreign Minister" in ada.text
    northland = page(minimal_site, "actors/northland")
    assert northland.links_to(minimal_site, "sticking-points/border")
    assert "Wants the line of 2020." in northland.text


def test_sticking_point_lists_rounds_with_status_after(minimal_site: Path) -> None:
    border = page(minimal_site, "sticking-points/border")
    assert "Talks in Sample City Both sides put maps on the table." in border.text
    assert "1–2 January 2026 Talks in Sample City Both sides put maps on the table. [ 1 ] narrowing" in border.text
    assert border.links_to(minimal_site, "rounds/2026-01-sample-city")


def test_citations_link_to_source_page_and_original(minimal_site: Path) -> None:
    r = page(minimal_site, "rounds/2026-01-sample-city")
    # Each source is numbered once on the page; every mark links to its entry in "Sources cited".
    assert {"cite-1", "cite-2", "sources-cited"} <= r.ids
    assert "#cite-1" in r.all_links and "#cite-2" in r.all_links
    assert r.links_to(minimal_site, "sources/example-news-2026-01-02-talks")
    assert "https://news.example.org/2026/01/02/talks" in r.links
    assert "state-controlled media" in r.text


def test_source_page_lists_every_citing_page(minimal_site: Path) -> None:
    s = page(minimal_site, "sources/state-wire-2026-01-05-statement")
    for target in ["rounds/2026-01-sample-city", "rounds/2026-02-sample-city", "actors/ada-example",
                   "sticking-points/border"]:
        assert s.links_to(minimal_site, target), target


def test_disagreement_is_shown(minimal_site: Path) -> None:
    r = page(minimal_site, "rounds/2026-01-sample-city")
    assert "Sources disagree venue: One source says the Town Hall, the other the Harbour Hotel." in r.text


def test_generated_page_has_edit_link_to_its_yaml(minimal_site: Path) -> None:
    r = page(minimal_site, "rounds/2026-01-sample-city")
    assert any(href.endswith("/edit/main/data/rounds/2026-01-sample-city.yml") for href in r.all_links)
    home = page(minimal_site, "")
    assert any(href.endswith("/edit/main/docs/index.md") for href in home.all_links)


def test_section_index_lists_rounds_newest_first(minimal_site: Path) -> None:
    index = page(minimal_site, "rounds")
    assert index.text.index("Second talks in Sample City") < index.text.index("January 2026 Talks in Sample City")
    assert "February 2026 Second talks in Sample City Sample City, Northland bilateral postponed" in index.text


def test_sidebar_lists_sections_not_records(minimal_site: Path) -> None:
    html = (minimal_site / "sticking-points/border/index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[:nav.index("</nav>")]
    assert "sample-city" not in nav and "ada-example" not in nav
