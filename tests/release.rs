//! The release: the workflow in `.github/workflows/release.yml` parses and builds every
//! platform, and the scripts it runs (`dist/`) package a binary, install it without Rust and
//! describe it to Homebrew. The scripts run here on this machine's binary.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use crate::support::root;

/// The platforms a release serves, as Rust target triples.
const TARGETS: [&str; 6] = [
    "x86_64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
];

fn workflow() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    serde_saphyr::from_str(&text).expect("release.yml is YAML")
}

/// Every target triple named in `text`.
fn triples(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|word| {
            ["-unknown-linux-", "-apple-darwin", "-pc-windows-"]
                .iter()
                .any(|vendor| word.contains(vendor))
        })
        .map(|word| word.trim_start_matches("clausewright-").to_owned())
        .collect()
}

#[test]
fn the_workflow_builds_every_platform_on_a_tag() {
    let workflow = workflow();
    let tags = &workflow["on"]["push"]["tags"];
    assert!(tags.as_array().is_some_and(|t| !t.is_empty()), "{tags}");
    let matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("the build job has a matrix");
    let built: BTreeSet<&str> = matrix
        .iter()
        .map(|entry| {
            entry["target"]
                .as_str()
                .expect("every entry names a target")
        })
        .collect();
    assert_eq!(built, TARGETS.into_iter().collect());
    for entry in matrix {
        let runner = entry["runner"].as_str().unwrap_or_default();
        let target = entry["target"].as_str().unwrap();
        // Every binary runs where it is built, so it is tested there before it is packaged.
        let native = match runner {
            r if r.starts_with("ubuntu-") && r.ends_with("-arm") => {
                target.starts_with("aarch64-") && target.contains("linux")
            }
            r if r.starts_with("ubuntu-") => {
                target.starts_with("x86_64-") && target.contains("linux")
            }
            "macos-13" => target == "x86_64-apple-darwin",
            r if r.starts_with("macos-") => target == "aarch64-apple-darwin",
            r if r.starts_with("windows-") => target.contains("windows"),
            _ => false,
        };
        assert!(native, "{target} is built on {runner}, which cannot run it");
    }
    let steps = serde_json::to_string(&workflow["jobs"]["build"]["steps"]).unwrap();
    for step in [
        "cargo build --release --locked",
        "check --deny-warnings clauses/",
        "examples/*.yaml",
        "dist/package.sh",
    ] {
        assert!(steps.contains(step), "the build job does not run {step}");
    }
    let publish = serde_json::to_string(&workflow["jobs"]["publish"]).unwrap();
    for part in [
        "sha256.sum",
        "clausewright-installer.sh",
        "clausewright-installer.ps1",
        "clausewright.rb",
        "gh release create",
    ] {
        assert!(publish.contains(part), "the publish job makes no {part}");
    }
}

#[test]
fn installers_and_formula_offer_only_what_the_workflow_builds() {
    let built: BTreeSet<String> = TARGETS.iter().map(ToString::to_string).collect();
    for script in [
        "dist/installer.sh",
        "dist/installer.ps1",
        "dist/homebrew.sh",
    ] {
        let text = std::fs::read_to_string(root().join(script)).unwrap();
        let offered = triples(&text);
        assert!(!offered.is_empty(), "{script} names no target");
        assert!(
            offered.is_subset(&built),
            "{script} offers {:?}, not built",
            offered.difference(&built).collect::<Vec<_>>()
        );
    }
    // The publish job writes the release's address into each installer by replacing one line.
    let sh = std::fs::read_to_string(root().join("dist/installer.sh")).unwrap();
    assert_eq!(sh.lines().filter(|l| *l == "release=\"\"").count(), 1);
    let ps1 = std::fs::read_to_string(root().join("dist/installer.ps1")).unwrap();
    assert_eq!(ps1.lines().filter(|l| *l == "$Release = ''").count(), 1);
    let publish = serde_json::to_string(&workflow()["jobs"]["publish"]).unwrap();
    assert!(publish.contains(r#"s|^release=\\\"\\\"$|"#), "{publish}");
    assert!(publish.contains(r"s|^\\$Release = ''$|"), "{publish}");
}

/// The target the shell installer picks on this machine.
fn this_target() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x86_64-unknown-linux-musl",
        "aarch64" => "aarch64-unknown-linux-gnu",
        other => panic!("no release target for {other}"),
    }
}

fn sh(script: &str, args: &[&str], env: &[(&str, &Path)]) -> std::process::Output {
    let mut command = Command::new("bash");
    command
        .arg(root().join(script))
        .args(args)
        .current_dir(root());
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .env_remove("XDG_DATA_HOME")
        .env_remove("CLAUSEWRIGHT_INSTALL_DIR");
    command.output().expect("bash runs")
}

/// A release folder holding this machine's binary packaged as the release packages it,
/// made once for all tests (each test copies it before changing anything).
fn packaged() -> &'static Path {
    static RELEASE: OnceLock<tempfile::TempDir> = OnceLock::new();
    RELEASE
        .get_or_init(|| {
            let folder = tempfile::tempdir().unwrap();
            // The test binary carries debug information worth hundreds of megabytes, which a
            // release build does not: a stripped copy keeps the archive at a release's size.
            let binary = folder.path().join("clausewright");
            let strip = Command::new("strip")
                .arg(env!("CARGO_BIN_EXE_clausewright"))
                .arg("-o")
                .arg(&binary)
                .status()
                .expect("strip runs");
            assert!(strip.success());
            let out = folder.path().join("release");
            let output = sh(
                "dist/package.sh",
                &[
                    this_target(),
                    binary.to_str().unwrap(),
                    out.to_str().unwrap(),
                ],
                &[],
            );
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            folder
        })
        .path()
}

