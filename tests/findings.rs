//! Structured findings: validation (every numeric problem with its path), the chart
//! geometry (log and linear scales, ticks, clamping of intervals that run off the
//! axis), the text alternative in both registers, and the server-side rendering
//! of the charts in the glance section and the table.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use evidence_article::chart::{fmt_fixed, Axis, FindingView, Whisker, MARGIN, WIDTH};
use evidence_article::model::finding::{parse_fixed, FindingKind, SCALE};
use evidence_article::model::validate::{errors, validate};
use evidence_article::model::{Article, Audience};
use evidence_article::viewmodel;
use serde_json::{json, Value};

fn seed_value() -> Value {
    seed_json()
}

fn seed() -> Article {
    serde_json::from_value(seed_value()).expect("seed")
}

/// The seed with `findings[j]` of reference `id` replaced by `f`.
fn with_finding(id: &str, j: usize, f: Value) -> (Article, String) {
    let mut v = seed_value();
    let refs = v["references"].as_array_mut().expect("references");
    let i = refs.iter().position(|r| r["id"] == id).expect("reference");
    refs[i]["findings"][j] = f;
    let a = serde_json::from_value(v).expect("article");
    (a, format!("references[{i}].findings[{j}]"))
}

/// Error (path, message) pairs of an article.
fn error_paths(a: &Article) -> Vec<(String, String)> {
    errors(&validate(a))
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect()
}

fn ratio(est: &str, low: &str, high: &str) -> Value {
    json!({
        "measure": {"professional": "Outcome", "plain": "Outcome"},
        "kind": "ratio",
        "estimate": est,
        "interval": {"level": "95", "low": low, "high": high},
        "reading": {"professional": "No clear difference.", "plain": "No clear difference."}
    })
}

fn proportion(groups: Value) -> Value {
    json!({
        "measure": {"professional": "Stopped", "plain": "Stopped"},
        "kind": "proportion",
        "groups": groups,
        "reading": {"professional": "About a quarter.", "plain": "About 1 in 4."}
    })
}

fn label() -> Value {
    json!({"professional": "Azathioprine", "plain": "Azathioprine"})
}

#[test]
fn the_seed_has_six_valid_findings_from_the_references() {
    let a = seed();
    assert!(error_paths(&a).is_empty(), "{:?}", error_paths(&a));
    let count = |id: &str| {
        a.references
            .iter()
            .find(|r| r.id == id)
            .map_or(0, |r| r.findings.len())
    };
    assert_eq!(
        [
            count("oldham-2016"),
            count("boerner-2020"),
            count("matson-2023"),
            count("lombardi-2024"),
            count("acr-chest-2023")
        ],
        [2, 2, 2, 0, 0],
        "Lombardi's certainty label and the guideline have no numbers to draw"
    );
    let oldham = &a
        .references
        .iter()
        .find(|r| r.id == "oldham-2016")
        .expect("oldham");
    let irr = &oldham.findings[0];
    assert_eq!(irr.kind, "ratio");
    let i = irr.interval.as_ref().expect("interval");
    assert_eq!(
        (
            irr.estimate.as_ref().expect("estimate").as_str(),
            i.low.as_str(),
            i.high.as_str()
        ),
        ("1.23", "0.49", "3.12")
    );
    // 27% vs 5% has no counts in the source: none are drawn.
    assert!(oldham.findings[1]
        .groups
        .iter()
        .all(|g| g.count.is_none() && g.of.is_none()));
}

#[test]
fn decimals_are_read_with_integer_arithmetic() {
    assert_eq!(parse_fixed("1.23"), Some(12_300));
    assert_eq!(parse_fixed("+3.90"), Some(39_000));
    assert_eq!(parse_fixed("-0.5"), Some(-5_000));
    assert_eq!(parse_fixed("27"), Some(270_000));
    for bad in [
        "", "1.", ".5", "1.23456", "1e3", "1,2", "abc", "1234567", "--1", "NaN",
    ] {
        assert_eq!(parse_fixed(bad), None, "{bad:?}");
    }
    assert_eq!(fmt_fixed(2_500, false), "0.25");
    assert_eq!(fmt_fixed(40_000, false), "4");
    assert_eq!(fmt_fixed(20_000, true), "+2");
    assert_eq!(fmt_fixed(-20_000, true), "\u{2212}2");
    assert_eq!(fmt_fixed(0, true), "0");
}

#[test]
fn an_interval_that_does_not_contain_its_estimate_is_an_error_with_its_path() {
    let (a, p) = with_finding("oldham-2016", 0, ratio("3.5", "0.49", "3.12"));
    assert_eq!(
        error_paths(&a),
        vec![(
            format!("{p}.interval"),
            "the interval does not contain the point estimate".to_owned()
        )]
    );
}

