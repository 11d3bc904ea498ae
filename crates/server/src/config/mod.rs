//! Configuration: defaults, then an optional TOML file, then `AMBASADA_*` variables.
//! A wrong value stops start-up with one line naming the setting and where it came from.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;

pub mod identity;

/// A value that must never reach a log: `Debug` prints `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// How to talk TLS to the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (a local relay, or tests).
    None,
    /// STARTTLS, required (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// Where and how email goes out.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub from: String,
    pub tls: SmtpTls,
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://PATH` or `postgres://...`; may hold a password, so it is a secret.
    pub database_url: Secret,
    pub bind: SocketAddr,
    /// The public address, without a trailing slash: links in emails and tracked links
    /// start with it; an `https` one makes cookies `Secure`.
    pub base_url: String,
    /// Where uploaded files live.
    pub data_dir: String,
    pub smtp: Option<SmtpConfig>,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_proxy: bool,
    pub log_format: LogFormat,
    /// Let webhooks (signed webhook endpoints, Slack and Teams) post to this machine and
    /// private networks (`http` to loopback, `https` anywhere): only the demo and the
    /// tests turn it on. Off, a webhook URL must be `https` to a public address, checked
    /// again when posting (see `ambasada_core::integrations::WebhookUrl`).
    pub webhooks_allow_private: bool,
    /// What an answered click survives, and how many clicks may wait for the click
    /// loader before redirects answer 503.
    pub clicks: ambasada_store::tracking::ClickOptions,
    /// How long personal data is kept (the daily retention run).
    pub retention: ambasada_core::retention::Retention,
    /// The bearer token `/metrics` requires; without one `/metrics` is not served.
    pub metrics_token: Option<Secret>,
    /// The key that encrypts stored LinkedIn tokens; without one, the key generated into
    /// the database on first start is used.
    pub secret_key: Option<Secret>,
    /// The company's LinkedIn app, when one is configured.
    pub linkedin: Option<identity::LinkedInConfig>,
    /// The company's identity provider, when one is configured.
    pub oidc: Option<identity::OidcConfig>,
}

