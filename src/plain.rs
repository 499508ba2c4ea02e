//! Plain text: takes the Markdown of a letter and returns it as the plain text of an email
//! body: no Markdown escapes or markers, paragraphs wrapped at [`WIDTH`] characters, hard line
//! breaks kept, list items with a hanging indent, links as "text (address)".
//!
//! Only what letters use is needed, but any Markdown comes out readable: headings and
//! emphasis lose their markers, block quotes are indented, code is kept as written.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The longest line of a wrapped paragraph, in characters: what email clients show without
/// rewrapping, with room for one level of quoting in a reply.
pub const WIDTH: usize = 72;

/// The Markdown `markdown` as plain text, ending with one newline.
#[must_use]
pub fn plain(markdown: &str) -> String {
    let mut text = Text::default();
    for event in Parser::new(markdown) {
        text.event(event);
    }
    text.flush();
    let mut out = join_blocks(&text.blocks);
    out.push('\n');
    out
}

/// The plain text being built: finished blocks, and the paragraph being gathered.
#[derive(Default)]
struct Text {
    /// Finished blocks (paragraphs, list items), wrapped.
    blocks: Vec<String>,
    /// The paragraph being gathered, as lines split at hard breaks.
    lines: Vec<String>,
    /// The indent of each open list item or block quote.
    indents: Vec<String>,
    /// The next number of each open list (`None` for a bulleted one).
    numbers: Vec<Option<u64>>,
    /// The address of each open link.
    urls: Vec<String>,
    /// The marker (`- `, `1. `) of a list item whose first line is not written yet.
    marker: Option<String>,
    /// Whether an item has just started, so its first paragraph joins the marker's line.
    item_start: bool,
}

impl Text {
    fn line(&mut self) -> &mut String {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.last_mut().expect("a line was just pushed")
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(text) | Event::Code(text) => self.line().push_str(&text),
            Event::SoftBreak => self.line().push(' '),
            Event::HardBreak => self.lines.push(String::new()),
            Event::Start(Tag::Link { dest_url, .. }) => self.urls.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = self.urls.pop() {
                    let line = self.line();
                    if !line.ends_with(url.as_str()) {
                        line.push_str(&format!(" ({url})"));
                    }
                }
            }
            Event::Start(Tag::List(start)) => {
                self.flush();
                self.numbers.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.numbers.pop();
                self.blocks.push(LIST_END.to_owned());
            }
            Event::Start(Tag::Item) => {
                self.flush();
                let marker = match self.numbers.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "- ".to_owned(),
                };
                self.indents.push(" ".repeat(marker.chars().count()));
                self.marker = Some(marker);
                self.item_start = true;
            }
            Event::Start(Tag::BlockQuote(_)) => self.indents.push("> ".into()),
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => {
                self.flush();
                self.indents.pop();
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) => {
                if !self.item_start {
                    self.flush();
                }
                self.item_start = false;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => self.flush(),
            Event::Rule => {
                self.flush();
                self.blocks.push("-".repeat(WIDTH / 3));
            }
            _ => {}
        }
    }

    /// Wraps the gathered paragraph into a block, under the open indents.
    fn flush(&mut self) {
        let lines = std::mem::take(&mut self.lines);
        let marker = self.marker.take();
        if lines.iter().all(|l| l.trim().is_empty()) {
            self.marker = marker;
            return;
        }
        let indent: String = self.indents.concat();
        let first_indent = match &marker {
            Some(marker) => format!(
                "{}{marker}",
                &indent[..indent.len().saturating_sub(marker.len())]
            ),
            None => indent.clone(),
        };
        let mut out = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let lead = if n == 0 {
                first_indent.as_str()
            } else {
                indent.as_str()
            };
            out.extend(wrap(line.trim(), lead, &indent));
        }
        self.blocks.push(out.join("\n"));
    }
}

/// Marks the end of a list among the blocks.
const LIST_END: &str = "\u{0}";

/// Blocks separated by a blank line, except the items of one list, which follow each other.
fn join_blocks(blocks: &[String]) -> String {
    let item = |b: &str| {
        let t = b.trim_start();
        t.starts_with("- ")
            || t.split_once(". ")
                .is_some_and(|(d, _)| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()))
    };
    let mut out = String::new();
    let mut previous: Option<&str> = None;
    for block in blocks {
        if block == LIST_END {
            previous = None;
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            continue;
        }
        match previous {
            Some(before) if item(before) && item(block) => out.push('\n'),
            Some(_) => out.push_str("\n\n"),
            None => {}
        }
        out.push_str(block);
        previous = Some(block);
    }
    out.trim_end().to_owned()
}

/// `text` broken into lines of at most [`WIDTH`] characters at spaces (a longer word gets a
/// line of its own), the first line led by `first`, the others by `rest`.
fn wrap(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && needed > WIDTH {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line.trim_end().to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_markers_go_and_hard_breaks_stay() {
        let markdown = "Maya Lindqvist\\\nCapitol Bakery \\& Café LLC\\\n\\*Acme\\* \\<b\\>\\#1\\</b\\>\n\n**Invoice 2026-014**\n\nDear Daniel,\n";
        assert_eq!(
            plain(markdown),
            "Maya Lindqvist\nCapitol Bakery & Café LLC\n*Acme* <b>#1</b>\n\nInvoice 2026-014\n\nDear Daniel,\n"
        );
    }

    #[test]
    fn paragraphs_wrap_and_list_items_hang() {
        let markdown = "The balance due today is $6,601.99: the invoiced amount of $6,400.00 and the late fee of $201.99 under section 6 of our agreement.\n\n- invoice 2026-014, due March 2, 2026: $6,400.00\n- late fee under section 6 of our agreement, to May 5, 2026, for each day of the delay: $201.99\n\n1. one\n2. two\n\nSee [the site](https://example.com).\n";
        assert_eq!(
            plain(markdown),
            "The balance due today is $6,601.99: the invoiced amount of $6,400.00 and
the late fee of $201.99 under section 6 of our agreement.

- invoice 2026-014, due March 2, 2026: $6,400.00
- late fee under section 6 of our agreement, to May 5, 2026, for each
  day of the delay: $201.99

1. one
2. two

See the site (https://example.com).
"
        );
        for line in plain(markdown).lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
    }

    #[test]
    fn a_long_word_gets_its_own_line() {
        let long = "x".repeat(WIDTH + 5);
        assert_eq!(
            plain(&format!("see {long} now")),
            format!("see\n{long}\nnow\n")
        );
    }
}
