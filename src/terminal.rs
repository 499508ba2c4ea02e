//! The real [`Prompter`]: takes the interview's prompts and returns what the user typed at the
//! terminal, through inquire. Used only by `run`; tests drive the interview with a script and
//! the binary through a pseudo-terminal.

use inquire::error::InquireError;
use inquire::validator::Validation;

use crate::interview::messages::{self, Messages};
use crate::interview::{ConfirmPrompt, Prompter, SelectPrompt, Stop, TextPrompt};
use crate::model::Language;

/// The most options a list shows at once.
const PAGE: usize = 12;

/// Prompts on standard error, as inquire draws them, reading keys from the terminal.
pub struct Terminal {
    /// The words of the interview's language, for the keys and yes and no.
    words: &'static Messages,
}

impl Terminal {
    /// A terminal prompter, in English until told otherwise; colourless when `NO_COLOR` is set.
    pub fn new() -> Self {
        if std::env::var_os("NO_COLOR").is_some() {
            inquire::set_global_render_config(inquire::ui::RenderConfig::empty());
        }
        Terminal {
            words: messages::of(Language::En),
        }
    }
}

impl Prompter for Terminal {
    fn section(&mut self, title: &str) {
        eprintln!("\n{title}\n{}", "─".repeat(title.chars().count()));
    }

    fn say(&mut self, text: &str) {
        eprintln!("{text}");
    }

    fn text(&mut self, prompt: &TextPrompt<'_>) -> Result<String, Stop> {
        let check = prompt.check;
        let mut text = inquire::Text::new(prompt.message).with_validator(move |input: &str| {
            Ok(match check(input) {
                Ok(()) => Validation::Valid,
                Err(message) => Validation::Invalid(message.into()),
            })
        });
        if let Some(help) = &prompt.help {
            text = text.with_help_message(help);
        }
        if let Some(default) = &prompt.default {
            text = text.with_default(default);
        }
        if let Some(initial) = &prompt.initial {
            text = text.with_initial_value(initial);
        }
        if let Some(placeholder) = prompt.placeholder {
            text = text.with_placeholder(placeholder);
        }
        text.prompt().map_err(stop)
    }

    fn select(&mut self, prompt: &SelectPrompt<'_>) -> Result<usize, Stop> {
        // Long lists can be filtered by typing; the keys are shown with the help, as inquire
        // shows its own key help only when there is no other.
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
        let mut select = inquire::Select::new(prompt.message, prompt.options.clone())
            .with_help_message(&help)
            .with_starting_cursor(prompt.start)
            .with_page_size(PAGE);
        if !long {
            select = select.without_filtering();
        }
        select.raw_prompt().map(|chosen| chosen.index).map_err(stop)
    }

    fn confirm(&mut self, prompt: &ConfirmPrompt<'_>) -> Result<bool, Stop> {
        let mut confirm =
            inquire::Confirm::new(prompt.message).with_error_message("Type y for yes or n for no.");
        if let Some(help) = &prompt.help {
            confirm = confirm.with_help_message(help);
        }
        if let Some(default) = prompt.default {
            confirm = confirm.with_default(default);
        }
        let Some(words) = self.words.yes_no else {
            return confirm.prompt().map_err(stop);
        };
        let parse = |reply: &str| (words.parse)(&reply.trim().to_lowercase()).ok_or(());
        let shown = |yes: bool| (if yes { words.yes } else { words.no }).to_owned();
        let hint = |yes: bool| (if yes { words.yes_hint } else { words.no_hint }).to_owned();
        confirm = confirm
            .with_error_message(words.error)
            .with_parser(&parse)
            .with_formatter(&shown)
            .with_default_value_formatter(&hint);
        confirm.prompt().map_err(stop)
    }

    fn speak(&mut self, language: Language) {
        self.words = messages::of(language);
    }
}

fn stop(error: InquireError) -> Stop {
    match error {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => Stop::Cancelled,
        InquireError::IO(error) => Stop::Failed(error),
        other => Stop::Failed(std::io::Error::other(other.to_string())),
    }
}
