//! A list to pick one option from, drawn by clausewright itself on crossterm: takes the
//! question, its help and the options, and returns the index of the option picked. It is
//! drawn as inquire's `Select` is (`? question`, the options below it with `>` at the one
//! under the cursor and `^` or `v` where the page scrolls on, the help in brackets below), but
//! wrapped at spaces to the window's width and drawn again as soon as the window is resized.
//! inquire 0.9.4 cannot: its key reader (`CrosstermKeyReader::read_key`) reads past resize
//! events to the next key, a prompt takes no reader or backend of ours
//! (`Select::prompt_with_backend` is `pub(crate)`), and it breaks its lines at the last
//! column. The keys are inquire's: ↑↓ (Ctrl-P, Ctrl-N) move and wrap around, Page Up and
//! Page Down move a page, Home and End go to the first and the last, Enter picks, Esc
//! cancels, and in a long list typing filters the options (the filter edited with the keys of
//! a typed answer). The layout ([`asking`]) is a plain function of the list, where the user
//! is and the width, tested without a terminal; [`ask`] reads keys and draws.

use std::io;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::field::{self, Action, Answer, Field, Frame, Layout, Raw, Screen, Tone};
use super::line::{Edit, Line};

/// A question answered by picking one of its options.
pub(crate) struct List<'a> {
    /// The question.
    pub message: &'a str,
    /// Advice shown below the options.
    pub help: Option<&'a str>,
    /// What to pick from.
    pub options: &'a [String],
    /// The option under the cursor at first.
    pub start: usize,
    /// The most options shown at once.
    pub page: usize,
    /// Whether typing filters the options.
    pub filter: bool,
    /// Whether to draw in colour (not when `NO_COLOR` is set).
    pub colored: bool,
}

/// Where the user is in a list: the filter typed, the options it lets through, and which of
/// those is under the cursor.
#[derive(Debug)]
pub(crate) struct State {
    filter: Line,
    /// The options the filter lets through, by their index, in order.
    shown: Vec<usize>,
    /// The place in `shown` of the option under the cursor.
    cursor: usize,
}

/// A move of the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

/// What a key does in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Move(Move),
    /// Edits the filter (a long list only).
    Filter(Edit),
    /// Enter: picks the option under the cursor.
    Pick,
    /// Esc.
    Cancel,
    /// Ctrl-C.
    Interrupt,
}

impl State {
    /// At the start: every option shown, the cursor on `list.start`.
    pub(crate) fn new(list: &List<'_>) -> Self {
        let count = list.options.len();
        State {
            filter: Line::default(),
            shown: (0..count).collect(),
            cursor: list.start.min(count.saturating_sub(1)),
        }
    }

    /// The option under the cursor, by its index; none when the filter lets none through.
    pub(crate) fn chosen(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// Moves the cursor: one step wraps around the ends, a page stops at them.
    pub(crate) fn go(&mut self, to: Move, page: usize) {
        let Some(last) = self.shown.len().checked_sub(1) else {
            return;
        };
        self.cursor = match to {
            Move::Up if self.cursor == 0 => last,
            Move::Up => self.cursor - 1,
            Move::Down if self.cursor >= last => 0,
            Move::Down => self.cursor + 1,
            Move::PageUp => self.cursor.saturating_sub(page.max(1)),
            Move::PageDown => (self.cursor + page.max(1)).min(last),
            Move::First => 0,
            Move::Last => last,
        };
    }

    /// Edits the filter and shows the options whose text holds it (whatever the case), the
    /// cursor on the first of them.
    pub(crate) fn filter(&mut self, list: &List<'_>, edit: Edit) {
        let before = self.filter.text();
        self.filter.apply(edit);
        let typed = self.filter.text();
        if typed == before {
            return;
        }
        let typed = typed.to_lowercase();
        self.shown = (0..list.options.len())
            .filter(|&i| list.options[i].to_lowercase().contains(&typed))
            .collect();
        self.cursor = 0;
    }
}

/// What `key` does in a list that is filtered by typing when `filter` is set; `None` for a
/// key that does nothing.
pub(crate) fn key(key: KeyEvent, filter: bool) -> Option<Key> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let to = match key.code {
        KeyCode::Up => Move::Up,
        KeyCode::Char('p') if control => Move::Up,
        KeyCode::Down => Move::Down,
        KeyCode::Char('n') if control => Move::Down,
        KeyCode::PageUp => Move::PageUp,
        KeyCode::PageDown => Move::PageDown,
        KeyCode::Home => Move::First,
        KeyCode::End => Move::Last,
        _ => {
            return match field::action(key)? {
                Action::Submit => Some(Key::Pick),
                Action::Cancel => Some(Key::Cancel),
                Action::Interrupt => Some(Key::Interrupt),
                Action::Edit(edit) => filter.then_some(Key::Filter(edit)),
            };
        }
    };
    Some(Key::Move(to))
}

