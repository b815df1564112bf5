//! The citation / glossary popover: a non-modal dialog in the top layer (HTML
//! `popover="manual"`), positioned next to its anchor, flipping above/below and
//! shifting to stay inside the viewport; a bottom sheet under 480 px (CSS).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart::chart;
use crate::components::references::source_links;
use crate::viewmodel::{RefView, TermView};

mod show;

/// What the popover shows.
#[derive(Clone, PartialEq)]
pub enum PopoverContent {
    /// A reference.
    Reference(Rc<RefView>),
    /// A glossary term.
    Term(Rc<TermView>),
}

/// Props of [`Popover`].
#[derive(Properties, Clone, PartialEq)]
pub struct PopoverProps {
    /// Element id of the dialog.
    pub id: AttrValue,
    /// Element id of the anchor (marker or term button).
    pub anchor: AttrValue,
    /// Content.
    pub content: PopoverContent,
    /// Move focus into the dialog when it opens (click/keyboard, not hover).
    pub take_focus: bool,
    /// Close button pressed.
    pub onclose: Callback<()>,
    /// "Copy citation" pressed (text to copy).
    #[prop_or_default]
    pub oncopy: Callback<String>,
    /// "Go to reference list" pressed (reference number).
    #[prop_or_default]
    pub ongoto: Callback<usize>,
    /// Pointer entered/left the dialog (hover bridge).
    #[prop_or_default]
    pub onhover: Callback<bool>,
}

/// The popover dialog.
#[function_component(Popover)]
pub fn popover(p: &PopoverProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let anchor = p.anchor.clone();
        let take_focus = p.take_focus;
        use_effect_with((anchor, p.content.clone()), move |(anchor, _)| {
            let anchor = anchor.clone();
            let cleanup = show::when_anchor_expanded(&node, &anchor, take_focus);
            move || drop(cleanup)
        });
    }
    let title_id = format!("{}-title", p.id);
    let close = p.onclose.reform(|_: MouseEvent| ());
    let onmouseenter = p.onhover.reform(|_: MouseEvent| true);
    let onmouseleave = p.onhover.reform(|_: MouseEvent| false);
    // The body scrolls when the popover is capped; the actions stay below it, in view.
    let (body, actions) = match &p.content {
        PopoverContent::Reference(r) => {
            let ama = r.ama.clone();
            let oncopy = p.oncopy.reform(move |_: MouseEvent| ama.clone());
            let n = r.number;
            let ongoto = p.ongoto.reform(move |_: MouseEvent| n);
            let labels = Labels::new(r.plain);
            let body = html! {
                <>
                    <h2 class="ea-popover__title" id={title_id.clone()}>{format!("Reference {}", r.number)}</h2>
                    <p class="ea-popover__citation">{r.ama.clone()}</p>
                    if let Some(kind) = &r.source_kind {
                        <p class="ea-popover__kind"><span class="ea-popover__label">{"Type of source: "}</span>{kind.clone()}</p>
                    }
                    if let Some(f) = &r.key_finding {
                        <div class="ea-popover__finding">
                            <h3 class="ea-popover__label">{"What this source found"}</h3>
                            <p>{f.clone()}</p>
                        </div>
                    }
                    if !r.findings.is_empty() {
                        <div class="ea-popover__charts">
                            {for r.findings.iter().map(chart)}
                        </div>
                    }
                    if let Some(c) = &r.certainty {
                        <p class="ea-popover__certainty"><span class="ea-popover__label">{labels.certainty}</span>{c.clone()}</p>
                    }
                    if let Some(note) = &r.note_here {
                        <div class="ea-popover__note">
                            <h3 class="ea-popover__label">{"How this source relates to this sentence"}</h3>
                            <p>{note.clone()}</p>
                            <p class="ea-popover__note-by">{labels.note_by}</p>
                        </div>
                    }
                    {source_links(r)}
                </>
            };
            let actions = html! {
                <div class="ea-popover__actions">
                    <button type="button" class="ea-btn ea-btn--small" onclick={oncopy}>{"Copy citation"}</button>
                    <button type="button" class="ea-btn ea-btn--small" onclick={ongoto}>{"Go to reference list"}</button>
                </div>
            };
            (body, actions)
        }
        PopoverContent::Term(t) => (
            html! {
                <>
                    <h2 class="ea-popover__title" id={title_id.clone()}>{t.term.clone()}</h2>
                    if let Some(e) = &t.expansion { <p class="ea-popover__expansion">{e.clone()}</p> }
                    <p class="ea-popover__definition">{t.definition.clone()}</p>
                </>
            },
            Html::default(),
        ),
    };
    html! {
        <div class="ea-popover" id={p.id.clone()} role="dialog" aria-labelledby={title_id}
            popover="manual" tabindex="-1" ref={node} {onmouseenter} {onmouseleave}>
            <button type="button" class="ea-popover__close" aria-label="Close" onclick={close}>
                <span aria-hidden="true">{"×"}</span>
            </button>
            <div class="ea-popover__body">{body}</div>
            {actions}
        </div>
    }
}

