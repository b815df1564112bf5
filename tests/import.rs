//! `import`: Markdown (+ CSL-JSON or BibTeX references) to article JSON. The seed
//! article's Markdown form reproduces its JSON; each Markdown construct is read as
//! documented; each mistake is reported at its line in the Markdown (or references)
//! file.

#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use evidence_article::cli::import::import;
use evidence_article::cli::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use serde_json::{json, Value};

const SEED_MD: &str = "static/articles/azathioprine-ild-uip.md";
const SEED_REFS: &str = "static/articles/azathioprine-ild-uip.refs.json";
const SEED_JSON: &str = "static/articles/azathioprine-ild-uip.json";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).expect(path)
}

/// The model writes no empty `subsections`; the seed has one, which means the same.
fn without_empty_subsections(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("subsections")
                .is_some_and(|s| s.as_array().is_some_and(Vec::is_empty))
            {
                o.remove("subsections");
            }
            o.values_mut().for_each(without_empty_subsections);
        }
        Value::Array(a) => a.iter_mut().for_each(without_empty_subsections),
        _ => {}
    }
}

#[test]
fn the_seed_in_markdown_imports_to_the_seed_json() {
    let done =
        import(SEED_MD, &read(SEED_MD), Some((SEED_REFS, &read(SEED_REFS)))).expect("imports");
    let imported: Value = serde_json::from_str(&done.json).expect("json");
    let mut seed: Value = serde_json::from_str(&read(SEED_JSON)).expect("seed");
    without_empty_subsections(&mut seed);
    assert!(imported == seed, "the import differs from {SEED_JSON}");
    assert_eq!(done.left_out, 0);
    // Only the seed's coverage hints, traced to the Markdown and references lines.
    let warnings: Vec<String> = done.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].starts_with(&format!("{SEED_MD}:"))
            && warnings[0].contains("\"conditionally\"")
    );
    // Without the glossary entry for "CI", its first use is traced to the references.
    let entry = "CI (confidence interval)\n: The range where";
    let md = read(SEED_MD);
    let cut = md.find(entry).expect("the seed defines CI");
    let done = import(SEED_MD, &md[..cut], Some((SEED_REFS, &read(SEED_REFS)))).expect("imports");
    let warnings: Vec<String> = done.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    assert!(warnings[3].starts_with(&format!("{SEED_REFS}:")) && warnings[3].contains("\"CI\""));
}

/// The tutorial's example (docs/authoring.md) imports and passes `check --strict`.
#[test]
fn the_tutorial_example_imports_cleanly() {
    let md = "docs/examples/first-article.md";
    let refs = "docs/examples/first-article.refs.json";
    let done = import(md, &read(md), Some((refs, &read(refs)))).expect("imports");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    let (report, _) = cli::inspect("a.json", &done.json, cli::Options { strict: true });
    assert_eq!(report.lines(), ["a.json: 0 errors, 0 warnings"]);
    // Without its references file, the import says what is missing.
    let e: Vec<String> = import(md, &read(md), None)
        .expect_err("fails")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(e.first().map(String::as_str), Some(
        "docs/examples/first-article.md:1: error: the article cites [@acr-chest-2023] but no references file was given: add --references REFS.json (CSL-JSON) or REFS.bib"
    ));
    assert!(e[1].starts_with("docs/examples/first-article.md:44: error: sections[0].blocks[0].items[0].text.professional: [@acr-chest-2023] is not a reference id"), "{e:#?}");
}

const FRONT: &str = "---
id: test-article
question:
  professional: Is the example clear?
  plain: Is the example clear?
publisher:
  name: Example Publisher
review:
  status: submitted
last-updated: '2026-01-01'
audiences:
  patient: [plain, professional]
  physician: [professional]
disclaimer:
  title: Disclaimer
  text: Written for professionals.
follow-up:
  prompt: Have a follow-up question?
---
";

const REFS: &str = r#"[
  {"id": "unused-2019", "type": "book", "title": "Never cited"},
  {"id": "doe-2020", "type": "article-journal", "title": "A title",
   "author": [{"family": "Doe", "given": "J"}],
   "issued": {"date-parts": [["2020", "5"]]}, "x-custom": {"kept": true}}
]"#;

const BODY: &str = "
# First section {#first}

::: plain
The first part
:::

