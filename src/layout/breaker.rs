//! Line breaking: styled inline text and a line width in, set lines of positioned fragments out.
//!
//! A Knuth–Plass-lite total-fit breaker. A paragraph becomes a row of chunks (words, or pieces
//! of words between hyphenation points) separated by breaks (spaces, hyphenation points,
//! places inside URLs and over-long words, forced line breaks). Every feasible set of breaks
//! is scored by how far each line's spaces must stretch or shrink, and the best set wins, so
//! one loose line is avoided by making several lines slightly tighter instead of leaving a
//! river the way a greedy breaker does. No line is ever wider than the measure: words wider
//! than a line get a break opportunity between every pair of characters.

use std::ops::Range;

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

/// A piece of a paragraph between two break opportunities: a word, or part of one.
#[derive(Debug)]
struct Chunk {
    /// Its bytes in [`Words::text`].
    start: usize,
    end: usize,
    /// Its advance, the sum of its spans' (see [`Words::spans`]).
    width: f32,
    /// What follows it.
    after: Gap,
    /// The face of its last character, which a hyphen after it is set in.
    last: Style,
}

/// A paragraph's words end to end, without the spaces that separate them, in runs of one face
/// and link. Chunks point into it, so cutting a paragraph into chunks copies its text once,
/// and only the fragments of set lines own strings of their own.
#[derive(Default)]
struct Words {
    text: String,
    /// Consecutive runs covering `text`: where each ends, and its face and link. Two
    /// neighbours differ in face or link.
    runs: Vec<Run>,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    end: usize,
    style: Style,
    link: Option<usize>,
}

impl Words {
    /// Appends `text` in `style`, part of `link`.
    fn push(&mut self, text: &str, style: Style, link: Option<usize>) {
        self.text.push_str(text);
        let end = self.text.len();
        match self.runs.last_mut() {
            Some(run) if run.style == style && run.link == link => run.end = end,
            _ => self.runs.push(Run { end, style, link }),
        }
    }

    /// The spans of bytes `from..to`: the parts of the runs over them, in order, each as its
    /// byte range and its run. A word's spans are its pieces in one face and link.
    fn spans(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, usize, Run)> + '_ {
        let first = self.runs.partition_point(|r| r.end <= from);
        let mut start = if first == 0 {
            0
        } else {
            self.runs[first - 1].end
        };
        self.runs[first..].iter().map_while(move |&run| {
            let (a, b) = (start.max(from), run.end.min(to));
            start = run.end;
            (a < b).then_some((a, b, run))
        })
    }

    /// The advance of bytes `from..to` at `size`: the sum of its spans' widths.
    fn width(&self, from: usize, to: usize, size: f32) -> f32 {
        self.spans(from, to)
            .map(|(a, b, run)| face(run.style).width(&self.text[a..b], size))
            .sum()
    }

    /// The face of the character at byte `at`.
    fn style_at(&self, at: usize) -> Style {
        self.runs
            .get(self.runs.partition_point(|r| r.end <= at))
            .map_or(Style::Regular, |r| r.style)
    }

    /// The face of the last character of bytes `from..to` (regular if there is none).
    fn last_style(&self, from: usize, to: usize) -> Style {
        if from < to {
            self.style_at(to - 1)
        } else {
            Style::Regular
        }
    }
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
    let mut words = Words {
        text: String::with_capacity(
            inlines
                .iter()
                .map(|i| match i {
                    Inline::Text(span) => span.text.len(),
                    Inline::HardBreak => 0,
                })
                .sum(),
        ),
        runs: Vec::new(),
    };
    let chunks = chunks(inlines, measure, &mut words);
    if chunks.is_empty() {
        return Vec::new();
    }
    let breaks = best_breaks(&chunks, measure);
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for end in breaks {
        lines.push(set_line(&chunks[start..=end], &words, measure));
        start = end + 1;
    }
    lines
}

