//! Output: takes the `-o` option, the client's name and the formats and returns where each
//! file goes; writes a batch of files atomically, replacing none without `--force`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::OutputFormat;
use crate::error::Error;

/// Where `build` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// `-o -`: the one format to standard output.
    Stdout,
    /// One file per format.
    Files(Vec<(OutputFormat, PathBuf)>),
}

/// The client's name as a file-name slug, folded to ASCII: "Northwind Ölçüm Ltd." →
/// `northwind-olcum-ltd`.
#[must_use]
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    // Keep file names short enough for every file system.
    if slug.len() > 60 {
        slug.truncate(60);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if slug.is_empty() {
        "client".to_owned()
    } else {
        slug
    }
}

/// Decides the output paths. `-o` may name a file (its extension is replaced per format), an
/// existing folder (or one written with a trailing `/`), or `-`.
pub fn plan(
    output: Option<&Path>,
    client: &str,
    formats: &[OutputFormat],
) -> Result<Destination, Error> {
    let mut formats = formats.to_vec();
    formats.sort_unstable();
    formats.dedup();
    let default_stem = format!("{}-contract", slug(client));
    let (folder, stem) = match output {
        Some(path) if path.as_os_str() == "-" => {
            if formats.len() > 1 {
                return Err(Error::Usage(
                    "-o - writes one format to standard output; choose one with --format".into(),
                ));
            }
            return Ok(Destination::Stdout);
        }
        Some(path) if path.is_dir() || path.to_string_lossy().ends_with(['/', '\\']) => {
            (path.to_owned(), default_stem)
        }
        Some(path) => {
            let folder = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
                _ => PathBuf::from("."),
            };
            // `out.txt` → `out.md`: whatever the extension, each format puts its own.
            let stem = path
                .file_stem()
                .map_or(default_stem, |s| s.to_string_lossy().into_owned());
            (folder, stem)
        }
        None => (PathBuf::from("."), default_stem),
    };
    if !folder.is_dir() {
        return Err(Error::MissingFolder { path: folder });
    }
    Ok(Destination::Files(
        formats
            .into_iter()
            .map(|format| {
                let path = folder.join(format!("{stem}.{}", format.extension()));
                (format, clean(&path))
            })
            .collect(),
    ))
}

/// `./x.md` → `x.md`, so messages show the path the way a person writes it.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".")
        .map_or_else(|_| path.to_owned(), Path::to_owned)
}

/// Writes every file or none: refuses if any exists (without `force`) or is one of `inputs`
/// (even with `force`), writes each to a temporary file beside its target, and renames them
/// into place only when all are written, keeping the files it replaces until the last rename
/// is done so that a failed or interrupted batch puts them back.
///
/// Batches on one folder are serialised by an advisory lock on the folder, so two runs to one
/// path leave one run's files, never a mix. Temporary files that an earlier run left behind
/// (`.clausewright-XXXXXX`, from a power cut or a `kill -9`) are removed under that lock. A
/// signal (Ctrl-C, SIGTERM, SIGHUP) during the write undoes it and returns
/// [`Error::Interrupted`]. Files and folders are synced to the disk before this returns.
pub fn write_all(files: &[(PathBuf, Vec<u8>)], force: bool, inputs: &[&Path]) -> Result<(), Error> {
    let writing = crate::signals::Writing::start();
    write_batch(files, force, inputs, &|| writing.interrupted())
}

