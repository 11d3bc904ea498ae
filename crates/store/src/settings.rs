//! Deployment-wide settings stored in the database, shared by every instance.

use crate::{Result, Store};

impl Store {
    /// Reads a setting; when it is missing, stores `make()` and returns it. Two instances
    /// racing here agree: the loser's insert is ignored and it reads the winner's value.
    pub async fn setting_or_init(&self, name: &str, make: impl FnOnce() -> String) -> Result<String> {
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(make())
            .execute(&self.pool)
            .await?;
        let (v,): (String,) = sqlx::query_as("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(v)
    }
}
