//! Audiences: the plain register is readable (Flesch–Kincaid), says the same
//! thing with the same sources as the professional one, every abbreviation is in
//! the glossary, switching audience never drops content, abbreviations are
//! expanded for nurses and students, and the patient view really is plain.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::*;
use evidence_article::analysis::counter::{counts, syllables, Counts};
use evidence_article::analysis::terms::abbreviations;
use evidence_article::model::inline;
use evidence_article::model::text::{PLAIN, PROFESSIONAL};
use evidence_article::model::{Article, Audience, Block, Section, Text};
use evidence_article::viewmodel::{self, BlockView, Node, SectionView};

fn seed() -> Article {
    serde_json::from_value(seed_json()).expect("seed is an article")
}

/// Every text of the article a reader reads as one block, with a label: the
/// question, each section title, paragraph and list item, the disclaimer, the
/// follow-up prompt, and each structured finding's measure and reading (the
/// captions of the charts; group labels are checked with the chart's whole text
/// in `plain_chart_texts_read_at_grade_eight_or_below`).
fn texts(a: &Article) -> Vec<(String, &Text)> {
    fn walk<'a>(sections: &'a [Section], path: &str, out: &mut Vec<(String, &'a Text)>) {
        for (i, s) in sections.iter().enumerate() {
            let p = format!("{path}[{i}]");
            out.push((format!("{p}.title"), &s.title));
            for (j, b) in s.blocks.iter().enumerate() {
                match b {
                    Block::Paragraph { text } => out.push((format!("{p}.blocks[{j}]"), text)),
                    Block::List { items } => {
                        for (k, item) in items.iter().enumerate() {
                            out.push((format!("{p}.blocks[{j}].items[{k}]"), &item.text));
                        }
                    }
                    Block::Findings => {}
                }
            }
            walk(&s.subsections, &format!("{p}.subsections"), out);
        }
    }
    let mut out = vec![("question".to_owned(), &a.question)];
    walk(&a.sections, "sections", &mut out);
    out.push(("disclaimer.title".into(), &a.disclaimer.title));
    out.push(("disclaimer.text".into(), &a.disclaimer.text));
    out.push(("follow-up.prompt".into(), &a.follow_up.prompt));
    for (i, r) in a.references.iter().enumerate() {
        for (j, f) in r.findings.iter().enumerate() {
            let p = format!("references[{i}].findings[{j}]");
            out.push((format!("{p}.measure"), &f.measure));
            out.push((format!("{p}.reading"), &f.reading));
        }
    }
    out
}

/// Content blocks only (paragraphs and list items), which must have both registers.
fn content_blocks(a: &Article) -> Vec<(String, &Text)> {
    texts(a)
        .into_iter()
        .filter(|(p, _)| p.contains(".blocks["))
        .collect()
}

#[test]
fn syllable_heuristic_examples() {
    assert_eq!(syllables("the"), 1);
    assert_eq!(syllables("there"), 1);
    assert_eq!(syllables("people"), 2);
    assert_eq!(syllables("azathioprine"), 4);
    assert_eq!(syllables("body's"), 2);
    assert_eq!(syllables("27"), 1);
    assert_eq!(syllables("RP"), 1);
    let c = counts("The cat sat. It ran [@acr-chest-2023]! Why? 1-2 mg/kg/day.");
    assert_eq!((c.words, c.sentences), (11, 4));
}

/// Flesch–Kincaid grade of the patient (plain) text: at most 8 for the whole
/// article, at most 10 for any single block. The counter is the library's
/// (`evidence_article::analysis::counter`, documented there).
/// Run with `--nocapture` to see the figures.
#[test]
fn patient_text_reads_at_grade_eight_or_below() {
    let a = seed();
    let mut total = Counts::default();
    let mut too_hard = Vec::new();
    println!(
        "{:<48} {:>6} {:>5} {:>5} {:>6}",
        "block (plain)", "words", "sent", "syll", "grade"
    );
    for (path, text) in texts(&a) {
        let plain = text
            .get(PLAIN)
            .unwrap_or_else(|| panic!("{path} has no plain text"));
        let c = counts(plain);
        println!(
            "{path:<48} {:>6} {:>5} {:>5} {:>6.2}",
            c.words,
            c.sentences,
            c.syllables,
            c.grade()
        );
        if c.grade() > 10.0 {
            too_hard.push((path, c.grade()));
        }
        total.add(c);
    }
    println!(
        "{:<48} {:>6} {:>5} {:>5} {:>6.2}",
        "WHOLE ARTICLE",
        total.words,
        total.sentences,
        total.syllables,
        total.grade()
    );
    assert!(too_hard.is_empty(), "blocks above grade 10: {too_hard:?}");
    assert!(
        total.grade() <= 8.0,
        "whole article grade {:.2}",
        total.grade()
    );
}

