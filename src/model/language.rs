//! The languages a contract is written in: `agreement.language` in the answers, `--lang` on
//! the command line. A library is written in English, and in each language it has a folder
//! for (`tr/`, the same clause ids in Turkish); a contract is written in one language (`en`,
//! `tr`) or in two side by side (`en+tr`, [`Languages`]).

use std::fmt;
use std::str::FromStr;

/// A language clausewright writes contracts and letters in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Language {
    /// English (`en`).
    #[default]
    En,
    /// Turkish (`tr`).
    Tr,
}

impl Language {
    /// Every language, in the order their codes are listed in messages.
    pub const ALL: [Language; 2] = [Language::En, Language::Tr];

    /// The code answers files and `--lang` use: `en`, `tr`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Tr => "tr",
        }
    }

    /// The language's name in English, for messages: `English`, `Turkish`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Tr => "Turkish",
        }
    }

    /// The codes of every language, for messages: `en or tr`.
    #[must_use]
    pub fn codes() -> String {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        codes.join(" or ")
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(text: &str) -> Result<Language, String> {
        Language::ALL
            .into_iter()
            .find(|l| l.code() == text)
            .ok_or_else(|| {
                format!(
                    "`{text}` is not a language clausewright writes; expected {}",
                    Language::codes()
                )
            })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The languages of one contract: one (`en`, `tr`), or two side by side (`en+tr`), the first
/// on the left of the PDF and first in the Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Languages {
    first: Language,
    second: Option<Language>,
}

impl Languages {
    /// A contract in `language` alone.
    #[must_use]
    pub fn one(language: Language) -> Languages {
        Languages {
            first: language,
            second: None,
        }
    }

    /// The first (or only) language.
    #[must_use]
    pub fn first(self) -> Language {
        self.first
    }

    /// The second language of a bilingual contract.
    #[must_use]
    pub fn second(self) -> Option<Language> {
        self.second
    }

    /// Every language, the first first.
    pub fn all(self) -> impl Iterator<Item = Language> {
        std::iter::once(self.first).chain(self.second)
    }

    /// The codes answers and `--lang` accept: `en`, `tr`, `en+tr`.
    #[must_use]
    pub fn codes() -> String {
        "en, tr or en+tr".to_owned()
    }
}

impl FromStr for Languages {
    type Err = String;

    fn from_str(text: &str) -> Result<Languages, String> {
        let not = || {
            format!(
                "`{text}` is not a language clausewright writes; expected {}",
                Languages::codes()
            )
        };
        match text.split_once('+') {
            None => Ok(Languages::one(text.parse().map_err(|_| not())?)),
            Some((first, second)) => {
                let first: Language = first.parse().map_err(|_| not())?;
                let second: Language = second.parse().map_err(|_| not())?;
                if first == second {
                    return Err(format!(
                        "`{text}` names {} twice; a bilingual contract is written in two languages, such as en+tr",
                        first.name()
                    ));
                }
                Ok(Languages {
                    first,
                    second: Some(second),
                })
            }
        }
    }
}

impl fmt::Display for Languages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.second {
            Some(second) => write!(f, "{}+{second}", self.first),
            None => write!(f, "{}", self.first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_or_two_languages_read_back() {
        for code in ["en", "tr", "en+tr", "tr+en"] {
            assert_eq!(code.parse::<Languages>().unwrap().to_string(), code);
        }
        let both: Languages = "en+tr".parse().unwrap();
        assert_eq!(both.all().collect::<Vec<_>>(), [Language::En, Language::Tr]);
        assert_eq!(
            "en+en".parse::<Languages>(),
            Err("`en+en` names English twice; a bilingual contract is written in two languages, such as en+tr".to_owned())
        );
        assert_eq!(
            "en+de".parse::<Languages>(),
            Err(
                "`en+de` is not a language clausewright writes; expected en, tr or en+tr"
                    .to_owned()
            )
        );
    }

    #[test]
    fn codes_read_back_and_unknown_ones_are_named() {
        for language in Language::ALL {
            assert_eq!(language.code().parse::<Language>(), Ok(language));
        }
        assert_eq!(
            "de".parse::<Language>(),
            Err("`de` is not a language clausewright writes; expected en or tr".to_owned())
        );
    }
}
