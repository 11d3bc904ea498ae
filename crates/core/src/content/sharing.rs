//! Sharing: how an ambassador's post is measured against the suggested text, the
//! links that open each network's share dialog, post URLs, tracked link codes and the
//! daily share limit.
//!
//! # Personalisation
//!
//! Posts that ambassadors write in their own words reach further and read as genuine;
//! many copies of one text read as a campaign. So every share records how far the text
//! actually posted differs from the text the content suggested. This is the definition
//! used everywhere (reports, badges, the warning before sharing an unchanged text):
//!
//! 1. **Normalise** both texts: lower-case them (`Dołącz` and `dołącz` are one word,
//!    Polish letters included; diacritics are *not* removed, so `dolacz` is another
//!    word); drop links (from `http://` or `https://` to the next whitespace), since
//!    changing or adding a tracked link is not personalisation; split the rest into
//!    words of Unicode letters and digits, so punctuation, emoji and line breaks do not
//!    count and a hashtag is its word (`#Praca` is `praca`).
//! 2. **Compare** the sequences of words with the Sørensen–Dice coefficient over the
//!    multisets of word bigrams (pairs of consecutive words):
//!    `similarity = 2 × |A ∩ B| / (|A| + |B|)`, where `A ∩ B` takes each bigram as many
//!    times as it occurs in both. Bigrams make the measure notice word order (a sentence
//!    turned around is partly new) while a reworded sentence in a long text changes only
//!    its share of the whole. When either text has fewer than two words, single words
//!    are compared instead. Two texts with no words are identical (1.0); one text with
//!    words and one without have nothing in common (0.0).
//! 3. **Personalisation** is `1 − similarity`: 0 for the suggested text as is, 1 for a
//!    text sharing no word pair with it.
//!
//! A share **is personalised** when the similarity is below
//! [`PERSONALISED_BELOW_SIMILARITY`] (0.7): roughly, at least about a third of the word
//! pairs are the ambassador's own. Adding one sentence to a long suggested text, fixing
//! a typo or changing the link is not enough; rewriting the opening in one's own words
//! usually is. Two texts are **near-identical** at a similarity of
//! [`NEAR_IDENTICAL_SIMILARITY`] (0.9) or more; used to warn that many ambassadors are
//! posting the same words. Scores are stored as whole thousandths
//! ([`score_per_mille`]).

use crate::Network;
use crate::content::{find_url, is_combining_mark};
use crate::people::Invalid;
use std::collections::HashMap;
use std::hash::Hash;

/// Below this similarity to the suggested text a share counts as personalised.
pub const PERSONALISED_BELOW_SIMILARITY: f64 = 0.7;
/// At or above this similarity two texts count as near-identical.
pub const NEAR_IDENTICAL_SIMILARITY: f64 = 0.9;

