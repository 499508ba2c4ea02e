//! A question typed into at the terminal, drawn by clausewright itself on crossterm: takes the
//! question, its help, its hint (the default) and a check, and returns what was typed once the
//! check takes it. It is drawn as inquire draws its prompts (`? question (default) answer`,
//! the help in brackets below, an error above), but wrapped at spaces to the window's width and
//! drawn again when the window is resized, and typed into with readline's keys ([`Line`]).
//! inquire 0.9 cannot do either: its input maps keys through a fixed table that types Ctrl-U,
//! Ctrl-W, Ctrl-A, Ctrl-E and Alt-Backspace as letters, and its renderer breaks lines at the
//! last column, inside words. The layout ([`asking`], [`answered`]) is a plain function of the
//! field and the width, tested without a terminal; [`ask`] reads keys and draws.

use std::io::{self, Write};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Color, Print, ResetColor, SetForegroundColor};
use crossterm::{cursor, execute, queue, terminal};

use super::line::{Edit, Line};
use super::wrap::{char_width, width, wrap_hanging};

/// A question to type the answer of.
pub(crate) struct Field<'a> {
    /// The question.
    pub message: &'a str,
    /// Advice shown below it.
    pub help: Option<&'a str>,
    /// Shown in brackets after the question: the default, or `Y/n`.
    pub hint: Option<&'a str>,
    /// Shown grey in the empty input.
    pub placeholder: Option<&'a str>,
    /// Already typed when the question is asked.
    pub initial: &'a str,
    /// Whether to draw in colour (not when `NO_COLOR` is set).
    pub colored: bool,
}

/// How a question ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Answer<T> {
    /// The check took what was typed.
    Given(T),
    /// Esc.
    Cancelled,
    /// Ctrl-C.
    Interrupted,
}

/// What a key does in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Changes the text or moves the cursor.
    Edit(Edit),
    /// Enter: the check decides.
    Submit,
    /// Esc.
    Cancel,
    /// Ctrl-C.
    Interrupt,
}

/// What `key` does, as readline and inquire would have it; `None` for a key that does nothing.
pub(crate) fn action(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let edit = match key.code {
        KeyCode::Enter => return Some(Action::Submit),
        KeyCode::Esc => return Some(Action::Cancel),
        KeyCode::Char('c') if control => return Some(Action::Interrupt),
        KeyCode::Char(c) if control && !alt => match c {
            'a' => Edit::Start,
            'e' => Edit::End,
            'b' => Edit::Back,
            'f' => Edit::Forward,
            'h' => Edit::DeleteBack,
            'd' => Edit::DeleteForward,
            'u' => Edit::KillToStart,
            'k' => Edit::KillToEnd,
            'w' => Edit::KillSpacedWordBack,
            'y' => Edit::Yank,
            _ => return None,
        },
        KeyCode::Char(c) if alt && !control => match c {
            'b' => Edit::WordBack,
            'f' => Edit::WordForward,
            'd' => Edit::KillWordForward,
            _ => return None,
        },
        KeyCode::Char(c) if !control && !alt => Edit::Insert(c),
        KeyCode::Backspace if control || alt => Edit::KillWordBack,
        KeyCode::Backspace => Edit::DeleteBack,
        KeyCode::Delete if control || alt => Edit::KillWordForward,
        KeyCode::Delete => Edit::DeleteForward,
        KeyCode::Left if control || alt => Edit::WordBack,
        KeyCode::Left => Edit::Back,
        KeyCode::Right if control || alt => Edit::WordForward,
        KeyCode::Right => Edit::Forward,
        KeyCode::Home => Edit::Start,
        KeyCode::End => Edit::End,
        _ => return None,
    };
    Some(Action::Edit(edit))
}

/// How a piece of a frame is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Plain,
    /// The `?` or `>` before a question.
    Prefix,
    /// The default after the question.
    Hint,
    Placeholder,
    Help,
    Error,
    /// The answer after an answered question.
    Answer,
    /// `<canceled>`.
    Canceled,
}

impl Tone {
    /// The colour inquire gives it.
    fn color(self) -> Option<Color> {
        match self {
            Tone::Plain | Tone::Hint => None,
            Tone::Prefix => Some(Color::Green),
            Tone::Placeholder => Some(Color::DarkGrey),
            Tone::Help | Tone::Answer => Some(Color::Cyan),
            Tone::Error => Some(Color::Red),
            Tone::Canceled => Some(Color::DarkRed),
        }
    }
}

