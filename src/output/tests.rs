use super::*;

fn serial() -> std::sync::MutexGuard<'static, ()> {
    crate::signals::TEST_LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_an_existing_file_and_nothing_is_written() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let markdown = dir.path().join("c.md");
    let pdf = dir.path().join("c.pdf");
    let nowhere = dir.path().join("nowhere");
    std::os::unix::fs::symlink(&nowhere, &pdf).unwrap();
    let batch = [
        (markdown.clone(), b"md".to_vec()),
        (pdf.clone(), b"pdf".to_vec()),
    ];
    let error = write_all(&batch, false, &[]).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} already exists; pass --force to replace it",
            pdf.display()
        )
    );
    assert!(
        !markdown.exists(),
        "c.md was written though the batch failed"
    );
    // With --force the link itself is replaced; nothing is written where it pointed.
    write_all(&batch, true, &[]).unwrap();
    assert_eq!(std::fs::read(&pdf).unwrap(), b"pdf");
    assert!(!std::fs::symlink_metadata(&pdf).unwrap().is_symlink());
    assert!(!nowhere.exists());
    assert_eq!(names(dir.path()), ["c.md", "c.pdf"]);
}

#[test]
fn an_interrupted_batch_restores_every_file_it_replaced() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.md");
    let second = dir.path().join("a.pdf");
    let third = dir.path().join("a.ics");
    std::fs::write(&first, "old md").unwrap();
    std::fs::write(&second, "old pdf").unwrap();
    let batch = [
        (first.clone(), b"new md".to_vec()),
        (second.clone(), b"new pdf".to_vec()),
        (third.clone(), b"new ics".to_vec()),
    ];
    // One check before staging, then one before each rename: the signal comes after two
    // renames are done.
    let calls = std::cell::Cell::new(0);
    let error = write_batch(&batch, true, &[], &|| {
        calls.set(calls.get() + 1);
        calls.get() == 4
    })
    .unwrap_err();
    assert!(matches!(error, Error::Interrupted));
    assert_eq!(error.exit_code(), 130);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "old md");
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "old pdf");
    assert!(!third.exists());
    assert_eq!(names(dir.path()), ["a.md", "a.pdf"], "no temporary is left");
}

#[test]
fn an_output_never_replaces_an_input_even_with_force() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "# my notes\nfee: 100\n").unwrap();
    let other_name = dir.path().join("same.yaml");
    std::fs::hard_link(&answers, &other_name).unwrap();
    for output in [&answers, &other_name] {
        let error =
            write_all(&[(output.clone(), b"fee: 1".to_vec())], true, &[&answers]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("is the input file"), "{error}");
    }
    assert_eq!(
        std::fs::read_to_string(&answers).unwrap(),
        "# my notes\nfee: 100\n"
    );
}

#[test]
fn one_file_by_two_names_is_written_twice() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.md");
    let dotted = dir.path().join(".").join("x.md");
    let error = write_all(
        &[(path.clone(), b"a".to_vec()), (dotted, b"b".to_vec())],
        true,
        &[],
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("would be written twice"),
        "{error}"
    );
    assert!(!path.exists());
}

#[test]
fn stale_temporaries_of_our_naming_are_removed() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".clausewright-Ab3xY9"), "stale").unwrap();
    // A kept copy of a replaced file and other people's files stay.
    std::fs::write(
        dir.path().join(".clausewright-previous-Qx81zz-c.md"),
        "keep",
    )
    .unwrap();
    std::fs::write(dir.path().join(".clausewright-notes"), "keep").unwrap();
    write_all(&[(dir.path().join("c.md"), b"x".to_vec())], false, &[]).unwrap();
    assert_eq!(
        names(dir.path()),
        [
            ".clausewright-notes",
            ".clausewright-previous-Qx81zz-c.md",
            "c.md"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_batch_waits_for_the_batch_that_holds_its_folder() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.md");
    let held = std::fs::File::open(dir.path()).unwrap();
    held.lock().unwrap();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || write_all(&[(path, b"x".to_vec())], false, &[]))
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!path.exists(), "written while another run held the folder");
    held.unlock().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"x");
}

