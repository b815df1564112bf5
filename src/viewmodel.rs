//! The view model: an article resolved for one audience, computed once per
//! (article, audience) rather than in every render. Text is picked through the
//! audience's register chain, citation keys become numbers, glossary terms are
//! marked and abbreviations expanded where the audience needs it. Pure Rust: the
//! components only walk this tree.

use std::collections::{HashMap, HashSet};

use crate::chart::FindingView;
use crate::model::cite::{self, SourceLink};
use crate::model::inline::{self, Inline};
use crate::model::notes;
use crate::model::slug::IdAllocator;
use crate::model::text::{PLAIN, PROFESSIONAL};
use crate::model::{Article, Audience, Block, GlossaryEntry, ReviewStatus, Section, Text};

/// Rendered inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Literal text.
    Text(String),
    /// Strong emphasis.
    Strong(Vec<Node>),
    /// Emphasis.
    Emph(Vec<Node>),
    /// A link whose target passed the scheme check.
    Link {
        /// Target.
        href: String,
        /// Link text.
        children: Vec<Node>,
    },
    /// A citation group.
    Cite {
        /// Citation numbers in the author's order.
        numbers: Vec<usize>,
        /// Index of this marker among all markers of the view (for ids).
        occurrence: usize,
    },
    /// A glossary term that opens its definition.
    Term {
        /// Index into [`ArticleView::glossary`].
        entry: usize,
        /// The text as written.
        text: String,
        /// Index of this term mark among all marks of the view (for ids).
        occurrence: usize,
        /// Opening punctuation glued to the term ("(" in "(SARD)"), kept with it so
        /// a line never breaks between them.
        lead: String,
    },
    /// An abbreviation's expansion inserted after its first use in a section.
    Expansion(String),
}

/// A content block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockView {
    /// Paragraph.
    Paragraph(Vec<Node>),
    /// Bulleted list.
    List(Vec<Vec<Node>>),
    /// The charts of every reference's findings ("Evidence at a glance"); the
    /// component reads them from [`ArticleView::references`].
    Findings,
}

/// A section resolved for the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView {
    /// Stable, unique id (deep links, share state).
    pub id: String,
    /// Heading text.
    pub title: String,
    /// Heading level (2 for sections, 3 for subsections…).
    pub level: u8,
    /// Open unless the data says collapsed.
    pub initially_open: bool,
    /// Blocks.
    pub blocks: Vec<BlockView>,
    /// Subsections.
    pub subsections: Vec<SectionView>,
    /// Citation-marker occurrences inside this section and its subsections
    /// (contiguous, because markers are numbered in document order).
    pub markers: std::ops::Range<usize>,
}

/// A reference as shown in popovers and the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefView {
    /// Citation number.
    pub number: usize,
    /// Reference id.
    pub id: String,
    /// Full AMA citation.
    pub ama: String,
    /// "Oldham JM et al., Respir Med 2016".
    pub short: String,
    /// Title of the work.
    pub title: String,
    /// Kind of source.
    pub source_kind: Option<String>,
    /// What the source found, in the audience's register.
    pub key_finding: Option<String>,
    /// Certainty or recommendation strength, in the audience's register.
    pub certainty: Option<String>,
    /// Whether the audience reads plain language (labels follow suit).
    pub plain: bool,
    /// Editor's notes on occurrences of this citation, in document order.
    pub notes: Vec<NoteView>,
    /// The editor's note on the occurrence a popover was opened from
    /// (see [`ArticleView::reference_at`]).
    pub note_here: Option<String>,
    /// Links from verified identifiers.
    pub links: Vec<SourceLink>,
    /// Second-hand identifiers, as text.
    pub unconfirmed: Vec<String>,
    /// Where it is cited: (marker occurrence, section title), first marker per section.
    pub cited_in: Vec<(usize, String)>,
    /// Structured findings, resolved for the audience (each drawn as a chart).
    pub findings: Vec<FindingView>,
}

/// An editor's note on one citation occurrence, resolved for the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteView {
    /// Marker occurrence the note is attached to.
    pub occurrence: usize,
    /// Citation number of the source.
    pub number: usize,
    /// Title of the section holding the marker.
    pub section_title: String,
    /// The note.
    pub text: String,
}

/// A glossary entry as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermView {
    /// The term.
    pub term: String,
    /// Full form for abbreviations.
    pub expansion: Option<String>,
    /// Plain definition.
    pub definition: String,
}

