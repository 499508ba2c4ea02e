//! Line breaking: styled inline text and a line width in, set lines of positioned fragments out.
//!
//! A Knuth–Plass-lite total-fit breaker. A paragraph becomes a row of chunks (words, or pieces
//! of words between hyphenation points) separated by breaks (spaces, hyphenation points,
//! places inside URLs and over-long words, forced line breaks). Every feasible set of breaks
//! is scored by how far each line's spaces must stretch or shrink, and the best set wins, so
//! one loose line is avoided by making several lines slightly tighter instead of leaving a
//! river the way a greedy breaker does. No line is ever wider than the measure: words wider
//! than a line get a break opportunity between every pair of characters.

use std::borrow::Cow;

use super::language::Language;
use super::metrics::{Style, face};

/// A run of text in one face, possibly part of a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The text, drawn literally.
    pub text: String,
    /// Its face.
    pub style: Style,
    /// Index of the link it belongs to, into the document's link list.
    pub link: Option<usize>,
}

/// Inline content of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Text; whitespace in it separates words.
    Text(Span),
    /// A forced line break (Markdown hard break).
    HardBreak,
}

/// How a set line ends, which is what a reader needs to rejoin the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnd {
    /// Between two words.
    Space,
    /// Inside a word, at a hyphen the breaker added (drop it to rejoin).
    Hyphen,
    /// Inside a word, with nothing added: after a hyphen already in the word, or inside a URL
    /// or an over-long word (join the next line's first word directly).
    Join,
    /// The end of a paragraph or a forced line break.
    Last,
}

/// Horizontal placement of lines that are not justified, and whether to justify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Justified, last line and forced breaks flush left.
    Justify,
    /// Flush left, ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A piece of a set line in one face, with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    /// Offset from the start of the line, in points.
    pub x: f32,
    /// The advance of `text`, in points.
    pub width: f32,
    /// The text, possibly ending in a space that separates it from the next fragment.
    pub text: String,
    /// Its face.
    pub style: Style,
    /// Its size in points.
    pub size: f32,
    /// The link it belongs to.
    pub link: Option<usize>,
}

/// A line as the breaker sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct SetLine {
    /// Its fragments, left to right.
    pub fragments: Vec<Fragment>,
    /// How it ends.
    pub end: LineEnd,
}