fn cite_keys(text: &str) -> BTreeSet<String> {
    inline::citations(&inline::parse(text))
        .into_iter()
        .flatten()
        .collect()
}

#[test]
fn every_professional_block_has_plain_text_citing_the_same_sources() {
    let a = seed();
    let blocks = content_blocks(&a);
    assert_eq!(blocks.len(), 18);
    for (path, text) in blocks {
        let prof = text
            .get(PROFESSIONAL)
            .unwrap_or_else(|| panic!("{path}: no professional text"));
        let plain = text
            .get(PLAIN)
            .unwrap_or_else(|| panic!("{path}: no plain text"));
        assert_eq!(cite_keys(plain), cite_keys(prof), "{path}");
    }
}

#[test]
fn every_abbreviation_in_the_professional_text_is_in_the_glossary() {
    let a = seed();
    let glossary: BTreeSet<&str> = a.glossary.iter().map(|g| g.term.as_str()).collect();
    let mut found = BTreeSet::new();
    for (path, text) in texts(&a) {
        let prof = text
            .get(PROFESSIONAL)
            .unwrap_or_else(|| panic!("{path}: no professional text"));
        let tree = inline::parse(prof);
        for abbr in abbreviations(&inline::plain_text(&tree, &|_| String::new())) {
            assert!(
                glossary.contains(abbr.as_str()),
                "{path}: {abbr} is not in the glossary"
            );
            found.insert(abbr);
        }
    }
    for expected in [
        "ILD", "UIP", "RP-ILD", "SARD", "ACR", "CHEST", "TNFi", "IVIG", "JAKi", "CTD-ILD", "CTD",
        "RA-ILD", "FVC", "DLCO",
    ] {
        assert!(
            found.contains(expected),
            "{expected} was not detected: {found:?}"
        );
    }
    // And each such glossary entry says what the abbreviation stands for.
    for g in a.glossary.iter().filter(|g| found.contains(&g.term)) {
        assert!(g.is_abbreviation(), "{} has no expansion", g.term);
    }
}

/// Section id → (number of blocks, items per list block), recursively, in order.
fn shape(sections: &[SectionView]) -> Vec<(String, Vec<usize>)> {
    let mut out = Vec::new();
    for s in sections {
        let blocks = s
            .blocks
            .iter()
            .map(|b| match b {
                BlockView::Paragraph(_) => 0,
                BlockView::List(items) => items.len(),
                BlockView::Findings => usize::MAX,
            })
            .collect();
        out.push((s.id.clone(), blocks));
        out.extend(shape(&s.subsections));
    }
    out
}

#[test]
fn switching_audience_never_drops_a_section_or_block() {
    let a = seed();
    let physician = viewmodel::build(&a, Audience::Physician);
    let expected = shape(&physician.sections.to_vec());
    assert_eq!(expected.len(), 6);
    for audience in Audience::ALL {
        let view = viewmodel::build(&a, audience);
        assert_eq!(shape(&view.sections.to_vec()), expected, "{audience:?}");
        assert_eq!(view.references().len(), 5, "{audience:?}");
        assert_eq!(
            view.references()
                .iter()
                .map(|r| r.findings.len())
                .sum::<usize>(),
            6,
            "{audience:?}: every finding is drawn"
        );
        assert_eq!(
            view.marker_count(),
            physician.marker_count(),
            "{audience:?}: same number of citation markers"
        );
        assert!(
            !view.question.is_empty() && !view.disclaimer.is_empty() && !view.follow_up.is_empty()
        );
        for b in view.sections.iter().flat_map(|s| {
            s.blocks
                .iter()
                .chain(s.subsections.iter().flat_map(|x| x.blocks.iter()))
        }) {
            match b {
                BlockView::Paragraph(n) => assert!(!n.is_empty(), "{audience:?}: empty paragraph"),
                BlockView::List(items) => assert!(
                    items.iter().all(|n| !n.is_empty()),
                    "{audience:?}: empty item"
                ),
                BlockView::Findings => {}
            }
        }
    }
}

