//! The problems list: every error and warning of the current text with its JSON
//! path and line:column; choosing one moves the editor's caret there.

use std::rc::Rc;

use evidence_article::model::validate::Severity;
use yew::prelude::*;

use crate::check::{Analysis, Located};

/// Props of [`Problems`].
#[derive(Properties, Clone, PartialEq)]
pub struct ProblemsProps {
    /// The latest analysis.
    pub analysis: Rc<Analysis>,
    /// Whether the text changed since (the list is being brought up to date).
    pub stale: bool,
    /// A problem was chosen.
    pub on_select: Callback<Located>,
}

fn summary(a: &Analysis) -> String {
    let (e, w) = (a.errors(), a.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if e + w == 0 {
        "No problems: the article is valid.".into()
    } else {
        format!("{}, {}.", plural(e, "error"), plural(w, "warning"))
    }
}

/// The problems list component.
#[function_component(Problems)]
pub fn problems(p: &ProblemsProps) -> Html {
    let items = p.analysis.problems.iter().map(|pr| {
        let (label, class) = match pr.severity {
            Severity::Error => ("Error", "studio-problem studio-problem--error"),
            Severity::Warning => ("Warning", "studio-problem studio-problem--warning"),
        };
        let onclick = {
            let (cb, pr) = (p.on_select.clone(), pr.clone());
            Callback::from(move |_| cb.emit(pr.clone()))
        };
        let path = if pr.path.is_empty() { "(document)".to_owned() } else { pr.path.clone() };
        html! {
            <li>
                <button type="button" {class} {onclick}>
                    <span class="studio-problem__sev">{label}</span>
                    <span class="studio-problem__where">{format!("line {}, column {}", pr.at.line, pr.at.column)}</span>
                    <code class="studio-problem__path">{path}</code>
                    <span class="studio-problem__msg">{pr.message.clone()}</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="studio-problems" aria-labelledby="studio-problems-h">
            <h2 id="studio-problems-h">{"Problems"}</h2>
            <p class="studio-problems__summary" role="status" id="studio-problems-summary">
                { if p.stale { "Checking…".to_owned() } else { summary(&p.analysis) } }
            </p>
            if !p.analysis.problems.is_empty() {
                <ul class="studio-problems__list">{ for items }</ul>
            }
        </section>
    }
}
