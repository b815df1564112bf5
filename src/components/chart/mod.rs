//! One finding drawn as a compact inline SVG (no chart library): ratios on a log
//! scale with the line of no effect at 1, differences on a linear scale with the
//! zero line, proportions as bars with their counts. The picture is `role="img"`
//! with a text alternative stating the numbers and their reading; a legend says
//! what each mark is (nothing by colour alone) and "Show as table" holds the same
//! data in a real `<table>` (a native `<details>`, so it works before hydration).
//! Marks use `ea-chart__*` classes drawn with `currentColor`, so dark theme,
//! forced colors and print follow the text colour. The geometry is `crate::chart`.

use yew::prelude::*;

use crate::chart::{Axis, FindingView, WIDTH};
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
    let svg = node(
        "svg",
        &[
            "class",
            "role",
            "aria-label",
            "viewBox",
            "width",
            "height",
            "focusable",
        ],
        vec![
            fixed("ea-chart__svg"),
            fixed("img"),
            text(f.description()),
            text(format!("0 0 {WIDTH} {height}")),
            num(WIDTH),
            num(height),
            fixed("false"),
        ],
        marks,
    );
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
            svg,
            tag("p", "ea-chart__legend", vec![legend.into()]),
            details,
        ],
    )
}

mod marks;
mod svg;
mod table;

pub use marks::wrap_words;
use marks::{bars, estimate};
use svg::{fixed, node, num, tag, text};
use table::table;