#[cfg(test)]
impl SetLine {
    /// The distance from the line start to the end of its last glyph (what the tests check
    /// justification against).
    #[must_use]
    pub(crate) fn extent(&self) -> f32 {
        self.fragments.last().map_or(0.0, |f| {
            let trailing = &f.text[f.text.trim_end_matches(' ').len()..];
            f.x + f.width - face(f.style).width(trailing, f.size)
        })
    }
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug)]
pub struct Measure {
    /// Line width in points.
    pub width: f32,
    /// Font size in points.
    pub size: f32,
    /// Alignment.
    pub align: Align,
    /// The language whose patterns hyphenate words, `None` for no hyphenation.
    pub hyphenate: Option<Language>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Gap {
    /// Inter-word space of the given natural width.
    Space(f32),
    /// A hyphenation point: a hyphen is added when the line breaks here.
    Hyphen,
    /// A break inside a word with nothing added; the cost of breaking here.
    Join(f32),
    /// A forced break.
    Hard,
    /// The end of the paragraph.
    End,
}

#[derive(Debug)]
struct Chunk {
    spans: Vec<Span>,
    width: f32,
    after: Gap,
}

const HYPHEN_PENALTY: f32 = 50.0;
const EXPLICIT_HYPHEN_PENALTY: f32 = 30.0;
const URL_PENALTY: f32 = 80.0;
const EMERGENCY_PENALTY: f32 = 1000.0;
const CONSECUTIVE_HYPHENS: f64 = 3000.0;
const STRETCH: f32 = 0.6;
const SHRINK: f32 = 0.3;

/// Breaks a paragraph into lines no wider than `measure.width`.
#[must_use]
pub fn set(inlines: &[Inline], measure: &Measure) -> Vec<SetLine> {
    let chunks = chunks(inlines, measure);
    if chunks.is_empty() {
        return Vec::new();
    }
    let mut chunks = chunks;
    let breaks = best_breaks(&chunks, measure);
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for end in breaks {
        lines.push(set_line(&mut chunks[start..=end], measure));
        start = end + 1;
    }
    lines
}

/// Splits the inline content into words and the words into chunks at their break points.
fn chunks(inlines: &[Inline], measure: &Measure) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut word: Vec<Span> = Vec::new();
    let finish = |word: &mut Vec<Span>, gap: Gap, chunks: &mut Vec<Chunk>| {
        if word.is_empty() {
            // A forced break right after a space: the break replaces the space.
            if gap == Gap::Hard
                && let Some(last) = chunks.last_mut()
            {
                last.after = Gap::Hard;
            }
            return;
        }
        split_word(std::mem::take(word), gap, measure, chunks);
    };
    for inline in inlines {
        match inline {
            Inline::HardBreak => finish(&mut word, Gap::Hard, &mut chunks),
            Inline::Text(span) => {
                let mut rest = span.text.as_str();
                while !rest.is_empty() {
                    let word_len = rest.find(is_break_space).unwrap_or(rest.len());
                    if word_len > 0 {
                        push_span(&mut word, &rest[..word_len], span.style, span.link);
                    }
                    rest = &rest[word_len..];
                    let space_len = rest.len() - rest.trim_start_matches(is_break_space).len();
                    if space_len > 0 {
                        let after = &rest[space_len..];
                        let next = &after[..after.find(is_break_space).unwrap_or(after.len())];
                        let before = word.last().map_or("", |s| s.text.as_str());
                        let space = face(span.style).width(" ", measure.size);
                        // Tied words stay short of half a line, so that they never need
                        // breaking inside (measured only for the few words that are tied).
                        if tied(before, next)
                            && spans_width(&word, measure.size)
                                + space
                                + face(span.style).width(next, measure.size)
                                <= measure.width / 2.0
                        {
                            // The words stay together, the space kept as it is.
                            push_span(&mut word, " ", span.style, span.link);
                        } else {
                            finish(&mut word, Gap::Space(space), &mut chunks);
                        }
                        rest = after;
                    }
                }
            }
        }
    }
    finish(&mut word, Gap::End, &mut chunks);
    if let Some(last) = chunks.last_mut() {
        last.after = Gap::End;
    }
    chunks
}

/// Words a cited number belongs to ("section 3", "clause 12").
const REFERENCES: [&str; 8] = [
    "section", "sections", "clause", "clauses", "article", "schedule", "§", "no.",
];

/// Words that say what a number counts, in the contracts' languages ("15 business days",
/// "on beş (15) iş günü").
const UNITS: [&str; 22] = [
    "business", "calendar", "working", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "hour", "hours", "minutes", "percent", "iş", "gün", "günü", "ay", "yıl", "hafta",
    "saat",
];

/// Whether the space between the words `before` and `after` must not break, because a line
/// ending there misleads: a reference and its number ("section 3"), a number and the unit or
/// currency it counts ("15 business days", "(15) business days", "12.400,00 TL"), and the
/// digit groups of a phone or account number ("4402 1187 93"). A number that ends a sentence
/// or a clause ("in 2026. The", "2 March, and") is not tied to what follows.
fn tied(before: &str, after: &str) -> bool {
    let before = before.rsplit(' ').next().unwrap_or(before);
    let Some(first) = after.chars().next() else {
        return false;
    };
    if REFERENCES.iter().any(|r| before.eq_ignore_ascii_case(r)) {
        return first.is_ascii_digit();
    }
    let ends_number = before.ends_with(|c: char| c.is_ascii_digit())
        || before
            .strip_suffix(')')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    let core = before.trim_start_matches(['(', '+', '$', '€', '£', '₺', '₹', '₽', '₩', '¥']);
    let numeric = !core.is_empty()
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ')' | '-'));
    if !(ends_number && numeric) {
        return false;
    }
    let word = after.trim_end_matches(|c: char| !c.is_alphanumeric());
    let currency_code =
        (2..=4).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase());
    first.is_ascii_digit() || currency_code || UNITS.iter().any(|u| word.eq_ignore_ascii_case(u))
}

