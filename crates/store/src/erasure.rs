//! Erasure (GDPR article 17, RODO): a person's or a candidate's personal data removed
//! for good, while the rows that totals count stay, so that no dashboard total changes.
//!
//! A person: the account stays as a shell named by the caller ("former employee" in the
//! erasing admin's language), with an address that cannot receive mail and no password,
//! deactivated; their sessions, tokens, one-time links, digest settings, notifications,
//! emails, login failures, planned posts still to come and unconfirmed imports naming
//! them go; their network profiles lose the address (the size stays: reach counts it);
//! the texts and post addresses of their shares and their program application's
//! motivation are emptied; coordinators' notifications naming them go; audit entries that
//! named them name `subject` instead; job applications they made under their address are
//! erased like a candidate's. Shares, links, clicks, points, badges, past planned posts
//! and content they wrote stay, counted as before and shown under the shell's name.
//!
//! A candidate: the application stays (counted among applications and referrals, its
//! stage and source kept) without name, address, profile, message or CV; the emails to
//! them and the recruiters' notifications naming them go.
//!
//! Not rewritten: texts written about them by others (a review's notes, a decision, a
//! reason given for points) and frozen summaries (a published review's top ambassadors,
//! a Slack message's list): the retention run deletes the messages after their period.

use crate::{Result, Store};
use ambasada_core::Millis;

/// The address an erased person's account gets: unique, and never deliverable
/// (`.invalid` is reserved, RFC 2606).
pub fn erased_address(id: i64) -> String {
    format!("erased-{id}@erased.invalid")
}

/// What erasing a person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedPerson {
    /// The address they had.
    pub email: String,
    /// The CV files of job applications they made, for the caller to delete.
    pub cv_files: Vec<String>,
}

impl Store {
    /// Erases a person (see the module's notes); `shown_name` replaces their name,
    /// `candidate_name` the name on job applications they made, and `subject` their
    /// address in the audit log. `None` when there is no such person or they were erased
    /// already (also by a concurrent call).
    pub async fn erase_person(
        &self,
        id: i64,
        shown_name: &str,
        candidate_name: &str,
        subject: &str,
        now: Millis,
    ) -> Result<Option<ErasedPerson>> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1 AND erased_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((email,)) = row else {
            return Ok(None);
        };
        let email = email.to_lowercase();
        let changed = sqlx::query(
            "UPDATE users SET email = $2, first_name = $3, last_name = '', password_hash = NULL, \
             deactivated_at = COALESCE(deactivated_at, $4), erased_at = $4, updated_at = $4, \
             hide_on_boards = 1, search_key = $5 || ' ' || $2, sort_key = $6 WHERE id = $1 AND erased_at IS NULL",
        )
        .bind(id)
        .bind(erased_address(id))
        .bind(shown_name)
        .bind(now)
        .bind(crate::people::search_key(shown_name, ""))
        .bind(crate::people::sort_key(shown_name, ""))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            // Erased by another call since the SELECT.
            return Ok(None);
        }
        remove_traces(&mut tx, id, &email, now).await?;
        forget_in_audit(&mut tx, &email, subject).await?;
        // Job applications they made under their address.
        let applications: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT id, cv_file FROM applications WHERE LOWER(email) = $1 AND erased_at IS NULL ORDER BY id",
        )
        .bind(&email)
        .fetch_all(&mut *tx)
        .await?;
        for (application, _) in &applications {
            erase_application_row(&mut tx, *application, candidate_name, now).await?;
        }
        tx.commit().await?;
        Ok(Some(ErasedPerson {
            email,
            cv_files: applications.into_iter().filter_map(|(_, cv)| cv).collect(),
        }))
    }

    /// Erases a candidate's application (see the module's notes); `shown_name` replaces
    /// their name. Returns the CV's file name for the caller to delete (`Some(None)`
    /// without a CV), or `None` when there is no such application or it was erased.
    pub async fn erase_application(&self, id: i64, shown_name: &str, now: Millis) -> Result<Option<Option<String>>> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(String, Option<String>)> =
            sqlx::query_as("SELECT email, cv_file FROM applications WHERE id = $1 AND erased_at IS NULL")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((email, cv_file)) = row else {
            return Ok(None);
        };
        let email = email.to_lowercase();
        if !erase_application_row(&mut tx, id, shown_name, now).await? {
            return Ok(None);
        }
        // Emails to the candidate, unless the address is also a colleague's.
        sqlx::query(
            "DELETE FROM outbox WHERE LOWER(to_addr) = $1 \
             AND NOT EXISTS (SELECT 1 FROM users u WHERE LOWER(u.email) = $1)",
        )
        .bind(&email)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(cv_file))
    }
}

