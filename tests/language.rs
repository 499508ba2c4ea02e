//! Languages (`agreement.language`, `--lang`): the built-in library in Turkish (`clauses/tr/`)
//! builds a Turkish contract whose PDF reads back word for word, Turkish letters and `₺`
//! included; a bilingual contract sets each clause's English and Turkish texts level, side by
//! side, on the same pages; the Turkish contract of every profession has no English sentence;
//! `check` refuses a clause or an option written in one language only, at its line; and the
//! cover note of `--explain` and the summary on stderr are written in the contract's language
//! (for a bilingual contract, the prevailing one).

use std::path::Path;

use clausewright::answers::{self, Answers};
use clausewright::format::Locale;
use clausewright::layout::{self, ColumnOptions, Role};
use clausewright::library::Library;
use clausewright::model::{Languages, Value};
use clausewright::prepare::{self, PrepareOptions};
use clausewright::{assemble, render};

use crate::pdf::{comparable, markdown_words, pdf_words_with, tool};
use crate::support::{clausewright, copy_dir, root, run};
use crate::trades::{built_in, text_value};

/// Builds an example into `dir`; returns the Markdown and the PDF's path.
fn build_example(example: &str, dir: &Path, extra: &[&str]) -> (String, std::path::PathBuf) {
    let target = dir.join("contract.md");
    let mut args = vec!["build", example, "-o", target.to_str().unwrap()];
    args.extend_from_slice(extra);
    let outcome = run(&mut clausewright(&args));
    assert_eq!(outcome.code, 0, "{example}: {}", outcome.stderr);
    (
        std::fs::read_to_string(&target).unwrap(),
        target.with_extension("pdf"),
    )
}

#[test]
fn the_turkish_pdf_gives_back_every_word_of_the_markdown_with_turkish_letters_and_the_lira_sign() {
    let dir = tempfile::tempdir().unwrap();
    let (markdown, pdf) = build_example("examples/tr-istanbul.yaml", dir.path(), &[]);
    for expected in [
        "# Grafik Tasarım Hizmet Sözleşmesi",
        "Hizmet Veren’e 186.000,00 TL öder (“**Ücret**”)",
        "Ücret’in yüzde otuz (%30) oranında, yani 55.800,00 TL tutarında",
        "işleme hakkı (FSEK md. 21), çoğaltma hakkı (FSEK md. 22), yayma hakkı (FSEK md. 23), temsil hakkı (FSEK md. 24) ve işaret, ses ve/veya görüntü nakline yarayan araçlarla umuma iletim hakkı (FSEK md. 25)",
        "3095 sayılı Kanuni Faiz ve Temerrüt Faizine İlişkin Kanun’un 2. maddesinin ikinci fıkrası",
        "serbest meslek makbuzu",
        "193 sayılı Gelir Vergisi Kanunu’nun 94. maddesi",
        "noter ihtarnamesi",
        "5070 sayılı Elektronik İmza Kanunu",
        "İstanbul mahkemeleri ve icra daireleri yetkilidir",
        "dava şartı arabuluculuk sürecine katılır",
        "25 Mayıs 2026 tarihinde yürürlüğe girer",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected:?} is not in the Turkish contract"
        );
    }
    let words = pdf_words_with(
        &pdf,
        "Grafik Tasarım Hizmet Sözleşmesi",
        |page, total| format!("Sayfa {page} / {total}"),
    );
    assert_eq!(comparable(&words), comparable(&markdown_words(&markdown)));
    let text = words.join(" ");
    for letter in ["₺", "ş", "ğ", "ı", "İ", "ö", "ü", "ç", "Ş", "Ö", "Ü", "Ç"] {
        assert!(text.contains(letter), "{letter} is not in the PDF's text");
        assert!(markdown.contains(letter), "{letter} is not in the Markdown");
    }
}

