//! The coordinator's anti-gaming review (C10): patterns worth a look because points may
//! be earned by something other than real, natural posts. Nothing here punishes anyone by
//! itself; a coordinator looks and decides.
//!
//! - **Many clicks from few visitors**: a link whose human clicks are more than
//!   [`SUSPICIOUS_CLICKS_PER_VISITOR`] per unique visitor (visitors are counted once per
//!   link and day) over the review window, with at least [`MIN_CLICKS_TO_REVIEW`] clicks.
//!   People rarely open the same link more than a few times a day; a script reloading it
//!   does. Such clicks earn nothing extra anyway (points count unique visitors), but they
//!   may hide visitors that are not people either; the coordinator may count as bots
//!   every visitor with more than [`SUSPICIOUS_CLICKS_PER_VISITOR`] clicks on the link in
//!   one day ([`repeat_visitor`]), which corrects the points.
//! - **Shares without a post URL**: a share confirmed without the address of the post
//!   cannot be checked; a person with at least [`MIN_UNVERIFIED_SHARES`] such shares
//!   making up more than half of their shares in the window is flagged.

use crate::{DAY, Millis};

/// Clicks per unique visitor above which a link's clicks look repeated rather than read.
pub const SUSPICIOUS_CLICKS_PER_VISITOR: i64 = 3;

/// Fewer clicks than this are too few to judge.
pub const MIN_CLICKS_TO_REVIEW: i64 = 10;

/// Fewer shares without a post URL than this are too few to judge.
pub const MIN_UNVERIFIED_SHARES: i64 = 3;

/// How far back the review looks.
pub const REVIEW_WINDOW: Millis = 30 * DAY;

/// Where the review's window starts at `now`: [`REVIEW_WINDOW`] back, at the start of
/// that UTC day, so its first day is whole (visitors are counted per UTC day, as click
/// points are) and a correction compares like with like.
pub fn review_since(now: Millis) -> Millis {
    (now - REVIEW_WINDOW).div_euclid(DAY) * DAY
}

/// Whether a link's human clicks come from suspiciously few visitors.
pub fn many_clicks_from_few_visitors(clicks: i64, visitors: i64) -> bool {
    clicks >= MIN_CLICKS_TO_REVIEW && clicks > SUSPICIOUS_CLICKS_PER_VISITOR * visitors.max(1)
}

/// Whether one visitor's clicks on one link in one day are counted as a bot's when the
/// coordinator reclassifies a link's repeated clicks.
pub fn repeat_visitor(clicks_in_a_day: i64) -> bool {
    clicks_in_a_day > SUSPICIOUS_CLICKS_PER_VISITOR
}

/// Whether a person's shares in the window are mostly without a post URL.
pub fn mostly_unverified(without_post_url: i64, shares: i64) -> bool {
    without_post_url >= MIN_UNVERIFIED_SHARES && without_post_url * 2 > shares
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_clicks_from_few_visitors_needs_both_the_ratio_and_enough_clicks() {
        assert!(!many_clicks_from_few_visitors(9, 1), "too few clicks to judge");
        assert!(many_clicks_from_few_visitors(10, 1));
        assert!(
            !many_clicks_from_few_visitors(30, 10),
            "three per visitor is still people"
        );
        assert!(many_clicks_from_few_visitors(31, 10));
        assert!(!many_clicks_from_few_visitors(40, 40));
        assert!(many_clicks_from_few_visitors(12, 0), "no visitor counts as one");
    }

    #[test]
    fn a_visitor_with_more_than_three_clicks_a_day_is_a_repeat_visitor() {
        assert!(!repeat_visitor(1));
        assert!(!repeat_visitor(SUSPICIOUS_CLICKS_PER_VISITOR));
        assert!(repeat_visitor(SUSPICIOUS_CLICKS_PER_VISITOR + 1));
    }

    #[test]
    fn the_window_starts_at_a_utc_midnight_thirty_days_back() {
        let now = 20_000 * DAY + 13 * crate::HOUR;
        assert_eq!(review_since(now), 19_970 * DAY);
        assert_eq!(review_since(20_000 * DAY), 19_970 * DAY);
    }

    #[test]
    fn mostly_unverified_needs_a_few_shares_and_more_than_half() {
        assert!(!mostly_unverified(2, 2));
        assert!(mostly_unverified(3, 3));
        assert!(mostly_unverified(3, 5));
        assert!(!mostly_unverified(3, 6));
        assert!(!mostly_unverified(0, 10));
    }
}
