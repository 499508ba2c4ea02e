//! What is wrong with a chase record a person edited (`<client>.chase.yaml`), as facts
//! ([`Fault`]) and in words per language: the English `chase` has always said, and Turkish
//! for letters in Turkish. Each problem keeps its place in the file ([`Problem`]); only its
//! words change. Values are quoted as the file writes them, in every language.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::error::Diagnostic;
use crate::interview::{file_problems, messages};
use crate::model::refusal::Refusal;
use crate::model::{Language, NumberForm, Question, Type};
use crate::yaml::Syntax;

/// The fields an entry may have, as the record writes them.
const FIELDS: [&str; 6] = ["`date`", "`sent`", "`by`", "`called`", "`note`", "`paid`"];

/// One problem of a record: where it is, worded in English, and what it is.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The problem at its place, in English.
    pub diagnostic: Diagnostic,
    /// What is wrong, for wording in another language.
    pub(crate) fault: Fault,
}

impl Problem {
    /// The problem at its place, in `language`.
    #[must_use]
    pub fn said_in(&self, language: Language) -> Diagnostic {
        match language {
            Language::Tr => {
                let (message, hint) = self.fault.turkish();
                let diagnostic = Diagnostic {
                    message,
                    hint: None,
                    ..self.diagnostic.clone()
                };
                match hint {
                    Some(hint) => diagnostic.with_hint(hint),
                    None => diagnostic,
                }
            }
            Language::En => self.diagnostic.clone(),
        }
    }
}

/// What is wrong with a record.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// A YAML tag (`!!str`), as written.
    Tag(String),
    /// The file is not YAML the record can be read from; `not_a_list` when it does not look
    /// like a list of entries at all.
    Syntax {
        /// What the parser found.
        syntax: Syntax,
        /// Whether the file holds no `- ` entry.
        not_a_list: bool,
    },
    /// A field no entry has (as written).
    UnknownField(String),
    /// `paid` written as a number YAML reads otherwise (as written, the form).
    NumberForm(String, NumberForm),
    /// `date` after today (the date, today).
    AfterToday(Date, Date),
    /// `date` is not a date (as written).
    NotADate(String),
    /// A text (`by`, `note`, `called`) refused (the key, why).
    Text(&'static str, Refusal),
    /// `called` is blank.
    Blank,
    /// `sent` names no letter (as written; the closest letter, if one is close; the letters).
    NotALetter(String, Option<String>, Vec<String>),
    /// `paid` finer than the currency's smallest unit (the amount, the currency's code).
    Finer(Decimal, String),
    /// `paid` is zero or less, or not an amount (as written).
    NotPositive(String),
    /// `paid` refused as an amount.
    Paid(Refusal),
    /// An entry records none, or more than one, of `sent`, `called` and `paid`.
    OneThing,
    /// A field of another kind of entry (the field, the kind it belongs to).
    BelongsTo(&'static str, &'static str),
}

impl Fault {
    /// The words of this fault in English, as `chase` has always said it; `None` for the
    /// faults the YAML reader words (a tag, the syntax, a field no entry has).
    pub(crate) fn english(&self) -> Option<String> {
        let message = match self {
            Fault::Tag(_) | Fault::Syntax { .. } | Fault::UnknownField(_) => return None,
            Fault::NumberForm(written, form) => format!(
                "`paid` is written {written}, {}; write the amount in plain digits, such as 1250.00",
                form.english()
            ),
            Fault::AfterToday(date, today) => {
                format!("`date` is {date}, after today ({today}); record what has happened")
            }
            Fault::NotADate(written) => {
                format!("`date` is {written}; expected a date as YYYY-MM-DD")
            }
            Fault::Text(key, refusal) => format!("`{key}` {}", refusal.english),
            Fault::Blank => format!("`called` {}", crate::model::BLANK),
            Fault::NotALetter(step, close, steps) => {
                let then = match close {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the letters are {}", steps.join(", ")),
                };
                format!("`sent` is `{step}`, which is not a letter of the ladders; {then}")
            }
            Fault::Finer(amount, currency) => format!(
                "`paid` is {}; {}",
                amount.normalize(),
                crate::model::finer_than_minor_unit(*amount, currency).unwrap_or_default()
            ),
            Fault::NotPositive(written) => {
                format!("`paid` is {written}; expected an amount above zero")
            }
            Fault::Paid(refusal) => format!("`paid` {}", refusal.english),
            Fault::OneThing => {
                "an entry records one thing: `sent: STEP`, `called: WHO` or `paid: AMOUNT`".into()
            }
            Fault::BelongsTo(field, owner) => format!("`{field}` belongs to a `{owner}` entry"),
        };
        Some(message)
    }

    /// The words of this fault in Turkish, and a hint where one helps.
    fn turkish(&self) -> (String, Option<String>) {
        let words = messages::of(Language::Tr);
        let refused = |question: &Question, refusal: &Refusal| {
            (words.refused)(question, refusal)
                .trim_end_matches('.')
                .to_owned()
        };
        let message = match self {
            Fault::Tag(tag) => file_problems::tag_turkish(tag),
            Fault::Syntax { syntax, not_a_list } => {
                let (mut message, hint) = file_problems::syntax_turkish(syntax);
                if *not_a_list {
                    message.push_str(
                        "; takip kaydı, her biri `- date:` satırıyla başlayan kayıtlardan oluşan \
                         bir listedir",
                    );
                }
                return (message, hint);
            }
            Fault::UnknownField(field) => format!(
                "bir kayıtta `{field}` diye bir alan olmaz; alanlar şunlar: {}",
                FIELDS.join(", ")
            ),
            Fault::NumberForm(written, form) => format!(
                "`paid` için {written} yazılmış ({}); tutarı 1250.00 gibi yalnızca rakamlarla \
                 yazın",
                file_problems::number_form(*form)
            ),
            Fault::AfterToday(date, today) => {
                format!("`date` {date}, bugünden ({today}) sonra; yalnızca olmuş bir şeyi kaydedin")
            }
            Fault::NotADate(written) => format!(
                "`date` alanındaki {written} bir tarih değil; YYYY-AA-GG biçiminde bir tarih yazın"
            ),
            Fault::Text(key, refusal) => format!(
                "`{key}` kabul edilmedi. {}",
                refused(&Question::new(key, Type::Text, key), refusal)
            ),
            Fault::Blank => "`called` boş; aradığınız kişinin adını yazın".into(),
            Fault::NotALetter(step, close, steps) => {
                let then = match close {
                    Some(close) => format!("şunu mu demek istediniz: `{close}`?"),
                    None => format!("mektuplar şunlar: {}", steps.join(", ")),
                };
                format!("`sent: {step}`: böyle bir mektup yok; {then}")
            }
            Fault::Finer(amount, currency) => format!(
                "`paid` için {}",
                (words.finer)(*amount, currency).trim_end_matches('.')
            ),
            Fault::NotPositive(written) => {
                format!(
                    "`paid` alanındaki {written} kabul edilmedi: sıfırdan büyük bir tutar yazın"
                )
            }
            Fault::Paid(refusal) => format!(
                "`paid` kabul edilmedi. {}",
                refused(&Question::new("paid", Type::Money, "amount"), refusal)
            ),
            Fault::OneThing => "bir kayıt tek bir şeyi kaydeder: `sent: ADIM`, `called: KİŞİ` ya \
                                da `paid: TUTAR`"
                .into(),
            Fault::BelongsTo(field, owner) => {
                format!("`{field}` yalnızca bir `{owner}` kaydında yazılır")
            }
        };
        (message, None)
    }
}
