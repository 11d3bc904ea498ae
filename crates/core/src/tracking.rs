//! Tracking: what happens between a click on a tracked link and a conversion on the
//! organisation's site.
//!
//! A click on `/s/{code}` is answered with a redirect to the content's target URL with
//! UTM parameters and a click token merged in ([`TrackedTarget`]), so the organisation's
//! analytics see where the visitor came from and a later conversion can name the click
//! that led to it ([`CLICK_TOKEN_PARAM`], [`click_token_from_bytes`]). The click itself is
//! recorded without keeping the visitor's address: only the kind of browser
//! ([`classify_user_agent`]), the host of the referring page ([`referrer_host`]) and a
//! hash that tells repeated clicks of one visitor apart from new visitors for one day
//! ([`visitor_hash`]).
//!
//! # Attribution
//!
//! A conversion (an application, a lead, a signup; [`ConversionKind`]) reported with a
//! click token is credited to that click's link, and so to its ambassador, when it
//! happened no earlier than the click and at most [`ATTRIBUTION_WINDOW`] (30 days)
//! after it ([`within_attribution_window`]). When a visitor clicked several links, the
//! token the organisation's site kept last wins: last click attribution.
//!
//! Everything here runs on the redirect's hot path, so the functions avoid allocating
//! where they can: [`classify_user_agent`] does not allocate for ordinary user agents,
//! [`TrackedTarget::with_click_token`] allocates the redirect URL once.

use crate::{DAY, Millis};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;
use url::form_urlencoded;

/// The query parameter that carries the click token in a redirect URL.
pub const CLICK_TOKEN_PARAM: &str = "amb_ct";

/// The `utm_medium` of every tracked link.
const UTM_MEDIUM: &str = "employee_advocacy";

/// Query parameters of a target that a tracked link replaces with its own.
const REPLACED_PARAMS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    CLICK_TOKEN_PARAM,
];

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` to `out` percent-encoded per RFC 3986: everything but the unreserved
/// characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` of its UTF-8 bytes, so a space is
/// `%20` and `&`, `=` and `#` cannot end the value early.
fn push_encoded(out: &mut String, s: &str) {
    for b in s.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX_UPPER[usize::from(b >> 4)] as char);
            out.push(HEX_UPPER[usize::from(b & 0xf)] as char);
        }
    }
}

/// Whether `b` is an unreserved character of RFC 3986, safe anywhere in a URL.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Whether a `name=value` piece of a query string is one a tracked link replaces. The
/// name is compared percent-decoded and ignoring ASCII case, so `UTM_Source` and
/// `utm%5Fsource` are replaced too and the result has exactly one of each.
fn is_replaced(pair: &str) -> bool {
    form_urlencoded::parse(pair.as_bytes())
        .next()
        .is_some_and(|(name, _)| REPLACED_PARAMS.iter().any(|p| name.eq_ignore_ascii_case(p)))
}

/// A redirect target prepared once per link: everything but the click token.
///
/// The target URL is kept as the `url` crate serialises it (host lower-cased, non-ASCII
/// characters of the path percent-encoded as browsers do), with `utm_source`,
/// `utm_medium`, `utm_campaign` and `utm_content` merged into its query, split where
/// the click token goes: before the fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedTarget {
    /// The URL with the UTM parameters, without the click token.
    url: String,
    /// Where the fragment starts in `url` (its length when there is none): the click
    /// token is inserted here.
    split: usize,
}

impl TrackedTarget {
    /// Parses `target` (an http/https URL an editor set) and merges in utm_source =
    /// network, utm_medium = "employee_advocacy", utm_campaign = campaign (program slug;
    /// omitted when empty), utm_content = content id. Existing utm_source/utm_medium/
    /// utm_campaign/utm_content and amb_ct parameters of the target are replaced
    /// (removed, then ours appended; names compared percent-decoded, ignoring case); all
    /// other query parameters keep their order and encoding (as the `url` crate
    /// serialises it); the fragment stays at the end. Values are percent-encoded
    /// (RFC 3986, a space is `%20`).
    ///
    /// Returns `None` when `target` is not an absolute http or https URL with a host.
    pub fn new(target: &str, network: &str, campaign: &str, content_id: i64) -> Option<TrackedTarget> {
        let parsed = url::Url::parse(target.trim()).ok()?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
            return None;
        }
        // Enough for the parameters without growing, unless the values need much encoding.
        let mut url = String::with_capacity(parsed.as_str().len() + 100 + network.len() + campaign.len());
        url.push_str(&parsed[..url::Position::AfterPath]);
        url.push('?');
        for pair in parsed.query().unwrap_or("").split('&') {
            if !pair.is_empty() && !is_replaced(pair) {
                url.push_str(pair);
                url.push('&');
            }
        }
        url.push_str("utm_source=");
        push_encoded(&mut url, network);
        url.push_str("&utm_medium=");
        url.push_str(UTM_MEDIUM);
        if !campaign.is_empty() {
            url.push_str("&utm_campaign=");
            push_encoded(&mut url, campaign);
        }
        url.push_str("&utm_content=");
        url.push_str(&content_id.to_string());
        let split = url.len();
        if let Some(fragment) = parsed.fragment() {
            url.push('#');
            url.push_str(fragment);
        }
        Some(TrackedTarget { url, split })
    }

    /// The full redirect URL with `amb_ct=<token>` added (token is URL-safe, no encoding
    /// needed), built with one allocation.
    pub fn with_click_token(&self, token: &str) -> String {
        debug_assert!(
            token.bytes().all(is_unreserved),
            "a click token must be URL-safe: {token:?}"
        );
        let (head, fragment) = self.url.split_at(self.split);
        let mut out = String::with_capacity(self.url.len() + 2 + CLICK_TOKEN_PARAM.len() + token.len());
        out.push_str(head);
        out.push('&');
        out.push_str(CLICK_TOKEN_PARAM);
        out.push('=');
        out.push_str(token);
        out.push_str(fragment);
        out
    }
}

