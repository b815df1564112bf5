//! Build script: stores the embedded default article compactly (JSON whitespace
//! outside strings removed), so the wasm carries the evidence data without the
//! pretty-printing of `static/articles/azathioprine-ild-uip.json`; and names the
//! build for pre-rendered markup (`EA_BUILD_ID`: a hash of the sources and
//! `Cargo.lock`, so markup rendered by another build is rendered afresh, not hydrated).

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

/// FNV-1a (64 bit) over `bytes`, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Every file under `dir`, sorted, so the hash does not depend on directory order.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// A hash of what decides the rendered markup: the sources, the article and the
/// locked dependency versions (Yew's hydration format included).
fn build_id() -> String {
    let mut paths = Vec::new();
    files(Path::new("src"), &mut paths);
    paths.push(Path::new(ARTICLE).to_path_buf());
    paths.push(Path::new("Cargo.lock").to_path_buf());
    paths.sort();
    let mut h = 0xcbf2_9ce4_8422_2325;
    for p in &paths {
        h = fnv(h, p.to_string_lossy().replace('\\', "/").as_bytes());
        h = fnv(h, &std::fs::read(p).unwrap_or_default());
    }
    format!("{h:016x}")
}

fn main() {
    println!("cargo:rerun-if-changed={ARTICLE}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rustc-env=EA_BUILD_ID={}", build_id());
    let text = std::fs::read_to_string(ARTICLE).unwrap_or_else(|e| panic!("{ARTICLE}: {e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(
        Path::new(&out).join("embedded-article.json"),
        compact(&text),
    )
    .unwrap_or_else(|e| panic!("writing the compact article: {e}"));
}