/// What is drawn: rows of coloured pieces, none wider than the window, and where the cursor
/// stands (row, column).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Frame {
    pub rows: Vec<Vec<(Tone, String)>>,
    pub cursor: (usize, usize),
}

impl Frame {
    /// The rows as plain text, for tests.
    #[cfg(test)]
    pub(crate) fn text(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| row.iter().map(|(_, text)| text.as_str()).collect())
            .collect()
    }

    /// The columns each row takes.
    fn widths(&self) -> Vec<usize> {
        self.rows
            .iter()
            .map(|row| row.iter().map(|(_, text)| width(text)).sum())
            .collect()
    }
}

/// Lays a frame out row by row within `columns` (a field's, and a list's).
pub(super) struct Layout {
    pub(super) columns: usize,
    pub(super) frame: Frame,
    /// The columns taken on the last row.
    pub(super) used: usize,
}

impl Layout {
    pub(super) fn new(columns: usize) -> Self {
        Layout {
            columns: columns.max(1),
            frame: Frame::default(),
            used: 0,
        }
    }

    /// Starts a new row.
    pub(super) fn row(&mut self) {
        self.frame.rows.push(Vec::new());
        self.used = 0;
    }

    pub(super) fn push(&mut self, tone: Tone, text: &str) {
        if self.frame.rows.is_empty() {
            self.row();
        }
        self.used += width(text);
        let row = self.frame.rows.last_mut().expect("a row was started");
        match row.last_mut() {
            Some((last, piece)) if *last == tone => piece.push_str(text),
            _ => row.push((tone, text.to_owned())),
        }
    }

    /// `text` wrapped at spaces on rows of its own, the first character in `first` (the
    /// prefix), the rest in `tone`, continuation rows indented by `hang`.
    pub(super) fn lines(&mut self, text: &str, hang: usize, first: Tone, tone: Tone) {
        for (i, line) in wrap_hanging(text, self.columns, hang).iter().enumerate() {
            self.row();
            let mut chars = line.chars();
            match chars.next() {
                Some(c) if i == 0 => {
                    self.push(first, &c.to_string());
                    self.push(tone, chars.as_str());
                }
                _ => self.push(tone, line),
            }
        }
    }

    /// The words of `text` after what the last row holds, each after a space, on a new row
    /// (indented by `hang`) when it does not fit.
    fn words(&mut self, text: &str, hang: usize, tone: Tone) {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            if self.used + 1 + width(word) <= self.columns {
                self.push(Tone::Plain, " ");
            } else {
                self.row();
                self.push(Tone::Plain, &" ".repeat(hang.min(self.columns / 2)));
            }
            self.chars(&word.chars().collect::<Vec<_>>(), tone, None);
        }
    }

    /// Characters flowed onto the rows, a new row where the next does not fit; returns where
    /// the character at `cursor` (or the end, for the length) stands.
    pub(super) fn chars(
        &mut self,
        chars: &[char],
        tone: Tone,
        cursor: Option<usize>,
    ) -> (usize, usize) {
        let mut at = None;
        for (i, c) in chars.iter().enumerate() {
            let w = char_width(*c);
            if self.used + w > self.columns {
                self.row();
            }
            if cursor == Some(i) {
                at = Some(self.here());
            }
            self.push(tone, &c.to_string());
        }
        at.unwrap_or_else(|| {
            if self.used >= self.columns {
                self.row();
            }
            self.here()
        })
    }

    pub(super) fn here(&self) -> (usize, usize) {
        (self.frame.rows.len().saturating_sub(1), self.used)
    }
}