/// The kind of client that followed a tracked link, as [`classify_user_agent`] tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BrowserClass {
    /// A browser on a computer.
    Desktop,
    /// A browser on a phone or tablet.
    Mobile,
    /// A crawler, a link-preview fetcher or a program: not a person's click.
    Bot,
}

impl BrowserClass {
    pub const ALL: [BrowserClass; 3] = [BrowserClass::Desktop, BrowserClass::Mobile, BrowserClass::Bot];

    /// The stored and serialised name, e.g. `desktop`.
    pub fn as_str(self) -> &'static str {
        match self {
            BrowserClass::Desktop => "desktop",
            BrowserClass::Mobile => "mobile",
            BrowserClass::Bot => "bot",
        }
    }

    /// Parses the name [`BrowserClass::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<BrowserClass> {
        let s = s.trim();
        BrowserClass::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for BrowserClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Substrings of a lower-cased user agent that mark a bot; see [`classify_user_agent`].
/// The generic words come first: they catch most bots early. Named fetchers whose
/// names contain one of the words (`linkedinbot`, `baiduspider`, `skypeuripreview`, …)
/// are left out, since the word catches them already; a test checks every documented
/// name.
const BOT_MARKERS: &[&str] = &[
    // Generic words.
    "bot",
    "crawler",
    "spider",
    "preview",
    "fetcher",
    "scraper",
    // Link-preview fetchers and crawlers by name.
    "facebookexternalhit",
    "xing-contenttabreceiver",
    "slack-imgproxy",
    "whatsapp",
    "google-inspectiontool",
    "yandex",
    "embedly",
    "iframely",
    "pinterest/0.",
    "mastodon",
    "ia_archiver",
    "semrush",
    "ahrefs",
    // Command-line tools, HTTP libraries and headless browsers.
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "go-http-client",
    "okhttp",
    "java/",
    "libwww-perl",
    "httpclient",
    "headlesschrome",
];

/// Substrings of a lower-cased user agent of which a browser sends one: every browser
/// today starts its user agent with `Mozilla/`, Opera Mini with `Opera/`. A user agent
/// with neither is a program (`curl`, `axios/1.6`, `PostmanRuntime/7.37`, …).
const BROWSER_MARKERS: &[&str] = &["mozilla/", "opera/"];

/// Substrings of a lower-cased user agent that mark a phone or tablet.
const MOBILE_MARKERS: &[&str] = &["mobi", "android", "iphone", "ipad", "ipod", "windows phone"];

/// User agents up to this many bytes are lower-cased on the stack; longer ones (rare:
/// real browsers send 100 to 400) are lower-cased into a heap buffer.
const UA_STACK_LEN: usize = 512;

/// Tells from a `User-Agent` header whether a click came from a person on a computer, a
/// person on a phone or tablet, or a program. The user agent is matched by ASCII
/// case-insensitive substrings, in this order:
///
/// 1. **Bot** when the user agent is empty or only whitespace, or contains:
///    - one of the words `bot`, `crawler`, `spider`, `preview`, `fetcher`, `scraper`
///      anywhere (so `Googlebot`, `AhrefsBot`, `Baiduspider`, `SkypeUriPreview`, also
///      inside a URL such as `+http://example.com/bot.html`);
///    - a link-preview fetcher or crawler by name: `linkedinbot`, `twitterbot`,
///      `facebookexternalhit`, `facebot`, `xing-contenttabreceiver`, `xingbot`,
///      `slackbot`, `slack-imgproxy`, `whatsapp`, `telegrambot`, `googlebot`,
///      `google-inspectiontool`, `bingbot`, `discordbot`, `applebot`, `yandex`,
///      `duckduckbot`, `baiduspider`, `embedly`, `iframely`, `skypeuripreview`, `pinterestbot`,
///      `pinterest/0.` (Pinterest's fetcher; not plain `pinterest`, which the Pinterest
///      app's in-app browser sends as `[Pinterest/iOS]`), `redditbot`, `mastodon`,
///      `bitlybot`, `ia_archiver`, `semrush`, `ahrefs`, `mj12bot`, `petalbot`;
///    - a command-line tool, HTTP library or headless browser: `curl/`, `wget/`,
///      `python-requests`, `python-urllib`, `go-http-client`, `okhttp`, `java/`,
///      `libwww-perl`, `httpclient`, `headlesschrome`.
/// 2. **Bot** when it names no browser: neither `mozilla/` nor `opera/` (which every
///    browser sends) appears in it, so any other program (`axios/1.6`, `node-fetch`,
///    `PostmanRuntime/7.37`, plain `curl`) is one too.
/// 3. **Mobile** when it contains `mobi` (`Mobile`, `Mobi`), `android`, `iphone`,
///    `ipad`, `ipod` or `windows phone`.
/// 4. **Desktop** otherwise.
///
/// The generic `bot` also matches the rare Android phones of the brand Cubot; their
/// clicks count as bot clicks. iPads since iPadOS 13 send a desktop Safari user agent
/// and count as desktop. Anyone can send any user agent: this sorts honest clients, it
/// does not stop a determined fake.
///
/// Does not allocate for user agents up to 512 bytes.
pub fn classify_user_agent(ua: &str) -> BrowserClass {
    let ua = ua.trim();
    if ua.is_empty() {
        return BrowserClass::Bot;
    }
    let mut stack = [0u8; UA_STACK_LEN];
    let heap;
    let lower: &str = if ua.len() <= UA_STACK_LEN {
        let buf = &mut stack[..ua.len()];
        buf.copy_from_slice(ua.as_bytes());
        buf.make_ascii_lowercase();
        // Lower-casing ASCII bytes keeps UTF-8 valid, so this cannot fail.
        std::str::from_utf8(buf).unwrap_or_default()
    } else {
        heap = ua.to_ascii_lowercase();
        &heap
    };
    if BOT_MARKERS.iter().any(|m| lower.contains(m)) || !BROWSER_MARKERS.iter().any(|m| lower.contains(m)) {
        BrowserClass::Bot
    } else if MOBILE_MARKERS.iter().any(|m| lower.contains(m)) {
        BrowserClass::Mobile
    } else {
        BrowserClass::Desktop
    }
}

