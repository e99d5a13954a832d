#!/usr/bin/env python3
"""THIRD-PARTY-NOTICES.txt from Cargo.lock: every crate that the shipped artifacts (the C library,
the CLI, the Python extension, the Node addon) link, its licence expression, and the licence texts
the crate ships, each distinct text printed once. npm packages that would ship are listed too (the
published packages have no runtime dependencies today, and the generator says so).

  third_party_notices.py generate OUTPUT   write the notices
  third_party_notices.py check NOTICES     fail when NOTICES differs from what generate writes now

Both fail, naming the crate, when a shipped crate has no licence expression or no licence file in
its published package: a notice that cannot be written is a release blocker, not a warning.
Crate sources come from cargo's registry (`cargo fetch --locked` is run first)."""

import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED_CRATES = (
    "cognito-attr-code-ffi",
    "cognito-attr-code-cli",
    "cognito-attr-code-python",
    "cognito-attr-code-node",
)
NPM_PACKAGE = ROOT / "bindings-node" / "package.json"
TARGET = "x86_64-unknown-linux-gnu"
# Licence texts kept here for crates whose published package carries none (see sources.json).
# THIRD_PARTY_KEPT_LICENCES points elsewhere only to prove that a missing text fails the check.
CRATE_LICENCES = pathlib.Path(
    os.environ.get("THIRD_PARTY_KEPT_LICENCES") or pathlib.Path(__file__).resolve().parent / "crate-licences"
)
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|UNLICENSE|COPYRIGHT)", re.IGNORECASE)


class MissingLicence(Exception):
    pass


def cargo_metadata():
    subprocess.run(["cargo", "fetch", "--locked", "--quiet"], cwd=ROOT, check=True)
    output = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", TARGET],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output)


def shipped_packages(metadata):
    """The workspace's shipped crates and everything they reach through normal dependencies
    (build scripts and dev-dependencies are not part of an artifact)."""
    packages = {package["id"]: package for package in metadata["packages"]}
    nodes = {node["id"]: node for node in metadata["resolve"]["nodes"]}
    pending = [package_id for package_id, package in packages.items() if package["name"] in SHIPPED_CRATES]
    if len(pending) != len(SHIPPED_CRATES):
        raise SystemExit(f"cargo metadata lacks one of {SHIPPED_CRATES}")
    reached = set()
    while pending:
        package_id = pending.pop()
        if package_id in reached:
            continue
        reached.add(package_id)
        for dependency in nodes[package_id]["deps"]:
            if any(kind["kind"] is None for kind in dependency["dep_kinds"]):
                pending.append(dependency["pkg"])
    workspace = set(metadata["workspace_members"])
    third_party = [packages[package_id] for package_id in reached - workspace]
    return sorted(third_party, key=lambda package: (package["name"], package["version"]))


def licence_files(package, kept_texts):
    directory = pathlib.Path(package["manifest_path"]).parent
    files = {path for path in directory.iterdir() if path.is_file() and LICENCE_FILE.match(path.name)}
    if package.get("license_file"):
        files.add(directory / package["license_file"])
    if not files and package["name"] in kept_texts:
        files.add(CRATE_LICENCES / kept_texts[package["name"]]["file"])
    return sorted(files)


def kept_licence_texts():
    sources = json.loads((CRATE_LICENCES / "sources.json").read_text())
    return {name: entry for name, entry in sources.items() if not name.startswith("_")}


def normalized(text):
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def npm_runtime_dependencies():
    manifest = json.loads(NPM_PACKAGE.read_text())
    return sorted({**manifest.get("dependencies", {}), **manifest.get("optionalDependencies", {})})


def notices(metadata, version):
    crates = shipped_packages(metadata)
    kept_texts = kept_licence_texts()
    texts = {}  # digest -> (text, [crate labels])
    rows = []
    for package in crates:
        label = f"{package['name']} {package['version']}"
        expression = package.get("license")
        files = licence_files(package, kept_texts)
        if not expression:
            raise MissingLicence(f"{label}: no licence expression in its Cargo.toml")
        if not files:
            raise MissingLicence(f"{label}: no licence file in its published package")
        references = []
        for path in files:
            text = normalized(path.read_text(encoding="utf-8", errors="replace"))
            digest = hashlib.sha256(text.encode()).hexdigest()
            texts.setdefault(digest, (text, []))[1].append(f"{label} ({path.name})")
            references.append(digest)
        rows.append((label, expression, references))
    numbers = {digest: index + 1 for index, digest in enumerate(sorted(texts, key=lambda d: texts[d][1][0]))}

    npm = [name for name in npm_runtime_dependencies() if not name.startswith("cognito-attr-code-")]
    out = [
        f"Third-party notices for cognito-attr-code {version}",
        "",
        "cognito-attr-code is licensed under the Apache License 2.0 (see LICENSE). Its C library,",
        "CLI, Python extension and Node addon statically link the Rust crates below (resolved from",
        "Cargo.lock for " + TARGET + "). Each crate's licence texts follow, each distinct text once.",
        "",
        "npm runtime dependencies shipped: " + (", ".join(npm) if npm else "none"),
        "",
        f"Crates ({len(rows)}):",
        "",
    ]
    for label, expression, references in rows:
        numbers_text = ", ".join(f"[{numbers[d]}]" for d in dict.fromkeys(references))
        out.append(f"  {label:<40} {expression}  texts {numbers_text}")
    for digest, number in sorted(numbers.items(), key=lambda item: item[1]):
        text, users = texts[digest]
        out += ["", "=" * 78, f"[{number}] used by: " + ", ".join(users), "=" * 78, "", text]
    if npm:
        raise MissingLicence(f"npm runtime dependencies {npm} ship but their notices are not generated")
    return "\n".join(out) + "\n"


def workspace_version():
    section = (ROOT / "Cargo.toml").read_text().split("[workspace.package]", 1)[1]
    return re.search(r'^version\s*=\s*"([^"]+)"', section, re.MULTILINE).group(1)


def main(argv):
    if len(argv) != 3 or argv[1] not in ("generate", "check"):
        raise SystemExit(__doc__)
    try:
        text = notices(cargo_metadata(), workspace_version())
    except MissingLicence as error:
        raise SystemExit(f"third-party notices: {error}")
    target = pathlib.Path(argv[2])
    if argv[1] == "generate":
        target.write_text(text)
        return
    if not target.is_file() or target.read_text() != text:
        raise SystemExit(f"{target} is out of date with Cargo.lock: run `make notices` and commit it")


if __name__ == "__main__":
    main(sys.argv)