A paragraph cites a source
over two lines [@doe-2020].

::: plain
A short plain text cites it too [@doe-2020].
:::

- One point with *emphasis* [@doe-2020].

  ::: plain
  One point in plain words [@doe-2020].
  :::

- Another point.

  ::: {.plain}
  Another point, plainly.
  :::

## Details {#details .collapsed}

Details here.

::: plain
More here.
:::

# Glossary

ABC (a b (c))
: Three letters
  over two lines.

plain word
: A word.
";

fn run(md: &str, refs: Option<&str>) -> Result<Value, Vec<String>> {
    import("a.md", md, refs.map(|r| ("refs.json", r)))
        .map(|d| serde_json::from_str(&d.json).expect("json"))
        .map_err(|e| e.iter().map(ToString::to_string).collect())
}

#[test]
fn each_markdown_construct_is_read() {
    let v = run(&format!("{FRONT}{BODY}"), Some(REFS)).expect("imports");
    assert_eq!(v["format"], "evidence-article/1", "format defaults");
    assert_eq!(v["question"]["plain"], "Is the example clear?");
    let s = &v["sections"][0];
    assert_eq!(s["id"], "first");
    assert_eq!(
        s["title"],
        json!({"professional": "First section", "plain": "The first part"})
    );
    assert_eq!(
        s["blocks"][0],
        json!({"type": "paragraph", "text": {
            "professional": "A paragraph cites a source over two lines [@doe-2020].",
            "plain": "A short plain text cites it too [@doe-2020]."}})
    );
    assert_eq!(s["blocks"][1]["type"], "list");
    assert_eq!(
        s["blocks"][1]["items"][0]["text"]["professional"],
        "One point with *emphasis* [@doe-2020]."
    );
    assert_eq!(
        s["blocks"][1]["items"][1]["text"]["plain"],
        "Another point, plainly."
    );
    let d = &s["subsections"][0];
    assert_eq!(
        (d["id"].as_str(), d["collapsed"].as_bool()),
        (Some("details"), Some(true))
    );
    assert_eq!(
        d["title"], "Details",
        "a heading without a plain div is one text"
    );
    assert_eq!(
        v["glossary"],
        json!([
            {"term": "ABC", "expansion": "a b (c)", "definition": "Three letters over two lines."},
            {"term": "plain word", "definition": "A word."}
        ])
    );
    // Only the cited reference, its date made numeric, its extra field carried through.
    let refs = v["references"].as_array().expect("array");
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0]["issued"], json!({"date-parts": [[2020, 5]]}));
    assert_eq!(refs[0]["x-custom"], json!({"kept": true}));
    let done =
        import("a.md", &format!("{FRONT}{BODY}"), Some(("refs.json", REFS))).expect("imports");
    assert_eq!(done.left_out, 1);
    assert!(done.warnings.iter().any(|w| w.to_string()
        == "refs.json:3: warning: references[0].x-custom: unknown field \"x-custom\": evidence-article/1 ignores it"));
}

/// A reference with one structured finding, for the findings block.
const REFS_WITH_FINDINGS: &str = r#"[
  {"id": "doe-2020", "type": "article-journal", "title": "A title",
   "findings": [{"measure": {"professional": "Relapse", "plain": "Relapse"},
     "kind": "proportion", "groups": [{"label": {"professional": "Treated", "plain": "Treated"}, "percent": "25", "count": 1, "of": 4}],
     "reading": {"professional": "A quarter relapsed.", "plain": "1 in 4 got worse again."}}]}
]"#;

