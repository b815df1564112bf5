//! Charts of structured findings, as pure data: a finding resolved for one
//! audience ([`FindingView`]), its axis (log scale for ratios, linear for
//! differences, 0–100 % for proportions), where each mark goes, which interval
//! ends run off the axis, and the text alternative. Integer arithmetic and the
//! authored number strings keep float formatting out of the wasm; only the log
//! scale uses `f64::ln`. The component in `components::chart` only draws this.

use crate::model::finding::{parse_fixed, FindingKind, SCALE};
use crate::model::{Finding, Text};

/// Width of every chart's viewBox.
pub const WIDTH: i32 = 300;
/// Left and right margin inside the viewBox, room for edge tick labels.
pub const MARGIN: i32 = 22;

/// A number: its text as authored and its value × [`SCALE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    /// As authored ("3.90").
    pub text: String,
    /// Value × [`SCALE`].
    pub value: i64,
}

impl Num {
    fn parse(s: &str) -> Option<Self> {
        Some(Num {
            text: s.to_owned(),
            value: parse_fixed(s)?,
        })
    }
}

/// A confidence interval, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntervalView {
    /// Level in percent ("95").
    pub level: String,
    /// Lower bound.
    pub low: Num,
    /// Upper bound.
    pub high: Num,
}

/// One proportion, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    /// Who it is about.
    pub label: String,
    /// Percent.
    pub percent: Num,
    /// (count, of) when the source gives them.
    pub counts: Option<(u32, u32)>,
}

/// A finding resolved for one audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingView {
    /// What was measured.
    pub measure: String,
    /// Kind of estimate.
    pub kind: FindingKind,
    /// Name of the estimate ("incidence rate ratio"); empty for proportions.
    pub name: String,
    /// Point estimate (ratio, difference).
    pub estimate: Option<Num>,
    /// Unit of a difference ("percentage points").
    pub unit: Option<String>,
    /// Confidence interval.
    pub interval: Option<IntervalView>,
    /// Proportions.
    pub groups: Vec<GroupView>,
    /// What the numbers mean, in the audience's register.
    pub reading: String,
    /// Whether the audience reads plain language.
    pub plain: bool,
}

impl FindingView {
    /// Resolves a finding through a register chain; `None` for a finding whose
    /// numbers do not parse (validation reports those; the widget skips them).
    pub fn new<S: AsRef<str>>(f: &Finding, chain: &[S], plain: bool) -> Option<Self> {
        let kind = FindingKind::parse(&f.kind)?;
        let text = |t: &Text| t.resolve(chain).to_owned();
        let interval = match &f.interval {
            Some(i) => Some(IntervalView {
                level: i.level.as_str().to_owned(),
                low: Num::parse(i.low.as_str())?,
                high: Num::parse(i.high.as_str())?,
            }),
            None => None,
        };
        let estimate = match &f.estimate {
            Some(e) => Some(Num::parse(e.as_str())?),
            None => None,
        };
        if kind != FindingKind::Proportion && (estimate.is_none() || interval.is_none()) {
            return None;
        }
        let groups = f
            .groups
            .iter()
            .map(|g| {
                Some(GroupView {
                    label: text(&g.label),
                    percent: Num::parse(g.percent.as_str())?,
                    counts: g.count.zip(g.of),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let default_name = match kind {
            FindingKind::Ratio => "ratio",
            FindingKind::Difference => "difference",
            FindingKind::Proportion => "",
        };
        Some(FindingView {
            measure: text(&f.measure),
            kind,
            name: f
                .estimate_name
                .as_ref()
                .map_or_else(|| default_name.to_owned(), text),
            estimate,
            unit: f.unit.as_ref().map(text),
            interval,
            groups,
            reading: text(&f.reading),
            plain,
        })
    }

    /// The estimate with its unit: "+3.90 percentage points", "1.23".
    pub fn estimate_text(&self) -> String {
        let e = self.estimate.as_ref().map_or("", |n| n.text.as_str());
        match &self.unit {
            Some(u) => format!("{e} {u}"),
            None => e.to_owned(),
        }
    }

    /// One proportion as words: "15 of 56 (27%)" or "27%".
    pub fn group_text(g: &GroupView) -> String {
        match g.counts {
            Some((n, d)) => format!("{n} of {d} ({}%)", g.percent.text),
            None => format!("{}%", g.percent.text),
        }
    }

    /// The text alternative: the numbers and their reading. Professional: "Death…:
    /// incidence rate ratio 1.23, 95% confidence interval 0.49 to 3.12 — the
    /// interval crosses 1, so no clear difference". Plain: short sentences, no
    /// statistical terms.
    pub fn description(&self) -> String {
        let numbers = match (self.kind, &self.interval) {
            (FindingKind::Proportion, _) => self
                .groups
                .iter()
                .map(|g| format!("{}: {}", g.label, Self::group_text(g)))
                .collect::<Vec<_>>()
                .join(if self.plain { ". " } else { "; " }),
            (_, Some(i)) if self.plain => format!(
                "The result was {}. The true value is probably between {} and {}",
                self.estimate_text(),
                i.low.text,
                i.high.text
            ),
            (_, Some(i)) => format!(
                "{} {}, {}% confidence interval {} to {}",
                self.name,
                self.estimate_text(),
                i.level,
                i.low.text,
                i.high.text
            ),
            (_, None) => self.estimate_text(),
        };
        if self.plain {
            format!("{}. {}. {}", self.measure, numbers, self.reading)
        } else {
            // "— the interval crosses 1": a reading that starts a sentence ("The …")
            // continues this one (an initial abbreviation such as "FVC" stays).
            let mut r = self.reading.chars();
            let reading = match (r.next(), r.next()) {
                (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
                    format!("{}{}", a.to_ascii_lowercase(), &self.reading[1..])
                }
                _ => self.reading.clone(),
            };
            format!("{}: {} — {}", self.measure, numbers, reading)
        }
    }
}

/// Formats a fixed-point value (× [`SCALE`]) with integer arithmetic: "0.25", "4",
/// "−2" (typographic minus), `signed` adds "+" to positive values.
pub fn fmt_fixed(v: i64, signed: bool) -> String {
    let sign = if v < 0 {
        "\u{2212}"
    } else if signed && v > 0 {
        "+"
    } else {
        ""
    };
    let a = v.unsigned_abs();
    let (int, frac) = (a / SCALE as u64, a % SCALE as u64);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let mut f = format!("{frac:04}");
    while f.ends_with('0') {
        f.pop();
    }
    format!("{sign}{int}.{f}")
}

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