/// A copy of the packaged release to change.
fn release_copy() -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(packaged().join("release")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.path().join(entry.file_name())).unwrap();
    }
    copy
}

#[test]
fn a_packaged_release_installs_without_rust_and_builds_a_contract() {
    let release = release_copy();
    let target = this_target();
    let archive = format!("clausewright-{target}.tar.xz");
    let listing = Command::new("tar")
        .arg("-tJf")
        .arg(release.path().join(&archive))
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    for file in [
        "clausewright",
        "README.md",
        "fonts/OFL.txt",
        "man/clausewright.1",
        "man/clausewright-build.1",
        "completions/clausewright.bash",
        "completions/_clausewright",
        "completions/clausewright.fish",
    ] {
        assert!(
            listing
                .lines()
                .any(|l| l == format!("clausewright-{target}/{file}")),
            "{file} is not in {archive}:\n{listing}"
        );
    }

    let home = tempfile::tempdir().unwrap();
    let output = sh(
        "dist/installer.sh",
        &[],
        &[
            ("HOME", home.path()),
            ("CLAUSEWRIGHT_RELEASE_URL", release.path()),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let installed = home.path().join(".local/bin/clausewright");
    assert!(
        stderr.contains(&format!("in {}", installed.parent().unwrap().display())),
        "{stderr}"
    );
    assert!(
        home.path()
            .join(".local/share/man/man1/clausewright-build.1")
            .is_file()
    );
    assert!(
        home.path()
            .join(".local/share/bash-completion/completions/clausewright")
            .is_file()
    );

    // A fresh user with the installed binary only: the example, then the contract.
    let work = tempfile::tempdir().unwrap();
    let example = Command::new(&installed).arg("example").output().unwrap();
    assert!(example.status.success());
    std::fs::write(work.path().join("acme.yaml"), &example.stdout).unwrap();
    let build = Command::new(&installed)
        .args(["build", "acme.yaml", "--format", "md"])
        .current_dir(work.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let written: Vec<_> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with("-contract.md"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
}

#[test]
fn a_tampered_archive_is_refused_and_nothing_is_installed() {
    let release = release_copy();
    let target = this_target();
    let checksum = release
        .path()
        .join(format!("clausewright-{target}.tar.xz.sha256"));
    let text = std::fs::read_to_string(&checksum).unwrap();
    // The first hex digit changed: the checksum no longer matches.
    let (first, rest) = text.split_at(1);
    let flipped = format!("{}{rest}", if first == "0" { "1" } else { "0" });
    std::fs::write(&checksum, flipped).unwrap();
    let home = tempfile::tempdir().unwrap();
    let output = sh(
        "dist/installer.sh",
        &[],
        &[
            ("HOME", home.path()),
            ("CLAUSEWRIGHT_RELEASE_URL", release.path()),
        ],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("does not match its checksum"), "{stderr}");
    assert!(
        !home.path().join(".local").exists(),
        "something was installed"
    );
}

#[test]
fn the_homebrew_formula_pins_each_archive_by_its_checksum() {
    let release = release_copy();
    // The other platforms' archives cannot be built here: their checksum files stand in.
    let mut hashes = Vec::new();
    for (n, other) in [
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "aarch64-unknown-linux-gnu",
        "x86_64-unknown-linux-musl",
    ]
    .iter()
    .enumerate()
    {
        let file = release
            .path()
            .join(format!("clausewright-{other}.tar.xz.sha256"));
        if !file.exists() {
            std::fs::write(
                &file,
                format!(
                    "{}  clausewright-{other}.tar.xz\n",
                    format!("{n:x}").repeat(64)
                ),
            )
            .unwrap();
        }
        let hash = std::fs::read_to_string(&file)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned();
        hashes.push((other.to_owned(), hash));
    }
    let output = sh(
        "dist/homebrew.sh",
        &[
            "1.2.3",
            "https://downloads.example/v1.2.3",
            "https://clausewright.example",
            release.path().to_str().unwrap(),
        ],
        &[],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let formula = String::from_utf8(output.stdout).unwrap();
    assert!(formula.contains("version \"1.2.3\""), "{formula}");
    for (target, hash) in &hashes {
        let pair = format!(
            "url \"https://downloads.example/v1.2.3/clausewright-{target}.tar.xz\"\n      sha256 \"{hash}\""
        );
        assert!(formula.contains(&pair), "{target}:\n{formula}");
    }

    std::fs::write(
        release
            .path()
            .join("clausewright-x86_64-apple-darwin.tar.xz.sha256"),
        "not a checksum\n",
    )
    .unwrap();
    let output = sh(
        "dist/homebrew.sh",
        &["1.2.3", "u", "h", release.path().to_str().unwrap()],
        &[],
    );
    assert!(!output.status.success());
    assert!(
        output.stdout.is_empty(),
        "a formula was printed with a bad checksum"
    );
}
