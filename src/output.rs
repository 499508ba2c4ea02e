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
            let known = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| formats.iter().any(|f| f.extension() == e));
            let stem = if known {
                path.file_stem()
            } else {
                path.file_name()
            }
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(default_stem);
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

/// Writes every file or none: refuses if any exists (without `force`), writes each to a
/// temporary file beside its target, and renames them into place only when all are written.
pub fn write_all(files: &[(PathBuf, Vec<u8>)], force: bool) -> Result<(), Error> {
    // Two outputs on one path would have the second replace the first, even without --force.
    for (index, (path, _)) in files.iter().enumerate() {
        if files[..index].iter().any(|(earlier, _)| earlier == path) {
            return Err(Error::Usage(format!(
                "{} would be written twice; give each output its own file",
                path.display()
            )));
        }
    }
    if !force && let Some((path, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(Error::OutputExists { path: path.clone() });
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let io_error = |source: std::io::Error| Error::Write {
            path: path.clone(),
            reason: os_reason(&source),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".clausewright-");
        // A temporary file is private (0600); the contract is an ordinary file, so it gets the
        // mode any new file gets (0666 less the umask), or keeps the mode of the one it replaces.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        let mut temporary = builder.tempfile_in(folder).map_err(io_error)?;
        temporary.write_all(bytes).map_err(io_error)?;
        temporary.as_file().sync_all().map_err(io_error)?;
        staged.push((path, temporary));
    }
    for (path, temporary) in staged {
        let result = if force {
            temporary.persist(path).map(drop)
        } else {
            temporary.persist_noclobber(path).map(drop)
        };
        result.map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::OutputExists { path: path.clone() }
            } else {
                Error::Write {
                    path: path.clone(),
                    reason: os_reason(&error.error),
                }
            }
        })?;
    }
    Ok(())
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

    #[test]
    fn one_path_is_never_written_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.md");
        let error = write_all(
            &[(path.clone(), b"a".to_vec()), (path.clone(), b"b".to_vec())],
            true,
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
        let dir = tempfile::tempdir().unwrap();
        let ordinary = dir.path().join("ordinary.txt");
        std::fs::write(&ordinary, "x").unwrap();
        let contract = dir.path().join("contract.md");
        write_all(&[(contract.clone(), b"x".to_vec())], false).unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode(&contract),
            mode(&ordinary),
            "not a private temporary file's mode"
        );
        // Replacing a file keeps its permissions.
        std::fs::set_permissions(&contract, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_all(&[(contract.clone(), b"y".to_vec())], true).unwrap();
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
        )
        .unwrap_err();
        assert!(matches!(error, Error::OutputExists { ref path } if path == &second));
        assert!(
            !first.exists(),
            "nothing is written when one file is refused"
        );
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "keep me");
        write_all(&[(second.clone(), b"new".to_vec())], true).unwrap();
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "new");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["b.md"]);
    }
}
