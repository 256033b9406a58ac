//! SYNTAX TREE → CANONICAL TEXT: the printer behind `archc fmt`.
//!
//! One layout for every file: two-space indentation, one space around tokens, one statement
//! a line, a one-line block of attributes kept inline while it fits in [`WIDTH`] columns,
//! comments kept exactly where they stand (own line or end of line), blank-line groups
//! kept as one empty line, strings re-escaped canonically. The printer reads only the tree,
//! never the source text, and checks its own output: the printed text must parse to the
//! same tree (spans aside), or [`format`] refuses with [`FormatError::ChangedMeaning`].

use std::fmt::Write;

use crate::source::{Source, Span};
use crate::syntax::ast::{Block, Connection, Decl, File, Record, Stmt, Value, ValueKind};
use crate::syntax::{self, dump};

/// The widest line an inline block may make, in characters, indentation included.
pub const WIDTH: usize = 100;

const INDENT: &str = "  ";

/// Why a tree was not printed. Each case leaves the input as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Comments inside a statement (in a list, between a head and its `{`): the canonical
    /// layout has no place for them, and moving them could attach them to the wrong line.
    InnerComments(Vec<Span>),
    /// A statement that did not parse: only a file without syntax errors is formatted.
    Unparsed(Span),
    /// The printed text would not parse to the same tree: a bug in the printer, caught
    /// before anything is written.
    ChangedMeaning,
}

impl FormatError {
    /// What to tell the user; the caller adds where (the spans) and the file.
    pub fn message(&self) -> &'static str {
        match self {
            FormatError::InnerComments(_) => {
                "cannot format: a comment stands inside a statement; move the comment to its own line"
            }
            FormatError::Unparsed(_) => "cannot format a file with syntax errors",
            FormatError::ChangedMeaning => {
                "internal error: the formatted text would not mean the same as the input, so the \
                 file is left unchanged; please report this with the file"
            }
        }
    }

    /// The places the message is about (none for [`FormatError::ChangedMeaning`]).
    pub fn spans(&self) -> Vec<Span> {
        match self {
            FormatError::InnerComments(spans) => spans.clone(),
            FormatError::Unparsed(span) => vec![*span],
            FormatError::ChangedMeaning => Vec::new(),
        }
    }
}

/// Prints `file` in the canonical layout. The result ends with exactly one newline (or is
/// empty for a file with no statements) and parses to the same tree as `file`.
pub fn format(file: &File) -> Result<String, FormatError> {
    if !file.inner_comments.is_empty() {
        return Err(FormatError::InnerComments(file.inner_comments.clone()));
    }
    let mut printer = Printer::default();
    printer.stmts(&file.stmts, 0, false)?;
    let text = printer.out;
    if !same_meaning(file, &text) {
        return Err(FormatError::ChangedMeaning);
    }
    Ok(text)
}

/// `value` as a string literal with the canonical escapes: `\"`, `\\`, `\n`, `\t`, and
/// `\u{..}` (lowercase hex) for every other control character and for the line and
/// paragraph separators (which the parser refuses raw).
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ----- the printer ---------------------------------------------------------------------

#[derive(Default)]
struct Printer {
    out: String,
}

impl Printer {
    /// Prints a statement list at `depth`. `after_open_brace` says the current line ends in
    /// a `{`, so that a trailing comment first in the list stays on that line.
    fn stmts(
        &mut self,
        stmts: &[Stmt],
        depth: usize,
        after_open_brace: bool,
    ) -> Result<(), FormatError> {
        // Whether the last printed line ends in code a trailing comment may follow.
        let mut line_has_code = after_open_brace;
        let mut printed_any = false;
        let mut blank_pending = false;
        for stmt in stmts {
            if let Stmt::Blank(_) = stmt {
                blank_pending = printed_any;
                line_has_code = false;
                continue;
            }
            if let Stmt::Comment(comment) = stmt
                && comment.trailing
                && line_has_code
            {
                self.out.pop();
                let _ = writeln!(self.out, "  #{}", comment.text);
                line_has_code = false;
                printed_any = true;
                continue;
            }
            if blank_pending {
                self.out.push('\n');
                blank_pending = false;
            }
            self.stmt(stmt, depth)?;
            line_has_code = !matches!(stmt, Stmt::Comment(_));
            printed_any = true;
        }
        Ok(())
    }

