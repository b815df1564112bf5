//! Validation: one test per rule (each breaks one thing in the seed and expects an
//! error at an exact path), the loader's limits and error kinds, and property tests
//! that no text or URL (arbitrary or from the Big List of Naughty Strings) can make
//! parsing, validation, inline markup or view building panic, and that disguised
//! script URLs are always refused.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::seed_json;
use evidence_article::load::{self, LoadError};
use evidence_article::model::limits::{LimitError, MAX_BYTES};
use evidence_article::model::validate::{self, safe_href, Problem, Severity};
use evidence_article::model::{cite, inline, Article, Audience};
use evidence_article::viewmodel;
use proptest::prelude::*;
use serde_json::{json, Value};

fn problems(v: &Value) -> Vec<Problem> {
    let a: Article = serde_json::from_value(v.clone()).expect("still an article");
    validate::validate(&a)
}

/// Asserts an error at exactly `path` whose message contains `phrase`.
fn assert_error(v: &Value, path: &str, phrase: &str) -> Vec<Problem> {
    let ps = problems(v);
    assert!(
        ps.iter()
            .any(|p| p.severity == Severity::Error && p.path == path && p.message.contains(phrase)),
        "expected an error at {path} containing {phrase:?}; got {ps:#?}"
    );
    ps
}

#[test]
fn seed_is_clean() {
    assert_eq!(problems(&seed_json()), vec![]);
}

#[test]
fn unknown_citation_key_in_plain_text() {
    let mut v = seed_json();
    let path = "/sections/1/subsections/0/blocks/0/items/2/text/plain";
    let t = v
        .pointer(path)
        .and_then(Value::as_str)
        .expect("text")
        .replace("[@oldham-2016]", "[@oldham-2061]");
    *v.pointer_mut(path).expect("text") = json!(t);
    assert_error(
        &v,
        "sections[1].subsections[0].blocks[0].items[2].text.plain",
        "[@oldham-2061] is not a reference id",
    );
}

#[test]
fn unused_reference() {
    let mut v = seed_json();
    let mut extra = v["references"][1].clone();
    extra["id"] = json!("never-cited");
    v["references"].as_array_mut().expect("array").push(extra);
    assert_error(&v, "references[5]", "\"never-cited\" is never cited");
}

#[test]
fn duplicate_reference_id() {
    let mut v = seed_json();
    v["references"][3]["id"] = json!("oldham-2016");
    assert_error(&v, "references[3].id", "is also the id of references[1]");
}

#[test]
fn duplicate_section_id() {
    let mut v = seed_json();
    v["sections"][1]["subsections"][2]["id"] = json!("guidelines");
    assert_error(
        &v,
        "sections[1].subsections[2].id",
        "\"guidelines\" is used twice",
    );
}

#[test]
fn missing_plain_text_for_a_block() {
    let mut v = seed_json();
    v["sections"][0]["blocks"][1]["text"]
        .as_object_mut()
        .expect("object")
        .remove("plain");
    assert_error(
        &v,
        "sections[0].blocks[1].text.plain",
        "plain-language text is missing",
    );
    // A single string is professional text, so it needs a plain version too.
    let mut v = seed_json();
    v["sections"][0]["blocks"][2]["items"][0]["text"] =
        json!("Azathioprine is not recommended [@acr-chest-2023].");
    assert_error(
        &v,
        "sections[0].blocks[2].items[0].text.plain",
        "plain-language text is missing",
    );
}

#[test]
fn empty_required_text() {
    let mut v = seed_json();
    v["sections"][0]["blocks"][1]["text"]["plain"] = json!(" \n\t ");
    assert_error(&v, "sections[0].blocks[1].text.plain", "empty");
    let mut v = seed_json();
    v["question"]["professional"] = json!("");
    assert_error(&v, "question.professional", "empty");
    let mut v = seed_json();
    v["disclaimer"]["title"] = json!("   ");
    assert_error(&v, "disclaimer.title", "empty");
    // A text object with no text in it at all is empty too.
    let mut v = seed_json();
    v["sections"][0]["blocks"][1]["text"] = json!({});
    assert_error(&v, "sections[0].blocks[1].text", "empty");
    let mut v = seed_json();
    v["follow-up"]["prompt"] = json!({});
    assert_error(&v, "follow-up.prompt", "empty");
}

