//! The grammar of `grammar/arch.ebnf`, one method per production, over nom leaf parsers.
//!
//! Parsing never fails: a statement that does not parse becomes a `syntax` diagnostic and
//! an [`Stmt::Error`] node, and the parser resumes at the next statement (see `recover`).

use crate::diagnostic::{Diagnostic, rules};
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
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            depth: 0,
            diagnostics: Vec::new(),
            inner_comments: Vec::new(),
        }
    }

    /// file := stmts EOF
    pub(crate) fn file(mut self) -> (File, Vec<Diagnostic>) {
        let stmts = self.stmts(false);
        let file = File {
            stmts,
            inner_comments: self.inner_comments,
        };
        (file, self.diagnostics)
    }

    /// stmts := ( stmt? trailing_comment? terminator )* stmt? trailing_comment?
    ///
    /// Stops before a `}` or at the end of input. `line_has_code` tells whether code
    /// precedes the start on the same line (a `{`), which makes a comment there trailing.
    fn stmts(&mut self, mut line_has_code: bool) -> Vec<Stmt> {
        let mut stmts = Vec::new();
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
                    stmts.push(Stmt::Error(span));
                    line_has_code = true;
                }
                '\n' => {
                    if !line_has_code
                        && !stmts.is_empty()
                        && !matches!(stmts.last(), Some(Stmt::Blank(_)))
                    {
                        stmts.push(Stmt::Blank(Span::new(self.pos, self.pos + 1)));
                    }
                    self.pos += 1;
                    line_has_code = false;
                }
                ',' | ';' => {
                    self.pos += 1;
                    line_has_code = true;
                }
                '#' => {
                    stmts.push(Stmt::Comment(self.comment(line_has_code)));
                }
                _ => {
                    let start = self.pos;
                    match self.stmt() {
                        Ok(stmt) => {
                            stmts.push(stmt);
                            if let Err(err) = self.terminator() {
                                self.report_error(err);
                                let skipped = self.recover();
                                stmts.push(Stmt::Error(skipped));
                            }
                        }
                        Err(err) => {
                            self.report_error(err);
                            self.pos = start.max(self.pos);
                            let skipped = self.recover();
                            stmts.push(Stmt::Error(Span::new(start, skipped.end as usize)));
                        }
                    }
                    line_has_code = true;
                }
            }
        }
        stmts
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
                "expected the end of the statement",
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
    fn stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let word = self.ident_token("expected a statement")?;
        let after_word = self.pos;
        self.skip_inline();
        let next = self.peek();
        let next_starts_ident = next.is_some_and(lexical::is_ident_start);
        let head_follows = next_starts_ident || matches!(next, Some('"' | '{'));
        if let Some(kind) = DeclKind::from_keyword(word).filter(|_| head_follows) {
            self.decl(kind, start).map(Stmt::Decl)
        } else if word == "review" && matches!(next, Some('"' | '{')) {
            self.record(RecordKind::Review, start).map(Stmt::Record)
        } else if word == "nfr" && matches!(next, Some('{')) {
            self.record(RecordKind::Nfr, start).map(Stmt::Record)
        } else if let Some(kind) = RecordKind::from_keyword(word).filter(|_| head_follows) {
            self.record(kind, start).map(Stmt::Record)
        } else if next == Some(':') {
            self.pos = start;
            self.attr().map(Stmt::Attr)
        } else if lexical::arrow(self.rest()).is_ok() {
            self.pos = start;
            self.connection().map(Stmt::Connection)
        } else {
            self.pos = after_word;
            self.skip_inline();
            Err(self.unknown_statement(word, start, next_starts_ident))
        }
    }

    /// decl := DECL_KEYWORD ident string? block?
    fn decl(&mut self, kind: DeclKind, start: usize) -> PResult<Decl> {
        let keyword_span = Span::new(start, start + kind.keyword().len());
        let id = self.ident(&format!("expected an ID after `{}`", kind.keyword()))?;
        let label = self.opt_string()?;
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
        self.skip_inline();
        let id = match self.peek() {
            Some(c) if lexical::is_ident_start(c) => Some(self.ident("expected an ID")?),
            _ => None,
        };
        let text = self.opt_string()?;
        if text.is_none() && !matches!(kind, RecordKind::Review | RecordKind::Nfr) {
            return Err(self.error_here(
                &format!("expected the {}'s text in quotes", kind.keyword()),
                &format!(
                    "write `{} \"What it says\"`, optionally with an ID before the text",
                    kind.keyword()
                ),
            ));
        }
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
        self.skip_inline();
        if self.peek() == Some(':') {
            self.pos += 1;
            methods.push(self.method()?);
            while self.method_follows() {
                self.pos += 1;
                methods.push(self.method()?);
            }
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
        match lexical::ident(self.rest()) {
            Ok((rest, name)) => {
                self.advance_to(rest);
                Ok(Ident {
                    name: name.to_string(),
                    span: Span::new(start, self.pos),
                })
            }
            Err(_) => Err(self.error_here(
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
            self.skip_space_and_comments();
            if self.peek() == Some(']') {
                self.pos += 1;
                break;
            }
            if self.peek().is_none() {
                return Err(SyntaxError {
                    span: Span::new(start, start + 1),
                    message: "this `[` is never closed".into(),
                    help: "add the matching `]`".into(),
                });
            }
            items.push(self.scalar()?);
            self.skip_space_and_comments();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
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
        if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-') {
            let end = self.pos + text.len();
            return Err(SyntaxError {
                span: Span::new(self.pos, end + 1),
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
        let (rest, name) = lexical::ident(self.rest()).map_err(|_| {
            self.error_here(
                expected,
                "IDs start with a letter or `_` and contain letters, digits, `_` and inner `-`",
            )
        })?;
        self.advance_to(rest);
        Ok(name)
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
        self.skip_inline();
        if self.peek() == Some('"') {
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

    /// comment := "#" ( any character but NEWLINE )*
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
                b'#' => {
                    let end = self.src[self.pos..]
                        .find('\n')
                        .map_or(bytes.len(), |i| self.pos + i);
                    self.pos = end;
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(bytes.len());
        Span::new(start, self.pos)
    }

    /// Moves to the closing quote of a string (or the end of its line).
    fn skip_string_like(&mut self) {
        let bytes = self.src.as_bytes();
        let mut i = self.pos + 1;
        while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
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
    fn method_follows(&mut self) -> bool {
        self.skip_inline();
        if self.peek() != Some(',') {
            return false;
        }
        let after = lexical::inline_space(&self.rest()[1..]);
        match lexical::ident(after) {
            Ok((rest, _)) => {
                let rest = lexical::inline_space(rest);
                !(rest.starts_with(':') || lexical::arrow(rest).is_ok())
            }
            Err(_) => false,
        }
    }

    fn unknown_statement(&self, word: &str, start: usize, ident_follows: bool) -> SyntaxError {
        let span = Span::new(start, start + word.len());
        let keywords = DeclKind::ALL
            .iter()
            .map(|k| k.keyword())
            .chain(RecordKind::ALL.iter().map(|k| k.keyword()));
        if ident_follows && let Some(keyword) = nearest(word, keywords) {
            return SyntaxError {
                span,
                message: format!("unknown keyword `{word}`"),
                help: format!("did you mean `{keyword}`?"),
            };
        }
        let found = self
            .peek()
            .map_or("the end of the input".to_string(), |c| format!("`{c}`"));
        SyntaxError {
            span: Span::new(self.pos, self.pos + self.peek().map_or(0, char::len_utf8)),
            message: format!("expected `:` or an arrow after `{word}`, found {found}"),
            help: "write an attribute as `key: value`, a connection as `a -> b : rest`, or a \
                   declaration as `system id \"Label\"`"
                .into(),
        }
    }

    fn error_here(&self, message: &str, help: &str) -> SyntaxError {
        let len = self.peek().filter(|&c| c != '\n').map_or(0, char::len_utf8);
        SyntaxError {
            span: Span::new(self.pos, self.pos + len),
            message: message.into(),
            help: help.into(),
        }
    }

    fn report(&mut self, span: Span, message: &str, help: &str) {
        self.diagnostics
            .push(Diagnostic::error(rules::SYNTAX, span, message).with_help(help));
    }

    fn report_error(&mut self, err: SyntaxError) {
        self.diagnostics
            .push(Diagnostic::error(rules::SYNTAX, err.span, err.message).with_help(err.help));
    }
}