/// [`write_all`], asking `interrupted` between steps.
fn write_batch(
    files: &[(PathBuf, Vec<u8>)],
    force: bool,
    inputs: &[&Path],
    interrupted: &dyn Fn() -> bool,
) -> Result<(), Error> {
    refuse_duplicates(files)?;
    refuse_inputs(files, inputs)?;
    let mut folders: Vec<PathBuf> = files
        .iter()
        .map(|(path, _)| folder_of(path).to_owned())
        .collect();
    folders.sort_by_cached_key(|folder| {
        std::fs::canonicalize(folder).unwrap_or_else(|_| folder.clone())
    });
    folders.dedup();
    let mut locks = Vec::with_capacity(folders.len());
    for folder in &folders {
        locks.push(lock_folder(folder)?);
        remove_stale_temporaries(folder);
    }
    for (path, _) in files {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(Error::Write {
                path: path.clone(),
                reason: "it is a folder".into(),
            });
        }
    }
    // A symbolic link counts as a file even when it points nowhere: the rename would replace it.
    if !force && let Some((path, _)) = files.iter().find(|(path, _)| occupied(path)) {
        return Err(Error::OutputExists { path: path.clone() });
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        if interrupted() {
            return Err(Error::Interrupted);
        }
        staged.push((path, stage(path, bytes)?));
    }
    let mut done = Vec::with_capacity(staged.len());
    for (path, temporary) in staged {
        if interrupted() {
            roll_back(done);
            return Err(Error::Interrupted);
        }
        match commit(path, temporary, force) {
            Ok(committed) => done.push(committed),
            Err(error) => {
                roll_back(done);
                return Err(error);
            }
        }
    }
    for folder in &folders {
        if let Err(source) = sync_folder(folder) {
            roll_back(done);
            return Err(Error::Write {
                path: folder.clone(),
                reason: os_reason(&source),
            });
        }
    }
    // The replaced files' copies go only now that every new file is in place.
    drop(done);
    drop(locks);
    Ok(())
}

/// Two outputs on one path would have the second replace the first, even without --force;
/// `x.md` and `./x.md` are one path.
fn refuse_duplicates(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Error> {
    let place = |path: &Path| {
        let folder = folder_of(path);
        (
            std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned()),
            path.file_name().map(std::ffi::OsStr::to_owned),
        )
    };
    for (index, (path, _)) in files.iter().enumerate() {
        if files[..index]
            .iter()
            .any(|(earlier, _)| place(earlier) == place(path))
        {
            return Err(Error::Usage(format!(
                "{} would be written twice; give each output its own file",
                path.display()
            )));
        }
    }
    Ok(())
}