/// Every setting, its default and its meaning: the one list the README documents.
pub const SETTINGS: &[(&str, &str, &str)] = &[
    (
        "database_url",
        "sqlite://./ambasada.db",
        "sqlite://PATH or postgres://USER:PASSWORD@HOST/DB",
    ),
    ("bind", "127.0.0.1:8080", "address and port to listen on"),
    (
        "base_url",
        "http://127.0.0.1:8080",
        "public URL of this server, used in emails and links",
    ),
    ("data_dir", "./data", "directory for uploaded files"),
    (
        "smtp_host",
        "",
        "SMTP server; without it emails wait in the outbox, visible to admins",
    ),
    ("smtp_port", "587", "SMTP port"),
    ("smtp_username", "", "SMTP user name"),
    ("smtp_password", "", "SMTP password"),
    ("smtp_from", "Ambasada <ambasada@localhost>", "sender address"),
    ("smtp_tls", "starttls", "none, starttls or tls"),
    ("trust_proxy", "false", "read the client address from X-Forwarded-For"),
    ("log_format", "text", "text or json"),
    (
        "metrics_token",
        "",
        "bearer token that GET /metrics requires; empty: /metrics is not served",
    ),
    (
        "webhooks_allow_private",
        "false",
        "let webhooks (signed endpoints, Slack and Teams) post to this machine and private networks (demo and tests only)",
    ),
    (
        "retention_applications_months",
        "6",
        "months a candidate's application and CV are kept after the offer closed",
    ),
    (
        "retention_consented_months",
        "24",
        "months the consent to future recruitments on the careers form lasts, from the application",
    ),
    (
        "retention_raw_clicks_days",
        "180",
        "days raw click rows are kept (at least 35); the daily roll-ups keep every count",
    ),
    (
        "retention_notifications_days",
        "180",
        "days in-app notifications are kept",
    ),
    (
        "retention_messages_days",
        "90",
        "days the bodies of sent emails and webhook messages are kept",
    ),
    ("retention_audit_days", "730", "days audit log entries are kept"),
    (
        "click_durability",
        "process",
        "what an answered click survives: process (a killed process) or fsync (also a power cut)",
    ),
    (
        "click_backlog",
        "500000",
        "clicks that may wait for the click loader; past it redirects answer 503 with Retry-After",
    ),
    (
        "secret_key",
        "",
        "key that encrypts stored LinkedIn tokens; empty: one is generated into the database on first start",
    ),
    (
        "linkedin_client_id",
        "",
        "client id of the company's LinkedIn app; empty: connecting LinkedIn is not offered",
    ),
    (
        "linkedin_client_secret",
        "",
        "client secret of the company's LinkedIn app",
    ),
    (
        "linkedin_version",
        identity::LINKEDIN_VERSION,
        "LinkedIn-Version header of the Posts and Images API (YYYYMM)",
    ),
    (
        "linkedin_auth_base",
        "https://www.linkedin.com",
        "LinkedIn's sign-in and token address",
    ),
    (
        "linkedin_api_base",
        "https://api.linkedin.com",
        "LinkedIn's API address",
    ),
    (
        "oidc_issuer",
        "",
        "OpenID Connect issuer of the company's identity provider; empty: no single sign-on",
    ),
    ("oidc_client_id", "", "client id registered at the identity provider"),
    (
        "oidc_client_secret",
        "",
        "client secret registered at the identity provider",
    ),
    (
        "oidc_display_name",
        "",
        "the sign-in button's label, such as Microsoft 365 (empty: single sign-on)",
    ),
    (
        "oidc_allowed_domains",
        "",
        "comma-separated email domains single sign-on accepts (empty: any domain)",
    ),
    (
        "oidc_only",
        "false",
        "passwords off for everyone but the break-glass admin (oidc_break_glass_email)",
    ),
    (
        "oidc_break_glass_email",
        "",
        "the one admin who may still sign in with a password when oidc_only is on",
    ),
    (
        "oidc_trust_unverified_email",
        "false",
        "accept an email the identity provider does not mark verified (Microsoft Entra ID sends no email_verified)",
    ),
    (
        "oidc_jit",
        "false",
        "create an account with no roles on first single sign-on (otherwise an admin must invite)",
    ),
];

/// `AMBASADA_*` variables that are not settings: the config file's path, the test
/// suite's PostgreSQL server, `user create`'s password.
const NOT_SETTINGS: &[&str] = &["CONFIG", "TEST_POSTGRES", "USER_PASSWORD"];

/// A setting that was renamed: its old name and its new one.
const RENAMED: (&str, &str) = ("webhooks_allow_local", "webhooks_allow_private");

/// The error for a setting given by its old name.
fn renamed(given: &str, origin: &str) -> ConfigError {
    ConfigError {
        setting: given.to_string(),
        origin: origin.to_string(),
        reason: format!("renamed to {} (it covers signed webhooks too)", RENAMED.1),
    }
}

/// A setting that could not be used: names it, where it came from, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting} ({origin}): {reason}")]
pub struct ConfigError {
    pub setting: String,
    pub origin: String,
    pub reason: String,
}

struct Raw {
    values: BTreeMap<&'static str, (String, String)>,
}

impl Raw {
    fn get(&self, key: &str) -> &str {
        &self.values[key].0
    }
    /// A secret setting, when not empty.
    fn secret(&self, key: &str) -> Option<Secret> {
        Some(self.get(key).trim().to_string())
            .filter(|s| !s.is_empty())
            .map(Secret)
    }
    fn error(&self, key: &str, reason: impl Into<String>) -> ConfigError {
        let source = &self.values[key].1;
        let setting = if source == "environment" {
            format!("AMBASADA_{}", key.to_uppercase())
        } else {
            key.to_string()
        };
        ConfigError {
            setting,
            origin: source.clone(),
            reason: reason.into(),
        }
    }
}

