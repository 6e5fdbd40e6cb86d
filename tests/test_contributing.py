"""The contributor path: CONTRIBUTING.md followed word for word, the commented examples, editor and
pre-commit set-up, and the pull-request and issue templates."""
from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from checking import run_check as check
from conftest import FIXTURES, ROOT, build, make_project
from peace.dataset import FOLDERS

GUIDE = ROOT / "CONTRIBUTING.md"
EXAMPLES = ROOT / "examples"
KINDS = ("round", "actor", "sticking-point", "plan", "source")
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)$")
# What a contributor puts in place of the examples' placeholder ids: records of the minimal fixture.
FIXTURE_IDS = {
    "example-host-state": "northland",
    "example-mediator": "southland",
    "example-state-a": "northland",
    "example-state-b": "southland",
    "example-person": "ada-example",
    "example-point": "border",
    "example-plan": "northland-plan",
    "example-earlier-plan": "northland-plan",
    "example-news-2026-03-12-talks": "example-news-2026-01-02-talks",
    "example-agency-2026-03-13-statement": "state-wire-2026-01-05-statement",
}
_EXAMPLE_ID = re.compile(r"(?<![a-z0-9-])example-[a-z0-9]+(?:-[a-z0-9]+)*(?![a-z0-9-])")


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def fenced(text: str, language: str) -> list[str]:
    blocks = []
    for match in re.finditer(r"^([ \t]*)```(\w*)\n(.*?)^\1```", text, re.M | re.S):
        if match.group(2) == language:
            blocks.append(textwrap.dedent(match.group(3)))
    return blocks


def project_with_examples(dest: Path) -> Path:
    """A copy of the project with the minimal fixture data, the examples and the guide, as a contributor has it."""
    project = make_project(dest, FIXTURES / "minimal")
    shutil.copytree(EXAMPLES, project / "examples")
    shutil.copy2(GUIDE, project / "CONTRIBUTING.md")
    return project


def replace_ids(text: str, keep: set[str] = frozenset()) -> str:
    """Every `example-...` id replaced by the fixture record it stands for, except the ids in `keep`."""
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word in keep else FIXTURE_IDS.get(word, word)
    return _EXAMPLE_ID.sub(swap, text)


def set_field(text: str, key: str, value: str) -> str:
    new, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
    assert count == 1, f"no top-level {key}: in the record"
    return new


def schema_of_modeline(record: Path) -> Path | None:
    first = record.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    return (record.parent / match.group("path")).resolve() if match else None


# --- CONTRIBUTING.md, word for word -------------------------------------------------------------------------


