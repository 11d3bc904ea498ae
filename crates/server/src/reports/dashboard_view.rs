//! The program dashboard's tables, defined once: each cell keeps its number and kind, and
//! is written for the page (grouped digits, `%`, `zł`, "–" for no value) or for a CSV
//! file (plain numbers in the reader's decimal format, empty for no value).

use super::csv::number;
use crate::i18n::Tr;
use ambasada_core::Locale;
use ambasada_core::reports::emv::format_pln;
use ambasada_core::reports::metrics::{Headline, Totals, change, clicks_per_share};
use ambasada_store::reports::stats::{NetworkFigures, StatRow};

/// One value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(i64),
    /// A rate from 0 to 1, shown as a percentage.
    Percent(Option<f64>),
    /// A ratio with two decimals (clicks per share).
    Decimal(Option<f64>),
    /// Money in grosze.
    Money(i64),
    /// A relative change (0.25 is +25%).
    Change(Option<f64>),
    /// A difference of two rates, in percentage points (0.05 is +5 pp).
    Points(Option<f64>),
    /// A signed whole difference (of eNPS scores).
    Delta(Option<i64>),
    /// A whole number that may be missing (eNPS).
    Score(Option<i64>),
}

const NONE: &str = "–";

/// A whole number with its digits grouped: `12 345` (no-break spaces) in Polish,
/// `12,345` in English.
pub fn count(locale: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if locale == Locale::Pl { '\u{a0}' } else { ',' };
    let mut out = String::with_capacity(digits.len() + 4);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number with at most `places` decimals (trailing zeros dropped), in the language's
/// decimal format.
fn decimal(locale: Locale, v: f64, places: usize) -> String {
    let mut s = format!("{v:.places$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    if locale == Locale::Pl { s.replace('.', ",") } else { s }
}

/// `+` for a positive number: a change reads as one.
fn signed(s: String, positive: bool) -> String {
    if positive {
        format!("+{s}")
    } else {
        s.replacen('-', "−", 1)
    }
}

impl Cell {
    /// As the page shows it.
    pub fn html(&self, tr: &Tr) -> String {
        let l = tr.locale;
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => count(l, *n),
            Cell::Percent(Some(r)) => format!("{}%", decimal(l, r * 100.0, 1)),
            Cell::Decimal(Some(v)) => decimal(l, *v, 2),
            Cell::Money(g) => format_pln(*g, l),
            Cell::Change(Some(c)) => format!("{}%", signed(decimal(l, c * 100.0, 1), *c > 0.0)),
            Cell::Points(Some(p)) => tr.a1("reports-dash-pp", "value", &signed(decimal(l, p * 100.0, 1), *p > 0.0)),
            Cell::Delta(Some(d)) => signed(d.to_string(), *d > 0),
            Cell::Score(Some(s)) => s.to_string(),
            Cell::Percent(None)
            | Cell::Decimal(None)
            | Cell::Change(None)
            | Cell::Points(None)
            | Cell::Delta(None)
            | Cell::Score(None) => NONE.into(),
        }
    }

    /// As a CSV file has it: numbers without grouping, percentages as numbers of
    /// percent, money in PLN with two decimals; empty for no value.
    pub fn csv(&self, locale: Locale) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent(Some(r)) | Cell::Change(Some(r)) | Cell::Points(Some(r)) => number(locale, r * 100.0, 1),
            Cell::Decimal(Some(v)) => number(locale, *v, 2),
            Cell::Money(g) => number(locale, *g as f64 / 100.0, 2),
            Cell::Delta(Some(n)) | Cell::Score(Some(n)) => n.to_string(),
            Cell::Percent(None)
            | Cell::Decimal(None)
            | Cell::Change(None)
            | Cell::Points(None)
            | Cell::Delta(None)
            | Cell::Score(None) => String::new(),
        }
    }
}

/// A table of the dashboard: what the page shows and a CSV download holds.
#[derive(Debug, Clone)]
pub struct Table {
    /// `headline`, `network`, `team`, `item`, `ambassador`, `trend`: the `table` of the
    /// CSV link, and the section's anchor.
    pub id: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cells of every row written for the page.
    pub fn html_rows(&self, tr: &Tr) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.html(tr)).collect())
            .collect()
    }

    /// The CSV file's text rows (header first is the caller's).
    pub fn csv_rows(&self, locale: Locale) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.csv(locale)).collect())
            .collect()
    }
}

