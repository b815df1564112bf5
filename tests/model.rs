//! The article model against the seed: it loads cleanly, survives a serde round
//! trip, numbers its citations in order of first use, formats its five references
//! in AMA style (facts from `tests/fixtures/references.md`), builds links only from
//! verified, well-formed identifiers, and names every citation marker accessibly.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::*;
use evidence_article::model::cite::{self, SourceLink};
use evidence_article::model::{Article, Audience, CslDate, Name, Reference};

fn seed() -> Article {
    serde_json::from_value(seed_json()).expect("seed is an article")
}

fn reference<'a>(a: &'a Article, id: &str) -> &'a Reference {
    a.references
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no reference {id}"))
}

/// Reference ids in citation-number order, as the seed must number them.
const ORDER: [&str; 5] = [
    "acr-chest-2023",
    "oldham-2016",
    "boerner-2020",
    "lombardi-2024",
    "matson-2023",
];

#[test]
fn embedded_article_loads_without_errors_or_warnings() {
    let loaded = evidence_article::load::embedded()
        .unwrap_or_else(|e| panic!("embedded article fails: {:#?}", e.details()));
    assert!(
        loaded.warnings.is_empty(),
        "warnings: {:#?}",
        loaded.warnings
    );
    assert_eq!(loaded.article, seed());
}

/// The widget's start-up skips validating the embedded article (this file's test
/// above validates it): what it gets must be the very article validated here.
#[test]
fn prevalidated_embedded_article_is_the_validated_one() {
    let fast = evidence_article::load::embedded_prevalidated().expect("embedded parses");
    let checked = evidence_article::load::embedded().expect("embedded validates");
    assert_eq!(fast.article, checked.article);
    assert!(fast.warnings.is_empty());
}

#[test]
fn embedded_article_is_the_static_file_stored_compactly() {
    let file = std::fs::read_to_string("static/articles/azathioprine-ild-uip.json").expect("file");
    let embedded = evidence_article::model::EMBEDDED_ARTICLE_JSON;
    let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).expect("JSON");
    assert_eq!(value(embedded), value(&file), "same article");
    assert!(
        embedded.len() * 10 < file.len() * 9,
        "compact: {} of {} bytes",
        embedded.len(),
        file.len()
    );
    assert!(!embedded.contains("\n  "), "no indentation left");
}

#[test]
fn serde_round_trip_is_lossless() {
    let first = seed();
    let json = serde_json::to_string_pretty(&first).expect("serializes");
    let second: Article = serde_json::from_str(&json).expect("parses again");
    assert_eq!(first, second);
    // And the serialized form is itself a valid article.
    let loaded = evidence_article::load::load(&json).expect("round-tripped JSON loads");
    assert_eq!(loaded.article, first);
}

#[test]
fn citations_are_numbered_in_order_of_first_use() {
    let numbers = cite::numbering(&seed());
    assert_eq!(numbers.len(), 5);
    for (i, id) in ORDER.iter().enumerate() {
        assert_eq!(numbers.get(*id), Some(&(i + 1)), "{id}");
    }
}

/// AMA 11th edition journal references, built from references.md: authors as
/// "Family Initials"; more than six authors (or a list known to be truncated) →
/// first three + "et al."; title as verified; abbreviated journal; "Year;Vol(Issue):Pages.";
/// then " doi:…" with no closing period. Unknown fields are left out (Matson's volume
/// and pages); Boerner's unknown end page gives an open range, "628–". Matson's
/// journal is only "likely" and is therefore marked as unconfirmed rather than
/// presented as fact.
const EXPECTED_AMA: [(&str, &str); 5] = [
    (
        "acr-chest-2023",
        "Johnson SR, Bernstein EJ, Bolster MB, et al. 2023 American College of Rheumatology (ACR)/American College of Chest Physicians (CHEST) Guideline for the Treatment of Interstitial Lung Disease in People with Systemic Autoimmune Rheumatic Diseases. Arthritis Care Res (Hoboken). 2024;76(8):1051-1069. doi:10.1002/acr.25348",
    ),
    (
        "oldham-2016",
        "Oldham JM, Lee C, Valenzi E, et al. Azathioprine response in patients with fibrotic connective tissue disease-associated interstitial lung disease. Respir Med. 2016;121:117-122. doi:10.1016/j.rmed.2016.11.007",
    ),
    (
        "boerner-2020",
        "Boerner EB, Cuyas M, Theegarten D, Ohshimo S, Costabel U, Bonella F. Azathioprine for Connective Tissue Disease-Associated Interstitial Lung Disease. Respiration. 2020;99(8):628\u{2013}.",
    ),
    (
        "lombardi-2024",
        "Lombardi F, Stewart I, Fabbri L, et al. Mycophenolate and azathioprine efficacy in interstitial lung disease: a systematic review and meta-analysis. BMJ Open Respir Res. 2024;11(1):e002163. doi:10.1136/bmjresp-2023-002163",
    ),
    (
        "matson-2023",
        "Matson SM, Baqir M, Moua T, et al. Treatment outcomes for rheumatoid arthritis-associated interstitial lung disease: a real-world, multisite study of the impact of immunosuppression on pulmonary function trajectory. Chest (journal unconfirmed). 2023.",
    ),
];

