//! The article body's list of top-level section slots, as a component of its own so
//! the article widget's renders (every dispatch: a popover, a section toggle, each
//! step of an audience switch) do not make Yew re-check every keyed slot: where the
//! sections are roots of their own ([`Hosting::Deferred`]) a slot is an empty wrapper
//! and its props are only its key, so the list renders again only when the sections
//! themselves change (another article or section order).

use yew::prelude::*;

use crate::components::section_host::{Hosting, Part, SectionHostProps};

/// One top-level section's slot: its key (the section id), its index and, only where
/// the slot renders the section itself ([`Hosting::slot_needs_props`]), its props.
pub type Slot = (String, usize, Option<SectionHostProps>);

/// Props of [`SectionSlots`].
#[derive(Properties, Clone, PartialEq)]
pub struct SectionSlotsProps {
    /// Where the sections render.
    pub hosting: Hosting,
    /// The slots, in document order.
    pub slots: Vec<Slot>,
}

/// The slots of the top-level sections.
#[function_component(SectionSlots)]
pub fn section_slots(p: &SectionSlotsProps) -> Html {
    let slots = p
        .slots
        .iter()
        .map(|(key, index, props)| p.hosting.slot(key.clone(), *index, props.clone()));
    html! { {for slots} }
}

impl SectionSlotsProps {
    /// The slots for these sections' props.
    pub fn new(
        hosting: &Hosting,
        props: &[SectionHostProps],
        key: impl Fn(usize) -> String,
    ) -> Self {
        let slots = props
            .iter()
            .filter_map(|p| match &p.part {
                Part::Section(s) => Some((s.path[0], p)),
                Part::Header(_) | Part::Picker(_) | Part::Tail(_) | Part::Glance(_) => None,
            })
            .map(|(index, p)| {
                let props = hosting.slot_needs_props(index).then(|| p.clone());
                (key(index), index, props)
            })
            .collect();
        Self {
            hosting: hosting.clone(),
            slots,
        }
    }
}
