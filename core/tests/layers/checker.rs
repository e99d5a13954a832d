//! The layer rule over a tree of Rust files: every file belongs to a layer (the first folder under
//! `src/`; `lib.rs` and other files beside it are the root, above every layer); a file may name
//! files of its own layer and of lower layers only, and no files may name each other in a circle.

use std::collections::BTreeMap;

use crate::crate_paths::{crate_paths, CratePath};
use crate::source_text::code_only;

/// An import the rule tolerates for now: `from` (a file under `src/`) may name `to` and what is
/// under it (an absolute path such as `operation::OperationName` or `config::front_end`). Each entry must still be
/// needed: one that matches nothing is reported, so that the change removing the import also
/// removes the entry.
pub struct Allowed {
    pub from: &'static str,
    pub to: &'static str,
    pub why: &'static str,
}

/// One import between two files.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    path: CratePath,
}

/// Every breach of the rule in `files` (path under `src/`, text), one line each:
/// `file:line: what`. `layers`: lowest first.
pub fn problems(files: &[(String, String)], layers: &[&str], allowed: &[Allowed]) -> Vec<String> {
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|(file, _)| (module_path(file), file.clone()))
        .collect();
    let mut problems = Vec::new();
    let mut used = vec![false; allowed.len()];
    let mut edges = Vec::new();
    for (file, text) in files {
        let module = module_path(file);
        let children: Vec<String> = modules
            .keys()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(&module))
            .map(|m| m.last().cloned().unwrap_or_default())
            .collect();
        for path in crate_paths(&code_only(text), &module, &children) {
            let to = resolve(&modules, &path.absolute);
            if to == *file {
                continue;
            }
            let named = path.absolute.join("::");
            let under = |to: &str| named == to || named.starts_with(&format!("{to}::"));
            if let Some(n) = allowed.iter().position(|a| a.from == file && under(a.to)) {
                used[n] = true;
                continue;
            }
            edges.push(Edge {
                from: file.clone(),
                to,
                path,
            });
        }
    }
    for (file, _) in files {
        if layer_rank(file, layers).is_none() {
            problems.push(format!(
                "{file}: in no layer (layers, lowest first: {layers:?})"
            ));
        }
    }
    for edge in &edges {
        if let (Some(from), Some(to)) =
            (layer_rank(&edge.from, layers), layer_rank(&edge.to, layers))
        {
            if to > from {
                problems.push(format!(
                    "{}:{}: `{}` names {} of a higher layer",
                    edge.from, edge.path.line, edge.path.written, edge.to
                ));
            }
        }
    }
    for circle in circles(&edges) {
        let ties: Vec<String> = one_loop(&circle, &edges)
            .iter()
            .map(|e| format!("{}:{}: `{}`", e.from, e.path.line, e.path.written))
            .collect();
        problems.push(format!(
            "circle between {}; one loop: {}",
            circle.join(", "),
            ties.join(" -> ")
        ));
    }
    for (entry, used) in allowed.iter().zip(used) {
        if !used {
            problems.push(format!(
                "allowed import {} -> {} ({}) is gone: remove its entry",
                entry.from, entry.to, entry.why
            ));
        }
    }
    problems
}

/// The shortest loop from the circle's first file back to it, one import per step (breadth
/// first over the circle's files: bounded by their number).
fn one_loop<'a>(circle: &[String], edges: &'a [Edge]) -> Vec<&'a Edge> {
    let start = &circle[0];
    let mut came_by: BTreeMap<&str, &Edge> = BTreeMap::new();
    let mut frontier = vec![start.as_str()];
    while !frontier.is_empty() && !came_by.contains_key(start.as_str()) {
        let mut next = Vec::new();
        for file in frontier {
            for edge in edges
                .iter()
                .filter(|e| e.from == file && circle.contains(&e.to))
            {
                if !came_by.contains_key(edge.to.as_str()) {
                    came_by.insert(&edge.to, edge);
                    next.push(edge.to.as_str());
                }
            }
        }
        frontier = next;
    }
    let mut steps = Vec::new();
    let mut at = start.as_str();
    while let Some(edge) = came_by.get(at) {
        steps.push(*edge);
        at = &edge.from;
        if at == start || steps.len() > circle.len() {
            break;
        }
    }
    steps.reverse();
    steps
}

/// `transport/resolver.rs` → `["transport", "resolver"]`; `lib.rs` → `[]`.
fn module_path(file: &str) -> Vec<String> {
    let without = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = without.split('/').map(str::to_owned).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The file that defines the longest module prefix of `path` (the crate root when none).
fn resolve(modules: &BTreeMap<Vec<String>, String>, path: &[String]) -> String {
    (0..=path.len())
        .rev()
        .find_map(|n| modules.get(&path[..n]).cloned())
        .unwrap_or_else(|| "lib.rs".to_owned())
}

/// The rank of a file's layer: its index in `layers`, the root above all; `None` when it is in
/// a folder that is no layer.
fn layer_rank(file: &str, layers: &[&str]) -> Option<usize> {
    match file.split_once('/') {
        None => Some(layers.len()),
        Some((folder, _)) => layers.iter().position(|l| *l == folder),
    }
}

/// The strongly connected groups of more than one file (Tarjan's algorithm), each sorted.
fn circles(edges: &[Edge]) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for edge in edges {
        graph.entry(&edge.from).or_default().push(&edge.to);
        graph.entry(&edge.to).or_default();
    }
    let names: Vec<&str> = graph.keys().copied().collect();
    let index_of = |name: &str| names.iter().position(|n| *n == name).expect("a node");
    let mut state = Tarjan {
        index: vec![None; names.len()],
        low: vec![0; names.len()],
        on_stack: vec![false; names.len()],
        stack: Vec::new(),
        next: 0,
        groups: Vec::new(),
    };
    let successors: Vec<Vec<usize>> = names
        .iter()
        .map(|n| graph[n].iter().map(|m| index_of(m)).collect())
        .collect();
    for node in 0..names.len() {
        if state.index[node].is_none() {
            state.visit(node, &successors);
        }
    }
    let mut groups: Vec<Vec<String>> = state
        .groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            let mut files: Vec<String> = g.into_iter().map(|n| names[n].to_owned()).collect();
            files.sort();
            files
        })
        .collect();
    groups.sort();
    groups
}

struct Tarjan {
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next: usize,
    groups: Vec<Vec<usize>>,
}

impl Tarjan {
    // Recursion depth is bounded by the number of files.
    fn visit(&mut self, node: usize, successors: &[Vec<usize>]) {
        self.index[node] = Some(self.next);
        self.low[node] = self.next;
        self.next += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
        for &next in &successors[node] {
            match self.index[next] {
                None => {
                    self.visit(next, successors);
                    self.low[node] = self.low[node].min(self.low[next]);
                }
                Some(index) if self.on_stack[next] => self.low[node] = self.low[node].min(index),
                Some(_) => {}
            }
        }
        if Some(self.low[node]) == self.index[node] {
            let mut group = Vec::new();
            while let Some(member) = self.stack.pop() {
                self.on_stack[member] = false;
                group.push(member);
                if member == node {
                    break;
                }
            }
            self.groups.push(group);
        }
    }
}
