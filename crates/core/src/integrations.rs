//! Slack and Microsoft Teams incoming webhooks (C8): which URLs a program may post to and
//! how one is shown ([`WebhookUrl`]), how an answer is read (delivered, tried again later,
//! rejected, or the channel revoked: [`verdict`]), and when the weekly plan is due
//! ([`weekly_post_due`]).
//!
//! No IO here: the server posts, the store queues. Time zones come from the caller.

use crate::{HOUR, Millis};
use jiff::Timestamp;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use jiff::tz::TimeZone;
use std::fmt;
use std::net::IpAddr;

/// Where a program's messages go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebhookKind {
    /// A Slack incoming webhook (`text` and Block Kit `blocks`).
    Slack,
    /// A Microsoft Teams Workflows webhook (a message with an Adaptive Card).
    Teams,
}

impl WebhookKind {
    /// Both, in the order pages list them.
    pub const ALL: [WebhookKind; 2] = [WebhookKind::Slack, WebhookKind::Teams];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookKind::Slack => "slack",
            WebhookKind::Teams => "teams",
        }
    }

    pub fn parse(s: &str) -> Option<WebhookKind> {
        WebhookKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The product's name, the same in every language.
    pub fn label(self) -> &'static str {
        match self {
            WebhookKind::Slack => "Slack",
            WebhookKind::Teams => "Microsoft Teams",
        }
    }
}

/// Why a webhook URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("not a URL")]
    Invalid,
    /// Only `https`, except `http` to this machine where local addresses are allowed
    /// (tests and the demo).
    #[error("not https")]
    NotHttps,
    /// The host is this machine or a private network: `localhost`, a loopback, private,
    /// link-local or unspecified address (see [`is_local_ip`]). Refused unless local
    /// addresses are allowed.
    #[error("a local or private address")]
    LocalHost,
}

/// A webhook URL: a secret, since whoever has it can post to the channel. No user name
/// or password in it. `Debug` does not print it; pages show [`WebhookUrl::masked`].
///
/// Which hosts it may name depends on `allow_private` (the server's `webhooks_allow_private`
/// setting, on only for the demo and the tests):
///
/// - off (production): `https` only, and not to this machine or a private network: a host
///   that is `localhost`, `*.localhost` or an IP address for which [`is_local_ip`] holds
///   is refused ([`UrlError::LocalHost`]). A coordinator could otherwise make the server
///   post to internal services and read the start of their answers on the page. A DNS
///   name that points inside passes this rule: the sender resolves it and refuses it
///   before posting.
/// - on: `https` to any host, or `http` only to a loopback host (`localhost`,
///   `127.0.0.0/8`, `::1`), where nothing crosses a network.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookUrl(String);

impl WebhookUrl {
    /// Longer than any URL Slack or Power Automate hands out.
    pub const MAX_LEN: usize = 2000;

    pub fn parse(s: &str, allow_private: bool) -> Result<WebhookUrl, UrlError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(UrlError::Empty);
        }
        if s.len() > WebhookUrl::MAX_LEN {
            return Err(UrlError::TooLong);
        }
        let url = url::Url::parse(s).map_err(|_| UrlError::Invalid)?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlError::Invalid);
        }
        // `url` has already turned every spelling of an IPv4 address (`2130706433`,
        // `0x7f.1`) into one, for http and https.
        let (loopback, local) = match url.host() {
            None => return Err(UrlError::Invalid),
            Some(url::Host::Domain(d)) => {
                let d = d.trim_end_matches('.').to_ascii_lowercase();
                let localhost = d == "localhost" || d.ends_with(".localhost");
                (d == "localhost", localhost)
            }
            Some(url::Host::Ipv4(ip)) => (ip.is_loopback(), is_local_ip(IpAddr::V4(ip))),
            Some(url::Host::Ipv6(ip)) => (ip.is_loopback(), is_local_ip(IpAddr::V6(ip))),
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback && allow_private => {}
            "http" => return Err(UrlError::NotHttps),
            _ => return Err(UrlError::Invalid),
        }
        if local && !allow_private {
            return Err(UrlError::LocalHost);
        }
        Ok(WebhookUrl(url.to_string()))
    }

    /// The host to resolve and the port to post to (the scheme's when the URL names
    /// none), for the sender's check of where a DNS name points.
    pub fn host_and_port(&self) -> Option<(String, u16)> {
        let url = url::Url::parse(&self.0).ok()?;
        let host = match url.host()? {
            url::Host::Domain(d) => d.to_string(),
            url::Host::Ipv4(ip) => ip.to_string(),
            url::Host::Ipv6(ip) => ip.to_string(),
        };
        Some((host, url.port_or_known_default()?))
    }

    /// The URL itself, for the one request that posts to it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What pages show: see [`mask`].
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

