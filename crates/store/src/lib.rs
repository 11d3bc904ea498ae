//! Ambasada's database. One module per area; every query is written once in a SQL
//! dialect that both SQLite and PostgreSQL run (see ARCHITECTURE.md, "Portable SQL").
//!
//! SQL lives only here. Callers get plain types and [`StoreError`]; they never see sqlx.

pub mod audit;
pub mod calendar;
pub mod content;
mod db;
pub mod digests;
pub mod enps;
pub mod erasure;
pub mod linkedin;
pub mod notifications;
pub mod outbox;
pub mod people;
pub mod privacy;
pub mod programs;
pub mod recruiting;
pub mod reports;
pub mod retention;
pub mod rewards;
pub mod settings;
pub mod signed_webhooks;
pub mod tracking;
pub mod training;
pub mod transfer;
pub mod webhooks;

pub use db::{Backend, Store, StoreError, redact_url};

/// Results of store calls.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
