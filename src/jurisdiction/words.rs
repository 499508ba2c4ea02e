//! A profile's words in another language: takes a language folder's `jurisdictions/*.yaml`
//! (`tr/jurisdictions/tr.yaml`) and returns [`PlaceWords`], the law and court phrases of one
//! profile written in that language, which [`Profile::in_words`] puts in place of the English
//! ones. Everything else of the profile (regions, calendars, rates, laws) is kept once, in
//! the English file.
//!
//! ```yaml
//! country: TR
//! name: Türkiye
//! law: Türkiye Cumhuriyeti hukuku
//! courts: "{venue} mahkemeleri ve icra daireleri"
//! regions:
//!   DC: { name: Columbia Bölgesi, law: Columbia Bölgesi hukuku }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Profile, placeholders, template_placeholders};

use crate::error::Diagnostic;
use crate::yaml::{SourceFile, read_yaml};

/// The phrases of one profile in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceWords {
    /// The profile's country code (`TR`, `other`).
    pub country: String,
    name: String,
    law: Option<String>,
    courts: Option<String>,
    courts_anywhere: Option<String>,
    small_claims: Option<String>,
    small_claims_clause: String,
    holidays: Option<String>,
    regions: BTreeMap<String, RegionWords>,
}

/// A region's name and phrases in another language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionWords {
    name: Option<String>,
    law: Option<String>,
    courts: Option<String>,
    courts_anywhere: Option<String>,
    small_claims: Option<String>,
}

#[cfg_attr(test, derive(Debug, PartialEq))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    country: Spanned<String>,
    name: String,
    law: Option<Spanned<String>>,
    courts: Option<Spanned<String>>,
    courts_anywhere: Option<Spanned<String>>,
    small_claims: Option<Spanned<String>>,
    small_claims_clause: Spanned<String>,
    holidays: Option<String>,
    #[serde(default)]
    regions: BTreeMap<String, RegionWords>,
}

impl Profile {
    /// The profile with its phrases in `words`' language; a region keeps its code, so an
    /// answer naming it by code finds it.
    #[must_use]
    pub fn in_words(&self, words: &PlaceWords) -> Profile {
        let mut profile = self.clone();
        profile.name.clone_from(&words.name);
        profile.law.clone_from(&words.law);
        profile.courts.clone_from(&words.courts);
        profile.courts_anywhere.clone_from(&words.courts_anywhere);
        profile.small_claims.clone_from(&words.small_claims);
        profile
            .small_claims_clause
            .clone_from(&words.small_claims_clause);
        profile.holidays_elsewhere.clone_from(&words.holidays);
        for region in &mut profile.regions {
            let Some(own) = words.regions.get(&region.code) else {
                continue;
            };
            if let Some(name) = &own.name {
                region.name.clone_from(name);
            }
            region.law.clone_from(&own.law);
            region.courts.clone_from(&own.courts);
            region.courts_anywhere.clone_from(&own.courts_anywhere);
            region.small_claims.clone_from(&own.small_claims);
        }
        profile
    }
}

