"""Validation: every problem is reported with file, line and a message a contributor understands."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, build, check
from peace import dataset
from peace.problems import DataError

ROUND = "data/rounds/2026-01-sample-city.yml"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    for name in ("data", "seeds"):
        shutil.copytree(FIXTURES / "minimal" / name, tmp_path / name)
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        dataset.load(project)
    return [str(p) for p in info.value.problems]


def test_fixture_is_valid(project: Path) -> None:
    data = dataset.load(project)
    assert list(data.rounds) == ["2026-01-sample-city", "2026-02-sample-city"]


def test_dangling_reference_names_file_line_and_path(project: Path) -> None:
    edit(project, ROUND, "      - actor: ada-example", "      - actor: andrii-natov")
    assert problems(project) == [f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'andrii-natov'"]


def test_duplicate_key(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held\nstatus: planned\n")
    assert problems(project) == [f"{ROUND}:6: status: duplicate key 'status' (first given on line 5)"]


def test_wrong_type(project: Path) -> None:
    edit(project, ROUND, "title: Talks in Sample City", "title: 2026")
    assert problems(project) == [f"{ROUND}:2: title: expected text, got a number"]


def test_unknown_field(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held\nlocation: Paris\n")
    assert problems(project) == [
        f"{ROUND}:6: location: unknown field 'location' (allowed here: delegations, disagreements, end, format, hosts, "
        "id, mediators, outcomes, place, quotes, reviewed, sources, start, status, sticking_points, summary, title)"]


def test_impossible_date_and_bad_enum(project: Path) -> None:
    edit(project, ROUND, "start: 2026-01-01", "start: 2026-02-30")
    edit(project, ROUND, "format: bilateral", "format: quadrilateral")
    assert problems(project) == [
        f"{ROUND}:3: start: '2026-02-30' must be a real date written YYYY-MM-DD, or YYYY-MM when only the month is known",
        f"{ROUND}:6: format: 'quadrilateral' must be one of: bilateral, trilateral, multilateral, summit, call",
    ]


def test_end_before_start_and_roles_out_of_order(project: Path) -> None:
    edit(project, ROUND, "end: 2026-01-02", "end: 2025-12-31")
    edit(project, "data/actors/ada-example.yml", "    to: 2026-01-03", "    to: 2024-12-31")
    assert problems(project) == [
        "data/actors/ada-example.yml:10: roles[0].to: role ends (2024-12-31) before it starts (2025-01-01)",
        f"{ROUND}:4: end: end 2025-12-31 is before start 2026-01-01",
    ]


def test_missing_field_and_empty_sources(project: Path) -> None:
    edit(project, "data/sticking-points/border.yml", "status: narrowing\n", "")
    edit(project, "data/sticking-points/border.yml", "sources: [example-news-2026-01-02-talks]\nreviewed", "sources: []\nreviewed")
    assert problems(project) == [
        "data/sticking-points/border.yml:1: missing required field 'status'",
        "data/sticking-points/border.yml:13: sources: needs at least 1 item",
    ]


def test_alias_shared_by_two_actors(project: Path) -> None:
    edit(project, "data/actors/northland.yml", "name: Northland\n", "name: Northland\naliases: [SUDLAND]\n")
    assert problems(project) == ["data/actors/southland.yml:4: aliases[0]: 'Sudland' is already a name or alias of actor 'northland'"]


def test_id_must_match_file_name(project: Path) -> None:
    edit(project, "data/plans/northland-plan.yml", "id: northland-plan", "id: northland-plan-2")
    assert problems(project) == ["data/plans/northland-plan.yml:1: id: id 'northland-plan-2' must match the file name 'northland-plan.yml'"]


def test_every_error_at_once_with_a_count(project: Path) -> None:
    edit(project, ROUND, "      - actor: ada-example", "      - actor: nobody")
    edit(project, "data/plans/northland-plan.yml", "    point: border", "    point: borders")
    edit(project, "seeds/state-wire-2026-01-05-statement.yml", "kind: official-statement", "kind: rumour")
    result = check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/plans/northland-plan.yml:8: points[0].point: unknown sticking point 'borders'",
        f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'nobody'",
        "seeds/state-wire-2026-01-05-statement.yml:6: kind: 'rumour' must be one of: report, interview, "
        "official-statement, document, social-post",
        "3 errors found; nothing was built.",
    ]
    assert "Traceback" not in result.stderr


def test_check_reports_counts_when_valid(project: Path) -> None:
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 2 rounds, 3 actors, 1 sticking points, 1 plans, 2 sources"


def test_invalid_data_fails_the_build_and_writes_no_site(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    edit(project, ROUND, "      - actor: ada-example", "      - actor: andrii-natov")
    result = build(project)
    assert result.returncode != 0
    assert f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'andrii-natov'" in result.stdout + result.stderr
    assert "1 error found; nothing was built." in result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists()


def test_unknown_marker_in_a_hand_written_page_fails_the_build(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    (project / "docs/timeline.md").write_text("# Timeline\n\n<!-- peace:timelines -->\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "timeline.md: unknown marker 'peace:timelines' (known: actors, downloads," in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
