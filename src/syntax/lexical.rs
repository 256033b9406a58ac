//! Leaf parsers (nom): identifiers, strings, dates, numbers, arrows, comments, white space.
//!
//! Each takes the rest of the input and returns the rest after the token, so that the
//! caller can compute byte offsets as `source.len() - rest.len()`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while, take_while_m_n},
    character::complete::{char, digit1},
    combinator::{opt, recognize},
    sequence::pair,
};

use crate::syntax::ast::Arrow;

/// Where a string literal went wrong: byte offset from the literal's start, and why.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct StringError {
    pub offset: usize,
    pub len: usize,
    pub message: &'static str,
    pub help: &'static str,
}

pub(crate) fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// ident := IDENT
///
/// A `-` belongs to the identifier only between two letters or digits, so `a->b` is three
/// tokens. Scans bytes by hand: this is the hottest leaf, and every byte it accepts is ASCII.
pub(crate) fn ident(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    if !bytes
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    let mut end = 1;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || b == b'_' {
            end += 1;
        } else if b == b'-'
            && bytes[end - 1].is_ascii_alphanumeric()
            && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            end += 2;
        } else {
            break;
        }
    }
    Ok((&input[end..], &input[..end]))
}

/// arrow := "->" | "<-" | "<->" | "--"
pub(crate) fn arrow(input: &str) -> IResult<&str, Arrow> {
    alt((
        tag("<->").map(|_| Arrow::Both),
        tag("->").map(|_| Arrow::Forward),
        tag("<-").map(|_| Arrow::Backward),
        tag("--").map(|_| Arrow::Undirected),
    ))
    .parse(input)
}

/// date := DATE
pub(crate) fn date(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        char('-'),
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        char('-'),
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
    ))
    .parse(input)
    .and_then(|(rest, text)| {
        // `2026-11-200` is not a date followed by `0`.
        if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        } else {
            Ok((rest, text))
        }
    })
}

/// number := NUMBER
pub(crate) fn number(input: &str) -> IResult<&str, &str> {
    recognize(pair(digit1, opt(pair(char('.'), digit1)))).parse(input)
}

/// comment := "#" ( CHAR - NEWLINE )*
///
/// Returns the text after `#`, without a trailing `\r`.
pub(crate) fn comment(input: &str) -> IResult<&str, &str> {
    let (rest, _) = char('#').parse(input)?;
    let (rest, text) = take_while(|c| c != '\n').parse(rest)?;
    Ok((rest, text.strip_suffix('\r').unwrap_or(text)))
}

/// Spaces, tabs and carriage returns: everything that separates tokens on one line.
pub(crate) fn inline_space(input: &str) -> &str {
    input.trim_start_matches([' ', '\t', '\r'])
}

/// string := STRING
///
/// Returns the rest after the closing quote and the decoded value.
pub(crate) fn string(input: &str) -> Result<(&str, String), StringError> {
    let body = input.strip_prefix('"').ok_or(StringError {
        offset: 0,
        len: 0,
        message: "expected a string",
        help: "write text in double quotes",
    })?;
    let unterminated = StringError {
        offset: 0,
        len: 1,
        message: "unterminated string",
        help: "close the string with `\"` on the same line; strings cannot span lines",
    };
    // Most strings have no escape: copy them whole rather than character by character.
    if let Some(end) = body.find(['"', '\\', '\n'])
        && body[end..].starts_with('"')
    {
        return Ok((&body[end + 1..], body[..end].to_string()));
    }
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((&body[i + 1..], value)),
            '\n' => return Err(unterminated),
            // A backslash at the end of the line escapes nothing: the string is unterminated.
            '\\' if ends_line(&body[i + 1..]) => {
                return Err(unterminated);
            }
            '\\' => {
                let after = &body[i + 1..];
                let decoded = escape(after).map_err(|len| escape_error(1 + i, len + 1, after))?;
                value.push(decoded.0);
                for _ in 0..decoded.1 {
                    chars.next();
                }
            }
            c => value.push(c),
        }
    }
    Err(unterminated)
}

/// The error for a bad escape at `offset` (its backslash), `len` bytes long.
fn escape_error(offset: usize, len: usize, after: &str) -> StringError {
    if after.starts_with('u') {
        StringError {
            offset,
            len,
            message: "invalid unicode escape in string",
            help: "write `\\u{...}` with 1 to 6 hex digits that name a Unicode character, e.g. \
                   `\\u{1F600}` (D800 to DFFF and values above 10FFFF are not characters)",
        }
    } else {
        StringError {
            offset,
            len,
            message: "unknown escape in string",
            help: "the escapes are \\\" \\\\ \\n \\t and \\u{...}; write a backslash as \\\\",
        }
    }
}

