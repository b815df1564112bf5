//! The page URL follows the reader's view (`history.replaceState`: no history
//! entries), when the host allows share state; the host's [`Control`] keeps a copy
//! (the mount handle's reader state). The URL is written in a task of its own,
//! [`WRITE_DELAY_MS`] after the last change: `replaceState` costs milliseconds (3–4 ms
//! of main-thread time per write measured on desktop, ×4 at 4× CPU), and written at
//! once (a zero timeout) it ran before the next frame, so a reader waiting for a
//! popover or an audience switch waited for it too. A newer state replaces a write not
//! yet made, so a burst of changes writes once.
//!
//! A write still waiting is made at once when the page is hidden or left (`pagehide`,
//! `visibilitychange`: the history entry that Back returns to keeps the reader's last
//! view) and when the widget is unmounted (`destroy()`). It is dropped if the page's
//! path changed meanwhile (a single-page host moved on: its new URL is not ours).
//!
//! Yew may yield to the browser between a render and its effects, so a host can see
//! a change on screen and unmount the widget before the effect that schedules its
//! write has run: the state of the last render is kept too, and written at unmount
//! when it is newer than what the effects saw.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::config::Control;
use crate::url::ShareState;

/// How long after the last change the URL is written (ms): past the frames that show
/// a change (a stepped audience switch included) on a slow device.
pub const WRITE_DELAY_MS: u32 = 250;

/// A write not yet made: the key, the state, and the page path when it changed.
struct Pending {
    key: AttrValue,
    share: ShareState,
    path: Option<String>,
}

type Slot = Rc<RefCell<Option<Pending>>>;

/// The share state of the widget's last render, and of the last effect that ran (with
/// the page path then): what unmounting writes if the effect for a render never ran.
#[derive(Default)]
struct Seen {
    rendered: Option<(AttrValue, ShareState)>,
    committed: Option<(ShareState, Option<String>)>,
}

/// At unmount: the rendered state as a write still to make, if no effect saw it.
fn unseen(seen: &RefCell<Seen>) -> Option<Pending> {
    let seen = seen.borrow();
    let (key, share) = seen.rendered.clone()?;
    let (last, path) = seen.committed.as_ref()?;
    (*last != share).then(|| Pending {
        key,
        share,
        path: path.clone(),
    })
}

/// Makes the waiting write, if any, unless the page path has changed since.
fn flush(slot: &Slot) {
    let Some(p) = slot.borrow_mut().take() else {
        return;
    };
    if p.path == crate::dom::location_path() {
        crate::dom::write_share_state(&p.key, &p.share);
    }
}

/// Writes `share` under `key` whenever it changes (`key` is `None` when the host
/// turned share state off) and records it on `control`.
#[hook]
pub fn use_share_url(key: Option<AttrValue>, control: Option<Rc<Control>>, share: ShareState) {
    let slot: Slot = use_mut_ref(|| None);
    let seen = use_mut_ref(Seen::default);
    seen.borrow_mut().rendered = key.clone().map(|k| (k, share.clone()));
    {
        let slot = slot.clone();
        let (seen, control) = (seen.clone(), control.clone());
        use_effect_with((), move |_| {
            let on = |target: Option<web_sys::EventTarget>, name: &'static str| {
                let slot = slot.clone();
                target.map(|t| EventListener::new(&t, name, move |_| flush(&slot)))
            };
            let win = crate::dom::window();
            let doc = win.as_ref().and_then(|w| w.document());
            let listeners = [
                on(win.map(Into::into), "pagehide"),
                on(doc.map(Into::into), "visibilitychange"),
            ];
            move || {
                drop(listeners);
                if let Some(p) = unseen(&seen) {
                    if let Some(c) = &control {
                        c.record(p.share.clone());
                    }
                    *slot.borrow_mut() = Some(p);
                }
                flush(&slot);
            }
        });
    }
    use_effect_with(share, move |share| {
        if let Some(c) = &control {
            c.record(share.clone());
        }
        seen.borrow_mut().committed = Some((share.clone(), crate::dom::location_path()));
        let write = key.map(|key| {
            *slot.borrow_mut() = Some(Pending {
                key,
                share: share.clone(),
                path: crate::dom::location_path(),
            });
            crate::dom::timeout(WRITE_DELAY_MS, move || flush(&slot))
        });
        move || drop(write)
    });
}
