//! The evidence article format (`evidence-article/1`): serde types, parsing limits
//! and pure validation. Nothing here knows about Yew or the browser, so authors'
//! tools, native tests and the widget share one definition of a valid article.

pub mod audience;
mod block;
pub mod cite;
pub mod encoding;
pub mod finding;
pub mod freshness;
pub mod inline;
pub mod limits;
pub mod notes;
pub mod read;
#[cfg(all(feature = "schema", not(target_arch = "wasm32")))]
pub mod schema;
pub mod slug;
pub mod text;
pub mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use audience::Audience;
pub use block::{Block, ListItem};
pub use finding::Finding;
pub use notes::EditorNote;
pub use text::Text;

/// The value authors put in `"format"`; the only version this build understands.
pub const FORMAT_V1: &str = "evidence-article/1";

/// A whole evidence article as authored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Article {
    /// Format marker, `evidence-article/1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "evidence-article/1")))]
    pub format: String,
    /// Stable identifier of the article (used in share links and storage keys).
    pub id: String,
    /// BCP 47 language tag of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The clinical question, shown as the article heading.
    pub question: Text,
    /// Who publishes the article; its name is the only brand we render.
    pub publisher: Publisher,
    /// Where the article is in editorial review.
    pub review: Review,
    /// Date of the last content change, `YYYY-MM-DD`.
    #[cfg_attr(
        feature = "schema",
        schemars(extend("format" = "date", "pattern" = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
    )]
    pub last_updated: String,
    /// Months after `last-updated` when the article is due for review (1-120;
    /// default 12). Older articles show a notice that newer evidence may exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 120)))]
    pub review_interval_months: Option<u32>,
    /// Link to the page that explains the review process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial_policy: Option<String>,
    /// Audience id → register fallback chain (e.g. `patient → [plain, professional]`).
    #[serde(default)]
    pub audiences: BTreeMap<String, Vec<String>>,
    /// Top-level sections in reading order.
    pub sections: Vec<Section>,
    /// Terms that get an inline definition.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    /// Sources, as CSL-JSON items with our extension fields.
    pub references: Vec<Reference>,
    /// Editor's notes on single citation occurrences (part of the article, not of
    /// the source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor_notes: Vec<EditorNote>,
    /// The professional disclaimer.
    pub disclaimer: Disclaimer,
    /// The follow-up call to action.
    pub follow_up: FollowUp,
}

/// The article's publisher.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Publisher {
    /// Display name, substituted for `{publisher}` in text.
    pub name: String,
}

/// Review status and the reviewing body's statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Review {
    /// `submitted`, `under-review` or `approved` (validated, kept as text so an
    /// unknown value becomes a readable problem rather than a parse failure).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("enum" = ["submitted", "under-review", "approved"]))
    )]
    pub status: String,
    /// The reviewing body, e.g. "Medical Advisory Board".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// The publisher's own statement about review, shown as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

/// The three review steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus {
    /// Submitted, not yet picked up by a reviewer.
    Submitted,
    /// A reviewer is working on it.
    UnderReview,
    /// Approved by human review.
    Approved,
}

impl ReviewStatus {
    /// All steps in display order.
    pub const ALL: [ReviewStatus; 3] = [Self::Submitted, Self::UnderReview, Self::Approved];

    /// Parses the data value.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "submitted" => Some(Self::Submitted),
            "under-review" => Some(Self::UnderReview),
            "approved" => Some(Self::Approved),
            _ => None,
        }
    }

    /// Label shown in the stepper.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "Submitted",
            Self::UnderReview => "Under Review",
            Self::Approved => "Approved",
        }
    }
}

/// A section or subsection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Stable id for deep links; derived from the title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[a-z0-9-]{1,64}$")))]
    pub id: Option<String>,
    /// Section heading.
    pub title: Text,
    /// Whether the section starts collapsed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
    /// Content blocks before any subsection.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Nested subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<Section>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GlossaryEntry {
    /// The term as it appears in text (case-sensitive for abbreviations).
    pub term: String,
    /// Full form, for abbreviations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// A short plain-language definition.
    pub definition: String,
}

impl GlossaryEntry {
    /// Abbreviations are the entries with an expansion.
    pub fn is_abbreviation(&self) -> bool {
        self.expansion.is_some()
    }
}

/// A CSL-JSON author name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Name {
    /// Family name.
    #[serde(default)]
    pub family: String,
    /// Given name or initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
}

/// CSL-JSON date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CslDate {
    /// `[[year, month?, day?]]`.
    #[serde(rename = "date-parts", default)]
    pub date_parts: Vec<Vec<i64>>,
}

/// A reference: a CSL-JSON item plus documented extension fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reference {
    /// Citation key used in text (`[@id]`).
    pub id: String,
    /// CSL item type, e.g. `article-journal`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Title of the work.
    pub title: String,
    /// Authors in order.
    #[serde(default)]
    pub author: Vec<Name>,
    /// Whether the author list above is known to be incomplete (forces "et al.").
    #[serde(
        rename = "author-list-truncated",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub author_list_truncated: bool,
    /// Full journal name.
    #[serde(
        rename = "container-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_title: Option<String>,
    /// Abbreviated journal name (NLM style), preferred by AMA.
    #[serde(
        rename = "container-title-short",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_title_short: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page or page range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Verified DOI.
    #[serde(rename = "DOI", default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Verified PubMed id.
    #[serde(rename = "PMID", default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    /// Verified PubMed Central id.
    #[serde(rename = "PMCID", default, skip_serializing_if = "Option::is_none")]
    pub pmcid: Option<String>,
    /// Verified publisher URL.
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Extension: kind of source (guideline, cohort, systematic review…).
    #[serde(
        rename = "source-kind",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_kind: Option<String>,
    /// Extension: what the source found, in the editors' words; a text with
    /// registers, like article text (plain language for lay readers).
    #[serde(
        rename = "key-finding",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub key_finding: Option<Text>,
    /// Extension: certainty or recommendation strength stated by the source, in
    /// registers like `key-finding`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Text>,
    /// Extension: the numbers behind the key finding, each drawn as a chart in
    /// the citation popover and the "Evidence at a glance" block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    /// Extension: fields seen only second-hand; shown as text, never linked.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub likely: BTreeMap<String, String>,
}

/// The disclaimer block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Disclaimer {
    /// Heading.
    pub title: Text,
    /// Body text; `{publisher}` is replaced by the publisher's name.
    pub text: Text,
}

/// The follow-up call to action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FollowUp {
    /// The prompt, e.g. "Have a follow-up question?".
    pub prompt: Text,
}

impl Article {
    /// Whether the article is past its review interval (declared, or the default of
    /// 12 months) on `today`: the one rule the pre-render and the header share.
    pub fn is_stale(&self, today: freshness::Date) -> bool {
        freshness::is_stale(
            &self.last_updated,
            self.review_interval_months
                .unwrap_or(freshness::DEFAULT_REVIEW_INTERVAL_MONTHS),
            today,
        )
    }
}

/// The article compiled into the widget as its default
/// (`static/articles/azathioprine-ild-uip.json`, stored compactly by `build.rs`).
pub const EMBEDDED_ARTICLE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/embedded-article.json"));

/// The skeleton article authors start from (`static/templates/article.json`): every
/// field present, each value saying what belongs there; it passes validation. The
/// CLI's `new` writes it; the studio can offer it as a template.
pub const TEMPLATE_ARTICLE_JSON: &str = include_str!("../../static/templates/article.json");
