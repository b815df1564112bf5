//! The marks of each kind of chart: the axis with its ticks, an estimate with its
//! interval (ratios and differences), and labelled bars (proportions).

use yew::prelude::*;

use crate::chart::{Axis, FindingView, Whisker, MARGIN, WIDTH};

use super::svg::{fixed, label, line, node, num, rect, text};

/// The axis line, its ticks and labels at `y`.
pub(super) fn axis_marks(axis: &Axis, y: i32, out: &mut Vec<Html>) {
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
            let points = format!(
                "{},{} {},{} {},{}",
                x,
                y,
                x - 8 * dir,
                y - 5,
                x - 8 * dir,
                y + 5
            );
            out.push(node(
                "polygon",
                &["class", "points"],
                vec![fixed("ea-chart__arrow"), text(points)],
                vec![],
            ));
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
pub(super) fn estimate(f: &FindingView, axis: &Axis, out: &mut Vec<Html>) -> i32 {
    let (Some(e), Some(i)) = (&f.estimate, &f.interval) else {
        return 0;
    };
    if let Some(r) = axis.reference {
        let x = axis.x(r);
        out.push(node(
            "line",
            &["stroke-dasharray", "x1", "x2", "y1", "y2", "class"],
            vec![
                fixed("4 3"),
                num(x),
                num(x),
                num(16),
                num(48),
                fixed("ea-chart__ref"),
            ],
            vec![],
        ));
    }
    whisker(
        Whisker::new(axis, i.low.value, i.high.value),
        28,
        &i.low.text,
        &i.high.text,
        out,
    );
    let xe = axis.x(e.value);
    out.push(rect("ea-chart__est", xe - 5, 23, 10, 10));
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
pub(super) fn bars(f: &FindingView, axis: &Axis, out: &mut Vec<Html>) -> i32 {
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
        out.push(rect("ea-chart__track", MARGIN, bar_y, w, 12));
        out.push(rect("ea-chart__bar", MARGIN, bar_y, xp - MARGIN, 12));
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
