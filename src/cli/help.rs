//! The help texts: one overview and one page per command (`COMMAND --help`).

/// The overview (`--help`, `help`, or no command).
pub const OVERVIEW: &str = "\
usage: evidence-article COMMAND [ARGS…]   (COMMAND --help for details)

commands:
  new      write a skeleton article to fill in
  import   turn a Markdown article (+ CSL-JSON or BibTeX references) into JSON
  check    check articles: problems, reading level and coverage
  stats    print the reading level and coverage tables of an article
  render   print pre-rendered markup of an article for a host page
  help     show this overview, or `help COMMAND` for one command

exit status: 0 done (warnings allowed); 1 problems found (errors, or warnings under
--strict; nothing written or rendered); 2 usage mistake, or a file that cannot be
read or written.
install: cargo install --path . --features cli   (then run `evidence-article`)";

/// `new --help`.
pub const NEW: &str = "\
usage: evidence-article new [FILE.json] [--force]

Writes a skeleton evidence-article/1 article: every field present, each value
saying what belongs there. It passes `check`; replace every value, then check again.
Without FILE.json it prints the skeleton. --force replaces an existing file.
exit status: 0 written; 2 the file exists (without --force) or cannot be written.";

/// `import --help`.
pub const IMPORT: &str = "\
usage: evidence-article import ARTICLE.md [--references REFS.json|REFS.bib]
                               [-o ARTICLE.json]

Turns a Markdown article into evidence-article/1 JSON (docs/authoring.md):
  --- front matter ---   YAML: id, question, publisher, review, last-updated,
                         audiences, disclaimer, follow-up, editor-notes, …
                         (reference-fields: extra fields per citation key)
  # Title {#id}          a section; ## and ### are subsections ({.collapsed}
                         makes one start closed)
  paragraphs, - lists    content blocks; [@key] or [@a; @b] cite references
  ::: plain … :::        the plain-language version of the heading, paragraph
                         or list item just above it
  ::: findings :::       where the references' findings are drawn as charts
                         (an empty div, between blocks)
  # Glossary             a definition list: a line `Term (expansion)` or `Term`,
                         then `: definition`
References: CSL-JSON (Zotero, PubMed), whose fields the format does not use are
carried through, or BibTeX (.bib). Only cited references are kept.
The result is checked like `check`; every problem is printed as
FILE:LINE: error|warning: message, with the line in the Markdown (or references)
file. Without -o the JSON is printed; -o replaces the file.
exit status: 0 written (warnings allowed); 1 problems found, nothing written;
2 usage mistake, or a file that cannot be read or written.";

/// `check --help`.
pub const CHECK: &str = "\
usage: evidence-article check [--strict] FILE.json [FILE.json …]

Checks evidence-article/1 files and prints FILE:LINE:COL: error|warning: PATH: message,
then one summary line per file. Besides the widget's own checks (JSON syntax, shape,
unknown fields, validation) it reports, as warnings, the reading level of the
plain-language text (Flesch–Kincaid grade: target 8 or below overall and for each
popover text, 10 for any one block) and coverage gaps (abbreviations without a
glossary entry, long words to explain, references never cited, citations that
differ between versions, blocks without a plain version, notes pointing nowhere).
--strict: those warnings are errors (glossary candidates, being guesses, stay warnings).
exit status: 0 no errors (warnings allowed); 1 errors found; 2 usage or read error.";

/// `stats --help`.
pub const STATS: &str = "\
usage: evidence-article stats FILE.json

Prints the reading level of the plain-language text (each text's words, sentences,
syllables and Flesch–Kincaid grade, the whole article's grade against the target of
8, the three hardest sentences) and the coverage table.
exit status: 0 printed; 1 the file is not an article (its problems are printed);
2 usage or read error.";

/// `render --help`.
pub const RENDER: &str = "\
usage: evidence-article render FILE.json [--audience ID] [--stylesheet URL | --bare]

Checks one article, then prints the markup to put inside <evidence-article> (a
declarative shadow root with the pre-rendered article for audience ID, default
physician, linking the stylesheet URL, default evidence-article.css, and the article
as inline JSON); the widget hydrates it when the WebAssembly arrives.
--bare: the article markup alone, for an element of the host's own that carries
data-ea-prerendered=\"ID\" (the standalone page, the mount API).
The markup names the build that made it (data-ea-build): a widget of another
release renders it afresh instead of hydrating it, so re-run render on upgrade.
exit status: 0 printed; 1 the article has errors (printed to standard error);
2 usage or read error.";

/// The help page of `command`, if it is one.
pub fn page(command: &str) -> Option<&'static str> {
    Some(match command {
        "new" => NEW,
        "import" => IMPORT,
        "check" => CHECK,
        "stats" => STATS,
        "render" => RENDER,
        "help" => OVERVIEW,
        _ => return None,
    })
}