#[test]
fn ama_formatting_of_all_five_references() {
    let a = seed();
    for (id, expected) in EXPECTED_AMA {
        assert_eq!(cite::ama(reference(&a, id)), expected, "{id}");
    }
}

fn bare(id: &str) -> Reference {
    Reference {
        id: id.into(),
        kind: "article-journal".into(),
        title: "A title".into(),
        author: vec![],
        author_list_truncated: false,
        container_title: None,
        container_title_short: None,
        issued: None,
        volume: None,
        issue: None,
        page: None,
        doi: None,
        pmid: None,
        pmcid: None,
        url: None,
        source_kind: None,
        key_finding: None,
        certainty: None,
        findings: vec![],
        likely: BTreeMap::new(),
    }
}

fn names(n: usize) -> Vec<Name> {
    (0..n)
        .map(|i| Name {
            family: format!("Author{i}"),
            given: Some("A. B.".into()),
        })
        .collect()
}

#[test]
fn ama_author_rules() {
    let mut r = bare("x");
    r.author = names(6);
    assert_eq!(
        cite::ama_authors(&r),
        "Author0 AB, Author1 AB, Author2 AB, Author3 AB, Author4 AB, Author5 AB."
    );
    r.author = names(7);
    assert_eq!(
        cite::ama_authors(&r),
        "Author0 AB, Author1 AB, Author2 AB, et al."
    );
    r.author = names(2);
    r.author_list_truncated = true;
    assert_eq!(cite::ama_authors(&r), "Author0 AB, Author1 AB, et al.");
    // Journal article parts: "Journal. Year;Vol(Issue):Pages." then " doi:…".
    let mut r = bare("y");
    r.author = names(1);
    r.container_title = Some("Journal of Things".into());
    r.container_title_short = Some("J Things".into());
    r.issued = Some(CslDate {
        date_parts: vec![vec![2020, 1]],
    });
    r.volume = Some("3".into());
    r.issue = Some("4".into());
    r.page = Some("5-6".into());
    r.doi = Some("10.1/abc".into());
    assert_eq!(
        cite::ama(&r),
        "Author0 AB. A title. J Things. 2020;3(4):5-6. doi:10.1/abc"
    );
}

fn link(label: &'static str, href: &str) -> SourceLink {
    SourceLink {
        label,
        href: href.into(),
    }
}

#[test]
fn seed_links_are_exactly_the_verified_ones() {
    let a = seed();
    let expected: [(&str, Vec<SourceLink>); 5] = [
        (
            "acr-chest-2023",
            vec![link("DOI", "https://doi.org/10.1002/acr.25348")],
        ),
        (
            "oldham-2016",
            vec![
                link("PubMed", "https://pubmed.ncbi.nlm.nih.gov/27888985/"),
                link("PMC", "https://pmc.ncbi.nlm.nih.gov/articles/PMC5134419/"),
                link("DOI", "https://doi.org/10.1016/j.rmed.2016.11.007"),
            ],
        ),
        (
            "boerner-2020",
            vec![link(
                "Publisher",
                "https://karger.com/res/article-abstract/99/8/628/295068/",
            )],
        ),
        (
            "lombardi-2024",
            vec![
                link("PubMed", "https://pubmed.ncbi.nlm.nih.gov/38413120/"),
                link("DOI", "https://doi.org/10.1136/bmjresp-2023-002163"),
            ],
        ),
        (
            "matson-2023",
            vec![link(
                "PMC",
                "https://pmc.ncbi.nlm.nih.gov/articles/PMC10107057/",
            )],
        ),
    ];
    for (id, links) in expected {
        assert_eq!(cite::links(reference(&a, id)), links, "{id}");
    }
    // The "likely" PMID of the guideline is shown as text only.
    assert_eq!(
        cite::unconfirmed_identifiers(reference(&a, "acr-chest-2023")),
        vec!["PMID 38973731 (unconfirmed)"]
    );
}

#[test]
fn likely_fields_never_become_links() {
    let mut r = bare("likely");
    for (k, v) in [
        ("PMID", "27888985"),
        ("PMCID", "PMC5134419"),
        ("DOI", "10.1016/j.rmed.2016.11.007"),
        ("URL", "https://karger.com/x"),
        ("container-title-short", "Chest"),
    ] {
        r.likely.insert(k.into(), v.into());
    }
    assert!(cite::links(&r).is_empty(), "{:?}", cite::links(&r));
}

