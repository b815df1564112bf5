//! Citation numbering and reference formatting. Numbers follow the order of first
//! citation in the professional text (authors never type them); references are
//! formatted in AMA style; links are built only from verified identifiers.

use std::collections::HashMap;

use super::{inline, Article, Block, Reference, Section};

/// Reference id → citation number (1-based), in order of first citation.
pub fn numbering(article: &Article) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    let mut visit = |text: &str| {
        for group in inline::citations(&inline::parse(text)) {
            for key in group {
                let next = map.len() + 1;
                map.entry(key).or_insert(next);
            }
        }
    };
    fn walk(sections: &[Section], visit: &mut dyn FnMut(&str)) {
        for s in sections {
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } => visit(text.professional()),
                    Block::List { items } => {
                        items.iter().for_each(|i| visit(i.text.professional()))
                    }
                    Block::Findings => {}
                }
            }
            walk(&s.subsections, visit);
        }
    }
    walk(&article.sections, &mut visit);
    map
}

/// AMA author list: up to six authors in full, more than six (or a list known to be
/// truncated) → the first three and "et al.".
pub fn ama_authors(r: &Reference) -> String {
    let names: Vec<String> = r
        .author
        .iter()
        .map(|n| match n.given.as_deref() {
            Some(g) if !g.is_empty() => format!("{} {}", n.family, g.replace(['.', ' '], "")),
            _ => n.family.clone(),
        })
        .collect();
    if names.is_empty() {
        return String::new();
    }
    if names.len() > 6 || r.author_list_truncated {
        let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        format!("{shown}, et al.")
    } else {
        format!("{}.", names.join(", "))
    }
}

/// Year of publication, if given.
pub fn year(r: &Reference) -> Option<i64> {
    r.issued.as_ref()?.date_parts.first()?.first().copied()
}

fn journal(r: &Reference) -> Option<&str> {
    r.container_title_short
        .as_deref()
        .or(r.container_title.as_deref())
}

/// Journal as it may be shown: verified, or a "likely" one marked as unconfirmed.
fn journal_shown(r: &Reference) -> Option<String> {
    journal(r).map(str::to_owned).or_else(|| {
        r.likely
            .get("container-title-short")
            .or_else(|| r.likely.get("container-title"))
            .map(|j| format!("{j} (journal unconfirmed)"))
    })
}

/// The full AMA citation as plain text (used for "Copy citation" and the list).
pub fn ama(r: &Reference) -> String {
    let mut s = String::new();
    let authors = ama_authors(r);
    if !authors.is_empty() {
        s.push_str(&authors);
        s.push(' ');
    }
    s.push_str(r.title.trim_end_matches('.'));
    s.push('.');
    if let Some(j) = journal_shown(r) {
        s.push(' ');
        s.push_str(&j);
        s.push('.');
    }
    if let Some(y) = year(r) {
        s.push(' ');
        s.push_str(&y.to_string());
        match (&r.volume, &r.issue, &r.page) {
            (None, None, None) => s.push('.'),
            (v, i, p) => {
                s.push(';');
                if let Some(v) = v {
                    s.push_str(v);
                }
                if let Some(i) = i {
                    s.push_str(&format!("({i})"));
                }
                if let Some(p) = p {
                    s.push(':');
                    s.push_str(&page_shown(p));
                }
                s.push('.');
            }
        }
    }
    if let Some(doi) = &r.doi {
        s.push_str(&format!(" doi:{doi}"));
    }
    s
}

/// A page field as shown: an open range (`"628-"`, the end page unknown) ends in an
/// en dash, `628–`, so it cannot be read as a complete one-page locator.
pub fn page_shown(page: &str) -> String {
    let p = page.trim();
    match p.strip_suffix(['-', '\u{2013}']) {
        Some(start) if !start.trim().is_empty() => format!("{}\u{2013}", start.trim_end()),
        _ => p.to_owned(),
    }
}

/// Short label for accessible names: "Oldham JM et al., Respir Med 2016".
pub fn short_label(r: &Reference) -> String {
    let first = r
        .author
        .first()
        .map(|n| match n.given.as_deref() {
            Some(g) if !g.is_empty() => format!("{} {}", n.family, g.replace(['.', ' '], "")),
            _ => n.family.clone(),
        })
        .unwrap_or_else(|| r.title.chars().take(40).collect());
    let etal = if r.author.len() > 1 || r.author_list_truncated {
        " et al."
    } else {
        ""
    };
    let mut s = format!("{first}{etal}");
    let j = journal(r);
    match (j, year(r)) {
        (Some(j), Some(y)) => s.push_str(&format!(", {j} {y}")),
        (Some(j), None) => s.push_str(&format!(", {j}")),
        (None, Some(y)) => s.push_str(&format!(", {y}")),
        (None, None) => {}
    }
    s
}

/// A link to the source, built from a verified identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    /// Visible label ("PubMed", "PMC", "DOI", "Publisher").
    pub label: &'static str,
    /// Absolute https URL.
    pub href: String,
}

fn id_ok(s: &str, allowed: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.len() <= 200 && s.chars().all(allowed)
}

/// A DOI: `10.<registrant>/<suffix>` (registrant digits and dots, suffix non-empty),
/// without characters that would change the meaning of a URL (`?`, `#`, `%`, quotes…).
fn doi_ok(d: &str) -> bool {
    let Some((prefix, suffix)) = d.split_once('/') else {
        return false;
    };
    let registrant = prefix.strip_prefix("10.").unwrap_or("");
    !registrant.is_empty()
        && registrant
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && id_ok(suffix, |c| {
            c.is_ascii_graphic() && !"\"<>#%{}|\\^`?".contains(c)
        })
}

/// An absolute https URL with a host and no whitespace or control characters.
fn https_url_ok(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && u.len() <= 2048
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        && super::validate::safe_href(u)
}

/// Links from verified identifiers only; identifiers that do not look like one are
/// skipped rather than escaped into a URL, and "likely" fields are never used.
pub fn links(r: &Reference) -> Vec<SourceLink> {
    let mut out = Vec::new();
    if let Some(p) = r
        .pmid
        .as_deref()
        .filter(|p| id_ok(p, |c| c.is_ascii_digit()))
    {
        out.push(SourceLink {
            label: "PubMed",
            href: format!("https://pubmed.ncbi.nlm.nih.gov/{p}/"),
        });
    }
    if let Some(p) = r
        .pmcid
        .as_deref()
        .filter(|p| p.starts_with("PMC") && id_ok(&p[3..], |c| c.is_ascii_digit()))
    {
        out.push(SourceLink {
            label: "PMC",
            href: format!("https://pmc.ncbi.nlm.nih.gov/articles/{p}/"),
        });
    }
    if let Some(d) = r.doi.as_deref().filter(|d| doi_ok(d)) {
        out.push(SourceLink {
            label: "DOI",
            href: format!("https://doi.org/{d}"),
        });
    }
    if let Some(u) = r.url.as_deref().filter(|u| https_url_ok(u)) {
        out.push(SourceLink {
            label: "Publisher",
            href: u.to_owned(),
        });
    }
    out
}

/// Identifiers seen only second-hand, shown as text ("PMID 38973731 (unconfirmed)").
pub fn unconfirmed_identifiers(r: &Reference) -> Vec<String> {
    r.likely
        .iter()
        .filter(|(k, _)| matches!(k.as_str(), "PMID" | "PMCID" | "DOI"))
        .map(|(k, v)| format!("{k} {v} (unconfirmed)"))
        .collect()
}
