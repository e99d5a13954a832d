//! Core's layers, lowest first, and the test that holds `core/src/` to them: a file names only
//! its own layer and lower ones (`crate::…`, `super::…`, `self::…`, child modules), and no files
//! name each other in a circle. ARCHITECTURE.md "Layers" says what each layer is.

mod checker;
mod crate_paths;
mod source_text;

use std::path::Path;

use checker::{problems, Allowed};

/// Lowest first; `lib.rs` and `fuzzing.rs` (the crate root) stand above them all.
const LAYERS: &[&str] = &[
    "error",
    "secrecy",
    "config",
    "transport",
    "retry",
    "operation",
    "client",
];

/// Upward imports that other changes remove; each entry fails the test once nothing needs it.
const ALLOWED: &[Allowed] = &[
    Allowed {
        from: "operation/get_attr_code.rs",
        to: "operation",
        why: "operation/mod.rs is both the descriptor the operations implement and the facade that re-exports them, a circle: gone once the descriptor has its own file",
    },
    Allowed {
        from: "operation/verify_attr.rs",
        to: "operation",
        why: "as operation/get_attr_code.rs",
    },
];

/// Every `.rs` file under `dir`, as (path relative to `root` with `/`, text).
fn read_tree(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).expect("under root");
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.push((name, text));
        }
    }
}

#[test]
fn core_keeps_its_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_tree(&src, &src, &mut files);
    assert!(files.len() > 30, "read only {} files", files.len());
    let found = problems(&files, LAYERS, ALLOWED);
    assert!(
        found.is_empty(),
        "core/src/ breaks its layers ({LAYERS:?}, lowest first):\n{}",
        found.join("\n")
    );
}

fn tree(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

#[test]
fn the_checker_reports_an_upward_import_a_circle_and_a_stale_allowance() {
    let files = tree(&[
        ("lib.rs", "mod low;\nmod high;\npub use high::b::B;\n"),
        ("low/mod.rs", "pub mod a;\n"),
        (
            "low/a.rs",
            "// crate::high is only mentioned here\nconst S: &str = \"crate::high::b\";\n\nuse crate::{high::b::B, low::Z};\n",
        ),
        ("high/mod.rs", "pub mod b;\npub mod c;\n"),
        ("high/b.rs", "use super::c::C;\npub struct B;\n"),
        (
            "high/c.rs",
            "pub struct C(crate::high::b::B);\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        ("other/d.rs", "pub struct D;\n"),
    ]);
    let stale = [Allowed {
        from: "low/mod.rs",
        to: "high",
        why: "a test",
    }];
    assert_eq!(
        problems(&files, &["low", "high"], &stale),
        [
            "other/d.rs: in no layer (layers, lowest first: [\"low\", \"high\"])",
            "low/a.rs:4: `crate::high::b::B` names high/b.rs of a higher layer",
            "circle between high/b.rs, high/c.rs; one loop: high/b.rs:1: `super::c::C` -> high/c.rs:1: `crate::high::b::B`",
            "allowed import low/mod.rs -> high (a test) is gone: remove its entry",
        ]
    );
}

#[test]
fn an_allowed_import_is_neither_upward_nor_part_of_a_circle() {
    let files = tree(&[
        ("lib.rs", "mod low;\nmod high;\n"),
        ("low/mod.rs", "use crate::high::H;\npub struct L;\n"),
        ("high/mod.rs", "use crate::low::L;\npub struct H;\n"),
    ]);
    let allowed = [Allowed {
        from: "low/mod.rs",
        to: "high",
        why: "a test",
    }];
    assert_eq!(
        problems(&files, &["low", "high"], &allowed),
        Vec::<String>::new()
    );
    assert_eq!(problems(&files, &["low", "high"], &[]).len(), 2);
}
