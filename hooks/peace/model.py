"""The validated records, as plain data classes built from schema-checked YAML."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

# A record id: the schemas' slug, also the file name and the page's address.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def parse_day(value: str) -> dt.date:
    """A day, or the first of the month for a month-only date."""
    return dt.date.fromisoformat(value if len(value) == 10 else value + "-01")


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    date: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    about: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Sourced:
    text: str
    sources: tuple[str, ...]


@dataclass
class Record:
    id: str
    file: str
    reviewed: str
    sources: tuple[str, ...]
    raw: dict[str, Any] = field(repr=False)

    @property
    def heading(self) -> str:
        """What the record's page is called, and what a link to it says."""
        return str(getattr(self, "title"))  # noqa: B009 - every kind but actors and sources has a title


@dataclass
class Source(Record):
    outlet: str = ""
    headline: str | None = None
    topic: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "en"
    kind: str = "report"
    state_controlled: bool = False
    seed_article: str | None = None
    notes: str | None = None
    undated: str | None = None

    @property
    def label(self) -> str:
        """The headline, or the descriptive topic in brackets when the headline is not known."""
        return self.headline or f"[{self.topic}]"

    @property
    def heading(self) -> str:
        return f"{self.outlet}: {self.label}"


@dataclass(frozen=True)
class Role:
    title: str
    of: str | None
    start: str | None
    end: str | None
    sources: tuple[str, ...]
    undated: str | None = None

    def held_on(self, day: str) -> bool:
        # A month-only end covers that whole month: compare at the end's precision.
        return (self.start is None or self.start <= day) and (self.end is None or day[:len(self.end)] <= self.end)


@dataclass
class Actor(Record):
    kind: str = "person"
    name: str = ""
    aliases: tuple[str, ...] = ()
    summary: str = ""
    roles: tuple[Role, ...] = ()

    @property
    def heading(self) -> str:
        return self.name

    def role_on(self, day: str) -> Role | None:
        """The role held on `day`; among several, the one that started last."""
        held = [role for role in self.roles if role.held_on(day)]
        return max(held, key=lambda role: role.start or "", default=None)


@dataclass(frozen=True)
class Position:
    side: str
    stance: str
    as_of: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    side: str
    since: str
    note: str | None
    sources: tuple[str, ...]


@dataclass
class StickingPoint(Record):
    title: str = ""
    aliases: tuple[str, ...] = ()
    summary: str = ""
    status: str = "open"
    positions: tuple[Position, ...] = ()
    gaps: tuple[Gap, ...] = ()
    quotes: tuple[Quote, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class Member:
    actor: str
    role: str | None


@dataclass(frozen=True)
class Delegation:
    side: str
    members: tuple[Member, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PointMove:
    point: str
    moved: str
    status: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    venue: str | None


@dataclass
class Round(Record):
    title: str = ""
    start: str = ""
    end: str | None = None
    status: str = "held"
    format: str = "bilateral"
    place: Place | None = None  # a call has none
    held_as: str | None = None  # a postponed event held later as another
    hosts: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    summary: str = ""
    delegations: tuple[Delegation, ...] = ()
    sticking_points: tuple[PointMove, ...] = ()
    outcomes: tuple[Sourced, ...] = ()
    quotes: tuple[Quote, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def day(self) -> str:
        """The start as a full date, for sorting and for roles held then."""
        return parse_day(self.start).isoformat()

    @property
    def participants(self) -> list[str]:
        """Every actor at the table, hosts and mediators included, first mention first."""
        ids = [*self.hosts, *self.mediators]
        for delegation in self.delegations:
            ids += [delegation.side, *(m.actor for m in delegation.members)]
        return list(dict.fromkeys(ids))


@dataclass(frozen=True)
class PlanPoint:
    number: int | None
    point: str
    text: str
    sources: tuple[str, ...]


@dataclass
class Plan(Record):
    title: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    revises: str | None = None
    summary: str = ""
    points: tuple[PlanPoint, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


def _t(items: list[Any] | None) -> tuple[Any, ...]:
    return tuple(items or ())


def _quotes(raw: dict[str, Any]) -> tuple[Quote, ...]:
    return tuple(Quote(q["speaker"], q["text"], q["date"], _t(q["sources"])) for q in raw.get("quotes", []))


def _disagreements(raw: dict[str, Any]) -> tuple[Disagreement, ...]:
    return tuple(Disagreement(d["about"], d["note"], _t(d["sources"])) for d in raw.get("disagreements", []))


def _base(raw: dict[str, Any], file: str) -> dict[str, Any]:
    return {"id": raw["id"], "file": file, "reviewed": raw["reviewed"], "sources": _t(raw["sources"]), "raw": raw}


def source(raw: dict[str, Any], file: str) -> Source:
    base = {"id": raw["id"], "file": file, "reviewed": raw["reviewed"], "sources": (), "raw": raw}
    keys = ("outlet", "headline", "topic", "published", "url", "language", "kind", "state_controlled", "seed_article",
            "notes", "undated")
    return Source(**base, **{k: raw[k] for k in keys if k in raw})


def actor(raw: dict[str, Any], file: str) -> Actor:
    roles = tuple(Role(r["title"], r.get("of"), r.get("from"), r.get("to"), _t(r["sources"]), r.get("undated"))
                  for r in raw.get("roles", []))
    return Actor(**_base(raw, file), kind=raw["kind"], name=raw["name"], aliases=_t(raw.get("aliases")),
                 summary=raw["summary"], roles=roles)


def sticking_point(raw: dict[str, Any], file: str) -> StickingPoint:
    positions = tuple(Position(p["side"], p["stance"], p["as_of"], _t(p["sources"])) for p in raw.get("positions", []))
    gaps = tuple(Gap(g["side"], g["since"], g.get("note"), _t(g.get("sources"))) for g in raw.get("gaps", []))
    return StickingPoint(**_base(raw, file), title=raw["title"], aliases=_t(raw.get("aliases")), summary=raw["summary"],
                         status=raw["status"], positions=positions, gaps=gaps, quotes=_quotes(raw),
                         disagreements=_disagreements(raw))


def round_(raw: dict[str, Any], file: str) -> Round:
    place = raw.get("place")
    delegations = tuple(
        Delegation(d["side"], tuple(Member(m["actor"], m.get("role")) for m in d["members"]), _t(d["sources"]))
        for d in raw.get("delegations", []))
    moves = tuple(PointMove(s["point"], s["moved"], s["status"], _t(s["sources"])) for s in raw.get("sticking_points", []))
    outcomes = tuple(Sourced(o["text"], _t(o["sources"])) for o in raw.get("outcomes", []))
    return Round(**_base(raw, file), title=raw["title"], start=raw["start"], end=raw.get("end"), status=raw["status"],
                 format=raw["format"], place=Place(place["city"], place["country"], place.get("venue")) if place else None,
                 held_as=raw.get("held_as"),
                 hosts=_t(raw.get("hosts")), mediators=_t(raw.get("mediators")), summary=raw["summary"],
                 delegations=delegations, sticking_points=moves, outcomes=outcomes, quotes=_quotes(raw),
                 disagreements=_disagreements(raw))


def plan(raw: dict[str, Any], file: str) -> Plan:
    points = tuple(PlanPoint(p.get("number"), p["point"], p["text"], _t(p["sources"])) for p in raw["points"])
    return Plan(**_base(raw, file), title=raw["title"], date=raw["date"], authors=_t(raw["authors"]),
                revises=raw.get("revises"), summary=raw["summary"], points=points, disagreements=_disagreements(raw))
