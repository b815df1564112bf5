//! Chart axes: the domain and ticks for ratios (log), differences and proportions
//! (linear), where a value lands in the viewBox, tick labels, and the whisker of an
//! interval with the ends that run off the axis.

use crate::model::finding::{FindingKind, SCALE};

use super::{fmt_fixed, FindingView, MARGIN, WIDTH};

/// Which way an axis maps values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleKind {
    /// Logarithmic (ratios).
    Log,
    /// Linear (differences, percents).
    Linear,
}

/// An axis: its domain (fixed-point), ticks and the line of no effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    /// Log or linear.
    pub kind: ScaleKind,
    /// Lowest value on the axis (× [`SCALE`]).
    pub lo: i64,
    /// Highest value on the axis (× [`SCALE`]).
    pub hi: i64,
    /// Tick values (× [`SCALE`]) in increasing order.
    pub ticks: Vec<i64>,
    /// The line of no effect (1 for ratios, 0 for differences), if any.
    pub reference: Option<i64>,
}

/// Ratio ticks: a 1-2-5 sequence near 1, with 0.25 and 4 for symmetric axes.
const RATIO_STEPS: [i64; 13] = [
    100, 200, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 40_000, 100_000, 200_000, 500_000,
    1_000_000,
];

impl Axis {
    /// The axis for a ratio: covers the estimate and 1, and the interval up to 8×
    /// beyond them (further ends are clamped), snapped out to ratio ticks.
    pub fn ratio(est: i64, low: i64, high: i64) -> Self {
        let core_lo = est.min(SCALE);
        let core_hi = est.max(SCALE);
        let want_lo = core_lo.min(low.max(core_lo / 8)).max(1);
        let want_hi = core_hi.max(high.min(core_hi.saturating_mul(8)));
        let lo = RATIO_STEPS
            .iter()
            .rev()
            .find(|&&s| s <= want_lo)
            .copied()
            .unwrap_or(RATIO_STEPS[0]);
        let hi = RATIO_STEPS
            .iter()
            .find(|&&s| s >= want_hi)
            .copied()
            .unwrap_or(RATIO_STEPS[RATIO_STEPS.len() - 1]);
        let mut ticks: Vec<i64> = RATIO_STEPS
            .iter()
            .copied()
            .filter(|s| (lo..=hi).contains(s))
            .collect();
        while ticks.len() > 7 {
            // Thin out, keeping 1 (its index parity decides which half stays).
            let one = ticks.iter().position(|&t| t == SCALE).unwrap_or(0) % 2;
            ticks = ticks
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == one)
                .map(|(_, t)| t)
                .collect();
        }
        Axis {
            kind: ScaleKind::Log,
            lo,
            hi,
            ticks,
            reference: Some(SCALE),
        }
    }

    /// The axis for a difference: covers the estimate and 0, and the interval up to
    /// 3 spans beyond them (further ends are clamped), on a 1-2-5 step with at most
    /// 5 steps.
    pub fn difference(est: i64, low: i64, high: i64) -> Self {
        let core_lo = est.min(0);
        let core_hi = est.max(0);
        let span = (core_hi - core_lo).max(SCALE);
        let want_lo = core_lo.min(low.max(core_lo - 3 * span));
        let want_hi = core_hi.max(high.min(core_hi + 3 * span));
        let range = (want_hi - want_lo).max(1);
        let mut step = 1;
        'outer: for mag in 0..12 {
            for m in [1, 2, 5] {
                step = m * 10i64.pow(mag);
                if range <= 5 * step {
                    break 'outer;
                }
            }
        }
        let lo = want_lo.div_euclid(step) * step;
        let hi = (want_hi + step - 1).div_euclid(step) * step;
        let hi = if hi == lo { lo + step } else { hi };
        let ticks = (0..)
            .map(|k| lo + k * step)
            .take_while(|&t| t <= hi)
            .collect();
        Axis {
            kind: ScaleKind::Linear,
            lo,
            hi,
            ticks,
            reference: Some(0),
        }
    }

    /// The axis for percents: 0 to 100 with ticks every 25.
    pub fn percent() -> Self {
        Axis {
            kind: ScaleKind::Linear,
            lo: 0,
            hi: 100 * SCALE,
            ticks: (0..=4).map(|k| k * 25 * SCALE).collect(),
            reference: None,
        }
    }

    /// The axis of a finding (proportions get the percent axis).
    pub fn of(f: &FindingView) -> Self {
        match (f.kind, &f.estimate, &f.interval) {
            (FindingKind::Ratio, Some(e), Some(i)) => {
                Self::ratio(e.value, i.low.value, i.high.value)
            }
            (FindingKind::Difference, Some(e), Some(i)) => {
                Self::difference(e.value, i.low.value, i.high.value)
            }
            _ => Self::percent(),
        }
    }

    /// Horizontal position of `v` in the viewBox, clamped to the axis.
    pub fn x(&self, v: i64) -> i32 {
        let v = v.clamp(self.lo, self.hi);
        let t = match self.kind {
            ScaleKind::Log => {
                let ln = |x: i64| (x.max(1) as f64).ln();
                (ln(v) - ln(self.lo)) / (ln(self.hi) - ln(self.lo))
            }
            ScaleKind::Linear => (v - self.lo) as f64 / (self.hi - self.lo).max(1) as f64,
        };
        MARGIN + (t * f64::from(WIDTH - 2 * MARGIN)).round() as i32
    }

    /// Tick label: ratios as written ("0.25"), differences signed ("+2"), percents
    /// with "%".
    pub fn label(&self, v: i64) -> String {
        match (self.kind, self.reference) {
            (ScaleKind::Linear, None) => format!("{}%", fmt_fixed(v, false)),
            (ScaleKind::Linear, Some(_)) => fmt_fixed(v, true),
            (ScaleKind::Log, _) => fmt_fixed(v, false),
        }
    }
}

/// Where an interval is drawn, and which of its ends run off the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whisker {
    /// Left end (clamped).
    pub x1: i32,
    /// Right end (clamped).
    pub x2: i32,
    /// The low end is below the axis.
    pub low_clamped: bool,
    /// The high end is above the axis.
    pub high_clamped: bool,
}

impl Whisker {
    /// The whisker of `low..high` on `axis`.
    pub fn new(axis: &Axis, low: i64, high: i64) -> Self {
        Whisker {
            x1: axis.x(low),
            x2: axis.x(high),
            low_clamped: low < axis.lo,
            high_clamped: high > axis.hi,
        }
    }
}
