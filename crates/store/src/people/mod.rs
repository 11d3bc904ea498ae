//! People, their roles, teams and social network profiles.

pub mod access;
pub mod import;
mod lifecycle;

use crate::{Result, Store, StoreError};
use ambasada_core::{Email, Locale, Millis, Network, Role};
use sqlx::AssertSqlSafe;

/// A person as the rest of the program sees them.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub locale: Locale,
    pub time_zone: String,
    pub created_at: Millis,
    pub deactivated_at: Option<Millis>,
    /// When their personal data was erased (the account is a shell since).
    pub erased_at: Option<Millis>,
    /// False until the person accepted an invitation (or an admin set a password).
    pub has_password: bool,
    /// Whether an invitation was ever sent (`users.invited_at`; people imported without
    /// invitations have none until an admin sends one).
    pub invited: bool,
    pub roles: Vec<Role>,
    pub teams: Vec<Team>,
}

impl User {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
    pub fn is_active(&self) -> bool {
        self.deactivated_at.is_none()
    }
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// A team or department.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Team {
    pub id: i64,
    pub name: String,
}

/// A team with the number of active members, for the teams page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamSummary {
    pub id: i64,
    pub name: String,
    pub members: i64,
}

/// A person's account on one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkProfile {
    pub network: Network,
    pub profile_url: Option<String>,
    pub network_size: Option<i64>,
}

/// What creating a person needs.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub locale: Locale,
    pub time_zone: String,
    pub password_hash: Option<String>,
    pub roles: Vec<Role>,
    pub team_ids: Vec<i64>,
}

/// Which people the admin list shows.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Matches name or email, case-insensitively.
    pub q: Option<String>,
    pub role: Option<Role>,
    pub team_id: Option<i64>,
    /// `Some(true)`: active only; `Some(false)`: deactivated only.
    pub active: Option<bool>,
    pub offset: i64,
    pub limit: i64,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    first_name: String,
    last_name: String,
    locale: String,
    time_zone: String,
    created_at: i64,
    deactivated_at: Option<i64>,
    erased_at: Option<i64>,
    has_password: i64,
    invited: i64,
}

const USER_COLUMNS: &str = "u.id, u.email, u.first_name, u.last_name, u.locale, u.time_zone, \
     u.created_at, u.deactivated_at, u.erased_at, \
     CAST(CASE WHEN u.password_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_password, \
     CAST(CASE WHEN u.invited_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS invited";

impl UserRow {
    fn into_user(self) -> User {
        User {
            id: self.id,
            email: self.email,
            first_name: self.first_name,
            last_name: self.last_name,
            locale: Locale::parse(&self.locale).unwrap_or_default(),
            time_zone: self.time_zone,
            created_at: self.created_at,
            deactivated_at: self.deactivated_at,
            erased_at: self.erased_at,
            has_password: self.has_password != 0,
            invited: self.invited != 0,
            roles: Vec::new(),
            teams: Vec::new(),
        }
    }
}

/// `$first, $first+1, ...` for an IN list of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the people search matches: names lower-cased by Rust (SQLite's `LOWER()` leaves
/// "Ł" alone), then the email (already lower case), appended in SQL.
pub(crate) fn search_key(first: &str, last: &str) -> String {
    format!("{} {}", first.to_lowercase(), last.to_lowercase())
}

