//! The interview's own words, one catalogue per language ([`Messages`]): the introduction, the
//! summary's headings and choices, what is said about a late payer, the lists' prompts and the
//! errors a typed answer gets. The questions' own words come from the library (its `tr/`
//! words for Turkish); these are the words around them.
//!
//! The interview is held in the language the contract will be written in (`new --lang`, or
//! `agreement.language` once it is answered); a bilingual contract's interview is held in its
//! first language, English. Values in messages (amounts, limits) are worded by `format`.

use rust_decimal::Decimal;

use crate::format::{self, Locale};
use crate::model::schema::MAX_RECORDS;
use crate::model::{Language, Question, Type, Value};

/// Every sentence the interview says or asks of its own, in one language.
pub struct Messages {
    /// Shown once, before the first question.
    pub intro: &'static str,
    /// The heading of the summary.
    pub summary: &'static str,
    /// Said when a required question is left blank.
    pub required: &'static str,
    /// The last option of an optional choice.
    pub leave_unanswered: &'static str,
    /// The answer typed is refused: the question and the reason given in English (which a
    /// catalogue may set aside for its own words).
    pub refused: fn(&Question, &str) -> String,
    /// A region the country answered has not (the reason in English).
    pub not_a_region: fn(&str) -> String,
    /// A character the PDF's fonts cannot show.
    pub unprintable: fn(char) -> String,
    /// An amount typed that reads two ways (`1.250`): which was meant?
    pub two_ways: fn(&str) -> String,
    /// Its help.
    pub two_ways_help: &'static str,
    /// The reading with the mark grouping thousands (the amount shown, the mark).
    pub grouping: fn(&str, char) -> String,
    /// The reading with the mark before the cents (the amount shown, the mark).
    pub before_cents: fn(&str, char) -> String,
    /// What a valid answer to a typed question looks like, added to its help; `None` when it
    /// is plain.
    pub allowed: fn(&Question) -> Option<String>,
    /// An answer a late payer always gets, not asked: the label (capitalised) and the value.
    pub late_payer_set: fn(&str, &str) -> String,
    /// What an answer becomes in the contract for a late payer: the value, and why.
    pub in_the_contract: fn(&str, &str) -> String,
    /// Why: a rate doubled.
    pub doubled: &'static str,
    /// Why: raised to the least a late payer gets.
    pub at_least: &'static str,
    /// Why: lowered to the most a late payer gets.
    pub at_most: &'static str,
    /// Why: any other hardening.
    pub for_late_payer: &'static str,
    /// The warning when the client paid late before, and what the contract then does
    /// (`rates`, `safeguards`).
    pub announcement: fn(bool, bool) -> String,
    /// The saved profile offered: where it is saved.
    pub profile_saved_in: fn(&str) -> String,
    /// Whether to take the saved details.
    pub use_profile: &'static str,
    /// Its help.
    pub use_profile_help: &'static str,
    /// Whether to keep the records of a list being changed (the item's name).
    pub keep_records: fn(&str) -> String,
    /// Its help.
    pub keep_records_help: fn(&str) -> String,
    /// The heading of a record: the item's name (capitalised) and its number.
    pub record: fn(&str, usize) -> String,
    /// Said when a list is full.
    pub list_full: fn(&str) -> String,
    /// Whether to add a record.
    pub add_another: fn(&str) -> String,
    /// Its help.
    pub add_another_help: fn(&str) -> String,
    /// The heading of the late payer's amounts in the summary.
    pub late_payer_instead: &'static str,
    /// The summary's question.
    pub all_right: &'static str,
    /// Write the contract.
    pub write: &'static str,
    /// Change an answer.
    pub change: &'static str,
    /// Esc at the summary: stop?
    pub stop: &'static str,
    /// Its help.
    pub stop_help: &'static str,
    /// Which answer to change.
    pub which: &'static str,
    /// Its help.
    pub which_help: &'static str,
    /// The last option: change nothing.
    pub none: &'static str,
    /// `new` found the draft of a stopped interview (where it is).
    pub draft_found: fn(&str) -> String,
    /// Whether to continue it.
    pub resume: &'static str,
    /// Its help.
    pub resume_help: &'static str,
    /// The interview was stopped and its answers saved: where, and the command that goes on.
    pub stopped: fn(&str, &str) -> String,
    /// The answers were saved when the terminal failed (where).
    pub saved_so_far: fn(&str) -> String,
    /// The profile would change (where it is, and the changes, one a line).
    pub profile_changes: fn(&str, &str) -> String,
    /// Whether to save them.
    pub save_profile: &'static str,
    /// Its help when the details came from an answers file.
    pub save_profile_from_file: &'static str,
    /// Its help otherwise.
    pub save_profile_offered: &'static str,
    /// The profile was kept as it was.
    pub profile_unchanged: &'static str,
    /// The output files exist (listed after it).
    pub files_exist: &'static str,
    /// What to do about them.
    pub what_to_do: &'static str,
    /// Replace them.
    pub replace: &'static str,
    /// Write elsewhere.
    pub elsewhere: &'static str,
    /// The folder to write to.
    pub folder: &'static str,
    /// A folder that does not exist.
    pub no_folder: fn(&str) -> String,
    /// Whether to create the folder that does not exist.
    pub create_folder: &'static str,
    /// Its help: the folder that would be created.
    pub create_folder_help: fn(&str) -> String,
    /// The folder could not be created (the folder, the reason the system gave).
    pub cannot_create: fn(&str, &str) -> String,
    /// A folder name that names a file.
    pub not_a_folder: fn(&str) -> String,
    /// How to change an answer later: the answers file and the command that builds again.
    pub change_later: fn(&str, &str) -> String,
    /// The keys of a short list, shown with its help.
    pub keys: &'static str,
    /// The keys of a long list, which typing filters.
    pub keys_filter: &'static str,
    /// The terminal's own yes-or-no words, or `None` for its English ones.
    pub yes_no: Option<&'static YesNo>,
}

