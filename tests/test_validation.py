"""Validation: every problem of every file at once, with file, line, a message a contributor understands and
the fix. The checks run in this process (`peace.check.main`, `peace.dataset.load`); two tests run `make check`'s
command and the build end to end, for the exit status and the absence of a traceback."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, build, check, make_project
from peace import check as checker
from peace import dataset
from peace.problems import DataError

ROUND = "data/rounds/2026-01-sample-city.yml"
ROUND2 = "data/rounds/2026-02-sample-city.yml"
NEWS = "seeds/example-news-2026-01-02-talks.yml"
COUNT = "{} found; nothing was built."


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


def run_check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], list[str]]:
    """`make check` in this process: (exit status, lines of standard output, lines of standard error)."""
    status = checker.main([str(project)])
    out = capsys.readouterr()
    return status, out.out.splitlines(), out.err.splitlines()


def test_fixture_is_valid(project: Path) -> None:
    data = dataset.load(project)
    assert list(data.rounds) == ["2026-01-sample-city", "2026-02-sample-city"]
    assert data.warnings == []


def test_check_reports_counts_when_valid(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check(project, capsys) == (0, ["OK: 2 rounds, 3 actors, 1 sticking points, 1 plans, 2 sources"], [])


# --- one mistake each ---------------------------------------------------------------------------------------


def test_dangling_reference_with_a_suggestion(project: Path) -> None:
    edit(project, ROUND, "      - actor: ada-example", "      - actor: ada-exampel")
    assert problems(project) == [
        f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'ada-exampel'; did you mean 'ada-example'?"]


def test_misspelled_source_id_gets_a_suggestion(project: Path) -> None:
    edit(project, ROUND, "sources: [example-news-2026-01-02-talks]\nreviewed",
         "sources: [example-news-2026-01-20-talks]\nreviewed")
    assert problems(project) == [f"{ROUND}:32: sources[0]: unknown source 'example-news-2026-01-20-talks'; "
                                 "did you mean 'example-news-2026-01-02-talks'?"]


def test_an_id_like_nothing_gets_no_suggestion(project: Path) -> None:
    edit(project, ROUND, "hosts: [northland]", "hosts: [qqq]")
    assert problems(project) == [f"{ROUND}:8: hosts[0]: unknown actor 'qqq'"]


def test_duplicate_key(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held\nstatus: planned\n")
    assert problems(project) == [f"{ROUND}:6: status: duplicate key 'status' (first given on line 5)"]


def test_wrong_type(project: Path) -> None:
    edit(project, ROUND, "title: Talks in Sample City", "title: 2026")
    assert problems(project) == [f"{ROUND}:2: title: expected text, got a number"]


def test_unknown_field_with_a_suggestion(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held\nsumary: Paris\n")
    assert problems(project) == [
        f"{ROUND}:6: sumary: unknown field 'sumary'; did you mean 'summary'? (allowed here: delegations, "
        "disagreements, end, format, held_as, hosts, id, mediators, outcomes, place, quotes, reviewed, sources, start, status, "
        "sticking_points, summary, title)"]


def test_impossible_date_and_bad_enum(project: Path) -> None:
    edit(project, ROUND, "start: 2026-01-01", "start: 2026-02-30")
    edit(project, ROUND, "format: bilateral", "format: bilaterl")
    assert problems(project) == [
        f"{ROUND}:3: start: '2026-02-30' must be a real date written YYYY-MM-DD, or YYYY-MM when only the month is known",
        f"{ROUND}:6: format: 'bilaterl' must be one of: bilateral, trilateral, multilateral, summit, visit, call; "
        "did you mean 'bilateral'?",
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
    edit(project, "data/sticking-points/border.yml", "sources: [example-news-2026-01-02-talks]\nreviewed",
         "sources: []\nreviewed")
    assert problems(project) == [
        "data/sticking-points/border.yml:1: missing required field 'status'",
        "data/sticking-points/border.yml:13: sources: needs at least 1 item",
    ]


def test_alias_shared_by_two_actors(project: Path) -> None:
    edit(project, "data/actors/northland.yml", "name: Northland\n", "name: Northland\naliases: [SUDLAND]\n")
    assert problems(project) == [
        "data/actors/southland.yml:4: aliases[0]: 'Sudland' is already a name or alias of actor 'northland'"]


def test_id_must_match_file_name(project: Path) -> None:
    edit(project, "data/plans/northland-plan.yml", "id: northland-plan", "id: northland-plan-2")
    assert problems(project) == [
        "data/plans/northland-plan.yml:1: id: id 'northland-plan-2' must match the file name 'northland-plan.yml'"]


# --- the YAML mistakes of a new contributor -----------------------------------------------------------------


def test_hash_after_an_unquoted_title_is_an_error_that_says_to_quote(project: Path) -> None:
    """YAML reads `title: Talks #2 in Geneva` as "Talks": the rest is a comment."""
    edit(project, ROUND, "title: Talks in Sample City", "title: Talks #2 in Sample City")
    assert problems(project) == [
        f"{ROUND}:2: title: the value ends where ' #' starts a comment, so the rest of the line is lost; "
        "put it in quotes: title: \"Talks #2 in Sample City\""]


def test_hash_in_a_list_of_text_and_a_nested_field(project: Path) -> None:
    edit(project, "data/actors/southland.yml", "aliases: [Sudland]", "aliases:\n  - Sud #1")
    edit(project, ROUND, "    moved: Both sides put maps on the table.", "    moved: Maps #3 on the table")
    assert problems(project) == [
        "data/actors/southland.yml:5: aliases[0]: the value ends where ' #' starts a comment, so the rest of the line "
        "is lost; put it in quotes: - \"Sud #1\"",
        f"{ROUND}:17: sticking_points[0].moved: the value ends where ' #' starts a comment, so the rest of the line "
        "is lost; put it in quotes: moved: \"Maps #3 on the table\"",
    ]


def test_hash_after_a_value_over_several_lines(project: Path) -> None:
    edit(project, ROUND, "summary: The two delegations met for two days.",
         "summary: The two delegations met\n  for two days #3 of talks")
    assert problems(project) == [
        f"{ROUND}:9: summary: the value ends where ' #' starts a comment, so the rest of the line is lost; "
        "put it in quotes: \"...\""]


def test_comments_after_ids_dates_and_statuses_are_fine(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held  # was planned until December\n")
    edit(project, ROUND, "hosts: [northland]", "hosts:\n  - northland  # the host\n")
    edit(project, ROUND, "title: Talks in Sample City", "title: \"Talks #2 in Sample City\"  # quoted: fine")
    assert dataset.load(project).rounds["2026-01-sample-city"].title == "Talks #2 in Sample City"


def test_unquoted_colon_in_a_value(project: Path) -> None:
    edit(project, ROUND, "summary: The two delegations met for two days.", "summary: Result: they met for two days.")
    assert problems(project) == [
        f"{ROUND}:9: a value that holds ': ' must be in quotes: summary: \"Result: they met for two days.\""]


def test_field_indented_too_far(project: Path) -> None:
    edit(project, ROUND, "status: held\n", "status: held\n  format: bilateral\n")
    assert problems(project) == [
        f"{ROUND}:6: this field is indented more than the one above it; line it up with the other fields of its "
        "block (or, if the line above is a value that goes on, put that value in quotes)"]


def test_field_indented_too_little(project: Path) -> None:
    edit(project, "data/actors/ada-example.yml", "    of: northland\n    from: 2025", "    of: northland\n   from: 2025")
    assert problems(project) == [
        "data/actors/ada-example.yml:9: this line is indented differently from the lines above it; indent each field of "
        "a block, and "
        "each '-' of a list, by the same number of spaces as its neighbours"]


def test_tab_indentation(project: Path) -> None:
    edit(project, ROUND, "    moved: Both", "\tmoved: Both")
    assert problems(project) == [f"{ROUND}:17: a tab character is used to indent; indent with spaces only (two per level)"]


def test_unclosed_quote_names_the_line_it_opens_on(project: Path) -> None:
    edit(project, ROUND, "title: Talks in Sample City", "title: \"Talks in Sample City")
    assert problems(project) == [
        f"{ROUND}:2: a quote opened on this line is never closed; end the value with the same quote on one line"]


def test_misspelled_folder_under_data(project: Path) -> None:
    (project / "data/rounds").rename(project / "data/round")
    assert problems(project) == [
        "data/round:1: this folder is not one of the record folders; did you mean 'rounds'?"]


def test_the_places_of_the_map_are_a_known_folder(project: Path) -> None:
    (project / "data/places").mkdir()
    dataset.load(project)
    (project / "data/places").rename(project / "data/place")
    assert problems(project) == ["data/place:1: this folder is not one of the record folders; did you mean 'places'?"]


def test_unknown_folder_without_a_near_name(project: Path) -> None:
    (project / "data/meetings").mkdir()
    assert problems(project) == [
        "data/meetings:1: this folder is not one of the record folders; records go in data/actors, data/plans, "
        "data/rounds, data/sticking-points or seeds"]


# --- every problem at once, sorted, capped ------------------------------------------------------------------


def test_every_problem_of_one_file_at_once(project: Path) -> None:
    """A schema problem no longer hides the references and dates of the same file."""
    edit(project, ROUND, "title: Talks in Sample City", "title: 2026")
    edit(project, ROUND, "end: 2026-01-02", "end: 2025-12-31")
    edit(project, ROUND, "hosts: [northland]", "hosts: [northlnd]")
    edit(project, ROUND, "status: held\n", "status: held\nlocation: Paris\n")
    edit(project, ROUND, "  - speaker: ada-example", "  - speaker: nobody")
    edit(project, ROUND, "id: 2026-01-sample-city", "id: 2026-01-other-city")
    found = problems(project)
    assert [line.split(": ", 1)[0] for line in found] == [f"{ROUND}:{n}" for n in (1, 2, 4, 6, 9, 25)]
    assert "unknown actor 'northlnd'; did you mean 'northland'?" in found[4]
    assert "quotes[0].speaker: unknown actor 'nobody'" in found[5]
    assert "must match the file name" in found[0] and "before start" in found[2] and "unknown field" in found[3]


def test_every_file_at_once_sorted_by_file_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, ROUND, "      - actor: ada-example", "      - actor: nobody")
    edit(project, "data/plans/northland-plan.yml", "    point: border", "    point: borders")
    edit(project, "seeds/state-wire-2026-01-05-statement.yml", "kind: official-statement", "kind: rumour")
    status, out, err = run_check(project, capsys)
    assert status == 1 and out == []
    assert err == [
        "data/plans/northland-plan.yml:8: points[0].point: unknown sticking point 'borders'; did you mean 'border'?",
        f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'nobody'",
        "seeds/state-wire-2026-01-05-statement.yml:6: kind: 'rumour' must be one of: report, interview, "
        "official-statement, document, social-post",
        COUNT.format("3 errors"),
    ]


def test_indices_sort_as_numbers_and_output_is_capped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hosts = ", ".join(f"nobody-{i}" for i in range(250))
    edit(project, ROUND, "hosts: [northland]", f"hosts: [{hosts}]")
    status, _, err = run_check(project, capsys)
    assert status == 1
    assert len(err) == 202
    assert err[:3] == [f"{ROUND}:8: hosts[{i}]: unknown actor 'nobody-{i}'" for i in range(3)]
    assert err[10] == f"{ROUND}:8: hosts[10]: unknown actor 'nobody-10'"
    assert err[199] == f"{ROUND}:8: hosts[199]: unknown actor 'nobody-199'"
    assert err[200:] == ["... and 50 more", COUNT.format("250 errors")]


# --- addresses ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url, why", [
    ("https://./", "has no host name, or an empty part in it (like '..'); give the document's full address"),
    ("https://news..example.org/x", "has no host name, or an empty part in it (like '..'); give the document's full address"),
    ("https://news.example.org:99999/x", "has a port that is not a number from 1 to 65535"),
    ("https://news.example.org:0/x", "has a port that is not a number from 1 to 65535"),
    ("http://10.1.2.3/x", "points at a private address (10.1.2.3), not a public site; give the document's public address"),
    ("http://192.168.0.1/", "points at a private address (192.168.0.1), not a public site; give the document's public address"),
    ("http://127.0.0.1:8000/", "points at a loopback address (127.0.0.1), not a public site; give the document's public address"),
    ("http://169.254.169.254/latest/meta-data/", "points at a link-local address (169.254.169.254), not a public site; "
                                                 "give the document's public address"),
    ("http://2130706433/", "has a host that reads as a number; give the site's name, like news.example.org"),
    ("http://localhost/x", "has a host name that is not on the public web (like localhost); give the site's full name"),
    ("http://metadata.google.internal/", "has a host name that is not on the public web (like localhost); give the "
                                         "site's full name"),
    ("https://-news.example.org/", "has a host name part that does not start and end with a letter or digit"),
])
def test_source_address_must_name_a_public_host(project: Path, url: str, why: str) -> None:
    edit(project, NEWS, "url: https://news.example.org/2026/01/02/talks", f"url: {url}")
    assert problems(project) == [f"{NEWS}:5: url: '{url}' {why}"]


@pytest.mark.parametrize("url", ["https://news.example.org:8443/a?b=1#c", "https://8.8.8.8/dns", "http://xn--80ak6aa92e.com/"])
def test_public_addresses_pass(project: Path, url: str) -> None:
    edit(project, NEWS, "url: https://news.example.org/2026/01/02/talks", f"url: {url}")
    assert dataset.load(project).sources["example-news-2026-01-02-talks"].url == url


# --- warnings -----------------------------------------------------------------------------------------------


def test_stale_planned_status_is_a_warning_that_does_not_fail(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Newest review 2026-01-06: an event postponed for 2025-10 (ends 2025-10-31, 67 days before) is stale."""
    edit(project, ROUND2, "start: 2026-02", "start: 2025-10")
    status, out, err = run_check(project, capsys)
    assert (status, err) == (0, [])
    assert out == ["OK: 2 rounds, 3 actors, 1 sticking points, 1 plans, 2 sources",
                   f"warning: {ROUND2}:4: status: still 'postponed' for 2025-10, more than 60 days before the newest "
                   "review (2026-01-06); check whether it was held or cancelled, or move its date",
                   "1 warning (they do not fail the check)"]