/// The words of `text` after normalisation (see the module documentation).
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut words = Vec::new();
    for token in lower.split_whitespace() {
        let token = &token[..find_url(token).unwrap_or(token.len())];
        words.extend(
            token
                .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

/// The Sørensen–Dice coefficient of two multisets; at least one must be non-empty.
fn dice<T: Eq + Hash>(a: impl Iterator<Item = T>, b: impl Iterator<Item = T>) -> f64 {
    let mut counts: HashMap<T, usize> = HashMap::new();
    let mut total = 0usize;
    for x in a {
        *counts.entry(x).or_default() += 1;
        total += 1;
    }
    let mut common = 0usize;
    for y in b {
        total += 1;
        if let Some(c) = counts.get_mut(&y)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    2.0 * common as f64 / total as f64
}

/// How alike two texts are, from 0 (nothing in common) to 1 (the same words in the same
/// order): the Sørensen–Dice coefficient of their word bigrams, after normalisation, as
/// defined in the module documentation. Symmetric.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    match (a.is_empty(), b.is_empty()) {
        (true, true) => 1.0,
        (true, false) | (false, true) => 0.0,
        _ if a.len() < 2 || b.len() < 2 => dice(a.iter(), b.iter()),
        _ => dice(a.windows(2), b.windows(2)),
    }
}

/// How much of the text an ambassador posted is their own: `1 − similarity` to the
/// suggested text, from 0 (posted as suggested) to 1.
pub fn personalisation(suggested: &str, final_text: &str) -> f64 {
    1.0 - similarity(suggested, final_text)
}

/// Whether a share counts as personalised: similarity to the suggested text below
/// [`PERSONALISED_BELOW_SIMILARITY`].
pub fn is_personalised(suggested: &str, final_text: &str) -> bool {
    similarity(suggested, final_text) < PERSONALISED_BELOW_SIMILARITY
}

/// Whether two texts are near-identical: similarity at least [`NEAR_IDENTICAL_SIMILARITY`].
pub fn near_identical(a: &str, b: &str) -> bool {
    similarity(a, b) >= NEAR_IDENTICAL_SIMILARITY
}

/// A score in [0, 1] (personalisation or similarity) as whole thousandths, 0 to 1000,
/// rounded half away from zero, for storage as an integer. Values outside [0, 1] are
/// clamped; NaN is 0.
pub fn score_per_mille(p: f64) -> i64 {
    if p.is_nan() {
        0
    } else {
        (p.clamp(0.0, 1.0) * 1000.0).round() as i64
    }
}

/// Percent-encodes a query value per RFC 3986: everything but the unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` of its UTF-8 bytes, so a space is `%20`, never
/// `+`, and `&`, `=`, `#` and `?` cannot end the value early.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The address of the network's own share dialog for `link`, with `text` where the
/// network takes one:
/// - LinkedIn: `https://www.linkedin.com/sharing/share-offsite/?url={link}`;
/// - X: `https://twitter.com/intent/tweet?text={text}&url={link}` (X puts the link after
///   the text, separated by a space; see [`crate::content::check_text`]);
/// - Facebook: `https://www.facebook.com/sharer.php?u={link}`;
/// - XING: `https://www.xing.com/spi/shares/new?url={link}`.
///
/// LinkedIn, Facebook and XING no longer take a text in the share dialog, so `text` is
/// ignored for them: the UI copies it to the clipboard for the ambassador to paste.
/// Values are percent-encoded (RFC 3986).
pub fn share_url(n: Network, link: &str, text: &str) -> String {
    let link = encode(link);
    match n {
        Network::Linkedin => format!("https://www.linkedin.com/sharing/share-offsite/?url={link}"),
        Network::X => format!("https://twitter.com/intent/tweet?text={}&url={link}", encode(text)),
        Network::Facebook => format!("https://www.facebook.com/sharer.php?u={link}"),
        Network::Xing => format!("https://www.xing.com/spi/shares/new?url={link}"),
    }
}

/// Checks the URL of a post an ambassador published: the rules of
/// [`Network::parse_profile_url`] (http or https, on the network's domain or a subdomain
/// as a browser reads the host, no user name or port, at most 500 characters, no
/// spaces), with a path, since the network's home page is not a post. Returns the URL as
/// the `url` crate serialises it.
pub fn post_url_matches(n: Network, url: &str) -> Result<String, Invalid> {
    let url = n.parse_profile_url(url).map_err(|_| Invalid::PostUrl)?;
    let parsed = url::Url::parse(&url).map_err(|_| Invalid::PostUrl)?;
    if parsed.path() != "/" || parsed.query().is_some() {
        Ok(url)
    } else {
        Err(Invalid::PostUrl)
    }
}

/// How far past the network's [`text_limit`](crate::content::text_limit) the text of a
/// share may run: the tracked link and hashtags the ambassador adds around their words,
/// and networks that count a link shorter than its characters.
pub const SHARE_TEXT_MARGIN: usize = 500;

/// Why the text of a share is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareTextError {
    /// A control character other than a line break or a tab.
    Characters,
    /// The text has `length` characters; at most `limit` are taken.
    TooLong { limit: usize, length: usize },
}

impl ShareTextError {
    /// The catalog key of the message (`error-text-too-long` takes `limit` and `length`).
    pub fn key(&self) -> &'static str {
        match self {
            ShareTextError::Characters => Invalid::Characters.key(),
            ShareTextError::TooLong { .. } => "error-text-too-long",
        }
    }
}

/// Checks the text of a share as the ambassador posted it (or is still writing it): no
/// control characters but line breaks and tabs, and at most the network's
/// [`text_limit`](crate::content::text_limit) plus [`SHARE_TEXT_MARGIN`] characters,
/// each counted as one (the network's own count is the editor's business; this bounds
/// what is stored and measured).
pub fn check_share_text(n: Network, text: &str) -> Result<(), ShareTextError> {
    crate::text::check_lines(text).map_err(|_| ShareTextError::Characters)?;
    let limit = crate::content::text_limit(n) + SHARE_TEXT_MARGIN;
    let length = text.chars().count();
    if length > limit {
        Err(ShareTextError::TooLong { limit, length })
    } else {
        Ok(())
    }
}