/// How a yes-or-no question is answered and shown in a language other than the terminal's
/// English (`y`, `n`, `Yes`, `No`).
pub struct YesNo {
    /// What is shown after an answer of yes.
    pub yes: &'static str,
    /// What is shown after an answer of no.
    pub no: &'static str,
    /// The hint when Enter means yes.
    pub yes_hint: &'static str,
    /// The hint when Enter means no.
    pub no_hint: &'static str,
    /// Said for a reply that is neither.
    pub error: &'static str,
    /// Reads a reply (lower-cased): yes, no, or neither.
    pub parse: fn(&str) -> Option<bool>,
}

/// The catalogue of `language`.
#[must_use]
pub fn of(language: Language) -> &'static Messages {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

const ENGLISH: Messages = Messages {
    intro: "Answer the questions below to get a contract for one client; help is shown
under each question. Press Esc or Ctrl-C to stop: the contract is written only
once you confirm the summary at the end, and the answers so far are kept as a draft.",
    summary: "Summary",
    required: "This question needs an answer.",
    leave_unanswered: "Leave unanswered",
    refused: |_, why| format!("The answer {why}."),
    not_a_region: |why| format!("The answer {why}."),
    unprintable: |c| {
        format!(
            "The PDF font cannot show the character '{c}' (U+{:04X}); write it another way, or choose --format md.",
            u32::from(c)
        )
    },
    two_ways: |typed| format!("{typed} reads two ways: which amount did you mean?"),
    two_ways_help: "Esc to type the amount again.",
    grouping: |amount, mark| format!("{amount} (the {mark} groups thousands)"),
    before_cents: |amount, mark| format!("{amount} (the {mark} comes before the cents)"),
    allowed: |question| match question.ty {
        Type::Date => Some(format!(
            "Answer with {}, or with today, tomorrow, +2w or next monday.",
            question.ty.expectation(question)
        )),
        Type::Money | Type::Percent | Type::Integer => Some(format!(
            "Answer with {}.",
            question.ty.expectation(question)
        )),
        Type::Email => Some("Answer with an email address such as name@example.com.".into()),
        Type::Phone => Some("Answer with a phone number such as +1 217 555 0142.".into()),
        _ => None,
    },
    late_payer_set: |label, shown| format!("{label}: {shown}, always for a client who paid late."),
    in_the_contract: |shown, why| format!("In the contract: {shown} ({why})."),
    doubled: "doubled, as the client paid late before",
    at_least: "the least for a client who paid late",
    at_most: "the most for a client who paid late",
    for_late_payer: "for a client who paid late",
    announcement: |rates, safeguards| {
        let mut text = String::from(
            "This client paid you late before: think it over before you take the job.",
        );
        let what = match (rates, safeguards) {
            (true, true) => Some("doubles your rates and includes every safeguard"),
            (true, false) => Some("doubles your rates"),
            (false, true) => Some("includes every safeguard"),
            (false, false) => None,
        };
        if let Some(what) = what {
            text.push_str(&format!(
                "\nIf you do, the contract {what},\nwhatever you answer below. You will see the \
                 contract's amounts as you go."
            ));
        }
        text
    },
    profile_saved_in: |place| format!("Your details, saved in {place}:"),
    use_profile: "Use these details?",
    use_profile_help: "Answer no to go through them one by one.",
    keep_records: |item| format!("Keep these {item}s as they are?"),
    keep_records_help: |item| format!("Answer no to list every {item} again."),
    record: |item, number| format!("{item} {number}"),
    list_full: |item| format!("That is the most a list holds: {MAX_RECORDS} {item}s."),
    add_another: |item| format!("Add another {item}?"),
    add_another_help: |item| format!("Answer no when every {item} is listed."),
    late_payer_instead: "For a client who paid late, the contract uses instead:",
    all_right: "Is everything right?",
    write: "Yes: write the contract and the answers file",
    change: "No: change an answer",
    stop: "Stop without writing the contract?",
    stop_help: "Your answers are kept as a draft to continue later.",
    which: "Which answer do you want to change?",
    which_help: "Esc goes back to the summary.",
    none: "None: back to the summary",
    draft_found: |path| {
        format!(
            "An interview was stopped before its contract was written; its answers are in {path}."
        )
    },
    resume: "Continue that interview?",
    resume_help: "Answer no to start afresh; the draft is replaced only if this interview is \
                  stopped too.",
    stopped: |draft, resume| {
        format!(
            "the interview was stopped; the contract was not written.\nYour answers so far are saved in {draft}; to continue, run:\n\n    {resume}"
        )
    },
    saved_so_far: |path| format!("Your answers so far are saved in {path}."),
    profile_changes: |path, changes| format!("Your profile ({path}) would change:{changes}"),
    save_profile: "Save them to your profile?",
    save_profile_from_file: "They came from the answers file, which may be someone else's.",
    save_profile_offered: "They are offered for every new contract.",
    profile_unchanged: "Your profile was not changed.",
    files_exist: "These files already exist:",
    what_to_do: "What should be done?",
    replace: "Replace them",
    elsewhere: "Write to another folder",
    folder: "Folder to write to",
    no_folder: |folder| format!("There is no folder {folder}."),
    create_folder: "Create it?",
    create_folder_help: |folder| {
        format!(
            "Yes creates {folder}, and any folder above it that is missing; no asks for another folder."
        )
    },
    cannot_create: |folder, why| format!("The folder {folder} could not be created: {why}."),
    not_a_folder: |folder| format!("{folder} is a file, not a folder."),
    change_later: |path, rebuild| {
        format!("\nTo change an answer later, edit {path} and run:\n    {rebuild}")
    },
    keys: "(↑↓ to move, Enter to choose)",
    keys_filter: "(↑↓ to move, type to filter, Enter to choose)",
    yes_no: None,
};

