//! Structured findings: the numbers behind a source's key finding (an estimate with
//! its confidence interval, or proportions with their counts), attached to a
//! reference and drawn as a chart. Numbers are authored as decimal strings
//! (`"3.90"`) so they are shown exactly as the source printed them (a JSON number
//! would lose the trailing zero) and so the widget needs no float formatting; they
//! are read into fixed-point integers ([`Decimal::value`]) for checks and scales.

use serde::{Deserialize, Serialize};

use super::Text;

/// Fixed-point scale of [`Decimal::value`]: 4 decimal places.
pub const SCALE: i64 = 10_000;

/// A decimal number as authored: optional sign, up to 6 integer digits and up to 4
/// decimals (`"1.23"`, `"+3.90"`, `"-0.5"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Decimal(
    #[cfg_attr(
        feature = "schema",
        schemars(extend("pattern" = "^[+-]?[0-9]{1,6}(\\.[0-9]{1,4})?$"))
    )]
    pub String,
);

impl Decimal {
    /// The value × [`SCALE`], or `None` when the text is not a decimal this format
    /// accepts.
    pub fn value(&self) -> Option<i64> {
        parse_fixed(&self.0)
    }

    /// The text as authored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Decimal {
    fn from(s: &str) -> Self {
        Decimal(s.to_owned())
    }
}

/// Parses `[+-]digits[.digits]` (≤ 6 integer digits, ≤ 4 decimals) into value ×
/// [`SCALE`] with integer arithmetic only.
pub fn parse_fixed(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || int.len() > 6
        || frac.len() > 4
        || !digits(int)
        || !digits(frac)
        || (body.contains('.') && frac.is_empty())
    {
        return None;
    }
    let mut v: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        v = v * 10 + i64::from(b - b'0');
    }
    for _ in frac.len()..4 {
        v *= 10;
    }
    Some(if neg { -v } else { v })
}

/// What kind of estimate a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// A ratio (rate, risk, odds, hazard): drawn on a log scale, no effect at 1.
    Ratio,
    /// A difference (e.g. in percentage points): linear scale, no effect at 0.
    Difference,
    /// One or more proportions, each with its count where the source gives one.
    Proportion,
}

impl FindingKind {
    /// Parses the data value (`ratio`, `difference`, `proportion`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ratio" => Some(Self::Ratio),
            "difference" => Some(Self::Difference),
            "proportion" => Some(Self::Proportion),
            _ => None,
        }
    }
}

/// A confidence interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Interval {
    /// Confidence level in percent, e.g. `"95"`.
    pub level: Decimal,
    /// Lower bound.
    pub low: Decimal,
    /// Upper bound.
    pub high: Decimal,
}

/// One bar of a proportion finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Group {
    /// Who the proportion is about, e.g. "Azathioprine".
    pub label: Text,
    /// The proportion in percent, as the source gives it (`"27"`).
    pub percent: Decimal,
    /// Number of people with the outcome, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Number of people the proportion is of, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
}

/// One quantitative finding of a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Finding {
    /// What was measured, and in whom or compared with what (e.g. "Death,
    /// transplant or respiratory hospitalisation, azathioprine vs mycophenolate").
    pub measure: Text,
    /// `ratio`, `difference` or `proportion` (validated, kept as text so an unknown
    /// kind becomes a readable problem rather than a parse failure).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = ["ratio", "difference", "proportion"]))
    )]
    pub kind: String,
    /// Name of the estimate, e.g. "incidence rate ratio" (ratio and difference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate_name: Option<Text>,
    /// Point estimate (ratio and difference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Decimal>,
    /// Unit of a difference, e.g. "percentage points".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Confidence interval (required for ratio and difference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The proportions (proportion findings), one bar each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// One line saying what the numbers mean, in each register (plain required
    /// when the article has a plain-language audience).
    pub reading: Text,
}

