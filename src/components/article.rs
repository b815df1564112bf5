//! The article widget: owns the reducer, derives the view model per audience,
//! provides the widget context and composes the header, audience picker, sections,
//! references, follow-up and popover. Side effects live in `crate::hooks`;
//! every callback only dispatches.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::article_section::{self, ArticleSectionProps};
use crate::components::audience_picker::AudiencePickerProps;
use crate::components::context::{Shared, WidgetContext};
use crate::components::header::StaleHint;
use crate::components::last::Last;
use crate::components::popover_layer::PopoverLayer;
use crate::components::references::ReferencesProps;
use crate::components::section_host::{HeaderPartProps, Hosting, Part, SectionHostProps};
use crate::components::section_slots::{SectionSlots, SectionSlotsProps};
use crate::components::share::ShareControl;
use crate::components::tail::TailProps;
use crate::config::{Control, HostEvent, WidgetConfig};
use crate::hooks;
use crate::model::Article;
use crate::state::{self, Action, FocusTarget};
use crate::viewmodel::{self, ArticleView};

/// Props of [`ArticleWidget`].
#[derive(Properties, Clone, PartialEq)]
pub struct ArticleWidgetProps {
    /// A validated article (compared by identity: never walked to compare props).
    pub article: Shared<Article>,
    /// Host settings.
    pub config: Rc<WidgetConfig>,
    /// Reports to the host.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Host steering (mount API).
    #[prop_or_default]
    pub control: Option<Rc<Control>>,
    /// Where the top-level sections render ([`Hosting`]).
    #[prop_or_default]
    pub hosting: Hosting,
    /// The views of `article` built beforehand ([`ViewCache::new`] in a start-up task
    /// of its own); used when built for this first audience.
    #[prop_or_default]
    pub prepared: Option<Shared<ViewCache>>,
}

