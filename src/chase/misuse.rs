//! What is wrong with the options of a `chase` run, as facts ([`Misuse`]) and in words per
//! language: the English that `chase` has always said, and Turkish for letters in Turkish
//! (`--lang tr`, or a Turkish contract once its answers are read). Options, their values and
//! dates are written as typed (`--on 2026-09-10`), in every language.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::error::Error;
use crate::format;
use crate::interest::RateUnknown;
use crate::model::Language;

/// An option that does not fit the run, or one the run needs and lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Misuse {
    /// `--invoice`, `--amount`, `--due` or `--final-notice-sent` with another stage.
    PaymentOnly,
    /// `--change` or `--price` with another stage.
    ChangeOnly,
    /// `--stage change` without `--change` and `--price`.
    ChangeNeeds,
    /// Both `--due` and `--since` for an invoice.
    DueOrSince,
    /// A stage other than payment without `--since` (the stage's name).
    SinceNeeded(&'static str),
    /// `--stage payment` without these (each one `Needed`).
    PaymentNeeds(Vec<Needed>),
    /// The `-o` folder is not there (as typed).
    NoFolder(String),
    /// Options of another kind of entry than `--record KIND` (the options, the kind).
    NotWith(Vec<&'static str>, &'static str),
    /// `--on` after today (the day given, today).
    OnAfterToday(String, String),
    /// A date option after today (the option, the day given, today).
    AfterToday(&'static str, String, String),
    /// `--record sent` without `--step` when no letter is due.
    NothingToSend,
    /// `--step` names no letter (the step, the letters).
    NotALetter(String, Vec<&'static str>),
    /// `--record paid` without `--payment`.
    PaidNeedsPayment,
    /// `--since` for an invoice whose answers give no `payment.due_days`.
    NoDueDays,
    /// A date too late for a schedule (the option that gave it, `None` for the invoice's due
    /// date; the date): the ladder would run past the end of the calendar.
    PastTheCalendar(Option<&'static str>, Date),
    /// A date before [`super::FIRST_YEAR`].
    BeforeFirstYear(Date),
    /// An amount finer than its currency's smallest unit (the option, the amount, the
    /// currency's code).
    Finer(&'static str, Decimal, String),
    /// `--final-notice-sent` before the invoice fell due (the day sent, the due date).
    NoticeBeforeDue(Date, Date),
    /// The invoice fell due before the agreement's date (the due date, the agreement's).
    DueBeforeAgreement(Date, Date),
    /// The statutory interest up to today needs a reference rate clausewright does not know.
    Rate(RateUnknown),
    /// The statutory interest of a letter, dated that day with that title, needs a reference
    /// rate clausewright does not know.
    LetterRate(Date, String, RateUnknown),
}

/// What an invoice of the payment stage needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needed {
    /// `--invoice NUMBER`.
    Invoice,
    /// `--amount MONEY`.
    Amount,
    /// `--due DATE`, or `--since DATE`.
    Due,
}

impl Misuse {
    /// The usage error of this misuse, said in `language`: in English an
    /// [`Error::Usage`], as `chase` has always said it; in another language said in its
    /// words and with its name for an error (`hata`), exiting as the English would.
    #[must_use]
    pub(crate) fn error(&self, language: Language) -> Error {
        let english = Error::Usage(self.said_in(Language::En));
        if language == Language::En {
            return english;
        }
        Error::Said {
            label: crate::interview::messages::of(language).error,
            text: self.said_in(language),
            error: Box::new(english),
        }
    }

    /// What is wrong, in `language`.
    #[must_use]
    pub(crate) fn said_in(&self, language: Language) -> String {
        match language {
            Language::En => self.english(),
            Language::Tr => self.turkish(),
        }
    }

    fn english(&self) -> String {
        let and = |items: &[&str]| join(items, "and");
        match self {
            Misuse::PaymentOnly => {
                "--invoice, --amount, --due and --final-notice-sent are for --stage payment".into()
            }
            Misuse::ChangeOnly => "--change and --price are for --stage change".into(),
            Misuse::ChangeNeeds => {
                "the change stage needs --change TEXT (the agreed change) and --price MONEY".into()
            }
            Misuse::DueOrSince => "give either --due (the day the invoice was due) or --since \
                                   (the invoice's date), not both"
                .into(),
            Misuse::SinceNeeded(stage) => format!(
                "the {stage} stage needs --since DATE, the day of the message that went unanswered"
            ),
            Misuse::PaymentNeeds(needed) => {
                let options: Vec<&str> = (needed.iter())
                    .map(|needed| match needed {
                        Needed::Invoice => "--invoice NUMBER",
                        Needed::Amount => "--amount MONEY",
                        Needed::Due => "--due DATE (or --since DATE, the invoice's date)",
                    })
                    .collect();
                format!("the payment stage needs {}", and(&options))
            }
            Misuse::NoFolder(folder) => format!("the output folder {folder} does not exist"),
            Misuse::NotWith(options, kind) => {
                format!("{} cannot go with --record {kind}", and(options))
            }
            Misuse::OnAfterToday(date, today) => {
                format!("--on {date} is after today ({today}); record what has happened")
            }
            Misuse::AfterToday(option, date, today) => {
                format!("{option} {date} is after today ({today})")
            }
            Misuse::NothingToSend => {
                "no letter is to send now; name the letter sent with --step".into()
            }
            Misuse::NotALetter(step, letters) => format!(
                "--step {step} is not a letter of the ladders; the letters are {}",
                letters.join(", ")
            ),
            Misuse::PaidNeedsPayment => {
                "--record paid needs --payment MONEY, the amount received".into()
            }
            Misuse::NoDueDays => "the answers give no `payment.due_days` to count the due date \
                                  from --since; give --due DATE"
                .into(),
            Misuse::PastTheCalendar(option, date) => format!(
                "{} {date} is too late for a schedule: its steps would run past the end of the \
                 calendar (9999-12-31); give a date before {}-01-01",
                option.unwrap_or("the due date"),
                super::LAST_YEAR + 1
            ),
            Misuse::BeforeFirstYear(date) => format!(
                "{date} is before {}: a freelance invoice or message is not that old; check the \
                 date",
                super::FIRST_YEAR
            ),
            Misuse::Finer(option, amount, currency) => format!(
                "{option} is {amount}; {}",
                crate::model::finer_than_minor_unit(*amount, currency).unwrap_or_default()
            ),
            Misuse::NoticeBeforeDue(sent, due) => format!(
                "--final-notice-sent {sent} is before the invoice fell due ({due}): a final \
                 notice is sent only once the invoice is overdue"
            ),
            Misuse::DueBeforeAgreement(due, agreement) => format!(
                "the invoice fell due on {due}, before the agreement's date in the answers \
                 ({agreement}): check --due (or --since) and `agreement.date`"
            ),
            Misuse::Rate(why) => why.said_in(Language::En),
            Misuse::LetterRate(date, title, why) => format!(
                "the letter of {date} ({title}): {}",
                why.said_in(Language::En)
            ),
        }
    }

    fn turkish(&self) -> String {
        let and = |items: &[&str]| join(items, "ve");
        match self {
            Misuse::PaymentOnly => "--invoice, --amount, --due ve --final-notice-sent yalnızca \
                                    --stage payment ile kullanılır"
                .into(),
            Misuse::ChangeOnly => {
                "--change ve --price yalnızca --stage change ile kullanılır".into()
            }
            Misuse::ChangeNeeds => "değişiklik aşaması için --change METİN (kararlaştırılan \
                                    değişiklik) ve --price TUTAR gerekir"
                .into(),
            Misuse::DueOrSince => "ya --due (faturanın vade günü) ya da --since (faturanın \
                                   tarihi) verin, ikisini birden değil"
                .into(),
            Misuse::SinceNeeded(stage) => {
                format!("--stage {stage} için --since TARİH gerekir: yanıtsız kalan mesajın tarihi")
            }
            Misuse::PaymentNeeds(needed) => {
                let options: Vec<&str> = (needed.iter())
                    .map(|needed| match needed {
                        Needed::Invoice => "--invoice NUMARA",
                        Needed::Amount => "--amount TUTAR",
                        Needed::Due => "--due TARİH (ya da faturanın tarihiyle --since TARİH)",
                    })
                    .collect();
                format!("ödeme aşaması için {} gerekir", and(&options))
            }
            Misuse::NoFolder(folder) => format!("{folder} diye bir çıktı klasörü yok"),
            Misuse::NotWith(options, kind) => {
                format!("{} --record {kind} ile kullanılmaz", and(options))
            }
            Misuse::OnAfterToday(date, today) => {
                format!("--on {date} bugünden ({today}) sonra; yalnızca olmuş bir şeyi kaydedin")
            }
            Misuse::AfterToday(option, date, today) => {
                format!("{option} {date} bugünden ({today}) sonra")
            }
            Misuse::NothingToSend => "şu anda gönderilecek bir mektup yok; gönderdiğiniz \
                                      mektubu --step ile belirtin"
                .into(),
            Misuse::NotALetter(step, letters) => format!(
                "--step {step}: böyle bir mektup yok; mektuplar şunlar: {}",
                letters.join(", ")
            ),
            Misuse::PaidNeedsPayment => {
                "--record paid için alınan tutarı gösteren --payment TUTAR gerekir".into()
            }
            Misuse::NoDueDays => "yanıtlarda vade gününü --since tarihinden saymak için bir \
                                  `payment.due_days` yok; --due TARİH verin"
                .into(),
            Misuse::PastTheCalendar(option, date) => format!(
                "{} çok ileri bir tarih: takibin adımları takvimin sonunu (9999-12-31) aşar; \
                 {}-01-01 öncesinde bir tarih verin",
                match option {
                    Some(option) => format!("{option} {date}"),
                    None => format!("Son ödeme günü ({date})"),
                },
                super::LAST_YEAR + 1
            ),
            Misuse::BeforeFirstYear(date) => format!(
                "{date}, {} yılından önce: bir serbest çalışanın faturası ya da mesajı bu kadar \
                 eski olamaz; tarihi denetleyin",
                super::FIRST_YEAR
            ),
            Misuse::Finer(option, amount, currency) => format!(
                "{option} için {}",
                (crate::interview::messages::of(Language::Tr).finer)(*amount, currency)
                    .trim_end_matches('.')
            ),
            Misuse::NoticeBeforeDue(sent, due) => format!(
                "--final-notice-sent {sent}, faturanın son ödeme gününden ({due}) önce: son \
                 ihtar ancak vadesi geçmiş bir fatura için gönderilir"
            ),
            Misuse::DueBeforeAgreement(due, agreement) => format!(
                "faturanın son ödeme günü ({due}), yanıtlardaki sözleşme tarihinden \
                 ({agreement}) önce: --due (ya da --since) ile `agreement.date` yanıtını \
                 denetleyin"
            ),
            Misuse::Rate(why) => why.said_in(Language::Tr),
            Misuse::LetterRate(date, title, why) => format!(
                "{} tarihli “{title}” mektubundaki gecikme faizi hesaplanamıyor: {}",
                format::tr::long_date(*date),
                why.said_in(Language::Tr)
            ),
        }
    }
}

/// "a", "a and b", "a, b and c", with `and` the language's word.
fn join(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_misuse_is_said_in_turkish() {
        let said = |misuse: Misuse| misuse.said_in(Language::Tr);
        assert_eq!(
            said(Misuse::PaymentNeeds(vec![Needed::Invoice, Needed::Due])),
            "ödeme aşaması için --invoice NUMARA ve --due TARİH (ya da faturanın tarihiyle \
             --since TARİH) gerekir"
        );
        assert_eq!(
            said(Misuse::NotWith(vec!["--by", "--who", "--note"], "paid")),
            "--by, --who ve --note --record paid ile kullanılmaz"
        );
        assert_eq!(
            said(Misuse::OnAfterToday(
                "2026-09-12".into(),
                "2026-09-10".into()
            )),
            "--on 2026-09-12 bugünden (2026-09-10) sonra; yalnızca olmuş bir şeyi kaydedin"
        );
        assert_eq!(
            said(Misuse::NotALetter(
                "payment-notice-45".into(),
                vec!["payment-reminder", "payment-notice-30"]
            )),
            "--step payment-notice-45: böyle bir mektup yok; mektuplar şunlar: \
             payment-reminder, payment-notice-30"
        );
        assert_eq!(
            said(Misuse::NoFolder("mektuplar/".into())),
            "mektuplar/ diye bir çıktı klasörü yok"
        );
        assert_eq!(
            said(Misuse::SinceNeeded("negotiating")),
            "--stage negotiating için --since TARİH gerekir: yanıtsız kalan mesajın tarihi"
        );
        assert_eq!(
            said(Misuse::PaidNeedsPayment),
            "--record paid için alınan tutarı gösteren --payment TUTAR gerekir"
        );
        // English as `chase` has always said it.
        assert_eq!(
            Misuse::PaymentNeeds(vec![Needed::Invoice, Needed::Amount]).said_in(Language::En),
            "the payment stage needs --invoice NUMBER and --amount MONEY"
        );
        assert_eq!(
            Misuse::NotWith(vec!["--by"], "paid").said_in(Language::En),
            "--by cannot go with --record paid"
        );
    }
}