    /// One statement on its own line(s), ending with a newline.
    fn stmt(&mut self, stmt: &Stmt, depth: usize) -> Result<(), FormatError> {
        match stmt {
            Stmt::Decl(decl) => self.with_body(&decl_head(decl), decl.body.as_ref(), depth),
            Stmt::Connection(conn) => {
                self.with_body(&connection_head(conn), conn.body.as_ref(), depth)
            }
            Stmt::Record(record) => {
                self.with_body(&record_head(record), record.body.as_ref(), depth)
            }
            Stmt::Attr(attr) => {
                self.line(depth, &format!("{}: {}", attr.key.name, value(&attr.value)));
                Ok(())
            }
            Stmt::Comment(comment) => {
                self.line(depth, &format!("#{}", comment.text));
                Ok(())
            }
            Stmt::Blank(_) => Ok(()),
            Stmt::Error(span) => Err(FormatError::Unparsed(*span)),
        }
    }

    /// `head`, then its block: `{}` when empty, inline when it was written on one line,
    /// holds only attributes and fits, else one statement a line.
    fn with_body(
        &mut self,
        head: &str,
        body: Option<&Block>,
        depth: usize,
    ) -> Result<(), FormatError> {
        let Some(block) = body else {
            self.line(depth, head);
            return Ok(());
        };
        if block.stmts.iter().all(|s| matches!(s, Stmt::Blank(_))) {
            self.line(depth, &format!("{head} {{}}"));
            return Ok(());
        }
        if let Some(inline) = inline_block(head, block)
            && INDENT.len() * depth + inline.chars().count() <= WIDTH
        {
            self.line(depth, &inline);
            return Ok(());
        }
        self.line(depth, &format!("{head} {{"));
        self.stmts(&block.stmts, depth + 1, true)?;
        self.line(depth, "}");
        Ok(())
    }

    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }
}

/// `head { key: value, key: value }` for a one-line block of attributes only.
fn inline_block(head: &str, block: &Block) -> Option<String> {
    if !block.single_line {
        return None;
    }
    let attrs = block
        .stmts
        .iter()
        .map(|stmt| match stmt {
            Stmt::Attr(attr) => Some(format!("{}: {}", attr.key.name, value(&attr.value))),
            _ => None,
        })
        .collect::<Option<Vec<String>>>()?;
    Some(format!("{head} {{ {} }}", attrs.join(", ")))
}

/// `system erp "SAP"`
fn decl_head(decl: &Decl) -> String {
    let mut head = format!("{} {}", decl.kind.keyword(), decl.id.name);
    if let Some(label) = &decl.label {
        head.push(' ');
        head.push_str(&quote(&label.value));
    }
    head
}

/// `a -> b : etl, cdc "Label"`
fn connection_head(conn: &Connection) -> String {
    let mut head = format!(
        "{} {} {}",
        conn.from.name,
        conn.arrow.as_str(),
        conn.to.name
    );
    if !conn.methods.is_empty() {
        let methods: Vec<&str> = conn.methods.iter().map(|m| m.name.as_str()).collect();
        head.push_str(" : ");
        head.push_str(&methods.join(", "));
    }
    if let Some(label) = &conn.label {
        head.push(' ');
        head.push_str(&quote(&label.value));
    }
    head
}

/// `gap g1 "Text"`, `review "Title"`, `nfr`
fn record_head(record: &Record) -> String {
    let mut head = record.kind.keyword().to_string();
    if let Some(id) = &record.id {
        head.push(' ');
        head.push_str(&id.name);
    }
    if let Some(text) = &record.text {
        head.push(' ');
        head.push_str(&quote(&text.value));
    }
    head
}

