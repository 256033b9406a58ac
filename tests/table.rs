//! `archc table`: every kind in every format, read back the way a reader would.

use crate::support::{archc, archc_with_stdin};

const KINDS: [&str; 5] = ["integrations", "gaps", "inventory", "risks", "actions"];
const FORMATS: [&str; 4] = ["md", "csv", "json", "html"];

fn table(file: &str, kind: &str, format: &str) -> String {
    let run = archc(&["table", file, "--kind", kind, "--format", format]);
    assert_eq!(run.code, 0, "{file} {kind} {format}: {}", run.stderr);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// The CSV's exact bytes, made visible: the byte-order mark and each CRLF are spelled out.
fn visible_csv(csv: &str) -> String {
    csv.replace('\u{feff}', "<BOM>").replace("\r\n", "<CRLF>\n")
}

#[test]
fn acme_every_kind_in_every_format() {
    for kind in KINDS {
        for format in FORMATS {
            let text = table("examples/acme.arch", kind, format);
            let text = if format == "csv" {
                visible_csv(&text)
            } else {
                text
            };
            insta::assert_snapshot!(format!("acme_{kind}_{format}"), text);
        }
    }
}

#[test]
fn smb_and_enterprise_every_kind_as_markdown() {
    for example in ["smb", "enterprise"] {
        for kind in KINDS {
            let text = table(&format!("examples/{example}.arch"), kind, "md");
            insta::assert_snapshot!(format!("{example}_{kind}_md"), text);
        }
    }
}

#[test]
fn escapes_in_every_format() {
    for kind in KINDS {
        for format in FORMATS {
            let text = table("tests/table/tricky.arch", kind, format);
            let text = if format == "csv" {
                visible_csv(&text)
            } else {
                text
            };
            insta::assert_snapshot!(format!("tricky_{kind}_{format}"), text);
        }
    }
}

/// Rows of a CSV as a CSV library reads them (it skips the byte-order mark).
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (headers, rows)
}

/// Rows of the JSON format, in column order.
fn read_json(text: &str, columns: &[String]) -> Vec<Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let objects = value.as_array().expect("an array of objects");
    objects
        .iter()
        .map(|o| {
            let o = o.as_object().expect("an object per row");
            assert_eq!(o.len(), columns.len(), "one key per column");
            columns
                .iter()
                .map(|c| o[c].as_str().expect("string cells").to_string())
                .collect()
        })
        .collect()
}

#[test]
fn csv_reads_back_as_the_same_rows_as_json() {
    for file in [
        "examples/acme.arch",
        "examples/smb.arch",
        "examples/enterprise.arch",
        "tests/table/tricky.arch",
        HOSTILE,
    ] {
        for kind in KINDS {
            let csv = table(file, kind, "csv");
            assert!(
                csv.starts_with('\u{feff}'),
                "{file} {kind}: a UTF-8 byte-order mark first"
            );
            let without_quoted = strip_quoted(&csv);
            assert!(
                !without_quoted.replace("\r\n", "").contains(['\r', '\n']),
                "{file} {kind}: records end in CRLF"
            );
            let (headers, rows) = read_csv(&csv);
            let json_rows = read_json(&table(file, kind, "json"), &headers);
            let expected: Vec<Vec<String>> = json_rows
                .iter()
                .map(|row| row.iter().map(|cell| as_in_csv(cell)).collect())
                .collect();
            assert_eq!(rows, expected, "{file} {kind}");
        }
    }
}

/// A cell as the CSV carries it: unprintable characters as U+FFFD, and a `'` in front of
/// what a spreadsheet would run as a formula.
fn as_in_csv(cell: &str) -> String {
    let cell = archc::printable::replace_unprintable(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.into_owned()
    }
}

/// The CSV with quoted fields removed (a newline inside quotes is data, not a record end).
fn strip_quoted(csv: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in csv.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}

#[test]
fn csv_keeps_commas_quotes_and_newlines_in_cells() {
    let (_, rows) = read_csv(&table("tests/table/tricky.arch", "integrations", "csv"));
    assert_eq!(rows[0][3], "sales, refunds\nsecond line");
    let (_, rows) = read_csv(&table("tests/table/tricky.arch", "inventory", "csv"));
    assert_eq!(rows[1][3], "Ops, \"night\" team");
    assert_eq!(rows[0][3], "Ana \"Ops\" Núñez");
    let (_, rows) = read_csv(&table("tests/table/tricky.arch", "risks", "csv"));
    assert_eq!(rows[0][0], " padded ", "quoted, so readers keep the spaces");
}

#[test]
fn html_tables_escape_every_cell() {
    for kind in KINDS {
        let html = table("tests/table/tricky.arch", kind, "html");
        assert!(
            html.starts_with("<table"),
            "a bare table, no page around it"
        );
        assert!(
            !html.contains("<script"),
            "{kind}: markup in cells is escaped"
        );
        assert!(!html.contains("<kit@"), "{kind}");
    }
    let html = table("tests/table/tricky.arch", "integrations", "html");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/"),
        "{html}"
    );
    assert!(html.contains("sales, refunds<br>second line"));
}

