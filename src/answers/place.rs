//! The place: the jurisdiction profile the answers choose (`jurisdiction.country`), resolved
//! with `jurisdiction.region` and `.venue` (or, for `other`, the free-text `.law` and
//! `.courts`), and the place variables it gives clauses and letters.

use rust_decimal::Decimal;

use super::Answers;
use crate::jurisdiction::{OTHER, Place, PlaceAnswers, PlaceWords, Profile};
use crate::model::Value;
use crate::model::keys::{CLIENT_CONSUMER, COUNTRY, COURTS, LAW, REGION, VENUE};
use crate::model::place;

/// The place the answers choose, or `None` when the library asks no `jurisdiction.country`
/// (a library of its own without profiles). The error names the answer at fault and ends a
/// sentence that starts with it.
pub fn place_of(
    profiles: &[Profile],
    declares_country: bool,
    answers: &Answers,
) -> Result<Option<Place>, (&'static str, String)> {
    place_in(profiles, &[], declares_country, answers)
}

/// The place the answers choose, its phrases in the language of `words` where they give the
/// profile's (a contract in Turkish); a region the answers name in English is found by its
/// code.
pub fn place_in(
    profiles: &[Profile],
    words: &[PlaceWords],
    declares_country: bool,
    answers: &Answers,
) -> Result<Option<Place>, (&'static str, String)> {
    if !declares_country {
        return Ok(None);
    }
    let text = |key: &str| match answers.get(key) {
        Some(Value::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    let country = text(COUNTRY).unwrap_or(OTHER);
    let profile = profiles
        .iter()
        .find(|p| p.country == country)
        .ok_or_else(|| {
            let known: Vec<&str> = profiles.iter().map(|p| p.country.as_str()).collect();
            (
                COUNTRY,
                format!(
                    "is `{country}`, which has no jurisdiction profile; the library has {}",
                    known.join(", ")
                ),
            )
        })?;
    let Some(words) = words.iter().find(|w| w.country == profile.country) else {
        return profile
            .resolve(PlaceAnswers {
                region: text(REGION),
                venue: text(VENUE),
                law: text(LAW),
                courts: text(COURTS),
            })
            .map(Some);
    };
    let region = match text(REGION).filter(|r| !r.trim().is_empty()) {
        Some(answer) => Some(
            profile
                .find_region(answer)
                .map_err(|message| (REGION, message))?
                .code
                .clone(),
        ),
        None => None,
    };
    profile
        .in_words(words)
        .resolve(PlaceAnswers {
            region: region.as_deref(),
            venue: text(VENUE),
            law: text(LAW),
            courts: text(COURTS),
        })
        .map(Some)
}

impl Answers {
    /// Sets the place variables (`place.law`, ...) from `place`; `client.consumer` decides
    /// `place.consumer` and `place.cancellation`, and `fee` (the contract's value, in its
    /// currency) which freelancer-protection laws reach it.
    pub fn set_place(&mut self, place: &Place, fee: Option<Decimal>) {
        let currency = self.currency();
        let laws: Vec<&str> = place
            .freelancer_laws
            .iter()
            .filter(|law| law.reaches(fee, &currency, &place.conventions.currency))
            .map(|law| law.name.as_str())
            .collect();
        let laws = match laws.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        self.set(place::FREELANCER_LAWS, Value::Text(laws));
        let consumer = self.get(CLIENT_CONSUMER) == Some(&Value::Bool(true));
        self.set(place::LAW, Value::Text(place.law.clone()));
        self.set(place::COURTS, Value::Text(place.courts.clone()));
        self.set(place::SMALL_CLAIMS, Value::Text(place.small_claims.clone()));
        self.set(
            place::SMALL_CLAIMS_CLAUSE,
            Value::Text(place.small_claims_clause.clone()),
        );
        self.set(place::HOLIDAYS, Value::Text(place.holidays.clone()));
        self.set(place::CONSUMER, Value::Bool(consumer));
        self.set(
            place::CANCELLATION,
            Value::Bool(consumer && place.consumer_cancellation),
        );
    }
}