/// The length of a tracked link's code, as in `https://ambasada.example/l/{code}`.
pub const LINK_CODE_LEN: usize = 10;

const LINK_CODE_ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Turns 16 random bytes (from a CSPRNG, supplied by the caller: core does no IO) into a
/// link code of [`LINK_CODE_LEN`] characters `[0-9A-Za-z]`, about 59.5 bits of entropy.
///
/// The bytes are read as one 128-bit number and written in base 62. The code is that
/// number modulo 62¹⁰; since 2¹²⁸ is about 4 × 10²⁰ times larger than 62¹⁰, the codes
/// are uniform to within a relative bias of about 2.5 × 10⁻²¹: none worth worrying about.
pub fn link_code_from_bytes(bytes: &[u8; 16]) -> String {
    let mut n = u128::from_le_bytes(*bytes);
    (0..LINK_CODE_LEN)
        .map(|_| {
            let c = LINK_CODE_ALPHABET[(n % 62) as usize] as char;
            n /= 62;
            c
        })
        .collect()
}

/// Whether `s` has the form of a link code: exactly [`LINK_CODE_LEN`] ASCII letters and
/// digits.
pub fn is_link_code(s: &str) -> bool {
    s.len() == LINK_CODE_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// How many shares an ambassador may make in one day, unless the organisation sets
/// another limit.
pub const DEFAULT_DAILY_SHARE_LIMIT: i64 = 5;

/// Whether one more share is allowed today, given the `shares_today` already made: true
/// while fewer than `limit`. A `limit` of 0 or less means no limit.
pub fn within_daily_limit(shares_today: i64, limit: i64) -> bool {
    limit <= 0 || shares_today < limit
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUGGESTED: &str = "Dołącz do naszego zespołu w Krakowie! Szukamy programistek i programistów, \
        którzy chcą budować systemy dla bankowości. Oferujemy pracę hybrydową, budżet \
        szkoleniowy i prywatną opiekę medyczną. Aplikuj przez stronę kariery: \
        https://firma.pl/kariera #Praca #Kraków";

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_suggested_text_as_is_is_not_personalised_at_all() {
        assert_eq!(personalisation(SUGGESTED, SUGGESTED), 0.0);
        assert!(!is_personalised(SUGGESTED, SUGGESTED));
        assert!(near_identical(SUGGESTED, SUGGESTED));
    }

    #[test]
    fn a_completely_different_text_is_fully_personalised() {
        let own = "Od trzech lat pracuję tu jako testerka i naprawdę polecam to miejsce.";
        assert_eq!(personalisation(SUGGESTED, own), 1.0);
        assert!(is_personalised(SUGGESTED, own));
        assert!(!near_identical(SUGGESTED, own));
    }

    #[test]
    fn a_reordered_sentence_is_partly_personalised() {
        let a = "Dołącz do naszego zespołu w Krakowie";
        let b = "W Krakowie dołącz do naszego zespołu";
        // 4 of 5 bigrams are shared: 2 × 4 / (5 + 5).
        assert!(close(similarity(a, b), 0.8));
        let p = personalisation(a, b);
        assert!(p > 0.0 && p < 1.0, "{p}");
    }

    #[test]
    fn changing_only_the_link_does_not_count() {
        let other_link = SUGGESTED.replace("https://firma.pl/kariera", "https://firma.pl/l/Ab3dE9xYz0?utm=li");
        assert_eq!(personalisation(SUGGESTED, &other_link), 0.0);
        let without_link = SUGGESTED.replace("https://firma.pl/kariera", "");
        assert_eq!(personalisation(SUGGESTED, &without_link), 0.0);
        assert_eq!(similarity("https://a.pl", "http://b.pl/x"), 1.0);
        assert_eq!(similarity("(https://a.pl/x) Zobacz", "Zobacz"), 1.0);
    }

    #[test]
    fn case_punctuation_and_hashes_do_not_count_but_diacritics_do() {
        assert_eq!(similarity("Dołącz do nas", "dołącz do NAS"), 1.0);
        assert_eq!(similarity("ŻÓŁW, ŹDŹBŁO!", "żółw źdźbło"), 1.0);
        assert_eq!(similarity("#Praca w #IT", "praca w it"), 1.0);
        assert_eq!(similarity("Dołącz do nas!\n\n🚀", "Dołącz   do nas."), 1.0);
        assert!(similarity("Dołącz do nas", "Dolacz do nas") < 1.0);
        // Decomposed Polish letters (Z + combining dot) stay one word.
        assert_eq!(similarity("Z\u{307}yj zdrowo", "z\u{307}yj zdrowo"), 1.0);
    }

    #[test]
    fn adding_one_sentence_to_a_long_text_is_not_personalisation() {
        let added = format!("{SUGGESTED} Sama tu pracuję i polecam!");
        let s = similarity(SUGGESTED, &added);
        assert!(s >= PERSONALISED_BELOW_SIMILARITY, "{s}");
        assert!(!is_personalised(SUGGESTED, &added));
        assert!(near_identical(SUGGESTED, &added));
    }

    #[test]
    fn rewriting_the_text_in_ones_own_words_is_personalisation() {
        let own = "Mój zespół w Krakowie szuka programistek i programistów! Budujemy systemy dla \
                   bankowości, praca jest hybrydowa, a na szkolenia naprawdę jest budżet. \
                   Aplikuj przez stronę kariery: https://firma.pl/kariera #Praca";
        assert!(is_personalised(SUGGESTED, own), "{}", similarity(SUGGESTED, own));
        assert!(!near_identical(SUGGESTED, own));
    }

    #[test]
    fn short_texts_compare_single_words_and_empty_texts_are_defined() {
        assert_eq!(similarity("Polecam", "polecam!"), 1.0);
        // Unigrams: {polecam} and {polecam, bardzo}: 2 × 1 / 3.
        assert!(close(similarity("Polecam", "Bardzo polecam"), 2.0 / 3.0));
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("  🚀 ", "https://firma.pl"), 1.0);
        assert_eq!(similarity("", "Polecam"), 0.0);
        assert_eq!(similarity("Polecam", "…"), 0.0);
        assert_eq!(similarity("a b c", "c b a"), 0.0);
        assert!(close(similarity("a b a b", "a b"), 2.0 * 1.0 / (3.0 + 1.0)));
        assert_eq!(similarity("x y", "y x"), similarity("y x", "x y"));
    }

    #[test]
    fn scores_are_stored_as_thousandths() {
        assert_eq!(score_per_mille(0.0), 0);
        assert_eq!(score_per_mille(1.0), 1000);
        assert_eq!(score_per_mille(0.2), 200);
        assert_eq!(score_per_mille(2.0 / 3.0), 667);
        assert_eq!(score_per_mille(0.0005), 1);
        assert_eq!(score_per_mille(-0.1), 0);
        assert_eq!(score_per_mille(1.5), 1000);
        assert_eq!(score_per_mille(f64::NAN), 0);
    }

    #[test]
    fn share_urls_open_each_networks_dialog_with_encoded_values() {
        let link = "https://firma.pl/l/Ab3dE9xYz0?a=1&b=2";
        let text = "Zażółć gęślą jaźń & więcej: 100% #Praca";
        let enc_link = "https%3A%2F%2Ffirma.pl%2Fl%2FAb3dE9xYz0%3Fa%3D1%26b%3D2";
        assert_eq!(
            share_url(Network::Linkedin, link, text),
            format!("https://www.linkedin.com/sharing/share-offsite/?url={enc_link}")
        );
        assert_eq!(
            share_url(Network::X, link, text),
            format!(
                "https://twitter.com/intent/tweet?text=Za%C5%BC%C3%B3%C5%82%C4%87%20g%C4%99%C5%9Bl%C4%85%20\
                 ja%C5%BA%C5%84%20%26%20wi%C4%99cej%3A%20100%25%20%23Praca&url={enc_link}"
            )
        );
        assert_eq!(
            share_url(Network::Facebook, link, text),
            format!("https://www.facebook.com/sharer.php?u={enc_link}")
        );
        assert_eq!(
            share_url(Network::Xing, link, text),
            format!("https://www.xing.com/spi/shares/new?url={enc_link}")
        );
        // The encoded values survive a round trip through a URL parser.
        let url = url::Url::parse(&share_url(Network::X, link, "a b\nc+d")).unwrap();
        let pairs: Vec<(String, String)> = url.query_pairs().map(|(k, v)| (k.into(), v.into())).collect();
        assert_eq!(
            pairs,
            vec![("text".into(), "a b\nc+d".into()), ("url".into(), link.to_string())]
        );
    }

    #[test]
    fn share_texts_have_the_networks_limit_plus_a_margin() {
        let x = crate::content::text_limit(Network::X) + SHARE_TEXT_MARGIN;
        assert_eq!(check_share_text(Network::X, &"a".repeat(x)), Ok(()));
        assert_eq!(
            check_share_text(Network::X, &"ą".repeat(x + 1)),
            Err(ShareTextError::TooLong {
                limit: x,
                length: x + 1
            })
        );
        assert!(check_share_text(Network::Facebook, &"a".repeat(100_000)).is_err());
        assert_eq!(check_share_text(Network::Linkedin, "Dzień dobry\r\n\tświecie"), Ok(()));
        assert_eq!(
            check_share_text(Network::Linkedin, "tekst\0"),
            Err(ShareTextError::Characters)
        );
        assert_eq!(ShareTextError::Characters.key(), "error-invalid-characters");
    }

    #[test]
    fn post_urls_must_be_posts_on_the_networks_domain() {
        assert_eq!(
            post_url_matches(
                Network::Linkedin,
                " https://www.LinkedIn.com/feed/update/urn:li:activity:7123456789/ "
            ),
            Ok("https://www.linkedin.com/feed/update/urn:li:activity:7123456789/".to_string())
        );
        assert!(post_url_matches(Network::X, "https://x.com/jan/status/1789").is_ok());
        assert!(post_url_matches(Network::X, "https://twitter.com/jan/status/1789").is_ok());
        assert!(post_url_matches(Network::Facebook, "https://m.facebook.com/story.php?story_fbid=1&id=2").is_ok());
        assert!(post_url_matches(Network::Xing, "https://www.xing.com/discover/posts/1").is_ok());
        for (n, bad) in [
            (Network::Linkedin, "https://x.com/jan/status/1789"),
            (Network::X, "https://www.linkedin.com/feed/update/1"),
            (Network::Linkedin, "https://linkedin.com.evil.example/feed/update/1"),
            (Network::Linkedin, "https://evil.example\\.linkedin.com/feed"),
            (Network::Linkedin, "https://evil.example/?linkedin.com"),
            (Network::Linkedin, "https://user@linkedin.com/feed/update/1"),
            (Network::Linkedin, "https://www.linkedin.com:8443/feed/update/1"),
            (Network::Linkedin, "https://www.linkedin.com/"),
            (Network::Linkedin, "https://www.linkedin.com"),
            (Network::Linkedin, "javascript:alert(1)//linkedin.com"),
            (Network::Linkedin, "ftp://www.linkedin.com/feed/update/1"),
            (Network::Linkedin, "www.linkedin.com/feed/update/1"),
            (Network::Linkedin, ""),
        ] {
            assert_eq!(post_url_matches(n, bad), Err(Invalid::PostUrl), "{bad}");
        }
        assert_eq!(Invalid::PostUrl.key(), "error-post-url");
    }

    #[test]
    fn link_codes_are_ten_letters_and_digits() {
        assert_eq!(link_code_from_bytes(&[0; 16]), "0000000000");
        let mut one = [0; 16];
        one[0] = 61;
        assert_eq!(link_code_from_bytes(&one), "z000000000");
        let codes: Vec<String> = (0u8..=255).map(|i| link_code_from_bytes(&[i; 16])).collect();
        for c in &codes {
            assert_eq!(c.len(), LINK_CODE_LEN);
            assert!(is_link_code(c), "{c}");
        }
        let distinct: std::collections::HashSet<&String> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
        assert!(is_link_code("Ab3dE9xYz0"));
        for bad in ["", "Ab3dE9xYz", "Ab3dE9xYz01", "Ab3dE9xYz-", "Ab3dE9xYzż", "Ab3dE9 Yz0"] {
            assert!(!is_link_code(bad), "{bad}");
        }
    }

    #[test]
    fn the_daily_limit_allows_shares_below_it_and_none_means_no_limit() {
        assert!(within_daily_limit(0, DEFAULT_DAILY_SHARE_LIMIT));
        assert!(within_daily_limit(4, 5));
        assert!(!within_daily_limit(5, 5));
        assert!(!within_daily_limit(6, 5));
        assert!(within_daily_limit(1000, 0));
        assert!(within_daily_limit(1000, -1));
    }
}
