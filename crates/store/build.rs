//! Rebuilds the store when a file under `migrations/` is added, changed or removed.
//!
//! `sqlx::migrate!` embeds the migration files at compile time; cargo sees changes to
//! the files it embedded, but not a new file in the folder, which would otherwise be
//! left out of the binary (and out of the append-only check in `db.rs`) until some
//! Rust source of this crate changed.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
