//! Word wrapping for the terminal: takes text and a width in columns and returns the lines to
//! print, broken at spaces so that no word is cut; only a word longer than a whole line is
//! broken inside it (a long path or address). Widths are display columns (`unicode-width`):
//! `ş` takes one, a CJK character two.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes.
pub(crate) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The columns `c` takes (a control character none).
pub(crate) fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` in lines of at most `columns` columns. Each line of `text` is wrapped on its own;
/// its leading spaces are kept and repeated on its continuation lines (an indented list stays
/// indented), the spaces between words are kept as written (the summary's columns), and the
/// spaces at a break are dropped.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| {
            let lead = line.len() - line.trim_start_matches(' ').len();
            wrap_line(line, columns, lead)
        })
        .collect()
}

/// `text` in lines of at most `columns` columns, each line after the first starting with
/// `hang` spaces: `? A long question` continues under its first word with a hang of 2.
pub(crate) fn wrap_hanging(text: &str, columns: usize, hang: usize) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| wrap_line(line, columns, hang))
        .collect()
}

/// One line of text (no `\n`) wrapped; see [`wrap`].
fn wrap_line(line: &str, columns: usize, hang: usize) -> Vec<String> {
    let columns = columns.max(1);
    // A hang that leaves no room for a word is dropped.
    let hang = if hang * 2 > columns { 0 } else { hang };
    let body = line.trim_start_matches(' ');
    let lead = &line[..line.len() - body.len()];
    let mut lines = Vec::new();
    let mut current = if width(lead) < columns {
        lead.to_owned()
    } else {
        String::new()
    };
    let mut used = width(&current);
    let mut has_word = false;
    for (gap, word) in words(body) {
        let needed = width(word);
        if has_word {
            if used + width(gap) + needed <= columns {
                current.push_str(gap);
                current.push_str(word);
                used += width(gap) + needed;
                continue;
            }
            lines.push(std::mem::take(&mut current));
            current = " ".repeat(hang);
            used = hang;
        }
        has_word = true;
        if used + needed <= columns {
            current.push_str(word);
            used += needed;
            continue;
        }
        // A word longer than the room left on a line of its own: broken where it must be.
        for c in word.chars() {
            let w = char_width(c);
            if used + w > columns && used > hang {
                lines.push(std::mem::take(&mut current));
                current = " ".repeat(hang);
                used = hang;
            }
            current.push(c);
            used += w;
        }
    }
    if !has_word {
        current.clear();
    }
    lines.push(current);
    lines
}

/// The words of `text` (no leading spaces), each with the spaces written before it.
fn words(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        if word_start == rest.len() {
            return None;
        }
        let gap = &rest[..word_start];
        let after = &rest[word_start..];
        let word_end = after.find(' ').unwrap_or(after.len());
        let word = &after[..word_end];
        rest = &after[word_end..];
        Some((gap, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_at_spaces_and_never_inside_a_word() {
        let help = "Usually your own, so that you never have to sue far from home. For example: \
                    Multnomah County (Oregon); Bristol; Berlin; İstanbul.";
        let lines = wrap(help, 40);
        assert_eq!(
            lines,
            [
                "Usually your own, so that you never have",
                "to sue far from home. For example:",
                "Multnomah County (Oregon); Bristol;",
                "Berlin; İstanbul."
            ]
        );
        for line in &lines {
            assert!(width(line) <= 40, "{line:?}");
        }
        assert_eq!(lines.join(" "), help);
    }

    #[test]
    fn keeps_the_spacing_of_a_line_and_its_indent() {
        let summary = "You\n  name       Maya Lindqvist\n  address    418 South Sixth Street, \
                       Suite 3, Springfield";
        assert_eq!(
            wrap(summary, 30),
            [
                "You",
                "  name       Maya Lindqvist",
                "  address    418 South Sixth",
                "  Street, Suite 3, Springfield"
            ]
        );
        assert_eq!(wrap("a\n\nb  ", 10), ["a", "", "b"]);
    }

    #[test]
    fn a_hanging_indent_continues_a_question_under_its_words() {
        assert_eq!(
            wrap_hanging(
                "? Which courts hear any dispute? Complete the phrase",
                24,
                2
            ),
            [
                "? Which courts hear any",
                "  dispute? Complete the",
                "  phrase"
            ]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_wide_characters_count_twice() {
        assert_eq!(
            wrap("see /home/maya/contracts/2026/acme now", 12),
            ["see", "/home/maya/c", "ontracts/202", "6/acme now"]
        );
        // Two columns each: five fit in ten.
        assert_eq!(wrap("契約書契約書契約", 10), ["契約書契約", "書契約"]);
        assert_eq!(wrap("ab", 0), ["a", "b"]);
    }
}