/// The frame of a question being typed into: the error of the last Enter above it, the
/// question with its hint and what is typed, the help below.
pub(crate) fn asking(field: &Field<'_>, line: &Line, error: Option<&str>, columns: usize) -> Frame {
    let mut layout = Layout::new(columns);
    if let Some(error) = error {
        layout.lines(&format!("# {error}"), 2, Tone::Error, Tone::Error);
    }
    layout.lines(
        &format!("? {}", field.message),
        2,
        Tone::Prefix,
        Tone::Plain,
    );
    if let Some(hint) = field.hint {
        layout.words(&format!("({hint})"), 2, Tone::Hint);
    }
    // What is typed starts after a space, on a new row when none is left.
    if layout.used + 2 > layout.columns {
        layout.row();
    } else {
        layout.push(Tone::Plain, " ");
    }
    let cursor = match field.placeholder {
        Some(placeholder) if line.chars().is_empty() => {
            let here = layout.here();
            let placeholder: Vec<char> = placeholder.chars().collect();
            layout.chars(&placeholder, Tone::Placeholder, None);
            here
        }
        _ => layout.chars(line.chars(), Tone::Plain, Some(line.cursor())),
    };
    if let Some(help) = field.help {
        layout.lines(&format!("[{help}]"), 1, Tone::Help, Tone::Help);
    }
    layout.frame.cursor = cursor;
    layout.frame
}

/// The frame left on the screen once the question is answered: `> question answer`
/// (`? question answer` without colour, as inquire has it).
pub(crate) fn answered(field: &Field<'_>, answer: &str, columns: usize) -> Frame {
    let prefix = if field.colored { '>' } else { '?' };
    let question = format!("{prefix} {}", field.message);
    closed(&question, answer, Tone::Answer, columns)
}

/// The frame left on the screen after Esc: `? question <canceled>`.
pub(crate) fn canceled(field: &Field<'_>, columns: usize) -> Frame {
    let question = format!("? {}", field.message);
    closed(&question, "<canceled>", Tone::Canceled, columns)
}

/// `question` and after it `end`, wrapped; the cursor after them.
fn closed(question: &str, end: &str, tone: Tone, columns: usize) -> Frame {
    let mut layout = Layout::new(columns);
    layout.lines(question, 2, Tone::Prefix, Tone::Plain);
    layout.words(end, 2, tone);
    layout.frame.cursor = layout.here();
    layout.frame
}

/// The terminal's width in columns (80 when it cannot be told).
pub(crate) fn columns() -> usize {
    terminal::size().map_or(80, |(columns, _)| usize::from(columns).max(1))
}

/// Raw mode and bracketed paste while a question is asked, restored however it ends.
pub(super) struct Raw;

impl Raw {
    pub(super) fn on() -> io::Result<Self> {
        terminal::enable_raw_mode()?;
        if let Err(error) = execute!(io::stderr(), event::EnableBracketedPaste) {
            let _ = terminal::disable_raw_mode();
            return Err(error);
        }
        Ok(Raw)
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = execute!(io::stderr(), event::DisableBracketedPaste);
        let _ = terminal::disable_raw_mode();
    }
}

/// The frame on the screen: how wide its rows are and where the cursor is in it, so that the
/// next one is drawn over it.
pub(super) struct Screen {
    colored: bool,
    widths: Vec<usize>,
    cursor: (usize, usize),
}

impl Screen {
    /// Nothing drawn yet.
    pub(super) fn new(colored: bool) -> Self {
        Screen {
            colored,
            widths: Vec::new(),
            cursor: (0, 0),
        }
    }

    /// Draws `frame` over the one on the screen.
    pub(super) fn draw(&mut self, out: &mut impl Write, frame: &Frame) -> io::Result<()> {
        queue!(out, cursor::Hide)?;
        if let Ok(up) = u16::try_from(self.cursor.0)
            && up > 0
        {
            queue!(out, cursor::MoveUp(up))?;
        }
        queue!(
            out,
            cursor::MoveToColumn(0),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        )?;
        for (i, row) in frame.rows.iter().enumerate() {
            if i > 0 {
                queue!(out, Print("\r\n"))?;
            }
            for (tone, text) in row {
                match tone.color().filter(|_| self.colored) {
                    Some(color) => {
                        queue!(out, SetForegroundColor(color), Print(text), ResetColor)?;
                    }
                    None => queue!(out, Print(text))?,
                }
            }
        }
        let last = frame.rows.len().saturating_sub(1);
        if let Ok(up) = u16::try_from(last.saturating_sub(frame.cursor.0))
            && up > 0
        {
            queue!(out, cursor::MoveUp(up))?;
        }
        let column = u16::try_from(frame.cursor.1).unwrap_or(u16::MAX);
        queue!(out, cursor::MoveToColumn(column), cursor::Show)?;
        out.flush()?;
        self.widths = frame.widths();
        self.cursor = frame.cursor;
        Ok(())
    }