#[test]
fn a_bilingual_contract_is_one_language_after_the_other_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let (markdown, _) = build_example("examples/bilingual-us-client.yaml", dir.path(), &[]);
    let headings: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("## "))
        .collect();
    assert_eq!(
        &headings[..4],
        [
            "# Software Development Agreement",
            "# Yazılım Geliştirme Sözleşmesi",
            "## 1. Parties and Effective Date",
            "## 1. Taraflar ve Yürürlük",
        ]
    );
    // Every English clause is followed by its Turkish text, under the same number.
    for pair in headings[2..].chunks(2) {
        let number = |h: &str| {
            h.split_whitespace()
                .nth(1)
                .filter(|n| n.ends_with('.'))
                .map(str::to_owned)
        };
        assert_eq!(pair.len(), 2, "{pair:?}");
        assert_eq!(number(pair[0]), number(pair[1]), "{pair:?}");
    }
    assert!(markdown.contains("the English text prevails"));
    assert!(markdown.contains("İngilizce metin esas alınır"));
}

/// The prepared answers and library of the bilingual example, laid out in two columns.
fn bilingual_document() -> (layout::Document, Vec<(String, String)>) {
    let library = built_in();
    let path = "examples/bilingual-us-client.yaml";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let answers = answers::parse(path, &text, &library).unwrap();
    let prepared = prepare::prepare(
        library,
        answers,
        &PrepareOptions {
            date: None,
            today: None,
            late_payer: false,
            rate_multiplier: 2.into(),
            language: None,
        },
    )
    .unwrap();
    let english = assemble::assemble(&prepared.library, &prepared.answers);
    let first = render::render_parts(&english, &prepared.answers, Locale::EnGb, false).unwrap();
    let (library, answers) = prepared.second.as_ref().expect("a second language");
    let turkish = assemble::assemble(library, answers);
    let second = render::render_parts(&turkish, answers, Locale::Tr, false).unwrap();
    assert_eq!(
        first.len(),
        second.len(),
        "the same clauses in both languages"
    );
    let rows: Vec<(String, String)> = first.into_iter().zip(second).collect();
    let document = layout::layout_columns(
        &rows,
        &ColumnOptions {
            paper: layout::Paper::Letter,
            languages: [layout::Language::English, layout::Language::Turkish],
        },
    )
    .unwrap();
    (document, rows)
}

#[test]
fn each_clause_of_a_bilingual_pdf_starts_level_in_both_columns_on_the_same_page() {
    let (document, rows) = bilingual_document();
    let middle = document.width / 2.0;
    // Where each heading of each column starts: (page, y). A heading set on several lines
    // counts once, by its first line.
    let mut starts: [Vec<(usize, f32)>; 2] = [Vec::new(), Vec::new()];
    // The lowest line of each clause in each column: (page, y).
    let mut ends: [Vec<(usize, f32)>; 2] = [Vec::new(), Vec::new()];
    for (index, page) in document.pages.iter().enumerate() {
        let mut in_heading = [None; 2];
        for line in &page.lines {
            assert!(
                line.left() >= document.frame[0] - 0.01 && line.right() <= document.frame[2] + 0.01,
                "{:?} runs outside the text area",
                line.text
            );
            if line.role == Role::Footer {
                continue;
            }
            assert!(
                line.right() <= middle || line.left() >= middle,
                "{:?} crosses the middle of the page",
                line.text
            );
            let c = usize::from(line.left() >= middle);
            let heading = match line.role {
                Role::Heading(level) => Some(level),
                _ => None,
            };
            if heading.is_some() && heading != in_heading[c] {
                starts[c].push((index, line.y));
                ends[c].push((index, line.y));
            }
            in_heading[c] = heading;
            if let Some(end) = ends[c].last_mut() {
                *end = (index, line.y);
            }
        }
    }
    let [left, right] = &starts;
    assert_eq!(
        left.len(),
        rows.len(),
        "one heading a clause, and the title"
    );
    assert_eq!(
        right.len(),
        rows.len(),
        "one heading a clause, and the title"
    );
    for (k, (l, r)) in left.iter().zip(right).enumerate() {
        assert_eq!(
            l.0, r.0,
            "clause {k}: its two texts start on different pages"
        );
        assert!(
            (l.1 - r.1).abs() < 0.01,
            "clause {k}: its two texts do not start level"
        );
    }
    // Each clause starts below the end of both texts of the clause before.
    for k in 1..left.len() {
        for end in [ends[0][k - 1], ends[1][k - 1]] {
            assert!(
                end.0 < left[k].0 || end.0 == left[k].0 && end.1 > left[k].1,
                "clause {k} starts before the clause before ends: {end:?} vs {:?}",
                left[k]
            );
        }
    }
    assert!(document.pages.len() > 1, "the example spans pages");
}