/// Wording of the reference popover's labels for an audience.
pub struct Labels {
    /// Label before the certainty line.
    pub certainty: &'static str,
    /// Says who wrote an editor's note.
    pub note_by: &'static str,
}

impl Labels {
    /// Plain-language labels for lay readers, professional ones otherwise.
    pub fn new(plain: bool) -> Self {
        if plain {
            Labels {
                certainty: "How sure we can be: ",
                note_by:
                    "This note is from the editors of this article. It is not part of the source.",
            }
        } else {
            Labels {
                certainty: "Certainty / strength: ",
                note_by: "Editor's note: part of this article, not of the cited source.",
            }
        }
    }
}

/// Pure placement: below the anchor if it fits, else above, else the larger side with
/// a capped height; shifted horizontally to stay inside the viewport.
pub fn placement(
    anchor: (f64, f64, f64, f64),
    size: (f64, f64),
    viewport: (f64, f64),
) -> (f64, f64, Option<f64>) {
    const GAP: f64 = 6.0;
    const MARGIN: f64 = 8.0;
    let (left, top, _right, bottom) = anchor;
    let (w, h) = size;
    let (vw, vh) = viewport;
    let below = vh - bottom - GAP - MARGIN;
    let above = top - GAP - MARGIN;
    let (y, max_h) = if h <= below {
        (bottom + GAP, None)
    } else if h <= above {
        (top - GAP - h, None)
    } else if below >= above {
        (bottom + GAP, Some(below.max(80.0)))
    } else {
        let mh = above.max(80.0);
        (top - GAP - mh, Some(mh))
    };
    let x = left.min(vw - w - MARGIN).max(MARGIN);
    (x, y, max_h)
}
/// Places the popover next to its anchor ([`placement`]); a bottom sheet (CSS) under 480 px.
pub(super) fn place(el: &web_sys::HtmlElement, anchor: &web_sys::HtmlElement) {
    let Some(win) = crate::dom::window() else {
        return;
    };
    let vw = win
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let vh = win
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let style = el.style();
    if vw < 480.0 {
        // The stylesheet turns the popover into a bottom sheet.
        for prop in ["top", "left", "max-height"] {
            let _ = style.remove_property(prop);
        }
        return;
    }
    let _ = style.remove_property("max-height");
    let a = anchor.get_bounding_client_rect();
    let r = el.get_bounding_client_rect();
    let (x, y, max_h) = placement(
        (a.left(), a.top(), a.right(), a.bottom()),
        (r.width(), r.height()),
        (vw, vh),
    );
    // Whole pixels: integer formatting keeps float-printing code out of the wasm.
    let px = |v: f64| format!("{}px", v.round() as i64);
    let _ = style.set_property("left", &px(x));
    let _ = style.set_property("top", &px(y));
    if let Some(mh) = max_h {
        let _ = style.set_property("max-height", &px(mh));
    }
}
