//! An audience switch in steps, for long articles: the article's top-level parts (its
//! sections in order, then the reference list) may show the audience they showed
//! before while the switch is under way. The parts on screen are caught up in the
//! same frame as the switch (the reader never sees two audiences there), the rest in
//! later tasks (`crate::hooks::use_catch_up`), nearest first, until none lags.

use super::WidgetState;
use crate::model::Audience;

impl WidgetState {
    /// The audience part `index` shows now (the current one unless it lags).
    pub fn shown(&self, index: usize) -> Audience {
        self.lagging.get(&index).copied().unwrap_or(self.audience)
    }

    /// Index of the reference list among the parts.
    pub fn references_part(&self) -> usize {
        self.parts.saturating_sub(1)
    }

    /// The audience changes from `from` to `self.audience`: every part not lagging
    /// already now lags at `from`; a part lagging at the new audience is caught up.
    pub(super) fn start_switch(&mut self, from: Audience) {
        if from == self.audience {
            return;
        }
        for i in 0..self.parts {
            self.lagging.entry(i).or_insert(from);
        }
        let to = self.audience;
        self.lagging.retain(|_, a| *a != to);
    }

    /// Parts caught up (they show the current audience from now on).
    pub(super) fn catch_up(&mut self, parts: &[usize]) {
        for i in parts {
            self.lagging.remove(i);
        }
    }
}

/// The next parts to catch up among the `lagging` ones: those in `visible` first,
/// then the nearest to them (or to the top when none is visible), at most `max` in
/// all (the visible ones are never cut).
pub fn next_parts(lagging: &[usize], visible: &[usize], max: usize) -> Vec<usize> {
    let mut out: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|i| lagging.contains(i))
        .collect();
    let (lo, hi) = (
        visible.iter().copied().min().unwrap_or(0),
        visible.iter().copied().max().unwrap_or(0),
    );
    let distance = |i: usize| i.saturating_sub(hi).max(lo.saturating_sub(i));
    let mut rest: Vec<usize> = lagging
        .iter()
        .copied()
        .filter(|i| !out.contains(i))
        .collect();
    rest.sort_by_key(|&i| distance(i));
    let room = max.saturating_sub(out.len());
    out.extend(rest.into_iter().take(room));
    out
}