/// A section's own inline nodes (not its subsections'), flattened in reading order.
fn section_nodes(s: &SectionView) -> Vec<Node> {
    fn flat(nodes: &[Node], out: &mut Vec<Node>) {
        for n in nodes {
            match n {
                Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. } => flat(c, out),
                other => out.push(other.clone()),
            }
        }
    }
    let mut out = Vec::new();
    for b in &s.blocks {
        match b {
            BlockView::Paragraph(n) => flat(n, &mut out),
            BlockView::List(items) => items.iter().for_each(|n| flat(n, &mut out)),
            BlockView::Findings => {}
        }
    }
    out
}

fn all_sections(s: &[SectionView]) -> Vec<&SectionView> {
    s.iter()
        .flat_map(|x| std::iter::once(x).chain(all_sections(&x.subsections)))
        .collect()
}

/// Whole-word occurrence (neighbours not letters, digits or hyphens), case-sensitive.
fn has_word(hay: &str, word: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    hay.match_indices(word).any(|(i, _)| {
        boundary(hay[..i].chars().next_back()) && boundary(hay[i + word.len()..].chars().next())
    })
}

#[test]
fn nurses_and_students_get_abbreviations_expanded_on_first_use_per_section() {
    let a = seed();
    for audience in [Audience::Nurse, Audience::Student] {
        let view = viewmodel::build(&a, audience);
        let mut expansions = 0;
        for s in all_sections(&view.sections.to_vec()) {
            let nodes = section_nodes(s);
            for (e, g) in a
                .glossary
                .iter()
                .enumerate()
                .filter(|(_, g)| g.is_abbreviation())
            {
                let exp = g.expansion.as_deref().unwrap_or_default();
                // The text read before the abbreviation's first use in this section.
                let mut before = String::new();
                let mut first = None;
                for (i, n) in nodes.iter().enumerate() {
                    match n {
                        Node::Text(t) => {
                            if first.is_none() && has_word(t, &g.term) {
                                panic!(
                                    "{audience:?} {}: {} used before it is marked: {t:?}",
                                    s.id, g.term
                                );
                            }
                            before.push_str(t);
                        }
                        Node::Term { entry, text, .. } => {
                            if *entry == e {
                                assert!(
                                    first.is_none(),
                                    "{audience:?} {}: {} marked twice",
                                    s.id,
                                    g.term
                                );
                                first = Some(i);
                                break;
                            }
                            before.push_str(text);
                        }
                        _ => {}
                    }
                }
                let Some(i) = first else { continue };
                let after: String = nodes[i + 1..]
                    .iter()
                    .map(|n| match n {
                        Node::Text(t) => t.as_str(),
                        _ => "",
                    })
                    .collect();
                let already = before.to_lowercase().contains(&exp.to_lowercase())
                    || after
                        .trim_start()
                        .to_lowercase()
                        .starts_with(&format!("({}", exp.to_lowercase()));
                let expansion = matches!(nodes.get(i + 1), Some(Node::Expansion(x)) if *x == format!(" ({exp})"));
                assert_eq!(
                    expansion, !already,
                    "{audience:?} {}: {} (already expanded: {already})",
                    s.id, g.term
                );
                expansions += usize::from(expansion);
            }
        }
        assert!(
            expansions >= 4,
            "{audience:?}: only {expansions} expansions"
        );
        // The guideline section spells out TNFi, IVIG and JAKi, which it never expands itself.
        let guidelines = section_nodes(&view.sections[0]);
        for (abbr, exp) in [
            ("TNFi", "tumor necrosis factor inhibitors"),
            ("IVIG", "intravenous immunoglobulin"),
            ("JAKi", "Janus kinase inhibitors"),
        ] {
            let at = guidelines
                .iter()
                .position(|n| matches!(n, Node::Term { text, .. } if text == abbr))
                .unwrap_or_else(|| panic!("{audience:?}: {abbr} not marked in guidelines"));
            assert_eq!(
                guidelines.get(at + 1),
                Some(&Node::Expansion(format!(" ({exp})"))),
                "{audience:?}: {abbr}"
            );
        }
        // Where the text spells it out already, no expansion is added (SARD, ACR, CHEST).
        for abbr in ["SARD", "ACR", "CHEST", "RP-ILD"] {
            let at = guidelines
                .iter()
                .position(|n| matches!(n, Node::Term { text, .. } if text == abbr))
                .unwrap_or_else(|| panic!("{audience:?}: {abbr} not marked in guidelines"));
            assert!(
                !matches!(guidelines.get(at + 1), Some(Node::Expansion(_))),
                "{audience:?}: {abbr} expanded twice"
            );
        }
    }
}

