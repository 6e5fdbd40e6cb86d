"""The curated data itself: coverage, sourcing and names, and its built site."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, Built
from peace import dataset, sources

DATA = dataset.load(ROOT)


def test_coverage_of_the_process() -> None:
    people = [a for a in DATA.actors.values() if a.kind == "person"]
    assert len(DATA.rounds) >= 45
    assert len(people) >= 30
    assert len(DATA.points) >= 10
    statuses = Counter(r.status for r in DATA.rounds.values())
    assert statuses["postponed"] + statuses["cancelled"] + statuses["planned"] >= 3
    formats = Counter(r.format for r in DATA.rounds.values())
    # Every kind of event the About page promises: talks, summits, envoys' visits and calls.
    assert formats["call"] >= 5 and formats["visit"] >= 3 and formats["summit"] >= 5, formats
    assert min(r.day for r in DATA.rounds.values()) <= "2025-02-18"  # the Riyadh talks, or an earlier contact


# The four principal sides, and the actors that speak for each.
SIDES = {"Ukraine": {"ukraine"}, "Russia": {"russia"}, "the US": {"united-states"},
         "the Europeans": {"european-leaders", "european-union", "coalition-of-the-willing", "france", "germany",
                           "united-kingdom", "italy", "finland", "poland"}}
RECENT = "2025-09-01"


def silent_sides(point: object) -> list[str]:
    """The principal sides with neither a position since RECENT nor a declared gap on this point."""
    recent = {pos.side for pos in point.positions if pos.as_of >= RECENT}  # type: ignore[attr-defined]
    declared = {gap.side for gap in point.gaps}  # type: ignore[attr-defined]
    return [name for name, ids in SIDES.items() if not ids & (recent | declared)]


def test_every_sticking_point_hears_every_side_or_says_it_cannot() -> None:
    silent = {p.id: silent_sides(p) for p in DATA.points.values()}
    assert {k: v for k, v in silent.items() if v} == {}, "add a recent position or a `gaps` entry"


def test_a_silent_side_is_caught() -> None:
    point = next(iter(DATA.points.values()))
    import dataclasses
    muted = dataclasses.replace(point, positions=tuple(p for p in point.positions if p.side != "russia"),
                                gaps=tuple(g for g in point.gaps if g.side != "russia"))
    assert silent_sides(muted) == ["Russia"]


def test_every_role_and_source_is_dated_or_says_why_not() -> None:
    undated_roles = [(a.id, r.title) for a in DATA.actors.values() for r in a.roles if not r.start and not r.undated]
    assert undated_roles == []
    undated_sources = [s.id for s in DATA.sources.values() if not s.published and not s.undated]
    assert undated_sources == []


def test_every_record_cites_a_source() -> None:
    for record in [*DATA.rounds.values(), *DATA.actors.values(), *DATA.points.values(), *DATA.plans.values()]:
        assert list(sources.cited(record.raw)), record.file


def test_every_source_record_is_cited() -> None:
    cited_by = sources.citers(DATA)
    assert [s for s, citing in cited_by.items() if not citing] == []


def test_no_two_actors_share_a_name_or_alias() -> None:
    names = Counter(" ".join(n.casefold().split()) for a in DATA.actors.values() for n in {a.name, *a.aliases})
    assert [n for n, count in names.items() if count > 1] == []


def test_state_controlled_outlets_are_flagged() -> None:
    for source in DATA.sources.values():
        if source.outlet.casefold().startswith(("tass", "xinhua", "people's daily", "ria novosti")):
            assert source.state_controlled, source.id


def test_only_web_addresses() -> None:
    for source in DATA.sources.values():
        assert source.url is None or source.url.startswith(("https://", "http://")), source.id


def test_seed_articles_each_have_a_record() -> None:
    assert sorted(s.seed_article for s in DATA.sources.values() if s.seed_article) == [
        "000_491ebd2d5b6c73b3.txt", "001_81c881715f15bfa1.txt", "002_74322c8214a96946.txt",
        "003_4fc204a1d50b67c3.txt", "004_9a69391f3c747d3c.txt"]


def test_every_record_has_its_page(real_site: Path) -> None:
    for section, records in [("rounds", DATA.rounds), ("actors", DATA.actors), ("sticking-points", DATA.points),
                             ("plans", DATA.plans), ("sources", DATA.sources)]:
        for record_id in records:
            assert (real_site / section / record_id / "index.html").is_file(), f"{section}/{record_id}"


def test_round_pages_link_participants_both_ways(real_site: Path, real_built: Built) -> None:
    page = real_built.page  # each page read once, however many rounds link to it
    for r in DATA.rounds.values():
        round_page = page(f"rounds/{r.id}")
        for actor_id in r.participants:
            assert round_page.links_to(real_site, f"actors/{actor_id}"), (r.id, actor_id)
            assert page(f"actors/{actor_id}").links_to(real_site, f"rounds/{r.id}"), (actor_id, r.id)
        for move in r.sticking_points:
            assert page(f"sticking-points/{move.point}").links_to(real_site, f"rounds/{r.id}")


@pytest.fixture(scope="module")
def search_docs(real_site: Path) -> list[dict]:
    return json.loads((real_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_finds_every_person_by_every_alias(search_docs: list[dict]) -> None:
    missing = []
    folded = [(d["location"], d["text"].casefold()) for d in search_docs]  # each text folded once
    for actor in DATA.actors.values():
        for alias in actor.aliases:
            hits = [location for location, text in folded if alias.casefold() in text]
            if not any(h.startswith(f"actors/{actor.id}/") for h in hits):
                missing.append((actor.id, alias))
    assert missing == []


def test_positions_matrix_has_the_four_sides(real_site: Path) -> None:
    html = (real_site / "positions/index.html").read_text(encoding="utf-8")
    head = html[html.index("<thead>"):html.index("</thead>")]
    positions = [head.index(f">{side}</a>") for side in ("Ukraine", "Russia", "United States", "Europeans")]
    assert positions == sorted(positions)
