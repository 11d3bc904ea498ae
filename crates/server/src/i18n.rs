//! Translations: Project Fluent catalogs for Polish and English, embedded in the binary.
//!
//! Every user-facing string goes through [`Tr`]. Plural forms come from Fluent's CLDR
//! rules, so Polish gets its one / few / many forms right ("1 osoba", "3 osoby",
//! "5 osób"). A missing message shows its key and logs a warning; a test checks that
//! both catalogs hold the same keys and every key the templates use.

use ambasada_core::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::Arc;
use unic_langid::langid;

/// The catalog sources, for the completeness test.
pub const CATALOGS: [(Locale, &str); 2] = [
    (Locale::Pl, include_str!("../i18n/pl.ftl")),
    (Locale::En, include_str!("../i18n/en.ftl")),
];

/// Both catalogs, parsed once at start.
pub struct I18n {
    pl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl I18n {
    /// Parses the embedded catalogs; a syntax error in them is a bug caught by tests.
    pub fn new() -> I18n {
        let bundle = |lang, src: &str| {
            let res = FluentResource::try_new(src.to_string()).expect("catalog parses");
            let mut b = FluentBundle::new_concurrent(vec![lang]);
            // No Unicode isolation marks around arguments: our pages are left-to-right
            // and the marks would end up in copied text and emails.
            b.set_use_isolating(false);
            b.add_resource(res).expect("catalog has no duplicate keys");
            b
        };
        I18n {
            pl: bundle(langid!("pl"), CATALOGS[0].1),
            en: bundle(langid!("en"), CATALOGS[1].1),
        }
    }

    fn bundle(&self, l: Locale) -> &FluentBundle<FluentResource> {
        match l {
            Locale::Pl => &self.pl,
            Locale::En => &self.en,
        }
    }

    /// The message `key` in language `l`, with arguments.
    pub fn message(&self, l: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(l);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, locale = l.as_str(), "missing translation");
            return key.to_string();
        };
        let mut errors = Vec::new();
        let s = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation error");
        }
        s.into_owned()
    }

    /// Whether a catalog has a message (for keys that come from data).
    pub fn has(&self, l: Locale, key: &str) -> bool {
        self.bundle(l).has_message(key)
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

/// A translator bound to one language: what handlers and templates use.
#[derive(Clone)]
pub struct Tr {
    i18n: Arc<I18n>,
    pub locale: Locale,
}

/// `s` as a number when it is a whole number written plainly: digits, an optional minus,
/// no leading zero, short enough to be exact.
fn plain_integer(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let plain = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if plain { s.parse().ok() } else { None }
}

impl Tr {
    pub fn new(i18n: Arc<I18n>, locale: Locale) -> Tr {
        Tr { i18n, locale }
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.i18n.message(self.locale, key, None)
    }

    /// A message with a `count` argument, choosing the plural form.
    pub fn n(&self, key: &str, count: i64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.i18n.message(self.locale, key, Some(&args))
    }

    /// A message with named string arguments. A whole number written plainly ("3", not
    /// "03" or "3.0") goes in as a number, so that the message can choose its plural form
    /// by it; it is written back the same way.
    pub fn a(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match plain_integer(v) {
                Some(n) => fa.set(*k, FluentValue::from(n)),
                None => fa.set(*k, FluentValue::from(v.to_string())),
            }
        }
        self.i18n.message(self.locale, key, Some(&fa))
    }

    /// A message with one string argument.
    pub fn a1(&self, key: &str, name: &str, value: &str) -> String {
        self.a(key, &[(name, value)])
    }

    /// Whether the message exists.
    pub fn has(&self, key: &str) -> bool {
        self.i18n.has(self.locale, key)
    }

    /// A time, in the given time zone, as the language writes it: `26.11.2026 14:05`
    /// in Polish, `2026-11-26 14:05` in English.
    pub fn datetime(&self, millis: i64, tz: &str) -> String {
        let Ok(ts) = jiff::Timestamp::from_millisecond(millis) else {
            return String::new();
        };
        let tz = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
        let z = ts.to_zoned(tz);
        match self.locale {
            Locale::Pl => z.strftime("%d.%m.%Y %H:%M").to_string(),
            Locale::En => z.strftime("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_have_one_few_and_many_forms() {
        let tr = Tr::new(Arc::new(I18n::new()), Locale::Pl);
        assert_eq!(tr.n("people-count", 1), "1 osoba");
        assert_eq!(tr.n("people-count", 3), "3 osoby");
        assert_eq!(tr.n("people-count", 5), "5 osób");
        assert_eq!(tr.n("people-count", 22), "22 osoby");
        assert_eq!(tr.n("people-count", 25), "25 osób");
        let en = Tr::new(Arc::new(I18n::new()), Locale::En);
        assert_eq!(en.n("people-count", 1), "1 person");
        assert_eq!(en.n("people-count", 5), "5 people");
    }

    #[test]
    fn whole_numbers_in_arguments_choose_plural_forms() {
        let en = Tr::new(Arc::new(I18n::new()), Locale::En);
        assert_eq!(
            en.a("health-linkedin-ok", &[("count", "1")]),
            "One ambassador has no LinkedIn profile set."
        );
        assert_eq!(
            en.a("health-linkedin-ok", &[("count", "3")]),
            "3 ambassadors have no LinkedIn profile set."
        );
        // Not plain numbers: passed on as written.
        assert_eq!(plain_integer("007"), None);
        assert_eq!(plain_integer("1.5"), None);
        assert_eq!(plain_integer("1 000"), None);
        assert_eq!(plain_integer("-"), None);
        assert_eq!(plain_integer("-12"), Some(-12));
        assert_eq!(plain_integer("0"), Some(0));
    }

    fn keys(src: &str) -> std::collections::BTreeSet<String> {
        src.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn both_catalogs_have_the_same_keys() {
        let pl = keys(CATALOGS[0].1);
        let en = keys(CATALOGS[1].1);
        let only_pl: Vec<_> = pl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&pl).collect();
        assert!(
            only_pl.is_empty() && only_en.is_empty(),
            "only in pl: {only_pl:?}; only in en: {only_en:?}"
        );
    }

    /// Every file under these folders of the crate, with its text.
    fn files(roots: &[&str]) -> Vec<(std::path::PathBuf, String)> {
        let mut stack: Vec<std::path::PathBuf> = roots
            .iter()
            .map(|r| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(r))
            .collect();
        let mut out = Vec::new();
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                for e in std::fs::read_dir(&p).unwrap() {
                    stack.push(e.unwrap().path());
                }
            } else {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p, text));
            }
        }
        out
    }

    #[test]
    fn every_key_the_templates_and_code_use_exists() {
        let pl = keys(CATALOGS[0].1);
        let mut missing = Vec::new();
        for (p, text) in files(&["templates", "src"]) {
            for call in [".t(\"", ".n(\"", ".a(\"", ".a1(\"", "tkey(\""] {
                for (i, _) in text.match_indices(call) {
                    let rest = &text[i + call.len()..];
                    let end = rest.find('"').unwrap();
                    let key = &rest[..end];
                    // Keys built in a template ("status-" ~ s) are checked by their tests.
                    let built = rest[end + 1..].trim_start().starts_with('~');
                    if !built && !key.is_empty() && !key.contains('{') && !pl.contains(key) {
                        missing.push(format!("{}: {key}", p.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from the catalogs: {missing:#?}");
    }

    /// Every action the code writes to the audit log (the first string literal of an
    /// `.audit(` call, within its next lines) reads as a sentence in the log
    /// (`web::Ctx::audit_sentence`).
    #[test]
    fn every_audit_action_has_a_sentence() {
        let pl = keys(CATALOGS[0].1);
        let mut missing = Vec::new();
        let mut seen = 0;
        for (p, text) in files(&["src"]) {
            for (i, _) in text.match_indices(".audit(") {
                let call: String = text[i..].chars().take(160).collect();
                let Some(start) = call.find('"') else { continue };
                let Some(len) = call[start + 1..].find('"') else {
                    continue;
                };
                let action = &call[start + 1..start + 1 + len];
                if !action.contains('.') || action.contains(' ') {
                    continue;
                }
                seen += 1;
                // `program.candidate.{}`: one action per decision.
                let actions: Vec<String> = if action == "program.candidate.{}" {
                    ambasada_core::programs::selection::Decision::ALL
                        .iter()
                        .map(|d| format!("program.candidate.{}", d.as_str()))
                        .collect()
                } else {
                    vec![action.to_string()]
                };
                for action in actions {
                    let key = format!("audit-do-{}", action.replace(['.', '_'], "-"));
                    if !pl.contains(&key) {
                        missing.push(format!("{}: {action}", p.display()));
                    }
                }
            }
        }
        assert!(seen >= 20, "found only {seen} audit calls");
        assert!(missing.is_empty(), "audit actions without a sentence: {missing:#?}");
    }
}
