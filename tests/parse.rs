//! Parser: syntax trees and syntax diagnostics.
//!
//! `tests/parse/ok/*.arch` cover every form of the language: each parses without a
//! diagnostic and its tree (with byte spans) is a snapshot. `tests/parse/err/*.arch` are
//! broken on purpose: their `--format short` findings are snapshots, and a few are also
//! snapshotted in the human format. The grammar tidy test keeps `grammar/arch.ebnf` and the
//! parser's doc comments in step.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use archc::diagnostic::{RuleId, Severity};
use archc::source::Source;
use archc::syntax::{self, dump::dump};

use crate::support::{archc, archc_with_stdin, relative, root};

/// Reads a fixture as the binary would see it.
fn source(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
    Source::new(relative(path), text)
}

#[test]
fn ok_fixtures_parse_without_diagnostics() {
    insta::glob!("parse/ok/*.arch", |path| {
        let source = source(path);
        let parsed = syntax::parse(&source);
        assert_eq!(parsed.diagnostics, vec![], "{}", source.path);
        // The fixtures are valid reviews, not just valid syntax: nothing at error level.
        let errors: Vec<_> = archc::compile(&source, &archc::lint::LintConfig::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors, vec![], "{}", source.path);
        insta::assert_snapshot!(dump(&parsed.file, true));
    });
}

#[test]
fn ok_fixture_spans_cover_what_they_name() {
    insta::glob!("parse/ok/*.arch", |path| {
        let source = source(path);
        let parsed = syntax::parse(&source);
        check_spans(&source, &parsed.file.stmts, 0..source.text.len());
    });
}

/// Every statement's span lies inside its parent's, starts where its text starts, ends
/// where its last token ends (never on white space), and IDs, labels and comments point at
/// exactly their text.
fn check_spans(source: &Source, stmts: &[syntax::ast::Stmt], parent: std::ops::Range<usize>) {
    use syntax::ast::Stmt;
    let mut previous_end = parent.start;
    for stmt in stmts {
        let span = stmt.span();
        let text = source.slice(span);
        assert!(
            parent.start <= span.range().start && span.range().end <= parent.end,
            "{}: {stmt:?} lies outside its block",
            source.path
        );
        assert!(
            span.range().start >= previous_end,
            "{}: statements overlap",
            source.path
        );
        previous_end = span.range().end;
        if !matches!(stmt, Stmt::Blank(_)) {
            assert_eq!(
                text.trim(),
                text,
                "{}: span of {stmt:?} has white space",
                source.path
            );
        }
        let body = match stmt {
            Stmt::Decl(d) => {
                assert_eq!(source.slice(d.id.span), d.id.name);
                assert_eq!(source.slice(d.keyword_span), d.kind.keyword());
                check_string(source, d.label.as_ref());
                d.body.as_ref()
            }
            Stmt::Connection(c) => {
                assert_eq!(source.slice(c.from.span), c.from.name);
                assert_eq!(source.slice(c.to.span), c.to.name);
                assert_eq!(source.slice(c.arrow_span), c.arrow.as_str());
                for method in &c.methods {
                    assert_eq!(source.slice(method.span), method.name);
                }
                check_string(source, c.label.as_ref());
                c.body.as_ref()
            }
            Stmt::Record(r) => {
                assert_eq!(source.slice(r.keyword_span), r.kind.keyword());
                if let Some(id) = &r.id {
                    assert_eq!(source.slice(id.span), id.name);
                }
                check_string(source, r.text.as_ref());
                r.body.as_ref()
            }
            Stmt::Attr(a) => {
                assert_eq!(source.slice(a.key.span), a.key.name);
                assert!(text.ends_with(source.slice(a.value.span)));
                check_value(source, &a.value);
                None
            }
            Stmt::Comment(c) => {
                assert_eq!(text, format!("#{}", c.text));
                None
            }
            Stmt::Blank(_) => {
                assert_eq!(text, "\n");
                None
            }
            Stmt::Error(_) => panic!("{}: an error node in a clean file", source.path),
        };
        if let Some(block) = body {
            let inner = block.span.range();
            assert!(text.ends_with(source.slice(block.span)));
            assert!(source.slice(block.span).starts_with('{'));
            assert!(source.slice(block.span).ends_with('}'));
            check_spans(source, &block.stmts, inner.start + 1..inner.end - 1);
        }
    }
}

/// A string literal's span runs from its opening to its closing quote.
fn check_string(source: &Source, string: Option<&syntax::ast::Str>) {
    if let Some(string) = string {
        let text = source.slice(string.span);
        assert!(
            text.len() >= 2 && text.starts_with('"') && text.ends_with('"'),
            "{text:?}"
        );
    }
}

