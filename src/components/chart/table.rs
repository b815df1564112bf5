//! "Show as table": the same numbers as the chart in a real `<table>`.

use yew::prelude::*;

use crate::chart::{FindingView, GroupView};
use crate::model::finding::FindingKind;

use super::svg::{fixed, node, tag};

/// A table row: header cells (`scope`) then data cells.
fn row(heads: Vec<String>, scope: &'static str, cells: Vec<String>) -> Html {
    let heads = heads
        .into_iter()
        .map(|h| node("th", &["scope"], vec![fixed(scope)], vec![h.into()]));
    let cells = cells.into_iter().map(|c| tag("td", "", vec![c.into()]));
    tag("tr", "", heads.chain(cells).collect())
}

/// The same data as a table.
pub(super) fn table(f: &FindingView) -> Html {
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
