"""The same synthetic programme as a Hugo site, for ``bench.py --against-hugo``.

What a user would pick instead for a static showcase: every site, project and story a
Markdown page with its fields as front matter, themes as a taxonomy, and a minimal layout
(one template per kind, no theme). Pagefind after Hugo makes it searchable like ours.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><header><a href="/">Start</a></header><main data-pagefind-body>{{ block "main" . }}{{ end }}</main>'
        "</body></html>\n"
    ),
    "_default/single.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>'
        "{{ with .Params.themen }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}"
        "{{ .Content }}{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n'
    ),
    "index.html": (
        '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Sections }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n'
    ),
}


def _page(path: Path, front: dict, body: str) -> None:
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body, "utf-8")


def write_hugo_site(records: Path, target: Path) -> None:
    """Write the records under *records* (data/, content/) as a Hugo site in *target*."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "content").mkdir(parents=True)
    (target / "config.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Benchmark"\nlanguageCode = "de"\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n[taxonomies]\nthema = "themen"\n',
        "utf-8",
    )
    for name, text in LAYOUTS.items():
        (target / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (target / "layouts" / name).write_text(text, "utf-8")
    for kind, section in (("sites", "standorte"), ("projects", "projekte")):
        folder = target / "content" / section
        folder.mkdir()
        _page(folder / "_index.md", {"title": section.capitalize()}, "")
        for path in sorted((records / "data" / kind).glob("*.yaml")):
            data = yaml.safe_load(path.read_text("utf-8"))
            front = {"title": data.get("title") or data["name"], "summary": data["summary"], "themen": data["themes"]}
            _page(folder / f"{path.stem}.md", front, data.get("description", ""))
    stories = target / "content" / "geschichten"
    stories.mkdir()
    _page(stories / "_index.md", {"title": "Geschichten"}, "")
    for path in sorted((records / "content" / "stories").glob("*.md")):
        shutil.copy(path, stories / path.name)
    images = records / "content" / "images"
    if images.is_dir():
        shutil.copytree(images, target / "static" / "images")


def hugo_command(site: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(site), "--destination", str(site / "public")]


def hugo_and_pagefind_command(site: Path) -> list[str]:
    """Hugo, then Pagefind over its output, as one process tree (for the tree's peak memory)."""
    pagefind = f"{sys.executable} -m pagefind --site {site / 'public'} --silent"
    return ["sh", "-c", " ".join(hugo_command(site)) + " && " + pagefind]


def clean(site: Path) -> None:
    shutil.rmtree(site / "public", ignore_errors=True)
    shutil.rmtree(site / "resources", ignore_errors=True)
