//! The settings of the two outside identities: the company's LinkedIn app (posting on a
//! member's behalf) and the company's OpenID Connect identity provider (single sign-on).
//! Nothing here contacts either: the addresses are only checked for shape.

use super::{ConfigError, Raw, Secret};

/// The `LinkedIn-Version` header sent when `linkedin_version` is not set: a version is
/// supported for at least a year after its month.
pub const LINKEDIN_VERSION: &str = "202611";

/// The company's LinkedIn app.
#[derive(Debug, Clone)]
pub struct LinkedInConfig {
    pub client_id: String,
    pub client_secret: Secret,
    /// `YYYYMM`, sent as `LinkedIn-Version`.
    pub version: String,
    /// Sign-in and token address, without a trailing slash.
    pub auth_base: String,
    /// API address, without a trailing slash.
    pub api_base: String,
}

/// The company's OpenID Connect identity provider.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The issuer URL exactly as the provider writes it in its discovery document.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<Secret>,
    /// The sign-in button's label; empty means the catalog's "single sign-on".
    pub display_name: String,
    /// Lower-case email domains accepted; empty accepts any.
    pub allowed_domains: Vec<String>,
    /// Passwords off for everyone but `break_glass_email`.
    pub only: bool,
    /// The one admin who may still use a password when `only` is on (lower case).
    pub break_glass_email: Option<String>,
    /// Create an account with no roles on first sign-in.
    pub jit: bool,
    /// Accept an email without `email_verified: true` (providers that never send the
    /// claim, such as Microsoft Entra ID, whose directory the company manages).
    pub trust_unverified_email: bool,
}

/// An `http(s)://host[:port][/path]` address without a trailing slash.
/// Plain `http` only to this machine (local fakes and tests): elsewhere it would send
/// client secrets in the clear and let keys be forged on the way.
fn base(raw: &Raw, key: &str) -> Result<String, ConfigError> {
    let value = raw.get(key).trim().trim_end_matches('/').to_string();
    match url::Url::parse(&value) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some() => Ok(value),
        Ok(u) if u.scheme() == "http" && is_loopback(&u) => Ok(value),
        Ok(u) if u.scheme() == "http" => Err(raw.error(
            key,
            format!("must be https (plain http only to this machine): {value:?}"),
        )),
        _ => Err(raw.error(key, format!("not an https address: {value:?}"))),
    }
}

fn is_loopback(u: &url::Url) -> bool {
    match u.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The LinkedIn app, when `linkedin_client_id` is set (its secret is then required).
pub(super) fn linkedin(raw: &Raw) -> Result<Option<LinkedInConfig>, ConfigError> {
    let client_id = raw.get("linkedin_client_id").trim().to_string();
    if client_id.is_empty() {
        return Ok(None);
    }
    let secret = raw.get("linkedin_client_secret").trim().to_string();
    if secret.is_empty() {
        return Err(raw.error("linkedin_client_secret", "required when linkedin_client_id is set"));
    }
    let version = raw.get("linkedin_version").trim().to_string();
    if version.len() != 6 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(raw.error(
            "linkedin_version",
            format!("expected a month like {LINKEDIN_VERSION}, not {version:?}"),
        ));
    }
    Ok(Some(LinkedInConfig {
        client_id,
        client_secret: Secret::new(secret),
        version,
        auth_base: base(raw, "linkedin_auth_base")?,
        api_base: base(raw, "linkedin_api_base")?,
    }))
}

