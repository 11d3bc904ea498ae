//! Program settings that are rules rather than data: the review cadence.

pub mod goals;
pub mod health;
pub mod selection;

/// How often a program holds its review meeting (the source article's regular
/// ambassador meeting). Monthly by default.
pub const REVIEW_CADENCES: [&str; 4] = ["weekly", "biweekly", "monthly", "quarterly"];

/// The default cadence.
pub const DEFAULT_CADENCE: &str = "monthly";

/// Whether `s` names a cadence.
pub fn is_cadence(s: &str) -> bool {
    REVIEW_CADENCES.contains(&s)
}

/// The longest time between two reviews on a cadence, in days (a month counts 31, a
/// quarter 92), for the health check's "a review within the cadence".
pub fn cadence_days(cadence: &str) -> Option<i64> {
    Some(match cadence {
        "weekly" => 7,
        "biweekly" => 14,
        "monthly" => 31,
        "quarterly" => 92,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cadence_has_a_length() {
        for c in REVIEW_CADENCES {
            assert!(is_cadence(c));
            assert!(cadence_days(c).is_some());
        }
        assert!(is_cadence(DEFAULT_CADENCE));
        assert!(!is_cadence("daily"));
        assert_eq!(cadence_days("daily"), None);
    }
}
