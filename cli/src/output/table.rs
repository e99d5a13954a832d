//! `--output table`: a port of awscli/table.py and the AWS CLI's TableFormatter, byte for byte,
//! including colorama's reset code after every write when colour is on.

use serde_json::{Map, Value};

use super::east_asian_width::WIDE;
use super::python_str::python_str;
use super::TableStyle;

const RESET: &str = "\x1b[0m";
const ROW_STYLE: &str = "\x1b[1m\x1b[34m";
const INDENT_STYLE: &str = "\x1b[2m\x1b[33m";

pub fn render(title: &str, value: &Value, style: &TableStyle) -> String {
    let mut table = Table::default();
    if !table.build(Some(title), value, 0) {
        return String::new();
    }
    table.render(style)
}

/// Python's `unicodedata.east_asian_width` in W, F or A counts 2, every other character 1.
fn text_length(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let cp = u32::from(c);
            let wide = WIDE
                .binary_search_by(|&(start, end)| {
                    if end < cp {
                        std::cmp::Ordering::Less
                    } else if start > cp {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok();
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

#[derive(Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    max_widths: Vec<usize>,
}

impl Section {
    fn update_max_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| text_length(c)).collect();
        } else {
            for (width, cell) in self.max_widths.iter_mut().zip(row) {
                *width = (*width).max(text_length(cell));
            }
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_max_widths(&row);
        self.rows.push(row);
    }

    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        if unscaled.is_empty() {
            return unscaled;
        }
        let scale = max_width as f64 / unscaled.iter().sum::<usize>() as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| python_round(scale * *w as f64))
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    fn total_width(&self, padding: usize, outer_padding: usize) -> usize {
        let border = 2;
        let columns: usize = self
            .column_widths(0, None)
            .iter()
            .map(|w| w + padding)
            .sum();
        let total = columns + border + 2 * outer_padding;
        total.max(text_length(&self.title) + border + 2 * outer_padding)
    }
}

/// Python 3 `round()`: halves go to the even neighbour.
fn python_round(x: f64) -> i64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && (r as i64) % 2 != 0 {
        (r - x.signum()) as i64
    } else {
        r as i64
    }
}

#[derive(Default)]
struct Table {
    sections: Vec<Section>,
}

impl Table {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section exists")
    }

    fn new_section(&mut self, title: &str, indent_level: usize) {
        self.sections.push(Section {
            title: title.to_owned(),
            indent_level,
            ..Section::default()
        });
    }

    fn truthy(value: &Value) -> bool {
        match value {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64() != Some(0.0),
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Object(m) => !m.is_empty(),
        }
    }

    fn build(&mut self, title: Option<&str>, current: &Value, indent_level: usize) -> bool {
        if !Self::truthy(current) {
            return false;
        }
        if let Some(title) = title {
            self.new_section(title, indent_level);
        }
        match current {
            Value::Array(items) => {
                if items[0].is_object() {
                    self.sub_table_from_list(items, indent_level, title.unwrap_or(""));
                } else {
                    for item in items {
                        match item {
                            Value::Array(cells) if cells.iter().all(is_scalar) => self
                                .current()
                                .add_row(cells.iter().map(python_str).collect()),
                            scalar if is_scalar(scalar) => {
                                self.current().add_row(vec![python_str(scalar)]);
                            }
                            nested => {
                                self.build(None, nested, 0);
                            }
                        }
                    }
                }
            }
            Value::Object(map) => self.sub_table_from_dict(map, indent_level),
            _ => {}
        }
        true
    }

    fn sub_table_from_dict(&mut self, map: &Map<String, Value>, indent_level: usize) {
        let (headers, more) = group_scalar_keys(map);
        if headers.len() == 1 {
            let value = python_str(&map[&headers[0]]);
            self.current().add_row(vec![headers[0].clone(), value]);
        } else if !headers.is_empty() {
            let row = headers.iter().map(|k| python_str(&map[k])).collect();
            self.current().add_header(headers);
            self.current().add_row(row);
        }
        for key in more {
            self.build(Some(&key), &map[&key], indent_level + 1);
        }
    }

    fn sub_table_from_list(&mut self, items: &[Value], indent_level: usize, title: &str) {
        let mut headers = std::collections::BTreeSet::new();
        let mut more = std::collections::BTreeSet::new();
        for map in items.iter().filter_map(Value::as_object) {
            let (h, m) = group_scalar_keys(map);
            headers.extend(h);
            more.extend(m);
        }
        let headers: Vec<String> = headers.into_iter().collect();
        self.current().add_header(headers.clone());
        for (i, item) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent_level);
                self.current().add_header(headers.clone());
            }
            let Some(map) = item.as_object() else {
                continue;
            };
            let row = headers
                .iter()
                .map(|h| map.get(h).map(python_str).unwrap_or_default())
                .collect();
            self.current().add_row(row);
            for key in &more {
                if let Some(value) = map.get(key) {
                    self.build(Some(key), value, indent_level + 1);
                }
            }
        }
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.total_width(4, s.indent_level))
            .max()
            .unwrap_or(0)
    }

    fn render(mut self, style: &TableStyle) -> String {
        let mut max_width = self.max_width();
        if max_width > style.terminal_width {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut out = Output {
            text: String::new(),
            color: style.color,
        };
        out.write(&format!("{}\n", "-".repeat(max_width)));
        for section in &self.sections {
            render_section(section, max_width, &mut out);
        }
        out.text
    }

    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut vertical = Section {
                    title: std::mem::take(&mut section.title),
                    indent_level: section.indent_level,
                    ..Section::default()
                };
                let row = section.rows.remove(0);
                for (header, cell) in section.headers.iter().zip(row) {
                    vertical.add_row(vec![header.clone(), cell]);
                }
                *section = vertical;
            }
        }
    }
}