/// Splits the inline content into words, copied end to end into `words`, and the words into
/// chunks at their break points.
fn chunks(inlines: &[Inline], measure: &Measure, words: &mut Words) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut cutter = Cutter {
        measure,
        // Pieces still wider than a line (with room for a hyphen) may break at every
        // character.
        limit: measure.width - face(Style::Bold).width("-", measure.size),
        points: Vec::new(),
        emergency: Vec::new(),
    };
    // The first byte of the word being read; it runs to the end of `words.text`.
    let mut word = 0;
    for inline in inlines {
        match inline {
            Inline::HardBreak => cutter.finish(words, &mut word, Gap::Hard, &mut chunks),
            Inline::Text(span) => {
                let mut rest = span.text.as_str();
                while !rest.is_empty() {
                    let word_len = rest.find(is_break_space).unwrap_or(rest.len());
                    if word_len > 0 {
                        words.push(&rest[..word_len], span.style, span.link);
                    }
                    rest = &rest[word_len..];
                    let space_len = rest.len() - rest.trim_start_matches(is_break_space).len();
                    if space_len > 0 {
                        let after = &rest[space_len..];
                        let space = face(span.style).width(" ", measure.size);
                        // Tied words stay short of half a line, so that they never need
                        // breaking inside (measured only for the few words that are tied).
                        let keep = tied(last_span(words, word), after).is_some_and(|next| {
                            words.width(word, words.text.len(), measure.size)
                                + space
                                + face(span.style).width(next, measure.size)
                                <= measure.width / 2.0
                        });
                        if keep {
                            // The words stay together, the space kept as it is.
                            words.push(" ", span.style, span.link);
                        } else {
                            cutter.finish(words, &mut word, Gap::Space(space), &mut chunks);
                        }
                        rest = after;
                    }
                }
            }
        }
    }
    cutter.finish(words, &mut word, Gap::End, &mut chunks);
    if let Some(last) = chunks.last_mut() {
        last.after = Gap::End;
    }
    chunks
}

/// The text of the last span of the word that starts at byte `word` of `words` and runs to
/// its end ("" while the word is empty).
fn last_span(words: &Words, word: usize) -> &str {
    let end = words.text.len();
    if word == end {
        return "";
    }
    let start = match &words.runs[..] {
        [.., before, _] => before.end.max(word),
        _ => word,
    };
    &words.text[start..]
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

/// The next word, if the space between the words `before` and the one `rest` starts with must
/// not break, because a line ending there misleads: a reference and its number ("section 3"),
/// a number and the unit or currency it counts ("15 business days", "(15) business days",
/// "12.400,00 TL"), and the digit groups of a phone or account number ("4402 1187 93"). A
/// number that ends a sentence or a clause ("in 2026. The", "2 March, and") is not tied to
/// what follows.
fn tied<'a>(before: &str, rest: &'a str) -> Option<&'a str> {
    let first = rest.chars().next()?;
    let ends_number = before.ends_with(|c: char| c.is_ascii_digit())
        || before
            .strip_suffix(')')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    // Most words are neither a number nor followed by one: nothing more to look at.
    if !ends_number && !first.is_ascii_digit() {
        return None;
    }
    let after = &rest[..rest.find(is_break_space).unwrap_or(rest.len())];
    let before = before.rsplit(' ').next().unwrap_or(before);
    if REFERENCES.iter().any(|r| before.eq_ignore_ascii_case(r)) {
        return first.is_ascii_digit().then_some(after);
    }
    let core = before.trim_start_matches(['(', '+', '$', '€', '£', '₺', '₹', '₽', '₩', '¥']);
    let numeric = !core.is_empty()
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ')' | '-'));
    if !(ends_number && numeric) {
        return None;
    }
    let word = after.trim_end_matches(|c: char| !c.is_alphanumeric());
    let currency_code =
        (2..=4).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase());
    (first.is_ascii_digit() || currency_code || UNITS.iter().any(|u| word.eq_ignore_ascii_case(u)))
        .then_some(after)
}

/// Cuts words into chunks, with room for the break points of one word at a time.
struct Cutter<'a> {
    measure: &'a Measure,
    /// The widest a chunk may be: a line less a hyphen.
    limit: f32,
    points: Vec<(usize, Gap)>,
    emergency: Vec<(usize, Gap)>,
}

