//! The imported article as JSON text, in the model's field order, with each
//! reference's fields the model does not know (fields of a newer format version,
//! other CSL fields) carried through after the ones it does.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Article, Reference};

#[derive(Serialize)]
struct RefOut<'a> {
    #[serde(flatten)]
    known: &'a Reference,
    #[serde(flatten)]
    extra: BTreeMap<&'a String, &'a Value>,
}

/// Pretty JSON of `article`, its references carrying the fields of `items` (same
/// order) that the typed reference does not serialize.
pub fn to_json(
    article: &Article,
    items: &[Map<String, Value>],
) -> Result<String, serde_json::Error> {
    let refs: Vec<RefOut<'_>> = article
        .references
        .iter()
        .zip(items)
        .map(|(known, item)| {
            let typed = serde_json::to_value(known)?;
            let extra = item
                .iter()
                .filter(|(k, _)| typed.get(k.as_str()).is_none())
                .collect();
            Ok(RefOut { known, extra })
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let head = Article {
        references: Vec::new(),
        ..article.clone()
    };
    let text = serde_json::to_string_pretty(&head)?;
    let refs = serde_json::to_string_pretty(&refs)?.replace('\n', "\n  ");
    // A key at the top level is the only unescaped `"references": []` in the text.
    let text = text.replacen(
        "\n  \"references\": [],\n",
        &format!("\n  \"references\": {refs},\n"),
        1,
    );
    Ok(text + "\n")
}
