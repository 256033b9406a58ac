//! Calendar dates as the language writes them (`YYYY-MM-DD`), checked and comparable.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` for a malformed text or a day that does not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: u16 = text.get(0..4)?.parse().ok()?;
        let month: u8 = text.get(5..7)?.parse().ok()?;
        let day: u8 = text.get(8..10)?.parse().ok()?;
        let date = Date { year, month, day };
        (year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if self.is_leap_year() => 29,
            2 => 28,
            _ => 31,
        }
    }

    fn is_leap_year(self) -> bool {
        let y = self.year as u32;
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn day_number(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parse_checks_the_calendar() {
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-00-10").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2100-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(Date::parse("2026-11-20").unwrap().to_string(), "2026-11-20");
    }

    #[test]
    fn day_arithmetic() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2026-11-20").days_until(d("2026-11-21")), 1);
        assert_eq!(d("2026-11-20").days_until(d("2027-02-18")), 90);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
    }
}
