//! The source excerpt a human diagnostic shows: the lines around its labels, each cut to a
//! window around the labels, with control characters escaped.
//!
//! miette reads whatever text it is given, whole: a finding on a 10 MB line printed the line
//! once per finding (quadratic), and a column past 65,535 made it panic. It is given this
//! excerpt instead, so a snippet costs the same on a line of any length, and nothing from the
//! input (an ESC, a BEL) reaches the terminal raw.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, FileReport, needs_escape};
use crate::source::Span;

/// Source characters shown of one line; a longer line is cut around its labels.
pub const MAX_LINE_CHARS: usize = 160;
/// Characters shown before the first label on a cut line.
const LEAD_CHARS: usize = 40;
/// Marks where a cut line goes on.
const ELLIPSIS: &str = "…";

/// The lines a diagnostic shows, in a text of their own, and its labels placed in it.
#[derive(Debug)]
pub struct Excerpt {
    /// Runs of consecutive source lines, in order.
    pub groups: Vec<Group>,
    /// Each label (the primary first, then the secondary ones) as a range of the excerpt.
    pub labels: Vec<Range<usize>>,
    /// Where each label starts in the excerpt, and its 0-based column in the source.
    pub columns: Vec<(usize, usize)>,
}

/// Consecutive source lines as shown, each ending in `\n`.
#[derive(Debug)]
pub struct Group {
    /// Where the group's text starts in the excerpt.
    pub offset: usize,
    /// The 0-based source line of its first line.
    pub first_line: usize,
    pub text: String,
}

/// The excerpt of `diagnostic`: each label's lines with one line of context either side.
pub fn excerpt(file: &FileReport<'_>, diagnostic: &Diagnostic) -> Excerpt {
    let text: &str = &file.source.text;
    let spans: Vec<Span> = std::iter::once(diagnostic.primary.span)
        .chain(diagnostic.secondary.iter().map(|label| label.span))
        .map(|span| within(text, span))
        .collect();
    let mut builder = Builder {
        file,
        spans: &spans,
        excerpt: Excerpt {
            groups: Vec::new(),
            labels: vec![0..0; spans.len()],
            columns: Vec::with_capacity(spans.len()),
        },
        length: 0,
    };
    for lines in line_runs(file, &spans) {
        builder.group(lines);
    }
    builder.excerpt
}

/// `span` clamped to the text and to character boundaries, so that slicing cannot fail.
fn within(text: &str, span: Span) -> Span {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    Span::new(floor(span.start as usize), floor(span.end as usize))
}

/// The 0-based lines where `span` starts and ends.
fn lines_of(file: &FileReport<'_>, span: Span) -> (usize, usize) {
    let first = file.lines.line_of(span.start as usize);
    let last_byte = (span.end as usize)
        .saturating_sub(1)
        .max(span.start as usize);
    (first, file.lines.line_of(last_byte))
}

/// The runs of lines to show: each label's lines and one either side, overlapping or
/// touching runs joined. The empty "line" after a final line break is not context.
fn line_runs(file: &FileReport<'_>, spans: &[Span]) -> Vec<Range<usize>> {
    let final_break = file.source.text.ends_with('\n');
    let last_context = file
        .lines
        .line_count()
        .saturating_sub(1 + usize::from(final_break));
    let mut runs: Vec<Range<usize>> = spans
        .iter()
        .map(|&span| {
            let (first, last) = lines_of(file, span);
            first.saturating_sub(1)..last.max((last + 1).min(last_context)) + 1
        })
        .collect();
    runs.sort_by_key(|run| run.start);
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(runs.len());
    for run in runs {
        match joined.last_mut() {
            Some(previous) if run.start <= previous.end => previous.end = previous.end.max(run.end),
            _ => joined.push(run),
        }
    }
    joined
}

struct Builder<'a> {
    file: &'a FileReport<'a>,
    spans: &'a [Span],
    excerpt: Excerpt,
    /// The excerpt's length so far.
    length: usize,
}

impl Builder<'_> {
    fn group(&mut self, lines: Range<usize>) {
        let mut group = Group {
            offset: self.length,
            first_line: lines.start,
            text: String::new(),
        };
        for line in lines {
            let shown = self.line(line);
            for (label, span) in self.spans.iter().enumerate() {
                let (first, last) = lines_of(self.file, *span);
                let base = self.length + group.text.len();
                if first == line {
                    let start = base + shown.place(span.start as usize);
                    self.excerpt.labels[label].start = start;
                    let column = self.file.position(*span).1 - 1;
                    self.excerpt.columns.push((start, column));
                }
                if last == line {
                    let end = if span.is_empty() {
                        self.excerpt.labels[label].start
                    } else {
                        base + shown.place(span.end as usize)
                    };
                    self.excerpt.labels[label].end = end;
                }
            }
            group.text.push_str(&shown.text);
            group.text.push('\n');
        }
        self.length += group.text.len();
        self.excerpt.groups.push(group);
    }

    /// One source line as shown, cut around the labels that start or end on it.
    fn line(&self, line: usize) -> Shown {
        let text: &str = &self.file.source.text;
        let range = self.file.lines.line_range(text, line);
        let anchor = self
            .spans
            .iter()
            .flat_map(|span| [span.start as usize, span.end as usize])
            .filter(|&at| range.start <= at && at <= range.end)
            .min()
            .unwrap_or(range.start);
        Shown::new(text, range, anchor)
    }
}

