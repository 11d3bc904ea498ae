//! Content: what coordinators and editors prepare for ambassadors to share.
//!
//! A piece of content has a category, a status that moves through an approval workflow
//! ([`transition`], [`effective_status`]), a target URL ([`TargetUrl`]), hashtags
//! ([`parse_hashtags`]), a suggested text that must fit every network it is meant for
//! ([`check_text`]) and maybe an image ([`sniff_image`]).
//!
//! The workflow:
//!
//! ```text
//! Draft      --Submit  (author, editor)-->  Submitted
//! Submitted  --Approve (coordinator)----->  Approved
//! Submitted  --Reject  (coordinator)----->  Rejected
//! Approved   --Publish (system)---------->  Published
//! Approved   --Expire  (system)---------->  Expired    (ended before it started)
//! Published  --Expire  (system)---------->  Expired
//! Draft, Submitted, Rejected  --Edit (author, editor)-->  Draft
//! ```
//!
//! Publishing and expiry are driven by time: the store keeps the last status written,
//! and [`effective_status`] tells what it is at a given moment, so nothing has to run
//! at the exact second a post starts or ends.

pub mod sharing;

use crate::Network;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

/// What a piece of content is about; used for filtering and reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    EmployerBranding,
    CompanyLife,
    Product,
    JobOffer,
    Event,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::EmployerBranding,
        Category::CompanyLife,
        Category::Product,
        Category::JobOffer,
        Category::Event,
    ];

    /// The stored and serialised name, e.g. `employer_branding`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::EmployerBranding => "employer_branding",
            Category::CompanyLife => "company_life",
            Category::Product => "product",
            Category::JobOffer => "job_offer",
            Category::Event => "event",
        }
    }

    /// Parses the name [`Category::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Category> {
        let s = s.trim().to_lowercase();
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a piece of content is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written; only its author and editors see it.
    Draft,
    /// Waiting for a coordinator's decision.
    Submitted,
    /// Approved, waiting for its start time.
    Approved,
    /// Refused by a coordinator; can be edited back into a draft.
    Rejected,
    /// Live: ambassadors may share it.
    Published,
    /// Past its end time: no longer offered for sharing.
    Expired,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Submitted,
        Status::Approved,
        Status::Rejected,
        Status::Published,
        Status::Expired,
    ];

    /// The stored and serialised name, e.g. `draft`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Published => "published",
            Status::Expired => "expired",
        }
    }

    /// Parses the name [`Status::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_lowercase();
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Submit,
    Approve,
    Reject,
    Publish,
    Expire,
    Edit,
    /// Takes live content out of circulation before its time (a job filled, a mistake):
    /// its links stop leading anywhere.
    Withdraw,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Submit,
        Action::Approve,
        Action::Reject,
        Action::Publish,
        Action::Expire,
        Action::Edit,
        Action::Withdraw,
    ];

    /// The name used in logs and the audit trail, e.g. `submit`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Publish => "publish",
            Action::Expire => "expire",
            Action::Edit => "edit",
            Action::Withdraw => "withdraw",
        }
    }

    /// Whether `actor` may take this step at all (in a status where it is allowed).
    pub fn allowed_for(self, actor: Actor) -> bool {
        match self {
            Action::Submit | Action::Edit => matches!(actor, Actor::Author | Actor::Editor),
            Action::Approve | Action::Reject => actor == Actor::Coordinator,
            Action::Publish | Action::Expire => actor == Actor::System,
            Action::Withdraw => matches!(actor, Actor::Editor | Actor::Coordinator),
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who takes a step, relative to the piece of content: its author, another editor, a
/// coordinator (an admin acts as a coordinator) or the system (the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    Author,
    Editor,
    Coordinator,
    System,
}

impl Actor {
    pub const ALL: [Actor; 4] = [Actor::Author, Actor::Editor, Actor::Coordinator, Actor::System];
}

/// Why a workflow step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The step does not exist from this status (e.g. approving a draft).
    #[error("cannot {action} content that is {from}")]
    NotAllowed { from: Status, action: Action },
    /// The step exists, but someone else takes it (e.g. an author approving).
    #[error("{action} is not for this role")]
    NotYourRole { action: Action },
}

