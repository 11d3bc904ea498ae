//! Seeds the clicks on the demo's tracked links over the last 90 days, from people on
//! desktops and phones and from link-preview bots.

use crate::AppState;
use ambasada_core::{Network, tracking};
use ambasada_store::tracking::NewClick;

/// The browsers the clicks come from, in turn.
const BROWSERS: &[&str] = &["desktop", "mobile", "mobile", "desktop", "bot"];

/// Where the clicks come from, in turn (None: no referrer).
const REFERRERS: &[Option<&str>] = &[
    Some("www.linkedin.com"),
    Some("t.co"),
    None,
    Some("com.linkedin.android"),
    Some("www.facebook.com"),
];

/// Between 5 and 44 clicks on every tracked link, spread over the hours of the last 90
/// days but none before the link was made, about two clicks per visitor.
pub(super) async fn seed_clicks(state: &AppState, now: i64) -> anyhow::Result<()> {
    let links = state.store.all_tracked_links().await?;
    let mut batch = Vec::new();
    let mut n = 0u64;
    for (li, link) in links.iter().enumerate() {
        let clicks = 5 + (li * 7) % 40;
        for k in 0..clicks {
            n += 1;
            let age = ((n * 7919) % (90 * 24)) as i64 * 3_600_000;
            let visitor = (n % (clicks as u64 / 2 + 1)).to_string();
            batch.push(NewClick {
                link_id: link.id,
                at: (now - age).max(link.created_at),
                network: Network::parse(&link.network).map(|n| n.as_str()).unwrap_or("linkedin"),
                visitor_hash: tracking::visitor_hash("demo", &visitor, "demo", link.id),
                browser: BROWSERS[(k + li) % BROWSERS.len()],
                referrer_host: REFERRERS[(k * 3 + li) % REFERRERS.len()].map(str::to_string),
            });
        }
    }
    state.store.insert_clicks(&batch).await?;
    Ok(())
}
