//! The authoring analysis (reading level and coverage) on the seed and on articles
//! broken on purpose: every finding names its path.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use evidence_article::analysis::{
    self, counter, CoverageKind, Role, MIN_WORDS_FOR_LIMIT, TARGET_GRADE,
};
use evidence_article::model::{Article, Block, Text};

fn seed() -> Article {
    serde_json::from_value(seed_json()).expect("seed is an article")
}

fn kinds(a: &Article) -> Vec<(CoverageKind, String, Option<String>)> {
    analysis::coverage(a)
        .into_iter()
        .map(|f| (f.kind, f.path, f.subject))
        .collect()
}

#[test]
fn sentences_split_like_the_counter() {
    let text = "The cat sat. It ran [@acr-chest-2023]! Why? 1-2 mg/kg/day";
    let s = counter::sentences(text);
    let got: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(got, ["The cat sat.", "It ran !", "Why?", "1-2 mg/kg/day"]);
    let words: usize = s.iter().map(|s| s.counts.words).sum();
    assert_eq!(words, counter::counts(text).words);
    // The last sentence has no full stop, so the text counts three sentences.
    assert_eq!(counter::counts(text).sentences, 3);
    assert_eq!(counter::Counts::default().grade(), 0.0);
}

#[test]
fn seed_reads_at_the_target_with_every_text_measured() {
    let a = seed();
    let r = analysis::reading(&a);
    assert_eq!(r.target, TARGET_GRADE);
    assert!(r.meets_target(), "overall grade {:.2}", r.grade);
    assert!(
        r.grade > 4.0,
        "a grade of {:.2} is implausibly low",
        r.grade
    );
    // 18 content blocks, 7 section titles, question, disclaimer ×2, follow-up.
    assert_eq!(r.texts.iter().filter(|t| t.role == Role::Block).count(), 18);
    // Popovers: 7 key findings and certainties, 9 editor's notes, and the 21 texts
    // of the 6 structured findings (6 measures, 6 readings, 3 estimate names, 2
    // units, 4 group labels).
    assert_eq!(r.popovers.len(), 7 + 9 + 21);
    assert_eq!(
        r.popovers
            .iter()
            .filter(|t| t.path.contains(".findings[") && t.path.ends_with(".reading.plain"))
            .count(),
        6
    );
    assert!(r.texts.iter().chain(&r.popovers).all(|t| t.has_plain));
    assert!(r.texts[0].path == "question.plain");
    let mut sum = counter::Counts::default();
    r.texts.iter().for_each(|t| sum.add(t.counts));
    assert_eq!(sum, r.overall);
    assert_eq!(r.too_hard().count(), 0);
    // The hardest sentences, hardest first, each found in the text it names.
    assert_eq!(r.hardest.len(), 3);
    assert!(r.hardest.windows(2).all(|w| w[0].grade >= w[1].grade));
    assert_eq!(
        r.hardest[0].text,
        "Another is hypersensitivity pneumonitis."
    );
    assert_eq!(r.hardest[0].path, "sections[0].blocks[3].text.plain");
    let all_sentence_grades = r
        .texts
        .iter()
        .chain(&r.popovers)
        .filter(|t| t.counts.words >= MIN_WORDS_FOR_LIMIT)
        .map(|t| t.grade)
        .fold(0.0f64, f64::max);
    assert!(r.hardest[0].grade >= all_sentence_grades);
    // A one-word chart label reads at a grade above 30 but is not a sentence to
    // rewrite: texts too short to judge are left out of the hardest sentences.
    let label = r
        .popovers
        .iter()
        .find(|t| t.path == "references[1].findings[1].groups[1].label.plain")
        .expect("the group labels are measured");
    assert!(label.grade > r.hardest[0].grade && label.counts.words < MIN_WORDS_FOR_LIMIT);
    assert!(r.hardest.iter().all(|s| !s.path.contains(".label")));
}