#[test]
fn a_ratio_at_or_below_zero_and_a_backwards_interval_are_errors() {
    let (a, p) = with_finding("oldham-2016", 0, ratio("0", "-1", "3.12"));
    let e = error_paths(&a);
    assert!(
        e.contains(&(format!("{p}.estimate"), "a ratio is above 0".into())),
        "{e:?}"
    );
    assert!(
        e.contains(&(
            format!("{p}.interval.low"),
            "a ratio's interval is above 0".into()
        )),
        "{e:?}"
    );
    let (a, p) = with_finding("oldham-2016", 0, ratio("1.2", "3.12", "0.49"));
    let e = error_paths(&a);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, format!("{p}.interval"));
    assert!(e[0].1.contains("runs backwards"), "{e:?}");
}

#[test]
fn malformed_numbers_kinds_and_levels_are_errors_with_paths() {
    let mut f = ratio("1,23", "0.49", "3.12");
    f["interval"]["level"] = json!("100");
    let (a, p) = with_finding("oldham-2016", 0, f);
    let paths: Vec<String> = error_paths(&a).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        vec![format!("{p}.interval.level"), format!("{p}.estimate")]
    );
    let mut f = ratio("1.23", "0.49", "3.12");
    f["kind"] = json!("odds");
    let (a, p) = with_finding("oldham-2016", 0, f);
    let e = error_paths(&a);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, format!("{p}.kind"));
    let mut f = ratio("1.23", "0.49", "3.12");
    f.as_object_mut().expect("object").remove("interval");
    let (a, p) = with_finding("oldham-2016", 0, f);
    assert_eq!(error_paths(&a)[0].0, format!("{p}.interval"));
}

#[test]
fn counts_that_do_not_add_up_are_errors() {
    let cases = [
        (
            json!([{"label": label(), "percent": "27", "count": 57, "of": 56}]),
            "groups[0].count",
            "does not add up",
        ),
        (
            json!([{"label": label(), "percent": "50", "count": 15, "of": 56}]),
            "groups[0].percent",
            "15 of 56 is not 50%",
        ),
        (
            json!([{"label": label(), "percent": "0", "count": 0, "of": 0}]),
            "groups[0].of",
            "out of 0",
        ),
        (
            json!([{"label": label(), "percent": "27", "count": 15}]),
            "groups[0].of",
            "needs the total",
        ),
        (
            json!([{"label": label(), "percent": "127"}]),
            "groups[0].percent",
            "from 0 to 100",
        ),
        (json!([]), "groups", "at least one group"),
    ];
    for (groups, path, message) in cases {
        let (a, p) = with_finding("boerner-2020", 0, proportion(groups.clone()));
        let e = error_paths(&a);
        assert!(
            e.iter()
                .any(|(ep, m)| *ep == format!("{p}.{path}") && m.contains(message)),
            "{groups}: {e:?}"
        );
    }
    // Rounding is allowed: 27 of 41 is 65.85…%, given as 66.
    let (a, _) = with_finding(
        "boerner-2020",
        0,
        proportion(json!([{"label": label(), "percent": "66", "count": 27, "of": 41}])),
    );
    assert!(error_paths(&a).is_empty(), "{:?}", error_paths(&a));
}

#[test]
fn a_missing_plain_reading_or_measure_is_an_error() {
    let mut f = ratio("1.23", "0.49", "3.12");
    f["reading"] = json!({"professional": "No clear difference."});
    f["measure"] = json!("Outcome");
    let (a, p) = with_finding("oldham-2016", 0, f);
    let paths: Vec<String> = error_paths(&a).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        vec![format!("{p}.measure.plain"), format!("{p}.reading.plain")]
    );
}

#[test]
fn a_ratio_axis_is_logarithmic_around_one() {
    let axis = Axis::ratio(12_300, 4_900, 31_200);
    assert_eq!((axis.lo, axis.hi), (2_500, 40_000));
    assert_eq!(axis.ticks, vec![2_500, 5_000, 10_000, 20_000, 40_000]);
    let labels: Vec<String> = axis.ticks.iter().map(|&t| axis.label(t)).collect();
    assert_eq!(labels, ["0.25", "0.5", "1", "2", "4"]);
    assert_eq!(axis.reference, Some(SCALE));
    // Log scale: 1 is in the middle of 0.25..4, and 0.5 and 2 are equally far from it.
    let mid = axis.x(SCALE);
    assert_eq!(mid, WIDTH / 2);
    assert_eq!(mid - axis.x(5_000), axis.x(20_000) - mid);
    assert_eq!((axis.x(2_500), axis.x(40_000)), (MARGIN, WIDTH - MARGIN));
    let w = Whisker::new(&axis, 4_900, 31_200);
    assert!(!w.low_clamped && !w.high_clamped);
    assert!(w.x1 < mid && mid < w.x2, "the interval crosses 1");
}