fn push_span(word: &mut Vec<Span>, text: &str, style: Style, link: Option<usize>) {
    if let Some(last) = word.last_mut()
        && last.style == style
        && last.link == link
    {
        last.text.push_str(text);
        return;
    }
    word.push(Span {
        text: owned(text),
        style,
        link,
    });
}

/// `text` in a string with room for one more character: the space or hyphen [`set_line`]
/// adds to a chunk's last span, which would otherwise copy the text to a larger block.
fn owned(text: &str) -> String {
    let mut owned = String::with_capacity(text.len() + 1);
    owned.push_str(text);
    owned
}

fn spans_width(spans: &[Span], size: f32) -> f32 {
    spans
        .iter()
        .map(|s| face(s.style).width(&s.text, size))
        .sum()
}

/// The spans covering bytes `from..to` of the word the spans make up.
fn slice_spans(spans: &[Span], from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for span in spans {
        let (start, end) = (offset, offset + span.text.len());
        offset = end;
        let (a, b) = (from.max(start), to.min(end));
        if a < b {
            out.push(Span {
                text: owned(&span.text[a - start..b - start]),
                style: span.style,
                link: span.link,
            });
        }
    }
    out
}

/// Cuts one word into chunks at its break opportunities and appends them.
fn split_word(spans: Vec<Span>, gap: Gap, measure: &Measure, chunks: &mut Vec<Chunk>) {
    // Most words are one span: their text is borrowed, not joined.
    let text: Cow<'_, str> = match &spans[..] {
        [span] => Cow::Borrowed(&span.text),
        _ => Cow::Owned(spans.iter().map(|s| s.text.as_str()).collect()),
    };
    let mut points = break_points(&text, measure.hyphenate);
    if gap == Gap::End {
        // The paragraph's last word is not hyphenated: "Agree-" / "ment." leaves a runt line.
        points
            .retain(|&(_, kind)| kind != Gap::Hyphen && kind != Gap::Join(EXPLICIT_HYPHEN_PENALTY));
    }
    // Pieces still wider than a line (with room for a hyphen) may break at every character.
    let hyphen = face(Style::Bold).width("-", measure.size);
    let limit = measure.width - hyphen;
    if points.is_empty() {
        // A word without break points that fits a line is one chunk, its spans as they are.
        let width = spans_width(&spans, measure.size);
        if width <= limit {
            drop(text);
            chunks.push(Chunk {
                spans,
                width,
                after: gap,
            });
            return;
        }
    }
    let spans = &spans[..];
    let mut emergency = Vec::new();
    // The pieces between the break points, with their widths: the chunks, unless a piece is
    // too wide and must be cut further.
    let mut pieces = Vec::with_capacity(points.len() + 1);
    let mut from = 0;
    for &(to, _) in points
        .iter()
        .chain(std::iter::once(&(text.len(), Gap::End)))
    {
        let piece = slice_spans(spans, from, to);
        let width = spans_width(&piece, measure.size);
        pieces.push((piece, width));
        if width > limit {
            let mut piece_start = from;
            let mut width = 0.0;
            for (i, c) in text[from..to].char_indices() {
                let at = from + i;
                let style = style_at(spans, at);
                let w = face(style).width(c.encode_utf8(&mut [0; 4]), measure.size);
                if width + w > limit && at > piece_start {
                    emergency.push((at, Gap::Join(EMERGENCY_PENALTY)));
                    piece_start = at;
                    width = 0.0;
                }
                width += w;
            }
        }
        from = to;
    }
    if emergency.is_empty() {
        let kinds = points
            .iter()
            .map(|&(_, kind)| kind)
            .chain(std::iter::once(gap));
        for ((piece, width), kind) in pieces.into_iter().zip(kinds) {
            chunks.push(Chunk {
                width,
                spans: piece,
                after: kind,
            });
        }
        return;
    }
    points.extend(emergency);
    points.sort_by_key(|&(at, _)| at);
    points.dedup_by_key(|&mut (at, _)| at);
    let mut from = 0;
    for (to, kind) in points.into_iter().chain(std::iter::once((text.len(), gap))) {
        let piece = slice_spans(spans, from, to);
        chunks.push(Chunk {
            width: spans_width(&piece, measure.size),
            spans: piece,
            after: kind,
        });
        from = to;
    }
}

