"""The iCalendar feed of rounds and the two Atom feeds, parsed as a calendar app and a feed reader would."""
from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIXTURES
from icalendar import Calendar
from peace import calendar, dataset, feed

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "http://127.0.0.1:8000/"
SECTION_KIND = {"rounds": "round", "actors": "actor", "sticking-points": "sticking-point", "plans": "plan",
                "sources": "source"}


def rounds(site: Path) -> list[dict]:
    return json.loads((site / "api/v1/rounds.json").read_text(encoding="utf-8"))


def test_calendar_has_one_event_per_round_dated_from_the_data(real_site: Path) -> None:
    cal = Calendar.from_ical((real_site / "calendar.ics").read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    records = rounds(real_site)
    assert len(events) == len(cal.walk("VEVENT")) == len(records) > 20
    assert "held" in {r["status"] for r in records}
    for r in records:
        e = events[f"round-{r['id']}@127.0.0.1"]
        assert str(e["summary"]).startswith(r["title"])
        assert e["url"] == f"{BASE}rounds/{r['id']}/"
        assert e.decoded("dtstamp").date().isoformat() == r["reviewed"]
        start = e.decoded("dtstart").isoformat()
        assert start == (r["start"] if len(r["start"]) == 10 else r["start"] + "-01")
        assert e.decoded("dtend") > e.decoded("dtstart")
        assert str(e["status"]) == {"held": "CONFIRMED", "planned": "TENTATIVE", "postponed": "TENTATIVE",
                                    "cancelled": "CANCELLED"}[r["status"]]
        if r.get("place"):
            assert r["place"]["city"] in str(e["location"])


def test_calendar_of_the_fixture_spans_the_days_of_a_round(minimal_site: Path) -> None:
    cal = Calendar.from_ical((minimal_site / "calendar.ics").read_bytes())
    (e,) = [e for e in cal.walk("VEVENT") if str(e["uid"]) == "round-2026-01-sample-city@127.0.0.1"]
    assert (e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()) == ("2026-01-01", "2026-01-03")


def test_a_planned_round_of_unknown_day_is_tentative_for_its_month() -> None:
    data = dataset.load(FIXTURES / "minimal")
    r = data.rounds["2026-01-sample-city"]
    planned = dataclasses.replace(r, status="planned", start="2026-02", end=None)
    e = Calendar.from_ical(calendar.ics(dataclasses.replace(data, rounds={r.id: planned}), BASE, "Ref")).walk("VEVENT")[0]
    assert (e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()) == ("2026-02-01", "2026-03-01")
    assert str(e["status"]) == "TENTATIVE" and str(e["summary"]).endswith("(date to be confirmed)")
    assert e.decoded("dtstamp").isoformat() == f"{r.reviewed}T00:00:00+00:00"


def entries(site: Path, name: str) -> list[ET.Element]:
    root = ET.parse(site / name).getroot()
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def kind_of(entry: ET.Element) -> str:
    return SECTION_KIND[entry.find(f"{ATOM}link").get("href").removeprefix(BASE).split("/")[0]]


def test_main_feed_carries_every_kind_newest_first_by_the_readers_date(real_site: Path) -> None:
    found = entries(real_site, "feed.xml")
    assert {kind_of(e) for e in found} == set(SECTION_KIND.values())
    assert {e.find(f"{ATOM}category").get("term") for e in found} == set(SECTION_KIND.values())
    published = [e.findtext(f"{ATOM}published") for e in found]
    assert published == sorted(published, reverse=True)
    by_id = {r["id"]: r for r in rounds(real_site)}
    for e in found:
        record_id = e.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[1]
        if kind_of(e) == "round":  # a round is dated by when it happens, not by its review
            start = by_id[record_id]["start"]
            assert published[found.index(e)][:10] == (start if len(start) == 10 else start + "-01")


def test_events_feed_holds_the_rounds_alone_by_date(real_site: Path) -> None:
    found = entries(real_site, "feed-events.xml")
    assert {kind_of(e) for e in found} == {"round"}
    assert len(found) == min(len(rounds(real_site)), feed.LIMIT)
    published = [e.findtext(f"{ATOM}published") for e in found]
    assert published == sorted(published, reverse=True)
    assert ET.parse(real_site / "feed-events.xml").getroot().find(f"{ATOM}link[@rel='self']").get("href") == \
        BASE + "feed-events.xml"


def test_no_kind_is_crowded_out_of_a_short_feed() -> None:
    data = dataset.load(FIXTURES / "minimal")
    chosen = feed.chosen(data, limit=5, per_kind=1)
    assert {kind for kind, _ in chosen} == {"round", "actor", "sticking-point", "plan", "source"}
    dates = [feed.reader_date(r) for _, r in chosen]
    assert dates == sorted(dates, reverse=True)


def test_every_page_advertises_both_feeds_and_the_calendar(real_site: Path) -> None:
    for page in ["index.html", "data/index.html", "rounds/index.html"]:
        head = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser").head
        alternates = {(link.get("type"), link["href"].rsplit("/", 1)[-1]) for link in head.find_all("link", rel="alternate")}
        assert {("application/atom+xml", "feed.xml"), ("application/atom+xml", "feed-events.xml"),
                ("text/calendar", "calendar.ics")} <= alternates, page
