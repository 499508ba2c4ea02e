//! Markdown to blocks: takes the contract's Markdown and returns a flat list of typesetting
//! blocks (headings, paragraphs with their list and quote context, rules, tables, keep-together
//! and signature-block marks), the link targets and the title, after checking every character against the fonts.

use std::sync::OnceLock;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::breaker::{Inline, Span, is_break_space};
use super::metrics::{Style, face};

/// What a paragraph-like block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    /// A heading of the given level (1–6).
    Heading(u8),
    /// Body text.
    Body,
    /// Preformatted text (code block): ragged, lines kept.
    Code,
}

/// A paragraph with its surroundings.
#[derive(Clone, Debug)]
pub struct Para {
    /// What it is.
    pub kind: ParaKind,
    /// Its text.
    pub inlines: Vec<Inline>,
    /// List nesting depth (0 outside lists).
    pub list_depth: usize,
    /// The list marker ("•", "2.") if this paragraph starts a list item.
    pub marker: Option<String>,
    /// Block quote nesting depth.
    pub quote_depth: usize,
    /// Whether it starts a list item that is not the first of its list (tighter spacing).
    pub in_list: bool,
}

/// A table cell's alignment.
pub type Align = Alignment;

/// A pipe table.
#[derive(Clone, Debug)]
pub struct Table {
    /// Column alignments.
    pub align: Vec<Align>,
    /// The header row's cells.
    pub head: Vec<Vec<Inline>>,
    /// The body rows' cells.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Block quote nesting depth.
    pub quote_depth: usize,
    /// List nesting depth.
    pub list_depth: usize,
}

/// A unit of vertical material.
#[derive(Clone, Debug)]
pub enum Block {
    /// A heading or a paragraph.
    Para(Para),
    /// A horizontal rule.
    Rule,
    /// A table.
    Table(Table),
    /// `<!-- keep-together -->`: what follows stays on one page…
    KeepStart,
    /// …up to `<!-- end keep-together -->`.
    KeepEnd,
    /// `<!-- signatures -->`: the paragraphs that follow are the signature block…
    SignStart,
    /// …up to `<!-- end signatures -->`.
    SignEnd,
}

/// The parsed document.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// Link targets; [`Span::link`] indexes into this.
    pub links: Vec<String>,
    /// The plain text of the first level-1 heading.
    pub title: Option<String>,
}

/// A character no embedded face can draw, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The character.
    pub character: char,
    /// 1-based Markdown line.
    pub line: usize,
    /// The word containing it.
    pub word: String,
}

/// Whether every face can draw `c` (word-separating whitespace is never drawn as itself).
#[must_use]
pub fn drawable(c: char) -> bool {
    if c.is_ascii() {
        // Every character of a contract is asked about; the ASCII answers are kept.
        static ASCII: OnceLock<[bool; 128]> = OnceLock::new();
        let table =
            ASCII.get_or_init(|| std::array::from_fn(|k| drawable_by_faces(k as u8 as char)));
        return table[c as usize];
    }
    drawable_by_faces(c)
}

fn drawable_by_faces(c: char) -> bool {
    is_break_space(c) || Style::ALL.iter().all(|&s| face(s).advance(c).is_some())
}

#[derive(Default)]
struct Item {
    marker: String,
    started: bool,
}

#[derive(Default)]
struct State {
    out: Parsed,
    inlines: Vec<Inline>,
    kind: Option<ParaKind>,
    style: Style,
    link: Option<usize>,
    /// One entry per open list: the next number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    items: Vec<Item>,
    quote_depth: usize,
    table: Option<Table>,
    row: Vec<Vec<Inline>>,
    in_head: bool,
    heading_text: String,
}

impl State {
    fn text(&mut self, text: &str) {
        if self.kind.is_none() && self.table.is_none() {
            // Tight list items carry text without a paragraph.
            self.kind = Some(ParaKind::Body);
        }
        if matches!(self.kind, Some(ParaKind::Heading(1))) {
            self.heading_text.push_str(text);
        }
        if let Some(Inline::Text(last)) = self.inlines.last_mut()
            && last.style == self.style
            && last.link == self.link
        {
            last.text.push_str(text);
            return;
        }
        self.inlines.push(Inline::Text(Span {
            text: text.to_owned(),
            style: self.style,
            link: self.link,
        }));
    }

    /// Ends the open paragraph, if any, and appends it.
    fn flush(&mut self) {
        let Some(kind) = self.kind.take() else {
            return;
        };
        let inlines = std::mem::take(&mut self.inlines);
        if inlines.is_empty() {
            return;
        }
        if kind == ParaKind::Heading(1) && self.out.title.is_none() {
            self.out.title = Some(self.heading_text.trim().to_owned());
        }
        let (marker, in_list) = match self.items.last_mut() {
            Some(item) if !item.started => {
                item.started = true;
                (Some(item.marker.clone()), true)
            }
            Some(_) => (None, true),
            None => (None, false),
        };
        self.out.blocks.push(Block::Para(Para {
            kind,
            inlines,
            list_depth: self.lists.len(),
            marker,
            quote_depth: self.quote_depth,
            in_list,
        }));
    }
}

/// Parses the Markdown into blocks, refusing characters the fonts lack.
pub fn parse(markdown: &str) -> Result<Parsed, Missing> {
    if let Some((at, c)) = markdown.char_indices().find(|&(_, c)| !drawable(c)) {
        return Err(missing_at(markdown, at, c));
    }
    Ok(read(markdown))
}

