//! Login throttling. An account is locked after [`ACCOUNT_LIMIT`] failed logins within
//! [`WINDOW`]; an address is over its limit after [`ADDRESS_LIMIT`] failed logins within
//! the same window, a limit well above the account's, since a whole company may share one
//! address behind its proxy.
//!
//! Only an account's own lock refuses a login: a correct password for an account that is
//! not locked logs in whatever its address did, so nobody can lock out everyone behind an
//! address. Tries refused by a lock are not failures (the password is not even checked),
//! so they do not make the lock last longer: it ends once the oldest of the failures
//! that set it is [`WINDOW`] old.

use crate::Millis;

/// Failed logins for one account within [`WINDOW`] that lock it.
pub const ACCOUNT_LIMIT: usize = 5;
/// Failed logins from one address within [`WINDOW`] that put it over its limit: ten
/// times the account's.
pub const ADDRESS_LIMIT: usize = 50;
/// The window over which failures are counted: 15 minutes.
pub const WINDOW: Millis = 15 * crate::MINUTE;

/// What a login try may do, given the recent failures of its account and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// The password is checked.
    Open,
    /// The account is locked: the try is refused without checking the password, and
    /// `wait` milliseconds must pass.
    AccountLocked { wait: Millis },
    /// The address is over its limit but the account is not locked: the password is
    /// checked, and only a wrong one is refused as throttled.
    AddressOverLimit { wait: Millis },
}

/// Decides what a login try may do now, from the times of recent failures for the
/// account and for the address (any order, any age; the try itself not included).
pub fn gate(account: &[Millis], address: &[Millis], now: Millis) -> Gate {
    if let Err(wait) = check(account, ACCOUNT_LIMIT, now) {
        Gate::AccountLocked { wait }
    } else if let Err(wait) = check(address, ADDRESS_LIMIT, now) {
        Gate::AddressOverLimit { wait }
    } else {
        Gate::Open
    }
}

/// Whether fewer than `limit` of `failures` fall within the window ending at `now`.
/// Returns `Err(wait)` in milliseconds otherwise: until the oldest failure that still
/// counts leaves the window.
pub fn check(failures: &[Millis], limit: usize, now: Millis) -> Result<(), Millis> {
    let mut recent: Vec<Millis> = failures
        .iter()
        .copied()
        .filter(|t| *t > now - WINDOW && *t <= now)
        .collect();
    if recent.len() < limit.max(1) {
        return Ok(());
    }
    recent.sort_unstable();
    // Allowed again once fewer than `limit` remain in the window.
    let frees_at = recent[recent.len() - limit.max(1)] + WINDOW;
    Err((frees_at - now).max(1))
}

/// Whole minutes to tell a person to wait, rounded up, at least one.
pub fn wait_minutes(wait: Millis) -> i64 {
    ((wait + crate::MINUTE - 1) / crate::MINUTE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MINUTE;

    #[test]
    fn the_address_limit_is_well_above_the_account_limit() {
        assert_eq!(ACCOUNT_LIMIT, 5);
        assert_eq!(ADDRESS_LIMIT, 50);
        assert_eq!(WINDOW, 15 * MINUTE);
    }

    #[test]
    fn four_failures_still_allow_a_fifth_try() {
        let now = 100 * MINUTE;
        let f = [now - 1, now - 2, now - 3, now - 4];
        assert_eq!(check(&f, ACCOUNT_LIMIT, now), Ok(()));
        assert_eq!(gate(&f, &f, now), Gate::Open);
    }

    #[test]
    fn five_failures_in_the_window_lock_until_the_oldest_leaves_it() {
        let now = 100 * MINUTE;
        let f = [now - 10 * MINUTE, now - 4, now - 3, now - 2, now - 1];
        assert_eq!(check(&f, ACCOUNT_LIMIT, now), Err(5 * MINUTE));
        assert_eq!(gate(&f, &f, now), Gate::AccountLocked { wait: 5 * MINUTE });
        assert_eq!(wait_minutes(5 * MINUTE), 5);
        assert_eq!(wait_minutes(1), 1);
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let now = 100 * MINUTE;
        let f = [now - 16 * MINUTE, now - 15 * MINUTE, now - 3, now - 2, now - 1];
        assert_eq!(check(&f, ACCOUNT_LIMIT, now), Ok(()));
    }

    #[test]
    fn five_failures_from_an_address_leave_its_other_accounts_open() {
        let now = 100 * MINUTE;
        let address = [now - 5, now - 4, now - 3, now - 2, now - 1];
        // Another account behind the same address has no failures of its own.
        assert_eq!(gate(&[], &address, now), Gate::Open);
        let many: Vec<Millis> = (1..=49).map(|i| now - i).collect();
        assert_eq!(gate(&[], &many, now), Gate::Open);
    }

    #[test]
    fn an_address_over_its_limit_does_not_lock_an_account_that_is_not_locked() {
        let now = 100 * MINUTE;
        let address: Vec<Millis> = (0..50).map(|i| now - 10 * MINUTE + i).collect();
        assert_eq!(gate(&[], &address, now), Gate::AddressOverLimit { wait: 5 * MINUTE });
        let own = [now - 1, now - 2];
        assert!(matches!(gate(&own, &address, now), Gate::AddressOverLimit { .. }));
        // The account's own lock comes first.
        let locked = [now - 1, now - 2, now - 3, now - 4, now - 5];
        assert!(matches!(gate(&locked, &address, now), Gate::AccountLocked { .. }));
    }

    #[test]
    fn a_lock_ends_when_the_oldest_failure_that_set_it_leaves_the_window() {
        // Refused tries are not failures: they are not in the list, so the lock ends
        // when the oldest of the five failures leaves the window.
        let set = 100 * MINUTE;
        let f = [set - 4, set - 3, set - 2, set - 1, set];
        assert!(matches!(gate(&f, &[], set + 14 * MINUTE), Gate::AccountLocked { .. }));
        assert_eq!(gate(&f, &[], set - 4 + WINDOW), Gate::Open);
    }
}
