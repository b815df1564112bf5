//! One finding drawn as a compact inline SVG (no chart library): ratios on a log
//! scale with the line of no effect at 1, differences on a linear scale with the
//! zero line, proportions as bars with their counts. The picture is `role="img"`
//! with a text alternative stating the numbers and their reading; a legend says
//! what each mark is (nothing by colour alone) and "Show as table" holds the same
//! data in a real `<table>` (a native `<details>`, so it works before hydration).
//! Marks use `ea-chart__*` classes drawn with `currentColor`, so dark theme,
//! forced colors and print follow the text colour. The geometry is `crate::chart`.

use yew::prelude::*;

use crate::chart::{Axis, FindingView, GroupView, Whisker, MARGIN, WIDTH};
use crate::model::finding::FindingKind;

/// Props of [`Chart`].
#[derive(Properties, Clone, PartialEq)]
pub struct ChartProps {
    /// The finding, resolved for the audience.
    pub finding: FindingView,
}

/// A finding's chart with its caption, legend and table.
#[function_component(Chart)]
pub fn chart(p: &ChartProps) -> Html {
    let f = &p.finding;
    let axis = Axis::of(f);
    let (svg, height) = match f.kind {
        FindingKind::Proportion => bars(f, &axis),
        _ => estimate(f, &axis),
    };
    let numbers = match (f.kind, &f.interval) {
        (FindingKind::Proportion, _) => None,
        (_, Some(i)) if !f.plain => Some(format!(
            "{} {} ({}% CI {} to {})",
            f.name,
            f.estimate_text(),
            i.level,
            i.low.text,
            i.high.text
        )),
        _ => None,
    };
    let legend = match (f.kind, f.plain) {
        (FindingKind::Proportion, true) => {
            "Each bar shows the share of people, out of 100%. Its label gives the numbers."
        }
        (FindingKind::Proportion, false) => {
            "Bars: proportion of the group (0–100%), with counts where the source gives them."
        }
        (_, true) => "The square is the result. The line through it is the likely range. The dashed line means no difference.",
        (FindingKind::Ratio, false) => {
            "Square: point estimate; line: confidence interval; dashed line: no effect (ratio 1); log scale."
        }
        (_, false) => {
            "Square: point estimate; line: confidence interval; dashed line: no difference (0)."
        }
    };
    html! {
        <figure class={classes!("ea-chart", format!("ea-chart--{}", kind_class(f.kind)))}>
            <figcaption class="ea-chart__caption">
                <span class="ea-chart__measure">{f.measure.clone()}</span>
                if let Some(n) = numbers { <span class="ea-chart__numbers">{n}</span> }
                <span class="ea-chart__reading">{f.reading.clone()}</span>
            </figcaption>
            <svg class="ea-chart__svg" role="img" aria-label={f.description()}
                viewBox={format!("0 0 {WIDTH} {height}")} width={WIDTH.to_string()} height={height.to_string()}
                focusable="false">
                {svg}
            </svg>
            <p class="ea-chart__legend">{legend}</p>
            <details class="ea-chart__details">
                <summary class="ea-chart__summary">{"Show as table"}</summary>
                {table(f)}
            </details>
        </figure>
    }
}

fn kind_class(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Ratio => "ratio",
        FindingKind::Difference => "difference",
        FindingKind::Proportion => "proportion",
    }
}

fn s(v: i32) -> String {
    v.to_string()
}

/// The axis line, its ticks and labels at `y`.
fn axis_marks(axis: &Axis, y: i32) -> Html {
    let ticks = axis.ticks.iter().map(|&t| {
        let x = s(axis.x(t));
        let class = classes!(
            "ea-chart__tick",
            (axis.reference == Some(t)).then_some("ea-chart__tick--ref")
        );
        html! {
            <>
                <line class="ea-chart__axis" x1={x.clone()} x2={x.clone()} y1={s(y)} y2={s(y + 4)} />
                <text {class} x={x} y={s(y + 16)} text-anchor="middle">{axis.label(t)}</text>
            </>
        }
    });
    html! {
        <>
            <line class="ea-chart__axis" x1={s(MARGIN)} x2={s(WIDTH - MARGIN)} y1={s(y)} y2={s(y)} />
            {for ticks}
        </>
    }
}