#[test]
fn a_hard_popover_text_is_over_its_limit() {
    let mut a = seed();
    let long = "Immunosuppressive pharmacotherapy necessitates individualised consideration of \
                comorbidities, contraindications and interactions.";
    if let Some(Text::Registers(m)) = a.references[0].key_finding.as_mut() {
        m.insert("plain".into(), long.into());
    }
    let r = analysis::reading(&a);
    let hard: Vec<&str> = r.too_hard().map(|t| t.path.as_str()).collect();
    assert_eq!(hard, ["references[0].key-finding.plain"]);
    assert_eq!(
        r.hardest[0].text,
        long.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    // A text of a few words is not judged on its own (its grade says little).
    if let Some(Text::Registers(m)) = a.references[0].key_finding.as_mut() {
        m.insert("plain".into(), "Immunosuppressive pharmacotherapy.".into());
    }
    let r = analysis::reading(&a);
    assert!(r.popovers[0].grade > 8.0 && r.too_hard().count() == 0);
}

#[test]
fn seed_coverage_finds_only_its_real_gaps() {
    // Three long words of the plain text are offered as glossary candidates; every
    // abbreviation (also "CI" of the findings) has its glossary entry.
    assert_eq!(
        kinds(&seed()),
        [
            (
                CoverageKind::GlossaryCandidate,
                "sections[0].blocks[0].text.plain".into(),
                Some("conditionally".into())
            ),
            (
                CoverageKind::GlossaryCandidate,
                "sections[0].blocks[0].text.plain".into(),
                Some("immunoglobulin".into())
            ),
            (
                CoverageKind::GlossaryCandidate,
                "sections[0].blocks[0].text.plain".into(),
                Some("rheumatology".into())
            ),
        ]
    );
    // Without its entry, "CI" is reported where it is first written.
    let mut a = seed();
    a.glossary.retain(|g| g.term != "CI");
    assert!(kinds(&a).contains(&(
        CoverageKind::Abbreviation,
        "references[1].key-finding.professional".into(),
        Some("CI".into())
    )));
}

#[test]
fn each_gap_is_found_with_its_path() {
    let mut a = seed();
    // An abbreviation loses its entry: reported once, where it is first used.
    a.glossary.retain(|g| g.term != "DLCO");
    // A word term loses its entry: "immunosuppression" becomes a candidate.
    a.glossary.retain(|g| g.term != "immunosuppression");
    // A block loses its plain version and another cites differently.
    let Block::Paragraph { text } = &mut a.sections[0].blocks[0] else {
        panic!("seed starts with a paragraph")
    };
    *text = Text::Single(text.professional().to_owned());
    let Block::Paragraph { text } = &mut a.sections[0].blocks[3] else {
        panic!("fourth block is a paragraph")
    };
    if let Text::Registers(m) = text {
        m.insert("plain".into(), "Nothing cited here.".into());
    }
    // A reference is never cited, and a note points nowhere.
    let mut extra = a.references[0].clone();
    extra.id = "uncited-source".into();
    a.references.push(extra);
    a.editor_notes[0].sentence = "words that are nowhere in the article".into();
    let found = kinds(&a);
    let has = |k: CoverageKind, path: &str, subject: Option<&str>| {
        found
            .iter()
            .any(|(fk, p, s)| *fk == k && p == path && s.as_deref() == subject)
    };
    let dlco: Vec<_> = found
        .iter()
        .filter(|f| f.2.as_deref() == Some("DLCO"))
        .collect();
    assert_eq!(dlco.len(), 1, "{found:?}");
    assert_eq!(dlco[0].0, CoverageKind::Abbreviation);
    assert!(
        found.iter().any(|f| f.0 == CoverageKind::GlossaryCandidate
            && f.2.as_deref() == Some("immunosuppression")),
        "{found:?}"
    );
    assert!(
        has(
            CoverageKind::NoPlain,
            "sections[0].blocks[0].text.plain",
            None
        ),
        "{found:?}"
    );
    assert!(
        has(
            CoverageKind::CitationsDiffer,
            "sections[0].blocks[3].text.plain",
            None
        ),
        "{found:?}"
    );
    assert!(
        has(
            CoverageKind::Uncited,
            "references[5]",
            Some("uncited-source")
        ),
        "{found:?}"
    );
    let note_source = a.editor_notes[0].source.clone();
    assert!(
        has(
            CoverageKind::NoteNowhere,
            "editor-notes[0].sentence",
            Some(&note_source)
        ),
        "{found:?}"
    );
    a.editor_notes[0].source = "no-such-source".into();
    assert!(kinds(&a).contains(&(
        CoverageKind::NoteNowhere,
        "editor-notes[0].source".into(),
        Some("no-such-source".into())
    )));
    assert!(CoverageKind::GlossaryCandidate.is_hint() && !CoverageKind::Uncited.is_hint());
}

#[test]
fn abbreviations_follow_the_documented_rule() {
    let got = analysis::terms::abbreviations("CTD-associated RP-ILD, TNFi and Word, DLCO.");
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    assert_eq!(got, ["CTD", "DLCO", "RP-ILD", "TNFi"]);
}
