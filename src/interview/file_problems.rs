//! The problems of an answers file given to `new` ([`Problem`]: a key not declared, a list
//! where one value goes, a bad record), worded in the interview's language: `new --answers`
//! warns about them before the first question, and the interview asks what they left out.
//! English keeps the diagnostic `build` prints; Turkish words the same facts, with the
//! questions' words (a list's item, a field's prompt) of the library in Turkish.

use crate::answers::{Facts, Problem};
use crate::error::Diagnostic;
use crate::library::Library;
use crate::model::{Language, NumberForm, Question};
use crate::yaml::Syntax;

use super::messages;

/// `problem` in `language`: its diagnostic, at the same place, saying the same thing.
/// `library` is the library in that language (its questions' words).
#[must_use]
pub(crate) fn in_language(problem: &Problem, language: Language, library: &Library) -> Diagnostic {
    match language {
        Language::En => problem.diagnostic.clone(),
        Language::Tr => {
            let Some((message, hint)) = turkish(&problem.facts, library) else {
                return problem.diagnostic.clone();
            };
            let mut diagnostic = Diagnostic {
                message,
                hint: None,
                ..problem.diagnostic.clone()
            };
            if let Some(hint) = hint {
                diagnostic = diagnostic.with_hint(hint);
            }
            diagnostic
        }
    }
}

/// The message and hint of `facts` in Turkish; `None` when the library does not declare the
/// key the facts name (they came from another library). One arm a kind of problem.
#[allow(clippy::too_many_lines)]
fn turkish(facts: &Facts, library: &Library) -> Option<(String, Option<String>)> {
    let list = |key: &str| library.question(key);
    let fields = |question: &Question| {
        let names: Vec<String> = question
            .fields
            .iter()
            .map(|f| format!("`{}`", f.key))
            .collect();
        names.join(", ")
    };
    // "`project.scope` listesindeki 2. teslim kalemi"
    let record = |question: &Question, number: usize| {
        format!(
            "`{}` listesindeki {number}. {}",
            question.key, question.item
        )
    };
    let message = match facts {
        Facts::Tag { tag } => tag_turkish(tag),
        Facts::Syntax { syntax } => return Some(syntax_turkish(syntax)),
        Facts::NotKeys => "yanıt dosyası `anahtar: değer` satırlarıyla yazılır; örneğin \
                           `client:` satırı ve altında `  name: Acme Ltd`"
            .to_owned(),
        Facts::UnknownKey { key, suggestion } => {
            let hint = suggestion
                .as_ref()
                .map(|s| format!("şunu mu demek istediniz: `{s}`?"));
            return Some((format!("`{key}` diye bir anahtar yok"), hint));
        }
        Facts::GivenTwice { key } => format!("`{key}` iki kez yazılmış"),
        Facts::NumberForm { key, written, form } => format!(
            "`{key}` için {written} yazılmış ({}); {PLAIN_DIGITS}",
            number_form(*form)
        ),
        Facts::HoldsKeys { key, children } => {
            let children: Vec<String> = children.iter().map(|c| format!("`{c}`")).collect();
            format!(
                "`{key}` tek bir değer almaz; altına şu anahtarlar yazılır: {}",
                children.join(", ")
            )
        }
        Facts::TakesList { key } => {
            let item = &list(key)?.item;
            format!(
                "`{key}` bir {item} listesi alır; her {item} kaydını anahtarın altındaki \
                 satırlara `- ` ile başlayarak yazın"
            )
        }
        Facts::TakesSingle { key } => {
            format!("`{key}` tek bir değer alır, bir liste ya da alt anahtarlar değil")
        }
        Facts::Reserved => "`clausewright` anahtarı clausewright’ın kendi kaydına ayrılmıştır; \
                            altında yalnızca `late_payer_applied: true` ya da \
                            `late_payer_applied: false` bulunabilir"
            .to_owned(),
        Facts::TooManyRecords { key } => format!(
            "`{key}` listesi en fazla {} kayıt tutar",
            crate::model::schema::MAX_RECORDS
        ),
        Facts::NotAMapping { key, number } => {
            let question = list(key)?;
            format!(
                "{} `alan: değer` satırlarıyla yazılmalı; alanları: {}",
                record(question, *number),
                fields(question)
            )
        }
        Facts::NotAField { key, field } => format!(
            "`{key}` listesinin kayıtlarında `{field}` diye bir alan yok; alanlar şunlar: {}",
            fields(list(key)?)
        ),
        Facts::FieldTwice { key, field, number } => format!(
            "`{field}`, {} içinde iki kez yazılmış",
            record(list(key)?, *number)
        ),
        Facts::FieldNumberForm {
            key,
            field,
            number,
            written,
            form,
        } => format!(
            "{}: `{field}` için {written} yazılmış ({}); {PLAIN_DIGITS}",
            record(list(key)?, *number),
            number_form(*form)
        ),
        Facts::FieldTakesSingle { key, field } => format!(
            "`{key}` listesinin `{field}` alanı tek bir değer alır, bir liste ya da alt \
             anahtarlar değil"
        ),
        Facts::FieldBlank { key, field, number } => {
            let question = list(key)?;
            format!(
                "{}: `{field}` boş; bu zorunlu alana en az bir görünür karakter yazılmalı: {}",
                record(question, *number),
                question.field(field)?.prompt
            )
        }
        Facts::FieldRefused {
            key,
            field,
            number,
            refusal,
        } => {
            let question = list(key)?;
            let reason = (messages::of(Language::Tr).refused)(question.field(field)?, refusal);
            format!(
                "{}: `{field}` kabul edilmedi. {}",
                record(question, *number),
                reason.trim_end_matches('.')
            )
        }
        Facts::FieldMissing { key, field, number } => {
            let question = list(key)?;
            format!(
                "{} için zorunlu `{field}` alanı yazılmamış: {}",
                record(question, *number),
                question.field(field)?.prompt
            )
        }
    };
    Some((message, None))
}

