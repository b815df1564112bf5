//! The article widget: owns the reducer, derives the view model per audience and
//! wires interactions (audience, sections, popovers, share) to it. Side effects
//! (storage, URL, focus, host events, document listeners) live in effects.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::audience_picker::AudiencePicker;
use crate::components::citation::marker_id;
use crate::components::header::Header;
use crate::components::inline::{self, InlineCtx, MarkerEvent};
use crate::components::popover::{Popover as PopoverView, PopoverContent};
use crate::components::references::{entry_id, References};
use crate::components::section::Section;
use crate::config::{AudienceRequest, Control, HostEvent, WidgetConfig};
use crate::model::{Article, Audience};
use crate::state::{Action, Popover, WidgetState};
use crate::url::{self, ShareState};
use crate::viewmodel::{self, ArticleView, BlockView, SectionView};

/// How long the pointer must rest on a marker before its preview opens, and how
/// long a hover preview survives after the pointer leaves (WCAG 1.4.13 hoverable).
const HOVER_MS: u32 = 300;

/// Props of [`ArticleWidget`].
#[derive(Properties, Clone, PartialEq)]
pub struct ArticleWidgetProps {
    /// A validated article.
    pub article: Rc<Article>,
    /// Host settings.
    pub config: Rc<WidgetConfig>,
    /// Reports to the host.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Host steering (mount API).
    #[prop_or_default]
    pub control: Option<Rc<Control>>,
}

/// Builds the first state from the article defaults and the share link.
fn initial_state(article: &Article, config: &WidgetConfig) -> WidgetState {
    let (audience, chosen) = config.initial_audience();
    // Section ids and citation numbers are the same in every audience's view.
    let base = viewmodel::build(article, audience);
    let defaults = base.section_defaults();
    let mut s = WidgetState::new(audience, &defaults);
    s.audience_chosen = chosen;
    if let Some(link) = &config.url_state {
        let ids: Vec<String> = defaults.iter().map(|(i, _)| i.clone()).collect();
        let link = url::sanitize(link.clone(), &ids, base.references.len());
        s.open.extend(link.open.iter().cloned());
        for id in &link.shut {
            s.open.remove(id);
        }
        if let Some(number) = link.cite {
            if let Some(marker) = base.first_marker_for(number) {
                if let Some((_, sid, _)) = base.markers().into_iter().find(|(o, _, _)| *o == marker)
                {
                    s.open.extend(base.ancestry(&sid).unwrap_or_default());
                }
                s.popover = Some(Popover::Cite {
                    number,
                    marker,
                    pinned: true,
                });
            }
        }
        if let Some(at) = link.at {
            s.open.extend(base.ancestry(&at).unwrap_or_default());
            s.scroll_to = Some(format!("{}{at}", config.prefix));
        }
    }
    s
}

/// What the URL should carry for this state.
pub fn share_state(state: &WidgetState, view: &ArticleView) -> ShareState {
    let mut s = ShareState {
        audience: state.audience_chosen.then_some(state.audience),
        ..Default::default()
    };
    for (id, default_open) in view.section_defaults() {
        let open = state.open.contains(&id);
        if open && !default_open {
            s.open.push(id);
        } else if !open && default_open {
            s.shut.push(id);
        }
    }
    s.cite = state.open_citation();
    s
}

