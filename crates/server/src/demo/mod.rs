//! Demo data: a Polish company with teams, about forty employees and a login for each
//! role. Later capabilities add their own data here.

pub mod courses;

use crate::{AppState, auth};
use ambasada_core::content::Category;
use ambasada_core::{DAY, Email, Locale, Network, Role};
use ambasada_store::people::{NetworkProfile, NewUser};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo1234";

/// The fixed demo logins: email and role.
pub const DEMO_LOGINS: &[(&str, Role, &str, &str)] = &[
    ("admin@demo.example", Role::Admin, "Agnieszka", "Adamska"),
    ("koordynator@demo.example", Role::Coordinator, "Krzysztof", "Kowalczyk"),
    ("redaktor@demo.example", Role::Editor, "Magdalena", "Rutkowska"),
    ("rekruter@demo.example", Role::Recruiter, "Tomasz", "Lewandowski"),
    ("ambasador@demo.example", Role::Ambassador, "Zofia", "Wójcik"),
];

const TEAMS: &[&str] = &["Sprzedaż", "IT", "HR", "Marketing", "Finanse", "Obsługa klienta"];

const FIRST: &[&str] = &[
    "Anna",
    "Piotr",
    "Katarzyna",
    "Paweł",
    "Małgorzata",
    "Michał",
    "Ewa",
    "Marcin",
    "Joanna",
    "Łukasz",
    "Aleksandra",
    "Jakub",
    "Monika",
    "Grzegorz",
    "Dorota",
    "Bartosz",
    "Natalia",
    "Mateusz",
    "Karolina",
    "Wojciech",
    "Agata",
    "Rafał",
    "Beata",
    "Kamil",
    "Justyna",
    "Adam",
    "Weronika",
    "Sebastian",
    "Iwona",
    "Damian",
    "Żaneta",
    "Szymon",
    "Barbara",
    "Jarosław",
    "Elżbieta",
];
const LAST_F: &[&str] = &[
    "Nowak",
    "Kowalska",
    "Wiśniewska",
    "Wójcik",
    "Kamińska",
    "Lewandowska",
    "Zielińska",
    "Szymańska",
    "Woźniak",
    "Dąbrowska",
    "Kozłowska",
    "Jankowska",
    "Mazur",
    "Kwiatkowska",
    "Krawczyk",
    "Piotrowska",
    "Grabowska",
    "Pawłowska",
    "Michalska",
];
const LAST_M: &[&str] = &[
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowski",
    "Jankowski",
    "Mazur",
    "Kwiatkowski",
    "Krawczyk",
    "Piotrowski",
    "Grabowski",
    "Pawłowski",
    "Michalski",
];

/// ASCII email local part from a Polish name: "Łukasz Wiśniewski" -> "lukasz.wisniewski".
fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' | 'Ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' | 'Ś' => 's',
            'ź' | 'ż' | 'Ż' | 'Ź' => 'z',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Fills an empty database with the demo company. Returns false when the demo
