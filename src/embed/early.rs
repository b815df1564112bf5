//! Clicks that reach the pre-rendered page after the wasm has started but before
//! the widget has hydrated it (start-up runs in more than one task, so the browser
//! may handle input in between): they are recorded on the mount root and replayed
//! on the same buttons once hydrated, which hydration keeps as they are. Without
//! this a reader's early click on a section toggle or a citation marker would do
//! nothing. Recording stops when the hydrating render begins and the replay waits
//! until it has committed ([`EarlyClicks::hydration`]): a click is either replayed
//! or handled by the hydrated buttons, never lost and never both.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::hooks::Hydration;

/// Records clicks on buttons and inputs (the audience picker's radios) inside one
/// root until [`EarlyClicks::replay`]. A radio clicked early is checked by the
/// browser, set back by hydration to the state's value, then clicked again here, so
/// the widget sees the reader's choice.
pub struct EarlyClicks {
    clicked: Rc<RefCell<Vec<web_sys::HtmlElement>>>,
    listener: RefCell<Option<EventListener>>,
}

impl EarlyClicks {
    /// Starts recording clicks on buttons under `root`.
    pub fn record(root: &web_sys::Element) -> Self {
        Self::record_except(root, None)
    }

    /// Starts recording clicks on buttons under `root`, except those inside an
    /// element matching `skip` when clicked (parts that record their own).
    pub fn record_except(root: &web_sys::Element, skip: Option<&'static str>) -> Self {
        let clicked: Rc<RefCell<Vec<web_sys::HtmlElement>>> = Rc::default();
        let sink = clicked.clone();
        let listener = EventListener::new_with_options(
            root,
            "click",
            EventListenerOptions::run_in_capture_phase(),
            move |e| {
                let button = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("button, input").ok().flatten())
                    .filter(|b| skip.is_none_or(|sel| b.closest(sel).ok().flatten().is_none()))
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = button {
                    sink.borrow_mut().push(b);
                }
            },
        );
        Self {
            clicked,
            listener: RefCell::new(Some(listener)),
        }
    }

    /// Stops recording (what was recorded stays, for [`EarlyClicks::replay`]).
    pub fn stop(&self) {
        self.listener.borrow_mut().take();
    }

    /// Stops recording and clicks, in order, every recorded button still in the page.
    pub fn replay(&self) {
        self.stop();
        let buttons = std::mem::take(&mut *self.clicked.borrow_mut());
        for b in buttons.into_iter().filter(|b| b.is_connected()) {
            b.click();
        }
    }

    /// What the root hydrating this recorder's part reports to ([`Hydration`]):
    /// recording stops when its first render begins; once that has committed,
    /// `committed` is told and the clicks are replayed in a microtask (after Yew's
    /// scheduler has finished or yielded: not from inside its run).
    pub fn hydration(self, committed: Callback<()>) -> Hydration {
        let early = Rc::new(self);
        let stop = early.clone();
        Hydration {
            rendering: Callback::from(move |()| stop.stop()),
            committed: Callback::from(move |()| {
                committed.emit(());
                let early = early.clone();
                wasm_bindgen_futures::spawn_local(async move { early.replay() });
            }),
        }
    }
}