fn all_nodes(view: &viewmodel::ArticleView) -> Vec<Node> {
    let mut out: Vec<Node> = all_sections(&view.sections.to_vec())
        .into_iter()
        .flat_map(section_nodes)
        .collect();
    out.extend(view.disclaimer.iter().cloned());
    out
}

#[test]
fn physicians_get_no_expansions_and_only_abbreviations_marked() {
    let a = seed();
    let view = viewmodel::build(&a, Audience::Physician);
    let nodes = all_nodes(&view);
    assert!(
        !nodes.iter().any(|n| matches!(n, Node::Expansion(_))),
        "physician view has an expansion"
    );
    let marked: Vec<usize> = nodes
        .iter()
        .filter_map(|n| {
            if let Node::Term { entry, .. } = n {
                Some(*entry)
            } else {
                None
            }
        })
        .collect();
    assert!(!marked.is_empty());
    assert!(
        marked.iter().all(|&e| a.glossary[e].is_abbreviation()),
        "physician view marks a non-abbreviation"
    );
}

#[test]
fn patients_get_ordinary_glossary_terms_marked() {
    let a = seed();
    let view = viewmodel::build(&a, Audience::Patient);
    let nodes = all_nodes(&view);
    assert!(
        !nodes.iter().any(|n| matches!(n, Node::Expansion(_))),
        "the plain text spells out abbreviations itself"
    );
    let words: BTreeSet<&str> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Term { entry, .. } if !a.glossary[*entry].is_abbreviation() => {
                Some(a.glossary[*entry].term.as_str())
            }
            _ => None,
        })
        .collect();
    for term in [
        "azathioprine",
        "glucocorticoids",
        "mycophenolate mofetil",
        "rituximab",
        "immunosuppression",
        // Written in the plain text exactly as their entries spell them.
        "mycophenolate",
        "lung transplant",
        "methotrexate",
        "cyclophosphamide",
        "tacrolimus",
        "conditional recommendation",
        "very low certainty",
    ] {
        assert!(
            words.contains(term),
            "{term} not marked for patients: {words:?}"
        );
    }
}

/// Terms a lay reader meets in the plain text or in the plain citation popovers
/// (numbers, methods, drug names) each have a glossary entry. See the rule in
/// docs/article-format.md ("When a term needs an entry").
#[test]
fn terms_lay_readers_meet_have_glossary_entries() {
    let a = seed();
    let defined: BTreeSet<String> = a
        .glossary
        .iter()
        .map(|g| g.term.to_ascii_lowercase())
        .collect();
    for term in [
        "methotrexate",
        "leflunomide",
        "abatacept",
        "tocilizumab",
        "nintedanib",
        "pirfenidone",
        "cyclophosphamide",
        "tacrolimus",
        "mycophenolate",
        "lung transplant",
        "incidence rate ratio",
        "confidence interval",
        "GRADE",
        "% predicted",
        "conditional recommendation",
        "very low certainty",
    ] {
        assert!(
            defined.contains(&term.to_ascii_lowercase()),
            "{term} has no glossary entry"
        );
    }
    // And every definition is short, plain prose (no dose advice: no units).
    for g in &a.glossary {
        if g.term == "mg/kg/day" {
            continue;
        }
        assert!(
            !g.definition.contains(" mg") && g.definition.split_whitespace().count() <= 40,
            "{}: {}",
            g.term,
            g.definition
        );
    }
}

