//! `clausewright new` as a person uses it: the real binary in a real terminal (tmux, driven with
//! `send-keys` and read with `capture-pane`), from the first question to the files on disk.
//!
//! These tests need tmux (`apt-get install tmux`); without it they fail, they do not skip.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_clausewright");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// 2026-03-02, so that "today" is the same on every run.
const EPOCH: &str = "1772409600";
/// Generous: CI shares two cores with a build.
const PATIENCE: Duration = Duration::from_secs(30);

/// The rows of the window: enough for the whole summary of the first-time example.
const ROWS: usize = 100;

/// `clausewright new` running in a detached tmux session of its own.
struct Session {
    socket: PathBuf,
    status: PathBuf,
    _home: tempfile::TempDir,
}

impl Session {
    /// Starts `clausewright ARGS` in `cwd`, with `env` on top of a clean environment, in a
    /// window 200 columns wide.
    fn start(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_sized(cwd, args, env, 200)
    }

    /// Starts `clausewright ARGS` in a window `columns` wide.
    fn start_sized(cwd: &Path, args: &[&str], env: &[(&str, &str)], columns: usize) -> Self {
        Self::start_window(cwd, args, env, columns, ROWS)
    }

    /// Starts `clausewright ARGS` in a window `columns` wide and `rows` high.
    fn start_window(
        cwd: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        columns: usize,
        rows: usize,
    ) -> Self {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|o| o.status.success()),
            "these tests drive `clausewright new` through tmux: install it (apt-get install tmux)"
        );
        let home = tempfile::tempdir().unwrap();
        let socket = home.path().join("tmux.sock");
        let status = home.path().join("status");
        let quote = |text: &str| format!("'{}'", text.replace('\'', r"'\''"));
        let mut script = format!("cd {} || exit 1\n", quote(&cwd.display().to_string()));
        for (key, value) in env {
            script.push_str(&format!("export {key}={}\n", quote(value)));
        }
        let command: Vec<String> = std::iter::once(BIN)
            .chain(args.iter().copied())
            .map(quote)
            .collect();
        script.push_str(&format!(
            "{}\necho $? > {}\nsleep 300\n",
            command.join(" "),
            quote(&status.display().to_string())
        ));
        let script_path = home.path().join("run.sh");
        std::fs::write(&script_path, script).unwrap();
        let started = Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args([
                "new-session",
                "-d",
                "-x",
                &columns.to_string(),
                "-y",
                &rows.to_string(),
                "sh",
            ])
            .arg(&script_path)
            .env_remove("TMUX")
            .env("HOME", home.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("NO_COLOR")
            .status()
            .unwrap();
        assert!(started.success(), "tmux could not start a session");
        Session {
            socket,
            status,
            _home: home,
        }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Everything shown so far, wrapped lines joined.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-S", "-", "-t", "0"])
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Waits until `text` is shown `count` times.
    fn wait_for_count(&self, text: &str, count: usize) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(text).count() >= count {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {text:?} {count} times; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Waits for the question (inquire marks the one being asked with `?`), types, presses Enter.
    fn answer(&self, question: &str, typed: &str) {
        self.wait_for(&format!("? {question}"));
        if !typed.is_empty() {
            self.tmux(&["send-keys", "-t", "0", "-l", typed]);
        }
        self.tmux(&["send-keys", "-t", "0", "Enter"]);
    }

    /// Waits for the question, then presses these keys (tmux names: Down, Enter, Escape, C-c).
    fn keys(&self, question: &str, keys: &[&str]) {
        self.wait_for(&format!("? {question}"));
        for key in keys {
            self.tmux(&["send-keys", "-t", "0", key]);
        }
    }

    /// The exit code, once the program has ended.
    fn exit_code(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&self.status)
                && let Ok(code) = text.trim().parse()
            {
                return code;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "clausewright did not end; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .status();
    }
}

/// The files in `dir`, sorted by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn build(args: &[&str], cwd: &Path) -> std::process::Output {
    let output = Command::new(BIN)
        .arg("build")
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "build {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Compares `actual` with the golden file `tests/fixtures/<case>/<name>`; rewrites it instead
/// when `CLAUSEWRIGHT_BLESS=1`.
fn golden(case: &str, name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/fixtures").join(case).join(name);
    if std::env::var_os("CLAUSEWRIGHT_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with CLAUSEWRIGHT_BLESS=1 to write it",
            path.display()
        )
    });
    assert_eq!(actual, expected, "{} differs", path.display());
}

