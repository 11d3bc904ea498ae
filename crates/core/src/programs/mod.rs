//! Program settings that are rules rather than data: the review cadence, and who
//! manages a program.

pub mod goals;
pub mod health;
pub mod selection;

use crate::Role;

/// Whether a person manages a program (its settings, members, goals, candidates, plan,
/// points, required course, health): admins every program, a coordinator the programs
/// they coordinate. A program without a coordinator (made before every program had one)
/// is the admins' alone until they give it one: no coordinator can take it on.
pub fn may_manage(roles: &[Role], user_id: i64, coordinator_id: Option<i64>) -> bool {
    roles.contains(&Role::Admin) || (roles.contains(&Role::Coordinator) && coordinator_id == Some(user_id))
}

/// The coordinator a program has after `user_id` (with `roles`) saves its form, where
/// `chosen` is the form's choice and `existing` the program's coordinator before saving
/// (`None` when the program is being created). A program always has a coordinator and
/// only admins choose or change who: an admin's choice is taken (`None` when they chose
/// nobody, which the form refuses); a coordinator's form cannot change it, and a program
/// a coordinator creates is theirs.
pub fn coordinator_after_save(
    roles: &[Role],
    user_id: i64,
    chosen: Option<i64>,
    existing: Option<Option<i64>>,
) -> Option<i64> {
    if roles.contains(&Role::Admin) {
        chosen
    } else {
        existing.unwrap_or(Some(user_id))
    }
}

/// How often a program holds its review meeting (the source article's regular
/// ambassador meeting). Monthly by default.
pub const REVIEW_CADENCES: [&str; 4] = ["weekly", "biweekly", "monthly", "quarterly"];

/// The default cadence.
pub const DEFAULT_CADENCE: &str = "monthly";

/// Whether `s` names a cadence.
pub fn is_cadence(s: &str) -> bool {
    REVIEW_CADENCES.contains(&s)
}

/// The longest time between two reviews on a cadence, in days (a month counts 31, a
/// quarter 92), for the health check's "a review within the cadence".
pub fn cadence_days(cadence: &str) -> Option<i64> {
    Some(match cadence {
        "weekly" => 7,
        "biweekly" => 14,
        "monthly" => 31,
        "quarterly" => 92,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_and_the_programs_coordinator_manage_it() {
        let (admin, coordinator) = ([Role::Admin], [Role::Coordinator]);
        assert!(may_manage(&admin, 1, None));
        assert!(may_manage(&admin, 1, Some(2)));
        assert!(may_manage(&coordinator, 2, Some(2)));
        assert!(!may_manage(&coordinator, 3, Some(2)));
        // A program without a coordinator is not there for the taking.
        assert!(!may_manage(&coordinator, 3, None));
        assert!(!may_manage(&[Role::Ambassador, Role::Editor], 2, Some(2)));
    }

    #[test]
    fn only_admins_choose_a_programs_coordinator() {
        let (admin, coordinator) = ([Role::Admin], [Role::Coordinator]);
        assert_eq!(coordinator_after_save(&admin, 1, Some(5), None), Some(5));
        assert_eq!(coordinator_after_save(&admin, 1, Some(5), Some(Some(2))), Some(5));
        assert_eq!(coordinator_after_save(&admin, 1, None, Some(Some(2))), None);
        // A coordinator's new program is theirs, whatever the form says.
        assert_eq!(coordinator_after_save(&coordinator, 3, Some(5), None), Some(3));
        assert_eq!(coordinator_after_save(&coordinator, 3, None, None), Some(3));
        // Their form neither clears nor hands on the coordinator.
        assert_eq!(coordinator_after_save(&coordinator, 3, None, Some(Some(3))), Some(3));
        assert_eq!(coordinator_after_save(&coordinator, 3, Some(5), Some(Some(3))), Some(3));
    }

    #[test]
    fn every_cadence_has_a_length() {
        for c in REVIEW_CADENCES {
            assert!(is_cadence(c));
            assert!(cadence_days(c).is_some());
        }
        assert!(is_cadence(DEFAULT_CADENCE));
        assert!(!is_cadence("daily"));
        assert_eq!(cadence_days("daily"), None);
    }
}
