"""Places where events are held: one file each in data/places/, matched to rounds by city and country.

Coordinates come from GeoNames (see tools/places.py), never typed in; a round whose city has no
place file is left off the map and named on the map page, with the file to add (a missing place
does not stop the build: the map is an overview, and the round's own page is complete without it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .dataset import Dataset
from .model import SLUG, Round
from .problems import Problem

FOLDER = "data/places"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...]


def _key(city: str, country: str) -> tuple[str, str]:
    return " ".join(city.split()).casefold(), " ".join(country.split()).casefold()


def load(root: Path) -> tuple[dict[str, Place], list[Problem]]:
    """Every place file, by id, and what is wrong with any of them."""
    places: dict[str, Place] = {}
    problems: list[Problem] = []
    for path in sorted((root / FOLDER).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            place = _place(raw)
        except (yaml.YAMLError, KeyError, TypeError, ValueError) as error:
            problems.append(Problem(rel, 1, "", f"not a place file ({error}); see data/places/README.md"))
            continue
        if place.id != path.stem:
            problems.append(Problem(rel, 1, "id", f"id '{place.id}' must match the file name '{path.stem}.yml'"))
            continue
        places[place.id] = place
    return places, problems


REQUIRED = ("id", "name", "country", "latitude", "longitude")


def _place(raw: dict[str, Any]) -> Place:
    missing = [key for key in REQUIRED if key not in raw]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if not SLUG.fullmatch(str(raw["id"])):
        raise ValueError("id must be a lowercase slug")
    lat, lon = float(raw["latitude"]), float(raw["longitude"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("latitude or longitude out of range")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError("aliases must be a list of names")
    return Place(str(raw["id"]), str(raw["name"]), str(raw["country"]), lat, lon, tuple(aliases))


def index(places: dict[str, Place]) -> dict[tuple[str, str], Place]:
    """(city, country), under every name a place goes by, -> place."""
    out: dict[tuple[str, str], Place] = {}
    for place in places.values():
        for name in (place.name, *place.aliases):
            out[_key(name, place.country)] = place
    return out


def suggested_id(city: str) -> str:
    """A file name for a city's place: its letters and digits, lower case, joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", city.casefold())
    return "-".join(words) or "city-name"


def match(dataset: Dataset, places: dict[str, Place]) -> tuple[dict[str, list[Round]], list[Problem]]:
    """The rounds held or planned at each place, by place id, and the rounds whose city has no place."""
    by_name = index(places)
    found: dict[str, list[Round]] = {}
    problems: list[Problem] = []
    for r in dataset.rounds.values():
        if r.place is None:  # a call
            continue
        place = by_name.get(_key(r.place.city, r.place.country))
        if place is None:
            suggestion = suggested_id(r.place.city)
            loaded = dataset.loaded.get(r.file)
            line = loaded.line(("place", "city")) if loaded else 1
            problems.append(Problem(r.file, line, "place.city",
                                    f"no place file for '{r.place.city}, {r.place.country}': add "
                                    f"{FOLDER}/{suggestion}.yml with its coordinates (run tools/places.py; "
                                    f"see {FOLDER}/README.md)"))
            continue
        found.setdefault(place.id, []).append(r)
    return found, problems
