use super::*;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::fmt::Write as _;

const SAMPLE: &str = include_str!("../../tests/fixtures/pdf-sample/contract.md");

fn lay(markdown: &str) -> Document {
    layout(markdown, &LayoutOptions::default()).expect("layout")
}

/// The words a reader sees in the Markdown: its text events, blocks and cells apart.
fn markdown_words(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {}
            Event::SoftBreak | Event::HardBreak | Event::Start(_) | Event::End(_) => {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

fn assert_inside(document: &Document) {
    let [left, bottom, right, top] = document.frame;
    for (p, page) in document.pages.iter().enumerate() {
        for line in &page.lines {
            assert!(
                line.right() <= right + 0.01 && line.left() >= left - 0.01,
                "page {}: line overflows the text area ({:.2}..{:.2}): {:?}",
                p + 1,
                line.left(),
                line.right(),
                line.text
            );
            if line.role != Role::Footer {
                assert!(line.y > bottom && line.y < top, "line off the text area");
            }
        }
    }
}

/// A contract of about `sections` sections of ordinary clause text.
fn long_contract(sections: usize) -> String {
    let body: Vec<&str> = SAMPLE
        .split("\n## ")
        .skip(1)
        .filter(|s| !s.starts_with("Signatures"))
        .collect();
    let mut out = String::from("# Long Agreement\n\n");
    for k in 0..sections {
        let section = body[k % body.len()];
        let (_, rest) = section.split_once(". ").unwrap_or(("", section));
        let _ = write!(out, "## {}. {}\n\n", k + 1, rest.trim_end_matches("---\n"));
    }
    out
}

#[test]
fn sample_contract_stays_inside_the_text_area_and_loses_no_word() {
    let document = lay(SAMPLE);
    assert_eq!(document.title, "Web Design Services Agreement");
    assert!(document.pages.len() >= 2);
    assert_inside(&document);
    assert_eq!(document.words(), markdown_words(SAMPLE));
}

#[test]
fn paper_sizes_and_margins() {
    let a4 = layout(
        SAMPLE,
        &LayoutOptions {
            paper: Paper::A4,
            ..LayoutOptions::default()
        },
    )
    .expect("layout");
    assert_eq!((a4.width, a4.height), (595.276, 841.89));
    let expected = [72.0, 72.0, 595.276 - 72.0, 841.89 - 72.0];
    assert!(
        a4.frame
            .iter()
            .zip(expected)
            .all(|(a, b)| (a - b).abs() < 0.01)
    );
    assert_inside(&a4);
    let letter = lay(SAMPLE);
    assert_eq!((letter.width, letter.height), (612.0, 792.0));
    assert_eq!(Paper::default(), Paper::Letter);
}

#[test]
fn every_page_has_a_footer_with_title_and_page_x_of_y() {
    let document = lay(&long_contract(12));
    let total = document.pages.len();
    assert!(total > 2);
    for (i, page) in document.pages.iter().enumerate() {
        let footer: Vec<&str> = page
            .lines
            .iter()
            .filter(|l| l.role == Role::Footer)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            footer,
            ["Long Agreement", &format!("Page {} of {total}", i + 1)]
        );
    }
}

#[test]
fn long_titles_are_shortened_in_the_footer() {
    let title = "A Very Long Agreement Title ".repeat(6);
    let document = lay(&format!("# {title}\n\nText.\n"));
    let footer = &document.pages[0]
        .lines
        .iter()
        .find(|l| l.role == Role::Footer);
    let footer = footer.expect("footer");
    assert!(footer.text.ends_with('…'), "{}", footer.text);
    assert_inside(&document);
}

#[test]
fn headings_keep_two_lines_of_what_follows_and_paragraphs_leave_no_single_lines() {
    for sections in [9, 17, 31] {
        let document = lay(&long_contract(sections));
        assert_inside(&document);
        for (p, page) in document.pages.iter().enumerate() {
            let body: Vec<&Line> = page
                .lines
                .iter()
                .filter(|l| matches!(l.role, Role::Body | Role::Heading(_)))
                .collect();
            let last_page = p + 1 == document.pages.len();
            // A heading is followed on its page by two lines of what comes after it.
            for (k, line) in page.lines.iter().enumerate() {
                if !matches!(line.role, Role::Heading(_)) || last_page {
                    continue;
                }
                let mut baselines: Vec<f32> = page.lines[k + 1..]
                    .iter()
                    .filter(|l| matches!(l.role, Role::Body | Role::Cell))
                    .map(|l| l.y)
                    .collect();
                baselines.dedup();
                assert!(
                    baselines.len() >= 2,
                    "page {}: heading {:?} at the foot",
                    p + 1,
                    line.text
                );
            }
            // No widow: a paragraph's last line alone at the top of a page.
            if p > 0
                && let (Some(first), Some(previous)) = (
                    body.first(),
                    document.pages[p - 1]
                        .lines
                        .iter()
                        .rfind(|l| l.role == Role::Body),
                )
            {
                assert!(
                    !(first.role == Role::Body
                        && first.end == LineEnd::Last
                        && previous.end != LineEnd::Last),
                    "page {}: widow {:?}",
                    p + 1,
                    first.text
                );
            }
            // No orphan: a paragraph's first line alone at the foot of a page.
            if !last_page && body.len() >= 2 {
                let last = body[body.len() - 1];
                let before = body[body.len() - 2];
                let starts_paragraph =
                    before.end == LineEnd::Last || matches!(before.role, Role::Heading(_));
                assert!(
                    !(last.end != LineEnd::Last && starts_paragraph),
                    "page {}: orphan {:?}",
                    p + 1,
                    last.text
                );
            }
        }
        assert_eq!(document.words(), markdown_words(&long_contract(sections)));
    }
}

#[test]
fn keep_together_blocks_move_whole_to_the_next_page() {
    let signature = SAMPLE.split("## Signatures").nth(1).expect("signatures");
    let mut moved = 0;
    for filler in 0..40 {
        let mut markdown = String::from("# Agreement\n\n");
        for k in 0..filler {
            let _ = write!(markdown, "Clause {k} of the agreement, kept short.\n\n");
        }
        markdown.push_str("## Signatures\n");
        markdown.push_str(signature);
        let document = lay(&markdown);
        let pages: Vec<usize> = document
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| {
                page.lines
                    .iter()
                    .filter(|l| {
                        l.text.starts_with("Signature:")
                            || l.text.starts_with("Date:")
                            || l.text.starts_with("For the")
                            || l.text == "Signatures"
                    })
                    .map(move |_| p)
            })
            .collect();
        assert_eq!(pages.len(), 7);
        assert!(
            pages.iter().all(|&p| p == pages[0]),
            "{filler} fillers: block split over pages {pages:?}"
        );
        if pages[0] > 0 {
            moved += 1;
        }
    }
    assert!(moved > 0, "no case pushed the block to a new page");
}

