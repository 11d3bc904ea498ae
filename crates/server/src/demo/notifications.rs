//! Seeds the notifications waiting for each role, through the same functions the events
//! use: new candidates for the coordinator, the rejected item for its editor, new job
//! applications for the recruiter, the planned post due today and the newest items for
//! the ambassadors. Every other published item counts as announced already, so starting
//! the demo does not announce the whole library again (nor post it to Slack).

use super::programs::Programs;
use crate::AppState;
use ambasada_store::content::ContentFilter;

pub(super) async fn seed_notifications(state: &AppState, now: i64, programs: &Programs) -> anyhow::Result<()> {
    let store = &state.store;
    let announced = store.claim_announcements(now).await?;
    for id in announced.iter().rev().take(2) {
        if let Some(item) = store.content_item(*id).await? {
            crate::notifications::content_published(state, &item).await?;
        }
    }
    let program = store
        .program(programs.employer_branding)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo program is missing"))?;
    for c in store
        .candidates(program.id)
        .await?
        .iter()
        .filter(|c| c.status == "pending")
    {
        crate::notifications::program_candidate(state, &program, c.id, &c.name).await;
    }
    let rejected = ContentFilter {
        status: Some("rejected".into()),
        author_id: None,
        limit: 5,
        offset: 0,
        search: Default::default(),
    };
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    for summary in store.list_content(&rejected).await?.0 {
        if let Some(item) = store.content_item(summary.id).await? {
            let reason = item.reject_reason.clone().unwrap_or_default();
            crate::notifications::content_reviewed(state, &item, coordinator, Some(&reason)).await;
        }
    }
    for a in store.applications(Some("new"), false, 3).await? {
        crate::notifications::job_application(state, a.id, &a.name, &a.offer_title).await;
    }
    crate::notifications::remind_due(state, now).await?;
    Ok(())
}