#[tokio::test]
async fn patient_view_shows_the_plain_register() {
    let text = text_of(&render(Audience::Patient).await);
    assert!(
        !text.contains("The guideline conditionally recommends against the use of azathioprine")
    );
    assert!(text.contains(
        "The guide conditionally recommends against azathioprine as a first treatment for RP-ILD."
    ));
    assert!(text.contains("What the guidelines say"));
    assert!(!text.contains("From the Guidelines"));
    assert!(text.contains("This information was written for health professionals"));
    assert!(text.contains("This plain version is for learning only."));
}

/// Every plain text a patient reads in a citation popover (each reference's
/// finding and certainty, each editor's note) reads at grade 8 or below, by the
/// same counter as the article text. Run with `--nocapture` to see the figures.
#[test]
fn plain_popover_texts_read_at_grade_eight_or_below() {
    let a = seed();
    let mut texts: Vec<(String, &Text)> = Vec::new();
    for (i, r) in a.references.iter().enumerate() {
        if let Some(t) = &r.key_finding {
            texts.push((format!("references[{i}].key-finding"), t));
        }
        if let Some(t) = &r.certainty {
            texts.push((format!("references[{i}].certainty"), t));
        }
    }
    for (i, n) in a.editor_notes.iter().enumerate() {
        texts.push((format!("editor-notes[{i}].note"), &n.note));
    }
    assert_eq!(texts.len(), 7 + 9);
    let mut too_hard = Vec::new();
    for (path, text) in texts {
        let plain = text
            .get(PLAIN)
            .unwrap_or_else(|| panic!("{path} has no plain text"));
        let c = counts(plain);
        println!(
            "{path:<36} {:>6} {:>5} {:>5} {:>6.2}",
            c.words,
            c.sentences,
            c.syllables,
            c.grade()
        );
        if c.grade() > 8.0 {
            too_hard.push((path, c.grade()));
        }
    }
    assert!(
        too_hard.is_empty(),
        "popover texts above grade 8: {too_hard:?}"
    );
}

/// Numbers (runs of digits, "1.23", "95%") in a reference's professional finding
/// and certainty are all kept in the plain version.
#[test]
fn plain_findings_keep_every_number() {
    fn numbers(s: &str) -> BTreeSet<String> {
        s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|n| n.trim_matches('.'))
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    }
    let a = seed();
    for r in &a.references {
        for t in [&r.key_finding, &r.certainty].into_iter().flatten() {
            let (prof, plain) = (
                t.get(PROFESSIONAL).expect("professional"),
                t.get(PLAIN).expect("plain"),
            );
            let missing: Vec<String> = numbers(prof).difference(&numbers(plain)).cloned().collect();
            assert!(missing.is_empty(), "{}: {missing:?} not in {plain:?}", r.id);
        }
    }
}

/// What a patient hears and reads for each chart — the text alternative (measure,
/// numbers in words, group labels and the plain reading) and the legend — reads at
/// grade 8 or below, and uses none of the professional statistical terms.
#[test]
fn plain_chart_texts_read_at_grade_eight_or_below() {
    let a = seed();
    let view = viewmodel::build(&a, Audience::Patient);
    let findings: Vec<_> = view.references().iter().flat_map(|r| &r.findings).collect();
    assert_eq!(findings.len(), 6);
    let mut too_hard = Vec::new();
    for f in findings {
        assert!(f.plain);
        let text = f.description();
        for jargon in [
            "confidence interval",
            "incidence",
            "percentage points",
            "trajectory",
        ] {
            assert!(!text.contains(jargon), "{jargon:?} in {text:?}");
        }
        let c = counts(&text);
        println!("{:>6.2} {text}", c.grade());
        if c.grade() > 8.0 {
            too_hard.push((text, c.grade()));
        }
    }
    assert!(
        too_hard.is_empty(),
        "chart texts above grade 8: {too_hard:?}"
    );
}
