//! Honest evidence (issue 12): plain-language registers for each reference's
//! finding and certainty, editor's notes on single citation occurrences, and the
//! review interval behind the freshness notice: format, validation, view model and
//! server-side rendering. (Reading grades of the plain popover texts are checked in
//! tests/audience.rs with the same counter as the article text.)

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use evidence_article::model::freshness::{self, Date};
use evidence_article::model::notes::{self, NoteAnchor, NoteAnchorError};
use evidence_article::model::validate::{self, Problem, Severity};
use evidence_article::model::{Article, Audience};
use evidence_article::viewmodel::{self, ArticleView};
use serde_json::{json, Value};

fn article(v: &Value) -> Article {
    serde_json::from_value(v.clone()).expect("still an article")
}

fn problems(v: &Value) -> Vec<Problem> {
    validate::validate(&article(v))
}

/// Asserts an error at exactly `path` whose message contains `phrase`.
fn assert_error(v: &Value, path: &str, phrase: &str) {
    let ps = problems(v);
    assert!(
        ps.iter()
            .any(|p| p.severity == Severity::Error && p.path == path && p.message.contains(phrase)),
        "expected an error at {path} containing {phrase:?}; got {ps:#?}"
    );
}

fn view(a: Audience) -> ArticleView {
    viewmodel::build(&article(&seed_json()), a)
}

fn date(s: &str) -> Date {
    Date::parse_iso(s).expect("a date")
}

// ---- Format and validation ----------------------------------------------------