#[test]
fn the_bilingual_pdf_gives_back_each_language_in_its_own_column() {
    let dir = tempfile::tempdir().unwrap();
    let (markdown, pdf) = build_example("examples/bilingual-us-client.yaml", dir.path(), &[]);
    // The interleaved Markdown, split back into its English and Turkish pieces.
    let mut pieces: Vec<String> = Vec::new();
    for line in markdown.lines() {
        if line.starts_with("# ") || line.starts_with("## ") {
            pieces.push(String::new());
        }
        let piece = pieces
            .last_mut()
            .expect("the Markdown starts with a heading");
        piece.push_str(line);
        piece.push('\n');
    }
    let english: String = pieces.iter().step_by(2).cloned().collect();
    let turkish: String = pieces.iter().skip(1).step_by(2).cloned().collect();
    let pages = tool("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .expect("pdfinfo gives the page count");
    // Letter: the text area runs from 72 to 540 points across and from 72 to 720 down; the
    // columns are 225 points wide with an 18-point gutter.
    let column = |x: usize, page: usize| {
        let page = page.to_string();
        let text = tool(
            "pdftotext",
            &[
                "-layout",
                "-enc",
                "UTF-8",
                "-f",
                &page,
                "-l",
                &page,
                "-x",
                &x.to_string(),
                "-y",
                "60",
                "-W",
                "234",
                "-H",
                "665",
            ],
            &pdf,
        );
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let mut left = Vec::new();
    let mut right = Vec::new();
    for page in 1..=pages {
        left.extend(column(70, page));
        right.extend(column(308, page));
    }
    assert_eq!(comparable(&left), comparable(&markdown_words(&english)));
    assert_eq!(comparable(&right), comparable(&markdown_words(&turkish)));
}

/// The Turkish example's answers with the profession and the options of one case.
fn turkish_answers(library: &Library, profession: &str) -> Answers {
    let path = "examples/tr-istanbul.yaml";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let mut answers = answers::parse(path, &text, library).expect("the example is valid");
    answers.set("freelancer.profession", text_value(profession));
    answers.set("credit.line", text_value("Tasarım: Elif Şahin"));
    if ["graphic-design", "illustration", "photography"].contains(&profession) {
        answers.set(
            "usage.media",
            text_value("yıllık faaliyet raporu, basılı ve çevrim içi"),
        );
        answers.set("usage.territory", text_value("Türkiye"));
        answers.set("usage.years", Value::Integer(3));
        answers.set("usage.exclusive", Value::Bool(true));
    }
    answers
}

fn build_turkish(library: &Library, answers: Answers) -> String {
    let options = PrepareOptions {
        date: None,
        today: None,
        late_payer: false,
        rate_multiplier: 2.into(),
        language: Some("tr".parse::<Languages>().unwrap()),
    };
    let prepared = prepare::prepare(library.clone(), answers, &options).unwrap();
    let contract = assemble::assemble(&prepared.library, &prepared.answers);
    render::render(&contract, &prepared.answers, Locale::Tr)
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// English words that no Turkish sentence uses: one of them in a Turkish contract is English
/// text left in it.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "are",
    "shall",
    "will",
    "with",
    "for",
    "this",
    "that",
    "which",
    "by",
    "or",
    "any",
    "its",
    "may",
    "not",
    "under",
    "Client",
    "Agreement",
];

/// The first English word of `markdown`, with its line. Text in brackets is left out: a
/// Turkish contract names a foreign law or court in its own language there ("(Late Payment
/// of Commercial Debts (Interest) Act 1998)").
fn english_in(markdown: &str) -> Option<(String, String)> {
    for line in markdown.lines() {
        let mut depth = 0_usize;
        let outside: String = line
            .chars()
            .map(|c| match c {
                '(' => {
                    depth += 1;
                    ' '
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    ' '
                }
                _ if depth > 0 => ' ',
                _ => c,
            })
            .collect();
        for word in outside.split(|c: char| !c.is_alphanumeric()) {
            if ENGLISH.contains(&word) {
                return Some((word.to_owned(), line.to_owned()));
            }
        }
    }
    None
}

#[test]
fn the_turkish_contract_of_every_profession_has_no_english_sentence() {
    let library = built_in();
    let professions: Vec<String> = library
        .question("freelancer.profession")
        .unwrap()
        .choices
        .iter()
        .map(|c| c.value.clone())
        .collect();
    let mut count = 0;
    for profession in &professions {
        for relationship in ["first-time", "repeat-late-payer"] {
            for deposit in ["30", "100"] {
                for portfolio in ["license-to-client", "transfer-keep-portfolio-license"] {
                    for (source_files, policy) in
                        [(false, "may-use-disclosed"), (true, "no-generative")]
                    {
                        let mut answers = turkish_answers(&library, profession);
                        answers.set("relationship", text_value(relationship));
                        answers.set("deposit.percent", Value::Number(deposit.parse().unwrap()));
                        answers.set("portfolio.mode", text_value(portfolio));
                        answers.set("handover.source_files", Value::Bool(source_files));
                        answers.set("ai_tools.policy", text_value(policy));
                        answers.set("translation.certified", Value::Bool(source_files));
                        answers.set("non_solicitation.enabled", Value::Bool(source_files));
                        let markdown = build_turkish(&library, answers);
                        if let Some((word, line)) = english_in(&markdown) {
                            panic!(
                                "{profession} {relationship} {deposit} {portfolio}: `{word}` in\n{line}"
                            );
                        }
                        count += 1;
                    }
                }
            }
        }
    }
    assert_eq!(count, 8 * 2 * 2 * 2 * 2);
}

#[test]
fn the_turkish_contract_speaks_turkish_under_the_law_of_every_place() {
    let library = built_in();
    let places: [(&str, Option<&str>, &str, &str); 4] = [
        ("TR", None, "Ankara", "Ankara mahkemeleri ve icra daireleri"),
        (
            "DE",
            Some("BY"),
            "München",
            "Almanya’da München mahkemeleri",
        ),
        ("GB", Some("SCT"), "Glasgow", "İskoçya hukuku"),
        (
            "US",
            Some("OR"),
            "Multnomah County",
            "Oregon Eyaleti hukuku",
        ),
    ];
    for (country, region, venue, expected) in places {
        let mut answers = turkish_answers(&library, "translation");
        answers.set("jurisdiction.country", text_value(country));
        answers.set("jurisdiction.venue", text_value(venue));
        if let Some(region) = region {
            answers.set("jurisdiction.region", text_value(region));
        }
        if country == "US" {
            answers.remove("interest.statutory");
        }
        let markdown = build_turkish(&library, answers);
        assert!(
            markdown.contains(expected),
            "{country}: {expected:?} is not in\n{markdown}"
        );
        if let Some((word, line)) = english_in(&markdown) {
            panic!("{country}: `{word}` in\n{line}");
        }
        // The tax and formal-notice clauses of Turkish law go with Turkish law only.
        assert_eq!(
            markdown.contains("serbest meslek makbuzu"),
            country == "TR",
            "{country}"
        );
    }
}

#[test]
fn check_refuses_a_clause_or_an_option_written_in_one_language_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("clauses"), dir.path());
    // A Turkish clause left out, and an option of another left out of its Turkish text.
    std::fs::remove_file(dir.path().join("tr/127-credit.yaml")).unwrap();
    let late_fee = dir.path().join("tr/070-late-fee.yaml");
    let text = std::fs::read_to_string(&late_fee).unwrap();
    std::fs::write(
        &late_fee,
        text.replace(
            "{{#if client.consumer}}beş (5){{else}}dokuz (9){{/if}}",
            "dokuz (9)",
        )
        .replace(
            "{{#if client.consumer}}{{else}} Geç ödenen",
            "{{#if interest.statutory}} Geç ödenen",
        ),
    )
    .unwrap();
    // And a Turkish clause with no English one.
    std::fs::write(
        dir.path().join("tr/300-ek.yaml"),
        "id: ek\ntitle: Ek\norder: 300\nbody: |\n  Ek madde.\n",
    )
    .unwrap();
    let outcome = run(&mut clausewright(&["check", dir.path().to_str().unwrap()]));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let out = outcome.stderr;
    assert!(
        out.contains("the clause `credit` has no Turkish text: every clause is written in each language of the library (add a file under tr/ with `id: credit`)"),
        "{out}"
    );
    assert!(
        out.contains("127-credit.yaml:"),
        "located at the English file: {out}"
    );
    assert!(
        out.contains("the Turkish clause `late-fee` and its English text")
            && out.contains("differ in their options: `{{#if client.consumer}}` twice in the English text and never in this one"),
        "{out}"
    );
    assert!(out.contains("tr/070-late-fee.yaml:"), "{out}");
    assert!(
        out.contains("the Turkish clause `ek` has no English text"),
        "{out}"
    );
    assert!(out.contains("tr/300-ek.yaml:1:5"), "{out}");
}

