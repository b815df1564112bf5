//! Limits checked on the raw JSON text before any parser sees it, so an oversized
//! or absurdly nested document is refused with a message instead of exhausting
//! memory or the stack (natively and in the browser alike).

/// Largest article accepted, in bytes (2 MiB).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting of JSON arrays/objects accepted. The format itself needs 8 (a finding's group label).
pub const MAX_DEPTH: usize = 32;

/// Why raw input was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    /// Input larger than [`MAX_BYTES`].
    #[error("The article is {} KiB; the limit is {} KiB.", .0 / 1024, MAX_BYTES / 1024)]
    TooLarge(usize),
    /// Nesting deeper than [`MAX_DEPTH`].
    #[error("The article nests lists or objects more than {MAX_DEPTH} levels deep.")]
    TooDeep,
}

/// Checks size and nesting depth in one linear pass without recursion.
pub fn check(raw: &str) -> Result<(), LimitError> {
    if raw.len() > MAX_BYTES {
        return Err(LimitError::TooLarge(raw.len()));
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in raw.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(LimitError::TooDeep);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_and_large_inputs_are_refused() {
        for n in [10_000usize, 100_000] {
            assert_eq!(check(&"[".repeat(n)), Err(LimitError::TooDeep));
        }
        assert!(matches!(
            check(&" ".repeat(MAX_BYTES + 1)),
            Err(LimitError::TooLarge(_))
        ));
        assert_eq!(
            check(r#"{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#),
            Ok(())
        );
    }
}
