//! Writing results: stdout for `-` or no `-o`, else an atomic write (a temporary file in
//! the same folder, then a rename) so a failed run never leaves a half-written file.
//!
//! Two promises hold here for every command: no output replaces one of the command's
//! inputs (`Destination::new` compares file identity, not names), and a write goes where
//! the user pointed and nowhere else (the temporary file is created exclusively, under an
//! unpredictable name, never through a symlink).

use std::fs::{Metadata, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command writes its result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Destination {
    Stdout,
    File(PathBuf),
}

impl Destination {
    /// The destination `-o OUT` names: stdout for none or `-`. An `OUT` that is one of
    /// `inputs` by any path (relative, absolute, symlink, hard link) is refused.
    pub(crate) fn new(out: Option<&str>, inputs: &[&str]) -> Result<Destination, String> {
        match out {
            None | Some("-") => Ok(Destination::Stdout),
            Some(out) => {
                refuse_input(Path::new(out), inputs)?;
                Ok(Destination::File(PathBuf::from(out)))
            }
        }
    }

    /// The file written, if any.
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Destination::Stdout => None,
            Destination::File(path) => Some(path),
        }
    }

    /// A regular file (or one still to be created), as opposed to stdout, a device or a
    /// pipe: only beside such a file may a command write companion files.
    pub(crate) fn is_regular_file(&self) -> bool {
        self.path()
            .is_some_and(|path| std::fs::metadata(path).map_or(true, |m| m.is_file()))
    }

    pub(crate) fn write(&self, bytes: &[u8]) -> Result<(), String> {
        match self {
            Destination::Stdout => write_stdout(bytes),
            Destination::File(path) => write_file(path, bytes),
        }
    }
}

/// The usage error for an output that is one of the inputs.
pub(crate) fn refuse_input(out: &Path, inputs: &[&str]) -> Result<(), String> {
    for input in inputs.iter().filter(|i| **i != "-") {
        if same_file::is_same_file(out, input).unwrap_or(false) {
            return Err(format!(
                "refusing to write `{}`: it is the input `{input}`; choose another output file",
                out.display()
            ));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically, or to stdout when `path` is `None` or `-`.
/// For commands without inputs; a command with inputs resolves a `Destination` first.
pub fn write(path: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match path {
        None | Some("-") => write_stdout(bytes),
        Some(path) => write_file(Path::new(path), bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        // The reader went away (`archc check | head`): nothing is lost that was wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(|e| format!("cannot write to stdout: {e}")),
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming a
    // temporary file over it would replace the device itself.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return std::fs::write(path, bytes)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()));
    }
    write_atomic(&follow_symlink(path), bytes)
}

/// An existing symlink is written through, as a shell's `>` does: the link stays a link.
fn follow_symlink(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

/// Temporary file beside the target, then rename: readers see the old file or the new
/// one, never a part.
///
/// The temporary file is created exclusively (`O_EXCL`, so a planted symlink is never
/// followed) under a random name, with the permissions the result will have: those of the
/// file it replaces (and its owner, where permitted), else the default for a new file. It is
/// removed on every failure this process sees.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(format!("`{shown}` is not a file path"));
    }
    let existing = std::fs::metadata(path).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".archc-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(initial_permissions(existing.as_ref()));
    let temp = builder
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    let mut file = temp.as_file();
    file.write_all(bytes)
        .and_then(|()| keep_owner_and_mode(temp.as_file(), existing.as_ref()))
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    temp.persist(path)
        .map_err(|e| format!("cannot write `{shown}`: {}", e.error))?;
    Ok(())
}

/// The mode a new file gets: the replaced file's, or read-write for all less the umask
/// (the kernel applies it at creation), as `File::create` would.
#[cfg(unix)]
fn initial_permissions(existing: Option<&Metadata>) -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    existing.map_or_else(|| Permissions::from_mode(0o666), Metadata::permissions)
}

/// The umask may have narrowed the mode the temporary file was created with; set it exactly,
/// and give the file back to the replaced file's owner where the process may (as root).
#[cfg(unix)]
fn keep_owner_and_mode(file: &std::fs::File, existing: Option<&Metadata>) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let Some(meta) = existing else {
        return Ok(());
    };
    let current = file.metadata()?;
    if (current.uid(), current.gid()) != (meta.uid(), meta.gid()) {
        // Not permitted for an ordinary user: the file then keeps that user as its owner.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    file.set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &std::fs::File, existing: Option<&Metadata>) -> std::io::Result<()> {
    match existing {
        Some(meta) => file.set_permissions(meta.permissions()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdout_for_none_and_dash() {
        assert_eq!(Destination::new(None, &["a.arch"]), Ok(Destination::Stdout));
        assert_eq!(
            Destination::new(Some("-"), &["a.arch"]),
            Ok(Destination::Stdout)
        );
    }

    #[test]
    fn an_output_that_does_not_exist_is_no_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new.svg");
        let out = out.to_str().unwrap();
        assert_eq!(
            Destination::new(Some(out), &["-"]),
            Ok(Destination::File(PathBuf::from(out)))
        );
    }

    #[test]
    fn the_input_by_another_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("review.arch");
        std::fs::write(&input, "# text\n").unwrap();
        let other_name = dir.path().join(".").join("review.arch");
        let error = Destination::new(
            Some(other_name.to_str().unwrap()),
            &[input.to_str().unwrap()],
        )
        .unwrap_err();
        assert!(error.contains("it is the input"), "{error}");
    }

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        write_atomic(&out, b"one").unwrap();
        write_atomic(&out, b"two").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_the_replaced_files_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("private.svg");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, Permissions::from_mode(0o600)).unwrap();
        write_atomic(&out, b"new").unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