#[test]
fn missing_or_malformed_identifiers_never_become_links() {
    assert!(cite::links(&bare("none")).is_empty());
    let bad_pmids = [
        "",
        "12a",
        " 123",
        "123 ",
        "-1",
        "1.5",
        "١٢٣",
        "javascript:x",
        "123/../../x",
        "12%2F3",
    ];
    let bad_pmcids = [
        "",
        "PMC",
        "pmc123",
        "PMC12a",
        "PMC 1",
        "123",
        "PMC-1",
        "PMCé",
        "javascript:x",
    ];
    let bad_dois = [
        "",
        "javascript:x",
        "doi:10.1/x",
        "10.",
        "10.1234",
        "10./x",
        "10.1234/",
        "10.1/a b",
        "10.1/a\"onmouseover=\"x",
        "10.1/<script>",
        "10.1/x#frag",
        "10.1/x?q=1",
        "11.1/x",
        " 10.1/x",
    ];
    let bad_urls = [
        "",
        "javascript:alert(1)",
        "JaVa\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "http://insecure.example/x",
        "//example.org/x",
        "/relative",
        "https://",
        "https:///path",
        "https:// example.org",
        "https://exa mple.org/x",
        "https://example.org/\nx",
        "mailto:a@b.c",
    ];
    for p in bad_pmids {
        let mut r = bare("pmid");
        r.pmid = Some(p.into());
        assert!(
            cite::links(&r).is_empty(),
            "PMID {p:?} gave {:?}",
            cite::links(&r)
        );
    }
    for p in bad_pmcids {
        let mut r = bare("pmcid");
        r.pmcid = Some(p.into());
        assert!(
            cite::links(&r).is_empty(),
            "PMCID {p:?} gave {:?}",
            cite::links(&r)
        );
    }
    for d in bad_dois {
        let mut r = bare("doi");
        r.doi = Some(d.into());
        assert!(
            cite::links(&r).is_empty(),
            "DOI {d:?} gave {:?}",
            cite::links(&r)
        );
    }
    for u in bad_urls {
        let mut r = bare("url");
        r.url = Some(u.into());
        assert!(
            cite::links(&r).is_empty(),
            "URL {u:?} gave {:?}",
            cite::links(&r)
        );
    }
    // Well-formed identifiers do produce links.
    let mut r = bare("good");
    r.pmid = Some("1".into());
    r.pmcid = Some("PMC1".into());
    r.doi = Some("10.1000/xyz(1)-2_3.4;5".into());
    r.url = Some("https://example.org/a?b=c".into());
    assert_eq!(
        cite::links(&r),
        vec![
            link("PubMed", "https://pubmed.ncbi.nlm.nih.gov/1/"),
            link("PMC", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1/"),
            link("DOI", "https://doi.org/10.1000/xyz(1)-2_3.4;5"),
            link("Publisher", "https://example.org/a?b=c"),
        ]
    );
}

const EXPECTED_SHORT: [&str; 5] = [
    "Johnson SR et al., Arthritis Care Res (Hoboken) 2024",
    "Oldham JM et al., Respir Med 2016",
    "Boerner EB et al., Respiration 2020",
    "Lombardi F et al., BMJ Open Respir Res 2024",
    // The journal is only "likely": it is not part of the accessible name.
    "Matson SM et al., 2023",
];

#[test]
fn short_labels_of_the_seed() {
    let a = seed();
    for (id, short) in ORDER.iter().zip(EXPECTED_SHORT) {
        assert_eq!(cite::short_label(reference(&a, id)), short, "{id}");
    }
}

#[tokio::test]
async fn every_marker_has_an_accessible_name() {
    let html = render(Audience::Physician).await;
    for (i, short) in EXPECTED_SHORT.iter().enumerate() {
        let label = format!("aria-label=\"Reference {}: {short}\"", i + 1);
        assert!(html.contains(&label), "{label} missing");
    }
    // Every citation button carries such a label (none falls back to a bare number).
    let buttons = html.matches("class=\"ea-cite__btn\"").count();
    let labelled = html.matches("aria-label=\"Reference ").count();
    assert!(buttons > 0);
    assert_eq!(buttons, labelled, "every citation button is labelled");
    assert!(
        !html.contains("aria-label=\"Reference 6"),
        "only five references"
    );
}

/// An unknown end page is written as an open range ("628-") and shown with an en
/// dash, never as a bare start page that reads like a complete one-page locator.
#[test]
fn open_page_ranges_are_shown_as_open() {
    assert_eq!(cite::page_shown("628-"), "628\u{2013}");
    assert_eq!(cite::page_shown("628 \u{2013}"), "628\u{2013}");
    assert_eq!(cite::page_shown("117-122"), "117-122");
    assert_eq!(cite::page_shown("e002163"), "e002163");
    assert_eq!(cite::page_shown("-"), "-");
}