#[test]
fn a_language_the_library_is_not_written_in_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("clauses");
    copy_dir(&root().join("clauses"), &library);
    std::fs::remove_dir_all(library.join("tr")).unwrap();
    // The library without tr/ has no Turkish: its agreement.language offers `tr` in vain.
    let out = dir.path().join("out.md");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/tr-istanbul.yaml",
        "--clauses",
        library.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("`agreement.language` offers `tr`, but the library has no Turkish clauses: add the folder tr/"),
        "{}",
        outcome.stderr
    );
    assert!(!out.exists());
    // --lang picks the language over the answers'.
    let dir2 = tempfile::tempdir().unwrap();
    let (markdown, _) = build_example("examples/tr-istanbul.yaml", dir2.path(), &["--lang", "en"]);
    assert!(markdown.starts_with("# Graphic Design Services Agreement\n"));
    let bad = run(&mut clausewright(&[
        "build",
        "examples/tr-istanbul.yaml",
        "--lang",
        "de",
    ]));
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr
            .contains("`de` is not a language clausewright writes; expected en, tr or en+tr"),
        "{}",
        bad.stderr
    );
}

/// Builds `answers` (a file's text) with `--explain` into a fresh folder, in Markdown; returns
/// the contract and the cover note.
fn explained(answers: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.yaml");
    std::fs::write(&file, answers).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        file.to_str().unwrap(),
        "--explain",
        "--format",
        "md",
        "-o",
        out.join("x-contract.md").to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    (
        std::fs::read_to_string(out.join("x-contract.md")).unwrap(),
        std::fs::read_to_string(out.join("x-cover-note.md")).unwrap(),
    )
}

