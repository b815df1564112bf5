//! Rendering afresh (no pre-render: a host page's empty `<evidence-article>`, the
//! mount API, a stored audience or share link that differs from the pre-render)
//! without one long task: the article's first render builds the shell with the
//! header, the audience picker and every top-level section as empty wrappers; then
//! each wrapper gets a root of its own ([`SectionHost`]), in document order (the
//! header first: [`PARTS`]), as many per task as fit in [`BUDGET_MS`]
//! (counted from the start of the task that renders the shell, which goes on with
//! sections if the shell left time). Content only ever appears below what is shown:
//! while filling, what follows the sections (disclaimer, follow-up) stays hidden
//! ([`FILLING_ATTR`], CSS) and the references are rendered only at the end, in a
//! task of their own, so nothing shown moves. The article sends every section its latest props ([`Hosting::offer`]), so
//! a section mounted late renders the reader's current state.
//!
//! [`Hosting::offer`]: super::Hosting::offer

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::Callback;

use super::glance::GlanceSlot;
use super::{DeferredSections, SectionHost, SectionHostProps, Slot};

/// Set on `.ea-body` while its sections are still being rendered (CSS hides what
/// follows it meanwhile). The article renders it from its first render on
/// (`components/article.rs`: the fill starts in an effect, and Yew may let the
/// browser paint before its effects run); [`start`] sets it too and `finish`
/// removes it.
pub const FILLING_ATTR: &str = "data-ea-filling";

/// The wrappers that filling mounts roots into, in document order: the header's and
/// the picker's (children of the article), then the top-level sections' (children of
/// its body). What follows the sections (also a child of the article) comes last in
/// document order and is left out by the count of parts offered.
pub const PARTS: &str = ".ea-article > .ea-section-host, .ea-body > .ea-section-host";

/// How long one task keeps mounting sections before it yields to the browser (real
/// time, so also under CPU throttling): a task ends at most one section later.
const BUDGET_MS: f64 = 16.0;

/// The filling state of a [`DeferredSections`] created by [`DeferredSections::filling`].
pub(super) struct Fill {
    root: web_sys::Element,
    /// When the task that renders the shell began.
    since: f64,
    started: Cell<bool>,
    finished: Cell<bool>,
    cancelled: Cell<bool>,
    /// The next task's timer (dropped, so cleared, on [`Fill::cancel`]).
    timer: RefCell<Option<Timeout>>,
    /// Runs once every section has rendered.
    then: RefCell<Option<Box<dyn FnOnce()>>>,
    /// Tells the article every section has rendered.
    filled: RefCell<Option<Callback<()>>>,
    /// The props the article offered before filling started (no slots yet).
    first: RefCell<Vec<SectionHostProps>>,
    /// The charts' wrappers the sections rendered empty, in document order
    /// (`section_host/glance.rs`): each filled in a task after its section's.
    glances: RefCell<Vec<Rc<GlanceSlot>>>,
    /// Whether the root mounted last has committed (the next waits for it).
    last: RefCell<Rc<Cell<bool>>>,
}

impl Fill {
    pub(super) fn finished(&self) -> bool {
        self.finished.get()
    }

    pub(super) fn offer(&self, props: &[SectionHostProps]) {
        if !self.started.get() {
            *self.first.borrow_mut() = props.to_vec();
        }
    }

    fn open(&self) -> bool {
        self.started.get() && !self.finished.get() && !self.cancelled.get()
    }

    pub(super) fn cancel(&self) {
        self.cancelled.set(true);
        self.timer.borrow_mut().take();
        self.then.borrow_mut().take();
        self.filled.borrow_mut().take();
    }
}

impl DeferredSections {
    /// Sections of a widget rendered afresh into `root`, filled a few per task once
    /// the article has rendered its shell (made in the task that renders the shell:
    /// its budget counts from now); `then` runs when all have rendered (never when
    /// the article does not render, e.g. an error panel).
    pub fn filling(root: &web_sys::Element, then: Box<dyn FnOnce()>) -> Rc<Self> {
        Rc::new(Self {
            slots: RefCell::default(),
            fill: Some(Fill {
                root: root.clone(),
                since: now(),
                started: Cell::new(false),
                finished: Cell::new(false),
                cancelled: Cell::new(false),
                timer: RefCell::default(),
                then: RefCell::new(Some(then)),
                filled: RefCell::default(),
                first: RefCell::default(),
                glances: RefCell::default(),
                last: RefCell::new(Rc::new(Cell::new(true))),
            }),
            destroyed: Cell::new(false),
            glances: Vec::new(),
            claimed: Cell::new(0),
            charts_released: Cell::new(false),
        })
    }

    pub(super) fn fills(&self) -> bool {
        self.fill.is_some()
    }

    /// Whether a section rendering now leaves its charts' wrappers empty for the fill.
    pub(super) fn fills_glances(&self) -> bool {
        self.fill.as_ref().is_some_and(Fill::open)
    }

    /// A section's empty charts wrapper, to fill after the section (`None` once the
    /// fill has ended).
    pub(super) fn fill_glance(&self, wrapper: web_sys::Element) -> Option<Rc<GlanceSlot>> {
        let f = self.fill.as_ref().filter(|f| f.open())?;
        let slot = Rc::new(GlanceSlot::new(wrapper));
        f.glances.borrow_mut().push(slot.clone());
        Some(slot)
    }

