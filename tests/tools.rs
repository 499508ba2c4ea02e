//! The commands that set a user up: `--version`, `example`, `completions`, `man` and
//! `config path`, run as a user would, their output read back by the tools that consume it
//! (clausewright itself, bash, man).

use std::process::Command;

use clausewright::library::Library;

use crate::support::{clausewright, root, run};

fn built_in() -> Library {
    clausewright::run::load_library(None).expect("the built-in library loads")
}

#[test]
fn version_names_the_program_and_the_clause_library() {
    for flag in ["--version", "-V"] {
        let outcome = run(&mut clausewright(&[flag]));
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
        let line = outcome.stdout.trim_end();
        let expected_start = format!(
            "clausewright {} (clause library ",
            env!("CARGO_PKG_VERSION")
        );
        let fingerprint = line
            .strip_prefix(&expected_start)
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("{flag} printed {line:?}"));
        assert_eq!(fingerprint.len(), 8, "{line}");
        assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
    }
}

/// The worked example an `example` output says its values come from.
fn origin(example: &str) -> String {
    let comment: Vec<&str> = example
        .lines()
        .take_while(|line| line.starts_with('#'))
        .map(|line| line.trim_start_matches('#').trim())
        .collect();
    let comment = comment.join(" ");
    let start = comment
        .find("examples/")
        .expect("the example names its origin");
    comment[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .trim_end_matches('.')
        .to_owned()
}

/// `clausewright example ARGS`, written to a file and built: the example, its contract, and
/// the worked example's answers; the contract is checked to be the worked example's.
fn example_built(args: &[&str]) -> (String, String, clausewright::answers::Answers) {
    let mut line = vec!["example"];
    line.extend_from_slice(args);
    let outcome = run(&mut clausewright(&line));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stderr, "");
    let example = outcome.stdout;
    let origin = origin(&example);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("mine.yaml");
    std::fs::write(&path, &example).unwrap();

    // The example leaves the agreement date to the build; give both the worked example's.
    let worked = std::fs::read_to_string(root().join(&origin)).unwrap();
    let library = built_in();
    let answers = clausewright::answers::parse(&origin, &worked, &library).unwrap();
    let date = answers
        .get(clausewright::model::keys::AGREEMENT_DATE)
        .map_or_else(|| "2026-03-02".to_owned(), ToString::to_string);
    let build = |file: &str| {
        let outcome = run(&mut clausewright(&[
            "build", file, "-o", "-", "--date", &date,
        ]));
        assert_eq!(outcome.code, 0, "{file}: {}", outcome.stderr);
        outcome.stdout
    };
    let mine = build(path.to_str().unwrap());
    assert_eq!(
        mine,
        build(&origin),
        "the example's contract differs from {origin}'s"
    );
    (example, mine, answers)
}

