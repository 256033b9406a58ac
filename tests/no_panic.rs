//! Never panics: mutated, truncated and random inputs, through the library and the binary.
//!
//! A deterministic property test: a seeded xorshift generator (no dependency, the same
//! cases on every run) mutates every `.arch` file under `examples/` and `tests/`, truncates
//! them, and makes random byte strings and token soups. Every case goes through
//! `archc::compile` in-process (with `catch_unwind`) and through the diagnostic printers;
//! a sample also goes through the `archc` binary, which must exit 0 or 1 and never panic, and
//! another is laid out and drawn as SVG and draw.io, which must be well-formed XML. Very
//! long lines (labels, identifiers and lists of 100-300 KB) are among the extremes.
//! The test is bounded by case count, not time. `fuzz/` holds the coverage-guided fuzzer
//! for longer runs.

use std::panic::{AssertUnwindSafe, catch_unwind};

use archc::diagnostic::{self, FileReport, RuleId, human};
use archc::diagram::{self, Direction, Options, ThemeName, View};
use archc::render::svg;
use archc::source::Source;
use resvg::usvg::roxmltree::Document;

use crate::support::{Pick, Rng, archc_with_stdin, files_with_ext, relative};

/// Mutations of each corpus file.
const MUTATIONS_PER_FILE: usize = 120;
/// Prefixes of each corpus file, at evenly spaced cut points.
const TRUNCATIONS_PER_FILE: usize = 40;
/// Random byte strings and random token soups, each.
const RANDOM_CASES: usize = 400;
/// Every this many cases also goes through the binary.
const BINARY_EVERY: usize = 150;
/// Every this many cases is also rendered in the human format (miette is the slow part).
const HUMAN_EVERY: usize = 8;
/// Every this many cases is also laid out and drawn (SVG and draw.io), as are the extremes.
const RENDER_EVERY: usize = 40;

/// Fragments that matter to the grammar, and bytes that are not UTF-8.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"->",
    b"<-",
    b"<->",
    b"--",
    b"#",
    b"\\",
    b"\\u{",
    b"}\"",
    b":",
    b",",
    b";",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b" ",
    b"system s ",
    b"customer c ",
    b"solution s ",
    b"group g ",
    b"module m ",
    b"person p ",
    b"gap ",
    b"review ",
    b"nfr ",
    b"step ",
    b"a -> b : rest ",
    b"owner: ",
    b"2026-02-30",
    b"2026-11-20",
    b"3.5",
    b"42",
    b"\"label\"",
    b"\\u{1F600}",
    b"\\u{D800}",
    b"\\q",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\0",
    b"\x0b",
    b"\"a\\nb\"",
    b"role: ",
    "é".as_bytes(),
    "日本".as_bytes(),
    "\u{1F600}".as_bytes(),
    b"allow: [",
    b"supports: [",
];

/// Applies one to four random edits: delete, insert a token, duplicate, swap, overwrite.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        let span = 1 + rng.below(16);
        let end = (at + span).min(len);
        match rng.below(6) {
            0 => {
                bytes.drain(at..end);
            }
            1 | 2 => {
                let token = rng.pick(TOKENS);
                bytes.splice(at..at, token.iter().copied());
            }
            3 => {
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            4 if len > 0 => {
                let other = rng.below(len);
                let other_end = (other + span).min(len);
                let (first, second) = if at <= other {
                    (at..end, other..other_end)
                } else {
                    (other..other_end, at..end)
                };
                if first.end <= second.start {
                    let a = bytes[first.clone()].to_vec();
                    let b = bytes[second.clone()].to_vec();
                    bytes.splice(second, a);
                    bytes.splice(first, b);
                }
            }
            _ => {
                if at < len {
                    bytes[at] = rng.u8(..);
                }
            }
        }
    }
    bytes
}

/// Random bytes, up to 512 of them.
fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(512)).map(|_| rng.u8(..)).collect()
}

/// Random grammar fragments and identifiers: closer to the language than random bytes.
fn token_soup(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = Vec::new();
    for _ in 0..rng.below(80) {
        if rng.below(3) == 0 {
            let word = rng.pick(&["a", "b", "x-y", "_z", "erp", "rest", "etl", "pii", "owner"]);
            bytes.extend_from_slice(word.as_bytes());
            bytes.push(b' ');
        } else {
            let token: &[u8] = rng.pick(TOKENS);
            bytes.extend_from_slice(token);
        }
    }
    bytes
}