/// The frame of a list being picked from: the question (and the filter typed), the page of
/// options around the cursor, the help below.
pub(crate) fn asking(list: &List<'_>, state: &State, columns: usize) -> Frame {
    let mut layout = Layout::new(columns);
    layout.lines(&format!("? {}", list.message), 2, Tone::Prefix, Tone::Plain);
    let mut cursor = layout.here();
    if list.filter {
        if layout.used + 2 > layout.columns {
            layout.row();
        } else {
            layout.push(Tone::Plain, " ");
        }
        cursor = layout.chars(
            state.filter.chars(),
            Tone::Plain,
            Some(state.filter.cursor()),
        );
    }
    let page = list.page.max(1);
    let count = state.shown.len();
    let first = state
        .cursor
        .saturating_sub(page / 2)
        .min(count.saturating_sub(page));
    let end = (first + page).min(count);
    for (at, &index) in state.shown.iter().enumerate().take(end).skip(first) {
        let (mark, tone) = if at == state.cursor {
            ('>', Tone::Answer)
        } else if at == first && first > 0 {
            ('^', Tone::Plain)
        } else if at + 1 == end && end < count {
            ('v', Tone::Plain)
        } else {
            (' ', Tone::Plain)
        };
        layout.lines(&format!("{mark} {}", list.options[index]), 2, tone, tone);
    }
    if let Some(help) = list.help {
        layout.lines(&format!("[{help}]"), 1, Tone::Help, Tone::Help);
    }
    layout.frame.cursor = cursor;
    layout.frame
}

