//! What an answer does: takes the question just answered and the answers so far, and returns
//! the one sentence the interview says after it, with the user's own numbers ("A 50% deposit:
//! the client pays $3,200.00 of your $6,400.00 fee before any work starts"). Law and courts
//! answers get the phrase of the contract they complete, as the place's profile words it.
//!
//! The part an answer plays is found through its declared `term:` (the fee, the deposit, the
//! silence before ending), never through a key written here, so a library of one's own gets
//! the same sentences; any other amount, percent or period gets a plain line. The sentences
//! are the catalogue's ([`Effects`]), the values are worded by `format`.

use rust_decimal::Decimal;

use crate::answers::{self, Answers};
use crate::format::{self, Locale};
use crate::library::Library;
use crate::model::keys::{AGREEMENT_DATE, COURTS, LAW, REGION, VENUE};
use crate::model::{Question, Term, Type, Value};

use super::messages::Effects;

/// The days an overdue invoice is late in the interest sentence.
const DAYS_LATE: i64 = 30;

/// Everything a sentence reads: the library (to find answers by their term), the answers as
/// the contract will have them, the language's sentences and locale, and today (the date an
/// invoice is dated when the agreement's date is not answered yet).
pub(super) struct Context<'a> {
    pub library: &'a Library,
    pub answers: &'a Answers,
    pub effects: &'static Effects,
    pub locale: Locale,
    pub language: crate::model::Language,
    pub today: jiff::civil::Date,
}

impl Context<'_> {
    /// The answer that plays `term`, if one is given.
    fn term(&self, term: Term) -> Option<&Value> {
        self.answers.get(self.library.term_key(term)?)
    }

    /// The number the answer that plays `term` holds.
    fn number(&self, term: Term) -> Option<Decimal> {
        match self.term(term)? {
            Value::Number(number) => Some(*number),
            Value::Integer(number) => Some(Decimal::from(*number)),
            _ => None,
        }
    }

    /// An amount in the contract's currency.
    fn money(&self, amount: Decimal) -> String {
        let currency = self.answers.currency();
        format::money(amount, &currency, self.locale).unwrap_or_else(|| amount.to_string())
    }

    /// An answer as the summary shows it, its unit included (`15 business days`).
    fn shown(&self, question: &Question, value: &Value) -> String {
        format::display_value(question, value, &self.answers.currency(), self.locale)
    }

    /// The part of the fee the deposit is: `None` without a fee or a deposit, or for a
    /// deposit of the whole fee.
    fn deposit_amount(&self) -> Option<Decimal> {
        let (fee, percent) = (self.number(Term::Fee)?, self.number(Term::Deposit)?);
        (percent < Decimal::ONE_HUNDRED).then(|| fee * percent / Decimal::ONE_HUNDRED)
    }
}

/// The sentence said after `question` is answered with `value`, or `None` when its answer
/// needs none (a name, a choice, a yes or no, a date, which is echoed already).
pub(super) fn effect(context: &Context<'_>, question: &Question, value: &Value) -> Option<String> {
    let effects = context.effects;
    if let Some(phrase) = place_phrase(context, question) {
        return Some(phrase);
    }
    if question.ty == Type::Text {
        let Value::Text(text) = value else {
            return None;
        };
        return completed(&question.prompt, text).map(|phrase| (effects.completes)(&phrase));
    }
    let shown = context.shown(question, value);
    let number = match value {
        Value::Number(number) => *number,
        Value::Integer(number) => Decimal::from(*number),
        _ => return None,
    };
    let by_term = match question.term {
        Some(Term::Fee) => Some((effects.fee)(&shown)),
        Some(Term::HourlyRate) => Some((effects.hourly_rate)(
            &shown,
            &context.money(number * Decimal::TEN),
        )),
        Some(Term::Deposit) => deposit(context, number, &shown),
        Some(Term::InterestPerMonth) => context.number(Term::Fee).map(|fee| {
            let overdue = context
                .deposit_amount()
                .map_or(fee, |deposit| fee - deposit);
            // The contract's daily interest: the monthly rate times twelve, over 365 days.
            let interest = overdue * number / Decimal::ONE_HUNDRED * Decimal::from(12)
                / Decimal::from(365)
                * Decimal::from(DAYS_LATE);
            (effects.interest)(&shown, &context.money(overdue), &context.money(interest))
        }),
        Some(Term::PaymentDays) => {
            let dated = match context.answers.get(AGREEMENT_DATE) {
                Some(Value::Date(date)) => *date,
                _ => context.today,
            };
            let due = match value {
                Value::Integer(days) => dated.checked_add(jiff::Span::new().days(*days)).ok(),
                _ => None,
            };
            due.map(|due| {
                (effects.payment_days)(
                    &shown,
                    &format::long_date(dated, context.locale),
                    &format::long_date(due, context.locale),
                )
            })
        }
        Some(Term::ReviewDays) => Some((effects.review_days)(&shown)),
        Some(Term::SilenceDays) => Some((effects.silence_days)(&shown)),
        Some(Term::CancellationFee) if number.is_zero() => {
            Some((effects.no_cancellation_fee)(&shown))
        }
        Some(Term::CancellationFee) => context.number(Term::Fee).map(|fee| {
            // An illustration: the client ends the agreement half way through the work.
            let unearned = fee / Decimal::TWO;
            let extra = unearned * number / Decimal::ONE_HUNDRED;
            (effects.cancellation_fee)(&shown, &context.money(unearned), &context.money(extra))
        }),
        _ => None,
    };
    by_term.or_else(|| {
        let plain = matches!(question.ty, Type::Money | Type::Percent)
            || (question.ty == Type::Integer && question.unit.is_some());
        plain.then(|| (effects.plain)(&question.label, &shown))
    })
}

