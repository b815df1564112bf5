//! The authors' checker (`cargo run --features cli -- check a.json`), driven through
//! its pure entry points on the fixtures in `tests/fixtures/articles/`: a valid
//! article (the seed), one with many problems, one with unknown fields, one that is
//! not JSON and one whose shape is wrong. Positions are asserted exactly.

#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use evidence_article::cli::{self, check_source, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use evidence_article::model::finding::{Group, Interval};
use evidence_article::model::limits::{MAX_BYTES, MAX_DEPTH};
use evidence_article::model::{Article, CslDate, Finding, Name, Reference, Text};

const DIR: &str = "tests/fixtures/articles";

fn check(files: &[&str]) -> (Vec<String>, i32) {
    let mut args = vec!["evidence-article".to_owned(), "check".to_owned()];
    args.extend(files.iter().map(|f| format!("{DIR}/{f}")));
    cli::execute(&args)
}

/// Some line contains `part`.
fn assert_contains(lines: &[String], part: &str) {
    assert!(
        lines.iter().any(|l| l.contains(part)),
        "expected a line containing\n  {part}\ngot\n  {}",
        lines.join("\n  ")
    );
}

fn assert_has(lines: &[String], expected: &str) {
    assert!(
        lines.iter().any(|l| l == expected),
        "expected the line\n  {expected}\ngot\n  {}",
        lines.join("\n  ")
    );
}

#[test]
fn the_seed_has_no_errors_and_only_its_coverage_warnings() {
    let (lines, code) = check(&["valid.json"]);
    let f = format!("{DIR}/valid.json");
    let hint = "may be hard for lay readers: explain it in the text or give it a glossary entry";
    assert_eq!(
        lines,
        vec![
            format!(
                "{f}:46:13: warning: sections[0].blocks[0].text.plain: \"conditionally\" {hint}"
            ),
            format!(
                "{f}:46:13: warning: sections[0].blocks[0].text.plain: \"immunoglobulin\" {hint}"
            ),
            format!(
                "{f}:46:13: warning: sections[0].blocks[0].text.plain: \"rheumatology\" {hint}"
            ),
            format!("{f}: 0 errors, 3 warnings"),
        ]
    );
    assert_eq!(code, EXIT_OK);
}

#[test]
fn strict_turns_reading_and_coverage_warnings_into_errors_but_not_hints() {
    let mut args = vec![
        "evidence-article".to_owned(),
        "check".to_owned(),
        "--strict".to_owned(),
    ];
    args.push(format!("{DIR}/valid.json"));
    // The seed passes --strict: its glossary candidates are hints, not warnings.
    let (lines, code) = cli::execute(&args);
    assert_eq!(code, EXIT_OK, "{lines:#?}");
    assert!(lines
        .iter()
        .any(|l| l.contains(": warning: sections[0].blocks[0].text.plain: \"conditionally\"")));
    assert_eq!(
        lines.last().map(String::as_str),
        Some(format!("{DIR}/valid.json: 0 errors, 3 warnings").as_str())
    );

    // An abbreviation without a glossary entry: a warning, an error with --strict.
    let mut a: Article =
        serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("seed");
    a.glossary.retain(|g| g.term != "CI");
    let raw = serde_json::to_string_pretty(&a).expect("json");
    let expected = "references[1].key-finding.professional: \"CI\" looks like an abbreviation";
    let (r, _) = cli::inspect("a.json", &raw, cli::Options { strict: false });
    assert_contains(&r.lines(), &format!("warning: {expected}"));
    assert_eq!((r.errors(), r.warnings()), (0, 4));
    let (r, _) = cli::inspect("a.json", &raw, cli::Options { strict: true });
    assert_contains(&r.lines(), &format!("error: {expected}"));
    assert_eq!((r.errors(), r.warnings()), (1, 3));

    // A plain text far above the reading level: a warning, an error with --strict.
    let mut a: Article =
        serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("seed");
    if let Some(Text::Registers(m)) = a.references[0].key_finding.as_mut() {
        m.insert("plain".into(), "Immunosuppressive pharmacotherapy necessitates individualised consideration of comorbidities, contraindications and interactions.".into());
    }
    let raw = serde_json::to_string_pretty(&a).expect("json");
    let expected = "references[0].key-finding.plain: the plain-language text reads at grade";
    let r = check_source("a.json", &raw);
    assert_contains(&r.lines(), &format!("warning: {expected}"));
    let (r, _) = cli::inspect("a.json", &raw, cli::Options { strict: true });
    assert_contains(&r.lines(), &format!("error: {expected}"));
}

