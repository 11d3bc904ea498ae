//! The processing register (GDPR article 30): every kind of data stored, personal or not,
//! with why it is kept, where (tables and columns), for how long and who can see it. The
//! admin's page `/app/admin/privacy` and `docs/PRIVACY.md` (`ambasada privacy register`)
//! are made from [`KINDS`]; a test fails when a table or column of the schema is in no
//! kind, or a kind names one the schema lacks, so the register cannot drift.
//!
//! Texts are in the catalogs: `register-{id}-title`, `-why`, `-who` and `-keep` (which
//! takes the period of its `retention_*` setting as `$period`).

use ambasada_core::retention::Retention;

/// How long a kind of data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// As its catalog text says (an account's lifetime, a session's expiry, ...).
    Rule,
    /// The `retention_*` setting named, in days.
    Days(&'static str),
    /// The `retention_*` setting named, in months.
    Months(&'static str),
}

/// A kind of data: its catalog id, whether it is personal, how long it is kept, and its
/// tables with their columns (space-separated).
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    pub id: &'static str,
    pub personal: bool,
    pub keep: Keep,
    pub tables: &'static [(&'static str, &'static str)],
}

const fn personal(id: &'static str, keep: Keep, tables: &'static [(&'static str, &'static str)]) -> Kind {
    Kind {
        id,
        personal: true,
        keep,
        tables,
    }
}

const fn other(id: &'static str, tables: &'static [(&'static str, &'static str)]) -> Kind {
    Kind {
        id,
        personal: false,
        keep: Keep::Rule,
        tables,
    }
}

