//! Seeds recruiting: the job offers (three open, one closed) and applications in every
//! stage, the first ones referred through clicks on the ambassadors' links.

use crate::AppState;
use ambasada_core::{DAY, Locale};
use ambasada_store::recruiting::{NewApplication, OfferInput};

/// One demo job offer, in Polish with Markdown.
struct DemoOffer {
    title: &'static str,
    location: &'static str,
    contract: &'static str,
    description: &'static str,
    open: bool,
}

const OFFERS: &[DemoOffer] = &[
    DemoOffer {
        title: "Programistka / Programista Rust",
        location: "Warszawa (hybrydowo)",
        contract: "employment",
        description: "## O roli\n\nRozwijasz nasz system płatności w **Rust** i dbasz o jego niezawodność.\n\n## Czego oczekujemy\n\n- co najmniej 2 lata z Rustem lub C++\n- znajomości PostgreSQL\n- chęci do dzielenia się wiedzą\n\n## Co oferujemy\n\n- umowę o pracę, 22–30 tys. zł brutto\n- budżet szkoleniowy 6 000 zł rocznie\n- prywatną opiekę medyczną\n",
        open: true,
    },
    DemoOffer {
        title: "Specjalistka / Specjalista ds. sprzedaży B2B",
        location: "Kraków",
        contract: "employment",
        description: "## O roli\n\nBudujesz relacje z klientami biznesowymi w Małopolsce.\n\n## Co oferujemy\n\n- samochód służbowy\n- premia kwartalna\n",
        open: true,
    },
    DemoOffer {
        title: "Stażystka / Stażysta w dziale HR",
        location: "Gdańsk",
        contract: "internship",
        description: "Trzymiesięczny płatny staż w zespole HR. Nauczysz się rekrutacji i employer brandingu.",
        open: true,
    },
    DemoOffer {
        title: "Księgowa / Księgowy",
        location: "Warszawa",
        contract: "employment",
        description: "Rekrutacja zakończona.",
        open: false,
    },
];

/// The stages the applications are in, in turn.
const STAGES: &[&str] = &["new", "screening", "interview", "offer", "hired", "rejected"];

/// The candidates: name and email.
const CANDIDATES: &[(&str, &str)] = &[
    ("Marta Kaczmarek", "marta.kaczmarek@example.com"),
    ("Tomasz Baran", "tomasz.baran@example.com"),
    ("Julia Sadowska", "julia.sadowska@example.com"),
    ("Krzysztof Duda", "krzysztof.duda@example.com"),
    ("Alicja Wrona", "alicja.wrona@example.com"),
    ("Michał Sobczak", "michal.sobczak@example.com"),
    ("Natalia Górska", "natalia.gorska@example.com"),
    ("Paweł Cieślak", "pawel.cieslak@example.com"),
];

/// Creates the job offers, ten days apart, the first sixty days ago. Returns their ids.
pub(super) async fn seed_offers(state: &AppState, now: i64) -> anyhow::Result<Vec<i64>> {
    let recruiter = super::id_of(state, "rekruter@demo.example").await?;
    let mut ids = Vec::new();
    for (i, o) in OFFERS.iter().enumerate() {
        let input = OfferInput {
            title: o.title.into(),
            location: o.location.into(),
            contract_type: o.contract.into(),
            description: o.description.into(),
            language: "pl".into(),
            open: o.open,
        };
        ids.push(
            state
                .store
                .create_offer(&input, recruiter, now - (60 - 10 * i as i64) * DAY)
                .await?,
        );
    }
    Ok(ids)
}

/// Applications to the first three offers: referrals through clicks on the Rust offer's
/// links, and direct ones, moved on through the stages by the recruiter.
pub(super) async fn seed_applications(state: &AppState, now: i64, offers: &[i64]) -> anyhow::Result<()> {
    let store = &state.store;
    let recruiter = super::id_of(state, "rekruter@demo.example").await?;
    let consent = crate::recruiting::consent_text(state, Locale::Pl).await?;
    let referral_clicks = store
        .recent_person_clicks_for_target(&format!("/careers/{}", offers[0]), 5)
        .await?;
    for (i, (name, email)) in CANDIDATES.iter().enumerate() {
        let source = referral_clicks.get(i).cloned();
        let at = source
            .as_ref()
            .map(|s| s.at + 3_600_000)
            .unwrap_or(now - (i as i64 + 1) * 2 * DAY);
        let application = NewApplication {
            offer_id: offers[i % 3],
            name: (*name).into(),
            email: (*email).into(),
            profile_url: Some(format!(
                "https://www.linkedin.com/in/{}",
                email.split('@').next().unwrap_or("x")
            )),
            message: "Dzień dobry, chętnie porozmawiam o tej roli.".into(),
            cv_file: None,
            consent_text: consent.clone(),
            future_consent_text: None,
            future_consent_until: None,
            source,
        };
        let id = store.create_application(&application, at).await?;
        let stage = STAGES[i % STAGES.len()];
        if stage != "new" {
            store.move_application(id, "new", stage, recruiter, at + DAY).await?;
        }
    }
    Ok(())
}
