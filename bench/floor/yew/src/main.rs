//! Yew 0.23's floor in the widget's pipeline: a minimal app using what the widget uses
//! of Yew (features `csr` + `hydration`; function components, `use_reducer`, context,
//! `use_state`, `use_effect_with`, `use_node_ref`, `use_mut_ref`, `use_memo`,
//! `use_callback`, keyed lists, click and key listeners) hydrating a pre-rendered node
//! (`<main id="app">` in index.html). Built by scripts/perf/floor.sh; never shipped.
//! Without the `hydration` feature it renders instead; with `hello` it is one component.
use std::rc::Rc;

use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The reducer's state: which items are open, and the audience.
#[derive(Clone, PartialEq, Default)]
struct State {
    open: Vec<bool>,
    patient: bool,
}

/// What the listeners dispatch.
enum Action {
    Toggle(usize),
    Switch,
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Toggle(i) => {
                if let Some(o) = next.open.get_mut(i) {
                    *o = !*o;
                }
            }
            Action::Switch => next.patient = !next.patient,
        }
        Rc::new(next)
    }
}

/// Shared through a context provider, as the widget's `Shared` is.
#[derive(Clone, PartialEq)]
struct Ctx {
    dispatch: UseReducerDispatcher<State>,
    patient: bool,
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    index: usize,
    open: bool,
}

#[function_component]
fn Item(props: &ItemProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let node = use_node_ref();
    let renders = use_mut_ref(|| 0u32);
    *renders.borrow_mut() += 1;
    let index = props.index;
    let onclick = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Toggle(index)))
    };
    let onkeydown = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.dispatch(Action::Toggle(index));
            }
        })
    };
    let label = if ctx.patient {
        "For patients"
    } else {
        "For clinicians"
    };
    html! {
        <section ref={node} class={classes!("item", props.open.then_some("open"))}>
            <button type="button" aria-expanded={props.open.to_string()} {onclick} {onkeydown}>{ label }</button>
            if props.open { <p>{ "Body" }</p> }
        </section>
    }
}

#[function_component]
fn App() -> Html {
    let state = use_reducer(|| State {
        open: vec![false; 3],
        patient: false,
    });
    let announced = use_state(String::new);
    let count = use_memo(state.open.clone(), |open| {
        open.iter().filter(|o| **o).count()
    });
    {
        let announced = announced.clone();
        use_effect_with(state.patient, move |patient| {
            announced.set(if *patient {
                "patient".into()
            } else {
                "physician".into()
            });
        });
    }
    let onswitch = {
        let d = state.dispatcher();
        use_callback((), move |_: MouseEvent, _| d.dispatch(Action::Switch))
    };
    let ctx = Ctx {
        dispatch: state.dispatcher(),
        patient: state.patient,
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <article>
                <button type="button" onclick={onswitch}>{ "Switch" }</button>
                <p>{ format!("{} open, {}", *count, *announced) }</p>
                { for state.open.iter().enumerate().map(|(i, o)| html! { <Item key={i} index={i} open={*o} /> }) }
            </article>
        </ContextProvider<Ctx>>
    }
}

/// `hello`: Yew's minimum, one function component with one text node.
#[function_component]
fn Hello() -> Html {
    html! { <p>{ "Hello" }</p> }
}

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("#app");
    #[cfg(feature = "hello")]
    start::<Hello>(root);
    #[cfg(not(feature = "hello"))]
    start::<App>(root);
}

#[cfg(feature = "hydration")]
fn start<C: BaseComponent<Properties = ()>>(root: web_sys::Element) {
    yew::Renderer::<C>::with_root(root).hydrate();
}

#[cfg(not(feature = "hydration"))]
fn start<C: BaseComponent<Properties = ()>>(root: web_sys::Element) {
    yew::Renderer::<C>::with_root(root).render();
}