/// Pathological shapes: deep nests, long runs, unclosed everything.
fn extremes() -> Vec<Vec<u8>> {
    let mut cases = vec![
        "{".repeat(20_000),
        "}".repeat(20_000),
        "[".repeat(20_000),
        "\"".repeat(20_001),
        "#".repeat(20_000),
        "a -> ".repeat(5_000),
        "group g {\n".repeat(5_000),
        format!("customer c {{\n{}", "group g { ".repeat(5_000)),
        format!("customer c {{ data: [{}", "a,".repeat(10_000)),
        format!("gap \"{}\"", "\\u{".repeat(5_000)),
        "x: 1\n".repeat(5_000),
        "\n".repeat(20_000),
    ];
    cases.extend(long_lines());
    cases.push(String::new());
    cases.into_iter().map(String::into_bytes).collect()
}

/// Very long lines: labels, identifiers, comments and lists of 100-300 KB on one line.
fn long_lines() -> Vec<String> {
    let words = "order stock sync ".repeat(12_000);
    let word = "x".repeat(200_000);
    vec![
        format!("customer c {{ system s \"{words}\" }}\n"),
        format!("customer c {{ system s \"{word}\" {{ tech: \"{word}\" }} }}\n"),
        format!("customer c \"{words}\" {{ group g \"{word}\" {{ system s }} }}\n"),
        format!("customer c {{ system a\n system b }}\na -> b : rest \"{words}\"\n"),
        format!("customer c {{ system {word} }}\n{word} -> {word} : rest\n"),
        format!("# {words}\ncustomer c {{ system s }} # {word}\n"),
        format!("customer c {{ data: [{}] }}\n", "pii, ".repeat(40_000)),
        format!(
            "customer c {{ system s }}\n{}",
            "s -> s : rest ".repeat(20_000)
        ),
    ]
}

/// The inputs: every `.arch` file in the repository's examples and tests.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files = files_with_ext("examples", ".arch");
    files.extend(files_with_ext("tests", ".arch"));
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("corpus file is readable");
            (relative(&path), bytes)
        })
        .collect()
}

/// `ARCHC_NO_PANIC_SCALE=N` multiplies the mutations and random cases, for a longer local
/// run; CI runs the default of 1.
fn scale() -> usize {
    std::env::var("ARCHC_NO_PANIC_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// Every case, tagged with where it came from.
fn cases() -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng::with_seed(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    for (name, bytes) in corpus() {
        for i in 0..MUTATIONS_PER_FILE * scale() {
            cases.push((format!("{name} mutation {i}"), mutate(&mut rng, &bytes)));
        }
        let step = (bytes.len() / TRUNCATIONS_PER_FILE).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            cases.push((format!("{name} cut at {cut}"), bytes[..cut].to_vec()));
        }
    }
    for i in 0..RANDOM_CASES * scale() {
        cases.push((format!("random bytes {i}"), random_bytes(&mut rng)));
        cases.push((format!("token soup {i}"), token_soup(&mut rng)));
    }
    for (i, bytes) in extremes().into_iter().enumerate() {
        cases.push((format!("extreme {i}"), bytes));
    }
    cases
}

/// Compiles and prints one input the way the binary would, checking that every diagnostic
/// points inside the text at character boundaries. Returns what went wrong, if anything.
fn check_in_process(bytes: &[u8], human_too: bool) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let source = Source::new("case.arch", text.as_str());
        let compilation = archc::compile(&source, &archc::lint::LintConfig::default());
        for d in &compilation.diagnostics {
            for span in std::iter::once(d.primary.span).chain(d.secondary.iter().map(|l| l.span)) {
                let fits = span.range().end <= text.len()
                    && text.is_char_boundary(span.range().start)
                    && text.is_char_boundary(span.range().end);
                if !fits {
                    return Err(format!(
                        "span {span:?} of {:?} is not in the text",
                        d.message
                    ));
                }
            }
        }
        let report = [FileReport::new(&source, &compilation.diagnostics)];
        let short = diagnostic::short::render(&report);
        if short.lines().count() != compilation.diagnostics.len() {
            return Err(format!("a short-format finding spans lines:\n{short}"));
        }
        diagnostic::json::render(&report);
        if human_too {
            diagnostic::sarif::render(&report, &|rule| rule.to_string());
            human::render(&report, human::Color::Never, 100);
        }
        Ok(())
    }));
    outcome.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(format!("panicked: {message}"))
    })
}

