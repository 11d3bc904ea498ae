//! Measurement and reports (C11): the roll-ups of clicks, shares and conversions (kept
//! current by the writers in `rollups`), the program's numbers read from them, and the
//! monthly reviews. No query here reads raw click rows.

pub mod content;
pub mod impact;
pub mod reviews;
pub mod rollup_plan;
pub mod rollups;
pub mod stats;
pub mod synthetic;