/// accounts exist already (the demo database is opened again, not refilled).
pub async fn seed(state: &AppState) -> anyhow::Result<bool> {
    let store = &state.store;
    if store.user_by_email(&Email::parse(DEMO_LOGINS[0].0)?).await?.is_some() {
        return Ok(false);
    }
    let now = crate::now();
    let mut team_ids = Vec::new();
    for t in TEAMS {
        team_ids.push(store.create_team(t, now).await?);
    }
    // One hash for all demo accounts: hashing forty times would only slow the start.
    let hash = auth::hash_password(DEMO_PASSWORD.to_string()).await?;
    let team_of = |i: usize| team_ids[i % team_ids.len()];
    for (i, (email, role, first, last)) in DEMO_LOGINS.iter().enumerate() {
        let mut roles = vec![*role];
        if *role != Role::Ambassador && *role != Role::Admin {
            roles.push(Role::Ambassador);
        }
        let id = store
            .create_user(
                &NewUser {
                    email: Email::parse(email)?,
                    first_name: first.to_string(),
                    last_name: last.to_string(),
                    locale: Locale::Pl,
                    time_zone: "Europe/Warsaw".into(),
                    password_hash: Some(hash.clone()),
                    roles,
                    team_ids: vec![team_of(if *role == Role::Admin { 2 } else { i + 3 })],
                },
                now,
            )
            .await?;
        if *role == Role::Ambassador {
            store
                .set_networks(
                    id,
                    &[
                        NetworkProfile {
                            network: Network::Linkedin,
                            profile_url: Some("https://www.linkedin.com/in/zofia-wojcik-demo".into()),
                            network_size: Some(870),
                        },
                        NetworkProfile {
                            network: Network::X,
                            profile_url: None,
                            network_size: Some(240),
                        },
                    ],
                )
                .await?;
        }
    }
    for i in 0..36 {
        let first = FIRST[i % FIRST.len()];
        let female = first.ends_with('a') && first != "Kuba";
        let last = if female {
            LAST_F[(i * 7) % LAST_F.len()]
        } else {
            LAST_M[(i * 7) % LAST_M.len()]
        };
        let email = format!("{}.{}@demo.example", ascii(first), ascii(last));
        let roles = if i % 3 == 0 { vec![Role::Ambassador] } else { vec![] };
        let id = store
            .create_user(
                &NewUser {
                    email: Email::parse(&email)?,
                    first_name: first.into(),
                    last_name: last.into(),
                    locale: if i % 9 == 4 { Locale::En } else { Locale::Pl },
                    time_zone: "Europe/Warsaw".into(),
                    password_hash: Some(hash.clone()),
                    roles,
                    team_ids: vec![team_of(i)],
                },
                now - (i as i64) * ambasada_core::DAY,
            )
            .await?;
        if i % 3 == 0 {
            store
                .set_networks(
                    id,
                    &[NetworkProfile {
                        network: Network::Linkedin,
                        profile_url: Some(format!("https://www.linkedin.com/in/{}-{}", ascii(first), ascii(last))),
                        network_size: Some(150 + (i as i64 * 137) % 2400),
                    }],
                )
                .await?;
        }
        if i == 35 {
            store.deactivate_user(id, now).await?;
        }
    }
    // Two people invited but not yet joined, so the outbox and the invited state show.
    let admin = store
        .user_by_email(&Email::parse(DEMO_LOGINS[0].0)?)
        .await?
        .expect("admin exists");
    for (first, last) in [("Oliwia", "Sikorska"), ("Filip", "Baran")] {
        let email = Email::parse(&format!("{}.{}@demo.example", ascii(first), ascii(last)))?;
        let id = store
            .create_user(
                &NewUser {
                    email: email.clone(),
                    first_name: first.into(),
                    last_name: last.into(),
                    locale: Locale::Pl,
                    time_zone: "Europe/Warsaw".into(),
                    password_hash: None,
                    roles: vec![Role::Ambassador],
                    team_ids: vec![team_ids[3]],
                },
                now,
            )
            .await?;
        crate::mail::invite(state, id, email.as_str(), Locale::Pl, first, &admin.name()).await?;
    }
    let offers = seed_offers(state, now).await?;
    seed_content(state, now, offers[0]).await?;
    seed_clicks_and_applications(state, now, &offers).await?;
    seed_goals_and_enps(state, now).await?;
    let courses = courses::seed_demo_courses(state).await?;
    // The sales program asks for the first course before an ambassador's first share.
    if let (Some(course), Some(sales)) = (
        courses.first(),
        state
            .store
            .programs()
            .await?
            .into_iter()
            .find(|p| p.slug == "sprzedaz-b2b"),
    ) {
        state.store.set_required_course(sales.id, Some(*course)).await?;
    }
    // A few employer-branding ambassadors are part-way through the first course.
    if let (Some(course), Some(eb)) = (
        courses.first(),
        state
            .store
            .programs()
            .await?
            .into_iter()
            .find(|p| p.slug == "employer-branding-pl"),
    ) {
        let lessons = state.store.lessons(*course).await?;
        for (i, m) in state.store.members(eb.id).await?.iter().take(5).enumerate() {
            for l in lessons.iter().take(i % 3 + 1) {
                state
                    .store
                    .mark_lesson_read(m.user_id, l.id, crate::now() - (i as i64 + 1) * DAY)
                    .await?;
            }
        }
    }
    store.audit(Some(admin.id), "demo.seed", "demo data", now).await?;
    Ok(true)
}

