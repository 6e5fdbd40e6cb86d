"""The GitHub Actions workflows: valid for Actions, least privilege, pinned, and calling only what exists."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+\.\d+\.\d+$")  # a full release version
JOB_PERMISSIONS = {"contents": {"read"}, "pages": {"read", "write"}, "id-token": {"write"}, "issues": {"write"}}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def triggers(data: dict[str, Any]) -> dict[str, Any]:
    """The `on:` mapping; PyYAML reads the bare key `on` as the boolean True."""
    value = data.get("on", data.get(True))
    return {value: None} if isinstance(value, str) else value


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.M))


def test_the_three_workflows_exist() -> None:
    assert {p.name for p in FILES} >= {"test.yml", "deploy.yml", "links.yml"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_valid_for_github_actions(path: Path) -> None:
    data = load(path)
    assert data.get("name"), "a workflow needs a name"
    assert triggers(data), "no `on:`"
    assert isinstance(data.get("jobs"), dict) and data["jobs"], "no jobs"
    for job_id, job in data["jobs"].items():
        assert re.fullmatch(r"[A-Za-z_][\w-]*", job_id), job_id
        assert job.get("runs-on"), f"{job_id}: no runs-on"
        assert isinstance(job.get("steps"), list) and job["steps"], f"{job_id}: no steps"
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in data["jobs"], f"{job_id} needs unknown job {need}"
        ids = [step["id"] for step in job["steps"] if "id" in step]
        assert len(ids) == len(set(ids)), f"{job_id}: step ids repeat"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{job_id}: each step has `uses` or `run`: {step}"
            for used in re.findall(r"steps\.([\w-]+)\.outputs", yaml.safe_dump(step)):
                assert used in ids, f"{job_id}: refers to step {used}, which this job does not have"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege_and_pinned_actions(path: Path) -> None:
    data = load(path)
    assert data.get("permissions") == {"contents": "read"}, "top level: contents: read, and nothing more"
    for job_id, job in data["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in JOB_PERMISSIONS.get(scope, set()), f"{job_id}: {scope}: {level} is not needed"
    for step in steps(data):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"pin {step['uses']} to a release, like @v4.2.2"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_run_steps_call_only_existing_make_targets(path: Path) -> None:
    targets = make_targets()
    called = [t for step in steps(load(path)) if "run" in step
              for t in re.findall(r"\bmake((?:\s+-[-\w=]+)*(?:\s+[A-Za-z][\w.-]*)+)", step["run"])]
    for call in called:
        for target in [w for w in call.split() if not w.startswith("-") and "=" not in w]:
            assert target in targets, f"`make {target}` in {path.name}, but the Makefile has no such target"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_python_311_with_pip_cache(path: Path) -> None:
    setups = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups, "every workflow sets up Python"
    for setup in setups:
        assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.txt"}


def test_every_pull_request_and_push_runs_the_readme_test_command() -> None:
    data = load(WORKFLOWS / "test.yml")
    assert "pull_request" in triggers(data) and "push" in triggers(data)
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s["run"] for s in steps(data) if "run" in s] == ["make test"]


def test_main_is_built_and_deployed_to_pages() -> None:
    data = load(WORKFLOWS / "deploy.yml")
    assert triggers(data)["push"] == {"branches": ["main"]}
    uses = [s["uses"].split("@")[0] for s in steps(data) if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert make_build["env"] == {"SITE_URL": f"${{{{ steps.{configure['id']}.outputs.base_url }}}}",
                                 "REPO_URL": "${{ github.server_url }}/${{ github.repository }}"}
    assert build["steps"].index(configure) < build["steps"].index(make_build)
    assert any(s.get("run") == "make test" for s in build["steps"][:build["steps"].index(make_build)])
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"  # where `make build` writes
    assert re.search(r"^build:.*\n\t.*--site-dir site$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", mkdocs, re.M)
    assert re.search(r"^repo_url: !ENV \[REPO_URL,", mkdocs, re.M)


def test_external_addresses_are_checked_weekly_and_only_there() -> None:
    data = load(WORKFLOWS / "links.yml")
    cron = triggers(data)["schedule"][0]["cron"]
    assert len(cron.split()) == 5 and cron.split()[4] != "*", "once a week"
    job = data["jobs"]["external-links"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    runs = "\n".join(s["run"] for s in job["steps"] if "run" in s)
    assert "tests/external_links.py" in runs and "--site site" in runs
    assert "gh issue create" in runs and "gh issue edit" in runs and "--label dead-links" in runs
    assert (ROOT / "tests" / "external_links.py").is_file()
    for other in FILES:
        if other.name != "links.yml":
            assert "external_links" not in other.read_text(encoding="utf-8"), other.name
    # Not collected by pytest, and `make test` never calls it (see test_linkcheck.py).
    assert not (ROOT / "tests" / "external_links.py").name.startswith("test_")
