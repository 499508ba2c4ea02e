//! The findings' words, one catalogue per language ([`Words`]): a finding is written in the
//! language of the contract's summary (the prevailing one of a bilingual contract), so that a
//! Turkish contract's warnings are Turkish. The numbers come in as numbers and are written
//! here in the language's form (`%1,5` in Turkish); amounts and dates come in worded by
//! `format` in the contract's locale.

use rust_decimal::Decimal;

use crate::format;
use crate::jurisdiction::Requirement;
use crate::model::Language;

/// Every finding's sentence in one language.
pub(super) struct Words {
    /// The kill fee's silence (business days) is shorter than the feedback duty plus the
    /// follow-up ladder: the silence, the duty, the ladder, both together.
    pub silence: fn(Decimal, i64, i64, i64) -> String,
    /// The deposit kept plus the cancellation fee is more than the fee: the deposit kept, the
    /// cancellation fee, both together (percent of the fee).
    pub above_the_fee: fn(Decimal, Decimal, Decimal) -> String,
    /// Interest above the place's limit: a month, a year, the yearly limit (percent).
    pub interest: fn(Decimal, Decimal, Decimal) -> String,
    /// The balance can fall due long after the last delivery: the days in all, the review
    /// (business days), the days to pay, the days the law allows.
    pub payment_late: fn(Decimal, Decimal, Decimal, i64) -> String,
    /// Work starts before the agreement's date: the start, the agreement's date (worded).
    pub start_before: fn(&str, &str) -> String,
    /// The fee is less than one hour at the hourly rate: the fee, the rate (worded).
    pub fee_below: fn(&str, &str) -> String,
    /// A business without its name: the kind's key, the kind answered, the name's key, and
    /// whether it is a company (registered name) rather than a trading name.
    pub unnamed: fn(&str, &str, &str, bool) -> String,
    /// A monthly percentage given while the law's interest applies: its key, the switch's key.
    pub unused_percent: fn(&str, &str) -> String,
    /// An answer the contract leaves out: its key, the condition of its question.
    pub left_out: fn(&str, &str) -> String,
    /// What a freelancer-protection law requires and the contract lacks: the law's name, the
    /// requirement, the days to pay the answers give, and the sentence in English (from
    /// [`FreelancerLaw::lacking`](crate::jurisdiction::FreelancerLaw::lacking)).
    pub law: fn(&str, Requirement, Option<i64>, &str) -> String,
    /// An answer speaks of another trade.
    pub other_trade: fn(&OtherTrade) -> String,
    /// The trades beyond the first named: how many.
    pub other_trades: fn(usize) -> String,
    /// An answer, by key.
    pub answer: fn(&str) -> String,
    /// A record of a list: the list's key, its item, the record's number.
    pub record_of: fn(&str, &str, usize) -> String,
}

/// An answer that speaks of another trade than the contract's.
pub(super) struct OtherTrade<'a> {
    /// The answer (from [`Words::answer`] or [`Words::record_of`]).
    pub what: &'a str,
    /// The words of other trades it holds, quoted.
    pub words: &'a [String],
    /// The trades they belong to, named.
    pub trades: &'a [String],
    /// The contract's trade, named.
    pub own: &'a str,
    /// The profession's key.
    pub key: &'a str,
    /// The profession answered.
    pub answer: &'a str,
}

/// The catalogue of `language`.
pub(super) fn of(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Tr => &TURKISH,
    }
}

