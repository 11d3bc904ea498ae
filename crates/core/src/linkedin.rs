//! LinkedIn direct posting rules: how a post's text is escaped for LinkedIn's "little
//! text format", what an answer of the Posts API means for the post, how long to wait
//! before trying again, and when to remind a person that their connection expires.

use crate::{DAY, Millis};

/// The characters LinkedIn's little text format reserves. Unescaped, a post succeeds
/// but its text is silently cut at the first of them.
const RESERVED: &[char] = &[
    '\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~',
];

/// `text` escaped for the `commentary` of a post: every reserved character gets a
/// backslash, except the `#` that starts a hashtag (a `#` at the start or after a
/// non-word character, followed by a letter or digit), so hashtags stay hashtags.
pub fn escape_commentary(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c == '#' && starts_hashtag(&chars, i) {
            out.push(c);
        } else if RESERVED.contains(&c) {
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

fn starts_hashtag(chars: &[char], i: usize) -> bool {
    let before_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == '#');
    let after_ok = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
    before_ok && after_ok
}

/// The public address of a post.
pub fn post_url(urn: &str) -> String {
    format!("https://www.linkedin.com/feed/update/{urn}")
}

/// Why LinkedIn did not publish a post (or a step before it: the image upload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 401: the token expired or was revoked; the person must connect again.
    Expired,
    /// 403: the app or the token lacks the permission to post.
    Forbidden,
    /// 422 `DUPLICATE_POST`: LinkedIn already has this text from this member (the
    /// earlier post's URN when LinkedIn names it).
    Duplicate(Option<String>),
    /// 426: the `LinkedIn-Version` is no longer supported; an admin must update it.
    Version,
    /// 429: throttled.
    Throttled,
    /// 5xx.
    Server(u16),
    /// Another refusal (400, 404, 422 other than a duplicate...).
    Rejected(u16),
    /// No answer could be had (connection refused, name not found): nothing was sent.
    Unreachable,
}

/// What becomes of the post after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Try again after this many milliseconds.
    Retry(Millis),
    /// Paused until the person connects again.
    PauseForReconnect,
    /// Given up; the person (and for `Version`, the admins) are told.
    GiveUp,
}

/// How many tries a post gets against 429, 5xx and unreachable answers.
pub const MAX_ATTEMPTS: i64 = 6;

impl Failure {
    /// The failure an answer's status and body stand for (`None` for a success).
    pub fn of(status: u16, body: &str) -> Option<Failure> {
        Some(match status {
            200..=299 => return None,
            401 => Failure::Expired,
            403 => Failure::Forbidden,
            422 if body.contains("DUPLICATE_POST") => Failure::Duplicate(duplicate_of(body)),
            426 => Failure::Version,
            429 => Failure::Throttled,
            500..=599 => Failure::Server(status),
            s => Failure::Rejected(s),
        })
    }

    /// The word stored with the post and used in messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Expired => "expired",
            Failure::Forbidden => "forbidden",
            Failure::Duplicate(_) => "duplicate",
            Failure::Version => "version",
            Failure::Throttled => "throttled",
            Failure::Server(_) => "server",
            Failure::Rejected(_) => "rejected",
            Failure::Unreachable => "unreachable",
        }
    }

    /// What to do after this failure on attempt `attempt` (1 for the first), with the
    /// server's `Retry-After` in seconds when it gave one.
    pub fn next(&self, attempt: i64, retry_after_secs: Option<u64>) -> Next {
        match self {
            Failure::Expired => Next::PauseForReconnect,
            Failure::Throttled | Failure::Server(_) | Failure::Unreachable if attempt < MAX_ATTEMPTS => {
                let wait = backoff(attempt);
                let asked = retry_after_secs.map_or(0, |s| (s.min(86_400) * 1000) as Millis);
                Next::Retry(wait.max(asked))
            }
            _ => Next::GiveUp,
        }
    }
}

/// The URN LinkedIn names in a `DUPLICATE_POST` answer ("Content is a duplicate of
/// urn:li:share:123").
fn duplicate_of(body: &str) -> Option<String> {
    let at = body.find("urn:li:")?;
    let urn: String = body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '_' || *c == '-')
        .collect();
    (urn.len() > "urn:li:".len()).then_some(urn)
}