/// A YAML tag refused, in Turkish (the tag as written).
pub(crate) fn tag_turkish(tag: &str) -> String {
    format!("`{tag}` YAML etiketine izin verilmiyor: değeri etiketsiz, düz yazın")
}

/// What the YAML parser found wrong, in Turkish: a sentence of ours for each kind it names,
/// and for any other syntax error a sentence saying the file cannot be read there, with what
/// to look at and the parser's own English words as the hint (they name the token it
/// stumbled on, which no fixed sentence can; the diagnostic's caret shows where).
pub(crate) fn syntax_turkish(syntax: &Syntax) -> (String, Option<String>) {
    let message = match syntax {
        Syntax::KeyTwice(Some(key)) => format!("`{key}` aynı yerde iki kez yazılmış; birini silin"),
        Syntax::KeyTwice(None) => "bir anahtar aynı yerde iki kez yazılmış; birini silin".into(),
        Syntax::Documents => "dosyada birden fazla YAML belgesi var (`---` satırı yeni bir belge \
                              başlatır); yalnızca birini bırakın"
            .into(),
        Syntax::TooMuch => "dosyada clausewright’ın okuyabileceğinden fazla değer, iç içe yapı ya \
                            da çapa (`*ad`) tekrarı var; değerleri açıkça yazın"
            .into(),
        Syntax::EndsTooSoon => "dosya boş ya da yarıda bitiyor".into(),
        Syntax::UnknownAnchor => {
            "`*ad`, yukarıda tanımlanmamış bir çapayı (`&ad`) tekrarlıyor".into()
        }
        Syntax::MergeKey => {
            "birleştirme anahtarına (`<<`) izin verilmiyor; anahtarları tek tek yazın".into()
        }
        Syntax::Other(detail) => {
            return (
                "dosya bu noktada YAML olarak okunamıyor".into(),
                Some(format!(
                    "girintiyi, `anahtar: değer` biçimini ve tırnakları denetleyin \
                     (YAML okuyucusunun İngilizce iletisi: “{detail}”)"
                )),
            );
        }
    };
    (message, None)
}

