//! Build script: stores the embedded default article compactly (JSON whitespace
//! outside strings removed), so the wasm carries the evidence data without the
//! pretty-printing of `static/articles/azathioprine-ild-uip.json`.

use std::path::Path;

const ARTICLE: &str = "static/articles/azathioprine-ild-uip.json";

/// Removes whitespace outside JSON strings; everything else is kept byte for byte,
/// so the result parses to the same value (and invalid JSON stays invalid).
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed={ARTICLE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(ARTICLE).unwrap_or_else(|e| panic!("{ARTICLE}: {e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(
        Path::new(&out).join("embedded-article.json"),
        compact(&text),
    )
    .unwrap_or_else(|e| panic!("writing the compact article: {e}"));
}
