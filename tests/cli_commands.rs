//! The CLI's `new`, `stats` and help pages, through its pure entry point.

#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use evidence_article::cli::{self, check_source, outcome, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

fn run(args: &[&str]) -> cli::Outcome {
    let mut all = vec!["evidence-article".to_owned()];
    all.extend(args.iter().map(|a| (*a).to_owned()));
    outcome(&all)
}

/// A scratch directory of this test process, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("ea-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn new_writes_a_skeleton_that_passes_strict_checking() {
    let dir = Scratch::new("new");
    let file = dir.file("article.json");
    let o = run(&["new", &file]);
    assert_eq!(o.code, EXIT_OK, "{o:?}");
    assert!(o.stderr[0].contains("written"), "{o:?}");
    let o = run(&["check", "--strict", &file]);
    assert_eq!(o.stdout, [format!("{file}: 0 errors, 0 warnings")]);
    assert_eq!(o.code, EXIT_OK);
    // Every top-level field of the format is present, each explained in place.
    let raw = std::fs::read_to_string(&file).expect("written");
    let value: serde_json::Value = serde_json::from_str(&raw).expect("json");
    for key in [
        "format",
        "id",
        "lang",
        "question",
        "publisher",
        "review",
        "last-updated",
        "review-interval-months",
        "editorial-policy",
        "audiences",
        "sections",
        "glossary",
        "references",
        "editor-notes",
        "disclaimer",
        "follow-up",
    ] {
        assert!(value.get(key).is_some(), "{key} missing");
    }
    assert!(value["question"]["plain"]
        .as_str()
        .is_some_and(|q| q.starts_with("Write ")));
    // No identifier is made up: the skeleton has no DOI, PMID, PMCID or URL.
    for id in ["DOI", "PMID", "PMCID", "URL"] {
        assert!(value["references"][0].get(id).is_none(), "{id}");
    }
    // Dated today, so it is not stale.
    assert_ne!(value["last-updated"], serde_json::json!("2026-01-01"));
    // An existing file is kept unless --force.
    let o = run(&["new", &file]);
    assert_eq!(o.code, EXIT_USAGE);
    assert!(
        o.stderr[0].ends_with("already exists: choose another name, or pass --force to replace it")
    );
    assert_eq!(run(&["new", &file, "--force"]).code, EXIT_OK);
}

#[test]
fn new_without_a_file_prints_the_skeleton() {
    let o = run(&["new"]);
    assert_eq!(o.code, EXIT_OK);
    let r = check_source("new.json", &o.stdout.join("\n"));
    assert_eq!(r.lines(), ["new.json: 0 errors, 0 warnings"]);
    assert_eq!(run(&["new", "a.json", "b.json"]).code, EXIT_USAGE);
}

#[test]
fn stats_prints_the_reading_level_and_coverage_tables() {
    let o = run(&["stats", "tests/fixtures/articles/valid.json"]);
    assert_eq!(o.code, EXIT_OK, "{o:?}");
    let text = o.stdout.join("\n");
    let whole = o
        .stdout
        .iter()
        .find(|l| l.trim_start().starts_with("WHOLE ARTICLE"))
        .expect("whole-article row");
    // 1197 words, 123 sentences, 1888 syllables: grade 6.8 (the studio e2e test's figures).
    assert_eq!(
        whole.split_whitespace().collect::<Vec<_>>(),
        ["WHOLE", "ARTICLE", "1197", "123", "1888", "6.8", "meets", "the", "target"]
    );
    assert!(text.contains("1. grade 30.2  sections[0].blocks[3].text.plain (sentence 5): Another is hypersensitivity pneumonitis."));
    // The seed's only coverage findings are three glossary candidates (hints).
    assert!(text.contains("Coverage (3 finding(s))"));
    assert!(!text.contains("abbreviation  "));
    assert!(text.contains("references[4].findings[1].reading.plain"));
    assert!(text.contains("editor-notes[8].note.plain"));
    let o = run(&["stats", "tests/fixtures/articles/not-json.json"]);
    assert_eq!(o.code, EXIT_ERRORS);
    assert!(o.stdout[0].contains("not valid JSON"));
    assert_eq!(run(&["stats"]).code, EXIT_USAGE);
    assert_eq!(run(&["stats", "missing.json"]).code, EXIT_USAGE);
}

#[test]
fn every_command_has_help_and_the_overview_documents_exit_codes() {
    for cmd in ["new", "import", "check", "stats", "render", "help"] {
        let o = run(&[cmd, "--help"]);
        assert_eq!(o.code, EXIT_OK, "{cmd}");
        assert!(
            o.stdout[0].starts_with("usage: evidence-article"),
            "{cmd}: {o:?}"
        );
        assert!(
            o.stdout.iter().any(|l| l.starts_with("exit status: 0")),
            "{cmd}"
        );
        assert_eq!(run(&["help", cmd]).stdout, o.stdout, "{cmd}");
    }
    let o = run(&["--help"]);
    assert!(o
        .stdout
        .iter()
        .any(|l| l.contains("cargo install --path . --features cli")));
    // A usage mistake prints the message, then the command's help, on standard error.
    let o = run(&["render", "--audience"]);
    assert_eq!(o.code, EXIT_USAGE);
    assert!(o.stdout.is_empty());
    assert_eq!(o.stderr[0], "render: --audience needs an id");
    assert!(o.stderr[1].starts_with("usage: evidence-article render"));
}
