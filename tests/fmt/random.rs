//! A generator of random but valid `.arch` texts in every layout the parser accepts: odd
//! spacing and tabs, `,` and `;` separators, one-line and multi-line blocks, a `{` on the
//! line after its head, own-line and trailing comments, blank-line runs, escapes spelled
//! several ways, CRLF line ends. Deterministic: the same seed gives the same text.

pub use crate::support::{Pick, Rng};

const IDS: &[&str] = &[
    "erp",
    "orders_db",
    "identity-provider",
    "a1",
    "_x",
    "system",
    "gap",
    "review",
    "nfr",
    "core",
    "okta",
    "b-2-c",
];
const KEYS: &[&str] = &[
    "kind",
    "owner",
    "data",
    "frequency",
    "allow",
    "description",
    "status",
    "criticality",
    "supports",
    "system",
    "review",
    "gap",
    "weird_key",
];
const DECLS: &[&str] = &[
    "customer", "solution", "group", "system", "module", "person",
];
const RECORDS: &[&str] = &["gap", "risk", "prerequisite", "step", "question"];
const ARROWS: &[&str] = &["->", "<-", "<->", "--"];
const METHODS: &[&str] = &["rest", "etl", "cdc", "saml", "kafka", "jdbc", "nosuch"];
const COMMENT_TEXTS: &[&str] = &[
    "",
    " note",
    "  indented note ",
    "#double",
    " { braces } and \"quotes\"",
    " é ü 😀",
    "\ttab",
    " trailing spaces   ",
];

/// Builds one random file.
pub fn file(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng::with_seed(seed),
        out: String::new(),
    };
    let count = 1 + g.rng.below(12);
    g.stmts(count, 0);
    if g.rng.chance(15) {
        g.out = g.out.replace('\n', "\r\n");
    }
    if g.rng.chance(20) {
        // No final newline.
        while g.out.ends_with(['\n', '\r']) {
            g.out.pop();
        }
    }
    g.out
}

struct Gen {
    rng: Rng,
    out: String,
}

impl Gen {
    /// `count` statements, one or more a line, with comments and blank lines between.
    fn stmts(&mut self, count: usize, depth: usize) {
        let mut i = 0;
        while i < count {
            if self.rng.chance(15) {
                self.indent(depth);
                self.comment();
                self.out.push('\n');
            }
            if self.rng.chance(15) {
                for _ in 0..1 + self.rng.below(3) {
                    if self.rng.chance(30) {
                        self.out.push_str(" \t");
                    }
                    self.out.push('\n');
                }
            }
            self.indent(depth);
            let mut joinable = self.stmt(depth);
            i += 1;
            // More statements on the same line, after `;` or `,`.
            while joinable.is_some() && i < count && self.rng.chance(20) {
                self.space_maybe();
                let sep = match joinable {
                    Some(Join::AnySeparator) => self.rng.pick(&[",", ";"]),
                    _ => ";",
                };
                self.out.push_str(sep);
                self.space_maybe();
                joinable = self.stmt(depth);
                i += 1;
            }
            if self.rng.chance(20) {
                self.spaces();
                self.comment();
            } else if self.rng.chance(10) {
                self.out.push_str(self.rng.pick(&[" ", "\t", "  "]));
            }
            self.out.push('\n');
        }
    }

    /// One statement; says what may follow it on the same line.
    fn stmt(&mut self, depth: usize) -> Option<Join> {
        match self.rng.below(if depth > 3 { 2 } else { 5 }) {
            0 | 1 => {
                self.attr();
                Some(Join::AnySeparator)
            }
            2 => self.decl(depth),
            3 => self.connection(depth),
            _ => self.record(depth),
        }
    }

    fn attr(&mut self) {
        let key = self.rng.pick(KEYS);
        self.out.push_str(key);
        self.space_maybe();
        self.out.push(':');
        self.space_maybe();
        self.value();
    }

    fn value(&mut self) {
        match self.rng.below(6) {
            0 => self.scalar(),
            1 => {
                let n = self.rng.below(4);
                self.out.push('[');
                for k in 0..n {
                    self.space_maybe();
                    self.scalar();
                    self.space_maybe();
                    if k + 1 < n || self.rng.chance(20) {
                        self.out.push(',');
                    }
                }
                self.space_maybe();
                self.out.push(']');
            }
            _ => self.scalar(),
        }
    }

    fn scalar(&mut self) {
        match self.rng.below(5) {
            0 => self.string(),
            1 => {
                let number = self.rng.pick(&["0", "42", "3.5", "007"]);
                self.out.push_str(number);
            }
            2 => {
                let date = self.rng.pick(&["2026-11-20", "2026-02-30", "1999-01-01"]);
                self.out.push_str(date);
            }
            _ => {
                let id = self.rng.pick(IDS);
                self.out.push_str(id);
            }
        }
    }

