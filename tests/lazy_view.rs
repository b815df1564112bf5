//! The widget's views build each top-level section when first asked for
//! (`viewmodel::lazy`), in the order a stepped audience switch asks
//! (`state::switch::next_parts`): the result must equal a full build
//! (`viewmodel::build`), on the seed and on a long synthetic article, and building
//! the shell or one section must not build the others.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use evidence_article::model::{Article, Audience, Block, Text};
use evidence_article::state::switch::next_parts;
use evidence_article::viewmodel::{
    build, lazy, ArticleView, BlockView, Node, Prepared, SectionView,
};

fn seed() -> Article {
    serde_json::from_value(common::seed_json()).expect("seed")
}

/// The seed's sections 10 times over (ids and titles repeat, so ids get suffixes),
/// and one paragraph whose professional text cites a source in one group more than
/// its plain text does (so the two registers number their markers differently).
fn synthetic() -> Article {
    let mut a = seed();
    let one = a.sections.clone();
    for _ in 1..10 {
        a.sections.extend(one.iter().cloned());
    }
    let para = a.sections[12..14]
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .find_map(|b| match b {
            Block::Paragraph {
                text: Text::Registers(m),
            } if m.get("professional").is_some_and(|p| p.contains("[@")) => Some(m),
            _ => None,
        })
        .expect("a cited paragraph with registers");
    let prof = para.get_mut("professional").expect("professional");
    let at = prof.find("[@").expect("a citation");
    let group = prof[at..=at + prof[at..].find(']').expect("closed")].to_owned();
    prof.push_str(&format!(" Again {group}."));
    a
}

/// Builds `view`'s parts in the order of a switch made with `visible` on screen:
/// those first, then 10 at a time nearest first; checks that only the sections
/// asked for so far are built.
fn step_through(view: &ArticleView, visible: &[usize]) {
    let n = view.sections.len();
    let mut lagging: Vec<usize> = (0..=n).collect();
    let mut step = next_parts(&lagging, visible, 0);
    let mut asked = 0;
    while !step.is_empty() {
        for &i in &step {
            if i < n {
                assert!(view.sections.get(i).is_some(), "section {i}");
                asked += 1;
                assert_eq!(view.sections.built_count(), asked, "only what was asked");
            } else {
                assert!(!view.references().is_empty());
            }
        }
        lagging.retain(|i| !step.contains(i));
        step = next_parts(&lagging, visible, 10);
    }
    assert_eq!(view.sections.built_count(), n);
}

#[test]
fn sections_built_in_the_order_of_a_stepped_switch_equal_a_full_build() {
    for (name, a) in [("seed", seed()), ("synthetic", synthetic())] {
        let (article, prepared) = (Rc::new(a.clone()), Rc::new(Prepared::new(&a)));
        let n = a.sections.len();
        for aud in Audience::ALL {
            let full = build(&a, aud);
            let view = lazy(article.clone(), prepared.clone(), aud);
            let visible = [n / 2, n / 2 + 1];
            step_through(&view, &visible);
            for i in 0..n {
                assert_eq!(
                    view.sections.get(i),
                    full.sections.get(i),
                    "{name} {aud:?} {i}"
                );
            }
            assert_eq!(view.references(), full.references(), "{name} {aud:?}");
            assert!(view == full, "{name} {aud:?}");
        }
    }
}

#[test]
fn the_shell_ids_and_defaults_build_no_section_and_one_section_builds_only_itself() {
    let a = synthetic();
    let view = lazy(
        Rc::new(a.clone()),
        Rc::new(Prepared::new(&a)),
        Audience::Patient,
    );
    let full = build(&a, Audience::Patient);
    assert_eq!(view.section_defaults(), full.section_defaults());
    let deep = &full.sections[15].subsections;
    let id = deep.first().map_or(&full.sections[15].id, |s| &s.id);
    assert_eq!(view.ancestry(id), full.ancestry(id));
    assert_eq!(view.section_id(17), Some(full.sections[17].id.as_str()));
    assert_eq!(
        (&view.question, &view.disclaimer, view.reference_count),
        (&full.question, &full.disclaimer, full.references().len())
    );
    assert_eq!(view.sections.built_count(), 0);
    assert_eq!(view.sections.get(13), full.sections.get(13));
    assert_eq!(view.sections.built_count(), 1);
}

#[test]
fn the_reference_list_of_a_fresh_view_builds_no_section_and_numbers_as_a_full_build() {
    // The reference list (numbers, where each source is first cited per section, the
    // editor's notes on their occurrences) comes from a pass over the citations, not
    // from every section's view: the same list, and still nothing built.
    for (name, a) in [("seed", seed()), ("synthetic", synthetic())] {
        let (article, prepared) = (Rc::new(a.clone()), Rc::new(Prepared::new(&a)));
        for aud in Audience::ALL {
            let full = build(&a, aud);
            let view = lazy(article.clone(), prepared.clone(), aud);
            // Prepared ahead (a stepped switch, the task before the list's render):
            // built once, the same list.
            assert!(view.prepare_references(), "{name} {aud:?}: built now");
            assert!(!view.prepare_references(), "{name} {aud:?}: built once");
            assert_eq!(view.references(), full.references(), "{name} {aud:?}");
            assert_eq!(view.sections.built_count(), 0, "{name} {aud:?}");
            let cited: usize = view.references().iter().map(|r| r.cited_in.len()).sum();
            let notes: usize = view.references().iter().map(|r| r.notes.len()).sum();
            assert!(
                cited > view.references().len(),
                "{name}: cited in several sections"
            );
            if name == "seed" {
                assert!(notes > 0, "{name} {aud:?}: the seed's notes attach");
            }
            for i in 0..a.sections.len() {
                assert_eq!(view.sections.get(i), full.sections.get(i), "{name} {i}");
            }
        }
    }
}

