//! Loading and fetching errors as types: each cause is its own variant with its own
//! reader sentence (`Display`), author details and retry decision, and the fetch error
//! stays reachable as the `source()` of the load error.

use std::error::Error as _;

use evidence_article::fetch::FetchError;
use evidence_article::load::{self, LoadError};
use evidence_article::model::limits::{LimitError, MAX_BYTES};

#[test]
fn a_failed_download_names_its_cause_keeps_the_url_and_may_be_retried() {
    let e = LoadError::Fetch {
        url: "https://example.org/a.json".into(),
        error: FetchError::Status {
            status: 503,
            status_text: "Service Unavailable".into(),
        },
    };
    assert_eq!(
        e.to_string(),
        "The server answered 503 Service Unavailable instead of the article."
    );
    assert_eq!(e.details(), ["URL: https://example.org/a.json"]);
    assert!(e.transient());
    let source = e.source().expect("the fetch error is the source");
    assert_eq!(source.to_string(), e.to_string());
}

#[test]
fn text_that_is_not_json_may_be_retried_but_a_bad_article_may_not() {
    let syntax = load::load("<html>proxy login</html>").expect_err("not JSON");
    assert!(matches!(syntax, LoadError::Syntax(_)), "{syntax:?}");
    assert!(
        syntax.transient(),
        "a cut or replaced download can differ next time"
    );
    assert_eq!(
        syntax.to_string(),
        "This article could not be opened: its file is not valid JSON."
    );
    assert!(syntax.details()[0].starts_with("line 1, column 1"));

    let shape = load::load("{\"format\": 1}").expect_err("not an article");
    assert!(matches!(shape, LoadError::Shape(_)), "{shape:?}");
    assert!(!shape.transient());
}

#[test]
fn limits_convert_with_their_own_message() {
    let e = load::load(&" ".repeat(MAX_BYTES + 1)).expect_err("too large");
    assert_eq!(e, LoadError::Limit(LimitError::TooLarge(MAX_BYTES + 1)));
    assert_eq!(
        e.to_string(),
        format!(
            "This article could not be opened. The article is {} KiB; the limit is {} KiB.",
            (MAX_BYTES + 1) / 1024,
            MAX_BYTES / 1024
        )
    );
    assert!(!e.transient());
    assert_eq!(
        e.source().map(ToString::to_string),
        Some(LimitError::TooLarge(MAX_BYTES + 1).to_string())
    );
}

#[test]
fn host_mistakes_have_their_own_variants_and_messages() {
    for (e, needle) in [
        (
            LoadError::UnreadableObject,
            "could not be read (it may contain a cycle)",
        ),
        (LoadError::UnsafeAddress, "not an http(s) or relative URL"),
    ] {
        assert!(e.to_string().contains(needle), "{e}");
        assert!(!e.transient(), "{e:?}: the same input fails the same way");
        assert!(e.details().is_empty());
    }
}

#[test]
fn timeouts_read_naturally_for_any_duration() {
    let msg = |ms| FetchError::Timeout(ms).to_string();
    assert_eq!(
        msg(1_000),
        "The article took longer than 1 second to arrive."
    );
    assert_eq!(
        msg(60_000),
        "The article took longer than 60 seconds to arrive."
    );
    assert_eq!(
        msg(500),
        "The article took longer than 500 milliseconds to arrive."
    );
    // Tenths of a second, rounded half up (integer arithmetic, no float formatting).
    assert_eq!(
        msg(1_500),
        "The article took longer than 1.5 seconds to arrive."
    );
    assert_eq!(
        msg(2_460),
        "The article took longer than 2.5 seconds to arrive."
    );
    assert_eq!(
        msg(1_960),
        "The article took longer than 2.0 seconds to arrive."
    );
}
