//! Output: takes the `-o` option, the client's name and the formats and returns where each
//! file goes; writes a batch of files atomically, replacing none without `--force`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::OutputFormat;
use crate::error::{Error, OutputError};

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
        return Err(Error::from(OutputError::MissingFolder { path: folder }));
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
/// (`.clausewright-` and six random characters, from a power cut or a `kill -9`) are removed under that lock. A
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
            return Err(Error::from(OutputError::Write {
                path: path.clone(),
                reason: "it is a folder".into(),
                kind: Some(std::io::ErrorKind::IsADirectory),
            }));
        }
    }
    // A symbolic link counts as a file even when it points nowhere: the rename would replace it.
    if !force && let Some((path, _)) = files.iter().find(|(path, _)| occupied(path)) {
        return Err(Error::from(OutputError::Exists { path: path.clone() }));
    }
    if interrupted() {
        return Err(Error::Interrupted);
    }
    let staged = stage_all(files)?;
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
            return Err(Error::from(OutputError::unwritten(folder.clone(), &source)));
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
            return Err(Error::from(OutputError::Twice { path: path.clone() }));
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
            return Err(Error::from(OutputError::IsInput {
                path: path.clone(),
                input: input.to_path_buf(),
            }));
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
    let io_error = |source: std::io::Error| Error::from(OutputError::unwritten(folder, &source));
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

/// Stages every file (see [`stage`]), each on a thread of its own: most of the time goes
/// into waiting for the disk to sync a file, and the disk syncs several at once. On an error,
/// the first file's in order of `files`, the temporaries already written are removed.
fn stage_all(
    files: &[(PathBuf, Vec<u8>)],
) -> Result<Vec<(&PathBuf, tempfile::NamedTempFile)>, Error> {
    let staged: Vec<Result<tempfile::NamedTempFile, Error>> = match files {
        [(path, bytes)] => vec![stage(path, bytes)],
        _ => std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .iter()
                .map(|(path, bytes)| scope.spawn(|| stage(path, bytes)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        }),
    };
    files
        .iter()
        .map(|(path, _)| path)
        .zip(staged)
        .map(|(path, temporary)| Ok((path, temporary?)))
        .collect()
}

/// Writes `bytes` to a synced temporary file beside `path`.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let io_error = |source: std::io::Error| Error::from(OutputError::unwritten(path, &source));
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
            Error::from(OutputError::Exists {
                path: path.to_owned(),
            })
        } else {
            Error::from(OutputError::unwritten(path, source))
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

/// Keeps the file at `path` under `.clausewright-previous-<six random characters>-<name>`: a second link to it
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

#[cfg(test)]
mod tests;
