//! The studio page: toolbar (open, template, export), the editor with its
//! problems, and the live preview. State: the draft reducer ([`crate::draft`]);
//! effects in [`crate::hooks`]; callbacks only dispatch or call a browser edge.

use std::rc::Rc;

use evidence_article::model::limits::MAX_BYTES;
use evidence_article::model::{EMBEDDED_ARTICLE_JSON, TEMPLATE_ARTICLE_JSON};
use yew::prelude::*;

use crate::browser;
use crate::check::Located;
use crate::draft::{Draft, DraftAction, SaveState, Tone};
use crate::editor::{self, Editor};
use crate::export;
use crate::hooks;
use crate::panels::{CoveragePanel, ReadingPanel};
use crate::preview::{Preview, View};
use crate::problems::Problems;
use crate::toolbar::{Export, Template, Toolbar};

/// The draft as Yew state.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftState(pub Draft);

impl Reducible for DraftState {
    type Action = DraftAction;
    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        Rc::new(DraftState(self.0.clone().reduce(action)))
    }
}

/// Reads a chosen or dropped file and hands its text to the draft.
fn open_file(file: web_sys::File, dispatch: Callback<DraftAction>) {
    let source = file.name();
    let bytes = file.size() as usize;
    if bytes > MAX_BYTES {
        dispatch.emit(DraftAction::OpenTooLarge { source, bytes });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(match browser::read_file(&file).await {
            Ok(text) => DraftAction::Open {
                source,
                is_file: true,
                text: text.into(),
            },
            Err(e) => DraftAction::Notice(Tone::Refused, format!("{source} was not opened: {e}.")),
        });
    });
}