#[test]
fn the_cover_note_is_in_the_contracts_language_and_a_bilingual_ones_in_the_prevailing_language() {
    let turkish = std::fs::read_to_string(root().join("examples/tr-istanbul.yaml")).unwrap();
    let (contract, note) = explained(&turkish);
    assert!(
        contract.contains("Bu Sözleşmedeki tüm tutarlar Türk lirası (TL) cinsindendir."),
        "the lira is named in Turkish"
    );
    assert!(
        note.starts_with(
            "# Açıklama notu: Boğaziçi Gıda Ticaret A.Ş. ile Grafik Tasarım Hizmet Sözleşmesi\n"
        ),
        "{note}"
    );
    for expected in [
        "\n## Sözleşmede\n",
        "- **2. Proje ve Kapsamı:** Ücrete yalnızca listelenen kapsam girer;",
        "- Standart hükümler: 1. Taraflar ve Yürürlük;",
        "\n## Dışarıda kalanlar\n",
        "Müşteri karşı çıkmadıkça bitmiş işte adınız yer alır. Şu koşulda eklenir: `credit.line`.",
    ] {
        assert!(note.contains(expected), "{expected:?} is not in:\n{note}");
    }
    for english in [
        "Cover note",
        "In the contract",
        "Standard terms",
        "Left out",
        "Applies when",
    ] {
        assert!(!note.contains(english), "{english:?} is in:\n{note}");
    }
    // A bilingual contract: one note, in the language that prevails.
    let bilingual =
        std::fs::read_to_string(root().join("examples/bilingual-us-client.yaml")).unwrap();
    let (contract, note) = explained(&bilingual);
    assert!(note.starts_with("# Cover note: "), "{note}");
    assert!(contract.contains("All amounts in this Agreement are in USD."));
    assert!(contract.contains("Bu Sözleşmedeki tüm tutarlar ABD doları (USD) cinsindendir."));
    let (_, note) = explained(&bilingual.replace("prevailing: en", "prevailing: tr"));
    assert!(note.starts_with("# Açıklama notu: "), "{note}");
    assert!(note.contains("\n## Sözleşmede\n"), "{note}");
}