/// An interval at height `y`: a line with end caps, or an arrow and the bound's
/// value where the end runs off the axis.
fn whisker(w: Whisker, y: i32, low: &str, high: &str) -> Html {
    let end = |x: i32, clamped: bool, dir: i32, value: &str| {
        if clamped {
            let points = format!(
                "{},{} {},{} {},{}",
                x,
                y,
                x - 8 * dir,
                y - 5,
                x - 8 * dir,
                y + 5
            );
            let anchor = if dir < 0 { "start" } else { "end" };
            html! {
                <>
                    <polygon class="ea-chart__arrow" points={points} />
                    <text class="ea-chart__clamp" x={s(x)} y={s(y + 16)} text-anchor={anchor}>
                        {format!("{}{value}", if dir < 0 { "← " } else { "→ " })}
                    </text>
                </>
            }
        } else {
            html! { <line class="ea-chart__ci" x1={s(x)} x2={s(x)} y1={s(y - 6)} y2={s(y + 6)} /> }
        }
    };
    html! {
        <>
            <line class="ea-chart__ci" x1={s(w.x1)} x2={s(w.x2)} y1={s(y)} y2={s(y)} />
            {end(w.x1, w.low_clamped, -1, low)}
            {end(w.x2, w.high_clamped, 1, high)}
        </>
    }
}

/// Ratio or difference: estimate label, line of no effect, interval, marker, axis.
fn estimate(f: &FindingView, axis: &Axis) -> (Html, i32) {
    let (Some(e), Some(i)) = (&f.estimate, &f.interval) else {
        return (Html::default(), 0);
    };
    let xe = axis.x(e.value);
    let reference = axis.reference.map(|r| {
        let x = s(axis.x(r));
        html! { <line class="ea-chart__ref" x1={x.clone()} x2={x} y1="16" y2="48" stroke-dasharray="4 3" /> }
    });
    let w = Whisker::new(axis, i.low.value, i.high.value);
    let svg = html! {
        <>
            {for reference}
            {whisker(w, 28, &i.low.text, &i.high.text)}
            <rect class="ea-chart__est" x={s(xe - 5)} y="23" width="10" height="10" />
            <text class="ea-chart__value" x={s(xe.clamp(MARGIN, WIDTH - MARGIN))} y="13" text-anchor="middle">
                {e.text.clone()}
            </text>
            {axis_marks(axis, 48)}
        </>
    };
    (svg, 72)
}

/// Proportions: one labelled bar per group on a 0–100 % axis.
fn bars(f: &FindingView, axis: &Axis) -> (Html, i32) {
    const ROW: i32 = 36;
    let rows = f.groups.iter().enumerate().map(|(k, g)| {
        let top = 4 + ROW * k as i32;
        let xp = axis.x(g.percent.value);
        let interval = f
            .interval
            .as_ref()
            .filter(|_| f.groups.len() == 1)
            .map(|i| whisker(Whisker::new(axis, i.low.value, i.high.value), top + 22, &i.low.text, &i.high.text));
        html! {
            <>
                <text class="ea-chart__label" x={s(MARGIN)} y={s(top + 10)}>
                    {format!("{}: {}", g.label, FindingView::group_text(g))}
                </text>
                <rect class="ea-chart__track" x={s(MARGIN)} y={s(top + 16)} width={s(WIDTH - 2 * MARGIN)} height="12" />
                <rect class="ea-chart__bar" x={s(MARGIN)} y={s(top + 16)} width={s(xp - MARGIN)} height="12" />
                {for interval}
            </>
        }
    });
    let axis_y = 4 + ROW * f.groups.len() as i32 + 2;
    let svg = html! {
        <>
            {for rows}
            {axis_marks(axis, axis_y)}
        </>
    };
    (svg, axis_y + 22)
}

/// The same data as a table.
fn table(f: &FindingView) -> Html {
    let plain = f.plain;
    if f.kind == FindingKind::Proportion {
        let (h_count, h_pct) = if plain {
            ("Number of people", "Percent")
        } else {
            ("Count", "Proportion")
        };
        let row = |g: &GroupView| {
            let count = g
                .counts
                .map_or_else(|| "not given".to_owned(), |(n, d)| format!("{n} of {d}"));
            html! {
                <tr><th scope="row">{g.label.clone()}</th><td>{count}</td><td>{format!("{}%", g.percent.text)}</td></tr>
            }
        };
        return html! {
            <table class="ea-chart__table">
                <caption>{f.measure.clone()}</caption>
                <thead><tr><th scope="col">{"Group"}</th><th scope="col">{h_count}</th><th scope="col">{h_pct}</th></tr></thead>
                <tbody>{for f.groups.iter().map(row)}</tbody>
            </table>
        };
    }
    let Some(i) = &f.interval else {
        return Html::default();
    };
    let (h_est, h_ci) = if plain {
        ("Result".to_owned(), "Likely range".to_owned())
    } else {
        (
            capitalise(&f.name),
            format!("{}% confidence interval", i.level),
        )
    };
    html! {
        <table class="ea-chart__table">
            <caption>{f.measure.clone()}</caption>
            <thead><tr><th scope="col">{h_est}</th><th scope="col">{h_ci}</th></tr></thead>
            <tbody><tr><td>{f.estimate_text()}</td><td>{format!("{} to {}", i.low.text, i.high.text)}</td></tr></tbody>
        </table>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(c)
            .collect(),
        None => String::new(),
    }
}