#[test]
fn every_reference_finding_and_certainty_has_a_plain_version() {
    let v = seed_json();
    let mut seen = 0;
    for r in v["references"].as_array().expect("references") {
        for field in ["key-finding", "certainty"] {
            if let Some(t) = r.get(field) {
                assert!(t["professional"].is_string(), "{} {field}", r["id"]);
                assert!(t["plain"].is_string(), "{} {field}", r["id"]);
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 7, "5 findings and 2 certainty lines");
}

#[test]
fn a_plain_version_is_required_when_an_audience_reads_plain_language() {
    let mut v = seed_json();
    v["references"][1]["key-finding"]
        .as_object_mut()
        .expect("registers")
        .remove("plain");
    assert_error(
        &v,
        "references[1].key-finding.plain",
        "plain-language text is missing",
    );
    // A single string is professional text: it needs a plain version too.
    v["references"][0]["certainty"] = json!("GRADE.");
    assert_error(
        &v,
        "references[0].certainty.plain",
        "plain-language text is missing",
    );
    // An article whose audiences all read professional text needs none.
    v["audiences"]["patient"] = json!(["professional"]);
    assert!(
        problems(&v)
            .iter()
            .all(|p| !p.path.starts_with("references")),
        "{:#?}",
        problems(&v)
    );
}

#[test]
fn an_empty_finding_is_an_error() {
    let mut v = seed_json();
    v["references"][3]["certainty"]["plain"] = json!("  ");
    assert_error(&v, "references[3].certainty.plain", "the text is empty");
}

#[test]
fn review_interval_is_one_to_120_months() {
    let mut v = seed_json();
    for ok in [1, 12, 120] {
        v["review-interval-months"] = json!(ok);
        assert_eq!(problems(&v), vec![], "{ok}");
    }
    for bad in [0, 121] {
        v["review-interval-months"] = json!(bad);
        assert_error(&v, "review-interval-months", "is not a review interval");
    }
    v["review-interval-months"] = json!(-3);
    assert!(serde_json::from_value::<Article>(v).is_err());
}

#[test]
fn a_note_must_name_a_cited_reference() {
    let mut v = seed_json();
    v["editor-notes"][0]["source"] = json!("smith-2020");
    assert_error(&v, "editor-notes[0].source", "is not a reference id");
}

#[test]
fn a_note_must_quote_a_sentence_followed_by_its_citation() {
    let mut v = seed_json();
    // Words that are not in the professional text.
    v["editor-notes"][7]["sentence"] = json!("Azathioprine cures RA-ILD");
    assert_error(
        &v,
        "editor-notes[7].sentence",
        "no professional text has these words followed, in the same sentence, by a citation of [@matson-2023]",
    );
    // Real words, but the next citation in that sentence is not of this source.
    let mut v = seed_json();
    v["editor-notes"][7]["source"] = json!("oldham-2016");
    assert_error(&v, "editor-notes[7].sentence", "[@oldham-2016]");
    // Real words whose citation comes only after the sentence has ended.
    let mut v = seed_json();
    v["editor-notes"][0]["sentence"] =
        json!("Azathioprine is not recommended as a treatment for rapidly progressive");
    assert_error(&v, "editor-notes[0].sentence", "no professional text");
}

#[test]
fn a_note_must_name_one_place_and_one_note_per_place() {
    let mut v = seed_json();
    // "azathioprine" is followed by a citation of the guideline in many sentences.
    v["editor-notes"][0]["sentence"] = json!("azathioprine");
    assert_error(&v, "editor-notes[0].sentence", "quote more of the sentence");
    let mut v = seed_json();
    let first = v["editor-notes"][0].clone();
    v["editor-notes"].as_array_mut().expect("notes").push(first);
    assert_error(
        &v,
        "editor-notes[9]",
        "editor-notes[0] is already attached to the same citation",
    );
}

#[test]
fn a_note_must_reach_plain_readers_too() {
    // The guideline paragraph's plain text cites the guideline twice; with one
    // citation left, the note on the second group would reach no plain reader.
    let mut v = seed_json();
    let plain = v["sections"][0]["blocks"][0]["text"]["plain"]
        .as_str()
        .expect("plain")
        .replacen(" [@acr-chest-2023]", "", 1);
    v["sections"][0]["blocks"][0]["text"]["plain"] = json!(plain);
    assert_error(
        &v,
        "editor-notes[1].sentence",
        "the plain text of that paragraph or item cites [@acr-chest-2023] only 1 time(s)",
    );
}

#[test]
fn a_note_needs_a_plain_version_for_lay_readers() {
    let mut v = seed_json();
    v["editor-notes"][8]["note"]
        .as_object_mut()
        .expect("registers")
        .remove("plain");
    assert_error(
        &v,
        "editor-notes[8].note.plain",
        "plain-language text is missing",
    );
}

#[test]
fn notes_attach_to_the_citation_after_the_quoted_words() {
    let a = article(&seed_json());
    let at = |source: &str, sentence: &str| notes::locate(&a, source, sentence);
    // The guideline paragraph: two citation groups of the same source.
    assert_eq!(
        at(
            "acr-chest-2023",
            "there is no evidence to support the use of azathioprine"
        ),
        Ok(NoteAnchor { block: 0, nth: 0 })
    );
    assert_eq!(
        at(
            "acr-chest-2023",
            "Instead, the guideline recommends upfront combination therapy"
        ),
        Ok(NoteAnchor { block: 0, nth: 1 })
    );
    // Whitespace differences do not matter; case does.
    assert_eq!(
        at(
            "boerner-2020",
            "Azathioprine has been compared  to\nmycophenolate mofetil"
        ),
        at(
            "boerner-2020",
            "Azathioprine has been compared to mycophenolate mofetil"
        )
    );
    assert!(at(
        "boerner-2020",
        "Azathioprine has been compared to mycophenolate mofetil"
    )
    .is_ok());
    assert_eq!(
        at(
            "boerner-2020",
            "azathioprine has been compared to mycophenolate mofetil"
        ),
        Err(NoteAnchorError::NotFound)
    );
    assert_eq!(at("boerner-2020", "  "), Err(NoteAnchorError::NotFound));
}

// ---- View model -----------------------------------------------------------------

#[test]
fn patients_read_plain_findings_and_clinicians_the_professional_ones() {
    let a = article(&seed_json());
    let patient = view(Audience::Patient);
    let physician = view(Audience::Physician);
    for (p, c) in patient.references().iter().zip(physician.references()) {
        let r = a
            .references
            .iter()
            .find(|r| r.id == p.id)
            .expect("reference");
        let finding = r.key_finding.as_ref().expect("finding");
        assert_eq!(p.key_finding.as_deref(), finding.get("plain"), "{}", p.id);
        assert_eq!(
            c.key_finding.as_deref(),
            finding.get("professional"),
            "{}",
            c.id
        );
        assert!(p.plain && !c.plain);
        // The AMA citation is the same for everyone.
        assert_eq!(p.ama, c.ama);
    }
    let oldham = patient.reference(2).expect("2");
    let f = oldham.key_finding.as_deref().expect("finding");
    for explained in [
        "about the same in both groups",
        "could not rule out a difference either way",
        "1.23",
        "0.49 to 3.12",
        "27%",
    ] {
        assert!(f.contains(explained), "{explained:?} in {f:?}");
    }
}

#[test]
fn matson_and_boerner_notes_sit_at_their_sentences_only() {
    for audience in Audience::ALL {
        let v = view(audience);
        let markers = v.markers();
        let section_of = |occ: usize| {
            markers
                .iter()
                .find(|(o, _, _)| *o == occ)
                .map(|(_, s, _)| s.clone())
        };
        let matson = v.reference(5).expect("5");
        assert_eq!(matson.notes.len(), 1, "{audience:?}");
        let m = &matson.notes[0];
        assert_eq!(
            section_of(m.occurrence).as_deref(),
            Some("research-treatment-outcomes")
        );
        let boerner = v.reference(3).expect("3");
        assert_eq!(boerner.notes.len(), 1);
        let b = &boerner.notes[0];
        assert_eq!(
            section_of(b.occurrence).as_deref(),
            Some("research-comparison-with-other-treatments")
        );
        // The note shows at that marker and at no other marker of the source.
        assert_eq!(
            v.reference_at(5, m.occurrence).and_then(|r| r.note_here),
            Some(m.text.clone())
        );
        for (occ, _, numbers) in &markers {
            if numbers.contains(&5) && *occ != m.occurrence {
                assert_eq!(v.reference_at(5, *occ).and_then(|r| r.note_here), None);
            }
            if numbers.contains(&2) {
                assert_eq!(v.reference_at(2, *occ).and_then(|r| r.note_here), None);
            }
        }
        // Oldham carries no note, the guideline one per sentence the editors marked.
        assert!(v.reference(2).expect("2").notes.is_empty());
        assert_eq!(v.reference(1).expect("1").notes.len(), 7);
        assert!(v.has_notes);
    }
    let patient = view(Audience::Patient);
    let note = &patient.reference(3).expect("3").notes[0].text;
    assert!(note.contains("Oldham"), "{note}");
    assert!(note.starts_with("This study only looked at azathioprine."));
    let physician = view(Audience::Physician);
    let note = &physician.reference(5).expect("5").notes[0].text;
    assert!(note.contains("no significant difference between the individual drugs"));
}

// ---- Freshness --------------------------------------------------------------------

#[test]
fn months_are_added_on_the_calendar() {
    assert_eq!(date("2025-05-30").add_months(12), date("2026-05-30"));
    assert_eq!(date("2025-01-31").add_months(1), date("2025-02-28"));
    assert_eq!(date("2024-01-31").add_months(1), date("2024-02-29"));
    assert_eq!(date("2025-11-15").add_months(3), date("2026-02-15"));
    assert_eq!(date("2025-12-01").add_months(120), date("2035-12-01"));
}

#[test]
fn an_article_is_stale_the_day_after_its_review_interval_ends() {
    let seed = "2025-05-30";
    assert!(!freshness::is_stale(seed, 12, date("2025-06-01")));
    assert!(!freshness::is_stale(seed, 12, date("2026-05-30")));
    assert!(freshness::is_stale(seed, 12, date("2026-05-31")));
    assert!(freshness::is_stale(seed, 12, date("2026-11-26")));
    assert!(!freshness::is_stale(seed, 24, date("2026-11-26")));
    assert!(freshness::is_stale(seed, 1, date("2025-07-01")));
    // An unreadable date is never called stale (validation reports it).
    assert!(!freshness::is_stale("2025-02-30", 12, date("2030-01-01")));
    assert_eq!(
        freshness::notice(12),
        "Last updated more than 12 months ago \u{2014} newer evidence may exist."
    );
    assert_eq!(
        freshness::notice(1),
        "Last updated more than 1 month ago \u{2014} newer evidence may exist."
    );
}

#[test]
fn the_review_interval_defaults_to_twelve_months() {
    assert_eq!(view(Audience::Patient).review_interval_months, 12);
    let mut v = seed_json();
    v["review-interval-months"] = json!(6);
    assert_eq!(
        viewmodel::build(&article(&v), Audience::Patient).review_interval_months,
        6
    );
}

// ---- Server-side rendering ----------------------------------------------------------

/// The pre-rendered page shows the ISO-like English date in a `<time>` element and
/// no freshness decision: "now" is read in the browser, after the first render.
#[tokio::test]
async fn ssr_renders_the_date_but_never_decides_freshness() {
    for audience in [Audience::Patient, Audience::Physician] {
        let html = render(audience).await;
        assert!(
            html.contains(r#"<time datetime="2025-05-30">May 30, 2025</time>"#),
            "{audience:?}"
        );
        assert!(!html.contains("newer evidence may exist"), "{audience:?}");
        assert!(!html.contains("ea-freshness"), "{audience:?}");
    }
}

#[test]
fn unix_days_become_civil_dates() {
    let d = |y, m, day| Date {
        year: y,
        month: m,
        day,
    };
    assert_eq!(Date::from_unix_days(0), d(1970, 1, 1));
    assert_eq!(Date::from_unix_days(-1), d(1969, 12, 31));
    assert_eq!(Date::from_unix_days(11_016), d(2000, 2, 29));
    assert_eq!(Date::from_unix_days(20_000), d(2024, 10, 4));
    assert_eq!(Date::from_unix_days(20_783), d(2026, 11, 26));
}

/// Pre-rendered markup carries the pre-renderer's decision (`stale_hint`), so that
/// hydration starts from the same markup; the browser re-checks afterwards.
#[cfg(feature = "ssr")]
#[test]
fn a_pre_render_shows_the_notice_exactly_when_its_hint_says_so() {
    use evidence_article::config::WidgetConfig;
    use evidence_article::render::render_app;
    use evidence_article::ArticleSource;
    let with = |hint| {
        render_app(
            ArticleSource::Embedded,
            WidgetConfig {
                stale_hint: hint,
                ..WidgetConfig::default()
            },
        )
    };
    assert!(with(Some(true)).contains("newer evidence may exist"));
    assert!(!with(Some(false)).contains("ea-freshness"));
    assert!(!with(None).contains("ea-freshness"));
    // Rendered afresh, the first render decides with the reader's date (the mount
    // code's `today`), so the notice does not appear a moment later; a pre-render's
    // hint still wins over it.
    use evidence_article::model::freshness::Date;
    let on = |today, hint| {
        render_app(
            ArticleSource::Embedded,
            WidgetConfig {
                stale_hint: hint,
                today: Some(today),
                ..WidgetConfig::default()
            },
        )
    };
    let later = Date {
        year: 2100,
        month: 1,
        day: 1,
    };
    let earlier = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    assert!(on(later, None).contains("newer evidence may exist"));
    assert!(!on(earlier, None).contains("ea-freshness"));
    assert!(!on(later, Some(false)).contains("ea-freshness"));
}

#[tokio::test]
async fn ssr_says_editor_notes_belong_to_the_article_and_lists_them() {
    let text = text_of(&render(Audience::Physician).await);
    assert!(text.contains("Editor's notes at some citations are part of this article"));
    assert!(text.contains("Editor's notes (part of this article, not of the source):"));
    assert!(text.contains("Boerner et al. studied azathioprine only"));
    let plain = text_of(&render(Audience::Patient).await);
    assert!(
        plain.contains("These notes are part of this article. They are not part of the sources.")
    );
    assert!(plain.contains("This study only looked at azathioprine."));
}
