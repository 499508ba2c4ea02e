//! What stops `build` at its answers file, in the contract's language: a Turkish answers file
//! (`agreement.language: tr`) or `--lang tr` gets every problem of the file in Turkish, at its
//! line and column with the source line and a caret, `hata` and the count line in Turkish; a
//! file it cannot read is said in Turkish too; `--lang en` and a bilingual contract keep
//! English.

use std::path::Path;

use crate::support::{Outcome, clausewright, root, run};

/// The example `name` with each `(from, to)` replaced once, written into `folder` as
/// `answers.yaml`; returns its path.
fn changed(folder: &Path, name: &str, changes: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join("examples").join(name)).unwrap();
    for (from, to) in changes {
        assert!(text.contains(from), "{from:?} is not in {name}");
        text = text.replacen(from, to, 1);
    }
    let path = folder.join("answers.yaml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// `build answers --format md -o folder/out/`, with `extra` arguments.
fn build(folder: &Path, answers: &str, extra: &[&str]) -> Outcome {
    build_as(folder, answers, "md", extra)
}

/// `build answers --format format -o folder/out/`, with `extra` arguments.
fn build_as(folder: &Path, answers: &str, format: &str, extra: &[&str]) -> Outcome {
    let out = folder.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let out = format!("{}/", out.display());
    let mut args = vec!["build", answers, "--format", format, "-o", out.as_str()];
    args.extend_from_slice(extra);
    run(&mut clausewright(&args))
}

fn nothing_written(folder: &Path) -> bool {
    std::fs::read_dir(folder.join("out")).unwrap().count() == 0
}

#[test]
fn the_problems_of_a_turkish_answers_file_are_said_in_turkish_at_their_place() {
    let folder = tempfile::tempdir().unwrap();
    let answers = changed(
        folder.path(),
        "tr-istanbul.yaml",
        &[
            ("  revisions: 2\n", "  revisions: iki\n"),
            ("  review_days: 5\n", "  review_days: 500\n"),
            ("  total: \"186000.00\"\n", "  total: \"1.250\"\n"),
        ],
    );
    let outcome = build(folder.path(), &answers, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!(
            "hata: `project.revisions` yanıtı kabul edilmedi. “iki” bir tam sayı olarak \
             okunamadı; 0 ile 10 arasında bir tam sayı yazın
  --> {answers}:31:14
   |
31 |   revisions: iki
   |              ^^^

hata: `acceptance.review_days` yanıtı kabul edilmedi. 500 bu soru için kabul edilen aralığın \
             dışında; 2 ile 20 arasında bir tam sayı yazın
  --> {answers}:34:16
   |
34 |   review_days: 500
   |                ^^^

hata: `fees.total` yanıtı kabul edilmedi. “1.250” iki türlü okunabiliyor: 1.250 (“.” \
             binlikleri ayırıyorsa) ya da 1,25 (“.” kuruşlardan önce geliyorsa); tutarı 1250 ya \
             da 1.25 diye yazın
  --> {answers}:47:10
   |
47 |   total: \"1.250\"
   |          ^^^^^^^

3 hata, 0 uyarı
"
        )
    );
    assert!(nothing_written(folder.path()));
    // --lang en says the same in English, as before.
    let outcome = build(folder.path(), &answers, &["--lang", "en"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.starts_with(&format!(
            "error: `project.revisions` is \"iki\"; expected a whole number from 0 to 10\n  --> \
             {answers}:31:14\n"
        )),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.ends_with("\n\n3 errors, 0 warnings\n"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn lang_tr_says_the_problems_of_an_english_answers_file_in_turkish_and_a_bilingual_one_keeps_english()
 {
    let folder = tempfile::tempdir().unwrap();
    let answers = changed(
        folder.path(),
        "first-time-us.yaml",
        &[("  revisions: 2\n", "  revisions: iki\n")],
    );
    let outcome = build(folder.path(), &answers, &["--lang", "tr"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.starts_with(&format!(
            "hata: `project.revisions` yanıtı kabul edilmedi. “iki” bir tam sayı olarak \
             okunamadı; 0 ile 10 arasında bir tam sayı yazın\n  --> {answers}:38:14\n"
        )),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.ends_with("\n\n1 hata, 0 uyarı\n"),
        "{}",
        outcome.stderr
    );
    // A bilingual contract is told in English, its first language.
    let answers = changed(
        folder.path(),
        "bilingual-us-client.yaml",
        &[("  review_days: 7\n", "  review_days: 500\n")],
    );
    for extra in [&[][..], &["--lang", "en+tr"][..]] {
        let outcome = build(folder.path(), &answers, extra);
        assert_eq!(outcome.code, 1, "{}", outcome.stderr);
        assert!(
            outcome.stderr.starts_with(
                "error: `acceptance.review_days` is 500; expected a whole number from 2 to 20\n"
            ),
            "{extra:?}: {}",
            outcome.stderr
        );
    }
}

#[test]
fn a_missing_answer_and_a_file_yaml_cannot_read_are_said_in_turkish() {
    let folder = tempfile::tempdir().unwrap();
    let answers = changed(
        folder.path(),
        "tr-istanbul.yaml",
        &[("  name: Boğaziçi Gıda Ticaret A.Ş.\n", "")],
    );
    let outcome = build(folder.path(), &answers, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!(
            "hata: zorunlu `client.name` yanıtı yazılmamış: Müşterinin tam resmî adı (şirketin \
             unvanı; şirket yoksa kişinin adı soyadı)\n  --> {answers}:13:1\n   |\n13 | client:\n   \
             | ^\n\n1 hata, 0 uyarı\n"
        )
    );
    // A key twice: the file is not read, and what is wrong is said as `new` says it.
    let answers = changed(
        folder.path(),
        "tr-istanbul.yaml",
        &[("  kind: company\n", "  kind: company\n  kind: company\n")],
    );
    let outcome = build(folder.path(), &answers, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .starts_with("hata: `kind` aynı yerde iki kez yazılmış; birini silin\n"),
        "{}",
        outcome.stderr
    );
    assert!(nothing_written(folder.path()));
}

#[test]
fn an_answers_file_not_read_is_said_in_turkish_with_lang_tr() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("yok.yaml").display().to_string();
    let outcome = build(folder.path(), &missing, &["--lang", "tr"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("hata: {missing} okunamadı: böyle bir dosya yok\n")
    );
    let outcome = build(folder.path(), &missing, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(outcome.stderr.starts_with("error: "), "{}", outcome.stderr);
    let binary = folder.path().join("ikili.yaml");
    std::fs::write(&binary, b"agreement:\n  language: tr\n\xff\xfe\n").unwrap();
    let binary = binary.display().to_string();
    let outcome = build(folder.path(), &binary, &["--lang", "tr"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("hata: {binary}: dosya UTF-8 metin değil\n\n1 hata, 0 uyarı\n")
    );
}

#[test]
fn an_answer_the_pdf_cannot_show_is_said_in_turkish() {
    let folder = tempfile::tempdir().unwrap();
    let answers = changed(
        folder.path(),
        "tr-istanbul.yaml",
        &[(
            "  contact: Gökhan Öztürk\n",
            "  contact: Gökhan Öztürk 🙂\n",
        )],
    );
    let pdf = |extra: &[&str]| build_as(folder.path(), &answers, "pdf", extra);
    let outcome = pdf(&[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!(
            "hata: `client.contact`: PDF’nin yazı tipi '🙂' (U+1F642) karakterini gösteremiyor; \
             başka türlü yazın ya da --format md seçin\n  --> {answers}:18:26\n   |\n18 |   \
             contact: Gökhan Öztürk 🙂\n   |                          ^^\n\n1 hata, 0 uyarı\n"
        )
    );
    assert!(nothing_written(folder.path()));
    let outcome = pdf(&["--lang", "en"]);
    assert!(
        outcome.stderr.starts_with(
            "error: `client.contact` holds the character '🙂' (U+1F642), which the PDF font \
             cannot show\n"
        ),
        "{}",
        outcome.stderr
    );
}