#[test]
fn plain_and_professional_cite_different_sources() {
    let mut v = seed_json();
    let path = "/sections/1/subsections/0/blocks/0/items/1/text/plain";
    let t = v
        .pointer(path)
        .and_then(Value::as_str)
        .expect("text")
        .replace("[@oldham-2016; @boerner-2020]", "[@oldham-2016]");
    *v.pointer_mut(path).expect("text") = json!(t);
    assert_error(
        &v,
        "sections[1].subsections[0].blocks[0].items[1].text.plain",
        "must cite the same sources",
    );
}

#[test]
fn disallowed_link_schemes_in_text() {
    for href in [
        "JaVa\tscript:alert(1)",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6a;avascript:alert(1)",
        "&#106avascript:alert(1)",
        "javascript%3Aalert(1)",
        "%6Aavascript:alert(1)",
        "javascript%253Aalert(1)",
        "javascript&amp;#58;alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,x",
        "vbscript:msgbox(1)",
        "VBScript&colon;msgbox(1)",
    ] {
        let mut v = seed_json();
        v["sections"][0]["blocks"][1]["text"]["professional"] =
            json!(format!("See [this page]({href}) for RP-ILD:"));
        // A target with spaces or control characters is not a link at all (the
        // reader sees the markup); either way `check` refuses it.
        let ps = problems(&v);
        assert!(
            ps.iter().any(|p| p.severity == Severity::Error
                && p.path == "sections[0].blocks[1].text.professional"
                && (p.message.contains("is not allowed") || p.message.contains("is not a link"))),
            "{href:?}: {ps:#?}"
        );
    }
    let mut v = seed_json();
    v["editorial-policy"] = json!("javascript:alert(1)");
    assert_error(
        &v,
        "editorial-policy",
        "only http, https, mailto or relative links",
    );
    let mut v = seed_json();
    v["references"][2]["URL"] = json!("JaVaScRiPt:alert(1)");
    assert_error(&v, "references[2].URL", "absolute http or https address");
}

/// Appends `extra` to the professional text of the second block of the first section.
fn with_extra_text(extra: &str) -> Value {
    let mut v = seed_json();
    let p = "/sections/0/blocks/1/text/professional";
    let t = v
        .pointer(p)
        .and_then(Value::as_str)
        .expect("text")
        .to_owned();
    *v.pointer_mut(p).expect("text") = json!(format!("{t} {extra}"));
    v
}

#[test]
fn links_pasted_from_real_sites_pass_check_with_their_whole_target() {
    let v = with_extra_text(
        "See [the drug page](https://en.wikipedia.org/wiki/Azathioprine_(drug)) and [the policy](<editorial-policy.html>).",
    );
    assert_eq!(problems(&v), vec![]);
    let text = v["sections"][0]["blocks"][1]["text"]["professional"]
        .as_str()
        .expect("text");
    let links = inline::links(&inline::parse(text));
    assert!(
        links.ends_with(&[
            "https://en.wikipedia.org/wiki/Azathioprine_(drug)".to_owned(),
            "editorial-policy.html".to_owned()
        ]),
        "{links:?}"
    );
}

#[test]
fn link_shaped_text_that_is_not_a_link_is_an_error() {
    let path = "sections[0].blocks[1].text.professional";
    assert_error(
        &with_extra_text("See [the guide](https://e.org/my guide.pdf)."),
        path,
        "is not a link",
    );
    assert_error(
        &with_extra_text("See [the page](https://e.org/a_(b)."),
        path,
        "is not a link",
    );
    assert_error(
        &with_extra_text("See [the page]()."),
        path,
        "a link has no target",
    );
    assert_error(
        &with_extra_text("See [](https://e.org)."),
        path,
        "a link has no text",
    );
}

#[test]
fn unreal_dates() {
    for date in [
        "2025-02-30",
        "30/05/2025",
        "2023-02-29",
        "2025-13-01",
        "2025-5-30",
        "",
        "May 30, 2025",
    ] {
        let mut v = seed_json();
        v["last-updated"] = json!(date);
        assert_error(&v, "last-updated", "is not a real date");
    }
    let mut v = seed_json();
    v["references"][4]["issued"]["date-parts"] = json!([[2023, 2, 30]]);
    assert_error(&v, "references[4].issued", "not a real date");
}