/// The whole article for one audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleView {
    /// Article id.
    pub id: String,
    /// Language tag.
    pub lang: String,
    /// Audience this view is for.
    pub audience: Audience,
    /// The question.
    pub question: String,
    /// The question in professional wording (for share titles, follow-up events).
    pub question_professional: String,
    /// Publisher name.
    pub publisher: String,
    /// Review status.
    pub status: ReviewStatus,
    /// Reviewing body.
    pub board: Option<String>,
    /// Reviewing body's statement.
    pub statement: Option<String>,
    /// ISO date.
    pub last_updated: String,
    /// Human date, e.g. "May 30, 2025" (the browser re-formats it for the reader's
    /// locale after the first render).
    pub last_updated_display: String,
    /// Months after `last_updated` when the article is due for review.
    pub review_interval_months: u32,
    /// Whether the audience reads plain language.
    pub plain: bool,
    /// Whether any citation carries an editor's note.
    pub has_notes: bool,
    /// Editorial policy link (scheme-checked).
    pub editorial_policy: Option<String>,
    /// Sections.
    pub sections: Vec<SectionView>,
    /// References in number order.
    pub references: Vec<RefView>,
    /// Glossary.
    pub glossary: Vec<TermView>,
    /// Disclaimer heading.
    pub disclaimer_title: String,
    /// Disclaimer text.
    pub disclaimer: Vec<Node>,
    /// Follow-up prompt.
    pub follow_up: String,
    /// Number of citation markers (occurrences).
    pub marker_count: usize,
}

