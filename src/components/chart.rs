//! One finding drawn as a compact inline SVG (no chart library): ratios on a log
//! scale with the line of no effect at 1, differences on a linear scale with the
//! zero line, proportions as bars with their counts. The picture is `role="img"`
//! with a text alternative stating the numbers and their reading; a legend says
//! what each mark is (nothing by colour alone) and "Show as table" holds the same
//! data in a real `<table>` (a native `<details>`, so it works before hydration).
//! Marks use `ea-chart__*` classes drawn with `currentColor`, so dark theme,
//! forced colors and print follow the text colour. The geometry is `crate::chart`.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::chart::{Axis, FindingView, GroupView, Whisker, MARGIN, WIDTH};
use crate::model::finding::FindingKind;

/// A finding's chart with its caption, legend and table. A plain function, not a
/// component: it has no state or effects, and its input only changes with the view.
pub fn chart(f: &FindingView) -> Html {
    let axis = Axis::of(f);
    let mut marks = Vec::new();
    let height = match f.kind {
        FindingKind::Proportion => bars(f, &axis, &mut marks),
        _ => estimate(f, &axis, &mut marks),
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
    let mut caption = vec![tag(
        "span",
        "ea-chart__measure",
        vec![f.measure.clone().into()],
    )];
    if let Some(n) = numbers {
        caption.push(tag("span", "ea-chart__numbers", vec![n.into()]));
    }
    caption.push(tag(
        "span",
        "ea-chart__reading",
        vec![f.reading.clone().into()],
    ));
    let mut svg = VTag::new("svg");
    for (k, v) in [
        ("class", "ea-chart__svg".to_owned()),
        ("role", "img".to_owned()),
        ("aria-label", f.description()),
        ("viewBox", format!("0 0 {WIDTH} {height}")),
        ("width", WIDTH.to_string()),
        ("height", height.to_string()),
        ("focusable", "false".to_owned()),
    ] {
        svg.add_attribute(k, v);
    }
    svg.add_children(marks);
    let details = tag(
        "details",
        "ea-chart__details",
        vec![
            tag("summary", "ea-chart__summary", vec!["Show as table".into()]),
            table(f),
        ],
    );
    let class = match f.kind {
        FindingKind::Ratio => "ea-chart ea-chart--ratio",
        FindingKind::Difference => "ea-chart ea-chart--difference",
        FindingKind::Proportion => "ea-chart ea-chart--proportion",
    };
    tag(
        "figure",
        class,
        vec![
            tag("figcaption", "ea-chart__caption", caption),
            svg.into(),
            tag("p", "ea-chart__legend", vec![legend.into()]),
            details,
        ],
    )
}

/// An HTML element with a class (empty: none) and children.
fn tag(name: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let mut t = VTag::new(name);
    if !class.is_empty() {
        t.add_attribute("class", class);
    }
    t.add_children(children);
    t.into()
}

/// A table row: header cells (`scope`) then data cells.
fn row(heads: Vec<String>, scope: &'static str, cells: Vec<String>) -> Html {
    let mut tr = VTag::new("tr");
    for h in heads {
        let mut th = VTag::new("th");
        th.add_attribute("scope", scope);
        th.add_child(h.into());
        tr.add_child(th.into());
    }
    for c in cells {
        tr.add_child(tag("td", "", vec![c.into()]));
    }
    tr.into()
}

/// One SVG element: a tag, its class, numeric attributes and optional text. One
/// builder instead of an `html!` per mark keeps the wasm small (each `html!`
/// element expands to its own code).
fn el(
    tag: &'static str,
    class: &'static str,
    attrs: &[(&'static str, i32)],
    text: Option<String>,
) -> Html {
    let mut t = VTag::new(tag);
    t.add_attribute("class", class);
    for (k, v) in attrs {
        t.add_attribute(k, v.to_string());
    }
    if let Some(text) = text {
        t.add_child(Html::from(text));
    }
    t.into()
}

/// Text centred on `x` (or anchored at its start or end).
fn label(class: &'static str, x: i32, y: i32, anchor: &'static str, text: String) -> Html {
    let mut t = VTag::new("text");
    t.add_attribute("class", class);
    t.add_attribute("x", x.to_string());
    t.add_attribute("y", y.to_string());
    t.add_attribute("text-anchor", anchor);
    t.add_child(Html::from(text));
    t.into()
}

fn line(class: &'static str, x1: i32, x2: i32, y1: i32, y2: i32) -> Html {
    el(
        "line",
        class,
        &[("x1", x1), ("x2", x2), ("y1", y1), ("y2", y2)],
        None,
    )
}

/// The axis line, its ticks and labels at `y`.
fn axis_marks(axis: &Axis, y: i32, out: &mut Vec<Html>) {
    out.push(line("ea-chart__axis", MARGIN, WIDTH - MARGIN, y, y));
    for &t in &axis.ticks {
        let x = axis.x(t);
        let class = if axis.reference == Some(t) {
            "ea-chart__tick ea-chart__tick--ref"
        } else {
            "ea-chart__tick"
        };
        out.push(line("ea-chart__axis", x, x, y, y + 4));
        out.push(label(class, x, y + 16, "middle", axis.label(t)));
    }
}

/// An interval at height `y`: a line with end caps, or an arrow and the bound's
/// value where the end runs off the axis.
fn whisker(w: Whisker, y: i32, low: &str, high: &str, out: &mut Vec<Html>) {
    out.push(line("ea-chart__ci", w.x1, w.x2, y, y));
    for (x, clamped, dir, value) in [
        (w.x1, w.low_clamped, -1, low),
        (w.x2, w.high_clamped, 1, high),
    ] {
        if clamped {
            let mut arrow = VTag::new("polygon");
            arrow.add_attribute("class", "ea-chart__arrow");
            arrow.add_attribute(
                "points",
                format!(
                    "{},{} {},{} {},{}",
                    x,
                    y,
                    x - 8 * dir,
                    y - 5,
                    x - 8 * dir,
                    y + 5
                ),
            );
            out.push(arrow.into());
            let (anchor, text) = if dir < 0 {
                ("start", format!("\u{2190} {value}"))
            } else {
                ("end", format!("{value} \u{2192}"))
            };
            out.push(label("ea-chart__clamp", x, y + 16, anchor, text));
        } else {
            out.push(line("ea-chart__ci", x, x, y - 6, y + 6));
        }
    }
}

/// Ratio or difference: estimate label, line of no effect, interval, marker, axis.
fn estimate(f: &FindingView, axis: &Axis, out: &mut Vec<Html>) -> i32 {
    let (Some(e), Some(i)) = (&f.estimate, &f.interval) else {
        return 0;
    };
    if let Some(r) = axis.reference {
        let x = axis.x(r);
        let mut t = VTag::new("line");
        t.add_attribute("stroke-dasharray", "4 3");
        for (k, v) in [("x1", x), ("x2", x), ("y1", 16), ("y2", 48)] {
            t.add_attribute(k, v.to_string());
        }
        t.add_attribute("class", "ea-chart__ref");
        out.push(t.into());
    }
    whisker(
        Whisker::new(axis, i.low.value, i.high.value),
        28,
        &i.low.text,
        &i.high.text,
        out,
    );
    let xe = axis.x(e.value);
    out.push(el(
        "rect",
        "ea-chart__est",
        &[("x", xe - 5), ("y", 23), ("width", 10), ("height", 10)],
        None,
    ));
    out.push(label(
        "ea-chart__value",
        xe.clamp(MARGIN, WIDTH - MARGIN),
        13,
        "middle",
        e.text.clone(),
    ));
    axis_marks(axis, 48, out);
    72
}

/// Characters of a bar's group name per line of the chart.
const LABEL_CHARS: usize = 30;

/// `text` in lines of at most `max` characters, broken between words (a longer
/// word stands on a line of its own).
pub fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= max => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Proportions: one labelled bar per group on a 0–100 % axis.
fn bars(f: &FindingView, axis: &Axis, out: &mut Vec<Html>) -> i32 {
    // The group's name (wrapped at words) and its numbers on lines of their own: a
    // long plain-language name and "15 of 56 (27%)" do not fit one line on a phone,
    // least of all with a reader's wider text spacing (WCAG 1.4.12).
    const LINE: i32 = 13;
    let mut top = 4;
    for g in &f.groups {
        let xp = axis.x(g.percent.value);
        let mut y = top + 10;
        for line in wrap_words(&g.label, LABEL_CHARS) {
            out.push(label("ea-chart__label", MARGIN, y, "start", line));
            y += LINE;
        }
        let numbers = FindingView::group_text(g);
        out.push(label("ea-chart__value", MARGIN, y, "start", numbers));
        let w = WIDTH - 2 * MARGIN;
        let bar_y = y + 6;
        out.push(el(
            "rect",
            "ea-chart__track",
            &[("x", MARGIN), ("y", bar_y), ("width", w), ("height", 12)],
            None,
        ));
        out.push(el(
            "rect",
            "ea-chart__bar",
            &[
                ("x", MARGIN),
                ("y", bar_y),
                ("width", xp - MARGIN),
                ("height", 12),
            ],
            None,
        ));
        if let Some(i) = f.interval.as_ref().filter(|_| f.groups.len() == 1) {
            whisker(
                Whisker::new(axis, i.low.value, i.high.value),
                bar_y + 6,
                &i.low.text,
                &i.high.text,
                out,
            );
        }
        top = bar_y + 20;
    }
    axis_marks(axis, top + 2, out);
    top + 24
}

/// The same data as a table.
fn table(f: &FindingView) -> Html {
    let (heads, rows) = if f.kind == FindingKind::Proportion {
        let count = if f.plain { "Number of people" } else { "Count" };
        let pct = if f.plain { "Percent" } else { "Proportion" };
        let rows = f
            .groups
            .iter()
            .map(|g: &GroupView| {
                let count = g
                    .counts
                    .map_or_else(|| "not given".to_owned(), |(n, d)| format!("{n} of {d}"));
                row(
                    vec![g.label.clone()],
                    "row",
                    vec![count, format!("{}%", g.percent.text)],
                )
            })
            .collect();
        (
            vec!["Group".to_owned(), count.to_owned(), pct.to_owned()],
            rows,
        )
    } else {
        let Some(i) = &f.interval else {
            return Html::default();
        };
        let heads = if f.plain {
            vec!["Result".to_owned(), "Likely range".to_owned()]
        } else {
            vec![
                capitalise(&f.name),
                format!("{}% confidence interval", i.level),
            ]
        };
        let cells = vec![
            f.estimate_text(),
            format!("{} to {}", i.low.text, i.high.text),
        ];
        (heads, vec![row(vec![], "row", cells)])
    };
    tag(
        "table",
        "ea-chart__table",
        vec![
            tag("caption", "", vec![f.measure.clone().into()]),
            tag("thead", "", vec![row(heads, "col", vec![])]),
            tag("tbody", "", rows),
        ],
    )
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