/// A value's span is exactly its text: quotes, brackets and all.
fn check_value(source: &Source, value: &syntax::ast::Value) {
    use syntax::ast::ValueKind;
    let text = source.slice(value.span);
    match &value.kind {
        ValueKind::Ident(s) | ValueKind::Number(s) | ValueKind::Date(s) => assert_eq!(text, s),
        ValueKind::Str(_) => assert!(text.starts_with('"') && text.ends_with('"'), "{text:?}"),
        ValueKind::List(items) => {
            assert!(text.starts_with('[') && text.ends_with(']'), "{text:?}");
            for item in items {
                assert!(value.span.start < item.span.start && item.span.end < value.span.end);
                check_value(source, item);
            }
        }
    }
}

#[test]
fn err_fixtures_short_format() {
    insta::glob!("parse/err/*.arch", |path| {
        let path = relative(path);
        let run = archc(&["check", "--format", "short", &path]);
        assert_eq!(run.code, 1, "{path}: {}{}", run.stdout, run.stderr);
        assert_eq!(run.stderr, "", "{path}");
        insta::assert_snapshot!(run.stdout);
    });
}

#[test]
fn err_fixtures_human_format() {
    for name in [
        "two_independent_errors",
        "unknown_keyword",
        "unclosed_list",
        "unknown_escape",
        "unicode_columns",
        "fuzz_control_characters_in_messages",
    ] {
        let path = format!("tests/parse/err/{name}.arch");
        let out = Command::new(env!("CARGO_BIN_EXE_archc"))
            .args(["check", &path])
            .current_dir(root())
            .env("NO_COLOR", "1")
            .output()
            .expect("archc runs");
        assert_eq!(out.status.code(), Some(1), "{path}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        assert!(!stdout.contains('\u{1b}'), "{path}: colour under NO_COLOR");
        insta::assert_snapshot!(format!("human_{name}"), stdout);
    }
}

#[test]
fn two_independent_errors_give_two_diagnostics() {
    let run = archc(&[
        "check",
        "--format",
        "short",
        "tests/parse/err/two_independent_errors.arch",
    ]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines.iter().all(|l| l.contains("error[syntax]")),
        "{}",
        run.stdout
    );
}

/// `customer c {` then `depth` nested groups, each closed.
fn nested_groups(depth: usize) -> String {
    let mut text = String::from("customer c {\n");
    for level in 0..depth {
        text.push_str(&format!("group g{level} {{\n"));
    }
    for _ in 0..depth {
        text.push_str("}\n");
    }
    text.push_str("}\n");
    text
}

#[test]
fn a_3000_level_nest_gets_one_depth_diagnostic() {
    let text = nested_groups(3000);
    let parsed = syntax::parse(&Source::new("deep.arch", text.clone()));
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let diagnostic = &parsed.diagnostics[0];
    assert_eq!(diagnostic.rule, RuleId::Syntax);
    assert_eq!(
        diagnostic.message,
        format!(
            "blocks are nested more than {} levels deep",
            syntax::MAX_DEPTH
        )
    );
    // The `{` that is one too deep: `customer c {` is the first level.
    let line = text.lines().nth(syntax::MAX_DEPTH).expect("deep enough");
    assert_eq!(line, format!("group g{} {{", syntax::MAX_DEPTH - 1));

    let errors: Vec<_> = archc::compile(
        &Source::new("deep.arch", text.clone()),
        &archc::lint::LintConfig::default(),
    )
    .diagnostics
    .into_iter()
    .filter(|d| d.severity == Severity::Error)
    .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");

    let run = archc_with_stdin(&["check", "--format", "short", "-"], text.as_bytes());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": error["))
        .collect();
    assert_eq!(
        errors,
        [format!(
            "-:{}:{}: error[syntax] blocks are nested more than {} levels deep",
            syntax::MAX_DEPTH + 1,
            line.len(),
            syntax::MAX_DEPTH
        )]
    );
}

#[test]
fn nesting_up_to_the_limit_is_fine() {
    let text = nested_groups(syntax::MAX_DEPTH - 1);
    let parsed = syntax::parse(&Source::new("deep.arch", text));
    assert_eq!(parsed.diagnostics, vec![]);
}

#[test]
fn an_empty_file_is_clean() {
    for text in ["", "\n", "\n\n  \n", "# only a comment\n"] {
        let compilation = archc::compile(
            &Source::new("empty.arch", text),
            &archc::lint::LintConfig::default(),
        );
        assert_eq!(compilation.diagnostics, vec![], "{text:?}");
        let run = archc_with_stdin(&["check", "--format", "short", "-"], text.as_bytes());
        assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{text:?}");
    }
}

