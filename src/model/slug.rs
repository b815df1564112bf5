//! Stable, unique ids for sections, derived from data: an explicit `id` wins, else
//! the parent's id and the title are slugged (`research-treatment-outcomes`).
//! Duplicates get `-2`, `-3`… in document order, so ids never collide.

use std::collections::HashSet;

/// Lower-case ASCII slug: letters and digits kept (non-ASCII letters too, lower-cased),
/// everything else collapses into single hyphens. Empty input gives `section`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
        if out.len() > 64 {
            break;
        }
    }
    if out.is_empty() {
        "section".to_owned()
    } else {
        out
    }
}

/// Hands out unique ids in document order.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
}

impl IdAllocator {
    /// Returns `base`, or `base-2`, `base-3`… if taken.
    pub fn unique(&mut self, base: &str) -> String {
        let base = slugify(base);
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}
