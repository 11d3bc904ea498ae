//! Seeds the demo company's people: six teams, the fixed logins, thirty-six employees (a
//! third of them ambassadors, the last one gone) and two invitations not yet accepted.

use super::{DEMO_LOGINS, DEMO_PASSWORD};
use crate::{AppState, auth};
use ambasada_core::{DAY, Email, Locale, Network, Role};
use ambasada_store::people::{NetworkProfile, NewUser, User};

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

/// How many employees are generated from the name lists; the last one has left.
const EMPLOYEES: usize = 36;

/// The demo ambassador's networks: network, profile, size.
const AMBASSADOR_NETWORKS: &[(Network, Option<&str>, i64)] = &[
    (
        Network::Linkedin,
        Some("https://www.linkedin.com/in/zofia-wojcik-demo"),
        870,
    ),
    (Network::X, None, 240),
];

/// People invited but not yet joined, so the outbox and the invited state show.
const INVITED: &[(&str, &str)] = &[("Oliwia", "Sikorska"), ("Filip", "Baran")];

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

/// The demo address of a person: "lukasz.wisniewski@demo.example".
fn demo_email(first: &str, last: &str) -> anyhow::Result<Email> {
    Ok(Email::parse(&format!("{}.{}@demo.example", ascii(first), ascii(last)))?)
}

/// A Polish-speaking person in Warsaw, in one team.
fn person(
    email: Email,
    first: &str,
    last: &str,
    password_hash: Option<String>,
    roles: Vec<Role>,
    team: i64,
) -> NewUser {
    NewUser {
        email,
        first_name: first.into(),
        last_name: last.into(),
        locale: Locale::Pl,
        time_zone: "Europe/Warsaw".into(),
        password_hash,
        roles,
        team_ids: vec![team],
    }
}

/// Creates the teams and everybody in them. Returns the admin, who invited the newcomers.
pub(super) async fn seed_people(state: &AppState, now: i64) -> anyhow::Result<User> {
    let mut teams = Vec::new();
    for t in TEAMS {
        teams.push(state.store.create_team(t, now).await?);
    }
    // One hash for all demo accounts: hashing forty times would only slow the start.
    let hash = auth::hash_password(DEMO_PASSWORD.to_string()).await?;
    seed_logins(state, now, &teams, &hash).await?;
    seed_employees(state, now, &teams, &hash).await?;
    let admin = state
        .store
        .user_by_email(&Email::parse(DEMO_LOGINS[0].0)?)
        .await?
        .expect("admin exists");
    seed_invited(state, now, teams[3], &admin).await?;
    Ok(admin)
}

/// The fixed logins; everybody but the admin is an ambassador as well.
async fn seed_logins(state: &AppState, now: i64, teams: &[i64], hash: &str) -> anyhow::Result<()> {
    for (i, (email, role, first, last)) in DEMO_LOGINS.iter().enumerate() {
        let mut roles = vec![*role];
        if *role != Role::Ambassador && *role != Role::Admin {
            roles.push(Role::Ambassador);
        }
        let team = if *role == Role::Admin { 2 } else { i + 3 };
        let new = person(
            Email::parse(email)?,
            first,
            last,
            Some(hash.to_string()),
            roles,
            teams[team % teams.len()],
        );
        let id = state.store.create_user(&new, now).await?;
        if *role == Role::Ambassador {
            let profiles: Vec<NetworkProfile> = AMBASSADOR_NETWORKS
                .iter()
                .map(|(network, url, size)| NetworkProfile {
                    network: *network,
                    profile_url: url.map(str::to_string),
                    network_size: Some(*size),
                })
                .collect();
            state.store.set_networks(id, &profiles).await?;
        }
    }
    Ok(())
}

/// Employees named from the lists, joined one a day; every third one is an ambassador
/// on LinkedIn, every ninth (from the fifth) speaks English.
async fn seed_employees(state: &AppState, now: i64, teams: &[i64], hash: &str) -> anyhow::Result<()> {
    for i in 0..EMPLOYEES {
        let first = FIRST[i % FIRST.len()];
        let female = first.ends_with('a') && first != "Kuba";
        let last = if female {
            LAST_F[(i * 7) % LAST_F.len()]
        } else {
            LAST_M[(i * 7) % LAST_M.len()]
        };
        let ambassador = i % 3 == 0;
        let roles = if ambassador { vec![Role::Ambassador] } else { vec![] };
        let new = NewUser {
            locale: if i % 9 == 4 { Locale::En } else { Locale::Pl },
            ..person(
                demo_email(first, last)?,
                first,
                last,
                Some(hash.to_string()),
                roles,
                teams[i % teams.len()],
            )
        };
        let id = state.store.create_user(&new, now - (i as i64) * DAY).await?;
        if ambassador {
            let profile = NetworkProfile {
                network: Network::Linkedin,
                profile_url: Some(format!("https://www.linkedin.com/in/{}-{}", ascii(first), ascii(last))),
                network_size: Some(150 + (i as i64 * 137) % 2400),
            };
            state.store.set_networks(id, &[profile]).await?;
        }
        if i == EMPLOYEES - 1 {
            state.store.deactivate_user(id, now).await?;
        }
    }
    Ok(())
}

/// The invited ambassadors, without a password yet, with their invitation emails queued.
async fn seed_invited(state: &AppState, now: i64, team: i64, admin: &User) -> anyhow::Result<()> {
    for (first, last) in INVITED {
        let email = demo_email(first, last)?;
        let new = person(email.clone(), first, last, None, vec![Role::Ambassador], team);
        let id = state.store.create_user(&new, now).await?;
        crate::mail::invite(state, id, email.as_str(), Locale::Pl, first, &admin.name()).await?;
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
