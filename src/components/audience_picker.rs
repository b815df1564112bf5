//! "Which best describes you?": a radio group that sets the reading audience, with
//! the current choice always visible.

use yew::prelude::*;

use crate::components::context::use_widget;
use crate::model::Audience;
use crate::state::Action;

/// Props of [`AudiencePicker`].
#[derive(Properties, Clone, PartialEq)]
pub struct AudiencePickerProps {
    /// Current audience.
    pub audience: Audience,
    /// Whether the reader has chosen (otherwise the picker invites a choice).
    pub chosen: bool,
    /// Whether a switch goes in steps (`state::switch::stepped`): only then does the
    /// picker read which parts are on screen.
    pub stepped: bool,
}

/// The audience radio group.
#[function_component(AudiencePicker)]
pub fn audience_picker(p: &AudiencePickerProps) -> Html {
    let ctx = use_widget();
    let prefix = &ctx.prefix;
    let name = format!("{prefix}audience");
    let legend_id = format!("{prefix}audience-legend");
    let options = Audience::ALL.iter().map(|&a| {
        let id = format!("{prefix}audience-{}", a.id());
        let (dispatch, stepped) = (ctx.dispatch.clone(), p.stepped);
        let onchange = Callback::from(move |e: Event| {
            dispatch.emit(Action::SetAudience(a));
            // In a stepped switch the parts on screen switch in this same render
            // (`state::switch`): read now, while layout is clean, not after the render
            // (which may come a task later when Yew yields, showing the old text a
            // frame longer). A short article switches every part at once: no read.
            if stepped {
                dispatch.emit(Action::CatchUp(crate::dom::parts_on_screen_from(&e)));
            }
        });
        html! {
            <label class="ea-picker__option" for={id.clone()}>
                <input type="radio" id={id} name={name.clone()} value={a.id()}
                    checked={a == p.audience} {onchange} />
                <span>{a.label()}</span>
            </label>
        }
    });
    let group_ref = use_node_ref();
    let on_change_click = {
        let group_ref = group_ref.clone();
        move |_: MouseEvent| {
            // Move focus to the checked radio: arrow keys then change the choice.
            let checked = group_ref
                .cast::<web_sys::Element>()
                .and_then(|g| g.query_selector("input:checked").ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(el) = checked {
                let _ = el.focus();
            }
        }
    };
    html! {
        <div class="ea-picker">
            <p class="ea-picker__current">
                {"Reading as: "}<strong>{p.audience.label()}</strong>
                <span class="ea-picker__sep">{" · "}</span><button type="button" class="ea-linkbtn ea-picker__change" onclick={on_change_click}>{"Change"}</button>
            </p>
            <h2 class="ea-picker__heading">{"Personalize"}</h2>
            <p class="ea-picker__tagline">{"Help us tailor your experience"}</p>
            <fieldset class="ea-picker__group" ref={group_ref} aria-describedby={format!("{prefix}audience-help")}>
                <legend id={legend_id} class="ea-picker__legend">{"Which best describes you?"}</legend>
                <p class="ea-picker__help" id={format!("{prefix}audience-help")}>
                    {"Your choice helps us use language that's most understandable for you."}
                    if !p.chosen { {format!(" Until you choose, the article uses the wording for: {}.", p.audience.label())} }
                </p>
                <div class="ea-picker__options">{for options}</div>
            </fieldset>
        </div>
    }
}
