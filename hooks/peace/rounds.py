"""Round pages and the rounds index."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import dates
from .dataset import Dataset
from .kinds import page_path
from .model import Round
from .render import render


@dataclass(frozen=True)
class Seat:
    """A delegation member with the role they held on the round's date."""

    actor: str
    role: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    side: str
    members: tuple[Seat, ...]


def seat(dataset: Dataset, r: Round, actor_id: str, role: str | None, delegation_sources: tuple[str, ...]) -> Seat:
    """An explicit role is reported with the round; otherwise take the actor's dated role."""
    if role:
        return Seat(actor_id, role, delegation_sources)
    held = dataset.actors[actor_id].role_on(r.day)
    if held is None:
        return Seat(actor_id, None, ())
    return Seat(actor_id, held.title, held.sources)


def sides(dataset: Dataset, r: Round) -> list[Side]:
    return [Side(d.side, tuple(seat(dataset, r, m.actor, m.role, d.sources) for m in d.members)) for d in r.delegations]


def page(dataset: Dataset, r: Round) -> str:
    return render("round.md.j2", dataset, page_path("round", r.id), r=r, delegations=sides(dataset, r),
                  status=status_text(dataset)(r))


def index(dataset: Dataset, path: str) -> str:
    return render("rounds-index.md.j2", dataset, path, rounds=dataset.newest_rounds, status=status_text(dataset))


NOT_HELD = ("planned", "postponed", "cancelled")


def latest(dataset: Dataset, path: str, count: int = 5) -> str:
    """The newest events that took place, with who took part, for the home page."""
    held = [r for r in dataset.newest_rounds if r.status == "held"][:count]
    return render("latest.md.j2", dataset, path, rounds=held, parties=parties)


def announced(dataset: Dataset, path: str, count: int = 5) -> str:
    """The newest events announced and not held, listed apart from those that were."""
    rounds = [r for r in dataset.newest_rounds if r.status in NOT_HELD][:count]
    return render("announced.md.j2", dataset, path, rounds=rounds, status=status_text(dataset))


def parties(r: Round) -> list[str]:
    """The sides at the table, then hosts and mediators, each once."""
    return list(dict.fromkeys([*(d.side for d in r.delegations), *r.hosts, *r.mediators]))


def status_text(dataset: Dataset) -> Callable[[Round], str]:
    """An event's status in words; a planned or postponed one whose date has passed says so."""
    last = last_event(dataset)

    def text(r: Round) -> str:
        if r.held_as:
            later = dataset.rounds[r.held_as]
            return f"{r.status}; held on {dates.span(later.start, later.end)}"
        if r.status not in ("planned", "postponed") or last is None or r.day >= last.day:
            return r.status
        # The newest report about it, or its own date when none of its sources is dated.
        reported = max((dataset.sources[s].published or "" for s in r.sources), default="") or r.start
        return f"{r.status}; no date reported since {dates.day(max(reported, r.start))}"
    return text


def last_event(dataset: Dataset) -> Round | None:
    """The newest event that took place: where the record stops."""
    return next((r for r in dataset.newest_rounds if r.status == "held"), None)


def coverage(dataset: Dataset, path: str) -> str:
    """What period the record covers, computed from the data."""
    rounds = list(dataset.rounds.values())
    last = last_event(dataset)
    # A side's stance can be reported after the last event (a truce declared, say): the record reaches that far.
    newest = max(((pos.as_of, point) for point in dataset.points.values() for pos in point.positions),
                 key=lambda pair: pair[0], default=None)
    later = newest if newest and last and newest[0] > (last.end or last.start) else None
    return render("coverage.md.j2", dataset, path, first=rounds[0] if rounds else None, last=last, later=later,
                  reviewed=dataset.last_reviewed())