#[test]
fn one_bookmark_per_section_heading_in_order() {
    let document = lay(&long_contract(14));
    let titles: Vec<&str> = document
        .bookmarks
        .iter()
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(titles.len(), 14);
    assert_eq!(titles[0], "1. Parties");
    assert_eq!(titles[13], "14. Fees and Payment");
    for bookmark in &document.bookmarks {
        let page = &document.pages[bookmark.page];
        let heading = page
            .lines
            .iter()
            .find(|l| l.text == bookmark.title)
            .expect("heading on its bookmark's page");
        assert!(heading.y < bookmark.y && bookmark.y - heading.y < 20.0);
    }
    assert!(
        document
            .bookmarks
            .windows(2)
            .all(|w| (w[0].page, -w[0].y) <= (w[1].page, -w[1].y))
    );
}

#[test]
fn tables_lists_quotes_links_and_breaks() {
    let document = lay(SAMPLE);
    let lines: Vec<&Line> = document.pages.iter().flat_map(|p| &p.lines).collect();
    let cell = |text: &str| {
        lines
            .iter()
            .find(|l| l.role == Role::Cell && l.text == text)
            .copied()
    };
    let header = cell("Milestone").expect("header cell");
    assert!(header.fragments.iter().all(|f| f.style == Style::Bold));
    let amount = cell("$6,200.00").expect("amount cell");
    let due = cell("On signing").expect("due cell");
    assert!(
        (amount.y - due.y).abs() < 0.01,
        "cells of a row share a baseline"
    );
    assert!(amount.left() > due.left());
    // Right-aligned column: the amounts end at the same x.
    let total = cell("$12,400.00").expect("total");
    assert!((total.right() - amount.right()).abs() < 0.01);
    let markers: Vec<&str> = lines
        .iter()
        .filter(|l| l.role == Role::Marker)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(markers, ["•", "•", "1.", "2.", "–", "–", "3."]);
    let link = document
        .pages
        .iter()
        .flat_map(|p| &p.links)
        .find(|l| l.url == "https://doe.studio/pay")
        .expect("link area");
    assert!(link.width > 20.0 && link.height > 5.0);
    // The hard break ends "… approve the work." and starts a new line.
    let work = lines
        .iter()
        .position(|l| l.text.ends_with("work."))
        .expect("line");
    assert_eq!(lines[work].end, LineEnd::Last);
    assert!(lines[work + 1].text.starts_with("Silence is not approval"));
    // The quote is indented and has a bar.
    let quote = lines
        .iter()
        .find(|l| l.text.starts_with("Late payments"))
        .expect("quote");
    assert!(quote.left() >= document.frame[0] + QUOTE_INDENT - 0.01);
}