async fn id_of(state: &AppState, email: &str) -> anyhow::Result<i64> {
    state
        .store
        .user_by_email(&Email::parse(email)?)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| anyhow::anyhow!("{email} missing"))
}

/// One demo content item: title, category, texts (LinkedIn, X), target, image, hashtags.
struct DemoItem {
    title: &'static str,
    category: Category,
    linkedin: &'static str,
    x: &'static str,
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
        url: "https://kariera.demo.example/oferty/rust-developer",
        image: Some(TEAM_PNG),
        hashtags: "praca rust it",
    },
    DemoItem {
        title: "Dzień wolontariatu: sprzątaliśmy Las Kabacki",
        category: Category::CompanyLife,
        linkedin: "W sobotę ponad 40 osób z naszej firmy spędziło dzień w Lesie Kabackim. Zebraliśmy 60 worków śmieci i posadziliśmy 200 sadzonek. Dumna/dumny jestem, że mogłem/mogłam być częścią tej akcji.",
        x: "40 osób, 60 worków śmieci, 200 sadzonek – nasz dzień wolontariatu w Lesie Kabackim.",
        url: "https://blog.demo.example/wolontariat-las-kabacki",
        image: Some(EVENT_PNG),
        hashtags: "wolontariat csr",
    },
    DemoItem {
        title: "Nowa wersja aplikacji mobilnej dla klientów",
        category: Category::Product,
        linkedin: "Właśnie wypuściliśmy nową wersję naszej aplikacji mobilnej: szybsze logowanie, tryb ciemny i płatności BLIK. Pracowaliśmy nad nią pół roku – zobaczcie, co się zmieniło.",
        x: "Nowa wersja naszej aplikacji: szybsze logowanie, tryb ciemny i BLIK. Sprawdźcie!",
        url: "https://www.demo.example/aplikacja",
        image: Some(PRODUCT_PNG),
        hashtags: "produkt aplikacja",
    },
    DemoItem {
        title: "Dlaczego lubię pracować w naszym zespole sprzedaży",
        category: Category::EmployerBranding,
        linkedin: "Pracuję w sprzedaży od pięciu lat i pierwszy raz mam poczucie, że firma naprawdę inwestuje w ludzi: mentoring, jasna ścieżka awansu i zespół, który się wspiera. Tak wygląda u nas kultura pracy.",
        x: "Mentoring, jasna ścieżka awansu i zespół, który się wspiera – tak wygląda u nas praca w sprzedaży.",
        url: "https://kariera.demo.example/kultura",
        image: None,
        hashtags: "employerbranding sprzedaż",
    },
    DemoItem {
        title: "Spotkajmy się na targach Rekrutacja IT w Krakowie",
        category: Category::Event,
        linkedin: "Za dwa tygodnie będziemy na targach Rekrutacja IT w Krakowie (stoisko B12). Wpadnij porozmawiać o pracy u nas – będę tam w piątek po południu.",
        x: "Targi Rekrutacja IT, Kraków, stoisko B12. Wpadnij pogadać o pracy u nas!",
        url: "https://kariera.demo.example/wydarzenia/targi-krakow",
        image: None,
        hashtags: "targipracy kraków",
    },
    DemoItem {
        title: "Our engineering blog: how we cut build times in half",
        category: Category::EmployerBranding,
        linkedin: "Our platform team wrote up how we cut CI build times in half with better caching. A good read if you care about developer experience – and we are hiring.",
        x: "How we cut our CI build times in half – a write-up from our platform team.",
        url: "https://blog.demo.example/en/faster-builds",
        image: None,
        hashtags: "engineering devex",
    },
];