/// The article widget.
#[function_component(ArticleWidget)]
pub fn article_widget(p: &ArticleWidgetProps) -> Html {
    // What all audiences share (citation numbers, note anchors), then the view of
    // the first audience: built once, for the first state (section defaults, share
    // link) and the first render. Other audiences are built when first asked for.
    let views = {
        let (config, prepared) = (p.config.clone(), p.prepared.clone());
        use_memo(p.article.clone(), move |a| {
            let audience = config.initial_audience().0;
            match prepared {
                Some(v) if v.first.audience == audience => v.0,
                _ => Rc::new(ViewCache::new(&a.0, audience)),
            }
        })
    };
    let first = views.first.clone();
    let state = {
        let (first, config) = (first.clone(), p.config.clone());
        use_reducer(move || state::initial_state_for(&first, &config))
    };
    let ctx = {
        let (dispatcher, hosting) = (state.dispatcher(), p.hosting.clone());
        use_memo(p.config.clone(), move |config| WidgetContext {
            prefix: config.prefix.clone().into(),
            share_key: config.share_state.then(|| config.share_key().into()),
            dispatch: Callback::from(move |a| dispatcher.dispatch(a)),
            hosting,
        })
    };
    // During a stepped switch (`state::switch`) some parts still show the audience
    // they showed before: their views are kept until no part shows it.
    let view = views.get(state.audience);
    views.keep(state.audience, &state.lagging);
    // Short labels do not depend on the audience: one `Rc` for the article, so the
    // one every citation group holds stays the same across audience switches (and
    // compares by pointer, instead of label by label in every group).
    let labels = views.prepared.labels();
    let root = use_node_ref();
    let (prefix, dispatch) = (ctx.prefix.clone(), ctx.dispatch.clone());

    let stepped = state::switch::stepped(state.parts);
    hooks::use_host_control(p.control.clone(), root.clone(), stepped, dispatch.clone());
    hooks::use_host_events(p.on_event.clone(), state.audience, state.reader_choice);
    let share = state::share_state(&state, &view);
    hooks::use_share_url(ctx.share_key.clone(), p.control.clone(), share);
    hooks::use_deep_link(view.clone(), prefix.clone(), dispatch.clone());
    // Rendering afresh, sections arrive over several tasks (`Hosting::filling`): a
    // request whose target is not there yet waits until all have rendered.
    let filled = use_state_eq(|| !p.hosting.filling());
    hooks::use_focus_request(
        root.clone(),
        prefix.clone(),
        (state.scroll_to.clone(), state.return_focus.clone()),
        !*filled,
        dispatch.clone(),
    );
    let anchor = state.popover.map(state::Popover::anchor);
    hooks::use_dismiss(root.clone(), prefix.clone(), anchor, dispatch.clone());
    hooks::use_hover_timer(state.pending_hover, dispatch.clone());
    hooks::use_catch_up(
        root.clone(),
        state.screen_caught_up,
        state.lagging_parts(),
        state.references_part(),
        view.clone(),
        dispatch.clone(),
    );

    // A back-link reads the view current at its click: one callback for the widget's
    // life, so the reference list's props stay equal across an audience switch (a
    // new callback re-rendered all its entries in the switch's click).
    let latest = use_mut_ref(|| view.clone());
    *latest.borrow_mut() = view.clone();
    let on_back = use_callback((), move |(occurrence, number), ()| {
        // Open the section holding the marker before focusing it.
        let view = latest.borrow().clone();
        let open = view
            .markers()
            .into_iter()
            .find(|(o, _, _)| *o == occurrence)
            .and_then(|(_, sid, _)| view.ancestry(&sid))
            .unwrap_or_default();
        let target = FocusTarget::Marker { occurrence, number };
        dispatch.emit(Action::Reveal { open, target });
    });
    let shared = Shared(view.clone());
    let part = |i: usize| Shared(views.get(state.shown(i)));
    let section_props: Vec<SectionHostProps> = (0..view.sections.len())
        .filter_map(|i| ArticleSectionProps::new(&part(i), i, &state, &labels))
        .map(|section| SectionHostProps {
            part: Part::Section(section),
            ctx: (*ctx).clone(),
            hydration: None,
        })
        .collect();
    let tail = SectionHostProps {
        // Rendering afresh, in a task of their own after the sections.
        part: Part::Tail(TailProps {
            refs: filled.then(|| ReferencesProps {
                view: part(state.references_part()),
                onback: on_back.clone(),
            }),
            view: shared.clone(),
            labels: labels.clone(),
            // Only when anchored in the disclaimer: a popover elsewhere leaves it be.
            popover: state
                .popover
                .filter(|x| article_section::nodes_anchor(&view.disclaimer, *x)),
            audience: state.audience,
            follow_up_href: p.config.follow_up_href.clone().map(AttrValue::from),
            on_event: p.on_event.clone(),
        }),
        ctx: (*ctx).clone(),
        hydration: None,
    };
    // The header and the audience picker: parts of their own too, so hydrating (or
    // rendering afresh) the article's shell, the header and the picker are three
    // tasks, not one.
    let part_props = |part: Part| SectionHostProps {
        part,
        ctx: (*ctx).clone(),
        hydration: None,
    };
    let heading_id: AttrValue = format!("{prefix}title").into();
    let header = part_props(Part::Header(HeaderPartProps {
        view: shared.clone(),
        heading_id: heading_id.clone(),
        stale: use_context::<StaleHint>().unwrap_or_default(),
    }));
    let picker = part_props(Part::Picker(AudiencePickerProps {
        audience: state.audience,
        chosen: state.audience_chosen,
        stepped,
    }));
    {
        // Parts that are roots of their own get every change through here: filling,
        // during this render (only queued: Yew renders them in this scheduler run,
        // before it may yield to the browser, so no frame shows the article and its
        // parts out of step, e.g. half an audience switch on screen); hydrated and
        // committed, during this render too (a popover opens in the same frame as
        // its marker says so); hydrating, once the render is committed (their early
        // clicks are replayed after that). In document order: the header, the
        // picker, the sections, then (hydrating only) what follows them.
        let hosting = p.hosting.clone();
        let mut parts = vec![header.clone(), picker.clone()];
        parts.extend(section_props.iter().cloned());
        hosting.offer_filled(&parts);
        parts.push(tail.clone());
        hosting.offer_committed(&parts);
        use_effect_with(parts, move |props| hosting.offer(props));
    }
    {
        // Rendering afresh: the empty wrappers exist once this render is in the DOM.
        let (hosting, filled) = (p.hosting.clone(), filled.setter());
        use_effect_with((), move |_| {
            hosting.start_filling(Callback::from(move |()| filled.set(true)))
        });
    }
    let count = section_props.len();
    let filling = p.hosting.filling().then_some(AttrValue::Static(""));
    let slots = SectionSlotsProps::new(&p.hosting, &section_props, |index| {
        view.section_id(index).unwrap_or_default().to_owned()
    });
    html! {
        <ContextProvider<WidgetContext> context={(*ctx).clone()}>
        <div class="ea-root" ref={root} lang={view.lang.clone()} data-ea-build={crate::embed::BUILD_ID}>
            <article class={classes!("ea-article", format!("ea-aud-{}", state.audience.id()),
                (view.sections.len() >= LONG).then_some("ea-article--long"))} aria-labelledby={heading_id.clone()}>
                {p.hosting.lead("ea-head", 0, header)}
                {p.hosting.lead("ea-pick", 1, picker)}
                // While filling, marked from the first render on (the fill's start, an
                // effect, may come a frame later): what follows stays hidden meanwhile.
                <div class="ea-body" data-ea-filling={filling}><SectionSlots ..slots /></div>
                {p.hosting.tail(count + 2, tail)}
            </article>
            <div class="ea-visually-hidden ea-live" aria-live="polite" role="status">{state.announcement.clone()}</div>
            // Mounted again once every section has rendered: a popover opened by a
            // share link finds its anchor then.
            <PopoverLayer key={u8::from(*filled)} view={shared} popover={state.popover} />
            // Made anew by each switch: all its parts render before Yew may yield.
            <Last key={state.audience.id()} />
        </div>
        </ContextProvider<WidgetContext>>
    }
}