/// Reads every words file among `files` (a language folder's `jurisdictions/`), each checked
/// against the English profile of its country: the same phrases given, the same placeholders,
/// only regions the profile has. `language` names the language in messages.
pub(crate) fn load_words(
    files: &[&SourceFile],
    profiles: &[Profile],
    language: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PlaceWords> {
    let mut all: Vec<PlaceWords> = Vec::new();
    for file in files {
        let Some(raw) = read_yaml::<RawWords>(file, diagnostics) else {
            continue;
        };
        let (name, text) = (file.display.as_str(), file.text.as_str());
        let at = |span: &Spanned<String>, message: String| {
            Diagnostic::spanned(name, text, span, message)
        };
        let country = raw.country.value.clone();
        let Some(profile) = profiles.iter().find(|p| p.country == country) else {
            diagnostics.push(at(
                &raw.country,
                format!(
                    "`{country}` has no jurisdiction profile in jurisdictions/ to give {language} words for"
                ),
            ));
            continue;
        };
        if all.iter().any(|w| w.country == country) {
            diagnostics.push(at(
                &raw.country,
                format!("the country `{country}` already has {language} words"),
            ));
            continue;
        }
        check_against(file, &raw, profile, language, diagnostics);
        let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
        all.push(PlaceWords {
            country,
            name: raw.name,
            law: text(&raw.law),
            courts: text(&raw.courts),
            courts_anywhere: text(&raw.courts_anywhere),
            small_claims: text(&raw.small_claims),
            small_claims_clause: raw.small_claims_clause.value,
            holidays: raw.holidays,
            regions: raw.regions,
        });
    }
    all
}

/// Checks `raw` against the English `profile`: the same phrases given, the placeholders of the
/// country, only the profile's regions, and each region's own phrases where the English gives
/// them.
fn check_against(
    file: &SourceFile,
    raw: &RawWords,
    profile: &Profile,
    language: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (name, text) = (file.display.as_str(), file.text.as_str());
    let at =
        |span: &Spanned<String>, message: String| Diagnostic::spanned(name, text, span, message);
    let country = raw.country.value.as_str();
    let allowed = placeholders(country);
    let fields = [
        ("law", &raw.law, profile.law.is_some()),
        ("courts", &raw.courts, profile.courts.is_some()),
        (
            "courts_anywhere",
            &raw.courts_anywhere,
            profile.courts_anywhere.is_some(),
        ),
        (
            "small_claims",
            &raw.small_claims,
            profile.small_claims.is_some(),
        ),
    ];
    for (field, value, english) in fields {
        match (value, english) {
                (None, true) => diagnostics.push(Diagnostic::file_error(
                    name,
                    format!(
                        "`{field}` is missing: the English profile {} gives it, so its {language} words must too",
                        profile.file
                    ),
                )),
                (Some(value), false) => diagnostics.push(at(
                    value,
                    format!(
                        "`{field}` is not in the English profile {}: the words give only what it gives",
                        profile.file
                    ),
                )),
                _ => {}
            }
    }
    let templates = fields
        .iter()
        .filter_map(|(_, v, _)| v.as_ref())
        .chain(std::iter::once(&raw.small_claims_clause));
    for template in templates {
        for placeholder in template_placeholders(&template.value) {
            if !allowed.contains(&placeholder.as_str()) {
                diagnostics.push(at(
                    template,
                    format!(
                        "`{{{placeholder}}}` is not a placeholder here; use {}",
                        allowed
                            .iter()
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    check_regions(name, raw, profile, language, diagnostics);
}

/// Checks the regions of `raw` against the English `profile`'s: only its regions, and each
/// region's own phrases exactly where the English gives them.
fn check_regions(
    name: &str,
    raw: &RawWords,
    profile: &Profile,
    language: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for code in raw.regions.keys() {
        if !profile.regions.iter().any(|r| &r.code == code) {
            diagnostics.push(Diagnostic::file_error(
                name,
                format!(
                    "the region `{code}` is not in the English profile {}",
                    profile.file
                ),
            ));
        }
    }
    for region in &profile.regions {
        let own = raw.regions.get(&region.code);
        let overrides = [
            (
                "law",
                region.law.is_some(),
                own.and_then(|r| r.law.as_ref()),
            ),
            (
                "courts",
                region.courts.is_some(),
                own.and_then(|r| r.courts.as_ref()),
            ),
            (
                "courts_anywhere",
                region.courts_anywhere.is_some(),
                own.and_then(|r| r.courts_anywhere.as_ref()),
            ),
            (
                "small_claims",
                region.small_claims.is_some(),
                own.and_then(|r| r.small_claims.as_ref()),
            ),
        ];
        for (field, english, words) in overrides {
            if english != words.is_some() {
                diagnostics.push(Diagnostic::file_error(
                        name,
                        format!(
                            "the region `{}` {} `{field}` in the English profile {}, and the {language} words must do the same",
                            region.code,
                            if english { "gives" } else { "does not give" },
                            profile.file
                        ),
                    ));
            }
        }
    }
}

/// The English profiles that have no words in the language, by file.
pub(crate) fn without_words<'p>(profiles: &'p [Profile], words: &[PlaceWords]) -> Vec<&'p Profile> {
    profiles
        .iter()
        .filter(|p| !words.iter().any(|w| w.country == p.country))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profiles_words_read_from_their_tape_as_from_their_yaml() {
        let compared =
            crate::yaml::tape::tests::same_as_yaml::<RawWords>(|r| r.contains("/jurisdictions/"));
        assert_eq!(compared, 5);
    }
}
