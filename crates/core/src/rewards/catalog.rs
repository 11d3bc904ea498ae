//! The rewards catalog (C10): a reward's fields as a coordinator types them, checked into
//! [`RewardFields`], and money in PLN: typed as `120,50` or `120.50` (a space may group
//! thousands, `zł` or `PLN` may follow), kept in grosze, shown the way each language
//! writes it (`1 234,50 zł`, `PLN 1,234.50`).

use crate::Locale;

/// The longest reward name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// The longest reward description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// The most points a reward may cost.
pub const MAX_POINTS_COST: i64 = 1_000_000;
/// The largest stock a reward may have.
pub const MAX_STOCK: i64 = 1_000_000;
/// The largest amount of money taken: 10 000 000 PLN, in grosze.
pub const MAX_MINOR: i64 = 1_000_000_000;

/// Why an amount of money was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Not an amount in PLN with at most two decimals (or negative).
    Invalid,
    /// Above [`MAX_MINOR`].
    TooLarge,
}

/// An amount in PLN as typed, in grosze: `120,50`, `120.50`, `120`, `1 200,5 zł`,
/// `PLN 99`. One decimal separator (comma or dot) with at most two digits after it;
/// spaces may group thousands; never negative.
pub fn parse_pln(s: &str) -> Result<i64, MoneyError> {
    let lower = s.trim().to_lowercase();
    let t = lower
        .strip_suffix("zł")
        .or_else(|| lower.strip_suffix("pln"))
        .or_else(|| lower.strip_prefix("pln"))
        .unwrap_or(&lower);
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (whole, frac) = match digits.find([',', '.']) {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits.as_str(), ""),
    };
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) || frac.len() > 2 {
        return Err(MoneyError::Invalid);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 12 {
        return Err(MoneyError::TooLarge);
    }
    let units: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::Invalid)?
    };
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| MoneyError::Invalid)? * 10,
        _ => frac.parse().map_err(|_| MoneyError::Invalid)?,
    };
    let minor = units.saturating_mul(100).saturating_add(cents);
    if minor > MAX_MINOR {
        return Err(MoneyError::TooLarge);
    }
    Ok(minor)
}

/// Groups the digits of a whole number by three with `sep`.
fn grouped(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// An amount as a language writes it: `1 234,50 zł` in Polish, `PLN 1,234.50` in English.
pub fn format_pln(minor: i64, locale: Locale) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (units, cents) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
    let units = units as i64;
    match locale {
        Locale::Pl => format!("{sign}{},{cents:02} zł", grouped(units, ' ')),
        Locale::En => format!("{sign}PLN {}.{cents:02}", grouped(units, ',')),
    }
}

/// An amount as a form field shows it again, without grouping: `1234,50` in Polish,
/// `1234.50` in English (both parse back).
pub fn pln_input(minor: i64, locale: Locale) -> String {
    let sep = if locale == Locale::Pl { ',' } else { '.' };
    format!("{}{sep}{:02}", minor / 100, minor % 100)
}

/// An amount in PLN as a number, for the API: 12050 grosze is `120.5`.
pub fn pln_number(minor: i64) -> f64 {
    minor as f64 / 100.0
}

/// A whole number as typed, spaces allowed between digit groups.
fn whole_number(s: &str) -> Option<i64> {
    let t: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 12 {
        return None;
    }
    t.parse().ok()
}

/// A reward's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawReward<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub points_cost: &'a str,
    /// Empty for an unlimited stock.
    pub stock: &'a str,
    /// PLN; empty for none.
    pub cost: &'a str,
}

/// A reward's checked fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewardFields {
    pub name: String,
    pub description: String,
    /// From 1 to [`MAX_POINTS_COST`].
    pub points_cost: i64,
    /// `None`: unlimited; else from 0 to [`MAX_STOCK`].
    pub stock: Option<i64>,
    /// What the reward costs the company, in grosze.
    pub cost_minor: i64,
}