/// A headline number with its previous value and the change.
#[derive(Debug, Clone)]
pub struct HeadlineRow {
    /// Stable id (`shares`, `emv`): the element id on the page.
    pub key: &'static str,
    pub label: String,
    pub current: Cell,
    pub previous: Cell,
    pub change: Cell,
    /// Reach and EMV: shown as estimates.
    pub estimate: bool,
}

fn relative(cur: i64, prev: i64) -> Cell {
    Cell::Change(change(cur as f64, prev as f64))
}

fn points(cur: Option<f64>, prev: Option<f64>) -> Cell {
    Cell::Points(cur.zip(prev).map(|(c, p)| c - p))
}

/// The headline rows, in the order the dashboard lists them.
pub fn headline_rows(tr: &Tr, cur: &Headline, prev: &Headline) -> Vec<HeadlineRow> {
    let row = |key: &'static str, current: Cell, previous: Cell, change: Cell| HeadlineRow {
        key,
        label: tr.t(&format!("reports-dash-metric-{key}")),
        current,
        previous,
        change,
        estimate: matches!(key, "reach" | "emv"),
    };
    let counted = |key, f: fn(&Headline) -> i64| {
        row(
            key,
            Cell::Count(f(cur)),
            Cell::Count(f(prev)),
            relative(f(cur), f(prev)),
        )
    };
    let rate = |key, f: fn(&Headline) -> Option<f64>| {
        row(
            key,
            Cell::Percent(f(cur)),
            Cell::Percent(f(prev)),
            points(f(cur), f(prev)),
        )
    };
    let cps = |h: &Headline| h.clicks_per_share();
    vec![
        rate("participation", Headline::participation_rate),
        counted("active", |h| h.active_ambassadors),
        counted("enrolled", |h| h.enrolled),
        counted("shares", |h| h.totals.shares),
        rate("personalisation", Headline::personalisation_rate),
        counted("clicks", |h| h.totals.clicks),
        counted("visitors", |h| h.totals.visitors),
        row(
            "clicks-per-share",
            Cell::Decimal(cps(cur)),
            Cell::Decimal(cps(prev)),
            Cell::Change(cps(cur).zip(cps(prev)).and_then(|(c, p)| change(c, p))),
        ),
        counted("applications", |h| h.applications),
        counted("hires", |h| h.hires),
        counted("conversions", |h| h.totals.conversions),
        counted("reach", |h| h.reach_estimate),
        row(
            "emv",
            Cell::Money(cur.emv_estimate_grosze),
            Cell::Money(prev.emv_estimate_grosze),
            relative(cur.emv_estimate_grosze, prev.emv_estimate_grosze),
        ),
        rate("realisation", |h| h.plan_realisation),
        row(
            "enps",
            Cell::Score(cur.enps),
            Cell::Score(prev.enps),
            Cell::Delta(cur.enps.zip(prev.enps).map(|(c, p)| c - p)),
        ),
    ]
}

/// The headline as a table (the accessible twin of the cards, and its CSV).
pub fn headline_table(tr: &Tr, rows: &[HeadlineRow]) -> Table {
    let estimate = tr.t("reports-dash-estimate");
    Table {
        id: "headline",
        title: tr.t("reports-dash-headline"),
        headers: [
            "reports-dash-metric",
            "reports-dash-current",
            "reports-dash-previous",
            "reports-dash-change",
        ]
        .map(|k| tr.t(k))
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let label = if r.estimate {
                    format!("{} ({estimate})", r.label)
                } else {
                    r.label.clone()
                };
                vec![
                    Cell::Text(label),
                    r.current.clone(),
                    r.previous.clone(),
                    r.change.clone(),
                ]
            })
            .collect(),
    }
}

/// The columns every breakdown has after its first.
fn totals_headers(tr: &Tr, first: &str) -> Vec<String> {
    let mut h = vec![tr.t(first)];
    for k in [
        "reports-dash-metric-shares",
        "reports-dash-personalised",
        "reports-dash-metric-clicks",
        "reports-dash-metric-visitors",
        "reports-dash-metric-conversions",
        "reports-dash-metric-clicks-per-share",
    ] {
        h.push(tr.t(k));
    }
    h
}

fn totals_cells(label: String, t: &Totals) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        Cell::Count(t.shares),
        Cell::Count(t.personalised),
        Cell::Count(t.clicks),
        Cell::Count(t.visitors),
        Cell::Count(t.conversions),
        Cell::Decimal(clicks_per_share(t)),
    ]
}