/// Asks `list` on standard error until an option is picked (its index), or the user presses
/// Esc or Ctrl-C.
pub(crate) fn ask(list: &List<'_>) -> io::Result<Answer<usize>> {
    let _raw = Raw::on()?;
    let mut out = io::stderr();
    let mut screen = Screen::new(list.colored);
    let mut state = State::new(list);
    // How the question is left on the screen: as a field's.
    let asked = Field {
        message: list.message,
        help: None,
        hint: None,
        placeholder: None,
        initial: "",
        colored: list.colored,
    };
    loop {
        screen.draw(&mut out, &asking(list, &state, field::columns()))?;
        match event::read()? {
            Event::Key(pressed) => match key(pressed, list.filter) {
                Some(Key::Move(to)) => state.go(to, list.page),
                Some(Key::Filter(edit)) => state.filter(list, edit),
                Some(Key::Pick) => {
                    if let Some(index) = state.chosen() {
                        let shown = &list.options[index];
                        screen.draw(&mut out, &field::answered(&asked, shown, field::columns()))?;
                        screen.leave(&mut out)?;
                        return Ok(Answer::Given(index));
                    }
                }
                Some(Key::Cancel) => {
                    screen.draw(&mut out, &field::canceled(&asked, field::columns()))?;
                    screen.leave(&mut out)?;
                    return Ok(Answer::Cancelled);
                }
                Some(Key::Interrupt) => {
                    screen.leave(&mut out)?;
                    return Ok(Answer::Interrupted);
                }
                None => {}
            },
            // A pasted filter is typed in, its line breaks as spaces.
            Event::Paste(text) if list.filter => {
                for c in text.chars() {
                    state.filter(list, Edit::Insert(if c.is_control() { ' ' } else { c }));
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

    fn options(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| (*l).to_owned()).collect()
    }

    fn list(options: &[String], page: usize, filter: bool) -> List<'_> {
        List {
            message: "Which country's law governs the contract?",
            help: Some("Usually your own. (↑↓ to move, Enter to choose)"),
            options,
            start: 0,
            page,
            filter,
            colored: true,
        }
    }

    #[test]
    fn the_question_options_and_help_are_wrapped_at_spaces() {
        let labels = options(&[
            "The United States (a state's law)",
            "Germany",
            "Another country (you write the law and the courts)",
        ]);
        let mut asked = list(&labels, 12, false);
        asked.start = 2;
        let state = State::new(&asked);
        assert_eq!(
            asking(&asked, &state, 26).text(),
            [
                "? Which country's law",
                "  governs the contract?",
                "  The United States (a",
                "  state's law)",
                "  Germany",
                "> Another country (you",
                "  write the law and the",
                "  courts)",
                "[Usually your own. (↑↓ to",
                " move, Enter to choose)]",
            ]
        );
        // The same list in a wider window takes fewer rows.
        assert_eq!(asking(&asked, &state, 80).rows.len(), 5);
    }

    #[test]
    fn a_long_list_shows_a_page_around_the_cursor_and_says_where_it_goes_on() {
        let labels: Vec<String> = (1..=20).map(|n| format!("Option {n}")).collect();
        let asked = list(&labels, 5, false);
        let mut state = State::new(&asked);
        let page = |state: &State| {
            let frame = asking(&asked, state, 80).text();
            frame[1..frame.len() - 1].to_vec()
        };
        assert_eq!(
            page(&state),
            [
                "> Option 1",
                "  Option 2",
                "  Option 3",
                "  Option 4",
                "v Option 5"
            ]
        );
        state.go(Move::PageDown, 5);
        state.go(Move::Down, 5);
        assert_eq!(state.chosen(), Some(6));
        assert_eq!(
            page(&state),
            [
                "^ Option 5",
                "  Option 6",
                "> Option 7",
                "  Option 8",
                "v Option 9"
            ]
        );
        // One step wraps around the ends; a page stops at them.
        state.go(Move::First, 5);
        state.go(Move::Up, 5);
        assert_eq!(state.chosen(), Some(19));
        state.go(Move::Down, 5);
        assert_eq!(state.chosen(), Some(0));
        state.go(Move::PageUp, 5);
        assert_eq!(state.chosen(), Some(0));
        state.go(Move::Last, 5);
        assert_eq!(page(&state).last().map(String::as_str), Some("> Option 20"));
    }

    #[test]
    fn typing_filters_a_long_list_whatever_the_case() {
        let labels = options(&["Germany", "Türkiye", "The United Kingdom", "Other"]);
        let asked = list(&labels, 12, true);
        let mut state = State::new(&asked);
        for c in "UNIT".chars() {
            state.filter(&asked, Edit::Insert(c));
        }
        assert_eq!(state.chosen(), Some(2));
        let frame = asking(&asked, &state, 80);
        assert_eq!(
            frame.text()[..2],
            [
                "? Which country's law governs the contract? UNIT",
                "> The United Kingdom"
            ]
        );
        // The cursor stands after the filter.
        assert_eq!(frame.cursor, (0, 48));
        state.filter(&asked, Edit::Insert('x'));
        assert_eq!(state.chosen(), None);
        state.filter(&asked, Edit::KillToStart);
        assert_eq!(state.chosen(), Some(0));
    }

    #[test]
    fn keys_move_pick_and_cancel_and_letters_filter_only_a_long_list() {
        let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(key(press(KeyCode::Up), false), Some(Key::Move(Move::Up)));
        assert_eq!(key(ctrl('n'), false), Some(Key::Move(Move::Down)));
        assert_eq!(key(press(KeyCode::End), true), Some(Key::Move(Move::Last)));
        assert_eq!(key(press(KeyCode::Enter), false), Some(Key::Pick));
        assert_eq!(key(press(KeyCode::Esc), false), Some(Key::Cancel));
        assert_eq!(key(ctrl('c'), true), Some(Key::Interrupt));
        assert_eq!(key(press(KeyCode::Char('g')), false), None);
        assert_eq!(
            key(press(KeyCode::Char('g')), true),
            Some(Key::Filter(Edit::Insert('g')))
        );
    }
}
