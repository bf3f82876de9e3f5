"""The web editor under /admin/: Decap CMS, served from the site itself, configured from the schemas.

``config.yml`` is generated at every build, never written by hand: one folder collection
per record kind (sites, projects, stories, pages, events, calls; committees are a list in
the site), the programme file, German labels and hints from the schemas
(``publish.admin_fields``). Its paths are relative to the repository the programme lives
in, so they differ between programmes. ``decap-cms.js`` (with its lazily loaded parts) is
copied from npm's ``node_modules``; nothing is loaded from another host.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..common.filesystem import link_or_copy
from ..common.refusal import refuse
from ..records.canonical import load
from ..records.schema_tree import kind_schema
from .admin_fields import object_fields

FOLDER = "admin"
BUNDLE = "decap-cms.js"
PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_BUNDLE = PROJECT_ROOT / "node_modules" / "decap-cms" / "dist" / BUNDLE
# Used until a programme sets QS_ADMIN_BACKEND (docs/redaktion.md: GitLab with PKCE, GitHub).
DEFAULT_BACKEND = {"name": "gitlab", "repo": "gruppe/projekt", "auth_type": "pkce", "app_id": "ANWENDUNGS-ID"}
LOCAL_BACKEND = {"url": "http://127.0.0.1:8081/api/v1"}  # `make cms`'s decap-server

# name, kind, folder below the programme, format, identifier field, fixed labels (None: the programme's words)
COLLECTIONS = (
    ("sites", "site", "data/sites", "yaml", "name", None),
    ("projects", "project", "data/projects", "yaml", "title", None),
    ("stories", "story", "content/stories", "frontmatter", "title", ("Geschichten", "Geschichte")),
    ("pages", "page", "content/pages", "frontmatter", "title", ("Seiten", "Seite")),
    ("events", "event", "data/events", "yaml", "title", ("Termine", "Termin")),
    ("calls", "call", "data/calls", "yaml", "title", ("Aufrufe", "Aufruf")),
)
WORDS = {"site": "site", "project": "project"}  # kind → its entry in programme.yaml's vocabulary

INDEX_HTML = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Redaktion – {name}</title>
</head>
<body>
<script src="{prefix}/{folder}/{bundle}"></script>
</body>
</html>
"""


def repository_root(programme: Path) -> Path:
    """The Git checkout a programme lives in (the folder with .git), else the programme itself."""
    for folder in (programme, *programme.parents):
        if (folder / ".git").exists():
            return folder
    return programme


def local_backend_url(settings: dict) -> str:
    """The local backend's API URL, or "" when none is offered (QS_ADMIN_LOCAL_BACKEND: bool or URL)."""
    value = settings.get("QS_ADMIN_LOCAL_BACKEND", True)
    if isinstance(value, str) and value.strip():
        url = value.strip()
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            refuse(f"QS_ADMIN_LOCAL_BACKEND: {url!r} ist keine http(s)-Adresse")
        return url
    return LOCAL_BACKEND["url"] if value and not isinstance(value, str) else ""


def _read(path: Path):
    return load(path.read_text(encoding="utf-8")) if path.is_file() else None


def choices(data: Path) -> dict[str, list[tuple[str, str]]]:
    """(id, label) choices of the list files that records refer to by id."""
    programme = _read(data / "programme.yaml") or {}
    lists = {"themes": _read(data / "themes.yaml") or [], "regions": _read(data / "regions.yaml") or []}
    for key in ("phases", "funds", "programme_lines", "event_kinds", "committee_kinds"):
        lists[key] = programme.get(key) or []
    return {
        key: [(str(e["id"]), str(e.get("label") or e["id"])) for e in entries if isinstance(e, dict) and "id" in e]
        for key, entries in lists.items()
        if isinstance(entries, list)
    }


def _labels(kind: str, fixed, vocabulary: dict) -> tuple[str, str]:
    if fixed:
        return fixed
    noun = vocabulary.get(WORDS[kind]) or {}
    title = kind_schema(kind)[0]["title"]
    return noun.get("plural", title), noun.get("singular", title)


def _collection(name, kind, folder, fmt, identifier, fixed, prefix, vocabulary, options) -> dict:
    plural, singular = _labels(kind, fixed, vocabulary)
    schema, base = kind_schema(kind)
    fields = object_fields(schema, base, kind, options)
    if fmt == "frontmatter":
        fields.append({"name": "body", "label": "Text", "widget": "markdown", "required": False})
    return {
        "name": name,
        "label": plural,
        "label_singular": singular,
        "description": schema.get("description", ""),
        "folder": f"{prefix}{folder}",
        "extension": "md" if fmt == "frontmatter" else "yaml",
        "format": fmt,
        "create": True,
        "identifier_field": identifier,
        "slug": "{{slug}}",
        "fields": fields,
    }


def admin_config(data: Path, content: Path, settings: dict) -> dict:
    """Decap's configuration for one programme (*data*, *content*: its folders)."""
    programme = data.parent
    root = repository_root(programme.resolve())
    prefix = Path(programme.resolve()).relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    options = choices(data)
    vocabulary = (_read(data / "programme.yaml") or {}).get("vocabulary") or {}
    schema, base = kind_schema("programme")
    config = {
        "locale": "de",
        "backend": dict(settings.get("QS_ADMIN_BACKEND") or DEFAULT_BACKEND),
        "media_folder": f"{prefix}content/images",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(*c, prefix, vocabulary, options) for c in COLLECTIONS],
    }
    local = local_backend_url(settings)
    if local:
        config["local_backend"] = {"url": local}
    if settings.get("QS_ADMIN_EDITORIAL_WORKFLOW"):
        config["publish_mode"] = "editorial_workflow"
    config["collections"].append(
        {
            "name": "programme",
            "label": schema["title"],
            "files": [
                {
                    "name": "programme",
                    "label": schema["title"],
                    "file": f"{prefix}data/programme.yaml",
                    "fields": object_fields(schema, base, "programme", options),
                }
            ],
        }
    )
    return config


# libyaml's writer where PyYAML has it (the same text, written ten times as fast).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def admin_files(data: Path, content: Path, settings: dict) -> dict[str, str]:
    """admin/index.html and admin/config.yml (text files, beside the pages)."""
    config = yaml.dump(
        admin_config(data, content, settings), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100
    )
    # The site may be served below a sub-path (SITEURL https://host/sub or /sub).
    prefix = urlsplit(str(settings.get("SITEURL", ""))).path.rstrip("/")
    page = INDEX_HTML.format(
        name=html.escape(settings.get("SITENAME", "")), prefix=prefix, folder=FOLDER, bundle=BUNDLE
    )
    return {f"{FOLDER}/index.html": page, f"{FOLDER}/config.yml": config}


def bundle_path(settings: dict) -> Path:
    return Path(settings.get("QS_ADMIN_BUNDLE") or DEFAULT_BUNDLE)


def check_bundle(settings: dict) -> None:
    """Stop the build if Decap CMS is not installed."""
    if not bundle_path(settings).is_file():
        refuse(f"Redaktion (/admin/): {bundle_path(settings)} fehlt – `make html` oder `npm ci` ausführen")


def copy_bundle(output: Path, settings: dict) -> None:
    """decap-cms.js and the parts it loads on demand (numbered chunks, WebAssembly), without source maps."""
    bundle = bundle_path(settings)
    stem = bundle.name.removesuffix(".js")
    for source in [bundle, *sorted(bundle.parent.glob(f"*.{stem}.js")), *sorted(bundle.parent.glob("*.wasm"))]:
        target = output / FOLDER / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)