    /// The window is now `columns` wide: the terminal has wrapped each row wider than that
    /// (as tmux, VTE, iTerm2, kitty and Windows Terminal do), which moves the cursor down.
    pub(super) fn resized(&mut self, columns: usize) {
        let columns = columns.max(1);
        let rows = |width: usize| width.div_ceil(columns).max(1);
        let (row, column) = self.cursor;
        let above: usize = self.widths.iter().take(row).map(|w| rows(*w)).sum();
        self.cursor = (above + column / columns, column % columns);
        self.widths = self
            .widths
            .iter()
            .flat_map(|w| {
                let full = w / columns;
                let mut split = vec![columns; full];
                if w % columns > 0 || full == 0 {
                    split.push(w % columns);
                }
                split
            })
            .collect();
    }

    /// Moves below the frame, leaving it on the screen.
    pub(super) fn leave(&mut self, out: &mut impl Write) -> io::Result<()> {
        let below = self.widths.len().saturating_sub(1 + self.cursor.0);
        if let Ok(down) = u16::try_from(below)
            && down > 0
        {
            queue!(out, cursor::MoveDown(down))?;
        }
        queue!(out, Print("\r\n"))?;
        out.flush()?;
        self.widths.clear();
        self.cursor = (0, 0);
        Ok(())
    }
}