/// Two programs, the library in every state, and shares by several ambassadors.
async fn seed_content(state: &AppState, now: i64, rust_offer: i64) -> anyhow::Result<()> {
    use ambasada_core::content::Status;
    use ambasada_store::content::ContentInput;
    use ambasada_store::programs::ProgramInput;
    let store = &state.store;
    let coordinator = id_of(state, "koordynator@demo.example").await?;
    let editor = id_of(state, "redaktor@demo.example").await?;
    let ambassador = id_of(state, "ambasador@demo.example").await?;
    let eb = store
        .create_program(
            &ProgramInput {
                name: "Employer branding PL".into(),
                slug: "employer-branding-pl".into(),
                description: "Pokazujemy, jak się u nas pracuje, i pomagamy rekrutacji: 40 aplikacji z linków ambasadorów na kwartał.".into(),
                coordinator_id: Some(coordinator),
                daily_share_limit: 5,
                review_cadence: "monthly".into(),
            },
            now - 120 * DAY,
        )
        .await?;
    let sales = store
        .create_program(
            &ProgramInput {
                name: "Sprzedaż B2B".into(),
                slug: "sprzedaz-b2b".into(),
                description: "Handlowcy dzielą się wiedzą o produkcie ze swoimi klientami.".into(),
                coordinator_id: Some(coordinator),
                daily_share_limit: 3,
                review_cadence: "monthly".into(),
            },
            now - 40 * DAY,
        )
        .await?;
    // Every ambassador joins the employer branding program; some also the sales one.
    let ambassadors: Vec<i64> = store
        .list_users(&ambasada_store::people::UserFilter {
            role: Some(Role::Ambassador),
            active: Some(true),
            limit: 500,
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .filter(|u| u.has_password)
        .map(|u| u.id)
        .collect();
    // Employer branding chose its ambassadors from applications; the sales program added
    // people directly (the health check shows the difference).
    let coordinator_id = coordinator;
    for (i, id) in ambassadors.iter().enumerate() {
        let joined = now - (100 - i as i64) * DAY;
        let app_id = store
            .apply_to_program(
                &ambasada_store::programs::selection::NewProgramApplication {
                    program_id: eb,
                    user_id: *id,
                    networks: "linkedin".into(),
                    frequency: if i % 2 == 0 { "weekly" } else { "monthly" }.into(),
                    network_sizes: format!("linkedin:{}", 200 + i * 150),
                    topics: "rekrutacja,technologia".into(),
                    motivation: "Chcę pokazać, jak naprawdę pracuje się w naszej firmie.".into(),
                    score: 60,
                },
                joined - DAY,
            )
            .await?;
        store
            .decide_application(app_id, "accepted", None, coordinator_id, joined)
            .await?;
        if i % 3 == 0 {
            store.add_member(sales, *id, now - 30 * DAY).await?;
        }
    }
    // Three employees waiting for a decision.
    let waiting = store
        .list_users(&ambasada_store::people::UserFilter {
            active: Some(true),
            limit: 100,
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .filter(|u| u.roles.is_empty() && u.has_password)
        .take(3);
    let answers = [
        (
            "daily",
            "linkedin:1800,x:600",
            "rekrutacja,kultura pracy,technologia",
            "Od lat piszę na LinkedIn o pracy w IT i chętnie pokażę nasz zespół.",
        ),
        (
            "weekly",
            "linkedin:450",
            "produkty",
            "Chcę, żeby klienci lepiej poznali ludzi, którzy tworzą nasze produkty.",
        ),
        ("monthly", "facebook:300", "", "Chętnie spróbuję."),
    ];
    for (person, (frequency, sizes, topics, motivation)) in waiting.zip(answers) {
        let q = ambasada_core::programs::selection::Questionnaire {
            networks: sizes
                .split(',')
                .filter_map(|s| Network::parse(s.split(':').next()?))
                .collect(),
            frequency: ambasada_core::programs::selection::PostingFrequency::parse(frequency).expect("demo frequency"),
            network_sizes: sizes
                .split(',')
                .filter_map(|s| {
                    let (n, v) = s.split_once(':')?;
                    Some((Network::parse(n)?, v.parse().ok()?))
                })
                .collect(),
            topics: ambasada_core::programs::selection::parse_topics(topics),
            motivation: motivation.into(),
        };
        store
            .apply_to_program(
                &ambasada_store::programs::selection::NewProgramApplication {
                    program_id: eb,
                    user_id: person.id,
                    networks: q.networks.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(","),
                    frequency: frequency.into(),
                    network_sizes: sizes.into(),
                    topics: q.topics.join(","),
                    motivation: motivation.into(),
                    score: ambasada_core::programs::selection::score(&q).total,
                },
                now - 2 * DAY,
            )
            .await?;
    }
    let target_of = |item: &DemoItem| {
        if item.category == Category::JobOffer {
            format!("{}/careers/{rust_offer}", state.config.base_url)
        } else {
            item.url.to_string()
        }
    };
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
            // The job offer leads to this server's own careers page, so that a click can
            // become an application attributed to the ambassador.
            target_url: target_of(item),
            image_file: Some(image_file),
            hashtags: item.hashtags.into(),
            language: if item.title.starts_with("Our") {
                "en".into()
            } else {
                "pl".into()
            },
            starts_at: now - (100 - 3 * i as i64) * DAY,
            expires_at: None,
            texts: vec![("linkedin".into(), item.linkedin.into()), ("x".into(), item.x.into())],
            program_ids: if item.category == Category::Product {
                vec![eb, sales]
            } else {
                vec![eb]
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
    // Waiting for review, rejected with a reason, a draft, and an ambassador's suggestion.
    let pending = |title: &str, text: &str| ContentInput {
        title: title.into(),
        category: Category::CompanyLife.as_str().into(),
        target_url: "https://blog.demo.example/zycie-firmy".into(),
        image_file: None,
        hashtags: String::new(),
        language: "pl".into(),
        starts_at: now,
        expires_at: Some(now + 30 * DAY),
        texts: vec![("linkedin".into(), text.into())],
        program_ids: vec![eb],
        team_ids: vec![],
    };
    let a = store
        .create_content(
            &pending(
                "Nasze nowe biuro w Gdańsku",
                "Otworzyliśmy biuro w Gdańsku – z widokiem na Motławę!",
            ),
            editor,
            "draft",
            now - DAY,
        )
        .await?;
    store
        .transition_content(a, "draft", "submitted", Some(editor), None, now - DAY)
        .await?;
    let b = store
        .create_content(
            &pending(
                "Wyniki kwartalne",
                "Najlepszy kwartał w historii firmy! Dziękuję całemu zespołowi.",
            ),
            editor,
            "draft",
            now - 3 * DAY,
        )
        .await?;
    store
        .transition_content(b, "draft", "submitted", Some(editor), None, now - 3 * DAY)
        .await?;
    store
        .transition_content(
            b,
            "submitted",
            "rejected",
            Some(coordinator),
            Some("Wyniki publikuje tylko dział relacji inwestorskich – poczekajmy na oficjalny komunikat."),
            now - 2 * DAY,
        )
        .await?;
    store
        .create_content(
            &pending("Szkic: dzień otwarty", "Zapraszamy na dzień otwarty w naszym biurze."),
            editor,
            "draft",
            now,
        )
        .await?;
    let s = store
        .create_content(
            &pending(
                "Mój pierwszy rok w firmie",
                "Rok temu zaczynałam tu jako stażystka. Co się zmieniło? Wszystko!",
            ),
            ambassador,
            "draft",
            now - 2 * DAY,
        )
        .await?;
    store
        .transition_content(s, "draft", "submitted", Some(ambassador), None, now - 2 * DAY)
        .await?;

    // Shares with varied personalisation: some kept the text, some rewrote it.
    let rewrites = [
        "Polecam! U nas naprawdę da się rozwijać – sama przeszłam tę drogę w dwa lata.",
        "Znajomi z branży: to jest miejsce, gdzie warto pracować. Pytajcie śmiało.",
        "",
    ];
    for (n, (item_id, item)) in published.iter().enumerate() {
        for (k, user_id) in ambassadors.iter().enumerate().skip(n % 3).step_by(3).take(5) {
            let network = if k % 4 == 3 { "x" } else { "linkedin" };
            let suggested = if network == "x" { item.x } else { item.linkedin };
            let rewrite = rewrites[(k + n) % rewrites.len()];
            let text = if rewrite.is_empty() {
                suggested.to_string()
            } else {
                format!("{rewrite} {suggested}")
            };
            let code = ambasada_core::content::sharing::link_code_from_bytes(&rand::random::<[u8; 16]>());
            let link = store
                .create_tracked_link(
                    &code,
                    *user_id,
                    *item_id,
                    network,
                    Some(eb),
                    &target_of(item),
                    now - (92 - n as i64) * DAY,
                )
                .await?;
            store
                .record_share(
                    &ambasada_store::content::sharing::NewShare {
                        user_id: *user_id,
                        item_id: Some(*item_id),
                        link_id: Some(link.id),
                        program_id: Some(eb),
                        network: network.into(),
                        personalisation: Some(ambasada_core::content::sharing::score_per_mille(
                            ambasada_core::content::sharing::personalisation(suggested, &text),
                        )),
                        text,
                        post_url: None,
                        topic: None,
                    },
                    now - (92 - n as i64) * DAY + (k as i64) * 3_600_000,
                )
                .await?;
        }
    }
    store
        .record_share(
            &ambasada_store::content::sharing::NewShare {
                user_id: ambassador,
                item_id: None,
                link_id: None,
                program_id: Some(eb),
                network: "linkedin".into(),
                text: String::new(),
                post_url: Some("https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001/".into()),
                topic: Some("Mój wpis o konferencji Women in Tech".into()),
                personalisation: None,
            },
            now - 4 * DAY,
        )
        .await?;
    Ok(())
}

/// Open job offers (and one closed), in Polish with Markdown.
async fn seed_offers(state: &AppState, now: i64) -> anyhow::Result<Vec<i64>> {
    use ambasada_store::recruiting::OfferInput;
    let recruiter = id_of(state, "rekruter@demo.example").await?;
    let offers = [
        (
            "Programistka / Programista Rust",
            "Warszawa (hybrydowo)",
            "employment",
            "## O roli\n\nRozwijasz nasz system płatności w **Rust** i dbasz o jego niezawodność.\n\n## Czego oczekujemy\n\n- co najmniej 2 lata z Rustem lub C++\n- znajomości PostgreSQL\n- chęci do dzielenia się wiedzą\n\n## Co oferujemy\n\n- umowę o pracę, 22–30 tys. zł brutto\n- budżet szkoleniowy 6 000 zł rocznie\n- prywatną opiekę medyczną\n",
            true,
        ),
        (
            "Specjalistka / Specjalista ds. sprzedaży B2B",
            "Kraków",
            "employment",
            "## O roli\n\nBudujesz relacje z klientami biznesowymi w Małopolsce.\n\n- samochód służbowy\n- premia kwartalna\n",
            true,
        ),
        (
            "Stażystka / Stażysta w dziale HR",
            "Gdańsk",
            "internship",
            "Trzymiesięczny płatny staż w zespole HR. Nauczysz się rekrutacji i employer brandingu.",
            true,
        ),
        (
            "Księgowa / Księgowy",
            "Warszawa",
            "employment",
            "Rekrutacja zakończona.",
            false,
        ),
    ];
    let mut ids = Vec::new();
    for (i, (title, location, contract, description, open)) in offers.into_iter().enumerate() {
        ids.push(
            state
                .store
                .create_offer(
                    &OfferInput {
                        title: title.into(),
                        location: location.into(),
                        contract_type: contract.into(),
                        description: description.into(),
                        language: "pl".into(),
                        open,
                    },
                    recruiter,
                    now - (60 - 10 * i as i64) * DAY,
                )
                .await?,
        );
    }
    Ok(ids)
}

/// Clicks on the demo's tracked links over the last 90 days (people and preview bots),
/// and applications in every stage, some of them referrals.
async fn seed_clicks_and_applications(state: &AppState, now: i64, offers: &[i64]) -> anyhow::Result<()> {
    use ambasada_core::tracking;
    use ambasada_store::recruiting::NewApplication;
    use ambasada_store::tracking::NewClick;
    let store = &state.store;
    let recruiter = id_of(state, "rekruter@demo.example").await?;
    let links = store.all_tracked_links().await?;
    let browsers = ["desktop", "mobile", "mobile", "desktop", "bot"];
    let referrers = [
        Some("www.linkedin.com"),
        Some("t.co"),
        None,
        Some("com.linkedin.android"),
        Some("www.facebook.com"),
    ];
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
                network: ambasada_core::Network::parse(&link.network)
                    .map(|n| n.as_str())
                    .unwrap_or("linkedin"),
                visitor_hash: tracking::visitor_hash("demo", &visitor, "demo", link.id),
                browser: browsers[(k + li) % browsers.len()],
                referrer_host: referrers[(k * 3 + li) % referrers.len()].map(str::to_string),
            });
        }
    }
    store.insert_clicks(&batch).await?;
    // Applications: referrals through clicks on the job offer's links, and direct ones.
    let stages = ["new", "screening", "interview", "offer", "hired", "rejected"];
    let candidates = [
        ("Marta Kaczmarek", "marta.kaczmarek@example.com"),
        ("Tomasz Baran", "tomasz.baran@example.com"),
        ("Julia Sadowska", "julia.sadowska@example.com"),
        ("Krzysztof Duda", "krzysztof.duda@example.com"),
        ("Alicja Wrona", "alicja.wrona@example.com"),
        ("Michał Sobczak", "michal.sobczak@example.com"),
        ("Natalia Górska", "natalia.gorska@example.com"),
        ("Paweł Cieślak", "pawel.cieslak@example.com"),
    ];
    let consent = super::recruiting::consent_text(state, Locale::Pl).await?;
    let referral_clicks = store
        .recent_person_clicks_for_target(&format!("/careers/{}", offers[0]), 5)
        .await?;
    for (i, (name, email)) in candidates.iter().enumerate() {
        let source = referral_clicks.get(i).cloned();
        let at = source
            .as_ref()
            .map(|s| s.at + 3_600_000)
            .unwrap_or(now - (i as i64 + 1) * 2 * DAY);
        let id = store
            .create_application(
                &NewApplication {
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
                    source,
                },
                at,
            )
            .await?;
        let stage = stages[i % stages.len()];
        if stage != "new" {
            store.move_application(id, "new", stage, recruiter, at + DAY).await?;
        }
    }
    Ok(())
}

/// Goals for both programs (one with data, one waiting for the calendar), a closed eNPS
/// survey with a dozen answers (results shown) and an open one with three so far.
async fn seed_goals_and_enps(state: &AppState, now: i64) -> anyhow::Result<()> {
    let store = &state.store;
    let coordinator = id_of(state, "koordynator@demo.example").await?;
    let programs = store.programs().await?;
    let quarter_start = now - 45 * DAY;
    let quarter_end = now + 45 * DAY;
    for p in &programs {
        let goals: &[(&str, f64)] = if p.slug == "employer-branding-pl" {
            &[
                ("applications", 40.0),
                ("participation_rate", 0.6),
                ("shares", 60.0),
                ("active_ambassadors", 10.0),
            ]
        } else {
            &[("plan_realisation", 0.8), ("clicks", 500.0)]
        };
        for (metric, target) in goals {
            let goal = ambasada_store::programs::goals::NewGoal {
                program_id: p.id,
                metric,
                target: *target,
                start: quarter_start,
                end: quarter_end,
                by: coordinator,
            };
            store.create_goal(&goal, now).await?;
        }
    }
    let closed = store.open_survey(coordinator, now - 35 * DAY).await?;
    let people = store
        .list_users(&ambasada_store::people::UserFilter {
            active: Some(true),
            limit: 12,
            ..Default::default()
        })
        .await?
        .0;
    let scores = [9u8, 10, 8, 7, 9, 6, 10, 8, 4, 9, 7, 10];
    let comments = [
        "Świetny zespół, ale chciałbym więcej szkoleń.",
        "Brakuje jasnej ścieżki awansu.",
    ];
    for (i, person) in people.iter().enumerate() {
        let comment = comments.get(i).copied();
        store
            .answer_survey(closed, person.id, scores[i % scores.len()], comment)
            .await?;
    }
    store.close_survey(closed, now - 28 * DAY).await?;
    let open = store.open_survey(coordinator, now - 5 * DAY).await?;
    for (person, score) in people.iter().zip([10u8, 8, 9]) {
        store.answer_survey(open, person.id, score, None).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn email_parts_lose_polish_letters() {
        assert_eq!(super::ascii("Łukasz"), "lukasz");
        assert_eq!(super::ascii("Wiśniewska"), "wisniewska");
        assert_eq!(super::ascii("Żaneta"), "zaneta");
    }
}
