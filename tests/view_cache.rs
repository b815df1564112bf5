//! The article widget's views per audience (`components::article::ViewCache`): a
//! short article keeps every audience's view once built, so switching back builds
//! nothing; a long one drops a view once no part shows it.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use evidence_article::components::article::ViewCache;
use evidence_article::model::{Article, Audience};

fn seed() -> Article {
    evidence_article::load::embedded().expect("seed").article
}

#[test]
fn a_short_article_keeps_the_view_of_an_audience_no_longer_shown() {
    let article = Rc::new(seed());
    let cache = ViewCache::new(&article, Audience::Physician);
    let patient = cache.get(Audience::Patient);
    // Switched back: nothing shows the patient view any more.
    cache.keep(Audience::Physician, &[]);
    assert!(Rc::ptr_eq(&patient, &cache.get(Audience::Patient)));
    assert!(Rc::ptr_eq(
        &cache.get(Audience::Physician),
        &cache.get(Audience::Physician)
    ));
}

#[test]
fn a_long_article_drops_a_view_no_part_shows() {
    let mut article = seed();
    let one = article.sections.clone();
    for _ in 1..7 {
        article.sections.extend(one.iter().cloned());
    }
    let article = Rc::new(article);
    let cache = ViewCache::new(&article, Audience::Physician);
    let patient = cache.get(Audience::Patient);
    // Still shown by a lagging part: kept.
    cache.keep(Audience::Physician, &[Some(Audience::Patient), None]);
    assert!(Rc::ptr_eq(&patient, &cache.get(Audience::Patient)));
    cache.keep(Audience::Physician, &[]);
    assert!(!Rc::ptr_eq(&patient, &cache.get(Audience::Patient)));
}
