//! Integration tests: the real router on a real database (SQLite, and PostgreSQL when
//! `AMBASADA_TEST_POSTGRES` is set). One binary, one module per area.

#[path = "../common/mod.rs"]
pub mod common;

mod access_matrix;
mod accounts;
mod api_tokens;
mod brand;
mod calendar;
mod challenges;
mod content;
mod demo_story;
mod design;
mod digests;
mod erasure;
mod fake_linkedin;
mod feeds;
mod import;
mod integrations;
mod leaderboards;
mod link_changes;
mod linkedin;
mod metrics;
mod migrate_to_postgres;
mod notifications;
mod openapi;
mod outbox;
mod pages;
mod person_export;
mod points;
mod register;
mod reports_dashboard;
mod reports_impact;
mod reports_reviews;
mod reports_rollups;
mod retention;
mod rewards;
mod search;
mod security_a;
mod security_b;
mod security_c;
mod sso;
mod tracking;
mod training;
mod webhooks;
