//! A calendar day as a number (days since 1970-01-01), the unit the review
//! schedule counts in, written `2025-08-22` in the state file.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dates::{Civil, civil_from_days, days_from_civil, is_valid};

/// One day; the schedule has no finer time than this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayNumber(pub i64);

impl DayNumber {
    /// The day of a calendar date.
    pub fn of((y, m, d): Civil) -> DayNumber {
        DayNumber(days_from_civil(y, m, d))
    }

    /// The calendar date of this day.
    pub fn civil(self) -> Civil {
        civil_from_days(self.0)
    }

    /// `n` days later (earlier when negative).
    pub fn plus(self, n: i64) -> DayNumber {
        DayNumber(self.0 + n)
    }

    /// Days from `earlier` to this day.
    pub fn since(self, earlier: DayNumber) -> i64 {
        self.0 - earlier.0
    }

    /// Reads `2025-08-22`.
    pub fn parse(s: &str) -> Option<DayNumber> {
        let mut parts = s.splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        is_valid(Some(y), m, d).then(|| DayNumber::of((y, m, d)))
    }
}

impl fmt::Display for DayNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for DayNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DayNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DayNumber, D::Error> {
        let s = String::deserialize(d)?;
        DayNumber::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_and_write_as_dates() {
        let d = DayNumber::of((2025, 8, 22));
        assert_eq!(d.to_string(), "2025-08-22");
        assert_eq!(DayNumber::parse("2025-08-22"), Some(d));
        assert_eq!(d.plus(10).to_string(), "2025-09-01");
        assert_eq!(d.plus(10).since(d), 10);
        assert_eq!(DayNumber::parse("2025-02-30"), None);
        assert_eq!(DayNumber::parse("soon"), None);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2025-08-22\"");
        assert_eq!(serde_json::from_str::<DayNumber>(&json).unwrap(), d);
    }
}
