//! The glossary part of the walk: under `# Glossary`, a definition list whose
//! terms (`Term` or `Term (expansion)`) each have one definition.

use pulldown_cmark::{Event, Tag};

use super::{matching_end, span, Ev, Walker};
use crate::cli::import::body::{joined, line_at, term_and_expansion, Term};

impl Walker<'_> {
    pub(super) fn definitions(&mut self, inner: &[Ev<'_>], at: usize) {
        if !self.glossary {
            self.problem(
                at,
                "a definition list is read as the glossary: put it under a heading # Glossary",
            );
            return;
        }
        let mut k = 0;
        let mut pending: Option<(String, Option<String>, usize, bool)> = None;
        while k < inner.len() {
            let end = matching_end(inner, k);
            let (event, r) = &inner[k];
            let content = &inner[k + 1..end.max(k + 1)];
            match event {
                Event::Start(Tag::DefinitionListTitle) => {
                    self.finish_term(&mut pending);
                    let (term, expansion) =
                        term_and_expansion(&joined(self.src, span(content, r.start)));
                    pending = Some((term, expansion, r.start, false));
                }
                Event::Start(Tag::DefinitionListDefinition) => {
                    let text = joined(self.src, span(content, r.start));
                    let text = text.trim_start_matches(':').trim().to_owned();
                    match pending.as_mut() {
                        Some((_, _, _, true)) => {
                            self.problem(r.start, "a glossary term has one definition")
                        }
                        Some((term, expansion, line, done)) => {
                            *done = true;
                            let unit = self.unit(r.clone(), r.start, false);
                            let _ = unit;
                            self.body.glossary.push(Term {
                                term: term.clone(),
                                expansion: expansion.clone(),
                                definition: text,
                                line: line_at(self.src, *line),
                            });
                        }
                        None => self.problem(r.start, "a definition without a term"),
                    }
                }
                _ => {}
            }
            k = end + 1;
        }
        self.finish_term(&mut pending);
    }

    fn finish_term(&mut self, pending: &mut Option<(String, Option<String>, usize, bool)>) {
        if let Some((term, _, at, false)) = pending.take() {
            self.problem(at, format!("the glossary term \"{term}\" has no definition: write it on the next line after \": \""));
        }
    }
}
