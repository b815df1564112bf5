//! Pandoc fenced divs: `::: plain` … `:::` for plain-language versions, and the
//! empty `::: findings` … `:::` (or `::: findings :::` on one line) marking where
//! the "Evidence at a glance" charts go. CommonMark does not know them, so they are
//! found line by line before pulldown-cmark sees the text, and blanked out there
//! (spaces keep every byte offset and line number).

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

/// One `::: findings` div: where a findings block goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingsDiv {
    /// Byte offset of its opening line.
    pub start: usize,
    /// Line number (1-based) of its opening line.
    pub line: usize,
}

/// The divs of a Markdown text, in document order.
#[derive(Debug, Default)]
pub struct Divs {
    /// The `::: plain` divs.
    pub plain: Vec<PlainDiv>,
    /// The `::: findings` divs.
    pub findings: Vec<FindingsDiv>,
}

/// An open div: its byte offset, its line, whether it is `::: findings`, and its
/// numbered lines so far.
type Open<'a> = (usize, usize, bool, Vec<(usize, &'a str)>);

fn colons(line: &str) -> Option<&str> {
    let t = line.trim();
    let n = t.chars().take_while(|&c| c == ':').count();
    (n >= 3).then(|| t[n..].trim())
}

fn name(findings: bool) -> &'static str {
    if findings {
        "::: findings"
    } else {
        "::: plain"
    }
}

/// Finds the divs of `src` and returns
/// them with a copy of `src` in which their lines are blank.
pub fn extract(src: &str) -> (Divs, String, Vec<Problem>) {
    let mut divs = Divs::default();
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
            (Some(""), Some(_)) => match open.take() {
                Some((s, l, false, body)) => close(s, l, &body, &mut divs.plain, &mut problems),
                Some((s, l, true, body)) => {
                    match body.iter().find(|(_, t)| !t.trim().is_empty()) {
                        Some((m, _)) => problems.push(Problem::new(*m, "a ::: findings div stays empty: it marks where the charts go, and the charts come from the references' findings (write those in the references file)")),
                        None => divs.findings.push(FindingsDiv { start: s, line: l }),
                    }
                }
                None => {}
            },
            (Some(_), Some((_, _, findings, _))) => problems.push(Problem::new(
                n,
                format!("a div inside a {} div: close the first with a line of ::: before opening another", name(*findings)),
            )),
            (Some(class), None) => {
                let one_line = class.ends_with(":::");
                let class = class.trim_end_matches(':').trim();
                let class = class.trim_start_matches('{').trim_end_matches('}').trim();
                match (class.trim_start_matches('.'), one_line) {
                    ("findings", true) => divs.findings.push(FindingsDiv { start, line: n }),
                    ("findings", false) => open = Some((start, n, true, Vec::new())),
                    ("plain", false) => open = Some((start, n, false, Vec::new())),
                    ("plain", true) => problems.push(Problem::new(n, "a ::: plain div holds its text on the lines between ::: plain and a closing line of :::")),
                    ("", _) => problems.push(Problem::new(n, "this ::: closes no div (a plain version opens with ::: plain, the place of the charts with ::: findings)")),
                    (_, _) => problems.push(Problem::new(n, format!(
                        "\"::: {class}\" is not understood: the divs are ::: plain, for the plain-language version of the block above it, and ::: findings, for where the charts of the findings go"
                    ))),
                }
            }
            (None, Some((_, _, _, body))) => body.push((n, line)),
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
    if let Some((_, l, findings, _)) = open {
        problems.push(Problem::new(
            l,
            format!(
                "this {} div is never closed: end it with a line of :::",
                name(findings)
            ),
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