#[test]
fn a_findings_div_places_the_charts_block() {
    // The block form after a heading with its plain title, and the one-line form
    // between two paragraphs of a subsection; the finding comes from the references.
    let body = "
# Research {#research}

A paragraph [@doe-2020].

::: plain
A plain paragraph [@doe-2020].
:::

## Evidence at a glance {#research-evidence-at-a-glance}

::: plain
The numbers at a glance
:::

::: findings
:::

# Other

Before.

::: plain
Before, plainly.
:::

::: {.findings} :::

After.

::: plain
After, plainly.
:::
";
    let done = import(
        "a.md",
        &format!("{FRONT}{body}"),
        Some(("refs.json", REFS_WITH_FINDINGS)),
    )
    .expect("imports");
    let v: Value = serde_json::from_str(&done.json).expect("json");
    let glance = &v["sections"][0]["subsections"][0];
    assert_eq!(
        (&glance["id"], &glance["title"]["plain"]),
        (
            &json!("research-evidence-at-a-glance"),
            &json!("The numbers at a glance")
        )
    );
    assert_eq!(glance["blocks"], json!([{"type": "findings"}]));
    let types: Vec<&str> = v["sections"][1]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["type"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(types, ["paragraph", "findings", "paragraph"]);
    assert_eq!(
        v["sections"][1]["blocks"][2]["text"]["plain"],
        "After, plainly."
    );
    // The references' findings are carried through, not reported as unknown fields.
    assert_eq!(v["references"][0]["findings"][0]["kind"], "proportion");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn bibtex_references_become_csl_items() {
    let bib = "@article{doe-2020,\n  author = {Doe, Jane and van Roe, R.},\n  title = {A {Title}},\n  journal = {Journal of Examples},\n  year = {2020},\n  month = may,\n  volume = {3},\n  number = {2},\n  pages = {10--20},\n  url = {https://example.org/doe},\n}\n";
    let done = import("a.md", &format!("{FRONT}{BODY}"), Some(("refs.bib", bib))).expect("imports");
    let v: Value = serde_json::from_str(&done.json).expect("json");
    assert_eq!(
        v["references"][0],
        json!({"id": "doe-2020", "type": "article-journal", "title": "A Title",
               "author": [{"family": "Doe", "given": "Jane"}, {"family": "van Roe", "given": "R."}],
               "container-title": "Journal of Examples", "issued": {"date-parts": [[2020, 5]]},
               "volume": "3", "issue": "2", "page": "10-20", "URL": "https://example.org/doe"})
    );
    let e = run_bib("@article{doe-2020,\n  title = {Unclosed\n");
    assert!(
        e[0].starts_with("refs.bib:") && e[0].contains(": error: not valid BibTeX"),
        "{e:?}"
    );
}

fn run_bib(bib: &str) -> Vec<String> {
    import("a.md", &format!("{FRONT}{BODY}"), Some(("refs.bib", bib)))
        .expect_err("fails")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The errors of importing `FRONT` + `body` with `REFS`: the front
/// matter (19 lines) comes first, so `body` line N is file line N + 19.
fn errors(body: &str) -> Vec<String> {
    run(&format!("{FRONT}{body}"), Some(REFS)).expect_err("fails")
}

#[test]
fn mistakes_are_reported_at_their_markdown_lines() {
    let l = |n: usize| n + 19; // body line n (1-based) → file line (FRONT has 19)
    let cases: Vec<(String, String)> = vec![
        ("# A\n\n::: plain\nnever closed\n".into(),
         format!("a.md:{}: error: this ::: plain div is never closed: end it with a line of :::", l(3))),
        ("# A\n\n::: warning\nx\n:::\n".into(),
         format!("a.md:{}: error: \"::: warning\" is not understood: the divs are ::: plain, for the plain-language version of the block above it, and ::: findings, for where the charts of the findings go", l(3))),
        // ::: findings misused: content, never closed, misplaced, nested, plain after it.
        ("# A\n\n::: findings\n\nCharts here\n:::\n".into(),
         format!("a.md:{}: error: a ::: findings div stays empty: it marks where the charts go, and the charts come from the references' findings (write those in the references file)", l(5))),
        ("# A\n\n::: findings\n".into(),
         format!("a.md:{}: error: this ::: findings div is never closed: end it with a line of :::", l(3))),
        ("# A\n\n::: findings\n::: plain\n:::\n".into(),
         format!("a.md:{}: error: a div inside a ::: findings div: close the first with a line of ::: before opening another", l(4))),
        ("::: findings :::\n\n# A\n".into(),
         format!("a.md:{}: error: a ::: findings div before the first heading: put it in the section where the charts go", l(1))),
        ("# Glossary\n\n::: findings :::\n".into(),
         format!("a.md:{}: error: a ::: findings div goes in a section, not under # Glossary", l(3))),
        ("# A\n\n- one\n\n  ::: findings :::\n\n- two\n".into(),
         format!("a.md:{}: error: a ::: findings div stands on its own between blocks, not inside a list item: end the list before it", l(5))),
        ("# A\n\ntext\n\n::: findings :::\n\n::: plain\nx\n:::\n".into(),
         format!("a.md:{}: error: a ::: plain div after ::: findings: the charts take their plain texts from the references' findings, so put the plain div right after the block it translates", l(7))),
        ("# A\n\ntext\n\n::: plain :::\n".into(),
         format!("a.md:{}: error: a ::: plain div holds its text on the lines between ::: plain and a closing line of :::", l(5))),
        (":::\n\n# A\n".into(),
         format!("a.md:{}: error: this ::: closes no div (a plain version opens with ::: plain, the place of the charts with ::: findings)", l(1))),
        ("::: plain\nx\n:::\n\n# A\n".into(),
         format!("a.md:{}: error: a ::: plain div must follow the heading, paragraph or list item it translates", l(1))),
        ("# A\n\ntext\n\n::: plain\nx\n:::\n\n::: plain\ny\n:::\n".into(),
         format!("a.md:{}: error: the text above already has a plain version (line {}): one ::: plain div per block", l(9), l(5))),
        ("# A\n\ntext\n\n::: plain\nx\n\ny\n:::\n".into(),
         format!("a.md:{}: error: a plain-language version is one paragraph: remove the blank line (or give the next block its own ::: plain div)", l(7))),
        ("# A\n\n### C\n".into(),
         format!("a.md:{}: error: this heading skips a level: the next heading here is ##", l(3))),
        ("# A\n\n## B\n\n### C\n\n#### D\n".into(),
         format!("a.md:{}: error: sections nest at most 3 levels deep (#, ##, ###)", l(7))),
        ("Some text first.\n\n# A\n".into(),
         format!("a.md:{}: error: text before the first heading: start a section with # Title", l(1))),
        ("# A\n\n1. one\n2. two\n".into(),
         format!("a.md:{}: error: a numbered list (use - bullets) is not part of the article format: use headings, paragraphs and - lists", l(3))),
        ("# A\n\n```\ncode\n```\n".into(),
         format!("a.md:{}: error: a code block is not part of the article format: use headings, paragraphs and - lists", l(3))),
        ("# A\n\n> quoted\n".into(),
         format!("a.md:{}: error: a block quote (>) is not part of the article format: use headings, paragraphs and - lists", l(3))),
        ("# A\n\n- one\n  - nested\n".into(),
         format!("a.md:{}: error: a list item holds one paragraph of text (lists do not nest, and other blocks do not go in items)", l(4))),
        ("# A\n\nTerm\n: definition\n".into(),
         format!("a.md:{}: error: a definition list is read as the glossary: put it under a heading # Glossary", l(3))),
        ("# A {.wide}\n".into(),
         format!("a.md:{}: error: a heading takes only {{#id}} and {{.collapsed}}", l(1))),
        ("# Glossary\n\nA paragraph.\n".into(),
         format!("a.md:{}: error: under # Glossary only a definition list (Term, then : definition) is read", l(3))),
        // Validation, traced back: a missing plain version and an unknown citation key.
        ("# A\n\nNo plain version.\n".into(),
         format!("a.md:{}: error: sections[0].blocks[0].text.plain: plain-language text is missing (every block with professional text needs one)", l(3))),
        ("# A\n\nCites [@nobody].\n\n::: plain\nCites [@nobody].\n:::\n".into(),
         format!("a.md:{}: error: sections[0].blocks[0].text.professional: [@nobody] is not a reference id", l(3))),
    ];
    for (body, expected) in cases {
        let e = errors(&body);
        assert!(
            e.contains(&expected),
            "for\n{body}\nexpected\n  {expected}\ngot\n  {}",
            e.join("\n  ")
        );
    }
}

#[test]
fn front_matter_and_references_mistakes_name_their_lines() {
    let e = run("---\nid: x\nquestion: [unclosed\n---\n# A\n", None).expect_err("fails");
    assert!(
        e[0].starts_with("a.md:4: error: the front matter is not valid YAML"),
        "{e:?}"
    );
    let e = run("---\nid: x\n# A\n", None).expect_err("fails");
    assert_eq!(
        e,
        ["a.md:1: error: the front matter is never closed: end it with a line ---"]
    );
    let e = run(
        &format!(
            "{}sections: []\n---\n# A\n",
            FRONT.trim_end_matches("---\n")
        ),
        None,
    )
    .expect_err("fails");
    assert!(
        e.iter()
            .any(|l| l.starts_with("a.md:19: error: sections are not written in the front matter")),
        "{e:?}"
    );
    // A shape error in the front matter points at its key.
    let e = run(
        &FRONT.replace("  status: submitted", "  status: [submitted]"),
        None,
    )
    .expect_err("fails");
    assert!(
        e[0].starts_with("a.md:9: error: review.status: not in the evidence-article format"),
        "{e:?}"
    );
    let e = run(&format!("{FRONT}{BODY}"), Some("[{\"id\": \"a\",}]")).expect_err("fails");
    assert_eq!(
        e[0],
        "refs.json:1: error: not valid CSL-JSON: trailing comma"
    );
    let e = run(
        &format!("{FRONT}{BODY}"),
        Some("[\n{\"title\": \"no id\"}\n]"),
    )
    .expect_err("fails");
    assert_eq!(
        e,
        ["refs.json:2: error: this item has no \"id\" (its citation key)"]
    );
}

#[test]
fn the_command_writes_json_or_prints_it() {
    let dir = std::env::temp_dir().join(format!("ea-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("seed.json").to_string_lossy().into_owned();
    let args = |extra: &[&str]| {
        let mut a: Vec<String> = [
            "evidence-article",
            "import",
            SEED_MD,
            "--references",
            SEED_REFS,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let o = cli::outcome(&args(&["-o", &out]));
    assert_eq!(o.code, EXIT_OK, "{o:?}");
    assert!(o
        .stderr
        .last()
        .is_some_and(|l| l == &format!("{out}: written (3 warning(s))")));
    let (lines, code) = cli::execute(&["evidence-article".into(), "check".into(), out.clone()]);
    assert_eq!(
        (lines.last().map(String::as_str), code),
        (
            Some(format!("{out}: 0 errors, 3 warnings").as_str()),
            EXIT_OK
        )
    );
    let o = cli::outcome(&args(&[]));
    assert_eq!(o.stdout.join("\n") + "\n", read(&out));
    std::fs::remove_dir_all(&dir).expect("cleanup");
    let bad = dir.with_extension("md");
    std::fs::write(&bad, "# A\n\n> quote\n").expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let o = cli::outcome(&["evidence-article".into(), "import".into(), bad.clone()]);
    std::fs::remove_file(&bad).expect("cleanup");
    assert_eq!(o.code, EXIT_ERRORS);
    assert!(
        o.stderr
            .last()
            .is_some_and(|l| l.ends_with("1 error(s); nothing was written")),
        "{o:?}"
    );
    assert_eq!(
        cli::outcome(&["evidence-article".into(), "import".into()]).code,
        EXIT_USAGE
    );
}

/// Untrusted input never panics the import: every naughty string in a heading, a
/// paragraph, a plain div, a glossary entry, the front matter and the references
/// either imports or gives problems with lines.
#[test]
fn naughty_strings_never_panic_the_import() {
    let blns: Vec<String> = serde_json::from_str(include_str!("fixtures/blns.json"))
        .expect("blns.json is a list of strings");
    let fragments = [
        "---",
        ":::",
        "::: plain",
        "# ",
        "- ",
        "1. ",
        "> ",
        "```",
        "Term\n: ",
        "[@",
        "{#",
        "\n\n",
    ];
    let all: Vec<&str> = blns.iter().map(String::as_str).chain(fragments).collect();
    // Twenty strings per article keeps the test fast; each string gets every place.
    for chunk in all.chunks(20) {
        let mut md = FRONT.to_owned();
        let mut glossary = String::from("# Glossary\n\n");
        for s in chunk {
            md.push_str(&format!("# {s}\n\n{s}\n\n::: plain\n{s}\n:::\n\n- {s}\n\n"));
            glossary.push_str(&format!("{s}\n: {s}\n\n"));
        }
        let _ = import("a.md", &(md + &glossary), Some(("refs.json", REFS)));
    }
    for s in all {
        let _ = import("a.md", &format!("---\nid: {s}\n---\n{s}\n"), None);
        let _ = import("a.md", s, Some(("refs.bib", s)));
        let _ = import("a.md", s, Some(("refs.json", s)));
    }
}
