//! Every text of an article a reader reads, with its path in the validator's
//! notation and its role: the walk the reading level and coverage share.

use crate::model::text::{PLAIN, PROFESSIONAL};
use crate::model::{Article, Block, Section, Text};

/// What part of the article a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The question heading.
    Question,
    /// A section heading.
    Title,
    /// A paragraph or a list item (a content block; needs a plain version).
    Block,
    /// The disclaimer's heading or text.
    Disclaimer,
    /// The follow-up prompt.
    FollowUp,
    /// A reference's key finding or certainty, the texts of its structured
    /// findings (measure, estimate name, unit, group labels, reading: read in its
    /// popover and in the "Evidence at a glance" charts), or an editor's note.
    Popover,
}

/// Every text in reading order: question, sections (titles, blocks, subsections),
/// disclaimer, follow-up, then the popover texts (references' key findings,
/// certainty and structured findings, editor's notes).
pub fn all(a: &Article) -> Vec<(String, &Text, Role)> {
    fn walk<'a>(sections: &'a [Section], path: &str, out: &mut Vec<(String, &'a Text, Role)>) {
        for (i, s) in sections.iter().enumerate() {
            let p = format!("{path}[{i}]");
            out.push((format!("{p}.title"), &s.title, Role::Title));
            for (j, b) in s.blocks.iter().enumerate() {
                match b {
                    Block::Paragraph { text } => {
                        out.push((format!("{p}.blocks[{j}].text"), text, Role::Block))
                    }
                    Block::List { items } => {
                        for (k, item) in items.iter().enumerate() {
                            out.push((
                                format!("{p}.blocks[{j}].items[{k}].text"),
                                &item.text,
                                Role::Block,
                            ));
                        }
                    }
                    // Drawn from the references' findings: their texts are walked there.
                    Block::Findings => {}
                }
            }
            walk(&s.subsections, &format!("{p}.subsections"), out);
        }
    }
    let mut out = vec![("question".to_owned(), &a.question, Role::Question)];
    walk(&a.sections, "sections", &mut out);
    out.push((
        "disclaimer.title".into(),
        &a.disclaimer.title,
        Role::Disclaimer,
    ));
    out.push((
        "disclaimer.text".into(),
        &a.disclaimer.text,
        Role::Disclaimer,
    ));
    out.push((
        "follow-up.prompt".into(),
        &a.follow_up.prompt,
        Role::FollowUp,
    ));
    for (i, r) in a.references.iter().enumerate() {
        if let Some(t) = &r.key_finding {
            out.push((format!("references[{i}].key-finding"), t, Role::Popover));
        }
        if let Some(t) = &r.certainty {
            out.push((format!("references[{i}].certainty"), t, Role::Popover));
        }
        for (j, f) in r.findings.iter().enumerate() {
            let p = format!("references[{i}].findings[{j}]");
            out.push((format!("{p}.measure"), &f.measure, Role::Popover));
            if let Some(t) = &f.estimate_name {
                out.push((format!("{p}.estimate-name"), t, Role::Popover));
            }
            if let Some(t) = &f.unit {
                out.push((format!("{p}.unit"), t, Role::Popover));
            }
            for (k, g) in f.groups.iter().enumerate() {
                out.push((format!("{p}.groups[{k}].label"), &g.label, Role::Popover));
            }
            out.push((format!("{p}.reading"), &f.reading, Role::Popover));
        }
    }
    for (i, n) in a.editor_notes.iter().enumerate() {
        out.push((format!("editor-notes[{i}].note"), &n.note, Role::Popover));
    }
    out
}

/// The text a plain-language reader reads, with the path of the register it comes
/// from: the plain register when there is one, else the professional (or only) text.
pub fn plain_of(path: &str, text: &Text) -> (String, String) {
    match (text, text.get(PLAIN)) {
        (_, Some(p)) => (format!("{path}.{PLAIN}"), p.to_owned()),
        (Text::Single(s), None) => (path.to_owned(), s.clone()),
        (Text::Registers(_), None) => (
            format!("{path}.{PROFESSIONAL}"),
            text.resolve(&[PLAIN]).to_owned(),
        ),
    }
}
