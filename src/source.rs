//! Source text, byte spans and the offset → line:column index used when diagnostics are printed.

use std::sync::Arc;

/// A byte range `start..end` into one source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        // Inputs over 4 GiB are refused at the edge, so offsets always fit.
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One input file: its display path (`-` for stdin) and its text.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: String,
    pub text: Arc<str>,
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Maps byte offsets to 1-based line and column; columns count characters, not bytes.
///
/// A column costs at most [`CHUNK`] bytes of counting however long its line is, so that a
/// file of one long line with many findings is still placed in linear time.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// Characters before each multiple of [`CHUNK`] bytes; empty for ASCII text, where
    /// characters are bytes.
    chars_before_chunk: Vec<u32>,
}

/// Bytes between two checkpoints of [`LineIndex::chars_before_chunk`].
const CHUNK: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| (i + 1) as u32),
        );
        let chars_before_chunk = if text.is_ascii() {
            Vec::new()
        } else {
            let mut before = 0;
            let mut checkpoints = Vec::with_capacity(text.len() / CHUNK + 1);
            for chunk in text.as_bytes().chunks(CHUNK) {
                checkpoints.push(before);
                before += char_starts(chunk) as u32;
            }
            checkpoints.push(before);
            checkpoints
        };
        LineIndex {
            line_starts,
            chars_before_chunk,
        }
    }

    /// 1-based (line, column) of a byte offset in `text`.
    pub fn line_col(&self, text: &str, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let column = self.chars_before(text, offset) - self.chars_before(text, start);
        (line + 1, column + 1)
    }

    /// The 0-based line that holds byte `offset` (the last line for an offset past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start as usize <= offset)
            - 1
    }

    /// How many lines the text has (an empty text, or one ending in `\n`, ends with an
    /// empty line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The bytes of 0-based `line`, without its line ending (`\n` or `\r\n`).
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line] as usize;
        let Some(&next) = self.line_starts.get(line + 1) else {
            return start..text.len();
        };
        let end = next as usize - 1;
        let crlf = end > start && text.as_bytes()[end - 1] == b'\r';
        start..end - usize::from(crlf)
    }

    /// How many characters start before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        if self.chars_before_chunk.is_empty() {
            return offset;
        }
        let chunk = offset / CHUNK;
        let counted = self.chars_before_chunk[chunk] as usize;
        counted + char_starts(&text.as_bytes()[chunk * CHUNK..offset])
    }
}

/// The bytes that start a UTF-8 character (all but continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, offset: u32, expect: (usize, usize)) {
        assert_eq!(LineIndex::new(text).line_col(text, offset), expect);
    }

    #[test]
    fn line_col() {
        check("", 0, (1, 1));
        check("ab\ncd", 0, (1, 1));
        check("ab\ncd", 2, (1, 3));
        check("ab\ncd", 3, (2, 1));
        check("ab\ncd", 5, (2, 3));
        check("é\nx", 2, (1, 2));
        check("aé", 3, (1, 3));
        check("a\r\nb", 3, (2, 1));
    }

    /// Columns past the first checkpoints count characters, as a plain count would.
    #[test]
    fn long_lines_with_multibyte_characters() {
        let text = format!("x\n{}\n{}", "é日x".repeat(500), "\u{1F600}a".repeat(300));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(
                index.line_col(&text, offset as u32),
                (line, column),
                "{offset}"
            );
        }
    }

    #[test]
    fn line_ranges_leave_out_the_line_ending() {
        let text = "ab\r\ncd\n\nx\r";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = (0..index.line_count())
            .map(|line| &text[index.line_range(text, line)])
            .collect();
        assert_eq!(lines, ["ab", "cd", "", "x\r"]);
        assert_eq!(index.line_of(0), 0);
        assert_eq!(index.line_of(3), 0, "the `\\n` of a line belongs to it");
        assert_eq!(index.line_of(4), 1);
        assert_eq!(index.line_of(99), 3);
    }
}
