//! Estimated reach and earned media value (EMV), as PRODUCT.md defines them:
//!
//! - **estimated reach** = Σ over shares of the sharer's declared network size on that
//!   network × the network's reach factor;
//! - **EMV** = reach / 1000 × CPM + human clicks × CPC,
//!
//! with the reach factor, the CPM and the CPC set per program and network
//! (`program_emv_rates`), falling back to [`default_rates`]. It is Dynamic Signal's
//! documented formula without its reactions term, since reactions to personal posts
//! cannot be read. Money is kept in grosze (PLN / 100), the reach factor per mille.

use crate::{Locale, Network};

/// The largest CPM or CPC accepted: 100 000 PLN, in grosze.
pub const MAX_RATE_GROSZE: i64 = 10_000_000;
/// The largest reach factor: everyone in the network sees the post.
pub const MAX_FACTOR_PER_MILLE: i64 = 1000;

/// The formula in words, for logs and the API; pages explain it with the catalog's
/// `reports-emv-formula`.
pub const FORMULA: &str = "reach = Σ declared network size × reach factor; \
EMV = reach / 1000 × CPM + human clicks × CPC";

/// The rates of one network: reach factor (per mille of the declared network size),
/// CPM (per 1000 people reached) and CPC (per human click), both in grosze.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rates {
    pub reach_factor_per_mille: i64,
    pub cpm_grosze: i64,
    pub cpc_grosze: i64,
}

/// The rates used for a network until a coordinator sets the program's own. They are
/// deliberately conservative, middle-of-the-range figures:
///
/// - **LinkedIn**: 100 ‰ reach (a personal post is seen by about a tenth of one's
///   connections; LinkedIn's own advocacy material and industry studies put organic
///   reach of members' posts at 5–20 %); CPM 120 PLN and CPC 15 PLN (sponsored content
///   in the Polish market costs about 25–35 USD per thousand impressions and 3–5 USD
///   per click).
/// - **X**: 50 ‰ reach (a post reaches a small share of followers in the
///   algorithmic timeline); CPM 25 PLN, CPC 3 PLN (promoted posts run about 5–7 USD
///   CPM and 0.5–1 USD per click).
/// - **Facebook**: 60 ‰ reach (personal posts are shown to roughly 5–10 % of friends);
///   CPM 20 PLN, CPC 1.50 PLN (Meta ads in Poland typically cost 15–25 PLN CPM and
///   1–2 PLN per link click).
/// - **XING**: 80 ‰ reach (a smaller, professional network with less competition in the
///   feed); CPM 90 PLN, CPC 10 PLN (XING's sponsored posts are priced close to LinkedIn,
///   around 20 EUR CPM and 2–3 EUR per click).
pub fn default_rates(network: Network) -> Rates {
    let i = Network::ALL.iter().position(|n| *n == network).unwrap_or(0);
    DEFAULTS[i].1
}

const fn rates(reach_factor_per_mille: i64, cpm_grosze: i64, cpc_grosze: i64) -> Rates {
    Rates {
        reach_factor_per_mille,
        cpm_grosze,
        cpc_grosze,
    }
}

/// The defaults of every network, in [`Network::ALL`] order; see [`default_rates`].
pub const DEFAULTS: [(Network, Rates); 4] = [
    (Network::Linkedin, rates(100, 12_000, 1_500)),
    (Network::X, rates(50, 2_500, 300)),
    (Network::Facebook, rates(60, 2_000, 150)),
    (Network::Xing, rates(80, 9_000, 1_000)),
];

