//! `render FILE [--audience ID] [--stylesheet URL | --bare]`: checks one article,
//! then prints the pre-rendered markup for hosts (see [`crate::render`]).

use super::check::{check_file, Options};
use super::error::CliError;
use super::{EXIT_ERRORS, EXIT_OK};
use crate::model::Audience;

/// Options of `render`.
#[derive(Debug, PartialEq)]
struct RenderArgs<'a> {
    file: &'a str,
    audience: Audience,
    stylesheet: &'a str,
    bare: bool,
}

fn parse(args: &[String]) -> Result<RenderArgs<'_>, CliError> {
    let usage = |m: String| CliError::usage("render", m);
    let mut file = None;
    let mut audience = Audience::default();
    let mut stylesheet = "evidence-article.css";
    let mut bare = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--audience" => {
                let id = it
                    .next()
                    .ok_or_else(|| usage("--audience needs an id".into()))?;
                audience = Audience::from_id(id).ok_or_else(|| {
                    usage(format!(
                        "unknown audience {id:?} (patient, student, nurse, physician)"
                    ))
                })?;
            }
            "--stylesheet" => {
                stylesheet = it
                    .next()
                    .ok_or_else(|| usage("--stylesheet needs a URL".into()))?;
            }
            "--bare" => bare = true,
            f if !f.starts_with("--") && file.is_none() => file = Some(f),
            other => return Err(usage(format!("unexpected argument {other:?}"))),
        }
    }
    Ok(RenderArgs {
        file: file.ok_or_else(|| usage("give one FILE.json".into()))?,
        audience,
        stylesheet,
        bare,
    })
}

/// `render`: the markup for `<evidence-article>` (exit 0), or the check's findings
/// (exit 1; they go to standard error so they never end up in a page).
pub fn command(args: &[String]) -> Result<(Vec<String>, i32), CliError> {
    let a = parse(args)?;
    let (report, read) = check_file(a.file, Options::default())?;
    let Some((_, raw)) = read.filter(|_| report.errors() == 0) else {
        return Ok((report.lines(), EXIT_ERRORS));
    };
    let html = if a.bare {
        crate::render::render_bare(&raw, a.audience)
    } else {
        crate::render::render_element(&raw, a.audience, a.stylesheet)
    };
    Ok((vec![html], EXIT_OK))
}