/// The studio's root component.
#[function_component(Studio)]
pub fn studio() -> Html {
    let draft = use_reducer(|| DraftState(Draft::restored(browser::load_draft())));
    let d = &draft.0;
    let dispatch = {
        let draft = draft.clone();
        Callback::from(move |a| draft.dispatch(a))
    };
    let (analysis, fresh) = hooks::use_analysis(d.text.clone());
    hooks::use_autosave(d.text.clone(), d.revision, d.save.clone(), dispatch.clone());
    hooks::use_before_unload(d.would_lose_on_close());
    // The preview keeps the last article without errors.
    let last_good = use_mut_ref(|| None);
    if let Some(a) = &analysis.article {
        *last_good.borrow_mut() = Some(a.clone());
    }
    let view = use_state(|| View::One(evidence_article::model::Audience::Physician));
    let manual = use_state(|| None::<(String, String)>);
    let textarea = use_node_ref();

    let on_input = dispatch.reform(DraftAction::Edit);
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |f| open_file(f, dispatch.clone()))
    };
    let on_template = dispatch.reform(|t: Template| match t {
        Template::Skeleton => DraftAction::Open {
            source: "the skeleton".into(),
            is_file: false,
            text: TEMPLATE_ARTICLE_JSON.into(),
        },
        Template::Seed => DraftAction::Open {
            source: "the seed article".into(),
            is_file: false,
            text: browser::pretty(EMBEDDED_ARTICLE_JSON)
                .unwrap_or_else(|| EMBEDDED_ARTICLE_JSON.to_owned())
                .into(),
        },
    });
    let lines = d.text.bytes().filter(|&b| b == b'\n').count() + 1;
    let on_select = {
        let textarea = textarea.clone();
        Callback::from(move |p: Located| editor::move_caret(&textarea, p.caret, p.at.line, lines))
    };
    let on_path = {
        let (textarea, spots) = (textarea.clone(), analysis.spots.clone());
        Callback::from(move |path: String| {
            if let Some(s) = spots.get(&path) {
                editor::move_caret(&textarea, s.caret, s.at.line, lines);
            }
        })
    };
    let on_export = {
        let (dispatch, manual, text) = (dispatch.clone(), manual.clone(), d.text.clone());
        let name = export::file_name(d.file_name.as_deref(), analysis.id.as_deref());
        let audience = view.audiences()[0];
        Callback::from(move |x: Export| {
            let (what, snippet) = match x {
                Export::Download => {
                    dispatch.emit(match browser::download(&name, &text) {
                        Ok(()) => DraftAction::Exported,
                        Err(e) => {
                            DraftAction::Notice(Tone::Refused, format!("Not downloaded: {e}."))
                        }
                    });
                    return;
                }
                Export::SnippetSrc => ("the embed snippet", export::snippet_src(&name)),
                Export::SnippetInline => (
                    "the embed snippet with the article inline",
                    export::snippet_inline(
                        &browser::compact(&text).unwrap_or_else(|| text.to_string()),
                    ),
                ),
                Export::Prerendered => {
                    let html = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| {
                            d.query_selector(&format!("#studio-pane-{} .ea-root", audience.id()))
                                .ok()
                                .flatten()
                        })
                        .map(|e| e.outer_html());
                    let Some(html) = html else {
                        dispatch.emit(DraftAction::Notice(
                            Tone::Refused,
                            "Nothing to copy yet: the preview shows no article.".into(),
                        ));
                        return;
                    };
                    let compact = browser::compact(&text).unwrap_or_else(|| text.to_string());
                    (
                        "the pre-rendered markup",
                        export::prerendered(&html, &compact, audience.id()),
                    )
                }
            };
            let (dispatch, manual) = (dispatch.clone(), manual.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::copy(snippet.clone()).await {
                    Ok(()) => {
                        manual.set(None);
                        dispatch.emit(DraftAction::Notice(Tone::Info, format!("Copied {what}.")));
                    }
                    Err(e) => {
                        manual.set(Some((what.to_owned(), snippet)));
                        dispatch.emit(DraftAction::Notice(
                            Tone::Refused,
                            format!("Not copied ({e}): select it below and copy it by hand."),
                        ));
                    }
                }
            });
        })
    };
    let save_label = match &d.save {
        SaveState::Saved if d.text.is_empty() => "Nothing to keep yet".to_owned(),
        SaveState::Saved => "Saved in this browser".to_owned(),
        SaveState::Pending => "Saving…".to_owned(),
        SaveState::Failed(why) => format!("Not saved: {why}. Download the JSON to keep it."),
    };
    let save_class = classes!(
        "studio-save",
        matches!(d.save, SaveState::Failed(_)).then_some("studio-save--failed")
    );
    html! {
        <>
        <header class="studio-header">
            <h1>{"Evidence article studio"}</h1>
            <p class="studio-hint">{"Write, check and preview an evidence-article/1 file. Everything stays in this browser: nothing is uploaded."}</p>
            <Toolbar on_file={on_file.clone()} on_template={on_template} on_export={on_export} can_export={!d.text.trim().is_empty()} />
            // The save state changes with every pause in typing: shown, not announced;
            // notices (opened, refused, copied) are announced.
            <div class="studio-status">
                <span class={save_class} id="studio-save">{save_label}</span>
                <span role="status" class={classes!("studio-notice", d.notice.as_ref().is_some_and(|(t, _)| *t == Tone::Refused).then_some("studio-notice--refused"))}>
                    { d.notice.as_ref().map(|(_, m)| m.clone()).unwrap_or_default() }
                </span>
            </div>
            if let Some(r) = &d.pending {
                <div class="studio-confirm" role="group" aria-labelledby="studio-confirm-msg">
                    <p id="studio-confirm-msg">{format!("Opening {} replaces your draft, which has changes you have not downloaded.", r.source)}</p>
                    <button type="button" class="studio-btn" onclick={dispatch.reform(|_| DraftAction::ConfirmReplace)}>{"Replace my draft"}</button>
                    <button type="button" class="studio-btn" onclick={dispatch.reform(|_| DraftAction::CancelReplace)}>{"Keep my draft"}</button>
                </div>
            }
            if let Some((what, text)) = &*manual {
                <div class="studio-manual">
                    <label for="studio-manual-text">{format!("Copy {what} from here")}</label>
                    <textarea id="studio-manual-text" readonly=true value={text.clone()} />
                </div>
            }
        </header>
        <main class="studio-main">
            <div class="studio-left">
                <Editor text={d.text.clone()} {on_input} {on_file} textarea={textarea} />
                <Problems analysis={analysis.clone()} stale={!fresh} {on_select} />
                <ReadingPanel report={analysis.reading.clone()} on_select={on_path.clone()} />
                <CoveragePanel findings={analysis.coverage.clone()} parsed={analysis.reading.is_some()} on_select={on_path} />
            </div>
            <Preview article={last_good.borrow().clone()} outdated={fresh && analysis.article.is_none()}
                     view={*view} on_view={Callback::from(move |v| view.set(v))} />
        </main>
        </>
    }
}