/// Whether nothing but the end of the line (or of the input) follows.
fn ends_line(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n")
}

/// Decodes the escape after a backslash: the character and how many chars it used.
/// On error, the number of bytes to underline.
fn escape(after: &str) -> Result<(char, usize), usize> {
    let mut it = after.chars();
    match it.next() {
        Some('"') => Ok(('"', 1)),
        Some('\\') => Ok(('\\', 1)),
        Some('n') => Ok(('\n', 1)),
        Some('t') => Ok(('\t', 1)),
        Some('u') => unicode_escape(after),
        Some(other) => Err(other.len_utf8()),
        None => Err(0),
    }
}

/// `u{1F600}` → the character and the chars used (`u`, braces, digits).
fn unicode_escape(after: &str) -> Result<(char, usize), usize> {
    let rest = after[1..].strip_prefix('{').ok_or(1usize)?;
    let digits_len = rest
        .find(|c: char| !c.is_ascii_hexdigit())
        .unwrap_or(rest.len());
    let digits = &rest[..digits_len];
    let closed = rest[digits_len..].starts_with('}');
    // `u`, `{`, the digits and `}` are all ASCII: chars used and bytes underlined agree.
    let used = 3 + digits_len;
    if !closed || digits.is_empty() || digits.len() > 6 {
        return Err(2 + digits_len + usize::from(closed));
    }
    u32::from_str_radix(digits, 16)
        .ok()
        .and_then(char::from_u32)
        .map(|c| (c, used))
        .ok_or(used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(ident("orders_db rest"), Ok((" rest", "orders_db")));
        assert_eq!(ident("identity-provider}"), Ok(("}", "identity-provider")));
        assert_eq!(ident("a->b"), Ok(("->b", "a")));
        assert_eq!(ident("a--b"), Ok(("--b", "a")));
        assert_eq!(ident("a-1"), Ok(("", "a-1")));
        assert_eq!(ident("a_-b"), Ok(("-b", "a_")));
        assert_eq!(ident("x-"), Ok(("-", "x")));
        assert!(ident("1abc").is_err());
        assert!(ident("").is_err());
    }

    #[test]
    fn arrows() {
        assert_eq!(arrow("<->b"), Ok(("b", Arrow::Both)));
        assert_eq!(arrow("<-b"), Ok(("b", Arrow::Backward)));
        assert_eq!(arrow("->b"), Ok(("b", Arrow::Forward)));
        assert_eq!(arrow("--b"), Ok(("b", Arrow::Undirected)));
        assert!(arrow("-b").is_err());
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(date("2026-11-20 "), Ok((" ", "2026-11-20")));
        assert!(date("2026-11-200").is_err());
        assert!(date("2026-1-20").is_err());
        assert_eq!(number("3.5x"), Ok(("x", "3.5")));
        assert_eq!(number("42."), Ok((".", "42")));
    }

    #[test]
    fn strings() {
        assert_eq!(string(r#""a\"b" x"#), Ok((" x", "a\"b".to_string())));
        assert_eq!(
            string(r#""\u{1F600}\t""#),
            Ok(("", "\u{1F600}\t".to_string()))
        );
        assert_eq!(string("\"é\""), Ok(("", "é".to_string())));
        assert_eq!(string(r#""a\qb""#).unwrap_err().offset, 2);
        assert_eq!(string(r#""\u{110000}""#).unwrap_err().offset, 1);
        let open = string("\"\\u{Café\"").unwrap_err();
        assert_eq!(
            (open.offset, open.len),
            (1, 6),
            "`\\u{{Caf`, not into the `é`"
        );
        assert_eq!(
            string("\"abc\ndef\"").unwrap_err().message,
            "unterminated string"
        );
        assert_eq!(string("\"abc").unwrap_err().message, "unterminated string");
        assert_eq!(string("\"\\").unwrap_err().message, "unterminated string");
        assert_eq!(
            string("\"a\\\nb\"").unwrap_err().message,
            "unterminated string"
        );
    }

    #[test]
    fn comments() {
        assert_eq!(comment("# hi\r\nx"), Ok(("\nx", " hi")));
    }
}
