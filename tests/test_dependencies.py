"""The apps depend on each other only in the direction the README states."""

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("network", "locations", "blog", "appointments")


def readme_arrows() -> dict[str, set[str]]:
    """{app: apps it may import}, from the README's "Dependencies point one way: ..." line,
    transitively (`a -> b -> c` lets a import c too)."""
    text = (ROOT / "README.md").read_text()
    line = re.search(r"Dependencies point one way: (.+?)\n\(", text, re.S).group(1)
    allowed: dict[str, set[str]] = {app: set() for app in APPS}
    for chain in re.findall(r"`([a-z_ >-]+)`", line):
        names = [name.strip() for name in chain.split("->")]
        for i, app in enumerate(names):
            allowed[app].update(names[i + 1 :])
    return allowed


def imported_apps(path: Path) -> set[str]:
    """Project apps a module imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names)
    return found & set(APPS)


def test_the_readme_states_every_app():
    allowed = readme_arrows()

    assert allowed["network"] == set()  # the base app imports none of the others
    assert all(app in allowed for app in APPS)
    assert any(allowed.values())


def test_every_import_follows_the_readme():
    allowed = readme_arrows()
    wrong = [
        f"{path.relative_to(ROOT)} imports {other}"
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for other in sorted(imported_apps(path) - {app} - allowed[app])
    ]

    assert wrong == []


# Function-level imports of project modules, each with the reason it cannot be at the top. Nothing
# else may import a project module inside a function: that only hides an import cycle.
FUNCTION_LEVEL_IMPORTS = {
    # Django imports apps.py before any model exists; ready() is where an app connects the
    # receivers (and checks) of modules that import models.
    ("network/apps.py", "ready"): "network",
    ("locations/apps.py", "ready"): "locations",
}


def project_modules() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def function_level_imports(path: Path) -> list[tuple[str, str, int]]:
    """(function, imported project module, line) for each import of a project app module made
    inside a function (relative imports are the app's own modules)."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = ["." * node.level + (node.module or "")]
            else:
                continue
            for name in names:
                if name.startswith(".") or name.split(".")[0] in APPS:
                    found.append((function.name, name, node.lineno))
    return found


def test_no_function_level_import_of_a_project_module():
    found = {
        (str(path.relative_to(ROOT)), function, module, line)
        for path in project_modules()
        for function, module, line in function_level_imports(path)
    }
    allowed = {
        (path, function, module, line)
        for path, function, module, line in found
        if FUNCTION_LEVEL_IMPORTS.get((path, function)) == module.split(".")[0]
    }

    assert sorted(found - allowed) == []
    # The list stays as small as the code: an entry nothing needs any more goes.
    assert {(path, function) for path, function, _, _ in allowed} == set(FUNCTION_LEVEL_IMPORTS)


def test_the_function_level_check_sees_such_imports(tmp_path):
    module = tmp_path / "example.py"
    module.write_text(
        "import locations.models\n"
        "def serve():\n"
        "    from appointments import views\n"
        "    from .tasks import enqueue\n"
        "    from geopy.exc import GeopyError\n"
    )

    assert function_level_imports(module) == [
        ("serve", "appointments", 3),
        ("serve", ".tasks", 4),
    ]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class _ImportTimeImports(ast.NodeVisitor):
    """Project modules a module imports when it is itself imported: its top level and class
    bodies, not function bodies nor `if TYPE_CHECKING:` blocks (type hints only)."""

    def __init__(self, package: str, known: set[str]) -> None:
        self.package, self.known, self.found = package, known, set()

    def visit_FunctionDef(self, node: ast.AST) -> None:
        pass

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            self.generic_visit(ast.Module(body=node.orelse, type_ignores=[]))
        else:
            self.generic_visit(node)

    def _add(self, name: str) -> None:
        while name and name not in self.known:
            name = name.rpartition(".")[0]
        if name:
            self.found.add(name)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.package.split(".")
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, *([base] if base else [])])
        for alias in node.names:
            full = f"{base}.{alias.name}"
            self._add(full if full in self.known else base)


def import_time_graph() -> dict[str, set[str]]:
    paths = [*project_modules(), *(ROOT / app / "__init__.py" for app in APPS)]
    known = {module_name(path) for path in paths}
    graph = {}
    for path in paths:
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        visitor = _ImportTimeImports(package, known)
        visitor.visit(ast.parse(path.read_text(), str(path)))
        graph[name] = visitor.found - {name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle once, as the modules along it (strongly connected components of 2 or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_imports_inside_the_project_point_one_way():
    graph = import_time_graph()

    assert "locations.finder" in graph["locations.models"]  # the graph sees `from app import mod`
    assert import_cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    graph = {"a.models": {"a.views"}, "a.views": {"a.forms"}, "a.forms": {"a.models"}, "b": set()}

    assert import_cycles(graph) == [["a.forms", "a.models", "a.views"]]


def test_every_urls_module_routes_something():
    """Issue 13's dead weight: an app's `urls.py` that routes nothing (appointments had one,
    included at the site root) is only a place to look for routes that are not there."""
    for path in sorted(ROOT.glob("*/urls.py")):
        if path.parent.name in APPS:
            module = importlib.import_module(f"{path.parent.name}.urls")
            assert module.urlpatterns, f"{path.relative_to(ROOT)} routes nothing"
