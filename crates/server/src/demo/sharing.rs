//! Seeds the ambassadors' shares of the published library, each through its own tracked
//! link and some with the text rewritten, and one post of the demo ambassador's own.

use super::content::{DemoItem, target_of};
use super::programs::Programs;
use crate::AppState;
use ambasada_core::DAY;
use ambasada_core::content::sharing::{link_code_from_bytes, personalisation, score_per_mille};
use ambasada_store::content::sharing::NewShare;

/// What the ambassadors put before the suggested text, in turn ("": nothing, the text
/// is shared as suggested).
const REWRITES: &[&str] = &[
    "Polecam! U nas naprawdę da się rozwijać – sama przeszłam tę drogę w dwa lata.",
    "Znajomi z branży: to jest miejsce, gdzie warto pracować. Pytajcie śmiało.",
    "",
];

/// Five ambassadors share each published item (every third one, starting from a different
/// one per item; a quarter of the ambassadors on X, the rest on LinkedIn), an hour apart,
/// in the employer branding program; then the demo ambassador's post written outside the
/// library.
pub(super) async fn seed_shares(
    state: &AppState,
    now: i64,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    rust_offer: i64,
) -> anyhow::Result<()> {
    let store = &state.store;
    let eb = programs.employer_branding;
    for (n, (item_id, item)) in published.iter().enumerate() {
        let day = now - (92 - n as i64) * DAY;
        let target = target_of(state, item, rust_offer);
        for (k, user_id) in programs.ambassadors.iter().enumerate().skip(n % 3).step_by(3).take(5) {
            let network = if k % 4 == 3 { "x" } else { "linkedin" };
            let suggested = if network == "x" { item.x } else { item.linkedin };
            let rewrite = REWRITES[(k + n) % REWRITES.len()];
            let text = if rewrite.is_empty() {
                suggested.to_string()
            } else {
                format!("{rewrite} {suggested}")
            };
            let code = link_code_from_bytes(&rand::random::<[u8; 16]>());
            let link = store
                .create_tracked_link(&code, *user_id, *item_id, network, Some(eb), &target, day)
                .await?;
            let share = NewShare {
                user_id: *user_id,
                item_id: Some(*item_id),
                link_id: Some(link.id),
                program_id: Some(eb),
                network: network.into(),
                personalisation: Some(score_per_mille(personalisation(suggested, &text))),
                text,
                post_url: None,
                topic: None,
            };
            store.record_share(&share, day + (k as i64) * 3_600_000).await?;
        }
    }
    seed_sales_shares(state, now, programs, published, rust_offer).await?;
    seed_own_post(state, now, eb).await
}

/// In sales, only the two who did the required course still share: the product news,
/// twelve and five days ago, in their own words.
async fn seed_sales_shares(
    state: &AppState,
    now: i64,
    programs: &Programs,
    published: &[(i64, &DemoItem)],
    rust_offer: i64,
) -> anyhow::Result<()> {
    let (item_id, item) = published[2 % published.len()];
    let target = target_of(state, item, rust_offer);
    for (k, user_id) in programs.sales_members().iter().take(2).enumerate() {
        let day = now - (12 - 7 * k as i64) * DAY;
        // An even turn: in their own words.
        super::history::share(
            state,
            *user_id,
            item_id,
            programs.sales,
            &target,
            item.linkedin,
            2 * k,
            day,
        )
        .await?;
    }
    Ok(())
}

/// The demo ambassador's LinkedIn post about a conference, recorded four days ago.
async fn seed_own_post(state: &AppState, now: i64, program_id: i64) -> anyhow::Result<()> {
    let share = NewShare {
        user_id: super::id_of(state, "ambasador@demo.example").await?,
        item_id: None,
        link_id: None,
        program_id: Some(program_id),
        network: "linkedin".into(),
        text: String::new(),
        post_url: Some("https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001/".into()),
        topic: Some("Mój wpis o konferencji Women in Tech".into()),
        personalisation: None,
    };
    state.store.record_share(&share, now - 4 * DAY).await?;
    Ok(())
}