const TURKISH: Messages = Messages {
    intro: "Tek bir müşteri için sözleşme hazırlamak üzere aşağıdaki soruları yanıtlayın; her
sorunun altında bir açıklama var. Durmak için Esc ya da Ctrl-C’ye basın: sözleşme
yalnızca sondaki özeti onayladığınızda yazılır, o ana kadarki yanıtlarınız taslak olarak saklanır.",
    summary: "Özet",
    required: "Bu sorunun yanıtlanması gerekiyor.",
    leave_unanswered: "Yanıtsız bırak",
    refused: |question, _| format!("Bu yanıt kabul edilmedi; {} yazın.", expected_tr(question)),
    not_a_region: |_| {
        "Bu yanıt, seçtiğiniz ülkenin bir eyaleti ya da hukuk sistemi değil.".to_owned()
    },
    unprintable: |c| {
        format!(
            "PDF’nin yazı tipi '{c}' (U+{:04X}) karakterini gösteremiyor; başka türlü yazın ya da --format md seçin.",
            u32::from(c)
        )
    },
    two_ways: |typed| format!("{typed} iki türlü okunabiliyor: hangi tutarı kastettiniz?"),
    two_ways_help: "Tutarı yeniden yazmak için Esc.",
    grouping: |amount, mark| format!("{amount} ({mark} binlikleri ayırıyor)"),
    before_cents: |amount, mark| format!("{amount} ({mark} kuruşlardan önce geliyor)"),
    allowed: |question| match question.ty {
        Type::Money | Type::Percent | Type::Integer | Type::Date | Type::Email | Type::Phone => {
            Some(format!("Yanıt olarak {} yazın.", expected_tr(question)))
        }
        _ => None,
    },
    late_payer_set: |label, shown| {
        format!("{label}: {shown}; geç ödeme yapmış bir müşteri için her zaman böyle.")
    },
    in_the_contract: |shown, why| format!("Sözleşmede: {shown} ({why})."),
    doubled: "müşteri daha önce geç ödediği için iki katı",
    at_least: "geç ödeme yapmış bir müşteri için en az bu",
    at_most: "geç ödeme yapmış bir müşteri için en fazla bu",
    for_late_payer: "geç ödeme yapmış bir müşteri için",
    announcement: |rates, safeguards| {
        let mut text = String::from(
            "Bu müşteri size daha önce geç ödeme yaptı: işi almadan önce iyice düşünün.",
        );
        let what = match (rates, safeguards) {
            (true, true) => Some("ücretlerinizi iki katına çıkarır ve bütün güvenceleri içerir"),
            (true, false) => Some("ücretlerinizi iki katına çıkarır"),
            (false, true) => Some("bütün güvenceleri içerir"),
            (false, false) => None,
        };
        if let Some(what) = what {
            text.push_str(&format!(
                "\nAlırsanız, aşağıda ne yanıt verirseniz verin sözleşme {what}.\nSözleşmedeki \
                 tutarları ilerledikçe göreceksiniz."
            ));
        }
        text
    },
    profile_saved_in: |place| format!("{place} dosyasında kayıtlı bilgileriniz:"),
    use_profile: "Bu bilgiler kullanılsın mı?",
    use_profile_help: "Bilgileri tek tek gözden geçirmek için hayır deyin.",
    keep_records: |item| format!("Bu {item} listesi olduğu gibi kalsın mı?"),
    keep_records_help: |item| format!("Her {item} kaydını yeniden girmek için hayır deyin."),
    record: |item, number| format!("{item} {number}"),
    list_full: |_| format!("Bir liste en fazla {MAX_RECORDS} kayıt tutar."),
    add_another: |item| format!("Başka bir {item} eklensin mi?"),
    add_another_help: |_| "Hepsini yazdıysanız hayır deyin.".to_owned(),
    late_payer_instead: "Geç ödeme yapmış bir müşteri için sözleşme bunların yerine şunları kullanır:",
    all_right: "Her şey doğru mu?",
    write: "Evet: sözleşmeyi ve yanıt dosyasını yaz",
    change: "Hayır: bir yanıtı değiştir",
    stop: "Sözleşme yazılmadan durulsun mu?",
    stop_help: "Yanıtlarınız, daha sonra devam etmek üzere taslak olarak saklanır.",
    which: "Hangi yanıtı değiştirmek istiyorsunuz?",
    which_help: "Esc ile özete dönersiniz.",
    none: "Hiçbiri: özete dön",
    draft_found: |path| {
        format!("Sözleşmesi yazılmadan durdurulmuş bir görüşme var; yanıtları {path} dosyasında.")
    },
    resume: "O görüşmeye devam edilsin mi?",
    resume_help: "Baştan başlamak için hayır deyin; taslağın yerine ancak bu görüşme de \
                  durdurulursa yenisi yazılır.",
    stopped: |draft, resume| {
        format!(
            "görüşme durduruldu; sözleşme yazılmadı.\nŞimdiye kadarki yanıtlarınız {draft} dosyasında saklandı; devam etmek için şunu çalıştırın:\n\n    {resume}"
        )
    },
    saved_so_far: |path| format!("Şimdiye kadarki yanıtlarınız {path} dosyasında saklandı."),
    profile_changes: |path, changes| format!("Profiliniz ({path}) şöyle değişecek:{changes}"),
    save_profile: "Bu değişiklikler profilinize kaydedilsin mi?",
    save_profile_from_file: "Bunlar yanıt dosyasından geldi; dosya başka birine ait olabilir.",
    save_profile_offered: "Profiliniz her yeni sözleşmede size önerilir.",
    profile_unchanged: "Profiliniz değiştirilmedi.",
    files_exist: "Bu dosyalar zaten var:",
    what_to_do: "Ne yapılsın?",
    replace: "Üzerlerine yaz",
    elsewhere: "Başka bir klasöre yaz",
    folder: "Yazılacak klasör",
    no_folder: |folder| format!("{folder} diye bir klasör yok."),
    create_folder: "Oluşturulsun mu?",
    create_folder_help: |folder| {
        format!(
            "Evet derseniz {folder} ve üstünde eksik olan klasörler oluşturulur; hayır derseniz başka bir klasör sorulur."
        )
    },
    cannot_create: |folder, why| format!("{folder} klasörü oluşturulamadı: {why}."),
    not_a_folder: |folder| format!("{folder} bir dosya, klasör değil."),
    change_later: |path, rebuild| {
        format!(
            "\nBir yanıtı sonradan değiştirmek için {path} dosyasını düzenleyip şunu çalıştırın:\n    {rebuild}"
        )
    },
    keys: "(↑↓ ile gezinin, Enter ile seçin)",
    keys_filter: "(↑↓ ile gezinin, süzmek için yazın, Enter ile seçin)",
    yes_no: Some(&EVET_HAYIR),
};

