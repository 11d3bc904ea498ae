//! Signed webhooks to other systems (C13): the events an admin may subscribe an endpoint
//! to, the endpoint's secret, the signature of a delivery, and when a failed delivery is
//! tried again or an endpoint that keeps failing is disabled.
//!
//! Deliveries follow the Standard Webhooks convention (<https://www.standardwebhooks.com>):
//! each carries `webhook-id` (the message's id, the same on every attempt, so a receiver
//! can ignore a repeat), `webhook-timestamp` (the attempt's Unix seconds) and
//! `webhook-signature: v1,<base64 of HMAC-SHA256>` of `{id}.{timestamp}.{body}` under the
//! endpoint's secret, which is shown once as `whsec_<base64>`.
//!
//! No IO here: the store queues, the server posts.

use crate::{DAY, HOUR, Millis};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{KeyInit, Mac};
use sha2::Sha256;
use std::fmt;

type HmacSha256 = hmac::Hmac<Sha256>;

/// What happened, as a delivery's `type` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    ShareConfirmed,
    ContentPublished,
    ContentExpired,
    ApplicationCreated,
    ApplicationStageChanged,
    ConversionRecorded,
    PersonCreated,
    PersonDeactivated,
    PersonErased,
    RewardRedeemed,
    ReviewPublished,
}