fn deposit(context: &Context<'_>, percent: Decimal, shown: &str) -> Option<String> {
    let fee = context.number(Term::Fee)?;
    let effects = context.effects;
    if percent >= Decimal::ONE_HUNDRED {
        return Some((effects.whole_fee)(
            &context.money(fee),
            &context.money(fee / Decimal::TWO),
        ));
    }
    Some((effects.deposit)(
        shown,
        &context.money(fee * percent / Decimal::ONE_HUNDRED),
        &context.money(fee),
    ))
}

/// The phrase of the contract that a law or courts answer completes, as the place's profile
/// words it in the interview's language: the law after the region or the law, the courts
/// after the venue or the courts.
fn place_phrase(context: &Context<'_>, question: &Question) -> Option<String> {
    let key = question.key.as_str();
    if ![REGION, VENUE, LAW, COURTS].contains(&key) {
        return None;
    }
    let mut answers = context.answers.clone();
    // A place resolves with all of its answers: those not asked yet stand in while the
    // phrase of the one answered is worked out, and only that phrase is shown.
    for later in [VENUE, LAW, COURTS] {
        if later != key && answers.get(later).is_none() {
            answers.set(later, Value::Text("-".into()));
        }
    }
    let words = context.library.place_words(context.language);
    let place = answers::place_in(&context.library.profiles, words, true, &answers)
        .ok()
        .flatten()?;
    let effects = context.effects;
    match key {
        REGION | LAW => Some((effects.law)(&place.law)),
        _ => Some((effects.courts)(&place.courts)),
    }
}

/// The phrase a prompt asks to complete (`Complete "under the ... "`), completed with
/// `answer`; `None` for a prompt that quotes no such phrase. A quoted example with a name in
/// it (`to complete "Reyes Web Studio LLC, ..."`) is not the contract's phrase: only a
/// phrase in lower case is.
fn completed(prompt: &str, answer: &str) -> Option<String> {
    let mut quoted = prompt.split('"').skip(1).step_by(2);
    let phrase =
        quoted.find(|part| part.contains("...") && !part.chars().any(char::is_uppercase))?;
    Some(phrase.replacen("...", answer.trim(), 1).trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_phrase_is_completed_with_the_answer() {
        assert_eq!(
            completed(
                "Whose arbitration rules? Complete \"under the ... \"",
                "Rules of Arbitration of the ICC"
            )
            .as_deref(),
            Some("under the Rules of Arbitration of the ICC")
        );
        assert_eq!(
            completed(
                "Hangi tahkim kuralları uygulansın? \"... uyarınca\" ifadesini tamamlayın",
                "ISTAC Tahkim Kuralları"
            )
            .as_deref(),
            Some("ISTAC Tahkim Kuralları uyarınca")
        );
        assert_eq!(completed("Where is the arbitration held?", "Berlin"), None);
        // An example of a party's name is not a phrase of the contract.
        assert_eq!(
            completed("to complete \"Reyes Web Studio LLC, ...\"", "a Texas LLC"),
            None
        );
    }
}
