//! Server-side rendering of the whole widget: the professional view carries every
//! seed sentence verbatim, references, and the right ARIA for sections.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use evidence_article::model::Audience;

#[tokio::test]
async fn physician_view_contains_every_seed_line_verbatim() {
    let text = text_of(&render(Audience::Physician).await);
    let lines = seed_lines();
    assert!(lines.len() > 30, "fixture has {} lines", lines.len());
    let missing: Vec<_> = lines
        .iter()
        .filter(|l| !text.contains(&normalize(l)))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from the rendered article: {missing:#?}"
    );
}

#[tokio::test]
async fn glued_chrome_lines_are_rendered_as_their_parts() {
    let text = text_of(&render(Audience::Physician).await);
    for part in [
        "Medical Advisory Board",
        "All articles are reviewed for accuracy by our Medical Advisory Board",
        "Last updated: May 30, 2025",
        "View editorial policy",
    ] {
        assert!(text.contains(part), "{part:?} missing");
    }
}

#[tokio::test]
async fn marketing_lines_are_not_rendered() {
    let html = render(Audience::Physician).await;
    for m in MARKETING {
        assert!(!text_of(&html).contains(m), "{m:?} must not be rendered");
    }
    assert!(!html.contains("Medical A.I."));
}

#[tokio::test]
async fn five_references_in_an_ordered_list_with_verified_links() {
    let html = render(Audience::Physician).await;
    assert_eq!(html.matches("class=\"ea-refs__item\"").count(), 5);
    assert!(html.contains("<ol class=\"ea-refs__list\">"));
    let text = text_of(&html);
    assert!(text.contains("Oldham JM, Lee C, Valenzi E, et al. Azathioprine response in patients with fibrotic connective tissue disease-associated interstitial lung disease. Respir Med. 2016;121:117-122. doi:10.1016/j.rmed.2016.11.007"));
    for href in [
        "https://pubmed.ncbi.nlm.nih.gov/27888985/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC5134419/",
        "https://doi.org/10.1016/j.rmed.2016.11.007",
        "https://doi.org/10.1002/acr.25348",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC10107057/",
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href} missing");
    }
    // PMID 38973731 is only "likely": shown as text, never linked.
    assert!(text.contains("PMID 38973731 (unconfirmed)"));
    assert!(!html.contains("pubmed.ncbi.nlm.nih.gov/38973731"));
}

#[tokio::test]
async fn semantic_structure_and_review_status() {
    let html = render(Audience::Physician).await;
    assert!(html.contains("<article"));
    assert!(html.contains("<header class=\"ea-header\">"));
    assert_eq!(html.matches("<h1").count(), 1);
    assert_eq!(html.matches("aria-current=\"step\"").count(), 1);
    let current = html
        .split("aria-current=\"step\"")
        .nth(1)
        .unwrap_or_default();
    let current = &current[current.find('>').unwrap_or(0) + 1..];
    assert!(
        current.starts_with("Submitted"),
        "current step should be Submitted: {}",
        &current[..40.min(current.len())]
    );
    assert!(text_of(&html).contains(
        "Educational purpose only • Exercise caution as content is pending human review"
    ));
    assert!(!html.contains("style="), "no inline styles (strict CSP)");
    // Print sits in the header's tools row, a plain button (hydrated in the browser).
    let tools = html
        .split("class=\"ea-header__tools\"")
        .nth(1)
        .unwrap_or_default();
    let tools = &tools[..tools.find("</header>").unwrap_or(0)];
    assert!(tools
        .contains(r#"<button type="button" class="ea-btn ea-btn--small ea-print">Print</button>"#));
}

#[tokio::test]
async fn sections_have_disclosure_aria() {
    let html = render(Audience::Physician).await;
    for id in [
        "guidelines",
        "research",
        "research-azathioprine-in-ild-uip",
        "research-treatment-outcomes",
        "research-comparison-with-other-treatments",
    ] {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "section {id} missing"
        );
        let btn = format!("id=\"{id}-btn\"");
        let at = html.find(&btn).unwrap_or_else(|| panic!("{btn} missing"));
        let tag_start = html[..at].rfind('<').unwrap_or(0);
        let tag = &html[tag_start..at + html[at..].find('>').unwrap_or(0)];
        assert!(tag.starts_with("<button"), "toggle of {id} is a button");
        assert!(
            tag.contains("aria-expanded=\"true\""),
            "{id} starts open: {tag}"
        );
        assert!(
            tag.contains(&format!("aria-controls=\"{id}-body\"")),
            "{id}: {tag}"
        );
    }
    assert!(html.contains("<h2 class=\"ea-section__heading\"><button"));
    assert!(html.contains("<h3 class=\"ea-section__heading\"><button"));
}

#[tokio::test]
async fn a_section_declared_collapsed_renders_closed_but_findable() {
    let mut json = seed_json();
    json["sections"][1]["subsections"][1]["collapsed"] = serde_json::Value::Bool(true);
    let raw = json.to_string();
    let html = render_source(Audience::Physician, move || {
        evidence_article::ArticleSource::Json(std::rc::Rc::from(raw.as_str()))
    })
    .await;
    let id = "research-treatment-outcomes";
    let at = html
        .find(&format!("id=\"{id}-btn\""))
        .expect("toggle rendered");
    let tag_start = html[..at].rfind('<').unwrap_or(0);
    let tag = &html[tag_start..at + html[at..].find('>').unwrap_or(0)];
    assert!(tag.contains("aria-expanded=\"false\""), "{tag}");
    let body_at = html
        .find(&format!("id=\"{id}-body\""))
        .expect("body rendered");
    let body_start = html[..body_at].rfind('<').unwrap_or(0);
    let body_tag = &html[body_start..body_at + html[body_at..].find('>').unwrap_or(0)];
    assert!(
        body_tag.contains("hidden=\"until-found\""),
        "closed body stays in the DOM, findable: {body_tag}"
    );
    assert!(
        text_of(&html).contains("27% of patients discontinuing"),
        "content still present for find-in-page"
    );
    // Its siblings keep their default (open).
    assert!(
        html.contains(
            "id=\"research-comparison-with-other-treatments-btn\" aria-expanded=\"true\""
        ) || {
            let a = html
                .find("id=\"research-comparison-with-other-treatments-btn\"")
                .unwrap_or(0);
            let s = html[..a].rfind('<').unwrap_or(0);
            html[s..a + html[a..].find('>').unwrap_or(0)].contains("aria-expanded=\"true\"")
        }
    );
}

#[tokio::test]
async fn every_announcement_goes_through_one_live_region() {
    let html = render(Audience::Physician).await;
    assert_eq!(html.matches("aria-live").count(), 1, "one live region");
    assert_eq!(html.matches("role=\"status\"").count(), 1);
    assert!(
        html.contains("aria-live=\"polite\" role=\"status\" class=\"ea-visually-hidden ea-live\"")
    );
}
