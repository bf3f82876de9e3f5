"""Security headers for static hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

The site's Content-Security-Policy allows only this origin. Two exceptions are needed and
no more: ``'wasm-unsafe-eval'`` lets the search (Pagefind) compile its WebAssembly,
which is not eval of text; JSON-LD blocks are data and not subject to script-src.

The web editor under /admin/ (Decap CMS) cannot run under it: emotion injects ``<style>``
elements, ajv compiles the config schema with ``new Function``, previews of media are
``blob:`` images (which it also reads back with ``fetch``), and it talks to the Git host's API. It gets its own policy, with
connect-src limited to the configured backend (and the local backend, if offered).

Both hosts combine the headers of every rule that matches a path, and two CSP headers
would both be enforced. So no rule with a policy matches /admin/: the site's policy is
written per top-level entry of the output (``/``, ``/index.html``, ``/standorte/*`` …,
listed when the file is written) instead of ``/*``. Only headers equal for every path
stay on ``/*``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .admin import DEFAULT_BACKEND, FOLDER, local_backend_url

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
_REST = ("object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        *_REST,
    )
)
CONTENT_TYPES = {
    "/*.vcf": {"Content-Type": "text/vcard; charset=utf-8"},
    "/*.ics": {"Content-Type": "text/calendar; charset=utf-8"},
    "/*.geojson": {"Content-Type": "application/geo+json; charset=utf-8"},
    "/*/feed.xml": {"Content-Type": "application/atom+xml; charset=utf-8"},
}
# Decap's defaults per backend: the API it fetches from, and the OAuth server (fetched for
# the PKCE token exchange; other flows open it as a page or popup, which CSP does not govern).
BACKEND_HOSTS = {
    "gitlab": ("https://gitlab.com/api/v4", "https://gitlab.com"),
    "github": ("https://api.github.com", "https://api.netlify.com"),
    "gitea": ("https://try.gitea.io/api/v1", "https://try.gitea.io"),
    "bitbucket": ("https://api.bitbucket.org/2.0", "https://api.netlify.com"),
}
# Backends whose login waits for a popup's message: the editor's page must keep its opener.
POPUP_LOGIN = {"github", "bitbucket"}
NOT_WRITTEN = {"_headers", "_redirects", FOLDER}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def editor_sources(settings: dict) -> list[str]:
    """connect-src of the editor: the backend's API (and OAuth server for PKCE), the local backend."""
    backend = settings.get("QS_ADMIN_BACKEND") or DEFAULT_BACKEND
    api, oauth = BACKEND_HOSTS.get(backend.get("name", ""), ("", ""))
    urls = [backend.get("api_root") or api]
    if backend.get("auth_type") == "pkce":
        urls.append(backend.get("base_url") or oauth)
    urls.append(local_backend_url(settings))
    return list(dict.fromkeys(o for o in map(_origin, urls) if o))


def editor_csp(settings: dict) -> str:
    """The policy of /admin/: only what Decap CMS 3 needs (found in Chromium, tests/test_quality_csp.py)."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' blob:",
            "font-src 'self'",
            "connect-src " + " ".join(["'self'", "blob:", *editor_sources(settings)]),
            "worker-src 'self'",
            *_REST,
        )
    )


def _site_patterns(output: Path, prefix: str) -> list[str]:
    """One pattern per top-level entry of the output, none of which matches /admin/."""
    patterns = [f"{prefix}/"]
    for entry in sorted(output.iterdir()):
        if entry.name not in NOT_WRITTEN:
            patterns.append(f"{prefix}/{entry.name}/*" if entry.is_dir() else f"{prefix}/{entry.name}")
    return patterns


def header_rules(output: Path, settings: dict) -> dict[str, dict[str, str]]:
    """Pattern → headers, as written to ``_headers`` (the site's rules before the editor's)."""
    prefix = urlsplit(str(settings.get("SITEURL", ""))).path.rstrip("/")
    site = {"Content-Security-Policy": CSP, "Cross-Origin-Opener-Policy": "same-origin"}
    backend = settings.get("QS_ADMIN_BACKEND") or DEFAULT_BACKEND
    popup = backend.get("name") in POPUP_LOGIN and backend.get("auth_type") != "pkce"
    editor = {
        "Content-Security-Policy": editor_csp(settings),
        "Cross-Origin-Opener-Policy": "same-origin-allow-popups" if popup else "same-origin",
    }
    rules = {"/*": dict(COMMON)}
    rules.update({pattern: site for pattern in _site_patterns(output, prefix)})
    rules[f"{prefix}/{FOLDER}/*"] = editor
    rules.update(CONTENT_TYPES)
    return rules


def headers_file(output: Path, settings: dict) -> str:
    blocks = []
    for pattern, values in header_rules(output, settings).items():
        blocks.append(pattern + "\n" + "".join(f"  {name}: {value}\n" for name, value in values.items()))
    return "\n".join(blocks)


def write_headers(output: Path, settings: dict) -> None:
    """Write ``_headers``; call it when the output is complete (its top-level entries are listed)."""
    (output / "_headers").write_text(headers_file(output, settings), encoding="utf-8")
