//! `import ARTICLE.md [--references REFS.json|REFS.bib] [-o ARTICLE.json]`: an
//! article written in Markdown (YAML front matter, headings for sections, Pandoc
//! citations `[@key]`, `::: plain` divs after the block they translate, empty
//! `::: findings` divs where the charts go, the glossary as a definition list)
//! plus its references (CSL-JSON or BibTeX) becomes `evidence-article/1` JSON,
//! checked like `check`. Every problem names the file and line it comes from. See docs/authoring.md for the format.

mod assemble;
mod body;
mod divs;
mod front;
mod output;
mod refs;
mod tree;
mod walk;

pub use assemble::{import, Imported};

use super::error::{read_text, write_text, CliError};
use super::{EXIT_ERRORS, EXIT_OK};

/// A problem in an input file, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Line (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// A problem at `line`.
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
        }
    }
}

/// A problem with its file, as printed: `FILE:LINE: error|warning: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {}: {message}", if *.error { "error" } else { "warning" })]
pub struct Located {
    /// The file (the Markdown or the references file).
    pub file: String,
    /// Its line.
    pub line: usize,
    /// Error (nothing is written) or warning.
    pub error: bool,
    /// What is wrong (with the JSON path first, for the checker's findings).
    pub message: String,
}

struct Args<'a> {
    markdown: &'a str,
    references: Option<&'a str>,
    output: Option<&'a str>,
}

fn parse_args(args: &[String]) -> Result<Args<'_>, CliError> {
    let usage = |m: String| CliError::usage("import", m);
    let (mut markdown, mut references, mut output) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--references" | "-r" => {
                references = Some(
                    it.next()
                        .ok_or_else(|| usage(format!("{a} needs a file")))?
                        .as_str(),
                )
            }
            "-o" | "--output" => {
                output = Some(
                    it.next()
                        .ok_or_else(|| usage(format!("{a} needs a file")))?
                        .as_str(),
                )
            }
            f if !f.starts_with('-') && markdown.is_none() => markdown = Some(f),
            other => return Err(usage(format!("unexpected argument {other:?}"))),
        }
    }
    Ok(Args {
        markdown: markdown.ok_or_else(|| usage("give the ARTICLE.md to import".into()))?,
        references,
        output,
    })
}

/// `import`: `(stdout, stderr, code)`.
pub fn command(args: &[String]) -> Result<(Vec<String>, Vec<String>, i32), CliError> {
    let a = parse_args(args)?;
    let md = read_text(a.markdown)?;
    let refs = match a.references {
        Some(r) => Some((r, read_text(r)?)),
        None => None,
    };
    let refs = refs.as_ref().map(|(n, t)| (*n, t.as_str()));
    match import(a.markdown, &md, refs) {
        Err(problems) => {
            let errors = problems.iter().filter(|p| p.error).count();
            let mut err: Vec<String> = problems.iter().map(ToString::to_string).collect();
            err.push(format!(
                "{}: {errors} error(s); nothing was written",
                a.markdown
            ));
            Ok((Vec::new(), err, EXIT_ERRORS))
        }
        Ok(done) => {
            let mut err: Vec<String> = done.warnings.iter().map(ToString::to_string).collect();
            if done.left_out > 0 {
                err.push(format!(
                    "{}: {} reference(s) never cited in {} were left out",
                    a.references.unwrap_or_default(),
                    done.left_out,
                    a.markdown
                ));
            }
            match a.output {
                Some(o) => {
                    write_text(o, &done.json, true)?;
                    err.push(format!("{o}: written ({} warning(s))", done.warnings.len()));
                    Ok((Vec::new(), err, EXIT_OK))
                }
                None => Ok((done.json.lines().map(str::to_owned).collect(), err, EXIT_OK)),
            }
        }
    }
}
