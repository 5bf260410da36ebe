"""The shape of the code, checked: exports resolve, imports point down, functions stay short."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import statistics
from pathlib import Path

import pytest

import newsift

PACKAGE = Path(newsift.__file__).parent
TOP_LAYERS = {"cli", "bench", "server", "web", "__main__"}  # entry points: nothing below may import them


def _modules() -> list[str]:
    names = ["newsift"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="newsift."):
        if info.name != "newsift.__main__":  # running it would run the CLI
            names.append(info.name)
    return sorted(names)


def _source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, node: ast.ImportFrom | ast.Import, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.startswith("newsift")]
    if node.level == 0:
        base = node.module or ""
        return [base] if base.startswith("newsift") else []
    parts = module.split(".")
    keep = len(parts) - node.level + (1 if is_package else 0)
    base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    return [base] if not node.module else [base] + [f"{base}.{a.name}" for a in node.names]


def _unit(module: str) -> str:
    """The floor-plan unit of a module: ``newsift.X`` (a top-level module or subpackage)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _imports(path: Path, module_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_name(path)
    found: set[str] = set()
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(_resolve(module, node, path.name == "__init__.py"))
    return found


def test_every_export_resolves():
    missing = []
    for name in _modules():
        module = importlib.import_module(name)
        for export in getattr(module, "__all__", []):
            if not hasattr(module, export):
                missing.append(f"{name}.{export}")
    assert not missing, missing


def test_no_import_cycle_between_units_at_module_level():
    graph: dict[str, set[str]] = {}
    for path in _source_files():
        unit = _unit(_module_name(path))
        if unit == "newsift":
            continue  # the package facade re-exports from the top; it is not a floor
        targets = {_unit(m) for m in _imports(path, module_level_only=True)} - {unit, "newsift"}
        graph.setdefault(unit, set()).update(targets)
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, cycles


def test_nothing_below_the_entry_points_imports_them():
    offenders = []
    for path in _source_files():
        unit = _unit(_module_name(path)).removeprefix("newsift.")
        if unit in TOP_LAYERS or unit == "newsift":
            continue
        for target in _imports(path, module_level_only=False):
            if _unit(target).removeprefix("newsift.") in TOP_LAYERS:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {target}")
    assert not offenders, offenders


def test_no_module_registers_by_being_imported():
    text = "\n".join(p.read_text(encoding="utf-8") for p in _source_files())
    for word in ("register_stage", "register_resource", "register_indexer", "register_set", "SECTION_SCHEMAS"):
        assert word not in text, word


def _function_lengths() -> dict[str, int]:
    lengths = {}
    for path in _source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lengths[f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}"] = node.end_lineno - node.lineno + 1
    return lengths


@pytest.mark.parametrize("limit", [80])
def test_functions_are_short(limit):
    lengths = _function_lengths()
    too_long = {name: n for name, n in lengths.items() if n > limit}
    assert not too_long, too_long
    assert statistics.median(lengths.values()) <= 12


def test_every_setting_default_is_written_once():
    """Parameter objects built from Options agree with their own defaults (they take them from Options)."""
    from newsift.coverage._coverage import CoverageParams
    from newsift.provenance.trace import TraceParams
    from newsift.settings import Options
    from newsift.stages.coverage import params_from
    from newsift.stages.provenance import trace_params

    options = Options(db="/nonexistent/x.db")
    assert trace_params(options) == TraceParams()
    assert params_from(options) == CoverageParams()


def test_the_schema_describes_every_declared_layer():
    from newsift.schema import report_schema
    from newsift.stages import STAGES

    described = report_schema()["properties"]["layers"]["properties"]
    for cls in STAGES:
        for name, what in cls.layers.items():
            assert described[name]["description"] == what
