//! The summary's words for an answer: takes a question's declared `summary` (a phrase with
//! `{}` where the answer goes, or a yes-or-no question's phrase for each answer) and the
//! answer as the summary shows it, and returns the summary's line, so that it reads as the
//! question says it ("warning after 10 business days of silence", not "silence 10 business
//! days").

/// How the summary words the answer to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    /// A phrase with [`SLOT`] where the answer goes.
    Phrase(String),
    /// A yes-or-no question's phrase for a yes and for a no.
    YesNo {
        /// Said when the answer is yes.
        yes: String,
        /// Said when the answer is no.
        no: String,
    },
}

/// Where a phrase takes the answer.
pub const SLOT: &str = "{}";

impl Summary {
    /// The line for an answer shown as `shown`; a yes-or-no question's by `yes`, the answer
    /// (`None` for no answer: `shown` after its yes phrase).
    #[must_use]
    pub fn line(&self, shown: &str, yes: Option<bool>) -> String {
        match (self, yes) {
            (Summary::Phrase(phrase), _) => phrase.replacen(SLOT, shown, 1),
            (Summary::YesNo { yes, .. }, Some(true)) => yes.clone(),
            (Summary::YesNo { no, .. }, Some(false)) => no.clone(),
            (Summary::YesNo { yes, .. }, None) => format!("{yes}: {shown}"),
        }
    }
}

/// Why `phrase` cannot be a summary phrase: it must hold [`SLOT`] once.
#[must_use]
pub fn phrase_problem(phrase: &str) -> Option<String> {
    match phrase.matches(SLOT).count() {
        1 => None,
        0 => Some(format!(
            "the summary phrase \"{phrase}\" has no `{SLOT}`: put `{SLOT}` where the answer goes"
        )),
        n => Some(format!(
            "the summary phrase \"{phrase}\" has `{SLOT}` {n} times: the answer goes in one place"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_takes_the_answer_where_its_slot_is() {
        let phrase = Summary::Phrase("warning after {} of silence".into());
        assert_eq!(
            phrase.line("10 business days", None),
            "warning after 10 business days of silence"
        );
        let yes_no = Summary::YesNo {
            yes: "interest on late payment".into(),
            no: "no interest on late payment".into(),
        };
        assert_eq!(yes_no.line("yes", Some(true)), "interest on late payment");
        assert_eq!(
            yes_no.line("no", Some(false)),
            "no interest on late payment"
        );
        assert_eq!(phrase_problem("deposit of {}"), None);
        assert!(phrase_problem("deposit").unwrap().contains("has no `{}`"));
        assert!(phrase_problem("{} and {}").unwrap().contains("2 times"));
    }
}
