//! Which words of a text need a glossary entry: abbreviation-like tokens, and long
//! words no entry explains (glossary candidates, a hint found by word length).

use std::collections::BTreeSet;

use super::counter;
use crate::model::Article;

/// Syllables from which a word counts as a glossary candidate.
pub const CANDIDATE_SYLLABLES: usize = 5;

/// Abbreviation-like tokens: a capital letter followed by letters with at least one
/// more capital (ILD, RP-ILD, TNFi, JAKi, DLCO). Hyphenated parts that are plain
/// lower-case words are split off ("CTD-associated" → "CTD"); capitalised ordinary
/// words (one capital) are ignored.
pub fn abbreviations(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let token = token.trim_matches('-');
        let parts: Vec<&str> = token.split('-').collect();
        let is_abbr = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && s.chars().filter(char::is_ascii_uppercase).count() >= 2
                && s.chars().all(|c| c.is_ascii_alphabetic())
        };
        if parts.iter().all(|p| is_abbr(p)) && !token.is_empty() {
            out.insert(token.to_owned());
        } else {
            out.extend(parts.into_iter().filter(|p| is_abbr(p)).map(str::to_owned));
        }
    }
    out
}

/// Byte spans of whole-word occurrences of `needle` in `hay` (ASCII case folding
/// unless `case_sensitive`; neighbours must not be letters, digits or hyphens).
fn spans(hay: &str, needle: &str, case_sensitive: bool) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (h, n) = if case_sensitive {
        (hay.to_owned(), needle.to_owned())
    } else {
        (hay.to_ascii_lowercase(), needle.to_ascii_lowercase())
    };
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = h[from..].find(&n) {
        let pos = from + p;
        if boundary(h[..pos].chars().next_back()) && boundary(h[pos + n.len()..].chars().next()) {
            out.push((pos, pos + n.len()));
        }
        from = pos + n.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Glossary candidates in a plain text: words of [`CANDIDATE_SYLLABLES`] or more
/// syllables (by the reading-level counter) that no glossary entry's occurrence in
/// the text covers (entries match whole words, abbreviations case-sensitively,
/// other terms in any case, as the widget marks them).
pub fn candidates(article: &Article, plain: &str) -> BTreeSet<String> {
    let text = counter::readable(plain);
    let covered: Vec<(usize, usize)> = article
        .glossary
        .iter()
        .flat_map(|g| spans(&text, &g.term, g.is_abbreviation()))
        .collect();
    let mut out = BTreeSet::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = ch.is_alphabetic() || ch == '\'' || ch == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &text[s..i];
                let inside = covered.iter().any(|&(a, b)| a <= s && i <= b);
                if !inside
                    && counter::syllables(word) >= CANDIDATE_SYLLABLES
                    && abbreviations(word).is_empty()
                {
                    out.insert(word.to_lowercase());
                }
            }
            _ => {}
        }
    }
    out
}
