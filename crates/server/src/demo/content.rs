//! Seeds the content library: six items published over the last hundred days (three with
//! images), and four not published: waiting for review, rejected, a draft, and an
//! ambassador's suggestion.

use super::programs::Programs;
use crate::AppState;
use ambasada_core::DAY;
use ambasada_core::content::{Category, Status};
use ambasada_store::content::ContentInput;

/// One demo content item: title, category, texts (LinkedIn, X, and Facebook or XING
/// where the item suits them), target, image, hashtags.
pub(super) struct DemoItem {
    title: &'static str,
    category: Category,
    pub(super) linkedin: &'static str,
    pub(super) x: &'static str,
    /// Texts for the other networks: (network, text).
    more: &'static [(&'static str, &'static str)],
    url: &'static str,
    image: Option<&'static [u8]>,
    hashtags: &'static str,
}

const TEAM_PNG: &[u8] = include_bytes!("../../demo/team.png");
const PRODUCT_PNG: &[u8] = include_bytes!("../../demo/product.png");
const EVENT_PNG: &[u8] = include_bytes!("../../demo/event.png");

const ITEMS: &[DemoItem] = &[
    DemoItem {
        title: "Dołącz do zespołu IT: szukamy programistki lub programisty Rust",
        category: Category::JobOffer,
        linkedin: "W moim zespole szukamy osoby, która lubi Rusta i porządny kod. Pracujemy hybrydowo z Warszawy, mamy budżet szkoleniowy i naprawdę ciekawe projekty. Jeśli znasz kogoś takiego – podeślij mu ten link albo odezwij się do mnie!",
        x: "Szukamy programistki/programisty Rust do naszego zespołu IT. Praca hybrydowa, Warszawa. Znasz kogoś? Podeślij link!",
        more: &[(
            "xing",
            "Szukamy programistki lub programisty Rust do zespołu IT w Warszawie (praca hybrydowa, zespół mówi po polsku i angielsku, budżet szkoleniowy). Znasz kogoś z DACH, kto chciałby do nas dołączyć? Podeślij link!",
        )],
        url: "https://kariera.demo.example/oferty/rust-developer",
        image: Some(TEAM_PNG),
        hashtags: "praca rust it",
    },
    DemoItem {
        title: "Dzień wolontariatu: sprzątaliśmy Las Kabacki",
        category: Category::CompanyLife,
        linkedin: "W sobotę ponad 40 osób z naszej firmy spędziło dzień w Lesie Kabackim. Zebraliśmy 60 worków śmieci i posadziliśmy 200 sadzonek. Dumna/dumny jestem, że mogłem/mogłam być częścią tej akcji.",
        x: "40 osób, 60 worków śmieci, 200 sadzonek – nasz dzień wolontariatu w Lesie Kabackim.",
        more: &[(
            "facebook",
            "W sobotę ponad 40 osób z mojej firmy sprzątało Las Kabacki: 60 worków śmieci i 200 nowych sadzonek. Świetny dzień w dobrym towarzystwie!",
        )],
        url: "https://blog.demo.example/wolontariat-las-kabacki",
        image: Some(EVENT_PNG),
        hashtags: "wolontariat csr",
    },
    DemoItem {
        title: "Nowa wersja aplikacji mobilnej dla klientów",
        category: Category::Product,
        linkedin: "Właśnie wypuściliśmy nową wersję naszej aplikacji mobilnej: szybsze logowanie, tryb ciemny i płatności BLIK. Pracowaliśmy nad nią pół roku – zobaczcie, co się zmieniło.",
        x: "Nowa wersja naszej aplikacji: szybsze logowanie, tryb ciemny i BLIK. Sprawdźcie!",
        more: &[(
            "facebook",
            "Nowa wersja aplikacji, nad którą pracowaliśmy pół roku: szybsze logowanie, tryb ciemny i płatności BLIK. Dajcie znać, jak się Wam podoba!",
        )],
        url: "https://www.demo.example/aplikacja",
        image: Some(PRODUCT_PNG),
        hashtags: "produkt aplikacja",
    },
    DemoItem {
        title: "Dlaczego lubię pracować w naszym zespole sprzedaży",
        category: Category::EmployerBranding,
        linkedin: "Pracuję w sprzedaży od pięciu lat i pierwszy raz mam poczucie, że firma naprawdę inwestuje w ludzi: mentoring, jasna ścieżka awansu i zespół, który się wspiera. Tak wygląda u nas kultura pracy.",
        x: "Mentoring, jasna ścieżka awansu i zespół, który się wspiera – tak wygląda u nas praca w sprzedaży.",
        more: &[(
            "xing",
            "Od pięciu lat pracuję w sprzedaży, także z klientami z Niemiec i Austrii – i pierwszy raz czuję, że firma inwestuje w ludzi: mentoring, jasna ścieżka awansu i zespół, który się wspiera.",
        )],
        url: "https://kariera.demo.example/kultura",
        image: None,
        hashtags: "employerbranding sprzedaż",
    },
    DemoItem {
        title: "Spotkajmy się na targach Rekrutacja IT w Krakowie",
        category: Category::Event,
        linkedin: "Za dwa tygodnie będziemy na targach Rekrutacja IT w Krakowie (stoisko B12). Wpadnij porozmawiać o pracy u nas – będę tam w piątek po południu.",
        x: "Targi Rekrutacja IT, Kraków, stoisko B12. Wpadnij pogadać o pracy u nas!",
        more: &[(
            "facebook",
            "Za dwa tygodnie jesteśmy na targach Rekrutacja IT w Krakowie (stoisko B12). Jeśli szukasz pracy w IT – wpadnij, pogadamy!",
        )],
        url: "https://kariera.demo.example/wydarzenia/targi-krakow",
        image: None,
        hashtags: "targipracy kraków",
    },
    DemoItem {
        title: "Our engineering blog: how we cut build times in half",
        category: Category::EmployerBranding,
        linkedin: "Our platform team wrote up how we cut CI build times in half with better caching. A good read if you care about developer experience – and we are hiring.",
        x: "How we cut our CI build times in half – a write-up from our platform team.",
        more: &[],
        url: "https://blog.demo.example/en/faster-builds",
        image: None,
        hashtags: "engineering devex",
    },
];

