//! The ladder's words in another language: takes a step (its id, and what decides its
//! wording) and returns its title and how-to in Turkish, for the files `chase` writes in the
//! letters' language (the calendar's events, the PDF letters' properties). The ladder builds
//! its steps in English; the dates never depend on the language.
//!
//! The Turkish route at the end of a payment ladder follows Turkish law: between merchants a
//! notice that puts the debtor in default or ends the contract is also sent by notary,
//! registered letter, telegram or registered electronic mail (KEP), TTK art. 18/3
//! (<https://www.mevzuat.gov.tr/mevzuatmetin/1.5.6102.pdf>); a notarised warning (noter
//! ihtarnamesi) before collection; enforcement proceedings (icra takibi, İİK art. 58 ff.) or a
//! claim in court, which for a commercial claim for money requires mediation first (TTK art.
//! 5/A; Law no. 6325 on Mediation in Civil Disputes, art. 18/A,
//! <https://www.mevzuat.gov.tr/mevzuatmetin/1.5.6325.pdf>).

use super::Step;
use super::ladder::{
    CHANGE_ORDER_CONFIRMATION, DELIVERY_ACCEPTANCE_REQUEST, FEEDBACK_FOLLOW_UP,
    FEEDBACK_KILL_FEE_NOTICE, FEEDBACK_PAUSE_WORK, NEGOTIATING_FOLLOW_UP,
    NEGOTIATING_LAST_CHECK_IN, PAYMENT_CURE_NOTICE, PAYMENT_FINAL_NOTICE, PAYMENT_FOLLOW_UP,
    PAYMENT_NOTICE_30, PAYMENT_NOTICE_60, PAYMENT_NOTICE_90, PAYMENT_PAID_IN_FULL,
    PAYMENT_PAUSE_WORK, PAYMENT_REMINDER, PAYMENT_RESEND,
};

/// The firm but polite notices' how-to, the same for the three of them.
const NOTICE_HOW: &str = "Kararlı ama nazik olun: ödemeyi isteyin, yasal yola başvurma niyetinizi belirtin ve faturanın bir kopyasını ekleyin.";