fn style_at(spans: &[Span], at: usize) -> Style {
    let mut offset = 0;
    for span in spans {
        offset += span.text.len();
        if at < offset {
            return span.style;
        }
    }
    spans.last().map_or(Style::Regular, |s| s.style)
}

/// Byte offsets inside `word` where a line may break, and what the break does.
fn break_points(word: &str, hyphenate: Option<Language>) -> Vec<(usize, Gap)> {
    let mut points = Vec::new();
    if word.contains('@') && !word.contains("://") {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        // An email address breaks after its `@` or after a dot, so no line starts with a dot.
        for (k, &(at, _)) in chars.iter().enumerate().skip(1) {
            let prev = chars[k - 1].1;
            let rest_has_letters = chars[k..].iter().any(|&(_, c)| c.is_alphanumeric());
            if matches!(prev, '@' | '.') && rest_has_letters && k + 1 < chars.len() {
                points.push((at, Gap::Join(URL_PENALTY)));
            }
        }
        return points;
    }
    let looks_like_url = word.contains("://") || word.starts_with("www.");
    if looks_like_url {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        // Break after separators (before dots), never right at the start or end.
        for (k, &(at, c)) in chars.iter().enumerate().skip(1) {
            let prev = chars[k - 1].1;
            let before_dot = c == '.' && k + 1 < chars.len();
            let after_sep = matches!(prev, '/' | '?' | '&' | '=' | '#' | '-' | '_' | '@')
                && !matches!(c, '/' | ':');
            if (before_dot || after_sep) && k + 1 < chars.len() {
                points.push((at, Gap::Join(URL_PENALTY)));
            }
        }
        return points;
    }
    // After a hyphen or dash joining two letters ("non-refundable"), and between the
    // syllables of each run of letters; punctuation and digits stay attached. One pass over
    // the characters, keeping the two before the current one and the run of letters it ends.
    let mut before: [Option<char>; 2] = [None, None];
    // The run of letters being read: its first byte and its length in characters.
    let mut run: Option<(usize, usize)> = None;
    for (at, c) in word
        .char_indices()
        .chain(std::iter::once((word.len(), ' ')))
    {
        if let [Some(first), Some(dash)] = before
            && matches!(dash, '-' | '\u{2013}' | '\u{2014}')
            && first.is_alphabetic()
            && c.is_alphabetic()
            && at < word.len()
        {
            points.push((at, Gap::Join(EXPLICIT_HYPHEN_PENALTY)));
        }
        before = [before[1], Some(c)];
        if at < word.len() && c.is_alphabetic() {
            let (start, count) = run.unwrap_or((at, 0));
            run = Some((start, count + 1));
            continue;
        }
        let Some((start, count)) = run.take() else {
            continue;
        };
        // Longer runs are not words; hypher refuses them, and they split anywhere anyway.
        if let Some(language) = hyphenate
            && count >= 6
            && at - start <= 45
        {
            hyphenation_points(&word[start..at], start, language, &mut points);
        }
    }
    points.sort_by_key(|&(at, _)| at);
    points.dedup_by_key(|&mut (at, _)| at);
    points
}

/// Adds the hyphenation points of `letters`, a run of letters starting at byte `offset` of
/// its word: the byte offsets between its syllables.
fn hyphenation_points(
    letters: &str,
    offset: usize,
    language: Language,
    points: &mut Vec<(usize, Gap)>,
) {
    language.syllables(letters, |syllables| {
        // Syllables come as character counts; the break points are byte offsets.
        let mut chars = letters.chars();
        let mut at = offset;
        for &count in &syllables[..syllables.len().saturating_sub(1)] {
            at += chars
                .by_ref()
                .take(count)
                .map(char::len_utf8)
                .sum::<usize>();
            points.push((at, Gap::Hyphen));
        }
    });
}

