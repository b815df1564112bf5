//! The share-state codec and the query-string helpers. Input: `query\nlink` (or just a
//! link). Decoding never panics and its result survives a round trip (what a reader's
//! link says is what the next reader gets); encoding writes only the codec's own
//! characters; writing our key into a host query keeps every other parameter and
//! reads back.
#![no_main]

use evidence_article::url;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (query, link) = input.split_once('\n').unwrap_or(("", input));
    let state = url::decode(link);
    let encoded = url::encode(&state);
    assert!(
        encoded
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b";:,-".contains(&b)),
        "encoded {encoded:?}"
    );
    assert_eq!(
        url::decode(&encoded),
        state,
        "round trip of {link:?} via {encoded:?}"
    );

    let key = "ea-fuzz";
    let written = url::write_param(query, key, Some(&encoded));
    let expected = (!encoded.is_empty()).then(|| encoded.clone());
    assert_eq!(
        url::read_param(&written, key),
        expected,
        "{query:?} → {written:?}"
    );
    let others = |q: &str| {
        q.strip_prefix('?')
            .unwrap_or(q)
            .split('&')
            .filter(|p| !p.is_empty() && p.split_once('=').map_or(*p, |(k, _)| k) != key)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(others(&written), others(query), "host parameters kept");
});
