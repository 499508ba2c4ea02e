//! Said: takes what stops `build` at its answers file (the file not read, or the facts of
//! every problem in it, [`Invalid`]: its shape, a value refused, answers that disagree, a
//! character the PDF cannot show) and the language of the contract, and returns the
//! diagnostics and errors worded in that language, each at its place in the file.
//!
//! English keeps the diagnostics the answers stage writes ([`Fault::english`]); Turkish words
//! the same facts here, with the library's Turkish question words (a prompt, a list's item),
//! the interview's Turkish catalogue for what it already says (a refused value, an amount
//! finer than its currency, a region the country has not: `interview::messages`), the
//! shape's problems as `new --answers` words them (`interview::file_problems`), and amounts
//! and dates worded by `format`.

use std::path::Path;

use rust_decimal::Decimal;

use crate::answers::{DateOrder, Fault, Invalid, PlaceWhy, Problem, language_written};
use crate::error::{Counts, Diagnostic, Error, Severity};
use crate::format::{self, Locale};
use crate::interview::{file_problems, messages};
use crate::library::Library;
use crate::model::refusal::Why;
use crate::model::{Language, Languages, Question};

/// The language in which what is wrong with the answers of the contract `prepared` is said
/// (an answer the PDF cannot show): the contract's, English for a bilingual one, as
/// [`language_of`] chooses.
#[must_use]
pub(crate) fn language_prepared(prepared: &crate::prepare::Prepared) -> Language {
    match prepared.languages.second() {
        Some(_) => Language::En,
        None => prepared.language(),
    }
}

/// The language `build` says what is wrong with an answers file in: `--lang`, else the
/// file's `agreement.language` (read from its lines, so that a file YAML cannot read is
/// answered in its language too), else English; English too when `library` is not written
/// in it. A bilingual contract (`en+tr`) is told in English, the first language of its text
/// and of its interview.
#[must_use]
pub(crate) fn language_of(
    flag: Option<Languages>,
    text: Option<&str>,
    library: &Library,
) -> Language {
    let languages = flag.or_else(|| text.and_then(language_written));
    match languages {
        Some(languages)
            if languages.second().is_none() && library.languages().contains(&languages.first()) =>
        {
            languages.first()
        }
        _ => Language::En,
    }
}

/// Every problem of an answers file said in `language`, at its place; `library` is the
/// library the file was read against (English is said when it has no words in `language`).
#[must_use]
pub(crate) fn invalid_in(
    found: &[Invalid],
    language: Language,
    library: &Library,
) -> Vec<Diagnostic> {
    let asked = (language != Language::En)
        .then(|| library.asking_in(language))
        .flatten();
    found
        .iter()
        .map(|invalid| match (language, &asked) {
            (Language::Tr, Some(asked)) => turkish_diagnostic(invalid, asked),
            _ => invalid.diagnostic.clone(),
        })
        .collect()
}

/// `invalid` in Turkish; `library` is in Turkish (its questions' words).
fn turkish_diagnostic(invalid: &Invalid, library: &Library) -> Diagnostic {
    if let Fault::Shape(facts) = &invalid.fault {
        let problem = Problem::new(invalid.diagnostic.clone(), facts.clone());
        return file_problems::in_language(&problem, Language::Tr, library);
    }
    match turkish(&invalid.fault, library) {
        Some(message) => Diagnostic {
            message,
            hint: None,
            ..invalid.diagnostic.clone()
        },
        None => invalid.diagnostic.clone(),
    }
}