/// Who wrote a library item that is not published.
#[derive(Clone, Copy)]
enum Author {
    Editor,
    Ambassador,
}

/// A library item waiting, rejected, in draft or suggested; its author submits it on the
/// day it is written, and the coordinator's rejection comes a day later.
struct PendingItem {
    title: &'static str,
    linkedin: &'static str,
    author: Author,
    age_days: i64,
    submitted: bool,
    rejected: Option<&'static str>,
}

const PENDING: &[PendingItem] = &[
    PendingItem {
        title: "Nasze nowe biuro w Gdańsku",
        linkedin: "Otworzyliśmy biuro w Gdańsku – z widokiem na Motławę!",
        author: Author::Editor,
        age_days: 1,
        submitted: true,
        rejected: None,
    },
    PendingItem {
        title: "Wyniki kwartalne",
        linkedin: "Najlepszy kwartał w historii firmy! Dziękuję całemu zespołowi.",
        author: Author::Editor,
        age_days: 3,
        submitted: true,
        rejected: Some("Wyniki publikuje tylko dział relacji inwestorskich – poczekajmy na oficjalny komunikat."),
    },
    PendingItem {
        title: "Szkic: dzień otwarty",
        linkedin: "Zapraszamy na dzień otwarty w naszym biurze.",
        author: Author::Editor,
        age_days: 0,
        submitted: false,
        rejected: None,
    },
    PendingItem {
        title: "Mój pierwszy rok w firmie",
        linkedin: "Rok temu zaczynałam tu jako stażystka. Co się zmieniło? Wszystko!",
        author: Author::Ambassador,
        age_days: 2,
        submitted: true,
        rejected: None,
    },
];