impl Config {
    /// Loads defaults, then `file` (when given, it must exist; otherwise `ambasada.toml`
    /// in the working directory when present), then the environment `env`.
    pub fn load(file: Option<&Path>, env: impl IntoIterator<Item = (String, String)>) -> Result<Config, ConfigError> {
        let mut raw = Raw {
            values: SETTINGS
                .iter()
                .map(|(k, d, _)| (*k, (d.to_string(), "default".to_string())))
                .collect(),
        };
        let (path, required) = match file {
            Some(p) => (p.to_path_buf(), true),
            None => (Path::new("ambasada.toml").to_path_buf(), false),
        };
        let shown = path.display().to_string();
        let file_err = |reason: String| ConfigError {
            setting: "config file".into(),
            origin: shown.clone(),
            reason,
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let table: toml::Table = text
                    .parse()
                    .map_err(|e: toml::de::Error| file_err(e.message().to_string()))?;
                for (k, v) in table {
                    if k == RENAMED.0 {
                        return Err(renamed(&k, &shown));
                    }
                    let Some((key, _, _)) = SETTINGS.iter().find(|(s, _, _)| *s == k) else {
                        return Err(file_err(format!("unknown setting {k:?}")));
                    };
                    let v = match v {
                        toml::Value::String(s) => s,
                        toml::Value::Integer(i) => i.to_string(),
                        toml::Value::Boolean(b) => b.to_string(),
                        _ => return Err(file_err(format!("{k}: expected a string, number or boolean"))),
                    };
                    raw.values.insert(key, (v, shown.clone()));
                }
            }
            Err(e) if required || e.kind() != std::io::ErrorKind::NotFound => {
                return Err(file_err(e.to_string()));
            }
            Err(_) => {}
        }
        for (k, v) in env {
            let Some(name) = k.strip_prefix("AMBASADA_") else {
                continue;
            };
            if name.eq_ignore_ascii_case(RENAMED.0) {
                return Err(renamed(&k, "environment"));
            }
            match SETTINGS.iter().find(|(s, _, _)| s.eq_ignore_ascii_case(name)) {
                Some((key, _, _)) => {
                    raw.values.insert(key, (v, "environment".to_string()));
                }
                // A misspelt variable would otherwise be ignored without a word.
                None if !NOT_SETTINGS.contains(&name) => {
                    return Err(ConfigError {
                        setting: k.clone(),
                        origin: "environment".into(),
                        reason: format!(
                            "unknown setting; known: {}",
                            SETTINGS
                                .iter()
                                .map(|(s, _, _)| format!("AMBASADA_{}", s.to_uppercase()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    });
                }
                None => {}
            }
        }
        Config::from_raw(&raw)
    }

    fn from_raw(raw: &Raw) -> Result<Config, ConfigError> {
        let database_url = raw.get("database_url").trim().to_string();
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(raw.error("database_url", "must start with sqlite:// or postgres://"));
        }
        let bind = raw.get("bind").trim().parse::<SocketAddr>().map_err(|_| {
            raw.error(
                "bind",
                format!("not an address like 127.0.0.1:8080: {:?}", raw.get("bind")),
            )
        })?;
        let base_url = parse_base_url(raw.get("base_url")).map_err(|r| raw.error("base_url", r))?;
        let smtp = if raw.get("smtp_host").trim().is_empty() {
            None
        } else {
            let port = raw
                .get("smtp_port")
                .trim()
                .parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| raw.error("smtp_port", format!("not a port number: {:?}", raw.get("smtp_port"))))?;
            let tls = match raw.get("smtp_tls").trim() {
                "none" => SmtpTls::None,
                "starttls" => SmtpTls::StartTls,
                "tls" => SmtpTls::Tls,
                other => return Err(raw.error("smtp_tls", format!("expected none, starttls or tls, not {other:?}"))),
            };
            let from = raw.get("smtp_from").trim().to_string();
            if from.parse::<lettre::message::Mailbox>().is_err() {
                return Err(raw.error(
                    "smtp_from",
                    format!("not an address like \"Ambasada <hr@firma.pl>\": {from:?}"),
                ));
            }
            let opt = |k: &str| Some(raw.get(k).to_string()).filter(|s| !s.is_empty());
            Some(SmtpConfig {
                host: raw.get("smtp_host").trim().to_string(),
                port,
                username: opt("smtp_username"),
                password: opt("smtp_password").map(Secret),
                from,
                tls,
            })
        };
        let flag = |key: &str| match raw.get(key).trim() {
            "true" | "1" | "yes" => Ok(true),
            "false" | "0" | "no" | "" => Ok(false),
            other => Err(raw.error(key, format!("expected true or false, not {other:?}"))),
        };
        let trust_proxy = flag("trust_proxy")?;
        let webhooks_allow_private = flag("webhooks_allow_private")?;
        let log_format = match raw.get("log_format").trim() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => return Err(raw.error("log_format", format!("expected text or json, not {other:?}"))),
        };
        Ok(Config {
            clicks: click_options(raw)?,
            retention: retention(raw)?,
            database_url: Secret(database_url),
            bind,
            base_url,
            data_dir: raw.get("data_dir").trim().to_string(),
            smtp,
            trust_proxy,
            log_format,
            webhooks_allow_private,
            metrics_token: raw.secret("metrics_token"),
            secret_key: raw.secret("secret_key"),
            linkedin: identity::linkedin(raw)?,
            oidc: identity::oidc(raw, flag)?,
        })
    }

    /// True when the public address is https: cookies are then `Secure`.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// `click_durability` and `click_backlog`.