impl fmt::Debug for WebhookUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookUrl([redacted])")
    }
}

/// Whether a webhook may not post to `ip` unless local addresses are allowed: this
/// machine or a network behind it. Loopback (`127.0.0.0/8`, `::1`), private (`10.0.0.0/8`,
/// `172.16.0.0/12`, `192.168.0.0/16`, `fc00::/7`), link-local (`169.254.0.0/16`, where
/// clouds answer with their instances' credentials, and `fe80::/10`) and unspecified
/// (`0.0.0.0/8`, `::`) addresses, and IPv6 addresses that only carry one of those IPv4
/// addresses (`::ffff:127.0.0.1`).
pub fn is_local_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified() || ip.octets()[0] == 0
        }
        IpAddr::V6(ip) => {
            if let Some(v4) = ip.to_ipv4_mapped() {
                return is_local_ip(IpAddr::V4(v4));
            }
            let first = ip.segments()[0];
            ip.is_loopback()
                || ip.is_unspecified()
                // fc00::/7: unique local addresses.
                || (first & 0xfe00) == 0xfc00
                // fe80::/10: link-local.
                || (first & 0xffc0) == 0xfe80
        }
    }
}

/// A stored webhook URL as pages show it: scheme, host (and port) and its last four
/// characters, `https://hooks.slack.com/…Xy9Z`: enough to tell two URLs apart, not
/// enough to post.
pub fn mask(url: &str) -> String {
    let tail: String = {
        let chars: Vec<char> = url.chars().collect();
        // A URL that is hardly longer than its host keeps its tail to itself.
        if chars.len() < 24 {
            String::new()
        } else {
            chars[chars.len() - 4..].iter().collect()
        }
    };
    match url::Url::parse(url) {
        Ok(u) => {
            let host = u.host_str().unwrap_or("");
            let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
            format!("{}://{host}{port}/…{tail}", u.scheme())
        }
        Err(_) => format!("…{tail}"),
    }
}

/// What an answer to a post means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Taken: Slack's `200 ok`, Teams' `202 Accepted`.
    Delivered,
    /// Worth trying again (429, 5xx, a timeout, no connection): not before `not_before`
    /// when the answer said when (`Retry-After`), else after the retry policy's delay.
    Retry { not_before: Option<Millis> },
    /// This message was refused (a malformed body, a forbidden action): trying it again
    /// would not help, but the channel stays.
    Rejected,
    /// The URL is gone (404, 410, or Slack's `no_service` or `channel_is_archived`):
    /// nothing more is sent until the coordinator sets a new URL.
    Revoked,
}

/// Slack's answers that mean the webhook will never work again, whatever the status.
const REVOKED_CODES: [&str; 2] = ["no_service", "channel_is_archived"];

/// Reads an answer: its status, the start of its body, and the instant its `Retry-After`
/// names (see [`retry_after`]).
pub fn verdict(status: u16, body: &str, retry_after: Option<Millis>) -> Verdict {
    match status {
        200..=299 => Verdict::Delivered,
        404 | 410 => Verdict::Revoked,
        408 | 429 | 500..=599 => Verdict::Retry {
            not_before: retry_after,
        },
        400..=499 if REVOKED_CODES.contains(&body.trim()) => Verdict::Revoked,
        _ => Verdict::Rejected,
    }
}

/// The longest wait a `Retry-After` may ask for; a longer one is cut to this.
pub const MAX_RETRY_AFTER: Millis = HOUR;

/// The instant a `Retry-After` header names: a number of seconds from `now`, or an HTTP
/// date; at most [`MAX_RETRY_AFTER`] away, and never in the past.
pub fn retry_after(value: &str, now: Millis) -> Option<Millis> {
    let value = value.trim();
    let at = if let Ok(secs) = value.parse::<u64>() {
        now.saturating_add((secs.min(i64::MAX as u64 / 1000) as i64).saturating_mul(1000))
    } else {
        jiff::fmt::rfc2822::parse(value).ok()?.timestamp().as_millisecond()
    };
    Some(at.clamp(now, now + MAX_RETRY_AFTER))
}

