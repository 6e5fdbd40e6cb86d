"""`python -m peace build OUT` gives any site generator the same pages the hooks give MkDocs."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_EDIT = re.compile(r'<a href="[^"]*" title="Edit this page".*?</a>', re.S)


def _article(path: Path) -> str:
    match = _ARTICLE.search(path.read_text(encoding="utf-8"))
    assert match, path
    # The edit link names the YAML file only in the hooked build; the theme's spacing around it differs.
    return " ".join(_EDIT.sub("", match.group(1)).split())


def test_the_plain_markdown_builds_the_same_pages_as_the_hooks(minimal_site: Path, tmp_path: Path) -> None:
    project = minimal_site.parent
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    out = tmp_path / "plain"
    written = subprocess.run([sys.executable, "-m", "peace", "build", str(out)], cwd=project, env=env,
                             capture_output=True, text=True, timeout=300)
    assert written.returncode == 0, written.stderr
    import yaml
    plain = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in plain and "watch" not in plain
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
                           cwd=out, env={**env, "PYTHONPATH": ""}, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    hooked = sorted(p.relative_to(minimal_site) for p in minimal_site.rglob("index.html"))
    assert hooked == sorted(p.relative_to(out / "site") for p in (out / "site").rglob("index.html"))
    different = [str(rel) for rel in hooked if _article(minimal_site / rel) != _article(out / "site" / rel)]
    assert different == []
