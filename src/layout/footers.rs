//! Footers: "title … Page X of Y" under the text area of every page.

use super::breaker::{Fragment, LineEnd};
use super::language::Language;
use super::metrics::{self, Style};
use super::{Document, FOOTER_SIZE, Line, Role, Rule};

/// Adds "title … Page X of Y" (in the text's language) under the text area of every page.
pub(super) fn add_footers(document: &mut Document, language: Language) {
    let [left, bottom, right, _] = document.frame;
    let total = document.pages.len();
    let regular = metrics::face(Style::Regular);
    let y = bottom - 34.0;
    for (index, page) in document.pages.iter_mut().enumerate() {
        let number = language.page_number(index + 1, total);
        let number_width = regular.width(&number, FOOTER_SIZE);
        let room = right - left - number_width - 24.0;
        let title = fit(&document.title, room);
        let title_width = regular.width(&title, FOOTER_SIZE);
        page.rules.push(Rule {
            x1: left,
            y1: y + 13.0,
            x2: right,
            y2: y + 13.0,
            thickness: 0.4,
            gray: 0.6,
        });
        let mut fragment = |x: f32, width: f32, text: String| {
            page.lines.push(Line {
                y,
                text: text.clone(),
                fragments: vec![Fragment {
                    x,
                    width,
                    text,
                    style: Style::Regular,
                    size: FOOTER_SIZE,
                    link: None,
                }],
                end: LineEnd::Last,
                role: Role::Footer,
            });
        };
        if !title.is_empty() {
            fragment(left, title_width, title);
        }
        fragment(right - number_width, number_width, number);
    }
}

/// `text`, shortened with an ellipsis to fit `room` points in the footer.
pub(super) fn fit(text: &str, room: f32) -> String {
    let regular = metrics::face(Style::Regular);
    if regular.width(text, FOOTER_SIZE) <= room {
        return text.to_owned();
    }
    let ellipsis = regular.width("…", FOOTER_SIZE);
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = regular.width(c.encode_utf8(&mut [0; 4]), FOOTER_SIZE);
        if width + w + ellipsis > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}
