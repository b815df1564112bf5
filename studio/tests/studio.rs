//! Native tests of the studio's pure parts: the span-aware scanner (path → line:column,
//! syntax errors), the analysis (limits, syntax, shape, validate), the draft reducer
//! and the export strings.
#![cfg(not(target_arch = "wasm32"))]

use evidence_article::model::limits::MAX_BYTES;
use evidence_article::model::validate::Severity;
use evidence_studio::check::analyse;
use evidence_studio::draft::{Draft, DraftAction, SaveState, Tone};
use evidence_studio::export;
use evidence_studio::spans::{self, Lines};

const SEED: &str = include_str!("../../static/articles/azathioprine-ild-uip.json");

fn line_col(text: &str, path: &str) -> (usize, usize) {
    let s = spans::scan(text).expect("valid JSON");
    let p = Lines::new(text).position(s.locate(path));
    (p.line, p.column)
}

#[test]
fn paths_map_to_the_line_and_column_of_their_value() {
    let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c-d\": {\"e\": true}\n}";
    assert_eq!(line_col(text, ""), (1, 1));
    assert_eq!(line_col(text, "a"), (2, 8));
    assert_eq!(line_col(text, "a[0]"), (2, 9));
    assert_eq!(line_col(text, "a[1]"), (2, 12));
    assert_eq!(line_col(text, "a[1].b"), (2, 18));
    assert_eq!(line_col(text, "c-d.e"), (3, 16));
    // A path below a string, or a member that does not exist: the nearest value.
    assert_eq!(line_col(text, "a[1].b.plain"), (2, 18));
    assert_eq!(line_col(text, "c-d.missing"), (3, 10));
    assert_eq!(line_col(text, "nowhere[3].x"), (1, 1));
}

#[test]
fn columns_count_characters_and_the_caret_counts_utf16() {
    let text = "{\"é😀\": \"x\", \"k\": 1}";
    let s = spans::scan(text).expect("valid");
    let off = s.get("k").expect("k");
    assert_eq!(Lines::new(text).position(off).column, 18);
    // é is one UTF-16 unit, 😀 two: three characters before "k" differ from bytes.
    assert_eq!(spans::utf16_index(text, off), 18);
    assert_eq!(off, 21);
}

#[test]
fn keys_with_escapes_and_odd_characters_get_a_path() {
    let text = r#"{"a\"b": {"c d": [true]}}"#;
    let s = spans::scan(text).expect("valid");
    assert_eq!(s.get(r#"["a\"b"]["c d"][0]"#), Some(18));
}

#[test]
fn syntax_errors_have_line_column_and_a_plain_message() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("{\n  \"a\": 1,\n}", (3, 1), "member name"),
        ("[1, 2,]", (1, 7), "comma too many"),
        ("{\"a\" 1}", (1, 6), "':'"),
        ("{\"a\": tru}", (1, 7), "expected a value"),
        ("{\"a\": \"x\n\"}", (1, 9), "inside a string"),
        ("{\"a\": \"x", (1, 7), "never closed"),
        ("{\"a\": 01}", (1, 8), "',' or '}'"),
        ("{\"a\": 1} x", (1, 10), "after the end"),
        ("[1 2]", (1, 4), "',' or ']'"),
        ("{\"a\": \"\\q\"}", (1, 8), "escape"),
        ("", (1, 1), "text ends"),
        ("{\"a\": -}", (1, 7), "number"),
    ];
    for (text, (line, column), words) in cases {
        let e = spans::scan(text).expect_err(text);
        assert_eq!((e.at.line, e.at.column), (*line, *column), "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {e}");
    }
    assert!(spans::scan("[1.5e-3, -0, \"\\u00e9\\n\", null, false, {}, []]").is_ok());
}

#[test]
fn the_scanner_survives_any_nesting_without_recursion() {
    let deep = "[".repeat(200_000) + &"]".repeat(200_000);
    let s = spans::scan(&deep).expect("balanced");
    assert!(s.get("").is_some());
    let e = spans::scan(&"[".repeat(100_000)).expect_err("unclosed");
    assert_eq!(e.at.line, 1);
}