impl Cutter<'_> {
    /// Ends the word that starts at byte `*word` of `words` with `gap`: cuts it into chunks,
    /// and starts the next word where it ends.
    fn finish(&mut self, words: &Words, word: &mut usize, gap: Gap, chunks: &mut Vec<Chunk>) {
        let end = words.text.len();
        if *word == end {
            // A forced break right after a space: the break replaces the space.
            if gap == Gap::Hard
                && let Some(last) = chunks.last_mut()
            {
                last.after = Gap::Hard;
            }
            return;
        }
        self.split_word(words, *word..end, gap, chunks);
        *word = end;
    }

    /// Cuts one word, bytes `word` of `words`, into chunks at its break opportunities and
    /// appends them.
    fn split_word(&mut self, words: &Words, word: Range<usize>, gap: Gap, chunks: &mut Vec<Chunk>) {
        let size = self.measure.size;
        let text = &words.text[word.clone()];
        let offset = word.start;
        let points = &mut self.points;
        points.clear();
        // The paragraph's last word is not hyphenated: "Agree-" / "ment." leaves a runt line.
        break_points(text, self.measure.hyphenate, gap != Gap::End, points);
        if points.is_empty() {
            // A word without break points that fits a line is one chunk.
            let width = words.width(word.start, word.end, size);
            if width <= self.limit {
                chunks.push(Chunk {
                    start: word.start,
                    end: word.end,
                    width,
                    after: gap,
                    last: words.last_style(word.start, word.end),
                });
                return;
            }
        }
        let emergency = &mut self.emergency;
        emergency.clear();
        // The pieces between the break points, with their widths: the chunks, unless a piece
        // is too wide and must be cut further.
        let first = chunks.len();
        let mut from = 0;
        let ends = points
            .iter()
            .copied()
            .chain(std::iter::once((text.len(), gap)));
        for (to, kind) in ends {
            let width = words.width(offset + from, offset + to, size);
            chunks.push(Chunk {
                start: offset + from,
                end: offset + to,
                width,
                after: kind,
                last: words.last_style(offset + from, offset + to),
            });
            if width > self.limit {
                let mut piece_start = from;
                let mut width = 0.0;
                for (i, c) in text[from..to].char_indices() {
                    let at = from + i;
                    let style = words.style_at(offset + at);
                    let w = face(style).width(c.encode_utf8(&mut [0; 4]), size);
                    if width + w > self.limit && at > piece_start {
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
            return;
        }
        chunks.truncate(first);
        points.append(emergency);
        points.sort_by_key(|&(at, _)| at);
        points.dedup_by_key(|&mut (at, _)| at);
        let mut from = 0;
        for (to, kind) in points
            .iter()
            .copied()
            .chain(std::iter::once((text.len(), gap)))
        {
            chunks.push(Chunk {
                start: offset + from,
                end: offset + to,
                width: words.width(offset + from, offset + to, size),
                after: kind,
                last: words.last_style(offset + from, offset + to),
            });
            from = to;
        }
    }
}

/// Appends to `points` the byte offsets inside `word` where a line may break, and what the
/// break does; `inside`: whether to break inside words at their hyphens, dashes and syllables
/// (not in a paragraph's last word), as well as in email addresses and URLs.
fn break_points(
    word: &str,
    hyphenate: Option<Language>,
    inside: bool,
    points: &mut Vec<(usize, Gap)>,
) {
    // `contains(':')` first: a word without a colon is not a URL, found without a searcher.
    let scheme = word.contains(':') && word.contains("://");
    if word.contains('@') && !scheme {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        // An email address breaks after its `@` or after a dot, so no line starts with a dot.
        for (k, &(at, _)) in chars.iter().enumerate().skip(1) {
            let prev = chars[k - 1].1;
            let rest_has_letters = chars[k..].iter().any(|&(_, c)| c.is_alphanumeric());
            if matches!(prev, '@' | '.') && rest_has_letters && k + 1 < chars.len() {
                points.push((at, Gap::Join(URL_PENALTY)));
            }
        }
        return;
    }
    let looks_like_url = scheme || word.starts_with("www.");
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
        return;
    }
    if !inside {
        return;
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
            hyphenation_points(&word[start..at], start, language, points);
        }
    }
    points.sort_by_key(|&(at, _)| at);
    points.dedup_by_key(|&mut (at, _)| at);
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
    face(chunk.last).width("-", size)
}