/// Where an item leads: the job offer to this server's own careers page (so that a click
/// can become an application attributed to the ambassador), the others to their URL.
pub(super) fn target_of(state: &AppState, item: &DemoItem, rust_offer: i64) -> String {
    if item.category == Category::JobOffer {
        format!("{}/careers/{rust_offer}", state.config.base_url)
    } else {
        item.url.to_string()
    }
}

/// Writes, approves and publishes [`ITEMS`], three days apart, the first a hundred days
/// ago; the product news is in both programs, the rest in employer branding. Returns
/// the items with their ids.
pub(super) async fn seed_library(
    state: &AppState,
    now: i64,
    programs: &Programs,
    rust_offer: i64,
) -> anyhow::Result<Vec<(i64, &'static DemoItem)>> {
    let store = &state.store;
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let editor = super::id_of(state, "redaktor@demo.example").await?;
    let mut published = Vec::new();
    for (i, item) in ITEMS.iter().enumerate() {
        let image_file = match item.image {
            Some(bytes) => {
                let kind = ambasada_core::content::sniff_image(bytes).expect("demo images are PNG");
                Some(crate::media::store_image(state, bytes, kind).await?)
            }
            None => None,
        };
        let input = ContentInput {
            title: item.title.into(),
            category: item.category.as_str().into(),
            target_url: target_of(state, item, rust_offer),
            image_file: Some(image_file),
            hashtags: item.hashtags.into(),
            language: if item.title.starts_with("Our") { "en" } else { "pl" }.into(),
            starts_at: now - (100 - 3 * i as i64) * DAY,
            expires_at: None,
            texts: [("linkedin", item.linkedin), ("x", item.x)]
                .iter()
                .chain(item.more)
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
            program_ids: if item.category == Category::Product {
                vec![programs.employer_branding, programs.sales]
            } else {
                vec![programs.employer_branding]
            },
            team_ids: vec![],
        };
        let at = input.starts_at - DAY;
        let id = store.create_content(&input, editor, Status::Draft.as_str(), at).await?;
        store
            .transition_content(id, "draft", "submitted", Some(editor), None, at + 3_600_000)
            .await?;
        store
            .transition_content(id, "submitted", "approved", Some(coordinator), None, at + 7_200_000)
            .await?;
        published.push((id, item));
    }
    store.publish_and_expire_due(now).await?;
    Ok(published)
}

/// Writes [`PENDING`]: employer branding items about company life, shown from now for
/// thirty days once approved.
pub(super) async fn seed_pending(state: &AppState, now: i64, program_id: i64) -> anyhow::Result<()> {
    let store = &state.store;
    let coordinator = super::id_of(state, "koordynator@demo.example").await?;
    let editor = super::id_of(state, "redaktor@demo.example").await?;
    let ambassador = super::id_of(state, "ambasador@demo.example").await?;
    for p in PENDING {
        let input = ContentInput {
            title: p.title.into(),
            category: Category::CompanyLife.as_str().into(),
            target_url: "https://blog.demo.example/zycie-firmy".into(),
            image_file: None,
            hashtags: String::new(),
            language: "pl".into(),
            starts_at: now,
            expires_at: Some(now + 30 * DAY),
            texts: vec![("linkedin".into(), p.linkedin.into())],
            program_ids: vec![program_id],
            team_ids: vec![],
        };
        let author = match p.author {
            Author::Editor => editor,
            Author::Ambassador => ambassador,
        };
        let at = now - p.age_days * DAY;
        let id = store.create_content(&input, author, "draft", at).await?;
        if p.submitted {
            store
                .transition_content(id, "draft", "submitted", Some(author), None, at)
                .await?;
        }
        if let Some(reason) = p.rejected {
            store
                .transition_content(id, "submitted", "rejected", Some(coordinator), Some(reason), at + DAY)
                .await?;
        }
    }
    Ok(())
}