/// The networks, with reach and EMV (estimates).
pub fn network_table(tr: &Tr, networks: &[NetworkFigures]) -> Table {
    let mut headers = totals_headers(tr, "reports-dash-network");
    headers.push(format!(
        "{} ({})",
        tr.t("reports-dash-metric-reach"),
        tr.t("reports-dash-estimate")
    ));
    headers.push(format!(
        "{} ({})",
        tr.t("reports-dash-metric-emv"),
        tr.t("reports-dash-estimate")
    ));
    Table {
        id: "network",
        title: tr.t("reports-dash-by-network"),
        headers,
        rows: networks
            .iter()
            .map(|n| {
                let mut cells = totals_cells(n.network.label().to_string(), &n.totals);
                cells.push(Cell::Count(n.reach));
                cells.push(Cell::Money(n.emv_grosze));
                cells
            })
            .collect(),
    }
}

/// A breakdown of [`StatRow`]s: `team`, `item`, `ambassador` or `trend`.
pub fn rows_table(tr: &Tr, id: &'static str, first_header: &str, title: String, rows: &[StatRow]) -> Table {
    Table {
        id,
        title,
        headers: totals_headers(tr, first_header),
        rows: rows
            .iter()
            .map(|r| {
                let label = if id == "team" && r.key == ambasada_store::reports::stats::NO_TEAM {
                    tr.t("reports-dash-no-team")
                } else {
                    r.label.clone()
                };
                totals_cells(label, &r.totals)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(locale: Locale) -> Tr {
        Tr::new(std::sync::Arc::new(crate::i18n::I18n::new()), locale)
    }

    #[test]
    fn cells_read_as_each_language_writes_numbers() {
        let (pl, en) = (tr(Locale::Pl), tr(Locale::En));
        assert_eq!(Cell::Count(1_234_567).html(&pl), "1\u{a0}234\u{a0}567");
        assert_eq!(Cell::Count(1_234_567).html(&en), "1,234,567");
        assert_eq!(Cell::Count(-12).html(&en), "-12");
        assert_eq!(Cell::Percent(Some(0.425)).html(&pl), "42,5%");
        assert_eq!(Cell::Percent(Some(0.4)).html(&en), "40%");
        assert_eq!(Cell::Percent(None).html(&en), "–");
        assert_eq!(Cell::Change(Some(0.25)).html(&en), "+25%");
        assert_eq!(Cell::Change(Some(-0.5)).html(&pl), "−50%");
        assert_eq!(Cell::Change(Some(0.0)).html(&pl), "0%");
        assert_eq!(Cell::Delta(Some(-3)).html(&pl), "−3");
        assert_eq!(Cell::Decimal(Some(2.5)).html(&pl), "2,5");
        assert_eq!(Cell::Money(123_450).csv(Locale::Pl), "1234,50");
        assert_eq!(Cell::Percent(Some(0.425)).csv(Locale::En), "42.5");
        assert_eq!(Cell::Percent(None).csv(Locale::En), "");
        assert_eq!(Cell::Count(1_234_567).csv(Locale::Pl), "1234567");
    }

    #[test]
    fn the_headline_compares_with_the_previous_period() {
        let t = tr(Locale::En);
        let cur = Headline {
            enrolled: 10,
            active_ambassadors: 5,
            totals: Totals {
                shares: 20,
                personalised: 5,
                clicks: 50,
                ..Totals::default()
            },
            ..Headline::default()
        };
        let prev = Headline {
            enrolled: 10,
            active_ambassadors: 4,
            totals: Totals {
                shares: 10,
                clicks: 0,
                ..Totals::default()
            },
            ..Headline::default()
        };
        let rows = headline_rows(&t, &cur, &prev);
        let get = |k: &str| rows.iter().find(|r| r.key == k).unwrap();
        assert_eq!(get("shares").change, Cell::Change(Some(1.0)));
        assert_eq!(get("clicks").change, Cell::Change(None), "no change from zero");
        assert_eq!(get("participation").change.html(&t), "+10 pp");
        assert!(get("emv").estimate && get("reach").estimate && !get("shares").estimate);
        assert_eq!(get("enps").current.html(&t), "–");
        let table = headline_table(&t, &rows);
        assert_eq!(table.rows.len(), rows.len());
        assert_eq!(table.headers.len(), 4);
    }
}