    /// Mounts the next empty wrapper's root with its latest props (the charts of the
    /// sections mounted so far first, then the next part); whether one was left.
    /// While filling ([`FILLING_ATTR`] on the body) CSS hides what follows an empty
    /// charts wrapper in a section, so the charts never push down what is shown,
    /// even when Yew's scheduler yields to the browser between the section's render
    /// and its effects (which hand over the charts' wrappers).
    fn mount_next(&self) -> bool {
        let Some(f) = &self.fill else { return false };
        let glance = f.glances.borrow().iter().find(|g| !g.mounted()).cloned();
        if let Some(g) = glance {
            if g.mount() {
                *f.last.borrow_mut() = g.committed.clone();
                return true;
            }
        }
        let mut slots = self.slots.borrow_mut();
        let Some(slot) = slots.iter_mut().find(|s| s.handle.is_none()) else {
            return false;
        };
        let Some(props) = slot.latest.clone() else {
            return false;
        };
        let first = props.reporting(&slot.committed);
        let handle =
            yew::Renderer::<SectionHost>::with_root_and_props(slot.wrapper.clone(), first).render();
        slot.handle = Some(handle);
        *f.last.borrow_mut() = slot.committed.clone();
        true
    }

    /// Whether the root mounted last has not committed yet (Yew's scheduler yielded
    /// to the browser before it created, rendered it or ran its effects).
    fn rendering(&self) -> bool {
        self.fill.as_ref().is_some_and(|f| !f.last.borrow().get())
    }

    /// Filling: unmounts the charts' roots (the widget is being destroyed).
    pub(super) fn destroy_glances(&self) {
        if let Some(f) = &self.fill {
            for g in f.glances.borrow().iter() {
                g.destroy_filled();
            }
        }
    }
}

/// Unmounts a filled section's root; one mounted but not created yet (Yew's
/// scheduler yielded in between) would ignore it and render anyway, so it is
/// unmounted once it has rendered (a few tasks at most).
pub(super) fn destroy_root(h: yew::AppHandle<SectionHost>, wrapper: web_sys::Element, tries: u8) {
    if wrapper.first_child().is_some() || tries == 0 {
        h.destroy();
    } else {
        crate::dom::timeout(0, move || destroy_root(h, wrapper, tries - 1)).forget();
    }
}

/// Starts filling, right after the article's first render (same task), with the
/// props that render offered.
pub(super) fn start(d: &Rc<DeferredSections>, filled: Callback<()>) {
    let Some(f) = &d.fill else { return };
    if f.started.replace(true) {
        return;
    }
    let props = f.first.take();
    *f.filled.borrow_mut() = Some(filled);
    let wrappers = f.root.query_selector_all(PARTS).ok();
    let mut slots = d.slots.borrow_mut();
    for (i, p) in props.iter().enumerate() {
        let Some(wrapper) = wrappers
            .as_ref()
            .and_then(|l| l.get(i as u32))
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            break;
        };
        slots.push(Slot {
            wrapper,
            initial: Some(p.clone()),
            latest: Some(p.clone()),
            handle: None,
            early: None,
            committed: Rc::default(),
        });
    }
    drop(slots);
    if let Some(body) = f.root.query_selector(".ea-body").ok().flatten() {
        let _ = body.set_attribute(FILLING_ATTR, "");
    }
    step(Rc::downgrade(d), f.since);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Mounts sections while the task that started at `since` is within budget (each
/// mount renders in a microtask, so the time is read after it), then goes on in a
/// new task; once all are mounted, finishes in a task of its own.
fn step(d: Weak<DeferredSections>, since: f64) {
    let Some(this) = d.upgrade() else { return };
    let Some(f) = &this.fill else { return };
    if f.cancelled.get() {
        return;
    }
    // The last section mounted has not rendered yet when Yew's scheduler yielded to
    // the browser (it does after 16 ms): it renders in a task of its own first.
    if this.rendering() || now() - since >= BUDGET_MS {
        let next = d.clone();
        let timer = crate::dom::timeout(0, move || {
            // Not from inside the timer's own callback: `step` replaces it.
            wasm_bindgen_futures::spawn_local(async move { step(next, now()) });
        });
        *f.timer.borrow_mut() = Some(timer);
    } else if this.mount_next() {
        wasm_bindgen_futures::spawn_local(async move { step(d, since) });
    } else {
        let timer = crate::dom::timeout(0, move || finish(d));
        *f.timer.borrow_mut() = Some(timer);
    }
}

/// Every section is there: the article renders what follows them (the references
/// wait for this), shown with them; then `then` (the ready event).
fn finish(d: Weak<DeferredSections>) {
    let Some(this) = d.upgrade() else { return };
    let Some(f) = &this.fill else { return };
    if f.cancelled.get() {
        return;
    }
    // Taken first: either may end in the host destroying the widget (cancel).
    let filled = f.filled.borrow_mut().take();
    if let Some(filled) = filled {
        filled.emit(());
    }
    // After Yew has rendered that (queued before this).
    wasm_bindgen_futures::spawn_local(async move {
        let Some(this) = d.upgrade() else { return };
        let Some(f) = &this.fill else { return };
        if f.cancelled.get() {
            return;
        }
        f.finished.set(true);
        if let Some(body) = f.root.query_selector(".ea-body").ok().flatten() {
            let _ = body.remove_attribute(FILLING_ATTR);
        }
        let then = f.then.borrow_mut().take();
        drop(this);
        if let Some(then) = then {
            then();
        }
    });
}