#[test]
fn characters_the_font_lacks_are_an_error_naming_line_and_word() {
    let error = layout(
        "# T\n\nThe client:\n\nWang 王 Ltd\n",
        &LayoutOptions::default(),
    )
    .expect_err("no CJK glyphs");
    assert_eq!(
        error.to_string(),
        "the PDF font cannot show the character '王' (U+738B) in \"王\" (Markdown line 5)"
    );
    assert_eq!(
        missing_glyph("Northwind Ölçüm Ltd. Şti., İstanbul, Ağrı"),
        None
    );
    assert_eq!(missing_glyph("emoji 🙂 here"), Some('🙂'));
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z]{1,12}",
        1 => "[a-z]{20,90}",
        1 => "[0-9]{12,70}",
        1 => "https://[a-z]{3,12}\\.com(/[a-z0-9]{2,15}){1,8}",
        1 => "[A-Z][a-z]{2,8}[,.;:]?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn generated_paragraphs_never_overflow_and_keep_every_word(
        paragraphs in prop::collection::vec(prop::collection::vec(word(), 1..80), 1..6),
        a4 in any::<bool>(),
        list in any::<bool>(),
    ) {
        let mut markdown = String::from("# Generated\n\n");
        for words in &paragraphs {
            if list {
                markdown.push_str("- ");
            }
            markdown.push_str(&words.join(" "));
            markdown.push_str("\n\n");
        }
        let paper = if a4 { Paper::A4 } else { Paper::Letter };
        let document = layout(&markdown, &LayoutOptions {
            paper,
            ..LayoutOptions::default()
        }).expect("layout");
        assert_inside(&document);
        prop_assert_eq!(document.words(), markdown_words(&markdown));
    }
}