/// Yes and no in Turkish: `e` (evet) and `h` (hayır); `y` and `n` are understood too, for a
/// hand used to them.
const EVET_HAYIR: YesNo = YesNo {
    yes: "Evet",
    no: "Hayır",
    yes_hint: "(E/h)",
    no_hint: "(e/H)",
    error: "Evet için e, hayır için h yazın.",
    parse: |reply| match reply {
        "e" | "evet" | "y" | "yes" => Some(true),
        "h" | "hayır" | "hayir" | "n" | "no" => Some(false),
        _ => None,
    },
};

/// What a valid answer to `question` looks like, in Turkish, as the object of "yazın": `0,01
/// ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00)`.
fn expected_tr(question: &Question) -> String {
    let number = |value: &Value| match value {
        Value::Number(number) => format::tr::digits(*number),
        Value::Integer(number) => format::tr::digits(Decimal::from(*number)),
        Value::Date(date) => date.to_string(),
        other => other.to_string(),
    };
    let (floor, ceiling) = match question.ty {
        Type::Money => (
            Some(Value::Number(Decimal::ZERO)),
            Some(Value::Number(crate::model::schema::max_amount())),
        ),
        Type::Percent => (
            Some(Value::Number(Decimal::ZERO)),
            Some(Value::Number(Decimal::ONE_HUNDRED)),
        ),
        _ => (None, None),
    };
    let min = question.min.clone().or(floor);
    let max = question.max.clone().or(ceiling);
    let percent = if question.ty == Type::Percent {
        "%"
    } else {
        ""
    };
    let range = match (&min, &max) {
        (Some(min), Some(max)) => format!(
            "{percent}{} ile {percent}{} arasında ",
            number(min),
            number(max)
        ),
        (Some(min), None) => format!("en az {percent}{} olan ", number(min)),
        (None, Some(max)) => format!("en fazla {percent}{} olan ", number(max)),
        (None, None) => String::new(),
    };
    match question.ty {
        Type::Text => "bir metin".to_owned(),
        Type::Email => "ad@ornek.com gibi bir e-posta adresi".to_owned(),
        Type::Phone => "+90 212 555 01 42 gibi bir telefon numarası".to_owned(),
        Type::Money => format!("{range}bir tutar (örneğin 1250.00)"),
        Type::Percent => format!("{range}bir yüzde"),
        Type::Integer => format!("{range}bir tam sayı"),
        Type::Date => format!("{range}YYYY-AA-GG biçiminde bir tarih"),
        Type::Bool => "evet ya da hayır".to_owned(),
        Type::Choice => "listedeki seçeneklerden biri".to_owned(),
        Type::List => "bir liste".to_owned(),
    }
}