fn click_options(raw: &Raw) -> Result<ambasada_store::tracking::ClickOptions, ConfigError> {
    let durability = ambasada_store::tracking::Durability::parse(raw.get("click_durability")).ok_or_else(|| {
        raw.error(
            "click_durability",
            format!("expected process or fsync, not {:?}", raw.get("click_durability")),
        )
    })?;
    let backlog = raw
        .get("click_backlog")
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            raw.error(
                "click_backlog",
                format!("not a positive number of clicks: {:?}", raw.get("click_backlog")),
            )
        })?;
    Ok(ambasada_store::tracking::ClickOptions { durability, backlog })
}

/// The `retention_*` settings: whole numbers, raw clicks at least
/// [`MIN_RAW_CLICKS_DAYS`](ambasada_core::retention::MIN_RAW_CLICKS_DAYS) days.
fn retention(raw: &Raw) -> Result<ambasada_core::retention::Retention, ConfigError> {
    let number = |key: &str, min: u32| {
        raw.get(key)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n >= min && *n <= 100_000)
            .ok_or_else(|| {
                raw.error(
                    key,
                    format!("expected a whole number from {min}, not {:?}", raw.get(key)),
                )
            })
    };
    Ok(ambasada_core::retention::Retention {
        applications_months: number("retention_applications_months", 1)?,
        consented_months: number("retention_consented_months", 1)?,
        raw_clicks_days: number(
            "retention_raw_clicks_days",
            ambasada_core::retention::MIN_RAW_CLICKS_DAYS,
        )?,
        notifications_days: number("retention_notifications_days", 1)?,
        messages_days: number("retention_messages_days", 1)?,
        audit_days: number("retention_audit_days", 1)?,
    })
}