#[test]
fn deeply_nested_quotes_and_lists_lose_no_word_and_keep_a_wide_column() {
    // At 25 levels the PDF set two letters a line; at 40 the text was missing.
    for depth in [25, 40] {
        let mut markdown = format!(
            "{}The Client pays every invoice within fourteen days of receiving it.\n\n",
            "> ".repeat(depth)
        );
        for level in 0..depth {
            let _ = writeln!(
                markdown,
                "{}- item {level} of a list nested deep",
                "  ".repeat(level)
            );
        }
        let document = lay(&markdown);
        assert_inside(&document);
        assert_eq!(document.words(), markdown_words(&markdown), "depth {depth}");
        let body: Vec<&Line> = document.pages[0]
            .lines
            .iter()
            .filter(|l| l.role == Role::Body)
            .collect();
        assert!(
            body.iter().any(|l| l.text.split_whitespace().count() >= 4),
            "depth {depth}: {:?}",
            body.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn link_text_is_underlined_under_its_link_area() {
    let document = lay("# T\n\nSee [the terms](https://example.com/terms) today.\n");
    let page = &document.pages[0];
    let link = &page.links[0];
    let under: Vec<&Rule> = page
        .rules
        .iter()
        .filter(|r| (r.x1 - link.x).abs() < 0.01 && (r.x2 - (link.x + link.width)).abs() < 0.01)
        .collect();
    assert_eq!(under.len(), 1, "{:?}", page.rules);
    assert!(under[0].y1 < link.y + link.height && under[0].y1 > link.y);
}

/// A table of `rows` body rows: a number, a description `words` words long and an amount.
fn long_table(rows: usize, words: usize) -> String {
    let mut out = String::from(
        "# Schedule\n\nThe items of the work:\n\n| Item | Description | Amount |\n| --- | --- | ---: |\n",
    );
    for r in 1..=rows {
        let description: Vec<String> = (1..=words).map(|w| format!("task{r}word{w}")).collect();
        let _ = writeln!(out, "| {r} | {} | ${r}00.00 |", description.join(" "));
    }
    out.push_str("\nThe end of the schedule.\n");
    out
}

/// The lines of each page, footers left out.
fn page_lines(document: &Document) -> Vec<Vec<&Line>> {
    document
        .pages
        .iter()
        .map(|p| p.lines.iter().filter(|l| l.role != Role::Footer).collect())
        .collect()
}

#[test]
fn a_long_table_repeats_its_header_row_on_every_page_it_continues_on() {
    let markdown = long_table(160, 3);
    let document = lay(&markdown);
    assert!(document.pages.len() >= 3, "{} pages", document.pages.len());
    assert_inside(&document);
    // The repeats are not words of the text: each word once, in order.
    assert_eq!(document.words(), markdown_words(&markdown));
    let top = document.frame[3];
    for (p, lines) in page_lines(&document).iter().enumerate() {
        let head: Vec<&str> = lines
            .iter()
            .take_while(|l| l.role == Role::RepeatedCell)
            .map(|l| l.text.as_str())
            .collect();
        if p == 0 {
            assert!(head.is_empty(), "page 1 repeats {head:?}");
            continue;
        }
        assert_eq!(head, ["Item", "Description", "Amount"], "page {}", p + 1);
        // At the top of the text area, bold as the header row is, and above every other line.
        let first = lines[0];
        assert!(
            first.y > top - CELL_PAD - TABLE_LEADING,
            "page {}: {}",
            p + 1,
            first.y
        );
        assert!(first.fragments.iter().all(|f| f.style == Style::Bold));
        assert!(lines[3..].iter().all(|l| l.y < first.y - 1.0));
        assert!(
            lines
                .iter()
                .filter(|l| l.role == Role::RepeatedCell)
                .count()
                == 3,
            "page {}: the header once",
            p + 1
        );
    }
    // A row that fits on a page is never split: each row's cells on one page.
    for r in 1..=160 {
        let word = format!("task{r}word1");
        let pages: Vec<usize> = page_lines(&document)
            .iter()
            .enumerate()
            .filter(|(_, lines)| {
                lines
                    .iter()
                    .any(|l| l.text.contains(&word) || l.text == format!("${r}00.00"))
            })
            .map(|(p, _)| p)
            .collect();
        assert_eq!(pages.len(), 1, "row {r} on pages {pages:?}");
    }
}

#[test]
fn a_row_taller_than_a_page_breaks_between_its_lines_and_loses_no_word() {
    let mut markdown = long_table(2, 4);
    // A third row with a description of about three pages, and an amount cell of many lines.
    let giant: Vec<String> = (1..=2400).map(|w| format!("giant{w}")).collect();
    let amounts: Vec<String> = (1..=60).map(|w| format!("due{w}")).collect();
    markdown = markdown.replace(
        "\nThe end",
        &format!(
            "| 3 | {} | {} |\n\nThe end",
            giant.join(" "),
            amounts.join(" ")
        ),
    );
    let document = lay(&markdown);
    assert_inside(&document);
    assert!(document.pages.len() >= 3, "{} pages", document.pages.len());
    // Every word once; each page's part of the row reads cell by cell, so each cell's words
    // come in their order, and the words around the row in theirs.
    let words = document.words();
    let expected = markdown_words(&markdown);
    let mut sorted = (words.clone(), expected.clone());
    sorted.0.sort();
    sorted.1.sort();
    assert!(sorted.0 == sorted.1, "words lost or added");
    let part = |words: &[String], prefix: &str| -> Vec<String> {
        let keep = |w: &&String| {
            if prefix.is_empty() {
                !w.starts_with("giant") && !w.starts_with("due")
            } else {
                w.starts_with(prefix)
            }
        };
        words.iter().filter(keep).cloned().collect()
    };
    for prefix in ["giant", "due", ""] {
        assert!(
            part(&words, prefix) == part(&expected, prefix),
            "{prefix:?} words out of order"
        );
    }
    let pages = page_lines(&document);
    // The row starts on the first page, under the rows before it, and runs on.
    let first_page = pages
        .iter()
        .position(|lines| lines.iter().any(|l| l.text.starts_with("giant1 ")))
        .expect("the giant row");
    assert_eq!(first_page, 0);
    let last_page = pages
        .iter()
        .position(|lines| lines.iter().any(|l| l.text.ends_with("giant2400")))
        .expect("the giant row's end");
    assert!(last_page >= 2, "the row ends on page {}", last_page + 1);
    for (p, lines) in pages.iter().enumerate().take(last_page + 1).skip(1) {
        assert_eq!(lines[0].role, Role::RepeatedCell, "page {}", p + 1);
        // The page is filled down to its foot: the row's part reaches the last line's place.
        if p < last_page {
            let lowest = lines.iter().map(|l| l.y).fold(f32::MAX, f32::min);
            assert!(
                lowest < document.frame[1] + 2.0 * TABLE_LEADING,
                "page {} ends at {lowest}",
                p + 1
            );
        }
    }
}
