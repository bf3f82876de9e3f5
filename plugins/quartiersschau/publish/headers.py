"""Security headers for static hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

The Content-Security-Policy allows only this origin. Two exceptions are needed and
no more: ``'wasm-unsafe-eval'`` lets the search (Pagefind) compile its WebAssembly,
which is not eval of text; JSON-LD blocks are data and not subject to script-src.
"""

from __future__ import annotations

from pathlib import Path

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "/*": {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    },
    "/*.vcf": {"Content-Type": "text/vcard; charset=utf-8"},
    "/*.ics": {"Content-Type": "text/calendar; charset=utf-8"},
    "/*.geojson": {"Content-Type": "application/geo+json; charset=utf-8"},
    "/*/feed.xml": {"Content-Type": "application/atom+xml; charset=utf-8"},
}


def headers_file() -> str:
    blocks = []
    for pattern, values in HEADERS.items():
        blocks.append(pattern + "\n" + "".join(f"  {name}: {value}\n" for name, value in values.items()))
    return "\n".join(blocks)


def write_headers(output: Path) -> None:
    (output / "_headers").write_text(headers_file(), encoding="utf-8")