fn parse_base_url(s: &str) -> Result<String, String> {
    let s = s.trim().trim_end_matches('/');
    let url = url::Url::parse(s).map_err(|_| format!("not a URL: {s:?}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(format!("must be an http:// or https:// URL: {s:?}"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("must not have a query or fragment: {s:?}"));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_serve_sqlite_locally_without_smtp() {
        let dir = std::env::temp_dir().join("ambasada-config-test-none");
        let c = Config::load(Some(&dir.join("missing.toml")), env(&[]));
        assert!(c.is_err(), "a named file must exist");
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert!(c.smtp.is_none());
        assert!(!c.is_https());
        assert!(!c.webhooks_allow_private, "webhooks post to public addresses only");
    }

    #[test]
    fn local_webhooks_are_allowed_from_the_file_or_the_environment() {
        let dir = std::env::temp_dir().join(format!("ambasada-config-webhooks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.toml");
        std::fs::write(&file, "webhooks_allow_private = true\n").unwrap();
        assert!(Config::load(Some(&file), env(&[])).unwrap().webhooks_allow_private);
        let c = Config::load(Some(&file), env(&[("AMBASADA_WEBHOOKS_ALLOW_PRIVATE", "false")])).unwrap();
        assert!(!c.webhooks_allow_private, "the environment wins");
        let c = Config::load(None, env(&[("AMBASADA_WEBHOOKS_ALLOW_PRIVATE", "1")])).unwrap();
        assert!(c.webhooks_allow_private);
        let e = Config::load(None, env(&[("AMBASADA_WEBHOOKS_ALLOW_PRIVATE", "sure")])).unwrap_err();
        assert_eq!(e.setting, "AMBASADA_WEBHOOKS_ALLOW_PRIVATE");
        // The old name is refused with the new one named, not ignored.
        let e = Config::load(None, env(&[("AMBASADA_WEBHOOKS_ALLOW_LOCAL", "true")])).unwrap_err();
        assert!(e.reason.contains("renamed to webhooks_allow_private"), "{e}");
        std::fs::write(&file, "webhooks_allow_local = true\n").unwrap();
        let e = Config::load(Some(&file), env(&[])).unwrap_err();
        assert_eq!(e.setting, "webhooks_allow_local");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn click_durability_and_backlog_are_settings_with_the_same_words_on_both_engines() {
        use ambasada_store::tracking::{ClickOptions, Durability};
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.clicks, ClickOptions::default());
        assert_eq!(c.clicks.durability, Durability::Process);
        let c = Config::load(
            None,
            env(&[
                ("AMBASADA_CLICK_DURABILITY", " fsync "),
                ("AMBASADA_CLICK_BACKLOG", "1000"),
            ]),
        )
        .unwrap();
        assert_eq!(c.clicks.durability, Durability::Fsync);
        assert_eq!(c.clicks.backlog, 1000);
        let e = Config::load(None, env(&[("AMBASADA_CLICK_DURABILITY", "power")])).unwrap_err();
        assert_eq!(e.setting, "AMBASADA_CLICK_DURABILITY");
        assert!(e.reason.contains("process or fsync"), "{}", e.reason);
        for bad in ["0", "-5", "lots"] {
            let e = Config::load(None, env(&[("AMBASADA_CLICK_BACKLOG", bad)])).unwrap_err();
            assert_eq!(e.setting, "AMBASADA_CLICK_BACKLOG", "{bad}");
        }
    }

    #[test]
    fn environment_overrides_the_file_and_errors_name_the_setting() {
        let dir = std::env::temp_dir().join(format!("ambasada-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.toml");
        std::fs::write(
            &file,
            "bind = \"0.0.0.0:9000\"\nbase_url = \"https://amb.firma.pl/\"\nsmtp_host = \"mail\"\n",
        )
        .unwrap();
        let c = Config::load(Some(&file), env(&[("AMBASADA_BIND", "127.0.0.1:9001")])).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:9001");
        assert_eq!(c.base_url, "https://amb.firma.pl");
        assert!(c.is_https());
        assert_eq!(c.smtp.unwrap().tls, SmtpTls::StartTls);

        let e = Config::load(Some(&file), env(&[("AMBASADA_BASE_URL", "ftp://x")])).unwrap_err();
        assert_eq!(e.setting, "AMBASADA_BASE_URL");
        assert_eq!(e.origin, "environment");
        let e = Config::load(None, env(&[("AMBASADA_DATABASE_URL", "mysql://x")])).unwrap_err();
        assert!(e.to_string().starts_with("AMBASADA_DATABASE_URL (environment): "));
        let e = Config::load(None, env(&[("AMBASADA_BASEURL", "https://x.example")])).unwrap_err();
        assert_eq!(e.setting, "AMBASADA_BASEURL");
        assert!(e.reason.starts_with("unknown setting"));
        assert!(Config::load(None, env(&[("AMBASADA_TEST_POSTGRES", "postgres://x")])).is_ok());
        std::fs::write(&file, "bnid = \"x\"\n").unwrap();
        let e = Config::load(Some(&file), env(&[])).unwrap_err();
        assert!(e.reason.contains("unknown setting \"bnid\""));
    }

    #[test]
    fn secrets_do_not_print() {
        let c = Config::load(
            None,
            env(&[
                ("AMBASADA_SMTP_HOST", "mail"),
                ("AMBASADA_SMTP_PASSWORD", "hunter2"),
                ("AMBASADA_DATABASE_URL", "postgres://a:pw@h/d"),
            ]),
        )
        .unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2") && !shown.contains("pw@"), "{shown}");
    }
}
