//! Files the user owns stay theirs: no output replaces an input, writes go where the user
//! pointed and nowhere else, temporary files are safe, and folders expand to regular files.

use std::path::{Path, PathBuf};

use crate::support::{archc, archc_in, root, scratch};

const REVIEW: &str = "examples/acme.arch";

/// A copy of the worked example in a fresh folder: (folder, the copy's path).
fn review_in(test: &str) -> (PathBuf, PathBuf) {
    let dir = scratch("safety", test);
    let review = dir.join("review.arch");
    std::fs::copy(root().join(REVIEW), &review).expect("the example is copied");
    (dir, review)
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("the file is read")
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder is read")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Every command that writes, with `-o OUT`.
fn writing_commands(input: &str, out: &str) -> Vec<Vec<String>> {
    let commands: [&[&str]; 6] = [
        &["render", input, "-o", out],
        &["render", input, "--format", "png", "-o", out],
        &["table", input, "-o", out],
        &["report", input, "-o", out],
        &["report", input, "--format", "html", "-o", out],
        &["export", input, "--to", "d2", "-o", out],
    ];
    commands
        .iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn no_command_writes_over_its_input_by_any_name() {
    let (dir, review) = review_in("input-by-any-name");
    let original = text(&review);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("review.arch", dir.join("link.arch")).expect("symlink");
        std::fs::hard_link(&review, dir.join("hard.arch")).expect("hard link");
    }
    let absolute = review.to_string_lossy().into_owned();
    let mut outs = vec!["review.arch", "./review.arch", absolute.as_str()];
    if cfg!(unix) {
        outs.extend(["link.arch", "hard.arch"]);
    }
    for out in outs {
        for args in writing_commands("review.arch", out) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = archc_in(&dir, &args, b"");
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{args:?}");
            assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains("it is the input"),
                "{args:?}: {}",
                run.stderr
            );
            assert_eq!(text(&review), original, "{args:?} changed the input");
        }
    }
    let mut expected = vec!["review.arch"];
    if cfg!(unix) {
        expected = vec!["hard.arch", "link.arch", "review.arch"];
    }
    assert_eq!(names_in(&dir), expected, "nothing else was written");
}