/// The article widget.
#[function_component(ArticleWidget)]
pub fn article_widget(p: &ArticleWidgetProps) -> Html {
    let state = {
        let (article, config) = (p.article.clone(), p.config.clone());
        use_reducer(move || initial_state(&article, &config))
    };
    let view: Rc<ArticleView> = use_memo((p.article.clone(), state.audience), |(a, aud)| {
        viewmodel::build(a, *aud)
    });
    let labels = use_memo(view.clone(), |v| {
        v.references
            .iter()
            .map(|r| r.short.clone())
            .collect::<Vec<_>>()
    });
    let root = use_node_ref();
    let open_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let close_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let prefix = p.config.prefix.clone();
    let popover_id = format!("{prefix}popover");

    // The host's `setAudience()` reaches the reducer through this callback.
    {
        let dispatch = state.dispatcher();
        use_effect_with(p.control.clone(), move |control| {
            let control = control.clone();
            if let Some(c) = &control {
                c.connect(Some(Callback::from(move |r| {
                    dispatch.dispatch(match r {
                        AudienceRequest::Reader(a) => Action::SetAudience(a),
                        AudienceRequest::Default(a) => Action::SetDefaultAudience(a),
                    })
                })));
            }
            move || {
                if let Some(c) = control {
                    c.connect(None);
                }
            }
        });
    }
    // Host events: ready once; audience changes the reader makes.
    {
        let on_event = p.on_event.clone();
        use_effect_with((), move |_| on_event.emit(HostEvent::Ready));
    }
    {
        let on_event = p.on_event.clone();
        let reader_choice = state.reader_choice;
        use_effect_with(
            (state.audience, reader_choice),
            move |(aud, reader_choice)| {
                if *reader_choice {
                    crate::storage::save_browser_audience(*aud);
                    on_event.emit(HostEvent::AudienceChange(*aud));
                }
            },
        );
    }
    // The page URL follows the state (replaceState: no history entries).
    {
        let share = share_state(&state, &view);
        let config = p.config.clone();
        let control = p.control.clone();
        use_effect_with(share, move |share| {
            if let Some(c) = &control {
                c.record(share.clone());
            }
            if config.share_state {
                crate::hooks::write_share_state(&config, share);
            }
        });
    }
    // Deep link by fragment: open the section and its ancestors, then scroll there.
    {
        let dispatch = state.dispatcher();
        let view = view.clone();
        let prefix = prefix.clone();
        use_effect_with((), move |_| {
            if let Some(hash) = crate::hooks::location_hash() {
                let id = hash.strip_prefix(&prefix).unwrap_or(&hash).to_owned();
                if let Some(chain) = view.ancestry(&id) {
                    dispatch.dispatch(Action::OpenSections(chain));
                    dispatch.dispatch(Action::ScrollTo(format!("{prefix}{id}")));
                }
            }
        });
    }
    // Focus and scroll requests, after the render that makes their target exist.
    {
        let dispatch = state.dispatcher();
        let root = root.clone();
        let timers = crate::hooks::use_unmount_slot();
        use_effect_with(
            (state.return_focus.clone(), state.scroll_to.clone()),
            move |(focus, scroll)| {
                if let Some(el) = root.cast::<web_sys::Element>() {
                    if let Some(id) = scroll {
                        if let Some(target) = crate::dom::find(&el, id) {
                            crate::dom::scroll_into_view(&target);
                        }
                        dispatch.dispatch(Action::Scrolled);
                    }
                    if let Some(id) = focus {
                        *timers.borrow_mut() = crate::hooks::focus_and_flash(&el, id);
                        dispatch.dispatch(Action::FocusReturned);
                    }
                }
            },
        );
    }
    // While a popover is open: Escape and a click/tap outside close it.
    {
        let dispatch = state.dispatcher();
        let root = root.clone();
        let anchor = anchor_id(&prefix, state.popover);
        let popover_id = popover_id.clone();
        let pending = crate::hooks::use_unmount_slot();
        use_effect_with(anchor, move |anchor| {
            let listeners = anchor.clone().and_then(|a| {
                crate::hooks::dismiss_listeners(&root, &popover_id, &a, dispatch, pending)
            });
            move || drop(listeners)
        });
    }
    // Timers die with the widget.
    {
        let (o, c) = (open_timer.clone(), close_timer.clone());
        use_effect_with((), move |_| {
            move || {
                o.borrow_mut().take();
                c.borrow_mut().take();
            }
        });
    }

    let on_marker = {
        let dispatch = state.dispatcher();
        let current = state.popover;
        let (open_timer, close_timer) = (open_timer.clone(), close_timer.clone());
        let prefix = prefix.clone();
        Callback::from(
            move |(number, marker, ev): (usize, usize, MarkerEvent)| match ev {
                MarkerEvent::Activate => {
                    open_timer.borrow_mut().take();
                    close_timer.borrow_mut().take();
                    let same = matches!(current, Some(Popover::Cite { number: n, marker: m, pinned: true }) if n == number && m == marker);
                    if same {
                        dispatch.dispatch(Action::Close {
                            focus: Some(marker_id(&prefix, marker, number)),
                        });
                    } else {
                        dispatch.dispatch(Action::Open(Popover::Cite {
                            number,
                            marker,
                            pinned: true,
                        }));
                    }
                }
                MarkerEvent::HoverStart => {
                    close_timer.borrow_mut().take();
                    let pinned_open = matches!(
                        current,
                        Some(Popover::Cite { pinned: true, .. }) | Some(Popover::Term { .. })
                    );
                    if !pinned_open {
                        let d = dispatch.clone();
                        *open_timer.borrow_mut() = Some(Timeout::new(HOVER_MS, move || {
                            d.dispatch(Action::Open(Popover::Cite {
                                number,
                                marker,
                                pinned: false,
                            }))
                        }));
                    }
                }
                MarkerEvent::HoverEnd => {
                    open_timer.borrow_mut().take();
                    if matches!(current, Some(Popover::Cite { pinned: false, .. })) {
                        let d = dispatch.clone();
                        *close_timer.borrow_mut() = Some(Timeout::new(HOVER_MS, move || {
                            d.dispatch(Action::Close { focus: None })
                        }));
                    }
                }
            },
        )
    };
    let on_popover_hover = {
        let dispatch = state.dispatcher();
        let current = state.popover;
        let close_timer = close_timer.clone();
        Callback::from(move |inside: bool| {
            if inside {
                close_timer.borrow_mut().take();
            } else if matches!(current, Some(Popover::Cite { pinned: false, .. })) {
                let d = dispatch.clone();
                *close_timer.borrow_mut() = Some(Timeout::new(HOVER_MS, move || {
                    d.dispatch(Action::Close { focus: None })
                }));
            }
        })
    };
    let on_term = {
        let dispatch = state.dispatcher();
        let current = state.popover;
        let prefix = prefix.clone();
        Callback::from(move |(entry, mark): (usize, usize)| {
            if matches!(current, Some(Popover::Term { mark: m, .. }) if m == mark) {
                dispatch.dispatch(Action::Close {
                    focus: Some(format!("{prefix}term-{mark}")),
                });
            } else {
                dispatch.dispatch(Action::Open(Popover::Term { entry, mark }));
            }
        })
    };
    let ctx = InlineCtx {
        prefix: prefix.clone().into(),
        labels,
        popover: state.popover,
        on_marker,
        on_term,
    };

    let on_audience = {
        let dispatch = state.dispatcher();
        Callback::from(move |a: Audience| dispatch.dispatch(Action::SetAudience(a)))
    };
    let all_ids: Vec<String> = view
        .section_defaults()
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let expand_all = {
        let dispatch = state.dispatcher();
        let ids = all_ids.clone();
        move |_: MouseEvent| {
            dispatch.dispatch(Action::SetAll {
                ids: ids.clone(),
                open: true,
            })
        }
    };
    let collapse_all = {
        let dispatch = state.dispatcher();
        let ids = all_ids.clone();
        move |_: MouseEvent| {
            dispatch.dispatch(Action::SetAll {
                ids: ids.clone(),
                open: false,
            })
        }
    };
    let on_back = {
        let dispatch = state.dispatcher();
        let view = view.clone();
        let prefix = prefix.clone();
        Callback::from(move |target: String| {
            // Open the section holding the marker before focusing it.
            if let Some((_, sid, _)) = view
                .markers()
                .into_iter()
                .find(|(o, _, n)| n.iter().any(|n| marker_id(&prefix, *o, *n) == target))
            {
                dispatch.dispatch(Action::OpenSections(
                    view.ancestry(&sid).unwrap_or_default(),
                ));
            }
            dispatch.dispatch(Action::Focus(target));
        })
    };

    let popover = state.popover.and_then(|pop| {
        let anchor = anchor_id(&prefix, Some(pop))?;
        let (content, take_focus) = match pop {
            Popover::Cite {
                number,
                marker,
                pinned,
            } => (
                PopoverContent::Reference(Rc::new(view.reference_at(number, marker)?)),
                pinned,
            ),
            Popover::Term { entry, .. } => (
                PopoverContent::Term(Rc::new(view.glossary.get(entry)?.clone())),
                true,
            ),
        };
        let dispatch = state.dispatcher();
        let a = anchor.clone();
        let onclose = Callback::from(move |_| {
            dispatch.dispatch(Action::Close {
                focus: Some(a.clone()),
            })
        });
        let dispatch = state.dispatcher();
        let oncopy = Callback::from(move |text: String| {
            let d = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = crate::dom::copy_text(&text).await;
                d.dispatch(Action::Announce(if ok {
                    "Citation copied.".into()
                } else {
                    "Could not copy: select the citation text and copy it instead.".into()
                }));
            });
        });
        let dispatch = state.dispatcher();
        let pre = prefix.clone();
        let ongoto = Callback::from(move |n: usize| {
            dispatch.dispatch(Action::Close { focus: None });
            dispatch.dispatch(Action::Focus(entry_id(&pre, n)));
        });
        Some(html! {
            <PopoverView id={popover_id.clone()} anchor={anchor} {content} {take_focus}
                {onclose} {oncopy} {ongoto} onhover={on_popover_hover.clone()} />
        })
    });

    let follow_up = {
        let question = view.question_professional.clone();
        let audience = state.audience;
        let on_event = p.on_event.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_event.emit(HostEvent::FollowUp {
                question: question.clone(),
                audience,
            })
        });
        match &p.config.follow_up_href {
            Some(href) => {
                let sep = if href.contains('?') { '&' } else { '?' };
                let target = format!(
                    "{href}{sep}q={}",
                    url::encode_component(&view.question_professional)
                );
                html! { <a class="ea-btn ea-followup__btn" href={target} {onclick}>{view.follow_up.clone()}</a> }
            }
            None => {
                html! { <button type="button" class="ea-btn ea-followup__btn" {onclick}>{view.follow_up.clone()}</button> }
            }
        }
    };

    let heading_id = format!("{prefix}title");
    let tools = html! {
        <div class="ea-tools">
            <button type="button" class="ea-btn ea-btn--small" onclick={expand_all}>{"Expand all"}</button>
            <button type="button" class="ea-btn ea-btn--small" onclick={collapse_all}>{"Collapse all"}</button>
            <crate::components::share::ShareControl prefix={prefix.clone()} />
        </div>
    };
    let share_key = p.config.share_state.then(|| p.config.share_key());
    let sections = view
        .sections
        .iter()
        .map(|s| render_section(s, &state, &ctx, &prefix, share_key.as_deref()));
    html! {
        <div class="ea-root" ref={root} lang={view.lang.clone()}>
            <article class={classes!("ea-article", format!("ea-aud-{}", state.audience.id()))} aria-labelledby={heading_id.clone()}>
                <Header view={view.clone()} heading_id={heading_id} {tools} />
                <AudiencePicker prefix={prefix.clone()} audience={state.audience} chosen={state.audience_chosen} onchange={on_audience} />
                <div class="ea-body">{for sections}</div>
                <References view={view.clone()} prefix={prefix.clone()} onback={on_back} />
                <section class="ea-disclaimer">
                    <h2 class="ea-disclaimer__title" id={format!("{prefix}disclaimer")}>{view.disclaimer_title.clone()}</h2>
                    <p>{inline::render(&view.disclaimer, &ctx)}</p>
                </section>
                <div class="ea-followup">{follow_up}</div>
            </article>
            <div class="ea-visually-hidden ea-live" aria-live="polite" role="status">{state.announcement.clone()}</div>
            {popover.unwrap_or_default()}
        </div>
    }
}

