"""The apps depend on each other only in the direction the README states."""

import ast
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