fn group_scalar_keys(map: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = Vec::new();
    let mut more: Vec<String> = Vec::new();
    for (key, value) in map {
        if is_scalar(value) {
            headers.push(key.clone());
        } else {
            more.push(key.clone());
        }
    }
    headers.sort();
    more.sort();
    (headers, more)
}

/// stdout as colorama wraps it: with colour on, every write is followed by a reset code.
struct Output {
    text: String,
    color: bool,
}

impl Output {
    fn write(&mut self, text: &str) {
        self.text.push_str(text);
        if self.color {
            self.text.push_str(RESET);
        }
    }

    /// awscli's IndentedStream: indentation bars on both sides of each line.
    fn write_indented(&mut self, indent_level: usize, line: &str) {
        let bar = if self.color {
            format!("{INDENT_STYLE}|{RESET}")
        } else {
            "|".to_owned()
        };
        let bars = bar.repeat(indent_level);
        self.write(&bars);
        match line.strip_suffix('\n') {
            Some(body) => {
                self.write(body);
                self.write(&bars);
                self.write("\n");
            }
            None => self.write(line),
        }
    }

    fn row_element(&self, text: &str) -> String {
        if self.color {
            format!("{ROW_STYLE}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }
}

fn center_text(text: &str, length: usize, left: &str, right: &str, text_length: usize) -> String {
    // As in Python, a negative start prints no spaces but still counts in the arithmetic.
    let start = (length / 2) as i64 - (text_length / 2) as i64 - 1;
    let so_far = left.len() as i64 + start + text_length as i64;
    let right_spaces = (length as i64 - right.len() as i64 - so_far).max(0) as usize;
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start.max(0) as usize),
        " ".repeat(right_spaces)
    )
}

fn align_left(text: &str, length: usize, left: &str, right: &str, text_length: usize) -> String {
    let computed = text_length + 2 + left.len() + right.len();
    let padding = if length >= computed { 2 } else { 0 };
    let so_far = left.len() + padding + text_length;
    let fill = (length as i64 - so_far as i64 - right.len() as i64).max(0) as usize;
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(padding),
        " ".repeat(fill)
    )
}

fn render_section(section: &Section, max_width: usize, out: &mut Output) {
    let indent = section.indent_level;
    let max_width = max_width - indent * 2;
    if !section.title.is_empty() {
        let title = center_text(
            &section.title,
            max_width,
            "|",
            "|",
            text_length(&section.title),
        );
        out.write_indented(indent, &format!("{title}\n"));
        if section.headers.is_empty() && section.rows.is_empty() {
            out.write_indented(indent, &format!("+{}+\n", "-".repeat(max_width - 2)));
        }
    }
    if !section.headers.is_empty() {
        let widths = section.column_widths(4, Some(max_width));
        let mut line = String::new();
        for (i, (width, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left = if i == 0 { "|" } else { "" };
            line.push_str(&center_text(header, *width, left, "|", text_length(header)));
        }
        out.write_indented(indent, &line_break(&widths));
        out.write_indented(indent, &format!("{line}\n"));
    }
    if !section.rows.is_empty() {
        let widths = section.column_widths(4, Some(max_width));
        if widths.is_empty() {
            return;
        }
        out.write_indented(indent, &line_break(&widths));
        for row in &section.rows {
            let mut line = String::new();
            for (i, (width, cell)) in widths.iter().zip(row).enumerate() {
                let left = if i == 0 { "|" } else { "" };
                let styled = out.row_element(cell);
                line.push_str(&align_left(&styled, *width, left, "|", text_length(cell)));
            }
            out.write_indented(indent, &format!("{line}\n"));
        }
        out.write_indented(indent, &line_break(&widths));
    }
}

fn line_break(widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, width) in widths.iter().enumerate() {
        if i == 0 {
            line.push_str(&format!("+{}+", "-".repeat(width.saturating_sub(2))));
        } else {
            line.push_str(&format!("{}+", "-".repeat(width.saturating_sub(1))));
        }
    }
    line.push('\n');
    line
}
