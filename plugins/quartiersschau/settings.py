"""Default settings of the plugin, in one place, and the paths derived from them."""

from __future__ import annotations

import os

from .common import build_lock
from .common.parallel import cpu_count
from .images.derivatives import DEFAULT_MAX_PIXELS
from .publish.output_folder import protected_folders, resolve_target

DEFAULTS = {
    # Folder with programme.yaml, themes.yaml, regions.yaml, sites/, projects/, geo/.
    # Default: "data" beside the content folder (PATH).
    "QS_DATA_PATH": None,
    # Folder for work cached by content hash. Default: <CACHE_PATH>/quartiersschau.
    "QS_CACHE_PATH": None,
    # URL patterns of the generated pages, see catalogue.catalogue.DEFAULT_URLS.
    "QS_URLS": {},
    # Processes for Markdown and page rendering. Default: all usable cores.
    "QS_WORKERS": None,
    # Batches smaller than this run in-process (forking costs more than it saves).
    "QS_PARALLEL_MIN": 200,
    # Build into a staging folder and swap it in only when everything succeeded.
    "QS_ATOMIC_OUTPUT": True,
    # Seconds to wait when another build holds the output or cache folder, then refuse
    # (the devserver waits; `make html` refuses at once, naming the other build's PID).
    "QS_LOCK_WAIT": 0,
    # Build the Pagefind search index after the pages are written.
    "QS_SEARCH": True,
    # The preview's quick build (make devserver): keep the last search index and the last
    # feeds, open data, calendars and vCards, and leave making them anew, and compressing the
    # changed files, to the build that follows at once, so an edited page shows sooner
    # (publish.staging, publish.other_files). It always builds: no up-to-date check.
    "QS_QUICK_PREVIEW": False,
    # Project cards per page of a list (all projects, a theme's, a region's, a site's): a
    # longer list goes on under <list>/seite/2/ … (render.paging). 0: every list on one page.
    "QS_PROJECTS_PER_PAGE": 100,
    # Pages per part of the search index: an edit re-indexes one part (publish.search).
    "QS_SEARCH_PART_PAGES": 2000,
    # Write .gz and .br beside text files for servers that send precompressed files.
    "QS_PRECOMPRESS": True,
    # Largest original image accepted, in pixels (width × height).
    "QS_IMAGE_MAX_PIXELS": DEFAULT_MAX_PIXELS,
    # Public address of the site (https://…, no trailing slash) for canonical links, feeds,
    # the sitemap, Open Graph and QR codes. Default: SITEURL when it is absolute.
    "QS_PUBLIC_URL": "",
    # The page (content/pages/<slug>.md) that also shows the programme's facts.
    "QS_ABOUT_PAGE": "ueber",
    # The web editor under /admin/ (publish.admin, docs/redaktion.md): Decap CMS's bundle
    # (default: node_modules/decap-cms/dist/decap-cms.js of the project), its backend
    # (a dict as in Decap's config.yml; default: GitLab with PKCE, placeholders), whether
    # `make cms`'s local backend is offered (True: http://127.0.0.1:8081/api/v1, False: not,
    # or the API URL of a decap-server elsewhere, e.g. "http://127.0.0.1:8123/api/v1"),
    # and drafts as merge requests.
    "QS_ADMIN_BUNDLE": None,
    "QS_ADMIN_BACKEND": None,
    "QS_ADMIN_LOCAL_BACKEND": True,
    "QS_ADMIN_EDITORIAL_WORKFLOW": False,
    # Placeholders ("Kurzbeschreibung folgt.", TODO) are warnings in a preview and errors
    # here; publishconf.py sets it, so the public site never shows them (records.cautions).
    "QS_REFUSE_PLACEHOLDERS": False,
}


def apply_defaults(settings: dict) -> None:
    """Fill in every QS_* setting the site did not set, and resolve paths."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if not settings["QS_DATA_PATH"]:
        settings["QS_DATA_PATH"] = os.path.join(os.path.dirname(os.path.abspath(settings["PATH"])), "data")
    if not settings["QS_CACHE_PATH"]:
        settings["QS_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "quartiersschau")
    if not settings["QS_WORKERS"]:
        settings["QS_WORKERS"] = cpu_count()
    if str(settings.get("SITEURL", "")).startswith(("http://", "https://")):
        settings["QS_PUBLIC_URL"] = settings["SITEURL"]
    settings["QS_PUBLIC_URL"] = settings["QS_PUBLIC_URL"].rstrip("/")


def lock_build_folders(settings: dict) -> None:
    """Take this build's locks on the output and cache folders (see common.build_lock)."""
    # A refused output path (a file, no rights) is reported before any lock file is made.
    if settings["QS_ATOMIC_OUTPUT"]:
        output = str(resolve_target(settings["OUTPUT_PATH"], protected_folders(settings)))
    else:
        output = os.path.realpath(os.path.abspath(settings["OUTPUT_PATH"]))
    build_lock.acquire(
        {
            output + ".lock": f"{os.path.relpath(settings['OUTPUT_PATH'])}/",
            os.path.join(settings["QS_CACHE_PATH"], "build.lock"): f"{os.path.relpath(settings['QS_CACHE_PATH'])}/",
            os.path.join(
                settings.get("CACHE_PATH", "cache"), "build.lock"
            ): f"{os.path.relpath(settings.get('CACHE_PATH', 'cache'))}/",
        },
        float(settings["QS_LOCK_WAIT"]),
    )