fn example(name: &str) -> String {
    Path::new(ROOT)
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

/// Goes through every question of the built-in library for a client who paid late, with two
/// mistakes corrected on the way, up to the summary.
fn answer_every_question_for_a_late_payer(session: &Session) {
    answer_the_first_three(session);
    answer_from_the_email_for_a_late_payer(session);
}

/// The first three questions: name, trading name, and the kind of party (its default).
fn answer_the_first_three(session: &Session) {
    session.wait_for("Press Esc or Ctrl-C to stop");
    session.answer("Your full legal name", "Maya Lindqvist");
    session.answer(
        "Your trading name, or your company's",
        "Prairie Pixel Studio",
    );
    // A trading name makes the freelancer a sole trader by default.
    session.keys("Who is the party to the contract on your side?", &["Enter"]);
}

/// Every question from the fourth on, for a client who paid late, up to the summary.
fn answer_from_the_email_for_a_late_payer(session: &Session) {
    session.answer("Your email address", "maya@prairiepixel");
    // A mistake is caught at the question, and the answer can be corrected in place.
    session.wait_for(
        "The answer is \"maya@prairiepixel\"; expected an email address such as name@example.com.",
    );
    session.answer("Your email address", ".example");
    session.answer("Your phone number", "+1 217 555 0142");
    session.answer(
        "Your postal address",
        "418 South Sixth Street, Suite 3, Springfield, IL 62701, USA",
    );
    session.answer("The client's full legal name", "Capitol Bakery & Café LLC");
    session.answer("The person who acts for the client", "Daniel Ortiz");
    // A contact person makes the client a company by default.
    session.keys("Is the client a person or a company?", &["Enter"]);
    session.answer(
        "What kind of company the client is",
        "an Illinois limited liability company",
    );
    session.answer("The title of the person who signs for the client", "Owner");
    session.answer(
        "The client's email address",
        "daniel.ortiz@capitolbakery.example",
    );
    session.answer("The client's phone number", "+1 217 555 0187");
    session.answer(
        "The client's postal address",
        "2100 West Monroe Street, Springfield, IL 62704, USA",
    );
    session.keys(
        "Have you worked with this client before?",
        &["Down", "Down", "Enter"],
    );
    session.wait_for("This client paid you late before: think it over before you take the job.");
    // Web design, the first trade, is the default.
    session.keys("What kind of work is this contract for?", &["Enter"]);
    session.answer(
        "A short name for the project",
        "Capitol Bakery website redesign",
    );
    // The scope in words rather than itemized: Enter takes the default, no.
    session.answer("List what you will deliver one by one", "");
    session.answer(
        "What exactly will you deliver?",
        "A responsive five-page WordPress website",
    );
    session.answer("The title and date of a written proposal", "");
    session.answer("When will work start?", "2026-03-16");
    session.answer("By when do you plan to deliver", "2026-04-24");
    session.answer("How many rounds of revisions", "12");
    session.wait_for("The answer is 12; expected a whole number from 0 to 10.");
    session.tmux(&["send-keys", "-t", "0", "BSpace", "BSpace"]);
    session.answer("How many rounds of revisions", "3");
    session.keys("Do the revision rounds count", &["Enter"]);
    session.answer("Business days the client has to review", "");
    session.keys("Hand over your working files", &["Enter"]);
    session.answer("For how many days after acceptance", "");
    session.answer("The credit line to put on the finished work", "");
    // Nothing said about AI tools, the default.
    session.keys(
        "Should the contract say whether you use AI tools",
        &["Enter"],
    );
    // Today's date (SOURCE_DATE_EPOCH) is offered.
    session.wait_for("? Date of the agreement (YYYY-MM-DD) (2026-03-02)");
    session.answer("Date of the agreement", "");
    // English, the default.
    session.keys("The language of the contract", &["Enter"]);
    // The place comes before the money, so that its currency is the one offered. Another
    // country (the default): the law and the courts in the user's own words.
    session.keys("Which country's law governs the contract?", &["Enter"]);
    session.answer("Which law governs the contract?", "the State of Illinois");
    session.answer(
        "Which courts hear any dispute?",
        "the courts of Sangamon County, Illinois",
    );
    session.keys("Currency of the fees", &["Enter"]);
    // A fixed fee, web design's default.
    session.keys("How do you price the work in the scope?", &["Enter"]);
    session.answer("Your fee for the project", "6400");
    session.wait_for("In the contract: $12,800.00 (doubled, as the client paid late before).");
    session.answer("Your hourly rate", "85");
    session.wait_for("? Deposit, as a percentage of the fee, paid before any work starts (50)");
    session.answer("Deposit", "");
    session.answer("Be paid in stages", "");
    session.answer("Days the client has to pay each invoice", "");
    session.answer("How the client pays you", "");
    session.wait_for("Interest on late payment: yes, always for a client who paid late.");
    // The safeguards one by one, not all as recommended.
    session.answer("Use all recommended safeguards?", "n");
    session.answer("Interest on overdue amounts", "");
    session.wait_for("Ending for silence: yes, always for a client who paid late.");
    session.answer("Business days without an answer", "");
    session.answer("Cancellation fee", "25");
    session.keys("Who owns the copyright", &["Enter"]);
    session.keys("Agree that, for a year", &["Enter"]);
    session.keys("Settle disputes by arbitration", &["Enter"]);
    session.wait_for("  your fee for the project: $6,400.00 → $12,800.00\n");
}

#[test]
fn a_first_interview_writes_answers_contract_and_profile_and_build_agrees() {
    let work = tempfile::tempdir().unwrap();
    let config = work.path().join("config");
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let session = Session::start(
        &out,
        &["new"],
        &[
            ("XDG_CONFIG_HOME", &config.display().to_string()),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    );
    answer_every_question_for_a_late_payer(&session);
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());

    assert_eq!(
        listing(&out),
        [
            "capitol-bakery-cafe-llc-contract.md",
            "capitol-bakery-cafe-llc-contract.pdf",
            "capitol-bakery-cafe-llc.answers.yaml"
        ]
    );
    let answers =
        std::fs::read_to_string(out.join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    golden(
        "new-late-payer",
        "capitol-bakery-cafe-llc.answers.yaml",
        &answers,
    );
    let profile = std::fs::read_to_string(config.join("clausewright/profile.yaml")).unwrap();
    golden("new-late-payer", "profile.yaml", &profile);
    let contract =
        std::fs::read_to_string(out.join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    for words in [
        "Maya Lindqvist",
        r"Capitol Bakery \& Café LLC",
        "$12,800.00",
        "March 2, 2026",
    ] {
        assert!(contract.contains(words), "the contract lacks {words:?}");
    }

    // `build` on the saved answers, on another day, writes the same bytes.
    let again = work.path().join("again");
    std::fs::create_dir(&again).unwrap();
    build(
        &[
            "capitol-bakery-cafe-llc.answers.yaml",
            "-o",
            &again.display().to_string(),
        ],
        &out,
    );
    assert_eq!(
        std::fs::read(again.join("capitol-bakery-cafe-llc-contract.md")).unwrap(),
        contract.as_bytes()
    );
}

#[test]
fn saved_details_are_offered_and_ctrl_c_leaves_nothing_behind() {
    let work = tempfile::tempdir().unwrap();
    let profile = work.path().join("me.yaml");
    let saved = "freelancer:\n  name: Lena Hoffmann\n  email: lena@hoffmann.example\n  \
                 phone: \"+49 30 5550 1427\"\n  address: Oranienstraße 185, Berlin\n";
    std::fs::write(&profile, saved).unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let profile_arg = profile.display().to_string();
    let session = Session::start(&out, &["new", "--profile", &profile_arg], &[]);
    session.wait_for(&format!("Your details, saved in {profile_arg}:"));
    session.wait_for("  your legal name: Lena Hoffmann\n");
    session.wait_for("  your trading or company name: —\n");
    session.keys("Use these details?", &["Enter"]);
    session.answer("The client's full legal name", "Northwind Ölçüm Ltd. Şti.");
    session.keys("The person who acts for the client", &["C-c"]);
    assert_eq!(session.exit_code(), 130);
    // What was answered is kept as a draft, outside the output folder.
    session.wait_for("the interview was stopped; the contract was not written.");
    session.wait_for(&format!(
        "clausewright new --resume --profile {profile_arg}"
    ));
    assert!(
        !session.screen().contains("Your full legal name"),
        "saved details are not asked again"
    );
    assert_eq!(listing(&out), Vec::<String>::new());
    assert_eq!(std::fs::read_to_string(&profile).unwrap(), saved);
}

#[test]
fn esc_at_the_summary_leaves_nothing_behind() {
    let work = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    // A misspelt key is shown as a warning and ignored; everything else is answered.
    let answers = inputs.path().join("capitol.yaml");
    let example = std::fs::read_to_string(example("first-time-us.yaml")).unwrap();
    std::fs::write(&answers, format!("{example}hosting_months: 12\n")).unwrap();
    let answers = answers.display().to_string();
    let profile = inputs.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
    );
    session.wait_for("warning: unknown key `hosting_months`");
    session.wait_for(&format!("These lines of {answers} are ignored."));
    session.wait_for("Capitol Bakery & Café LLC");
    // Esc at the summary asks first; Enter keeps the answers.
    session.keys("Is everything right?", &["Escape"]);
    session.keys("Stop without writing the contract?", &["Enter"]);
    session.wait_for_count("Is everything right?", 2);
    session.keys("Is everything right?", &["Escape"]);
    session.wait_for_count("Stop without writing the contract?", 2);
    session.tmux(&["send-keys", "-t", "0", "-l", "y"]);
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    assert_eq!(session.exit_code(), 130);
    session.wait_for("error: the interview was stopped; the contract was not written.");
    assert_eq!(listing(work.path()), Vec::<String>::new());
    assert_eq!(listing(inputs.path()), ["capitol.yaml"]);
}

#[test]
fn new_refuses_standard_output_at_once() {
    let work = tempfile::tempdir().unwrap();
    let session = Session::start(work.path(), &["new", "-o", "-"], &[]);
    assert_eq!(session.exit_code(), 2);
    session.wait_for(
        "error: `new` writes the answers file beside the contract, so it cannot write to \
         standard output; give -o a folder or a file name",
    );
}

#[test]
fn existing_files_are_kept_unless_the_user_says_to_replace_them() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("capitol-bakery-cafe-llc-contract.md"),
        "mine",
    )
    .unwrap();
    let elsewhere = work.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
    );
    session.keys("Is everything right?", &["Enter"]);
    session.wait_for("These files already exist:\n  capitol-bakery-cafe-llc-contract.md");
    session.keys("What should be done?", &["Enter"]);
    session.answer("Folder to write to", "nowhere");
    session.wait_for("There is no folder nowhere.");
    // A folder that does not exist is offered to be created; no asks for another.
    session.keys("Create it?", &["n", "Enter"]);
    session.wait_for("> Create it? No");
    session.answer("Folder to write to", "elsewhere");
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    assert!(!work.path().join("nowhere").exists());
    assert_eq!(
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap(),
        "mine"
    );
    assert_eq!(
        listing(&elsewhere),
        [
            "capitol-bakery-cafe-llc-contract.md",
            "capitol-bakery-cafe-llc-contract.pdf",
            "capitol-bakery-cafe-llc.answers.yaml"
        ]
    );
    // The command the answers file gives for a rebuild writes where this run wrote.
    let saved =
        std::fs::read_to_string(elsewhere.join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    assert!(
        saved.contains(
            "clausewright build elsewhere/capitol-bakery-cafe-llc.answers.yaml -o elsewhere/\n"
        ),
        "{saved}"
    );
}

#[test]
fn esc_at_the_files_that_exist_keeps_the_answers_as_a_draft() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("capitol-bakery-cafe-llc-contract.md"),
        "mine",
    )
    .unwrap();
    let state = work.path().join("state");
    let env = [
        ("XDG_STATE_HOME", state.display().to_string()),
        (
            "XDG_CONFIG_HOME",
            work.path().join("config").display().to_string(),
        ),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answers = example("first-time-us.yaml");
    let session = Session::start(work.path(), &["new", "--answers", &answers], &env);
    session.keys("Is everything right?", &["Enter"]);
    session.wait_for("These files already exist:\n  capitol-bakery-cafe-llc-contract.md");
    // Every question has been answered; Esc here used to lose all the answers.
    session.keys("What should be done?", &["Escape"]);
    assert_eq!(session.exit_code(), 130, "{}", session.screen());
    let draft = state.join("clausewright/draft.answers.yaml");
    session.wait_for(&format!(
        "Your answers so far are saved in {}; to continue, run:",
        draft.display()
    ));
    let kept = std::fs::read_to_string(&draft).unwrap();
    assert!(
        kept.contains("name: \"Capitol Bakery & Café LLC\""),
        "{kept}"
    );
    assert_eq!(
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap(),
        "mine"
    );
}

#[test]
fn a_folder_under_the_home_folder_is_found_and_a_missing_one_created() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("capitol-bakery-cafe-llc-contract.md"),
        "mine",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let home_path = home.path().display().to_string();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[("HOME", &home_path)],
    );
    session.keys("Is everything right?", &["Enter"]);
    session.keys("What should be done?", &["Enter"]);
    session.answer("Folder to write to", "~/contracts/2026");
    let made = home.path().join("contracts/2026");
    session.wait_for(&format!("There is no folder {}.", made.display()));
    session.wait_for(&format!(
        "[Yes creates {}, and any folder above it that is missing; no asks for another folder.]",
        made.display()
    ));
    session.keys("Create it?", &["y", "Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    assert_eq!(
        listing(&made),
        [
            "capitol-bakery-cafe-llc-contract.md",
            "capitol-bakery-cafe-llc-contract.pdf",
            "capitol-bakery-cafe-llc.answers.yaml"
        ]
    );
    assert!(!work.path().join("~").exists());
    assert_eq!(
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap(),
        "mine"
    );
}

/// The first-time example without `keys` (each a line of its own in the file), saved in `dir`.
fn example_without(dir: &Path, keys: &[&str]) -> String {
    let text = std::fs::read_to_string(example("first-time-us.yaml")).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !keys.iter().any(|key| line.trim_start().starts_with(key)))
        .collect();
    assert_eq!(text.lines().count() - kept.len(), keys.len(), "{keys:?}");
    let path = dir.join("answers.yaml");
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path.display().to_string()
}