#[test]
fn the_seed_has_no_errors_and_renders() {
    let a = analyse(SEED);
    assert_eq!(a.errors(), 0, "{:?}", a.problems);
    assert!(a.article.is_some());
}

#[test]
fn removing_a_reference_gives_an_error_with_path_and_position() {
    // Rename the first reference's id: every citation of it now points nowhere.
    let broken = SEED.replacen("\"id\": \"acr-chest-2023\"", "\"id\": \"renamed\"", 1);
    let a = analyse(&broken);
    assert!(a.article.is_none());
    let e = a
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error && p.message.contains("acr-chest-2023"))
        .expect("an error about the missing reference");
    assert!(e.path.starts_with("sections["), "{}", e.path);
    // The position is that of the value the path names (or its nearest enclosing one).
    let s = spans::scan(&broken).expect("valid JSON");
    assert_eq!(e.at.offset, s.locate(&e.path));
    assert!(e.at.line > 30, "{e:?}");
    let line = broken.lines().nth(e.at.line - 1).expect("line");
    assert!(
        line.contains("acr-chest-2023") || line.trim_start().starts_with('"'),
        "{line}"
    );
}

#[test]
fn limits_syntax_shape_and_emptiness_each_get_one_clear_error() {
    let one = |text: &str| {
        let a = analyse(text);
        assert_eq!(a.problems.len(), 1, "{text:.40}: {:?}", a.problems);
        assert!(a.article.is_none());
        a.problems[0].clone()
    };
    assert!(one("  \n").message.contains("empty"));
    let big = format!("[\"{}\"]", "x".repeat(MAX_BYTES));
    assert!(one(&big).message.contains("the limit is 2048 KiB"));
    let deep = "[".repeat(100_000);
    assert!(one(&deep).message.contains("more than 32 levels"));
    let bad = one("{\n  \"format\": \"evidence-article/1\",\n  \"id\": }");
    assert_eq!((bad.at.line, bad.at.column), (3, 9));
    assert!(bad.message.starts_with("This is not valid JSON"));
    // Well-formed JSON of the wrong shape: the serde path is placed.
    let shape = SEED.replacen("\"lang\": \"en\"", "\"lang\": 5", 1);
    let p = one(&shape);
    assert_eq!(p.path, "lang");
    assert_eq!(p.at.line, 4);
    assert!(p.message.contains("evidence-article format"));
}

fn open(d: Draft, text: &str) -> Draft {
    d.reduce(DraftAction::Open {
        source: "a.json".into(),
        is_file: true,
        text: text.into(),
    })
}

#[test]
fn the_draft_saves_each_revision_and_ignores_late_writes() {
    let d = Draft::restored(None).reduce(DraftAction::Edit("{".into()));
    assert_eq!((d.revision, d.save.clone()), (1, SaveState::Pending));
    assert!(d.would_lose_on_close());
    let d = d.reduce(DraftAction::Edit("{}".into()));
    // The write of revision 1 finishes after revision 2 began: still pending.
    let d = d.reduce(DraftAction::Stored(1));
    assert_eq!(d.save, SaveState::Pending);
    let d = d.reduce(DraftAction::Stored(2));
    assert_eq!(d.save, SaveState::Saved);
    assert!(!d.would_lose_on_close());
    let d = d
        .reduce(DraftAction::Edit("{ }".into()))
        .reduce(DraftAction::StoreFailed(3, "full".into()));
    assert_eq!(d.save, SaveState::Failed("full".into()));
    assert!(d.would_lose_on_close());
    assert_eq!(&*d.text, "{ }", "a refused write loses nothing");
}

#[test]
fn opening_over_changes_asks_first_and_never_loses_the_draft() {
    let restored = Draft::restored(Some("{\"mine\": 1}".into()));
    // A restored draft was never downloaded: opening a file asks.
    let d = open(restored, "{\"theirs\": 2}");
    assert_eq!(&*d.text, "{\"mine\": 1}");
    assert!(d.pending.is_some());
    let kept = d.clone().reduce(DraftAction::CancelReplace);
    assert_eq!(&*kept.text, "{\"mine\": 1}");
    assert!(kept.pending.is_none());
    let replaced = d.reduce(DraftAction::ConfirmReplace);
    assert_eq!(&*replaced.text, "{\"theirs\": 2}");
    assert_eq!(replaced.file_name.as_deref(), Some("a.json"));
    assert_eq!(replaced.save, SaveState::Pending);
    // Unchanged since opened: the next file opens at once.
    let next = open(replaced, "[]");
    assert_eq!(&*next.text, "[]");
    // Edited, then downloaded: opens at once too.
    let exported = next
        .reduce(DraftAction::Edit("[1]".into()))
        .reduce(DraftAction::Exported);
    assert_eq!(&*open(exported, "[2]").text, "[2]");
    // An empty editor never asks.
    assert_eq!(&*open(Draft::restored(None), "[3]").text, "[3]");
}