/// A key that sorts Polish names in Polish order on both engines, whatever their
/// collation: each letter with a diacritic becomes its base letter followed by `{`,
/// which sorts after every ASCII letter ("Łukasz" after "Lis", before "Małek").
pub(crate) fn sort_key(first: &str, last: &str) -> String {
    let mut out = String::new();
    for c in format!("{last} {first}").to_lowercase().chars() {
        let base = match c {
            'ą' => Some('a'),
            'ć' => Some('c'),
            'ę' => Some('e'),
            'ł' => Some('l'),
            'ń' => Some('n'),
            'ó' => Some('o'),
            'ś' => Some('s'),
            'ź' => Some('z'),
            'ż' => Some('z'),
            _ => None,
        };
        match base {
            Some(b) => {
                out.push(b);
                out.push(if c == 'ż' { '|' } else { '{' });
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) fn like_escape_for_test(s: &str) -> String {
    like_escape(s)
}

/// Escapes `%`, `_` and `\` for a `LIKE ... ESCAPE '\'` pattern.
fn like_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Store {
    /// Creates a person with roles and teams, in one transaction.
    pub async fn create_user(&self, new: &NewUser, now: Millis) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, first_name, last_name, password_hash, locale, time_zone, created_at, updated_at, \
             search_key, sort_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8 || ' ' || $1, $9) RETURNING id",
        )
        .bind(new.email.as_str())
        .bind(&new.first_name)
        .bind(&new.last_name)
        .bind(new.password_hash.as_deref())
        .bind(new.locale.as_str())
        .bind(&new.time_zone)
        .bind(now)
        .bind(search_key(&new.first_name, &new.last_name))
        .bind(sort_key(&new.first_name, &new.last_name))
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::on_unique("email"))?;
        for role in &new.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
        }
        for team in &new.team_ids {
            sqlx::query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)")
                .bind(team)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Fills roles and teams of the given people.
    async fn with_roles_and_teams(&self, mut users: Vec<User>) -> Result<Vec<User>> {
        if users.is_empty() {
            return Ok(users);
        }
        let ids = placeholders(1, users.len());
        let mut q = sqlx::query_as::<_, (i64, String)>(AssertSqlSafe(format!(
            "SELECT user_id, role FROM user_roles WHERE user_id IN ({ids}) ORDER BY user_id"
        )));
        for u in &users {
            q = q.bind(u.id);
        }
        let roles = q.fetch_all(&self.pool).await?;
        let mut q = sqlx::query_as::<_, (i64, i64, String)>(AssertSqlSafe(format!(
            "SELECT m.user_id, t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id \
             WHERE m.user_id IN ({ids}) ORDER BY t.name"
        )));
        for u in &users {
            q = q.bind(u.id);
        }
        let teams = q.fetch_all(&self.pool).await?;
        for u in &mut users {
            u.roles = roles
                .iter()
                .filter(|(id, _)| *id == u.id)
                .filter_map(|(_, r)| Role::parse(r))
                .collect();
            u.roles.sort();
            u.teams = teams
                .iter()
                .filter(|(id, _, _)| *id == u.id)
                .map(|(_, tid, name)| Team {
                    id: *tid,
                    name: name.clone(),
                })
                .collect();
        }
        Ok(users)
    }

    /// One person by id, active or not.
    pub async fn user(&self, id: i64) -> Result<Option<User>> {
        let row: Option<UserRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(self.with_roles_and_teams(vec![row.into_user()]).await?.pop())
    }

    /// One person by email, active or not.
    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some((id,)) => self.user(id).await,
            None => Ok(None),
        }
    }

    /// The id, password hash and deactivation time of an account, for login.
    pub async fn credentials(&self, email: &Email) -> Result<Option<(i64, Option<String>, Option<Millis>)>> {
        Ok(
            sqlx::query_as("SELECT id, password_hash, deactivated_at FROM users WHERE email = $1")
                .bind(email.as_str())
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The people matching a filter, a page of them, and how many match in all.
    pub async fn list_users(&self, f: &UserFilter) -> Result<(Vec<User>, i64)> {
        // Each condition is bound even when unused ("$1 IS NULL OR ..."), so the statement
        // text is the same for every filter and both engines prepare it once.
        let q =
            f.q.as_ref()
                .map(|q| format!("%{}%", like_escape(&q.trim().to_lowercase())));
        let active = f.active.map(|a| if a { 1i64 } else { 0 });
        let where_ = "WHERE ($1 IS NULL OR u.search_key LIKE $1 ESCAPE '\\') \
             AND ($2 IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2)) \
             AND ($3 IS NULL OR EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = u.id AND m.team_id = $3)) \
             AND ($4 IS NULL OR ($4 = 1 AND u.deactivated_at IS NULL) OR ($4 = 0 AND u.deactivated_at IS NOT NULL))";
        let (total,): (i64,) = sqlx::query_as(AssertSqlSafe(format!("SELECT COUNT(*) FROM users u {where_}")))
            .bind(q.clone())
            .bind(f.role.map(|r| r.as_str()))
            .bind(f.team_id)
            .bind(active)
            .fetch_one(&self.pool)
            .await?;
        let rows: Vec<UserRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u {where_} ORDER BY u.sort_key, u.id LIMIT $5 OFFSET $6"
        )))
        .bind(q)
        .bind(f.role.map(|r| r.as_str()))
        .bind(f.team_id)
        .bind(active)
        .bind(f.limit)
        .bind(f.offset)
        .fetch_all(&self.pool)
        .await?;
        let users = self
            .with_roles_and_teams(rows.into_iter().map(UserRow::into_user).collect())
            .await?;
        Ok((users, total))
    }

    /// Changes what a person says about themselves.
    pub async fn update_profile(
        &self,
        id: i64,
        first_name: &str,
        last_name: &str,
        locale: Locale,
        time_zone: &str,
        now: Millis,
    ) -> Result<()> {
        let r = sqlx::query(
            "UPDATE users SET first_name = $2, last_name = $3, locale = $4, time_zone = $5, updated_at = $6, \
             search_key = $7 || ' ' || email, sort_key = $8 WHERE id = $1",
        )
        .bind(id)
        .bind(first_name)
        .bind(last_name)
        .bind(locale.as_str())
        .bind(time_zone)
        .bind(now)
        .bind(search_key(first_name, last_name))
        .bind(sort_key(first_name, last_name))
        .execute(&self.pool)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Sets only the language (the language switch).
    pub async fn set_locale(&self, id: i64, locale: Locale, now: Millis) -> Result<()> {
        sqlx::query("UPDATE users SET locale = $2, updated_at = $3 WHERE id = $1")
            .bind(id)
            .bind(locale.as_str())
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Replaces a person's roles and teams (the admin's edit page), in one transaction.
    pub async fn set_roles_and_teams(&self, id: i64, roles: &[Role], team_ids: &[i64], now: Millis) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        if !roles.contains(&Role::Coordinator) && !roles.contains(&Role::Admin) {
            // No longer someone who may hold a program's feed.
            sqlx::query(
                "UPDATE calendar_feeds SET version = version + 1 WHERE owner = 'program' \
                 AND owner_id IN (SELECT id FROM programs WHERE coordinator_id = $1)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for role in roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM team_members WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for team in team_ids {
            sqlx::query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)")
                .bind(team)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE users SET updated_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores a new password hash.
    pub async fn set_password_hash(&self, id: i64, hash: &str, now: Millis) -> Result<()> {
        sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(id)
            .bind(hash)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The password hash of a person, for checking the current password.
    pub async fn password_hash(&self, id: i64) -> Result<Option<String>> {
        let row: Option<(Option<String>,)> = sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// How many active people hold a role (to keep at least one admin).
    pub async fn count_active_with_role(&self, role: Role) -> Result<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE r.role = $1 AND u.deactivated_at IS NULL",
        )
        .bind(role.as_str())
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// Active people, and of those how many were invited and have not set a password yet.
    pub async fn people_counts(&self) -> Result<(i64, i64)> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN password_hash IS NULL AND invited_at IS NOT NULL \
             THEN 1 ELSE 0 END), 0) AS BIGINT) \
             FROM users WHERE deactivated_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// A person's network profiles, one per network they filled in.
    pub async fn networks(&self, user_id: i64) -> Result<Vec<NetworkProfile>> {
        let rows: Vec<(String, Option<String>, Option<i64>)> = sqlx::query_as(
            "SELECT network, profile_url, network_size FROM user_networks WHERE user_id = $1 ORDER BY network",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(n, profile_url, network_size)| {
                Network::parse(&n).map(|network| NetworkProfile {
                    network,
                    profile_url,
                    network_size,
                })
            })
            .collect())
    }

    /// Replaces a person's network profiles; networks with neither URL nor size are removed.
    pub async fn set_networks(&self, user_id: i64, profiles: &[NetworkProfile]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM user_networks WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for p in profiles
            .iter()
            .filter(|p| p.profile_url.is_some() || p.network_size.is_some())
        {
            sqlx::query(
                "INSERT INTO user_networks (user_id, network, profile_url, network_size) VALUES ($1, $2, $3, $4)",
            )
            .bind(user_id)
            .bind(p.network.as_str())
            .bind(p.profile_url.as_deref())
            .bind(p.network_size)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every team with its number of active members, by name.
    pub async fn teams(&self) -> Result<Vec<TeamSummary>> {
        Ok(sqlx::query_as(
            "SELECT t.id, t.name, \
             (SELECT COUNT(*) FROM team_members m JOIN users u ON u.id = m.user_id \
              WHERE m.team_id = t.id AND u.deactivated_at IS NULL) AS members \
             FROM teams t ORDER BY t.name",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// One team.
    pub async fn team(&self, id: i64) -> Result<Option<Team>> {
        Ok(sqlx::query_as("SELECT id, name FROM teams WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Creates a team; a taken name is a [`StoreError::Conflict`].
    pub async fn create_team(&self, name: &str, now: Millis) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(name)
            .bind(now)
            .fetch_one(&self.pool)
            .await
            .map_err(StoreError::on_unique("team"))?;
        Ok(id)
    }

    /// Renames a team; a taken name is a [`StoreError::Conflict`].
    pub async fn rename_team(&self, id: i64, name: &str) -> Result<()> {
        let r = sqlx::query("UPDATE teams SET name = $2 WHERE id = $1")
            .bind(id)
            .bind(name)
            .execute(&self.pool)
            .await
            .map_err(StoreError::on_unique("team"))?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Deletes a team; its members stay, without it.
    pub async fn delete_team(&self, id: i64) -> Result<()> {
        let r = sqlx::query("DELETE FROM teams WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
