//! Browser tests (wasm-bindgen-test in headless Chromium): the widget mounts into a
//! fresh element and renders; each test gets its own mount root.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use evidence_article::config::WidgetConfig;
use evidence_article::{App, AppProps, ArticleSource};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root(prefix: &str) -> web_sys::Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("div").expect("div");
    root.set_id(&format!("{prefix}root"));
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

async fn mount(source: ArticleSource, prefix: &str) -> web_sys::Element {
    let root = fresh_root(prefix);
    let props = AppProps {
        source,
        config: Rc::new(WidgetConfig {
            prefix: prefix.to_owned(),
            ..Default::default()
        }),
        on_event: Default::default(),
        control: None,
        hosting: Default::default(),
        hydration: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    // Poll (never sleep blindly) until the first render has landed.
    for _ in 0..100 {
        if root.child_element_count() > 0 {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    root
}

fn count(root: &web_sys::Element, sel: &str) -> u32 {
    root.query_selector_all(sel)
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn renders_heading_sections_and_references() {
    let root = mount(ArticleSource::Embedded, "a-").await;
    let h1 = root
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    assert!(
        h1.starts_with("What is the role of Azathioprine"),
        "heading: {h1}"
    );
    assert_eq!(
        count(&root, "section.ea-section--l2"),
        2,
        "two top-level sections"
    );
    assert_eq!(
        count(&root, "section.ea-section--l3"),
        4,
        "three research subsections and Evidence at a glance"
    );
    assert_eq!(
        count(&root, "svg.ea-chart__svg[role=img]"),
        6,
        "one chart per finding, rendered in the browser"
    );
    assert_eq!(count(&root, ".ea-refs__item"), 5, "five references");
    assert!(
        count(&root, ".ea-cite__btn") >= 15,
        "citation markers rendered"
    );
}

fn alert_text(root: &web_sys::Element) -> String {
    root.query_selector("[role=alert]")
        .ok()
        .flatten()
        .and_then(|a| a.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn invalid_article_shows_error_panel_not_blank() {
    let root = mount(ArticleSource::Json(Rc::from("{\"format\": 1")), "b-").await;
    let alert = alert_text(&root);
    assert!(alert.contains("not valid JSON"), "error panel: {alert}");
}

#[wasm_bindgen_test]
async fn deep_json_is_refused_without_overflow() {
    let deep = "[".repeat(100_000);
    let root = mount(ArticleSource::Json(Rc::from(deep.as_str())), "c-").await;
    let alert = alert_text(&root);
    assert!(alert.contains("levels deep"), "error panel: {alert}");
}

/// The model reader over `JSON.parse`'s value (tests/read.rs holds the same reader to
/// serde natively): errors name the path of the bad value, numbers in messages are
/// written by JavaScript, and the embedded article reads as it does natively.
#[wasm_bindgen_test]
fn shape_errors_in_the_browser_name_the_bad_value_and_its_path() {
    let details = |raw: &str| {
        evidence_article::load::load(raw)
            .expect_err("not an article")
            .details()
    };
    assert_eq!(
        details(
            r#"{"format":"evidence-article/1","id":"x","question":"q","publisher":{"name":5}}"#
        ),
        ["publisher.name: invalid type: integer `5`, expected a string"]
    );
    assert_eq!(
        details(r#"{"format":1.5}"#),
        ["format: invalid type: floating point `1.5`, expected a string"]
    );
    assert_eq!(
        details(r#"{"format":null}"#),
        ["format: invalid type: null, expected a string"]
    );
    assert_eq!(
        details("[]"),
        ["invalid type: sequence, expected struct Article"]
    );
    let article = evidence_article::load::embedded().expect("the embedded article");
    assert!(article.warnings.is_empty());
    assert!(article.article.references.len() >= 5);
}

/// The wasm parses an article's text itself (`model::read::tree`) and leaves what
/// JavaScript reads otherwise to `JSON.parse` (`load::js_value` copies its value into
/// the same tree): a float, a lone surrogate, an integer past 2^53 anywhere in the
/// text sends the embedded article down the browser's path, and it reads the same.
#[wasm_bindgen_test]
fn the_browsers_parse_and_the_wasms_read_an_article_alike() {
    use evidence_article::load;
    let raw = evidence_article::model::EMBEDDED_ARTICLE_JSON;
    assert!(evidence_article::model::read::tree::parse(raw).is_some());
    let own = load::read(raw).expect("the embedded article");
    let body = raw.trim_start().strip_prefix('{').expect("an object");
    for extra in [
        r#""x-float": 1.5,"#,
        r#""x-lone": "\ud800","#,
        r#""x-big": 9007199254740993,"#,
        r#""0": 1,"#,
    ] {
        let text = format!("{{{extra}{body}");
        assert!(
            evidence_article::model::read::tree::parse(&text).is_none(),
            "{extra}"
        );
        assert_eq!(load::read(&text).as_ref(), Ok(&own), "{extra}");
    }
    // `15.0` is the integer 15 to JavaScript: read as such on the browser's path.
    let text = raw.replacen("\"count\":15", "\"count\":15.0", 1);
    assert_ne!(text, raw, "the compact article has a count of 15");
    assert!(evidence_article::model::read::tree::parse(&text).is_none());
    assert_eq!(load::read(&text).as_ref(), Ok(&own));
}
