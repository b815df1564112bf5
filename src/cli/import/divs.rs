//! Pandoc fenced divs for plain-language versions: `::: plain` … `:::`. CommonMark
//! does not know them, so they are found line by line before pulldown-cmark sees
//! the text, and blanked out there (spaces keep every byte offset and line number).

use super::Problem;

/// One `::: plain` div.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainDiv {
    /// Byte offset of its opening line.
    pub start: usize,
    /// Line number (1-based) of its opening line.
    pub line: usize,
    /// Its text: the lines inside, trimmed and joined with spaces.
    pub text: String,
}

/// An open div: its byte offset, its line and its numbered lines so far.
type Open<'a> = (usize, usize, Vec<(usize, &'a str)>);

fn colons(line: &str) -> Option<&str> {
    let t = line.trim();
    let n = t.chars().take_while(|&c| c == ':').count();
    (n >= 3).then(|| t[n..].trim())
}

/// Finds the divs of `src` and returns
/// them with a copy of `src` in which their lines are blank.
pub fn extract(src: &str) -> (Vec<PlainDiv>, String, Vec<Problem>) {
    let mut divs = Vec::new();
    let mut problems = Vec::new();
    let mut blanked = src.to_owned().into_bytes();
    let mut open: Option<Open<'_>> = None;
    let mut offset = 0;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let n = i + 1;
        let start = offset;
        offset += line.len();
        let fence = colons(line);
        let in_div = open.is_some();
        match (fence, open.as_mut()) {
            (Some(""), Some(_)) => {
                if let Some((s, l, body)) = open.take() {
                    close(s, l, &body, &mut divs, &mut problems);
                }
            }
            (Some(_), Some(_)) => problems.push(Problem::new(
                n,
                "a div inside a ::: plain div: close the first with a line of ::: before opening another",
            )),
            (Some(class), None) => {
                let class = class.trim_start_matches('{').trim_end_matches('}').trim();
                if class == "plain" || class == ".plain" {
                    open = Some((start, n, Vec::new()));
                } else if class.is_empty() {
                    problems.push(Problem::new(n, "this ::: closes no div (a plain version opens with ::: plain)"));
                } else {
                    problems.push(Problem::new(n, format!(
                        "\"::: {class}\" is not understood: the only div is ::: plain, for the plain-language version of the block above it"
                    )));
                }
            }
            (None, Some((_, _, body))) => body.push((n, line)),
            (None, None) => {}
        }
        if in_div || fence.is_some() {
            for b in &mut blanked[start..offset] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
        }
    }
    if let Some((_, l, _)) = open {
        problems.push(Problem::new(
            l,
            "this ::: plain div is never closed: end it with a line of :::",
        ));
    }
    let blanked = String::from_utf8(blanked).unwrap_or_default();
    (divs, blanked, problems)
}

fn close(
    start: usize,
    line: usize,
    body: &[(usize, &str)],
    divs: &mut Vec<PlainDiv>,
    problems: &mut Vec<Problem>,
) {
    let lines: Vec<(usize, &str)> = body.iter().map(|(n, l)| (*n, l.trim())).collect();
    let first = lines.iter().position(|(_, l)| !l.is_empty());
    let last = lines.iter().rposition(|(_, l)| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        problems.push(Problem::new(
            line,
            "this ::: plain div is empty: write the plain-language version inside it",
        ));
        return;
    };
    if let Some((n, _)) = lines[first..=last].iter().find(|(_, l)| l.is_empty()) {
        problems.push(Problem::new(
            *n,
            "a plain-language version is one paragraph: remove the blank line (or give the next block its own ::: plain div)",
        ));
        return;
    }
    let text = lines[first..=last]
        .iter()
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join(" ");
    divs.push(PlainDiv { start, line, text });
}