impl TransitionError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            TransitionError::NotAllowed { .. } => "error-transition-not-allowed",
            TransitionError::NotYourRole { .. } => "error-transition-role",
        }
    }
}

/// The status after `actor` takes `action` on content in status `from`.
///
/// The steps:
/// - Draft → Submitted by Submit (author or editor);
/// - Submitted → Approved by Approve, Submitted → Rejected by Reject (coordinator);
/// - Approved → Published by Publish (system, when the start time comes);
/// - Published → Expired and Approved → Expired by Expire (system; the latter when a post
///   ends before it ever started);
/// - Approved → Expired and Published → Expired by Withdraw (an editor or coordinator
///   takes live content out before its time);
/// - Edit (author or editor) keeps a draft a draft, and turns rejected or submitted
///   content back into a draft (submitted content is withdrawn from review to be edited).
///
/// Anything else is [`TransitionError::NotAllowed`]. A step that exists from `from` but
/// belongs to another actor is [`TransitionError::NotYourRole`]; the status is checked
/// first, so a wrong step is reported as such whoever tries it.
pub fn transition(from: Status, action: Action, actor: Actor) -> Result<Status, TransitionError> {
    use Action as A;
    use Status as S;
    let to = match (from, action) {
        (S::Draft, A::Submit) => S::Submitted,
        (S::Submitted, A::Approve) => S::Approved,
        (S::Submitted, A::Reject) => S::Rejected,
        (S::Approved, A::Publish) => S::Published,
        (S::Approved | S::Published, A::Expire | A::Withdraw) => S::Expired,
        (S::Draft | S::Rejected | S::Submitted, A::Edit) => S::Draft,
        _ => return Err(TransitionError::NotAllowed { from, action }),
    };
    if action.allowed_for(actor) {
        Ok(to)
    } else {
        Err(TransitionError::NotYourRole { action })
    }
}

/// The status at time `now` (Unix milliseconds, like `starts_at` and `expires_at`) of
/// content stored as `stored`: approved or published content whose `expires_at` has come
/// is expired; otherwise approved content whose `starts_at` has come is published;
/// anything else is as stored. Expiry wins, so content that ends before it starts is
/// never shown as published.
pub fn effective_status(stored: Status, starts_at: i64, expires_at: Option<i64>, now: i64) -> Status {
    let live = matches!(stored, Status::Approved | Status::Published);
    if live && expires_at.is_some_and(|e| e <= now) {
        Status::Expired
    } else if stored == Status::Approved && starts_at <= now {
        Status::Published
    } else {
        stored
    }
}

/// Why a target URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not an absolute http(s) URL with a host and without a user name or password.
    #[error("not a valid web address")]
    Invalid,
    /// Longer than [`TargetUrl::MAX_CHARS`].
    #[error("the value is too long")]
    TooLong,
}

impl UrlError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            UrlError::Invalid => "error-url",
            UrlError::TooLong => "error-too-long",
        }
    }
}

/// The web page a piece of content links to, in the form the `url` crate serialises it
/// (host lower-cased, non-ASCII characters percent-encoded, `/` path added when there is
/// none), so it is safe to put in an `href` and to compare.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct TargetUrl(String);

impl TargetUrl {
    /// The most characters a target URL may have, as typed and as serialised.
    pub const MAX_CHARS: usize = 2000;

