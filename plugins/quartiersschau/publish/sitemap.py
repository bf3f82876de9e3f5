"""sitemap.xml and robots.txt, from every page Pelican's Writer wrote.

Pages are collected from Pelican's ``content_written`` signal. At the end of the
build the collection is compared with the HTML files in the output: a page written
without the Writer would be missing from the sitemap, so it is an error.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from ..common.filesystem import file_names

# Pages that are not for search engines (admin/: the web editor, publish.admin).
EXCLUDED = {"404.html", "admin/index.html"}


class SitemapCollector:
    def __init__(self):
        self.pages: set[str] = set()
        self._output: tuple[str, Path] | None = None  # (as given, resolved), resolved once per run

    def reset(self) -> None:
        self.pages.clear()
        self._output = None

    def record(self, path: str, output: str) -> None:
        if not str(path).endswith(".html"):
            return
        prefix = os.path.join(output, "")
        if str(path).startswith(prefix) and ".." not in str(path):  # as Pelican's Writer names them: no look-ups
            self.pages.add(Path(str(path)[len(prefix) :]).as_posix())
            return
        if self._output is None or self._output[0] != output:
            self._output = (output, Path(output).resolve())
        self.pages.add(Path(path).resolve().relative_to(self._output[1]).as_posix())


def _url(base: str, page: str) -> str:
    path = page[: -len("index.html")] if page.endswith("index.html") else page
    return f"{base}/{path}"


def write_sitemap(output: Path, base: str, pages: set[str], names: list[str] | None = None) -> None:
    """Write sitemap.xml and robots.txt; refuse if an HTML page bypassed the Writer.

    *names* are the files in *output* (``file_names``), if the caller has listed them already.
    """
    on_disk = {relative for relative in (file_names(output) if names is None else names) if relative.endswith(".html")}
    missing = sorted(on_disk - pages - EXCLUDED)
    if missing:
        raise RuntimeError(f"Seiten ohne Pelicans Writer geschrieben (fehlen in der Sitemap): {', '.join(missing[:5])}")
    urls = "".join(f"<url><loc>{escape(_url(base, p))}</loc></url>\n" for p in sorted(pages - EXCLUDED))
    (output / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n',
        encoding="utf-8",
    )
    robots = "User-agent: *\nAllow: /\n"
    if base.startswith(("http://", "https://")):
        robots += f"Sitemap: {base}/sitemap.xml\n"
    (output / "robots.txt").write_text(robots, encoding="utf-8")
