//! Retention (GDPR article 5(1)(e), RODO): how long each kind of personal data is kept,
//! and the moments before which the daily run deletes it. Plain rules; the store deletes
//! and the server runs them once a day.

use crate::{DAY, Millis};

/// How long things are kept. Every period is a setting (see the README's Configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// A candidate's application and CV, after the recruitment ended (the offer closed).
    pub applications_months: u32,
    /// The period the careers form offers for the consent to future recruitments,
    /// counted from the application (each consent keeps the end it was given with).
    pub consented_months: u32,
    /// Raw click rows (the roll-ups keep every count).
    pub raw_clicks_days: u32,
    /// In-app notifications.
    pub notifications_days: u32,
    /// Email bodies and webhook messages that were sent or given up.
    pub messages_days: u32,
    /// The audit log.
    pub audit_days: u32,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention {
            applications_months: 6,
            consented_months: 24,
            raw_clicks_days: 180,
            notifications_days: 180,
            messages_days: 90,
            audit_days: 730,
        }
    }
}

/// Raw clicks stay at least this long: attribution looks back 30 days, and the
/// coordinator's bot correction and the click points look at recent clicks.
pub const MIN_RAW_CLICKS_DAYS: u32 = 35;

/// The moments before which things are deleted, for a run at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    /// Applications to offers closed before this (without consent to future recruitments).
    pub closed_before: Millis,
    /// The run's moment: a consent to future recruitments that ended before it no
    /// longer keeps an application.
    pub now: Millis,
    pub clicks_before: Millis,
    pub notifications_before: Millis,
    pub messages_before: Millis,
    pub audit_before: Millis,
}

/// `months` calendar months before `now` (in UTC; the 31st becomes the month's last day).
fn months_before(now: Millis, months: u32) -> Millis {
    months_after(now, -i64::from(months))
}

/// `months` calendar months after `at` (in UTC), negative for before.
fn months_after(at: Millis, months: i64) -> Millis {
    let Ok(t) = jiff::Timestamp::from_millisecond(at) else {
        return at;
    };
    t.to_zoned(jiff::tz::TimeZone::UTC)
        .checked_add(jiff::Span::new().months(months))
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(at)
}

/// When a consent to future recruitments given at `given_at` for `months` ends: the end
/// stored with it, so that a later change of the setting neither shortens nor stretches
/// what the candidate agreed to.
pub fn consent_until(given_at: Millis, months: u32) -> Millis {
    months_after(given_at, i64::from(months))
}

impl Retention {
    /// The cutoffs of a run at `now`.
    pub fn cutoffs(&self, now: Millis) -> Cutoffs {
        let days = |n: u32| now - i64::from(n) * DAY;
        Cutoffs {
            closed_before: months_before(now, self.applications_months),
            now,
            clicks_before: days(self.raw_clicks_days.max(MIN_RAW_CLICKS_DAYS)),
            notifications_before: days(self.notifications_days),
            messages_before: days(self.messages_days),
            audit_before: days(self.audit_days),
        }
    }
}

/// Whether an application is past its retention at the cutoffs: its offer closed before
/// `closed_before` and, when the candidate consented to future recruitments, that consent
/// ended (`consent_until`) before the run (the consent only ever keeps an application
/// longer). Applications to open offers stay.
pub fn application_due(c: &Cutoffs, offer_closed_at: Option<Millis>, consent_until: Option<Millis>) -> bool {
    let recruitment_over = offer_closed_at.is_some_and(|closed| closed < c.closed_before);
    recruitment_over && consent_until.is_none_or(|until| until <= c.now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Millis {
        s.parse::<jiff::Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn months_are_calendar_months_and_days_are_days() {
        let c = Retention::default().cutoffs(at("2026-08-31T12:00:00Z"));
        assert_eq!(
            c.closed_before,
            at("2026-02-28T12:00:00Z"),
            "6 months, to the month's last day"
        );
        assert_eq!(
            consent_until(at("2024-08-31T12:00:00Z"), 24),
            at("2026-08-31T12:00:00Z")
        );
        assert_eq!(consent_until(at("2026-01-31T00:00:00Z"), 1), at("2026-02-28T00:00:00Z"));
        assert_eq!(c.clicks_before, at("2026-03-04T12:00:00Z"), "180 days");
        assert_eq!(c.messages_before, at("2026-06-02T12:00:00Z"), "90 days");
        assert_eq!(c.audit_before, at("2024-08-31T12:00:00Z"), "730 days");
    }

    #[test]
    fn raw_clicks_stay_at_least_past_the_attribution_window() {
        let r = Retention {
            raw_clicks_days: 1,
            ..Retention::default()
        };
        let now = at("2026-11-30T00:00:00Z");
        assert_eq!(r.cutoffs(now).clicks_before, now - 35 * DAY);
    }

    #[test]
    fn applications_are_due_after_the_recruitment_ends_unless_the_candidate_consented() {
        let now = at("2026-11-30T00:00:00Z");
        let c = Retention::default().cutoffs(now);
        let long_ago = at("2026-01-10T00:00:00Z");
        let recently = at("2026-10-01T00:00:00Z");
        assert!(application_due(&c, Some(long_ago), None));
        assert!(
            !application_due(&c, Some(recently), None),
            "closed less than 6 months ago"
        );
        assert!(!application_due(&c, None, None), "the offer is still open");
        let consent_ends_later = consent_until(at("2025-06-01T00:00:00Z"), 24);
        assert!(
            !application_due(&c, Some(long_ago), Some(consent_ends_later)),
            "the consent keeps it"
        );
        let consent_ended = consent_until(at("2024-06-01T00:00:00Z"), 24);
        assert!(application_due(&c, Some(long_ago), Some(consent_ended)));
        // The consent never shortens: an application to an offer closed lately stays the
        // 6 months any application stays, whatever its consent.
        assert!(!application_due(&c, Some(recently), Some(consent_ended)));
    }
}
