//! The CLI's `render` (pre-rendered markup for hosts) and the rule that decides when
//! the widget may hydrate pre-rendered markup instead of rendering afresh.

#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use evidence_article::cli::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use evidence_article::config::WidgetConfig;
use evidence_article::model::Audience;
use evidence_article::url::ShareState;

const VALID: &str = "tests/fixtures/articles/valid.json";

fn render(args: &[&str]) -> (Vec<String>, i32) {
    let mut all = vec!["evidence-article".to_owned(), "render".to_owned()];
    all.extend(args.iter().map(|a| (*a).to_owned()));
    cli::execute(&all)
}

#[test]
fn render_prints_a_declarative_shadow_root_with_the_article_and_its_inline_json() {
    let (lines, code) = render(&[VALID, "--audience", "patient", "--stylesheet", "/w/ea.css"]);
    assert_eq!(code, EXIT_OK, "{lines:?}");
    let html = lines.concat();
    assert!(html.starts_with(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/w/ea.css\"><div data-ea-prerendered=\"patient\">"
    ));
    // The patient view, hydratable (Yew's component markers), then the article JSON.
    assert!(html.contains("ea-aud-patient"));
    assert!(html.contains("<!--<[evidence_article::components::app::App]>-->"));
    let (shadow, script) = html.split_once("</template>").expect("template closed");
    assert!(
        !shadow.contains("<script"),
        "no script inside the shadow root"
    );
    let json = script
        .strip_prefix("<script type=\"application/json\">")
        .and_then(|s| s.strip_suffix("</script>"))
        .expect("one inline JSON script");
    assert!(
        !json.contains('<'),
        "no '<' can end the script element early"
    );
    let parsed: serde_json::Value = serde_json::from_str(json).expect("inline JSON parses");
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(VALID).expect("fixture")).expect("json");
    assert_eq!(
        parsed, original,
        "the inline article is the rendered article"
    );
}

#[test]
fn render_bare_prints_only_the_article_for_a_light_dom_mount() {
    let (lines, code) = render(&["--bare", VALID]);
    assert_eq!(code, EXIT_OK);
    let html = lines.concat();
    assert!(html.starts_with("<!--<[evidence_article::components::app::App]>-->"));
    assert!(html.contains("ea-aud-physician"));
    assert!(!html.contains("<template") && !html.contains("<script"));
    // The build that rendered it, so a widget of another build renders afresh.
    let id = evidence_article::embed::BUILD_ID;
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(html.contains(&format!(" data-ea-build=\"{id}\"")));
}

#[test]
fn render_refuses_an_article_with_errors_and_bad_arguments() {
    let (lines, code) = render(&["tests/fixtures/articles/broken.json"]);
    assert_eq!(code, EXIT_ERRORS);
    assert!(lines.iter().any(|l| l.contains(": error: ")), "{lines:?}");
    assert!(!lines.concat().contains("<template"));
    assert_eq!(render(&[VALID, "--audience", "surgeon"]).1, EXIT_USAGE);
    assert_eq!(render(&[VALID, "--audience"]).1, EXIT_USAGE);
    assert_eq!(render(&[]).1, EXIT_USAGE);
    assert_eq!(
        render(&["tests/fixtures/articles/missing.json"]).1,
        EXIT_USAGE
    );
}

#[test]
fn hydration_only_when_the_first_view_is_the_pre_rendered_one() {
    let plain = WidgetConfig::default();
    assert!(plain.matches_prerender(Audience::default()));
    assert!(!plain.matches_prerender(Audience::Patient));
    let host = WidgetConfig {
        host_audience: Some(Audience::Patient),
        ..WidgetConfig::default()
    };
    assert!(host.matches_prerender(Audience::Patient));
    // The reader's stored choice renders the picker differently ("chosen").
    let stored = WidgetConfig {
        stored_audience: Some(Audience::Physician),
        ..WidgetConfig::default()
    };
    assert!(!stored.matches_prerender(Audience::Physician));
    // A share link that says nothing still hydrates; one that opens a popover does not.
    let empty_link = WidgetConfig {
        url_state: Some(ShareState::default()),
        ..WidgetConfig::default()
    };
    assert!(empty_link.matches_prerender(Audience::default()));
    let link = WidgetConfig {
        url_state: Some(ShareState {
            cite: Some(2),
            ..ShareState::default()
        }),
        ..WidgetConfig::default()
    };
    assert!(!link.matches_prerender(Audience::default()));
}