#[test]
fn review_status_must_be_one_of_three() {
    for status in ["approved", "submitted", "under-review"] {
        let mut v = seed_json();
        v["review"]["status"] = json!(status);
        assert_eq!(problems(&v), vec![], "{status}");
    }
    for status in ["Approved", "in review", "under_review", "", "published"] {
        let mut v = seed_json();
        v["review"]["status"] = json!(status);
        assert_error(&v, "review.status", "is not a review status");
    }
}

#[test]
fn wrong_format() {
    let mut v = seed_json();
    v["format"] = json!("evidence-article/2");
    assert_error(&v, "format", "expected \"evidence-article/1\"");
}

#[test]
fn glossary_duplicate() {
    let mut v = seed_json();
    let dup = v["glossary"][3].clone();
    let n = v["glossary"].as_array().expect("array").len();
    v["glossary"]
        .as_array_mut()
        .expect("array")
        .push(dup.clone());
    assert_error(
        &v,
        &format!("glossary[{n}].term"),
        &format!("{} is defined twice", dup["term"]),
    );
}

#[test]
fn unknown_register_is_a_warning_not_an_error() {
    let mut v = seed_json();
    v["sections"][0]["blocks"][1]["text"]["easy-read"] = json!("Points about RP-ILD:");
    let ps = problems(&v);
    assert!(validate::errors(&ps).next().is_none(), "{ps:#?}");
    assert!(
        ps.iter().any(|p| p.severity == Severity::Warning
            && p.path == "sections[0].blocks[1].text.easy-read"
            && p.message.contains("not a register this version knows")),
        "{ps:#?}"
    );
    let loaded = load::load(&v.to_string()).expect("warnings do not block loading");
    assert_eq!(loaded.warnings.len(), 1);
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    // Not JSON at all, so a parser would report a syntax error: the size check wins.
    let huge = "x".repeat(MAX_BYTES + 1);
    assert_eq!(
        load::load(&huge),
        Err(LoadError::Limit(LimitError::TooLarge(MAX_BYTES + 1)))
    );
    // A real article padded past the limit is refused too.
    let padded = format!("{}{}", common::seed_json(), " ".repeat(MAX_BYTES));
    assert!(matches!(
        load::load(&padded),
        Err(LoadError::Limit(LimitError::TooLarge(_)))
    ));
}

#[test]
fn deep_nesting_is_a_limit_error_not_a_stack_overflow() {
    for n in [10_000usize, 100_000] {
        assert_eq!(
            load::load(&"[".repeat(n)),
            Err(LoadError::Limit(LimitError::TooDeep)),
            "{n} brackets"
        );
        let closed = format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(
            load::load(&closed),
            Err(LoadError::Limit(LimitError::TooDeep)),
            "{n} closed brackets"
        );
        let objects = format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        assert_eq!(
            load::load(&objects),
            Err(LoadError::Limit(LimitError::TooDeep)),
            "{n} objects"
        );
    }
}

