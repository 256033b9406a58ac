//! Writing results: stdout for `-` or no `-o`, else an atomic write (a temporary file in
//! the same folder, then a rename) so a failed run never leaves a half-written file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, or to stdout when `path` is `None` or `-`.
pub fn write(path: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match path {
        None | Some("-") => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                // The reader went away (`archc check | head`): nothing is lost that was wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                result => result.map_err(|e| format!("cannot write to stdout: {e}")),
            }
        }
        Some(path) if is_special_file(Path::new(path)) => {
            std::fs::write(path, bytes).map_err(|e| format!("cannot write `{path}`: {e}"))
        }
        Some(path) => write_atomic(Path::new(path), bytes),
    }
}

/// Temporary file beside the target, then rename: readers see the old file or the new
/// one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("`{shown}` is not a file path"))?;
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("cannot write `{shown}`: {e}"));
    }
    Ok(())
}

/// A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming a
/// temporary file over it would replace the device itself.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}