/// The comments of an `example` output, wrapped lines joined into one line.
fn comments(example: &str) -> String {
    example
        .lines()
        .map(|line| {
            line.trim_start()
                .trim_start_matches("# ")
                .trim_start_matches('#')
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_example_builds_the_same_contract_as_the_worked_example_it_comes_from() {
    let (_, mine, answers) = example_built(&[]);
    for key in ["freelancer.name", "client.name"] {
        let value = answers.get(key).unwrap().to_string();
        // Markdown escapes punctuation (`&` is written `\&`).
        assert!(
            mine.replace('\\', "").contains(&value),
            "{key} {value:?} is not in the contract"
        );
    }
}

#[test]
fn the_example_explains_every_declared_question() {
    let example = run(&mut clausewright(&["example"])).stdout;
    // Comments are wrapped: compare with the comment text joined into one line per run.
    let joined = comments(&example);
    for question in built_in().questions() {
        let name = question.key.rsplit('.').next().unwrap();
        assert!(
            joined.contains(&question.prompt),
            "the prompt of {} is missing",
            question.key
        );
        assert!(
            example.lines().any(|line| line
                .trim_start()
                .trim_start_matches("# ")
                .starts_with(&format!("{name}:"))),
            "{} has no line of its own",
            question.key
        );
    }
}

#[test]
fn example_for_a_profession_fits_the_library() {
    let library = built_in();
    let Some(question) = library.question("freelancer.profession") else {
        let outcome = run(&mut clausewright(&[
            "example",
            "--profession",
            "translation",
        ]));
        assert_eq!(outcome.code, 2, "{}", outcome.stderr);
        assert!(
            outcome
                .stderr
                .contains("the built-in clause library does not ask for a profession"),
            "{}",
            outcome.stderr
        );
        assert!(outcome.stdout.is_empty());
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    for choice in &question.choices {
        let outcome = run(&mut clausewright(&[
            "example",
            "--profession",
            &choice.value,
        ]));
        assert_eq!(outcome.code, 0, "{}: {}", choice.value, outcome.stderr);
        let path = folder.path().join(format!("{}.yaml", choice.value));
        std::fs::write(&path, &outcome.stdout).unwrap();
        let answers =
            clausewright::answers::parse(&choice.value, &outcome.stdout, &library).unwrap();
        assert_eq!(
            answers
                .get("freelancer.profession")
                .map(ToString::to_string),
            Some(choice.value.clone())
        );
        let built = run(&mut clausewright(&[
            "build",
            path.to_str().unwrap(),
            "-o",
            "-",
        ]));
        assert_eq!(built.code, 0, "{}: {}", choice.value, built.stderr);
    }
    let outcome = run(&mut clausewright(&["example", "--profession", "astronaut"]));
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("--profession astronaut is not a profession"),
        "{}",
        outcome.stderr
    );
}

/// What bash offers on Tab after `clausewright WORDS...` (the last word being completed).
fn bash_completions(script: &str, words: &[&str]) -> Vec<String> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("clausewright.bash");
    std::fs::write(&path, script).unwrap();
    // What bash does on Tab: call the function registered for the command with the command,
    // the word being completed and the word before it.
    let line = format!("clausewright {}", words.join(" "));
    let probe = format!(
        "source '{}'\n\
         function=$(complete -p clausewright | sed -E 's/.*-F ([^ ]+).*/\\1/')\n\
         COMP_WORDS=({line})\n\
         COMP_CWORD={}\n\
         COMP_LINE='{line}'\n\
         COMP_POINT=${{#COMP_LINE}}\n\
         \"$function\" clausewright '{}' '{}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        path.display(),
        words.len(),
        words[words.len() - 1],
        if words.len() > 1 {
            words[words.len() - 2]
        } else {
            "clausewright"
        },
    );
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut replies: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    replies.sort();
    replies
}

#[test]
fn bash_completes_build_options() {
    let script = run(&mut clausewright(&["completions", "bash"]));
    assert_eq!(script.code, 0, "{}", script.stderr);
    // `--fo` starts two options of build: bash fills in the common part and lists both.
    assert_eq!(
        bash_completions(&script.stdout, &["build", "--fo"]),
        ["--force", "--format"]
    );
    assert_eq!(
        bash_completions(&script.stdout, &["build", "--form"]),
        ["--format"]
    );
    assert_eq!(
        bash_completions(&script.stdout, &["build", "--format", "p"]),
        ["pdf"]
    );
    assert_eq!(
        bash_completions(&script.stdout, &["ch"]),
        ["chase", "check"]
    );
}

#[test]
fn every_shell_gets_a_script_naming_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let outcome = run(&mut clausewright(&["completions", shell]));
        assert_eq!(outcome.code, 0, "{shell}: {}", outcome.stderr);
        // fish lists long options without their dashes (`-l late-payer`).
        for word in ["chase", "late-payer", "format", "rate-multiplier"] {
            assert!(outcome.stdout.contains(word), "{shell}: {word} is missing");
        }
    }
    let outcome = run(&mut clausewright(&["completions", "tcsh"]));
    assert_eq!(outcome.code, 2);
}