def test_a_planned_event_within_60_days_is_no_warning(project: Path) -> None:
    edit(project, ROUND2, "start: 2026-02", "start: 2025-11-08")  # 59 days before 2026-01-06
    assert dataset.load(project).warnings == []
    edit(project, ROUND2, "start: 2025-11-08", "start: 2025-11-06")  # 61 days
    assert [w.where for w in dataset.load(project).warnings] == ["status"]


def test_held_events_long_ago_are_no_warning(project: Path) -> None:
    edit(project, ROUND, "start: 2026-01-01\nend: 2026-01-02", "start: 2020-01-01\nend: 2020-01-02")
    assert dataset.load(project).warnings == []


def test_warnings_are_printed_with_errors_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, ROUND2, "start: 2026-02", "start: 2025-10")
    edit(project, ROUND, "hosts: [northland]", "hosts: [nobody]")
    status, out, err = run_check(project, capsys)
    assert status == 1
    assert out[0].startswith(f"warning: {ROUND2}:4: status: still 'postponed'")
    assert err == [f"{ROUND}:8: hosts[0]: unknown actor 'nobody'", COUNT.format("1 error")]


# --- docs/: nothing but plain files -------------------------------------------------------------------------


def test_symbolic_links_and_pipes_under_docs_are_refused(project: Path) -> None:
    docs = project / "docs"
    (docs / "deep").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "deep" / "environ").symlink_to("/proc/self/environ")
    (docs / "etc").symlink_to("/etc", target_is_directory=True)
    os.mkfifo(docs / "deep" / "pipe")
    assert problems(project) == [
        "docs/deep/environ:1: is a symbolic link; commit the file itself (the build copies everything in docs/ into the site)",
        "docs/deep/pipe:1: is not a regular file (a device, pipe or socket); remove it",
        "docs/etc:1: is a symbolic link; commit the file itself (the build copies everything in docs/ into the site)",
        "docs/passwd.txt:1: is a symbolic link; commit the file itself (the build copies everything in docs/ into the site)",
    ]