/// Every kind of data, the personal ones first.
pub const KINDS: &[Kind] = &[
    personal(
        "accounts",
        Keep::Rule,
        &[
            (
                "users",
                "id email first_name last_name password_hash locale time_zone created_at updated_at \
                 deactivated_at search_key sort_key hide_on_boards invited_at erased_at",
            ),
            ("user_roles", "user_id role"),
            ("team_members", "team_id user_id"),
            ("user_networks", "user_id network profile_url network_size"),
            ("digest_settings", "user_id frequency hour weekdays updated_at"),
            ("calendar_feeds", "owner owner_id version"),
            ("pending_imports", "id user_id file_name content created_at token"),
        ],
    ),
    personal(
        "security",
        Keep::Rule,
        &[
            ("sessions", "id token_hash user_id created_at last_seen_at expires_at"),
            (
                "api_tokens",
                "id user_id name token_hash scopes created_at last_used_at revoked_at",
            ),
            (
                "one_time_tokens",
                "id user_id purpose token_hash created_at expires_at used_at",
            ),
            ("login_failures", "id email ip_hash at"),
            ("rate_events", "id kind key_hash at"),
        ],
    ),
    personal(
        "sharing",
        Keep::Rule,
        &[
            (
                "shares",
                "id user_id item_id link_id program_id network text post_url topic personalisation created_at",
            ),
            (
                "tracked_links",
                "id code user_id item_id network program_id target_url created_at",
            ),
            (
                "planned_posts",
                "id slot_id user_id starts_at ends_at status accepted_at skip_reason share_id decided_at \
                 reminded_at updated_at",
            ),
        ],
    ),
    personal(
        "linkedin",
        Keep::Rule,
        &[
            (
                "linkedin_accounts",
                "user_id member_sub member_name token_sealed scope expires_at connected_at reminded",
            ),
            (
                "linkedin_posts",
                "id user_id content_id planned_post_id commentary due_at status attempts next_try_at claimed_at \
                 failure failure_detail post_urn share_id created_at updated_at",
            ),
        ],
    ),
    personal(
        "clicks",
        Keep::Days("retention_raw_clicks_days"),
        &[
            ("clicks", "id link_id at network visitor_hash browser referrer_host"),
            ("click_day_visitors", "link_id day visitor_hash"),
            ("visitor_salts", "day salt"),
            (
                "conversions",
                "id click_id kind external_id value application_id created_at",
            ),
        ],
    ),
    personal(
        "measurement",
        Keep::Rule,
        &[
            (
                "stats_ambassador_days",
                "program_id user_id network day shares personalised clicks bots visitors conversions",
            ),
            (
                "stats_ambassador_months",
                "program_id user_id network month shares personalised clicks bots visitors conversions",
            ),
        ],
    ),
    personal(
        "programs",
        Keep::Rule,
        &[
            ("program_members", "program_id user_id joined_at left_at source"),
            (
                "program_applications",
                "id program_id user_id networks frequency network_sizes topics motivation score status \
                 decision_message decided_by decided_at consent_at created_at",
            ),
            ("lesson_reads", "user_id lesson_id read_at"),
            (
                "quiz_attempts",
                "id user_id course_id correct total percent passed created_at",
            ),
        ],
    ),
    personal(
        "motivation",
        Keep::Rule,
        &[
            (
                "points_ledger",
                "id user_id program_id rule source amount reason created_at",
            ),
            ("badges_earned", "user_id badge earned_at"),
            (
                "redemptions",
                "id reward_id user_id program_id points cost_minor status reason created_at decided_at delivered_at",
            ),
            ("challenge_winners", "challenge_id user_id"),
        ],
    ),
    personal(
        "candidates",
        Keep::Months("retention_applications_months"),
        &[
            (
                "applications",
                "id offer_id name email profile_url message cv_file consent_text stage click_id ambassador_id \
                 item_id program_id network created_at updated_at erased_at future_consent_text future_consent_at \
                 future_consent_until",
            ),
            (
                "application_stages",
                "id application_id from_stage to_stage actor_id at",
            ),
        ],
    ),
    personal(
        "enps",
        Keep::Rule,
        &[
            ("enps_participants", "survey_id user_id"),
            ("enps_pending", "survey_id score comment"),
            ("enps_tallies", "survey_id score answers"),
            ("enps_comments", "survey_id body"),
        ],
    ),
    personal(
        "reviews",
        Keep::Rule,
        &[
            (
                "reviews",
                "id program_id cadence period_key first_day last_day status notes snapshot created_at \
                 updated_at published_at published_by",
            ),
            ("review_attendance", "review_id user_id"),
            (
                "review_decisions",
                "id program_id review_id text owner_id due_day done_at done_by created_by created_at",
            ),
            ("review_carried", "review_id decision_id"),
        ],
    ),
    personal(
        "notifications",
        Keep::Days("retention_notifications_days"),
        &[
            (
                "notifications",
                "id user_id kind args link dedup_key created_at read_at",
            ),
            ("digests_sent", "user_id period claimed_at entries"),
        ],
    ),
    personal(
        "messages",
        Keep::Days("retention_messages_days"),
        &[
            (
                "outbox",
                "id to_addr subject body_text kind status attempts next_attempt_at claimed_at last_error \
                 created_at sent_at",
            ),
            (
                "webhook_messages",
                "id endpoint_id message_id event payload dedup_key status attempts next_attempt_at last_status \
                 last_error created_at delivered_at",
            ),
            (
                "webhook_deliveries",
                "id program_id kind event body status attempts next_attempt_at last_error created_at sent_at \
                 dedup_key",
            ),
        ],
    ),
    personal(
        "audit",
        Keep::Days("retention_audit_days"),
        &[("audit_log", "id actor_id action subject at")],
    ),
    other(
        "content",
        &[
            (
                "content_items",
                "id title category target_url image_file hashtags language status reject_reason author_id \
                 starts_at expires_at created_at updated_at announced_at search_text",
            ),
            ("content_texts", "item_id network body"),
            ("content_programs", "item_id program_id"),
            ("content_teams", "item_id team_id"),
            (
                "content_transitions",
                "id item_id from_status to_status actor_id note at",
            ),
            (
                "courses",
                "id title description language pass_mark published created_by created_at updated_at",
            ),
            ("course_lessons", "id course_id position title body"),
            ("course_questions", "id course_id position text choices"),
            (
                "job_offers",
                "id title location contract_type description language status created_by created_at updated_at \
                 closed_at",
            ),
        ],
    ),
    other(
        "setup",
        &[
            (
                "programs",
                "id name slug description coordinator_id daily_share_limit created_at review_cadence capacity \
                 required_course_id",
            ),
            ("teams", "id name created_at"),
            (
                "calendar_slots",
                "id program_id content_id topic network starts_at ends_at audience team_id spread created_by \
                 created_at updated_at deleted_at",
            ),
            (
                "calendar_slot_history",
                "id slot_id changed_by changed_at action before",
            ),
            (
                "goals",
                "id program_id metric target period_start period_end created_by created_at",
            ),
            ("points_rules", "program_id rule points updated_at"),
            (
                "rewards",
                "id program_id name description image_file points_cost stock cost_minor active created_at updated_at",
            ),
            ("program_budgets", "program_id quarter amount_minor updated_at"),
            (
                "program_emv_rates",
                "program_id network reach_factor_per_mille cpm_grosze cpc_grosze",
            ),
            (
                "challenges",
                "id program_id title description metric content_id team_id target mode bonus winners starts_at \
                 ends_at settled_at seed created_by created_at candidates",
            ),
            ("enps_surveys", "id question_note opened_by opened_at closed_at"),
            (
                "program_webhooks",
                "program_id kind url last_error last_error_at last_success_at stopped_at updated_at",
            ),
            (
                "webhook_endpoints",
                "id url events secret created_by created_at last_success_at failing_since disabled_at",
            ),
            ("settings", "name value"),
        ],
    ),
    other(
        "totals",
        &[
            ("click_days", "link_id day clicks bots visitors conversions"),
            (
                "stats_program_days",
                "program_id network day shares personalised clicks bots visitors conversions",
            ),
            (
                "stats_item_days",
                "program_id item_id network day shares personalised clicks personalised_clicks bots visitors \
                 conversions",
            ),
            ("change_counters", "name value"),
            (
                "retention_runs",
                "id day started_at finished_at applications cvs clicks notifications messages audit",
            ),
        ],
    ),
];

