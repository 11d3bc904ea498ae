//! Demo data: a Polish company with teams, about forty employees and a login for each
//! role. Later capabilities add their own data here.

use crate::{AppState, auth};
use ambasada_core::{Email, Locale, Network, Role};
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
        let token = auth::new_token();
        store
            .create_one_time_token(
                id,
                ambasada_store::access::Purpose::Invite,
                &auth::hash_token(&token),
                now,
                now + 7 * ambasada_core::DAY,
            )
            .await?;
        crate::mail::queue_invitation(state, email.as_str(), Locale::Pl, first, &admin.name(), &token).await?;
    }
    store.audit(Some(admin.id), "demo.seed", "demo data", now).await?;
    Ok(true)
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
