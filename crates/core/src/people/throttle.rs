//! Login throttling: after too many failed attempts for one account or from one
//! address within a window, further attempts wait.

use crate::Millis;

/// Failed attempts allowed within [`WINDOW`] before login is refused.
pub const MAX_FAILURES: usize = 5;
/// The window over which failures are counted: 15 minutes.
pub const WINDOW: Millis = 15 * crate::MINUTE;

/// Decides whether a login may be tried now, given the times of recent failures for the
/// account or the address (any order, any age). Returns `Err(wait)` in milliseconds when
/// the caller must wait: until the oldest failure that still counts leaves the window.
pub fn check(failures: &[Millis], now: Millis) -> Result<(), Millis> {
    let mut recent: Vec<Millis> = failures
        .iter()
        .copied()
        .filter(|t| *t > now - WINDOW && *t <= now)
        .collect();
    if recent.len() < MAX_FAILURES {
        return Ok(());
    }
    recent.sort_unstable();
    // The attempt is allowed again once fewer than MAX_FAILURES remain in the window.
    let frees_at = recent[recent.len() - MAX_FAILURES] + WINDOW;
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
    fn four_failures_still_allow_a_fifth_try() {
        let now = 100 * MINUTE;
        assert_eq!(check(&[now - 1, now - 2, now - 3, now - 4], now), Ok(()));
    }

    #[test]
    fn five_failures_in_the_window_lock_until_the_oldest_leaves_it() {
        let now = 100 * MINUTE;
        let f = [now - 10 * MINUTE, now - 4, now - 3, now - 2, now - 1];
        assert_eq!(check(&f, now), Err(5 * MINUTE));
        assert_eq!(wait_minutes(5 * MINUTE), 5);
        assert_eq!(wait_minutes(1), 1);
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let now = 100 * MINUTE;
        let f = [now - 16 * MINUTE, now - 15 * MINUTE, now - 3, now - 2, now - 1];
        assert_eq!(check(&f, now), Ok(()));
    }
}