def test_a_pipe_or_a_folder_among_the_records_is_refused_not_read(project: Path) -> None:
    os.mkfifo(project / "data/rounds/2026-03-sample-city.yml")
    (project / "data/rounds/older").mkdir()
    assert problems(project) == [
        "data/rounds/2026-03-sample-city.yml:1: is not a regular file (a device, pipe or socket); remove it",
        "data/rounds/older:1: folders inside a record folder are not read; move its records up",
    ]


def test_docs_itself_may_not_be_a_link(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "docs").symlink_to(elsewhere, target_is_directory=True)
    assert problems(project) == [
        "docs:1: is a symbolic link; commit the file itself (the build copies everything in docs/ into the site)"]


# --- end to end: the real command and the real build --------------------------------------------------------


def test_make_check_command_exits_1_without_a_traceback(project: Path) -> None:
    edit(project, ROUND, "title: Talks in Sample City", "title: Talks #2 in Sample City")
    edit(project, ROUND, "      - actor: ada-example", "      - actor: nobody")
    result = check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{ROUND}:2: title: the value ends where ' #' starts a comment, so the rest of the line is lost; "
        "put it in quotes: title: \"Talks #2 in Sample City\"",
        f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'nobody'",
        COUNT.format("2 errors"),
    ]
    assert "Traceback" not in result.stderr + result.stdout


