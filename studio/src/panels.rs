//! The reading-level and coverage panels, over the library's `analysis` (the same
//! counter and findings as the CLI's `stats` and `check`). Every path is a button
//! that moves the editor's caret to it.

use std::rc::Rc;

use evidence_article::analysis::{CoverageFinding, CoverageKind, ReadingReport, Role, TextReading};
use yew::prelude::*;

/// A grade as the panels (and the CLI's `stats`) print it.
pub fn grade(g: f64) -> String {
    format!("{g:.1}")
}

/// What a text is, in words.
pub fn role_label(r: Role) -> &'static str {
    match r {
        Role::Question => "question",
        Role::Title => "heading",
        Role::Block => "block",
        Role::Disclaimer => "disclaimer",
        Role::FollowUp => "follow-up",
        Role::Popover => "popover",
    }
}

/// What a coverage finding is, in words.
pub fn kind_label(k: CoverageKind) -> &'static str {
    match k {
        CoverageKind::Abbreviation => "Abbreviation without a glossary entry",
        CoverageKind::GlossaryCandidate => "Glossary candidate (hint)",
        CoverageKind::Uncited => "Reference never cited",
        CoverageKind::CitationsDiffer => "Plain and professional cite differently",
        CoverageKind::NoPlain => "No plain version",
        CoverageKind::NoteNowhere => "Editor's note pointing nowhere",
    }
}

fn go(path: &str, on_select: &Callback<String>) -> Html {
    let (cb, p) = (on_select.clone(), path.to_owned());
    html! {
        <button type="button" class="studio-link" onclick={Callback::from(move |_| cb.emit(p.clone()))}>
            <code>{path.to_owned()}</code>
        </button>
    }
}

/// Props of both panels.
#[derive(Properties, Clone, PartialEq)]
pub struct ReadingProps {
    /// The report (absent while the text does not parse).
    pub report: Option<Rc<ReadingReport>>,
    /// A path was chosen.
    pub on_select: Callback<String>,
}

fn row(t: &TextReading, on_select: &Callback<String>) -> Html {
    let hard = t.is_too_hard();
    html! {
        <tr class={classes!(hard.then_some("studio-hard"))}>
            <td>{go(&t.path, on_select)}</td>
            <td>{role_label(t.role)}{(!t.has_plain).then_some(" (no plain version)")}</td>
            <td class="studio-num">{t.counts.words}</td>
            <td class="studio-num">{grade(t.grade)}</td>
            <td>{if hard { format!("above {}", grade(t.limit())) } else { "ok".to_owned() }}</td>
        </tr>
    }
}

/// The reading-level panel.
#[function_component(ReadingPanel)]
pub fn reading_panel(p: &ReadingProps) -> Html {
    let Some(r) = &p.report else {
        return html! {
            <section class="studio-panel" aria-labelledby="studio-reading-h">
                <h2 id="studio-reading-h">{"Reading level"}</h2>
                <p class="studio-note">{"Shown when the text is an article (even one with errors)."}</p>
            </section>
        };
    };
    let verdict = if r.meets_target() {
        "meets the target"
    } else {
        "above the target"
    };
    html! {
        <section class="studio-panel" aria-labelledby="studio-reading-h">
            <h2 id="studio-reading-h">{"Reading level"}</h2>
            <p id="studio-reading-overall" class={classes!("studio-overall", (!r.meets_target()).then_some("studio-hard"))}>
                {format!("Overall grade {} (Flesch–Kincaid, plain-language text, {} words): {verdict} of {} or below.",
                    grade(r.grade), r.overall.words, grade(r.target))}
            </p>
            <h3>{"Three hardest sentences"}</h3>
            <ol class="studio-hardest">
                { for r.hardest.iter().map(|s| html! {
                    <li><mark>{s.text.clone()}</mark>{format!(" grade {} · sentence {} of ", grade(s.grade), s.index + 1)}{go(&s.path, &p.on_select)}</li>
                }) }
            </ol>
            <div class="studio-table-wrap">
                <table class="studio-table" id="studio-reading-table">
                    <caption>{"Grade of every plain text (block limit 10, popover limit 8; texts under 10 words are not judged)"}</caption>
                    <thead><tr><th scope="col">{"Path"}</th><th scope="col">{"Part"}</th><th scope="col">{"Words"}</th><th scope="col">{"Grade"}</th><th scope="col">{"Verdict"}</th></tr></thead>
                    <tbody>{ for r.texts.iter().chain(&r.popovers).map(|t| row(t, &p.on_select)) }</tbody>
                </table>
            </div>
        </section>
    }
}

/// Props of [`CoveragePanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct CoverageProps {
    /// The findings.
    pub findings: Rc<Vec<CoverageFinding>>,
    /// Whether the text parsed (otherwise nothing to say).
    pub parsed: bool,
    /// A path was chosen.
    pub on_select: Callback<String>,
}

/// The coverage panel.
#[function_component(CoveragePanel)]
pub fn coverage_panel(p: &CoverageProps) -> Html {
    let body = if !p.parsed {
        html! { <p class="studio-note">{"Shown when the text is an article (even one with errors)."}</p> }
    } else if p.findings.is_empty() {
        html! { <p>{"No gaps found."}</p> }
    } else {
        html! {
            <ul class="studio-findings">
                { for p.findings.iter().map(|f| html! {
                    <li>
                        <strong>{kind_label(f.kind)}</strong>{" · "}{go(&f.path, &p.on_select)}
                        <div>{f.message.clone()}</div>
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <section class="studio-panel" aria-labelledby="studio-coverage-h">
            <h2 id="studio-coverage-h">{format!("Coverage ({} finding{})", p.findings.len(), if p.findings.len() == 1 { "" } else { "s" })}</h2>
            {body}
        </section>
    }
}
