//! A program's reach and EMV rates at `/app/programs/{id}/emv`: per network, the reach
//! factor (as a percentage of the declared network size), the CPM and the CPC in PLN, with
//! the documented defaults shown beside each field. For the program's coordinator and
//! admins; every change is audited.

use super::dashboard::{factor_percent, report_program};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::Result;
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::reports::emv::{self, Rates};
use ambasada_core::{Locale, Network};
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/app/programs/{id}/emv", get(page).post(save))
}

/// The form's field names per network: reach factor, CPM, CPC.
const FIELDS: [(Network, [&str; 3]); 4] = [
    (
        Network::Linkedin,
        ["linkedin_reach_factor", "linkedin_cpm", "linkedin_cpc"],
    ),
    (Network::X, ["x_reach_factor", "x_cpm", "x_cpc"]),
    (
        Network::Facebook,
        ["facebook_reach_factor", "facebook_cpm", "facebook_cpc"],
    ),
    (Network::Xing, ["xing_reach_factor", "xing_cpm", "xing_cpc"]),
];

/// A percentage with at most one decimal (`10`, `7,5`, `7.5 %`), from 0 to 100, in per
/// mille; `Err` is the catalog key of the message.
pub fn parse_percent(s: &str) -> std::result::Result<i64, &'static str> {
    const INVALID: &str = "reports-emv-percent-invalid";
    let s = s.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 4 || fraction.len() > 1 || !digits(whole) || !digits(fraction) {
        return Err(INVALID);
    }
    let per_mille = whole.parse::<i64>().map_err(|_| INVALID)? * 10 + fraction.parse::<i64>().unwrap_or(0);
    if per_mille > emv::MAX_FACTOR_PER_MILLE {
        return Err(INVALID);
    }
    Ok(per_mille)
}

/// An amount for a form field: `120,00` in Polish, `120.00` in English.
fn pln_field(locale: Locale, grosze: i64) -> String {
    let s = format!("{}.{:02}", grosze / 100, grosze % 100);
    if locale == Locale::Pl { s.replace('.', ",") } else { s }
}

/// One input.
struct Field {
    name: &'static str,
    value: String,
    /// The default, written out.
    default: String,
}

/// A network's three inputs.
struct NetworkFields {
    label: &'static str,
    fields: [Field; 3],
}

#[derive(Template)]
#[template(path = "reports/emv.html")]
struct EmvTemplate<'a> {
    p: &'a Ctx,
    program: Program,
    networks: Vec<NetworkFields>,
    errors: FieldErrors,
}

/// The form's fields, each valued by `value(field name, network, shown rates)`.
fn fields(
    locale: Locale,
    value: impl Fn(&'static str) -> Option<String>,
    rates: &[(Network, Rates)],
) -> Vec<NetworkFields> {
    FIELDS
        .iter()
        .map(|(network, names)| {
            let d = emv::default_rates(*network);
            let r = rates.iter().find(|(n, _)| n == network).map_or(d, |(_, r)| *r);
            let shown = [
                factor_percent(locale, r.reach_factor_per_mille),
                pln_field(locale, r.cpm_grosze),
                pln_field(locale, r.cpc_grosze),
            ];
            let defaults = [
                format!("{}%", factor_percent(locale, d.reach_factor_per_mille)),
                emv::format_pln(d.cpm_grosze, locale),
                emv::format_pln(d.cpc_grosze, locale),
            ];
            let mut i = 0;
            let fields = names.map(|name| {
                let f = Field {
                    name,
                    value: value(name).unwrap_or_else(|| shown[i].clone()),
                    default: defaults[i].clone(),
                };
                i += 1;
                f
            });
            NetworkFields {
                label: network.label(),
                fields,
            }
        })
        .collect()
}

/// `GET /app/programs/{id}/emv`.
async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, Path(id): Path<i64>) -> Result<Response> {
    let program = report_program(&state, &user, id).await?;
    let rates = state.store.emv_rates(id).await?;
    render(&EmvTemplate {
        networks: fields(ctx.tr.locale, |_| None, &rates),
        p: &ctx,
        program,
        errors: FieldErrors::default(),
    })
}

/// The rates typed, each checked; problems by field.
fn parse(ctx: &Ctx, form: &[(String, String)]) -> (Vec<(Network, Rates)>, FieldErrors) {
    let typed = |name: &str| form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str());
    let mut errors = FieldErrors::default();
    let mut rates = Vec::new();
    for (network, [factor, cpm, cpc]) in FIELDS {
        let f = parse_percent(typed(factor)).map_err(|k| errors.add(factor, ctx.t(k)));
        let money = |name: &'static str, errors: &mut FieldErrors| {
            emv::parse_pln(typed(name)).ok_or_else(|| errors.add(name, ctx.t("reports-emv-money-invalid")))
        };
        let (m, c) = (money(cpm, &mut errors), money(cpc, &mut errors));
        let (Ok(f), Ok(m), Ok(c)) = (f, m, c) else { continue };
        match emv::validate(f, m, c) {
            Ok(r) => rates.push((network, r)),
            Err((field, key)) => {
                let name = match field {
                    "reach_factor" => factor,
                    "cpm" => cpm,
                    _ => cpc,
                };
                errors.add(name, ctx.t(key));
            }
        }
    }
    (rates, errors)
}

/// `POST /app/programs/{id}/emv`: stores the rates; a bad value answers 422 with what was
/// typed and a message on its field.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response> {
    let program = report_program(&state, &user, id).await?;
    let (rates, errors) = parse(&ctx, &form);
    if !errors.is_empty() {
        let typed = |name: &'static str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let current = state.store.emv_rates(id).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &EmvTemplate {
                networks: fields(ctx.tr.locale, |n| Some(typed(n).unwrap_or_default()), &current),
                p: &ctx,
                program,
                errors,
            },
        );
    }
    let before = state.store.emv_rates(id).await?;
    if before != rates {
        state.store.set_emv_rates(id, &rates).await?;
        let changed: Vec<String> = rates
            .iter()
            .filter(|r| !before.contains(r))
            .map(|(n, r)| {
                format!(
                    "{}={}‰/{}/{}",
                    n.as_str(),
                    r.reach_factor_per_mille,
                    r.cpm_grosze,
                    r.cpc_grosze
                )
            })
            .collect();
        let subject = format!("{}: {}", program.name, changed.join(", "));
        state
            .store
            .audit(Some(user.id), "program.emv_rates", &subject, crate::now())
            .await?;
    }
    Ok(redirect_flash(
        &format!("/app/programs/{id}/emv"),
        true,
        "reports-emv-saved",
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_take_one_decimal_either_way() {
        assert_eq!(parse_percent("10"), Ok(100));
        assert_eq!(parse_percent(" 7,5 % "), Ok(75));
        assert_eq!(parse_percent("7.5"), Ok(75));
        assert_eq!(parse_percent("100"), Ok(1000));
        assert_eq!(parse_percent("0"), Ok(0));
        for bad in ["", "100.1", "101", "7,55", "-1", "abc", "1e2", ",5"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
        assert_eq!(pln_field(Locale::Pl, 12_050), "120,50");
        assert_eq!(pln_field(Locale::En, 150), "1.50");
    }
}