def test_adding_a_round_as_contributing_md_says(tmp_path: Path) -> None:
    text = guide()
    project = project_with_examples(tmp_path / "project")

    # Step 2: the copy command, exactly as written.
    commands = [line for block in fenced(text, "sh") for line in block.splitlines() if "examples/round.yml" in line]
    assert len(commands) == 1, commands
    target = re.fullmatch(r".* > (data/rounds/(?P<id>[a-z0-9-]+)\.yml)", commands[0])
    assert target, commands[0]
    subprocess.run(["bash", "-c", commands[0]], cwd=project, check=True)
    record = project / target.group(1)
    new_id = target.group("id")
    copied = record.read_text(encoding="utf-8").splitlines()
    example = (EXAMPLES / "round.yml").read_text(encoding="utf-8").splitlines()
    assert copied[1:] == example[1:], "the copy changes only the first line"
    assert schema_of_modeline(record) == (project / "schemas" / "round.schema.json").resolve()

    # Straight after copying, `make check` already names the file and the line.
    result = check(project)
    assert result.returncode == 1
    assert re.match(rf"^{re.escape(target.group(1))}:\d+: id: ", result.stderr), result.stderr

    # Step 1: a new source, copied as the guide says, cited by the round instead of the example's.
    sources = [line for block in fenced(text, "sh") for line in block.splitlines() if "examples/source.yml seeds/" in line]
    assert len(sources) == 1, sources
    source = re.fullmatch(r"cp examples/source\.yml (seeds/(?P<id>[a-z0-9-]+)\.yml)", sources[0])
    assert source, sources[0]
    source_id = source.group("id")
    assert not source_id.startswith("example-"), "the guide says to replace every id that starts with example-"
    subprocess.run(["bash", "-c", sources[0]], cwd=project, check=True)
    source_file = project / source.group(1)
    source_file.write_text(set_field(source_file.read_text(encoding="utf-8"), "id", source_id), encoding="utf-8")

    # Step 3: fill it in. Leave two example ids for step 4 to find.
    filled = record.read_text(encoding="utf-8").replace("example-news-2026-03-12-talks", source_id)
    filled = set_field(filled, "id", new_id)
    filled = set_field(filled, "title", "Talks in Geneva")
    filled = filled.replace("Example City", "Geneva").replace("Example Country", "Switzerland")
    filled = set_field(filled, "reviewed", dt.date.today().isoformat())
    record.write_text(replace_ids(filled, keep={"example-host-state", "example-point"}), encoding="utf-8")

    # Step 4: `make check` prints exactly what the guide shows for them.
    shown = [block for block in fenced(text, "text") if "example-host-state" in block]
    assert len(shown) == 1, "the guide shows one example of `make check` output"
    result = check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == shown[0].strip().splitlines()

    record.write_text(replace_ids(record.read_text(encoding="utf-8")), encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 3 rounds,"), result.stdout

    # Step 5: the page at the address the guide gives, in the rounds index and on every participant's page.
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    address = re.search(r"<http://127\.0\.0\.1:8000/(rounds/[a-z0-9-]+/)>", text)
    assert address and address.group(1) == f"rounds/{new_id}/"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--dev-addr 127.0.0.1:$(PORT)" in makefile and re.search(r"^PORT \?= 8000$", makefile, re.M)
    page = (site / address.group(1) / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Talks in Geneva<", page)
    assert "Example Palace, Geneva, Switzerland" in page
    index = (site / "rounds" / "index.html").read_text(encoding="utf-8")
    assert f'href="{new_id}/"' in index
    assert f'href="../../sources/{source_id}/"' in page
    assert f'href="../../rounds/{new_id}/"' in (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    assert "rounds/index.md" in [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
    assert "<!-- peace:rounds -->" in (project / "docs" / "rounds" / "index.md").read_text(encoding="utf-8")
    for actor in ("northland", "southland", "ada-example"):
        actor_page = (site / "actors" / actor / "index.html").read_text(encoding="utf-8")
        assert f'href="../../rounds/{new_id}/"' in actor_page, actor


def test_the_guide_names_only_commands_and_files_that_exist() -> None:
    text = guide()
    targets = set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    for target in re.findall(r"`make ([a-z-]+)`", text) + re.findall(r"^make ([a-z-]+)$", text, re.M):
        assert target in targets, f"make {target}"
    for path in set(re.findall(r"\b((?:examples|schemas|tests|\.vscode|\.github)/[\w./-]+\.\w+)", text)):
        assert (ROOT / path).is_file(), path
    for kind in KINDS:
        assert f"examples/{kind}.yml" in text, kind
    for folder in FOLDERS.values():
        assert f"`{folder}/`" in text, folder
    for rule in ("Every fact cites a record in `seeds/`", "Your own words", "Short quotes, attributed and dated",
                 "Disagreements are kept, with both sources", "State media are flagged",
                 "One canonical name, with aliases"):
        assert rule in text, rule
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in readme


# What the guide shows for each mistake, made in the minimal fixture's first round (and an actor the misspelled
# id is close to). The guide's file and line numbers stand for the contributor's file; the rest must be exact.
FIXTURE_ROUND = "data/rounds/2026-01-sample-city.yml"
MISTAKES: dict[str, tuple[str, str, str]] = {
    "' #' starts a comment": (FIXTURE_ROUND, "title: Talks in Sample City", "title: Talks #2 in Geneva"),
    "holds ': '": (FIXTURE_ROUND, "summary: The two delegations met for two days.",
                   "summary: Outcome: a second round in April."),
    "indented more": (FIXTURE_ROUND, "status: held\n", "status: held\n  format: bilateral\n"),
    "a tab character": (FIXTURE_ROUND, "    moved: Both", "\tmoved: Both"),
    "andrii-natov": (FIXTURE_ROUND, "      - actor: ada-example", "      - actor: andrii-natov"),
    "'postpned'": (FIXTURE_ROUND, "status: held", "status: postpned"),
}


def test_every_message_the_guide_shows_is_what_make_check_prints(tmp_path: Path) -> None:
    block = next(b for b in fenced(guide(), "text") if "did you mean" in b)
    lines = block.strip().splitlines()
    assert len(lines) == len(MISTAKES) + 1
    for line in lines:
        shown = re.fullmatch(r"(?P<file>[\w/.-]+):(?P<line>\d+): (?P<rest>.+)", line)
        assert shown, line
        project = make_project(tmp_path / f"p{lines.index(line)}", FIXTURES / "minimal")
        actor = (project / "data/actors/ada-example.yml").read_text(encoding="utf-8")
        (project / "data/actors/andrii-hnatov.yml").write_text(
            actor.replace("id: ada-example", "id: andrii-hnatov").replace("name: Ada Example", "name: Andrii Hnatov")
            .replace("aliases: [Ada Ekzampl, Ада Приклад]", "aliases: []"), encoding="utf-8")
        if shown.group("file") == "data/round":
            (project / "data/rounds").rename(project / "data/round")
        else:
            rel, old, new = next(m for key, m in MISTAKES.items() if key in line)
            text = (project / rel).read_text(encoding="utf-8")
            assert old in text
            (project / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
        result = check(project)
        assert result.returncode == 1
        printed = [re.sub(r"^[\w/.-]+:\d+: ", "", out) for out in result.stderr.splitlines()]
        assert shown.group("rest") in printed, result.stderr


# --- the examples -------------------------------------------------------------------------------------------


def _properties(node: Any, common: dict[str, Any]) -> Iterator[str]:
    """Every field name a schema node allows, at any depth, following references to common.schema.json."""
    if not isinstance(node, dict):
        return
    ref = node.get("$ref", "")
    if ref.startswith("common.schema.json#/$defs/") or ref.startswith("#/$defs/"):
        yield from _properties(common["$defs"][ref.rsplit("/", 1)[1]], common)
    for name, sub in node.get("properties", {}).items():
        yield name
        yield from _properties(sub, common)
    yield from _properties(node.get("items"), common)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_the_schema_is_in_the_example_with_a_comment(kind: str) -> None:
    path = EXAMPLES / f"{kind}.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
    assert schema_of_modeline(path) == (ROOT / "schemas" / f"{kind}.schema.json").resolve()
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    common = json.loads((ROOT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    keys = re.compile(r"^\s*(?:- )?([a-z_]+):(?:\s|$)")
    present = {m.group(1) for line in lines if (m := keys.match(line))}
    commented_out = {m.group(1) for line in lines if (m := re.match(r"^\s*# ([a-z_]+): ", line))}
    missing = set(_properties(schema, common)) - present - commented_out
    assert not missing, f"fields of the schema the example does not show: {sorted(missing)}"
    for number, line in enumerate(lines, start=1):
        if keys.match(line):
            above = lines[number - 2].strip() if number > 1 else ""
            assert " # " in line or above.startswith("#"), f"{path.name}:{number}: field without a comment"


@pytest.mark.parametrize("kind", KINDS)
def test_each_example_passes_validation_when_copied_into_place(kind: str, tmp_path: Path) -> None:
    project = project_with_examples(tmp_path / "project")
    example = (EXAMPLES / f"{kind}.yml").read_text(encoding="utf-8")
    own_id = yaml.safe_load(example)["id"]
    folder = FOLDERS[kind]
    depth_fix = example.replace("../schemas/", "../../schemas/", 1) if "/" in folder else example
    record = project / folder / f"{own_id}.yml"
    assert not record.exists()
    record.write_text(replace_ids(depth_fix, keep={own_id}), encoding="utf-8")
    assert schema_of_modeline(record) == (project / "schemas" / f"{kind}.schema.json").resolve()
    before = check(project_with_examples(tmp_path / "before"))
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout != before.stdout, "the record was not picked up"


def test_all_examples_together_build_strictly(tmp_path: Path) -> None:
    """Every field of every example renders: all five in place at once, referring to each other."""
    project = project_with_examples(tmp_path / "project")
    own = {kind: yaml.safe_load((EXAMPLES / f"{kind}.yml").read_text(encoding="utf-8"))["id"] for kind in KINDS}
    for kind in KINDS:
        text = (EXAMPLES / f"{kind}.yml").read_text(encoding="utf-8")
        if "/" in FOLDERS[kind]:
            text = text.replace("../schemas/", "../../schemas/", 1)
        (project / FOLDERS[kind] / f"{own[kind]}.yml").write_text(replace_ids(text, keep=set(own.values())),
                                                                  encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "rounds" / own["round"] / "index.html").read_text(encoding="utf-8")
    assert "Jane Example" in page and "The example border" in page and "Sources disagree" in page


# --- editor set-up ------------------------------------------------------------------------------------------


def test_vscode_maps_every_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, list[str]] = settings["yaml.schemas"]
    by_schema = {(ROOT / schema).resolve(): globs for schema, globs in mapping.items()}
    for kind, folder in FOLDERS.items():
        schema = (ROOT / "schemas" / f"{kind}.schema.json").resolve()
        assert schema.is_file()
        globs = by_schema[schema]
        assert any(fnmatch.fnmatch(f"{folder}/a-record.yml", g) for g in globs), kind
        assert f"examples/{kind}.yml" in globs
        for other_kind, other_folder in FOLDERS.items():
            if other_kind != kind:
                assert not any(fnmatch.fnmatch(f"{other_folder}/a-record.yml", g) for g in globs)
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_every_record_modeline_points_at_its_own_schema() -> None:
    for kind, folder in FOLDERS.items():
        for record in sorted((ROOT / folder).glob("*.yml")):
            schema = schema_of_modeline(record)
            if schema is not None:
                assert schema == (ROOT / "schemas" / f"{kind}.schema.json").resolve(), record.relative_to(ROOT)


# --- pre-commit and yamllint --------------------------------------------------------------------------------


def pre_commit_hooks() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "nothing fetched from GitHub"
    return {hook["id"]: hook for hook in config["repos"][0]["hooks"]}


def test_pre_commit_runs_yamllint_and_the_schema_check() -> None:
    hooks = pre_commit_hooks()
    assert set(hooks) == {"yamllint", "check-records"}
    assert all(hook["language"] == "system" for hook in hooks.values())
    assert hooks["yamllint"]["types"] == ["yaml"] and "--strict" in hooks["yamllint"]["entry"]
    assert re.search(r"^yamllint==\d+\.\d+\.\d+", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    schema_hook = hooks["check-records"]
    assert schema_hook["entry"] == "make check" and schema_hook["language"] == "system"
    assert schema_hook["pass_filenames"] is False
    for changed in ("data/rounds/2025-02-18-riyadh.yml", "seeds/x.yml", "schemas/round.schema.json"):
        assert re.search(schema_hook["files"], changed), changed
    assert not re.search(schema_hook["files"], "docs/index.md")
    lint = yaml.safe_load((ROOT / ".yamllint").read_text(encoding="utf-8"))
    assert lint["extends"] == "default"


def test_the_yamllint_hook_runs_the_projects_own_yamllint(tmp_path: Path) -> None:
    """The hook's command as pre-commit runs it (entry, then the staged files), from the repository."""
    entry = shlex.split(pre_commit_hooks()["yamllint"]["entry"])
    good, bad = tmp_path / "good.yml", tmp_path / "bad.yml"
    good.write_text("title: \"Talks #2 in Geneva\"  # quoted\n", encoding="utf-8")
    bad.write_text("title: Talks #2 in Geneva\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    assert subprocess.run([*entry, str(good)], cwd=ROOT, env=env, capture_output=True, text=True).returncode == 0
    result = subprocess.run([*entry, str(bad)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0  # --strict: warnings fail too
    assert "1:14" in result.stdout and "too few spaces before comment" in result.stdout, result.stdout


def test_the_real_files_pass_yamllint() -> None:
    yamllint_config = pytest.importorskip("yamllint.config", reason="yamllint is not installed (pre-commit has it)")
    from yamllint import linter

    config = yamllint_config.YamlLintConfig(file=str(ROOT / ".yamllint"))
    files = [*ROOT.glob("data/*/*.yml"), *ROOT.glob("seeds/*.yml"), *EXAMPLES.glob("*.yml"),
             *ROOT.glob(".github/**/*.yml"), ROOT / "mkdocs.yml", ROOT / ".pre-commit-config.yaml"]
    problems = [f"{path.relative_to(ROOT)}:{p.line}: {p.desc} ({p.rule})" for path in files
                for p in linter.run(path.read_text(encoding="utf-8"), config, str(path))]
    assert not problems, "\n".join(problems)


# --- pull request and issue templates -----------------------------------------------------------------------


def test_the_pull_request_template_is_the_sourcing_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(items) >= 6
    for needle in ("`seeds/`", "own words", "attributed", "`disagreements:`", "`state_controlled: true`",
                   "`aliases:`", "`make check`"):
        assert any(needle in item for item in items), needle


def test_the_factual_error_form_is_a_valid_issue_form() -> None:
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "factual-error.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    body = form["body"]
    types = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids = [element["id"] for element in body if element["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for element in body:
        assert element["type"] in types
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", element["id"])
        assert element["attributes"]["label"]
        if element["type"] == "dropdown":
            assert all(isinstance(option, str) for option in element["attributes"]["options"])
        if element["type"] == "checkboxes":
            assert all(option["label"] for option in element["attributes"]["options"])
    required = {e["id"] for e in body if e.get("validations", {}).get("required")}
    assert {"page", "wrong", "source-url"} <= required
