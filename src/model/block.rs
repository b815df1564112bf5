//! Content blocks of a section (paragraph, list, the findings charts), read by
//! hand rather than by serde's internally tagged enums (which buffer every block).

use serde::{Deserialize, Serialize};

use super::Text;

/// A content block.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph of inline text.
    Paragraph {
        /// The paragraph text.
        text: Text,
    },
    /// A bulleted list.
    List {
        /// The list items.
        items: Vec<ListItem>,
    },
    /// The charts of every structured finding of the cited sources, grouped by
    /// source in citation order ("Evidence at a glance").
    Findings,
}

/// A block as written: its `type` and the fields of every kind. Read directly
/// (serde's internally tagged enums buffer every block first, which costs wasm);
/// the messages and positions are serde's.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: BlockKind,
    text: Option<Text>,
    items: Option<Vec<ListItem>>,
}

/// The `type` of a block, checked where it is written.
enum BlockKind {
    Paragraph,
    List,
    Findings,
}

const BLOCK_KINDS: &[&str] = &["paragraph", "list", "findings"];

impl<'de> Deserialize<'de> for BlockKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(BlockKindVisitor)
    }
}

struct BlockKindVisitor;

impl serde::de::Visitor<'_> for BlockKindVisitor {
    type Value = BlockKind;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<BlockKind, E> {
        match v {
            "paragraph" => Ok(BlockKind::Paragraph),
            "list" => Ok(BlockKind::List),
            "findings" => Ok(BlockKind::Findings),
            other => Err(E::unknown_variant(other, BLOCK_KINDS)),
        }
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = RawBlock::deserialize(deserializer)?;
        match raw.kind {
            BlockKind::Paragraph => Ok(Block::Paragraph {
                text: raw.text.ok_or_else(|| D::Error::missing_field("text"))?,
            }),
            BlockKind::List => Ok(Block::List {
                items: raw.items.ok_or_else(|| D::Error::missing_field("items"))?,
            }),
            BlockKind::Findings => Ok(Block::Findings),
        }
    }
}

/// One bullet of a list block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListItem {
    /// The item text.
    pub text: Text,
}
