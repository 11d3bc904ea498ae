//! Content performance (C11), read from the item roll-up (`stats_item_days`):
//! - `/app/content/{id}/performance`: one item's shares, human clicks, clicks per share,
//!   unique visitors and conversions per network, all time and for a period, and "does
//!   personalisation pay?" (personalised against verbatim shares, with their counts, and
//!   no verdict below [`comparison::MIN_GROUP_SHARES`] shares a group). Editors and admins
//!   see every program's numbers; a coordinator, of an item aimed at a program they
//!   coordinate (or at every program), sees the numbers of their own programs.
//! - `/app/programs/{id}/content` (and `.csv`): a program's items over a period, sortable
//!   by clicks, shares, clicks per share or conversions; the program's coordinator and
//!   admins.

use super::chart::bar_chart_in;
use super::csv::{csv_bytes, csv_response, number};
use super::impact::{NetworkRow, Picker, ReportQuery, decimal, picker, today};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{AppError, Result};
use crate::i18n::Tr;
use crate::web::{Ctx, render};
use ambasada_core::Role;
use ambasada_core::reports::comparison::{self, Group, Verdict};
use ambasada_core::reports::metrics::clicks_per_share;
use ambasada_core::reports::{Totals, period};
use ambasada_store::content::ContentItem;
use ambasada_store::programs::Program;
use ambasada_store::reports::content::{ItemNetworkNumbers, ProgramItemNumbers};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;

/// At most this many items are listed on the program's page (the CSV has them all).
pub const LISTED_ITEMS: usize = 100;

/// The programs whose numbers a person sees on an item's performance page: `None` for
/// all (editors and admins), a coordinator's own programs when the item is aimed at one
/// of them or at every program; refused otherwise (404 outside the library).
async fn visible_programs(state: &AppState, user: &CurrentUser, item: &ContentItem) -> Result<Option<Vec<i64>>> {
    if user.has_role(Role::Admin) || user.has_role(Role::Editor) {
        return Ok(None);
    }
    if !user.has_role(Role::Coordinator) {
        return Err(AppError::NotFound);
    }
    let mine: Vec<i64> = state
        .store
        .programs()
        .await?
        .into_iter()
        .filter(|p| p.coordinator_id == Some(user.id))
        .map(|p| p.id)
        .collect();
    if item.program_ids.is_empty() || item.program_ids.iter().any(|p| mine.contains(p)) {
        Ok(Some(mine))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Sums rows per network (in the networks' order), of the visible programs only; with
/// the personalised clicks of all of them.
fn per_network(rows: &[ItemNetworkNumbers], visible: &Option<Vec<i64>>) -> (Vec<NetworkRow>, i64) {
    let shown: Vec<&ItemNetworkNumbers> = rows
        .iter()
        .filter(|r| visible.as_ref().is_none_or(|v| v.contains(&r.program_id)))
        .collect();
    let personalised_clicks = shown.iter().map(|r| r.personalised_clicks).sum();
    (
        NetworkRow::sum(shown.iter().map(|r| (r.network.as_str(), r.totals()))),
        personalised_clicks,
    )
}

/// Personalised and verbatim shares side by side.
pub struct Personalisation {
    pub personalised: Group,
    pub verbatim: Group,
    pub verdict: Verdict,
}

#[derive(Template)]
#[template(path = "reports/content_perf.html")]
struct ItemTemplate<'a> {
    p: &'a Ctx,
    item: ContentItem,
    picker: Picker,
    options: Vec<(String, String)>,
    /// Only the programs the viewer coordinates are counted.
    own_programs_only: bool,
    period: Vec<NetworkRow>,
    period_total: Totals,
    all_time: Vec<NetworkRow>,
    all_time_total: Totals,
    personalisation: Personalisation,
    chart: String,
}

impl ItemTemplate<'_> {
    fn cps(&self, t: &Totals) -> String {
        decimal(&self.p.tr, clicks_per_share(t))
    }
    fn group_cps(&self, g: &Group) -> String {
        decimal(&self.p.tr, g.clicks_per_share())
    }
    fn picker(&self) -> &Picker {
        &self.picker
    }
    fn period_action(&self) -> String {
        format!("/app/content/{}/performance", self.item.id)
    }
    fn period_hidden(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn period_options(&self) -> &[(String, String)] {
        &self.options
    }
    fn period_programs(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn period_program(&self) -> String {
        String::new()
    }
}

/// `GET /app/content/{id}/performance`.
pub async fn item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response> {
    let item = state.store.content_item(id).await?.ok_or(AppError::NotFound)?;
    let visible = visible_programs(&state, &user, &item).await?;
    let picker = picker(&q, today(), &ctx.tr);
    let (period, personalised_clicks) = per_network(
        &state.store.item_numbers(id, Some(picker.period.range)).await?,
        &visible,
    );
    let (all_time, _) = per_network(&state.store.item_numbers(id, None).await?, &visible);
    let period_total: Totals = period.iter().map(|n| n.totals).sum();
    let (personalised, verbatim) = comparison::groups(
        period_total.shares,
        period_total.personalised,
        period_total.clicks,
        personalised_clicks,
    );
    let bars: Vec<(String, f64)> = period
        .iter()
        .map(|n| (ctx.network_label(&n.network).to_string(), n.totals.clicks as f64))
        .collect();
    render(&ItemTemplate {
        chart: bar_chart_in(
            ctx.tr.locale,
            "content-chart-networks",
            &ctx.tr.t("reports-content-chart-networks"),
            &bars,
        ),
        p: &ctx,
        options: picker.options(&ctx.tr),
        own_programs_only: visible.is_some(),
        all_time_total: all_time.iter().map(|n| n.totals).sum(),
        item,
        picker,
        period,
        period_total,
        all_time,
        personalisation: Personalisation {
            verdict: comparison::verdict(personalised, verbatim),
            personalised,
            verbatim,
        },
    })
}

/// How the program's list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Clicks,
    Shares,
    ClicksPerShare,
    Conversions,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Clicks, Sort::Shares, Sort::ClicksPerShare, Sort::Conversions];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Clicks => "clicks",
            Sort::Shares => "shares",
            Sort::ClicksPerShare => "clicks-per-share",
            Sort::Conversions => "conversions",
        }
    }

    /// The sort asked for; by clicks when none or an unknown one is.
    pub fn parse(s: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .unwrap_or(Sort::Clicks)
    }
}

