"""Problems found in the content, and the error that stops a build.

Every check in the plugin reports a :class:`Problem` instead of raising, so one run
can show an editor *all* mistakes of the content tree at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .characters import neutralise


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, printed as ``path:line:column: field: message``.

    Printed with control and bidirectional characters neutralised (``<U+202E>``), so a
    file name or a quoted value can neither reverse nor break the line it stands in.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    # "error" stops the build; "warning" is shown and lets it go on (records.cautions).
    severity: str = "error"
    # What kind of warning, for settings that refuse some of them (cautions.PLACEHOLDER).
    code: str = ""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        field = self.field or "(Datei)"
        label = "Hinweis: " if self.is_warning else ""
        return neutralise(f"{self.path}:{self.line}:{self.column}: {field}: {label}{self.message}")

    def as_error(self, reason: str = "") -> Problem:
        """The same problem as an error (a warning that a setting refuses), *reason* added to the message."""
        return Problem(self.path, self.line, self.column, self.field, self.message + reason, "error", self.code)


class ContentError(Exception):
    """The content has problems; nothing may be written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} Fehler in den Inhalten – es wurde nichts geschrieben.")

    def report(self, *, building: bool = True) -> str:
        """All problems, one per line, then the summary (a check alone writes nothing, so it says less)."""
        lines = [str(p) for p in self.problems]
        lines.append(str(self) if building else f"{len(self.problems)} Fehler in den Inhalten.")
        return "\n".join(lines)


def field_name(path: tuple) -> str:
    """Render a data path like ``("office", "address", "postcode")`` as ``office.address.postcode``.

    List indexes are shown 1-based in brackets (``images[2].alt``) because editors count from one.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out
