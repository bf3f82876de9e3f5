"""The plugin's folders are the stages of the flow, and imports only go down the flow.

``common`` → ``records`` → ``images`` → ``catalogue`` → ``render`` → ``publish``; the
modules at the top of the package (generator, reader, settings, check, register)
assemble them. A stage may import itself, earlier stages and ``common``, never a later
stage or the top; no two modules import each other, even indirectly. Every import
counts, also one inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "plugins" / "quartiersschau"
STAGES = ("common", "records", "images", "catalogue", "render", "publish")
TOP = len(STAGES)  # rank of the modules at the top of the package
MAX_LINES = 300


def module_name(path: Path, package: Path) -> tuple[str, ...]:
    parts = path.relative_to(package).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def is_package(path: Path, package: Path) -> bool:
    return path.name == "__init__.py"


def rank(module: tuple[str, ...]) -> int:
    return STAGES.index(module[0]) if module and module[0] in STAGES else TOP


def imports(path: Path, package: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(line, imported module inside the package) for every import in one file."""
    own = module_name(path, package)
    base = own if is_package(path, package) else own[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            anchor = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = anchor + tuple(node.module.split(".")) if node.module else anchor
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == package.name:
            target = tuple(node.module.split(".")[1:])
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names if a.name.split(".")[0] == package.name]
            found += [(node.lineno, tuple(n[1:])) for n in names]
            continue
        else:
            continue
        # ``from . import legal`` imports the module ``legal``; ``from .model import Site`` the module ``model``.
        submodules = [a.name for a in node.names if (package.joinpath(*target, a.name + ".py")).is_file()]
        if submodules:
            found += [(node.lineno, target + (name,)) for name in submodules]
        else:
            found.append((node.lineno, target))
    return found


def modules(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def layer_violations(package: Path) -> list[str]:
    """``file:line: stage imports later stage`` for every import against the flow."""
    problems = []
    for path in modules(package):
        own = module_name(path, package)
        for line, target in imports(path, package):
            if rank(target) > rank(own):
                where = path.relative_to(package).as_posix()
                problems.append(f"{where}:{line}: {'.'.join(own)} imports {'.'.join(target) or '(package)'}")
    return problems


def import_cycles(package: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan's algorithm)."""
    graph = {module_name(p, package): {t for _, t in imports(p, package)} for p in modules(package)}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(".".join(member))
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return cycles


def test_every_stage_imports_only_itself_earlier_stages_and_common():
    assert layer_violations(PACKAGE) == []


def test_no_two_modules_import_each_other():
    assert import_cycles(PACKAGE) == []


def test_every_module_lives_in_a_stage_or_on_top():
    folders = {p.parent.relative_to(PACKAGE).parts[0] for p in modules(PACKAGE) if p.parent != PACKAGE}
    assert folders <= set(STAGES)
    assert all((PACKAGE / stage / "__init__.py").is_file() for stage in STAGES)


def test_modules_stay_small():
    long = {
        p.relative_to(PACKAGE).as_posix(): n
        for p in modules(PACKAGE)
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "quartiersschau"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for stage in STAGES:
        (package / stage).mkdir(parents=True, exist_ok=True)
        (package / stage / "__init__.py").touch()
    (package / "__init__.py").touch()
    return package


def test_the_check_finds_an_earlier_stage_importing_a_later_one(tmp_path):
    package = _package(
        tmp_path,
        {
            "records/crossrefs.py": "from ..render.jobs import EXTRA_PAGES\n",
            "records/reading.py": "def f():\n    from quartiersschau.publish import staging\n",
            "catalogue/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..settings import X\n",
            "common/cache.py": "from ..records import problems\n",
            "render/jobs.py": "from ..catalogue.model import Site\nfrom ..common.cache import key\n",
            "publish/staging.py": "",
            "records/problems.py": "",
            "settings.py": "from .publish.staging import run\n",
        },
    )
    assert layer_violations(package) == [
        "catalogue/model.py:3: catalogue.model imports settings",
        "common/cache.py:1: common.cache imports records.problems",
        "records/crossrefs.py:1: records.crossrefs imports render.jobs",
        "records/reading.py:2: records.reading imports publish.staging",
    ]


def test_the_check_finds_a_circle(tmp_path):
    package = _package(
        tmp_path,
        {
            "catalogue/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .legal import Legal\n",
            "catalogue/legal.py": "from .model import Address\n",
            "catalogue/address.py": "",
        },
    )
    assert import_cycles(package) == [["catalogue.legal", "catalogue.model"]]
