//! Points (C10): the rules a program awards points by, their defaults, and what an event
//! is worth. Awards go into an append-only ledger (one award per person, rule and source);
//! a correction is a new negative row. Lifetime points are the ledger's sum (redemptions
//! never lower them); the spendable balance is lifetime minus the points held by open
//! redemptions and spent by delivered ones.
//!
//! The rules reward real, natural posts: a confirmed share, a bonus when it is
//! personalised (never for a text nearly identical to a colleague's that day), human
//! clicks on one's own link (unique visitors only, bots never, at most
//! [`CLICKS_DAILY_CAP`] a share a day), an application and a hire through one's link, a
//! finished course, an approved suggestion, and a planned post done on time.

use serde::Serialize;

/// The most human clicks that earn points per share and day.
pub const CLICKS_DAILY_CAP: i64 = 20;

/// A points rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A confirmed share (an item or one's own post).
    Share,
    /// The share's text is personalised (similarity below the threshold) and not nearly
    /// identical to a colleague's share of the day.
    Personalised,
    /// A unique human visitor on one's tracked link, per share and day, capped.
    Click,
    /// An application through one's link.
    Application,
    /// A hire through one's link.
    Hire,
    /// A course finished (every lesson read and its quiz, if any, passed).
    Course,
    /// One's own suggestion approved by a coordinator.
    Suggestion,
    /// A planned post done on time.
    PlannedOnTime,
    /// A challenge's bonus.
    Challenge,
    /// A correction: a negative row with a reason (a share removed, clicks reclassified
    /// as bots). Not configurable.
    Correction,
}

impl Rule {
    /// The rules a coordinator sets, in the order pages list them.
    pub const CONFIGURABLE: [Rule; 8] = [
        Rule::Share,
        Rule::Personalised,
        Rule::Click,
        Rule::Application,
        Rule::Hire,
        Rule::Course,
        Rule::Suggestion,
        Rule::PlannedOnTime,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Share => "share",
            Rule::Personalised => "personalised",
            Rule::Click => "click",
            Rule::Application => "application",
            Rule::Hire => "hire",
            Rule::Course => "course",
            Rule::Suggestion => "suggestion",
            Rule::PlannedOnTime => "planned_on_time",
            Rule::Challenge => "challenge",
            Rule::Correction => "correction",
        }
    }

    pub fn parse(s: &str) -> Option<Rule> {
        Rule::CONFIGURABLE
            .into_iter()
            .chain([Rule::Challenge, Rule::Correction])
            .find(|r| r.as_str() == s.trim())
    }

    /// The points a rule awards when the program has not set its own value.
    pub fn default_points(self) -> i64 {
        match self {
            Rule::Share => 10,
            Rule::Personalised => 5,
            Rule::Click => 1,
            Rule::Application => 20,
            Rule::Hire => 100,
            Rule::Course => 15,
            Rule::Suggestion => 10,
            Rule::PlannedOnTime => 5,
            Rule::Challenge | Rule::Correction => 0,
        }
    }
}

/// The most points a rule may be set to.
pub const MAX_RULE_POINTS: i64 = 10_000;

/// A program's values of the configurable rules: its own where set, the defaults elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values(Vec<(Rule, i64)>);

impl Values {
    /// From the program's stored values (rule name, points); unknown names are ignored.
    pub fn from_stored(stored: &[(String, i64)]) -> Values {
        Values(
            Rule::CONFIGURABLE
                .into_iter()
                .map(|r| {
                    let own = stored.iter().find(|(name, _)| name == r.as_str()).map(|(_, p)| *p);
                    (r, own.unwrap_or(r.default_points()).clamp(0, MAX_RULE_POINTS))
                })
                .collect(),
        )
    }

    pub fn of(&self, rule: Rule) -> i64 {
        self.0.iter().find(|(r, _)| *r == rule).map_or(0, |(_, p)| *p)
    }

    /// Every configurable rule with its value, in order.
    pub fn all(&self) -> &[(Rule, i64)] {
        &self.0
    }
}

/// What a confirmed share earns: the share, and the personalisation bonus when the text
/// is personalised and not nearly identical to a colleague's share of the day.
pub fn for_share(v: &Values, personalised: bool, near_identical: bool) -> Vec<(Rule, i64)> {
    let mut awards = vec![(Rule::Share, v.of(Rule::Share))];
    if personalised && !near_identical {
        awards.push((Rule::Personalised, v.of(Rule::Personalised)));
    }
    awards.retain(|(_, p)| *p > 0);
    awards
}

