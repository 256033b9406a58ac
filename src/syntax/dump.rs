//! An S-expression printer of the syntax tree with spans, for tests and `--debug ast`.

use std::fmt::Write;

use crate::syntax::ast::{Block, File, Stmt, Value, ValueKind};

/// `(decl @0..20 system (id erp) (label "SAP") (block ...))`, one statement a line.
/// With `spans` false the `@start..end` marks are left out, to compare trees of
/// differently formatted texts.
pub fn dump(file: &File, spans: bool) -> String {
    let mut out = String::new();
    for stmt in &file.stmts {
        stmt_to(&mut out, stmt, 0, spans);
    }
    for span in &file.inner_comments {
        if spans {
            let _ = writeln!(out, "(inner-comment @{}..{})", span.start, span.end);
        } else {
            out.push_str("(inner-comment)\n");
        }
    }
    out
}

fn stmt_to(out: &mut String, stmt: &Stmt, indent: usize, spans: bool) {
    let pad = "  ".repeat(indent);
    let at = |span: crate::source::Span| {
        if spans {
            format!(" @{}..{}", span.start, span.end)
        } else {
            String::new()
        }
    };
    let _ = match stmt {
        Stmt::Decl(d) => {
            let label = d.label.as_ref().map(|l| format!(" (label {:?})", l.value));
            write!(
                out,
                "{pad}(decl{} {} (id {}){}",
                at(d.span),
                d.kind.keyword(),
                d.id.name,
                label.unwrap_or_default()
            )
        }
        Stmt::Connection(c) => {
            let methods: Vec<&str> = c.methods.iter().map(|m| m.name.as_str()).collect();
            let label = c.label.as_ref().map(|l| format!(" (label {:?})", l.value));
            write!(
                out,
                "{pad}(connection{} (from {}) (arrow {}) (to {}) (methods {}){}",
                at(c.span),
                c.from.name,
                c.arrow.as_str(),
                c.to.name,
                methods.join(" "),
                label.unwrap_or_default()
            )
        }
        Stmt::Record(r) => {
            let id = r.id.as_ref().map(|i| format!(" (id {})", i.name));
            let text = r.text.as_ref().map(|t| format!(" (text {:?})", t.value));
            write!(
                out,
                "{pad}(record{} {}{}{}",
                at(r.span),
                r.kind.keyword(),
                id.unwrap_or_default(),
                text.unwrap_or_default()
            )
        }
        Stmt::Attr(a) => writeln!(
            out,
            "{pad}(attr{} {} {})",
            at(a.span),
            a.key.name,
            value(&a.value)
        ),
        Stmt::Comment(c) => {
            let kind = if c.trailing {
                "trailing-comment"
            } else {
                "comment"
            };
            writeln!(out, "{pad}({kind}{} {:?})", at(c.span), c.text)
        }
        Stmt::Blank(span) => writeln!(out, "{pad}(blank{})", at(*span)),
        Stmt::Error(span) => writeln!(out, "{pad}(error{})", at(*span)),
    };
    let body = match stmt {
        Stmt::Decl(d) => Some(&d.body),
        Stmt::Connection(c) => Some(&c.body),
        Stmt::Record(r) => Some(&r.body),
        _ => None,
    };
    if let Some(body) = body {
        block_to(out, body.as_ref(), indent, spans);
    }
}

fn block_to(out: &mut String, block: Option<&Block>, indent: usize, spans: bool) {
    match block {
        None => out.push_str(")\n"),
        Some(block) => {
            out.push('\n');
            for stmt in &block.stmts {
                stmt_to(out, stmt, indent + 1, spans);
            }
            out.push_str(&"  ".repeat(indent));
            out.push_str(")\n");
        }
    }
}

fn value(value: &Value) -> String {
    match &value.kind {
        ValueKind::Ident(s) | ValueKind::Number(s) | ValueKind::Date(s) => s.clone(),
        ValueKind::Str(s) => format!("{s:?}"),
        ValueKind::List(items) => {
            let items: Vec<String> = items.iter().map(value_ref).collect();
            format!("[{}]", items.join(" "))
        }
    }
}

fn value_ref(v: &Value) -> String {
    value(v)
}
