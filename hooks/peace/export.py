"""The dataset as downloads: JSON per record type and combined, CSV, and the JSON Schemas."""
from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from .dataset import Dataset
from .model import Round
from .schemas import SCHEMA_DIR

KINDS = {"rounds": "round", "actors": "actor", "sticking-points": "sticking-point", "plans": "plan",
         "sources": "source"}
FOLDER = "export"


def records(dataset: Dataset, kind: str) -> list[dict[str, Any]]:
    """The records of one kind exactly as written in YAML, in id order."""
    return [r.raw for _, r in sorted(dataset.by_kind(kind).items())]


def to_json(value: Any) -> str:
    """JSON as every download holds it: two-space indents, text as written (not \\u-escaped), a final line break.

    orjson writes byte for byte what `json.dumps(value, ensure_ascii=False, indent=2)` writes, in C: the
    standard library's indented encoder is pure Python and was a large part of the build at 50 times the data.
    """
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n"


def _cell(value: Any) -> Any:
    """A spreadsheet runs a cell starting with = + - @ as a formula: a leading ' keeps it text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def rounds_csv(dataset: Dataset) -> str:
    header = ["id", "title", "start", "end", "status", "format", "city", "country", "venue", "hosts", "mediators",
              "parties", "sticking_points", "sources"]
    rows = [[r.id, r.title, r.start, r.end or "", r.status, r.format, *_place(r), " ".join(r.hosts), " ".join(r.mediators),
             " ".join(d.side for d in r.delegations), " ".join(m.point for m in r.sticking_points), " ".join(r.sources)]
            for r in dataset.rounds.values()]
    return _csv(header, rows)


def positions_csv(dataset: Dataset) -> str:
    header = ["sticking_point", "side", "as_of", "stance", "sources"]
    rows = [[p.id, pos.side, pos.as_of, pos.stance, " ".join(pos.sources)]
            for p in dataset.points.values() for pos in sorted(p.positions, key=lambda x: (x.side, x.as_of))]
    return _csv(header, rows)


def actors_csv(dataset: Dataset) -> str:
    header = ["id", "kind", "name", "aliases", "summary", "reviewed", "sources"]
    rows = [[a.id, a.kind, _fold(a.name), "; ".join(_fold(x) for x in a.aliases), _fold(a.summary), a.reviewed,
             " ".join(a.sources)] for a in dataset.actors.values()]
    return _csv(header, rows)


def roles_csv(dataset: Dataset) -> str:
    header = ["actor", "title", "of", "from", "to", "undated", "sources"]
    rows = [[a.id, _fold(r.title), r.of or "", r.start or "", r.end or "", _fold(r.undated or ""), " ".join(r.sources)]
            for a in dataset.actors.values() for r in a.roles]
    return _csv(header, rows)


def sticking_points_csv(dataset: Dataset) -> str:
    header = ["id", "title", "aliases", "status", "summary", "positions", "reviewed", "sources"]
    rows = [[p.id, _fold(p.title), "; ".join(_fold(x) for x in p.aliases), p.status, _fold(p.summary), len(p.positions),
             p.reviewed, " ".join(p.sources)] for p in dataset.points.values()]
    return _csv(header, rows)


def plans_csv(dataset: Dataset) -> str:
    header = ["id", "title", "date", "authors", "revises", "points", "reviewed", "sources"]
    rows = [[p.id, _fold(p.title), p.date, " ".join(p.authors), p.revises or "", len(p.points), p.reviewed,
             " ".join(p.sources)] for p in dataset.plans.values()]
    return _csv(header, rows)


def sources_csv(dataset: Dataset) -> str:
    header = ["id", "outlet", "headline", "topic", "published", "undated", "url", "language", "kind",
              "state_controlled", "reviewed"]
    rows = [[s.id, _fold(s.outlet), _fold(s.headline or ""), _fold(s.topic or ""), s.published or "",
             _fold(s.undated or ""), s.url or "", s.language, s.kind, "yes" if s.state_controlled else "no", s.reviewed]
            for s in dataset.sources.values()]
    return _csv(header, rows)


CSVS = {"rounds": rounds_csv, "positions": positions_csv, "actors": actors_csv, "roles": roles_csv,
        "sticking-points": sticking_points_csv, "plans": plans_csv, "sources": sources_csv}


def names() -> list[str]:
    """The paths of the downloads under export/, without making them."""
    schemas = [f"{FOLDER}/schemas/{schema.name}" for schema in SCHEMA_DIR.glob("*.schema.json")]
    return sorted([*(f"{FOLDER}/{name}.json" for name in KINDS), f"{FOLDER}/all.json", f"{FOLDER}/rounds.csv",
                   f"{FOLDER}/positions.csv", *schemas])


def files(dataset: Dataset) -> dict[str, str]:
    """Path under the site -> content, for every download under export/ (kept as published before api/v1/)."""
    out = {f"{FOLDER}/{name}.json": to_json(records(dataset, kind)) for name, kind in KINDS.items()}
    out[f"{FOLDER}/all.json"] = to_json({name: records(dataset, kind) for name, kind in KINDS.items()})
    out[f"{FOLDER}/rounds.csv"] = rounds_csv(dataset)
    out[f"{FOLDER}/positions.csv"] = positions_csv(dataset)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        out[f"{FOLDER}/schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    return out


def _fold(text: str) -> str:
    """One line per cell: a line break inside a quoted cell still trips up simple CSV readers."""
    return " ".join(str(text).split())


def _place(r: Round) -> list[str]:
    return [r.place.city, r.place.country, r.place.venue or ""] if r.place else ["", "", ""]