/// What a share's unique human visitors of one day earn, capped at [`CLICKS_DAILY_CAP`].
pub fn for_clicks(v: &Values, unique_human_visitors: i64) -> i64 {
    unique_human_visitors.clamp(0, CLICKS_DAILY_CAP) * v.of(Rule::Click)
}

/// A person's points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// Every award net of corrections; redemptions never lower it.
    pub lifetime: i64,
    /// Held by redemptions requested or approved.
    pub held: i64,
    /// Spent on delivered redemptions.
    pub spent: i64,
}

impl Balance {
    /// What may be spent now, never below zero.
    pub fn spendable(&self) -> i64 {
        (self.lifetime - self.held - self.spent).max(0)
    }

    /// Whether a reward costing `cost` may be redeemed.
    pub fn can_afford(&self, cost: i64) -> bool {
        cost >= 0 && self.spendable() >= cost
    }
}

/// The ledger source of a share of one's own post: `share:{id}`.
pub fn share_source(share_id: i64) -> String {
    format!("share:{share_id}")
}

/// The ledger source of a share of a content item on a network: `share:item:{item}:{network}`.
/// One per person, item and network, so confirming the same share again earns nothing
/// more (the share and its personalisation bonus are each awarded once).
pub fn item_share_source(item_id: i64, network: &str) -> String {
    format!("share:item:{item_id}:{network}")
}

/// The ledger source of a share's clicks on one day: `clicks:{share}:{day}`.
pub fn clicks_source(share_id: i64, day: i64) -> String {
    format!("clicks:{share_id}:{day}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_where_a_program_set_nothing_and_values_are_clamped() {
        let v = Values::from_stored(&[("share".into(), 7), ("hire".into(), 1_000_000), ("nonsense".into(), 3)]);
        assert_eq!(v.of(Rule::Share), 7);
        assert_eq!(v.of(Rule::Hire), MAX_RULE_POINTS);
        assert_eq!(v.of(Rule::Click), 1);
        assert_eq!(v.all().len(), Rule::CONFIGURABLE.len());
        assert_eq!(Values::from_stored(&[("click".into(), -5)]).of(Rule::Click), 0);
    }

    #[test]
    fn a_share_earns_its_points_and_the_bonus_only_when_personalised_and_not_near_identical() {
        let v = Values::from_stored(&[]);
        assert_eq!(for_share(&v, false, false), vec![(Rule::Share, 10)]);
        assert_eq!(
            for_share(&v, true, false),
            vec![(Rule::Share, 10), (Rule::Personalised, 5)]
        );
        assert_eq!(for_share(&v, true, true), vec![(Rule::Share, 10)]);
        let none = Values::from_stored(&[("share".into(), 0)]);
        assert_eq!(for_share(&none, false, false), vec![]);
    }

    #[test]
    fn clicks_earn_per_unique_human_visitor_up_to_the_daily_cap() {
        let v = Values::from_stored(&[("click".into(), 2)]);
        assert_eq!(for_clicks(&v, 0), 0);
        assert_eq!(for_clicks(&v, 3), 6);
        assert_eq!(for_clicks(&v, 500), CLICKS_DAILY_CAP * 2);
        assert_eq!(for_clicks(&v, -1), 0);
    }

    #[test]
    fn the_balance_is_lifetime_minus_held_and_spent_and_never_negative() {
        let b = Balance {
            lifetime: 100,
            held: 30,
            spent: 50,
        };
        assert_eq!(b.spendable(), 20);
        assert!(b.can_afford(20) && !b.can_afford(21) && !b.can_afford(-1));
        let corrected = Balance {
            lifetime: 40,
            held: 0,
            spent: 50,
        };
        assert_eq!(corrected.spendable(), 0);
    }

    #[test]
    fn rules_round_trip_and_sources_are_stable() {
        for r in Rule::CONFIGURABLE
            .into_iter()
            .chain([Rule::Challenge, Rule::Correction])
        {
            assert_eq!(Rule::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rule::parse("bribe"), None);
        assert_eq!(share_source(12), "share:12");
        assert_eq!(item_share_source(7, "linkedin"), "share:item:7:linkedin");
        assert_eq!(clicks_source(12, 20512), "clicks:12:20512");
    }
}
