//! The start-up work that is done once instead of repeatedly (issue 11 §3): citation
//! numbers and editor's-note anchors computed once per article and shared by every
//! audience's view, note anchors found with one pass over the article, and texts
//! read by kind instead of by trial. Each shortcut must give what the long way gives.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use evidence_article::model::notes::{self, Locator};
use evidence_article::model::text::{Text, EXPECTED as TEXT_EXPECTED};
use evidence_article::model::{Article, Audience};
use std::rc::Rc;

use evidence_article::viewmodel::{build, lazy, Prepared};

fn seed() -> Article {
    serde_json::from_value(common::seed_json()).expect("seed")
}

#[test]
fn a_view_from_prepared_parts_equals_the_view_built_from_scratch_for_every_audience() {
    let a = seed();
    assert!(
        !a.editor_notes.is_empty(),
        "the seed has editor's notes to place"
    );
    let prepared = Rc::new(Prepared::new(&a));
    let article = Rc::new(a.clone());
    for aud in Audience::ALL {
        assert_eq!(
            lazy(article.clone(), prepared.clone(), aud),
            build(&a, aud),
            "{aud:?}"
        );
    }
}

#[test]
fn one_locator_places_every_note_where_locating_it_alone_does() {
    let a = seed();
    let locator = Locator::new(&a);
    for n in &a.editor_notes {
        assert_eq!(
            locator.locate(&n.source, &n.sentence),
            notes::locate(&a, &n.source, &n.sentence)
        );
        assert!(
            locator.locate(&n.source, &n.sentence).is_ok(),
            "{}",
            n.sentence
        );
    }
    assert_eq!(
        locator.locate("no-such-ref", "Azathioprine"),
        Err(notes::NoteAnchorError::NotFound)
    );
}

#[test]
fn a_text_reads_as_one_string_or_as_registers_and_anything_else_says_what_a_text_is() {
    let one: Text = serde_json::from_str(r#""Same for all""#).expect("string");
    assert_eq!(one, Text::Single("Same for all".into()));
    let two: Text =
        serde_json::from_str(r#"{"professional":"Pro","plain":"Plain"}"#).expect("object");
    assert_eq!(two.get("plain"), Some("Plain"));
    assert_eq!(two.professional(), "Pro");
    for bad in ["3", "[\"a\"]", "null", "true"] {
        let e = serde_json::from_str::<Text>(bad)
            .expect_err(bad)
            .to_string();
        assert!(e.contains(TEXT_EXPECTED), "{bad}: {e}");
    }
    assert!(serde_json::from_str::<Text>(r#"{"plain":3}"#).is_err());
}