#[test]
fn the_trade_and_the_place_of_the_last_contract_are_offered_from_the_profile() {
    let work = tempfile::tempdir().unwrap();
    // The answers file leaves the trade and the place to ask.
    let answers = example_without(
        work.path(),
        &["profession:", "country:", "region:", "venue:"],
    );
    let profile = work.path().join("profile.yaml");
    std::fs::write(
        &profile,
        "freelancer:\n  profession: translation\njurisdiction:\n  country: US\n  \
         region: Oregon\n  venue: Multnomah County\n",
    )
    .unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let profile_arg = profile.display().to_string();
    let session = Session::start(
        &out,
        &["new", "--answers", &answers, "--profile", &profile_arg],
        &[],
    );
    // The saved trade and country are where the cursor starts; the state and the courts are
    // what Enter gives.
    session.wait_for("? What kind of work is this contract for?");
    session.wait_for("> Translation");
    session.keys("What kind of work is this contract for?", &["Enter"]);
    session.keys("Are the translations certified", &["Enter"]);
    session.wait_for("> The United States (a state's law)");
    session.keys("Which country's law governs the contract?", &["Enter"]);
    session.wait_for("in Germany, the Land for its public holidays (optional) (Oregon)");
    session.answer("Which state or legal system?", "");
    session.wait_for("? The city or county whose courts hear disputes (Multnomah County)");
    session.answer("The city or county whose courts hear disputes", "");
    session.wait_for("  the state or legal system: Oregon\n");
    session.keys("Is everything right?", &["Enter"]);
    // The profile would gain the file's details, which may be someone else's: kept as it was.
    session.wait_for(&format!("Your profile ({profile_arg}) would change:"));
    session.keys("Save them to your profile?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let screen = session.screen();
    assert!(!screen.contains("  trade:"), "{screen}");
    assert!(!screen.contains("  courts of:"), "{screen}");
    let contract =
        std::fs::read_to_string(out.join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    assert!(
        contract.contains("Translation Services Agreement"),
        "{contract}"
    );
    assert!(contract.contains("the State of Oregon"), "{contract}");
    assert!(contract.contains("Multnomah County"), "{contract}");
}

#[test]
fn readline_keys_edit_a_typed_answer() {
    let work = tempfile::tempdir().unwrap();
    let state = work.path().join("state");
    let session = Session::start(
        work.path(),
        &["new"],
        &[
            (
                "XDG_CONFIG_HOME",
                &work.path().join("config").display().to_string(),
            ),
            ("XDG_STATE_HOME", &state.display().to_string()),
        ],
    );
    let keys = |keys: &[&str]| {
        for key in keys {
            session.tmux(&["send-keys", "-t", "0", key]);
        }
    };
    let typed = |text: &str| session.tmux(&["send-keys", "-t", "0", "-l", text]);
    session.wait_for("? Your full legal name");
    // Ctrl-U cuts the whole line before the cursor.
    typed("Lena Hoffmann");
    session.wait_for("? Your full legal name Lena Hoffmann");
    keys(&["C-u"]);
    // Ctrl-A goes to the start, Ctrl-E to the end.
    typed("aya Lindqvst");
    keys(&["C-a"]);
    typed("M");
    keys(&["C-e"]);
    session.wait_for("? Your full legal name Maya Lindqvst");
    // Alt-Backspace cuts the word before the cursor, Ctrl-W back to the space before it.
    keys(&["M-BSpace"]);
    typed("Lindqvist per");
    session.wait_for("? Your full legal name Maya Lindqvist per");
    keys(&["C-w", "BSpace", "Enter"]);
    session.wait_for("> Your full legal name Maya Lindqvist\n");
    // The answer is kept in the draft as typed.
    session.keys("Your trading name", &["C-c"]);
    assert_eq!(session.exit_code(), 130, "{}", session.screen());
    let draft = std::fs::read_to_string(state.join("clausewright/draft.answers.yaml")).unwrap();
    assert!(draft.contains("  name: \"Maya Lindqvist\"\n"), "{draft}");
}

/// The rows of `screen` from the one that starts with `first` to the one that ends with
/// `last`.
fn rows_between<'s>(screen: &'s str, first: &str, last: &str) -> Vec<&'s str> {
    rows_shown(screen, first, last)
        .unwrap_or_else(|| panic!("no rows from {first:?} to {last:?}:\n{screen}"))
}

/// [`rows_between`], or `None` while the screen does not show them (yet): a screen captured
/// while the program draws it again may hold only part of them.
fn rows_shown<'s>(screen: &'s str, first: &str, last: &str) -> Option<Vec<&'s str>> {
    let rows: Vec<&str> = screen.lines().collect();
    let start = rows.iter().rposition(|row| row.starts_with(first))?;
    let end = start
        + rows[start..]
            .iter()
            .position(|row| row.trim_end().ends_with(last))?;
    Some(rows[start..=end].to_vec())
}

#[test]
fn help_is_wrapped_at_spaces_to_a_narrow_window_and_again_when_it_is_resized() {
    let work = tempfile::tempdir().unwrap();
    let config = work.path().join("config").display().to_string();
    let session = Session::start_sized(work.path(), &["new"], &[("XDG_CONFIG_HOME", &config)], 40);
    let help = "Your own name, as on your ID. If you work through a company, the company is \
                the party to the contract and you sign for it. Type < to go back one question.";
    // Checks the help on `screen`, as [`drawn_again`] returned it.
    let check = |screen: &str, columns: usize| {
        let rows = rows_between(screen, "[Your own name", "question.]");
        for row in &rows {
            assert!(
                row.trim_end().chars().count() <= columns,
                "{row:?} is wider than {columns}:\n{screen}"
            );
        }
        let joined: Vec<&str> = rows.iter().map(|row| row.trim()).collect();
        assert_eq!(joined.join(" "), format!("[{help}]"), "{screen}");
        rows.len()
    };
    // Waits until the help is shown whole in a number of rows that `fits`, and returns that
    // screen: the screen is captured again while the program is still drawing it.
    let drawn_again = |fits: &dyn Fn(usize) -> bool| {
        let start = Instant::now();
        loop {
            let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
            if let Some(rows) = rows_shown(&screen, "[Your own name", "question.]") {
                let joined: Vec<&str> = rows.iter().map(|row| row.trim()).collect();
                if fits(rows.len()) && joined.join(" ") == format!("[{help}]") {
                    return screen;
                }
            }
            assert!(start.elapsed() < PATIENCE, "not drawn again:\n{screen}");
            std::thread::sleep(Duration::from_millis(40));
        }
    };
    let narrow = check(&drawn_again(&|_| true), 40);
    assert!(narrow >= 4, "{narrow} rows");
    // The introduction is wrapped too: no row of the screen is wider than the window.
    let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
    assert!(
        screen
            .lines()
            .all(|row| row.trim_end().chars().count() <= 40),
        "{screen}"
    );
    assert!(
        screen.contains("under each question. Press Esc or Ctrl-C\nto stop"),
        "{screen}"
    );
    // Wider: the question is drawn again, once, in fewer rows.
    session.tmux(&["resize-window", "-t", "0", "-x", "70"]);
    let wide = check(&drawn_again(&|rows| rows < narrow), 70);
    // Narrower again: the terminal rewraps what is on the screen, and the question is drawn
    // over its old rows, not below them.
    session.tmux(&["resize-window", "-t", "0", "-x", "36"]);
    check(&drawn_again(&|rows| rows > wide), 36);
    let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
    assert_eq!(screen.matches("[Your own name").count(), 1, "{screen}");
    session.answer("Your full legal name", "Maya Lindqvist");
    session.wait_for("> Your full legal name Maya\n  Lindqvist\n");
    let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
    assert_eq!(
        screen.matches("Your full legal name").count(),
        1,
        "{screen}"
    );
}

/// The Turkish words of the question `hosting.months` that the test below adds, in the library
/// at `clauses`.
fn add_turkish_hosting_words(clauses: &Path) {
    let turkish = std::fs::read_to_string(clauses.join("tr/library.yaml")).unwrap();
    let turkish = turkish.replace(
        "  - title: Ücret ve ödeme\n",
        "      - key: hosting.months\n        label: barındırma\n        unit: ay\n        \
         prompt: Yayından sonra kaç ay barındırma dâhil?\n        \
         help: \"0, barındırmayı müşterinin kendisinin ayarlaması demektir.\"\n\n  \
         - title: Ücret ve ödeme\n",
    );
    std::fs::write(clauses.join("tr/library.yaml"), turkish).unwrap();
}