/// The weekly messages (the week's plan and last week's missed posts) go out on Monday
/// from this hour, in the coordinator's time zone.
pub const WEEKLY_HOUR: i8 = 8;

/// An ISO week: the weekly messages' period and their once-only key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub monday: Date,
}

impl Week {
    /// The week a date falls in.
    pub fn of(date: Date) -> Week {
        let iso = date.iso_week_date();
        let monday = ISOWeekDate::new(iso.year(), iso.week(), Weekday::Monday)
            .map(|w| w.date())
            .unwrap_or(date);
        Week { monday }
    }

    /// `2026-W49`: ISO 8601's week notation.
    pub fn label(&self) -> String {
        let iso = self.monday.iso_week_date();
        format!("{:04}-W{:02}", iso.year(), iso.week())
    }

    /// The week before.
    pub fn previous(&self) -> Week {
        Week::of(self.monday.saturating_sub(jiff::Span::new().days(7)))
    }

    /// Its Sunday.
    pub fn sunday(&self) -> Date {
        self.monday.saturating_add(jiff::Span::new().days(6))
    }

    /// From Monday 0:00 to the next Monday 0:00 in `tz`, in unix milliseconds.
    pub fn bounds(&self, tz: &TimeZone) -> Option<(Millis, Millis)> {
        let start = self.monday.to_zoned(tz.clone()).ok()?;
        let end = self
            .monday
            .saturating_add(jiff::Span::new().days(7))
            .to_zoned(tz.clone())
            .ok()?;
        Some((start.timestamp().as_millisecond(), end.timestamp().as_millisecond()))
    }
}