/// Keyed hash identifying one visitor on one link for one day, without keeping the address:
/// SHA-256 over (daily salt, ip, user agent, link id) with unambiguous separators; the salt is
/// random per day and deleted after, so yesterday's hashes cannot be recomputed.
///
/// The input is a fixed domain tag, then each string preceded by its length in bytes
/// (8 bytes, little-endian), then the link id (8 bytes, little-endian), so no two
/// different inputs hash the same bytes. Returns the first 16 bytes of the digest as 32
/// lower-case hex characters.
pub fn visitor_hash(salt: &str, ip: &str, user_agent: &str, link_id: i64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"ambasada visitor v1\0");
    for s in [salt, ip, user_agent] {
        hasher.update((s.len() as u64).to_le_bytes());
        hasher.update(s.as_bytes());
    }
    hasher.update(link_id.to_le_bytes());
    let digest = hasher.finalize();
    let mut out = String::with_capacity(32);
    for &b in &digest[..16] {
        out.push(HEX_LOWER[usize::from(b >> 4)] as char);
        out.push(HEX_LOWER[usize::from(b & 0xf)] as char);
    }
    out
}

/// The longest host [`referrer_host`] returns; DNS names have at most 253 characters.
const MAX_HOST_LEN: usize = 255;

/// Only the host of a Referer header, lower-cased, without port and userinfo; None when absent or unparseable.
///
/// Parsed as the `url` crate does (international domain names become `xn--` punycode),
/// for any scheme with a host, so an Android app's referrer
/// `android-app://com.linkedin.android/` gives `com.linkedin.android`. Also `None` for
/// an empty host or one longer than 255 characters.
pub fn referrer_host(referer: &str) -> Option<String> {
    let s = referer.trim();
    // Only the authority decides the host: cut off the query, fragment and path before
    // parsing, so a long Referer costs no more than a short one. A `?` or `#` always
    // ends the authority; after `://` and any further slashes, so does the next `/`.
    let s = &s[..s.find(['?', '#']).unwrap_or(s.len())];
    let s = match s.find("://") {
        Some(i) => {
            let rest = &s[i + 3..];
            let start = i + 3 + (rest.len() - rest.trim_start_matches(['/', '\\']).len());
            &s[..s[start..].find('/').map_or(s.len(), |j| start + j)]
        }
        None => s,
    };
    let url = url::Url::parse(s).ok()?;
    let host = url.host_str()?;
    if host.is_empty() || host.len() > MAX_HOST_LEN {
        return None;
    }
    Some(host.to_ascii_lowercase())
}

/// The day a moment falls on, as whole days since the Unix epoch (1970-01-01 is day 0),
/// in UTC; moments before the epoch give negative days. Names the daily salt of
/// [`visitor_hash`].
pub fn day_number(millis: Millis) -> i64 {
    millis.div_euclid(DAY)
}

/// How long after a click a conversion is still credited to it: 30 days; the last
/// click within the window wins.
pub const ATTRIBUTION_WINDOW: Millis = 30 * DAY;

/// Whether a conversion at `conversion_at` is credited to a click at `click_at`: it
/// happened no earlier than the click and at most [`ATTRIBUTION_WINDOW`] after it
/// (both ends included).
pub fn within_attribution_window(click_at: Millis, conversion_at: Millis) -> bool {
    click_at <= conversion_at
        && conversion_at
            .checked_sub(click_at)
            .is_some_and(|d| d <= ATTRIBUTION_WINDOW)
}

/// The length of a click token.
pub const CLICK_TOKEN_LEN: usize = 22;