const ENGLISH: Words = Words {
    silence: |days, duty, ladder, needed| {
        format!(
            "the kill fee's silence is {days} business days, shorter than the client's {duty}-business-day feedback duty plus the {ladder} business days of the follow-up ladder ({needed} in all): the right to end the work would come before the follow-up, the call and the pause letter"
        )
    },
    above_the_fee: |kept, cancellation, total| {
        format!(
            "the deposit kept ({kept}% of the fee) plus the cancellation fee ({cancellation}%) is {total}% of the fee: more than the whole fee reads as a penalty, which a court may refuse to enforce"
        )
    },
    interest: |monthly, yearly, limit| {
        format!(
            "interest of {monthly}% a month is {yearly}% a year, above {limit}%: many places cap contract interest lower, and a court may cut it or refuse it"
        )
    },
    payment_late: |total, review, due, allowed| {
        format!(
            "the balance can fall due {total} days after the last delivery (a {review}-business-day review, up to a week to invoice, then {due} days to pay): Illinois requires payment within {allowed} days of delivery, and a late payer has more room to wait"
        )
    },
    start_before: |start, agreed| {
        format!(
            "work starts on {start}, before the agreement's date of {agreed}: work done before the agreement takes effect is not covered by it"
        )
    },
    fee_below: |fee, rate| {
        format!(
            "the fee of {fee} is less than one hour at the hourly rate of {rate}: is one of them mistyped?"
        )
    },
    unnamed: |kind_key, kind, business_key, company| {
        let name = if company {
            "company's registered"
        } else {
            "trading"
        };
        format!(
            "`{kind_key}` is {kind}, but `{business_key}` is empty: the contract needs your {name} name"
        )
    },
    unused_percent: |key, statutory| {
        format!(
            "`{key}` is given, but the contract charges the interest the law of its country sets (`{statutory}` is true, its default there): write `{statutory}: false` to charge this percentage instead, or remove it"
        )
    },
    left_out: |key, condition| {
        format!(
            "`{key}` is given, but the contract leaves it out: its question applies only when {condition}"
        )
    },
    law: |_, _, _, sentence| {
        format!("{sentence} (this contract falls under it by its place and value)")
    },
    other_trade: |found| {
        let OtherTrade {
            what,
            words,
            trades,
            own,
            key,
            answer,
        } = found;
        let word = if words.len() == 1 { "a word" } else { "words" };
        format!(
            "{what} speaks of {}, {word} of {}, but this contract is for {own} (`{key}: {answer}`): was it written for another contract? Reword it, or change `{key}`",
            and(words, "and"),
            and(trades, "and"),
        )
    },
    other_trades: |count| format!("{count} other trades"),
    answer: |key| format!("`{key}`"),
    record_of: |key, item, number| format!("`{key}` ({item} {number})"),
};

