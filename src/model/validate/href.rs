//! Whether a link target is safe to render, read through the disguises browsers
//! forgive (entities, percent-encoding, control characters, case).

/// Whether a link target may be rendered: relative, or http/https/mailto. The scheme
/// is read after undoing the disguises browsers forgive: HTML entities,
/// percent-encoding, control characters, whitespace and mixed case.
pub fn safe_href(href: &str) -> bool {
    let normalized = normalize_for_scheme(href);
    let scheme_end = normalized.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if normalized.as_bytes()[i] == b':' => {
            matches!(&normalized[..i], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn normalize_for_scheme(href: &str) -> String {
    let mut s = href.to_owned();
    // Layers can be stacked (`&amp;#58;`, `%253A`): undo a few rounds.
    for _ in 0..4 {
        let next = crate::model::encoding::percent_decode(&decode_entities(&s), false);
        if next == s {
            break;
        }
        s = next;
    }
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && *c != '\u{feff}' && *c != '\u{200b}')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        // Numeric references end at the first non-digit, with or without `;` (as
        // browsers read them: `&#106avascript:` is `javascript:`).
        let numeric = |digits_from: usize, radix: u32| {
            let digits = after[digits_from..]
                .bytes()
                .take_while(|b| (*b as char).is_digit(radix))
                .count();
            let end = digits_from + digits;
            let c = (digits > 0).then(|| {
                u32::from_str_radix(&after[digits_from..end], radix)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}')
            });
            (end, c)
        };
        let (end, decoded) = if after.starts_with("#x") || after.starts_with("#X") {
            numeric(2, 16)
        } else if after.starts_with('#') {
            numeric(1, 10)
        } else {
            let end = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let c = match after[..end].to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "sol" => Some('/'),
                "amp" => Some('&'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                _ => None,
            };
            (end, c)
        };
        let name = &after[..end];
        match decoded {
            Some(c) if !name.is_empty() => {
                out.push(c);
                let skip = if after[end..].starts_with(';') {
                    end + 1
                } else {
                    end
                };
                rest = &after[skip..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguised_schemes_are_rejected() {
        for bad in [
            "javascript:alert(1)",
            "JaVa\tscript:alert(1)",
            " \u{1}javascript:x",
            "java\nscript:x",
            "javascript&#58;x",
            "javascript&colon;x",
            "&#x6A;avascript:x",
            "javascript%3Ax",
            "&#106avascript:x",
            "%6Aavascript:x",
            "data:text/html,x",
            "vbscript:x",
            "javascript&amp;#58;x",
            "%256Aavascript:x",
        ] {
            assert!(!safe_href(bad), "{bad:?} should be rejected");
        }
        for good in [
            "https://doi.org/10.1/x",
            "http://a.b",
            "mailto:a@b.c",
            "editorial-policy.html",
            "/x?y=1:2",
            "#refs",
        ] {
            assert!(safe_href(good), "{good:?} should be allowed");
        }
    }
}
