//! The article header: question, review line, pending-review banner, review
//! stepper, last-updated date (with a freshness notice), the editorial-policy link
//! and the tools row (the article's controls, then Print).
//!
//! The date is rendered first as an ISO-like English date, identical under SSR and
//! in the browser's first render (so hydration matches). Only then does an effect
//! read the browser's clock and locale: it re-formats the date with
//! `Intl.DateTimeFormat` and shows the notice when the article is older than its
//! review interval. Nothing about "now" is decided while rendering: pre-rendered
//! markup carries the pre-renderer's decision ([`StaleHint`]), which the first
//! render repeats.

use yew::prelude::*;

use crate::components::context::Shared;
use crate::model::freshness;
use crate::model::ReviewStatus;
use crate::viewmodel::ArticleView;

/// Props of [`Header`].
#[derive(Properties, Clone, PartialEq)]
pub struct HeaderProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// Id of the heading element.
    pub heading_id: AttrValue,
    /// Controls shown next to the date (share, expand all).
    #[prop_or_default]
    pub tools: Html,
}

/// The pre-render's freshness decision ([`WidgetConfig::stale_hint`]), provided by
/// the app: the first render repeats it, so hydrated markup matches and the notice
/// neither appears nor vanishes unless the reader's clock disagrees.
///
/// [`WidgetConfig::stale_hint`]: crate::config::WidgetConfig::stale_hint
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StaleHint(pub Option<bool>);

/// What the browser works out after the first render.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderDate {
    /// The date in the reader's locale; `None` where that is the rendered English
    /// date already (an `en`/`en-US` reader), which spares creating an
    /// `Intl.DateTimeFormat` (its first use loads locale data: a long task).
    pub display: Option<String>,
    /// Whether the article is older than its review interval today.
    pub stale: bool,
}

/// Reads the browser's clock and locale (in an effect only).
#[cfg(target_arch = "wasm32")]
fn reader_date(iso: &str, interval_months: u32) -> Option<ReaderDate> {
    use wasm_bindgen::JsValue;
    let d = freshness::Date::parse_iso(iso)?;
    let today = crate::dom::today();
    let lang = crate::dom::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    // A date the browser cannot format keeps the rendered English one; the
    // freshness check below does not depend on it.
    let display = if matches!(lang.as_str(), "en" | "en-US") {
        None
    } else {
        let opts = js_sys::Object::new();
        for (k, val) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
            let _ = js_sys::Reflect::set(&opts, &k.into(), &val.into());
        }
        let date =
            js_sys::Date::new_with_year_month_day(d.year as u32, d.month as i32 - 1, d.day as i32);
        let fmt = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts);
        fmt.format()
            .call1(&JsValue::UNDEFINED, &date)
            .ok()
            .and_then(|s| s.as_string())
    };
    Some(ReaderDate {
        display,
        stale: freshness::is_stale(iso, interval_months, today),
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn reader_date(_iso: &str, _interval_months: u32) -> Option<ReaderDate> {
    None
}

/// Article header.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let v = &p.view;
    let reader = use_state_eq(|| None::<ReaderDate>);
    {
        let reader = reader.setter();
        // In a task of its own, after the widget is interactive: nothing here is
        // needed for the first frame.
        use_effect_with(
            (v.last_updated.clone(), v.review_interval_months),
            move |(iso, months)| {
                let (iso, months) = (iso.clone(), *months);
                let t = crate::dom::timeout(0, move || reader.set(reader_date(&iso, months)));
                move || drop(t)
            },
        );
    }
    let shown_date = reader
        .as_ref()
        .and_then(|r| r.display.clone())
        .unwrap_or_else(|| v.last_updated_display.clone());
    let hint = use_context::<StaleHint>().and_then(|h| h.0);
    let stale = reader.as_ref().map(|r| r.stale).or(hint).unwrap_or(false);
    let current = v.status;
    let steps = ReviewStatus::ALL.iter().map(|&s| {
        let idx = ReviewStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        let cur_idx = ReviewStatus::ALL
            .iter()
            .position(|x| *x == current)
            .unwrap_or(0);
        let state = if idx < cur_idx {
            "done"
        } else if idx == cur_idx {
            "current"
        } else {
            "todo"
        };
        html! {
            <li class={classes!("ea-steps__step", format!("ea-steps__step--{state}"))}
                aria-current={(s == current).then_some("step")}>
                {s.label()}
                if s == current { <span class="ea-visually-hidden">{" (current step)"}</span> }
            </li>
        }
    });
    html! {
        <header class="ea-header">
            <h1 class="ea-title" id={p.heading_id.clone()}>{v.question.clone()}</h1>
            if let Some(statement) = &v.statement {
                <p class="ea-review-line">
                    if let Some(board) = &v.board { <strong class="ea-review-line__board">{board.clone()}</strong>{" · "} }
                    {statement.clone()}
                </p>
            }
            if current != ReviewStatus::Approved {
                <p class="ea-banner" role="note">
                    <strong>{"Educational purpose only"}</strong>{" • Exercise caution as content is pending human review"}
                </p>
            }
            <div class="ea-review">
                <h2 class="ea-review__label" id={format!("{}-status", p.heading_id)}>{"Article Review Status"}</h2>
                <ol class="ea-steps" aria-labelledby={format!("{}-status", p.heading_id)}>{for steps}</ol>
            </div>
            if v.has_notes {
                <p class="ea-notes-line">{notes_line(v.plain)}</p>
            }
            <p class="ea-meta">
                {"Last updated: "}<time datetime={v.last_updated.clone()}>{shown_date}</time>
                if let Some(policy) = &v.editorial_policy {
                    {" · "}<a class="ea-meta__policy" href={policy.clone()}>{"View editorial policy"}</a>
                }
            </p>
            if stale {
                <p class="ea-freshness">{freshness::notice(v.review_interval_months)}</p>
            }
            <div class="ea-header__tools">{p.tools.clone()}<PrintButton /></div>
        </header>
    }
}

/// "Print": opens the browser's print dialog (print styles open every section and
/// hide the controls). Same markup under SSR; `window.print()` runs only on click.
#[function_component(PrintButton)]
fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = crate::dom::window() {
            // Refused in some sandboxed iframes; nothing to tell the reader then.
            let _ = w.print();
        }
    });
    html! { <button type="button" class="ea-btn ea-btn--small ea-print" {onclick}>{"Print"}</button> }
}

/// The line saying that editor's notes belong to the article, not to the sources.
pub fn notes_line(plain: bool) -> &'static str {
    if plain {
        "Some citations have a note from the editors of this article. These notes are part of this article. They are not part of the sources."
    } else {
        "Editor's notes at some citations are part of this article, written by its editors; they are not part of the cited sources."
    }
}
