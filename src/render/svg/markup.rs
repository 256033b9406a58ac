//! Prints a `svg` crate document: the same bytes as its `Display`, in a fraction of the time.
//!
//! The crate's `Display` collects and sorts each element's attributes into a new vector, and
//! escapes every attribute value and text with five chained `str::replace` calls, each of them
//! allocating a new string. On a diagram of a few hundred boxes that was a tenth of
//! `archc render`'s time, and a third of it for a ten-box diagram. This walks the same tree
//! through the crate's own accessors (`get_name`, `get_attributes`, `get_children`,
//! `is_bare`, `is_bareable`) and escapes in one pass into one buffer. A test holds it to the
//! crate's output byte for byte.
//!
//! One difference, on purpose: characters that XML forbids (control characters, U+FFFE,
//! U+FFFF; see [`crate::printable`]) become U+FFFD here, in attributes and text alike, where
//! the crate would write them raw and make the document unreadable to every XML parser.

use std::borrow::Cow;
use std::fmt::Write as _;

use svg::Node;

use crate::printable::replace_unprintable;

/// The document as text, exactly as `document.to_string()` would print it.
pub(crate) fn to_string(document: &svg::Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    write_node(&mut out, document);
    out
}

fn write_node(out: &mut String, node: &(impl Node + ?Sized)) {
    let Some(attributes) = node.get_attributes() else {
        // Text, comments and blobs have no attributes: their own `Display` is cheap.
        let start = out.len();
        let _ = write!(out, "{node}");
        replace_unprintable_after(out, start);
        return;
    };
    let name = node.get_name();
    out.push('<');
    out.push_str(name);
    let mut sorted: Vec<_> = attributes.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (key, value) in sorted {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_into(out, value);
        out.push('"');
    }
    let children = node.get_children().map_or(&[][..], |c| c.as_slice());
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    // The crate prints a "bareable" element (the root `<svg>`, `<text>`, `<style>`) in its
    // alternate form, in which even bare children (text) go on lines of their own; the
    // children themselves are printed in the plain form.
    let alternate = node.is_bareable();
    let mut bare = false;
    for child in children {
        bare = child.is_bare() && !alternate;
        if !bare {
            out.push('\n');
        }
        write_node(out, child.as_ref());
    }
    if !bare {
        out.push('\n');
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Replaces what XML forbids in `out[start..]`, which is nearly always clean: then nothing
/// is copied.
fn replace_unprintable_after(out: &mut String, start: usize) {
    if let Cow::Owned(clean) = replace_unprintable(&out[start..]) {
        out.truncate(start);
        out.push_str(&clean);
    }
}

/// The crate's attribute escaping (`&`, `<`, `>`, `"`, `'`), in one pass, and what XML
/// forbids replaced.
fn escape_into(out: &mut String, value: &str) {
    let start = out.len();
    let mut copied = 0;
    for (at, byte) in value.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        // The special characters are ASCII, so `at` is a character boundary.
        out.push_str(&value[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&value[copied..]);
    replace_unprintable_after(out, start);
}

#[cfg(test)]
mod tests {
    use svg::Document;
    use svg::node::element::{Element, Group, Path, Style, Text, Title};
    use svg::node::{Comment, Text as TextNode};

    use super::*;

    fn awkward_document() -> Document {
        let mut label = Element::new("text");
        label.assign("x", 1.5);
        label.append(TextNode::new("a < b & \"c\" 'd' > e"));
        Document::new()
            .set("viewBox", (0, 0, 10, 10))
            .set("data-b", "2")
            .set("data-a", "q\"uo'te & <tag>")
            .add(Title::new("Title & <more>"))
            .add(Comment::new("a comment"))
            .add(Style::new("g > rect { fill: red }"))
            .add(
                Group::new()
                    .set("class", "node")
                    .add(Path::new().set("d", "M0 0L1 1"))
                    .add(label)
                    .add(Group::new()),
            )
            .add(Text::new("bare <text>").set("y", 2))
    }

    #[test]
    fn prints_what_the_crate_prints() {
        let document = awkward_document();
        assert_eq!(to_string(&document), document.to_string());
    }

    #[test]
    fn escapes_every_special_character_once() {
        let mut out = String::new();
        escape_into(&mut out, "&<>\"' plain é &amp;");
        assert_eq!(out, "&amp;&lt;&gt;&quot;&apos; plain é &amp;amp;");
    }

    #[test]
    fn what_xml_forbids_becomes_the_replacement_character() {
        let mut label = Element::new("text");
        label.append(TextNode::new("bell\u{7} esc\u{1b} \u{FFFE}\u{FFFF}"));
        let document = Document::new()
            .set("data-x", "a\u{0}b\u{FFFF}")
            .add(Title::new("t\u{1b}[1m"))
            .add(label);
        let text = to_string(&document);
        assert!(text.contains("data-x=\"a\u{FFFD}b\u{FFFD}\""), "{text}");
        assert!(
            text.contains("bell\u{FFFD} esc\u{FFFD} \u{FFFD}\u{FFFD}"),
            "{text}"
        );
        assert!(text.contains("t\u{FFFD}[1m"), "{text}");
        assert!(
            !text.chars().any(crate::printable::is_unprintable),
            "{text}"
        );
    }
}