#[test]
fn one_path_is_never_written_twice() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.md");
    let error = write_all(
        &[(path.clone(), b"a".to_vec()), (path.clone(), b"b".to_vec())],
        true,
        &[],
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} would be written twice; give each output its own file",
            path.display()
        )
    );
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn written_files_get_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let ordinary = dir.path().join("ordinary.txt");
    std::fs::write(&ordinary, "x").unwrap();
    let contract = dir.path().join("contract.md");
    write_all(&[(contract.clone(), b"x".to_vec())], false, &[]).unwrap();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&contract),
        mode(&ordinary),
        "not a private temporary file's mode"
    );
    // Replacing a file keeps its permissions.
    std::fs::set_permissions(&contract, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_all(&[(contract.clone(), b"y".to_vec())], true, &[]).unwrap();
    assert_eq!(mode(&contract), 0o640);
}

#[test]
fn slugs_fold_to_ascii() {
    assert_eq!(slug("Northwind Ölçüm Ltd. Şti."), "northwind-olcum-ltd-sti");
    assert_eq!(slug("*Acme* <b>#1</b> {{x}}"), "acme-b-1-b-x");
    assert_eq!(slug("   "), "client");
    assert_eq!(slug("Müller & Söhne GmbH"), "muller-sohne-gmbh");
}

#[test]
fn output_file_extension_is_replaced_per_format() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("acme.md");
    let planned = plan(Some(&target), "Acme", &[OutputFormat::Md]).unwrap();
    assert_eq!(
        planned,
        Destination::Files(vec![(OutputFormat::Md, target)])
    );
}

#[test]
fn any_output_extension_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let planned = plan(
        Some(&dir.path().join("out.txt")),
        "Acme",
        &[OutputFormat::Md, OutputFormat::Pdf],
    )
    .unwrap();
    assert_eq!(
        planned,
        Destination::Files(vec![
            (OutputFormat::Md, dir.path().join("out.md")),
            (OutputFormat::Pdf, dir.path().join("out.pdf")),
        ])
    );
}

#[test]
fn output_folder_gets_the_client_slug() {
    let dir = tempfile::tempdir().unwrap();
    let planned = plan(Some(dir.path()), "Acme Ltd.", &[OutputFormat::Md]).unwrap();
    assert_eq!(
        planned,
        Destination::Files(vec![(
            OutputFormat::Md,
            dir.path().join("acme-ltd-contract.md")
        )])
    );
}

#[test]
fn missing_output_folder_is_an_error() {
    let error = plan(
        Some(Path::new("/no/such/folder/x.md")),
        "Acme",
        &[OutputFormat::Md],
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the output folder /no/such/folder does not exist"
    );
}

#[test]
fn existing_files_are_not_replaced_and_nothing_is_written() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.md");
    let second = dir.path().join("b.md");
    std::fs::write(&second, "keep me").unwrap();
    let error = write_all(
        &[
            (first.clone(), b"new".to_vec()),
            (second.clone(), b"new".to_vec()),
        ],
        false,
        &[],
    )
    .unwrap_err();
    assert!(matches!(error, Error::Output(OutputError::Exists { ref path }) if path == &second));
    assert!(
        !first.exists(),
        "nothing is written when one file is refused"
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "keep me");
    write_all(&[(second.clone(), b"new".to_vec())], true, &[]).unwrap();
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "new");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["b.md"]);
}

#[test]
fn a_file_that_cannot_be_staged_leaves_no_other_file_behind() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    // Its "folder" is a file: the other files are staged at the same time, then removed.
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "a file").unwrap();
    let markdown = dir.path().join("c.md");
    let pdf = not_a_folder.join("c.pdf");
    let docx = dir.path().join("c.docx");
    let batch = [
        (markdown.clone(), b"md".to_vec()),
        (pdf.clone(), b"pdf".to_vec()),
        (docx.clone(), b"docx".to_vec()),
    ];
    let error = write_all(&batch, false, &[]).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains(&pdf.display().to_string()),
        "the error names the file that could not be written: {message}"
    );
    assert_eq!(names(dir.path()), ["notes.txt"], "nothing else is left");
}