#[test]
fn a_user_library_with_a_new_question_gets_it_asked() {
    let work = tempfile::tempdir().unwrap();
    let clauses = work.path().join("clauses");
    std::fs::create_dir(&clauses).unwrap();
    for entry in std::fs::read_dir(Path::new(ROOT).join("clauses")).unwrap() {
        let entry = entry.unwrap();
        // The letters/ folder is for `chase`; a contract library needs only the clause files,
        // in English and, in tr/, in Turkish.
        if entry.file_name() == "tr" {
            crate::support::copy_dir(&entry.path(), &clauses.join("tr"));
        }
        if entry.path().is_dir() {
            continue;
        }
        std::fs::copy(entry.path(), clauses.join(entry.file_name())).unwrap();
    }
    let library = std::fs::read_to_string(clauses.join("library.yaml")).unwrap();
    let library = library.replace(
        "  - title: Money\n",
        "      - key: hosting.months\n        type: integer\n        label: hosting\n        \
         unit: months\n        prompt: Months of hosting included after launch\n        \
         help: \"0 means the client arranges its own hosting.\"\n        min: 0\n        \
         max: 36\n        required: true\n\n  - title: Money\n",
    );
    std::fs::write(clauses.join("library.yaml"), library).unwrap();
    std::fs::write(
        clauses.join("025-hosting.yaml"),
        "id: hosting\ntitle: Hosting\norder: 25\nwhen: hosting.months > 0\nbody: |\n  The \
         Designer hosts the website for {{words hosting.months}} months after launch.\n",
    )
    .unwrap();
    // The question and the clause in Turkish too: `check` holds the two languages together.
    add_turkish_hosting_words(&clauses);
    std::fs::write(
        clauses.join("tr/025-hosting.yaml"),
        "id: hosting\ntitle: Barındırma\norder: 25\nwhen: hosting.months > 0\nbody: |\n  \
         Hizmet Veren web sitesini yayına alındıktan sonra {{words hosting.months}} ay \
         barındırır.\n",
    )
    .unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let clauses_arg = clauses.display().to_string();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        &out,
        &[
            "new",
            "--clauses",
            &clauses_arg,
            "--answers",
            &answers,
            "--profile",
            &profile,
        ],
        &[],
    );
    session.wait_for(
        "[0 means the client arranges its own hosting. Answer with a whole number from 0 to 36. \
         Type < to go back one question.]",
    );
    session.answer("Months of hosting included after launch", "40");
    session.wait_for("The answer is 40; expected a whole number from 0 to 36.");
    session.tmux(&["send-keys", "-t", "0", "BSpace", "BSpace"]);
    session.answer("Months of hosting included after launch", "12");
    // A question without summary words of its own: its label and the answer.
    session.wait_for("  hosting  12 months\n");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let screen = session.screen();
    assert!(
        !screen.contains("? Your full legal name"),
        "only the missing question is asked:\n{screen}"
    );

    let contract =
        std::fs::read_to_string(out.join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    assert!(
        contract.contains("The Designer hosts the website for twelve (12) months after launch.")
    );
    let saved = std::fs::read_to_string(out.join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    assert!(saved.contains(&format!(
        "#     clausewright build capitol-bakery-cafe-llc.answers.yaml --clauses {clauses_arg}\n"
    )));
    assert!(saved.contains("hosting:\n  months: 12\n"));
    let again = work.path().join("again");
    std::fs::create_dir(&again).unwrap();
    build(
        &[
            "capitol-bakery-cafe-llc.answers.yaml",
            "--clauses",
            &clauses_arg,
            "-o",
            &again.display().to_string(),
        ],
        &out,
    );
    assert_eq!(
        std::fs::read_to_string(again.join("capitol-bakery-cafe-llc-contract.md")).unwrap(),
        contract
    );
}

#[test]
fn without_a_terminal_new_fails_at_once_and_points_to_build() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .arg("new")
        .current_dir(work.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: `clausewright new` asks its questions in a terminal, but its standard input, \
         output and error are not one.\nWithout a terminal, write the answers in a file and build \
         the contract from it:\n\n    \
         clausewright example > answers.yaml    # every question, explained, with example answers: \
         edit it\n    \
         clausewright build answers.yaml\n\nAn answers file saved by an earlier `clausewright new` \
         works too; `clausewright build --help` lists the options.\n"
    );
    assert_eq!(listing(work.path()), Vec::<String>::new());

    // The commands shown work with nothing but the binary: they build a contract.
    let example = Command::new(BIN)
        .arg("example")
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(example.status.success());
    std::fs::write(work.path().join("answers.yaml"), &example.stdout).unwrap();
    build(&["answers.yaml"], work.path());
    assert!(
        listing(work.path())
            .iter()
            .any(|name| name.ends_with("-contract.pdf")),
        "{:?}",
        listing(work.path())
    );
}

#[test]
fn esc_in_the_list_of_answers_to_change_goes_back_to_the_summary() {
    let work = tempfile::tempdir().unwrap();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
    );
    session.keys("Is everything right?", &["Down", "Enter"]);
    session.keys("Which answer do you want to change?", &["Escape"]);
    session.wait_for_count("Is everything right?", 2);
    // Esc while changing an answer keeps it, and goes back to the summary too.
    session.keys("Is everything right?", &["Down", "Enter"]);
    session.wait_for_count("Which answer do you want to change?", 2);
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    session.keys("Your full legal name", &["Escape"]);
    session.wait_for_count("Is everything right?", 3);
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let contract =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    assert!(contract.contains("Maya Lindqvist"));
}

#[test]
fn ctrl_c_after_three_answers_leaves_a_draft_that_resume_completes_into_the_same_contract() {
    let work = tempfile::tempdir().unwrap();
    // Uninterrupted.
    let whole = work.path().join("whole");
    std::fs::create_dir(&whole).unwrap();
    let whole_env = [
        (
            "XDG_CONFIG_HOME",
            work.path().join("config1").display().to_string(),
        ),
        (
            "XDG_STATE_HOME",
            work.path().join("state1").display().to_string(),
        ),
        ("SOURCE_DATE_EPOCH", EPOCH.to_owned()),
    ];
    let env: Vec<(&str, &str)> = whole_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let session = Session::start(&whole, &["new"], &env);
    answer_every_question_for_a_late_payer(&session);
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    drop(session);

    // Stopped after three answers, then resumed.
    let parts = work.path().join("parts");
    std::fs::create_dir(&parts).unwrap();
    let state = work.path().join("state2");
    let parts_env = [
        (
            "XDG_CONFIG_HOME",
            work.path().join("config2").display().to_string(),
        ),
        ("XDG_STATE_HOME", state.display().to_string()),
        ("SOURCE_DATE_EPOCH", EPOCH.to_owned()),
    ];
    let env: Vec<(&str, &str)> = parts_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let session = Session::start(&parts, &["new"], &env);
    answer_the_first_three(&session);
    session.keys("Your email address", &["C-c"]);
    assert_eq!(session.exit_code(), 130);
    let draft = state.join("clausewright/draft.answers.yaml");
    session.wait_for(&format!(
        "Your answers so far are saved in {}; to continue, run:",
        draft.display()
    ));
    session.wait_for("    clausewright new --resume");
    assert_eq!(
        listing(&parts),
        Vec::<String>::new(),
        "no contract is written"
    );
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(
        saved.ends_with(
            "freelancer:\n  name: \"Maya Lindqvist\"\n  business: \"Prairie Pixel Studio\"\n  \
             kind: \"sole-trader\"\n"
        ),
        "{saved}"
    );
    drop(session);

    let session = Session::start(&parts, &["new", "--resume"], &env);
    answer_from_the_email_for_a_late_payer(&session);
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    assert!(
        !session.screen().contains("? Your full legal name"),
        "the draft's answers are not asked again"
    );
    assert!(
        !draft.exists(),
        "the draft is removed once the contract is written"
    );
    assert_eq!(listing(&parts), listing(&whole));
    for name in listing(&whole) {
        assert_eq!(
            std::fs::read(parts.join(&name)).unwrap(),
            std::fs::read(whole.join(&name)).unwrap(),
            "{name} differs"
        );
    }
}

/// Keeps a file from being deleted until dropped: immutable (`chattr +i`) for root, who may
/// delete in any folder, else in a folder made read-only.
struct Undeletable(PathBuf);

