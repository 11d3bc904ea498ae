//! The metrics of PRODUCT.md ("Definitions used everywhere") as plain arithmetic over
//! roll-up sums. A rate over nothing (no enrolled ambassadors, no shares) is `None`, not
//! zero: a report says "no data" rather than "0 %".

use std::iter::Sum;
use std::ops::{Add, AddAssign};

/// Sums of the roll-up columns over some days, people, networks or items. `clicks` are
/// human clicks (bots are counted apart), `visitors` unique visitors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub shares: i64,
    pub personalised: i64,
    pub clicks: i64,
    pub bots: i64,
    pub visitors: i64,
    pub conversions: i64,
}

impl Add for Totals {
    type Output = Totals;

    fn add(self, o: Totals) -> Totals {
        Totals {
            shares: self.shares + o.shares,
            personalised: self.personalised + o.personalised,
            clicks: self.clicks + o.clicks,
            bots: self.bots + o.bots,
            visitors: self.visitors + o.visitors,
            conversions: self.conversions + o.conversions,
        }
    }
}

impl AddAssign for Totals {
    fn add_assign(&mut self, o: Totals) {
        *self = *self + o;
    }
}

impl Sum for Totals {
    fn sum<I: Iterator<Item = Totals>>(iter: I) -> Totals {
        iter.fold(Totals::default(), Add::add)
    }
}

impl<'a> Sum<&'a Totals> for Totals {
    fn sum<I: Iterator<Item = &'a Totals>>(iter: I) -> Totals {
        iter.copied().sum()
    }
}

/// `num / den`, or `None` when there is nothing to divide by.
pub fn ratio(num: i64, den: i64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Ambassadors with at least one share in the period / enrolled ambassadors.
pub fn participation_rate(active_ambassadors: i64, enrolled: i64) -> Option<f64> {
    ratio(active_ambassadors, enrolled)
}

/// Personalised shares / shares.
pub fn personalisation_rate(t: &Totals) -> Option<f64> {
    ratio(t.personalised, t.shares)
}

/// Human clicks / shares.
pub fn clicks_per_share(t: &Totals) -> Option<f64> {
    ratio(t.clicks, t.shares)
}

/// The relative change from `previous` to `current` (0.25 for +25 %); `None` when the
/// previous value is zero (or not a number), since no percentage describes growth from
/// nothing.
pub fn change(current: f64, previous: f64) -> Option<f64> {
    if previous == 0.0 || !previous.is_finite() || !current.is_finite() {
        return None;
    }
    Some((current - previous) / previous.abs())
}

/// The middle value; the mean of the two middle values for an even count; `None` for no
/// values. Values that are not numbers are ignored.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// The headline numbers of a program (or team) over a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Headline {
    pub enrolled: i64,
    pub active_ambassadors: i64,
    pub totals: Totals,
    pub applications: i64,
    pub hires: i64,
    pub reach_estimate: i64,
    pub emv_estimate_grosze: i64,
    pub plan_realisation: Option<f64>,
    pub enps: Option<i64>,
}

impl Headline {
    pub fn participation_rate(&self) -> Option<f64> {
        participation_rate(self.active_ambassadors, self.enrolled)
    }

    pub fn personalisation_rate(&self) -> Option<f64> {
        personalisation_rate(&self.totals)
    }

    pub fn clicks_per_share(&self) -> Option<f64> {
        clicks_per_share(&self.totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(shares: i64, personalised: i64, clicks: i64) -> Totals {
        Totals {
            shares,
            personalised,
            clicks,
            bots: 1,
            visitors: 2,
            conversions: 3,
        }
    }

    #[test]
    fn totals_add_up() {
        let a = t(2, 1, 10);
        let b = t(3, 0, 5);
        let sum = a + b;
        assert_eq!(
            sum,
            Totals {
                shares: 5,
                personalised: 1,
                clicks: 15,
                bots: 2,
                visitors: 4,
                conversions: 6
            }
        );
        let mut c = a;
        c += b;
        assert_eq!(c, sum);
        assert_eq!([a, b].into_iter().sum::<Totals>(), sum);
        assert_eq!([a, b].iter().sum::<Totals>(), sum);
        assert_eq!(Vec::<Totals>::new().into_iter().sum::<Totals>(), Totals::default());
    }

    #[test]
    fn rates_over_nothing_are_none() {
        assert_eq!(ratio(1, 4), Some(0.25));
        assert_eq!(ratio(0, 4), Some(0.0));
        assert_eq!(ratio(3, 0), None);
        assert_eq!(ratio(3, -1), None);
        assert_eq!(participation_rate(3, 12), Some(0.25));
        assert_eq!(participation_rate(0, 0), None);
        assert_eq!(personalisation_rate(&t(4, 1, 0)), Some(0.25));
        assert_eq!(personalisation_rate(&Totals::default()), None);
        assert_eq!(clicks_per_share(&t(4, 1, 10)), Some(2.5));
        assert_eq!(clicks_per_share(&t(0, 0, 10)), None);
    }

    #[test]
    fn changes_are_relative_to_the_previous_value() {
        assert_eq!(change(125.0, 100.0), Some(0.25));
        assert_eq!(change(50.0, 100.0), Some(-0.5));
        assert_eq!(change(0.0, 100.0), Some(-1.0));
        assert_eq!(change(10.0, 10.0), Some(0.0));
        assert_eq!(change(10.0, 0.0), None);
        assert_eq!(change(0.0, 0.0), None);
        assert_eq!(change(f64::NAN, 1.0), None);
    }

    #[test]
    fn medians_take_the_middle() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[0.0, 0.0, 10.0, 10.0]), Some(5.0));
        assert_eq!(median(&[f64::NAN]), None);
    }

    #[test]
    fn headlines_derive_their_rates() {
        let h = Headline {
            enrolled: 10,
            active_ambassadors: 4,
            totals: t(8, 2, 20),
            ..Headline::default()
        };
        assert_eq!(h.participation_rate(), Some(0.4));
        assert_eq!(h.personalisation_rate(), Some(0.25));
        assert_eq!(h.clicks_per_share(), Some(2.5));
        let empty = Headline::default();
        assert_eq!(empty.participation_rate(), None);
        assert_eq!(empty.personalisation_rate(), None);
        assert_eq!(empty.clicks_per_share(), None);
    }
}