/// Turkish, with the interview's and the contract's terms: "kapora", "iptal bedeli",
/// "sona erdirmeden önceki sessizlik", "saat ücreti", "Gecikme Faizi"'s "faiz".
const TURKISH: Words = Words {
    silence: |days, duty, ladder, needed| {
        format!(
            "sona erdirmeden önceki sessizlik {} iş günü; bu, müşterinin {} iş günlük geri bildirim süresiyle hatırlatma adımlarının {} iş gününün toplamından ({}) kısa: işi sona erdirme hakkı, hatırlatmadan, telefon görüşmesinden ve işin durdurulduğunu bildiren yazıdan önce doğar",
            digits(days),
            count(duty),
            count(ladder),
            count(needed)
        )
    },
    above_the_fee: |kept, cancellation, total| {
        format!(
            "sizde kalan kapora ({}) ile iptal bedelinin ({}) toplamı ücretin {} kadarı: ücretin tamamını aşan bir tutar ceza gibi görünür; mahkeme onu indirebilir ya da hiç uygulamayabilir",
            percent(kept),
            percent(cancellation),
            percent(total)
        )
    },
    interest: |monthly, yearly, limit| {
        format!(
            "aylık {} faiz yılda {} eder; bu, {} sınırının üstünde: birçok ülke sözleşmeyle kararlaştırılan faize daha düşük bir sınır koyar; mahkeme bu faizi indirebilir ya da hiç uygulamayabilir",
            percent(monthly),
            percent(yearly),
            percent(limit)
        )
    },
    payment_late: |total, review, due, allowed| {
        format!(
            "bakiyenin son ödeme günü son teslimden {} gün sonraya düşebilir ({} iş günü inceleme, faturayı kesmek için bir haftaya kadar, sonra {} gün ödeme süresi): Illinois ödemenin teslimden sonraki {} gün içinde yapılmasını şart koşar; geç ödeyen bir müşteriye de beklemek için daha çok zaman kalır",
            digits(total),
            digits(review),
            digits(due),
            count(allowed)
        )
    },
    start_before: |start, agreed| {
        format!(
            "iş {start} tarihinde, yani sözleşme tarihinden ({agreed}) önce başlıyor: sözleşme yürürlüğe girmeden yapılan iş onun kapsamına girmez"
        )
    },
    fee_below: |fee, rate| {
        format!(
            "{fee} tutarındaki ücret, {rate} olan saat ücretinizle bir saatlik işten bile az: ikisinden biri yanlış mı yazıldı?"
        )
    },
    unnamed: |kind_key, kind, business_key, company| {
        let name = if company {
            "şirketinizin ticaret siciline kayıtlı unvanı"
        } else {
            "ticari adınız"
        };
        format!(
            "`{kind_key}` için {kind} yazılmış, ama `{business_key}` boş: sözleşmede {name} yer almalı"
        )
    },
    unused_percent: |key, statutory| {
        format!(
            "`{key}` yazılmış, ama sözleşme, uygulanacak hukukun ülkesinde kanunun belirlediği faizi uyguluyor (`{statutory}` orada varsayılan olarak true): bu yüzdeyi uygulamak için `{statutory}: false` yazın ya da `{key}` satırını silin"
        )
    },
    left_out: |key, condition| {
        format!(
            "`{key}` yazılmış, ama sözleşmede yer almıyor: sorusu yalnızca `{condition}` olduğunda sorulur"
        )
    },
    law: |name, requirement, days, _| {
        let contains = |what: &str| format!("sözleşmede {what} yer almasını");
        let what = match requirement {
            Requirement::Parties => contains("iki tarafın adlarının ve posta adreslerinin"),
            Requirement::Contacts => {
                contains("iki tarafın telefon numaralarının ve e-posta adreslerinin")
            }
            Requirement::Services => contains("hizmetlerin kalem kalem tanımının"),
            Requirement::Rate => contains("hizmetlerin bedelinin ve nasıl ödeneceğinin"),
            Requirement::PaymentDate => {
                contains("ödeme tarihinin ya da bu tarihin nasıl belirleneceğinin")
            }
            Requirement::PaymentWithin30 => format!(
                "ödemenin {} gün içinde değil, teslimden sonraki otuz (30) gün içinde yapılmasını",
                days.map_or_else(String::new, count)
            ),
        };
        // The law's English name, without the English article.
        let name = name.strip_prefix("the ").unwrap_or(name);
        format!(
            "{name}, {what} şart koşar (bu sözleşme, yeri ve bedeli bakımından bu kanunun kapsamına girer)"
        )
    },
    other_trade: |found| {
        let OtherTrade {
            what,
            words,
            trades,
            own,
            key,
            answer,
        } = found;
        let word = if words.len() == 1 {
            "sözcüğü geçiyor; bu sözcük"
        } else {
            "sözcükleri geçiyor; bu sözcükler"
        };
        let trade = if trades.len() == 1 {
            "mesleğe"
        } else {
            "mesleklere"
        };
        format!(
            "{what} {} {word} şu {trade} özgü: {}. Bu sözleşme ise {own} için (`{key}: {answer}`): başka bir sözleşme için mi yazıldı? Yeniden yazın ya da `{key}` yanıtını değiştirin",
            and(words, "ve"),
            and(trades, "ve"),
        )
    },
    other_trades: |count| {
        format!(
            "başka {} meslek",
            format::tr::integer_words(u128::try_from(count).unwrap_or(u128::MAX))
        )
    },
    answer: |key| format!("`{key}` yanıtında"),
    record_of: |key, item, number| format!("`{key}` listesindeki {number}. {item} kaydında"),
};

/// `a`, `a and b`, `a, b and c`, with `and` the language's word.
fn and(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// A number in Turkish digits: `1,5`, `15`.
fn digits(value: Decimal) -> String {
    format::tr::digits(value)
}

/// A count in Turkish digits.
fn count(value: i64) -> String {
    digits(Decimal::from(value))
}

/// A percentage, Turkish style: `%1,5`.
fn percent(value: Decimal) -> String {
    format!("%{}", digits(value.normalize()))
}
