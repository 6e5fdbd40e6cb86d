"""A data set N times the size of a project's: every round, sticking point and plan copied N-1 times.

Copy k of a record gets the id `ID-gK`, a title ending in "(copy K)", and dates moved K days later;
copied rounds and plans refer to the copied sticking points of the same k, so every overview grows
the way it would with real data. Actors and sources are shared. Used by the size test and to measure:

    python3 tools/many_rounds.py PROJECT_DIR 50   # then build PROJECT_DIR and weigh the overview pages
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

KINDS = ("rounds", "sticking-points", "plans")


def _later(value: Any, days: int) -> Any:
    """A day moved `days` later; a month-only date or anything else stays as it is."""
    text = str(value)
    if len(text) != 10:
        return value
    return (dt.date.fromisoformat(text) + dt.timedelta(days=days)).isoformat()


def _copy(kind: str, raw: dict[str, Any], k: int, points: set[str], plans: set[str]) -> dict[str, Any]:
    out = dict(raw)
    out["id"] = f"{raw['id']}-g{k}"
    out["title"] = f"{raw['title']} (copy {k})"
    if kind == "rounds":
        out["start"] = _later(raw["start"], k)
        if raw.get("end"):
            out["end"] = _later(raw["end"], k)
        out["sticking_points"] = [{**m, "point": f"{m['point']}-g{k}"} for m in raw.get("sticking_points", [])]
    if kind == "sticking-points":
        out.pop("aliases", None)
    if kind == "plans":
        out["date"] = _later(raw["date"], k)
        out["points"] = [{**c, "point": f"{c['point']}-g{k}"} for c in raw["points"] if c["point"] in points]
        if raw.get("revises") in plans:
            out["revises"] = f"{raw['revises']}-g{k}"
    return out


def write_many(project: Path, times: int) -> None:
    """Make `project`'s data `times` as large, in place."""
    records = {kind: [yaml.safe_load(p.read_text(encoding="utf-8"))
                      for p in sorted((project / "data" / kind).glob("*.yml"))] for kind in KINDS}
    points = {r["id"] for r in records["sticking-points"]}
    plans = {r["id"] for r in records["plans"]}
    for kind, items in records.items():
        for k in range(1, times):
            for raw in items:
                copy = _copy(kind, raw, k, points, plans)
                text = yaml.safe_dump(copy, allow_unicode=True, sort_keys=False, width=100)
                (project / "data" / kind / f"{copy['id']}.yml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_many(Path(sys.argv[1]), int(sys.argv[2]))