const BASE64URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// 22-char URL-safe token from 16 random bytes (base64url without padding, written by hand: core has no base64 dep).
///
/// The bytes come from a CSPRNG, supplied by the caller (core does no IO): 128 bits, so
/// a token cannot be guessed. The encoding is RFC 4648 §5 (`A–Z a–z 0–9 - _`), which
/// needs no percent-encoding in a URL.
pub fn click_token_from_bytes(bytes: &[u8; 16]) -> String {
    let mut out = String::with_capacity(CLICK_TOKEN_LEN);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        // 3 bytes make 4 characters; the 1 byte left at the end makes 2.
        for i in 0..=chunk.len() {
            out.push(BASE64URL_ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize] as char);
        }
    }
    out
}

type HmacSha256 = hmac::Hmac<Sha256>;

/// The key of click tokens, prepared once (the keyed hash state is reused, not
/// recomputed on every redirect).
#[derive(Clone)]
pub struct ClickKey(HmacSha256);

impl ClickKey {
    pub fn new(key: &[u8]) -> ClickKey {
        use hmac::KeyInit;
        ClickKey(<HmacSha256 as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length"))
    }
}

impl fmt::Debug for ClickKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClickKey([redacted])")
    }
}

fn hmac8(key: &ClickKey, label: &[u8], data: &[u8]) -> [u8; 8] {
    use hmac::Mac;
    let mut mac = key.0.clone();
    mac.update(label);
    mac.update(data);
    let full = mac.finalize().into_bytes();
    let mut out = [0u8; 8];
    out.copy_from_slice(&full[..8]);
    out
}

/// The click token of a click: opaque and unforgeable without `key`, and no database
/// index is needed to find the click again (a random token would need one, and
/// inserting into an index of random keys was the hot path's largest cost).
///
/// 16 bytes, base64url: a tag (8 bytes of HMAC-SHA256(key, "id" ‖ id)) followed by the
/// id XOR-ed with 8 bytes of HMAC-SHA256(key, "mask" ‖ tag), so the id does not show.
pub fn click_token(key: &ClickKey, click_id: i64) -> String {
    let id = click_id.to_be_bytes();
    let tag = hmac8(key, b"id", &id);
    let mask = hmac8(key, b"mask", &tag);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&tag);
    for i in 0..8 {
        bytes[8 + i] = id[i] ^ mask[i];
    }
    click_token_from_bytes(&bytes)
}

/// The click id inside a token made by [`click_token`] with the same key; `None` for
/// anything else (a guessed, altered or foreign token).
pub fn click_id_from_token(key: &ClickKey, token: &str) -> Option<i64> {
    if !is_click_token(token) {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut n = 0;
    for b in token.bytes() {
        let v = BASE64URL_ALPHABET.iter().position(|a| *a == b)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            if n < 16 {
                bytes[n] = (acc >> bits) as u8;
            }
            n += 1;
            acc &= (1 << bits) - 1;
        }
    }
    let tag: [u8; 8] = bytes[..8].try_into().ok()?;
    let mask = hmac8(key, b"mask", &tag);
    let mut id = [0u8; 8];
    for i in 0..8 {
        id[i] = bytes[8 + i] ^ mask[i];
    }
    let expected = hmac8(key, b"id", &id);
    // Compared in constant time: a guessed tag learns nothing from the timing.
    let diff = expected.iter().zip(tag.iter()).fold(0u8, |d, (a, b)| d | (a ^ b));
    (diff == 0).then(|| i64::from_be_bytes(id))
}

/// Whether `s` has the form of a click token: exactly [`CLICK_TOKEN_LEN`] characters of
/// the base64url alphabet (`A–Z a–z 0–9 - _`). The unused low bits of the last character
/// are not checked.
pub fn is_click_token(s: &str) -> bool {
    s.len() == CLICK_TOKEN_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What a visitor did on the organisation's site that counts as a conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConversionKind {
    /// Applied for a job.
    Application,
    /// Left contact details or asked to be contacted.
    Lead,
    /// Created an account or subscribed.
    Signup,
    /// Anything else the organisation counts.
    Custom,
}

impl ConversionKind {
    pub const ALL: [ConversionKind; 4] = [
        ConversionKind::Application,
        ConversionKind::Lead,
        ConversionKind::Signup,
        ConversionKind::Custom,
    ];