/// The numeric problems of one finding, each as (path below the finding, message):
/// unknown kind, malformed numbers, an interval that does not contain its estimate
/// or runs backwards, a ratio ≤ 0, a level outside 0–100, counts that do not add up
/// or disagree with the percent. Text fields are checked by the caller.
pub fn problems(f: &Finding) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut err = |p: &str, m: String| out.push((p.to_owned(), m));
    let num = |d: &Decimal, p: &str, err: &mut dyn FnMut(&str, String)| {
        let v = d.value();
        if v.is_none() {
            err(
                p,
                format!(
                    "\"{}\" is not a number: write it as text like \"1.23\" (at most 4 decimals)",
                    crate::model::validate::truncate(d.as_str())
                ),
            );
        }
        v
    };
    let Some(kind) = FindingKind::parse(&f.kind) else {
        err(
            "kind",
            format!(
                "\"{}\" is not a kind of finding: use ratio, difference or proportion",
                crate::model::validate::truncate(&f.kind)
            ),
        );
        return out;
    };
    let interval = f.interval.as_ref().map(|i| {
        let level = num(&i.level, "interval.level", &mut err);
        if level.is_some_and(|l| l <= 0 || l >= 100 * SCALE) {
            err(
                "interval.level",
                "a confidence level is a percent above 0 and below 100 (e.g. \"95\")".into(),
            );
        }
        let low = num(&i.low, "interval.low", &mut err);
        let high = num(&i.high, "interval.high", &mut err);
        if let (Some(l), Some(h)) = (low, high) {
            if l > h {
                err(
                    "interval",
                    format!(
                        "the interval runs backwards: low {} is above high {}",
                        i.low.as_str(),
                        i.high.as_str()
                    ),
                );
            }
        }
        (low, high)
    });
    match kind {
        FindingKind::Ratio | FindingKind::Difference => {
            let est = match &f.estimate {
                Some(e) => num(e, "estimate", &mut err),
                None => {
                    err(
                        "estimate",
                        "a ratio or difference needs its point estimate".into(),
                    );
                    None
                }
            };
            if interval.is_none() {
                err(
                    "interval",
                    "a ratio or difference needs its confidence interval (level, low, high)".into(),
                );
            }
            if !f.groups.is_empty() {
                err("groups", "groups belong to proportion findings only".into());
            }
            if kind == FindingKind::Ratio {
                if est.is_some_and(|e| e <= 0) {
                    err("estimate", "a ratio is above 0".into());
                }
                if let Some((low, _)) = interval {
                    if low.is_some_and(|l| l <= 0) {
                        err("interval.low", "a ratio's interval is above 0".into());
                    }
                }
            }
            if let (Some(e), Some((Some(l), Some(h)))) = (est, interval) {
                if l <= h && (e < l || e > h) {
                    err(
                        "interval",
                        "the interval does not contain the point estimate".into(),
                    );
                }
            }
        }
        FindingKind::Proportion => {
            if f.groups.is_empty() {
                err(
                    "groups",
                    "a proportion finding needs at least one group".into(),
                );
            }
            if f.estimate.is_some() {
                err(
                    "estimate",
                    "a proportion finding gives its percent in each group, not an estimate".into(),
                );
            }
            for (i, g) in f.groups.iter().enumerate() {
                let p = format!("groups[{i}]");
                let pct = num(&g.percent, &format!("{p}.percent"), &mut err);
                if pct.is_some_and(|v| !(0..=100 * SCALE).contains(&v)) {
                    err(&format!("{p}.percent"), "a percent is from 0 to 100".into());
                }
                match (g.count, g.of) {
                    (Some(n), Some(d)) => {
                        if d == 0 {
                            err(&format!("{p}.of"), "the count is out of 0 people".into());
                        } else if n > d {
                            err(
                                &format!("{p}.count"),
                                format!("{n} of {d} does not add up: the count is larger than the total"),
                            );
                        } else if let Some(v) = pct {
                            // |100·n/d − percent| must be under 1 point (rounding).
                            let diff = (100 * SCALE * i64::from(n) - v * i64::from(d)).abs();
                            if diff >= SCALE * i64::from(d) {
                                err(
                                    &format!("{p}.percent"),
                                    format!("{n} of {d} is not {}%", g.percent.as_str()),
                                );
                            }
                        }
                    }
                    (Some(_), None) => err(
                        &format!("{p}.of"),
                        "a count needs the total it is out of (\"of\")".into(),
                    ),
                    (None, Some(_)) => err(
                        &format!("{p}.count"),
                        "a total needs the count it holds (\"count\")".into(),
                    ),
                    (None, None) => {}
                }
                if let Some((Some(l), Some(h))) = interval {
                    if pct.is_some_and(|v| v < l || v > h) {
                        err(
                            "interval",
                            "the interval does not contain the percent".into(),
                        );
                    }
                }
            }
            if interval.is_some() && f.groups.len() != 1 {
                err(
                    "interval",
                    "an interval on a proportion finding needs exactly one group".into(),
                );
            }
        }
    }
    out
}