impl ArticleView {
    /// Every section id in document order, with its default open state.
    pub fn section_defaults(&self) -> Vec<(String, bool)> {
        fn walk(s: &[SectionView], out: &mut Vec<(String, bool)>) {
            for x in s {
                out.push((x.id.clone(), x.initially_open));
                walk(&x.subsections, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// Ids of a section and its ancestors, outermost first (for deep links).
    pub fn ancestry(&self, id: &str) -> Option<Vec<String>> {
        fn walk(s: &[SectionView], id: &str, path: &mut Vec<String>) -> bool {
            for x in s {
                path.push(x.id.clone());
                if x.id == id || walk(&x.subsections, id, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        let mut path = Vec::new();
        walk(&self.sections, id, &mut path).then_some(path)
    }

    /// Reference by citation number.
    pub fn reference(&self, number: usize) -> Option<&RefView> {
        self.references.get(number.checked_sub(1)?)
    }

    /// Reference by citation number as seen from one marker occurrence: with the
    /// editor's note on that occurrence, if any.
    pub fn reference_at(&self, number: usize, marker: usize) -> Option<RefView> {
        let mut r = self.reference(number)?.clone();
        r.note_here = r
            .notes
            .iter()
            .find(|n| n.occurrence == marker)
            .map(|n| n.text.clone());
        Some(r)
    }

    /// Section id holding each marker occurrence, and the numbers it cites.
    pub fn markers(&self) -> Vec<(usize, String, Vec<usize>)> {
        let mut out = Vec::new();
        fn nodes(n: &[Node], sid: &str, out: &mut Vec<(usize, String, Vec<usize>)>) {
            for x in n {
                match x {
                    Node::Cite {
                        numbers,
                        occurrence,
                    } => out.push((*occurrence, sid.to_owned(), numbers.clone())),
                    Node::Strong(c) | Node::Emph(c) | Node::Link { children: c, .. } => {
                        nodes(c, sid, out)
                    }
                    _ => {}
                }
            }
        }
        fn walk(s: &[SectionView], out: &mut Vec<(usize, String, Vec<usize>)>) {
            for x in s {
                for b in &x.blocks {
                    match b {
                        BlockView::Paragraph(n) => nodes(n, &x.id, out),
                        BlockView::List(items) => items.iter().for_each(|n| nodes(n, &x.id, out)),
                        BlockView::Findings => {}
                    }
                }
                walk(&x.subsections, out);
            }
        }
        walk(&self.sections, &mut out);
        out
    }

    /// First marker occurrence citing `number`.
    pub fn first_marker_for(&self, number: usize) -> Option<usize> {
        self.markers()
            .into_iter()
            .find(|(_, _, n)| n.contains(&number))
            .map(|(o, _, _)| o)
    }
}

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

struct Builder<'a> {
    chain: Vec<String>,
    audience: Audience,
    publisher: &'a str,
    numbers: &'a HashMap<String, usize>,
    glossary: &'a [GlossaryEntry],
    /// Glossary indexes marked for this audience, longest term first.
    candidates: Vec<usize>,
    /// Every glossary term folded to ASCII lower case (same index as the glossary).
    folded: Vec<String>,
    markers: usize,
    terms: usize,
    ids: IdAllocator,
    cited_in: HashMap<usize, Vec<(usize, String)>>,
    /// Content block being built (document order), if any.
    block: Option<usize>,
    /// Blocks started so far.
    blocks: usize,
    /// Citation groups per key seen so far in the current block.
    block_cites: HashMap<String, usize>,
    /// (block, key, nth group citing key) → resolved note text.
    note_at: HashMap<(usize, String, usize), String>,
    /// Notes attached so far, per citation number.
    notes: HashMap<usize, Vec<NoteView>>,
}

/// Per-section marking state: terms already marked and text read so far.
#[derive(Default)]
struct SectionScope {
    used: HashSet<usize>,
    seen_lower: String,
    title: String,
    cited: HashSet<usize>,
}

impl Builder<'_> {
    fn resolve(&self, t: &Text) -> String {
        t.resolve(&self.chain)
            .replace("{publisher}", self.publisher)
    }

    fn inline(&mut self, src: &str, scope: Option<&mut SectionScope>) -> Vec<Node> {
        let tree = inline::parse(src);
        let mut scope = scope;
        self.nodes(&tree, &mut scope)
    }

    fn nodes(&mut self, tree: &[Inline], scope: &mut Option<&mut SectionScope>) -> Vec<Node> {
        let mut out = Vec::new();
        for n in tree {
            match n {
                Inline::Text(t) => match scope.as_deref_mut() {
                    Some(sc) => self.mark_terms(t, sc, &mut out),
                    None => out.push(Node::Text(t.clone())),
                },
                Inline::Strong(c) => out.push(Node::Strong(self.nodes(c, scope))),
                Inline::Emph(c) => out.push(Node::Emph(self.nodes(c, scope))),
                Inline::Link { href, children } => {
                    let children = self.nodes(children, &mut None);
                    if crate::model::validate::safe_href(href) {
                        out.push(Node::Link {
                            href: href.clone(),
                            children,
                        });
                    } else {
                        out.extend(children);
                    }
                }
                Inline::Cite(keys) => {
                    let numbers: Vec<usize> = keys
                        .iter()
                        .filter_map(|k| self.numbers.get(k).copied())
                        .collect();
                    if numbers.is_empty() {
                        continue;
                    }
                    let occurrence = self.markers;
                    self.markers += 1;
                    if let Some(block) = self.block {
                        for k in keys {
                            let nth = self.block_cites.entry(k.clone()).or_default();
                            let note = self.note_at.get(&(block, k.clone(), *nth)).cloned();
                            *nth += 1;
                            if let (Some(text), Some(&number)) = (note, self.numbers.get(k)) {
                                self.notes.entry(number).or_default().push(NoteView {
                                    occurrence,
                                    number,
                                    section_title: scope
                                        .as_deref()
                                        .map(|sc| sc.title.clone())
                                        .unwrap_or_default(),
                                    text,
                                });
                            }
                        }
                    }
                    if let Some(sc) = scope.as_deref_mut() {
                        for &num in &numbers {
                            if sc.cited.insert(num) {
                                self.cited_in
                                    .entry(num)
                                    .or_default()
                                    .push((occurrence, sc.title.clone()));
                            }
                        }
                    }
                    out.push(Node::Cite {
                        numbers,
                        occurrence,
                    });
                }
            }
        }
        out
    }

    fn mark_terms(&mut self, text: &str, sc: &mut SectionScope, out: &mut Vec<Node>) {
        // Folded once per text (ASCII folding keeps byte offsets), and each candidate's
        // next match remembered until the marking passes it: the text is searched once
        // per candidate, not once per candidate per mark.
        let lower = text.to_ascii_lowercase();
        let mut next: Vec<Option<Option<(usize, usize)>>> = vec![None; self.candidates.len()];
        let mut at = 0;
        loop {
            let mut best: Option<(usize, usize, usize)> = None; // (pos, len, entry)
            for (ci, &e) in self.candidates.iter().enumerate() {
                if sc.used.contains(&e) {
                    continue;
                }
                let found = match next[ci] {
                    Some(Some((p, l))) if p >= at => Some((p, l)),
                    Some(None) => None,
                    _ => {
                        let entry = &self.glossary[e];
                        let f = if entry.is_abbreviation() {
                            find_word(text, at, &entry.term)
                        } else {
                            find_word(&lower, at, &self.folded[e])
                        };
                        next[ci] = Some(f);
                        f
                    }
                };
                if let Some((pos, len)) = found {
                    let better = match best {
                        None => true,
                        Some((bp, bl, _)) => pos < bp || (pos == bp && len > bl),
                    };
                    if better {
                        best = Some((pos, len, e));
                    }
                }
            }
            let Some((pos, len, e)) = best else { break };
            let rest = &text[at..];
            let (pos, after) = (pos - at, pos + len - at);
            let mut before = &rest[..pos];
            let lead = match before.chars().next_back() {
                Some(c) if "([{\u{201c}\u{2018}\"'".contains(c) => {
                    before = &before[..before.len() - c.len_utf8()];
                    c.to_string()
                }
                _ => String::new(),
            };
            if !before.is_empty() {
                out.push(Node::Text(before.to_owned()));
            }
            let (lower_rest, lead_len) = (&lower[at..], lead.len());
            sc.seen_lower.push_str(&lower_rest[..pos - lead_len]);
            sc.seen_lower.push_str(&lead);
            let matched = &rest[pos..after];
            let occurrence = self.terms;
            self.terms += 1;
            out.push(Node::Term {
                entry: e,
                text: matched.to_owned(),
                occurrence,
                lead,
            });
            sc.used.insert(e);
            let entry = &self.glossary[e];
            if let Some(exp) = &entry.expansion {
                let exp = exp.to_ascii_lowercase();
                let already = sc.seen_lower.contains(&exp)
                    || lower_rest[after..]
                        .trim_start()
                        .strip_prefix('(')
                        .is_some_and(|r| r.starts_with(&exp));
                if self.audience.expands_abbreviations() && !already {
                    out.push(Node::Expansion(format!(
                        " ({})",
                        entry.expansion.as_deref().unwrap_or_default()
                    )));
                }
            }
            sc.seen_lower.push_str(&lower_rest[pos..after]);
            at += after;
        }
        let rest = &text[at..];
        if !rest.is_empty() {
            sc.seen_lower.push_str(&lower[at..]);
            out.push(Node::Text(rest.to_owned()));
        }
    }

    /// One content block (paragraph or list item), numbered in document order so
    /// editor's notes find their citation occurrence.
    fn block_text(&mut self, text: &Text, scope: &mut SectionScope) -> Vec<Node> {
        let src = self.resolve(text);
        self.block = Some(self.blocks);
        self.blocks += 1;
        self.block_cites.clear();
        let nodes = self.inline(&src, Some(scope));
        self.block = None;
        nodes
    }

    fn section(&mut self, s: &Section, level: u8, parent: Option<&str>) -> SectionView {
        let title = self.resolve(&s.title);
        let base = match (&s.id, parent) {
            (Some(id), _) => id.clone(),
            (None, Some(p)) => format!("{p}-{}", s.title.professional()),
            (None, None) => s.title.professional().to_owned(),
        };
        let id = self.ids.unique(&base);
        let first_marker = self.markers;
        let mut scope = SectionScope {
            title: title.clone(),
            ..Default::default()
        };
        let blocks = s
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => {
                    BlockView::Paragraph(self.block_text(text, &mut scope))
                }
                Block::List { items } => BlockView::List(
                    items
                        .iter()
                        .map(|i| self.block_text(&i.text, &mut scope))
                        .collect(),
                ),
                Block::Findings => BlockView::Findings,
            })
            .collect();
        let subsections = s
            .subsections
            .iter()
            .map(|x| self.section(x, level.saturating_add(1).min(6), Some(&id)))
            .collect();
        SectionView {
            id,
            title,
            level,
            initially_open: !s.collapsed,
            blocks,
            subsections,
            markers: first_marker..self.markers,
        }
    }
}

/// Whole-word search for `needle` in `hay` from byte `from` on (a match at `from`
/// counts as starting at a boundary): the caller folds both to lower case for a
/// word term and leaves an abbreviation as written (case-sensitive). Neighbours must
/// not be letters, digits or hyphens (so "ILD" is not found inside "RP-ILD").
/// Returns the match's byte position in `hay` and its length.
fn find_word(hay: &str, from: usize, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let start = from;
    let mut from = from;
    while let Some(p) = hay.get(from..)?.find(needle) {
        let pos = from + p;
        if (pos == start || boundary(hay[..pos].chars().next_back()))
            && boundary(hay[pos + needle.len()..].chars().next())
        {
            return Some((pos, needle.len()));
        }
        from = pos + step;
    }
    None
}

/// What every audience's view of one article shares: citation numbers and where
/// each editor's note attaches. Computed once per article, so switching audience
/// does not parse the professional text again for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    numbers: HashMap<String, usize>,
    /// Per editor's note (same index): its anchor, if it attaches.
    anchors: Vec<Option<notes::NoteAnchor>>,
}

impl Prepared {
    /// Numbers the citations and locates the editor's notes of `article`.
    pub fn new(article: &Article) -> Self {
        let locator = (!article.editor_notes.is_empty()).then(|| notes::Locator::new(article));
        Self {
            numbers: cite::numbering(article),
            anchors: article
                .editor_notes
                .iter()
                .map(|n| locator.as_ref()?.locate(&n.source, &n.sentence).ok())
                .collect(),
        }
    }
}

/// Builds the view of `article` for `audience`. The article must have passed
/// validation; anything still odd degrades to text rather than failing.
pub fn build(article: &Article, audience: Audience) -> ArticleView {
    build_prepared(article, &Prepared::new(article), audience)
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

/// [`build`] with the audience-independent part computed already (`prepared` must
/// come from the same article).
pub fn build_prepared(article: &Article, prepared: &Prepared, audience: Audience) -> ArticleView {
    let chain = article
        .audiences
        .get(audience.id())
        .cloned()
        .unwrap_or_else(|| vec![PROFESSIONAL.to_owned()]);
    let mut candidates: Vec<usize> = (0..article.glossary.len())
        .filter(|&i| audience.marks_all_terms() || article.glossary[i].is_abbreviation())
        .collect();
    sort_small_by_key(&mut candidates, |&i| {
        std::cmp::Reverse(article.glossary[i].term.len())
    });
    let plain = chain.first().is_some_and(|r| r == PLAIN);
    let note_at = article
        .editor_notes
        .iter()
        .zip(&prepared.anchors)
        .filter_map(|(n, a)| {
            let a = (*a)?;
            Some((
                (a.block, n.source.clone(), a.nth),
                n.note.resolve(&chain).to_owned(),
            ))
        })
        .collect();
    let mut b = Builder {
        chain,
        audience,
        publisher: &article.publisher.name,
        numbers: &prepared.numbers,
        glossary: &article.glossary,
        candidates,
        folded: article
            .glossary
            .iter()
            .map(|g| g.term.to_ascii_lowercase())
            .collect(),
        markers: 0,
        terms: 0,
        ids: IdAllocator::default(),
        cited_in: HashMap::new(),
        block: None,
        blocks: 0,
        block_cites: HashMap::new(),
        note_at,
        notes: HashMap::new(),
    };
    let sections: Vec<SectionView> = article
        .sections
        .iter()
        .map(|s| b.section(s, 2, None))
        .collect();
    let mut refs: Vec<(usize, &crate::model::Reference)> = article
        .references
        .iter()
        .filter_map(|r| b.numbers.get(&r.id).map(|&n| (n, r)))
        .collect();
    sort_small_by_key(&mut refs, |(n, _)| *n);
    let references = refs
        .into_iter()
        .map(|(number, r)| RefView {
            number,
            id: r.id.clone(),
            ama: cite::ama(r),
            short: cite::short_label(r),
            title: r.title.clone(),
            source_kind: r.source_kind.clone(),
            key_finding: r.key_finding.as_ref().map(|t| b.resolve(t)),
            certainty: r.certainty.as_ref().map(|t| b.resolve(t)),
            plain,
            notes: b.notes.remove(&number).unwrap_or_default(),
            note_here: None,
            links: cite::links(r),
            unconfirmed: cite::unconfirmed_identifiers(r),
            cited_in: b.cited_in.remove(&number).unwrap_or_default(),
            findings: r
                .findings
                .iter()
                .filter_map(|f| FindingView::new(f, &b.chain, plain))
                .collect(),
        })
        .collect();
    let disclaimer_src = b.resolve(&article.disclaimer.text);
    let disclaimer = b.inline(&disclaimer_src, None);
    ArticleView {
        id: article.id.clone(),
        lang: article.lang.clone().unwrap_or_else(|| "en".into()),
        audience,
        question: b.resolve(&article.question),
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
        plain,
        has_notes: !article.editor_notes.is_empty(),
        editorial_policy: article
            .editorial_policy
            .clone()
            .filter(|p| crate::model::validate::safe_href(p)),
        sections,
        references,
        glossary: article
            .glossary
            .iter()
            .map(|g| TermView {
                term: g.term.clone(),
                expansion: g.expansion.clone(),
                definition: g.definition.clone(),
            })
            .collect(),
        disclaimer_title: b.resolve(&article.disclaimer.title),
        disclaimer,
        follow_up: b.resolve(&article.follow_up.prompt),
        marker_count: b.markers,
    }
}
