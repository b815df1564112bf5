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

mod axis;

pub use axis::{Axis, ScaleKind, Whisker};
