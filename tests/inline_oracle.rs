//! Differential test of the inline parser against pulldown-cmark (CommonMark) as an
//! oracle: for generated text within our subset (words, `*emphasis*`, `**strong**`,
//! links with bare, parenthesised or `<…>` destinations, backslash escapes and
//! citation groups, which CommonMark reads as plain text), both parsers must agree
//! on the text, the emphasis and the link targets.
#![cfg(not(target_arch = "wasm32"))]

use evidence_article::model::inline::{self, Inline};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A flat, comparable reading of a parse: text runs merged, containers as open/close.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Text(String),
    Open(String),
    Close,
}

fn push_text(out: &mut Vec<Tok>, s: &str) {
    if let Some(Tok::Text(t)) = out.last_mut() {
        t.push_str(s);
    } else if !s.is_empty() {
        out.push(Tok::Text(s.to_owned()));
    }
}

fn ours(nodes: &[Inline], out: &mut Vec<Tok>) {
    for n in nodes {
        let (open, children) = match n {
            Inline::Text(t) => {
                push_text(out, t);
                continue;
            }
            // CommonMark has no citations: it reads `[@a; @b]` as that text.
            Inline::Cite(keys) => {
                let keys: Vec<String> = keys.iter().map(|k| format!("@{k}")).collect();
                push_text(out, &format!("[{}]", keys.join("; ")));
                continue;
            }
            Inline::Strong(c) => ("strong".to_owned(), c),
            Inline::Emph(c) => ("em".to_owned(), c),
            Inline::Link { href, children } => (format!("link {href}"), children),
        };
        out.push(Tok::Open(open));
        ours(children, out);
        out.push(Tok::Close);
    }
}

fn oracle(src: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for ev in Parser::new(src) {
        match ev {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => push_text(&mut out, &t),
            Event::Start(Tag::Strong) => out.push(Tok::Open("strong".into())),
            Event::Start(Tag::Emphasis) => out.push(Tok::Open("em".into())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push(Tok::Open(format!("link {dest_url}")))
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => out.push(Tok::Close),
            // Anything else means the generator left our subset.
            other => out.push(Tok::Open(format!("unexpected {other:?}"))),
        }
    }
    out
}

/// Words: letters and digits with a little punctuation CommonMark leaves alone here.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][a-z0-9]{0,7}",
        1 => "[a-z]{1,5}[,.;:?%]",
        1 => "\\([a-z]{1,4}\\)",
        1 => "[a-z]{1,3}-[0-9]{1,2}",
        // Escapes of ASCII punctuation, and brackets that do not form links.
        1 => prop::sample::select(vec!["\\*", "\\[", "\\]", "\\(", "\\)", "\\\\", "\\@", "\\#", "\\_", "\\!"])
            .prop_map(str::to_owned),
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
}

/// Link destinations authors paste: plain, with balanced parentheses, escaped
/// parentheses, or in angle brackets (which may hold spaces and lone parentheses).
fn destination() -> impl Strategy<Value = (String, String)> {
    let path = "[a-z0-9_.~-]{1,8}";
    prop_oneof![
        path.prop_map(|p| (
            format!("https://example.org/{p}"),
            format!("https://example.org/{p}")
        )),
        (path, "[a-z]{1,6}").prop_map(|(p, q)| {
            let d = format!("https://en.wikipedia.org/wiki/{p}_({q})");
            (d.clone(), d)
        }),
        (path, "[a-z]{1,4}", "[a-z]{1,4}").prop_map(|(p, q, r)| {
            let d = format!("/{p}({q}({r}))x");
            (d.clone(), d)
        }),
        (path, "[a-z]{1,4}").prop_map(|(p, q)| (format!("{p}\\({q}"), format!("{p}({q}"))),
        (path, "[a-z ]{1,6}").prop_map(|(p, q)| (format!("<{p}){q}>"), format!("{p}){q}"))),
        Just(("#references".to_owned(), "#references".to_owned())),
    ]
    .prop_flat_map(|(written, target)| {
        (Just(written), Just(target), prop::bool::ANY).prop_map(|(w, t, spaced)| {
            if spaced {
                (format!(" {w} "), t)
            } else {
                (w, t)
            }
        })
    })
}

/// What encloses the text being generated.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    strong: bool,
    emph: bool,
    link: bool,
}

/// Text within the subset: words and constructs alternate, separated by spaces;
/// no emphasis inside the same kind (at any depth), no link or citation inside a link.
fn text(ctx: Ctx, depth: u32) -> BoxedStrategy<String> {
    if depth == 0 {
        return words().boxed();
    }
    let mut kinds: Vec<BoxedStrategy<String>> = vec![words().boxed()];
    if !ctx.strong {
        kinds.push(
            text(
                Ctx {
                    strong: true,
                    ..ctx
                },
                depth - 1,
            )
            .prop_map(|t| format!("**{t}**"))
            .boxed(),
        );
    }
    if !ctx.emph {
        kinds.push(
            text(Ctx { emph: true, ..ctx }, depth - 1)
                .prop_map(|t| format!("*{t}*"))
                .boxed(),
        );
    }
    if !ctx.link {
        kinds.push(
            (text(Ctx { link: true, ..ctx }, depth - 1), destination())
                .prop_map(|(label, (dest, _))| format!("[{label}]({dest})"))
                .boxed(),
        );
        kinds.push(
            prop::collection::vec("[a-z][a-z0-9-]{0,6}", 1..3)
                .prop_map(|keys| {
                    let keys: Vec<String> = keys.iter().map(|k| format!("@{k}")).collect();
                    format!("[{}]", keys.join("; "))
                })
                .boxed(),
        );
    }
    let piece = prop::strategy::Union::new(kinds);
    (words(), prop::collection::vec((piece, words()), 0..3))
        .prop_map(|(first, rest)| {
            let mut s = first;
            for (p, w) in rest {
                s.push(' ');
                s.push_str(&p);
                s.push(' ');
                s.push_str(&w);
            }
            s
        })
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_commonmark_on_the_subset(src in text(Ctx::default(), 3)) {
        let mut got = Vec::new();
        ours(&inline::parse(&src), &mut got);
        prop_assert_eq!(got, oracle(&src), "input: {}", src);
    }

    #[test]
    fn link_targets_match_what_was_meant((dest, target) in destination(), label in words()) {
        let src = format!("See [{label}]({dest}).");
        let links = inline::links(&inline::parse(&src));
        prop_assert_eq!(links, vec![target]);
    }
}

#[test]
fn the_oracle_sees_the_pasted_wikipedia_link_as_we_do() {
    let src = "[the drug page](https://en.wikipedia.org/wiki/Azathioprine_(drug))";
    let mut got = Vec::new();
    ours(&inline::parse(src), &mut got);
    assert_eq!(got, oracle(src));
    assert_eq!(
        got[0],
        Tok::Open("link https://en.wikipedia.org/wiki/Azathioprine_(drug)".into())
    );
}
