"""The data API under api/v1/: each record page links to its JSON, which validates; v1's paths and fields are kept.

tests/api-v1-manifest.json is v1's promise. After adding a file, column or field to v1, write the new promise
with `PYTHONPATH=hooks python -c "import json, pathlib; from peace import api, dataset;
print(json.dumps(api.manifest(api.files(dataset.load(pathlib.Path('.')), '')), indent=2))" > tests/api-v1-manifest.json`
and review the diff: it may only add lines.
"""
from __future__ import annotations

import copy
import csv
import json
import posixpath
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, Built
from jsonschema import Draft202012Validator, FormatChecker
from peace import api, dataset, export
from referencing import Registry, Resource

MANIFEST = ROOT / "tests/api-v1-manifest.json"
KINDS = {"rounds": "round", "actors": "actor", "sticking-points": "sticking-point", "plans": "plan", "sources": "source"}
# Published under export/ before api/v1/ existed; they must keep working.
EXPORT = ["export/all.json", "export/rounds.json", "export/actors.json", "export/sticking-points.json",
          "export/plans.json", "export/sources.json", "export/rounds.csv", "export/positions.csv",
          *(f"export/schemas/{k}.schema.json" for k in ["common", *KINDS.values()])]


def validators(site: Path) -> dict[str, Draft202012Validator]:
    """The published schemas, resolving their shared definitions from the published common schema."""
    folder = site / "api/v1/schemas"
    common = folder / "common.schema.json"
    registry = Registry().with_resource(common.as_uri(), Resource.from_contents(json.loads(common.read_text())))
    out = {}
    for kind in KINDS.values():
        path = folder / f"{kind}.schema.json"
        schema = {**json.loads(path.read_text()), "$id": path.as_uri()}
        out[kind] = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    return out


def json_link(built: Built, page: str) -> Path:
    """The file the page's "This record as data" section links to as this record's JSON."""
    html = built.site / page / "index.html"
    heading = next(iter(built.tree(page).xpath("//h2[@id='this-record-as-data']")), None)
    assert heading is not None, page
    first = heading.xpath("following-sibling::ul[1]")[0].xpath(".//a")[0]
    return Path(posixpath.normpath(posixpath.join(html.parent.as_posix(), first.attrib["href"])))


def test_every_record_page_links_to_its_json_which_validates(real_site: Path, real_built: Built) -> None:
    checks = validators(real_site)
    index = json.loads((real_site / "api/v1/index.json").read_text(encoding="utf-8"))
    names = {name: {} for name in KINDS}
    for name in KINDS:
        for raw in json.loads((real_site / f"api/v1/{name}.json").read_text(encoding="utf-8")):
            names[name][raw["id"]] = raw
    seen = 0
    for name, kind in KINDS.items():
        assert index["kinds"][name]["ids"] == sorted(names[name])
        for record_id in index["kinds"][name]["ids"]:
            target = json_link(real_built, f"{name}/{record_id}")
            assert target == real_site / f"api/v1/{name}/{record_id}.json"
            doc = json.loads(target.read_text(encoding="utf-8"))
            assert (doc["api"], doc["kind"], doc["id"]) == ("v1", kind, record_id)
            assert list(checks[kind].iter_errors(doc["record"])) == [], target
            assert doc["record"] == names[name][record_id]
            for ref_kind, refs in doc["names"].items():
                for ref_id, label in refs.items():
                    assert ref_id in names[ref_kind] and label, (target, ref_id)
            seen += 1
    assert seen > 200


def test_a_record_file_names_what_it_refers_to(minimal_site: Path) -> None:
    doc = json.loads((minimal_site / "api/v1/rounds/2026-01-sample-city.json").read_text(encoding="utf-8"))
    assert doc["names"]["actors"]["ada-example"] == "Ada Example"
    assert doc["names"]["sticking-points"]["border"]
    assert doc["names"]["sources"]["example-news-2026-01-02-talks"] == "Example News: Delegations meet in Sample City"
    assert doc["page"] == "http://127.0.0.1:8000/rounds/2026-01-sample-city/"


def current_manifest() -> dict:
    return api.manifest(api.files(dataset.load(ROOT), ""))


def test_v1_keeps_every_path_column_and_field_of_the_manifest(real_site: Path) -> None:
    promised = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert api.broken(promised, current_manifest()) == []
    for path in promised["paths"]:
        assert (real_site / path).is_file(), path
    for name, pattern in promised["record_paths"].items():
        for raw in json.loads((real_site / f"api/v1/{name}.json").read_text(encoding="utf-8")):
            record = real_site / pattern.format(id=raw["id"])
            assert set(json.loads(record.read_text(encoding="utf-8"))) >= set(promised["record_fields"]), record
    for path, columns in promised["csv_columns"].items():
        with (real_site / path).open(encoding="utf-8") as f:
            assert set(next(csv.reader(f))) >= set(columns), path


def test_manifest_check_fails_when_a_path_column_or_field_disappears() -> None:
    promised = json.loads(MANIFEST.read_text(encoding="utf-8"))
    current = current_manifest()
    for change, message in [
        (lambda m: m["paths"].remove("api/v1/sources.csv"), "api/v1: path api/v1/sources.csv is no longer published"),
        (lambda m: m["fields"]["round"].remove("place.city"), "api/v1: schema round lost the field 'place.city'"),
        (lambda m: m["csv_columns"]["api/v1/actors.csv"].remove("name"), "api/v1: api/v1/actors.csv lost the column 'name'"),
        (lambda m: m["record_fields"].remove("names"), "api/v1: record files lost the field 'names'"),
        (lambda m: m["record_paths"].update(rounds="api/v1/r/{id}.json"),
         "api/v1: record files of rounds are no longer at api/v1/rounds/{id}.json"),
    ]:
        changed = copy.deepcopy(current)
        change(changed)
        assert api.broken(promised, changed) == [message]


def test_schema_fields_include_nested_and_list_fields() -> None:
    from peace import schemas

    fields = set(api.fields(schemas.validator("round").schema))
    assert {"place", "place.city", "delegations[].members[].actor", "sticking_points[].point"} <= fields


def test_every_kind_has_a_csv_with_a_row_per_record(real_site: Path) -> None:
    for name in KINDS:
        records = json.loads((real_site / f"api/v1/{name}.json").read_text(encoding="utf-8"))
        with (real_site / f"api/v1/{name}.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in records), name
        assert len(rows) == len(records) > 0, name


def test_earlier_export_paths_still_work(real_site: Path) -> None:
    for path in EXPORT:
        assert (real_site / path).is_file(), path
    assert (real_site / "export/rounds.json").read_bytes() == (real_site / "api/v1/rounds.json").read_bytes()


def test_the_data_page_lists_every_earlier_export_without_making_them() -> None:
    assert export.names() == sorted(export.files(dataset.load(ROOT))) == sorted(EXPORT)


def test_data_page_links_the_api_changelog_feeds_and_calendar(real_site: Path) -> None:
    soup = BeautifulSoup((real_site / "data/index.html").read_text(encoding="utf-8"), "lxml")
    hrefs = {a["href"] for a in soup.find("article").find_all("a", href=True)}
    for target in ["../api/v1/index.json", "../api/changelog/", "../feed.xml", "../feed-events.xml", "../calendar.ics",
                   "../api/v1/actors.csv", "../api/v1/sources.csv", "../api/v1/sticking-points.csv"]:
        assert target in hrefs, target
    assert (real_site / "api/changelog/index.html").is_file()