fn value(value: &Value) -> String {
    match &value.kind {
        ValueKind::Ident(text) | ValueKind::Number(text) | ValueKind::Date(text) => text.clone(),
        ValueKind::Str(text) => quote(text),
        ValueKind::List(items) => {
            let items: Vec<String> = items.iter().map(self::value).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

// ----- the self-check ------------------------------------------------------------------

/// Whether `text` parses cleanly to the tree of `file`, spans aside, after the layout
/// differences the printer makes on purpose (see [`normalized`]).
fn same_meaning(file: &File, text: &str) -> bool {
    let reparsed = syntax::parse(&Source::new("", text));
    reparsed.diagnostics.is_empty()
        && reparsed.file.inner_comments.is_empty()
        && dump::dump(&normalized(file), false) == dump::dump(&normalized(&reparsed.file), false)
}

/// The tree as the printer lays it out: no blank line at the end of a block or file, and a
/// comment marked trailing only where it follows code on its line (after a statement, or
/// first in a block, after the `{`). Input such as `, # note` on a line of its own parses
/// as a trailing comment with no code before it; the printer puts it on its own line.
fn normalized(file: &File) -> File {
    File {
        stmts: normalized_stmts(&file.stmts, false),
        inner_comments: file.inner_comments.clone(),
    }
}

fn normalized_stmts(stmts: &[Stmt], in_block: bool) -> Vec<Stmt> {
    let mut out: Vec<Stmt> = Vec::with_capacity(stmts.len());
    for stmt in stmts {
        let stmt = match stmt {
            Stmt::Blank(_) if out.is_empty() || matches!(out.last(), Some(Stmt::Blank(_))) => {
                continue;
            }
            Stmt::Comment(comment) if comment.trailing => {
                let follows_code = match out.last() {
                    None => in_block,
                    Some(prev) => is_code(prev),
                };
                let mut comment = comment.clone();
                comment.trailing = follows_code;
                Stmt::Comment(comment)
            }
            Stmt::Decl(decl) => {
                let mut decl = decl.clone();
                decl.body = decl.body.map(normalized_block);
                Stmt::Decl(decl)
            }
            Stmt::Connection(conn) => {
                let mut conn = conn.clone();
                conn.body = conn.body.map(normalized_block);
                Stmt::Connection(conn)
            }
            Stmt::Record(record) => {
                let mut record = record.clone();
                record.body = record.body.map(normalized_block);
                Stmt::Record(record)
            }
            other => other.clone(),
        };
        out.push(stmt);
    }
    while matches!(out.last(), Some(Stmt::Blank(_))) {
        out.pop();
    }
    out
}

fn normalized_block(block: Block) -> Block {
    Block {
        stmts: normalized_stmts(&block.stmts, true),
        ..block
    }
}

fn is_code(stmt: &Stmt) -> bool {
    matches!(
        stmt,
        Stmt::Decl(_) | Stmt::Connection(_) | Stmt::Record(_) | Stmt::Attr(_) | Stmt::Error(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formats `input` and compares with `expect`; then checks that `expect` is a fixed point.
    #[track_caller]
    fn check(input: &str, expect: &str) {
        let parsed = syntax::parse(&Source::new("test.arch", input));
        assert_eq!(parsed.diagnostics, vec![], "the input parses");
        let got = format(&parsed.file).expect("the input formats");
        assert_eq!(got, expect, "\ninput:\n{input}");
        let again = format(&syntax::parse(&Source::new("test.arch", got.as_str())).file);
        assert_eq!(again.as_deref(), Ok(expect), "formatting is idempotent");
    }

    #[track_caller]
    fn check_refused(input: &str, expect: FormatError) {
        let parsed = syntax::parse(&Source::new("test.arch", input));
        assert_eq!(format(&parsed.file), Err(expect));
    }

    #[test]
    fn empty_files() {
        check("", "");
        check("\n\n\n", "");
        check("  \n\t\n", "");
    }

    #[test]
    fn declarations() {
        check("system   erp   \"SAP\"", "system erp \"SAP\"\n");
        check("system erp", "system erp\n");
        check(
            "system erp \"SAP\"{kind:erp}",
            "system erp \"SAP\" { kind: erp }\n",
        );
        check("system erp\n{ kind: erp }\n", "system erp { kind: erp }\n");
        check("customer c {}", "customer c {}\n");
        check("customer c {\n\n}", "customer c {}\n");
        check("customer c {\n}", "customer c {}\n");
        check("\tsystem x\n", "system x\n");
    }

    #[test]
    fn records() {
        check(
            "review \"R\" {\ncustomer: c\n}",
            "review \"R\" {\n  customer: c\n}\n",
        );
        check("nfr{rpo:\"1h\"}", "nfr { rpo: \"1h\" }\n");
        check("gap  g1  \"Text\"", "gap g1 \"Text\"\n");
        check(
            "risk \"R\" { severity: low }",
            "risk \"R\" { severity: low }\n",
        );
        check("review {\n}", "review {}\n");
    }

    #[test]
    fn connections() {
        check("a->b", "a -> b\n");
        check("a<->b:rest", "a <-> b : rest\n");
        check("a  --  b", "a -- b\n");
        check("a <- b : etl,cdc \"L\"", "a <- b : etl, cdc \"L\"\n");
        check(
            "a -> b : cdc {\ndata: \"x\"\ngap \"G\" { owner: d }\n}",
            "a -> b : cdc {\n  data: \"x\"\n  gap \"G\" { owner: d }\n}\n",
        );
        check(
            "a -> b : jdbc { data: \"d\"\n  gap \"G\" {\n    owner: d\n  }\n}",
            "a -> b : jdbc {\n  data: \"d\"\n  gap \"G\" {\n    owner: d\n  }\n}\n",
        );
    }

    #[test]
    fn values() {
        check(
            "x->y{a:[b,\"c d\",3, 2026-01-01]}",
            "x -> y { a: [b, \"c d\", 3, 2026-01-01] }\n",
        );
    }

    #[test]
    fn attributes() {
        check(
            "system s {\n  a:1\n  b :  2026-01-02\n  c: 3.5\n}",
            "system s {\n  a: 1\n  b: 2026-01-02\n  c: 3.5\n}\n",
        );
        check(
            "system s { data: [ pii , phi, ] }",
            "system s { data: [pii, phi] }\n",
        );
        check("system s { data: [] }", "system s { data: [] }\n");
        check(
            "system s { allow: [unowned-system] }",
            "system s { allow: [unowned-system] }\n",
        );
        check("system s { a: x; b: y }", "system s { a: x, b: y }\n");
    }

    #[test]
    fn multi_line_blocks_stay_multi_line() {
        check("system s {\n  a: x }", "system s {\n  a: x\n}\n");
        check("system s { a: x\n}", "system s {\n  a: x\n}\n");
        check(
            "system s { a: x,\n b: y }",
            "system s {\n  a: x\n  b: y\n}\n",
        );
    }

    #[test]
    fn inline_blocks_that_hold_more_than_attributes_open_up() {
        check("solution s { module m }", "solution s {\n  module m\n}\n");
        check(
            "solution s { hosting: saas, module m { status: ga } }",
            "solution s {\n  hosting: saas\n  module m { status: ga }\n}\n",
        );
    }

    #[test]
    fn long_inline_blocks_open_up() {
        // `system s { a: "` and `" }` take 18 columns.
        let fits = format!("system s {{ a: \"{}\" }}\n", "x".repeat(WIDTH - 18));
        assert_eq!(fits.len(), WIDTH + 1);
        check(&fits, &fits);
        let long = "x".repeat(WIDTH - 17);
        check(
            &format!("system s {{ a: \"{long}\" }}\n"),
            &format!("system s {{\n  a: \"{long}\"\n}}\n"),
        );
        // Indentation counts towards the width.
        let nested = format!(
            "customer c {{\n  system s {{ a: \"{}\" }}\n}}\n",
            "x".repeat(WIDTH - 20)
        );
        check(&nested, &nested);
        let long = "x".repeat(WIDTH - 19);
        check(
            &format!("customer c {{\n  system s {{ a: \"{long}\" }}\n}}\n"),
            &format!("customer c {{\n  system s {{\n    a: \"{long}\"\n  }}\n}}\n"),
        );
        // Characters, not bytes.
        let wide = format!("system s {{ a: \"{}\" }}\n", "é".repeat(WIDTH - 18));
        check(&wide, &wide);
        // A trailing comment does not count.
        let commented = format!("system s {{ a: \"{}\" }}  # note\n", "x".repeat(WIDTH - 18));
        check(&commented, &commented);
    }

    #[test]
    fn nested_groups() {
        check(
            "customer c {\ngroup g {\n     group h {\nsystem s { kind: x }\n}\n}\n}",
            "customer c {\n  group g {\n    group h {\n      system s { kind: x }\n    }\n  }\n}\n",
        );
    }

    #[test]
    fn comments() {
        check("# hello  \n", "# hello  \n");
        check("#no space\nsystem x", "#no space\nsystem x\n");
        check("system x   # trailing", "system x  # trailing\n");
        check("system x { a: 1 }# t", "system x { a: 1 }  # t\n");
        check(
            "system x {   # after brace\n a: 1\n}",
            "system x {  # after brace\n  a: 1\n}\n",
        );
        check(
            "system x {\n    # own line\n a: 1 # end\n}",
            "system x {\n  # own line\n  a: 1  # end\n}\n",
        );
        check(
            "system x {\n  a: 1\n  # last\n}",
            "system x {\n  a: 1\n  # last\n}\n",
        );
        check(
            "system x {\n a: 1\n} # after close",
            "system x {\n  a: 1\n}  # after close\n",
        );
        check(
            "system x { a: 1, # t\n b: 2 }",
            "system x {\n  a: 1  # t\n  b: 2\n}\n",
        );
        check(
            "system x { a: 1; b: 2  # c\n}",
            "system x {\n  a: 1\n  b: 2  # c\n}\n",
        );
        check(
            "system x {  # only a comment\n}",
            "system x {  # only a comment\n}\n",
        );
    }

    #[test]
    fn trailing_comments_without_code_before_them_go_on_their_own_line() {
        check(", # c\nsystem x", "# c\nsystem x\n");
        check(
            "system x {\n  a: 1\n\n  ; # c\n}",
            "system x {\n  a: 1\n\n  # c\n}\n",
        );
        check("# a\n; # b\n", "# a\n# b\n");
    }

    #[test]
    fn blank_lines() {
        check("system a\n\n\n\nsystem b", "system a\n\nsystem b\n");
        check("\n\nsystem a\n\n", "system a\n");
        check("system a\nsystem b\n", "system a\nsystem b\n");
        check(
            "system x {\n\n  a: 1\n\n\n  b: 2\n\n}",
            "system x {\n  a: 1\n\n  b: 2\n}\n",
        );
        check("# a\nsystem x", "# a\nsystem x\n");
        check("# a\n\nsystem x", "# a\n\nsystem x\n");
        check(
            "x -> y\n# c\n\n\n# d\ny -> z",
            "x -> y\n# c\n\n# d\ny -> z\n",
        );
        check(
            "system x {  # t\n\n  a: 1\n}",
            "system x {  # t\n\n  a: 1\n}\n",
        );
    }

    #[test]
    fn line_endings() {
        check("system x {\r\n  a: 1\r\n}\r\n", "system x {\n  a: 1\n}\n");
        check("system x\r\n# c\r\n", "system x\n# c\n");
    }

    #[test]
    fn strings_are_escaped_canonically() {
        check(r#"system x "a\"b\\c""#, "system x \"a\\\"b\\\\c\"\n");
        check(
            r#"system x "tab\there\nnl""#,
            "system x \"tab\\there\\nnl\"\n",
        );
        check("system x \"tab\tliteral\"", "system x \"tab\\tliteral\"\n");
        check(r#"system x "\u{41}\u{e9}\u{1F600}""#, "system x \"Aé😀\"\n");
        check(
            r#"system x "\u{1b}\u{0}\u{7f}""#,
            "system x \"\\u{1b}\\u{0}\\u{7f}\"\n",
        );
        check(r#"system x "a\u{d}b""#, "system x \"a\\u{d}b\"\n");
        check(
            r#"system x "\u{2028}\u{2029}""#,
            "system x \"\\u{2028}\\u{2029}\"\n",
        );
    }

    #[test]
    fn quoted_strings_decode_to_the_same_value() {
        for value in [
            "",
            "plain",
            "é ü 😀",
            "\"",
            "\\",
            "\\n",
            "a\nb",
            "\t",
            "\u{0}\u{1f}\u{7f}\u{85}",
            "\r\u{b}\u{c}\u{2028}\u{2029}",
            "}{#",
        ] {
            let text = format!("x: {}\n", quote(value));
            let parsed = syntax::parse(&Source::new("t", text.as_str()));
            assert_eq!(parsed.diagnostics, vec![], "{text}");
            let Some(Stmt::Attr(attr)) = parsed.file.stmts.first() else {
                panic!("an attribute: {text}");
            };
            assert_eq!(attr.value.kind, ValueKind::Str(value.to_string()), "{text}");
        }
    }

    #[test]
    fn top_level_attributes_and_separators() {
        check("a: 1; b: 2, c: 3", "a: 1\nb: 2\nc: 3\n");
    }

    #[test]
    fn comments_inside_a_statement_are_refused() {
        check_refused(
            "system s { data: [pii, # why\n phi] }",
            FormatError::InnerComments(vec![Span::new(23, 28)]),
        );
        check_refused(
            "system s \"S\"  # head\n{ a: 1 }",
            FormatError::InnerComments(vec![Span::new(14, 20)]),
        );
    }

    #[test]
    fn a_head_followed_by_a_comment_but_no_block_is_fine() {
        check(
            "system s \"S\"  # head\nsystem t",
            "system s \"S\"  # head\nsystem t\n",
        );
    }

    #[test]
    fn syntax_errors_are_refused() {
        let parsed = syntax::parse(&Source::new("t", "system x\nthis is wrong\n"));
        assert!(!parsed.diagnostics.is_empty());
        assert!(matches!(
            format(&parsed.file),
            Err(FormatError::Unparsed(_))
        ));
    }

    #[test]
    fn keywords_used_as_names_keep_their_meaning() {
        check("system system \"S\"", "system system \"S\"\n");
        check("gap -> review : rest", "gap -> review : rest\n");
        check("gap: x\nreview: y", "gap: x\nreview: y\n");
        check("a -> b : rest, c: 1", "a -> b : rest\nc: 1\n");
    }
}