    /// The stored and serialised name, e.g. `application`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConversionKind::Application => "application",
            ConversionKind::Lead => "lead",
            ConversionKind::Signup => "signup",
            ConversionKind::Custom => "custom",
        }
    }

    /// Parses the name [`ConversionKind::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<ConversionKind> {
        let s = s.trim();
        ConversionKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for ConversionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HOUR, MINUTE};

    const TOKEN: &str = "AAECAwQFBgcICQoLDA0ODw";

    fn tracked(target: &str) -> String {
        TrackedTarget::new(target, "linkedin", "rekrutacja-2025", 42)
            .unwrap()
            .with_click_token(TOKEN)
    }

    /// The query of `url` as decoded pairs, in order.
    fn pairs(url: &str) -> Vec<(String, String)> {
        url::Url::parse(url)
            .unwrap()
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn a_target_without_a_query_gets_the_utm_parameters_and_the_click_token() {
        assert_eq!(
            tracked("https://firma.pl/kariera"),
            format!(
                "https://firma.pl/kariera?utm_source=linkedin&utm_medium=employee_advocacy\
                 &utm_campaign=rekrutacja-2025&utm_content=42&amb_ct={TOKEN}"
            )
        );
        assert_eq!(
            tracked("https://Firma.PL"),
            format!(
                "https://firma.pl/?utm_source=linkedin&utm_medium=employee_advocacy\
                 &utm_campaign=rekrutacja-2025&utm_content=42&amb_ct={TOKEN}"
            )
        );
    }

    #[test]
    fn the_targets_own_query_parameters_keep_their_order_and_encoding() {
        assert_eq!(
            tracked("https://firma.pl/oferty?ref=1&x=a%20b"),
            format!(
                "https://firma.pl/oferty?ref=1&x=a%20b&utm_source=linkedin&utm_medium=employee_advocacy\
                 &utm_campaign=rekrutacja-2025&utm_content=42&amb_ct={TOKEN}"
            )
        );
        // An empty query and empty pieces leave no stray separators.
        assert_eq!(tracked("https://firma.pl/?"), tracked("https://firma.pl/"));
        assert_eq!(
            tracked("https://firma.pl/?&a=1&&b=&"),
            format!(
                "https://firma.pl/?a=1&b=&utm_source=linkedin&utm_medium=employee_advocacy\
                 &utm_campaign=rekrutacja-2025&utm_content=42&amb_ct={TOKEN}"
            )
        );
    }

    #[test]
    fn the_fragment_stays_at_the_end_after_the_query() {
        assert_eq!(
            tracked("https://firma.pl/kariera?ref=1#apply"),
            format!(
                "https://firma.pl/kariera?ref=1&utm_source=linkedin&utm_medium=employee_advocacy\
                 &utm_campaign=rekrutacja-2025&utm_content=42&amb_ct={TOKEN}#apply"
            )
        );
        let url = url::Url::parse(&tracked("https://firma.pl/kariera#apply")).unwrap();
        assert_eq!(url.fragment(), Some("apply"));
        assert_eq!(url.query_pairs().count(), 5);
    }

    #[test]
    fn existing_utm_parameters_and_click_tokens_are_replaced() {
        let url = tracked(
            "https://firma.pl/kariera?utm_source=old&a=1&amb_ct=stolen&UTM_Medium=x&utm%5Fcampaign=y&utm_content=7&b=2",
        );
        assert_eq!(
            pairs(&url),
            [
                ("a", "1"),
                ("b", "2"),
                ("utm_source", "linkedin"),
                ("utm_medium", "employee_advocacy"),
                ("utm_campaign", "rekrutacja-2025"),
                ("utm_content", "42"),
                ("amb_ct", TOKEN),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
        );
        assert!(!url.contains("old") && !url.contains("stolen"));
        // Other parameters merely starting like ours stay.
        assert!(
            tracked("https://firma.pl/?utm_sourcex=1&amb_ctx=2")
                .starts_with("https://firma.pl/?utm_sourcex=1&amb_ctx=2&")
        );
    }

    #[test]
    fn polish_letters_in_the_path_are_percent_encoded_as_browsers_do() {
        assert!(
            tracked("https://firma.pl/kariera/praca-w-łodzi")
                .starts_with("https://firma.pl/kariera/praca-w-%C5%82odzi?utm_source=linkedin&")
        );
    }

    #[test]
    fn the_campaign_and_network_are_encoded_and_an_empty_campaign_is_left_out() {
        let url = TrackedTarget::new("https://firma.pl/", "linkedin", "Łódź & Kraków 2025", 42)
            .unwrap()
            .with_click_token(TOKEN);
        assert!(
            url.contains("&utm_campaign=%C5%81%C3%B3d%C5%BA%20%26%20Krak%C3%B3w%202025&"),
            "{url}"
        );
        assert!(pairs(&url).contains(&("utm_campaign".into(), "Łódź & Kraków 2025".into())));
        let url = TrackedTarget::new("https://firma.pl/", "x", "", -1)
            .unwrap()
            .with_click_token(TOKEN);
        assert_eq!(
            url,
            format!("https://firma.pl/?utm_source=x&utm_medium=employee_advocacy&utm_content=-1&amb_ct={TOKEN}")
        );
    }

    #[test]
    fn the_result_parses_back_with_exactly_one_of_each_parameter() {
        for target in [
            "https://firma.pl/kariera",
            "http://firma.pl/a?utm_source=old&utm_source=older&amb_ct=stolen&amb_ct=again#x",
            "https://firma.pl/kariera/praca-w-łodzi?q=Łódź&utm_campaign=stara#aplikuj",
            "  https://[::1]:8443/a?b=c  ",
        ] {
            let url = TrackedTarget::new(target, "xing", "Wiosna w Łodzi", i64::MAX)
                .unwrap()
                .with_click_token(TOKEN);
            let pairs = pairs(&url);
            for name in [
                "utm_source",
                "utm_medium",
                "utm_campaign",
                "utm_content",
                CLICK_TOKEN_PARAM,
            ] {
                assert_eq!(pairs.iter().filter(|(k, _)| k == name).count(), 1, "{name} in {url}");
            }
            assert!(pairs.contains(&("utm_source".into(), "xing".into())));
            assert!(pairs.contains(&("utm_content".into(), i64::MAX.to_string())));
            assert!(pairs.contains(&(CLICK_TOKEN_PARAM.into(), TOKEN.into())));
        }
    }

    #[test]
    fn only_http_and_https_urls_with_a_host_are_targets() {
        for bad in [
            "",
            "firma.pl/kariera",
            "javascript:alert(1)",
            "ftp://firma.pl/",
            "mailto:a@firma.pl",
            "https://",
        ] {
            assert_eq!(TrackedTarget::new(bad, "linkedin", "", 1), None, "{bad}");
        }
    }

    #[test]
    fn one_prepared_target_serves_many_tokens() {
        let target = TrackedTarget::new("https://firma.pl/#a", "facebook", "c", 1).unwrap();
        let a = target.with_click_token("aaaa");
        let b = target.with_click_token("bbbb");
        assert!(
            a.ends_with("&amb_ct=aaaa#a") && b.ends_with("&amb_ct=bbbb#a"),
            "{a} {b}"
        );
        assert_eq!(a.capacity(), a.len());
    }

    #[test]
    fn browsers_are_desktop_or_mobile() {
        use BrowserClass::*;
        for (ua, class) in [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/124.0.0.0 Safari/537.36",
                Desktop,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                Desktop,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Version/17.4 Safari/605.1.15",
                Desktop,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Version/17.4 Mobile/15E148 Safari/604.1",
                Mobile,
            ),
            (
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/124.0.0.0 Mobile Safari/537.36",
                Mobile,
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Version/12.1.2 Mobile/15E148 Safari/604.1",
                Mobile,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Mobile/21E219 [LinkedInApp]/9.29.8962",
                Mobile,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Mobile/15E148 [Pinterest/iOS]",
                Mobile,
            ),
            (
                "Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 \
                 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.15063",
                Mobile,
            ),
            (
                "Opera/9.80 (Android; Opera Mini/36.2.2254/119.132; U; pl) Presto/2.12.423 Version/12.16",
                Mobile,
            ),
            // In-app browsers of the networks people share on: people, not fetchers.
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Mobile/21E219 [FBAN/FBIOS;FBAV/460.0.0.38.109;FBBV/583538452;FBDV/iPhone14,5;FBMD/iPhone;\
                 FBSN/iOS;FBSV/17.4;FBSS/3;FBID/phone;FBLC/pl_PL;FBOP/5]",
                Mobile,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 \
                 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 \
                 [FB_IAB/FB4A;FBAV/460.0.0.48.109;]",
                Mobile,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 Mobile/21E219 Instagram 326.0.3.19.97 (iPhone14,5; iOS 17_4; pl_PL; pl; scale=3.00; 1170x2532)",
                Mobile,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240405.002; wv) AppleWebKit/537.36 \
                 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 LinkedInApp/4.1.954",
                Mobile,
            ),
        ] {
            assert_eq!(classify_user_agent(ua), class, "{ua}");
        }
    }

    #[test]
    fn crawlers_preview_fetchers_and_programs_are_bots() {
        for ua in [
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Twitterbot/1.0",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "facebookexternalhit/1.1",
            "WhatsApp/2.23.20.0",
            "TelegramBot (like TwitterBot)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Slack-ImgProxy (+https://api.slack.com/robots)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; \
             +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/124.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "XING-contenttabreceiver/2.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) \
             Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
            "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
            "Pinterest/0.2 (+https://www.pinterest.com/bot.html)",
            "http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "ia_archiver",
            "Iframely/1.3.1 (+https://iframely.com/docs/about)",
            "Mozilla/5.0 (compatible; Iframely/1.3.1; +https://iframely.com/docs/about)",
            "curl/8.5.0",
            "Wget/1.21.4",
            "python-requests/2.31.0",
            "Go-http-client/2.0",
            "okhttp/4.12.0",
            "Java/17.0.2",
            // Programs that name no browser.
            "curl",
            "Wget",
            "Java",
            "axios/1.6.8",
            "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
            "undici",
            "python-httpx/0.27.0",
            "Python/3.12 aiohttp/3.9.5",
            "PostmanRuntime/7.37.0",
            "HTTPie/3.2.2",
            "Dart/3.3 (dart:io)",
            "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP1A.240405.002)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 \
             Safari/537.36",
            "",
            "   ",
            "\t\n",
        ] {
            assert_eq!(classify_user_agent(ua), BrowserClass::Bot, "{ua:?}");
        }
    }

    #[test]
    fn every_documented_bot_name_is_caught_in_any_case() {
        let documented = [
            "linkedinbot",
            "twitterbot",
            "facebookexternalhit",
            "facebot",
            "xing-contenttabreceiver",
            "xingbot",
            "slackbot",
            "slack-imgproxy",
            "whatsapp",
            "telegrambot",
            "googlebot",
            "google-inspectiontool",
            "bingbot",
            "discordbot",
            "applebot",
            "yandex",
            "duckduckbot",
            "baiduspider",
            "embedly",
            "iframely",
            "skypeuripreview",
            "pinterestbot",
            "pinterest/0.",
            "redditbot",
            "mastodon",
            "bitlybot",
            "ia_archiver",
            "semrush",
            "ahrefs",
            "mj12bot",
            "petalbot",
            "bot",
            "crawler",
            "spider",
            "preview",
            "fetcher",
            "scraper",
            "curl/",
            "wget/",
            "python-requests",
            "python-urllib",
            "go-http-client",
            "okhttp",
            "java/",
            "libwww-perl",
            "httpclient",
            "headlesschrome",
        ];
        for name in documented {
            for ua in [
                name.to_string(),
                name.to_ascii_uppercase(),
                format!("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 {name}/1.0"),
            ] {
                assert_eq!(classify_user_agent(&ua), BrowserClass::Bot, "{ua}");
            }
        }
    }

    #[test]
    fn long_and_non_ascii_user_agents_are_classified_too() {
        let padding = "Ł".repeat(UA_STACK_LEN);
        let long_bot = format!("Mozilla/5.0 {padding} GoogleBot");
        assert_eq!(classify_user_agent(&long_bot), BrowserClass::Bot);
        let long_phone = format!("Mozilla/5.0 (iPhone) {padding}");
        assert_eq!(classify_user_agent(&long_phone), BrowserClass::Mobile);
        assert_eq!(
            classify_user_agent("Mozilla/5.0 Przeglądarka Żółw/1.0"),
            BrowserClass::Desktop
        );
        assert_eq!(
            classify_user_agent("Przeglądarka Żółw/1.0"),
            BrowserClass::Bot,
            "no browser named"
        );
        let long_desktop = format!("Mozilla/5.0 {}", "a".repeat(UA_STACK_LEN));
        assert_eq!(
            classify_user_agent(&long_desktop[..UA_STACK_LEN]),
            BrowserClass::Desktop
        );
        assert_eq!(classify_user_agent(&long_desktop), BrowserClass::Desktop);
    }

    #[test]
    fn browser_classes_and_conversion_kinds_have_stable_names() {
        for c in BrowserClass::ALL {
            assert_eq!(BrowserClass::parse(c.as_str()), Some(c));
            assert_eq!(c.to_string(), c.as_str());
        }
        assert_eq!(BrowserClass::parse(" Mobile "), Some(BrowserClass::Mobile));
        assert_eq!(BrowserClass::parse("tablet"), None);
        for k in ConversionKind::ALL {
            assert_eq!(ConversionKind::parse(k.as_str()), Some(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert_eq!(ConversionKind::parse(" SIGNUP"), Some(ConversionKind::Signup));
        assert_eq!(ConversionKind::parse("purchase"), None);
        assert_eq!(
            ConversionKind::ALL.map(ConversionKind::as_str),
            ["application", "lead", "signup", "custom"]
        );
    }

    #[test]
    fn visitor_hashes_are_deterministic_and_differ_when_any_input_differs() {
        let ua = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
        let h = visitor_hash("salt-20000", "192.168.1.10", ua, 7);
        assert_eq!(h, visitor_hash("salt-20000", "192.168.1.10", ua, 7));
        assert_eq!(h.len(), 32);
        assert!(
            h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "{h}"
        );
        assert!(!h.contains("192.168.1.10") && !h.contains("192168110"));
        for other in [
            visitor_hash("salt-20001", "192.168.1.10", ua, 7),
            visitor_hash("salt-20000", "192.168.1.11", ua, 7),
            visitor_hash("salt-20000", "192.168.1.10", "curl/8.5.0", 7),
            visitor_hash("salt-20000", "192.168.1.10", ua, 8),
        ] {
            assert_ne!(h, other);
        }
        // Moving a character from one field to the next gives another hash.
        assert_ne!(visitor_hash("ab", "c", "", 1), visitor_hash("a", "bc", "", 1));
        assert_ne!(visitor_hash("", "1.2.3.4", "x", 1), visitor_hash("1.2.3.4", "", "x", 1));
        assert_ne!(
            visitor_hash("s", "2001:db8::1", "", 0),
            visitor_hash("s", "2001:db8::", "1", 0)
        );
    }

    #[test]
    fn the_referrer_host_is_the_lower_cased_host_alone() {
        for (referer, host) in [
            ("https://www.linkedin.com/feed/?x=1", Some("www.linkedin.com")),
            ("android-app://com.linkedin.android/", Some("com.linkedin.android")),
            ("android-app://Com.LinkedIn.Android", Some("com.linkedin.android")),
            ("https://user:pass@WWW.Facebook.COM:8443/x", Some("www.facebook.com")),
            ("http://t.co/abc", Some("t.co")),
            (
                " https://l.facebook.com?u=https%3A%2F%2Fevil.example/ ",
                Some("l.facebook.com"),
            ),
            ("https://x.com#https://evil.example/", Some("x.com")),
            ("https://a.example\\b.example/c", Some("a.example")),
            ("https:///www.xing.com/feed", Some("www.xing.com")),
            ("https://żółw.pl/", Some("xn--w-uga1v8h.pl")),
            ("http://[2001:db8::1]:80/", Some("[2001:db8::1]")),
            ("", None),
            ("   ", None),
            ("garbage", None),
            ("not a url at all", None),
            ("/relative/path", None),
            ("https://", None),
            ("https://exa mple.com/", None),
            ("mailto:a@firma.pl", None),
            ("android-app:///path", None),
        ] {
            assert_eq!(referrer_host(referer).as_deref(), host, "{referer}");
        }
        let long = format!("https://{}.pl/", "a".repeat(MAX_HOST_LEN));
        assert_eq!(referrer_host(&long), None);
        let longest = format!("https://{}.pl/", "a".repeat(MAX_HOST_LEN - 3));
        assert_eq!(referrer_host(&longest).map(|h| h.len()), Some(MAX_HOST_LEN));
    }

    #[test]
    fn day_numbers_count_whole_utc_days_since_the_epoch() {
        assert_eq!(day_number(0), 0);
        assert_eq!(day_number(DAY - 1), 0);
        assert_eq!(day_number(DAY), 1);
        assert_eq!(day_number(-1), -1);
        assert_eq!(day_number(-DAY), -1);
        assert_eq!(day_number(-DAY - 1), -2);
        // 2024-03-10T23:59:59.999Z and the next millisecond.
        assert_eq!(day_number(1_710_115_199_999), 19_792);
        assert_eq!(day_number(1_710_115_200_000), 19_793);
    }

    #[test]
    fn conversions_count_for_a_click_up_to_thirty_days_after_it() {
        let click = 1_710_115_200_000;
        assert!(within_attribution_window(click, click));
        assert!(within_attribution_window(click, click + 5 * MINUTE));
        assert!(within_attribution_window(click, click + 29 * DAY + 23 * HOUR));
        assert!(within_attribution_window(click, click + ATTRIBUTION_WINDOW));
        assert!(!within_attribution_window(click, click + ATTRIBUTION_WINDOW + 1));
        assert!(!within_attribution_window(click, click - 1));
        assert!(!within_attribution_window(i64::MIN, i64::MAX));
        assert!(!within_attribution_window(i64::MAX, i64::MIN));
    }

    #[test]
    fn click_tokens_are_base64url_of_sixteen_bytes() {
        let counting: [u8; 16] = std::array::from_fn(|i| i as u8);
        assert_eq!(click_token_from_bytes(&counting), TOKEN);
        assert_eq!(click_token_from_bytes(&[0; 16]), "AAAAAAAAAAAAAAAAAAAAAA");
        assert_eq!(click_token_from_bytes(&[0xff; 16]), "_____________________w");
        let dashes: [u8; 16] = std::array::from_fn(|i| [0xfb, 0xef, 0xbe][i % 3]);
        assert_eq!(click_token_from_bytes(&dashes), "---------------------w");
        let tokens: Vec<String> = (0u8..=255).map(|i| click_token_from_bytes(&[i; 16])).collect();
        for t in &tokens {
            assert_eq!(t.len(), CLICK_TOKEN_LEN);
            assert!(is_click_token(t), "{t}");
        }
        let distinct: std::collections::HashSet<&String> = tokens.iter().collect();
        assert_eq!(distinct.len(), tokens.len());
        for bad in [
            "",
            "AAECAwQFBgcICQoLDA0OD",
            "AAECAwQFBgcICQoLDA0ODwA",
            "AAECAwQFBgcICQoLDA0OD+",
            "AAECAwQFBgcICQoLDA0OD=",
        ] {
            assert!(!is_click_token(bad), "{bad}");
        }
    }

    #[test]
    fn the_hot_path_gives_the_same_answers_when_run_many_times() {
        let target = TrackedTarget::new("https://firma.pl/kariera?ref=1#apply", "linkedin", "wiosna", 42).unwrap();
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                      Chrome/124.0.0.0 Safari/537.36";
        let expected = target.with_click_token(TOKEN);
        for i in 0..100_000 {
            let ua = if i % 2 == 0 {
                chrome
            } else {
                "LinkedInBot/1.0 (compatible; Mozilla/5.0)"
            };
            let class = if i % 2 == 0 {
                BrowserClass::Desktop
            } else {
                BrowserClass::Bot
            };
            assert_eq!(classify_user_agent(ua), class);
            assert_eq!(target.with_click_token(TOKEN), expected);
        }
    }

    #[test]
    fn click_tokens_carry_the_id_and_cannot_be_forged() {
        let key = &ClickKey::new(b"a secret key of the deployment");
        for id in [1i64, 42, 1 << 40, i64::MAX] {
            let t = click_token(key, id);
            assert_eq!(t.len(), CLICK_TOKEN_LEN);
            assert!(is_click_token(&t));
            assert_eq!(click_id_from_token(key, &t), Some(id));
            assert_eq!(click_id_from_token(&ClickKey::new(b"another key"), &t), None);
        }
        let t = click_token(key, 7);
        assert!(!t.contains('7') || click_token(key, 8) != t);
        // Changing any character breaks the tag.
        let mut chars: Vec<char> = t.chars().collect();
        chars[3] = if chars[3] == 'A' { 'B' } else { 'A' };
        let altered: String = chars.into_iter().collect();
        assert_eq!(click_id_from_token(key, &altered), None);
        assert_eq!(click_id_from_token(key, "AAAAAAAAAAAAAAAAAAAAAA"), None);
        assert_eq!(click_id_from_token(key, "short"), None);
    }
}