    /// Accepts an absolute `http` or `https` URL, trimmed, with a host that is an IP
    /// address or a domain of at least two labels (`firma.pl`), without a user
    /// name or password (`https://user@host/` is a phishing pattern), without spaces or
    /// control characters inside. Other schemes (`javascript:`, `data:`, `ftp:`,
    /// `mailto:`, …) and addresses without a scheme (`firma.pl/kariera`) are refused.
    pub fn parse(s: &str) -> Result<TargetUrl, UrlError> {
        let s = s.trim();
        if s.chars().count() > Self::MAX_CHARS {
            return Err(UrlError::TooLong);
        }
        // The url crate silently drops tabs and newlines; refuse them instead.
        if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(UrlError::Invalid);
        }
        let url = url::Url::parse(s).map_err(|_| UrlError::Invalid)?;
        let web = matches!(url.scheme(), "http" | "https");
        // A single-label host (`https://kariera/`, also what `https:///kariera` parses
        // to) is an intranet name or a typo, never a page the public can open.
        let host = match url.host() {
            Some(url::Host::Domain(d)) => d.trim_end_matches('.').contains('.'),
            Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => true,
            None => false,
        };
        if !web || !host || !url.username().is_empty() || url.password().is_some() {
            return Err(UrlError::Invalid);
        }
        let url = String::from(url);
        // Percent-encoding can make the URL longer than what was typed.
        if url.chars().count() > Self::MAX_CHARS {
            return Err(UrlError::TooLong);
        }
        Ok(TargetUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TargetUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The most hashtags a piece of content may have.
pub const MAX_HASHTAGS: usize = 15;
/// The most characters one hashtag may have, without the `#`.
pub const MAX_HASHTAG_CHARS: usize = 50;

/// Why a list of hashtags was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashtagError {
    /// This tag, as typed, is not a hashtag: empty, too long, or with characters other
    /// than letters, digits and `_`.
    #[error("not a valid hashtag: {0}")]
    Invalid(String),
    /// More than [`MAX_HASHTAGS`] distinct tags.
    #[error("too many hashtags")]
    TooMany,
}

impl HashtagError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            HashtagError::Invalid(_) => "error-hashtag",
            HashtagError::TooMany => "error-hashtags-too-many",
        }
    }
}

/// Whether `c` is a combining diacritical mark (U+0300–U+036F). Text pasted in
/// decomposed form (NFD, as some macOS programs produce) writes `Ż` as `Z` + U+0307;
/// such marks are accepted after a letter so that the tag is not refused.
pub(crate) fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

fn is_hashtag(tag: &str) -> bool {
    let n = tag.chars().count();
    (1..=MAX_HASHTAG_CHARS).contains(&n)
        && tag
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_alphanumeric() || c == '_' || (i > 0 && is_combining_mark(c)))
}

/// Parses hashtags as typed: separated by whitespace or commas, each with or without a
/// leading `#`, each 1 to [`MAX_HASHTAG_CHARS`] Unicode letters, digits or `_`
/// (`#Praca`, `ŻyjZdrowo`, `praca_zdalna`). Tags that differ only in case are one tag;
/// the first spelling is kept. At most [`MAX_HASHTAGS`] tags. Returns the tags without
/// `#`, in the order typed; an empty input gives no tags.
///
/// The first bad tag is reported (as typed, with its `#`), before a count that is too high.
pub fn parse_hashtags(s: &str) -> Result<Vec<String>, HashtagError> {
    let mut tags = Vec::new();
    let mut seen = HashSet::new();
    for token in s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let tag = token.strip_prefix('#').unwrap_or(token);
        if !is_hashtag(tag) {
            return Err(HashtagError::Invalid(token.to_string()));
        }
        if seen.insert(tag.to_lowercase()) {
            tags.push(tag.to_string());
        }
    }
    if tags.len() > MAX_HASHTAGS {
        return Err(HashtagError::TooMany);
    }
    Ok(tags)
}

/// Writes tags as they go into a post: `#a #b`. A tag that already starts with `#` does
/// not get a second one. No tags give an empty string.
pub fn format_hashtags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{}", t.strip_prefix('#').unwrap_or(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many characters X counts for any http(s) URL: it wraps every link in a `t.co`
/// link of this length.
pub const X_URL_LENGTH: usize = 23;