/// From this many top-level sections on, reference entries off screen skip rendering
/// one by one too (`ea-article--long`, CSS `content-visibility`; top-level sections
/// and the reference list as a whole do in every article): it pays on long reference
/// lists.
const LONG: usize = 12;

/// The article's view for its first audience, and what every audience's view shares.
/// Other audiences are made when asked for (each section built when first rendered,
/// [`viewmodel::lazy`]). In a long article ([`LONG`] top-level sections or more) they
/// are kept only while some part shows them: keeping them measured slower on a
/// 200-section article (more live memory, costlier DOM updates). A shorter article
/// keeps every view it has built, so switching back to an audience builds nothing
/// (the seed: its view-model build, term search mostly, was ~10 % of a switch's CPU).
pub struct ViewCache {
    article: Rc<Article>,
    prepared: Rc<viewmodel::Prepared>,
    first: Rc<ArticleView>,
    others: RefCell<Vec<Rc<ArticleView>>>,
}

impl std::fmt::Debug for ViewCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ViewCache")
    }
}

impl ViewCache {
    /// Builds what all audiences share and the whole view for `audience` (at once,
    /// in the start-up task that calls this).
    pub fn new(article: &Rc<Article>, audience: crate::model::Audience) -> Self {
        let prepared = Rc::new(viewmodel::Prepared::new(article));
        let first = Rc::new(viewmodel::lazy(article.clone(), prepared.clone(), audience));
        first.references();
        Self {
            article: article.clone(),
            prepared,
            first,
            others: RefCell::default(),
        }
    }

    /// The view for `audience`: the same `Rc` for as long as it is kept.
    pub fn get(&self, audience: crate::model::Audience) -> Rc<ArticleView> {
        if self.first.audience == audience {
            return self.first.clone();
        }
        let mut others = self.others.borrow_mut();
        if let Some(v) = others.iter().find(|v| v.audience == audience) {
            return v.clone();
        }
        let v = Rc::new(viewmodel::lazy(
            self.article.clone(),
            self.prepared.clone(),
            audience,
        ));
        others.push(v.clone());
        v
    }

    /// Drops the views no part shows any more (in a long article only).
    pub fn keep(
        &self,
        current: crate::model::Audience,
        lagging: &[Option<crate::model::Audience>],
    ) {
        if self.article.sections.len() < LONG {
            return;
        }
        self.others
            .borrow_mut()
            .retain(|v| v.audience == current || lagging.contains(&Some(v.audience)));
    }
}

/// Props of [`Tools`].
#[derive(Properties, Clone, PartialEq)]
pub struct ToolsProps {
    /// The view whose sections "Expand all" and "Collapse all" act on.
    pub view: Shared<ArticleView>,
}

/// "Expand all", "Collapse all" and the share control, in the header.
#[function_component(Tools)]
pub fn tools(p: &ToolsProps) -> Html {
    let dispatch = crate::components::context::use_widget().dispatch;
    // The ids are listed at the click, not at every render (an audience switch
    // renders the header: 200+ ids cloned twice over in a long article).
    let set_all = |open: bool| {
        let view = p.view.clone();
        dispatch.reform(move |_: MouseEvent| Action::SetAll {
            ids: view
                .section_defaults()
                .into_iter()
                .map(|(i, _)| i)
                .collect(),
            open,
        })
    };
    html! {
        <div class="ea-tools">
            <button type="button" class="ea-btn ea-btn--small" onclick={set_all(true)}>{"Expand all"}</button>
            <button type="button" class="ea-btn ea-btn--small" onclick={set_all(false)}>{"Collapse all"}</button>
            <ShareControl />
        </div>
    }
}