/// `a × b / d` rounded half up, for non-negative inputs, saturating at `i64::MAX`.
fn mul_div_round(a: i64, b: i64, d: i64) -> i64 {
    let p = i128::from(a.max(0)) * i128::from(b.max(0));
    let q = (p + i128::from(d / 2)) / i128::from(d);
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// The estimated reach, in whole people, of shares whose sharers' declared network sizes
/// add up to `size_shares` (each share counts its sharer's size once).
pub fn reach(size_shares: i64, rates: Rates) -> i64 {
    mul_div_round(size_shares, rates.reach_factor_per_mille, 1000)
}

/// The EMV, in whole grosze, of `reach` people reached and `clicks` human clicks.
pub fn emv_grosze(reach: i64, clicks: i64, rates: Rates) -> i64 {
    let impressions = mul_div_round(reach, rates.cpm_grosze, 1000);
    impressions.saturating_add(clicks.max(0).saturating_mul(rates.cpc_grosze.max(0)))
}

/// Checks rates as a coordinator sets them: the factor within 0..=1000 per mille, the
/// CPM and CPC within 0..=100 000 PLN. On error, the field (`"reach_factor"`, `"cpm"`,
/// `"cpc"`) and the catalog key of the message.
pub fn validate(
    reach_factor_per_mille: i64,
    cpm_grosze: i64,
    cpc_grosze: i64,
) -> Result<Rates, (&'static str, &'static str)> {
    if !(0..=MAX_FACTOR_PER_MILLE).contains(&reach_factor_per_mille) {
        return Err(("reach_factor", "reports-emv-factor-range"));
    }
    if !(0..=MAX_RATE_GROSZE).contains(&cpm_grosze) {
        return Err(("cpm", "reports-emv-money-range"));
    }
    if !(0..=MAX_RATE_GROSZE).contains(&cpc_grosze) {
        return Err(("cpc", "reports-emv-money-range"));
    }
    Ok(Rates {
        reach_factor_per_mille,
        cpm_grosze,
        cpc_grosze,
    })
}

/// An amount in PLN as typed (`12,50`, `12.50`, `12`, `1 200 zł`), in grosze; `None` for
/// a negative amount, more than two decimals or anything else. See
/// [`crate::rewards::catalog::parse_pln`].
pub fn parse_pln(s: &str) -> Option<i64> {
    crate::rewards::catalog::parse_pln(s).ok()
}

/// Groups the digits of a whole number by three with `sep`.
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount as a language writes it: `1 234,50 zł` in Polish (no-break spaces, so the
/// amount never wraps), `PLN 1,234.50` in English.
pub fn format_pln(grosze: i64, locale: Locale) -> String {
    let sign = if grosze < 0 { "-" } else { "" };
    let (units, cents) = (grosze.unsigned_abs() / 100, grosze.unsigned_abs() % 100);
    match locale {
        Locale::Pl => format!("{sign}{},{cents:02}\u{a0}zł", grouped(units, '\u{a0}')),
        Locale::En => format!("{sign}PLN\u{a0}{}.{cents:02}", grouped(units, ',')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_set_for_every_network() {
        let li = default_rates(Network::Linkedin);
        assert_eq!(
            li,
            Rates {
                reach_factor_per_mille: 100,
                cpm_grosze: 12_000,
                cpc_grosze: 1_500
            }
        );
        for (i, (n, r)) in DEFAULTS.into_iter().enumerate() {
            assert_eq!(n, Network::ALL[i]);
            assert_eq!(default_rates(n), r);
            assert_eq!(
                validate(r.reach_factor_per_mille, r.cpm_grosze, r.cpc_grosze),
                Ok(r),
                "{n:?}"
            );
            assert!(r.reach_factor_per_mille > 0 && r.cpm_grosze > 0 && r.cpc_grosze > 0);
        }
    }

    #[test]
    fn reach_is_a_share_of_declared_networks() {
        let li = default_rates(Network::Linkedin);
        // Two shares by someone with 500 connections and one by someone with 1 200.
        assert_eq!(reach(500 + 500 + 1200, li), 220);
        assert_eq!(reach(0, li), 0);
        // Rounded to whole people, half up: 1 005 × 5 % = 50.25, 1 010 × 5 % = 50.5.
        let x = default_rates(Network::X);
        assert_eq!(reach(1005, x), 50);
        assert_eq!(reach(1010, x), 51);
        assert_eq!(reach(-5, x), 0);
    }

    #[test]
    fn emv_adds_impressions_and_clicks() {
        let li = default_rates(Network::Linkedin);
        // 220 people × 120 PLN / 1000 = 26.40 PLN; 7 clicks × 15 PLN = 105 PLN.
        assert_eq!(emv_grosze(220, 7, li), 2_640 + 10_500);
        assert_eq!(emv_grosze(0, 0, li), 0);
        // Facebook: 333 × 20 PLN / 1000 = 6.66 PLN; 3 × 1.50 PLN = 4.50 PLN.
        assert_eq!(emv_grosze(333, 3, default_rates(Network::Facebook)), 666 + 450);
        // Custom rates, rounding to whole grosze: 1 × 0.05 PLN / 1000 = 0.005 grosza → 0;
        // 100 × 0.05 PLN / 1000 = 0.5 grosza → 1.
        let custom = Rates {
            reach_factor_per_mille: 1000,
            cpm_grosze: 5,
            cpc_grosze: 0,
        };
        assert_eq!(emv_grosze(1, 10, custom), 0);
        assert_eq!(emv_grosze(100, 10, custom), 1);
        assert_eq!(reach(321, custom), 321);
        assert_eq!(emv_grosze(i64::MAX, i64::MAX, li), i64::MAX);
    }

    #[test]
    fn validation_names_the_field() {
        assert_eq!(
            validate(0, 0, 0),
            Ok(Rates {
                reach_factor_per_mille: 0,
                cpm_grosze: 0,
                cpc_grosze: 0
            })
        );
        assert!(validate(1000, MAX_RATE_GROSZE, MAX_RATE_GROSZE).is_ok());
        assert_eq!(validate(1001, 0, 0), Err(("reach_factor", "reports-emv-factor-range")));
        assert_eq!(validate(-1, 0, 0), Err(("reach_factor", "reports-emv-factor-range")));
        assert_eq!(validate(10, -1, 0), Err(("cpm", "reports-emv-money-range")));
        assert_eq!(
            validate(10, 0, MAX_RATE_GROSZE + 1),
            Err(("cpc", "reports-emv-money-range"))
        );
    }

    #[test]
    fn pln_parses_both_ways_of_writing() {
        assert_eq!(parse_pln("12,50"), Some(1250));
        assert_eq!(parse_pln("12.50"), Some(1250));
        assert_eq!(parse_pln("12"), Some(1200));
        assert_eq!(parse_pln(" 1 234,5 zł"), Some(123_450));
        assert_eq!(parse_pln("0,05"), Some(5));
        assert_eq!(parse_pln("-1"), None);
        assert_eq!(parse_pln("1,234"), None);
        assert_eq!(parse_pln("abc"), None);
        assert_eq!(parse_pln(""), None);
        assert_eq!(parse_pln("1,2,3"), None);
    }

    #[test]
    fn pln_formats_per_language() {
        assert_eq!(format_pln(123_450, Locale::Pl), "1\u{a0}234,50\u{a0}zł");
        assert_eq!(format_pln(123_450, Locale::En), "PLN\u{a0}1,234.50");
        assert_eq!(format_pln(5, Locale::Pl), "0,05\u{a0}zł");
        assert_eq!(format_pln(0, Locale::En), "PLN\u{a0}0.00");
        assert_eq!(format_pln(123_456_789, Locale::Pl), "1\u{a0}234\u{a0}567,89\u{a0}zł");
        assert_eq!(format_pln(-2_000, Locale::En), "-PLN\u{a0}20.00");
        for g in [0, 5, 1250, 123_450, 99_999_999] {
            assert_eq!(parse_pln(&format_pln(g, Locale::Pl)), Some(g));
        }
        assert_eq!(parse_pln(&format_pln(99_950, Locale::En)), Some(99_950));
    }
}