#[test]
fn non_json_is_a_syntax_error_with_line_and_column() {
    match load::load("{\n  \"format\": evidence-article/1\n}") {
        Err(LoadError::Syntax(m)) => assert!(m.starts_with("line 2, column "), "{m}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    for raw in ["", "not json", "{", "<html></html>", "{\"a\":1,}"] {
        match load::load(raw) {
            Err(LoadError::Syntax(m)) => {
                assert!(m.contains("line ") && m.contains("column "), "{raw:?}: {m}")
            }
            other => panic!("{raw:?}: expected a syntax error, got {other:?}"),
        }
    }
}

#[test]
fn wrong_shape_is_a_shape_error() {
    let mut missing = seed_json();
    missing.as_object_mut().expect("object").remove("sections");
    let mut mistyped = seed_json();
    mistyped["references"][0]["title"] = json!(42);
    for raw in [
        "[]".to_owned(),
        "{}".to_owned(),
        "42".to_owned(),
        "{\"format\": 1}".to_owned(),
        missing.to_string(),
        mistyped.to_string(),
    ] {
        assert!(
            matches!(load::load(&raw), Err(LoadError::Shape(_))),
            "{}: {:?}",
            &raw[..raw.len().min(40)],
            load::load(&raw)
        );
    }
}

// ---------------------------------------------------------------------------
// Robustness: arbitrary and naughty strings in every kind of field.

fn blns() -> Vec<String> {
    serde_json::from_str(include_str!("fixtures/blns.json"))
        .expect("blns.json is a list of strings")
}

/// A smaller valid article cut from the seed (two sections, three references, the
/// whole glossary), so that tens of thousands of cases run quickly in debug builds.
fn cut_seed() -> Value {
    let mut v = seed_json();
    v["sections"][0]["blocks"]
        .as_array_mut()
        .expect("blocks")
        .truncate(3);
    v["sections"][1]["subsections"]
        .as_array_mut()
        .expect("subsections")
        .truncate(1);
    v["sections"][1]["subsections"][0]["blocks"][0]["items"]
        .as_array_mut()
        .expect("items")
        .truncate(4);
    v["references"]
        .as_array_mut()
        .expect("references")
        .truncate(3);
    // Keep the editor's notes whose sentences are still in the cut article, except
    // the two on sections[0].blocks[0], whose text the tests replace.
    let notes = v["editor-notes"].as_array_mut().expect("editor-notes");
    notes.truncate(6);
    notes.drain(0..2);
    v
}

fn small_seed() -> Value {
    static SMALL: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SMALL.get_or_init(cut_seed).clone()
}

/// Text fields where arbitrary text is legitimate content (the article may well
/// still load, so the view model gets exercised too).
const CONTENT_FIELDS: &[&str] = &[
    "/question/professional",
    "/question/plain",
    "/sections/0/title/plain",
    "/sections/0/blocks/0/text/professional",
    "/sections/0/blocks/0/text/plain",
    "/sections/0/blocks/2/items/1/text/plain",
    "/sections/1/subsections/0/blocks/0/items/2/text/professional",
    "/disclaimer/text/plain",
    "/follow-up/prompt/professional",
    "/glossary/0/term",
    "/glossary/0/definition",
    "/glossary/20/term",
    "/references/1/title",
    "/references/1/author/0/family",
    "/references/1/author/0/given",
    "/references/1/volume",
    "/references/1/page",
    "/references/1/source-kind",
    "/references/1/key-finding/plain",
    "/references/0/certainty/professional",
    "/editor-notes/0/sentence",
    "/editor-notes/0/note/plain",
    "/publisher/name",
    "/review/statement",
];

/// Text fields with a constrained form (identifiers, dates, enumerations).
const STRUCTURAL_FIELDS: &[&str] = &[
    "/references/1/DOI",
    "/references/1/PMID",
    "/references/1/PMCID",
    "/references/0/likely/PMID",
    "/review/status",
    "/last-updated",
    "/format",
    "/id",
    "/lang",
    "/sections/1/id",
];

fn text_field(i: usize) -> &'static str {
    CONTENT_FIELDS
        .iter()
        .chain(STRUCTURAL_FIELDS)
        .nth(i)
        .copied()
        .expect("field index")
}

const TEXT_FIELD_COUNT: usize = CONTENT_FIELDS.len() + STRUCTURAL_FIELDS.len();

/// Where a string may end up as a URL.
#[derive(Debug, Clone, Copy)]
enum UrlField {
    /// `[link](s)` inside a professional text.
    MarkupProfessional,
    /// `[link](s)` inside a plain text.
    MarkupPlain,
    /// `editorial-policy`.
    EditorialPolicy,
    /// A reference's `URL`.
    ReferenceUrl,
}

const URL_FIELDS: [UrlField; 4] = [
    UrlField::MarkupProfessional,
    UrlField::MarkupPlain,
    UrlField::EditorialPolicy,
    UrlField::ReferenceUrl,
];

fn put_text(v: &mut Value, pointer: &str, s: &str) {
    *v.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} exists")) = json!(s);
}

fn put_url(v: &mut Value, field: UrlField, s: &str) {
    match field {
        UrlField::MarkupProfessional => {
            v["sections"][0]["blocks"][1]["text"]["professional"] =
                json!(format!("Some [key points]({s}) about RP-ILD:"))
        }
        UrlField::MarkupPlain => {
            v["sections"][0]["blocks"][1]["text"]["plain"] =
                json!(format!("[Here]({s}) are **some** *points*:"))
        }
        UrlField::EditorialPolicy => v["editorial-policy"] = json!(s),
        UrlField::ReferenceUrl => v["references"][2]["URL"] = json!(s),
    }
}

fn with_text(field: usize, s: &str) -> Value {
    let mut v = small_seed();
    put_text(&mut v, text_field(field), s);
    v
}

fn with_url(field: UrlField, s: &str) -> Value {
    let mut v = small_seed();
    put_url(&mut v, field, s);
    v
}

/// The whole path a string goes through: raw JSON → limits → parser → validation
/// (which parses the inline markup) → view model for every audience and citation
/// formatting. Nothing may panic; a view is only built for articles that load, as
/// the widget does. Also checks that any link the view keeps is safe.
fn exercise(v: &Value) {
    let raw = v.to_string();
    let _ = load::load(&raw).map(|loaded| {
        for audience in Audience::ALL {
            let view = viewmodel::build(&loaded.article, audience);
            if let Some(p) = &view.editorial_policy {
                assert!(safe_href(p));
            }
            for r in view.references() {
                for l in &r.links {
                    assert!(
                        l.href.starts_with("https://") && safe_href(&l.href),
                        "{l:?}"
                    );
                }
            }
        }
    });
    // Validation and formatting are total on any parsed article, valid or not.
    if let Ok(a) = serde_json::from_value::<Article>(v.clone()) {
        let _ = validate::validate(&a);
        for r in &a.references {
            let _ = (cite::ama(r), cite::short_label(r), cite::links(r));
        }
    }
}

#[test]
fn every_naughty_string_in_every_field() {
    let naughty = blns();
    assert_eq!(naughty.len(), 515);
    for s in &naughty {
        // All content fields at once, all constrained fields at once, all URL fields at once.
        let mut content = small_seed();
        CONTENT_FIELDS
            .iter()
            .for_each(|f| put_text(&mut content, f, s));
        exercise(&content);
        let mut structural = small_seed();
        STRUCTURAL_FIELDS
            .iter()
            .for_each(|f| put_text(&mut structural, f, s));
        exercise(&structural);
        let mut urls = small_seed();
        URL_FIELDS.iter().for_each(|f| put_url(&mut urls, *f, s));
        exercise(&urls);
        let _ = safe_href(s);
        let _ = inline::plain_text(&inline::parse(s), &|keys| keys.join(","));
    }
}

/// Text the view model case-folds for glossary matching where lower-casing changes
/// byte lengths (İ grows, ẞ shrinks): marking must not slice inside a character.
#[test]
fn case_folding_that_changes_byte_offsets_does_not_break_term_marking() {
    for s in [
        "İ azathioprine€ ẞ",
        "İİ rituximab ẞẞ azathioprine€",
        "ẞ azathioprine İ",
        "AZATHİOPRINE azathioprine",
    ] {
        let v = with_text(4, &format!("{s} [@acr-chest-2023]"));
        assert!(load::load(&v.to_string()).is_ok(), "{s}");
        exercise(&v);
    }
    // And the term is still found after such characters.
    let v = with_text(4, "İ—ẞ azathioprine, then more [@acr-chest-2023]");
    let a: Article = serde_json::from_value(v).expect("article");
    let view = viewmodel::build(&a, Audience::Patient);
    let first = match &view.sections[0].blocks[0] {
        viewmodel::BlockView::Paragraph(nodes) => nodes.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        first
            .iter()
            .any(|n| matches!(n, viewmodel::Node::Term { text, .. } if text == "azathioprine")),
        "{first:?}"
    );
}

fn any_text() -> impl Strategy<Value = String> {
    let naughty = blns();
    prop_oneof![
        3 => any::<String>(),
        2 => proptest::sample::select(naughty),
        // Markup-shaped noise: brackets, stars, citations, escapes and links.
        3 => proptest::collection::vec(
            prop_oneof![
                Just("[".to_owned()), Just("]".to_owned()), Just("(".to_owned()), Just(")".to_owned()),
                Just("*".to_owned()), Just("**".to_owned()), Just("\\".to_owned()), Just("[@".to_owned()),
                Just("@acr-chest-2023".to_owned()), Just("; ".to_owned()), Just("](".to_owned()),
                Just("javascript:".to_owned()), Just("&#58;".to_owned()), Just("%3A".to_owned()),
                Just("İ".to_owned()), Just("ẞ".to_owned()), Just("azathioprine".to_owned()), Just("ILD".to_owned()),
                Just("{publisher}".to_owned()), "[a-zA-Z0-9 .,:/-]{0,8}", any::<char>().prop_map(String::from),
            ],
            0..40,
        ).prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(4_000) })]

    #[test]
    fn arbitrary_text_in_text_fields_never_panics(field in 0..TEXT_FIELD_COUNT, s in any_text()) {
        exercise(&with_text(field, &s));
    }

    #[test]
    fn arbitrary_urls_never_panic(
        field in prop_oneof![
            Just(UrlField::MarkupProfessional), Just(UrlField::MarkupPlain),
            Just(UrlField::EditorialPolicy), Just(UrlField::ReferenceUrl),
        ],
        s in any_text(),
    ) {
        exercise(&with_url(field, &s));
        let _ = safe_href(&s);
    }
}

