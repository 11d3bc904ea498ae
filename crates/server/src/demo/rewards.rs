//! Seeds motivation: the points the demo's three months of shares earned come from the
//! shares themselves (every share awards through the ledger); here a finished threshold
//! challenge last month and a finished raffle (its seed recorded), a running challenge,
//! four rewards in the employer branding program (a day off, a conference ticket, a book,
//! a charity donation), a delivered and a waiting redemption, and this quarter's budget
//! partly spent.

use super::programs::Programs;
use crate::AppState;
use ambasada_core::rewards::challenges::{Mode, Spec};
use ambasada_core::rewards::leaderboards::Metric;
use ambasada_core::rewards::redemptions::Status;
use ambasada_core::{DAY, Millis};
use ambasada_store::rewards::catalog::RewardInput;

/// (name, description, points, stock, cost in grosze)
const REWARDS: &[(&str, &str, i64, Option<i64>, i64)] = &[
    (
        "Darowizna na cel charytatywny",
        "Przekazujemy 100 zł na fundację, którą wybierzesz z naszej listy.",
        50,
        None,
        10_000,
    ),
    (
        "Książka",
        "Dowolna książka branżowa do 80 zł, zamówiona na Twój adres.",
        120,
        None,
        8_000,
    ),
    (
        "Dzień wolny",
        "Dodatkowy dzień urlopu do wykorzystania w tym kwartale.",
        300,
        Some(5),
        60_000,
    ),
    (
        "Bilet na konferencję",
        "Wejściówka na wybraną konferencję branżową w Polsce.",
        600,
        Some(2),
        150_000,
    ),
];

pub(super) async fn seed_rewards(state: &AppState, now: Millis, programs: &Programs) -> anyhow::Result<()> {
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let eb = programs.employer_branding;
    seed_challenges(state, now, eb, coordinator).await?;
    let store = &state.store;
    let mut ids = Vec::new();
    for (name, description, points, stock, cost) in REWARDS {
        let input = RewardInput {
            name: name.to_string(),
            description: description.to_string(),
            image_file: None,
            points_cost: *points,
            stock: *stock,
            cost_minor: *cost,
            active: true,
        };
        ids.push(store.create_reward(eb, &input, now - 60 * DAY).await?);
    }
    use ambasada_core::rewards::budget::{Quarter, budget_zone};
    let quarter = Quarter::of(now, &budget_zone()).to_string();
    store.set_budget(eb, &quarter, 500_000, now - 30 * DAY).await?;
    // Whoever has the most points got a book (delivered); the next one asked for a
    // donation that waits for the coordinator.
    let mut by_points = Vec::new();
    for id in &programs.ambassadors {
        by_points.push((store.balance(*id).await?.spendable(), *id));
    }
    by_points.sort_by(|a, b| b.cmp(a));
    let zofia = super::id_of(state, "ambasador@demo.example").await?;
    let others: Vec<i64> = by_points.iter().map(|(_, id)| *id).filter(|id| *id != zofia).collect();
    if let Some(first) = others.first()
        && let Ok(r) = store.redeem(*first, ids[1], now - 20 * DAY).await?
    {
        store
            .move_redemption(r, Status::Requested, Status::Approved, None, now - 19 * DAY)
            .await?;
        store
            .move_redemption(r, Status::Approved, Status::Delivered, None, now - 15 * DAY)
            .await?;
    }
    if let Some(second) = others.get(1) {
        let _ = store.redeem(*second, ids[0], now - 2 * DAY).await?;
    }
    Ok(())
}

/// Last month's threshold challenge and raffle (settled), and this month's running one.
async fn seed_challenges(state: &AppState, now: Millis, program: i64, by: i64) -> anyhow::Result<()> {
    let store = &state.store;
    let finished = [
        (
            "Trzy posty w miesiącu",
            "Każdy, kto udostępni co najmniej trzy posty, dostaje premię.",
            Mode::Threshold,
            3,
            150,
            1,
        ),
        (
            "Losowanie wśród aktywnych",
            "Wśród osób z co najmniej dwoma udostępnieniami losujemy dwie nagrody.",
            Mode::Raffle,
            2,
            300,
            2,
        ),
    ];
    for (title, description, mode, target, bonus, winners) in finished {
        let spec = Spec {
            title: title.into(),
            description: description.into(),
            metric: Metric::Shares,
            content_id: None,
            team_id: None,
            target,
            mode,
            bonus,
            winners,
            starts_at: now - 92 * DAY,
            ends_at: now - 31 * DAY,
        };
        let id = store.create_challenge(program, &spec, by, now - 93 * DAY).await?;
        crate::rewards::settle::settle(state, id, now - 30 * DAY).await?;
    }
    let running = Spec {
        title: "50 udostępnień oferty pracy do piątku".into(),
        description: "Wspólny cel: gdy razem dojdziemy do 50 udostępnień, każdy uczestnik dostaje premię.".into(),
        metric: Metric::Shares,
        content_id: None,
        team_id: None,
        target: 50,
        mode: Mode::Collective,
        bonus: 50,
        winners: 1,
        starts_at: now - 3 * DAY,
        ends_at: now + 4 * DAY,
    };
    store.create_challenge(program, &running, by, now - 3 * DAY).await?;
    Ok(())
}
