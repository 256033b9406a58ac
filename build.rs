//! Records the git revision archc is built from, for `archc --version`. Outside a git
//! checkout (a crate from the registry, a source archive) the version stands alone.

use std::process::Command;

fn main() {
    let revision = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|rev| rev.trim().to_owned())
        .filter(|rev| !rev.is_empty() && rev.bytes().all(|b| b.is_ascii_hexdigit()));
    let dirty = revision.is_some()
        && Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=no"])
            .output()
            .is_ok_and(|out| out.status.success() && !out.stdout.is_empty());
    let version = env!("CARGO_PKG_VERSION");
    let long = match revision {
        Some(rev) if dirty => format!("{version} ({rev}, modified)"),
        Some(rev) => format!("{version} ({rev})"),
        None => version.to_owned(),
    };
    println!("cargo:rustc-env=ARCHC_LONG_VERSION={long}");
    // A new commit or checkout changes HEAD or the ref it points to.
    for path in [".git/HEAD", ".git/index"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