/// A manual page as `man -l` shows it, in plain text.
fn rendered(page: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("page.1");
    std::fs::write(&path, page).unwrap();
    let output = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man runs (Debian's man-db; .ci/run installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("warning"), "man warned: {stderr}");
    // Justified lines hold runs of spaces: one space between words, for comparing.
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn man_pages_render_with_man() {
    let main = run(&mut clausewright(&["man"]));
    assert_eq!(main.code, 0, "{}", main.stderr);
    let text = rendered(&main.stdout);
    assert!(text.contains("NAME"), "{text}");
    assert!(
        text.contains("clausewright - Assemble freelance contracts"),
        "{text}"
    );
    assert!(text.contains("clausewright-build(1)"), "{text}");

    let build = run(&mut clausewright(&["man", "build"]));
    assert_eq!(build.code, 0, "{}", build.stderr);
    let text = rendered(&build.stdout);
    assert!(
        text.contains("clausewright-build - Build a contract"),
        "{text}"
    );
    assert!(text.contains("--late-payer"), "{text}");
    assert!(text.contains("--format <FORMAT>"), "{text}");

    let unknown = run(&mut clausewright(&["man", "frobnicate"]));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("`frobnicate` is not a clausewright command")
    );
}

#[test]
fn config_path_follows_xdg() {
    let outcome = run(clausewright(&["config", "path"])
        .env("XDG_CONFIG_HOME", "/srv/settings")
        .env("HOME", "/home/maya"));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(outcome.stdout, "/srv/settings/clausewright/profile.yaml\n");
    assert!(
        outcome.stderr.contains("not written yet"),
        "{}",
        outcome.stderr
    );

    let outcome = run(clausewright(&["config", "path"])
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", "/home/maya"));
    assert_eq!(
        outcome.stdout,
        "/home/maya/.config/clausewright/profile.yaml\n"
    );
}

#[test]
fn config_path_says_when_the_profile_exists() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join(".config/clausewright/profile.yaml");
    std::fs::create_dir_all(profile.parent().unwrap()).unwrap();
    std::fs::write(&profile, "freelancer:\n  name: Maya Lindqvist\n").unwrap();
    let outcome = run(clausewright(&["config", "path"])
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home.path()));
    assert_eq!(outcome.stdout, format!("{}\n", profile.display()));
    assert!(outcome.stderr.is_empty(), "{}", outcome.stderr);
}

#[test]
fn example_lang_tr_prints_the_turkish_example_explained_in_turkish() {
    // Built, it is the worked example's contract, word for word.
    let (example, contract, _) = example_built(&["--lang", "tr"]);
    assert_eq!(origin(&example), "examples/tr-istanbul.yaml");
    assert!(
        contract.contains("Boğaziçi Gıda Ticaret A.Ş."),
        "{contract}"
    );
    assert!(
        example.starts_with(
            "# “Serbest Çalışma Hizmet Sözleşmesi” sözleşme kütüphanesi için bir yanıt dosyası;"
        ),
        "{example}"
    );
    // Each question with its Turkish prompt, and what it takes in Turkish.
    let turkish = built_in()
        .asking_in(clausewright::model::Language::Tr)
        .unwrap();
    let joined = comments(&example);
    for question in turkish.questions() {
        assert!(
            joined.contains(&question.prompt),
            "the Turkish prompt of {} is missing",
            question.key
        );
    }
    assert!(
        example.contains(
            "  # Zorunlu: ad@ornek.com gibi bir e-posta adresi.\n  email: \"elif@elifsahin.example\"\n"
        ),
        "{example}"
    );
    for english in [
        "Required",
        "Optional",
        "default ",
        "only when",
        "An answers file",
    ] {
        assert!(!example.contains(english), "{english:?} is in:\n{example}");
    }
}

#[test]
fn example_lang_en_tr_is_the_bilingual_example_and_en_is_english_only() {
    let bilingual = run(&mut clausewright(&["example", "--lang", "en+tr"]));
    assert_eq!(bilingual.code, 0, "{}", bilingual.stderr);
    assert_eq!(
        origin(&bilingual.stdout),
        "examples/bilingual-us-client.yaml"
    );
    // Its comments are in the first language.
    assert!(
        bilingual
            .stdout
            .starts_with("# An answers file for the clause library")
    );
    // Without --lang, an English contract: not the bilingual one of the same profession.
    let english = run(&mut clausewright(&[
        "example",
        "--profession",
        "software-development",
    ]));
    assert_eq!(english.code, 0, "{}", english.stderr);
    assert_eq!(
        origin(&english.stdout),
        "examples/software-development.yaml"
    );
}

/// `clausewright example --lang tr --profession PROFESSION`.
fn example_tr(profession: &str) -> crate::support::Outcome {
    run(&mut clausewright(&[
        "example",
        "--lang",
        "tr",
        "--profession",
        profession,
    ]))
}

#[test]
fn example_lang_tr_says_in_turkish_what_it_cannot_print() {
    let outcome = example_tr("translation");
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "hata: translation mesleği için --lang tr ile yazılmış bir örnek yok (bu dilde örneği \
         olan meslekler: graphic-design); İngilizce örnekten başlayıp içine `agreement.language: \
         tr` yazabilirsiniz: clausewright example --profession translation\n"
    );
    let outcome = example_tr("astronaut");
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.starts_with(
            "hata: --profession astronaut: yerleşik kütüphanede böyle bir meslek yok;"
        ),
        "{}",
        outcome.stderr
    );
}