#[test]
fn crlf_and_lf_give_the_same_tree() {
    let crlf = std::fs::read_to_string(root().join("tests/parse/ok/crlf.arch")).expect("fixture");
    assert!(
        crlf.contains("\r\n"),
        "crlf.arch must keep its CRLF line endings"
    );
    let lf = crlf.replace("\r\n", "\n");
    let tree = |text: &str| dump(&syntax::parse(&Source::new("x", text)).file, false);
    assert_eq!(tree(&crlf), tree(&lf));
}

// ----- grammar tidy ------------------------------------------------------------------------

/// `name := right-hand side` lines of the EBNF, outside `(* ... *)` comments.
fn ebnf_productions() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("grammar/arch.ebnf")).expect("grammar exists");
    let mut productions = BTreeMap::new();
    let mut rest = text.as_str();
    let mut code = String::new();
    while let Some(open) = rest.find("(*") {
        code.push_str(&rest[..open]);
        let close = rest[open..].find("*)").expect("comments are closed");
        rest = &rest[open + close + 2..];
    }
    code.push_str(rest);
    for line in code.lines().filter(|l| !l.trim().is_empty()) {
        let (name, rhs) = production(line)
            .unwrap_or_else(|| panic!("grammar/arch.ebnf: not a one-line production: {line:?}"));
        let previous = productions.insert(name.clone(), rhs);
        assert!(
            previous.is_none(),
            "grammar/arch.ebnf defines `{name}` twice"
        );
    }
    productions
}

/// `name := rhs` → (name, rhs with white space collapsed).
fn production(line: &str) -> Option<(String, String)> {
    let (name, rhs) = line.split_once(":=")?;
    let name = name.trim();
    let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    is_name.then(|| {
        (
            name.to_string(),
            rhs.split_whitespace().collect::<Vec<_>>().join(" "),
        )
    })
}

/// `/// name := rhs` doc lines in the parser, each with the function it documents.
fn doc_productions() -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for file in ["src/syntax/parser.rs", "src/syntax/lexical.rs"] {
        let text = std::fs::read_to_string(root().join(file)).expect("parser source exists");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(doc) = line.trim().strip_prefix("/// ") else {
                continue;
            };
            let Some((name, rhs)) = production(doc) else {
                continue;
            };
            let item = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.starts_with("///") && !l.starts_with("#["))
                .unwrap_or_default();
            let documents_fn = item.contains(&format!("fn {name}("));
            assert!(
                documents_fn,
                "{file}: `/// {name} :=` documents `{item}`, not `fn {name}`"
            );
            found.push((file.to_string(), name, rhs));
        }
    }
    found
}

#[test]
fn grammar_and_parser_are_in_step() {
    let grammar = ebnf_productions();
    let docs = doc_productions();
    for (name, rhs) in &grammar {
        assert!(
            docs.iter().any(|(_, n, _)| n == name),
            "grammar/arch.ebnf's `{name} := {rhs}` is quoted by no parser function's doc comment"
        );
    }
    for (file, name, rhs) in &docs {
        assert_eq!(
            grammar.get(name),
            Some(rhs),
            "{file}: `/// {name} := {rhs}` differs from grammar/arch.ebnf"
        );
    }
}

#[test]
fn every_name_the_grammar_uses_is_defined() {
    let grammar = ebnf_productions();
    let tokens = std::fs::read_to_string(root().join("grammar/README.md")).expect("lexical page");
    let ebnf = std::fs::read_to_string(root().join("grammar/arch.ebnf")).expect("grammar");
    for (name, rhs) in &grammar {
        let mut words = rhs.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '"'));
        for word in words
            .by_ref()
            .filter(|w| !w.is_empty() && !w.starts_with('"'))
        {
            if word.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                let documented = tokens.contains(&format!("`{word}`"))
                    || defines_token(&ebnf, word)
                    || word == "EOF";
                assert!(
                    documented,
                    "`{name}` uses the token {word}, which no page defines"
                );
            } else {
                assert!(
                    grammar.contains_key(word),
                    "`{name}` uses `{word}`, which is undefined"
                );
            }
        }
    }
}

/// Whether `text` has `WORD :=` (spaces allowed before `:=`), as the EBNF's token notes do.
fn defines_token(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        text[i + word.len()..]
            .trim_start_matches(' ')
            .starts_with(":=")
    })
}
