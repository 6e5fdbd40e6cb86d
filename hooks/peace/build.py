"""`python -m peace build OUT`: the whole site as plain Markdown, for any site generator.

Writes into OUT/docs every hand-written page with its markers filled, every
generated record page and every download, as the MkDocs hooks serve them, plus
OUT/mkdocs.yml: the project's configuration without the hooks, so that a plain
`mkdocs build -f OUT/mkdocs.yml` gives the same pages.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from . import history, pages
from .appendix import Site
from .dataset import Dataset, load


def write(root: Path, out: Path) -> int:
    """Write the site's Markdown under `out`; returns the number of files written."""
    data = load(root)
    site_url, site_name = settings(root)
    site = Site(site_name, site_url, str(_config(root).get("repo_url") or ""), history.read(root))
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    count = _hand_written(root / "docs", docs, data, site)
    for generated in [*pages.record_pages(data, site), *pages.downloads(data, site_url, site_name), *pages.api_pages(data)]:
        content = generated.content
        if isinstance(content, str) and generated.path.endswith(".md"):  # as on_page_markdown does for every page
            content = pages.with_citation(content, generated.path, None, data, site)
        _put(docs / generated.path, content)
        count += 1
    (out / "mkdocs.yml").write_text(plain_config(root), encoding="utf-8")
    return count


def _hand_written(src: Path, dest: Path, data: Dataset, site: Site) -> int:
    count = 0
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        rel = path.relative_to(src).as_posix()
        if path.suffix == ".md":
            filled = pages.fill_markers(path.read_text(encoding="utf-8"), rel, data)
            _put(dest / rel, pages.with_citation(filled, rel, None, data, site))
        else:
            _put(dest / rel, path.read_bytes())
        count += 1
    return count


def _put(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, for the two values the downloads need."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    # `!ENV [NAME, default]` or `!ENV NAME`, as in MkDocs' own loader.
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        names = [loader.construct_scalar(node)]  # type: ignore[arg-type]
    *keys, default = names if len(names) > 1 else [*names, ""]
    return next((os.environ[k] for k in keys if k in os.environ), str(default))


_ConfigLoader.add_constructor("!ENV", _env)


def settings(root: Path) -> tuple[str, str]:
    """site_url and site_name from mkdocs.yml."""
    config = _config(root)
    return str(config.get("site_url") or ""), str(config.get("site_name") or "")


def _config(root: Path) -> dict[str, object]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe subclass)
    return config if isinstance(config, dict) else {}


def plain_config(root: Path) -> str:
    """The project's mkdocs.yml without hooks or watched folders, its theme overrides found from anywhere."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    config.pop("hooks", None)
    config.pop("watch", None)
    theme = config.get("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = (root / theme["custom_dir"]).resolve().as_posix()
    return "# Written by python -m peace build: the site's configuration without its hooks.\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False)