/// No output may be a file this run read, by any name: a link or a second path to the answers
/// file is that file (same device and inode).
fn refuse_inputs(files: &[(PathBuf, Vec<u8>)], inputs: &[&Path]) -> Result<(), Error> {
    let inputs: Vec<(FileId, &Path)> = inputs
        .iter()
        .filter_map(|path| file_id(path).map(|id| (id, *path)))
        .collect();
    for (path, _) in files {
        let Some(id) = file_id(path) else { continue };
        if let Some((_, input)) = inputs.iter().find(|(input, _)| *input == id) {
            return Err(Error::Usage(format!(
                "{} is the input file {}; an output never replaces a file the run reads, not \
                 even with --force: choose another output file",
                path.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The file a path leads to (links followed), if it exists.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// Whether anything, even a dangling symbolic link, has the name `path`.
fn occupied(path: &Path) -> bool {
    !matches!(std::fs::symlink_metadata(path), Err(error) if error.kind() == std::io::ErrorKind::NotFound)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Our temporary files: `.clausewright-` and six letters or digits (`tempfile`'s naming).
const TEMPORARY_PREFIX: &str = ".clausewright-";

fn is_our_temporary(name: &str) -> bool {
    name.strip_prefix(TEMPORARY_PREFIX)
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes temporary files of our naming that a run ended by force left in `folder`. Called
/// with the folder's lock held, so no live run owns them.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_str().is_some_and(is_our_temporary)
            && entry
                .file_type()
                .is_ok_and(|t| t.is_file() || t.is_symlink());
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An advisory lock on the folder itself (no lock file is left behind), held until dropped.
#[cfg(unix)]
fn lock_folder(folder: &Path) -> Result<Option<std::fs::File>, Error> {
    let io_error = |source: std::io::Error| Error::Write {
        path: folder.to_owned(),
        reason: os_reason(&source),
    };
    let handle = std::fs::File::open(folder).map_err(io_error)?;
    handle.lock().map_err(io_error)?;
    Ok(Some(handle))
}

#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)] // The Unix version can fail.
fn lock_folder(_folder: &Path) -> Result<Option<std::fs::File>, Error> {
    Ok(None)
}

/// Makes the renames in `folder` durable.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    match std::fs::File::open(folder)?.sync_all() {
        // Some file systems cannot sync a folder; the files themselves are synced.
        Err(error) if error.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
#[allow(clippy::unnecessary_wraps)] // The Unix version can fail.
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes `bytes` to a synced temporary file beside `path`.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let io_error = |source: std::io::Error| Error::Write {
        path: path.to_owned(),
        reason: os_reason(&source),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX);
    // A temporary file is private (0600); the contract is an ordinary file, so it gets the
    // mode any new file gets (0666 less the umask), or keeps the mode of the one it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut temporary = builder.tempfile_in(folder_of(path)).map_err(io_error)?;
    temporary.write_all(bytes).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    Ok(temporary)
}

/// A file renamed into place, and the file it replaced (deleted when this is dropped).
struct Committed<'a> {
    path: &'a Path,
    previous: Option<tempfile::TempPath>,
}

/// Renames `temporary` onto `path`, first keeping what was there under a name of its own.
fn commit(
    path: &Path,
    temporary: tempfile::NamedTempFile,
    force: bool,
) -> Result<Committed<'_>, Error> {
    let io_error = |source: &std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::OutputExists {
                path: path.to_owned(),
            }
        } else {
            Error::Write {
                path: path.to_owned(),
                reason: os_reason(source),
            }
        }
    };
    let (previous, moved) = if force && occupied(path) {
        let (previous, moved) = keep_previous(path).map_err(|e| io_error(&e))?;
        (Some(previous), moved)
    } else {
        (None, false)
    };
    let result = if force {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    match result {
        Ok(()) => Ok(Committed { path, previous }),
        Err(error) => {
            if moved && let Some(previous) = previous {
                let _ = previous.persist(path);
            }
            Err(io_error(&error.error))
        }
    }
}

/// Keeps the file at `path` under `.clausewright-previous-XXXXXX-<name>`: a second link to it
/// where the file system allows, so `path` never goes missing, else the file itself, moved
/// (`true`). A run that dies here leaves that copy for the user; it is not a stale temporary.
fn keep_previous(path: &Path) -> std::io::Result<(tempfile::TempPath, bool)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = format!("-{name}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(".clausewright-previous-").suffix(&suffix);
    match builder.make_in(folder_of(path), |kept| std::fs::hard_link(path, kept)) {
        Ok(kept) => Ok((kept.into_temp_path(), false)),
        Err(_) => builder
            .make_in(folder_of(path), |kept| std::fs::rename(path, kept))
            .map(|kept| (kept.into_temp_path(), true)),
    }
}

/// Undoes the renames of a failed batch, last first: each replaced file comes back, each new
/// file goes.
fn roll_back(done: Vec<Committed<'_>>) {
    for committed in done.into_iter().rev() {
        match committed.previous {
            Some(previous) => {
                let _ = previous.persist(committed.path);
            }
            None => {
                let _ = std::fs::remove_file(committed.path);
            }
        }
    }
}

/// The operating system's words for an error, without the temporary file's name that
/// `tempfile` appends (the user never sees that file).
fn os_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" at path ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
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
        // Three checks while staging, then one before each rename: the signal comes after two
        // renames are done.
        let calls = std::cell::Cell::new(0);
        let error = write_batch(&batch, true, &[], &|| {
            calls.set(calls.get() + 1);
            calls.get() == 6
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
        assert!(matches!(error, Error::OutputExists { ref path } if path == &second));
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
}
