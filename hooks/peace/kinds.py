"""The record kinds: the one list that says, for each, where its files are and where its pages go.

Everything that walks the kinds reads this list. Adding a kind is an entry here,
a schema in `schemas/` (named after `name`) and a template in `hooks/templates/`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # as references and schemas call it: schemas/<name>.schema.json
    folder: str  # where its YAML files are, from the project root
    section: str  # where its pages go on the site; also the name of its export files
    template: str  # its page's template in hooks/templates/
    label: str  # in words, singular


KINDS = (
    Kind("source", "seeds", "sources", "source.md.j2", "source"),
    Kind("actor", "data/actors", "actors", "actor.md.j2", "actor"),
    Kind("sticking-point", "data/sticking-points", "sticking-points", "sticking-point.md.j2", "sticking point"),
    Kind("round", "data/rounds", "rounds", "round.md.j2", "event"),
    Kind("plan", "data/plans", "plans", "plan.md.j2", "peace plan"),
)
BY_NAME = {kind.name: kind for kind in KINDS}


def page_path(kind: str, record_id: str) -> str:
    """Where a record's page lives among the site's Markdown files."""
    return f"{BY_NAME[kind].section}/{record_id}.md"


def page_url(kind: str, record_id: str) -> str:
    """The address of a record's page, relative to the site's root."""
    return f"{BY_NAME[kind].section}/{record_id}/"
