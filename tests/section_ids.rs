//! The section id scheme: stable (same input, same ids), unique (duplicates get
//! -2, -3…), URL-safe, and derived from data: explicit ids win, else the parent id
//! plus the slugged professional title.
#![cfg(not(target_arch = "wasm32"))]

use evidence_article::model::slug::{slugify, IdAllocator};
use evidence_article::model::Audience;
use evidence_article::viewmodel;
use proptest::prelude::*;

fn ids_for(titles: &[String]) -> Vec<String> {
    let mut alloc = IdAllocator::default();
    titles.iter().map(|t| alloc.unique(t)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ids_are_unique_stable_and_url_safe(
        titles in proptest::collection::vec(prop_oneof![
            "[a-zA-Z ]{0,20}",
            "\\PC{0,16}",
            Just("From the Research".to_owned()),
            Just("Über Ärzte — 治療 ✓".to_owned()),
            Just("".to_owned()),
        ], 1..12)
    ) {
        let a = ids_for(&titles);
        let b = ids_for(&titles);
        prop_assert_eq!(&a, &b, "stable");
        let mut seen = std::collections::HashSet::new();
        for id in &a {
            prop_assert!(seen.insert(id.clone()), "unique: {} in {:?}", id, a);
            prop_assert!(!id.is_empty());
            prop_assert!(!id.starts_with('-') && !id.ends_with('-') && !id.contains("--"), "{}", id);
            prop_assert!(id.len() <= 64, "{}", id);
            prop_assert!(id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'), "{}", id);
        }
    }
}

#[test]
fn examples() {
    assert_eq!(slugify("From the Research"), "from-the-research");
    assert_eq!(slugify("  Treatment   Outcomes!! "), "treatment-outcomes");
    assert_eq!(slugify("Über Ärzte"), "uber-arzte");
    assert_eq!(slugify("治療 ✓"), "u6cbbu7642");
    assert_eq!(slugify("—"), "section");
    assert_eq!(
        ids_for(&["A".into(), "a".into(), "A!".into()]),
        vec!["a", "a-2", "a-3"]
    );
}

#[test]
fn seed_ids_come_from_the_data_and_do_not_change_with_audience() {
    let article = evidence_article::load::embedded().expect("seed").article;
    let expected = vec![
        "guidelines",
        "research",
        "research-azathioprine-in-ild-uip",
        "research-treatment-outcomes",
        "research-comparison-with-other-treatments",
        "research-evidence-at-a-glance",
    ];
    for a in Audience::ALL {
        let ids: Vec<String> = viewmodel::build(&article, a)
            .section_defaults()
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(ids, expected, "{a:?}");
    }
}

#[test]
fn derived_ids_nest_under_the_parent() {
    let mut json: serde_json::Value =
        serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("seed");
    json["sections"][1]
        .as_object_mut()
        .expect("obj")
        .remove("id");
    for sub in json["sections"][1]["subsections"]
        .as_array_mut()
        .expect("subs")
    {
        sub.as_object_mut().expect("obj").remove("id");
    }
    let article: evidence_article::model::Article = serde_json::from_value(json).expect("article");
    let ids: Vec<String> = viewmodel::build(&article, Audience::Physician)
        .section_defaults()
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    assert_eq!(ids[1], "from-the-research");
    assert_eq!(ids[2], "from-the-research-azathioprine-in-ild-uip");
    assert_eq!(ids[3], "from-the-research-treatment-outcomes");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The view model's small sort (glossary candidates, cited references) orders like
    /// std's stable sort, equal keys kept in their original order.
    #[test]
    fn sort_small_matches_std_stable_sort(
        items in proptest::collection::vec((0u8..6, any::<u16>()), 0..40)
    ) {
        let mut ours = items.clone();
        viewmodel::sort_small_by_key(&mut ours, |&(k, _)| std::cmp::Reverse(k));
        let mut std_sorted = items;
        std_sorted.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
        prop_assert_eq!(ours, std_sorted);
    }
}
