//! The tables to move, read from both schemas: their columns with the PostgreSQL type
//! each value is written as, the key a table is read in pages by, the columns whose
//! values a sequence gives, and the order of the copy (a table after the tables its
//! foreign keys refer to, because PostgreSQL checks those keys row by row).

use super::TransferError;
use sqlx::{AnyConnection, AssertSqlSafe};
use std::collections::{BTreeMap, BTreeSet};

/// How a column's values are read from SQLite and bound for PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// BIGINT, INTEGER, SMALLINT: bound as BIGINT (PostgreSQL casts on assignment and
    /// refuses a value out of range).
    Int,
    Double,
    Text,
    /// BOOLEAN in PostgreSQL, an INTEGER 0 or 1 in SQLite.
    Bool,
    /// BYTEA in PostgreSQL, a BLOB in SQLite.
    Bytes,
}

impl Kind {
    /// The kind of a PostgreSQL type as `information_schema.columns.data_type` names it.
    fn of(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Double,
            "text" | "character varying" | "character" => Kind::Text,
            "boolean" => Kind::Bool,
            "bytea" => Kind::Bytes,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Column {
    pub name: String,
    pub kind: Kind,
}

/// What a table is read in pages by (`WHERE key > last ORDER BY key`): its primary key's
/// columns (indexes into the columns, in key order), or SQLite's rowid for a table
/// without a primary key.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Key {
    Columns(Vec<usize>),
    Rowid,
}

/// One table to copy.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub key: Key,
    /// Columns whose values a PostgreSQL sequence gives (identity or serial).
    pub generated: Vec<String>,
    /// Filled by the migrations ([`super::FILLED_BY_MIGRATIONS`]): the source's rows
    /// replace the target's.
    pub refill: bool,
}

/// A SQLite table as its schema describes it: columns (name, position in the primary
/// key or 0) and the tables its foreign keys refer to.
struct SourceTable {
    columns: Vec<(String, i64)>,
    parents: BTreeSet<String>,
}

/// A PostgreSQL column: name, `data_type`, and whether a sequence gives its values.
struct TargetColumn {
    name: String,
    data_type: String,
    generated: bool,
}

/// A name quoted as an SQL identifier (both engines).
pub(super) fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The tables to copy, in the order of the copy; refuses when the schemas differ.
pub(super) async fn plan(src: &mut AnyConnection, dst: &mut AnyConnection) -> Result<Vec<Table>, TransferError> {
    let source = source_tables(src).await?;
    let target = target_tables(dst).await?;
    let only_source: Vec<&str> = (source.keys().filter(|n| !target.contains_key(*n)))
        .map(String::as_str)
        .collect();
    let only_target: Vec<&str> = (target.keys().filter(|n| !source.contains_key(*n)))
        .map(String::as_str)
        .collect();
    if !only_source.is_empty() || !only_target.is_empty() {
        return Err(TransferError::Schema(format!(
            "tables only in SQLite: [{}]; only in PostgreSQL: [{}]",
            only_source.join(", "),
            only_target.join(", ")
        )));
    }
    let parents = source.iter().map(|(n, t)| (n.clone(), t.parents.clone())).collect();
    let order = load_order(&parents).map_err(|cycle| {
        TransferError::Schema(format!(
            "the foreign keys of [{}] refer to each other in a cycle: no order of the copy satisfies them",
            cycle.join(", ")
        ))
    })?;
    order
        .into_iter()
        .map(|name| table(&name, &source[&name], &target[&name]))
        .collect()
}

/// One table to copy from its two descriptions; refuses when their columns differ or a
/// column's PostgreSQL type is one the move cannot write.
fn table(name: &str, source: &SourceTable, target: &[TargetColumn]) -> Result<Table, TransferError> {
    let schema = |message: String| TransferError::Schema(format!("table {name}: {message}"));
    let only_source: Vec<&str> = (source.columns.iter())
        .filter(|(c, _)| !target.iter().any(|t| &t.name == c))
        .map(|(c, _)| c.as_str())
        .collect();
    let only_target: Vec<&str> = (target.iter())
        .filter(|t| !source.columns.iter().any(|(c, _)| c == &t.name))
        .map(|t| t.name.as_str())
        .collect();
    if !only_source.is_empty() || !only_target.is_empty() {
        return Err(schema(format!(
            "columns only in SQLite: [{}]; only in PostgreSQL: [{}]",
            only_source.join(", "),
            only_target.join(", ")
        )));
    }
    let mut columns = Vec::with_capacity(source.columns.len());
    for (c, _) in &source.columns {
        let t = target.iter().find(|t| &t.name == c).expect("compared above");
        let kind = Kind::of(&t.data_type).ok_or_else(|| {
            schema(format!(
                "column {c} is {} in PostgreSQL, a type the move cannot copy",
                t.data_type
            ))
        })?;
        columns.push(Column { name: c.clone(), kind });
    }
    let mut key: Vec<(i64, usize)> = (source.columns.iter().enumerate())
        .filter(|(_, (_, pk))| *pk > 0)
        .map(|(i, (_, pk))| (*pk, i))
        .collect();
    key.sort();
    Ok(Table {
        name: name.to_string(),
        columns,
        key: if key.is_empty() {
            Key::Rowid
        } else {
            Key::Columns(key.into_iter().map(|(_, i)| i).collect())
        },
        generated: target.iter().filter(|t| t.generated).map(|t| t.name.clone()).collect(),
        refill: super::FILLED_BY_MIGRATIONS.contains(&name),
    })
}

