//! The model types read field by field, in the order they are declared, with the
//! names, defaults and optionality of their serde attributes (`rename_all =
//! "kebab-case"`, `rename`, `default`; no type denies unknown fields).

use super::{
    boolean, error, i64, list, map, string, text, u32, JsonValue, Object, Path, Problem, Read,
};
use crate::model::finding::{Decimal, Finding, Group, Interval};
use crate::model::{
    Article, Block, CslDate, Disclaimer, EditorNote, FollowUp, GlossaryEntry, ListItem, Name,
    Publisher, Reference, Review, Section,
};

/// Reads a whole article from a parsed JSON document.
pub fn article<V: JsonValue>(v: &V) -> Read<Article> {
    let o = Object::new(v, &Path::Root, "struct Article")?;
    o.finish(Article {
        format: o.required("format", string),
        id: o.required("id", string),
        lang: o.optional("lang", string),
        question: o.required("question", text),
        publisher: o.required("publisher", publisher),
        review: o.required("review", review),
        last_updated: o.required("last-updated", string),
        review_interval_months: o.optional("review-interval-months", u32),
        editorial_policy: o.optional("editorial-policy", string),
        audiences: o.or_default("audiences", |v, at| map(v, at, strings)),
        sections: o.required("sections", sections),
        glossary: o.or_default("glossary", |v, at| list(v, at, glossary_entry)),
        references: o.required("references", |v, at| list(v, at, reference)),
        editor_notes: o.or_default("editor-notes", |v, at| list(v, at, editor_note)),
        disclaimer: o.required("disclaimer", disclaimer),
        follow_up: o.required("follow-up", follow_up),
    })
}

fn strings<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Vec<String>> {
    list(v, at, string)
}

fn publisher<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Publisher> {
    let o = Object::new(v, at, "struct Publisher")?;
    o.finish(Publisher {
        name: o.required("name", string),
    })
}

fn review<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Review> {
    let o = Object::new(v, at, "struct Review")?;
    o.finish(Review {
        status: o.required("status", string),
        board: o.optional("board", string),
        statement: o.optional("statement", string),
    })
}

fn sections<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Vec<Section>> {
    list(v, at, section)
}

/// A section; subsections recurse, bounded by the depth of the path (the limits
/// refuse deeper documents before any parser sees them; this keeps a direct caller
/// from exhausting the stack too).
fn section<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Section> {
    if at.depth() > crate::model::limits::MAX_DEPTH {
        return Err(error(at, Problem::TooDeep));
    }
    let o = Object::new(v, at, "struct Section")?;
    o.finish(Section {
        id: o.optional("id", string),
        title: o.required("title", text),
        collapsed: o.or_default("collapsed", boolean),
        blocks: o.or_default("blocks", |v, at| list(v, at, block)),
        subsections: o.or_default("subsections", sections),
    })
}

/// The `type` of a block, as `Block`'s hand-written `Deserialize` reads it.
#[derive(Clone, Copy, Default)]
enum BlockKind {
    Paragraph,
    List,
    #[default]
    Findings,
}

fn block_kind<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<BlockKind> {
    let Some(s) = v.string() else {
        return Err(super::invalid(v, at, "variant identifier"));
    };
    match s.as_str() {
        "paragraph" => Ok(BlockKind::Paragraph),
        "list" => Ok(BlockKind::List),
        "findings" => Ok(BlockKind::Findings),
        _ => Err(error(at, Problem::UnknownBlockType(s))),
    }
}

/// A block: its `type`, then `text` and `items` whenever present (serde reads both
/// for every kind), then the one its kind needs.
fn block<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Block> {
    let o = Object::new(v, at, "struct Block")?;
    let kind = o.required("type", block_kind);
    let text = o.optional("text", text);
    let items = o.optional("items", |v, at| list(v, at, list_item));
    let block = match (kind, text, items) {
        (BlockKind::Paragraph, Some(text), _) => Block::Paragraph { text },
        (BlockKind::List, _, Some(items)) => Block::List { items },
        (BlockKind::Findings, _, _) => Block::Findings,
        (BlockKind::Paragraph, None, _) => {
            o.problem(Problem::MissingField("text"));
            Block::Findings
        }
        (BlockKind::List, _, None) => {
            o.problem(Problem::MissingField("items"));
            Block::Findings
        }
    };
    o.finish(block)
}

