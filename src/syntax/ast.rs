//! The syntax tree: what the user wrote, in order, with byte spans, comments and blank lines.
//!
//! The tree is complete enough to print back (see `format`): nothing here is resolved or
//! checked against the schema; that is the model's job.

use crate::source::Span;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    pub stmts: Vec<Stmt>,
    /// Comments that stand inside a statement (in a list, between a head and its `{`)
    /// rather than on a line of their own or at a statement's end. The formatter has no
    /// canonical place for them and refuses to move them.
    pub inner_comments: Vec<Span>,
}

/// One statement of a block or of the file's top level.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    Decl(Decl),
    Connection(Connection),
    Record(Record),
    Attr(Attr),
    Comment(Comment),
    /// One or more empty lines between two statements.
    Blank(Span),
    /// Text that did not parse; a `syntax` diagnostic covers it.
    Error(Span),
}

impl Stmt {
    pub fn span(&self) -> Span {
        match self {
            Stmt::Decl(d) => d.span,
            Stmt::Connection(c) => c.span,
            Stmt::Record(r) => r.span,
            Stmt::Attr(a) => a.span,
            Stmt::Comment(c) => c.span,
            Stmt::Blank(span) | Stmt::Error(span) => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal: `value` is decoded (escapes applied).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Str {
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeclKind {
    Customer,
    Solution,
    Group,
    System,
    Module,
    Person,
}

impl DeclKind {
    pub const ALL: [DeclKind; 6] = [
        DeclKind::Customer,
        DeclKind::Solution,
        DeclKind::Group,
        DeclKind::System,
        DeclKind::Module,
        DeclKind::Person,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Customer => "customer",
            DeclKind::Solution => "solution",
            DeclKind::Group => "group",
            DeclKind::System => "system",
            DeclKind::Module => "module",
            DeclKind::Person => "person",
        }
    }

    pub fn from_keyword(word: &str) -> Option<DeclKind> {
        // A match rather than a search of ALL: the parser asks this of every statement.
        Some(match word {
            "customer" => DeclKind::Customer,
            "solution" => DeclKind::Solution,
            "group" => DeclKind::Group,
            "system" => DeclKind::System,
            "module" => DeclKind::Module,
            "person" => DeclKind::Person,
            _ => return None,
        })
    }
}

/// `KIND ID "Label"? { ... }?`
#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub keyword_span: Span,
    pub id: Ident,
    pub label: Option<Str>,
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Review,
    Nfr,
    Gap,
    Risk,
    Prerequisite,
    Step,
    Question,
}

impl RecordKind {
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Review,
        RecordKind::Nfr,
        RecordKind::Gap,
        RecordKind::Risk,
        RecordKind::Prerequisite,
        RecordKind::Step,
        RecordKind::Question,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            RecordKind::Review => "review",
            RecordKind::Nfr => "nfr",
            RecordKind::Gap => "gap",
            RecordKind::Risk => "risk",
            RecordKind::Prerequisite => "prerequisite",
            RecordKind::Step => "step",
            RecordKind::Question => "question",
        }
    }

    pub fn from_keyword(word: &str) -> Option<RecordKind> {
        Some(match word {
            "review" => RecordKind::Review,
            "nfr" => RecordKind::Nfr,
            "gap" => RecordKind::Gap,
            "risk" => RecordKind::Risk,
            "prerequisite" => RecordKind::Prerequisite,
            "step" => RecordKind::Step,
            "question" => RecordKind::Question,
            _ => return None,
        })
    }
}

/// `review "Title" {..}`, `nfr {..}`, or `gap|risk|prerequisite|step|question ID? "Text" {..}?`
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub kind: RecordKind,
    pub keyword_span: Span,
    pub id: Option<Ident>,
    pub text: Option<Str>,
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arrow {
    /// `->`
    Forward,
    /// `<-`
    Backward,
    /// `<->`
    Both,
    /// `--`
    Undirected,
}

impl Arrow {
    pub fn as_str(self) -> &'static str {
        match self {
            Arrow::Forward => "->",
            Arrow::Backward => "<-",
            Arrow::Both => "<->",
            Arrow::Undirected => "--",
        }
    }
}

/// `FROM ARROW TO (: METHOD ("," METHOD)*)? "Label"? { ... }?`
#[derive(Clone, Debug, PartialEq)]
pub struct Connection {
    pub from: Ident,
    pub arrow: Arrow,
    pub arrow_span: Span,
    pub to: Ident,
    pub methods: Vec<Ident>,
    pub label: Option<Str>,
    pub body: Option<Block>,
    pub span: Span,
}

/// `{ statements }`
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
    /// Written on a single line: the formatter keeps such a block of attributes inline.
    pub single_line: bool,
}

/// `key: value`
#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    pub key: Ident,
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    Ident(String),
    Str(String),
    /// As written, e.g. `42` or `3.5`.
    Number(String),
    /// `YYYY-MM-DD` as written; whether the day exists is checked by the model.
    Date(String),
    List(Vec<Value>),
}

/// `# text` — `text` is everything after `#` to the end of the line, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
    /// Stands at the end of a line after other code (after a statement, or after `{`).
    pub trailing: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip() {
        for kind in DeclKind::ALL {
            assert_eq!(DeclKind::from_keyword(kind.keyword()), Some(kind));
        }
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_keyword(kind.keyword()), Some(kind));
        }
        assert_eq!(DeclKind::from_keyword("gap"), None);
        assert_eq!(RecordKind::from_keyword("system"), None);
    }
}