/// The chunk indices that end lines, chosen to minimise total demerits.
///
/// Entry `k` of the tables below is the best paragraph prefix whose last line ends with chunk
/// `k - 1` (entry 0: the empty prefix): its least demerits, the chunk its last line starts
/// with, and whether that line ends in a hyphen. Kept as three tables rather than one of
/// structures, so that the inner loop, which runs some twenty times a chunk, reads only what
/// it needs.
fn best_breaks(chunks: &[Chunk], measure: &Measure) -> Vec<usize> {
    let n = chunks.len();
    let sums = sums(chunks);
    let mut demerits = vec![f64::INFINITY; n + 1];
    let mut from = vec![0_usize; n + 1];
    let mut hyphenated = vec![false; n + 1];
    demerits[0] = 0.0;
    // Lines never run across a forced break.
    let mut floor = 0;
    for (j, chunk) in chunks.iter().enumerate() {
        // The candidates' tables, sliced once so that the loop indexes them unchecked.
        let (best, start, best_hyphenated) = best_start(
            chunk,
            sums[j + 1],
            &sums[floor..=j],
            &demerits[floor..=j],
            &hyphenated[floor..=j],
            measure,
        );
        // A chunk no line can end with keeps start 0, as it always has.
        let best_from = if best.is_infinite() { 0 } else { floor + start };
        demerits[j + 1] = best;
        from[j + 1] = best_from;
        hyphenated[j + 1] = best_hyphenated;
        if matches!(chunk.after, Gap::Hard) {
            floor = j + 1;
            // Only paths through this break are allowed from here on.
            demerits[..=j].fill(f64::INFINITY);
        }
    }
    let mut breaks = Vec::new();
    let mut k = n;
    while k > 0 {
        breaks.push(k - 1);
        k = from[k];
    }
    breaks.reverse();
    breaks
}

/// The best start for a line ending with `chunk`, among `starts` (the sums before each
/// candidate start, the last being `chunk` itself), `befores` (the least demerits of the
/// paragraph before each) and `hyphens` (whether that ends in a hyphen), given `end`, the
/// sums up to and with `chunk`: the least demerits of the paragraph up to `chunk`, the index
/// of the start, and whether the line ends in a hyphen.
fn best_start(
    chunk: &Chunk,
    end: Sum,
    starts: &[Sum],
    befores: &[f64],
    hyphens: &[bool],
    measure: &Measure,
) -> (f64, usize, bool) {
    let (extra, extra_stretch, extra_shrink) = trailing(chunk, measure.size);
    let last = matches!(chunk.after, Gap::Hard | Gap::End);
    let justified = !last && measure.align == Align::Justify;
    let penalty = match chunk.after {
        Gap::Hyphen => HYPHEN_PENALTY,
        Gap::Join(p) => p,
        _ => 0.0,
    };
    let penalty = f64::from(penalty).powi(2);
    let ends_hyphenated = matches!(chunk.after, Gap::Hyphen | Gap::Join(_));
    let (mut best, mut best_from, mut best_hyphenated) = (f64::INFINITY, 0, false);
    // A line no wider than the measure is loose if it is not justified (its badness is
    // nought) or so loose that its badness is the highest (a justified line of a word or
    // two): every loose line ending with `chunk` has the same demerits, `loose_line`.
    // Lines only grow wider and stretchier as they start further back, so the loose ones
    // are the shortest few, found by bisection (`loose_from`) and scored without working
    // out how far their spaces stretch.
    let loose = |start: &Sum| {
        let natural = end.width - start.width + extra;
        natural <= measure.width
            && (!justified || {
                let stretch = end.stretch - start.stretch + extra_stretch;
                let ratio = if stretch > 0.0 {
                    (measure.width - natural) / stretch
                } else {
                    10.0
                };
                (100.0 * ratio.abs().powi(3)).min(10_000.0) >= 10_000.0
            })
    };
    let loose_badness = if justified { 10_000.0 } else { 0.0 };
    let loose_line = (10.0_f64 + loose_badness).powi(2) + penalty;
    let loose_hyphens = loose_line + CONSECUTIVE_HYPHENS;
    let count = starts.len().min(befores.len()).min(hyphens.len());
    let loose_from = first_loose(&starts[..count], loose);
    // A loose line is no wider than the measure; it cannot be too wide to shrink into it
    // either unless its spaces shrink by less than nothing (rounding in the sums), which
    // the shortest of them, shrinking least, would show.
    let fits = loose_from == count || {
        let start = starts[count - 1];
        end.shrink - start.shrink + extra_shrink >= 0.0
    };
    // The lines ending with chunk j, from the shortest (`chunk` alone) back to the
    // longest that fits; of equal demerits the shortest wins. A start nothing reaches has
    // infinite demerits and is never the best.
    let mut k = count;
    if fits {
        while k > loose_from {
            k -= 1;
            let line = if ends_hyphenated && hyphens[k] {
                loose_hyphens
            } else {
                loose_line
            };
            let total = befores[k] + line;
            if total < best {
                best = total;
                best_from = k;
                best_hyphenated = ends_hyphenated;
            }
        }
    }
    while k > 0 {
        k -= 1;
        let before = befores[k];
        if before.is_infinite() {
            continue;
        }
        let start = starts[k];
        let natural = end.width - start.width + extra;
        let shrink = end.shrink - start.shrink + extra_shrink;
        if natural - shrink > measure.width + 1e-3 {
            if k + 1 == count {
                // Cannot happen after emergency splitting; keep a path anyway.
                let d = before + 1e12;
                if d < best {
                    best = d;
                    best_from = k;
                }
            }
            break;
        }
        let mut line = if k >= loose_from {
            loose_line
        } else {
            let stretch = || end.stretch - start.stretch + extra_stretch;
            let badness = badness(natural, shrink, stretch, justified, measure.width);
            (10.0 + badness).powi(2) + penalty
        };
        if ends_hyphenated && hyphens[k] {
            line += CONSECUTIVE_HYPHENS;
        }
        let total = before + line;
        if total < best {
            best = total;
            best_from = k;
            best_hyphenated = ends_hyphenated;
        }
    }
    (best, best_from, best_hyphenated)
}