#[test]
fn markdown_rows_have_one_cell_per_column() {
    for kind in KINDS {
        let md = table("tests/table/tricky.arch", kind, "md");
        let mut lines = md.lines();
        let columns = cells(lines.next().expect("a header row"));
        for line in lines {
            assert_eq!(cells(line), columns, "{kind}: {line}");
        }
    }
}

/// The number of cells in a GFM table row: pipes not escaped with a backslash, less one.
fn cells(line: &str) -> usize {
    let mut escaped = false;
    let mut pipes = 0;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    pipes - 1
}

#[test]
fn defaults_are_integrations_as_markdown() {
    let run = archc(&["table", "examples/acme.arch"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        table("examples/acme.arch", "integrations", "md")
    );
}

#[test]
fn reads_stdin_and_writes_a_file() {
    let text = std::fs::read(crate::support::root().join("examples/acme.arch")).expect("acme.arch");
    let run = archc_with_stdin(&["table", "-", "--kind", "gaps"], &text);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, table("examples/acme.arch", "gaps", "md"));

    let dir = std::env::temp_dir().join(format!("archc-table-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let out = dir.join("gaps.csv");
    let out_text = out.to_string_lossy().into_owned();
    let run = archc(&[
        "table",
        "examples/acme.arch",
        "--kind",
        "gaps",
        "--format",
        "csv",
        "-o",
        &out_text,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(&out).expect("the file is written");
    assert_eq!(written, table("examples/acme.arch", "gaps", "csv"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_is_byte_identical_on_repeated_runs() {
    for format in FORMATS {
        let first = table("examples/enterprise.arch", "integrations", format);
        let second = table("examples/enterprise.arch", "integrations", format);
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn input_errors_exit_1_and_print_no_table() {
    let run = archc_with_stdin(
        &["table", "-"],
        b"customer c { system a }\na -> nowhere : rest\n",
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("unknown-reference"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        archc(&["table", "examples/acme.arch", "--kind", "nope"]).code,
        2
    );
    assert_eq!(archc(&["table", "examples/missing.arch"]).code, 2);
}

const HOSTILE: &str = "tests/table/hostile.arch";

#[test]
fn hostile_cells_as_csv_and_markdown() {
    for kind in ["integrations", "inventory"] {
        // A CR or tab inside a cell spelled out too, so the snapshot file holds neither.
        let csv = visible_csv(&table(HOSTILE, kind, "csv"))
            .replace('\r', "<CR>")
            .replace('\t', "<TAB>");
        insta::assert_snapshot!(format!("hostile_{kind}_csv"), csv);
        insta::assert_snapshot!(format!("hostile_{kind}_md"), table(HOSTILE, kind, "md"));
    }
}

/// OWASP's advice against CSV injection: a cell that starts with `=`, `+`, `-`, `@`, tab or
/// CR gets a `'` in front, and a CSV reader gets the cell back with it, nothing else lost.
#[test]
fn csv_cells_that_would_run_as_formulas_start_with_a_quote() {
    let (_, rows) = read_csv(&table(HOSTILE, "inventory", "csv"));
    assert_eq!(rows[0][0], "'=HYPERLINK(\"http://x.example\",\"click\")");
    assert_eq!(rows[0][1], "'+1 555");
    assert_eq!(rows[0][3], "'@ops");
    assert_eq!(rows[1][0], "'-2+3");
    assert_eq!(rows[1][1], "'\tTabbed");
    assert_eq!(rows[1][3], "'\rcr");
    assert_eq!(rows[2][1], "a=b stays", "only the first character counts");
    assert_eq!(
        rows[2][3], "'quoted",
        "a quote already there is data, kept as is"
    );
    let (_, rows) = read_csv(&table(HOSTILE, "integrations", "csv"));
    let data: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(data, ["'=1+1", "'@SUM(A1:A2)", "\u{FFFD}]0;title\u{FFFD}"]);
}

/// ESC, BEL, CSI (U+009B) and U+FFFE from the source never reach a table raw: Markdown,
/// CSV and HTML show U+FFFD, JSON writes a `\u` escape that reads back exactly.
#[test]
fn no_control_character_reaches_any_table() {
    for kind in KINDS {
        for format in FORMATS {
            let text = table(HOSTILE, kind, format);
            let raw: Vec<char> = text
                .chars()
                .filter(|&c| archc::printable::is_unprintable(c))
                .collect();
            assert!(raw.is_empty(), "{kind} {format}: {raw:?} in {text:?}");
        }
    }
    let inventory = table(HOSTILE, "inventory", "md");
    assert!(
        inventory.contains("| ESC\u{FFFD}\\[2J BEL\u{FFFD} CSI\u{FFFD}31m FFFE\u{FFFD} |"),
        "{inventory}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&table(HOSTILE, "inventory", "json")).expect("valid JSON");
    assert_eq!(
        json[2]["System"], "ESC\u{1B}[2J BEL\u{7} CSI\u{9B}31m FFFE\u{FFFE}",
        "JSON keeps the text exactly"
    );
}
