//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use std::rc::Rc;

use evidence_article::config::WidgetConfig;
use evidence_article::model::Audience;
use evidence_article::{App, AppProps, ArticleSource};

/// Every article fixture in the repository that is JSON (valid or not).
pub const ARTICLE_FIXTURES: &[&str] = &[
    "tests/fixtures/articles/valid.json",
    "tests/fixtures/articles/broken.json",
    "tests/fixtures/articles/unknown-fields.json",
    "tests/fixtures/articles/wrong-shape.json",
    "static/articles/azathioprine-ild-uip.json",
    "static/templates/article.json",
    "fuzz/seeds/small-article.json",
];

/// The seed article text, verbatim.
pub const SEED: &str = include_str!("../fixtures/azathioprine-ild-uip.txt");

/// Lines of the seed that are the publisher's marketing, not article text: the
/// widget must not render them.
pub const MARKETING: &[&str] = &["Our Medical A.I. is used by practicing medical doctors"];

/// Lines of the seed where page chrome was glued together by copy-paste.
pub const GLUED: &[&str] = &[
    "Medical Advisory BoardAll articles",
    "Last updated: May 30, 2025View editorial policy",
];

/// Every seed line that must appear verbatim in the professional view.
pub fn seed_lines() -> Vec<String> {
    SEED.lines()
        .map(|l| l.trim().trim_start_matches('•').trim().to_owned())
        .filter(|l| !l.is_empty())
        .filter(|l| {
            !MARKETING.iter().any(|m| l.starts_with(m)) && !GLUED.iter().any(|g| l.starts_with(g))
        })
        .collect()
}

/// Renders the app with the embedded article for an audience, as plain HTML.
pub async fn render(audience: Audience) -> String {
    render_source(audience, || ArticleSource::Embedded).await
}

/// Renders the app for a source.
pub async fn render_source(
    audience: Audience,
    source: impl FnOnce() -> ArticleSource + Send + 'static,
) -> String {
    yew::ServerRenderer::<App>::with_props(move || AppProps {
        source: source(),
        config: Rc::new(WidgetConfig {
            host_audience: Some(audience),
            ..Default::default()
        }),
        on_event: Default::default(),
        control: None,
        hosting: Default::default(),
        hydration: None,
    })
    .hydratable(false)
    .render()
    .await
}

/// Visible text of rendered HTML: tags removed, entities decoded, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "legend", "section", "ul", "ol",
        "header", "fieldset", "details", "summary", "aside", "article", "label",
    ];
    let mut out = String::new();
    let mut tag = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if BLOCKS.contains(&name.as_str()) {
                    out.push(' ');
                }
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    normalize(&decode(&out))
}

/// Collapses runs of whitespace.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the entities Yew's SSR emits.
pub fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';').filter(|&e| e <= 8) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The embedded article as a JSON value (for building broken variants).
pub fn seed_json() -> serde_json::Value {
    serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("seed parses")
}
