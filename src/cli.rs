//! The authors' command-line tool (feature `cli`, native only; never in the wasm):
//!
//! ```text
//! cargo install --path . --features cli      # once; or `cargo run --features cli --`
//! evidence-article new article.json          # a skeleton to fill in
//! evidence-article import article.md --references refs.json -o article.json
//! evidence-article check [--strict] article.json [more.json …]
//! evidence-article stats article.json        # reading level and coverage tables
//! evidence-article render article.json [--audience ID] [--stylesheet URL | --bare]
//! evidence-article COMMAND --help
//! ```
//!
//! `check` prints every problem as `FILE:LINE:COL: error|warning: JSON-PATH: message`,
//! then a one-line summary per file. Exit status, for every command: 0 done
//! (warnings allowed), 1 problems found (errors, or warnings under `--strict`;
//! nothing written or rendered), 2 a usage mistake or a file that cannot be read
//! or written. The checks are the widget's own (limits, JSON syntax, shape,
//! [`validate`](crate::model::validate)), plus unknown fields, reported as warnings so
//! that newer articles still open in older checkers, plus the authoring analysis
//! ([`crate::analysis`]).

mod advice;
pub mod check;
pub mod error;
mod help;
pub mod import;
mod json;
pub mod locate;
mod new;
mod render;
pub mod report;
mod stats;

use std::io::Write;

pub use check::{check_file, check_source, inspect, Options};
pub use error::CliError;
pub use report::{Finding, Report};

/// Exit code: done, no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: problems found (errors, or warnings under `--strict`).
pub const EXIT_ERRORS: i32 = 1;
/// Exit code: the command was misused or a file could not be read or written.
pub const EXIT_USAGE: i32 = 2;

/// What a command printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Lines for standard output.
    pub stdout: Vec<String>,
    /// Lines for standard error.
    pub stderr: Vec<String>,
    /// The exit code.
    pub code: i32,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// Runs the command for `args` (program name first) without printing.
pub fn outcome(args: &[String]) -> Outcome {
    let rest = args.get(1..).unwrap_or_default();
    let Some((cmd, rest)) = rest.split_first() else {
        return Outcome {
            stdout: Vec::new(),
            stderr: lines(help::OVERVIEW),
            code: EXIT_USAGE,
        };
    };
    let wants_help = rest.iter().any(|a| a == "--help" || a == "-h");
    let page = match cmd.as_str() {
        "help" | "--help" | "-h" => Some(
            rest.first()
                .and_then(|c| help::page(c))
                .unwrap_or(help::OVERVIEW),
        ),
        c if wants_help => help::page(c),
        _ => None,
    };
    if let Some(page) = page {
        return Outcome {
            stdout: lines(page),
            stderr: Vec::new(),
            code: EXIT_OK,
        };
    }
    let result = match cmd.as_str() {
        "check" => check::command(rest).map(|(out, code)| (out, Vec::new(), code)),
        "stats" => stats::command(rest).map(|(out, code)| (out, Vec::new(), code)),
        "new" => new::command(rest),
        "import" => import::command(rest),
        // `render` prints markup on success; its problems must not end up in a page.
        "render" => render::command(rest).map(|(out, code)| match code {
            EXIT_OK => (out, Vec::new(), code),
            _ => (Vec::new(), out, code),
        }),
        other => Err(CliError::usage(
            "evidence-article",
            format!("unknown command {other:?}"),
        )),
    };
    match result {
        Ok((stdout, stderr, code)) => Outcome {
            stdout,
            stderr,
            code,
        },
        Err(e) => {
            let mut stderr = vec![e.to_string()];
            if let CliError::Usage { command, .. } = &e {
                stderr.extend(lines(help::page(command).unwrap_or(help::OVERVIEW)));
            }
            Outcome {
                stdout: Vec::new(),
                stderr,
                code: e.exit_code(),
            }
        }
    }
}

/// Runs the command for `args` (program name first) without printing: every line
/// it would print (standard output, then standard error) and the exit code.
pub fn execute(args: &[String]) -> (Vec<String>, i32) {
    let o = outcome(args);
    let mut all = o.stdout;
    all.extend(o.stderr);
    (all, o.code)
}

/// Runs the command, printing its lines, and returns the exit code.
pub fn run(args: impl IntoIterator<Item = String>) -> i32 {
    let args: Vec<String> = args.into_iter().collect();
    let o = outcome(&args);
    // A closed pipe (`… | head`) ends the output quietly instead of panicking.
    let mut out = std::io::stdout().lock();
    for line in &o.stdout {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let mut err = std::io::stderr().lock();
    for line in &o.stderr {
        if writeln!(err, "{line}").is_err() {
            break;
        }
    }
    o.code
}