/// Orders items by `sort`, largest first (no clicks per share, without shares, last),
/// then by clicks, then the newest item first.
pub fn sort_items(rows: &mut [ProgramItemNumbers], sort: Sort) {
    let key = |r: &ProgramItemNumbers| -> f64 {
        match sort {
            Sort::Clicks => r.clicks as f64,
            Sort::Shares => r.shares as f64,
            Sort::ClicksPerShare => clicks_per_share(&r.totals()).unwrap_or(-1.0),
            Sort::Conversions => r.conversions as f64,
        }
    };
    rows.sort_by(|a, b| {
        key(b)
            .total_cmp(&key(a))
            .then(b.clicks.cmp(&a.clicks))
            .then(b.item_id.cmp(&a.item_id))
    });
}

/// The program's coordinator and admins (others 403, before asking whether the program
/// exists); 404 for a program that does not exist.
async fn managed(state: &AppState, user: &CurrentUser, id: i64) -> Result<Program> {
    if !user.has_role(Role::Admin) && !user.has_role(Role::Coordinator) {
        return Err(AppError::Forbidden);
    }
    let program = state.store.program(id).await?.ok_or(AppError::NotFound)?;
    if crate::calendar::service::may_plan(user, &program) {
        Ok(program)
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Template)]
#[template(path = "reports/content_perf_program.html")]
struct ProgramTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    picker: Picker,
    options: Vec<(String, String)>,
    sort: Sort,
    rows: Vec<ProgramItemNumbers>,
    total: Totals,
    chart: String,
}

impl ProgramTemplate<'_> {
    fn cps(&self, r: &ProgramItemNumbers) -> String {
        decimal(&self.p.tr, clicks_per_share(&r.totals()))
    }
    fn total_cps(&self) -> String {
        decimal(&self.p.tr, clicks_per_share(&self.total))
    }
    fn listed(&self) -> &[ProgramItemNumbers] {
        &self.rows[..self.rows.len().min(LISTED_ITEMS)]
    }
    /// "The first 100 of N items are listed", when some are not.
    fn more(&self) -> Option<String> {
        (self.rows.len() > LISTED_ITEMS).then(|| self.p.n("reports-content-more", &(self.rows.len() as i64)))
    }
    fn sorts(&self) -> Vec<(&'static str, String)> {
        Sort::ALL
            .iter()
            .map(|s| (s.as_str(), self.p.t(&format!("reports-content-sort-{}", s.as_str()))))
            .collect()
    }
    fn item_href(&self, r: &ProgramItemNumbers) -> String {
        format!("/app/content/{}/performance?{}", r.item_id, self.picker.query())
    }
    fn csv_href(&self) -> String {
        format!(
            "/app/programs/{}/content.csv?sort={}&{}",
            self.program.id,
            self.sort.as_str(),
            self.picker.query()
        )
    }
    fn picker(&self) -> &Picker {
        &self.picker
    }
    fn period_action(&self) -> String {
        format!("/app/programs/{}/content", self.program.id)
    }
    fn period_hidden(&self) -> Vec<(String, String)> {
        vec![("sort".into(), self.sort.as_str().into())]
    }
    fn period_options(&self) -> &[(String, String)] {
        &self.options
    }
    fn period_programs(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn period_program(&self) -> String {
        String::new()
    }
}