/// A line as shown: the window of it, escaped, with `…` where it was cut.
struct Shown {
    text: String,
    /// The source bytes shown.
    window: Range<usize>,
    /// The source line's bytes, without its line ending.
    line: Range<usize>,
    /// The source text of the window, to place offsets in it.
    source: String,
    prefix: usize,
}

impl Shown {
    fn new(text: &str, line: Range<usize>, anchor: usize) -> Shown {
        let window = window(&text[line.clone()], anchor - line.start);
        let window = line.start + window.start..line.start + window.end;
        let mut shown = String::new();
        if window.start > line.start {
            shown.push_str(ELLIPSIS);
        }
        let prefix = shown.len();
        push_escaped(&mut shown, &text[window.clone()]);
        if window.end < line.end {
            shown.push_str(ELLIPSIS);
        }
        Shown {
            text: shown,
            source: text[window.clone()].to_string(),
            window,
            line,
            prefix,
        }
    }

    /// Where source byte `at` (on this line, or just past its end) falls in the shown text:
    /// before the window at its first character, after it at the end (past the `…`).
    fn place(&self, at: usize) -> usize {
        if at < self.window.start {
            return self.prefix;
        }
        if at > self.window.end {
            // Past the end of an uncut line is its line break, one character further.
            let past = if self.window.end == self.line.end {
                1
            } else {
                0
            };
            return self.text.len() + past;
        }
        let mut inside = at - self.window.start;
        while !self.source.is_char_boundary(inside) {
            inside -= 1;
        }
        self.prefix + escaped_len(&self.source[..inside])
    }
}

/// The bytes of `line` to show: all of it when it is short, else [`MAX_LINE_CHARS`]
/// characters from a little before `anchor` (or up to the end, when that is near).
fn window(line: &str, anchor: usize) -> Range<usize> {
    if line.chars().nth(MAX_LINE_CHARS).is_none() {
        return 0..line.len();
    }
    let start = back(line, anchor, LEAD_CHARS);
    let end = forward(line, start, MAX_LINE_CHARS);
    if end == line.len() {
        return back(line, end, MAX_LINE_CHARS)..end;
    }
    start..end
}

/// The byte offset `count` characters before `from` (or the start).
fn back(line: &str, from: usize, count: usize) -> usize {
    line[..from.min(line.len())]
        .char_indices()
        .rev()
        .take(count)
        .last()
        .map_or(from.min(line.len()), |(i, _)| i)
}

/// The byte offset `count` characters after `from` (or the end).
fn forward(line: &str, from: usize, count: usize) -> usize {
    line[from..]
        .char_indices()
        .nth(count)
        .map_or(line.len(), |(i, _)| from + i)
}

/// The length of `text` as [`push_escaped`] writes it.
fn escaped_len(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if c != '\t' && needs_escape(c) {
                c.escape_default().len()
            } else {
                c.len_utf8()
            }
        })
        .sum()
}

/// `text` with every character that could act on a terminal written as an escape; a tab
/// stays (the snippet printer turns it into spaces).
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if c != '\t' && needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn shown(text: &str, span: Span) -> (String, Range<usize>) {
        let source = Source::new("t.arch", text);
        let diagnostics = [Diagnostic::error(
            crate::diagnostic::RuleId::Syntax,
            span,
            "m",
        )];
        let report = FileReport::new(&source, &diagnostics);
        let excerpt = excerpt(&report, &diagnostics[0]);
        let joined: String = excerpt.groups.iter().map(|g| g.text.as_str()).collect();
        (joined, excerpt.labels[0].clone())
    }

    #[test]
    fn short_lines_are_shown_whole_with_their_neighbours() {
        let (text, label) = shown("a\nbc d\ne\nf\n", Span::new(5, 6));
        assert_eq!(text, "a\nbc d\ne\n");
        assert_eq!(&text[label], "d");
        let (text, _) = shown("a\nb\n", Span::new(2, 3));
        assert_eq!(text, "a\nb\n", "no empty line after the last line break");
        let (text, _) = shown("a\nb\n", Span::new(4, 4));
        assert_eq!(text, "b\n\n", "unless a label is on it");
    }

    #[test]
    fn a_long_line_is_cut_around_the_label() {
        let line = format!("{}}}{}", " ".repeat(70_000), "x".repeat(500));
        let (text, label) = shown(&line, Span::new(70_000, 70_001));
        assert_eq!(
            text.chars().count(),
            MAX_LINE_CHARS + 2 * ELLIPSIS.chars().count() + 1
        );
        assert!(text.starts_with('…') && text.ends_with("…\n"), "{text:?}");
        assert_eq!(&text[label.clone()], "}");
        assert_eq!(text[..label.start].chars().count(), LEAD_CHARS + 1);
    }

    #[test]
    fn a_label_at_the_end_of_a_long_line_shows_the_end() {
        let line = "y".repeat(1_000);
        let (text, label) = shown(&line, Span::new(999, 1_000));
        assert_eq!(text, format!("…{}\n", "y".repeat(MAX_LINE_CHARS)));
        assert_eq!(&text[label], "y");
    }

    #[test]
    fn a_label_longer_than_the_window_is_underlined_to_the_cut() {
        let line = "z".repeat(1_000);
        let (text, label) = shown(&line, Span::new(10, 900));
        assert_eq!(label.end, text.len() - 1, "up to and with the `…`");
    }

    #[test]
    fn control_characters_are_escaped_and_labels_follow() {
        let (text, label) = shown("a\u{1b}[31mb\u{7}\tc", Span::new(7, 8));
        assert_eq!(text, "a\\u{1b}[31mb\\u{7}\tc\n");
        assert_eq!(&text[label], "\\u{7}");
    }
}
