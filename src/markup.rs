//! Escaping for the markup hosts paste into their pages (the CLI's `render`, the
//! studio's export): shared so both escape the same way. Pure; compiled everywhere.

/// Escapes JSON text for a `<script type="application/json">` element: `<` only
/// occurs inside JSON strings, where `\u003c` means the same.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// Escapes a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