/// Builds `answers` (a file's text) into a fresh folder, in Markdown; returns what `build` said
/// on stderr.
fn summary_of(answers: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.yaml");
    std::fs::write(&file, answers).unwrap();
    let target = dir.path().join("x-contract.md");
    let outcome = run(&mut clausewright(&[
        "build",
        file.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        target.to_str().unwrap(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    outcome.stderr
}

#[test]
fn the_summary_on_stderr_is_in_the_contracts_language_and_says_in_words_what_left_a_clause_out() {
    let turkish = std::fs::read_to_string(root().join("examples/tr-istanbul.yaml")).unwrap();
    let said = summary_of(&turkish);
    for expected in [
        "dahil      1. Taraflar ve Yürürlük\n",
        "dahil         İmzalar\n",
        // The question's label and the answer's words, not `relationship != "first-time"`.
        "dışarıda      Önceki Projeler (ilişki: Hayır, bu yeni bir müşteri)\n",
        "dışarıda      Eser Sahibinin Adının Belirtilmesi (adınızı anan satır: yanıtlanmadı)\n",
        "dışarıda      Peşin Ödeme (kapora: %30)\n",
        "x-contract.md dosyası yazıldı\n",
    ] {
        assert!(said.contains(expected), "{expected:?} is not in:\n{said}");
    }
    for english in ["included", "left out", "when ", "wrote ", "relationship"] {
        assert!(!said.contains(english), "{english:?} is in:\n{said}");
    }
    // English, in the questions' English words.
    let english = std::fs::read_to_string(root().join("examples/first-time-us.yaml")).unwrap();
    let said = summary_of(&english);
    for expected in [
        "included   1. Parties and Effective Date\n",
        "left out      Earlier Projects (relationship: No, this is a new client)\n",
        "wrote ",
    ] {
        assert!(said.contains(expected), "{expected:?} is not in:\n{said}");
    }
    assert!(!said.contains("(when "), "{said}");
    // A bilingual contract: in the language that prevails.
    let bilingual =
        std::fs::read_to_string(root().join("examples/bilingual-us-client.yaml")).unwrap();
    let said = summary_of(&bilingual);
    assert!(said.contains("included   1. "), "{said}");
    let said = summary_of(&bilingual.replace("prevailing: en", "prevailing: tr"));
    assert!(said.contains("dahil      1. "), "{said}");
    assert!(said.contains("dosyası yazıldı\n"), "{said}");
    assert!(!said.contains("included"), "{said}");
}

#[test]
fn check_refuses_a_clause_that_explains_itself_in_one_language_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("clauses"), dir.path());
    let credit = dir.path().join("tr/127-credit.yaml");
    let text = std::fs::read_to_string(&credit).unwrap();
    let without: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("summary:"))
        .collect();
    std::fs::write(&credit, without.join("\n")).unwrap();
    let notices = dir.path().join("tr/180-notices.yaml");
    let text = std::fs::read_to_string(&notices).unwrap();
    std::fs::write(
        &notices,
        text.replacen("\nbody:", "\nsummary: \"Bildirimler.\"\nbody:", 1),
    )
    .unwrap();
    let outcome = run(&mut clausewright(&["check", dir.path().to_str().unwrap()]));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let out = outcome.stderr;
    assert!(
        out.contains("the Turkish clause `credit` has no `summary`, the English one has"),
        "{out}"
    );
    assert!(out.contains("tr/127-credit.yaml:"), "{out}");
    assert!(
        out.contains("the Turkish clause `notices` has a `summary`, the English one has none"),
        "{out}"
    );
    assert!(out.contains("tr/180-notices.yaml:"), "{out}");
}

#[test]
fn answers_saved_by_build_from_a_turkish_contract_have_turkish_comments() {
    let folder = tempfile::tempdir().unwrap();
    let saved = folder.path().join("saved.yaml");
    let outcome = run(&mut clausewright(&[
        "build",
        "examples/tr-istanbul.yaml",
        "--format",
        "md",
        "-o",
        &folder.path().display().to_string(),
        "--late-payer",
        "--save-answers",
        &saved.display().to_string(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    // The summary names the relationship's choices by their Turkish labels, not their codes.
    assert!(
        outcome.stderr.lines().any(|l| l.starts_with("  ilişki ")
            && l.ends_with(" Hayır, bu yeni bir müşteri → Evet, ama ödemelerini geciktirdi")),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("late-payer"), "{}", outcome.stderr);
    let text = std::fs::read_to_string(&saved).unwrap();
    for turkish in [
        "# yaml-language-server: $schema=clausewright-answers.schema.json\n\
         # Şemayı bu dosyanın yanına yazdığınızda düzenleyiciniz bu dosyayı ona göre tamamlar\n\
         # ve denetler:\n#\n#     clausewright schema answers > clausewright-answers.schema.json\n",
        "\n# Siz\nfreelancer:\n",
        "\n# Müşteri\nclient:\n",
        "\n# Ücret ve ödeme\n",
        "# Ücretler, daha önce geç ödeme yapmış bir müşteri için zaten çarpıldı; bu dosyadan\n",
    ] {
        assert!(text.contains(turkish), "{turkish:?} is not in:\n{text}");
    }
    let comments: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
    for english in ["Editors", "# You", "# The client", "# Money", "Rates were"] {
        assert!(
            !comments.iter().any(|c| c.contains(english)),
            "{english:?} is in {comments:#?}"
        );
    }
    // Built again, the saved file gives the same contract.
    let again = folder.path().join("again.md");
    let outcome = run(&mut clausewright(&[
        "build",
        &saved.display().to_string(),
        "-o",
        &again.display().to_string(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let first = std::fs::read_dir(folder.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-contract.md"))
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(first).unwrap(),
        std::fs::read_to_string(again).unwrap()
    );
}

#[test]
fn a_turkish_contracts_warnings_are_said_in_turkish() {
    let folder = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/tr-istanbul.yaml")).unwrap();
    let answers = folder.path().join("istanbul.yaml");
    let early = example.replace("  start: 2026-06-01\n", "  start: 2026-05-01\n");
    assert_ne!(early, example);
    std::fs::write(&answers, early).unwrap();
    let outcome = run(&mut clausewright(&[
        "build",
        &answers.display().to_string(),
        "--format",
        "md",
        "-o",
        &folder.path().display().to_string(),
    ]));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "uyarı: iş 1 Mayıs 2026 tarihinde, yani sözleşme tarihinden (25 Mayıs 2026) önce \
             başlıyor: sözleşme yürürlüğe girmeden yapılan iş onun kapsamına girmez\n"
        ),
        "{}",
        outcome.stderr
    );
    for english in ["warning", "work starts on", "May 1, 2026"] {
        assert!(
            !outcome.stderr.contains(english),
            "{english:?} is in:\n{}",
            outcome.stderr
        );
    }
}

#[test]
fn a_turkish_contracts_findings_that_fail_the_build_are_said_in_turkish() {
    let folder = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/tr-istanbul.yaml")).unwrap();
    let build = |answers: &str, extra: &[&str]| {
        let path = folder.path().join("istanbul.yaml");
        std::fs::write(&path, answers).unwrap();
        let out = folder.path().display().to_string();
        let path = path.display().to_string();
        let mut args = vec!["build", path.as_str(), "--format", "md", "-o", out.as_str()];
        args.extend_from_slice(extra);
        run(&mut clausewright(&args))
    };
    // A company without its registered name: an error on its own.
    let company = example.replacen("  kind: individual\n", "  kind: company\n", 1);
    assert_ne!(company, example);
    let outcome = build(&company, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.starts_with(
            "hata: `freelancer.kind` için company yazılmış, ama `freelancer.business` boş: \
             sözleşmede şirketinizin ticaret siciline kayıtlı unvanı yer almalı\n"
        ),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.ends_with("\n\n1 hata, 0 uyarı\n"),
        "{}",
        outcome.stderr
    );
    // A warning made an error by --deny-warnings.
    let early = example.replace("  start: 2026-06-01\n", "  start: 2026-05-01\n");
    let outcome = build(&early, &["--deny-warnings"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .starts_with("hata: iş 1 Mayıs 2026 tarihinde, yani sözleşme tarihinden"),
        "{}",
        outcome.stderr
    );
    for english in ["error", "warning"] {
        assert!(
            !outcome.stderr.contains(english),
            "{english:?} is in:\n{}",
            outcome.stderr
        );
    }
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn a_turkish_contract_not_written_over_or_into_a_missing_folder_is_said_in_turkish() {
    let folder = tempfile::tempdir().unwrap();
    let answers = root()
        .join("examples/tr-istanbul.yaml")
        .display()
        .to_string();
    let build = |out: &str| {
        run(&mut clausewright(&[
            "build", &answers, "--format", "md", "-o", out,
        ]))
    };
    let out = format!("{}/", folder.path().display());
    assert_eq!(build(&out).code, 0);
    let written = std::fs::read_dir(folder.path()).unwrap().count();
    // Again, without --force: the contract is there.
    let again = build(&out);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again.stderr.starts_with("hata: ")
            && again
                .stderr
                .ends_with(" zaten var; yerine yenisini yazmak için --force seçeneğini verin\n"),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), written);
    // Into a folder that is not there.
    let missing = folder.path().join("yok").display().to_string();
    let outcome = build(&format!("{missing}/"));
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("hata: {missing}/ diye bir çıktı klasörü yok\n")
    );
}
