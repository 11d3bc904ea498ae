//! Seeds the eNPS surveys: a closed one with a dozen answers (so its results show) and
//! an open one with three answers so far.

use crate::AppState;
use ambasada_core::DAY;

/// The closed survey's scores, one per person in turn.
const CLOSED_SCORES: &[u8] = &[9, 10, 8, 7, 9, 6, 10, 8, 4, 9, 7, 10];

/// The comments of the first people answering the closed survey.
const CLOSED_COMMENTS: &[&str] = &[
    "Świetny zespół, ale chciałbym więcej szkoleń.",
    "Brakuje jasnej ścieżki awansu.",
];

/// The open survey's scores so far, from the first people.
const OPEN_SCORES: &[u8] = &[10, 8, 9];

/// The closed survey ran from 35 to 28 days ago; the open one began five days ago. The
/// coordinator opened both; the first twelve active people answer.
pub(super) async fn seed_surveys(state: &AppState, now: i64) -> anyhow::Result<()> {
    let store = &state.store;
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let closed = store.open_survey(coordinator, now - 35 * DAY).await?;
    let people = store
        .list_users(&ambasada_store::people::UserFilter {
            active: Some(true),
            limit: 12,
            ..Default::default()
        })
        .await?
        .0;
    for (i, person) in people.iter().enumerate() {
        let comment = CLOSED_COMMENTS.get(i).copied();
        store
            .answer_survey(closed, person.id, CLOSED_SCORES[i % CLOSED_SCORES.len()], comment)
            .await?;
    }
    store.close_survey(closed, now - 28 * DAY).await?;
    let open = store.open_survey(coordinator, now - 5 * DAY).await?;
    for (person, score) in people.iter().zip(OPEN_SCORES) {
        store.answer_survey(open, person.id, *score, None).await?;
    }
    Ok(())
}
