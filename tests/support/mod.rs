//! Shared helpers for the integration tests: running the binary, finding fixtures.

pub mod tools;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of `archc` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `archc` with `args` in the repository root, with `stdin` as standard input.
pub fn archc_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    archc_in(&root(), args, stdin)
}

/// Runs `archc` with `args` in `dir`, with `stdin` as standard input.
pub fn archc_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_archc"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the archc binary runs");
    if let Some(mut input) = child.stdin.take() {
        // A command that exits early closes its stdin; that is not the test's failure.
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("archc finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `archc` with `args` and empty stdin.
pub fn archc(args: &[&str]) -> Run {
    archc_with_stdin(args, b"")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (relative to the root) whose name ends with `ext`, sorted.
pub fn files_with_ext(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect(&root().join(dir), ext, &mut found);
    found.sort();
    found
}

fn collect(dir: &Path, ext: &str, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // The test tools' Node packages (`tests/tools/node_modules`) hold no fixtures.
            if !path.ends_with("node_modules") {
                collect(&path, ext, found);
            }
        } else if path.to_string_lossy().ends_with(ext) {
            found.push(path);
        }
    }
}

/// A path relative to the repository root, with `/` separators, for stable output.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A fresh, empty folder for one test, under Cargo's scratch space for integration tests:
/// `area` is the test module, `name` the test.
pub fn scratch(area: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(area).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch folder is created");
    dir
}

/// The one seeded random generator of the tests: `fastrand`'s, so the same seed gives the
/// same cases on every machine. `Pick` adds the few choices the generators make.
pub type Rng = fastrand::Rng;

pub trait Pick {
    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize;
    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool;
    /// One of `items` (not empty).
    fn pick<T: Copy>(&mut self, items: &[T]) -> T;
}

impl Pick for Rng {
    fn below(&mut self, n: usize) -> usize {
        self.usize(..n)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.usize(..100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.usize(..items.len())]
    }
}
