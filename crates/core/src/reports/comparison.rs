//! Comparisons that small numbers must not mislead: an ambassador's posts against the
//! median of their program's active ambassadors ("my impact"), and personalised shares
//! against verbatim ones ("does personalisation pay?" on a content item's performance).
//!
//! A median over too few colleagues would give a colleague's own numbers away, and a
//! difference between a handful of shares says nothing, so both rules decline to compare
//! below a threshold. A comparison is a description of what happened, never a proof of
//! why: the pages say so.

use super::metrics::{median, ratio};

/// Fewer active ambassadors than this (the viewer included) and no median is shown: with
/// two, the median and one's own numbers would give the other person's away.
pub const MIN_PEERS: usize = 3;

/// Fewer shares than this in either group and personalised and verbatim shares are not
/// compared: the numbers are too small.
pub const MIN_GROUP_SHARES: i64 = 5;

/// Within this relative difference two values count as about the same (10 %).
pub const ABOUT_THE_SAME: f64 = 0.10;

/// The medians of a program's active ambassadors (those with at least one share) in a
/// period: shares per ambassador and clicks per share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeerMedians {
    /// How many active ambassadors the medians are taken over.
    pub ambassadors: usize,
    pub shares: f64,
    pub clicks_per_share: f64,
}

/// The medians over the active ambassadors' (shares, human clicks) in a period; people
/// without shares are left out; `None` with fewer than [`MIN_PEERS`] of them.
pub fn peer_medians(peers: &[(i64, i64)]) -> Option<PeerMedians> {
    let active: Vec<(i64, i64)> = peers.iter().copied().filter(|(s, _)| *s > 0).collect();
    if active.len() < MIN_PEERS {
        return None;
    }
    let shares: Vec<f64> = active.iter().map(|(s, _)| *s as f64).collect();
    let cps: Vec<f64> = active.iter().filter_map(|(s, c)| ratio(*c, *s)).collect();
    Some(PeerMedians {
        ambassadors: active.len(),
        shares: median(&shares)?,
        clicks_per_share: median(&cps)?,
    })
}

/// Where a value stands against a reference value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Above,
    About,
    Below,
}

impl Standing {
    /// The catalog key suffix and CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Above => "above",
            Standing::About => "about",
            Standing::Below => "below",
        }
    }
}

/// Whether `value` is above, about the same as (within [`ABOUT_THE_SAME`] of the larger of
/// the two), or below `reference`.
pub fn standing(value: f64, reference: f64) -> Standing {
    let scale = value.abs().max(reference.abs());
    if scale == 0.0 || (value - reference).abs() <= ABOUT_THE_SAME * scale {
        Standing::About
    } else if value > reference {
        Standing::Above
    } else {
        Standing::Below
    }
}

/// The shares and human clicks of one group of shares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Group {
    pub shares: i64,
    pub clicks: i64,
}

impl Group {
    pub fn clicks_per_share(&self) -> Option<f64> {
        ratio(self.clicks, self.shares)
    }
}

/// What the personalised and verbatim shares of an item show, side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A group has fewer than [`MIN_GROUP_SHARES`] shares.
    TooFewShares,
    /// Personalised shares drew more clicks per share.
    PersonalisedAhead,
    /// About the same clicks per share.
    Even,
    /// Verbatim shares drew more clicks per share.
    VerbatimAhead,
}

impl Verdict {
    /// The catalog key suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::TooFewShares => "too-few",
            Verdict::PersonalisedAhead => "personalised-ahead",
            Verdict::Even => "even",
            Verdict::VerbatimAhead => "verbatim-ahead",
        }
    }
}

/// Splits an item's totals into its personalised and verbatim groups: `personalised` of
/// the `shares` were personalised, and `personalised_clicks` of the `clicks` came through
/// links that carry a personalised share.
pub fn groups(shares: i64, personalised: i64, clicks: i64, personalised_clicks: i64) -> (Group, Group) {
    (
        Group {
            shares: personalised,
            clicks: personalised_clicks,
        },
        Group {
            shares: (shares - personalised).max(0),
            clicks: (clicks - personalised_clicks).max(0),
        },
    )
}

/// Compares the clicks per share of personalised and verbatim shares.
pub fn verdict(personalised: Group, verbatim: Group) -> Verdict {
    if personalised.shares < MIN_GROUP_SHARES || verbatim.shares < MIN_GROUP_SHARES {
        return Verdict::TooFewShares;
    }
    let p = personalised.clicks_per_share().unwrap_or(0.0);
    let v = verbatim.clicks_per_share().unwrap_or(0.0);
    match standing(p, v) {
        Standing::Above => Verdict::PersonalisedAhead,
        Standing::About => Verdict::Even,
        Standing::Below => Verdict::VerbatimAhead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_need_three_active_ambassadors() {
        assert_eq!(peer_medians(&[]), None);
        assert_eq!(peer_medians(&[(2, 10), (1, 0)]), None);
        // People without shares are not active and do not count.
        assert_eq!(peer_medians(&[(2, 10), (1, 0), (0, 50)]), None);
        let m = peer_medians(&[(2, 10), (1, 0), (4, 4), (0, 50)]).unwrap();
        assert_eq!(m.ambassadors, 3);
        assert_eq!(m.shares, 2.0);
        // Clicks per share 5, 0 and 1: the middle one.
        assert_eq!(m.clicks_per_share, 1.0);
        let m = peer_medians(&[(1, 1), (1, 2), (1, 3), (1, 4)]).unwrap();
        assert_eq!((m.shares, m.clicks_per_share), (1.0, 2.5));
    }

    #[test]
    fn standings_allow_ten_percent_either_way() {
        assert_eq!(standing(5.0, 2.0), Standing::Above);
        assert_eq!(standing(1.0, 2.0), Standing::Below);
        assert_eq!(standing(2.1, 2.0), Standing::About);
        assert_eq!(standing(1.85, 2.0), Standing::About);
        assert_eq!(standing(0.0, 0.0), Standing::About);
        assert_eq!(standing(0.0, 0.5), Standing::Below);
        assert_eq!(Standing::Above.as_str(), "above");
    }

    #[test]
    fn totals_split_into_personalised_and_verbatim_groups() {
        let (p, v) = groups(12, 5, 40, 30);
        assert_eq!(p, Group { shares: 5, clicks: 30 });
        assert_eq!(v, Group { shares: 7, clicks: 10 });
        assert_eq!(p.clicks_per_share(), Some(6.0));
        assert_eq!(Group::default().clicks_per_share(), None);
        // Never negative, whatever the rows say.
        assert_eq!(groups(1, 2, 0, 3).1, Group { shares: 0, clicks: 0 });
    }

    #[test]
    fn verdicts_need_five_shares_in_each_group() {
        let g = |shares, clicks| Group { shares, clicks };
        assert_eq!(verdict(g(4, 100), g(10, 1)), Verdict::TooFewShares);
        assert_eq!(verdict(g(10, 1), g(4, 100)), Verdict::TooFewShares);
        assert_eq!(verdict(g(5, 30), g(5, 10)), Verdict::PersonalisedAhead);
        assert_eq!(verdict(g(5, 10), g(5, 30)), Verdict::VerbatimAhead);
        assert_eq!(verdict(g(10, 20), g(5, 10)), Verdict::Even);
        assert_eq!(verdict(g(5, 0), g(5, 0)), Verdict::Even);
        assert_eq!(Verdict::TooFewShares.as_str(), "too-few");
    }
}