#[test]
fn every_problem_of_a_broken_article_is_reported_at_its_place() {
    let (lines, code) = check(&["broken.json"]);
    assert_eq!(code, EXIT_ERRORS);
    let f = format!("{DIR}/broken.json");
    for expected in [
        format!("{f}:6:15: error: review.status: \"done\" is not a review status: use submitted, under-review or approved"),
        format!("{f}:7:3: error: last-updated: \"2025-02-30\" is not a real date in the form YYYY-MM-DD"),
        format!("{f}:8:39: error: audiences.patient[1]: \"simple\" is not a register (professional, plain)"),
        format!("{f}:11:7: error: sections[0].id: a section id uses only a-z, 0-9 and hyphens (at most 64)"),
        format!("{f}:18:13: error: sections[0].blocks[0].text.plain: cites [@trial-b] but the professional text cites [@trial-a]: both versions must cite the same sources"),
        // The missing `plain` points at the `text` that lacks it.
        format!("{f}:23:11: error: sections[0].blocks[1].text.plain: plain-language text is missing (every block with professional text needs one)"),
        format!("{f}:24:13: error: sections[0].blocks[1].text.professional: the link \"javascript:void\" is not allowed: only http, https, mailto or relative links are"),
        format!("{f}:29:5: warning: sections[1]: the section is empty"),
    ] {
        assert_has(&lines, &expected);
    }
    assert_eq!(lines.len(), 9, "{lines:#?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some(format!("{f}: 7 errors, 1 warning").as_str())
    );
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let (lines, code) = check(&["unknown-fields.json"]);
    let f = format!("{DIR}/unknown-fields.json");
    assert_eq!(
        lines,
        vec![
            format!("{f}:6:37: warning: review.reviewed-by: unknown field \"reviewed-by\": evidence-article/1 ignores it"),
            format!("{f}:18:11: warning: sections[0].blocks[0].footnote: unknown field \"footnote\": evidence-article/1 ignores it"),
            format!("{f}:28:7: warning: references[0].doi: unknown field \"doi\" (did you mean \"DOI\"?): evidence-article/1 ignores it"),
            format!("{f}:34:3: warning: x-editor-note: unknown field \"x-editor-note\": evidence-article/1 ignores it"),
            format!("{f}: 0 errors, 4 warnings"),
        ]
    );
    assert_eq!(code, EXIT_OK);
}

#[test]
fn a_syntax_error_uses_the_parsers_line_and_column() {
    let (lines, code) = check(&["not-json.json"]);
    let f = format!("{DIR}/not-json.json");
    assert_eq!(
        lines,
        vec![
            format!("{f}:6:3: error: $: not valid JSON: expected `,` or `}}`"),
            format!("{f}: 1 error, 0 warnings"),
        ]
    );
    assert_eq!(code, EXIT_ERRORS);
}

#[test]
fn a_shape_error_points_at_the_offending_key() {
    let (lines, code) = check(&["wrong-shape.json"]);
    assert_has(
        &lines,
        &format!("{DIR}/wrong-shape.json:12:11: error: sections[0].blocks[0].type: not in the evidence-article format: unknown variant `table`, expected one of `paragraph`, `list`, `findings`"),
    );
    assert_eq!(code, EXIT_ERRORS);

    let r = check_source(
        "a.json",
        "{\"format\": \"evidence-article/1\",\n  \"question\": 5\n}",
    );
    assert_eq!(
        r.lines()[0],
        "a.json:2:3: error: question: not in the evidence-article format: expected text: a string, or an object of strings keyed by register (\"professional\", \"plain\")"
    );
    let r = check_source("a.json", "{\"publisher\": {\"nam\": \"P\"}}");
    assert_eq!(
        r.lines()[..2],
        [
            "a.json:1:2: error: publisher: not in the evidence-article format: missing field `name`",
            "a.json:1:16: warning: publisher.nam: unknown field \"nam\" (did you mean \"name\"?): evidence-article/1 ignores it",
        ]
    );
}

#[test]
fn several_files_exit_with_the_worst_outcome() {
    let (lines, code) = check(&["valid.json", "unknown-fields.json"]);
    assert_eq!(code, EXIT_OK);
    assert_eq!(lines.iter().filter(|l| l.ends_with("warnings")).count(), 2);
    let (_, code) = check(&["unknown-fields.json", "broken.json", "valid.json"]);
    assert_eq!(code, EXIT_ERRORS);
}