/// The SQLite file's tables: every table but SQLite's own (`sqlite_sequence`,
/// `sqlite_stat1`, ...) and sqlx's record of migrations (the target keeps its own).
/// Names are lower-cased: SQLite keeps them as written, PostgreSQL folds them.
async fn source_tables(conn: &mut AnyConnection) -> Result<BTreeMap<String, SourceTable>, TransferError> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = BTreeMap::new();
    for (name,) in names {
        let columns: Vec<(String, i64)> = sqlx::query_as("SELECT name, pk FROM pragma_table_info($1) ORDER BY cid")
            .bind(&name)
            .fetch_all(&mut *conn)
            .await?;
        let parents: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)")
            .bind(&name)
            .fetch_all(&mut *conn)
            .await?;
        out.insert(
            name.to_lowercase(),
            SourceTable {
                columns: columns.into_iter().map(|(c, pk)| (c.to_lowercase(), pk)).collect(),
                parents: parents.into_iter().map(|(p,)| p.to_lowercase()).collect(),
            },
        );
    }
    Ok(out)
}

/// The PostgreSQL database's tables (of its current schema) and their columns, but
/// sqlx's record of migrations. The information schema's own types are cast to TEXT,
/// which the Any driver reads.
async fn target_tables(conn: &mut AnyConnection) -> Result<BTreeMap<String, Vec<TargetColumn>>, TransferError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT CAST(c.table_name AS TEXT), CAST(c.column_name AS TEXT), CAST(c.data_type AS TEXT), \
         CAST(CASE WHEN c.is_identity = 'YES' OR c.column_default LIKE 'nextval(%' THEN 1 ELSE 0 END AS BIGINT) \
         FROM information_schema.columns c JOIN information_schema.tables t \
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
         AND c.table_name <> '_sqlx_migrations' ORDER BY c.table_name, c.ordinal_position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out: BTreeMap<String, Vec<TargetColumn>> = BTreeMap::new();
    for (table, name, data_type, generated) in rows {
        out.entry(table).or_default().push(TargetColumn {
            name,
            data_type,
            generated: generated == 1,
        });
    }
    Ok(out)
}

/// Refuses a target in which any table holds rows, but those the migrations fill.
pub(super) async fn refuse_rows(dst: &mut AnyConnection, tables: &[Table]) -> Result<(), TransferError> {
    for t in tables.iter().filter(|t| !t.refill) {
        // Whether one row exists, without counting a large table.
        let (n,): (i64,) = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM {} LIMIT 1) AS one",
            ident(&t.name)
        )))
        .fetch_one(&mut *dst)
        .await?;
        if n > 0 {
            return Err(TransferError::TargetNotEmpty { table: t.name.clone() });
        }
    }
    Ok(())
}

/// The tables in an order in which each comes after every table its foreign keys refer
/// to (`parents`), ties by name. A table that refers to itself is no obstacle here: its
/// rows are copied in key order, and a row whose parent comes later in that order would
/// be refused by its foreign key, naming the table (no table of ours refers to itself).
/// References to tables outside the map are ignored. `Err`: the tables left in a cycle.
pub(super) fn load_order(parents: &BTreeMap<String, BTreeSet<String>>) -> Result<Vec<String>, Vec<String>> {
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut order = Vec::with_capacity(parents.len());
    while order.len() < parents.len() {
        let ready = parents.iter().find(|(name, ps)| {
            !placed.contains(name.as_str())
                && ps
                    .iter()
                    .all(|p| p == *name || placed.contains(p.as_str()) || !parents.contains_key(p))
        });
        match ready {
            Some((name, _)) => {
                placed.insert(name);
                order.push(name.clone());
            }
            None => {
                return Err(parents
                    .keys()
                    .filter(|n| !placed.contains(n.as_str()))
                    .cloned()
                    .collect());
            }
        }
    }
    Ok(order)
}