/// The most characters a post on the network may have:
/// - LinkedIn: 3000 (a member's post);
/// - X: 280 (a post of an account without a subscription);
/// - Facebook: 63 206 (a post on a profile);
/// - XING: 3000. XING does not publish one limit for a shared post; 3000 is the
///   conservative limit we apply, as for LinkedIn.
pub fn text_limit(n: Network) -> usize {
    match n {
        Network::Linkedin => 3000,
        Network::X => 280,
        Network::Facebook => 63_206,
        Network::Xing => 3000,
    }
}

/// The byte offset of the next `http://` or `https://` (any case) in `s`.
pub(crate) fn find_url(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase(); // ASCII-only change: byte offsets stay valid.
    match (lower.find("http://"), lower.find("https://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The length of `text` as the network counts it: in characters (Unicode scalar values).
/// On X every `http://` or `https://` URL, up to the next whitespace, counts as
/// [`X_URL_LENGTH`] whatever its length.
///
/// This is close to, not exactly, what the networks count: X counts some characters
/// (CJK scripts, most emoji) double and recognises links without a scheme
/// (`firma.pl`), so for such text the real count is higher. Polish text is counted
/// exactly.
pub fn counted_length(n: Network, text: &str) -> usize {
    if n != Network::X {
        return text.chars().count();
    }
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = find_url(rest) {
        count += rest[..at].chars().count();
        let url = &rest[at..];
        let end = url.find(char::is_whitespace).unwrap_or(url.len());
        let scheme = if url.as_bytes()[4] == b':' { 7 } else { 8 };
        // A scheme with nothing after it is not a link; count it as text.
        count += if end > scheme {
            X_URL_LENGTH
        } else {
            url[..end].chars().count()
        };
        rest = &url[end..];
    }
    count + rest.chars().count()
}

/// Why a text does not fit a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The text counts `length` characters; the network takes `limit`.
    #[error("the text has {length} characters, at most {limit} fit")]
    TooLong { limit: usize, length: usize },
}

impl TextError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            TextError::TooLong { .. } => "error-text-too-long",
        }
    }
}

/// Checks that `text` fits the network's [`text_limit`], counted by [`counted_length`].
/// When the target link will be appended on sharing (`link_will_be_added`), on X it
/// takes [`X_URL_LENGTH`] plus one space; the other networks take the link apart from
/// the text, so it does not count there.
pub fn check_text(n: Network, text: &str, link_will_be_added: bool) -> Result<(), TextError> {
    let mut length = counted_length(n, text);
    if n == Network::X && link_will_be_added {
        length += X_URL_LENGTH + 1;
    }
    let limit = text_limit(n);
    if length > limit {
        Err(TextError::TooLong { limit, length })
    } else {
        Ok(())
    }
}

/// The largest image accepted for a piece of content: 5 MiB.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// An image format every supported network accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageKind {
    Png,
    Jpeg,
    Webp,
}

impl ImageKind {
    /// The media type, e.g. `image/png`.
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Webp => "image/webp",
        }
    }

    /// The file name extension, without the dot: `png`, `jpg`, `webp`.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Webp => "webp",
        }
    }
}