#[test]
fn usage_and_unreadable_files() {
    let (lines, code) = cli::execute(&["evidence-article".to_owned()]);
    assert_eq!(code, EXIT_USAGE);
    assert!(lines[0].starts_with("usage: evidence-article COMMAND"));
    let (lines, code) = cli::execute(&["evidence-article".into(), "frobnicate".into()]);
    assert_eq!(code, EXIT_USAGE);
    assert_eq!(lines[0], "evidence-article: unknown command \"frobnicate\"");
    let (lines, code) = cli::execute(&[
        "evidence-article".into(),
        "check".into(),
        "--strikt".into(),
        "a.json".into(),
    ]);
    assert_eq!(code, EXIT_USAGE);
    assert_eq!(lines[0], "check: unknown option \"--strikt\"");
    let (_, code) = cli::execute(&["evidence-article".into(), "check".into()]);
    assert_eq!(code, EXIT_USAGE);
    let (_, code) = cli::execute(&["evidence-article".into(), "--help".into()]);
    assert_eq!(code, EXIT_OK);
    let (lines, code) = check(&["does-not-exist.json"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(lines[0].contains("cannot read"), "{lines:?}");
}

#[test]
fn limits_apply() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let r = check_source("deep.json", &deep);
    assert_eq!(r.errors(), 1);
    assert!(r.lines()[0].starts_with("deep.json:1:1: error: $: The article nests"));
    let big = " ".repeat(MAX_BYTES + 1);
    let r = check_source("big.json", &big);
    assert!(r.lines()[0].starts_with("big.json:1:1: error: $: The article is 2048 KiB"));
}

fn text(professional: &str, plain: &str) -> Text {
    Text::Registers(
        [
            ("professional".to_owned(), professional.to_owned()),
            ("plain".to_owned(), plain.to_owned()),
        ]
        .into(),
    )
}

/// Every field the types can serialize is a field the checker knows, so a fully
/// populated article gets no unknown-field warning (guards the schema walk).
#[test]
fn every_serializable_field_is_known() {
    let mut a: Article =
        serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("seed");
    a.sections[0].collapsed = true;
    a.review_interval_months = Some(6);
    assert!(!a.editor_notes.is_empty(), "the seed has editor's notes");
    a.references[0] = Reference {
        id: a.references[0].id.clone(),
        kind: "article-journal".into(),
        title: "Title".into(),
        author: vec![Name {
            family: "Doe".into(),
            given: Some("J".into()),
        }],
        author_list_truncated: true,
        container_title: Some("Journal".into()),
        container_title_short: Some("J".into()),
        issued: Some(CslDate {
            date_parts: vec![vec![2024, 1, 2]],
        }),
        volume: Some("1".into()),
        issue: Some("2".into()),
        page: Some("3-4".into()),
        doi: Some("10.1/x".into()),
        pmid: Some("1".into()),
        pmcid: Some("PMC1".into()),
        url: Some("https://example.org/".into()),
        source_kind: Some("guideline".into()),
        key_finding: Some(Text::Registers(
            [
                ("professional".to_owned(), "Found.".to_owned()),
                ("plain".to_owned(), "It found this.".to_owned()),
            ]
            .into(),
        )),
        certainty: Some(Text::Registers(
            [
                ("professional".to_owned(), "High".to_owned()),
                ("plain".to_owned(), "Sure.".to_owned()),
            ]
            .into(),
        )),
        // Every field of a finding: a difference (estimate name, estimate, unit,
        // interval) and a proportion (a group with its count, and an interval).
        findings: vec![
            Finding {
                measure: text("FVC at 12 months", "Breathing test"),
                kind: "difference".into(),
                estimate_name: Some(text("difference", "difference")),
                estimate: Some("+3.90".into()),
                unit: Some(text("percentage points", "points")),
                interval: Some(Interval {
                    level: "95".into(),
                    low: "1.95".into(),
                    high: "5.84".into(),
                }),
                groups: vec![],
                reading: text("Above 0.", "Better than expected."),
            },
            Finding {
                measure: text("Stopped early", "Stopped early"),
                kind: "proportion".into(),
                estimate_name: None,
                estimate: None,
                unit: None,
                interval: Some(Interval {
                    level: "95".into(),
                    low: "20".into(),
                    high: "30".into(),
                }),
                groups: vec![Group {
                    label: text("Treated", "Treated"),
                    percent: "27".into(),
                    count: Some(15),
                    of: Some(56),
                }],
                reading: text("A quarter stopped.", "About 1 in 4 stopped."),
            },
        ],
        likely: [("DOI".to_owned(), "10.1/y".to_owned())].into(),
    };
    let text = serde_json::to_string_pretty(&a).expect("serialize");
    let r = check_source("full.json", &text);
    let unknown: Vec<String> = r
        .lines()
        .into_iter()
        .filter(|l| l.contains("unknown field"))
        .collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
    assert_eq!(r.errors(), 0, "{:#?}", r.lines());
    for field in [
        "estimate-name",
        "\"unit\"",
        "\"interval\"",
        "\"count\"",
        "\"of\"",
    ] {
        assert!(text.contains(field), "{field} is serialized");
    }
    // An unknown field inside a finding is still reported, at its path.
    let unknown_inside = text.replacen("\"estimate-name\"", "\"estimate-nam\"", 1);
    let r = check_source("full.json", &unknown_inside);
    assert!(
        r.lines()
            .iter()
            .any(|l| l.contains("references[0].findings[0].estimate-nam: unknown field")),
        "{:#?}",
        r.lines()
    );
}
