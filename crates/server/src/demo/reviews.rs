//! Seeds the program reviews: in each program, the monthly reviews of the two months
//! before this one, published after their meetings with notes, attendance and decisions
//! (some done, some still open and carried on), and this month's draft with an agenda,
//! ready for the coordinator to add decisions and publish.

use super::programs::Programs;
use crate::AppState;
use crate::reports::reviews as service;
use ambasada_core::reports::first_day_of_month;
use ambasada_core::reports::review::{Cadence, ReviewPeriod};
use ambasada_core::tracking::day_number;
use ambasada_core::{DAY, HOUR, Millis};
use ambasada_store::programs::Program;
use ambasada_store::reports::reviews::NewReview;

/// A decision: its text, whose it is (0: the coordinator, n: the n-th member), the day of
/// the month after the meeting it is due, and the days after the meeting it was done.
type DemoDecision = (&'static str, usize, i64, Option<i64>);

/// One program's reviews: notes of the two published ones, their decisions, and the
/// draft's agenda.
struct Script {
    notes: [&'static str; 2],
    decisions: [&'static [DemoDecision]; 2],
    agenda: &'static str,
}

const EMPLOYER_BRANDING: Script = Script {
    notes: [
        "Pierwsze spotkanie po starcie programu.\n\n- Najlepiej działały posty o **dniu z życia zespołu** – ludzie chętnie je klikali.\n- Część osób udostępnia gotowe teksty bez zmian; umówiliśmy się, że każdy dopisze choć jedno zdanie od siebie.\n- Brakuje treści z działu sprzedaży.",
        "Drugi miesiąc: więcej udostępnień i pierwsze aplikacje z linków ambasadorów.\n\n- Posty pisane własnymi słowami mają wyraźnie więcej kliknięć niż gotowce.\n- Kalendarz publikacji pomaga: plan zrealizowany w większości.\n- Do poprawy: zdjęcia i krótkie wideo z biura.",
    ],
    decisions: [
        &[
            (
                "Przygotować trzy gotowe posty o dniu z życia zespołu IT",
                0,
                10,
                Some(6),
            ),
            ("Zaprosić do programu pięć osób z działu sprzedaży", 0, 20, None),
            ("Krótkie szkolenie: jak pisać post własnymi słowami", 1, 15, Some(27)),
        ],
        &[
            ("Ustalić stały dzień publikacji w zespole: wtorek", 2, 7, Some(5)),
            (
                "Zebrać zdjęcia z wyjazdu integracyjnego do biblioteki treści",
                3,
                21,
                None,
            ),
        ],
    ],
    agenda: "Agenda spotkania:\n\n1. Wyniki miesiąca na tle poprzedniego\n2. Otwarte decyzje\n3. Pomysły na treści na przyszły miesiąc",
};

const SALES: Script = Script {
    notes: [
        "Start programu w dziale sprzedaży: handlowcy znają klientów, ale rzadko piszą na LinkedIn.\n\n- Najpierw krótkie szkolenie, potem pierwsze posty.",
        "Pierwsze posty produktowe poszły do klientów.\n\n- Najlepiej działa konkretny przykład wdrożenia u klienta.\n- Limit udostępnień dziennie wystarcza.",
    ],
    decisions: [
        &[
            ("Przygotować wzór posta z przykładem wdrożenia", 0, 12, Some(8)),
            ("Każdy handlowiec uzupełnia profil na LinkedIn", 1, 25, None),
        ],
        &[("Co tydzień jeden post o nowości w produkcie", 2, 14, None)],
    ],
    agenda: "Agenda:\n\n1. Co przyniosły posty produktowe\n2. Otwarte decyzje",
};

/// Seeds both programs' reviews.
pub(super) async fn seed_reviews(state: &AppState, now: Millis, programs: &Programs) -> anyhow::Result<()> {
    for (id, script) in [
        (programs.employer_branding, &EMPLOYER_BRANDING),
        (programs.sales, &SALES),
    ] {
        let program = state
            .store
            .program(id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("program {id} missing"))?;
        seed_program(state, now, &program, script).await?;
    }
    Ok(())
}

/// The meeting of a month's review: the second day of the month after, at 10:00 UTC
/// (before now).
fn meeting_of(period: &ReviewPeriod, now: Millis) -> Millis {
    ((period.range.last + 2) * DAY + 10 * HOUR).min(now - HOUR)
}

async fn seed_program(state: &AppState, now: Millis, program: &Program, script: &Script) -> anyhow::Result<()> {
    let store = &state.store;
    let coordinator = program
        .coordinator_id
        .ok_or_else(|| anyhow::anyhow!("demo program without a coordinator"))?;
    let members: Vec<i64> = store.members(program.id).await?.iter().map(|m| m.user_id).collect();
    let owner = |n: usize| {
        if n == 0 {
            coordinator
        } else {
            members.get(n - 1).copied().unwrap_or(coordinator)
        }
    };
    let this = ReviewPeriod::containing(Cadence::Monthly, day_number(now));
    let periods = [this.previous().previous(), this.previous()];
    // Decisions done later than the meeting they were taken at: (id, when).
    let mut to_mark: Vec<(i64, Millis)> = Vec::new();
    for (i, period) in periods.iter().enumerate() {
        let created = period.range.first * DAY + HOUR;
        let meeting = meeting_of(period, now);
        for (d, at) in to_mark.iter().filter(|(_, at)| *at < meeting) {
            store.set_decision_done(program.id, *d, true, coordinator, *at).await?;
        }
        to_mark.retain(|(_, at)| *at >= meeting);
        let id = make(state, program, period, created, meeting).await?;
        if i == 0 {
            // A month earlier some checks stood worse: the health section shows progress.
            worsen(
                state,
                id,
                &["health-active", "health-plan", "health-training-completion"],
            )
            .await?;
        }
        store.set_review_notes(id, script.notes[i], meeting).await?;
        for (text, who, due, done_after) in script.decisions[i] {
            let due_day = first_day_of_month(ambasada_core::reports::month_of_day(period.range.last + 1)) + due - 1;
            let d = store
                .add_decision(id, text, owner(*who), due_day, coordinator, meeting)
                .await?;
            if let (Some(d), Some(after)) = (d, done_after) {
                to_mark.push((d, (meeting + after * DAY).min(now - 2 * HOUR)));
            }
        }
        // About two thirds of the members came, and the coordinator.
        let mut came: Vec<i64> = members.iter().copied().filter(|m| m % 3 != 0).collect();
        came.push(coordinator);
        store.set_attendance(id, &came, meeting).await?;
        let Some(r) = store.review(id).await? else { continue };
        let carried: Vec<i64> = service::carried(state, &r).await?.iter().map(|d| d.id).collect();
        store.publish_review(id, coordinator, &carried, &[], meeting).await?;
    }
    for (d, at) in to_mark {
        store.set_decision_done(program.id, d, true, coordinator, at).await?;
    }
    let draft = make(state, program, &this, (this.range.first * DAY + HOUR).min(now), now).await?;
    store.set_review_notes(draft, script.agenda, now).await?;
    Ok(())
}

/// Sets the level of `keys` in a draft's snapshot one step worse (green to amber, amber
/// to red).
async fn worsen(state: &AppState, id: i64, keys: &[&str]) -> anyhow::Result<()> {
    let Some(r) = state.store.review(id).await? else {
        return Ok(());
    };
    let Some(mut s) = service::snapshot_of(&r) else {
        return Ok(());
    };
    for h in s.health.iter_mut().filter(|h| keys.contains(&h.key.as_str())) {
        h.level = if h.level == "green" { "amber" } else { "red" }.to_string();
    }
    state
        .store
        .set_review_snapshot(id, &serde_json::to_string(&s)?, r.updated_at)
        .await?;
    Ok(())
}

/// Makes a month's review from the data, its numbers taken at `taken`.
async fn make(
    state: &AppState,
    program: &Program,
    period: &ReviewPeriod,
    created: Millis,
    taken: Millis,
) -> anyhow::Result<i64> {
    let mut snapshot = service::take_snapshot(state, program, period, taken.max(created)).await?;
    snapshot.taken_at = taken;
    let key = period.key();
    let json = serde_json::to_string(&snapshot)?;
    let new = NewReview {
        program_id: program.id,
        cadence: "monthly",
        period_key: &key,
        first_day: period.range.first,
        last_day: period.range.last,
        snapshot: &json,
    };
    state
        .store
        .create_review(&new, created)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the review of {key} exists already"))
}