impl Event {
    /// Every event, in the order pages list them.
    pub const ALL: [Event; 11] = [
        Event::ShareConfirmed,
        Event::ContentPublished,
        Event::ContentExpired,
        Event::ApplicationCreated,
        Event::ApplicationStageChanged,
        Event::ConversionRecorded,
        Event::PersonCreated,
        Event::PersonDeactivated,
        Event::PersonErased,
        Event::RewardRedeemed,
        Event::ReviewPublished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::ShareConfirmed => "share.confirmed",
            Event::ContentPublished => "content.published",
            Event::ContentExpired => "content.expired",
            Event::ApplicationCreated => "application.created",
            Event::ApplicationStageChanged => "application.stage_changed",
            Event::ConversionRecorded => "conversion.recorded",
            Event::PersonCreated => "person.created",
            Event::PersonDeactivated => "person.deactivated",
            Event::PersonErased => "person.erased",
            Event::RewardRedeemed => "reward.redeemed",
            Event::ReviewPublished => "review.published",
        }
    }

    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.as_str() == s.trim())
    }

    /// Parses a list of event names (no duplicates kept, sorted), naming the first
    /// unknown one on error. An empty list is an error too: an endpoint that takes
    /// nothing would never be called.
    pub fn parse_list<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Vec<Event>, EventsError> {
        let mut out = Vec::new();
        for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
            let e = Event::parse(name).ok_or_else(|| EventsError::Unknown(name.trim().to_string()))?;
            if !out.contains(&e) {
                out.push(e);
            }
        }
        if out.is_empty() {
            return Err(EventsError::Empty);
        }
        out.sort();
        Ok(out)
    }

    /// Joins events for storage: `share.confirmed,content.published`.
    pub fn join(events: &[Event]) -> String {
        events.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(",")
    }

    /// The events of a stored list; names no longer known are left out.
    pub fn split(stored: &str) -> Vec<Event> {
        stored.split(',').filter_map(Event::parse).collect()
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a list of events was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventsError {
    #[error("no events chosen")]
    Empty,
    #[error("unknown event {0:?}")]
    Unknown(String),
}

/// The prefix of a secret's written form.
pub const SECRET_PREFIX: &str = "whsec_";
/// Bytes of a new secret: 192 bits, as Standard Webhooks' reference libraries make.
pub const SECRET_BYTES: usize = 24;

/// An endpoint's signing key. `Debug` does not print it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// A secret of the caller's random bytes.
    pub fn from_bytes(bytes: [u8; SECRET_BYTES]) -> Secret {
        Secret(bytes.to_vec())
    }

    /// Reads `whsec_<base64>` (as stored and shown); `None` when it is not that.
    pub fn parse(s: &str) -> Option<Secret> {
        let bytes = B64.decode(s.trim().strip_prefix(SECRET_PREFIX)?).ok()?;
        (!bytes.is_empty()).then_some(Secret(bytes))
    }

    /// `whsec_<base64>`: the one time the admin sees it, and its storage.
    pub fn expose(&self) -> String {
        format!("{SECRET_PREFIX}{}", B64.encode(&self.0))
    }

    /// The `webhook-signature` header of a delivery: `v1,<base64 HMAC-SHA256>` of
    /// `{msg_id}.{timestamp}.{body}`.
    pub fn sign(&self, msg_id: &str, timestamp: i64, body: &str) -> String {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(format!("{msg_id}.{timestamp}.").as_bytes());
        mac.update(body.as_bytes());
        format!("v1,{}", B64.encode(mac.finalize().into_bytes()))
    }

    /// Whether a `webhook-signature` header (one or more space-separated signatures)
    /// holds this delivery's `v1` signature, compared in constant time: what a receiver
    /// does.
    pub fn verify(&self, msg_id: &str, timestamp: i64, body: &str, header: &str) -> bool {
        let expected = self.sign(msg_id, timestamp, body);
        header.split(' ').any(|sig| {
            sig.len() == expected.len() && sig.bytes().zip(expected.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
        })
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// A message's id from the caller's random bytes: `msg_` and 26 characters of
/// lowercase base32 (no padding), unique enough to deduplicate on.
pub fn message_id(random: [u8; 16]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut out = String::from("msg_");
    let mut bits: u32 = 0;
    let mut n = 0;
    for b in random {
        bits = (bits << 8) | u32::from(b);
        n += 8;
        while n >= 5 {
            n -= 5;
            out.push(ALPHABET[((bits >> n) & 31) as usize] as char);
        }
    }
    if n > 0 {
        out.push(ALPHABET[((bits << (5 - n)) & 31) as usize] as char);
    }
    out
}

/// How long an endpoint may fail without a single success before it is disabled (and
/// its admin told); a delivery is also given up this long after it was queued.
pub const FAILING_LIMIT: Millis = 3 * DAY;

/// When failed deliveries are tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after the first failed attempt; it doubles with each attempt after.
    pub first: Millis,
    /// The longest wait between two attempts.
    pub max: Millis,
    /// A delivery queued longer ago than this is not tried again.
    pub give_up_after: Millis,
}

impl Default for Backoff {
    /// From 30 seconds, doubling, at most 6 hours apart, for [`FAILING_LIMIT`]: about
    /// 20 attempts over three days.
    fn default() -> Backoff {
        Backoff {
            first: 30_000,
            max: 6 * HOUR,
            give_up_after: FAILING_LIMIT,
        }
    }
}

impl Backoff {
    /// After the `attempts`-th attempt (counting from 1) failed at `now`, when to try
    /// again; `None` when the delivery, queued at `created_at`, is given up.
    pub fn next_attempt(&self, attempts: i64, created_at: Millis, now: Millis) -> Option<Millis> {
        let doublings = (attempts.max(1) - 1).min(40) as u32;
        let wait = self.first.saturating_mul(1i64 << doublings.min(62)).min(self.max);
        let at = now.saturating_add(wait);
        (at - created_at <= self.give_up_after).then_some(at)
    }
}

/// Whether an endpoint failing since `failing_since` (its first failure after its last
/// success) is to be disabled at `now`.
pub fn disable_due(failing_since: Option<Millis>, now: Millis) -> bool {
    failing_since.is_some_and(|since| now - since >= FAILING_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_the_standard_webhooks_test_vector() {
        // The vector of the Standard Webhooks specification's reference libraries.
        let secret = Secret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let sig = secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, r#"{"test": 2432232314}"#);
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert!(secret.verify(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
            &sig
        ));
        assert!(secret.verify(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
            &format!("v1,bm90IHRoaXMgb25l {sig}")
        ));
        assert!(!secret.verify(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265331,
            r#"{"test": 2432232314}"#,
            &sig
        ));
        assert!(!secret.verify("msg_other", 1614265330, r#"{"test": 2432232314}"#, &sig));
    }

    #[test]
    fn secrets_round_trip_and_hide_in_debug() {
        let s = Secret::from_bytes([7; SECRET_BYTES]);
        let written = s.expose();
        assert!(written.starts_with("whsec_"));
        assert_eq!(Secret::parse(&written), Some(s.clone()));
        assert_eq!(format!("{s:?}"), "Secret([redacted])");
        assert_eq!(
            Secret::parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            None,
            "the prefix is required"
        );
        assert_eq!(Secret::parse("whsec_"), None);
        assert_eq!(Secret::parse("whsec_not base64!"), None);
    }

    #[test]
    fn message_ids_are_prefixed_base32_of_their_bytes() {
        let id = message_id([0; 16]);
        assert_eq!(id, format!("msg_{}", "a".repeat(26)));
        let other = message_id([255; 16]);
        assert_eq!(other.len(), 30);
        assert!(
            other[4..]
                .chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
        assert_ne!(message_id([1; 16]), message_id([2; 16]));
    }

    #[test]
    fn event_lists_parse_sorted_without_duplicates_and_name_the_unknown_one() {
        let events = Event::parse_list(["content.published", "share.confirmed", " share.confirmed "]).unwrap();
        assert_eq!(events, vec![Event::ShareConfirmed, Event::ContentPublished]);
        assert_eq!(Event::split(&Event::join(&events)), events);
        assert_eq!(
            Event::parse_list(["share.confirmed", "share.deleted"]),
            Err(EventsError::Unknown("share.deleted".into()))
        );
        assert_eq!(Event::parse_list([" "]), Err(EventsError::Empty));
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Some(e));
        }
        assert_eq!(Event::split("share.confirmed,gone.event"), vec![Event::ShareConfirmed]);
    }

    #[test]
    fn retries_double_up_to_the_cap_and_stop_after_three_days() {
        let b = Backoff::default();
        let t0 = 1_000_000;
        assert_eq!(b.next_attempt(1, t0, t0), Some(t0 + 30_000));
        assert_eq!(b.next_attempt(2, t0, t0), Some(t0 + 60_000));
        assert_eq!(b.next_attempt(3, t0, t0), Some(t0 + 120_000));
        assert_eq!(b.next_attempt(30, t0, t0), Some(t0 + 6 * HOUR), "capped");
        assert_eq!(b.next_attempt(i64::MAX, t0, t0), Some(t0 + 6 * HOUR), "no overflow");
        // The next attempt would fall after three days from queueing: given up.
        assert_eq!(b.next_attempt(20, t0, t0 + FAILING_LIMIT - HOUR), None);
        assert!(b.next_attempt(20, t0, t0 + FAILING_LIMIT - 7 * HOUR).is_some());
    }

    #[test]
    fn an_endpoint_is_disabled_after_three_days_of_failures() {
        let t0 = 5_000_000;
        assert!(!disable_due(None, t0 + 10 * DAY), "never failing");
        assert!(!disable_due(Some(t0), t0 + FAILING_LIMIT - 1));
        assert!(disable_due(Some(t0), t0 + FAILING_LIMIT));
    }
}