impl Undeletable {
    fn new(file: &Path) -> Self {
        use std::os::unix::fs::MetadataExt as _;
        // The file was made by this process: its owner is who the tests run as.
        let root = std::fs::metadata(file).unwrap().uid() == 0;
        if root {
            let made = std::process::Command::new("chattr")
                .arg("+i")
                .arg(file)
                .status();
            assert!(
                made.is_ok_and(|status| status.success()),
                "chattr +i {} failed: as root, this test needs chattr (apt-get install \
                 e2fsprogs) and the CAP_LINUX_IMMUTABLE capability, or run the tests as \
                 another user",
                file.display()
            );
        } else {
            use std::os::unix::fs::PermissionsExt as _;
            let folder = file.parent().unwrap();
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        Self(file.to_owned())
    }
}

impl Drop for Undeletable {
    fn drop(&mut self) {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        if std::fs::metadata(&self.0).is_ok_and(|m| m.uid() == 0) {
            let undone = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
            if !undone.is_ok_and(|status| status.success()) {
                eprintln!(
                    "chattr -i {} failed: the file is left immutable",
                    self.0.display()
                );
            }
        }
        if let Some(folder) = self.0.parent() {
            let _ = std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[test]
fn a_draft_that_cannot_be_removed_is_a_warning_once_the_contract_is_written() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let state = work.path().join("state");
    let draft = state.join("clausewright/draft.answers.yaml");
    std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
    std::fs::copy(example("first-time-us.yaml"), &draft).unwrap();
    let env = [
        ("XDG_STATE_HOME", state.display().to_string()),
        (
            "XDG_CONFIG_HOME",
            work.path().join("config").display().to_string(),
        ),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let kept = Undeletable::new(&draft);
    let shown = draft.display().to_string();
    let session = Session::start(&out, &["new", "--answers", &shown], &env);
    session.keys("Is everything right?", &["Enter"]);
    // The contract and its answers are written, so the run succeeds and goes on to the end.
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    session.wait_for(&format!(
        "warning: the contract was written, but the draft {shown}, no longer needed, could not \
         be removed: "
    ));
    session.wait_for("; delete it yourself, or `clausewright new` will offer to resume it");
    session.wait_for("To change an answer later");
    drop(kept);
    assert!(draft.exists());
    assert_eq!(
        listing(&out),
        [
            "capitol-bakery-cafe-llc-contract.md",
            "capitol-bakery-cafe-llc-contract.pdf",
            "capitol-bakery-cafe-llc.answers.yaml"
        ]
    );
}

#[test]
fn another_freelancers_answers_file_does_not_replace_the_profile_unasked() {
    let work = tempfile::tempdir().unwrap();
    let profile = work.path().join("me.yaml");
    let saved = "freelancer:\n  name: Lena Hoffmann\n  email: lena@hoffmann.example\n";
    std::fs::write(&profile, saved).unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let answers = example("first-time-us.yaml");
    let profile_arg = profile.display().to_string();
    let session = Session::start(
        &out,
        &["new", "--answers", &answers, "--profile", &profile_arg],
        &[],
    );
    session.keys("Is everything right?", &["Enter"]);
    session.wait_for(&format!("Your profile ({profile_arg}) would change:"));
    session.wait_for("  name: Lena Hoffmann → Maya Lindqvist");
    session.wait_for("  business: — → Prairie Pixel Studio");
    // Enter keeps the default, which for an answers file's details is no.
    session.keys("Save them to your profile?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    session.wait_for("Your profile was not changed.");
    assert_eq!(std::fs::read_to_string(&profile).unwrap(), saved);
    assert!(out.join("capitol-bakery-cafe-llc-contract.md").exists());
}

#[test]
fn an_amount_that_reads_two_ways_is_asked_about() {
    let work = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    // The first-time example without its fee: the fee is the one question asked.
    let example = std::fs::read_to_string(example("first-time-us.yaml")).unwrap();
    let without_fee = example.replace("  total: \"6400.00\"\n", "");
    assert_ne!(without_fee, example);
    let answers = inputs.path().join("capitol.yaml");
    std::fs::write(&answers, without_fee).unwrap();
    let answers = answers.display().to_string();
    let profile = inputs.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
    );
    session.answer("Your fee for the project", "6.400");
    session.wait_for("? 6.400 reads two ways: which amount did you mean?");
    session.wait_for("$6,400.00 (the . groups thousands)");
    session.wait_for("$6.40 (the . comes before the cents)");
    // Esc asks the amount again, as typed; then the first reading is picked.
    session.tmux(&["send-keys", "-t", "0", "Escape"]);
    session.wait_for("? 6.400 reads two ways: which amount did you mean? <canceled>");
    // Typed once, and there again to edit.
    let typed = "Your fee for the project (the fixed price, or your estimate of the total) 6.400";
    session.wait_for_count(typed, 2);
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    session.wait_for_count("6.400 reads two ways", 2);
    // The list's last option goes back too.
    session.wait_for("← Back to the question before");
    session.tmux(&["send-keys", "-t", "0", "Up", "Enter"]);
    session.wait_for_count(typed, 3);
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    session.wait_for_count("6.400 reads two ways", 3);
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    session.wait_for("  your fee for the project: $6,400.00\n");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let contract =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    assert!(contract.contains("$6,400.00"), "{contract}");
    let saved =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    assert!(saved.contains("  total: \"6400\"\n"), "{saved}");
}

/// The İstanbul example without the parties and its language, which the Turkish interview
/// below asks.
fn istanbul_without_the_parties() -> String {
    let text = std::fs::read_to_string(example("tr-istanbul.yaml")).unwrap();
    let mut section = "";
    let mut kept = Vec::new();
    for line in text.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') {
            section = line.split(':').next().unwrap_or("");
        }
        let keep = match section {
            "client" => false,
            "freelancer" => !line.starts_with("  ") || line.starts_with("  profession:"),
            _ => line != "  language: tr",
        };
        if keep {
            kept.push(line);
        }
    }
    kept.join("\n") + "\n"
}

/// The questions of the Turkish interview about the freelancer and the client, with a mistake
/// corrected on the way.
fn answer_the_parties_in_turkish(session: &Session) {
    session.wait_for("Durmak için Esc ya da Ctrl-C’ye basın");
    // The help under the question, in Turkish.
    session.wait_for("Kimliğinizde yazdığı gibi.");
    session.answer("Resmî adınız ve soyadınız", "Elif Şahin");
    session.answer("Varsa ticari adınız", "");
    session.keys("Sözleşmede sizin tarafınızda kim yer alıyor?", &["Enter"]);
    session.answer(
        "Proje yazışmaları ve resmî bildirimler için",
        "elif@elifsahin",
    );
    session.wait_for(
        "“elif@elifsahin” bir e-posta adresi değil; ad@ornek.com gibi bir e-posta adresi yazın.",
    );
    session.answer("Proje yazışmaları ve resmî bildirimler için", ".example");
    session.answer(
        "Ülke koduyla birlikte telefon numaranız",
        "+90 232 555 0183",
    );
    session.answer(
        "Posta adresiniz",
        "Alsancak Mahallesi, Kıbrıs Şehitleri Caddesi No. 52 D. 3, 35220 Konak, İzmir, Türkiye",
    );
    session.answer("Müşterinin tam resmî adı", "Boğaziçi Gıda Ticaret A.Ş.");
    session.answer("Müşteri bir şirketse", "Gökhan Öztürk");
    // A contact person makes the client a company by default.
    session.keys("Müşteri bir kişi mi, bir şirket mi?", &["Enter"]);
    session.answer(
        "Müşterinin şirket türü",
        "İstanbul Ticaret Sicili’ne kayıtlı bir anonim şirket",
    );
    session.answer(
        "Müşteri adına imzalayacak kişinin unvanı",
        "Pazarlama Müdürü",
    );
    session.answer(
        "Müşterinin e-posta adresi",
        "gokhan.ozturk@bogazicigida.example",
    );
    session.answer(
        "Ülke koduyla birlikte müşterinin telefon numarası",
        "+90 216 555 0129",
    );
    session.answer(
        "Müşterinin posta adresi",
        "Kozyatağı Mahallesi, Değirmen Sokak No. 18, 34742 Kadıköy, İstanbul, Türkiye",
    );
}

#[test]
fn the_interview_in_turkish_asks_and_sums_up_in_turkish_and_writes_the_turkish_contract() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let given = work.path().join("istanbul.yaml");
    std::fs::write(&given, istanbul_without_the_parties()).unwrap();
    let config = work.path().join("config").display().to_string();
    let state = work.path().join("state").display().to_string();
    let session = Session::start(
        &out,
        &[
            "new",
            "--lang",
            "tr",
            "--format",
            "md",
            "--answers",
            &given.display().to_string(),
        ],
        &[
            ("XDG_CONFIG_HOME", &config),
            ("XDG_STATE_HOME", &state),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    );
    answer_the_parties_in_turkish(&session);
    // What the example leaves out: its scope is in words (no itemized list), no proposal,
    // credit line, stages or payment details; the default monthly rate (which the law's
    // rate replaces) and the table's reference rates.
    session.answer("Teslim edeceklerinizi tek tek", "");
    session.answer("Varsa sözleşmeye eklenecek yazılı teklifin", "");
    session.answer("Varsa bitmiş işte adınızı anacak satır", "");
    session.answer("Bakiyenin tamamını sonda almak yerine", "");
    session.answer("Müşteri size nasıl ödeme yapacak", "");
    session.answer("Vadesi geçen tutarlara işleyecek faiz", "");
    session.answer("clausewright’ın tablosunun henüz kapsamadığı", "");
    // The summary, in Turkish: its sections, labels and values.
    session.wait_for("? Her şey doğru mu?");
    let screen = session.screen();
    for words in [
        // Yes and no in Turkish.
        "listelemek ister misiniz? Hayır",
        "Özet",
        "Müşteri\n",
        "Ücret ve ödeme\n",
        "186.000,00 TL",
        "Türk lirası (TL)",
        "%30",
        "25 Mayıs 2026",
        "Türkçe",
        "Evet: sözleşmeyi ve yanıt dosyasını yaz",
    ] {
        assert!(
            screen.contains(words),
            "{words:?} is not on the screen:\n{screen}"
        );
    }
    assert!(!screen.contains("Is everything right?"), "{screen}");
    session.keys("Her şey doğru mu?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    session.wait_for("Bir yanıtı sonradan değiştirmek için");
    // The contract is the example's, word for word: the answers are the same.
    let contract =
        std::fs::read_to_string(out.join("bogazici-gida-ticaret-a-s-contract.md")).unwrap();
    let expected = std::fs::read_to_string(
        Path::new(ROOT).join("tests/fixtures/examples/tr-istanbul/contract.md"),
    )
    .unwrap();
    assert_eq!(contract, expected);
    let answers =
        std::fs::read_to_string(out.join("bogazici-gida-ticaret-a-s.answers.yaml")).unwrap();
    assert!(answers.contains("  language: \"tr\""), "{answers}");
}

#[test]
fn a_phone_without_its_country_code_is_caught_and_a_date_can_be_said_in_words() {
    let work = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(example("first-time-us.yaml")).unwrap();
    let edited = example
        .replace("  phone: \"+1 217 555 0142\"\n", "")
        .replace("  start: 2026-03-16\n", "");
    assert!(!edited.contains("start:") && edited.matches("phone:").count() == 1);
    let answers = inputs.path().join("capitol.yaml");
    std::fs::write(&answers, edited).unwrap();
    let answers = answers.display().to_string();
    let profile = inputs.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[("SOURCE_DATE_EPOCH", EPOCH)],
    );
    session.answer("Your phone number", "555-0100");
    session.wait_for(
        "The answer is \"555-0100\"; expected a phone number such as +1 217 555 0142 (the country \
         code is missing: start with + and the country's code, such as +1 for the United States",
    );
    for _ in 0..8 {
        session.tmux(&["send-keys", "-t", "0", "BSpace"]);
    }
    session.answer("Your phone number", "+1 217 555 0142");
    // 2026-03-02 is a Monday: next Monday is a week on.
    session.answer("When will work start?", "next monday");
    session.wait_for("next monday: March 9, 2026.");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let saved =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    assert!(saved.contains("  start: 2026-03-09\n"), "{saved}");
    assert!(saved.contains("  phone: \"+1 217 555 0142\"\n"), "{saved}");
}

/// `new --lang tr` in `out`, with the answers `given`, the config and state folders in `work`,
/// on 2 March 2026.
fn turkish_session(work: &Path, out: &Path, given: &Path) -> Session {
    let config = work.join("config").display().to_string();
    let state = work.join("state").display().to_string();
    Session::start(
        out,
        &[
            "new",
            "--lang",
            "tr",
            "--format",
            "md",
            "--answers",
            &given.display().to_string(),
        ],
        &[
            ("XDG_CONFIG_HOME", &config),
            ("XDG_STATE_HOME", &state),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    )
}

#[test]
fn a_turkish_interview_says_why_it_refuses_an_answer_takes_a_turkish_date_and_sums_up_in_turkish() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let example = std::fs::read_to_string(example("tr-istanbul.yaml")).unwrap();
    let edited = example
        .replace("  phone: \"+90 232 555 0183\"\n", "")
        .replace("  start: 2026-06-01\n", "");
    assert!(!edited.contains("start:") && edited.matches("phone:").count() == 1);
    let given = work.path().join("istanbul.yaml");
    std::fs::write(&given, edited).unwrap();
    let session = turkish_session(work.path(), &out, &given);
    // A phone number without its country code: the reason, in Turkish, as detailed as the
    // English one.
    session.answer("Varsa ticari adınız", "");
    let typed = "0232 555 01 83";
    session.answer("Ülke koduyla birlikte telefon numaranız", typed);
    session.wait_for(
        "“0232 555 01 83” kabul edilmedi: ülke kodu eksik; + ve ülkenin koduyla başlayın, \
         örneğin Türkiye için +90, Almanya için +49; +90 212 555 01 42 gibi bir telefon \
         numarası yazın.",
    );
    for _ in 0..typed.chars().count() {
        session.tmux(&["send-keys", "-t", "0", "BSpace"]);
    }
    session.answer(
        "Ülke koduyla birlikte telefon numaranız",
        "+90 232 555 0183",
    );
    session.answer("Teslim edeceklerinizi tek tek", "");
    session.answer("Varsa sözleşmeye eklenecek yazılı teklifin", "");
    // A day February does not have, then a date said in Turkish.
    // The help names the Turkish forms.
    session.wait_for("bugün, yarın, +2h (iki hafta sonra), 3 gün sonra");
    session.answer("İşe ne zaman başlayacaksınız?", "2026-02-30");
    session.wait_for(
        "“2026-02-30” bir tarih değil: Şubat 2026 yalnızca 28 gün çeker; YYYY-AA-GG biçiminde \
         bir tarih yazın.",
    );
    for _ in 0.."2026-02-30".len() {
        session.tmux(&["send-keys", "-t", "0", "BSpace"]);
    }
    // 2 March 2026 is a Monday: "haftaya cuma" is the Friday of next week.
    session.answer("İşe ne zaman başlayacaksınız?", "haftaya cuma");
    session.wait_for("haftaya cuma: 13 Mart 2026.");
    for question in [
        "Varsa bitmiş işte adınızı anacak satır",
        "Bakiyenin tamamını sonda almak yerine",
        "Müşteri size nasıl ödeme yapacak",
        "Vadesi geçen tutarlara işleyecek faiz",
        "clausewright’ın tablosunun henüz kapsamadığı",
    ] {
        session.answer(question, "");
    }
    // The agreement's date, read from the file, comes after the start: said in Turkish.
    session.wait_for(
        "Not: iş 13 Mart 2026 tarihinde, yani sözleşme tarihinden (25 Mayıs 2026) önce başlıyor.",
    );
    session.keys("Her şey doğru mu?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    session.wait_for("Bir yanıtı sonradan değiştirmek için");
    // What `new` says at the end, in Turkish: the clauses in and out, the files written, the
    // profile saved.
    let screen = session.screen();
    for words in [
        "dahil      1. Taraflar ve Yürürlük",
        "dışarıda      Önceki Projeler (ilişki: Hayır, bu yeni bir müşteri)",
        "bogazici-gida-ticaret-a-s-contract.md dosyası yazıldı",
        "Bilgileriniz ",
    ] {
        assert!(
            screen.contains(words),
            "{words:?} is not on the screen:\n{screen}"
        );
    }
    for english in [
        "included",
        "left out",
        "wrote ",
        "Note:",
        "saved your details",
    ] {
        assert!(
            !screen.contains(english),
            "{english:?} is on the screen:\n{screen}"
        );
    }
    // The answers file's comments are Turkish; the date is kept as a date.
    let answers =
        std::fs::read_to_string(out.join("bogazici-gida-ticaret-a-s.answers.yaml")).unwrap();
    assert_turkish_comments(&answers);
    assert!(answers.contains("  start: 2026-03-13\n"), "{answers}");
    let profile =
        std::fs::read_to_string(work.path().join("config/clausewright/profile.yaml")).unwrap();
    assert!(
        profile.starts_with("# `clausewright new` tarafından her sözleşmede size önerilen"),
        "{profile}"
    );
}

/// Checks that the comments of an answers file `new` saved are Turkish: its header, the
/// schema line's sentence, the sections' headings.
fn assert_turkish_comments(answers: &str) {
    for turkish in [
        "\n# `clausewright new` ile kaydedilen yanıtlar. İstediğiniz değeri düzenleyin, sonra\n",
        "# Şemayı bu dosyanın yanına yazdığınızda düzenleyiciniz",
        "\n# Siz\nfreelancer:\n",
    ] {
        assert!(
            answers.contains(turkish),
            "{turkish:?} is not in:\n{answers}"
        );
    }
    for english in ["Answers saved by", "Editors", "\n# You\n"] {
        assert!(!answers.contains(english), "{english:?} is in:\n{answers}");
    }
}

/// The first-time example without the `blocks` of these top-level keys (`late_fee:`), written
/// as an answers file in `dir`; its path.
fn first_time_without(dir: &Path, blocks: &[&str]) -> String {
    let text = std::fs::read_to_string(example("first-time-us.yaml")).unwrap();
    let mut kept = Vec::new();
    let mut dropping = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            dropping = blocks.contains(&line);
        }
        if !dropping {
            kept.push(line);
        }
    }
    let path = dir.join("capitol.yaml");
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path.display().to_string()
}

#[test]
fn each_question_shows_where_it_stands_what_it_does_and_the_way_back() {
    let work = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let answers = first_time_without(
        inputs.path(),
        &[
            "deposit:",
            "late_fee:",
            "kill_fee:",
            "rights:",
            "portfolio:",
            "non_solicitation:",
        ],
    );
    let profile = inputs.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[("SOURCE_DATE_EPOCH", EPOCH)],
    );
    // The deposit, then the offer and the eight safeguards: ten questions.
    session.wait_for("Money · question 1 of 1 · 1 of 10");
    session.wait_for("Type < to go back one question.");
    session.answer("Deposit, as a percentage of the fee", "50");
    session.wait_for(
        "A 50% deposit: the client pays $3,200.00 of your $6,400.00 fee before any work starts.",
    );
    session.wait_for("The recommended safeguards:");
    session.wait_for("  a warning after 15 business days of silence, then you may end the work\n");
    // `<` goes back to the deposit, its answer offered.
    session.answer("Use all recommended safeguards?", "<");
    session.wait_for_count("Money · question 1 of 1 · 1 of 10", 2);
    session.answer("Deposit, as a percentage of the fee", "");
    session.wait_for_count("Use all recommended safeguards?", 2);
    session.answer("Use all recommended safeguards?", "n");
    session.wait_for("Safeguards · question 2 of 9 · 3 of 10");
    session.answer("Charge interest on overdue invoices?", "");
    session.answer("Interest on overdue amounts", "");
    // $3,200.00 × 1.5% × 12 ÷ 365 × 30 days.
    session.wait_for(
        "1.5% a month: an invoice of $3,200.00 paid thirty days late carries $47.34 of interest.",
    );
    session.answer("Let yourself end the work", "");
    session.answer("Business days without an answer", "");
    session
        .wait_for("If the client leaves a request unanswered for 15 business days, you may warn");
    session.answer("Cancellation fee", "20");
    session.wait_for(
        "A 20% cancellation fee: with $3,200.00 of the fee unearned, the client pays $640.00 \
         more than the work done (the deposit counts towards it).",
    );
    session.answer("Keep all rights in your work", "");
    // In a list, the last option goes back.
    session.wait_for("← Back to the question before");
    session.keys("Who owns the copyright", &["Down", "Down", "Enter"]);
    session.wait_for_count("Keep all rights in your work", 2);
    session.answer("Keep all rights in your work", "");
    session.keys("Who owns the copyright", &["Enter"]);
    session.wait_for("Safeguards · question 9 of 9 · 10 of 10");
    session.answer("Agree that, for a year", "");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    // The answers are the example's: the same contract.
    let contract =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    let expected = std::fs::read_to_string(
        Path::new(ROOT).join("tests/fixtures/examples/first-time-us/contract.md"),
    )
    .unwrap();
    assert_eq!(contract, expected);
}