#[test]
fn section_props_without_a_popover_build_no_section_and_flag_the_same_sections_open() {
    use evidence_article::components::article_section::ArticleSectionProps;
    use evidence_article::components::context::Shared;
    use evidence_article::state::WidgetState;
    let a = synthetic();
    let prepared = Rc::new(Prepared::new(&a));
    let full = build(&a, Audience::Physician);
    // Half the sections open, in no pattern the defaults have.
    let mut defaults = full.section_defaults();
    defaults
        .iter_mut()
        .enumerate()
        .for_each(|(i, d)| d.1 = i % 3 != 1);
    let state = WidgetState::new(Audience::Physician, &defaults);
    let view = Shared(Rc::new(lazy(
        Rc::new(a.clone()),
        prepared,
        Audience::Physician,
    )));
    let labels = Rc::new(Vec::new());
    for i in 0..a.sections.len() {
        let props = ArticleSectionProps::new(&view, i, &state, &labels).expect("a section");
        let mut ids = Vec::new();
        fn walk<'a>(s: &'a SectionView, out: &mut Vec<&'a str>) {
            out.push(&s.id);
            s.subsections.iter().for_each(|x| walk(x, out));
        }
        walk(&full.sections[i], &mut ids);
        let open: Vec<bool> = ids.iter().map(|id| state.open.contains(*id)).collect();
        assert_eq!(props.open, open, "section {i}");
        assert_eq!(props.popover, None);
    }
    assert!(ArticleSectionProps::new(&view, a.sections.len(), &state, &labels).is_none());
    assert_eq!(view.0.sections.built_count(), 0);
}

/// Every node of `s` and its subsections, with the id of the section holding it.
fn walk_nodes(s: &SectionView, f: &mut impl FnMut(&str, &Node)) {
    fn nodes(sid: &str, n: &[Node], f: &mut impl FnMut(&str, &Node)) {
        for x in n {
            f(sid, x);
            if let Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. } = x {
                nodes(sid, c, f);
            }
        }
    }
    for b in &s.blocks {
        match b {
            BlockView::Paragraph(n) => nodes(&s.id, n, f),
            BlockView::List(items) => items.iter().for_each(|n| nodes(&s.id, n, f)),
            BlockView::Findings => {}
        }
    }
    s.subsections.iter().for_each(|x| walk_nodes(x, f));
}

#[test]
fn markers_count_up_from_zero_in_document_order_where_registers_cite_alike() {
    // The seed's registers cite in the same groups: every audience numbers its markers
    // 0, 1, 2… in document order, as a build of the whole article in one pass did.
    let a = seed();
    for aud in Audience::ALL {
        let v = build(&a, aud);
        let occ: Vec<usize> = v.markers().into_iter().map(|(o, _, _)| o).collect();
        assert_eq!(occ, (0..v.marker_count()).collect::<Vec<_>>(), "{aud:?}");
    }
    // Where they do not, markers stay unique and in order for each audience.
    let a = synthetic();
    let count = |aud| build(&a, aud).marker_count();
    assert_eq!(count(Audience::Physician), count(Audience::Patient) + 1);
    for aud in Audience::ALL {
        let v = build(&a, aud);
        let occ: Vec<usize> = v.markers().into_iter().map(|(o, _, _)| o).collect();
        assert!(occ.windows(2).all(|w| w[0] < w[1]), "{aud:?}");
        assert_eq!(occ.len(), v.marker_count(), "{aud:?}");
    }
}

#[test]
fn a_term_mark_has_the_same_id_in_every_audience_and_ids_are_unique() {
    let a = synthetic();
    let marks = |aud: Audience| {
        let v = build(&a, aud);
        let mut out = Vec::new();
        for s in v.sections.iter() {
            walk_nodes(s, &mut |sid, n| {
                if let Node::Term {
                    entry, occurrence, ..
                } = n
                {
                    out.push((sid.to_owned(), *entry, *occurrence));
                }
            });
        }
        out
    };
    let (patient, physician) = (marks(Audience::Patient), marks(Audience::Physician));
    assert!(patient.len() > physician.len() && !physician.is_empty());
    for m in [&patient, &physician] {
        let mut ids: Vec<usize> = m.iter().map(|x| x.2).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), m.len(), "unique");
    }
    // An abbreviation marked for both audiences in the same section has one id.
    let both: Vec<_> = physician
        .iter()
        .filter(|p| patient.iter().any(|x| x.0 == p.0 && x.1 == p.1))
        .collect();
    assert!(!both.is_empty());
    for p in both {
        assert!(patient.contains(p), "{p:?}");
    }
}
