"""`make docs`: every public class, function and method of the Python package (its modules and the
stubs of the compiled module) has a docstring; prints each missing one and fails. With an output
folder, writes there the package's API summary (each public name and its docstring's first line).

usage: python3 scripts/docs/python_docstrings.py PACKAGE_DIR [OUTPUT_DIR]"""

import ast
import sys
from pathlib import Path


def public(name: str) -> bool:
    return not name.startswith("_") or name in ("__init__", "__new__", "__call__")


def documented(node: ast.AST) -> str:
    return (ast.get_docstring(node) or "").strip()


def walk(tree: ast.Module, module: str):
    """(qualified name, node) of every public definition that needs a docstring."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(node.name):
            yield f"{module}.{node.name}", node
        if isinstance(node, ast.ClassDef) and public(node.name):
            yield f"{module}.{node.name}", node
            for member in node.body:
                if not isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) or not public(member.name):
                    continue
                # The class docstring documents construction; overloads share one docstring.
                if member.name in ("__init__", "__new__"):
                    continue
                if any(isinstance(d, ast.Name) and d.id == "overload" for d in member.decorator_list):
                    continue
                yield f"{module}.{node.name}.{member.name}", member


def main() -> int:
    package = Path(sys.argv[1])
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    missing, summary = [], []
    for path in sorted([*package.glob("*.py"), *package.glob("*.pyi")]):
        stem = path.stem
        module = package.name if stem == "__init__" else f"{package.name}.{stem}"
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if not documented(tree):
            missing.append(f"{path}: module docstring")
        for name, node in walk(tree, module):
            doc = documented(node)
            if doc:
                summary.append(f"{name}: {doc.splitlines()[0]}")
            else:
                missing.append(f"{path}:{node.lineno}: {name}")
    for item in missing:
        print(f"no docstring: {item}", file=sys.stderr)
    if output:
        output.mkdir(parents=True, exist_ok=True)
        (output / "api.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")
    if missing:
        return 1
    print(f"{package}: {len(summary)} public names, each with a docstring")
    return 0


if __name__ == "__main__":
    sys.exit(main())
