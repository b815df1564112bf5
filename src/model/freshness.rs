//! Freshness: whether an article is older than its review interval on a given day.
//! "Today" is an argument (the browser passes its clock after the first render,
//! tests pass a fixed date), so the decision is pure and never baked into
//! pre-rendered HTML.

use super::validate::is_real_date;

/// Review interval used when an article declares none.
pub const DEFAULT_REVIEW_INTERVAL_MONTHS: u32 = 12;

/// Longest review interval an article may declare (ten years).
pub const MAX_REVIEW_INTERVAL_MONTHS: u32 = 120;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// The civil (proleptic Gregorian, UTC) date `days` days after 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Parses a real `YYYY-MM-DD` date.
    pub fn parse_iso(s: &str) -> Option<Date> {
        if !is_real_date(s) {
            return None;
        }
        Some(Date {
            year: s.get(0..4)?.parse().ok()?,
            month: s.get(5..7)?.parse().ok()?,
            day: s.get(8..10)?.parse().ok()?,
        })
    }

    /// The same day `months` later; a day the later month lacks becomes its last
    /// day (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Date {
        let total = self.month - 1 + months;
        let year = self.year + (total / 12) as i32;
        let month = total % 12 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

/// Whether an article last updated on `last_updated` (`YYYY-MM-DD`) is older than
/// `interval_months` on `today`: true from the day after the interval ends. An
/// unreadable date is never called stale (validation reports it instead).
pub fn is_stale(last_updated: &str, interval_months: u32, today: Date) -> bool {
    Date::parse_iso(last_updated).is_some_and(|d| today > d.add_months(interval_months))
}

/// The notice shown under the date of a stale article.
pub fn notice(interval_months: u32) -> String {
    let unit = if interval_months == 1 {
        "month"
    } else {
        "months"
    };
    format!(
        "Last updated more than {interval_months} {unit} ago \u{2014} newer evidence may exist."
    )
}