/// Width, stretch and shrink of everything before a chunk (prefix sums).
#[derive(Clone, Copy)]
struct Sum {
    width: f32,
    stretch: f32,
    shrink: f32,
}

/// The prefix sums of `chunks`: entry `k` sums the chunks before chunk `k`.
fn sums(chunks: &[Chunk]) -> Vec<Sum> {
    let mut sums = Vec::with_capacity(chunks.len() + 1);
    let (mut w, mut st, mut sh) = (0.0, 0.0, 0.0);
    for chunk in chunks {
        sums.push(Sum {
            width: w,
            stretch: st,
            shrink: sh,
        });
        w += chunk.width;
        if let Gap::Space(space) = chunk.after {
            w += space;
            st += space * STRETCH;
            sh += space * SHRINK;
        }
    }
    sums.push(Sum {
        width: w,
        stretch: st,
        shrink: sh,
    });
    sums
}

fn trailing(chunk: &Chunk, size: f32) -> (f32, f32, f32) {
    match chunk.after {
        Gap::Space(space) => (-space, -space * STRETCH, -space * SHRINK),
        Gap::Hyphen => (hyphen_width(chunk, size), 0.0, 0.0),
        _ => (0.0, 0.0, 0.0),
    }
}

fn hyphen_width(chunk: &Chunk, size: f32) -> f32 {
    let style = chunk.spans.last().map_or(Style::Regular, |s| s.style);
    face(style).width("-", size)
}

/// The best way found to end a line after a chunk: the least demerits of the paragraph up
/// to there, where the line began, and whether it ends in a hyphen.
#[derive(Clone, Copy)]
struct Node {
    demerits: f64,
    from: usize,
    hyphenated: bool,
}

/// The chunk indices that end lines, chosen to minimise total demerits.
fn best_breaks(chunks: &[Chunk], measure: &Measure) -> Vec<usize> {
    let n = chunks.len();
    let sums = sums(chunks);
    // nodes[j + 1]: the best paragraph prefix whose last line ends with chunk j.
    let unreached = Node {
        demerits: f64::INFINITY,
        from: 0,
        hyphenated: false,
    };
    let mut nodes = vec![unreached; n + 1];
    nodes[0].demerits = 0.0;
    // Lines never run across a forced break.
    let mut floor = 0;
    for (j, chunk) in chunks.iter().enumerate() {
        let (extra, extra_stretch, extra_shrink) = trailing(chunk, measure.size);
        let last = matches!(chunk.after, Gap::Hard | Gap::End);
        let penalty = match chunk.after {
            Gap::Hyphen => HYPHEN_PENALTY,
            Gap::Join(p) => p,
            _ => 0.0,
        };
        let penalty = f64::from(penalty).powi(2);
        let ends_hyphenated = matches!(chunk.after, Gap::Hyphen | Gap::Join(_));
        let end = sums[j + 1];
        let mut best = unreached;
        // The lines ending with chunk j, from the shortest (starting at chunk j) back to the
        // longest that fits.
        for (a, (start, node)) in sums[floor..=j]
            .iter()
            .zip(&nodes[floor..=j])
            .enumerate()
            .rev()
        {
            if node.demerits.is_infinite() {
                continue;
            }
            let natural = end.width - start.width + extra;
            let stretch = end.stretch - start.stretch + extra_stretch;
            let shrink = end.shrink - start.shrink + extra_shrink;
            if natural - shrink > measure.width + 1e-3 {
                if floor + a == j {
                    // Cannot happen after emergency splitting; keep a path anyway.
                    let d = node.demerits + 1e12;
                    if d < best.demerits {
                        best.demerits = d;
                        best.from = j;
                    }
                }
                break;
            }
            let ratio = if natural > measure.width {
                (measure.width - natural) / shrink
            } else if last || measure.align != Align::Justify {
                0.0
            } else if stretch > 0.0 {
                (measure.width - natural) / stretch
            } else {
                10.0
            };
            let badness = f64::from((100.0 * ratio.abs().powi(3)).min(10_000.0));
            let mut demerits = (10.0 + badness).powi(2) + penalty;
            if ends_hyphenated && node.hyphenated {
                demerits += CONSECUTIVE_HYPHENS;
            }
            let total = node.demerits + demerits;
            if total < best.demerits {
                best = Node {
                    demerits: total,
                    from: floor + a,
                    hyphenated: ends_hyphenated,
                };
            }
        }
        nodes[j + 1] = best;
        if matches!(chunk.after, Gap::Hard) {
            floor = j + 1;
            // Only paths through this break are allowed from here on.
            for node in nodes.iter_mut().take(j + 1) {
                node.demerits = f64::INFINITY;
            }
        }
    }
    let mut breaks = Vec::new();
    let mut k = n;
    while k > 0 {
        breaks.push(k - 1);
        k = nodes[k].from;
    }
    breaks.reverse();
    breaks
}