/// The locale the interview shows values in: the language's, with American conventions for
/// English as before (`$1,250.00`).
#[must_use]
pub fn locale(language: Language) -> Locale {
    Locale::of(language, Locale::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Question;

    #[test]
    fn a_refused_answer_is_explained_in_turkish_with_turkish_numbers() {
        let mut fee = Question::new("fees.total", Type::Money, "Ücret");
        fee.min = Some(Value::Number(Decimal::new(1, 2)));
        assert_eq!(
            (TURKISH.refused)(&fee, "is \"abc\"; expected an amount"),
            "Bu yanıt kabul edilmedi; 0,01 ile 1.000.000.000.000 arasında bir tutar (örneğin 1250.00) yazın."
        );
        let mut days = Question::new("payment.due_days", Type::Integer, "Gün");
        days.min = Some(Value::Integer(7));
        days.max = Some(Value::Integer(90));
        assert_eq!(
            (TURKISH.allowed)(&days).as_deref(),
            Some("Yanıt olarak 7 ile 90 arasında bir tam sayı yazın.")
        );
        let deposit = Question::new("deposit.percent", Type::Percent, "Kapora");
        assert_eq!(
            (TURKISH.allowed)(&deposit).as_deref(),
            Some("Yanıt olarak %0 ile %100 arasında bir yüzde yazın.")
        );
        // English keeps the model's reason.
        assert_eq!(
            (ENGLISH.refused)(&fee, "is \"abc\"; expected an amount"),
            "The answer is \"abc\"; expected an amount."
        );
    }
}