/// Tells the image format from the first bytes of the file (never from its name or the
/// media type the browser sent): PNG (`89 50 4E 47 0D 0A 1A 0A`), JPEG (`FF D8 FF`),
/// WebP (`RIFF`, four bytes of size, `WEBP`). Anything else, GIF included, is `None`.
pub fn sniff_image(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageKind::Jpeg)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(ImageKind::Webp)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_and_statuses_round_trip_through_their_names() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse(" Job_Offer "), Some(Category::JobOffer));
        assert_eq!(Category::parse("news"), None);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("archived"), None);
        assert_eq!(Action::Submit.as_str(), "submit");
    }

    #[test]
    fn every_legal_step_leads_where_the_workflow_says() {
        use Action as A;
        use Actor::*;
        use Status as S;
        let legal = [
            (S::Draft, A::Submit, Author, S::Submitted),
            (S::Draft, A::Submit, Editor, S::Submitted),
            (S::Submitted, A::Approve, Coordinator, S::Approved),
            (S::Submitted, A::Reject, Coordinator, S::Rejected),
            (S::Approved, A::Publish, System, S::Published),
            (S::Published, A::Expire, System, S::Expired),
            (S::Approved, A::Expire, System, S::Expired),
            (S::Published, A::Withdraw, Editor, S::Expired),
            (S::Published, A::Withdraw, Coordinator, S::Expired),
            (S::Approved, A::Withdraw, Editor, S::Expired),
            (S::Approved, A::Withdraw, Coordinator, S::Expired),
            (S::Draft, A::Edit, Author, S::Draft),
            (S::Draft, A::Edit, Editor, S::Draft),
            (S::Rejected, A::Edit, Author, S::Draft),
            (S::Rejected, A::Edit, Editor, S::Draft),
            (S::Submitted, A::Edit, Author, S::Draft),
            (S::Submitted, A::Edit, Editor, S::Draft),
        ];
        for (from, action, actor, to) in legal {
            assert_eq!(transition(from, action, actor), Ok(to), "{from} {action} {actor:?}");
        }
        // Nothing else is legal: every other combination is refused.
        for from in Status::ALL {
            for action in Action::ALL {
                for actor in Actor::ALL {
                    let listed = legal.iter().any(|l| (l.0, l.1, l.2) == (from, action, actor));
                    assert_eq!(
                        transition(from, action, actor).is_ok(),
                        listed,
                        "{from} {action} {actor:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn illegal_steps_are_refused_with_the_reason() {
        use Action as A;
        use Actor::*;
        use Status as S;
        let not_allowed = [
            (S::Draft, A::Approve, Coordinator),
            (S::Draft, A::Publish, System),
            (S::Submitted, A::Publish, System),
            (S::Submitted, A::Submit, Author),
            (S::Published, A::Edit, Author),
            (S::Expired, A::Edit, Editor),
            (S::Approved, A::Edit, Editor),
            (S::Rejected, A::Approve, Coordinator),
            (S::Rejected, A::Submit, Author),
            (S::Expired, A::Publish, System),
            (S::Published, A::Publish, System),
            (S::Draft, A::Expire, System),
            (S::Expired, A::Expire, System),
            (S::Published, A::Reject, Coordinator),
            (S::Expired, A::Withdraw, Editor),
            (S::Draft, A::Withdraw, Coordinator),
            (S::Submitted, A::Withdraw, Editor),
        ];
        for (from, action, actor) in not_allowed {
            assert_eq!(
                transition(from, action, actor),
                Err(TransitionError::NotAllowed { from, action }),
                "{from} {action}"
            );
        }
        let not_your_role = [
            (S::Draft, A::Submit, Coordinator),
            (S::Draft, A::Submit, System),
            (S::Submitted, A::Approve, Author),
            (S::Submitted, A::Approve, Editor),
            (S::Submitted, A::Reject, Author),
            (S::Approved, A::Publish, Coordinator),
            (S::Published, A::Expire, Coordinator),
            (S::Rejected, A::Edit, Coordinator),
            (S::Published, A::Withdraw, Author),
            (S::Published, A::Withdraw, System),
        ];
        for (from, action, actor) in not_your_role {
            assert_eq!(
                transition(from, action, actor),
                Err(TransitionError::NotYourRole { action }),
                "{from} {action} {actor:?}"
            );
        }
        let e = transition(S::Draft, A::Approve, Coordinator).unwrap_err();
        assert_eq!(e.key(), "error-transition-not-allowed");
        assert_eq!(e.to_string(), "cannot approve content that is draft");
        assert_eq!(
            transition(S::Submitted, A::Approve, Author).unwrap_err().key(),
            "error-transition-role"
        );
    }

    #[test]
    fn time_publishes_approved_content_and_expires_live_content() {
        let (start, end) = (1_000, 2_000);
        assert_eq!(
            effective_status(Status::Approved, start, Some(end), 999),
            Status::Approved
        );
        assert_eq!(
            effective_status(Status::Approved, start, Some(end), 1_000),
            Status::Published
        );
        assert_eq!(
            effective_status(Status::Approved, start, None, 1_000_000),
            Status::Published
        );
        assert_eq!(
            effective_status(Status::Published, start, Some(end), 1_999),
            Status::Published
        );
        assert_eq!(
            effective_status(Status::Published, start, Some(end), 2_000),
            Status::Expired
        );
        // Ended before it ever started.
        assert_eq!(
            effective_status(Status::Approved, start, Some(500), 700),
            Status::Expired
        );
        assert_eq!(
            effective_status(Status::Approved, start, Some(start), start),
            Status::Expired
        );
        for s in [Status::Draft, Status::Submitted, Status::Rejected, Status::Expired] {
            assert_eq!(effective_status(s, start, Some(end), 5_000), s);
        }
    }

    #[test]
    fn target_urls_are_web_addresses_in_normal_form() {
        assert_eq!(
            TargetUrl::parse("  https://Firma.PL/kariera?x=1#oferty ")
                .unwrap()
                .as_str(),
            "https://firma.pl/kariera?x=1#oferty"
        );
        assert_eq!(
            TargetUrl::parse("http://firma.pl").unwrap().as_str(),
            "http://firma.pl/"
        );
        assert_eq!(
            TargetUrl::parse("https://firma.pl/praca/żółw").unwrap().as_str(),
            "https://firma.pl/praca/%C5%BC%C3%B3%C5%82w"
        );
        assert_eq!(
            TargetUrl::parse("https://zażółć.pl/").unwrap().as_str(),
            "https://xn--za-6ja4f8n1l.pl/"
        );
        for bad in [
            "",
            "   ",
            "firma.pl/kariera",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://firma.pl/",
            "mailto:hr@firma.pl",
            "file:///etc/passwd",
            "https://user@firma.pl/",
            "https://user:secret@firma.pl/",
            "https://firma.pl/a b",
            "https://firma.pl/a\tb",
            "https://firma.pl/a\nb",
            "https://",
            "https:///path",
            "https://kariera/oferty",
        ] {
            assert_eq!(TargetUrl::parse(bad), Err(UrlError::Invalid), "{bad:?}");
        }
        let long = format!("https://firma.pl/{}", "a".repeat(2000));
        assert_eq!(TargetUrl::parse(&long), Err(UrlError::TooLong));
        let encoded_too_long = format!("https://firma.pl/{}", "ż".repeat(400));
        assert_eq!(TargetUrl::parse(&encoded_too_long), Err(UrlError::TooLong));
        assert_eq!(UrlError::Invalid.key(), "error-url");
        assert_eq!(UrlError::TooLong.key(), "error-too-long");
    }

    #[test]
    fn hashtags_accept_polish_letters_and_drop_repeats() {
        assert_eq!(
            parse_hashtags("#Praca, #ŻyjZdrowo praca_zdalna\n#PRACA #2024").unwrap(),
            vec!["Praca", "ŻyjZdrowo", "praca_zdalna", "2024"]
        );
        assert_eq!(parse_hashtags("  ,, ").unwrap(), Vec::<String>::new());
        // Decomposed Ż (Z + combining dot above) is accepted.
        assert_eq!(parse_hashtags("#Z\u{307}yj").unwrap(), vec!["Z\u{307}yj"]);
        for bad in ["#", "##praca", "praca-zdalna", "#c++", "#zażółć!", "\u{307}a"] {
            assert_eq!(
                parse_hashtags(&format!("#ok {bad}")),
                Err(HashtagError::Invalid(bad.to_string())),
                "{bad}"
            );
        }
        assert!(parse_hashtags(&"a".repeat(50)).is_ok());
        assert_eq!(
            parse_hashtags(&"a".repeat(51)),
            Err(HashtagError::Invalid("a".repeat(51)))
        );
        let fifteen: Vec<String> = (0..15).map(|i| format!("#t{i}")).collect();
        assert_eq!(parse_hashtags(&fifteen.join(" ")).unwrap().len(), 15);
        assert_eq!(parse_hashtags(&format!("{} #T0", fifteen.join(" "))).unwrap().len(), 15);
        assert_eq!(
            parse_hashtags(&format!("{} #t15", fifteen.join(" "))),
            Err(HashtagError::TooMany)
        );
        assert_eq!(HashtagError::TooMany.key(), "error-hashtags-too-many");
        assert_eq!(HashtagError::Invalid("x".into()).key(), "error-hashtag");
    }

    #[test]
    fn hashtags_are_written_with_hashes_and_spaces() {
        let tags = parse_hashtags("Praca ŻyjZdrowo").unwrap();
        assert_eq!(format_hashtags(&tags), "#Praca #ŻyjZdrowo");
        assert_eq!(format_hashtags(&["#już".to_string()]), "#już");
        assert_eq!(format_hashtags(&[]), "");
    }

    #[test]
    fn text_is_counted_in_characters_and_links_on_x_as_twenty_three() {
        assert_eq!(text_limit(Network::Linkedin), 3000);
        assert_eq!(text_limit(Network::X), 280);
        assert_eq!(text_limit(Network::Facebook), 63_206);
        assert_eq!(text_limit(Network::Xing), 3000);
        let text = "Zażółć gęślą jaźń: https://firma.pl/kariera/bardzo/dlugi/adres?utm_source=x";
        assert_eq!(counted_length(Network::Linkedin, text), text.chars().count());
        assert_eq!(counted_length(Network::X, text), 19 + 23);
        assert_eq!(
            counted_length(Network::X, "a http://b.pl c HTTPS://d.pl/e"),
            2 + 23 + 3 + 23
        );
        assert_eq!(counted_length(Network::X, "(https://b.pl) i"), 1 + 23 + 2);
        assert_eq!(counted_length(Network::X, "see https:// now"), 16);
        assert_eq!(counted_length(Network::X, "short http://a"), 6 + 23);
        assert_eq!(counted_length(Network::X, ""), 0);
    }

    #[test]
    fn text_checks_count_the_link_appended_on_x() {
        let text = "ł".repeat(256);
        assert_eq!(check_text(Network::X, &text, false), Ok(()));
        assert_eq!(check_text(Network::X, &text, true), Ok(()));
        let text = "ł".repeat(257);
        assert_eq!(
            check_text(Network::X, &text, true),
            Err(TextError::TooLong {
                limit: 280,
                length: 281
            })
        );
        assert_eq!(check_text(Network::Linkedin, &"a".repeat(3000), true), Ok(()));
        let e = check_text(Network::Xing, &"a".repeat(3001), false).unwrap_err();
        assert_eq!(
            e,
            TextError::TooLong {
                limit: 3000,
                length: 3001
            }
        );
        assert_eq!(e.key(), "error-text-too-long");
    }

    #[test]
    fn images_are_known_by_their_magic_bytes() {
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(ImageKind::Png));
        assert_eq!(sniff_image(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Some(ImageKind::Jpeg));
        assert_eq!(sniff_image(b"RIFF\x24\0\0\0WEBPVP8 "), Some(ImageKind::Webp));
        assert_eq!(sniff_image(b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(sniff_image(b"RIFF\x24\0\0\0WEB"), None);
        assert_eq!(sniff_image(b"GIF89a\x01\0\x01\0"), None);
        assert_eq!(sniff_image(b"GIF87a\x01\0\x01\0"), None);
        assert_eq!(sniff_image(b"\x89PNG"), None);
        assert_eq!(sniff_image(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None);
        assert_eq!(sniff_image(b""), None);
        assert_eq!(ImageKind::Jpeg.mime(), "image/jpeg");
        assert_eq!(ImageKind::Jpeg.extension(), "jpg");
        assert_eq!(ImageKind::Webp.mime(), "image/webp");
        assert_eq!(ImageKind::Png.extension(), "png");
        assert_eq!(MAX_IMAGE_BYTES, 5_242_880);
    }
}