#[test]
fn a_file_that_is_not_json_or_too_large_is_refused_with_the_reason() {
    let d = Draft::restored(Some("{\"mine\": 1}".into()));
    let r = open(d.clone(), "PK\u{3}\u{4} binary");
    assert_eq!(&*r.text, "{\"mine\": 1}");
    let (tone, msg) = r.notice.expect("notice");
    assert_eq!(tone, Tone::Refused);
    assert!(
        msg.contains("a.json was not opened") && msg.contains("line 1, column 1"),
        "{msg}"
    );
    assert!(msg.contains("Your draft is unchanged"));
    let deep = open(d.clone(), &"[".repeat(100_000));
    assert!(deep
        .notice
        .expect("notice")
        .1
        .contains("more than 32 levels"));
    let big = d.reduce(DraftAction::OpenTooLarge {
        source: "big.json".into(),
        bytes: 3 * 1024 * 1024,
    });
    assert_eq!(&*big.text, "{\"mine\": 1}");
    assert!(big
        .notice
        .expect("notice")
        .1
        .contains("3072 KiB; the limit is 2048 KiB"));
}

#[test]
fn exports_name_the_file_and_escape_for_html() {
    assert_eq!(export::file_name(Some("mine.json"), Some("x")), "mine.json");
    assert_eq!(
        export::file_name(Some("../evil.json"), Some("aza")),
        "aza.json"
    );
    assert_eq!(export::file_name(None, None), "article.json");
    let inline = export::snippet_inline(r#"{"a":"</script><b>"}"#);
    assert!(
        inline.contains(r#"{"a":"\u003c/script>\u003cb>"}"#),
        "{inline}"
    );
    assert_eq!(inline.matches("</script>").count(), 2);
    assert!(export::snippet_src("a\"b.json").contains("src=\"a&quot;b.json\""));
    let pre = export::prerendered("<div class=\"ea-root\">x</div>", "{}", "patient");
    assert!(pre.contains("<evidence-article audience=\"patient\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"evidence-article.css\"><div><div class=\"ea-root\">x</div></div></template><script type=\"application/json\">{}</script></evidence-article>"));
}

#[test]
fn the_reading_and_coverage_panels_use_the_library_analysis_with_placed_paths() {
    let a = analyse(SEED);
    let r = a.reading.as_ref().expect("reading");
    let article: evidence_article::model::Article = serde_json::from_str(SEED).expect("seed");
    let lib = evidence_article::analysis::reading(&article);
    // What the panel prints is what the CLI's `stats` prints for the seed.
    assert_eq!(
        evidence_studio::panels::grade(r.grade),
        evidence_studio::panels::grade(lib.grade)
    );
    assert_eq!(r.hardest.len(), 3);
    assert_eq!(*a.coverage, evidence_article::analysis::coverage(&article));
    // Every path the panels show has a place in the text; a block's is on its line.
    let s = spans::scan(SEED).expect("valid");
    for t in r.texts.iter().chain(&r.popovers) {
        let spot = a.spots.get(&t.path).unwrap_or_else(|| panic!("{}", t.path));
        assert_eq!(spot.at.offset, s.locate(&t.path));
    }
    let plain_block = r
        .texts
        .iter()
        .find(|t| t.path.ends_with(".text.plain"))
        .expect("a plain block");
    let spot = a.spots[&plain_block.path];
    let line = SEED.lines().nth(spot.at.line - 1).expect("line");
    assert!(line.trim_start().starts_with("\"plain\""), "{line}");
    // Text that does not parse has no panels.
    assert!(analyse("{").reading.is_none());
}