#[test]
fn the_library_never_panics_on_mutated_truncated_or_random_input() {
    let cases = cases();
    assert!(cases.len() > 5_000, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (i, (name, bytes)) in cases.iter().enumerate() {
        if let Err(why) = check_in_process(bytes, i % HUMAN_EVERY == 0) {
            failures.push(format!(
                "{name}: {why}\ninput: {:?}",
                String::from_utf8_lossy(bytes)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed; the first:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// Lays out and draws one input the way `archc render` and `archc export --to drawio` do,
/// checking that both documents are well-formed XML. A layout refused with an error is fine;
/// a panic, caught in the engine or not, is not.
fn check_render(bytes: &[u8], variant: usize) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let source = Source::new("case.arch", text.as_str());
        let model = archc::compile(&source, &archc::lint::LintConfig::default()).model;
        let options = Options {
            view: [View::Proposed, View::Current][variant % 2],
            direction: [Direction::Down, Direction::Right][variant / 2 % 2],
            theme: ThemeName::Light,
        };
        let drawn = [
            (
                "SVG",
                diagram::draw(&model, &options).map(|d| svg::write(&d)),
            ),
            ("draw.io", archc::export::drawio(&model)),
        ];
        for (what, result) in drawn {
            match result {
                Ok(xml) => {
                    Document::parse(&xml).map_err(|e| format!("{what} is not XML: {e}"))?;
                }
                Err(e) if e.message.contains("panicked") => return Err(format!("{what}: {e}")),
                Err(_) => {}
            }
        }
        Ok(())
    }));
    outcome.unwrap_or_else(|_| Err("panicked".to_owned()))
}

/// A bounded sample of the cases, and every extreme, goes all the way to the picture.
#[test]
fn a_sample_lays_out_and_draws_without_panic() {
    let mut failures = Vec::new();
    let mut drawn = 0;
    let cases = cases();
    let sample = cases
        .iter()
        .enumerate()
        .filter(|(i, (name, _))| i % RENDER_EVERY == 0 || name.starts_with("extreme"));
    for (i, (name, bytes)) in sample {
        if let Err(why) = check_render(bytes, i / RENDER_EVERY) {
            failures.push(format!("{name}: {why}"));
        }
        drawn += 1;
    }
    assert!(drawn >= 100, "only {drawn} cases drawn");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_binary_exits_0_or_1_and_never_panics() {
    let formats = ["human", "short", "json", "sarif"];
    let mut ran = 0;
    for (i, (name, bytes)) in cases().iter().enumerate().step_by(BINARY_EVERY) {
        let format = formats[(i / BINARY_EVERY) % formats.len()];
        let run = archc_with_stdin(&["check", "--format", format, "-"], bytes);
        assert!(
            matches!(run.code, 0 | 1),
            "{name} ({format}): exit {}\n{}\ninput: {:?}",
            run.code,
            run.stderr,
            String::from_utf8_lossy(bytes)
        );
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{name}: findings go to stdout");
        ran += 1;
    }
    assert!(ran >= 30, "only {ran} binary runs");
}

/// "Did you mean" compares an unknown name with every declared ID, which is quadratic over a
/// file full of unknown references (20,000 of them among 20,000 systems took minutes). The
/// model stops suggesting once a budget of comparisons is spent: the first references still
/// get a suggestion, the last ones get the plain help, and the file compiles in linear time.
#[test]
fn suggestions_for_unknown_references_have_a_budget() {
    let n = 2_000;
    let mut text = String::from("customer c {\n");
    for i in 0..n {
        text.push_str(&format!("  system sys_{i} {{ owner: \"x\" }}\n"));
    }
    text.push_str("}\n");
    for i in 0..n {
        // `sxs_1` is one edit from `sys_1`.
        text.push_str(&format!("sys_{i} -> sxs_{i} : rest\n"));
    }
    let compilation = archc::compile(
        &Source::new("many.arch", text),
        &archc::lint::LintConfig::default(),
    );
    let unknown: Vec<_> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::UnknownReference)
        .collect();
    assert_eq!(unknown.len(), n);
    let help = |i: usize| unknown[i].help.clone().unwrap_or_default();
    assert_eq!(help(0), "did you mean `sys_0`?");
    assert!(help(n - 1).starts_with("declare it"), "{}", help(n - 1));
}

/// A block with thousands of keys is checked with a map rather than a list (100,000 keys in
/// one block took 19 s); a key set twice is still reported, in small and large blocks alike.
#[test]
fn a_key_set_twice_is_found_in_small_and_large_blocks() {
    for keys in [3, 5_000] {
        let mut text = String::from("person p \"P\" {\n  role: se\n");
        for i in 0..keys {
            text.push_str(&format!("  key_{i}: 1\n"));
        }
        text.push_str("  role: dba\n}\n");
        let compilation = archc::compile(
            &Source::new("keys.arch", text),
            &archc::lint::LintConfig::default(),
        );
        let twice: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.message == "`role` is set twice")
            .collect();
        assert_eq!(twice.len(), 1, "{keys} keys");
        assert_eq!(
            twice[0].secondary.len(),
            1,
            "{keys} keys: where it was first set"
        );
    }
}

/// Findings far along one line: past column 65,535 (where miette's snippet printer panicked)
/// and many on one long line (where each finding printed the whole line).
fn wide_lines() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "65,536 spaces then `}`",
            format!("{}}}\n", " ".repeat(65_536)),
        ),
        (
            "a long `;`-separated line",
            "a -> b : rest; ".repeat(6_000) + "\n",
        ),
        (
            "a long line of multibyte characters",
            format!(
                "# {}\nsystem x {{ owner: \"é\" }} }}",
                "日本".repeat(40_000)
            ),
        ),
    ]
    .into_iter()
    .map(|(name, text)| (name, text.into_bytes()))
    .collect()
}