#[test]
fn all_recommended_safeguards_in_one_answer_and_the_turkish_interview_says_what_answers_do() {
    let work = tempfile::tempdir().unwrap();
    let given = work.path().join("istanbul.yaml");
    let text = istanbul_without_the_parties()
        .replace("deposit:\n  percent: \"30\"\n", "")
        .replace("  venue: İstanbul\n", "");
    let mut kept = Vec::new();
    let mut dropping = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            dropping = ["kill_fee:", "rights:", "non_solicitation:"].contains(&line);
        }
        if !dropping {
            kept.push(line);
        }
    }
    std::fs::write(&given, kept.join("\n") + "\n").unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let config = work.path().join("config").display().to_string();
    let state = work.path().join("state").display().to_string();
    let session = Session::start(
        &out,
        &[
            "new",
            "--lang",
            "tr",
            "--format",
            "md",
            "--answers",
            &given.display().to_string(),
        ],
        &[
            ("XDG_CONFIG_HOME", &config),
            ("XDG_STATE_HOME", &state),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    );
    answer_the_parties_in_turkish(&session);
    session.wait_for("Siz · soru 1/");
    session.wait_for("Bir önceki soruya dönmek için < yazın.");
    session.answer("Teslim edeceklerinizi tek tek", "");
    session.answer("Varsa sözleşmeye eklenecek yazılı teklifin", "");
    session.answer("Varsa bitmiş işte adınızı anacak satır", "");
    session.answer("Uyuşmazlıklara hangi şehrin", "İstanbul");
    session.wait_for(
        "Sözleşmede şöyle yazacak: “… her uyuşmazlık ve talepte İstanbul mahkemeleri ve icra \
         daireleri yetkilidir …”",
    );
    session.answer("İş başlamadan ödenecek kapora", "30");
    session.wait_for(
        "%30 kapora: müşteri, 186.000,00 TL tutarındaki ücretinizin 55.800,00 TL tutarındaki \
         kısmını iş başlamadan önce öder.",
    );
    session.answer("Bakiyenin tamamını sonda almak yerine", "");
    session.answer("Müşteri size nasıl ödeme yapacak", "");
    session.wait_for("Önerilen güvenceler:");
    // Enter takes every recommended safeguard: none of them is asked.
    session.answer("Önerilen güvencelerin hepsi kullanılsın mı?", "");
    session.answer("clausewright’ın tablosunun henüz kapsamadığı", "");
    session.wait_for("? Her şey doğru mu?");
    let screen = session.screen();
    assert!(
        !screen.contains("? Müşteri vazgeçer ya da sessiz kalırsa"),
        "a recommended safeguard was asked:\n{screen}"
    );
    session.keys("Her şey doğru mu?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let answers =
        std::fs::read_to_string(out.join("bogazici-gida-ticaret-a-s.answers.yaml")).unwrap();
    for recommended in [
        "kill_fee:\n  enabled: true\n  silence_days: 15\n  percent: \"0\"\n",
        "rights:\n  transfer_on_full_payment: true\n",
        "non_solicitation:\n  enabled: false\n",
    ] {
        assert!(
            answers.contains(recommended),
            "{recommended:?} is not in:\n{answers}"
        );
    }
}

#[test]
fn a_summary_taller_than_the_window_is_shown_a_page_at_a_time() {
    let work = tempfile::tempdir().unwrap();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start_window(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
        200,
        30,
    );
    session.wait_for("? Summary, page 1 of 3");
    let first = session.screen();
    assert!(first.contains("Capitol Bakery & Café LLC"), "{first}");
    assert!(
        !first.contains("no promise about hiring each other's staff"),
        "the first page shows only what fits:\n{first}"
    );
    session.keys("Summary, page 1 of 3", &["Enter"]);
    session.keys("Summary, page 2 of 3", &["Enter"]);
    session.wait_for("no promise about hiring each other's staff");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    assert!(
        work.path()
            .join("capitol-bakery-cafe-llc-contract.md")
            .exists()
    );
}

#[test]
fn the_mistakes_of_a_turkish_answers_file_and_profile_are_said_in_turkish_before_the_interview() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // A Turkish answers file (`agreement.language: tr`), no --lang: a key mistyped and a number
    // YAML reads as hexadecimal; a saved phone number without its country code.
    let example = std::fs::read_to_string(example("tr-istanbul.yaml")).unwrap();
    let edited = example
        .replace("client:\n  name:", "client:\n  nmae: Boğaziçi\n  name:")
        .replace("  review_days: 5\n", "  review_days: 0x5\n");
    assert!(edited.contains("nmae") && edited.contains("0x5"));
    let given = work.path().join("istanbul.yaml");
    std::fs::write(&given, edited).unwrap();
    let config = work.path().join("config");
    std::fs::create_dir_all(config.join("clausewright")).unwrap();
    std::fs::write(
        config.join("clausewright/profile.yaml"),
        "freelancer:\n  phone: \"0232 555 01 83\"\n",
    )
    .unwrap();
    let state = work.path().join("state").display().to_string();
    let session = Session::start(
        &out,
        &[
            "new",
            "--format",
            "md",
            "--answers",
            &given.display().to_string(),
        ],
        &[
            ("XDG_CONFIG_HOME", &config.display().to_string()),
            ("XDG_STATE_HOME", &state),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    );
    let name = given.display().to_string();
    for said in [
        "uyarı: `client.nmae` diye bir anahtar yok; şunu mu demek istediniz: `client.name`?",
        "uyarı: `acceptance.review_days` için 0x5 yazılmış (YAML bunu on altılık tabanda bir sayı \
         olarak okur); sayıyı 12 ya da 1250.00 gibi yalnızca rakamlarla yazın",
        &format!("{name} dosyasındaki bu satırlar dikkate alınmıyor."),
        "uyarı: `freelancer.phone` önerilmiyor. “0232 555 01 83” kabul edilmedi: ülke kodu eksik;",
        // The interview is held in the file's language from its first word.
        "Tek bir müşteri için sözleşme hazırlamak üzere",
        "? Varsa ticari adınız",
    ] {
        session.wait_for(said);
    }
    let screen = session.screen();
    for english in [
        "warning",
        "unknown key",
        "did you mean",
        "is written",
        "These lines",
        "not offered",
        "Answer the questions",
    ] {
        assert!(
            !screen.contains(english),
            "{english:?} is on the screen:\n{screen}"
        );
    }
    session.tmux(&["send-keys", "-t", "0", "C-c"]);
    assert_eq!(session.exit_code(), 130, "{}", session.screen());
}

#[test]
fn a_summary_page_in_a_narrow_window_fits_its_wrapped_lines() {
    let work = tempfile::tempdir().unwrap();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start_window(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
        60,
        30,
    );
    session.wait_for("? Summary, page 1 of ");
    let screen = session.screen();
    let pages: usize = screen
        .split("Summary, page 1 of ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("the number of pages");
    // Each page is on the window whole: its first line has not scrolled off when the
    // question under it is asked, though lines wider than sixty columns take two rows.
    let visible = |session: &Session| session.tmux(&["capture-pane", "-p", "-t", "0"]);
    let first = visible(&session);
    assert!(
        first.contains("your legal name: Maya Lindqvist"),
        "the top of page 1 has scrolled off:\n{first}"
    );
    for page in 1..pages {
        let question = format!("Summary, page {page} of {pages}");
        session.keys(&question, &["Enter"]);
        let next = format!("Summary, page {} of {pages}", page + 1);
        if page + 1 < pages {
            session.wait_for(&format!("? {next}"));
        }
    }
    session.wait_for("? Is everything right?");
    let last = visible(&session);
    assert!(last.contains("disputes go to court"), "{last}");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
}

#[test]
fn a_list_is_wrapped_at_spaces_and_drawn_again_as_soon_as_the_window_is_resized() {
    let work = tempfile::tempdir().unwrap();
    let answers = example_without(work.path(), &["mode:"]);
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start_sized(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
        40,
    );
    let long = "The copyright passes to the client, and I keep a licence to show the work in my \
                portfolio";
    // The rows of the list, from its question to the end of its help: none wider than the
    // window, and the long option whole once its rows are joined.
    let frame = |columns: usize| {
        let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
        let rows = rows_between(&screen, "? Who owns the copyright", "choose)]");
        for row in &rows {
            assert!(
                row.trim_end().chars().count() <= columns,
                "{row:?} is wider than {columns}:\n{screen}"
            );
        }
        let joined: Vec<&str> = rows.iter().map(|row| row.trim()).collect();
        (rows.len(), joined.join(" "), screen)
    };
    session.wait_for("choose)]");
    let (narrow, joined, screen) = frame(40);
    assert!(joined.contains(long), "{screen}");
    // Wider: drawn again at once, with no key pressed, in fewer rows.
    session.tmux(&["resize-window", "-t", "0", "-x", "100"]);
    let start = Instant::now();
    let wide = loop {
        let (rows, joined, screen) = frame(100);
        if rows < narrow && joined.contains(long) {
            assert!(screen.contains(&format!("  {long}\n")), "{screen}");
            break rows;
        }
        assert!(start.elapsed() < PATIENCE, "not drawn again:\n{screen}");
        std::thread::sleep(Duration::from_millis(40));
    };
    // Narrower again: drawn over its old rows, once.
    session.tmux(&["resize-window", "-t", "0", "-x", "36"]);
    let start = Instant::now();
    loop {
        let (rows, joined, screen) = frame(36);
        if rows > wide && joined.contains(long) {
            assert_eq!(
                screen.matches("? Who owns the copyright").count(),
                1,
                "{screen}"
            );
            break;
        }
        assert!(start.elapsed() < PATIENCE, "not drawn again:\n{screen}");
        std::thread::sleep(Duration::from_millis(40));
    }
    // The keys still pick: the second option.
    session.keys("Who owns the copyright", &["Down", "Enter"]);
    // The summary is paged in a window this narrow: write the contract from its first page.
    session.keys("Summary, page 1 of", &["Down", "Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let saved =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc.answers.yaml")).unwrap();
    assert!(
        saved.contains("mode: \"transfer-keep-portfolio-license\""),
        "{saved}"
    );
}

#[test]
fn typing_filters_the_answers_to_change_and_back_returns_to_the_summary_keeping_the_answer() {
    let work = tempfile::tempdir().unwrap();
    let answers = example("first-time-us.yaml");
    let profile = work.path().join("profile.yaml").display().to_string();
    let session = Session::start(
        work.path(),
        &["new", "--answers", &answers, "--profile", &profile],
        &[],
    );
    session.keys("Is everything right?", &["Down", "Enter"]);
    session.wait_for("? Which answer do you want to change?");
    session.tmux(&["send-keys", "-t", "0", "-l", "sangamon"]);
    session.wait_for("> The place › courts of: Sangamon County");
    let screen = session.tmux(&["capture-pane", "-p", "-t", "0"]);
    assert!(!screen.contains("Your full legal name"), "{screen}");
    assert!(
        !screen.contains("You › name"),
        "only what holds the filter:\n{screen}"
    );
    session.tmux(&["send-keys", "-t", "0", "Enter"]);
    // The answer is there to edit; `<` alone goes back to the summary and keeps it.
    session.wait_for("Type < to go back to the summary and keep the answer.");
    session.tmux(&["send-keys", "-t", "0", "C-u"]);
    session.answer("The city or county whose courts hear disputes", "<");
    session.wait_for_count("Is everything right?", 2);
    session.wait_for("  disputes are heard by the courts of Sangamon County\n");
    session.keys("Is everything right?", &["Enter"]);
    assert_eq!(session.exit_code(), 0, "{}", session.screen());
    let contract =
        std::fs::read_to_string(work.path().join("capitol-bakery-cafe-llc-contract.md")).unwrap();
    assert!(contract.contains("Sangamon County"), "{contract}");
}

#[test]
fn without_a_terminal_a_turkish_new_says_so_in_turkish() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(["new", "--lang", "tr"])
        .current_dir(work.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "hata: `clausewright new` sorularını bir terminalde sorar, ancak standart girdisi, \
             çıktısı ve hata çıktısı bir terminale bağlı değil.\nTerminal olmadan yanıtları bir \
             dosyaya yazın ve sözleşmeyi o dosyadan oluşturun:\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("    clausewright build yanitlar.yaml\n"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("error") && !stderr.contains("terminal, but"),
        "{stderr}"
    );
    assert_eq!(listing(work.path()), Vec::<String>::new());
}

#[test]
fn an_answers_file_new_cannot_read_stops_a_turkish_interview_in_turkish() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let turkish = "agreement:\n  language: tr\nclient:\n";
    // (the file, --lang, what is said, at which line and column)
    let cases: [(String, &[&str], &str, &str); 4] = [
        (
            format!("{turkish}  name: [Boğaziçi\n"),
            &[],
            "hata: dosya bu noktada YAML olarak okunamıyor; girintiyi, `anahtar: değer` biçimini \
             ve tırnakları denetleyin (YAML okuyucusunun İngilizce iletisi:",
            ":4:",
        ),
        (
            format!("{turkish}  name: Boğaziçi\n  name: Ege\n"),
            &[],
            "hata: `name` aynı yerde iki kez yazılmış; birini silin",
            ":5:3",
        ),
        (
            format!("{turkish}  name: !!binary QQ==\n"),
            &[],
            "hata: `!!binary` YAML etiketine izin verilmiyor: değeri etiketsiz, düz yazın",
            ":4:9",
        ),
        (
            "- Boğaziçi\n".to_owned(),
            &["--lang", "tr"],
            "hata: yanıt dosyası `anahtar: değer` satırlarıyla yazılır; örneğin `client:` satırı \
             ve altında `  name: Acme Ltd`",
            ":1:1",
        ),
    ];
    for (index, (text, lang, said, place)) in cases.iter().enumerate() {
        let given = work.path().join(format!("yanitlar-{index}.yaml"));
        std::fs::write(&given, text).unwrap();
        let name = given.display().to_string();
        let mut args = vec!["new", "--format", "md", "--answers", name.as_str()];
        args.extend_from_slice(lang);
        let session = Session::start(
            &out,
            &args,
            &[
                (
                    "XDG_CONFIG_HOME",
                    &work.path().join("config").display().to_string(),
                ),
                (
                    "XDG_STATE_HOME",
                    &work.path().join("state").display().to_string(),
                ),
                ("SOURCE_DATE_EPOCH", EPOCH),
            ],
        );
        assert_eq!(session.exit_code(), 1, "{}", session.screen());
        let screen = session.screen();
        // Said in Turkish, located: the file, line and column, the line and a caret.
        assert!(
            screen.contains(said),
            "{said:?} is not on the screen:\n{screen}"
        );
        assert!(
            screen.contains(&format!("--> {name}{place}")),
            "{place} is not on the screen:\n{screen}"
        );
        assert!(screen.contains('^'), "{screen}");
        assert!(screen.contains("1 hata, 0 uyarı"), "{screen}");
        for english in ["error", "given twice", "not allowed", "is a mapping"] {
            assert!(
                !screen.contains(english),
                "{english:?} is on the screen:\n{screen}"
            );
        }
    }
    assert_eq!(listing(&out), Vec::<String>::new());
}