/// One character of a scheme name, disguised the ways browsers forgive.
fn disguise_char(c: char) -> BoxedStrategy<String> {
    let cp = c as u32;
    prop_oneof![
        Just(c.to_ascii_lowercase().to_string()),
        Just(c.to_ascii_uppercase().to_string()),
        Just(format!("&#{cp};")),
        Just(format!("&#{cp}")),
        Just(format!("&#000{cp};")),
        Just(format!("&#x{cp:x};")),
        Just(format!("&#X{cp:X};")),
        Just(format!("%{cp:02x}")),
        Just(format!("%{cp:02X}")),
        Just(format!("%25{cp:02X}")),
        Just(format!("&amp;#{cp};")),
    ]
    .boxed()
}

fn colon() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(":".to_owned()),
        Just("&colon;".to_owned()),
        Just("&COLON;".to_owned()),
        Just("&#58;".to_owned()),
        Just("&#58".to_owned()),
        Just("&#x3a;".to_owned()),
        Just("&#X3A;".to_owned()),
        Just("%3a".to_owned()),
        Just("%3A".to_owned()),
        Just("%253A".to_owned()),
        Just("&amp;#58;".to_owned()),
    ]
}

/// Noise browsers strip or skip inside a scheme: tabs, newlines, other controls,
/// zero-width characters, and their entity/percent forms.
fn noise() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\t".to_owned()),
            Just("\n".to_owned()),
            Just("\r".to_owned()),
            Just("&Tab;".to_owned()),
            Just("&NewLine;".to_owned()),
            Just("&#9;".to_owned()),
            Just("&#x0A;".to_owned()),
            Just("%09".to_owned()),
            Just("%0a".to_owned()),
            Just("\u{feff}".to_owned()),
            Just("\u{200b}".to_owned()),
            (0u32..0x20).prop_map(|c| char::from_u32(c).map(String::from).unwrap_or_default()),
        ],
        0..3,
    )
    .prop_map(|v| v.concat())
}

