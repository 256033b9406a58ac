//! The grammar of `grammar/arch.ebnf`, one method per production, over nom leaf parsers.
//!
//! Parsing never fails: a statement that does not parse becomes a `syntax` diagnostic and
//! an [`Stmt::Error`] node, and the parser resumes at the next statement (see `recover`).

use crate::diagnostic::{Diagnostic, RuleId};
use crate::source::Span;
use crate::suggest::nearest;
use crate::syntax::ast::{
    Attr, Block, Comment, Connection, Decl, DeclKind, File, Ident, Record, RecordKind, Stmt, Str,
    Value, ValueKind,
};
use crate::syntax::lexical;

/// Blocks nest at most this deep; deeper input is reported instead of overflowing the stack.
pub const MAX_DEPTH: usize = 128;

/// A statement that did not parse: where, and what to say.
struct SyntaxError {
    span: Span,
    message: String,
    help: String,
}

type PResult<T> = Result<T, SyntaxError>;

pub(crate) struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
    inner_comments: Vec<Span>,
    /// The statements of the blocks being parsed, innermost last. Each block moves its own
    /// into an exactly sized `Vec` when it ends: one allocation per block instead of a
    /// `Vec` that grows (and copies large statements) as it goes.
    scratch: Vec<Stmt>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            depth: 0,
            diagnostics: Vec::new(),
            inner_comments: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// file := stmts EOF
    pub(crate) fn file(mut self) -> (File, Vec<Diagnostic>) {
        // Editors on Windows may start a UTF-8 file with a byte-order mark; it means nothing.
        if self.src.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
        let stmts = self.stmts(false);
        let file = File {
            stmts,
            inner_comments: self.inner_comments,
        };
        (file, self.diagnostics)
    }

    /// stmts := ( stmt? comment? terminator )* stmt? comment?
    ///
    /// Stops before a `}` or at the end of input. `line_has_code` tells whether code
    /// precedes the start on the same line (a `{`), which makes a comment there trailing.
    fn stmts(&mut self, mut line_has_code: bool) -> Vec<Stmt> {
        let base = self.scratch.len();
        loop {
            self.skip_inline();
            let Some(c) = self.peek() else { break };
            match c {
                '}' if self.depth > 0 => break,
                '}' => {
                    let span = Span::new(self.pos, self.pos + 1);
                    self.report(
                        span,
                        "unexpected `}`",
                        "remove it, or add the `{` it should close",
                    );
                    self.pos += 1;
                    self.scratch.push(Stmt::Error(span));
                    line_has_code = true;
                }
                '\n' => {
                    if !line_has_code
                        && !matches!(self.scratch[base..].last(), None | Some(Stmt::Blank(_)))
                    {
                        self.scratch
                            .push(Stmt::Blank(Span::new(self.pos, self.pos + 1)));
                    }
                    self.pos += 1;
                    line_has_code = false;
                }
                ',' | ';' => {
                    self.pos += 1;
                    line_has_code = true;
                }
                '#' => {
                    let comment = self.comment(line_has_code);
                    self.scratch.push(Stmt::Comment(comment));
                    // The newline after a comment ends its line; it is not a blank line.
                    line_has_code = true;
                }
                _ => {
                    let start = self.pos;
                    match self.stmt() {
                        Ok(()) => {
                            if let Err(err) = self.terminator() {
                                self.report_error(err);
                                let skipped = self.recover();
                                self.scratch.push(Stmt::Error(skipped));
                            }
                        }
                        Err(err) => {
                            self.report_error(err);
                            self.pos = start.max(self.pos);
                            let skipped = self.recover();
                            self.scratch
                                .push(Stmt::Error(Span::new(start, skipped.end as usize)));
                        }
                    }
                    line_has_code = true;
                }
            }
        }
        self.scratch.drain(base..).collect()
    }

    /// terminator := NEWLINE | "," | ";"
    ///
    /// Checks, without consuming, that a statement ends here (a `}`, a comment or the end of
    /// input also end it).
    fn terminator(&mut self) -> PResult<()> {
        self.skip_inline();
        match self.peek() {
            None | Some('\n' | ',' | ';' | '#' | '}') => Ok(()),
            Some(_) => Err(self.error_here(
                &format!("expected the end of the statement, found {}", self.found()),
                "put each statement on its own line, or separate statements with `,` or `;`",
            )),
        }
    }

    /// block := "{" stmts "}"
    fn block(&mut self) -> PResult<Block> {
        let start = self.pos;
        self.expect('{', "expected `{`")?;
        if self.depth >= MAX_DEPTH {
            return Ok(self.too_deep(start));
        }
        self.depth += 1;
        let stmts = self.stmts(true);
        self.depth -= 1;
        if self.peek() != Some('}') {
            return Err(SyntaxError {
                span: Span::new(start, start + 1),
                message: "this `{` is never closed".into(),
                help: "add the matching `}`".into(),
            });
        }
        self.pos += 1;
        let single_line = !self.src[start..self.pos].contains('\n');
        Ok(Block {
            stmts,
            span: Span::new(start, self.pos),
            single_line,
        })
    }

    /// stmt := decl | review | nfr | record | connection | attr | comment
    ///
    /// Keywords are not reserved: the token after the first word decides.
    ///
    /// Pushes the statement on `scratch` itself, which saves moving it through each caller.
    fn stmt(&mut self) -> PResult<()> {
        let start = self.pos;
        let word = match self.lex_name() {
            Ok(word) => word,
            Err(Some(err)) => return Err(err),
            Err(None) => {
                return Err(self.error_here(
                    &format!("expected a statement, found {}", self.found()),
                    "a statement starts with a keyword (`system`, `gap`, ...), an attribute name \
                     or the ID a connection starts from",
                ));
            }
        };
        let after_word = self.pos;
        self.skip_inline();
        let next = self.peek();
        let next_starts_ident = next.is_some_and(lexical::is_ident_start);
        let stmt = if let Some(kind) = DeclKind::from_keyword(word).filter(|_| next_starts_ident) {
            Stmt::Decl(self.decl(kind, start)?)
        } else if word == "review" && (next == Some('"') || self.block_follows()) {
            Stmt::Record(self.review(start)?)
        } else if word == "nfr" && self.block_follows() {
            Stmt::Record(self.nfr(start)?)
        } else if let Some(kind) = RecordKind::from_keyword(word)
            .filter(|_| next == Some('"') || (next_starts_ident && self.ident_then_string()))
        {
            Stmt::Record(self.record(kind, start)?)
        } else if next == Some(':') {
            self.pos = start;
            Stmt::Attr(self.attr()?)
        } else if lexical::arrow(self.rest()).is_ok() {
            self.pos = start;
            Stmt::Connection(self.connection()?)
        } else {
            self.pos = after_word;
            self.skip_inline();
            return Err(self.unknown_statement(word, start, next_starts_ident));
        };
        self.scratch.push(stmt);
        Ok(())
    }

    /// review := "review" string? block?
    fn review(&mut self, start: usize) -> PResult<Record> {
        self.record(RecordKind::Review, start)
    }

    /// nfr := "nfr" block?
    fn nfr(&mut self, start: usize) -> PResult<Record> {
        self.record(RecordKind::Nfr, start)
    }

    /// decl := DECL_KEYWORD ident string? block?
    fn decl(&mut self, kind: DeclKind, start: usize) -> PResult<Decl> {
        let keyword_span = Span::new(start, start + kind.keyword().len());
        let id = self.ident(expected_id(kind))?;
        let label = self.opt_string()?;
        if label.is_none() && self.peek_inline().is_some_and(lexical::is_ident_start) {
            self.skip_inline();
            return Err(self.error_here(
                "expected the label in quotes",
                &format!(
                    "write the label in double quotes: `{} {} \"Label\"`",
                    kind.keyword(),
                    id.name
                ),
            ));
        }
        let body = self.opt_block()?;
        Ok(Decl {
            kind,
            keyword_span,
            id,
            label,
            body,
            span: Span::new(start, self.pos),
        })
    }

    /// record := RECORD_KEYWORD ident? string block?
    ///
    /// Also parses `review := "review" string? block?` and `nfr := "nfr" block?`; the model
    /// checks which parts each kind may have.
    fn record(&mut self, kind: RecordKind, start: usize) -> PResult<Record> {
        let keyword_span = Span::new(start, start + kind.keyword().len());
        let id = match self.peek_inline() {
            Some(c) if lexical::is_ident_start(c) => Some(self.ident("expected an ID")?),
            _ => None,
        };
        let text = self.opt_string()?;
        let body = self.opt_block()?;
        Ok(Record {
            kind,
            keyword_span,
            id,
            text,
            body,
            span: Span::new(start, self.pos),
        })
    }

    /// connection := ident arrow ident ( ":" method ( "," method )* )? string? block?
    fn connection(&mut self) -> PResult<Connection> {
        let start = self.pos;
        let from = self.ident("expected the connection's source")?;
        self.skip_inline();
        let arrow_start = self.pos;
        let (rest, arrow) = lexical::arrow(self.rest()).map_err(|_| {
            self.error_here(
                "expected an arrow",
                "connect two IDs with `->`, `<-`, `<->` or `--`",
            )
        })?;
        self.advance_to(rest);
        let arrow_span = Span::new(arrow_start, self.pos);
        let to = self.ident("expected the ID the arrow points to")?;
        let mut methods = Vec::new();
        if self.peek_inline() == Some(':') {
            self.skip_inline();
            self.pos += 1;
            methods.push(self.method()?);
            while self.method_follows() {
                self.skip_inline();
                self.pos += 1;
                methods.push(self.method()?);
            }
        }
        let comma_then_label = lexical::inline_space(self.rest())
            .strip_prefix(',')
            .is_some_and(|after| lexical::inline_space(after).starts_with('"'));
        if !methods.is_empty() && comma_then_label {
            self.skip_inline();
            return Err(self.error_here(
                "unexpected `,` before the label",
                "write the label straight after the methods, without a comma: `: rest \"Label\"`",
            ));
        }
        if self.peek_inline().is_some_and(lexical::is_ident_start) {
            self.skip_inline();
            return Err(if methods.is_empty() {
                self.error_here(
                    "expected `:` before the connection's method",
                    &format!(
                        "write the method after a colon: `{} {} {} : rest`",
                        from.name,
                        arrow.as_str(),
                        to.name
                    ),
                )
            } else {
                self.error_here(
                    "expected `,` or a quoted label after the method",
                    "separate methods with commas (`: etl, cdc`) and quote the label (`\"Nightly sync\"`)",
                )
            });
        }
        let label = self.opt_string()?;
        let body = self.opt_block()?;
        Ok(Connection {
            from,
            arrow,
            arrow_span,
            to,
            methods,
            label,
            body,
            span: Span::new(start, self.pos),
        })
    }

    /// method := ident
    fn method(&mut self) -> PResult<Ident> {
        self.skip_inline();
        let start = self.pos;
        match self.lex_name() {
            Ok(name) => Ok(Ident {
                name: name.to_string(),
                span: Span::new(start, self.pos),
            }),
            Err(Some(err)) => Err(err),
            Err(None) => Err(self.error_here(
                "expected a connection method after `:`",
                "name the method, e.g. `: rest` or `: etl, cdc`; the label goes after it in quotes",
            )),
        }
    }

    /// attr := ident ":" value
    fn attr(&mut self) -> PResult<Attr> {
        let start = self.pos;
        let key = self.ident("expected an attribute name")?;
        self.skip_inline();
        self.expect(':', "expected `:` after the attribute name")?;
        let value = self.value()?;
        Ok(Attr {
            key,
            value,
            span: Span::new(start, self.pos),
        })
    }

    /// value := list | scalar
    fn value(&mut self) -> PResult<Value> {
        self.skip_inline();
        if self.peek() == Some('[') {
            self.list()
        } else {
            self.scalar()
        }
    }

    /// list := "[" ( scalar ( "," scalar )* ","? )? "]"
    fn list(&mut self) -> PResult<Value> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            let before_space = (self.pos, self.inner_comments.len());
            self.skip_space_and_comments();
            if self.peek() == Some(']') {
                self.pos += 1;
                break;
            }
            if matches!(self.peek(), None | Some('}')) {
                return Err(self.unclosed_list(start, before_space));
            }
            let item_start = self.pos;
            let item = self.scalar()?;
            // `key:` on a later line is the next attribute: the list was left open.
            if self.peek_inline() == Some(':')
                && self.src[before_space.0..item_start].contains('\n')
            {
                return Err(self.unclosed_list(start, before_space));
            }
            items.push(item);
            let after_item = (self.pos, self.inner_comments.len());
            self.skip_space_and_comments();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
                None | Some('}') => return Err(self.unclosed_list(start, after_item)),
                _ if self.src[after_item.0..self.pos].contains('\n') => {
                    return Err(self.unclosed_list(start, after_item));
                }
                _ => {
                    return Err(self.error_here(
                        "expected `,` or `]` in the list",
                        "separate list items with commas and close the list with `]`",
                    ));
                }
            }
        }
        Ok(Value {
            kind: ValueKind::List(items),
            span: Span::new(start, self.pos),
        })
    }

    /// A `[` left open: report it at the `[` and resume where the list's last line ends, so
    /// that the statements after it still parse.
    fn unclosed_list(&mut self, start: usize, resume: (usize, usize)) -> SyntaxError {
        self.pos = resume.0;
        self.inner_comments.truncate(resume.1);
        SyntaxError {
            span: Span::new(start, start + 1),
            message: "this `[` is never closed".into(),
            help: "add the matching `]`".into(),
        }
    }

    /// scalar := string | date | number | ident
    fn scalar(&mut self) -> PResult<Value> {
        self.skip_inline();
        let start = self.pos;
        let kind = match self.peek() {
            Some('"') => ValueKind::Str(self.string()?.value),
            Some(c) if c.is_ascii_digit() => self.date_or_number()?,
            Some(c) if lexical::is_ident_start(c) => {
                ValueKind::Ident(self.ident_token("expected a value")?.to_string())
            }
            _ => {
                return Err(self.error_here(
                    "expected a value",
                    "write a string in quotes, a date (YYYY-MM-DD), a number, a name or a list `[...]`",
                ));
            }
        };
        Ok(Value {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn date_or_number(&mut self) -> PResult<ValueKind> {
        if let Ok((rest, text)) = lexical::date(self.rest()) {
            self.advance_to(rest);
            return Ok(ValueKind::Date(text.to_string()));
        }
        let (rest, text) = lexical::number(self.rest())
            .map_err(|_| self.error_here("expected a number", "write digits"))?;
        if rest.starts_with(is_word_char) {
            let tail = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            let end = self.pos + text.len() + tail;
            return Err(SyntaxError {
                span: Span::new(self.pos, end),
                message: "malformed date or number".into(),
                help: "write dates as YYYY-MM-DD (e.g. 2026-11-20), numbers as 42 or 3.5, and \
                       anything else in quotes"
                    .into(),
            });
        }
        self.advance_to(rest);
        Ok(ValueKind::Number(text.to_string()))
    }

    // ----- tokens ------------------------------------------------------------------------

    /// ident := IDENT
    fn ident(&mut self, expected: &str) -> PResult<Ident> {
        self.skip_inline();
        let start = self.pos;
        let name = self.ident_token(expected)?;
        Ok(Ident {
            name: name.to_string(),
            span: Span::new(start, self.pos),
        })
    }

    fn ident_token(&mut self, expected: &str) -> PResult<&'a str> {
        self.lex_name().map_err(|err| {
            err.unwrap_or_else(|| {
                self.error_here(
                    &format!("{expected}, found {}", self.found()),
                    "IDs start with a letter or `_` and contain letters, digits, `_` and inner `-`",
                )
            })
        })
    }

    /// Lexes an identifier here. A word with non-ASCII letters is an error of its own
    /// (`Some`), so that `sé` is not read as the name `s` followed by junk.
    fn lex_name(&mut self) -> Result<&'a str, Option<SyntaxError>> {
        let rest = self.rest();
        match lexical::ident(rest) {
            Ok((after, name)) => {
                // Only a non-ASCII character right after the name needs the slower look.
                if after.starts_with(|c: char| !c.is_ascii())
                    && let Some(err) = self.non_ascii_name()
                {
                    return Err(Some(err));
                }
                self.advance_to(after);
                Ok(name)
            }
            Err(_) if rest.starts_with(|c: char| c.is_alphanumeric() && !c.is_ascii()) => {
                Err(self.non_ascii_name())
            }
            Err(_) => Err(None),
        }
    }

    /// `Some` error if the word here has letters or digits outside ASCII (`sé`, `été`).
    fn non_ascii_name(&self) -> Option<SyntaxError> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        (!word.is_ascii()).then(|| SyntaxError {
            span: Span::new(self.pos, self.pos + len),
            message: format!("`{word}` is not a valid name"),
            help: "IDs, keys and unquoted values use ASCII letters, digits, `_` and `-` \
                   between two of them; put other text in quotes"
                .into(),
        })
    }

    /// string := STRING
    fn string(&mut self) -> PResult<Str> {
        let start = self.pos;
        match lexical::string(self.rest()) {
            Ok((rest, value)) => {
                self.advance_to(rest);
                Ok(Str {
                    value,
                    span: Span::new(start, self.pos),
                })
            }
            Err(e) => Err(SyntaxError {
                span: Span::new(start + e.offset, start + e.offset + e.len),
                message: e.message.into(),
                help: e.help.into(),
            }),
        }
    }

    fn opt_string(&mut self) -> PResult<Option<Str>> {
        if self.peek_inline() == Some('"') {
            self.skip_inline();
            self.string().map(Some)
        } else {
            Ok(None)
        }
    }

    /// A block may start on a later line than its head; comments in between are kept aside.
    fn opt_block(&mut self) -> PResult<Option<Block>> {
        let before = self.pos;
        let inner_before = self.inner_comments.len();
        self.skip_space_and_comments();
        if self.peek() == Some('{') {
            self.block().map(Some)
        } else {
            self.pos = before;
            self.inner_comments.truncate(inner_before);
            Ok(None)
        }
    }

    /// comment := "#" ( CHAR - NEWLINE )*
    fn comment(&mut self, trailing: bool) -> Comment {
        let start = self.pos;
        let (rest, text) = lexical::comment(self.rest()).unwrap_or((self.rest(), ""));
        self.advance_to(rest);
        Comment {
            text: text.to_string(),
            span: Span::new(start, start + 1 + text.len()),
            trailing,
        }
    }

    // ----- recovery ----------------------------------------------------------------------

    /// Skips to the end of the broken statement: the next newline outside braces, or the
    /// `}` that closes the current block (left for the caller). Strings and comments are
    /// skipped whole so that braces inside them do not count.
    fn recover(&mut self) -> Span {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut depth = 0usize;
        while self.pos < bytes.len() {
            match bytes[self.pos] {
                b'\n' if depth == 0 => break,
                b'{' => depth += 1,
                b'}' if depth == 0 => break,
                b'}' => depth -= 1,
                b'"' => self.skip_string_like(),
                b'#' => self.skip_comment_body(),
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(bytes.len());
        Span::new(start, self.pos)
    }

    /// Moves to the last byte before the newline that ends a comment (or to the end).
    fn skip_comment_body(&mut self) {
        let len = self.rest().find('\n').unwrap_or(self.rest().len());
        self.pos += len.max(1) - 1;
    }

    /// Moves to the closing quote of a string (or the end of its line).
    fn skip_string_like(&mut self) {
        let bytes = self.src.as_bytes();
        let mut i = self.pos + 1;
        while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
            // A backslash escapes the next byte, but never a newline: strings are one line.
            let escapes = bytes[i] == b'\\' && bytes.get(i + 1).is_some_and(|&b| b != b'\n');
            i += if escapes { 2 } else { 1 };
        }
        self.pos = if i < bytes.len() && bytes[i] == b'\n' {
            i - 1
        } else {
            i.min(bytes.len())
        };
    }

    /// A `{` past [`MAX_DEPTH`]: report it and skip to its matching `}` without recursing.
    fn too_deep(&mut self, start: usize) -> Block {
        self.report(
            Span::new(start, start + 1),
            &format!("blocks are nested more than {MAX_DEPTH} levels deep"),
            "flatten the structure: groups rarely need more than a few levels",
        );
        let mut depth = 1usize;
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() && depth > 0 {
            match bytes[self.pos] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b'"' => self.skip_string_like(),
                b'#' => self.skip_comment_body(),
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(bytes.len());
        let span = Span::new(start, self.pos);
        Block {
            stmts: vec![Stmt::Error(span)],
            span,
            single_line: false,
        }
    }

    // ----- helpers -----------------------------------------------------------------------

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn advance_to(&mut self, rest: &str) {
        self.pos = self.src.len() - rest.len();
    }

    /// The next character after spaces and tabs, without moving.
    fn peek_inline(&self) -> Option<char> {
        lexical::inline_space(self.rest()).chars().next()
    }

    /// Whether a `{` comes next, possibly on a later line after blank lines and comments.
    fn block_follows(&self) -> bool {
        let mut rest = self.rest();
        loop {
            rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
            match rest.strip_prefix('#') {
                Some(comment) => rest = comment.find('\n').map_or("", |i| &comment[i..]),
                None => return rest.starts_with('{'),
            }
        }
    }

    fn skip_inline(&mut self) {
        let rest = lexical::inline_space(self.rest());
        self.advance_to(rest);
    }

    /// White space including newlines, and comments, which are kept as inner comments.
    fn skip_space_and_comments(&mut self) {
        loop {
            let rest = self.rest().trim_start_matches([' ', '\t', '\r', '\n']);
            self.advance_to(rest);
            if self.peek() != Some('#') {
                break;
            }
            let comment = self.comment(false);
            self.inner_comments.push(comment.span);
        }
    }

    fn expect(&mut self, c: char, message: &str) -> PResult<()> {
        self.skip_inline();
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Ok(())
        } else {
            Err(self.error_here(message, &format!("write `{c}` here")))
        }
    }

    /// After a method: a `,` followed by another method, not by the next statement.
    fn method_follows(&self) -> bool {
        let Some(after) = lexical::inline_space(self.rest()).strip_prefix(',') else {
            return false;
        };
        let after = lexical::inline_space(after);
        match lexical::ident(after) {
            Ok((rest, _)) => {
                let rest = lexical::inline_space(rest);
                !(rest.starts_with(':') || lexical::arrow(rest).is_ok())
            }
            Err(_) => false,
        }
    }

    /// Whether the next tokens are an identifier and a string (`gap g1 "Text"`).
    fn ident_then_string(&self) -> bool {
        lexical::ident(self.rest())
            .is_ok_and(|(rest, _)| lexical::inline_space(rest).starts_with('"'))
    }

    /// A statement whose first word is followed by something no production accepts.
    fn unknown_statement(&self, word: &str, start: usize, ident_follows: bool) -> SyntaxError {
        if let Some(err) = self.incomplete_keyword_statement(word) {
            return err;
        }
        let keywords = DeclKind::ALL
            .iter()
            .map(|k| k.keyword())
            .chain(RecordKind::ALL.iter().map(|k| k.keyword()));
        if ident_follows && let Some(keyword) = nearest(word, keywords) {
            return SyntaxError {
                span: Span::new(start, start + word.len()),
                message: format!("unknown keyword `{word}`"),
                help: format!("did you mean `{keyword}`?"),
            };
        }
        self.error_here(
            &format!(
                "expected `:` or an arrow after `{word}`, found {}",
                self.found()
            ),
            "write an attribute as `key: value`, a connection as `a -> b : rest`, or a \
             declaration as `system id \"Label\"`",
        )
    }

    /// A keyword whose statement stops short (`system` without an ID, `gap g1` without its
    /// text): say what is missing rather than suggest the keyword itself.
    fn incomplete_keyword_statement(&self, word: &str) -> Option<SyntaxError> {
        if DeclKind::from_keyword(word).is_some() {
            return Some(self.error_here(
                &format!("expected an ID after `{word}`, found {}", self.found()),
                &format!(
                    "declare it as `{word} id \"Label\"`, or write `{word}: value` for an attribute"
                ),
            ));
        }
        match RecordKind::from_keyword(word)? {
            RecordKind::Review => Some(self.error_here(
                &format!("expected the review's title or `{{` after `review`, found {}", self.found()),
                "write `review \"Title\" { ... }`",
            )),
            RecordKind::Nfr => Some(self.error_here(
                &format!("expected `{{` after `nfr`, found {}", self.found()),
                "write the non-functional requirements in a block: `nfr { availability: \"99.9%\" }`",
            )),
            _ => {
                // Point past an ID, if one was written: the text is what is missing.
                let mut at = self.clone_position();
                if let Ok((rest, _)) = lexical::ident(at.rest()) {
                    at.advance_to(rest);
                    at.skip_inline();
                }
                Some(at.error_here(
                    &format!("expected the text of the `{word}` in quotes, found {}", at.found()),
                    &format!("write `{word} \"Text\"`, or `{word} id \"Text\"` to give it an ID"),
                ))
            }
        }
    }

    /// A parser at the same position, to look ahead without moving.
    fn clone_position(&self) -> Parser<'a> {
        let mut at = Parser::new(self.src);
        at.pos = self.pos;
        at
    }

    /// The next token, as a message names it.
    fn found(&self) -> String {
        if let Ok((_, word)) = lexical::ident(self.rest()) {
            return format!("`{word}`");
        }
        match self.peek() {
            None => "the end of the input".into(),
            Some('\n') => "the end of the line".into(),
            Some('"') => "a string".into(),
            // A control character would break the one-line formats: show its escape.
            Some(c) if c.is_control() => format!("`{}`", c.escape_default()),
            Some(c) => format!("`{c}`"),
        }
    }

    /// An error at the next token: a whole word, or one character (none at a line's end).
    fn error_here(&self, message: &str, help: &str) -> SyntaxError {
        let len = match lexical::ident(self.rest()) {
            Ok((after, _)) => self.rest().len() - after.len(),
            Err(_) => self.peek().filter(|&c| c != '\n').map_or(0, char::len_utf8),
        };
        SyntaxError {
            span: Span::new(self.pos, self.pos + len),
            message: message.into(),
            help: help.into(),
        }
    }

    fn report(&mut self, span: Span, message: &str, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(RuleId::Syntax, span, message).with_help(help));
    }

    fn report_error(&mut self, err: SyntaxError) {
        self.diagnostics
            .push(Diagnostic::error(RuleId::Syntax, err.span, err.message).with_help(err.help));
    }
}

/// Characters that continue a malformed date or number such as `2026-1-5` or `3.5.1`.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')
}

/// The message for a declaration keyword without its ID, without formatting it each time.
fn expected_id(kind: DeclKind) -> &'static str {
    match kind {
        DeclKind::Customer => "expected an ID after `customer`",
        DeclKind::Solution => "expected an ID after `solution`",
        DeclKind::Group => "expected an ID after `group`",
        DeclKind::System => "expected an ID after `system`",
        DeclKind::Module => "expected an ID after `module`",
        DeclKind::Person => "expected an ID after `person`",
    }
}