/// Checks a reward's fields; every problem as (field, catalog key).
pub fn check_reward(raw: &RawReward<'_>) -> Result<RewardFields, Vec<(&'static str, &'static str)>> {
    let mut problems = Vec::new();
    let name = raw.name.trim();
    if name.is_empty() {
        problems.push(("name", "error-required"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(("name", "error-too-long"));
    } else if let Err(e) = crate::text::check_line(name) {
        problems.push(("name", e.key()));
    }
    let description = raw.description.trim();
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        problems.push(("description", "error-too-long"));
    } else if let Err(e) = crate::text::check_lines(description) {
        problems.push(("description", e.key()));
    }
    let points_cost = whole_number(raw.points_cost).filter(|p| (1..=MAX_POINTS_COST).contains(p));
    if points_cost.is_none() {
        problems.push(("points_cost", "reward-error-points"));
    }
    let stock = match raw.stock.trim() {
        "" => Some(None),
        s => whole_number(s).filter(|n| *n <= MAX_STOCK).map(Some),
    };
    if stock.is_none() {
        problems.push(("stock", "reward-error-stock"));
    }
    let cost = match raw.cost.trim() {
        "" => Ok(0),
        s => parse_pln(s),
    };
    if cost.is_err() {
        problems.push(("cost", "reward-error-cost"));
    }
    match (points_cost, stock, cost) {
        (Some(points_cost), Some(stock), Ok(cost_minor)) if problems.is_empty() => Ok(RewardFields {
            name: name.to_string(),
            description: description.to_string(),
            points_cost,
            stock,
            cost_minor,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_pln_take_a_comma_or_a_dot_and_are_kept_in_grosze() {
        assert_eq!(parse_pln("120,50"), Ok(12050));
        assert_eq!(parse_pln("120.50"), Ok(12050));
        assert_eq!(parse_pln("120,5"), Ok(12050));
        assert_eq!(parse_pln(" 120 "), Ok(12000));
        assert_eq!(parse_pln("1 200,05 zł"), Ok(120005));
        assert_eq!(parse_pln("PLN 99"), Ok(9900));
        assert_eq!(parse_pln("0,99"), Ok(99));
        assert_eq!(parse_pln(",5"), Ok(50));
        assert_eq!(parse_pln("0"), Ok(0));
        assert_eq!(parse_pln("10000000"), Ok(MAX_MINOR));
    }

    #[test]
    fn malformed_negative_or_too_precise_amounts_are_refused() {
        for bad in ["", "abc", "-5", "1,234.50", "12,345", "1.2.3", ",", "1e3", "12,5a"] {
            assert_eq!(parse_pln(bad), Err(MoneyError::Invalid), "{bad}");
        }
        // An empty fraction is whole units.
        assert_eq!(parse_pln("12."), Ok(1200));
        assert_eq!(parse_pln("10000000,01"), Err(MoneyError::TooLarge));
        assert_eq!(parse_pln("99999999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn amounts_are_written_the_way_each_language_writes_them() {
        assert_eq!(format_pln(12050, Locale::Pl), "120,50 zł");
        assert_eq!(format_pln(123456789, Locale::Pl), "1 234 567,89 zł");
        assert_eq!(format_pln(123456789, Locale::En), "PLN 1,234,567.89");
        assert_eq!(format_pln(5, Locale::En), "PLN 0.05");
        assert_eq!(format_pln(-2000, Locale::Pl), "-20,00 zł");
        assert_eq!(pln_input(12050, Locale::Pl), "120,50");
        assert_eq!(pln_input(12050, Locale::En), "120.50");
        assert_eq!(parse_pln(&pln_input(7, Locale::Pl)), Ok(7));
        assert_eq!(pln_number(12050), 120.5);
    }

    fn raw<'a>(points: &'a str, stock: &'a str, cost: &'a str) -> RawReward<'a> {
        RawReward {
            name: " A book ",
            description: "Any book you like.",
            points_cost: points,
            stock,
            cost,
        }
    }

    #[test]
    fn a_reward_needs_a_name_a_positive_points_cost_and_a_sensible_stock_and_cost() {
        let ok = check_reward(&raw("150", "", "120,50")).unwrap();
        assert_eq!(ok.name, "A book");
        assert_eq!((ok.points_cost, ok.stock, ok.cost_minor), (150, None, 12050));
        let limited = check_reward(&raw("1 000", "0", "")).unwrap();
        assert_eq!(
            (limited.points_cost, limited.stock, limited.cost_minor),
            (1000, Some(0), 0)
        );
        let bad = check_reward(&RawReward {
            name: "  ",
            description: &"x".repeat(MAX_DESCRIPTION_CHARS + 1),
            points_cost: "0",
            stock: "-1",
            cost: "12,345",
        })
        .unwrap_err();
        assert_eq!(
            bad,
            [
                ("name", "error-required"),
                ("description", "error-too-long"),
                ("points_cost", "reward-error-points"),
                ("stock", "reward-error-stock"),
                ("cost", "reward-error-cost"),
            ]
        );
        assert!(check_reward(&raw("1000001", "", "")).is_err());
        assert!(check_reward(&raw("12.5", "", "")).is_err());
        assert!(check_reward(&raw("10", "1000001", "")).is_err());
        let long = "n".repeat(MAX_NAME_CHARS + 1);
        let r = RawReward {
            name: &long,
            ..raw("10", "", "")
        };
        assert_eq!(check_reward(&r).unwrap_err(), [("name", "error-too-long")]);
        let r = RawReward {
            name: "Kubek\0",
            description: "Ładny\u{1b}[2J",
            ..raw("10", "", "")
        };
        assert_eq!(
            check_reward(&r).unwrap_err(),
            [
                ("name", "error-invalid-characters"),
                ("description", "error-invalid-characters")
            ]
        );
    }
}
