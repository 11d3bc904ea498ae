//! People: email addresses, names, languages, social networks, passwords.

pub mod access;
pub mod import;
pub mod throttle;

use serde::Serialize;
use std::fmt;

/// Why a value from the outside was refused. The variants name a message in the
/// catalogs (`error-<kebab name>`), so the UI can say it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the value is required")]
    Required,
    #[error("not a valid email address")]
    Email,
    #[error("the value is too long")]
    TooLong,
    #[error("the value contains invalid (control) characters")]
    Characters,
    #[error("unknown language")]
    Locale,
    #[error("the password is too short")]
    PasswordTooShort,
    #[error("the password is too long")]
    PasswordTooLong,
    #[error("not a valid profile URL for this network")]
    ProfileUrl,
    #[error("not a valid post URL for this network")]
    PostUrl,
    #[error("not a valid number")]
    Number,
}

impl Invalid {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            Invalid::Required => "error-required",
            Invalid::Email => "error-email",
            Invalid::TooLong => "error-too-long",
            Invalid::Characters => "error-invalid-characters",
            Invalid::Locale => "error-locale",
            Invalid::PasswordTooShort => "error-password-short",
            Invalid::PasswordTooLong => "error-password-long",
            Invalid::ProfileUrl => "error-profile-url",
            Invalid::PostUrl => "error-post-url",
            Invalid::Number => "error-number",
        }
    }
}

/// An email address, trimmed and lower-cased, so that one person is one address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` with no spaces, at most 254 characters.
    /// This is deliberately not RFC 5322: it refuses what users mistype and keeps
    /// what mail servers accept.
    pub fn parse(s: &str) -> Result<Email, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().count() > 254 {
            return Err(Invalid::TooLong);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(Invalid::Email)?;
        let ok_chars = |p: &str| {
            !p.is_empty()
                && !p
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c))
        };
        let domain_ok = ok_chars(domain)
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if !ok_chars(local) || !domain_ok {
            return Err(Invalid::Email);
        }
        Ok(Email(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A first or last name: trimmed, 1 to 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(s: &str) -> Result<PersonName, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().any(char::is_control) {
            return Err(Invalid::Characters);
        }
        if s.chars().count() > 100 {
            return Err(Invalid::TooLong);
        }
        Ok(PersonName(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Locale {
    #[default]
    Pl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Pl, Locale::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Pl => "pl",
            Locale::En => "en",
        }
    }

    /// Parses `pl`, `en`, also with a region (`en-GB`) or as a name (`polski`).
    pub fn parse(s: &str) -> Result<Locale, Invalid> {
        let s = s.trim().to_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "pl" | "polski" | "polish" => Ok(Locale::Pl),
            "en" | "english" | "angielski" => Ok(Locale::En),
            "" => Err(Invalid::Required),
            _ => Err(Invalid::Locale),
        }
    }

    /// Picks the best supported language from an `Accept-Language` header, honouring
    /// quality values; `None` when the header names none we speak.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut it = part.split(';');
            let tag = it.next().unwrap_or("").trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Ok(l) = Locale::parse(tag)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, l));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// A social network an ambassador posts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Network {
    Linkedin,
    X,
    Facebook,
    Xing,
}

impl Network {
    pub const ALL: [Network; 4] = [Network::Linkedin, Network::X, Network::Facebook, Network::Xing];

    pub fn as_str(self) -> &'static str {
        match self {
            Network::Linkedin => "linkedin",
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Xing => "xing",
        }
    }

    pub fn parse(s: &str) -> Option<Network> {
        Network::ALL.into_iter().find(|n| n.as_str() == s.trim().to_lowercase())
    }

    /// The name people know the network by.
    pub fn label(self) -> &'static str {
        match self {
            Network::Linkedin => "LinkedIn",
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::Xing => "XING",
        }
    }

    /// Hosts a profile or post URL on this network may live on.
    pub fn hosts(self) -> &'static [&'static str] {
        match self {
            Network::Linkedin => &["linkedin.com"],
            Network::X => &["x.com", "twitter.com"],
            Network::Facebook => &["facebook.com", "fb.com"],
            Network::Xing => &["xing.com"],
        }
    }

    /// Checks that `url` is an https (or http) URL on this network's domain or a
    /// subdomain of it: `https://pl.linkedin.com/in/jan` is fine,
    /// `https://linkedin.com.evil.example/` is not. The URL is parsed as a browser
    /// parses it (the `url` crate follows the WHATWG URL standard), so the host checked is
    /// the one a click would open: `https://evil.example\.linkedin.com/` is refused, as
    /// browsers read its backslash as a slash. No user name, password or port, at most
    /// 500 characters, no spaces or control characters. Returns the URL as the `url`
    /// crate serialises it.
    pub fn parse_profile_url(self, url: &str) -> Result<String, Invalid> {
        let url = url.trim();
        if url.is_empty() || url.chars().count() > 500 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Invalid::ProfileUrl);
        }
        let parsed = url::Url::parse(url).map_err(|_| Invalid::ProfileUrl)?;
        let plain = matches!(parsed.scheme(), "https" | "http")
            && parsed.username().is_empty()
            && parsed.password().is_none()
            && parsed.port().is_none();
        let on_network = match parsed.host() {
            Some(url::Host::Domain(host)) => self
                .hosts()
                .iter()
                .any(|h| host == *h || host.ends_with(&format!(".{h}"))),
            _ => false,
        };
        if plain && on_network {
            Ok(String::from(parsed))
        } else {
            Err(Invalid::ProfileUrl)
        }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A new password as typed: at least 8 and at most 256 characters. Length is the
