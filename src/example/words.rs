//! The words of the answers file `clausewright example` prints, one catalogue per language
//! ([`Words`]): the opening comment, what a key accepts, its defaults and condition, the mark
//! of rates already raised. The questions' own words (prompt, help, section titles) are the
//! library's in that language; these are the words around them.

use crate::interview::messages;
use crate::model::schema::MAX_RECORDS;
use crate::model::{Language, Question, Type};

/// Every sentence of the example file of its own, in one language.
pub(crate) struct Words {
    /// The opening comment (the library's title, the worked example it comes from).
    pub intro: fn(&str, &str) -> String,
    /// A key that must be answered, before what it accepts.
    pub required: &'static str,
    /// A key that may be left out, before what it accepts.
    pub optional: &'static str,
    /// What a question accepts: its type and limits.
    pub expectation: fn(&Question) -> String,
    /// Its default (as YAML).
    pub default: fn(&str) -> String,
    /// Its default under a condition (the value as YAML, the condition).
    pub default_when: fn(&str, &str) -> String,
    /// Its default when none of the conditional ones applies (the value as YAML).
    pub default_otherwise: fn(&str) -> String,
    /// Asked only under a condition (the condition).
    pub only_when: fn(&str) -> String,
    /// A rate multiplied for a client who paid late.
    pub rate: &'static str,
    /// The comment above `clausewright: late_payer_applied: true`.
    pub late_payer_applied: &'static str,
    /// `--profession` names no profession of the library (the name, the professions).
    pub not_a_profession: fn(&str, &str) -> String,
    /// No worked example is in the languages asked for the profession asked (the
    /// profession, the languages' code, the professions that have one in them).
    pub none_in_language: fn(&str, &str, &str) -> String,
    /// No worked example fits at all (the profession, if one was asked; the languages' code).
    pub none: fn(Option<&str>, &str) -> String,
}

/// The catalogue of `language`.
pub(crate) fn of(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

const ENGLISH: Words = Words {
    intro: |title, origin| {
        format!(
            "An answers file for the clause library \"{title}\", with the values of the worked \
             example {origin}. Replace them with your own and build the contract with \
             `clausewright build FILE`. A key whose line starts with `#` is not answered: remove \
             the `#` (keep the indentation) to answer it. Text needs quotes only when it starts \
             with a special character or could be read as a number, a date or true/false."
        )
    },
    required: "Required",
    optional: "Optional",
    expectation: |question| question.ty.expectation(question),
    default: |value| format!("default {value}"),
    default_when: |value, when| format!("default {value} when {when}"),
    default_otherwise: |value| format!("default {value} otherwise"),
    only_when: |when| format!("only when {when}"),
    rate: "multiplied for a client who paid late before",
    late_payer_applied: "The rates were already multiplied for a repeat late payer.",
    not_a_profession: |asked, values| {
        format!(
            "--profession {asked} is not a profession of the built-in library; expected one of \
             {values}"
        )
    },
    none_in_language: |profession, code, others| {
        format!(
            "no worked example with --lang {code} is shipped for the profession {profession} \
             (there is one for {others}); start from the English one and write \
             `agreement.language: {code}` in it: clausewright example --profession {profession}"
        )
    },
    none: |profession, code| match profession {
        Some(profession) => {
            format!(
                "no worked example with --lang {code} is shipped for the profession {profession}"
            )
        }
        None => format!("no worked example is shipped with --lang {code}"),
    },
};

const TURKISH: Words = Words {
    intro: |title, origin| {
        format!(
            "“{title}” sözleşme kütüphanesi için bir yanıt dosyası; değerler {origin} örneğinden \
             alınmıştır. Bunları kendi bilgilerinizle değiştirin ve sözleşmeyi `clausewright \
             build DOSYA` komutuyla oluşturun. Satırı `#` ile başlayan anahtar yanıtlanmamıştır: \
             yanıtlamak için `#` işaretini silin (girintiyi koruyun). Anahtarlar ve seçenek \
             kodları İngilizce kalır. Metin yalnızca özel bir karakterle başlıyorsa ya da bir \
             sayı, tarih veya true/false olarak okunabiliyorsa tırnak içinde yazılır."
        )
    },
    required: "Zorunlu",
    optional: "İsteğe bağlı",
    expectation: expectation_tr,
    default: |value| format!("varsayılanı {value}"),
    default_when: |value, when| format!("şu koşulda varsayılanı {value}: {when}"),
    default_otherwise: |value| format!("aksi hâlde varsayılanı {value}"),
    only_when: |when| format!("yalnızca şu koşulda sorulur: {when}"),
    rate: "daha önce geç ödemiş bir müşteri için çarpılır",
    late_payer_applied: "Ücretler, daha önce geç ödeme yapmış bir müşteri için zaten çarpıldı.",
    not_a_profession: |asked, values| {
        format!(
            "--profession {asked}: yerleşik kütüphanede böyle bir meslek yok; şunlardan birini \
             yazın: {values}"
        )
    },
    none_in_language: |profession, code, others| {
        format!(
            "{profession} mesleği için --lang {code} ile yazılmış bir örnek yok (bu dilde örneği \
             olan meslekler: {others}); İngilizce örnekten başlayıp içine \
             `agreement.language: {code}` yazabilirsiniz: clausewright example --profession \
             {profession}"
        )
    },
    none: |profession, code| match profession {
        Some(profession) => {
            format!("{profession} mesleği için --lang {code} ile yazılmış bir örnek yok")
        }
        None => format!("--lang {code} ile yazılmış bir örnek yok"),
    },
};

/// What a question accepts, in Turkish, as it is written in the file: the interview's words
/// for a typed answer, and for the others the YAML to write (`true` or `false`, a choice's
/// code, a list's fields).
fn expectation_tr(question: &Question) -> String {
    match question.ty {
        Type::Bool => "true ya da false".to_owned(),
        Type::Choice => {
            let values: Vec<String> = (question.choices.iter())
                .map(|c| format!("\"{}\"", c.value))
                .collect();
            format!("şunlardan biri: {}", values.join(", "))
        }
        Type::List => {
            let fields: Vec<String> = (question.fields.iter())
                .map(|f| {
                    let required = if f.required { ", zorunlu" } else { "" };
                    format!("`{}` ({}{required})", f.key, type_tr(f.ty))
                })
                .collect();
            format!(
                "en fazla {MAX_RECORDS} kayıtlık bir {} listesi; her kaydın alanları: {}",
                question.item,
                fields.join(", ")
            )
        }
        _ => messages::expected_tr(question),
    }
}

/// A field's type in one Turkish word or two.
fn type_tr(ty: Type) -> &'static str {
    match ty {
        Type::Text => "metin",
        Type::Email => "e-posta adresi",
        Type::Phone => "telefon numarası",
        Type::Money => "tutar",
        Type::Percent => "yüzde",
        Type::Integer => "tam sayı",
        Type::Date => "tarih",
        Type::Bool => "true ya da false",
        Type::Choice => "seçenek",
        Type::List => "liste",
    }
}
