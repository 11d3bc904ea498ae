//! Motivation that stays fair (C10): points (`points`), and the leaderboards, badges,
//! challenges and rewards built on them.

pub mod awarding;
pub mod badges;
pub mod budget;
pub mod catalog;
pub mod challenges;
pub mod leaderboards;
pub mod points;
pub mod redemptions;
pub mod review;