/// What goes when a person is erased, besides the account's own fields (see the module's
/// notes).
async fn remove_traces(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: i64, email: &str, now: Millis) -> Result<()> {
    for table in [
        "sessions",
        "api_tokens",
        "one_time_tokens",
        "digest_settings",
        "notifications",
        "pending_imports",
        "linkedin_accounts",
        "linkedin_posts",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE user_id = $1")))
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    // Posts still to come are no longer asked for; past ones stay in the realisation.
    sqlx::query("DELETE FROM planned_posts WHERE user_id = $1 AND status = 'planned' AND starts_at > $2")
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE user_networks SET profile_url = NULL WHERE user_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    // Coordinators' notifications that name them.
    sqlx::query(
            "DELETE FROM notifications WHERE dedup_key IN \
               (SELECT 'program-candidate:' || CAST(a.id AS TEXT) FROM program_applications a WHERE a.user_id = $1) \
             OR dedup_key IN (SELECT 'redemption-requested:' || CAST(r.id AS TEXT) FROM redemptions r WHERE r.user_id = $1)",
        )
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM pending_imports WHERE LOWER(content) LIKE $1 ESCAPE '!'")
        .bind(format!("%{}%", crate::privacy::escape_like(email)))
        .execute(&mut **tx)
        .await?;
    crate::calendar::revoke_feeds_held_by(tx, id).await?;
    sqlx::query("UPDATE shares SET text = '', post_url = NULL WHERE user_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE program_applications SET motivation = '', decision_message = NULL WHERE user_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for sql in [
        "DELETE FROM outbox WHERE LOWER(to_addr) = $1",
        "DELETE FROM login_failures WHERE LOWER(email) = $1",
    ] {
        sqlx::query(sql).bind(email).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Empties an application's personal fields; false when it was erased already.
async fn erase_application_row(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    shown_name: &str,
    now: Millis,
) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE applications SET name = $2, email = '', profile_url = NULL, message = '', cv_file = NULL, \
         future_consent_text = NULL, future_consent_until = NULL, erased_at = $3, updated_at = $3 WHERE id = $1 AND erased_at IS NULL",
    )
    .bind(id)
    .bind(shown_name)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM notifications WHERE kind = 'job-application' AND link = $1")
        .bind(format!("/app/applications/{id}"))
        .execute(&mut **tx)
        .await?;
    Ok(changed == 1)
}

/// Audit entries whose subject is `email`, or ends with a space and `email` ("Team: x@y"),
/// name `subject` there instead.
async fn forget_in_audit(tx: &mut sqlx::Transaction<'_, sqlx::Any>, email: &str, subject: &str) -> Result<()> {
    sqlx::query(
        "UPDATE audit_log SET subject = CASE WHEN LOWER(subject) = $1 THEN $3 \
         ELSE SUBSTR(subject, 1, LENGTH(subject) - LENGTH($1)) || $3 END \
         WHERE LOWER(subject) = $1 OR LOWER(subject) LIKE $2 ESCAPE '!'",
    )
    .bind(email)
    .bind(crate::privacy::ends_with_pattern(email))
    .bind(subject)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
