//! Motivation (C10): the points ledger (`points`), and the leaderboards, badges,
//! challenges, rewards and redemptions built on it.

pub mod awarding;
pub mod badges;
pub mod catalog;
pub mod challenges;
pub mod leaderboards;
pub mod points;
pub mod redemptions;
pub mod review;
pub mod subjects;
