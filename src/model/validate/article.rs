//! Checks of the article's own fields, its audiences, references (with their texts
//! and findings), editor's notes and glossary, and of references never cited.

use std::collections::{HashMap, HashSet};

use crate::model::freshness::MAX_REVIEW_INTERVAL_MONTHS;
use crate::model::text::KNOWN_REGISTERS;
use crate::model::{Audience, ReviewStatus, FORMAT_V1};

use super::checker::{indexed, truncate, Checker};
use super::{is_real_date, safe_href};

impl Checker<'_> {
    /// The format, id, publisher, review status, dates and policy link.
    pub(super) fn fields(&mut self) {
        let article = self.article;
        if article.format != FORMAT_V1 {
            self.error(
                "format",
                format!(
                    "expected \"{FORMAT_V1}\", found \"{}\"",
                    truncate(&article.format)
                ),
            );
        }
        if article.id.trim().is_empty() {
            self.error("id", "the article id is empty");
        }
        if article.publisher.name.trim().is_empty() {
            self.error("publisher.name", "the publisher name is empty");
        }
        if ReviewStatus::parse(&article.review.status).is_none() {
            self.error(
                "review.status",
                format!(
                    "\"{}\" is not a review status: use submitted, under-review or approved",
                    truncate(&article.review.status)
                ),
            );
        }
        if !is_real_date(&article.last_updated) {
            self.error(
                "last-updated",
                format!(
                    "\"{}\" is not a real date in the form YYYY-MM-DD",
                    truncate(&article.last_updated)
                ),
            );
        }
        if let Some(p) = &article.editorial_policy {
            if !safe_href(p) {
                self.error(
                    "editorial-policy",
                    "only http, https, mailto or relative links are allowed",
                );
            }
        }
    }

    /// Known audiences, each reading known registers.
    pub(super) fn audiences(&mut self) {
        for (aud, chain) in &self.article.audiences {
            if Audience::from_id(aud).is_none() {
                self.warn(
                    format!("audiences.{aud}"),
                    "not an audience this version knows (patient, student, nurse, physician)",
                );
            }
            for (i, r) in chain.iter().enumerate() {
                if !KNOWN_REGISTERS.contains(&r.as_str()) {
                    self.error(
                        format!("audiences.{aud}[{i}]"),
                        format!(
                            "\"{}\" is not a register (professional, plain)",
                            truncate(r)
                        ),
                    );
                }
            }
        }
    }

    /// Reference ids (unique, not empty), titles, URLs and dates; records the ids.
    pub(super) fn references(&mut self) {
        let article = self.article;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, r) in article.references.iter().enumerate() {
            if r.id.trim().is_empty() {
                self.error(indexed("references", i, ".id"), "the reference id is empty");
            } else if let Some(first) = seen.insert(r.id.clone(), i) {
                self.error(
                    indexed("references", i, ".id"),
                    format!("\"{}\" is also the id of references[{first}]", r.id),
                );
            }
            if r.title.trim().is_empty() {
                self.error(indexed("references", i, ".title"), "the title is empty");
            }
            if let Some(u) = &r.url {
                let lower = u.trim().to_ascii_lowercase();
                if !safe_href(u) || !(lower.starts_with("https://") || lower.starts_with("http://"))
                {
                    self.error(
                        indexed("references", i, ".URL"),
                        "a reference URL must be an absolute http or https address",
                    );
                }
            }
            if let Some(issued) = &r.issued {
                let ok = issued
                    .date_parts
                    .first()
                    .is_some_and(|p| match p.as_slice() {
                        [y] => (1000..=9999).contains(y),
                        [y, m] => (1000..=9999).contains(y) && (1..=12).contains(m),
                        [y, m, d] => is_real_date(&format!("{y:04}-{m:02}-{d:02}")),
                        _ => false,
                    });
                if !ok {
                    self.error(
                        indexed("references", i, ".issued"),
                        "date-parts is not a real date ([[year, month?, day?]])",
                    );
                }
            }
        }
        self.ref_ids = seen.into_keys().collect();
    }

    /// The texts and findings references carry, and the review interval.
    pub(super) fn reference_texts(&mut self, plain_audience: bool) {
        let article = self.article;
        for (i, r) in article.references.iter().enumerate() {
            if let Some(t) = &r.key_finding {
                self.prose(&indexed("references", i, ".key-finding"), t, plain_audience);
            }
            if let Some(t) = &r.certainty {
                self.prose(&indexed("references", i, ".certainty"), t, plain_audience);
            }
            for (j, f) in r.findings.iter().enumerate() {
                self.finding(&format!("references[{i}].findings[{j}]"), f, plain_audience);
            }
        }
        if let Some(m) = article.review_interval_months {
            if !(1..=MAX_REVIEW_INTERVAL_MONTHS).contains(&m) {
                self.error(
                    "review-interval-months",
                    format!("{m} is not a review interval: give a number of months from 1 to {MAX_REVIEW_INTERVAL_MONTHS}"),
                );
            }
        }
    }

    /// Glossary entries: a term and a definition each, no term twice.
    pub(super) fn glossary(&mut self) {
        let mut terms: HashSet<String> = HashSet::new();
        for (i, g) in self.article.glossary.iter().enumerate() {
            if g.term.trim().is_empty() || g.definition.trim().is_empty() {
                self.error(
                    indexed("glossary", i, ""),
                    "a glossary entry needs a term and a definition",
                );
            } else if !terms.insert(g.term.clone()) {
                self.error(
                    indexed("glossary", i, ".term"),
                    format!("\"{}\" is defined twice", g.term),
                );
            }
        }
    }

    /// References the text never cites.
    pub(super) fn uncited(&mut self) {
        for (i, r) in self.article.references.iter().enumerate() {
            if !r.id.is_empty() && !self.cited.contains(&r.id) {
                self.error(
                    indexed("references", i, ""),
                    format!("\"{}\" is never cited in the text", r.id),
                );
            }
        }
    }
}
