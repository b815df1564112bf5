//! `new [FILE.json] [--force]`: writes the skeleton article
//! ([`TEMPLATE_ARTICLE_JSON`](crate::model::TEMPLATE_ARTICLE_JSON)) dated today, or
//! prints it.

use super::error::{write_text, CliError};
use super::EXIT_OK;
use crate::model::freshness::Date;
use crate::model::TEMPLATE_ARTICLE_JSON;

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let d = Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0));
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// The skeleton with `last-updated` set to `date`.
pub fn skeleton(date: &str) -> String {
    TEMPLATE_ARTICLE_JSON.replacen(
        "\"last-updated\": \"2026-01-01\"",
        &format!("\"last-updated\": \"{date}\""),
        1,
    )
}

/// `new`: `(stdout, stderr, code)`.
pub fn command(args: &[String]) -> Result<(Vec<String>, Vec<String>, i32), CliError> {
    let force = args.iter().any(|a| a == "--force");
    let mut files = args.iter().filter(|a| *a != "--force");
    let file = files.next();
    if let Some(extra) = files.next() {
        return Err(CliError::usage(
            "new",
            format!("unexpected argument {extra:?}"),
        ));
    }
    let text = skeleton(&today());
    match file {
        Some(f) if f.starts_with('-') => {
            Err(CliError::usage("new", format!("unknown option {f:?}")))
        }
        Some(f) => {
            write_text(f, &text, force)?;
            Ok((
                Vec::new(),
                vec![format!(
                    "{f}: written; replace every value, then run: evidence-article check {f}"
                )],
                EXIT_OK,
            ))
        }
        None => Ok((
            text.lines().map(str::to_owned).collect(),
            Vec::new(),
            EXIT_OK,
        )),
    }
}
