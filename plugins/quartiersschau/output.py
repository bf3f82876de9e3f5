"""Never publish a partial site: build into a staging folder, swap it in at the end.

Pelican writes straight into ``OUTPUT_PATH``. We point it at a sibling staging folder
at the start of every run and, only after every generator and post-build step has
succeeded, replace the old output with it. A failed build leaves ``output/``
exactly as it was (DESIGN §1); its leftovers are removed at the start of the next run.
"""

from __future__ import annotations

import logging
import os
import shutil

from .settings import LOG_PREFIX

log = logging.getLogger(__name__)

# Steps that run on the finished staging folder before it is published,
# e.g. the search index; each takes (staging_path, settings).
POST_BUILD_STEPS: list = []


def staging_path(output_path: str) -> str:
    return os.path.normpath(output_path) + ".tmp-build"


def begin_run(pelican) -> None:
    """Point this run of Pelican at a fresh staging folder."""
    if not pelican.settings.get("QS_ATOMIC_OUTPUT", True):
        return
    final = pelican.settings["OUTPUT_PATH"]
    staging = staging_path(final)
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    pelican.output_path = staging


def finish_run(pelican) -> None:
    """Run post-build steps on the staging folder, then publish it as the output."""
    staging = pelican.output_path
    for step in POST_BUILD_STEPS:
        step(staging, pelican.settings)
    if not pelican.settings.get("QS_ATOMIC_OUTPUT", True):
        return
    publish(staging, pelican.settings["OUTPUT_PATH"])


def publish(staging: str, final: str) -> None:
    """Replace *final* by *staging* with two renames; the old output is removed last."""
    final = os.path.normpath(final)
    old = final + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(final):
        os.rename(final, old)
    os.rename(staging, final)
    shutil.rmtree(old, ignore_errors=True)
    log.info("%s Ausgabe veröffentlicht: %s", LOG_PREFIX, final)
