//! The real [`Prompter`]: takes the interview's prompts and returns what the user typed at the
//! terminal. Used only by `run`; tests drive the interview with a script and the binary
//! through a pseudo-terminal.
//!
//! Typed answers and yes-or-no questions are fields of clausewright's own ([`field`]: readline's
//! editing keys), lists are lists of its own ([`list`]), all on crossterm: text wrapped at
//! spaces to the window and drawn again as soon as it is resized. Messages are wrapped at
//! spaces too.

mod field;
mod line;
mod list;
mod wrap;

use crate::interview::messages::{self, Messages};
use crate::interview::{ConfirmPrompt, Prompter, SelectPrompt, Stop, TextPrompt};
use crate::model::Language;
use field::{Answer, Field};
use list::List;

/// The most options a list shows at once.
const PAGE: usize = 12;

/// Prompts on standard error, reading keys from the terminal.
pub struct Terminal {
    /// The words of the interview's language, for the keys and yes and no.
    words: &'static Messages,
    /// Whether to draw in colour: not when `NO_COLOR` is set.
    colored: bool,
}

impl Terminal {
    /// A terminal prompter, in English until told otherwise; colourless when `NO_COLOR` is set.
    pub fn new() -> Self {
        let colored = std::env::var_os("NO_COLOR").is_none();
        Terminal {
            words: messages::of(Language::En),
            colored,
        }
    }

    /// Asks yes or no in the field of our own; with `back` (what the answer then shows), `<`
    /// typed answers `None`.
    fn yes_or_no(
        &self,
        prompt: &ConfirmPrompt<'_>,
        back: Option<&str>,
    ) -> Result<Option<bool>, Stop> {
        let words = self.words.yes_no;
        let hint = match prompt.default {
            Some(true) => words.yes_hint,
            Some(false) => words.no_hint,
            None => words.either_hint,
        };
        let field = Field {
            message: prompt.message,
            help: prompt.help.as_deref(),
            hint: Some(hint),
            placeholder: None,
            initial: "",
            colored: self.colored,
        };
        let take = |typed: &str| {
            let reply = typed.trim().to_lowercase();
            if let Some(back) = back
                && reply == crate::interview::BACK
            {
                return Ok((None, back.to_owned()));
            }
            let yes = match prompt.default {
                Some(default) if reply.is_empty() => Some(default),
                _ => (words.parse)(&reply),
            };
            match yes {
                Some(yes) => Ok((
                    Some(yes),
                    (if yes { words.yes } else { words.no }).to_owned(),
                )),
                None => Err(words.error.to_owned()),
            }
        };
        finish(field::ask(&field, take))
    }
}

impl Prompter for Terminal {
    fn section(&mut self, title: &str) {
        let width = wrap::width(title).min(field::columns());
        eprintln!("\n{}\n{}", wrapped(title), "─".repeat(width));
    }

    fn say(&mut self, text: &str) {
        eprintln!("{}", wrapped(text));
    }

    fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
        let field = Field {
            message: prompt.message,
            help: prompt.help.as_deref(),
            hint: prompt.default.as_deref(),
            placeholder: prompt.placeholder,
            initial: prompt.initial.as_deref().unwrap_or(""),
            colored: self.colored,
        };
        // As inquire does: Enter alone gives the default, and the check has the last word.
        let take = |typed: &str| {
            let answer = match &prompt.default {
                Some(default) if typed.is_empty() => default.clone(),
                _ => typed.to_owned(),
            };
            (prompt.check)(&answer).map(|()| (answer.clone(), answer))
        };
        finish(field::ask(&field, take))
    }

    fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
        // Long lists can be filtered by typing; the keys are shown with the help.
        let long = prompt.options.len() > PAGE;
        let keys = if long {
            self.words.keys_filter
        } else {
            self.words.keys
        };
        let help = match &prompt.help {
            Some(help) => format!("{help} {keys}"),
            None => keys.trim_matches(['(', ')']).to_owned(),
        };
        finish(list::ask(&List {
            message: prompt.message,
            help: Some(&help),
            options: &prompt.options,
            start: prompt.start,
            page: PAGE,
            filter: long,
            colored: self.colored,
        }))
    }

    fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
        // Without `<` for back, every answer taken is a yes or a no.
        self.yes_or_no(prompt, None).map(Option::unwrap_or_default)
    }

    fn speak(&mut self, language: Language) {
        self.words = messages::of(language);
    }

    /// The rows of the terminal window.
    fn height(&self) -> Option<usize> {
        crossterm::terminal::size()
            .ok()
            .map(|(_, rows)| usize::from(rows))
    }

    /// The rows `line` takes once wrapped at spaces to the window's width, as [`Terminal::say`]
    /// wraps it.
    fn rows(&self, line: &str) -> usize {
        wrap::wrap(line, field::columns()).len()
    }

    /// Yes or no as [`Prompter::confirm`] asks it, with `<` typed for back.
    fn confirm_or_back(
        &mut self,
        prompt: &ConfirmPrompt<'_>,
        back: &str,
    ) -> Result<Option<bool>, Stop> {
        self.yes_or_no(prompt, Some(back))
    }
}

/// `text` wrapped at spaces to the terminal's width.
fn wrapped(text: &str) -> String {
    wrap::wrap(text, field::columns()).join("\n")
}

fn finish<T>(answer: std::io::Result<Answer<T>>) -> Result<T, Stop> {
    match answer {
        Ok(Answer::Given(value)) => Ok(value),
        Ok(Answer::Cancelled | Answer::Interrupted) => Err(Stop::Cancelled),
        Err(error) => Err(Stop::Failed(error)),
    }
}
