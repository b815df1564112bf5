//! The open popover, if any: picks its content from the view and wires the dialog's
//! buttons and hover bridge to the reducer. Renders only when the popover or the
//! view changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::context::{use_widget, Shared};
use crate::components::popover::{Popover as PopoverView, PopoverContent};
use crate::state::focus::popover_id;
use crate::state::{Action, Dismiss, Popover, PopoverAction};
use crate::viewmodel::ArticleView;

/// Props of [`PopoverLayer`].
#[derive(Properties, Clone, PartialEq)]
pub struct PopoverLayerProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// The open popover.
    #[prop_or_default]
    pub popover: Option<Popover>,
}

/// The popover dialog for the open citation or term.
#[function_component(PopoverLayer)]
pub fn popover_layer(p: &PopoverLayerProps) -> Html {
    let ctx = use_widget();
    let Some(pop) = p.popover else {
        return Html::default();
    };
    let (content, take_focus) = match pop {
        Popover::Cite {
            number,
            marker,
            pinned,
        } => match p.view.reference_at(number, marker) {
            // With the editor's note on this occurrence, if any.
            Some(r) => (PopoverContent::Reference(Rc::new(r)), pinned),
            None => return Html::default(),
        },
        Popover::Term { entry, .. } => match p.view.glossary.get(entry) {
            Some(t) => (PopoverContent::Term(Rc::new(t.clone())), true),
            None => return Html::default(),
        },
    };
    let dispatch = ctx.dispatch.clone();
    let onclose = dispatch.reform(|_| PopoverAction::Dismiss(Dismiss::CloseButton).into());
    let onhover = dispatch.reform(|inside| PopoverAction::PopoverHover(inside).into());
    let ongoto = dispatch.reform(Action::GoToReference);
    let oncopy = Callback::from(move |text: String| {
        let d = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = crate::dom::copy_text(&text).await;
            d.emit(Action::Announce(if ok {
                "Citation copied.".into()
            } else {
                "Could not copy: select the citation text and copy it instead.".into()
            }));
        });
    });
    let anchor = pop.anchor().element_id(&ctx.prefix);
    html! {
        <PopoverView id={popover_id(&ctx.prefix)} {anchor} {content} {take_focus}
            {onclose} {oncopy} {ongoto} {onhover} />
    }
}
