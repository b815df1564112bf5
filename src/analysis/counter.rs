//! The reading-level counter: Flesch–Kincaid counts of a text by one documented
//! heuristic, shared by the tests, the CLI and the studio so that every tool shows
//! the same figures.
//!
//! - citation markup `[@…]` is removed first (as are emphasis and link markup), and
//!   `{publisher}` becomes "the publisher" (a two-word stand-in for the name the
//!   reader sees);
//! - words are runs of letters, digits and apostrophes (so hyphens and slashes split
//!   words: "1-2 mg/kg/day" is five words);
//! - a sentence ends at each run of `.`, `!` or `?`; a text has at least one sentence
//!   (so a heading without a full stop is one sentence);
//! - syllables per word as in [`syllables`].
//!
//! The grade is 0.39 × words/sentences + 11.8 × syllables/words − 15.59; a whole
//! article's grade uses the sums over all its texts.

use serde::Serialize;

use crate::model::inline;

/// Counts for the Flesch–Kincaid grade level.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Words.
    pub words: usize,
    /// Sentences (at least one for a text with words).
    pub sentences: usize,
    /// Syllables.
    pub syllables: usize,
}

impl Counts {
    /// The Flesch–Kincaid grade; 0 for a text without words.
    pub fn grade(self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * (self.words as f64 / self.sentences as f64)
            + 11.8 * (self.syllables as f64 / self.words as f64)
            - 15.59
    }

    /// Adds another text's counts (for a whole article's grade).
    pub fn add(&mut self, o: Counts) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.syllables += o.syllables;
    }
}

/// Syllables of one word: groups of consecutive vowels (a, e, i, o, u, y), minus
/// one for a trailing silent "e" (but not "-le"), at least one.
pub fn syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let mut groups = 0;
    let mut in_vowels = false;
    for c in w.chars() {
        let v = "aeiouy".contains(c);
        if v && !in_vowels {
            groups += 1;
        }
        in_vowels = v;
    }
    if w.ends_with('e') && !w.ends_with("le") && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// The words a reader reads in `text` (inline markup and citations removed,
/// `{publisher}` replaced), as the counter sees them.
pub fn readable(text: &str) -> String {
    let tree = inline::parse(text);
    inline::plain_text(&tree, &|_| String::new()).replace("{publisher}", "the publisher")
}

/// One sentence of a text with its counts (`sentences` is 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// The sentence as the reader reads it, trimmed.
    pub text: String,
    /// Its counts.
    pub counts: Counts,
}

/// The sentences of `text` (each ending at a run of `.`, `!` or `?`, or at the end
/// of the text), those without words left out.
pub fn sentences(text: &str) -> Vec<Sentence> {
    scan(&readable(text)).1
}

/// Flesch–Kincaid counts of one text, by the heuristic in the module docs.
pub fn counts(text: &str) -> Counts {
    scan(&readable(text)).0
}

fn scan(stripped: &str) -> (Counts, Vec<Sentence>) {
    let mut total = Counts::default();
    let mut out = Vec::new();
    let mut current = Sentence {
        text: String::new(),
        counts: Counts {
            sentences: 1,
            ..Counts::default()
        },
    };
    let mut word = String::new();
    let mut in_end = false;
    for ch in stripped.chars().chain(std::iter::once(' ')) {
        let end = matches!(ch, '.' | '!' | '?');
        if in_end && !end {
            flush(&mut current, &mut out);
        }
        if ch.is_alphanumeric() || ch == '\'' || ch == '’' {
            word.push(if ch == '’' { '\'' } else { ch });
        } else if !word.is_empty() {
            let s = syllables(&word);
            total.words += 1;
            total.syllables += s;
            current.counts.words += 1;
            current.counts.syllables += s;
            word.clear();
        }
        current.text.push(ch);
        if end && !in_end {
            total.sentences += 1;
        }
        in_end = end;
    }
    flush(&mut current, &mut out);
    total.sentences = total.sentences.max(1);
    (total, out)
}

fn flush(current: &mut Sentence, out: &mut Vec<Sentence>) {
    let done = std::mem::replace(
        current,
        Sentence {
            text: String::new(),
            counts: Counts {
                sentences: 1,
                ..Counts::default()
            },
        },
    );
    if done.counts.words > 0 {
        out.push(Sentence {
            text: done.text.split_whitespace().collect::<Vec<_>>().join(" "),
            counts: done.counts,
        });
    }
}