#[test]
fn an_interval_running_off_the_axis_is_clamped() {
    // Ratio 1.5 (0.01 to 200): the axis stops 8× beyond the estimate and 1.
    let axis = Axis::ratio(15_000, 100, 2_000_000);
    assert_eq!((axis.lo, axis.hi), (1_000, 200_000));
    assert!(axis.ticks.len() <= 7 && axis.ticks.contains(&SCALE));
    let w = Whisker::new(&axis, 100, 2_000_000);
    assert!(w.low_clamped && w.high_clamped);
    assert_eq!((w.x1, w.x2), (MARGIN, WIDTH - MARGIN));
    // Difference +1 (−20 to +2): the axis stops 3 spans (of 0…1) below 0, at −3.
    let axis = Axis::difference(SCALE, -20 * SCALE, 2 * SCALE);
    assert_eq!(axis.reference, Some(0));
    assert_eq!((axis.lo, axis.hi), (-3 * SCALE, 2 * SCALE));
    let w = Whisker::new(&axis, -20 * SCALE, 2 * SCALE);
    assert!(w.low_clamped && !w.high_clamped);
    assert_eq!(w.x1, MARGIN);
}

#[test]
fn a_difference_axis_is_linear_with_the_zero_line() {
    // Matson FVC: +3.90 (1.95 to 5.84).
    let axis = Axis::difference(39_000, 19_500, 58_400);
    assert_eq!((axis.lo, axis.hi), (0, 60_000));
    let labels: Vec<String> = axis.ticks.iter().map(|&t| axis.label(t)).collect();
    assert_eq!(labels, ["0", "+2", "+4", "+6"]);
    assert_eq!(axis.x(0), MARGIN);
    assert_eq!(axis.x(30_000), WIDTH / 2);
    let axis = Axis::percent();
    assert_eq!(axis.label(250_000), "25%");
    assert_eq!(axis.x(500_000), WIDTH / 2);
}

fn findings(audience: Audience) -> Vec<FindingView> {
    viewmodel::build(&seed(), audience)
        .references()
        .iter()
        .flat_map(|r| r.findings.clone())
        .collect()
}

#[test]
fn the_text_alternative_states_the_numbers_and_the_reading() {
    let prof = findings(Audience::Physician);
    assert_eq!(
        prof[0].description(),
        "Death, transplant or respiratory hospitalisation, azathioprine vs mycophenolate mofetil: \
         incidence rate ratio 1.23, 95% confidence interval 0.49 to 3.12 — the interval crosses 1, \
         so no clear difference."
    );
    assert_eq!(prof[0].kind, FindingKind::Ratio);
    let boerner = prof
        .iter()
        .find(|f| f.description().contains("15 of 56"))
        .expect("Boerner");
    assert!(boerner.description().contains("15 of 56 (27%)"));
    let matson = &prof[4];
    assert!(matson
        .description()
        .contains("difference +3.90 percentage points, 95% confidence interval 1.95 to 5.84"));
    let plain = findings(Audience::Patient);
    assert!(plain[0].plain);
    assert!(plain[0]
        .description()
        .contains("The result was 1.23. The true value is probably between 0.49 and 3.12."));
    assert!(!plain[0].description().contains("confidence"));
}

#[tokio::test]
async fn charts_render_server_side_in_the_glance_section() {
    let html = render(Audience::Physician).await;
    assert!(
        html.contains("id=\"research-evidence-at-a-glance\""),
        "glance section"
    );
    let imgs = html.matches("role=\"img\"").count();
    assert_eq!(imgs, 6, "one chart per finding");
    assert_eq!(html.matches("<table class=\"ea-chart__table\"").count(), 6);
    assert_eq!(html.matches(">Show as table</summary>").count(), 6);
    assert!(html.contains(
        "aria-label=\"Death, transplant or respiratory hospitalisation, azathioprine vs mycophenolate mofetil: incidence rate ratio 1.23"
    ));
    // The log axis of Oldham's ratio, the 0 line of Matson's differences, the counts.
    for tick in [
        ">0.25</text>",
        ">0.5</text>",
        ">4</text>",
        ">+6</text>",
        ">100%</text>",
    ] {
        assert!(html.contains(tick), "{tick}");
    }
    // A bar's group name (wrapped at words) and its numbers are lines of their own.
    assert!(html.contains(">Patients with CTD-ILD on</text>"));
    assert!(html.contains(">azathioprine</text>"));
    assert!(html.contains(">15 of 56 (27%)</text>"));
    assert!(html.contains("<td>15 of 56</td>"));
    assert!(
        html.contains("<td>not given</td>"),
        "27% vs 5% has no counts"
    );
    assert!(!html.contains(" style="), "no inline styles");
    let text = text_of(&html);
    assert!(
        text.contains("incidence rate ratio 1.23 (95% CI 0.49 to 3.12)"),
        "clinicians see the interval"
    );
    let patient = text_of(&render(Audience::Patient).await);
    assert!(patient.contains("The numbers at a glance"));
    assert!(!patient.contains("95% CI"), "no jargon for patients");
    assert!(patient.contains("Likely range"));
}

#[test]
fn a_bar_label_wraps_between_words() {
    use evidence_article::components::chart::wrap_words;
    assert_eq!(
        wrap_words("People with CTD-ILD who took azathioprine", 30),
        ["People with CTD-ILD who took", "azathioprine"]
    );
    assert_eq!(wrap_words("Azathioprine", 30), ["Azathioprine"]);
    assert_eq!(
        wrap_words("a-very-long-single-word-without-spaces-at-all", 10).len(),
        1
    );
    assert!(wrap_words("  ", 30).is_empty());
}