#[test]
fn a_report_to_a_device_writes_no_diagrams_beside_it() {
    let (dir, _) = review_in("report-to-device");
    let run = archc_in(&dir, &["report", "review.arch", "-o", "/dev/null"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(names_in(&dir), ["review.arch"]);
    assert!(!Path::new("/dev/null-current.svg").exists());
    assert!(!Path::new("/dev/-current.svg").exists());
}

#[test]
fn a_markdown_report_names_the_diagrams_it_writes_beside_it() {
    let (dir, _) = review_in("report-siblings");
    let run = archc_in(
        &dir,
        &["report", "review.arch", "-o", "out/summary.md"],
        b"",
    );
    // The folder must exist: archc does not create folders the user did not make.
    assert_eq!(run.code, 2, "{}", run.stderr);
    std::fs::create_dir(dir.join("out")).expect("mkdir");
    let run = archc_in(
        &dir,
        &["report", "review.arch", "-o", "out/summary.md"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "wrote `out/summary-current.svg` and `out/summary-proposed.svg` beside the report\n"
    );
    assert_eq!(
        names_in(&dir.join("out")),
        ["summary-current.svg", "summary-proposed.svg", "summary.md"]
    );
}

#[cfg(unix)]
#[test]
fn a_planted_symlink_never_redirects_a_write() {
    let (dir, _) = review_in("planted-symlink");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").expect("victim");
    // Every name the old scheme could have used, and a few more, point at the victim.
    for name in [
        ".out.svg.tmp",
        ".out.svg.1.tmp",
        ".archc-out.tmp",
        "out.svg.tmp",
    ] {
        std::os::unix::fs::symlink(&victim, dir.join(name)).expect("symlink");
    }
    let run = archc_in(&dir, &["render", "review.arch", "-o", "out.svg"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(text(&victim), "keep me");
    assert!(text(&dir.join("out.svg")).starts_with("<svg"));
    assert_eq!(
        names_in(&dir),
        [
            ".archc-out.tmp",
            ".out.svg.1.tmp",
            ".out.svg.tmp",
            "out.svg",
            "out.svg.tmp",
            "review.arch",
            "victim.txt"
        ],
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn an_output_keeps_its_mode_and_a_symlinked_output_stays_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = review_in("output-mode");
    let out = dir.join("private.svg");
    std::fs::write(&out, "old").expect("old output");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let run = archc_in(&dir, &["render", "review.arch", "-o", "private.svg"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mode = std::fs::metadata(&out).expect("stat").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    std::os::unix::fs::symlink("private.svg", dir.join("link.svg")).expect("symlink");
    let run = archc_in(&dir, &["table", "review.arch", "-o", "link.svg"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.join("link.svg")).expect("lstat");
    assert!(link.file_type().is_symlink());
    assert!(text(&out).starts_with("| Point"), "{}", text(&out));
}

// ----- fmt ---------------------------------------------------------------------------

const UNFORMATTED: &str = "system crm \"CRM\"   { kind: crm }\n";
const FORMATTED: &str = "system crm \"CRM\" { kind: crm }\n";

#[cfg(unix)]
#[test]
fn fmt_refuses_a_read_only_file_and_keeps_the_mode_of_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("safety", "fmt-modes");
    let locked = dir.join("locked.arch");
    std::fs::write(&locked, UNFORMATTED).expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = archc_in(&dir, &["fmt", "locked.arch"], b"");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert_eq!(text(&locked), UNFORMATTED);

    let private = dir.join("private.arch");
    std::fs::write(&private, UNFORMATTED).expect("write");
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let run = archc_in(&dir, &["fmt", "private.arch"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(text(&private), FORMATTED);
    let mode = std::fs::metadata(&private)
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_hard_links_and_symlinks_pointing_at_the_formatted_text() {
    let dir = scratch("safety", "fmt-links");
    let real = dir.join("real.arch");
    std::fs::write(&real, UNFORMATTED).expect("write");
    std::fs::hard_link(&real, dir.join("hard.arch")).expect("hard link");
    std::os::unix::fs::symlink("real.arch", dir.join("soft.arch")).expect("symlink");
    let run = archc_in(&dir, &["fmt", "soft.arch"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["real.arch", "hard.arch", "soft.arch"] {
        assert_eq!(text(&dir.join(name)), FORMATTED, "{name}");
    }
    let soft = std::fs::symlink_metadata(dir.join("soft.arch")).expect("lstat");
    assert!(soft.file_type().is_symlink());
    assert_eq!(names_in(&dir), ["hard.arch", "real.arch", "soft.arch"]);
}

#[test]
fn fmt_check_prints_a_whole_unified_diff() {
    let dir = scratch("safety", "fmt-diff");
    let body: String = (0..30)
        .map(|i| format!("system s{i} \"S{i}\"   {{ kind: crm }}\n"))
        .collect();
    std::fs::write(dir.join("many.arch"), &body).expect("write");
    let run = archc_in(&dir, &["fmt", "--check", "many.arch"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some("would reformat: many.arch"));
    assert_eq!(lines.next(), Some("--- many.arch"));
    assert_eq!(lines.next(), Some("+++ many.arch"));
    let removed = run.stdout.lines().filter(|l| l.starts_with("-s")).count();
    let added = run.stdout.lines().filter(|l| l.starts_with("+s")).count();
    assert_eq!((removed, added), (30, 30), "{}", run.stdout);
    assert!(!run.stdout.contains("more"), "{}", run.stdout);
}

// ----- folders -----------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_folder_expands_to_regular_files_only() {
    let dir = scratch("safety", "folder-fifo");
    std::fs::copy(root().join(REVIEW), dir.join("a.arch")).expect("copy");
    let fifo = dir.join("pipe.arch");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.arch")).expect("symlink");
    let shown = dir.to_string_lossy().into_owned();
    let run = archc(&["check", &shown]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 file checked"), "{}", run.stdout);
    for skipped in ["pipe.arch", "zero.arch"] {
        assert!(
            run.stderr
                .contains(&format!("{skipped}`: not a regular file")),
            "{}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_followed_and_a_loop_is_reported() {
    let dir = scratch("safety", "folder-links");
    let real = dir.join("real");
    std::fs::create_dir(&real).expect("mkdir");
    std::fs::copy(root().join(REVIEW), real.join("a.arch")).expect("copy");
    let top = dir.join("top");
    std::fs::create_dir(&top).expect("mkdir");
    std::os::unix::fs::symlink(&real, top.join("linked")).expect("symlink");
    let run = archc(&["check", "--format", "short", &top.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    std::os::unix::fs::symlink(&top, top.join("loop")).expect("symlink");
    let run = archc(&["check", &top.to_string_lossy()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("links back to"), "{}", run.stderr);
}

#[test]
fn an_empty_folder_says_so() {
    let dir = scratch("safety", "folder-empty");
    let run = archc(&["check", &dir.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("no `.arch` files under"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_named_endless_input_stops_at_the_size_limit() {
    let run = archc(&["check", "/dev/zero"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("larger than 64 MiB"), "{}", run.stderr);
}
