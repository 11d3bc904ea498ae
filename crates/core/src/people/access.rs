//! Roles a person holds and scopes a personal API token carries.

use serde::Serialize;
use std::fmt;

/// What a person may do. A person may hold several roles (PRODUCT.md, "Roles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Role {
    Admin,
    Coordinator,
    Editor,
    Recruiter,
    Ambassador,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Coordinator,
        Role::Editor,
        Role::Recruiter,
        Role::Ambassador,
    ];

    /// The stored, API and CSV name of the role.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Editor => "editor",
            Role::Recruiter => "recruiter",
            Role::Ambassador => "ambassador",
        }
    }

    /// Parses an English or Polish role name, case-insensitively (CSV files from Polish
    /// HR systems say "koordynator" or "ambasadorka").
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().to_lowercase();
        Some(match s.as_str() {
            "admin" | "administrator" | "administratorka" => Role::Admin,
            "coordinator" | "koordynator" | "koordynatorka" => Role::Coordinator,
            "editor" | "redaktor" | "redaktorka" => Role::Editor,
            "recruiter" | "rekruter" | "rekruterka" => Role::Recruiter,
            "ambassador" | "ambasador" | "ambasadorka" => Role::Ambassador,
            _ => return None,
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a personal API token may do. Every valid token may read whom it belongs to
/// (`GET /api/v1/me`); everything else needs its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Scope {
    /// Read the content library and one's own feed.
    ContentRead,
    /// Create and edit content items (editors).
    ContentWrite,
    /// Create tracked links and confirm shares.
    SharesWrite,
    /// Report conversions (a company's careers site or CRM).
    ConversionsWrite,
    /// Read reports and statistics.
    ReportsRead,
    /// Plan the publication calendar (coordinators and admins).
    CalendarWrite,
    /// Register and remove signed webhook endpoints (admins).
    WebhooksWrite,
}

impl Scope {
    /// Every scope, in the order the UI lists them.
    pub const ALL: [Scope; 7] = [
        Scope::ContentRead,
        Scope::ContentWrite,
        Scope::SharesWrite,
        Scope::ConversionsWrite,
        Scope::ReportsRead,
        Scope::CalendarWrite,
        Scope::WebhooksWrite,
    ];

    /// The name used in the API, the CLI and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::ContentRead => "content:read",
            Scope::ContentWrite => "content:write",
            Scope::SharesWrite => "shares:write",
            Scope::ConversionsWrite => "conversions:write",
            Scope::ReportsRead => "reports:read",
            Scope::CalendarWrite => "calendar:write",
            Scope::WebhooksWrite => "webhooks:write",
        }
    }

    /// Whether a person with these roles may hold a token with this scope: reading
    /// content is for everyone; writing content for editors, coordinators and admins;
    /// sharing for ambassadors; reporting conversions (which credit ambassadors) only
    /// for recruiters and admins, so that nobody can credit themselves; reports for
    /// coordinators, recruiters and admins; planning the calendar for coordinators and
    /// admins; managing webhooks (which receive events about everyone) for admins.
    pub fn allowed_for(self, roles: &[Role]) -> bool {
        let has = |r: Role| roles.contains(&r);
        match self {
            Scope::ContentRead => true,
            Scope::ContentWrite => has(Role::Editor) || has(Role::Coordinator) || has(Role::Admin),
            Scope::SharesWrite => has(Role::Ambassador),
            Scope::ConversionsWrite => has(Role::Recruiter) || has(Role::Admin),
            Scope::ReportsRead => has(Role::Coordinator) || has(Role::Recruiter) || has(Role::Admin),
            Scope::CalendarWrite => has(Role::Coordinator) || has(Role::Admin),
            Scope::WebhooksWrite => has(Role::Admin),
        }
    }

    /// Parses a scope name.
    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|sc| sc.as_str() == s.trim())
    }

    /// Parses a comma- or space-separated list, naming the first unknown scope on error.
    pub fn parse_list(s: &str) -> Result<Vec<Scope>, String> {
        let mut out = Vec::new();
        for part in s.split([',', ' ']).filter(|p| !p.trim().is_empty()) {
            let sc = Scope::parse(part).ok_or_else(|| part.trim().to_string())?;
            if !out.contains(&sc) {
                out.push(sc);
            }
        }
        out.sort();
        Ok(out)
    }

    /// Joins scopes for storage: `content:read,shares:write`.
    pub fn join(scopes: &[Scope]) -> String {
        scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_in_english_and_polish_and_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse(" Ambasadorka "), Some(Role::Ambassador));
        assert_eq!(Role::parse("Koordynator"), Some(Role::Coordinator));
        assert_eq!(Role::parse("boss"), None);
    }

    #[test]
    fn only_recruiters_and_admins_may_report_conversions() {
        assert!(!Scope::ConversionsWrite.allowed_for(&[Role::Ambassador, Role::Editor]));
        assert!(Scope::ConversionsWrite.allowed_for(&[Role::Recruiter]));
        assert!(Scope::ContentRead.allowed_for(&[]));
        assert!(!Scope::SharesWrite.allowed_for(&[Role::Admin]));
    }

    #[test]
    fn scope_lists_parse_deduplicate_and_name_the_unknown_one() {
        assert_eq!(
            Scope::parse_list("shares:write, content:read content:read"),
            Ok(vec![Scope::ContentRead, Scope::SharesWrite])
        );
        assert_eq!(Scope::parse_list("content:read,root"), Err("root".to_string()));
        assert_eq!(Scope::parse_list(""), Ok(vec![]));
        assert_eq!(
            Scope::join(&[Scope::ContentRead, Scope::ConversionsWrite]),
            "content:read,conversions:write"
        );
    }
}
