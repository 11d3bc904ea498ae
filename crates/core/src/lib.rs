//! Ambasada's domain: plain types and the rules over them.
//!
//! Nothing here does IO, is async or knows about the database or HTTP. Values from the
//! outside world are parsed into these types at the edge (`Email::parse`, `Role::parse`),
//! so the rest of the program never handles raw strings where a domain type exists.

pub mod brand;
pub mod calendar;
pub mod content;
pub mod enps;
pub mod integrations;
pub mod linkedin;
pub mod people;
pub mod programs;
pub mod recruiting;
pub mod reports;
pub mod retention;
pub mod rewards;
pub mod signed;
pub mod text;
pub mod tracking;
pub mod training;
pub mod webhooks;

pub use people::access::{Role, Scope};
pub use people::{Email, Locale, Network, Password, PersonName};

/// Unix time in milliseconds, UTC: the one time representation the store uses.
pub type Millis = i64;

/// One minute, in milliseconds.
pub const MINUTE: Millis = 60_000;
/// One hour, in milliseconds.
pub const HOUR: Millis = 60 * MINUTE;
/// One day, in milliseconds.
pub const DAY: Millis = 24 * HOUR;