fn list_item<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<ListItem> {
    let o = Object::new(v, at, "struct ListItem")?;
    o.finish(ListItem {
        text: o.required("text", text),
    })
}

fn glossary_entry<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<GlossaryEntry> {
    let o = Object::new(v, at, "struct GlossaryEntry")?;
    o.finish(GlossaryEntry {
        term: o.required("term", string),
        expansion: o.optional("expansion", string),
        definition: o.required("definition", string),
    })
}

fn name<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Name> {
    let o = Object::new(v, at, "struct Name")?;
    o.finish(Name {
        family: o.or_default("family", string),
        given: o.optional("given", string),
    })
}

fn csl_date<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<CslDate> {
    let o = Object::new(v, at, "struct CslDate")?;
    o.finish(CslDate {
        date_parts: o.or_default("date-parts", |v, at| list(v, at, |v, at| list(v, at, i64))),
    })
}

fn reference<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Reference> {
    let o = Object::new(v, at, "struct Reference")?;
    o.finish(Reference {
        id: o.required("id", string),
        kind: o.or_default("type", string),
        title: o.required("title", string),
        author: o.or_default("author", |v, at| list(v, at, name)),
        author_list_truncated: o.or_default("author-list-truncated", boolean),
        container_title: o.optional("container-title", string),
        container_title_short: o.optional("container-title-short", string),
        issued: o.optional("issued", csl_date),
        volume: o.optional("volume", string),
        issue: o.optional("issue", string),
        page: o.optional("page", string),
        doi: o.optional("DOI", string),
        pmid: o.optional("PMID", string),
        pmcid: o.optional("PMCID", string),
        url: o.optional("URL", string),
        source_kind: o.optional("source-kind", string),
        key_finding: o.optional("key-finding", text),
        certainty: o.optional("certainty", text),
        findings: o.or_default("findings", |v, at| list(v, at, finding)),
        likely: o.or_default("likely", |v, at| map(v, at, string)),
    })
}

fn decimal<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Decimal> {
    string(v, at).map(Decimal)
}

fn interval<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Interval> {
    let o = Object::new(v, at, "struct Interval")?;
    o.finish(Interval {
        level: o.required("level", decimal),
        low: o.required("low", decimal),
        high: o.required("high", decimal),
    })
}

fn group<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Group> {
    let o = Object::new(v, at, "struct Group")?;
    o.finish(Group {
        label: o.required("label", text),
        percent: o.required("percent", decimal),
        count: o.optional("count", u32),
        of: o.optional("of", u32),
    })
}

fn finding<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Finding> {
    let o = Object::new(v, at, "struct Finding")?;
    o.finish(Finding {
        measure: o.required("measure", text),
        kind: o.required("kind", string),
        estimate_name: o.optional("estimate-name", text),
        estimate: o.optional("estimate", decimal),
        unit: o.optional("unit", text),
        interval: o.optional("interval", interval),
        groups: o.or_default("groups", |v, at| list(v, at, group)),
        reading: o.required("reading", text),
    })
}

fn editor_note<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<EditorNote> {
    let o = Object::new(v, at, "struct EditorNote")?;
    o.finish(EditorNote {
        source: o.required("source", string),
        sentence: o.required("sentence", string),
        note: o.required("note", text),
    })
}

fn disclaimer<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Disclaimer> {
    let o = Object::new(v, at, "struct Disclaimer")?;
    o.finish(Disclaimer {
        title: o.required("title", text),
        text: o.required("text", text),
    })
}

fn follow_up<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<FollowUp> {
    let o = Object::new(v, at, "struct FollowUp")?;
    o.finish(FollowUp {
        prompt: o.required("prompt", text),
    })
}
