//! The view model: an article resolved for one audience, computed once per
//! (article, audience) rather than in every render. Text is picked through the
//! audience's register chain, citation keys become numbers, glossary terms are
//! marked and abbreviations expanded where the audience needs it. Pure Rust: the
//! components only walk this tree. What all audiences share is computed once
//! ([`Prepared`]); a view for the widget builds each section when first asked for
//! ([`lazy`]), with the same result as [`build`], which builds everything at once.

mod lazy;
mod prepared;
mod reader;
mod refs;
mod section;
mod terms;
mod types;
mod view;

use std::cell::OnceCell;
use std::rc::Rc;

pub use lazy::Sections;
pub use prepared::{Prepared, Skeleton};
pub use types::{BlockView, Node, NoteView, RefView, SectionView, TermView};
pub use view::ArticleView;

use crate::model::{Article, Audience, ReviewStatus};
use reader::Reader;

/// Formats `2025-05-30` as "May 30, 2025"; anything else is shown as given.
pub fn display_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) {
            if let Some(name) = m.checked_sub(1).and_then(|i| MONTHS.get(i)) {
                return format!("{name} {d}, {y}");
            }
        }
    }
    iso.to_owned()
}

/// Stable sort by key, by binary insertion: for the short lists sorted here (glossary
/// candidates, cited references, mostly in order already). std's stable sort costs
/// ~4 KB of wasm for each element type it is used with.
pub fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let k = key(&v[i]);
        let at = v[..i].partition_point(|x| key(x) <= k);
        v[at..=i].rotate_right(1);
    }
}

/// Builds the whole view of `article` for `audience` at once. The article must have
/// passed validation; anything still odd degrades to text rather than failing.
pub fn build(article: &Article, audience: Audience) -> ArticleView {
    let prepared = Prepared::new(article);
    let reader = Reader::new(article, &prepared, audience);
    let built: Vec<_> = (0..article.sections.len())
        .filter_map(|i| section::build(article, &prepared, &reader, i))
        .collect();
    let references = refs::build(article, &prepared, &reader, built.iter());
    shell(
        article,
        &prepared,
        &reader,
        Sections::built(built),
        references.into(),
    )
}

/// The view of `article` for `audience` with nothing built but its shell: each
/// section is built when first asked for, the references (from a pass over the
/// citations, no section built) too (`prepared` must come from the same article).
pub fn lazy(article: Rc<Article>, prepared: Rc<Prepared>, audience: Audience) -> ArticleView {
    let reader = Reader::new(&article, &prepared, audience);
    let sections = Sections::lazy(
        article.sections.len(),
        lazy::Source {
            article: article.clone(),
            prepared: prepared.clone(),
            reader: reader.clone(),
        },
    );
    shell(&article, &prepared, &reader, sections, OnceCell::new())
}

fn shell(
    article: &Article,
    prepared: &Prepared,
    reader: &Reader,
    sections: Sections,
    references: OnceCell<Vec<RefView>>,
) -> ArticleView {
    let mut b = section::Builder::new(article, prepared, reader, prepared.disclaimer_markers);
    let disclaimer = b.inline(&reader.resolve(&article.disclaimer.text));
    ArticleView {
        id: article.id.clone(),
        lang: article.lang.clone().unwrap_or_else(|| "en".into()),
        audience: reader.audience,
        question: reader.resolve(&article.question),
        question_professional: article.question.professional().to_owned(),
        publisher: article.publisher.name.clone(),
        status: ReviewStatus::parse(&article.review.status).unwrap_or(ReviewStatus::Submitted),
        board: article.review.board.clone(),
        statement: article.review.statement.clone(),
        last_updated_display: display_date(&article.last_updated),
        last_updated: article.last_updated.clone(),
        review_interval_months: article
            .review_interval_months
            .unwrap_or(crate::model::freshness::DEFAULT_REVIEW_INTERVAL_MONTHS),
        plain: reader.plain,
        has_notes: !article.editor_notes.is_empty(),
        editorial_policy: article
            .editorial_policy
            .clone()
            .filter(|p| crate::model::validate::safe_href(p)),
        sections,
        references,
        reference_count: article
            .references
            .iter()
            .filter(|r| prepared.numbers.contains_key(&r.id))
            .count(),
        glossary: article
            .glossary
            .iter()
            .map(|g| TermView {
                term: g.term.clone(),
                expansion: g.expansion.clone(),
                definition: g.definition.clone(),
            })
            .collect(),
        disclaimer_title: reader.resolve(&article.disclaimer.title),
        disclaimer,
        disclaimer_markers: b.markers - prepared.disclaimer_markers,
        follow_up: reader.resolve(&article.follow_up.prompt),
        parts: prepared.parts.clone(),
    }
}
