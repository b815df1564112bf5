//! Raw article text → `load` (limits, JSON, shape, validation) → view model for every
//! audience. No input may panic; a loaded article must give a consistent view (every
//! citation number resolves, marker occurrences are unique and counted, every section
//! has an ancestry ending in itself); a refused one must have a message for readers.
#![no_main]

use evidence_article::load;
use evidence_article::model::Audience;
use evidence_article::viewmodel;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    match load::load(raw) {
        Ok(loaded) => {
            for audience in Audience::ALL {
                let view = viewmodel::build(&loaded.article, audience);
                let markers = view.markers();
                assert_eq!(markers.len(), view.marker_count, "marker count");
                let mut seen = std::collections::HashSet::new();
                for (occurrence, section, numbers) in &markers {
                    assert!(
                        seen.insert(*occurrence),
                        "marker occurrence {occurrence} twice"
                    );
                    assert!(
                        view.ancestry(section).is_some(),
                        "marker in unknown section {section}"
                    );
                    for n in numbers {
                        assert!(
                            view.reference(*n).is_some(),
                            "citation {n} has no reference"
                        );
                        assert!(view.reference_at(*n, *occurrence).is_some());
                    }
                }
                let mut ids = std::collections::HashSet::new();
                for (id, _) in view.section_defaults() {
                    assert!(ids.insert(id.clone()), "section id {id} twice");
                    let path = view.ancestry(&id).expect("ancestry of a listed section");
                    assert_eq!(path.last(), Some(&id));
                }
            }
        }
        Err(e) => {
            assert!(!e.summary().is_empty(), "a refusal without a message");
            let _ = e.details();
        }
    }
});
