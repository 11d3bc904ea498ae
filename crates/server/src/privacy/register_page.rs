//! The processing register as the admin's page (`/app/admin/privacy`, with the latest
//! retention runs) and as Markdown for `docs/PRIVACY.md` (`ambasada privacy register`),
//! both from [`super::register::KINDS`].

use super::register::{KINDS, Kind, period};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::Result;
use crate::i18n::Tr;
use crate::web::{Ctx, render};
use ambasada_core::Role;
use ambasada_core::retention::Retention;
use ambasada_store::retention::RetentionRun;
use askama::Template;
use axum::extract::State;
use axum::response::Response;

/// A kind as the page and the Markdown word it.
pub struct KindView {
    pub id: &'static str,
    pub title: String,
    pub why: String,
    /// Empty for data that is not personal.
    pub who: String,
    pub keep: String,
    /// `table (column, column, ...)`.
    pub tables: Vec<String>,
}

/// A kind in a language, its periods from `retention`.
pub fn view(tr: &Tr, k: &Kind, retention: &Retention) -> KindView {
    let text = |part: &str| tr.t(&format!("register-{}-{part}", k.id));
    let keep = if !k.personal {
        String::new()
    } else if let Some((n, unit)) = period(k.keep, retention) {
        tr.a1(&format!("register-{}-keep", k.id), "period", &tr.n(unit, n))
    } else {
        text("keep")
    };
    KindView {
        id: k.id,
        title: text("title"),
        why: text("why"),
        who: if k.personal { text("who") } else { String::new() },
        keep,
        tables: k
            .tables
            .iter()
            .map(|(t, cols)| format!("{t} ({})", cols.split_whitespace().collect::<Vec<_>>().join(", ")))
            .collect(),
    }
}

/// The register in Markdown, in a language, with the periods of `retention`.
pub fn markdown(tr: &Tr, retention: &Retention) -> String {
    let mut out = format!(
        "# {}\n\n<!-- Made by `ambasada privacy register` from crates/server/src/privacy/register.rs; \
         a test checks the register against the database schema and this file against the register. -->\n\n{}\n\n{}\n",
        tr.t("register-title"),
        tr.t("register-intro"),
        tr.t("register-rights")
    );
    for personal in [true, false] {
        let heading = if personal {
            "register-personal"
        } else {
            "register-other"
        };
        out.push_str(&format!("\n## {}\n", tr.t(heading)));
        for k in KINDS.iter().filter(|k| k.personal == personal) {
            let v = view(tr, k, retention);
            out.push_str(&format!("\n### {}\n\n", v.title));
            out.push_str(&format!("- **{}:** {}\n", tr.t("register-why"), v.why));
            if personal {
                out.push_str(&format!("- **{}:** {}\n", tr.t("register-who"), v.who));
                out.push_str(&format!("- **{}:** {}\n", tr.t("register-keep"), v.keep));
            }
            let tables: Vec<String> = v.tables.iter().map(|t| format!("`{t}`")).collect();
            out.push_str(&format!("- **{}:** {}\n", tr.t("register-where"), tables.join("; ")));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "privacy/register.html")]
struct RegisterTemplate<'a> {
    p: &'a Ctx,
    personal: Vec<KindView>,
    other: Vec<KindView>,
    runs: Vec<RetentionRun>,
}

/// `GET /app/admin/privacy`: admins only.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    let r = &state.config.retention;
    let views = |personal: bool| -> Vec<KindView> {
        KINDS
            .iter()
            .filter(|k| k.personal == personal)
            .map(|k| view(&ctx.tr, k, r))
            .collect()
    };
    render(&RegisterTemplate {
        p: &ctx,
        personal: views(true),
        other: views(false),
        runs: state.store.retention_runs(10).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_privacy_md_is_the_register_in_english_with_the_default_periods() {
        let i18n = std::sync::Arc::new(crate::i18n::I18n::new());
        let expected = markdown(&Tr::new(i18n, ambasada_core::Locale::En), &Retention::default());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/PRIVACY.md");
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "docs/PRIVACY.md is not the register: run `cargo run -- privacy register > docs/PRIVACY.md`"
        );
    }
}