/// The program's items over the period of `q`, sorted as asked.
async fn program_items(
    state: &AppState,
    tr: &Tr,
    program_id: i64,
    q: &ReportQuery,
) -> Result<(Picker, Sort, Vec<ProgramItemNumbers>)> {
    let picker = picker(q, today(), tr);
    let sort = Sort::parse(&q.sort);
    let mut rows = state
        .store
        .program_item_numbers(program_id, picker.period.range)
        .await?;
    sort_items(&mut rows, sort);
    Ok((picker, sort, rows))
}

/// `GET /app/programs/{id}/content`.
pub async fn program_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let (picker, sort, rows) = program_items(&state, &ctx.tr, id, &q).await?;
    let top: Vec<(String, f64)> = rows
        .iter()
        .take(10)
        .map(|r| (r.title.clone(), r.clicks as f64))
        .collect();
    render(&ProgramTemplate {
        chart: bar_chart_in(
            ctx.tr.locale,
            "content-chart-items",
            &ctx.tr.t("reports-content-chart-items"),
            &top,
        ),
        p: &ctx,
        program,
        options: picker.options(&ctx.tr),
        picker,
        sort,
        total: rows.iter().map(ProgramItemNumbers::totals).sum(),
        rows,
    })
}

/// `GET /app/programs/{id}/content.csv`: every item of the list.
pub async fn program_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
) -> Result<Response> {
    let program = managed(&state, &user, id).await?;
    let (picker, _, rows) = program_items(&state, &ctx.tr, id, &q).await?;
    if !picker.errors.is_empty() {
        return Err(AppError::BadRequest("reports-impact-csv-bad-period"));
    }
    let tr = &ctx.tr;
    let headers: Vec<String> = [
        "reports-content-item",
        "reports-impact-shares",
        "reports-content-personalised-shares",
        "reports-impact-clicks",
        "reports-impact-clicks-per-share",
        "reports-impact-visitors",
        "reports-impact-conversions",
    ]
    .iter()
    .map(|k| tr.t(k))
    .collect();
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.title.clone(),
                r.shares.to_string(),
                r.personalised.to_string(),
                r.clicks.to_string(),
                clicks_per_share(&r.totals()).map_or(String::new(), |v| number(tr.locale, v, 2)),
                r.visitors.to_string(),
                r.conversions.to_string(),
            ]
        })
        .collect();
    let range = picker.period.range;
    let name = format!(
        "{}-{}-{}-{}",
        tr.t("reports-content-file"),
        program.slug,
        period::format_day(range.first),
        period::format_day(range.last)
    );
    Ok(csv_response(&name, csv_bytes(tr.locale, &headers, &lines)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(item_id: i64, shares: i64, clicks: i64, conversions: i64) -> ProgramItemNumbers {
        ProgramItemNumbers {
            item_id,
            title: format!("item {item_id}"),
            shares,
            personalised: 0,
            clicks,
            visitors: clicks,
            conversions,
        }
    }

    fn order(rows: &[ProgramItemNumbers]) -> Vec<i64> {
        rows.iter().map(|r| r.item_id).collect()
    }

    #[test]
    fn items_sort_by_the_chosen_number_then_clicks_then_newest() {
        let mut rows = vec![item(1, 10, 5, 0), item(2, 1, 4, 2), item(3, 0, 9, 0), item(4, 10, 5, 0)];
        sort_items(&mut rows, Sort::Clicks);
        assert_eq!(order(&rows), vec![3, 4, 1, 2]);
        sort_items(&mut rows, Sort::Shares);
        assert_eq!(order(&rows), vec![4, 1, 2, 3]);
        // 4 clicks from 1 share first; an item without shares has no ratio and goes last.
        sort_items(&mut rows, Sort::ClicksPerShare);
        assert_eq!(order(&rows), vec![2, 4, 1, 3]);
        sort_items(&mut rows, Sort::Conversions);
        assert_eq!(order(&rows), vec![2, 3, 4, 1]);
        assert_eq!(Sort::parse("conversions"), Sort::Conversions);
        assert_eq!(Sort::parse("likes"), Sort::Clicks);
    }

    #[test]
    fn network_rows_count_only_the_visible_programs() {
        let row = |program_id, network: &str, shares, clicks, personalised_clicks| ItemNetworkNumbers {
            program_id,
            network: network.into(),
            shares,
            personalised: 1,
            clicks,
            personalised_clicks,
            visitors: clicks,
            conversions: 0,
        };
        let rows = [
            row(1, "x", 2, 3, 1),
            row(1, "linkedin", 4, 10, 6),
            row(2, "linkedin", 1, 100, 0),
        ];
        let (all, pc) = per_network(&rows, &None);
        assert_eq!(
            all.iter().map(|r| r.network.as_str()).collect::<Vec<_>>(),
            ["linkedin", "x"]
        );
        assert_eq!((all[0].totals.shares, all[0].totals.clicks, pc), (5, 110, 7));
        let (mine, pc) = per_network(&rows, &Some(vec![1]));
        assert_eq!((mine[0].totals.shares, mine[0].totals.clicks, pc), (4, 10, 7));
        let (none, pc) = per_network(&rows, &Some(vec![]));
        assert!(none.is_empty() && pc == 0);
    }
}
