//! What the studio exports (pure): the download's file name, the embed snippets
//! and the wrapper of the pre-rendered markup. The markup itself comes from the
//! live preview's DOM (Yew's server renderer, which the CLI's `render` uses, does
//! not run in WebAssembly): the same components and stylesheet as `render`, but not
//! hydratable, so the element paints it at once and the widget renders afresh
//! when its wasm arrives (the CLI's `render` gives markup the widget hydrates).

/// Where the README's embedding section serves the widget from.
pub const EMBED_JS: &str = "/evidence/embed.js";
/// The widget's stylesheet, as the CLI's `render` links it by default.
pub const STYLESHEET: &str = "evidence-article.css";

/// The download's file name: the opened file's, else `<id>.json`, else `article.json`.
pub fn file_name(opened: Option<&str>, article_id: Option<&str>) -> String {
    let safe = |s: &str| {
        !s.is_empty()
            && s.len() <= 100
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    match (opened, article_id) {
        (Some(f), _) if safe(f) && f.ends_with(".json") => f.to_owned(),
        (_, Some(id)) if safe(id) => format!("{id}.json"),
        _ => "article.json".to_owned(),
    }
}

use evidence_article::markup::attr;
/// `<` inside JSON only occurs in strings (the CLI's `render` escapes the same way).
pub use evidence_article::markup::script_safe_json as script_safe;

/// The embed snippet for an article served as a file next to the page.
pub fn snippet_src(file: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{EMBED_JS}\"></script>\n<evidence-article src=\"{}\"></evidence-article>\n",
        attr(file)
    )
}

/// The embed snippet with the article inline (`compact` is the JSON without spaces).
pub fn snippet_inline(compact: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{EMBED_JS}\"></script>\n<evidence-article audience=\"physician\">\n  <script type=\"application/json\">{}</script>\n</evidence-article>\n",
        script_safe(compact)
    )
}

/// A pre-rendered `<evidence-article>` for `audience`: a declarative shadow root
/// with the stylesheet and the rendered article (`article_html`, from the
/// preview), then the article as inline JSON (`compact`).
pub fn prerendered(article_html: &str, compact: &str, audience: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{EMBED_JS}\"></script>\n<evidence-article audience=\"{}\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{STYLESHEET}\"><div>{article_html}</div></template><script type=\"application/json\">{}</script></evidence-article>\n",
        attr(audience),
        script_safe(compact)
    )
}
