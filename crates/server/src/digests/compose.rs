//! The digest email: plain text in the person's language, like the other emails, each
//! entry with its link, and the settings and unsubscribe links at the end.

use super::Contents;
use crate::AppState;
use crate::i18n::Tr;
use ambasada_core::calendar::digest::Frequency;
use ambasada_core::{Millis, Network};
use ambasada_store::digests::DigestRecipient;
use jiff::tz::TimeZone;

/// At most this many entries of each section are listed; the rest are counted.
const SECTION_LIMIT: usize = 20;

/// `30.11.2026 09:00–17:00`, or both ends in full when the window spans days.
fn window(tr: &Tr, tz: &TimeZone, time_zone: &str, starts_at: Millis, ends_at: Millis) -> String {
    let local = |t: Millis| {
        jiff::Timestamp::from_millisecond(t)
            .ok()
            .map(|ts| ts.to_zoned(tz.clone()))
    };
    let start = tr.datetime(starts_at, time_zone);
    match (local(starts_at), local(ends_at)) {
        (Some(s), Some(e)) if s.date() == e.date() => format!("{start}–{}", e.strftime("%H:%M")),
        _ => format!("{start} – {}", tr.datetime(ends_at, time_zone)),
    }
}

/// Appends a section: its heading, then each entry as `- text` with its link below.
fn section(out: &mut String, tr: &Tr, heading: String, entries: Vec<(String, String)>) {
    if entries.is_empty() {
        return;
    }
    out.push_str(&heading);
    out.push('\n');
    let total = entries.len();
    for (text, link) in entries.into_iter().take(SECTION_LIMIT) {
        out.push_str(&format!("- {text}\n  {link}\n"));
    }
    if total > SECTION_LIMIT {
        let more = (total - SECTION_LIMIT).to_string();
        out.push_str(&tr.a1("email-digest-more", "count", &more));
        out.push('\n');
    }
    out.push('\n');
}

/// The subject and body of a digest.
pub(super) fn email(
    state: &AppState,
    r: &DigestRecipient,
    frequency: Frequency,
    c: &Contents,
    tz: &TimeZone,
    unsubscribe: &str,
) -> (String, String) {
    let tr = Tr::new(state.i18n.clone(), r.locale);
    let base = &state.config.base_url;
    let weekly = frequency == Frequency::Weekly;
    let subject = tr.t(if weekly {
        "email-digest-subject-weekly"
    } else {
        "email-digest-subject-daily"
    });
    let mut body = tr.a1("email-digest-greeting", "name", &r.first_name);
    body.push_str("\n\n");
    let planned = c
        .planned
        .iter()
        .map(|p| {
            let network = Network::parse(&p.network).map(|n| n.label()).unwrap_or("");
            let when = window(&tr, tz, &r.time_zone, p.starts_at, p.ends_at);
            (
                format!("{when} · {network}: {}", p.subject()),
                format!("{base}/app/plan/{}/open", p.id),
            )
        })
        .collect();
    let heading = if weekly {
        "email-digest-planned-weekly"
    } else {
        "email-digest-planned-daily"
    };
    section(&mut body, &tr, tr.n(heading, c.planned.len() as i64), planned);
    let new = c
        .new
        .iter()
        .map(|i| (i.title.clone(), format!("{base}/app/feed/{}", i.id)))
        .collect();
    section(&mut body, &tr, tr.n("email-digest-new", c.new.len() as i64), new);
    let expiring = c
        .expiring
        .iter()
        .map(|i| {
            let until = i
                .expires_at
                .map(|e| tr.a1("email-digest-until", "when", &tr.datetime(e, &r.time_zone)))
                .unwrap_or_default();
            (format!("{} ({until})", i.title), format!("{base}/app/feed/{}", i.id))
        })
        .collect();
    section(
        &mut body,
        &tr,
        tr.n("email-digest-expiring", c.expiring.len() as i64),
        expiring,
    );
    body.push_str(&tr.a1("email-digest-settings", "link", &format!("{base}/app/profile#digest")));
    body.push('\n');
    body.push_str(&tr.a1("email-digest-unsubscribe", "link", unsubscribe));
    body.push('\n');
    (subject, body)
}