/// Asks `field` on standard error until `take` takes what was typed (it returns the value and
/// how to show it, or the error to show above the question), or the user presses Esc or
/// Ctrl-C.
pub(crate) fn ask<T>(
    field: &Field<'_>,
    mut take: impl FnMut(&str) -> Result<(T, String), String>,
) -> io::Result<Answer<T>> {
    let _raw = Raw::on()?;
    let mut out = io::stderr();
    let mut screen = Screen::new(field.colored);
    let mut line = Line::new(field.initial);
    let mut error: Option<String> = None;
    loop {
        let frame = asking(field, &line, error.as_deref(), columns());
        screen.draw(&mut out, &frame)?;
        match event::read()? {
            Event::Key(key) => match action(key) {
                Some(Action::Edit(edit)) => line.apply(edit),
                Some(Action::Submit) => match take(&line.text()) {
                    Ok((value, shown)) => {
                        screen.draw(&mut out, &answered(field, &shown, columns()))?;
                        screen.leave(&mut out)?;
                        return Ok(Answer::Given(value));
                    }
                    Err(message) => error = Some(message),
                },
                Some(Action::Cancel) => {
                    screen.draw(&mut out, &canceled(field, columns()))?;
                    screen.leave(&mut out)?;
                    return Ok(Answer::Cancelled);
                }
                Some(Action::Interrupt) => {
                    screen.leave(&mut out)?;
                    return Ok(Answer::Interrupted);
                }
                None => {}
            },
            // A pasted line is typed in, its line breaks as spaces.
            Event::Paste(text) => {
                for c in text.chars() {
                    line.apply(Edit::Insert(if c.is_control() { ' ' } else { c }));
                }
            }
            Event::Resize(columns, _) => screen.resized(usize::from(columns)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn readline_keys_edit_instead_of_typing_letters() {
        let ctrl = KeyModifiers::CONTROL;
        let alt = KeyModifiers::ALT;
        for (code, modifiers, edit) in [
            (KeyCode::Char('u'), ctrl, Edit::KillToStart),
            (KeyCode::Char('w'), ctrl, Edit::KillSpacedWordBack),
            (KeyCode::Char('a'), ctrl, Edit::Start),
            (KeyCode::Char('e'), ctrl, Edit::End),
            (KeyCode::Char('k'), ctrl, Edit::KillToEnd),
            (KeyCode::Char('h'), ctrl, Edit::DeleteBack),
            (KeyCode::Backspace, alt, Edit::KillWordBack),
            (KeyCode::Backspace, KeyModifiers::NONE, Edit::DeleteBack),
            (KeyCode::Char('b'), alt, Edit::WordBack),
            (KeyCode::Left, ctrl, Edit::WordBack),
            (KeyCode::Home, KeyModifiers::NONE, Edit::Start),
            (KeyCode::Char('U'), KeyModifiers::SHIFT, Edit::Insert('U')),
            (KeyCode::Char('ş'), KeyModifiers::NONE, Edit::Insert('ş')),
        ] {
            assert_eq!(
                key(code, modifiers),
                Some(Action::Edit(edit)),
                "{code:?} {modifiers:?}"
            );
        }
        assert_eq!(key(KeyCode::Char('c'), ctrl), Some(Action::Interrupt));
        assert_eq!(key(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Cancel));
        assert_eq!(
            key(KeyCode::Enter, KeyModifiers::NONE),
            Some(Action::Submit)
        );
        assert_eq!(key(KeyCode::Char('x'), ctrl), None);
        assert_eq!(key(KeyCode::Tab, KeyModifiers::NONE), None);
    }

    fn field<'a>(message: &'a str, help: Option<&'a str>, hint: Option<&'a str>) -> Field<'a> {
        Field {
            message,
            help,
            hint,
            placeholder: None,
            initial: "",
            colored: true,
        }
    }

    #[test]
    fn a_question_and_its_help_are_wrapped_at_spaces() {
        let asked = field(
            "The city or county whose courts hear disputes",
            Some("Usually your own, so that you never have to sue far from home."),
            Some("Multnomah County"),
        );
        let frame = asking(&asked, &Line::new("Bris"), None, 30);
        assert_eq!(
            frame.text(),
            [
                "? The city or county whose",
                "  courts hear disputes",
                "  (Multnomah County) Bris",
                "[Usually your own, so that you",
                " never have to sue far from",
                " home.]"
            ]
        );
        assert_eq!(frame.cursor, (2, 25));
        assert_eq!(frame.rows[0][0], (Tone::Prefix, "?".to_owned()));
    }

    #[test]
    fn the_error_is_above_and_a_long_answer_flows_on_with_the_cursor_in_it() {
        let asked = field("Your name", None, None);
        let mut line = Line::new("Maya Lindqvist-Hoffmann");
        line.apply(Edit::Start);
        line.apply(Edit::WordForward);
        let frame = asking(&asked, &line, Some("This question needs an answer."), 16);
        assert_eq!(
            frame.text(),
            [
                "# This question",
                "  needs an",
                "  answer.",
                "? Your name Maya",
                " Lindqvist-Hoffm",
                "ann"
            ]
        );
        assert_eq!(frame.cursor, (4, 0));
        // At the end of a full row, the cursor waits on the next.
        let frame = asking(&asked, &Line::new("Maya"), None, 16);
        assert_eq!(frame.text(), ["? Your name Maya", ""]);
        assert_eq!(frame.cursor, (1, 0));
    }

    #[test]
    fn the_placeholder_shows_until_something_is_typed() {
        let mut asked = field("When will work start?", None, None);
        asked.placeholder = Some("YYYY-MM-DD");
        let frame = asking(&asked, &Line::default(), None, 80);
        assert_eq!(frame.text(), ["? When will work start? YYYY-MM-DD"]);
        assert_eq!(frame.cursor, (0, 24));
        assert_eq!(
            asking(&asked, &Line::new("2026"), None, 80).text(),
            ["? When will work start? 2026"]
        );
    }

    #[test]
    fn an_answered_question_keeps_its_answer_and_esc_says_canceled() {
        let mut asked = field("Your postal address", Some("help"), None);
        assert_eq!(
            answered(&asked, "418 South Sixth Street, Springfield", 30).text(),
            [
                "> Your postal address 418",
                "  South Sixth Street,",
                "  Springfield"
            ]
        );
        asked.colored = false;
        assert_eq!(
            answered(&asked, "here", 80).text(),
            ["? Your postal address here"]
        );
        assert_eq!(
            canceled(&asked, 80).text(),
            ["? Your postal address <canceled>"]
        );
    }

    #[test]
    fn after_a_resize_the_cursor_is_found_where_the_terminal_rewrapped_it() {
        let mut screen = Screen {
            colored: false,
            widths: vec![60, 25, 70],
            cursor: (2, 50),
        };
        screen.resized(40);
        // 60 columns take two rows at 40, 25 one, and column 50 is on the second row of the
        // third.
        assert_eq!(screen.cursor, (4, 10));
        assert_eq!(screen.widths, [40, 20, 25, 40, 30]);
    }
}
