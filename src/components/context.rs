//! What every component of one widget shares and what never changes while it is
//! mounted: the element-id prefix, the share-state key and the dispatcher of the
//! reducer, where its parts render. Provided once by the article widget, so reading it
//! never re-renders.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::section_host::Hosting;
use crate::state::Action;

/// The static context of one widget instance.
#[derive(Clone, PartialEq, Default)]
pub struct WidgetContext {
    /// Prefix for element ids, unique per instance on a page.
    pub prefix: AttrValue,
    /// Query key of the share state; `None` when share state is off.
    pub share_key: Option<AttrValue>,
    /// Sends an action to the reducer (a no-op outside a widget).
    pub dispatch: Callback<Action>,
    /// Where the article's parts render (the charts of a `findings` block may be a
    /// part of their own, `components::section_host::glance`).
    pub hosting: Hosting,
}

/// The context of the enclosing widget (defaults outside one, e.g. a component
/// rendered alone in a test).
#[hook]
pub fn use_widget() -> WidgetContext {
    use_context::<WidgetContext>().unwrap_or_default()
}

/// An `Rc` compared by identity: props holding the same shared value compare equal
/// without walking it.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Self(rc)
    }
}