/// The title and how-to of `step` in Turkish. `late_fee` says whether the contract charges
/// a late fee (the statement of account then shows it); `kill_fee_days` is the contract's
/// business days of silence. `None` for a step this table does not know.
#[must_use]
pub(super) fn turkish(
    step: &Step,
    late_fee: bool,
    kill_fee_days: Option<u32>,
) -> Option<(String, String)> {
    let (title, detail): (&str, String) = match step.id {
        NEGOTIATING_FOLLOW_UP => (
            "Kısa ve nazik bir hatırlatma e-postası gönderin",
            "Mesajınızdan dört ila yedi gün sonra: daha erken yazmak ısrarcı görünür.".into(),
        ),
        NEGOTIATING_LAST_CHECK_IN => (
            "Son kez yazın, sonra yolunuza devam edin",
            "Bunun son mesajınız olduğunu açıkça söyleyin ve hazır olduklarında birlikte çalışmaktan memnuniyet duyacağınızı belirtin. İmzadan önce bu kadar yavaş davranan bir müşteri bir uyarı işaretidir.".into(),
        ),
        FEEDBACK_FOLLOW_UP => (
            "Beklediğiniz geri bildirim için bir hatırlatma gönderin",
            "Mesajınızdan sonraki haftanın salı günü: müşteriye o haftanın geri kalanı ve pazartesi günü tanınmış olur.".into(),
        ),
        "feedback-checks" => (
            "Adresi kontrol edin, telefonla teyit edin, hareket belirtilerine bakın",
            "Yazdığınız adresi müşterinin son e-postasındaki adresle karşılaştırın; mesajlarınızın ulaştığını teyit etmek için arayın (şikâyet etmek için değil, teyit etmek için); kişinin çevrimiçi etkin olup olmadığına bakın. Herkesin görebileceği yerlerde yazdıklarınız tarafsız ve profesyonel kalsın.".into(),
        ),
        FEEDBACK_PAUSE_WORK => (
            "Müşteriye işin durdurulduğunu e-postayla bildirin",
            "Kontrollerden bir sonuç çıkmadıysa: müşteriden haber alana kadar iş durur.".into(),
        ),
        FEEDBACK_KILL_FEE_NOTICE => (
            "Sözleşmeyi sessizlik nedeniyle sona erdiren bildirimi gönderin",
            format!(
                "Talebinize {} iş günüdür Yanıt gelmedi ve işi durdurma bildiriminin uyarısından bu yana beş iş günü geçti: sözleşme, bildirimle sona erdirmenize izin verir ve Müşteri Fesih Ödemesi’ni öder. Yalnızca müşteri hâlâ sessizse gönderin; taraflar tacirse bildirimi ayrıca noter, iadeli taahhütlü mektup, telgraf veya KEP ile gönderin (TTK m. 18/3).",
                kill_fee_days.unwrap_or(0)
            ),
        ),
        PAYMENT_REMINDER => (
            "Faturanın vadesinin yaklaştığını nazikçe hatırlatın",
            "Vadeden birkaç gün önce gönderilen kısa bir e-posta, yolda kaybolmuş bir faturayı henüz gecikme yokken yakalar.".into(),
        ),
        PAYMENT_FOLLOW_UP => (
            "Hatırlatma gönderin ve faturanın ulaştığını telefonla teyit edin",
            "İşin ve faturanın ulaştığını teyit edin ve bir sonraki adımı, yani ödemeyi konuşun. Aramayı `--record called` ile kaydedin.".into(),
        ),
        PAYMENT_PAUSE_WORK => (
            "İş sürüyorsa: müşteriye fatura ödenene kadar işin durdurulduğunu bildirin",
            "Sözleşme, vadesi geçmiş bir tutar varken bütün işi durdurmanıza izin verir; iş bittiyse bu mektubu göndermeyin.".into(),
        ),
        PAYMENT_RESEND => (
            if late_fee {
                "Gecikme Faizi’ni ayrıca gösteren bir hesap ekstresi gönderin"
            } else {
                "Bir hesap ekstresi gönderin"
            },
            "Fatura düzenlendiği gibi kalır; ekstre, faizi ve yapılan ödemeleri onun yanında gösterir. Her kanaldan gönderin (e-posta, iadeli taahhütlü mektup) ve ulaştığını telefonla teyit edin.".into(),
        ),
        PAYMENT_NOTICE_30 => ("Birinci gecikme ihtarı (vadeden 30 gün sonra)", NOTICE_HOW.into()),
        PAYMENT_CURE_NOTICE => (
            "Ödememenin on iş günü içinde giderilmesini isteyen ihtar",
            "Sözleşmenin, ödememe nedeniyle feshetmeden önce aradığı yazılı istem; en çok iş hâlâ sürerken önemlidir. Taraflar tacirse ihtarı ayrıca noter, iadeli taahhütlü mektup, telgraf veya KEP ile gönderin (TTK m. 18/3).".into(),
        ),
        PAYMENT_NOTICE_60 => ("İkinci gecikme ihtarı (vadeden 60 gün sonra)", NOTICE_HOW.into()),
        PAYMENT_NOTICE_90 => ("Üçüncü gecikme ihtarı (vadeden 90 gün sonra)", NOTICE_HOW.into()),
        PAYMENT_FINAL_NOTICE => (
            "Yasal yola başvurmadan önce son süreyi veren son ihtar",
            "Son mektup: bakiye, gecikilen gün sayısı, asıl vade tarihi, son ödeme tarihi, ödeme bilgileri ve iletişim bilgileriniz. Taraflar tacirse ihtarı ayrıca noter, iadeli taahhütlü mektup, telgraf veya KEP ile gönderin (TTK m. 18/3).".into(),
        ),
        PAYMENT_PAID_IN_FULL => (
            "Tam ödemeyi teyit edin ve dosyaları teslim edin",
            "Fatura, Gecikme Faizi’yle birlikte ödendi. Sözleşme uyarınca başka bir borç kalmadıysa haklar şimdi geçer: nihai dosyaları gönderin.".into(),
        ),
        "payment-deadline" => (
            "Son ihtardaki süre doldu: alacağı yasal yoldan isteyin",
            "Bakiye hâlâ ödenmediyse sözleşmenin uyuşmazlık maddesindeki yola başvurun. Türk hukuku uygulanıyorsa: son ihtarı noter aracılığıyla göndermediyseniz önce bir noter ihtarnamesi gönderin; sonra icra dairesinde icra takibi başlatın ya da dava açın (ticari bir para alacağı için dava açmadan önce arabulucuya başvurmak zorunludur: TTK m. 5/A, 6325 sayılı Kanun m. 18/A). Sözleşmeyi, faturayı ve bütün mektupların kopyalarını saklayın.".into(),
        ),
        DELIVERY_ACCEPTANCE_REQUEST => (
            "Müşteriden nihai işi inceleyip kabul etmesini isteyin",
            "İşle ya da işin bağlantısıyla birlikte gönderin: İnceleme Süresi teslimden itibaren işler.".into(),
        ),
        "delivery-review-ends" => (
            "İnceleme Süresi sona eriyor: Müşteri işe itiraz etmediyse veya değişiklik istemediyse iş kabul edilmiş sayılır",
            "Müşteri ikisini de yapmadıysa Proje tamamlanmıştır: bakiyenin faturasını beş iş günü içinde düzenleyin.".into(),
        ),
        CHANGE_ORDER_CONFIRMATION => (
            "Kararlaştırılan değişikliği başlamadan önce yazılı olarak teyit edin",
            "Ek iş ancak yazılı olarak kararlaştırıldıktan sonra başlar: müşterinin yanıtını bekleyin.".into(),
        ),
        _ => return None,
    };
    Some((title.to_owned(), detail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chase::ladder::LETTERS;
    use crate::chase::step;

    #[test]
    fn every_step_of_every_ladder_has_turkish_words() {
        let day = jiff::civil::date(2026, 12, 1);
        let ids = LETTERS.iter().map(|(id, _)| *id).chain([
            "feedback-checks",
            "payment-deadline",
            "delivery-review-ends",
        ]);
        for id in ids {
            let (title, detail) =
                turkish(&step(id, day, "English", "English.", true), true, Some(15))
                    .unwrap_or_else(|| panic!("no Turkish words for `{id}`"));
            assert!(!title.contains("English") && !detail.is_empty(), "{id}");
        }
        assert_eq!(
            turkish(&step("unknown", day, "t", "d", true), true, None),
            None
        );
    }

    #[test]
    fn the_statement_names_the_late_fee_only_when_the_contract_has_one() {
        let day = jiff::civil::date(2026, 12, 1);
        let resend = step(PAYMENT_RESEND, day, "t", "d", true);
        assert!(turkish(&resend, true, None).is_some_and(|(t, _)| t.contains("Gecikme Faizi")));
        assert!(turkish(&resend, false, None).is_some_and(|(t, _)| !t.contains("Faiz")));
    }

    #[test]
    fn the_kill_fee_notice_counts_the_contracts_days() {
        let day = jiff::civil::date(2026, 12, 1);
        let notice = step(FEEDBACK_KILL_FEE_NOTICE, day, "t", "d", true);
        assert!(
            turkish(&notice, false, Some(15)).is_some_and(|(_, d)| d.contains("15 iş günüdür"))
        );
    }
}