/// The words of `fault` in Turkish; `None` when the library does not declare a key it names.
/// One arm a kind of fault.
#[allow(clippy::too_many_lines)]
fn turkish(fault: &Fault, library: &Library) -> Option<String> {
    let words = messages::of(Language::Tr);
    let question = |key: &str| library.question(key);
    let money = |amount: Decimal, currency: &str| {
        format::money(amount, currency, Locale::Tr).unwrap_or_else(|| format::tr::digits(amount))
    };
    let date = |date: jiff::civil::Date| format::tr::long_date(date);
    // "`milestones` listesindeki 2. aşama", as `new --answers` names a record.
    let record = |key: &str, number: usize| {
        let item = &question(key)?.item;
        Some(format!("`{key}` listesindeki {number}. {item}"))
    };
    let message = match fault {
        Fault::Shape(_) => return None,
        Fault::Empty => "yanıt dosyası boş".to_owned(),
        Fault::Blank { key } => format!(
            "`{key}` boş; bu zorunlu yanıta en az bir görünür karakter yazılmalı: {}",
            question(key)?.prompt
        ),
        Fault::Refused { key, refusal } => {
            let question = question(key)?;
            let reason = file_refusal(question, &refusal.why)
                .unwrap_or_else(|| (words.refused)(question, refusal));
            format!(
                "`{key}` yanıtı kabul edilmedi. {}",
                reason.trim_end_matches('.')
            )
        }
        Fault::Required { key } => format!(
            "zorunlu `{key}` yanıtı yazılmamış: {}",
            question(key)?.prompt
        ),
        Fault::Finer {
            key,
            amount,
            currency,
        } => format!(
            "`{key}` için {}",
            (words.finer)(*amount, currency).trim_end_matches('.')
        ),
        Fault::FieldFiner {
            key,
            field,
            number,
            amount,
            currency,
        } => format!(
            "{}: `{field}` için {}",
            record(key, *number)?,
            (words.finer)(*amount, currency).trim_end_matches('.')
        ),
        Fault::Place { key, why, .. } => match why {
            PlaceWhy::NoProfile { country, known } => format!(
                "`{key}` yanıtı kabul edilmedi. “{country}” için bir hukuk profili yok; profili \
                 olan ülkeler: {}",
                known.join(", ")
            ),
            PlaceWhy::NotARegion(refusal) => format!(
                "`{key}` yanıtı kabul edilmedi. {}",
                (words.not_a_region)(refusal).trim_end_matches('.')
            ),
            PlaceWhy::Required => format!(
                "seçilen ülke için zorunlu `{key}` yanıtı yazılmamış: {}",
                question(key)?.prompt
            ),
        },
        Fault::Prices {
            fee_key,
            fee,
            key,
            total,
            currency,
        } => format!(
            "`{fee_key}` {} olarak yazılmış, ama `{key}` listesindeki fiyatların toplamı {}: \
             sözleşmede ikisi de yer aldığı için birbirini tutmalı",
            money(*fee, currency),
            money(*total, currency)
        ),
        Fault::Payments {
            key,
            deposit,
            payments,
            fee,
            currency,
        } => format!(
            "kapora ({}) ile `{key}` listesindeki ödemeler ({}) toplam {} ediyor, ücret ise {}: \
             listedeki ödemelerin toplamı {} olmalı",
            money(*deposit, currency),
            money(*payments, currency),
            money(deposit + payments, currency),
            money(*fee, currency),
            money(fee - deposit, currency)
        ),
        Fault::MilestoneDate {
            key,
            field,
            number,
            date: at,
            why,
        } => {
            let why = match why {
                DateOrder::Before { number, date: then } => format!(
                    "{number}. kaydın tarihinden ({}) önce; kayıtları tarih sırasıyla yazın",
                    date(*then)
                ),
                DateOrder::BeforeStart(start) => {
                    format!("işin başlayacağı tarihten ({}) önce", date(*start))
                }
                DateOrder::AfterDelivery(delivery) => format!(
                    "son teslim için hedeflenen tarihten ({}) sonra",
                    date(*delivery)
                ),
            };
            format!(
                "{}: `{field}` alanındaki tarih ({}) {why}",
                record(key, *number)?,
                date(*at)
            )
        }
        Fault::Unprintable { key, character } => format!(
            "`{key}`: {}",
            (words.unprintable)(*character).trim_end_matches('.')
        ),
    };
    Some(message)
}

