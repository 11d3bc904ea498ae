//! Deployment-wide settings stored in the database, shared by every instance.

use crate::{Result, Store};

impl Store {
    /// A setting, if set.
    pub async fn setting(&self, name: &str) -> Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    /// Sets a setting.
    pub async fn set_setting(&self, name: &str, value: &str) -> Result<()> {
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .bind(name)
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

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

/// The company's brand as admins set it (empty: not set, the tool's own name and look).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    pub about: String,
    /// The logo's media file name.
    pub logo: String,
}

/// The settings that hold the brand, in the order of [`Brand`]'s fields.
const BRAND_SETTINGS: [&str; 4] = ["brand_name", "brand_colour", "brand_about", "brand_logo"];

impl Store {
    /// The brand settings, in one query.
    pub async fn brand(&self) -> Result<Brand> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT name, value FROM settings WHERE name IN ($1, $2, $3, $4)")
                .bind(BRAND_SETTINGS[0])
                .bind(BRAND_SETTINGS[1])
                .bind(BRAND_SETTINGS[2])
                .bind(BRAND_SETTINGS[3])
                .fetch_all(&self.pool)
                .await?;
        let get = |name: &str| {
            rows.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Ok(Brand {
            name: get(BRAND_SETTINGS[0]),
            colour: get(BRAND_SETTINGS[1]),
            about: get(BRAND_SETTINGS[2]),
            logo: get(BRAND_SETTINGS[3]),
        })
    }

    /// Saves every brand setting in one transaction.
    pub async fn set_brand(&self, brand: &Brand) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let values = [&brand.name, &brand.colour, &brand.about, &brand.logo];
        for (name, value) in BRAND_SETTINGS.iter().zip(values) {
            sqlx::query(
                "INSERT INTO settings (name, value) VALUES ($1, $2) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )
            .bind(*name)
            .bind(value.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