/// What to do about a number written in a form YAML reads otherwise.
const PLAIN_DIGITS: &str = "sayıyı 12 ya da 1250.00 gibi yalnızca rakamlarla yazın";

/// How a number is written that YAML reads otherwise, in Turkish (in parentheses after the
/// value).
pub(crate) fn number_form(form: NumberForm) -> &'static str {
    match form {
        NumberForm::Hexadecimal => "YAML bunu on altılık tabanda bir sayı olarak okur",
        NumberForm::Octal => "YAML bunu sekizlik tabanda bir sayı olarak okur",
        NumberForm::Binary => "YAML bunu ikilik tabanda bir sayı olarak okur",
        NumberForm::Underscore => "YAML rakamların arasındaki `_` işaretlerini atar",
        NumberForm::Exponent => "üslü bir sayı",
        NumberForm::NotFinite => "sonlu bir sayı değil",
        NumberForm::LeadingZero => {
            "baştaki sıfır yüzünden bazı YAML okuyucuları bunu sekizlik tabanda okur"
        }
        NumberForm::NotDigits => "rakamlarla yazılmış bir sayı değil",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers;

    /// The problems `new --answers` finds in `text`, in Turkish, as `line:column: message;
    /// hint`, and the same problems in English.
    fn problems(text: &str) -> (Vec<String>, Vec<String>) {
        let library = crate::library::built_in().unwrap();
        let turkish = library.asking_in(Language::Tr).unwrap();
        let given = answers::read_given("a.yaml", text, &library).unwrap();
        let mut found = given.problems;
        for (key, list) in &given.lists {
            let question = library.question(key).unwrap();
            if let Err(more) = answers::typed_records("a.yaml", text, question, list, "TRY") {
                found.extend(more);
            }
        }
        let shown = |d: &Diagnostic| format!("{}:{}: {}", d.line, d.column, d.text());
        let tr = found
            .iter()
            .map(|p| shown(&in_language(p, Language::Tr, &turkish)))
            .collect();
        let en = found
            .iter()
            .map(|p| shown(&in_language(p, Language::En, &library)))
            .collect();
        (tr, en)
    }

    #[test]
    fn the_problems_of_the_keys_are_said_in_turkish() {
        let text = "freelancer:\n  nmae: Elif Şahin\n  name: Elif Şahin\nfreelancer.name: Elif\n\
                    fees:\n  total: 0x10\n  currency: [TRY]\nclient: Acme\nclausewright:\n  late: true\n";
        let (turkish, english) = problems(text);
        assert_eq!(
            turkish,
            [
                "10:3: `clausewright` anahtarı clausewright’ın kendi kaydına ayrılmıştır; altında \
                 yalnızca `late_payer_applied: true` ya da `late_payer_applied: false` bulunabilir",
                "2:3: `freelancer.nmae` diye bir anahtar yok; şunu mu demek istediniz: \
                 `freelancer.name`?",
                "4:1: `freelancer.name` iki kez yazılmış",
                "6:10: `fees.total` için 0x10 yazılmış (YAML bunu on altılık tabanda bir sayı olarak \
                 okur); sayıyı 12 ya da 1250.00 gibi yalnızca rakamlarla yazın",
                "7:3: `fees.currency` tek bir değer alır, bir liste ya da alt anahtarlar değil",
                "8:1: `client` tek bir değer almaz; altına şu anahtarlar yazılır: `name`, `contact`, \
                 `kind`, `consumer`, `trade_name`, `entity`, `title`, `email`, `phone`, `address`",
            ]
        );
        // English keeps the diagnostics `build` prints.
        assert_eq!(
            english[..3],
            [
                "10:3: `clausewright` is reserved; it holds only `late_payer_applied: true` or `false`",
                "2:3: unknown key `freelancer.nmae`; did you mean `freelancer.name`?",
                "4:1: `freelancer.name` is given twice",
            ]
        );
    }

    #[test]
    fn the_problems_of_a_lists_records_are_said_in_turkish_with_the_lists_turkish_words() {
        let text = "project:\n  scope:\n    - item: Ambalaj\n      price: 0x10\n    - price: \"100\"\n\
                    \x20   - item: Katalog\n      colour: kırmızı\n      price: \"12,5x\"\n\
                    \x20   - just text\n    - item: \"  \"\n      price: \"5\"\n    - item: [a]\n\
                    \x20     price: \"5\"\nmilestones: yes\n";
        let (turkish, english) = problems(text);
        assert_eq!(
            turkish,
            [
                "4:14: `project.scope` listesindeki 1. teslim kalemi: `price` için 0x10 yazılmış \
                 (YAML bunu on altılık tabanda bir sayı olarak okur); sayıyı 12 ya da 1250.00 gibi \
                 yalnızca rakamlarla yazın",
                "7:7: `project.scope` listesinin kayıtlarında `colour` diye bir alan yok; alanlar \
                 şunlar: `item`, `price`",
                "9:7: `project.scope` listesindeki 4. teslim kalemi `alan: değer` satırlarıyla \
                 yazılmalı; alanları: `item`, `price`",
                "12:7: `project.scope` listesinin `item` alanı tek bir değer alır, bir liste ya da \
                 alt anahtarlar değil",
                "14:1: `milestones` bir aşama listesi alır; her aşama kaydını anahtarın altındaki \
                 satırlara `- ` ile başlayarak yazın",
                "5:7: `project.scope` listesindeki 2. teslim kalemi için zorunlu `item` alanı \
                 yazılmamış: Teslim kalemi (bir sayfa, bir özellik ya da başka bir iş)",
                "8:14: `project.scope` listesindeki 3. teslim kalemi: `price` kabul edilmedi. \
                 “12,5x” bir tutar olarak okunamadı; 0,01 ile 1.000.000.000.000 arasında bir tutar \
                 (örneğin 1250.00) yazın",
                "10:13: `project.scope` listesindeki 4. teslim kalemi: `item` boş; bu zorunlu alana \
                 en az bir görünür karakter yazılmalı: Teslim kalemi (bir sayfa, bir özellik ya da \
                 başka bir iş)",
            ]
        );
        assert_eq!(
            english[0],
            "4:14: `price` of deliverable 1 of `project.scope` is written 0x10, which YAML reads \
             as a hexadecimal number; write the number in plain digits, such as 12 or 1250.00"
        );
    }

    #[test]
    fn a_list_longer_than_a_list_holds_is_said_in_turkish() {
        let mut text = String::from("project:\n  scope:\n");
        for n in 0..=crate::model::schema::MAX_RECORDS {
            text.push_str(&format!("    - item: Kalem {n}\n      price: \"1\"\n"));
        }
        let (turkish, _) = problems(&text);
        assert_eq!(
            turkish,
            [format!(
                "{}:7: `project.scope` listesi en fazla {} kayıt tutar",
                3 + 2 * crate::model::schema::MAX_RECORDS,
                crate::model::schema::MAX_RECORDS
            )]
        );
    }

    #[test]
    fn every_way_a_number_is_miswritten_has_its_turkish_reason() {
        for (written, reason) in [
            ("0o17", "YAML bunu sekizlik tabanda bir sayı olarak okur"),
            ("0b101", "YAML bunu ikilik tabanda bir sayı olarak okur"),
            ("1_000", "YAML rakamların arasındaki `_` işaretlerini atar"),
            ("1e3", "üslü bir sayı"),
            (
                "017",
                "baştaki sıfır yüzünden bazı YAML okuyucuları bunu sekizlik tabanda okur",
            ),
        ] {
            let (turkish, _) = problems(&format!("fees:\n  total: {written}\n"));
            assert_eq!(
                turkish,
                [format!(
                    "2:10: `fees.total` için {written} yazılmış ({reason}); sayıyı 12 ya da \
                     1250.00 gibi yalnızca rakamlarla yazın"
                )]
            );
        }
    }
}