/// Whether the weekly messages are due at `now` in `tz`, and for which week: on Monday
/// from [`WEEKLY_HOUR`] to the end of the day. A plan of the week that arrives later is
/// news nobody needs, so a server that was down all Monday skips that week; the callers'
/// once-only keys make every call after the first one on that Monday do nothing.
pub fn weekly_post_due(now: Millis, tz: &TimeZone) -> Option<Week> {
    let local = Timestamp::from_millisecond(now).ok()?.to_zoned(tz.clone());
    (local.weekday() == Weekday::Monday && local.hour() >= WEEKLY_HOUR).then(|| Week::of(local.date()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn warsaw() -> TimeZone {
        TimeZone::get("Europe/Warsaw").unwrap()
    }

    fn at(y: i16, m: i8, d: i8, h: i8, min: i8, tz: &TimeZone) -> Millis {
        date(y, m, d)
            .at(h, min, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    #[test]
    fn in_production_only_https_to_public_hosts_is_accepted() {
        for ok in [
            "https://hooks.slack.com/services/T000/B000/XXXX",
            "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=zz",
            "  https://hooks.slack.com/services/T/B/X  ",
            "https://8.8.8.8/x",
            "https://172.32.0.1/x",
            "https://[2001:db8::1]/x",
            // A name is resolved when posting: the sender refuses one pointing inside.
            "https://intranet.example/x",
            "https://localhost.evil.example/x",
        ] {
            assert!(WebhookUrl::parse(ok, false).is_ok(), "{ok}");
        }
        let refused = |s: &str| WebhookUrl::parse(s, false).unwrap_err();
        // http, even to this machine.
        for http in [
            "http://hooks.slack.com/services/T/B/X",
            "http://127.0.0.1:2375/containers/json",
            "http://localhost:3000/hook",
            "http://[::1]:3000/hook",
            "http://10.0.0.1/x",
        ] {
            assert_eq!(refused(http), UrlError::NotHttps, "{http}");
        }
        for local in [
            // Loopback, in every spelling `url` reads as one.
            "https://127.0.0.1/x",
            "https://127.1.2.3:8443/x",
            "https://2130706433/x",
            "https://0x7f.1/x",
            "https://[::1]/x",
            "https://[::ffff:127.0.0.1]/x",
            // localhost and its subdomains, in any case, with the root's dot.
            "https://localhost/x",
            "https://LocalHost:8443/x",
            "https://localhost./x",
            "https://api.localhost/x",
            // Private networks.
            "https://10.0.0.1/x",
            "https://10.255.255.255/x",
            "https://172.16.0.1/x",
            "https://172.31.255.254/x",
            "https://192.168.1.1/x",
            "https://[fc00::1]/x",
            "https://[fd12:3456::1]/x",
            "https://[::ffff:10.1.2.3]/x",
            // Link-local: the clouds' instance metadata.
            "https://169.254.169.254/latest/meta-data/",
            "https://[fe80::1]/x",
            "https://[febf::1]/x",
            // Unspecified.
            "https://0.0.0.0/x",
            "https://0.1.2.3/x",
            "https://[::]/x",
        ] {
            assert_eq!(refused(local), UrlError::LocalHost, "{local}");
        }
        assert_eq!(refused(""), UrlError::Empty);
        assert_eq!(refused("   "), UrlError::Empty);
        assert_eq!(refused("ftp://127.0.0.1/x"), UrlError::Invalid);
        assert_eq!(refused("javascript:alert(1)"), UrlError::Invalid);
        assert_eq!(refused("hooks.slack.com/services"), UrlError::Invalid);
        assert_eq!(refused("https://user:pw@hooks.slack.com/x"), UrlError::Invalid);
        let long = format!("https://hooks.slack.com/{}", "a".repeat(WebhookUrl::MAX_LEN));
        assert_eq!(refused(&long), UrlError::TooLong);
    }

    #[test]
    fn with_local_addresses_allowed_https_goes_anywhere_and_http_only_to_this_machine() {
        for ok in [
            "https://hooks.slack.com/services/T000/B000/XXXX",
            "https://10.0.0.1/x",
            "https://localhost:8443/x",
            "https://169.254.169.254/x",
            "http://127.0.0.1:9/services/demo",
            "http://127.0.0.2:8080/x",
            "http://localhost:3000/hook",
            "http://[::1]:3000/hook",
        ] {
            assert!(WebhookUrl::parse(ok, true).is_ok(), "{ok}");
        }
        let refused = |s: &str| WebhookUrl::parse(s, true).unwrap_err();
        assert_eq!(refused("http://hooks.slack.com/services/T/B/X"), UrlError::NotHttps);
        assert_eq!(refused("http://10.0.0.1/x"), UrlError::NotHttps);
        assert_eq!(refused("http://localhost.evil.example/x"), UrlError::NotHttps);
        assert_eq!(refused("http://api.localhost/x"), UrlError::NotHttps);
        assert_eq!(refused("ftp://127.0.0.1/x"), UrlError::Invalid);
        assert_eq!(refused("https://user:pw@hooks.slack.com/x"), UrlError::Invalid);
    }

    #[test]
    fn local_addresses_are_loopback_private_link_local_and_unspecified() {
        let local = |s: &str| is_local_ip(s.parse().unwrap());
        for ip in [
            "127.0.0.1",
            "127.255.255.254",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "::1",
            "::",
            "fc00::1",
            "fdff:ffff::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:192.168.0.1",
        ] {
            assert!(local(ip), "{ip}");
        }
        for ip in [
            "8.8.8.8",
            "172.15.255.255",
            "172.32.0.1",
            "192.169.0.1",
            "169.255.0.1",
            "11.0.0.1",
            "2001:db8::1",
            "2606:4700::1111",
            "fec0::1",
            "::ffff:8.8.8.8",
        ] {
            assert!(!local(ip), "{ip}");
        }
    }

    #[test]
    fn the_sender_learns_the_host_and_port_to_check() {
        let port = |s: &str| WebhookUrl::parse(s, true).unwrap().host_and_port().unwrap();
        assert_eq!(port("https://hooks.slack.com/x"), ("hooks.slack.com".into(), 443));
        assert_eq!(
            port("https://Intranet.Example:8443/x"),
            ("intranet.example".into(), 8443)
        );
        assert_eq!(port("http://127.0.0.1:9/x"), ("127.0.0.1".into(), 9));
        assert_eq!(port("http://[::1]/x"), ("::1".into(), 80));
    }

    #[test]
    fn a_url_is_shown_with_its_host_and_last_four_characters_only() {
        let url = WebhookUrl::parse("https://hooks.slack.com/services/T000/B000/abcdSECRETwxyz", false).unwrap();
        assert_eq!(url.masked(), "https://hooks.slack.com/…wxyz");
        assert_eq!(format!("{url:?}"), "WebhookUrl([redacted])");
        assert_eq!(mask("http://127.0.0.1:9/services/demo"), "http://127.0.0.1:9/…demo");
        assert_eq!(
            mask("https://a.example/x"),
            "https://a.example/…",
            "a short URL shows no tail"
        );
        assert_eq!(mask("not a url but long enough to show"), "…show");
    }

    #[test]
    fn answers_are_delivered_retried_rejected_or_revoked() {
        assert_eq!(verdict(200, "ok", None), Verdict::Delivered);
        assert_eq!(verdict(202, "", None), Verdict::Delivered);
        assert_eq!(verdict(500, "", None), Verdict::Retry { not_before: None });
        assert_eq!(verdict(503, "", Some(5)), Verdict::Retry { not_before: Some(5) });
        assert_eq!(verdict(429, "", Some(9)), Verdict::Retry { not_before: Some(9) });
        assert_eq!(verdict(408, "", None), Verdict::Retry { not_before: None });
        assert_eq!(verdict(404, "no_service", None), Verdict::Revoked);
        assert_eq!(verdict(410, "", None), Verdict::Revoked);
        assert_eq!(verdict(403, "no_service", None), Verdict::Revoked);
        assert_eq!(verdict(410, "channel_is_archived", None), Verdict::Revoked);
        assert_eq!(verdict(400, "invalid_payload", None), Verdict::Rejected);
        assert_eq!(verdict(403, "action_prohibited", None), Verdict::Rejected);
        assert_eq!(verdict(302, "", None), Verdict::Rejected, "redirects are not followed");
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date_within_an_hour() {
        let now = 1_800_000_000_000;
        assert_eq!(retry_after("30", now), Some(now + 30_000));
        assert_eq!(retry_after(" 0 ", now), Some(now));
        assert_eq!(retry_after("86400", now), Some(now + MAX_RETRY_AFTER));
        assert_eq!(retry_after("99999999999999999999", now), None);
        assert_eq!(retry_after("soon", now), None);
        let date = jiff::Timestamp::from_millisecond(now + 120_000)
            .unwrap()
            .strftime("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        assert_eq!(retry_after(&date, now), Some(now + 120_000));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(now),
            "a past date: now"
        );
    }

    #[test]
    fn the_weekly_post_is_due_on_monday_from_eight_in_the_coordinators_zone() {
        let tz = warsaw();
        // 2026-11-30 is a Monday of ISO week 49.
        assert_eq!(weekly_post_due(at(2026, 11, 30, 7, 59, &tz), &tz), None);
        let w = weekly_post_due(at(2026, 11, 30, 8, 0, &tz), &tz).unwrap();
        assert_eq!(w.label(), "2026-W49");
        assert_eq!(w.monday, date(2026, 11, 30));
        assert_eq!(w.sunday(), date(2026, 12, 6));
        assert_eq!(
            weekly_post_due(at(2026, 11, 30, 23, 59, &tz), &tz).unwrap().label(),
            "2026-W49"
        );
        assert_eq!(
            weekly_post_due(at(2026, 12, 1, 8, 0, &tz), &tz),
            None,
            "Tuesday: skipped"
        );
        assert_eq!(weekly_post_due(at(2026, 11, 29, 12, 0, &tz), &tz), None, "Sunday");
        // 8:00 in New York is 14:00 in Warsaw: the coordinator's zone decides.
        let ny = TimeZone::get("America/New_York").unwrap();
        assert_eq!(weekly_post_due(at(2026, 11, 30, 13, 0, &tz), &ny), None);
        assert!(weekly_post_due(at(2026, 11, 30, 14, 0, &tz), &ny).is_some());
    }

    #[test]
    fn weeks_follow_iso_8601_across_years_and_clock_changes() {
        // 2026 has 53 ISO weeks; 2027-01-01 (a Friday) still belongs to 2026-W53.
        assert_eq!(Week::of(date(2026, 12, 28)).label(), "2026-W53");
        assert_eq!(Week::of(date(2027, 1, 1)).label(), "2026-W53");
        assert_eq!(Week::of(date(2027, 1, 1)).monday, date(2026, 12, 28));
        assert_eq!(Week::of(date(2027, 1, 4)).label(), "2027-W01");
        assert_eq!(Week::of(date(2027, 1, 4)).previous().label(), "2026-W53");
        assert_eq!(Week::of(date(2024, 12, 30)).label(), "2025-W01");
        let tz = warsaw();
        // The week of the clocks going back (25 October 2026) has 169 hours.
        let (start, end) = Week::of(date(2026, 10, 21)).bounds(&tz).unwrap();
        assert_eq!(end - start, 169 * HOUR);
        assert_eq!(start, at(2026, 10, 19, 0, 0, &tz));
        let (start, end) = Week::of(date(2026, 11, 30)).bounds(&tz).unwrap();
        assert_eq!(end - start, 168 * HOUR);
    }
}