/// The first of `starts` from which on every line is loose (`starts.len()` if none is), given
/// that a line starting later than a loose one is loose too: galloping back from the shortest
/// line, then bisection.
fn first_loose(starts: &[Sum], loose: impl Fn(&Sum) -> bool) -> usize {
    let count = starts.len();
    let (mut low, mut high, mut step) = (0, count, 1);
    while step <= count {
        if loose(&starts[count - step]) {
            high = count - step;
            step *= 2;
        } else {
            low = count - step + 1;
            break;
        }
    }
    (low + starts[low..high].partition_point(|start| !loose(start))).min(count)
}

/// The badness of a line of `natural` width, whose spaces shrink by `shrink` and stretch by
/// `stretch()`, in a measure `width` wide: 100 times the cube of how far its spaces must
/// shrink or stretch as a share of what they can, at most 10 000. A line that is not
/// `justified` and not too wide has none.
fn badness(
    natural: f32,
    shrink: f32,
    stretch: impl FnOnce() -> f32,
    justified: bool,
    width: f32,
) -> f64 {
    let ratio = if natural > width {
        (width - natural) / shrink
    } else if !justified {
        0.0
    } else {
        let stretch = stretch();
        if stretch > 0.0 {
            (width - natural) / stretch
        } else {
            10.0
        }
    };
    f64::from((100.0 * ratio.abs().powi(3)).min(10_000.0))
}

/// Positions the chunks of one line, copying their text out of `words`.
fn set_line(chunks: &[Chunk], words: &Words, measure: &Measure) -> SetLine {
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
    let mut fragments: Vec<Fragment> = Vec::with_capacity(chunks.len());
    let count = chunks.len();
    for (k, chunk) in chunks.iter().enumerate() {
        let is_last = k + 1 == count;
        let mut spans = words.spans(chunk.start, chunk.end).peekable();
        while let Some((a, b, run)) = spans.next() {
            let text = &words.text[a..b];
            // The last span of a chunk ends in the space or hyphen a break there sets.
            let mut added = None;
            let mut gap = 0.0;
            if spans.peek().is_none() {
                match chunk.after {
                    Gap::Space(space) if !is_last => {
                        added = Some(' ');
                        gap = space * per_space;
                    }
                    Gap::Hyphen if is_last => added = Some('-'),
                    _ => {}
                }
            }
            // The width of `text` and the added character, measured as one string.
            let metrics = face(run.style);
            let width = text
                .chars()
                .chain(added)
                .filter_map(|c| metrics.advance(c))
                .sum::<f32>()
                * measure.size;
            let joins = fragments.last().is_some_and(|f: &Fragment| {
                f.style == run.style
                    && f.link == run.link
                    && !f.text.ends_with(' ')
                    && (f.x + f.width - x).abs() < 1e-3
            });
            if joins {
                let f = fragments.last_mut().expect("checked");
                f.text.push_str(text);
                if let Some(c) = added {
                    f.text.push(c);
                }
                f.width += width;
            } else {
                let mut owned = String::with_capacity(text.len() + 1);
                owned.push_str(text);
                if let Some(c) = added {
                    owned.push(c);
                }
                fragments.push(Fragment {
                    x,
                    width,
                    text: owned,
                    style: run.style,
                    size: measure.size,
                    link: run.link,
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