/// Parses the Markdown into blocks, whatever characters it holds (for formats that embed no
/// font, such as DOCX).
#[must_use]
pub fn read(markdown: &str) -> Parsed {
    let mut s = State::default();
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    for event in parser {
        match event {
            Event::Start(tag) => start(&mut s, tag),
            Event::End(tag) => end(&mut s, tag),
            Event::Text(text) | Event::Code(text) => s.text(&text),
            Event::SoftBreak => s.text(" "),
            Event::HardBreak => s.inlines.push(Inline::HardBreak),
            Event::Rule => {
                s.flush();
                s.out.blocks.push(Block::Rule);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let comment = html.trim();
                if comment.starts_with("<!--") {
                    let body = comment
                        .trim_start_matches("<!--")
                        .trim_end_matches("-->")
                        .trim();
                    match body {
                        "keep-together" => {
                            s.flush();
                            s.out.blocks.push(Block::KeepStart);
                        }
                        "end keep-together" => {
                            s.flush();
                            s.out.blocks.push(Block::KeepEnd);
                        }
                        "signatures" => {
                            s.flush();
                            s.out.blocks.push(Block::SignStart);
                        }
                        "end signatures" => {
                            s.flush();
                            s.out.blocks.push(Block::SignEnd);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    s.flush();
    s.out
}

fn start(s: &mut State, tag: Tag<'_>) {
    match tag {
        Tag::Paragraph => {
            s.flush();
            s.kind = Some(ParaKind::Body);
        }
        Tag::Heading { level, .. } => {
            s.flush();
            let level = match level {
                HeadingLevel::H1 => 1,
                HeadingLevel::H2 => 2,
                HeadingLevel::H3 => 3,
                HeadingLevel::H4 => 4,
                HeadingLevel::H5 => 5,
                HeadingLevel::H6 => 6,
            };
            s.heading_text.clear();
            s.kind = Some(ParaKind::Heading(level));
        }
        Tag::CodeBlock(_) => {
            s.flush();
            s.kind = Some(ParaKind::Code);
        }
        Tag::BlockQuote(_) => {
            s.flush();
            s.quote_depth += 1;
        }
        Tag::List(first) => {
            s.flush();
            s.lists.push(first);
        }
        Tag::Item => {
            s.flush();
            let marker = match s.lists.last_mut() {
                Some(Some(n)) => {
                    let m = format!("{n}.");
                    *n += 1;
                    m
                }
                _ => if s.lists.len() > 1 { "–" } else { "•" }.to_owned(),
            };
            s.items.push(Item {
                marker,
                started: false,
            });
        }
        Tag::Emphasis => s.style = s.style.with_italic(!s.style.is_italic()),
        Tag::Strong => s.style = s.style.with_bold(true),
        Tag::Link { dest_url, .. } => {
            s.out.links.push(dest_url.into_string());
            s.link = Some(s.out.links.len() - 1);
        }
        Tag::Table(align) => {
            s.flush();
            s.table = Some(Table {
                align,
                head: Vec::new(),
                rows: Vec::new(),
                quote_depth: s.quote_depth,
                list_depth: s.lists.len(),
            });
        }
        Tag::TableHead => s.in_head = true,
        Tag::TableRow => s.row.clear(),
        Tag::TableCell => {
            s.inlines.clear();
            s.style = if s.in_head {
                Style::Bold
            } else {
                Style::Regular
            };
        }
        _ => {}
    }
}

fn end(s: &mut State, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
            if tag == TagEnd::CodeBlock {
                // Keep the code block's lines as lines.
                for inline in &mut s.inlines {
                    if let Inline::Text(span) = inline {
                        span.text = span.text.trim_end_matches('\n').to_owned();
                    }
                }
                let lines = std::mem::take(&mut s.inlines);
                for inline in lines {
                    if let Inline::Text(span) = inline {
                        for (i, line) in span.text.split('\n').enumerate() {
                            if i > 0 {
                                s.inlines.push(Inline::HardBreak);
                            }
                            s.inlines.push(Inline::Text(Span {
                                text: line.to_owned(),
                                ..span.clone()
                            }));
                        }
                    }
                }
            }
            s.flush();
        }
        TagEnd::BlockQuote(_) => {
            s.flush();
            s.quote_depth = s.quote_depth.saturating_sub(1);
        }
        TagEnd::List(_) => {
            s.flush();
            s.lists.pop();
        }
        TagEnd::Item => {
            s.flush();
            s.items.pop();
        }
        TagEnd::Emphasis => s.style = s.style.with_italic(!s.style.is_italic()),
        TagEnd::Strong => s.style = s.style.with_bold(false),
        TagEnd::Link => s.link = None,
        TagEnd::TableCell => {
            let cell = std::mem::take(&mut s.inlines);
            s.row.push(cell);
            s.style = Style::Regular;
        }
        TagEnd::TableHead => {
            if let Some(table) = &mut s.table {
                table.head = std::mem::take(&mut s.row);
            }
            s.in_head = false;
        }
        TagEnd::TableRow => {
            if let Some(table) = &mut s.table {
                table.rows.push(std::mem::take(&mut s.row));
            }
        }
        TagEnd::Table => {
            if let Some(table) = s.table.take() {
                s.out.blocks.push(Block::Table(table));
            }
        }
        _ => {}
    }
}

fn missing_at(markdown: &str, at: usize, character: char) -> Missing {
    let line = markdown[..at].matches('\n').count() + 1;
    let start = markdown[..at].rfind(is_break_space).map_or(0, |i| {
        i + markdown[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = markdown[at..]
        .find(is_break_space)
        .map_or(markdown.len(), |i| at + i);
    Missing {
        character,
        line,
        word: markdown[start..end].to_owned(),
    }
}

#[cfg(test)]
mod tests;