fn disguised_script_url() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![Just("javascript"), Just("data"), Just("vbscript")];
    let lead = proptest::collection::vec(
        prop_oneof![
            Just(" "),
            Just("\t"),
            Just("\n"),
            Just("\u{0}"),
            Just("\u{1}"),
            Just("\u{1f}"),
            Just("\u{a0}"),
            Just("\u{3000}")
        ],
        0..4,
    )
    .prop_map(|v| v.concat());
    (lead, scheme)
        .prop_flat_map(|(lead, scheme)| {
            let chars: Vec<BoxedStrategy<String>> = scheme
                .chars()
                .map(|c| {
                    (disguise_char(c), noise())
                        .prop_map(|(c, n)| format!("{c}{n}"))
                        .boxed()
                })
                .collect();
            (
                Just(lead),
                chars,
                colon(),
                prop_oneof![
                    Just("alert(1)"),
                    Just("text/html,<script>x</script>"),
                    Just("//x")
                ],
            )
        })
        .prop_map(|(lead, chars, colon, payload)| {
            format!("{lead}{}{colon}{payload}", chars.concat())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(3_000) })]

    #[test]
    fn disguised_script_urls_are_always_rejected(url in disguised_script_url()) {
        prop_assert!(!safe_href(&url), "{:?} was accepted", url);
        // Nor does it survive as a link in a text.
        let v = with_url(UrlField::MarkupProfessional, &url.replace(')', "%29"));
        let ps = problems(&v);
        prop_assert!(ps.iter().any(|p| p.severity == Severity::Error && (p.message.contains("is not allowed") || p.message.contains("is not a link"))), "{:?}: {:#?}", url, ps);
    }
}
