//! An audience switch in steps, for long articles: the article's top-level parts (its
//! sections in order, then the reference list) may show the audience they showed
//! before while the switch is under way. The parts on screen are caught up in the
//! same render as the switch (the reader never sees two audiences there), the rest in
//! later tasks (`crate::hooks::use_catch_up`), nearest first, until none lags. A short
//! article ([`stepped`]) switches every part in the switch's own render.

use super::WidgetState;
use std::ops::Range;

use crate::model::Audience;

impl WidgetState {
    /// The audience part `index` shows now (the current one unless it lags).
    pub fn shown(&self, index: usize) -> Audience {
        self.lagging
            .get(index)
            .copied()
            .flatten()
            .unwrap_or(self.audience)
    }

    /// Indexes of the parts that lag, in order.
    pub fn lagging_parts(&self) -> Vec<usize> {
        (0..self.lagging.len())
            .filter(|&i| self.lagging[i].is_some())
            .collect()
    }

    /// Index of the reference list among the parts.
    pub fn references_part(&self) -> usize {
        self.parts.saturating_sub(1)
    }

    /// The audience changes from `from` to `self.audience`: every part not lagging
    /// already now lags at `from`; a part lagging at the new audience is caught up.
    pub(super) fn start_switch(&mut self, from: Audience) {
        if from == self.audience || !stepped(self.parts) {
            return;
        }
        self.screen_caught_up = false;
        self.lagging.resize(self.parts, None);
        let to = Some(self.audience);
        for x in &mut self.lagging {
            if x.is_none() {
                *x = Some(from);
            }
            if *x == to {
                *x = None;
            }
        }
        self.tidy();
    }

    /// Parts caught up (they show the current audience from now on).
    pub(super) fn catch_up(&mut self, parts: &[usize]) {
        self.screen_caught_up = true;
        for &i in parts {
            if let Some(x) = self.lagging.get_mut(i) {
                *x = None;
            }
        }
        self.tidy();
    }

    fn tidy(&mut self) {
        if self.lagging.iter().all(Option::is_none) {
            self.lagging.clear();
            self.screen_caught_up = true;
        }
    }
}

/// Up to this many top-level parts (sections, then the reference list) an article
/// switches audience in one step ([`stepped`]).
pub const ONE_STEP_PARTS: usize = 4;

/// Whether a switch in an article of `parts` top-level parts goes in steps. A short
/// one (the seed: 2 sections and the references) switches every part in the click's
/// own render instead: no screen read before it (a forced style and layout of the
/// page, ~3 ms at 4x CPU), no catch-up task and its frame after it. `parts` 0 (a state
/// without an article's parts) switches in one step too.
pub fn stepped(parts: usize) -> bool {
    parts > ONE_STEP_PARTS
}

/// The next parts to catch up among the `lagging` ones (sorted): those in `visible`
/// first, then outwards from them (or from the top when none is visible), the one
/// above before the one below, at most `max` in all (the visible ones are never cut).
pub fn next_parts(lagging: &[usize], visible: &[usize], max: usize) -> Vec<usize> {
    let lags = |i: usize| lagging.binary_search(&i).is_ok();
    let mut out: Vec<usize> = visible.iter().copied().filter(|&i| lags(i)).collect();
    let lo = visible.iter().copied().min().unwrap_or(0);
    let hi = visible.iter().copied().max().unwrap_or(0);
    let end = lagging.last().map_or(0, |l| l + 1);
    let mut d = 0;
    while out.len() < max && (d <= lo || hi + d < end) {
        for i in [lo.checked_sub(d), Some(hi + d)].into_iter().flatten() {
            if out.len() < max && lags(i) && !out.contains(&i) {
                out.push(i);
            }
        }
        d += 1;
    }
    out
}

/// The parts of a later catch-up step, at most `max`: every lagging part when they
/// fit, in any order, without reading the screen (`visible` is not called: a read is
/// a selector query and a few boxes, ~2 ms of the seed's catch-up task at 4x CPU);
/// else [`next_parts`] around the parts `visible` reports on screen. Part `alone`
/// (the reference list) goes in a step of its own ([`alone_in_step`]).
pub fn next_step(
    lagging: &[usize],
    max: usize,
    alone: usize,
    visible: impl FnOnce() -> Vec<usize>,
) -> Vec<usize> {
    let step = if lagging.len() <= max {
        // Any order: the one to go alone last.
        let mut all = lagging.to_vec();
        if let Some(i) = all.iter().position(|&i| i == alone) {
            let last = all.len() - 1;
            all.swap(i, last);
        }
        all
    } else {
        next_parts(lagging, &visible(), max)
    };
    alone_in_step(step, alone)
}

/// A step (parts nearest first) cut so that part `alone` is caught up in a step of
/// its own: the parts picked before it, or it alone when it comes first. The
/// reference list of a long article: its entries (300 in the 200-section synthetic
/// article) are one render of ~8–10 ms, and its new audience's list is built in the
/// task before ([`crate::hooks::use_catch_up`]), so neither adds to a step of
/// sections (the last step of a 200-section switch was ~18 ms of CPU).
pub fn alone_in_step(mut step: Vec<usize>, alone: usize) -> Vec<usize> {
    match step.iter().position(|&i| i == alone) {
        Some(0) => step.truncate(1),
        Some(at) => step.truncate(at),
        None => {}
    }
    step
}

/// The parts on screen among `n` laid out one below the other in document order
/// (`rect(i)`: part `i`'s top and bottom relative to the viewport, whose height is
/// `vh`): those reaching into the viewport. Only they are caught up in the switch's
/// own render (what the reader sees in its frame); the ones just outside come first in
/// the next step. Half a viewport more on either side, as before, was twice the
/// sections re-rendered before that frame (200-section article: a 16 ms click task of
/// which 15 ms reconciling sections). Found by bisection, so a long article reads
/// O(log n) boxes instead of every one.
pub fn near_viewport(n: usize, vh: f64, rect: impl Fn(usize) -> (f64, f64)) -> Range<usize> {
    // First part whose bottom is below the viewport's top; first part whose top is at
    // or below its bottom (both predicates flip once along a stack of boxes).
    let first = bisect(0, n, |i| rect(i).1 > 0.0);
    let end = bisect(first, n, |i| rect(i).0 >= vh);
    first..end
}

/// The first index in `lo..hi` at which `flipped` holds (it holds from there on),
/// or `hi`.
fn bisect(mut lo: usize, mut hi: usize, flipped: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if flipped(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}