/// Every command that prints errors exits 1 on a finding past column 65,535, without a
/// panic, and shows a snippet cut around the finding, however long the line.
#[test]
fn findings_on_very_long_lines_print_a_cut_snippet_from_every_command() {
    let commands: &[&[&str]] = &[
        &["check", "-"],
        &["check", "--format", "short", "-"],
        &["check", "--format", "json", "-"],
        &["check", "--format", "sarif", "-"],
        &["check", "--format", "github", "-"],
        &["render", "-"],
        &["table", "-"],
        &["report", "-"],
        &["export", "--to", "json", "-"],
        &["fmt", "-"],
    ];
    for (name, bytes) in wide_lines() {
        for args in commands {
            let run = archc_with_stdin(args, &bytes);
            let what = format!("{name}, `archc {}`", args.join(" "));
            if args[0] == "fmt" && run.code == 0 {
                continue; // A file without syntax errors is formatted.
            }
            assert_eq!(run.code, 1, "{what}: {}", run.stderr);
            assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
            if args.len() == 2 {
                let printed = format!("{}{}", run.stdout, run.stderr);
                let widest = printed
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0);
                assert!(widest < 400, "{what}: a line of {widest} characters");
                assert!(
                    printed.contains('…'),
                    "{what}: the snippet is cut\n{printed}"
                );
            }
        }
    }
}

/// Where a snippet is cut, the caret still points at the finding, and the header gives its
/// column in characters.
#[test]
fn a_cut_snippet_keeps_the_caret_under_the_finding() {
    let text = format!("{}}}\n", " ".repeat(65_536));
    let run = archc_with_stdin(&["check", "-"], text.as_bytes());
    assert!(run.stdout.contains("[-:1:65537]"), "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.starts_with(" 1 │ …"))
        .expect("the line");
    let caret = lines[source + 1];
    let brace = lines[source].chars().position(|c| c == '}');
    assert_eq!(
        brace,
        caret.chars().position(|c| c == '─'),
        "{}",
        run.stdout
    );
}

/// A "did you mean" among long names costs the product of their lengths: the budget counts
/// characters compared, not names, so 650 misspelled 170-character names among as many
/// systems (360 KB) compile in linear time. The first reference still gets a suggestion.
#[test]
fn suggestions_among_long_names_are_charged_by_length() {
    let n = 300;
    let name = |i: usize| format!("{}{i:04}", "system_with_a_long_name_".repeat(7));
    let mut text = String::from("customer c {\n");
    for i in 0..n {
        text.push_str(&format!("  system {} {{ owner: \"x\" }}\n", name(i)));
    }
    text.push_str("}\n");
    for i in 0..n {
        let misspelled = name(i).replacen("system", "sytsem", 1);
        text.push_str(&format!("{} -> {misspelled} : rest\n", name(i)));
    }
    let compilation = archc::compile(
        &Source::new("long.arch", text),
        &archc::lint::LintConfig::default(),
    );
    let helps: Vec<String> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::UnknownReference)
        .map(|d| d.help.clone().unwrap_or_default())
        .collect();
    assert_eq!(helps.len(), n);
    assert_eq!(helps[0], format!("did you mean `{}`?", name(0)));
    assert!(helps[n - 1].starts_with("declare it"), "{}", helps[n - 1]);
}
