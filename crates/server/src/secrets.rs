//! Secrets kept at rest (LinkedIn access tokens): sealed with XChaCha20-Poly1305 under a
//! key derived from the `secret_key` setting. A sealed value names its purpose as
//! associated data, so a value sealed for one use does not open for another, and a
//! changed `secret_key` makes old values unreadable (they are treated as missing: the
//! person connects again), never a wrong token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// The prefix of this format's sealed values.
const VERSION: &str = "v1.";

/// Seals and opens secrets with the deployment's key.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer([redacted])")
    }
}

impl Sealer {
    /// A sealer whose key is derived from `secret_key` (any length; it is hashed).
    pub fn new(secret_key: &str) -> Sealer {
        let digest: [u8; 32] = Sha256::digest(format!("ambasada sealing key\u{0}{secret_key}").as_bytes()).into();
        Sealer {
            cipher: XChaCha20Poly1305::new(&Key::from(digest)),
        }
    }

    /// `plaintext` sealed for `purpose`: `v1.` and the base64 of nonce and ciphertext.
    pub fn seal(&self, purpose: &str, plaintext: &str) -> String {
        let nonce_bytes: [u8; 24] = rand::random();
        let nonce = XNonce::from(nonce_bytes);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: purpose.as_bytes(),
                },
            )
            .expect("sealing a short value cannot fail");
        let mut out = nonce_bytes.to_vec();
        out.extend_from_slice(&sealed);
        format!("{VERSION}{}", B64.encode(out))
    }

    /// The plaintext of a value sealed for `purpose` with this key; `None` when it was
    /// sealed with another key or for another purpose, or is not a sealed value.
    pub fn open(&self, purpose: &str, sealed: &str) -> Option<String> {
        let bytes = B64.decode(sealed.strip_prefix(VERSION)?).ok()?;
        if bytes.len() < 24 + 16 {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let nonce = XNonce::try_from(nonce).ok()?;
        let plain = self
            .cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: purpose.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Sealer;

    #[test]
    fn a_sealed_value_opens_only_with_its_key_and_purpose() {
        let a = Sealer::new("key one");
        let sealed = a.seal("linkedin token", "AQX-token");
        assert!(sealed.starts_with("v1."));
        assert!(!sealed.contains("AQX-token"));
        assert_eq!(a.open("linkedin token", &sealed).as_deref(), Some("AQX-token"));
        assert_eq!(a.open("other purpose", &sealed), None);
        assert_eq!(Sealer::new("key two").open("linkedin token", &sealed), None);
        assert_ne!(a.seal("linkedin token", "AQX-token"), sealed, "a fresh nonce each time");
        assert_eq!(a.open("linkedin token", "v1.AAAA"), None);
        assert_eq!(a.open("linkedin token", "AQX-token"), None);
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(a.open("linkedin token", &String::from_utf8(tampered).unwrap()), None);
    }
}