/// Positions the chunks of one line, taking their text.
fn set_line(chunks: &mut [Chunk], measure: &Measure) -> SetLine {
    let last_chunk = chunks.last().expect("a line has chunks");
    let end = match last_chunk.after {
        Gap::Space(_) => LineEnd::Space,
        Gap::Hyphen => LineEnd::Hyphen,
        Gap::Join(_) => LineEnd::Join,
        Gap::Hard | Gap::End => LineEnd::Last,
    };
    let spaces = || {
        chunks[..chunks.len() - 1]
            .iter()
            .filter_map(|c| match c.after {
                Gap::Space(s) => Some(s),
                _ => None,
            })
    };
    let (extra, _, _) = trailing(last_chunk, measure.size);
    let natural: f32 =
        chunks.iter().map(|c| c.width).sum::<f32>() + spaces().sum::<f32>() + extra.max(0.0);
    let slack = measure.width - natural;
    let total_space: f32 = spaces().sum();
    // Each space grows or shrinks in proportion to its width.
    let per_space = if total_space > 0.0
        && (slack < 0.0 || (measure.align == Align::Justify && end != LineEnd::Last))
    {
        (slack / total_space).max(-SHRINK)
    } else {
        0.0
    };
    let mut x = match measure.align {
        Align::Center if per_space == 0.0 => (slack / 2.0).max(0.0),
        Align::Right if per_space == 0.0 => slack.max(0.0),
        _ => 0.0,
    };
    let mut fragments: Vec<Fragment> = Vec::new();
    let count = chunks.len();
    for (k, chunk) in chunks.iter_mut().enumerate() {
        let is_last = k + 1 == count;
        let spans = chunk.spans.len();
        for (s, span) in chunk.spans.iter_mut().enumerate() {
            let mut text = std::mem::take(&mut span.text);
            let mut gap = 0.0;
            if s + 1 == spans {
                match chunk.after {
                    Gap::Space(space) if !is_last => {
                        text.push(' ');
                        gap = space * per_space;
                    }
                    Gap::Hyphen if is_last => text.push('-'),
                    _ => {}
                }
            }
            let width = face(span.style).width(&text, measure.size);
            let joins = fragments.last().is_some_and(|f: &Fragment| {
                f.style == span.style
                    && f.link == span.link
                    && !f.text.ends_with(' ')
                    && (f.x + f.width - x).abs() < 1e-3
            });
            if joins {
                let f = fragments.last_mut().expect("checked");
                f.text.push_str(&text);
                f.width += width;
            } else {
                fragments.push(Fragment {
                    x,
                    width,
                    text,
                    style: span.style,
                    size: measure.size,
                    link: span.link,
                });
            }
            x += width + gap;
        }
    }
    SetLine { fragments, end }
}

/// Whether `c` separates words (a no-break space does not: it is drawn as a glyph).
#[must_use]
pub fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

#[cfg(test)]
mod tests;