/// Why a value of an answers file is refused, in Turkish, where the file is written
/// otherwise than an answer is typed in the interview: a choice is one of the values the
/// file writes, a yes-or-no is `true` or `false`, and a text YAML reads as a number is put in
/// quotes. `None` for every other reason, which the interview's words say as well.
fn file_refusal(question: &Question, why: &Why) -> Option<String> {
    match why {
        Why::NotAChoice { typed } => {
            let values: Vec<String> = question
                .choices
                .iter()
                .map(|c| format!("`{}`", c.value))
                .collect();
            Some(format!(
                "“{typed}” seçeneklerden biri değil; şunlardan birini yazın: {}",
                values.join(", ")
            ))
        }
        Why::NotABool => Some("Evet için `true`, hayır için `false` yazın".to_owned()),
        Why::NotText => Some(
            "YAML bu değeri metin olarak değil, bir sayı ya da evet/hayır olarak okuyor; metin \
             olarak yazmak için tırnak içine alın"
                .to_owned(),
        ),
        _ => None,
    }
}

/// Why an input file could not be read.
#[derive(Debug)]
pub(crate) enum Unread {
    /// What the operating system said.
    Io(std::io::Error),
    /// Not a regular file (a folder, a FIFO, a device).
    NotAFile,
    /// Larger than the most read from one file (the limit, in bytes).
    TooLarge(u64),
    /// Not UTF-8 text.
    NotText,
}

/// The error for the file at `path` not read, said in `language`.
#[must_use]
pub(crate) fn unread(path: &Path, why: Unread, language: Language, styled: bool) -> Error {
    let file = path.display().to_string();
    let message = |english: String, turkish: String| {
        let message = match language {
            Language::En => english,
            Language::Tr => turkish,
        };
        worded(
            vec![Diagnostic::file_error(&file, message)],
            language,
            styled,
        )
    };
    match why {
        Unread::Io(source) => {
            let turkish = os_reason(
                Some(source.kind()),
                &source.to_string(),
                Access::Read,
                Language::Tr,
            );
            let error = Error::Io {
                path: path.to_owned(),
                source,
            };
            match language {
                Language::En => error,
                Language::Tr => Error::Said {
                    error: Box::new(error),
                    label: messages::of(language).error,
                    text: format!("{file} okunamadı: {turkish}"),
                },
            }
        }
        Unread::NotAFile => message(
            "is not a regular file; only text files are read".into(),
            "düzenli bir dosya değil; yalnızca metin dosyaları okunur".into(),
        ),
        Unread::TooLarge(limit) => {
            let limit = crate::cli::FileSize(limit);
            message(
                format!(
                    "is larger than {limit}, the most clausewright reads from one file (--max-file-size)"
                ),
                format!(
                    "{limit} sınırını aşıyor; clausewright bir dosyadan en fazla bu kadarını okur \
                     (--max-file-size)"
                ),
            )
        }
        Unread::NotText => message(
            "the file is not UTF-8 text".into(),
            "dosya UTF-8 metin değil".into(),
        ),
    }
}

/// What was being done to a file when the operating system refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// The file was being read.
    Read,
    /// The file (or its folder) was being written.
    Write,
}

