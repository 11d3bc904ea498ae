//! Retention (GDPR article 5(1)(e), RODO): how long each kind of personal data is kept,
//! and the moments before which the daily run deletes it. Plain rules; the store deletes
//! and the server runs them once a day.

use crate::{DAY, Millis};

/// How long things are kept. Every period is a setting (see the README's Configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// A candidate's application and CV, after the recruitment ended (the offer closed).
    pub applications_months: u32,
    /// An application whose candidate consented to future recruitments, after it was made.
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
    /// Applications with that consent made before this.
    pub consented_before: Millis,
    pub clicks_before: Millis,
    pub notifications_before: Millis,
    pub messages_before: Millis,
    pub audit_before: Millis,
}

/// `months` calendar months before `now` (in UTC; the 31st becomes the month's last day).
fn months_before(now: Millis, months: u32) -> Millis {
    let Ok(t) = jiff::Timestamp::from_millisecond(now) else {
        return now;
    };
    let zoned = t.to_zoned(jiff::tz::TimeZone::UTC);
    zoned
        .checked_sub(jiff::Span::new().months(i64::from(months)))
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(now)
}

impl Retention {
    /// The cutoffs of a run at `now`.
    pub fn cutoffs(&self, now: Millis) -> Cutoffs {
        let days = |n: u32| now - i64::from(n) * DAY;
        Cutoffs {
            closed_before: months_before(now, self.applications_months),
            consented_before: months_before(now, self.consented_months),
            clicks_before: days(self.raw_clicks_days.max(MIN_RAW_CLICKS_DAYS)),
            notifications_before: days(self.notifications_days),
            messages_before: days(self.messages_days),
            audit_before: days(self.audit_days),
        }
    }
}

/// Whether an application is past its retention at the cutoffs: its offer closed before
/// `closed_before` and, when the candidate consented to future recruitments, it was also
/// made before `consented_before` (the consent only ever keeps an application longer).
/// Applications to open offers stay.
pub fn application_due(c: &Cutoffs, offer_closed_at: Option<Millis>, consented: bool, created_at: Millis) -> bool {
    let recruitment_over = offer_closed_at.is_some_and(|closed| closed < c.closed_before);
    recruitment_over && (!consented || created_at < c.consented_before)
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
        assert_eq!(c.consented_before, at("2024-08-31T12:00:00Z"));
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
        assert!(application_due(&c, Some(long_ago), false, long_ago));
        assert!(
            !application_due(&c, Some(recently), false, long_ago),
            "closed less than 6 months ago"
        );
        assert!(
            !application_due(&c, None, false, at("2020-01-01T00:00:00Z")),
            "the offer is still open"
        );
        assert!(
            !application_due(&c, Some(long_ago), true, long_ago),
            "consented: kept 24 months"
        );
        assert!(application_due(&c, Some(long_ago), true, at("2024-06-01T00:00:00Z")));
        // The consent never shortens: an old application to an offer closed lately stays
        // the 6 months any application stays.
        assert!(!application_due(&c, Some(recently), true, at("2024-06-01T00:00:00Z")));
    }
}