def test_invalid_data_or_a_link_in_docs_fails_the_build_and_writes_no_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    edit(project, ROUND, "      - actor: ada-example", "      - actor: andrii-natov")
    (project / "docs" / "leak.txt").symlink_to("/etc/passwd")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/leak.txt:1: is a symbolic link; commit the file itself" in output
    assert f"{ROUND}:13: delegations[0].members[0].actor: unknown actor 'andrii-natov'" in output
    assert COUNT.format("2 errors") in output
    assert "Traceback" not in output
    assert "root:" not in output  # nothing of /etc/passwd
    assert not (project / "site").exists()


def test_unknown_marker_in_a_hand_written_page_fails_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "minimal")
    (project / "docs/timeline.md").write_text("# Timeline\n\n<!-- peace:timelines -->\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert re.search(r"timeline\.md: unknown marker 'peace:timelines' \(known: actors, [a-z, -]*\btimeline\)",
                     result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr


def test_every_rule_states_its_rule_in_its_docstring() -> None:
    from peace import checks

    rules = [*checks.RECORD_RULES, *checks.DATASET_RULES, *checks.WARNING_RULES]
    assert len(rules) == len(set(rules)) >= 7
    for rule in rules:
        assert rule.__doc__ and rule.__doc__.strip().endswith((".", ")")), rule.__name__