/// Why the operating system would not let a file be read or written (`access`), said in
/// `language` as the end of a sentence: its own words `os` in English; in Turkish the common
/// kinds of error named (`kind`), and only a kind without a Turkish name quoted as the system
/// said it. The one place an error of the system is said in Turkish.
#[must_use]
pub(crate) fn os_reason(
    kind: Option<std::io::ErrorKind>,
    os: &str,
    access: Access,
    language: Language,
) -> String {
    use std::io::ErrorKind as Kind;
    if language == Language::En {
        return os.to_owned();
    }
    let reason = match (kind, access) {
        (Some(Kind::NotFound), Access::Read) => "böyle bir dosya yok",
        (Some(Kind::NotFound), Access::Write) => "yolundaki klasörlerden biri yok",
        (Some(Kind::PermissionDenied), Access::Read) => "dosyayı okuma izniniz yok",
        (Some(Kind::PermissionDenied), Access::Write) => "buraya yazma izniniz yok",
        (Some(Kind::AlreadyExists), _) => "bu adda bir dosya zaten var",
        (Some(Kind::StorageFull), _) => "diskte yer kalmadı",
        (Some(Kind::QuotaExceeded), _) => "disk kotanız doldu",
        (Some(Kind::FileTooLarge), _) => "dosya, dosya sisteminin izin verdiğinden büyük",
        (Some(Kind::ReadOnlyFilesystem), _) => "dosya sistemi salt okunur",
        (Some(Kind::IsADirectory), _) => "bu bir klasör, dosya değil",
        (Some(Kind::NotADirectory), _) => "yolundaki adlardan biri klasör değil, dosya",
        (Some(Kind::InvalidData), _) => "dosya UTF-8 metin değil",
        (Some(Kind::InvalidFilename), _) => "dosya adı bu dosya sisteminde geçersiz",
        (Some(Kind::ResourceBusy), _) => "dosya şu anda başka bir program tarafından kullanılıyor",
        _ => return format!("işletim sisteminin iletisi: “{os}”"),
    };
    reason.to_owned()
}