/// The identity provider, when `oidc_issuer` is set (its client id is then required).
pub(super) fn oidc(
    raw: &Raw,
    flag: impl Fn(&str) -> Result<bool, ConfigError>,
) -> Result<Option<OidcConfig>, ConfigError> {
    let only = flag("oidc_only")?;
    let jit = flag("oidc_jit")?;
    if raw.get("oidc_issuer").trim().is_empty() {
        if only {
            return Err(raw.error("oidc_only", "needs oidc_issuer"));
        }
        return Ok(None);
    }
    // Checked for shape, kept as written: the ID token's `iss` must match it exactly.
    base(raw, "oidc_issuer")?;
    let issuer = raw.get("oidc_issuer").trim().to_string();
    let client_id = raw.get("oidc_client_id").trim().to_string();
    if client_id.is_empty() {
        return Err(raw.error("oidc_client_id", "required when oidc_issuer is set"));
    }
    let allowed_domains = raw
        .get("oidc_allowed_domains")
        .split(',')
        .map(|d| d.trim().trim_start_matches('@').to_lowercase())
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>();
    if let Some(bad) = allowed_domains
        .iter()
        .find(|d| !d.contains('.') || d.contains(char::is_whitespace))
    {
        return Err(raw.error(
            "oidc_allowed_domains",
            format!("not an email domain like firma.pl: {bad:?}"),
        ));
    }
    if jit && allowed_domains.is_empty() {
        return Err(raw.error(
            "oidc_allowed_domains",
            "required when oidc_jit is on: otherwise anyone the identity provider knows gets an account",
        ));
    }
    let break_glass_email = Some(raw.get("oidc_break_glass_email").trim().to_lowercase()).filter(|s| !s.is_empty());
    if only && break_glass_email.is_none() {
        return Err(raw.error(
            "oidc_break_glass_email",
            "required when oidc_only is on: the admin who can still sign in if the identity provider is down",
        ));
    }
    Ok(Some(OidcConfig {
        issuer,
        client_id,
        client_secret: Some(raw.get("oidc_client_secret").trim().to_string())
            .filter(|s| !s.is_empty())
            .map(Secret::new),
        display_name: raw.get("oidc_display_name").trim().to_string(),
        allowed_domains,
        only,
        break_glass_email,
        jit,
        trust_unverified_email: flag("oidc_trust_unverified_email")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::Config;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, super::ConfigError> {
        Config::load(
            Some(std::path::Path::new("/dev/null")),
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        )
    }

    #[test]
    fn linkedin_is_off_without_a_client_id_and_needs_its_secret() {
        assert!(load(&[]).unwrap().linkedin.is_none());
        let e = load(&[("AMBASADA_LINKEDIN_CLIENT_ID", "abc")]).unwrap_err();
        assert_eq!(e.setting, "linkedin_client_secret");
        let c = load(&[
            ("AMBASADA_LINKEDIN_CLIENT_ID", "abc"),
            ("AMBASADA_LINKEDIN_CLIENT_SECRET", "s3cr3t"),
            ("AMBASADA_LINKEDIN_API_BASE", "http://127.0.0.1:9/"),
        ])
        .unwrap();
        let li = c.linkedin.unwrap();
        assert_eq!(li.api_base, "http://127.0.0.1:9");
        assert_eq!(li.auth_base, "https://www.linkedin.com");
        assert_eq!(li.version, super::LINKEDIN_VERSION);
        assert!(!format!("{li:?}").contains("s3cr3t"));
        let e = load(&[
            ("AMBASADA_LINKEDIN_CLIENT_ID", "abc"),
            ("AMBASADA_LINKEDIN_CLIENT_SECRET", "s"),
            ("AMBASADA_LINKEDIN_VERSION", "2025-01"),
        ])
        .unwrap_err();
        assert_eq!(e.setting, "AMBASADA_LINKEDIN_VERSION");
    }

    #[test]
    fn single_sign_on_settings_are_checked() {
        assert!(load(&[]).unwrap().oidc.is_none());
        assert_eq!(
            load(&[("AMBASADA_OIDC_ONLY", "true")]).unwrap_err().setting,
            "AMBASADA_OIDC_ONLY"
        );
        let e = load(&[("AMBASADA_OIDC_ISSUER", "https://login.example.com")]).unwrap_err();
        assert_eq!(e.setting, "oidc_client_id");
        let e = load(&[
            ("AMBASADA_OIDC_ISSUER", "https://login.example.com"),
            ("AMBASADA_OIDC_CLIENT_ID", "amb"),
            ("AMBASADA_OIDC_ONLY", "yes"),
        ])
        .unwrap_err();
        assert_eq!(e.setting, "oidc_break_glass_email");
        let c = load(&[
            ("AMBASADA_OIDC_ISSUER", "https://login.example.com/realms/firma"),
            ("AMBASADA_OIDC_CLIENT_ID", "amb"),
            ("AMBASADA_OIDC_ALLOWED_DOMAINS", "Firma.pl, @example.com"),
        ])
        .unwrap()
        .oidc
        .unwrap();
        assert_eq!(c.allowed_domains, ["firma.pl", "example.com"]);
        assert!(!c.jit && !c.only && !c.trust_unverified_email);
        let e = load(&[
            ("AMBASADA_OIDC_ISSUER", "http://login.example.com"),
            ("AMBASADA_OIDC_CLIENT_ID", "amb"),
        ])
        .unwrap_err();
        assert_eq!(e.setting, "AMBASADA_OIDC_ISSUER", "plain http only to this machine");
        assert!(
            load(&[
                ("AMBASADA_OIDC_ISSUER", "http://127.0.0.1:9000"),
                ("AMBASADA_OIDC_CLIENT_ID", "amb"),
            ])
            .is_ok()
        );
        let e = load(&[
            ("AMBASADA_OIDC_ISSUER", "https://accounts.google.com"),
            ("AMBASADA_OIDC_CLIENT_ID", "amb"),
            ("AMBASADA_OIDC_JIT", "true"),
        ])
        .unwrap_err();
        assert_eq!(e.setting, "oidc_allowed_domains", "just-in-time accounts need domains");
    }
}