/// Each top-level section's wrapper, the ones around the header and the audience
/// picker, and the one around what follows the sections (references, disclaimer,
/// follow-up), sits between raw-node marks in the
/// pre-render, so the browser's first hydration adopts it untouched and hydrates it
/// later as a root of its own (`components::section_host`); rendered afresh, the same
/// wrapper has no marks (the browser could not adopt them: raw HTML is disabled there).
/// The charts of a `findings` block are marked the same way.
#[test]
fn pre_render_marks_every_top_level_section_for_its_own_hydration() {
    let json = std::fs::read_to_string(VALID).expect("fixture");
    let article: evidence_article::model::Article = serde_json::from_str(&json).expect("article");
    let top = article.sections.len();
    assert!(top >= 2, "the fixture has several top-level sections");
    let html = evidence_article::render::render_bare(&json, Audience::Physician);
    let marked = "<!--<#>--><!--<#>--><!--</#>--><div class=\"ea-section-host\">";
    let parts = top + 3;
    assert_eq!(
        html.matches(marked).count(),
        parts,
        "one marked wrapper per top-level section, one each for the header and the picker, and one after them"
    );
    let lead =
        format!("{marked}<!--<[evidence_article::components::section_host::SectionHost]>-->");
    let first = html.find(&lead).expect("a first wrapper");
    let second = first + 1 + html[first + 1..].find(&lead).expect("a second wrapper");
    assert!(
        html[first..second].contains("<header class=\"ea-header\"")
            && html[first..second].contains("class=\"ea-title\""),
        "the first holds the header"
    );
    let (picker, section) = (
        html[second..].find("ea-picker"),
        html[second..].find("<section"),
    );
    assert!(
        picker.is_some() && picker < section,
        "the second holds the audience picker, before any section"
    );
    let tail =
        format!("{marked}<!--<[evidence_article::components::section_host::SectionHost]>-->");
    let after = &html[html.rfind(&tail).expect("the last wrapper")..];
    assert!(
        after.contains("class=\"ea-refs\"")
            && after.contains("class=\"ea-disclaimer\"")
            && after.contains("ea-followup"),
        "the last holds the references, disclaimer and follow-up"
    );
    // The charts of a `findings` block: a marked wrapper of their own for each
    // source's, inside their section's (`components::section_host::glance`).
    let glance = "<!--<#>--><!--<#>--><!--</#>--><div class=\"ea-glance-host\"><!--<[evidence_article::components::section_host::SectionHost]>-->";
    let sources = article
        .references
        .iter()
        .filter(|r| !r.findings.is_empty())
        .count();
    assert!(
        sources >= 2,
        "the fixture cites findings of several sources"
    );
    assert_eq!(
        html.matches(glance).count(),
        sources,
        "one per source of the fixture's findings block"
    );
    let starts: Vec<usize> = html.match_indices(glance).map(|(i, _)| i).collect();
    for (n, at) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(html.len());
        let inside = &html[*at + glance.len()..end];
        let inside = &inside[..inside.find("<!--</#>-->").unwrap_or(inside.len())];
        assert_eq!(
            inside.matches("class=\"ea-glance__source\"").count(),
            1,
            "one source's heading and charts in each wrapper"
        );
    }
    let marks = 3 * (parts + sources);
    assert_eq!(html.matches("<!--<#>-->").count(), marks);
    assert_eq!(html.matches("<!--</#>-->").count(), marks, "marks balanced");
    assert_eq!(html.matches("class=\"ea-section-host\"").count(), parts);
}
