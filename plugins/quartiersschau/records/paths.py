"""Where the records of one programme live: its data folder, its content folder, its map outlines."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class ContentPaths:
    """Where the records of one site live."""

    root: Path
    data: Path
    content: Path

    @property
    def sites(self) -> Path:
        return self.data / "sites"

    @property
    def projects(self) -> Path:
        return self.data / "projects"

    @property
    def events(self) -> Path:
        return self.data / "events"

    @property
    def calls(self) -> Path:
        return self.data / "calls"

    @property
    def stories(self) -> Path:
        return self.content / "stories"

    @property
    def pages(self) -> Path:
        return self.content / "pages"

    @property
    def images(self) -> Path:
        return self.content / "images"

    @property
    def downloads(self) -> Path:
        return self.content / "downloads"

    @classmethod
    def from_settings(cls, settings: dict) -> ContentPaths:
        """The paths of the programme a Pelican run builds (settings with the plugin's defaults applied)."""
        return cls(
            root=Path.cwd(),
            data=Path(settings["QS_DATA_PATH"]),
            content=Path(settings["PATH"]),
        )

    @cached_property
    def _root_prefix(self) -> str:
        return os.path.join(os.path.abspath(self.root), "")

    def display(self, path: Path) -> str:
        """A path as editors see it: relative to the project root where possible."""
        # Most paths lie below the root: cut its prefix (``relpath`` costs ten times as much,
        # which is felt once per record on every build of 10,000 records).
        absolute = os.path.abspath(path)
        if absolute.startswith(self._root_prefix):
            return absolute[len(self._root_prefix) :].replace(os.sep, "/")
        try:
            return Path(os.path.relpath(path, self.root)).as_posix()
        except ValueError:
            return Path(path).as_posix()
