//! Measurement (C11): the calendar arithmetic of roll-ups and periods, and the metric
//! definitions of PRODUCT.md ("Definitions used everywhere") as plain functions.
//!
//! Roll-ups count per UTC day (`crate::tracking::day_number`) and per month, a month
//! being numbered from January 1970 (0) on, so that both engines store plain integers.

pub mod comparison;
pub mod emv;
pub mod metrics;
pub mod period;
pub mod review;

pub use emv::{Rates, default_rates};
pub use metrics::{Headline, Totals};
pub use period::{Bucket, DayRange, Granularity, Period, PeriodChoice, PeriodError, Split};

use jiff::civil::Date;

/// Above this personalisation (per mille, as `shares.personalisation` stores it) a share
/// counts as personalised: the similarity to the suggested text is below
/// [`crate::content::sharing::PERSONALISED_BELOW_SIMILARITY`]. An own post (no suggested
/// text, no score) is personalised: every word of it is the ambassador's.
pub const PERSONALISED_ABOVE_PER_MILLE: i64 = 300;

/// Whether a share with this stored personalisation counts as personalised.
pub fn is_personalised_share(personalisation_per_mille: Option<i64>) -> bool {
    personalisation_per_mille.is_none_or(|p| p > PERSONALISED_ABOVE_PER_MILLE)
}

/// The civil date of a UTC day number.
pub fn date_of_day(day: i64) -> Date {
    let epoch = Date::constant(1970, 1, 1);
    epoch.checked_add(jiff::Span::new().days(day)).unwrap_or(epoch)
}

/// The UTC day number of a civil date.
pub fn day_of_date(date: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    date.since((jiff::Unit::Day, epoch)).map_or(0, |s| s.get_days() as i64)
}

/// The month (since January 1970) a UTC day falls in.
pub fn month_of_day(day: i64) -> i64 {
    let d = date_of_day(day);
    (i64::from(d.year()) - 1970) * 12 + i64::from(d.month()) - 1
}

/// The first UTC day of a month (since January 1970).
pub fn first_day_of_month(month: i64) -> i64 {
    let year = 1970 + month.div_euclid(12);
    let m = month.rem_euclid(12) + 1;
    Date::new(year as i16, m as i8, 1).map_or(0, day_of_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_months_round_trip() {
        assert_eq!(month_of_day(0), 0);
        assert_eq!(month_of_day(30), 0);
        assert_eq!(month_of_day(31), 1);
        assert_eq!(first_day_of_month(1), 31);
        assert_eq!(first_day_of_month(0), 0);
        // 2026-11-30 is day 20_422; November 2026 is month (2026 - 1970) * 12 + 10.
        let day = day_of_date(Date::constant(2026, 11, 30));
        assert_eq!(date_of_day(day), Date::constant(2026, 11, 30));
        assert_eq!(month_of_day(day), 56 * 12 + 10);
        assert_eq!(
            date_of_day(first_day_of_month(56 * 12 + 10)),
            Date::constant(2026, 11, 1)
        );
        // February of a leap year ends on the 29th.
        let march_2028 = first_day_of_month(58 * 12 + 2);
        assert_eq!(date_of_day(march_2028 - 1), Date::constant(2028, 2, 29));
    }

    #[test]
    fn own_posts_and_rewritten_texts_are_personalised() {
        assert!(is_personalised_share(None));
        assert!(is_personalised_share(Some(301)));
        assert!(!is_personalised_share(Some(300)));
        assert!(!is_personalised_share(Some(0)));
    }
}