    /// A string literal; each character may be written raw or as one of its escapes.
    fn string(&mut self) {
        self.out.push('"');
        for _ in 0..self.rng.below(8) {
            let piece = match self.rng.below(14) {
                0 => "\\\"",
                1 => "\\\\",
                2 => "\\n",
                3 => "\\t",
                4 => "\t",
                5 => "\\u{41}",
                6 => "\\u{1F600}",
                7 => "\\u{7}",
                8 => "\\u{0}",
                9 => "é",
                10 => "#{}",
                11 => " ",
                _ => "text",
            };
            self.out.push_str(piece);
        }
        self.out.push('"');
    }

    fn decl(&mut self, depth: usize) -> Option<Join> {
        let kind = self.rng.pick(DECLS);
        self.out.push_str(kind);
        self.spaces();
        let id = self.rng.pick(IDS);
        self.out.push_str(id);
        if self.rng.chance(60) {
            self.space_maybe();
            self.string();
        }
        self.body_maybe(depth, true)
    }

    fn connection(&mut self, depth: usize) -> Option<Join> {
        let from = self.rng.pick(IDS);
        self.out.push_str(from);
        self.space_maybe();
        let arrow = self.rng.pick(ARROWS);
        self.out.push_str(arrow);
        self.space_maybe();
        let to = self.rng.pick(IDS);
        self.out.push_str(to);
        let has_methods = self.rng.chance(60);
        if has_methods {
            self.space_maybe();
            self.out.push(':');
            for k in 0..1 + self.rng.below(3) {
                if k > 0 {
                    self.space_maybe();
                    self.out.push(',');
                }
                self.space_maybe();
                let method = self.rng.pick(METHODS);
                self.out.push_str(method);
            }
        }
        if self.rng.chance(40) {
            self.space_maybe();
            self.string();
        }
        // After a method list a `,` would read as one more method.
        match self.body_maybe(depth, true) {
            Some(_) if has_methods => Some(Join::SemicolonOnly),
            other => other,
        }
    }

    fn record(&mut self, depth: usize) -> Option<Join> {
        match self.rng.below(4) {
            0 => {
                self.out.push_str("review");
                if self.rng.chance(50) {
                    self.space_maybe();
                    self.string();
                    return self.body_maybe(depth, true);
                }
                self.space_maybe();
                self.block(depth)
            }
            1 => {
                self.out.push_str("nfr");
                self.space_maybe();
                self.block(depth)
            }
            _ => {
                let kind = self.rng.pick(RECORDS);
                self.out.push_str(kind);
                if self.rng.chance(40) {
                    self.spaces();
                    let id = self.rng.pick(IDS);
                    self.out.push_str(id);
                }
                self.space_maybe();
                self.string();
                self.body_maybe(depth, true)
            }
        }
    }

    /// Maybe a block, maybe on the next line (`newline_ok`).
    fn body_maybe(&mut self, depth: usize, newline_ok: bool) -> Option<Join> {
        if !self.rng.chance(60) {
            return Some(Join::AnySeparator);
        }
        if newline_ok && self.rng.chance(10) {
            self.out.push('\n');
            self.indent(depth);
        } else {
            self.space_maybe();
        }
        self.block(depth)
    }

    /// A block: on one line (attributes, sometimes a bare declaration) or over several.
    fn block(&mut self, depth: usize) -> Option<Join> {
        self.out.push('{');
        match self.rng.below(4) {
            0 => {}
            1 => {
                let n = 1 + self.rng.below(4);
                for k in 0..n {
                    self.space_maybe();
                    if k > 0 {
                        let sep = self.rng.pick(&[",", ";"]);
                        self.out.push_str(sep);
                        self.space_maybe();
                    }
                    if self.rng.chance(10) {
                        let kind = self.rng.pick(DECLS);
                        let id = self.rng.pick(IDS);
                        self.out.push_str(&format!("{kind} {id}"));
                    } else {
                        self.attr();
                    }
                }
                self.space_maybe();
            }
            _ => {
                if self.rng.chance(20) {
                    self.spaces();
                    self.comment();
                }
                self.out.push('\n');
                let n = self.rng.below(5);
                self.stmts(n, depth + 1);
                self.indent(depth);
            }
        }
        self.out.push('}');
        Some(Join::AnySeparator)
    }

    fn comment(&mut self) {
        let text = self.rng.pick(COMMENT_TEXTS);
        self.out.push('#');
        self.out.push_str(text);
    }

    fn indent(&mut self, depth: usize) {
        let unit = self.rng.pick(&["  ", "    ", "\t", " ", ""]);
        for _ in 0..depth {
            self.out.push_str(unit);
        }
    }

    /// At least one space (where two tokens would otherwise run together).
    fn spaces(&mut self) {
        let space = self.rng.pick(&[" ", " ", " ", "  ", "\t", " \t "]);
        self.out.push_str(space);
    }

    /// Nothing, or some space (where tokens may touch).
    fn space_maybe(&mut self) {
        let space = self.rng.pick(&["", " ", " ", " ", "   ", "\t"]);
        self.out.push_str(space);
    }
}

/// What may join the next statement on the same line.
#[derive(Clone, Copy)]
enum Join {
    AnySeparator,
    SemicolonOnly,
}
