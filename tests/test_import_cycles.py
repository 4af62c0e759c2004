"""No import cycle between the modules of photoarchive (STYLE.md, rules of direction).

The graph is grimp's (import-linter's engine): every import statement counts, those under
``if TYPE_CHECKING:`` and those inside functions included, because a cycle through either is
still two modules that each need the other. A package's ``__init__`` is a module like any
other: its imports of its own submodules are edges too (they cannot close a cycle unless a
submodule imports its package's ``__init__`` back, and that cycle is real: the submodule
would see the package half initialised).
"""

from __future__ import annotations

import itertools

import grimp


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of two or more modules that import each other, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(root: str) -> None:
        # Iterative, so a long chain of imports cannot exceed the recursion limit.
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return sorted(groups)


def describe(graph: grimp.ImportGraph, group: list[str]) -> str:
    """One cycle of the group, each import with its line: ``a:12 -> b:3 -> a``."""
    members = set(group)
    start = group[0]
    path = [start]
    # Follow edges inside the group until a module repeats: that closes a cycle.
    seen = {start: 0}
    module = start
    while True:
        module = min(m for m in graph.find_modules_directly_imported_by(module) if m in members)
        if module in seen:
            path = [*path[seen[module] :], module]
            break
        seen[module] = len(path)
        path.append(module)
    steps = []
    for importer, imported in itertools.pairwise(path):
        details = graph.get_import_details(importer=importer, imported=imported)
        lines = ",".join(str(d["line_number"]) for d in details)
        steps.append(f"{importer}:{lines}")
    return " -> ".join([*steps, path[-1]])


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("photoarchive")
    groups = strongly_connected(graph)
    report = "\n".join(f"{', '.join(group)}\n    e.g. {describe(graph, group)}" for group in groups)
    assert not groups, f"modules that import each other (module:line of the import):\n{report}"


def test_a_cycle_is_found_and_named() -> None:
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b", line_number=3, line_contents="import pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a", line_number=7, line_contents="import pkg.a")
    graph.add_import(importer="pkg.b", imported="pkg.c", line_number=8, line_contents="import pkg.c")
    assert strongly_connected(graph) == [["pkg.a", "pkg.b"]]
    assert describe(graph, ["pkg.a", "pkg.b"]) == "pkg.a:3 -> pkg.b:7 -> pkg.a"
