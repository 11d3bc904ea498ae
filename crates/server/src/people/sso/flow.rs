//! One sign-in in progress: its state, nonce, PKCE verifier, where to go afterwards and
//! when it expires, kept between `/login/sso` and the callback in a short-lived HttpOnly
//! cookie sealed with the deployment's key, so that any server instance can finish a
//! sign-in another one started, without a table.

use crate::secrets::Sealer;
use ambasada_core::{MINUTE, Millis};
use axum_extra::extract::cookie::Cookie;
use serde::{Deserialize, Serialize};

/// The cookie's name.
pub const COOKIE: &str = "amb_sso";
/// Only the sign-in's own paths receive it.
const PATH: &str = "/login/sso";
/// What the sealed value is for (a value sealed for anything else does not open).
const PURPOSE: &str = "sso flow";
/// How long a person may take at the identity provider.
pub const TTL: Millis = 10 * MINUTE;
/// A longer `next` is not kept (it is only a convenience).
const NEXT_MAX: usize = 1000;

/// A sign-in in progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flow {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// A local path (already checked by `web::safe_next`).
    pub next: String,
    pub expires: Millis,
}

impl Flow {
    pub fn new(state: &str, nonce: &str, verifier: &str, next: &str) -> Flow {
        Flow {
            state: state.to_string(),
            nonce: nonce.to_string(),
            verifier: verifier.to_string(),
            next: if next.len() <= NEXT_MAX { next } else { "/app" }.to_string(),
            expires: crate::now() + TTL,
        }
    }

    /// The flow as a cookie, sealed.
    pub fn cookie(&self, sealer: &Sealer, https: bool) -> Cookie<'static> {
        let json = serde_json::to_string(self).unwrap_or_default();
        let mut c = crate::web::cookie(COOKIE, sealer.seal(PURPOSE, &json), https);
        c.set_path(PATH);
        c.set_max_age(Some(time::Duration::milliseconds(TTL)));
        c
    }

    /// The flow of a cookie's value: `None` when it does not open with this key, is not
    /// a flow, or has expired.
    pub fn open(sealer: &Sealer, value: &str, now: Millis) -> Option<Flow> {
        let flow: Flow = serde_json::from_str(&sealer.open(PURPOSE, value)?).ok()?;
        (flow.expires > now).then_some(flow)
    }

    /// Removes the cookie.
    pub fn removal(https: bool) -> Cookie<'static> {
        let mut c = crate::web::cookie(COOKIE, String::new(), https);
        c.set_path(PATH);
        c.make_removal();
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flow_opens_with_its_key_until_it_expires() {
        let sealer = Sealer::new("k");
        let flow = Flow::new("st", "no", "ve", "/app/feed");
        let c = flow.cookie(&sealer, true);
        assert_eq!(c.path(), Some(PATH));
        assert_eq!(c.http_only(), Some(true));
        assert_eq!(c.secure(), Some(true));
        assert!(!c.value().contains("no"), "sealed, not readable");
        let back = Flow::open(&sealer, c.value(), crate::now()).unwrap();
        assert_eq!(
            (back.state.as_str(), back.nonce.as_str(), back.next.as_str()),
            ("st", "no", "/app/feed")
        );
        assert!(Flow::open(&sealer, c.value(), flow.expires).is_none(), "expired");
        assert!(Flow::open(&Sealer::new("other"), c.value(), crate::now()).is_none());
        assert!(Flow::open(&sealer, &sealer.seal("linkedin token", "{}"), crate::now()).is_none());
        assert_eq!(Flow::new("s", "n", "v", &format!("/{}", "a".repeat(2000))).next, "/app");
    }
}
