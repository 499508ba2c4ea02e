//! `clausewright chase` in Turkish: the Turkish example's payment ladder, letter by letter,
//! with its calendar, email drafts and Word letters in Turkish; the language chosen from the
//! answers or `--lang`; and `check` holding `letters/` and `tr/letters/` to the same files.
//!
//! Golden outputs live in `tests/fixtures/chase-tr-payment/expected/`; run with
//! `CLAUSEWRIGHT_BLESS=1` to rewrite them after a deliberate change, and read the diff.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use icalendar::{Calendar, Component as _};
use mail_parser::MessageParser;

use crate::chase::{clausewright, files_in, golden, succeeded, text};
use crate::support::{copy_dir, root, run};

/// The Turkish example's answers, with the Central Bank's advance rate for the months after
/// the profile's table ends (an answer the example leaves to the freelancer).
fn turkish_answers(dir: &Path, extra: &str) -> String {
    let example = std::fs::read_to_string(root().join("examples/tr-istanbul.yaml")).unwrap();
    let answers = example.replacen(
        "interest:\n  statutory: true\n",
        "interest:\n  statutory: true\n  reference_rate: \"39.75\"\n",
        1,
    ) + extra;
    assert!(
        answers.contains("reference_rate"),
        "the example has `interest.statutory`"
    );
    let path = dir.join("tr-istanbul.yaml");
    std::fs::write(&path, answers).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The invoice of the ladder: 55.800,00 TL due on 15 September 2026.
const INVOICE: &[&str] = &[
    "--stage",
    "payment",
    "--invoice",
    "2026/014",
    "--amount",
    "55800",
    "--due",
    "2026-09-15",
];

/// The whole ladder of [`INVOICE`], read on 10 January 2027.
const PAYMENT: &[&str] = &["--today", "2027-01-10", "--all"];

/// Runs the payment ladder of the Turkish example into a fresh folder with `args` added.
fn turkish_payment(args: &[&str]) -> (std::process::Output, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    (turkish_payment_into(out.path(), args), out)
}

/// Runs the payment ladder of the Turkish example into `out` with `args` added.
fn turkish_payment_into(out: &Path, args: &[&str]) -> std::process::Output {
    let answers = turkish_answers(out, "");
    let mut all = vec![
        "chase",
        answers.as_str(),
        "-o",
        out.to_str().unwrap(),
        "--record-file",
    ];
    let record = out.join("record.yaml");
    all.push(record.to_str().unwrap());
    all.extend_from_slice(INVOICE);
    all.extend_from_slice(PAYMENT);
    all.extend_from_slice(args);
    let output = clausewright(&all);
    std::fs::remove_file(&answers).unwrap();
    output
}

fn letters(files: &BTreeMap<String, String>) -> Vec<(&String, &String)> {
    files
        .iter()
        .filter(|(name, _)| Path::new(name).extension().is_some_and(|e| e == "md"))
        .collect()
}

#[test]
fn the_turkish_example_is_chased_in_turkish_with_the_right_amounts() {
    let calendar_dir = tempfile::tempdir().unwrap();
    let ics = calendar_dir.path().join("takvim.ics");
    let (output, out) = turkish_payment(&["--format", "md,txt", "--ics", ics.to_str().unwrap()]);
    succeeded(&output);
    let mut actual = files_in(out.path());
    actual.extend(files_in(calendar_dir.path()));
    actual.insert("stdout.txt".into(), text(&output.stdout));
    golden("chase-tr-payment", &actual);
    let letters = letters(&actual);
    assert_eq!(
        letters.len(),
        9,
        "every payment letter but the paid-in-full one"
    );
    for (name, letter) in &letters {
        assert!(
            letter.contains("\nSayın Gökhan Öztürk,\n"),
            "{name}: {letter}"
        );
        let email = ["reminder", "follow-up"].iter().any(|s| name.contains(s));
        let closing = if email {
            "İyi çalışmalar dilerim,"
        } else {
            "Saygılarımla,"
        };
        assert!(
            letter.contains(&format!("\n{closing}\n")),
            "{name}: {letter}"
        );
        for english in [
            "Dear ",
            "Yours sincerely",
            "Best regards",
            "Invoice ",
            "invoice ",
        ] {
            assert!(
                !letter.contains(english),
                "{name} has `{english}`: {letter}"
            );
        }
        assert!(
            letter.contains("55.800,00 TL") || name.contains("final"),
            "{name}"
        );
        assert!(
            letter.contains("15 Eylül 2026"),
            "{name} names the due date"
        );
    }
    let letter = |step: &str| {
        letters
            .iter()
            .find(|(name, _)| name.ends_with(&format!("payment-{step}.md")))
            .map(|(_, text)| text.as_str())
            .unwrap()
    };
    // The statutory interest (Law no. 3095, art. 2/2) at 39,75% a year on 55.800,00 TL: 30
    // days to 15 October 2026 give 1.823,05 TL, 117 days to 10 January 2027 give 7.109,91 TL.
    let notice = letter("notice-30");
    assert!(
        notice
            .contains("**Gecikme ihtarı: 2026/014 numaralı faturanın vadesi otuz (30) gün geçti**")
    );
    assert!(
        notice.contains("bakiye 57.623,05 TL tutarındadır"),
        "{notice}"
    );
    assert!(notice.contains("1.823,05 TL tutarındaki Gecikme Faizi’nin toplamıdır"));
    assert!(notice.contains("İstanbul mahkemeleri ve icra daireleri nezdinde"));
    let last = letter("final-notice");
    for words in [
        "**Yasal yola başvurmadan önce son ihtar: 2026/014 numaralı fatura, 62.909,91 TL**",
        "- 10 Ocak 2027 itibarıyla gecikilen gün sayısı: yüz on yedi (117)",
        "Gecikme Faizi: 7.109,91 TL",
        "- ödenmemiş bakiye: 62.909,91 TL",
        "beş (5) iş günü içinde, yani en geç 15 Ocak 2027 tarihine kadar",
        "25 Mayıs 2026 tarihinde",
        "noter aracılığıyla bir ihtarname",
        "icra takibi",
        "arabuluculuk",
        "Türk Ticaret Kanunu m. 5/A; 6325 sayılı Hukuk Uyuşmazlıklarında Arabuluculuk Kanunu m. 18/A",
    ] {
        assert!(
            last.contains(words),
            "the final notice lacks `{words}`:\n{last}"
        );
    }
    turkish_calendar(&actual["takvim.ics"]);
}

/// The calendar of the Turkish ladder speaks Turkish: its name, each step's title, the
/// invoice line.
fn turkish_calendar(ics: &str) {
    let calendar: Calendar = ics.parse().unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert!(!events.is_empty());
    for event in &events {
        let summary = event.get_summary().unwrap();
        assert!(
            summary.starts_with("Boğaziçi Gıda Ticaret A.Ş.: "),
            "{summary}"
        );
        let description = event.get_description().unwrap();
        assert!(
            description.contains("2026/014 numaralı fatura, 55.800,00 TL, vadesi 15 Eylül 2026."),
            "{description}"
        );
        assert!(
            !description.contains("Letter:") && !summary.contains(" the "),
            "{summary}"
        );
    }
    assert!(events.iter().any(|e| e.get_summary()
        == Some(
            "Boğaziçi Gıda Ticaret A.Ş.: Son ihtardaki süre doldu: alacağı yasal yoldan isteyin"
        )));
    assert!(ics.contains("Takip: Boğaziçi Gıda Ticaret A.Ş."));
}

#[test]
fn the_email_drafts_and_word_letters_of_a_turkish_ladder_are_turkish() {
    let (output, out) = turkish_payment(&["--format", "eml,docx"]);
    succeeded(&output);
    let path = out
        .path()
        .join("bogazici-gida-ticaret-a-s-payment-final-notice.eml");
    let bytes = std::fs::read(&path).unwrap();
    let message = MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(
        message.subject(),
        Some("Yasal yola başvurmadan önce son ihtar: 2026/014 numaralı fatura, 62.909,91 TL")
    );
    let body = message.body_text(0).unwrap();
    assert!(body.starts_with("Sayın Gökhan Öztürk,"), "{body}");
    assert!(body.contains("Saygılarımla,"), "{body}");
    let docx = out
        .path()
        .join("bogazici-gida-ticaret-a-s-payment-notice-30.docx");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut part = |name: &str| -> Option<String> {
        let mut xml = String::new();
        archive
            .by_name(name)
            .ok()?
            .read_to_string(&mut xml)
            .unwrap();
        Some(xml)
    };
    let document = part("word/document.xml").unwrap();
    assert!(document.contains("Sayın Gökhan Öztürk,"));
    let footers: String = (1..=3)
        .filter_map(|n| part(&format!("word/footer{n}.xml")))
        .collect();
    assert!(footers.contains("Sayfa "), "{footers}");
    assert!(!footers.contains("Page "), "{footers}");
    let core = part("docProps/core.xml").unwrap();
    assert!(
        core.contains("Birinci gecikme ihtarı (vadeden 30 gün sonra)"),
        "the Word letter's title is the step's, in Turkish: {core}"
    );
}

#[test]
fn lang_en_chases_the_turkish_example_in_english_on_the_same_dates() {
    let (turkish, _out) = turkish_payment(&["--format", "md"]);
    let (english, out) = turkish_payment(&["--format", "md", "--lang", "en"]);
    succeeded(&turkish);
    succeeded(&english);
    // The schedule is each language's, its steps on the same dates: `Thu 2026-09-10` in
    // English, `Per 10.09.2026` in Turkish.
    let dates = |stdout: &str| -> Vec<String> {
        stdout
            .lines()
            .filter(|line| line.starts_with("  "))
            .filter_map(|line| {
                line.split_whitespace().find_map(|word| {
                    let parts: Vec<&str> = word.split(['-', '.']).collect();
                    match parts.as_slice() {
                        [y, m, d] if y.len() == 4 && word.contains('-') => {
                            Some(format!("{y}-{m}-{d}"))
                        }
                        [d, m, y] if y.len() == 4 && word.contains('.') => {
                            Some(format!("{y}-{m}-{d}"))
                        }
                        _ => None,
                    }
                })
            })
            .collect()
    };
    let (turkish_text, english_text) = (text(&turkish.stdout), text(&english.stdout));
    assert_eq!(dates(&turkish_text).len(), 10, "{turkish_text}");
    assert_eq!(
        dates(&turkish_text),
        dates(&english_text),
        "the schedule's dates do not change with the language"
    );
    assert!(
        english_text.contains("  to send            Mon 2026-12-21  Final notice, with a deadline before legal action\n"),
        "{english_text}"
    );
    assert!(
        turkish_text.contains("  gönderilecek          Pzt 21.12.2026  Yasal yola başvurmadan önce son süreyi veren son ihtar\n"),
        "{turkish_text}"
    );
    let files = files_in(out.path());
    let letters = letters(&files);
    assert_eq!(letters.len(), 9);
    for (name, letter) in letters {
        assert!(letter.contains("Dear Gökhan Öztürk,"), "{name}");
        assert!(!letter.contains("Sayın"), "{name}");
    }
}

#[test]
fn a_bilingual_contract_is_chased_in_its_prevailing_language() {
    let example =
        std::fs::read_to_string(root().join("examples/bilingual-us-client.yaml")).unwrap();
    assert!(example.contains("  language: en+tr\n  prevailing: en\n"));
    for (prevailing, greeting) in [("en", "Dear "), ("tr", "Sayın ")] {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("answers.yaml");
        std::fs::write(
            &answers,
            example.replace(
                "  prevailing: en\n",
                &format!("  prevailing: {prevailing}\n"),
            ),
        )
        .unwrap();
        let output = clausewright(&[
            "chase",
            answers.to_str().unwrap(),
            "-o",
            dir.path().to_str().unwrap(),
            "--stage",
            "negotiating",
            "--since",
            "2026-06-01",
            "--today",
            "2026-06-05",
            "--format",
            "md",
        ]);
        succeeded(&output);
        let files = files_in(dir.path());
        let (name, letter) = letters(&files)[0];
        assert!(
            letter.lines().any(|l| l.starts_with(greeting)),
            "prevailing {prevailing}: {name}\n{letter}"
        );
    }
}

#[test]
fn check_names_a_letter_missing_in_turkish_and_one_missing_in_english() {
    let library = tempfile::tempdir().unwrap();
    copy_dir(&root().join("clauses"), library.path());
    let letters = library.path().join("tr/letters");
    std::fs::remove_file(letters.join("payment-reminder.yaml")).unwrap();
    std::fs::rename(
        letters.join("payment-follow-up.yaml"),
        letters.join("payment-followup.yaml"),
    )
    .unwrap();
    let outcome = run(&mut crate::support::clausewright(&[
        "check",
        library.path().to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let english = library.path().join("letters/payment-reminder.yaml");
    let id_line = std::fs::read_to_string(&english)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("id:"))
        .unwrap()
        + 1;
    for expected in [
        "the letter file letters/payment-reminder.yaml has no Turkish text: every letter is written in each language of the library (add tr/letters/payment-reminder.yaml)".to_owned(),
        format!("--> {}:{id_line}:5", english.display()),
        "tr/letters/payment-followup.yaml has no English text: there is no letters/payment-followup.yaml".to_owned(),
        format!("--> {}:", letters.join("payment-followup.yaml").display()),
        "the letter file letters/payment-follow-up.yaml has no Turkish text".to_owned(),
    ] {
        assert!(outcome.stderr.contains(&expected), "`{expected}` in:\n{}", outcome.stderr);
    }
}

#[test]
fn check_names_a_missing_turkish_letterhead() {
    let library = tempfile::tempdir().unwrap();
    copy_dir(&root().join("clauses"), library.path());
    std::fs::remove_file(library.path().join("tr/letters/letters.yaml")).unwrap();
    let outcome = run(&mut crate::support::clausewright(&[
        "check",
        library.path().to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("letters/letters.yaml (the letterhead, greeting and closing) has no Turkish text: every letter is written in each language of the library (add tr/letters/letters.yaml)"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn chase_lang_tr_is_refused_for_a_library_without_turkish_letters() {
    let library = tempfile::tempdir().unwrap();
    copy_dir(&root().join("clauses"), library.path());
    std::fs::remove_dir_all(library.path().join("tr/letters")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answers = turkish_answers(dir.path(), "");
    let output = clausewright(&[
        "chase",
        &answers,
        "--clauses",
        library.path().to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--stage",
        "negotiating",
        "--since",
        "2026-06-01",
        "--today",
        "2026-06-05",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains(
            "the clause library has no letters in Turkish; add a tr/letters/ folder with tr/letters/letters.yaml and one file per letter"
        ),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_turkish_ladder_paid_in_full_ends_with_thanks_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let record = out.path().join("kayit.yaml");
    let letters_dir = out.path().join("mektuplar");
    std::fs::create_dir(&letters_dir).unwrap();
    let run_on = |today: &str, extra: &[&str]| {
        let mut all = vec![
            "chase",
            answers.as_str(),
            "-o",
            letters_dir.to_str().unwrap(),
            "--record-file",
            record.to_str().unwrap(),
        ];
        all.extend_from_slice(INVOICE);
        all.extend_from_slice(&["--today", today]);
        all.extend_from_slice(extra);
        clausewright(&all)
    };
    // Paid on the due date: nothing is late, the chase ends with the confirmation.
    succeeded(&run_on(
        "2026-09-15",
        &["--record", "paid", "--payment", "55800"],
    ));
    succeeded(&run_on("2026-09-16", &["--format", "md"]));
    let letter = std::fs::read_to_string(
        letters_dir.join("bogazici-gida-ticaret-a-s-payment-paid-in-full.md"),
    )
    .unwrap();
    for words in [
        "**Boğaziçi Gıda ürün ambalajları ve katalog tasarımı: 2026/014 numaralı fatura tamamen ödendi**",
        "Sayın Gökhan Öztürk,",
        "2026/014 numaralı faturanın ödemesini tam olarak aldım",
        "“Hakların Sahipliği ve Müşteri Malzemeleri” başlıklı 11. maddesi uyarınca",
        "bu haklar artık sizindir",
        "İyi çalışmalar dilerim,",
    ] {
        assert!(letter.contains(words), "`{words}` in:\n{letter}");
    }
}

#[test]
fn the_schedule_on_the_terminal_and_what_record_says_are_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let record = out.path().join("kayit.yaml");
    let run_on = |today: &str, extra: &[&str]| {
        let mut all = vec![
            "chase",
            answers.as_str(),
            "-o",
            out.path().to_str().unwrap(),
            "--record-file",
            record.to_str().unwrap(),
            "--format",
            "md",
        ];
        all.extend_from_slice(INVOICE);
        all.extend_from_slice(&["--today", today]);
        all.extend_from_slice(extra);
        clausewright(&all)
    };
    // The reminder went out by email on 10 September; 5.000 TL came in on 1 October.
    let sent = run_on(
        "2026-09-10",
        &[
            "--record",
            "sent",
            "--step",
            "payment-reminder",
            "--by",
            "e-posta",
        ],
    );
    succeeded(&sent);
    let said = text(&sent.stderr);
    assert!(
        said.contains(&format!("Kayıt, {} dosyasına işlendi.", record.display())),
        "{said}"
    );
    assert!(!said.contains("recorded in"), "{said}");
    // The new record says what it is in Turkish.
    let kept = std::fs::read_to_string(&record).unwrap();
    assert!(
        kept.starts_with(
            "# Boğaziçi Gıda Ticaret A.Ş. için gönderilen mektuplar, yapılan aramalar ve alınan \
             ödemeler, eskiden yeniye.\n# `clausewright chase --record` her kaydı bu dosyaya \
             ekler; dosyayı elle de düzenleyebilirsiniz.\n"
        ),
        "{kept}"
    );
    succeeded(&run_on(
        "2026-10-01",
        &["--record", "paid", "--payment", "5000"],
    ));
    let output = run_on("2026-10-02", &[]);
    succeeded(&output);
    let table = text(&output.stdout);
    for words in [
        "Boğaziçi Gıda Ticaret A.Ş.: 2026/014 numaralı fatura, 55.800,00 TL, son ödeme günü 15 Eylül 2026\n",
        // Seventeen days late, 5.000,00 TL paid.
        "2 Ekim 2026: vadesi 17 gün geçti, 5.000,00 TL ödendi, Gecikme Faizi ",
        ", kalan borç ",
        "  10.09.2026 gönderildi Per 10.09.2026  Faturanın vadesinin yaklaştığını nazikçe hatırlatın\n",
        "  sırada                Per 15.10.2026  Birinci gecikme ihtarı (vadeden 30 gün sonra)\n",
        "\nŞimdi: ",
    ] {
        assert!(table.contains(words), "{words:?} is not in:\n{table}");
    }
    for english in [
        "invoice", "overdue", "late fee", "balance", "upcoming", "Now:", "Mon ",
    ] {
        assert!(!table.contains(english), "{english:?} is in:\n{table}");
    }
    let said = text(&output.stderr);
    assert!(said.contains(" dosyası yazıldı\n"), "{said}");
    assert!(!said.contains("wrote "), "{said}");
}

#[test]
fn what_stops_a_turkish_chase_is_said_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("yok.yaml");
    let mut args = vec!["chase", missing.to_str().unwrap(), "--lang", "tr"];
    args.extend_from_slice(INVOICE);
    let output = clausewright(&args);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        format!(
            "hata: {} okunamadı: böyle bir dosya yok\n",
            missing.display()
        )
    );
    // Letters already there are not replaced without --force, and that is said in Turkish.
    let (first, out) = turkish_payment(&["--format", "md"]);
    succeeded(&first);
    let before = files_in(out.path());
    let again = turkish_payment_into(out.path(), &["--format", "md"]);
    assert_eq!(again.status.code(), Some(1));
    let said = text(&again.stderr);
    assert!(
        said.starts_with("hata: ")
            && said.ends_with(" zaten var; yerine yenisini yazmak için --force seçeneğini verin\n"),
        "{said}"
    );
    assert_eq!(files_in(out.path()), before);
    // A record that is not UTF-8 text.
    let answers = turkish_answers(out.path(), "");
    let record = out.path().join("kayit.yaml");
    std::fs::write(&record, b"- G\xfcl\n").unwrap();
    let mut all = vec![
        "chase",
        answers.as_str(),
        "--record-file",
        record.to_str().unwrap(),
    ];
    all.extend_from_slice(INVOICE);
    let output = clausewright(&all);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        format!(
            "hata: {}: dosya UTF-8 metin değil\n\n1 hata, 0 uyarı\n",
            record.display()
        )
    );
}

#[test]
fn options_a_turkish_chase_cannot_use_are_refused_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let folder = out.path().to_str().unwrap();
    // Before the answers are read: in the language of --lang.
    let output = clausewright(&[
        "chase",
        &answers,
        "-o",
        folder,
        "--lang",
        "tr",
        "--stage",
        "payment",
        "--invoice",
        "2026/014",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: ödeme aşaması için --amount TUTAR ve --due TARİH (ya da faturanın tarihiyle \
         --since TARİH) gerekir\n"
    );
    // After: in the letters' language, the contract's.
    let record = out.path().join("kayit.yaml");
    let mut all = vec![
        "chase",
        answers.as_str(),
        "-o",
        folder,
        "--record-file",
        record.to_str().unwrap(),
        "--today",
        "2026-09-10",
        "--record",
        "paid",
        "--by",
        "e-posta",
    ];
    all.extend_from_slice(INVOICE);
    let output = clausewright(&all);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: --by --record paid ile kullanılmaz\n"
    );
    assert!(!record.exists());
}

#[test]
fn a_turkish_answers_file_chase_cannot_use_is_said_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let written = std::fs::read_to_string(&answers).unwrap().replacen(
        "  revisions: 2\n",
        "  revisions: iki\n",
        1,
    );
    std::fs::write(&answers, written).unwrap();
    let mut all = vec![
        "chase",
        answers.as_str(),
        "-o",
        out.path().to_str().unwrap(),
    ];
    all.extend_from_slice(INVOICE);
    let output = clausewright(&all);
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(
        said.starts_with(
            "hata: `project.revisions` yanıtı kabul edilmedi. “iki” bir tam sayı olarak \
             okunamadı; 0 ile 10 arasında bir tam sayı yazın\n"
        ),
        "{said}"
    );
    assert!(said.contains(&format!("--> {answers}:")), "{said}");
    assert!(said.ends_with("\n1 hata, 0 uyarı\n"), "{said}");
}

#[test]
fn a_turkish_chase_without_since_is_told_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let folder = out.path().to_str().unwrap();
    let output = clausewright(&[
        "chase", &answers, "-o", folder, "--lang", "tr", "--stage", "feedback",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: --stage feedback için --since TARİH gerekir: yanıtsız kalan mesajın tarihi\n"
    );
    // Without --lang, in the contract's language; English with --lang en, as before.
    let output = clausewright(&["chase", &answers, "-o", folder, "--stage", "feedback"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("hata: --stage feedback için"));
    let output = clausewright(&[
        "chase", &answers, "-o", folder, "--lang", "en", "--stage", "feedback",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: the feedback stage needs --since DATE, the day of the message that went \
         unanswered\n"
    );
}

#[test]
fn a_letter_that_cannot_be_written_is_said_with_a_turkish_reason() {
    let out = tempfile::tempdir().unwrap();
    // A folder where a letter is to go: nothing is written, and why is said in Turkish.
    let blocker = out
        .path()
        .join("bogazici-gida-ticaret-a-s-payment-notice-30.md");
    std::fs::create_dir(&blocker).unwrap();
    let output = turkish_payment_into(out.path(), &["--format", "md"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        format!(
            "hata: {} yazılamadı: bu bir klasör, dosya değil\n",
            blocker.display()
        )
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        1,
        "nothing but the folder"
    );
}

/// Runs `chase` on `answers` with `args`, letters into a folder of their own; the output, and
/// the files that folder holds after.
fn chase_into_fresh(answers: &str, args: &[&str]) -> (std::process::Output, Vec<String>) {
    let letters = tempfile::tempdir().unwrap();
    let mut all = vec!["chase", answers, "-o", letters.path().to_str().unwrap()];
    all.extend_from_slice(args);
    let output = clausewright(&all);
    (output, files_in(letters.path()).into_keys().collect())
}

#[test]
fn a_turkish_chase_past_the_rate_table_asks_for_the_rate_in_turkish() {
    // The example leaves the advance rate after 30 June 2026 to the freelancer.
    let out = tempfile::tempdir().unwrap();
    let answers = out.path().join("tr-istanbul.yaml");
    std::fs::copy(root().join("examples/tr-istanbul.yaml"), &answers).unwrap();
    let answers = answers.to_str().unwrap();
    let (output, written) =
        chase_into_fresh(answers, &[INVOICE, &["--today", "2027-01-10"]].concat());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: 1 Temmuz 2026 ve sonrası için referans oran clausewright’ın tablosunda yok \
         (tablo 30 Haziran 2026 tarihinde bitiyor); o dönemde yürürlükte olan oranı yanıtlarda \
         `interest.reference_rate` olarak yazın\n"
    );
    assert!(written.is_empty(), "{written:?}");
    // Today within the table, a letter of the ladder dated after it.
    let mut args: Vec<&str> = (INVOICE.iter())
        .map(|arg| {
            if *arg == "2026-09-15" {
                "2026-06-01"
            } else {
                arg
            }
        })
        .collect();
    args.extend(["--today", "2026-06-25", "--all"]);
    let (output, written) = chase_into_fresh(answers, &args);
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(
        said.starts_with("hata: ")
            && said.contains(
                " tarihli “Birinci gecikme ihtarı (vadeden 30 gün sonra)” mektubundaki \
                              gecikme faizi hesaplanamıyor: "
            )
            && said.ends_with(
                ": 1 Temmuz 2026 ve sonrası için referans oran clausewright’ın tablosunda yok \
                 (tablo 30 Haziran 2026 tarihinde bitiyor); o dönemde yürürlükte olan oranı \
                 yanıtlarda `interest.reference_rate` olarak yazın\n"
            ),
        "{said}"
    );
    assert!(written.is_empty(), "{written:?}");
    // In English with --lang en, as before.
    let (output, _) = chase_into_fresh(
        answers,
        &[INVOICE, &["--today", "2027-01-10", "--lang", "en"]].concat(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with(
            "error: the advance rate of the Central Bank of the Republic of Türkiye for \
             2026-07-01 onwards is not known to clausewright"
        ),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn a_turkish_schedule_that_cannot_be_made_is_refused_in_turkish() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let early = ["--today", "2026-10-01", "--final-notice-sent", "2026-09-01"];
    let (output, written) = chase_into_fresh(&answers, &[INVOICE, &early].concat());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: --final-notice-sent 2026-09-01, faturanın son ödeme gününden (2026-09-15) önce: \
         son ihtar ancak vadesi geçmiş bir fatura için gönderilir\n"
    );
    assert!(written.is_empty(), "{written:?}");
    // A day past the calendar's last year.
    let (output, written) =
        chase_into_fresh(&answers, &[INVOICE, &["--today", "9999-12-30"]].concat());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "hata: --today 9999-12-30 çok ileri bir tarih: takibin adımları takvimin sonunu \
         (9999-12-31) aşar; 9999-01-01 öncesinde bir tarih verin\n"
    );
    assert!(written.is_empty(), "{written:?}");
    // In English with --lang en, as before.
    let (output, _) = chase_into_fresh(&answers, &[INVOICE, &early, &["--lang", "en"]].concat());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: --final-notice-sent 2026-09-01 is before the invoice fell due (2026-09-15): a \
         final notice is sent only once the invoice is overdue\n"
    );
}

#[test]
fn a_hand_edited_record_is_refused_in_turkish_at_its_line() {
    let out = tempfile::tempdir().unwrap();
    let answers = turkish_answers(out.path(), "");
    let record = out.path().join("kayit.yaml");
    let written =
        "- date: 2026-09-20\n  sent: payment-notice-3O\n- date: 2026-09-21\n  paid: \"0\"\n";
    std::fs::write(&record, written).unwrap();
    let at = [
        "--today",
        "2026-10-01",
        "--record-file",
        record.to_str().unwrap(),
    ];
    let (output, letters) = chase_into_fresh(&answers, &[INVOICE, &at].concat());
    assert_eq!(output.status.code(), Some(1));
    let file = record.display();
    assert_eq!(
        text(&output.stderr),
        format!(
            "hata: `sent: payment-notice-3O`: böyle bir mektup yok; şunu mu demek istediniz: \
             `payment-notice-30`?\n --> {file}:2:9\n  |\n2 |   sent: payment-notice-3O\n  |         \
             ^\n\nhata: `paid` alanındaki 0 kabul edilmedi: sıfırdan büyük bir tutar yazın\n --> \
             {file}:4:9\n  |\n4 |   paid: \"0\"\n  |         ^\n\n2 hata, 0 uyarı\n"
        )
    );
    assert!(letters.is_empty(), "{letters:?}");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), written);
    // --record adds nothing to a record that cannot be read.
    let paid = ["--record", "paid", "--payment", "100"];
    let (output, _) = chase_into_fresh(&answers, &[INVOICE, &at, &paid].concat());
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).ends_with("\n2 hata, 0 uyarı\n"));
    assert_eq!(std::fs::read_to_string(&record).unwrap(), written);
    // In English with --lang en, as before.
    let (output, _) = chase_into_fresh(&answers, &[INVOICE, &at, &["--lang", "en"]].concat());
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(
        said.starts_with(
            "error: `sent` is `payment-notice-3O`, which is not a letter of the ladders; did you \
             mean `payment-notice-30`?\n"
        ) && said.ends_with("\n2 errors, 0 warnings\n"),
        "{said}"
    );
}
