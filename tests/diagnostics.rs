//! Hostile input at the diagnostics: line breaks other than LF and CRLF, and control
//! characters from the input, in every output format.

use serde_json::Value;

use crate::support::archc_with_stdin;

/// A review whose lines end in lone carriage returns (classic Mac OS). Read as spaces, the
/// first line's comment ran to the end of the file: "no findings", and `bogus` was missed.
const LONE_CR: &str =
    "# review\rcustomer c {\r  system s { owner: \"x\", criticality: bogus }\r}\r";

/// `line:column` of the first finding, as each format reports it.
fn first_position(format: &str, input: &str) -> String {
    let run = archc_with_stdin(&["check", "--format", format, "-"], input.as_bytes());
    assert_eq!(run.code, 1, "{format}: {}", run.stdout);
    let out = run.stdout;
    match format {
        "human" => {
            let start = out.find("[-:").expect("a snippet header") + 3;
            out[start..]
                .split(']')
                .next()
                .unwrap_or_default()
                .to_string()
        }
        "short" => out.split(':').skip(1).take(2).collect::<Vec<_>>().join(":"),
        "json" => {
            let json: Value = serde_json::from_str(&out).expect("JSON");
            let d = &json["diagnostics"][0];
            format!("{}:{}", d["line"], d["column"])
        }
        "sarif" => {
            let json: Value = serde_json::from_str(&out).expect("SARIF");
            let region =
                &json["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
            format!("{}:{}", region["startLine"], region["startColumn"])
        }
        "github" => {
            let field = |name: &str| {
                let start = out.find(&format!(",{name}=")).expect(name) + name.len() + 2;
                out[start..]
                    .split(',')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            };
            format!("{}:{}", field("line"), field("col"))
        }
        _ => unreachable!(),
    }
}

#[test]
fn a_lone_carriage_return_is_refused_at_the_same_place_in_every_format() {
    for format in ["human", "short", "json", "sarif", "github"] {
        assert_eq!(first_position(format, LONE_CR), "1:9", "{format}");
    }
    let short = archc_with_stdin(&["check", "--format", "short", "-"], LONE_CR.as_bytes());
    assert_eq!(
        short.stdout,
        "-:1:9: error[syntax] a carriage return without a line feed (`\\r`) is not a line \
         break archc reads (3 more in the file)\n"
    );
}

#[test]
fn crlf_files_are_read_as_lines_and_agree_across_formats() {
    let crlf = LONE_CR.replace('\r', "\r\n");
    for format in ["human", "short", "json", "sarif", "github"] {
        assert_eq!(first_position(format, &crlf), "3:39", "{format}: `bogus`");
    }
}

#[test]
fn every_command_refuses_a_file_with_foreign_line_breaks() {
    for args in [
        &["fmt", "-"][..],
        &["render", "-"],
        &["table", "-"],
        &["report", "-"],
        &["export", "--to", "json", "-"],
    ] {
        for text in [LONE_CR, "system a\u{2028}system b\n", "x: 1\u{c}\n"] {
            let run = archc_with_stdin(args, text.as_bytes());
            assert_eq!(run.code, 1, "{args:?} {text:?}: {}", run.stderr);
            assert_eq!(run.stdout, "", "{args:?}: nothing written");
            assert!(
                run.stderr.contains("is not a line break archc reads"),
                "{}",
                run.stderr
            );
        }
    }
}

/// Characters that act on a terminal (ESC, BEL), reorder text (bidirectional controls) or
/// break lines, anywhere in the input: a comment shown as context, a name, a string value,
/// the file name.
const HOSTILE: &str = "customer c {\n# \u{1b}]0;title\u{7} context line \u{202e}reversed\u{2066}\n\
    system s \"S\" { owner: \"x\", criticality: \"\u{1b}[2J\u{9b}31m\" }\n  \
    s \u{1b}[31m\n}\n";

/// Whether `text` holds a character that could act on a terminal or reorder what it shows.
fn acts_on_a_terminal(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    })
}

#[test]
fn control_characters_from_the_input_are_shown_escaped_in_every_format() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("diagnostics");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join("bad\u{1b}[31mname.arch");
    std::fs::write(&path, HOSTILE).expect("scratch file");
    let path = path.to_string_lossy().into_owned();
    for format in ["human", "short", "github"] {
        let run = crate::support::archc(&["check", "--format", format, &path]);
        assert_eq!(run.code, 1, "{format}: {}", run.stdout);
        assert_eq!(
            acts_on_a_terminal(&run.stdout),
            None,
            "{format}:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("\\u{1b}"),
            "{format}: escaped, not dropped"
        );
    }
    let human = crate::support::archc(&["check", &path]).stdout;
    assert!(
        human.contains("\\u{1b}]0;title\\u{7} context line \\u{202e}reversed"),
        "{human}"
    );
    let report = crate::support::archc(&["report", &path]);
    assert_eq!(
        acts_on_a_terminal(&report.stderr),
        None,
        "{}",
        report.stderr
    );
}

/// A valid review whose names, labels and owner carry terminal escapes (written as string
/// escapes, so the file itself is clean text).
const ESCAPES_IN_VALUES: &str = "customer c \"C\\u{1b}[31mX\" {\n  system s \"S\\u{7}bel\" \
    { owner: \"o\\u{1b}]0;t\\u{7}\" }\n}\nsolution o \"O\" {\n  module m \"M\"\n}\n\
    s -> m : rest \"lab\\u{1b}[2Jel\"\n";

#[test]
fn reports_carry_no_control_characters_and_quote_file_names_in_commands() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-names");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join("my review $(x)'s.arch");
    std::fs::write(&path, ESCAPES_IN_VALUES).expect("scratch file");
    let path = path.to_string_lossy().into_owned();
    for format in ["md", "html"] {
        let run = crate::support::archc(&["report", "--format", format, &path]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(acts_on_a_terminal(&run.stdout), None, "{format}");
        // Outputs write U+FFFD for what they cannot carry (crate::printable).
        assert!(
            run.stdout.contains('\u{fffd}'),
            "{format}: replaced, not dropped"
        );
        // HTML embeds the diagrams; Markdown links them and says how to write them.
        assert!(
            format == "html"
                || run.stdout.contains(
                    "`archc render 'my review $(x)'\\''s.arch' --view current \
                     -o 'my review $(x)'\\''s-current.svg'`"
                ),
            "{format}: the command quotes the file names\n{}",
            run.stdout
        );
    }
}