/// Every (table, column) the register names.
pub fn named_columns() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = KINDS
        .iter()
        .flat_map(|k| k.tables.iter())
        .flat_map(|(table, columns)| {
            columns
                .split_whitespace()
                .map(move |c| (table.to_string(), c.to_string()))
        })
        .collect();
    out.sort();
    out
}

/// The period of a kind's setting, as a number and its unit's catalog key.
pub fn period(keep: Keep, r: &Retention) -> Option<(i64, &'static str)> {
    let days = |n: u32| Some((i64::from(n), "register-days"));
    let months = |n: u32| Some((i64::from(n), "register-months"));
    match keep {
        Keep::Rule => None,
        Keep::Days("retention_raw_clicks_days") => days(r.raw_clicks_days),
        Keep::Days("retention_notifications_days") => days(r.notifications_days),
        Keep::Days("retention_messages_days") => days(r.messages_days),
        Keep::Days("retention_audit_days") => days(r.audit_days),
        Keep::Months("retention_applications_months") => months(r.applications_months),
        Keep::Months("retention_consented_months") => months(r.consented_months),
        Keep::Days(_) | Keep::Months(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_with_a_setting_knows_its_period_and_no_table_is_named_twice() {
        let r = Retention::default();
        for k in KINDS {
            if k.keep != Keep::Rule {
                assert!(period(k.keep, &r).is_some(), "{}", k.id);
            }
        }
        let mut tables: Vec<&str> = KINDS.iter().flat_map(|k| k.tables.iter().map(|(t, _)| *t)).collect();
        let n = tables.len();
        tables.sort();
        tables.dedup();
        assert_eq!(tables.len(), n, "a table in two kinds");
    }

    #[test]
    fn every_kind_has_its_texts_in_both_catalogs() {
        let i18n = crate::i18n::I18n::new();
        for locale in [ambasada_core::Locale::En, ambasada_core::Locale::Pl] {
            for k in KINDS {
                let parts: &[&str] = if k.personal {
                    &["title", "why", "who", "keep"]
                } else {
                    &["title", "why"]
                };
                for part in parts {
                    let key = format!("register-{}-{part}", k.id);
                    assert!(i18n.has(locale, &key), "{key} in {locale:?}");
                }
            }
        }
    }
}