/// rule that matters (NIST SP 800-63B); composition rules are not imposed.
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 8;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(s: &str) -> Result<Password, Invalid> {
        let n = s.chars().count();
        if n < Self::MIN_CHARS {
            Err(Invalid::PasswordTooShort)
        } else if n > Self::MAX_CHARS {
            Err(Invalid::PasswordTooLong)
        } else {
            Ok(Password(s.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            Email::parse("  Jan.Kowalski@Firma.PL ").unwrap().as_str(),
            "jan.kowalski@firma.pl"
        );
        assert_eq!(Email::parse(""), Err(Invalid::Required));
        for bad in [
            "jan",
            "jan@",
            "@firma.pl",
            "jan@firma",
            "jan kowalski@firma.pl",
            "a@b..pl",
            "a@.b.pl",
        ] {
            assert_eq!(Email::parse(bad), Err(Invalid::Email), "{bad}");
        }
    }

    #[test]
    fn names_keep_polish_letters_and_refuse_empty_ones() {
        assert_eq!(PersonName::parse(" Żaneta ").unwrap().as_str(), "Żaneta");
        assert_eq!(PersonName::parse("  "), Err(Invalid::Required));
        assert_eq!(PersonName::parse(&"a".repeat(101)), Err(Invalid::TooLong));
    }

    #[test]
    fn accept_language_honours_quality_values() {
        assert_eq!(
            Locale::from_accept_language("en-US,en;q=0.9,pl;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE, pl;q=0.5, en;q=0.4"),
            Some(Locale::Pl)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language("pl;q=0"), None);
    }

    #[test]
    fn profile_urls_must_be_on_the_networks_domain() {
        let li = Network::Linkedin;
        assert!(li.parse_profile_url("https://www.linkedin.com/in/jan").is_ok());
        assert!(li.parse_profile_url("https://pl.linkedin.com/in/jan").is_ok());
        assert!(
            li.parse_profile_url("https://linkedin.com.evil.example/in/jan")
                .is_err()
        );
        assert!(li.parse_profile_url("https://evil.example/?linkedin.com").is_err());
        assert!(li.parse_profile_url("javascript:alert(1)").is_err());
        assert!(li.parse_profile_url("https://user@linkedin.com/").is_err());
        // Browsers read a backslash as a slash: the host is evil.example.
        assert!(
            li.parse_profile_url("https://evil.example\\.linkedin.com/in/x")
                .is_err()
        );
        assert!(
            li.parse_profile_url("https://evil.example%5C.linkedin.com/in/x")
                .is_err()
        );
        assert!(li.parse_profile_url("https://linkedin.com:8443/in/x").is_err());
        assert!(li.parse_profile_url("https://127.0.0.1/in/x").is_err());
        assert!(li.parse_profile_url("https://xlinkedin.com/in/x").is_err());
        assert_eq!(
            li.parse_profile_url(" https://PL.LinkedIn.com/in/jan ").as_deref(),
            Ok("https://pl.linkedin.com/in/jan")
        );
        assert!(Network::X.parse_profile_url("https://twitter.com/jan").is_ok());
    }

    #[test]
    fn passwords_need_eight_characters() {
        assert_eq!(Password::parse("krótkie").err(), Some(Invalid::PasswordTooShort));
        assert!(Password::parse("zażółćgę").is_ok());
        assert_eq!(
            format!("{:?}", Password::parse("sekret123").unwrap()),
            "Password([redacted])"
        );
    }
}