/// The wait before try `attempt + 1`: a minute, doubling, at most an hour.
pub fn backoff(attempt: i64) -> Millis {
    let minute: Millis = 60_000;
    (minute << (attempt.clamp(1, 7) - 1)).min(60 * minute)
}

/// The expiry reminder due at `now` for a token expiring at `expires_at` when
/// `sent` reminders went out already: 1 (seven days before), 2 (one day before).
pub fn reminder_due(expires_at: Millis, now: Millis, sent: i64) -> Option<i64> {
    let left = expires_at - now;
    if left <= 0 {
        None
    } else if left <= DAY && sent < 2 {
        Some(2)
    } else if left <= 7 * DAY && sent < 1 {
        Some(1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_stay_hashtags_and_everything_else_reserved_is_escaped() {
        assert_eq!(
            escape_commentary("Dołącz do nas! #praca #IT (Kraków) @Firma [link] a_b*c~d <3 {x} | \\"),
            "Dołącz do nas! #praca #IT \\(Kraków\\) \\@Firma \\[link\\] a\\_b\\*c\\~d \\<3 \\{x\\} \\| \\\\"
        );
        assert_eq!(escape_commentary("#1 w Polsce"), "#1 w Polsce");
        assert_eq!(escape_commentary("C# i F#"), "C\\# i F\\#");
        assert_eq!(escape_commentary("## nagłówek, # sam"), "\\#\\# nagłówek, \\# sam");
        assert_eq!(escape_commentary("(#rekrutacja)"), "\\(#rekrutacja\\)");
        assert_eq!(escape_commentary("zwykły tekst."), "zwykły tekst.");
    }

    #[test]
    fn answers_are_classified_by_kind() {
        assert_eq!(Failure::of(201, ""), None);
        assert_eq!(Failure::of(401, "{\"serviceErrorCode\":65600}"), Some(Failure::Expired));
        assert_eq!(Failure::of(403, ""), Some(Failure::Forbidden));
        assert_eq!(
            Failure::of(
                422,
                r#"{"errorDetails":{"inputErrors":[{"code":"DUPLICATE_POST"}]},"message":"Content is a duplicate of urn:li:share:7123456789","status":422}"#
            ),
            Some(Failure::Duplicate(Some("urn:li:share:7123456789".into())))
        );
        assert_eq!(
            Failure::of(422, "{\"message\":\"bad field\"}"),
            Some(Failure::Rejected(422))
        );
        assert_eq!(Failure::of(426, "NONEXISTENT_VERSION"), Some(Failure::Version));
        assert_eq!(Failure::of(429, ""), Some(Failure::Throttled));
        assert_eq!(Failure::of(503, ""), Some(Failure::Server(503)));
    }

    #[test]
    fn throttling_and_server_errors_retry_with_backoff_others_stop() {
        assert_eq!(Failure::Throttled.next(1, None), Next::Retry(60_000));
        assert_eq!(Failure::Server(500).next(2, None), Next::Retry(120_000));
        assert_eq!(Failure::Throttled.next(1, Some(600)), Next::Retry(600_000));
        assert_eq!(Failure::Server(502).next(MAX_ATTEMPTS, None), Next::GiveUp);
        assert_eq!(Failure::Expired.next(1, None), Next::PauseForReconnect);
        assert_eq!(Failure::Duplicate(None).next(1, None), Next::GiveUp);
        assert_eq!(Failure::Version.next(1, None), Next::GiveUp);
        assert_eq!(backoff(30), 3_600_000);
    }

    #[test]
    fn reminders_come_seven_days_and_one_day_before_expiry_once_each() {
        let exp = 100 * DAY;
        assert_eq!(reminder_due(exp, exp - 8 * DAY, 0), None);
        assert_eq!(reminder_due(exp, exp - 7 * DAY, 0), Some(1));
        assert_eq!(reminder_due(exp, exp - 3 * DAY, 1), None);
        assert_eq!(reminder_due(exp, exp - DAY, 1), Some(2));
        assert_eq!(
            reminder_due(exp, exp - DAY / 2, 0),
            Some(2),
            "late start: only the nearer one"
        );
        assert_eq!(reminder_due(exp, exp - 1, 2), None);
        assert_eq!(reminder_due(exp, exp + 1, 0), None);
    }

    #[test]
    fn a_post_url_is_the_feed_update_of_its_urn() {
        assert_eq!(
            post_url("urn:li:share:123"),
            "https://www.linkedin.com/feed/update/urn:li:share:123"
        );
    }
}