/// Element id of the popover's anchor.
fn anchor_id(prefix: &str, p: Option<Popover>) -> Option<String> {
    match p? {
        Popover::Cite { number, marker, .. } => Some(marker_id(prefix, marker, number)),
        Popover::Term { mark, .. } => Some(format!("{prefix}term-{mark}")),
    }
}

fn render_section(
    s: &SectionView,
    state: &UseReducerHandle<WidgetState>,
    ctx: &InlineCtx,
    prefix: &str,
    share_key: Option<&str>,
) -> Html {
    let dispatch = state.dispatcher();
    let id = s.id.clone();
    let markers = s.markers.clone();
    let button = format!("{prefix}{}-btn", s.id);
    let ontoggle = Callback::from(move |open: bool| {
        dispatch.dispatch(Action::SetSection {
            id: id.clone(),
            open,
            contains_marker: markers.clone(),
            button: button.clone(),
        })
    });
    let blocks = s.blocks.iter().map(|b| match b {
        BlockView::Paragraph(n) => html! { <p>{inline::render(n, ctx)}</p> },
        BlockView::List(items) => html! {
            <ul>{for items.iter().map(|n| html! { <li>{inline::render(n, ctx)}</li> })}</ul>
        },
    });
    let subs = s
        .subsections
        .iter()
        .map(|x| render_section(x, state, ctx, prefix, share_key));
    html! {
        <Section key={s.id.clone()} id={format!("{prefix}{}", s.id)} title={s.title.clone()} level={s.level}
            initially_open={s.initially_open} expanded={Some(state.open.contains(&s.id))} {ontoggle}
            actions={html! { <crate::components::share::SectionLink prefix={prefix.to_owned()} section={s.id.clone()} title={s.title.clone()} share_key={share_key.map(str::to_owned)} /> }}>
            {for blocks}
            {for subs}
        </Section>
    }
}
