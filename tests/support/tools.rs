//! Finding and running the real tools that check archc's output and the GitHub Action
//! (Chromium, Graphviz, D2, xmllint, Node, ShellCheck, check-jsonschema, actionlint): a test
//! that needs one fails under `CI` when it is missing, and locally prints a notice and checks
//! nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `program` on `PATH`, if there.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// `program` on `PATH`; when it is missing, fails under `CI` (with `install`, how to get it)
/// and otherwise prints a notice that `check` did not run.
pub fn required(program: &str, install: &str, check: &str) -> Option<PathBuf> {
    let found = on_path(program);
    if found.is_none() {
        missing(program, install, check);
    }
    found
}

/// Reports a missing tool: a failure under `CI`, a notice locally.
pub fn missing(tool: &str, install: &str, check: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is needed for {check}: {install}"
    );
    eprintln!("notice: {tool} is missing ({install}); {check} did not run");
}

/// The Node packages of `tests/tools`, installed by `npm ci`; `None` (after a notice, or a
/// failure under CI) when Node or the packages are missing.
pub fn node_tools(package: &str, check: &str) -> Option<PathBuf> {
    let install = "cd tests/tools && npm ci";
    let node = required("node", "apt-get install -y nodejs npm", check)?;
    if !super::root()
        .join("tests/tools/node_modules")
        .join(package)
        .is_dir()
    {
        missing(package, install, check);
        return None;
    }
    Some(node)
}

/// Runs `program` with `stdin`, killing it (and failing the test) past `limit`.
pub fn run_with_stdin(
    program: &Path,
    args: &[&str],
    stdin: &str,
    limit: Duration,
) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} starts: {e}", program.display()));
    let input = child.stdin.take();
    let text = stdin.to_owned();
    // Write from a thread: a tool that answers while reading would otherwise deadlock.
    let writer = std::thread::spawn(move || {
        if let Some(mut input) = input {
            let _ = input.write_all(text.as_bytes());
        }
    });
    let out = wait_with_output_or_kill(child, limit, program);
    let _ = writer.join();
    out
}

fn wait_with_output_or_kill(
    child: std::process::Child,
    limit: Duration,
    program: &Path,
) -> std::process::Output {
    let id = child.id();
    let (done, finished) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let out = child.wait_with_output();
        let _ = done.send(());
        out
    });
    if finished.recv_timeout(limit).is_err() {
        // Kill by the one process ID this test started.
        let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
        panic!(
            "{} did not finish within {} s",
            program.display(),
            limit.as_secs()
        );
    }
    waiter
        .join()
        .expect("the waiting thread finishes")
        .expect("the program's output is read")
}

/// Opens `page` in headless Chromium (fresh profile in `dir`, no network services, any
/// `extra` flags) and returns the JSON object its script wrote into `<pre id="verdict">`.
pub fn run_chromium(
    chromium: &Path,
    dir: &Path,
    page: &Path,
    extra: &[&str],
) -> serde_json::Map<String, serde_json::Value> {
    let profile = dir.join("profile");
    let (stdout_path, stderr_path) = (dir.join("dom.html"), dir.join("chromium.log"));
    let stdout = std::fs::File::create(&stdout_path).expect("a file for the DOM");
    let stderr = std::fs::File::create(&stderr_path).expect("a file for the log");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ])
        .args(extra)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("chromium starts");
    wait_or_kill(&mut child, Duration::from_secs(180));
    let dom = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let log = || std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let start = dom
        .find("<pre id=\"verdict\">")
        .map(|i| i + "<pre id=\"verdict\">".len());
    let json = start
        .and_then(|s| dom[s..].find("</pre>").map(|e| &dom[s..s + e]))
        .unwrap_or_else(|| panic!("no verdict in the page; chromium said:\n{}", log()));
    let json = json
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => panic!("the verdict is not a JSON object: {json}"),
    }
}

/// Waits for `child`, killing it (and failing the test) if it runs past `limit`.
fn wait_or_kill(child: &mut std::process::Child, limit: Duration) {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return,
            Ok(None) if start.elapsed() < limit => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within {} s", limit.as_secs());
            }
        }
    }
}