/// `new --lang tr --format md ARGS` started in `out`, with its config and state folders in
/// `work`.
fn turkish_new(work: &Path, out: &Path, args: &[&str]) -> Session {
    let mut all = vec!["new", "--lang", "tr", "--format", "md"];
    all.extend_from_slice(args);
    Session::start(
        out,
        &all,
        &[
            (
                "XDG_CONFIG_HOME",
                &work.join("config").display().to_string(),
            ),
            ("XDG_STATE_HOME", &work.join("state").display().to_string()),
            ("SOURCE_DATE_EPOCH", EPOCH),
        ],
    )
}

#[test]
fn a_profile_or_answers_file_a_turkish_new_cannot_read_is_said_in_turkish() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let profile = work.path().join("profil.yaml");
    let profile_arg = profile.display().to_string();
    let missing = work.path().join("yok.yaml").display().to_string();
    let folder = work.path().display().to_string();
    // (the profile's text, the options after `new --lang tr --format md`, what is said)
    let cases: [(&str, Vec<&str>, String); 4] = [
        (
            "freelancer:\n  name: [Elif\n",
            vec!["--profile", &profile_arg],
            format!(
                "hata: dosya bu noktada YAML olarak okunamıyor; girintiyi, `anahtar: değer` \
                 biçimini ve tırnakları denetleyin (YAML okuyucusunun İngilizce iletisi: \
                 “unclosed bracket '['”)\n --> {profile_arg}:2:9\n  |\n2 |   name: [Elif\n  |         \
                 ^\n\n1 hata, 0 uyarı"
            ),
        ),
        (
            "- Elif Şahin\n",
            vec!["--profile", &profile_arg],
            format!(
                "hata: yanıt dosyası `anahtar: değer` satırlarıyla yazılır; örneğin `client:` \
                 satırı ve altında `  name: Acme Ltd`\n --> {profile_arg}:1:1\n"
            ),
        ),
        (
            "",
            vec!["--answers", &missing],
            format!("hata: {missing} okunamadı: böyle bir dosya yok"),
        ),
        (
            "",
            vec!["--answers", &folder],
            format!(
                "hata: {folder}: düzenli bir dosya değil; yalnızca metin dosyaları okunur\n\n\
                 1 hata, 0 uyarı"
            ),
        ),
    ];
    for (text, options, said) in &cases {
        std::fs::write(&profile, text).unwrap();
        let session = turkish_new(work.path(), &out, options);
        let (code, screen) = (session.exit_code(), session.screen());
        assert_eq!(code, 1, "{screen}");
        assert!(
            screen.contains(said.as_str()),
            "{said:?} is not on the screen:\n{screen}"
        );
        for english in ["error", "mapping", "No such file", "regular file"] {
            assert!(
                !screen.contains(english),
                "{english:?} is on the screen:\n{screen}"
            );
        }
        // Nothing written, the profile as it was.
        assert_eq!(listing(&out), Vec::<String>::new());
        assert_eq!(std::fs::read_to_string(&profile).unwrap(), *text);
    }
}

