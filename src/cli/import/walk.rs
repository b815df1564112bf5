//! The event walk behind [`super::body::parse`]: one top-level block at a time,
//! each turned into a section, block or glossary entry, or a problem with its line.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag};

use super::body::{joined, line_at, Blk, Body, Sec, Unit};
use super::divs::FindingsDiv;
use super::Problem;

mod findings;
mod glossary;

type Ev<'a> = (Event<'a>, Range<usize>);

/// Index of the `End` matching the `Start` at `i` (`i` itself for any other event).
pub(super) fn matching_end(events: &[Ev<'_>], i: usize) -> usize {
    if !matches!(events.get(i), Some((Event::Start(_), _))) {
        return i;
    }
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(i) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// The source range spanned by `events` (empty at `fallback` when there are none).
pub(super) fn span(events: &[Ev<'_>], fallback: usize) -> Range<usize> {
    let start = events.iter().map(|(_, r)| r.start).min();
    let end = events.iter().map(|(_, r)| r.end).max();
    match (start, end) {
        (Some(s), Some(e)) => s..e,
        _ => fallback..fallback,
    }
}

fn what(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "a block quote (>)",
        Tag::CodeBlock(_) => "a code block",
        Tag::HtmlBlock => "an HTML block",
        Tag::Table(_) => "a table",
        Tag::FootnoteDefinition(_) => "a footnote",
        Tag::List(Some(_)) => "a numbered list (use - bullets)",
        _ => "this kind of block",
    }
}

pub struct Walker<'s> {
    src: &'s str,
    body: Body,
    /// Path of indices to the section blocks go into (empty: none yet).
    cur: Vec<usize>,
    glossary: bool,
    /// The `::: findings` divs not yet placed, in document order.
    findings: &'s [FindingsDiv],
}

impl<'s> Walker<'s> {
    pub fn new(src: &'s str, findings: &'s [FindingsDiv]) -> Self {
        Walker {
            src,
            body: Body::default(),
            cur: Vec::new(),
            glossary: false,
            findings,
        }
    }

    pub(super) fn problem(&mut self, offset: usize, message: impl Into<String>) {
        let line = line_at(self.src, offset);
        self.body.problems.push(Problem::new(line, message));
    }

    pub(super) fn unit(
        &mut self,
        range: Range<usize>,
        line_from: usize,
        translatable: bool,
    ) -> usize {
        self.body.units.push(Unit {
            text: joined(self.src, range.clone()),
            line: line_at(self.src, line_from),
            end: range.end,
            translatable,
            plain: None,
        });
        self.body.units.len() - 1
    }

    fn section(&mut self) -> Option<&mut Sec> {
        let (first, rest) = self.cur.split_first()?;
        let mut s = self.body.sections.get_mut(*first)?;
        for &i in rest {
            s = s.subsections.get_mut(i)?;
        }
        Some(s)
    }

    pub fn run(mut self, events: &[Ev<'_>]) -> Body {
        let mut i = 0;
        while i < events.len() {
            let (event, range) = &events[i];
            self.findings_before(range);
            match event {
                Event::Start(tag) => {
                    let j = matching_end(events, i);
                    let inner = &events[i + 1..j];
                    match tag {
                        Tag::Heading { level, id, classes, attrs } => {
                            let attrs_ok = attrs.is_empty()
                                && classes.iter().all(|c| c.as_ref() == "collapsed");
                            if !attrs_ok {
                                self.problem(range.start, "a heading takes only {#id} and {.collapsed}");
                            }
                            let collapsed = !classes.is_empty();
                            self.heading(*level, id.as_deref(), collapsed, inner, range.start);
                        }
                        Tag::Paragraph => self.paragraph(inner, range.start),
                        Tag::List(None) => self.list(inner, range.start),
                        Tag::DefinitionList => self.definitions(inner, range.start),
                        other => {
                            let what = what(other);
                            self.problem(range.start, format!("{what} is not part of the article format: use headings, paragraphs and - lists"));
                        }
                    }
                    i = j + 1;
                    continue;
                }
                Event::Rule => self.problem(range.start, "a horizontal rule (---) is not part of the article format (front matter goes at the very top)"),
                Event::Html(_) | Event::DisplayMath(_) => self.problem(range.start, "HTML is not part of the article format"),
                _ => {}
            }
            i += 1;
        }
        self.findings_before(&(usize::MAX..usize::MAX));
        self.body
    }

    fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<&str>,
        collapsed: bool,
        inner: &[Ev<'_>],
        at: usize,
    ) {
        let depth = level as usize;
        let range = span(inner, at);
        let title = joined(self.src, range.clone());
        if depth == 1 && title.eq_ignore_ascii_case("glossary") {
            self.glossary = true;
            self.cur.clear();
            return;
        }
        if self.glossary && depth > 1 {
            self.problem(
                at,
                "the glossary has no subsections: end it with a # heading",
            );
            return;
        }
        self.glossary = false;
        if depth > 3 {
            self.problem(at, "sections nest at most 3 levels deep (#, ##, ###)");
            return;
        }
        if depth > self.cur.len() + 1 {
            let want = "#".repeat(self.cur.len() + 1);
            self.problem(
                at,
                format!("this heading skips a level: the next heading here is {want}"),
            );
            return;
        }
        let title = self.unit(range, at, true);
        let sec = Sec {
            id: id.map(str::to_owned),
            collapsed,
            title,
            ..Sec::default()
        };
        self.cur.truncate(depth - 1);
        let list = match self.section() {
            Some(parent) => &mut parent.subsections,
            None => &mut self.body.sections,
        };
        list.push(sec);
        let index = list.len() - 1;
        self.cur.push(index);
    }

    pub(super) fn block(&mut self, at: usize, blk: Blk) {
        if self.glossary {
            self.problem(
                at,
                "under # Glossary only a definition list (Term, then : definition) is read",
            );
        } else if let Some(s) = self.section() {
            s.blocks.push(blk);
        } else {
            self.problem(
                at,
                "text before the first heading: start a section with # Title",
            );
        }
    }

    fn paragraph(&mut self, inner: &[Ev<'_>], at: usize) {
        let unit = self.unit(span(inner, at), at, true);
        self.block(at, Blk::Para(unit));
    }

    fn list(&mut self, inner: &[Ev<'_>], at: usize) {
        let mut items = Vec::new();
        let mut k = 0;
        while k < inner.len() {
            let end = matching_end(inner, k);
            if let (Event::Start(Tag::Item), r) = &inner[k] {
                let content = &inner[k + 1..end];
                let paragraphs = content
                    .iter()
                    .filter(|(e, _)| matches!(e, Event::Start(Tag::Paragraph)))
                    .count();
                let nested = content.iter().find(|(e, _)| matches!(e, Event::Start(t) if !matches!(t, Tag::Paragraph | Tag::Emphasis | Tag::Strong | Tag::Link { .. })));
                if let Some((_, nr)) = nested {
                    self.problem(nr.start, "a list item holds one paragraph of text (lists do not nest, and other blocks do not go in items)");
                } else if paragraphs > 1 {
                    self.problem(r.start, "a list item holds one paragraph of text: put its plain version in a ::: plain div");
                }
                items.push(self.unit(span(content, r.start), r.start, true));
            }
            k = end + 1;
        }
        self.block(at, Blk::List(line_at(self.src, at), items));
    }
}
