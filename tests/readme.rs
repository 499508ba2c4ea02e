//! The README's first steps, run as a new user runs them: in a fresh copy of the repository's
//! examples, with `clausewright` on the PATH and nothing else prepared.

use std::process::Command;

use crate::support::{copy_dir, root};

/// The shell commands of the README section titled `title`, comments removed.
fn commands(title: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find(&format!("\n## {title}\n"))
        .unwrap_or_else(|| panic!("the README has no section {title:?}"));
    let section = &readme[start + 1..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    let mut commands = Vec::new();
    let mut in_shell = false;
    for line in section.lines() {
        match line {
            "```sh" => in_shell = true,
            "```" => in_shell = false,
            _ if in_shell => {
                let command = line.split(" #").next().unwrap().trim();
                if !command.is_empty() {
                    commands.push(command.to_owned());
                }
            }
            _ => {}
        }
    }
    commands
}

#[test]
fn the_first_contract_commands_work_in_a_fresh_clone() {
    let commands = commands("Your first contract");
    assert!(commands.len() >= 3, "{commands:?}");
    // A fresh clone: the examples, no target/ or contracts/ folder.
    let clone = tempfile::tempdir().unwrap();
    copy_dir(&root().join("examples"), &clone.path().join("examples"));
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_clausewright"),
        bin.path().join("clausewright"),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in &commands {
        let output = Command::new("bash")
            .args(["-c", command])
            .current_dir(clone.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "`{command}` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // What the README says was written.
    let contracts: Vec<String> = std::fs::read_dir(clone.path().join("contracts"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let named = readme
        .split('`')
        .find(|word| word.ends_with("-contract.md"))
        .expect("the README names the example's contract");
    assert!(contracts.iter().any(|c| c == named), "{contracts:?}");
    assert!(
        contracts.iter().any(|c| c == &named.replace(".md", ".pdf")),
        "{contracts:?}"
    );
    let top: Vec<String> = std::fs::read_dir(clone.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(top.iter().any(|f| f == "acme.yaml"), "{top:?}");
    assert!(top.iter().any(|f| f.ends_with("-contract.pdf")), "{top:?}");
}

const START: &str = "<!-- answers keys: start -->\n";
const END: &str = "<!-- answers keys: end -->\n";

#[test]
fn the_readme_table_of_answers_keys_is_the_librarys() {
    let library = clausewright::run::load_library(None).expect("the built-in library loads");
    let table = clausewright::reference::keys_table(&library);
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(START)
        .expect("the README marks the table's start")
        + START.len();
    let end = readme[start..]
        .find(END)
        .expect("the README marks the table's end")
        + start;
    let written = &readme[start..end];
    if std::env::var_os("CLAUSEWRIGHT_BLESS").is_some() {
        std::fs::write(
            &path,
            format!("{}{table}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        written, table,
        "the README's table of answers keys differs from the library's declarations \
         (run with CLAUSEWRIGHT_BLESS=1 to rewrite it)"
    );
    for key in ["freelancer.name", "client.name"] {
        assert!(
            written.contains(&format!("| `{key}` | text | yes |")),
            "{key}"
        );
    }
}
