//! The share-state codec: the reader's view (audience, sections that differ from the
//! article's defaults, open citation, section scrolled to) as short, readable URL
//! text, e.g. `?ea=1;aud:patient;shut:guidelines;cite:3`. Pure and total: decoding
//! any string yields a valid state (bad parts dropped, good parts kept), and only
//! allowlisted keys are ever written. Host query parameters are kept byte-for-byte.

use crate::model::Audience;

/// Current codec version (the first field of the value).
pub const VERSION: &str = "1";
/// Longest value we read; longer input is cut before parsing.
pub const MAX_LEN: usize = 1024;
/// Most section ids one link may name.
pub const MAX_IDS: usize = 64;

/// The part of the widget state a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShareState {
    /// Audience, if chosen.
    pub audience: Option<Audience>,
    /// Sections open although closed by default.
    pub open: Vec<String>,
    /// Sections closed although open by default.
    pub shut: Vec<String>,
    /// Open citation number.
    pub cite: Option<usize>,
    /// Section to scroll to.
    pub at: Option<String>,
}

impl ShareState {
    /// True when the link would say nothing.
    pub fn is_empty(&self) -> bool {
        *self == ShareState::default()
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Encodes a state (empty string for the default view). The text never exceeds
/// [`MAX_LEN`]: section ids that do not fit are left out whole, never cut.
pub fn encode(s: &ShareState) -> String {
    if s.is_empty() {
        return String::new();
    }
    let aud = s.audience.map(|a| format!("aud:{}", a.id()));
    let cite = s
        .cite
        .filter(|c| (1..=9999).contains(c))
        .map(|c| format!("cite:{c}"));
    let at =
        s.at.as_deref()
            .filter(|a| valid_id(a))
            .map(|a| format!("at:{a}"));
    // Room for the id lists once the version and the short fields are in.
    let fixed: usize = [&aud, &cite, &at]
        .into_iter()
        .flatten()
        .map(|p| p.len() + 1)
        .sum();
    let mut room = MAX_LEN.saturating_sub(VERSION.len() + fixed);
    let mut list = |key: &str, v: &[String]| {
        let mut out = String::new();
        for id in v.iter().filter(|i| valid_id(i)).take(MAX_IDS) {
            // ";key:id" for the first id, ",id" after it.
            let extra = if out.is_empty() { key.len() + 2 } else { 1 } + id.len();
            if extra > room {
                break;
            }
            room -= extra;
            if out.is_empty() {
                out = format!("{key}:{id}");
            } else {
                out.push(',');
                out.push_str(id);
            }
        }
        (!out.is_empty()).then_some(out)
    };
    let open = list("open", &s.open);
    let shut = list("shut", &s.shut);
    [Some(VERSION.to_owned()), aud, open, shut, cite, at]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(";")
}

/// Decodes URL text (raw or percent-encoded) into a state; never fails. The state is
/// what a link can carry (its encoding fits in [`MAX_LEN`]), so encoding it and
/// decoding again gives it back.
pub fn decode(raw: &str) -> ShareState {
    parse(&encode(&parse(raw)))
}

fn parse(raw: &str) -> ShareState {
    let cut: String = raw.chars().take(MAX_LEN).collect();
    let mut text = crate::model::encoding::percent_decode(&cut, true);
    if cut.len() < raw.len() {
        // Cut by the limit: the last item may be half of an id; drop it.
        text.truncate(text.rfind([';', ',']).unwrap_or(0));
    }
    let mut s = ShareState::default();
    let mut seen = Vec::new();
    for (i, field) in text.split(';').enumerate() {
        let field = field.trim();
        if i == 0 && field == VERSION {
            continue;
        }
        let Some((key, value)) = field.split_once(':') else {
            continue;
        };
        // A repeated key keeps its first value: later copies are ignored.
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let ids = || {
            value
                .split(',')
                .map(str::trim)
                .filter(|i| valid_id(i))
                .take(MAX_IDS)
                .map(str::to_owned)
                .fold(Vec::new(), |mut v, i| {
                    if !v.contains(&i) {
                        v.push(i);
                    }
                    v
                })
        };
        match key {
            "aud" => s.audience = Audience::from_id(value),
            "open" => s.open = ids(),
            "shut" => s.shut = ids(),
            "cite" => {
                s.cite = (value.len() <= 4 && value.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| value.parse().ok())
                    .flatten()
                    .filter(|&c: &usize| c >= 1)
            }
            "at" => s.at = valid_id(value).then(|| value.to_owned()),
            _ => {}
        }
    }
    s.shut.retain(|i| !s.open.contains(i));
    s
}

/// Drops what does not exist in this article: unknown section ids, citation numbers
/// beyond the reference count.
pub fn sanitize(mut s: ShareState, sections: &[String], references: usize) -> ShareState {
    s.open.retain(|i| sections.contains(i));
    s.shut.retain(|i| sections.contains(i));
    s.cite = s.cite.filter(|&c| c <= references);
    s.at = s.at.filter(|a| sections.contains(a));
    s
}

/// The query key for one widget instance: `ea` alone, else namespaced by the
/// element's id (`ea-<id>`) or its position on the page (`ea<n>`).
pub fn param_key(element_id: Option<&str>, position: usize) -> String {
    match element_id.filter(|i| valid_id(i)) {
        Some(id) => format!("ea-{id}"),
        None if position == 0 => "ea".to_owned(),
        None => format!("ea{}", position + 1),
    }
}

/// Reads `key` from a query string (with or without the leading `?`).
pub fn read_param(query: &str, key: &str) -> Option<String> {
    let q = query.strip_prefix('?').unwrap_or(query);
    q.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| v.to_owned())
    })
}

/// Sets (or with `None`/empty removes) `key` in a query string, leaving every other
/// parameter byte-for-byte as it was. Returns the query with its `?`, or "".
pub fn write_param(query: &str, key: &str, value: Option<&str>) -> String {
    let q = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<String> = Vec::new();
    let mut written = false;
    for pair in q.split('&').filter(|p| !p.is_empty()) {
        let k = pair.split_once('=').map(|(k, _)| k).unwrap_or(pair);
        if k == key {
            if !written {
                if let Some(v) = value.filter(|v| !v.is_empty()) {
                    pairs.push(format!("{key}={v}"));
                }
                written = true;
            }
        } else {
            pairs.push(pair.to_owned());
        }
    }
    if !written {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            pairs.push(format!("{key}={v}"));
        }
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Percent-encodes a query value component (for the follow-up `q` parameter).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