/// The error of `diagnostics` said in `language`: [`Error::Diagnostics`] in English, else
/// each one rendered with its severity named in the language, and the count line in it.
#[must_use]
pub(crate) fn worded(diagnostics: Vec<Diagnostic>, language: Language, styled: bool) -> Error {
    if language == Language::En {
        return Error::Diagnostics(diagnostics);
    }
    let words = messages::of(language);
    let mut text = String::new();
    for diagnostic in &diagnostics {
        let name = match diagnostic.severity {
            Severity::Error => words.error,
            Severity::Warning => words.warning,
        };
        text.push_str(&diagnostic.render_named(styled, name));
        text.push_str("\n\n");
    }
    let counts = Counts::of(&diagnostics);
    text.push_str(&(words.counts)(counts.errors, counts.warnings));
    Error::Worded { text, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Turkish example's answers with `changes` made: each line starting with a change's
    /// first part replaced by the change (an empty change drops the line), and `more` added.
    fn istanbul(changes: &[(&str, &str)], more: &str) -> String {
        let example = include_str!("../examples/tr-istanbul.yaml");
        let mut text = String::new();
        for written in example.lines() {
            let line = match changes.iter().find(|(start, _)| written.starts_with(start)) {
                Some((_, "")) => continue,
                Some((_, line)) => line,
                None => written,
            };
            text.push_str(line);
            text.push('\n');
        }
        text + more
    }

    /// What `build` says of `text` in `language`, each problem as `line:column: message`.
    fn said(text: &str, language: Language) -> Vec<String> {
        let library = crate::library::built_in().unwrap();
        let found = crate::answers::check("a.yaml", text, &library).unwrap_err();
        invalid_in(&found, language, &library)
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.text()))
            .collect()
    }

    #[test]
    fn a_refused_value_is_said_in_turkish_with_turkish_numbers_and_the_english_is_unchanged() {
        let text = istanbul(
            &[
                ("  revisions:", "  revisions: iki"),
                ("  review_days:", "  review_days: 500"),
                ("  total:", "  total: \"1.250\""),
            ],
            "",
        );
        assert_eq!(
            said(&text, Language::Tr),
            [
                "31:14: `project.revisions` yanıtı kabul edilmedi. “iki” bir tam sayı olarak \
                 okunamadı; 0 ile 10 arasında bir tam sayı yazın",
                "34:16: `acceptance.review_days` yanıtı kabul edilmedi. 500 bu soru için kabul \
                 edilen aralığın dışında; 2 ile 20 arasında bir tam sayı yazın",
                "47:10: `fees.total` yanıtı kabul edilmedi. “1.250” iki türlü okunabiliyor: 1.250 \
                 (“.” binlikleri ayırıyorsa) ya da 1,25 (“.” kuruşlardan önce geliyorsa); tutarı \
                 1250 ya da 1.25 diye yazın",
            ]
        );
        assert_eq!(
            said(&text, Language::En),
            [
                "31:14: `project.revisions` is \"iki\"; expected a whole number from 0 to 10",
                "34:16: `acceptance.review_days` is 500; expected a whole number from 2 to 20",
                "47:10: `fees.total` is \"1.250\", which reads two ways: 1250 (the `.` grouping \
                 thousands) or 1.25 (the `.` before the cents); write 1250 or 1.25",
            ]
        );
    }

    #[test]
    fn what_a_file_writes_otherwise_than_the_interview_asks_is_said_for_the_file() {
        let text = istanbul(
            &[
                ("  currency:", "  currency: XYZ"),
                ("  source_files:", "  source_files: evet"),
                ("  title: Paz", "  title: 12"),
                ("  email: elif", "  email: elif@"),
                ("  date: 2026", "  date: 2026-02-30"),
            ],
            "",
        );
        assert_eq!(
            said(&text, Language::Tr),
            [
                "10:10: `freelancer.email` yanıtı kabul edilmedi. “elif@” bir e-posta adresi \
                 değil; ad@ornek.com gibi bir e-posta adresi yazın",
                "17:10: `client.title` yanıtı kabul edilmedi. YAML bu değeri metin olarak değil, \
                 bir sayı ya da evet/hayır olarak okuyor; metin olarak yazmak için tırnak içine \
                 alın",
                "36:17: `handover.source_files` yanıtı kabul edilmedi. Evet için `true`, hayır \
                 için `false` yazın",
                "42:9: `agreement.date` yanıtı kabul edilmedi. “2026-02-30” bir tarih değil: Şubat \
                 2026 yalnızca 28 gün çeker; YYYY-AA-GG biçiminde bir tarih yazın",
                "45:13: `fees.currency` yanıtı kabul edilmedi. “XYZ” seçeneklerden biri değil; \
                 şunlardan birini yazın: `USD`, `EUR`, `GBP`, `TRY`, `CAD`, `AUD`",
            ]
        );
        assert_eq!(
            said(&text, Language::En)[1..3],
            [
                "17:10: `client.title` is 12; expected text; put it in quotes if it is meant as \
                 text",
                "36:17: `handover.source_files` is \"evet\"; expected true or false",
            ]
        );
    }

    #[test]
    fn a_blank_or_missing_required_answer_is_said_with_the_turkish_prompt() {
        let prompt = "Müşterinin tam resmî adı (şirketin unvanı; şirket yoksa kişinin adı soyadı)";
        let blank = istanbul(&[("  name: Boğaziçi Gıda Ticaret", "  name: \" \"")], "");
        assert_eq!(
            said(&blank, Language::Tr),
            [format!(
                "14:9: `client.name` boş; bu zorunlu yanıta en az bir görünür karakter \
                 yazılmalı: {prompt}"
            )]
        );
        let missing = istanbul(&[("  name: Boğaziçi Gıda Ticaret", "")], "");
        assert_eq!(
            said(&missing, Language::Tr),
            [format!(
                "13:1: zorunlu `client.name` yanıtı yazılmamış: {prompt}"
            )]
        );
        assert_eq!(
            said(&missing, Language::En),
            [
                "13:1: `client.name` is required: The client's full legal name (the company, or \
                 the person if there is no company)"
            ]
        );
    }

    #[test]
    fn a_place_that_cannot_be_found_is_said_in_turkish() {
        let no_region = istanbul(&[("  country:", "  country: US")], "");
        let said_tr = said(&no_region, Language::Tr);
        assert_eq!(said_tr.len(), 1);
        assert!(
            said_tr[0].starts_with(
                "67:1: seçilen ülke için zorunlu `jurisdiction.region` yanıtı yazılmamış: Hangi \
                 eyalet ya da hukuk sistemi?"
            ),
            "{said_tr:?}"
        );
        let misspelt = istanbul(&[("  country:", "  country: US\n  region: Oregn")], "");
        let said_tr = said(&misspelt, Language::Tr);
        assert!(
            said_tr[0].starts_with(
                "69:11: `jurisdiction.region` yanıtı kabul edilmedi. “Oregn” seçtiğiniz ülkenin \
                 bir eyaleti ya da hukuk sistemi değil (şunu mu demek istediniz: OR, Oregon?); \
                 şunlardan birini yazın: AL, AK,"
            ),
            "{said_tr:?}"
        );
        assert!(
            said(&misspelt, Language::En)[0]
                .starts_with("69:11: `jurisdiction.region` is \"Oregn\", which is not a state")
        );
    }

    #[test]
    fn answers_that_contradict_each_other_are_said_with_turkish_amounts_and_dates() {
        let milestones = istanbul(
            &[],
            "milestones:\n  - name: A\n    date: 2026-07-01\n    payment: \"1000\"\n  - name: B\n\
             \x20   date: 2026-06-15\n    payment: \"2000\"\n",
        );
        assert_eq!(
            said(&milestones, Language::Tr),
            [
                "72:1: kapora (55.800,00 TL) ile `milestones` listesindeki ödemeler (3.000,00 TL) \
                 toplam 58.800,00 TL ediyor, ücret ise 186.000,00 TL: listedeki ödemelerin toplamı \
                 130.200,00 TL olmalı",
                "77:11: `milestones` listesindeki 2. aşama: `date` alanındaki tarih (15 Haziran \
                 2026) 1. kaydın tarihinden (1 Temmuz 2026) önce; kayıtları tarih sırasıyla yazın",
            ]
        );
        assert_eq!(
            said(&milestones, Language::En),
            [
                "72:1: the deposit (₺55,800.00) and the payments of `milestones` (₺3,000.00) add \
                 up to ₺58,800.00, not the fee of ₺186,000.00: the milestone payments must add up \
                 to ₺130,200.00",
                "77:11: `date` of milestone 2 of `milestones`, June 15, 2026, is before that of \
                 milestone 1, July 1, 2026: list the milestones in date order",
            ]
        );
        let scope = istanbul(
            &[
                (
                    "  description:",
                    "  scope:\n    - item: Ambalaj\n      price: \"100\"\n    - item: Katalog\n      \
                     price: \"200.5\"",
                ),
                ("    Altı", ""),
                ("    Yirmi", ""),
                ("    Ambalajlar", ""),
            ],
            "",
        );
        assert_eq!(
            said(&scope, Language::Tr),
            [
                "48:10: `fees.total` 186.000,00 TL olarak yazılmış, ama `project.scope` \
                 listesindeki fiyatların toplamı 300,50 TL: sözleşmede ikisi de yer aldığı için \
                 birbirini tutmalı"
            ]
        );
    }

    #[test]
    fn a_milestone_outside_the_work_and_an_amount_finer_than_its_currency_are_said_in_turkish() {
        let library = crate::library::built_in().unwrap();
        let turkish_library = library.asking_in(Language::Tr).unwrap();
        let date = |text: &str| text.parse::<jiff::civil::Date>().unwrap();
        let milestone = |why| Fault::MilestoneDate {
            key: "milestones".into(),
            field: "date".into(),
            number: 1,
            date: date("2026-05-20"),
            why,
        };
        for (fault, words) in [
            (
                milestone(DateOrder::BeforeStart(date("2026-06-01"))),
                "`milestones` listesindeki 1. aşama: `date` alanındaki tarih (20 Mayıs 2026) \
                 işin başlayacağı tarihten (1 Haziran 2026) önce",
            ),
            (
                milestone(DateOrder::AfterDelivery(date("2026-05-01"))),
                "`milestones` listesindeki 1. aşama: `date` alanındaki tarih (20 Mayıs 2026) son \
                 teslim için hedeflenen tarihten (1 Mayıs 2026) sonra",
            ),
            (
                Fault::Finer {
                    key: "fees.total".into(),
                    amount: Decimal::new(12_505, 1),
                    currency: "JPY".into(),
                },
                "`fees.total` için “1250.5” kabul edilmedi: JPY cinsinden bir tutarda ondalık \
                 basamak olmaz; tutarı tam sayı olarak yazın",
            ),
            (
                Fault::FieldFiner {
                    key: "project.scope".into(),
                    field: "price".into(),
                    number: 2,
                    amount: Decimal::new(12_505, 1),
                    currency: "JPY".into(),
                },
                "`project.scope` listesindeki 2. teslim kalemi: `price` için “1250.5” kabul \
                 edilmedi: JPY cinsinden bir tutarda ondalık basamak olmaz; tutarı tam sayı \
                 olarak yazın",
            ),
            (
                Fault::Place {
                    key: "jurisdiction.country".into(),
                    english: String::new(),
                    why: PlaceWhy::NoProfile {
                        country: "FR".into(),
                        known: vec!["US".into(), "TR".into()],
                    },
                },
                "`jurisdiction.country` yanıtı kabul edilmedi. “FR” için bir hukuk profili yok; \
                 profili olan ülkeler: US, TR",
            ),
            (Fault::Empty, "yanıt dosyası boş"),
            (
                Fault::Unprintable {
                    key: "client.contact".into(),
                    character: '🙂',
                },
                "`client.contact`: PDF’nin yazı tipi '🙂' (U+1F642) karakterini gösteremiyor; \
                 başka türlü yazın ya da --format md seçin",
            ),
        ] {
            assert_eq!(turkish(&fault, &turkish_library).as_deref(), Some(words));
        }
        assert_eq!(
            Fault::Finer {
                key: "fees.total".into(),
                amount: Decimal::new(12_505, 1),
                currency: "JPY".into(),
            }
            .english(&library)
            .as_deref(),
            Some("`fees.total` is 1250.5; an amount in JPY has no decimal places")
        );
    }

    #[test]
    fn a_problem_of_the_files_shape_is_said_as_new_says_it() {
        let text = istanbul(&[], "client.nmae: x\n");
        assert_eq!(
            said(&text, Language::Tr),
            ["72:1: `client.nmae` diye bir anahtar yok; şunu mu demek istediniz: `client.name`?"]
        );
        assert_eq!(
            said(&text, Language::En),
            ["72:1: unknown key `client.nmae`; did you mean `client.name`?"]
        );
    }

    #[test]
    fn the_language_is_the_flags_else_the_files_and_english_for_two() {
        let library = crate::library::built_in().unwrap();
        let tr = Some(Languages::one(Language::Tr));
        let both: Option<Languages> = "en+tr".parse().ok();
        let turkish_file = "agreement:\n  language: tr\nclient: [\n";
        assert_eq!(
            language_of(None, Some(turkish_file), &library),
            Language::Tr
        );
        assert_eq!(language_of(tr, None, &library), Language::Tr);
        assert_eq!(
            language_of(
                Some(Languages::one(Language::En)),
                Some(turkish_file),
                &library
            ),
            Language::En
        );
        assert_eq!(
            language_of(both, Some(turkish_file), &library),
            Language::En
        );
        assert_eq!(
            language_of(None, Some("agreement:\n  language: en+tr\n"), &library),
            Language::En
        );
        assert_eq!(
            language_of(None, Some("client:\n  name: A\n"), &library),
            Language::En
        );
        // A library of its own without Turkish words says it in English.
        let english_only = crate::library::load(&[crate::library::SourceFile {
            relative: "library.yaml".into(),
            display: "library.yaml".into(),
            text: "title: T\nsections: []\n".into(),
        }])
        .into_library()
        .unwrap();
        assert_eq!(language_of(tr, None, &english_only), Language::En);
    }

    #[test]
    fn a_file_not_read_is_said_in_turkish() {
        let said = |why, language| unread(Path::new("a.yaml"), why, language, false).render(false);
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            said(Unread::Io(missing), Language::Tr),
            "hata: a.yaml okunamadı: böyle bir dosya yok"
        );
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            said(Unread::Io(denied), Language::Tr),
            "hata: a.yaml okunamadı: dosyayı okuma izniniz yok"
        );
        assert_eq!(
            said(Unread::NotText, Language::Tr),
            "hata: a.yaml: dosya UTF-8 metin değil\n\n1 hata, 0 uyarı"
        );
        assert_eq!(
            said(Unread::TooLarge(1 << 20), Language::Tr),
            "hata: a.yaml: 1 MiB sınırını aşıyor; clausewright bir dosyadan en fazla bu kadarını \
             okur (--max-file-size)\n\n1 hata, 0 uyarı"
        );
        assert_eq!(
            said(Unread::NotAFile, Language::Tr),
            "hata: a.yaml: düzenli bir dosya değil; yalnızca metin dosyaları okunur\n\n1 hata, 0 \
             uyarı"
        );
        assert_eq!(
            said(Unread::TooLarge(1 << 20), Language::En),
            "error: a.yaml: is larger than 1 MiB, the most clausewright reads from one file \
             (--max-file-size)\n\n1 error, 0 warnings"
        );
        assert_eq!(
            said(Unread::NotText, Language::En),
            "error: a.yaml: the file is not UTF-8 text\n\n1 error, 0 warnings"
        );
    }

    #[test]
    fn the_operating_systems_reasons_are_named_in_turkish_and_kept_in_english() {
        use std::io::ErrorKind as Kind;
        let turkish =
            |kind, access| os_reason(Some(kind), "the system's words", access, Language::Tr);
        for (kind, access, words) in [
            (Kind::NotFound, Access::Read, "böyle bir dosya yok"),
            (
                Kind::NotFound,
                Access::Write,
                "yolundaki klasörlerden biri yok",
            ),
            (
                Kind::PermissionDenied,
                Access::Read,
                "dosyayı okuma izniniz yok",
            ),
            (
                Kind::PermissionDenied,
                Access::Write,
                "buraya yazma izniniz yok",
            ),
            (
                Kind::AlreadyExists,
                Access::Write,
                "bu adda bir dosya zaten var",
            ),
            (Kind::StorageFull, Access::Write, "diskte yer kalmadı"),
            (Kind::QuotaExceeded, Access::Write, "disk kotanız doldu"),
            (
                Kind::ReadOnlyFilesystem,
                Access::Write,
                "dosya sistemi salt okunur",
            ),
            (
                Kind::IsADirectory,
                Access::Write,
                "bu bir klasör, dosya değil",
            ),
            (
                Kind::NotADirectory,
                Access::Read,
                "yolundaki adlardan biri klasör değil, dosya",
            ),
            (Kind::InvalidData, Access::Read, "dosya UTF-8 metin değil"),
        ] {
            assert_eq!(turkish(kind, access), words, "{kind:?}");
        }
        assert_eq!(
            turkish(Kind::Deadlock, Access::Write),
            "işletim sisteminin iletisi: “the system's words”"
        );
        assert_eq!(
            os_reason(None, "it is a folder", Access::Write, Language::Tr),
            "işletim sisteminin iletisi: “it is a folder”"
        );
        assert_eq!(
            os_reason(
                Some(Kind::StorageFull),
                "No space left on device (os error 28)",
                Access::Write,
                Language::En
            ),
            "No space left on device (os error 28)"
        );
    }

    #[test]
    fn an_output_not_written_is_said_with_the_reason_in_turkish() {
        let full = std::io::Error::from_raw_os_error(28);
        let error = Error::from(crate::error::OutputError::unwritten("x.md", &full));
        assert_eq!(
            crate::run::said(error, Language::Tr).render(false),
            "hata: x.md yazılamadı: diskte yer kalmadı"
        );
        let error = Error::from(crate::error::OutputError::unwritten("x.md", &full));
        assert_eq!(
            error.render(false),
            "error: cannot write x.md: No space left on device (os error 28)"
        );
    }
}
