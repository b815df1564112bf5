//! Parser tests: every construct, what stays literal, adversarial input.

use super::*;

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn parses_every_construct() {
    let got = parse("a **b** *c* [d](https://e.org) f [@x]. g [@y; @z]");
    assert_eq!(
        got,
        vec![
            t("a "),
            Inline::Strong(vec![t("b")]),
            t(" "),
            Inline::Emph(vec![t("c")]),
            t(" "),
            Inline::Link {
                href: "https://e.org".into(),
                children: vec![t("d")]
            },
            t(" f "),
            Inline::Cite(vec!["x".into()]),
            t(". g "),
            Inline::Cite(vec!["y".into(), "z".into()]),
        ]
    );
}

#[test]
fn unclosed_markup_is_literal() {
    assert_eq!(parse("2 * 3 [x"), vec![t("2 * 3 [x")]);
    assert_eq!(parse("[@ bad key!]"), vec![t("[@ bad key!]")]);
    assert_eq!(parse("\\*not\\*"), vec![t("*not*")]);
}

fn link(href: &str, text: &str) -> Inline {
    Inline::Link {
        href: href.into(),
        children: vec![t(text)],
    }
}

#[test]
fn link_destinations_keep_balanced_parentheses() {
    assert_eq!(
        parse("[the drug page](https://en.wikipedia.org/wiki/Azathioprine_(drug)). Next"),
        vec![
            link(
                "https://en.wikipedia.org/wiki/Azathioprine_(drug)",
                "the drug page"
            ),
            t(". Next"),
        ]
    );
    assert_eq!(parse("[a](x(b(c))d)"), vec![link("x(b(c))d", "a")]);
    // Unbalanced: not a link, literal text (as in CommonMark).
    assert_eq!(parse("[a](x(b)"), vec![t("[a](x(b)")]);
    assert_eq!(parse("[a](x\\(b)"), vec![link("x(b", "a")]);
}

#[test]
fn angle_destinations_and_spaces() {
    assert_eq!(
        parse("[a](<https://e.org/a b)c>)"),
        vec![link("https://e.org/a b)c", "a")]
    );
    assert_eq!(
        parse("[a]( https://e.org )"),
        vec![link("https://e.org", "a")]
    );
    assert_eq!(parse("[a](<x<y>)"), vec![t("[a](<x<y>)")]);
    assert_eq!(parse("[a](b c)"), vec![t("[a](b c)")]);
    assert_eq!(parse("[a] (b)"), vec![t("[a] (b)")]);
}

#[test]
fn empty_links_parse_so_the_validator_can_flag_them() {
    assert_eq!(
        parse("[](https://e.org)"),
        vec![Inline::Link {
            href: "https://e.org".into(),
            children: vec![]
        }]
    );
    assert_eq!(parse("[a]()"), vec![link("", "a")]);
}

#[test]
fn emphasis_needs_text_next_to_its_delimiters() {
    assert_eq!(parse("2 * 3 * 4"), vec![t("2 * 3 * 4")]);
    assert_eq!(
        parse("*a **b** c*"),
        vec![Inline::Emph(vec![
            t("a "),
            Inline::Strong(vec![t("b")]),
            t(" c")
        ])]
    );
    assert_eq!(parse("*a \\* b*"), vec![Inline::Emph(vec![t("a * b")])]);
    assert_eq!(parse("***a**"), vec![t("*"), Inline::Strong(vec![t("a")])]);
}

#[test]
fn link_shaped_text_that_is_not_a_link_is_reported() {
    assert_eq!(
        broken_links("ok [a](https://e.org) [b](my page) [c](x(y) \\[d](e f) [@k](g h)"),
        vec!["[b](my page)".to_owned(), "[c](x(y)".to_owned()]
    );
    assert!(broken_links("[a](https://en.wikipedia.org/wiki/A_(b)) [x] (y)").is_empty());
}

#[test]
fn adversarial_links_are_fast_and_total() {
    let s = "[a](".repeat(20_000)
        + &"[a](<".repeat(20_000)
        + &"[a](([a]()".repeat(5_000)
        + &"[@[@".repeat(10_000)
        + "]";
    assert!(!parse(&s).is_empty());
}

#[test]
fn adversarial_input_is_fast_and_total() {
    let s = "*".repeat(50_000) + &"[".repeat(50_000) + &"**[@".repeat(10_000);
    let out = parse(&s);
    assert!(!out.is_empty());
}
