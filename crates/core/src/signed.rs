//! Signed values for links that work without logging in (a digest's unsubscribe link, a
//! calendar feed URL): a tag of HMAC-SHA256 under a deployment key, truncated to 128 bits
//! and written in base64url, checked in constant time.
//!
//! The key is the caller's (a setting shared by every instance); nothing here stores or
//! logs it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = hmac::Hmac<Sha256>;

/// Bytes of the HMAC kept in a tag: 128 bits cannot be guessed, and URLs stay short.
pub const TAG_BYTES: usize = 16;
/// Characters of a tag: base64url of [`TAG_BYTES`] without padding.
pub const TAG_CHARS: usize = 22;

fn mac(key: &[u8], message: &str) -> HmacSha256 {
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    mac
}

/// The tag of `message` under `key`.
pub fn tag(key: &[u8], message: &str) -> String {
    let full = mac(key, message).finalize().into_bytes();
    B64.encode(&full[..TAG_BYTES])
}

/// Whether `tag` is the tag of `message` under `key`. Anything but exactly
/// [`TAG_CHARS`] base64url characters is refused before comparing (a shorter tag would
/// otherwise be checked against fewer bytes); the comparison takes the same time
/// wherever the first difference is.
pub fn verify(key: &[u8], message: &str, tag: &str) -> bool {
    if tag.len() != TAG_CHARS {
        return false;
    }
    let Ok(bytes) = B64.decode(tag) else {
        return false;
    };
    bytes.len() == TAG_BYTES && mac(key, message).verify_truncated_left(&bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_verifies_only_for_its_key_and_message() {
        let t = tag(b"key", "user:1:1");
        assert_eq!(t.len(), TAG_CHARS);
        assert!(verify(b"key", "user:1:1", &t));
        assert!(!verify(b"key", "user:1:2", &t), "another message");
        assert!(!verify(b"other key", "user:1:1", &t), "another key");
        assert!(!verify(b"key", "user:1:1", &t[..TAG_CHARS - 1]), "shortened");
        assert!(!verify(b"key", "user:1:1", &t[..4]), "a short prefix never verifies");
        assert!(!verify(b"key", "user:1:1", ""), "empty");
        assert!(!verify(b"key", "user:1:1", &format!("{t}A")), "lengthened");
        let mut flipped = t.clone().into_bytes();
        flipped[5] = if flipped[5] == b'A' { b'B' } else { b'A' };
        assert!(!verify(b"key", "user:1:1", std::str::from_utf8(&flipped).unwrap()));
        assert!(!verify(b"key", "user:1:1", "!!!!!!!!!!!!!!!!!!!!!!"), "not base64url");
    }
}