#[test]
fn a_profile_key_of_the_wrong_shape_is_warned_about_in_turkish() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let profile = work.path().join("profil.yaml");
    let saved = "freelancer:\n  name: [Elif, Şahin]\n  email: elif@elifsahin.example\n";
    std::fs::write(&profile, saved).unwrap();
    let profile_arg = profile.display().to_string();
    let session = turkish_new(work.path(), &out, &["--profile", &profile_arg]);
    session.wait_for(&format!(
        "{profile_arg} dosyasındaki bu satırlar dikkate alınmıyor."
    ));
    let screen = session.screen();
    assert!(
        screen.contains(&format!(
            "uyarı: `freelancer.name` tek bir değer alır, bir liste ya da alt anahtarlar değil\n \
             --> {profile_arg}:2:3\n"
        )),
        "{screen}"
    );
    // The interview goes on: the name refused is asked.
    session.keys("Resmî adınız ve soyadınız", &["C-c"]);
    assert_eq!(session.exit_code(), 130, "{}", session.screen());
    assert!(
        session.screen().contains("görüşme durduruldu"),
        "{}",
        session.screen()
    );
    assert_eq!(std::fs::read_to_string(&profile).unwrap(), saved);
    assert_eq!(listing(&out), Vec::<String>::new());
}
