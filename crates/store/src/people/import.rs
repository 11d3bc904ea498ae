//! Applying an employee import (the plan comes from `core::import`), and the uploaded
//! files waiting between dry run and confirmation.

use crate::{Result, Store};
use ambasada_core::people::import::{Action, EmployeeRow, KnownPerson};
use ambasada_core::{Email, Locale, Millis, Role};
use sqlx::AnyConnection;
use std::collections::{BTreeSet, HashMap};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub added: Vec<i64>,
    pub changed: usize,
    pub unchanged: usize,
}

impl Store {
    /// Everyone the store knows, by email, with names, teams, roles and language: the
    /// other side of an import's comparison. Three queries, whatever the head count.
    pub async fn known_people(&self) -> Result<HashMap<Email, KnownPerson>> {
        let users: Vec<(i64, String, String, String, String)> =
            sqlx::query_as("SELECT id, email, first_name, last_name, locale FROM users")
                .fetch_all(&self.pool)
                .await?;
        let roles: Vec<(i64, String)> = sqlx::query_as("SELECT user_id, role FROM user_roles")
            .fetch_all(&self.pool)
            .await?;
        let teams: Vec<(i64, String)> =
            sqlx::query_as("SELECT m.user_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id")
                .fetch_all(&self.pool)
                .await?;
        let mut by_id: HashMap<i64, KnownPerson> = users
            .iter()
            .map(|(id, _, first, last, locale)| {
                (
                    *id,
                    KnownPerson {
                        id: *id,
                        first_name: first.clone(),
                        last_name: last.clone(),
                        teams: BTreeSet::new(),
                        roles: BTreeSet::new(),
                        locale: Locale::parse(locale).unwrap_or_default(),
                    },
                )
            })
            .collect();
        for (id, role) in roles {
            if let (Some(p), Some(r)) = (by_id.get_mut(&id), Role::parse(&role)) {
                p.roles.insert(r);
            }
        }
        for (id, team) in teams {
            if let Some(p) = by_id.get_mut(&id) {
                p.teams.insert(team);
            }
        }
        Ok(users
            .into_iter()
            .filter_map(|(id, email, ..)| {
                let person = by_id.remove(&id)?;
                Email::parse(&email).ok().map(|e| (e, person))
            })
            .collect())
    }

    /// Applies a planned import in one transaction: all rows or none.
    pub async fn apply_import(&self, rows: &[EmployeeRow], plan: &[Action], now: Millis) -> Result<ImportOutcome> {
        let mut tx = self.pool.begin().await?;
        let team_ids = import_teams(&mut tx, rows, now).await?;
        let mut out = ImportOutcome::default();
        for (row, action) in rows.iter().zip(plan) {
            let id = match action {
                Action::Unchanged { .. } => {
                    out.unchanged += 1;
                    continue;
                }
                Action::Add => {
                    let id = add_imported_person(&mut tx, row, now).await?;
                    out.added.push(id);
                    id
                }
                Action::Change { id, .. } => {
                    update_imported_person(&mut tx, *id, row, now).await?;
                    out.changed += 1;
                    *id
                }
            };
            if let Some(team) = &row.team {
                set_only_team(&mut tx, id, team_ids[&team.to_lowercase()]).await?;
            }
            add_roles(&mut tx, id, &row.roles).await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Keeps an uploaded file until its dry run is confirmed with `token`, a random
    /// secret that the dry run's form carries: an id can come back after a delete, a
    /// token does not.
    pub async fn save_pending_import(
        &self,
        user_id: i64,
        file_name: &str,
        content: &str,
        token: &str,
        now: Millis,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO pending_imports (user_id, file_name, content, token, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_id)
        .bind(file_name)
        .bind(content)
        .bind(token)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// An uploaded file, only for the person who uploaded it and with the token of its
    /// own dry run.
    pub async fn pending_import(&self, id: i64, user_id: i64, token: &str) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT file_name, content FROM pending_imports \
             WHERE id = $1 AND user_id = $2 AND token = $3 AND token <> ''",
        )
        .bind(id)
        .bind(user_id)
        .bind(token)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Forgets an uploaded file once imported.
    pub async fn delete_pending_import(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM pending_imports WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// The ids of the teams the rows name, by lowercased name; the teams that do not exist
/// yet are created. Team names match case-insensitively ("Sprzedaż" and "sprzedaż" are
/// one team), compared in Rust since SQLite's LOWER() knows only ASCII.
async fn import_teams(conn: &mut AnyConnection, rows: &[EmployeeRow], now: Millis) -> Result<HashMap<String, i64>> {
    let existing: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM teams")
        .fetch_all(&mut *conn)
        .await?;
    let mut team_ids: HashMap<String, i64> = existing
        .into_iter()
        .map(|(id, name)| (name.to_lowercase(), id))
        .collect();
    for name in ambasada_core::people::import::team_names(rows) {
        if team_ids.contains_key(&name.to_lowercase()) {
            continue;
        }
        let (id,): (i64,) = sqlx::query_as("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(&name)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
        team_ids.insert(name.to_lowercase(), id);
    }
    Ok(team_ids)
}

/// Adds the person of a row, without a password, and returns their id.
async fn add_imported_person(conn: &mut AnyConnection, row: &EmployeeRow, now: Millis) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, first_name, last_name, locale, time_zone, created_at, updated_at, \
         search_key, sort_key) VALUES ($1, $2, $3, $4, 'Europe/Warsaw', $5, $5, $6 || ' ' || $1, $7) \
         RETURNING id",
    )
    .bind(row.email.as_str())
    .bind(row.first_name.as_str())
    .bind(row.last_name.as_str())
    .bind(row.locale.as_str())
    .bind(now)
    .bind(crate::people::search_key(
        row.first_name.as_str(),
        row.last_name.as_str(),
    ))
    .bind(crate::people::sort_key(row.first_name.as_str(), row.last_name.as_str()))
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Overwrites the names and language of person `id` with the row's.
async fn update_imported_person(conn: &mut AnyConnection, id: i64, row: &EmployeeRow, now: Millis) -> Result<()> {
    sqlx::query(
        "UPDATE users SET first_name = $2, last_name = $3, locale = $4, updated_at = $5, \
         search_key = $6 || ' ' || email, sort_key = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(row.first_name.as_str())
    .bind(row.last_name.as_str())
    .bind(row.locale.as_str())
    .bind(now)
    .bind(crate::people::search_key(
        row.first_name.as_str(),
        row.last_name.as_str(),
    ))
    .bind(crate::people::sort_key(row.first_name.as_str(), row.last_name.as_str()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Makes `team_id` the only team of person `user_id` (the HRIS is the source of truth for
/// departments).
async fn set_only_team(conn: &mut AnyConnection, user_id: i64, team_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM team_members WHERE user_id = $1 AND team_id <> $2")
        .bind(user_id)
        .bind(team_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT (team_id, user_id) DO NOTHING",
    )
    .bind(team_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Grants person `user_id` the roles, keeping those they have (roles are added, never
/// removed).
async fn add_roles(conn: &mut AnyConnection, user_id: i64, roles: &BTreeSet<Role>) -> Result<()> {
    for role in roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT (user_id, role) DO NOTHING")
            .bind(user_id)
            .bind(role.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
