//! The email a program's members get when its review is published: in each member's
//! language, a few headline numbers against the period before, the decisions taken, and
//! the link to the whole document. Queued with the publication (`Store::publish_review`).

use super::reviews::{period_label, period_of, snapshot_of};
use super::reviews_view::{due_label, number_rows};
use crate::AppState;
use crate::i18n::Tr;
use ambasada_store::people::User;
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::{Decision, Review, ReviewEmail};

/// The headline numbers an email names, by their row keys.
const EMAIL_NUMBERS: [&str; 6] = [
    "participation",
    "active",
    "shares",
    "clicks",
    "applications",
    "realisation",
];

/// The summary lines of the numbers, in `tr`'s language.
fn summary(tr: &Tr, r: &Review) -> String {
    let Some(s) = snapshot_of(r) else {
        return String::new();
    };
    number_rows(tr, &s)
        .into_iter()
        .filter(|row| EMAIL_NUMBERS.contains(&row.key))
        .map(|row| {
            tr.a(
                "reports-review-email-number",
                &[("label", &row.label), ("now", &row.now), ("before", &row.before)],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The decisions, one line each.
fn decision_lines(tr: &Tr, decisions: &[Decision]) -> String {
    if decisions.is_empty() {
        return tr.t("reports-review-email-no-decisions");
    }
    decisions
        .iter()
        .map(|d| {
            let owner = d.owner_name.clone().unwrap_or_default();
            let due = due_label(tr, d.due_day);
            tr.a(
                "reports-review-email-decision",
                &[("text", &d.text), ("owner", &owner), ("due", &due)],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One email per current member of the program, in their language.
pub async fn compose(
    state: &AppState,
    r: &Review,
    program: &Program,
    by: &User,
    decisions: &[Decision],
) -> anyhow::Result<Vec<ReviewEmail>> {
    let link = format!("{}/app/reviews/{}", state.config.base_url, r.id);
    let coordinator = by.name();
    let period = period_of(r);
    let mut out = Vec::new();
    let company = state.brand().await.name.clone();
    for m in state.store.review_recipients(program.id).await? {
        let tr = Tr::new(state.i18n.clone(), m.locale);
        let label = period_label(&tr, &period);
        let numbers = summary(&tr, r);
        let lines = decision_lines(&tr, decisions);
        let args = [
            ("name", m.first_name.as_str()),
            ("coordinator", coordinator.as_str()),
            ("program", program.name.as_str()),
            ("period", label.as_str()),
            ("numbers", numbers.as_str()),
            ("decisions", lines.as_str()),
            ("link", link.as_str()),
        ];
        out.push(ReviewEmail {
            to: m.email,
            subject: tr.a("reports-review-email-subject", &args),
            body: crate::mail::signed(&tr.a("reports-review-email-body", &args), &company),
        });
    }
    Ok(out)
}
