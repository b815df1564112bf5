//! The reading level of what plain-language readers read: the Flesch–Kincaid
//! grade of every plain text (article texts and popover texts), the article's
//! overall grade, and the hardest sentences with where they are.

use serde::Serialize;

use super::counter::{self, Counts};
use super::texts::{self, Role};
use crate::model::Article;

/// The overall grade plain texts aim at (the article as a whole, and each popover
/// text).
pub const TARGET_GRADE: f64 = 8.0;
/// No single article text (heading, paragraph, list item) should read above this.
pub const BLOCK_LIMIT: f64 = 10.0;
/// Texts shorter than this many words are not held to a limit on their own (the
/// grade of a two-word heading says nothing); they still count in the overall grade.
pub const MIN_WORDS_FOR_LIMIT: usize = 10;
/// How many hardest sentences a report lists.
pub const HARDEST: usize = 3;

/// The reading level of one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextReading {
    /// Path of the register read (`sections[0].blocks[1].text.plain`).
    pub path: String,
    /// What part of the article it is.
    pub role: Role,
    /// Its counts.
    pub counts: Counts,
    /// Its Flesch–Kincaid grade.
    pub grade: f64,
    /// Whether the text has a plain version (otherwise the professional text was
    /// measured: a plain-language reader gets it).
    pub has_plain: bool,
}

impl TextReading {
    /// The most this text should read at: [`TARGET_GRADE`] for a popover text,
    /// [`BLOCK_LIMIT`] for an article text.
    pub fn limit(&self) -> f64 {
        if self.role == Role::Popover {
            TARGET_GRADE
        } else {
            BLOCK_LIMIT
        }
    }

    /// Whether the text is long enough to judge ([`MIN_WORDS_FOR_LIMIT`]) and reads
    /// above its limit.
    pub fn is_too_hard(&self) -> bool {
        self.counts.words >= MIN_WORDS_FOR_LIMIT && self.grade > self.limit()
    }
}

/// One sentence with where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceReading {
    /// Path of the text it is in.
    pub path: String,
    /// Its position among the text's sentences (0 = the first).
    pub index: usize,
    /// The sentence as the reader reads it.
    pub text: String,
    /// Its counts (one sentence).
    pub counts: Counts,
    /// Its Flesch–Kincaid grade.
    pub grade: f64,
}

/// The reading level of an article's plain-language text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingReport {
    /// Article texts (question, headings, blocks, disclaimer, follow-up), in order.
    pub texts: Vec<TextReading>,
    /// Popover texts (key findings, certainty, structured findings' texts, editor's
    /// notes), in order.
    pub popovers: Vec<TextReading>,
    /// Sums over the article texts (popover texts are graded one by one).
    pub overall: Counts,
    /// The overall grade.
    pub grade: f64,
    /// The hardest sentences of all texts of at least [`MIN_WORDS_FOR_LIMIT`]
    /// words, hardest first (at most [`HARDEST`]).
    pub hardest: Vec<SentenceReading>,
    /// The target for the overall grade and for each popover text.
    pub target: f64,
}

impl ReadingReport {
    /// Whether the whole article reads at the target or below.
    pub fn meets_target(&self) -> bool {
        self.grade <= self.target
    }

    /// Texts of at least [`MIN_WORDS_FOR_LIMIT`] words reading above their limit
    /// ([`TextReading::limit`]).
    pub fn too_hard(&self) -> impl Iterator<Item = &TextReading> {
        self.texts
            .iter()
            .chain(&self.popovers)
            .filter(|t| t.is_too_hard())
    }
}

/// Measures what a plain-language reader reads in `article`.
pub fn reading(article: &Article) -> ReadingReport {
    let (mut list, mut popovers, mut sentences) = (Vec::new(), Vec::new(), Vec::new());
    let mut overall = Counts::default();
    for (path, text, role) in texts::all(article) {
        let (path, plain) = texts::plain_of(&path, text);
        let counts = counter::counts(&plain);
        // Like the limit, the hardest sentences come from texts long enough to judge:
        // a one-word chart label ("Mycophenolate") or a heading would top the list.
        let judged = if counts.words >= MIN_WORDS_FOR_LIMIT {
            counter::sentences(&plain)
        } else {
            Vec::new()
        };
        for (index, s) in judged.into_iter().enumerate() {
            sentences.push(SentenceReading {
                path: path.clone(),
                index,
                grade: s.counts.grade(),
                text: s.text,
                counts: s.counts,
            });
        }
        let reading = TextReading {
            has_plain: path.ends_with(".plain"),
            path,
            role,
            counts,
            grade: counts.grade(),
        };
        if role == Role::Popover {
            popovers.push(reading);
        } else {
            overall.add(counts);
            list.push(reading);
        }
    }
    sentences.sort_by(|a, b| b.grade.total_cmp(&a.grade));
    sentences.truncate(HARDEST);
    ReadingReport {
        texts: list,
        popovers,
        overall,
        grade: overall.grade(),
        hardest: sentences,
        target: TARGET_GRADE,
    }
}
