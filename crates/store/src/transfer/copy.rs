//! Copying one table's rows, page by page, from SQLite into PostgreSQL; setting the
//! sequences past the copied ids; counting rows.
//!
//! A page is read by its key (`WHERE key > last ORDER BY key LIMIT n`, which an index
//! answers), so memory holds one page whatever the table's size (`clicks` may hold many
//! millions of rows), and each page goes to PostgreSQL as one multi-row INSERT while
//! the next page is read.

use super::TransferError;
use super::schema::{Key, Kind, Table, ident};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AssertSqlSafe, Row};

/// Rows a page holds at most (one INSERT each).
const PAGE_ROWS: usize = 1_000;
/// The most parameters PostgreSQL takes in one statement.
const MAX_PARAMS: usize = 65_535;

/// Rows a page of a table with `columns` columns holds: [`PAGE_ROWS`], fewer when that
/// many would take more than [`MAX_PARAMS`] parameters.
pub(super) fn page_rows(columns: usize) -> usize {
    (MAX_PARAMS / columns.max(1)).clamp(1, PAGE_ROWS)
}

/// One value as read from SQLite, to be bound for PostgreSQL.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null(Kind),
    Int(i64),
    Double(f64),
    Text(String),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// A row as read: the table's columns in order, then the rowid when the table is read
/// by it.
type Record = Vec<Value>;

/// Copies every row of `t` from `src` to `dst`; returns how many. A table the
/// migrations fill is emptied first.
pub(super) async fn table(src: &mut AnyConnection, dst: &mut AnyConnection, t: &Table) -> Result<i64, TransferError> {
    if t.refill {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {}", ident(&t.name))))
            .execute(&mut *dst)
            .await?;
    }
    let limit = page_rows(t.columns.len());
    let first = select_sql(t, false, limit);
    let next = select_sql(t, true, limit);
    let full_insert = insert_sql(t, limit);
    let mut page = read(src, &first, t, Vec::new()).await?;
    let mut copied = 0;
    while !page.is_empty() {
        let rows = page.len();
        let after = (rows == limit).then(|| key_of(t, &page[rows - 1]));
        let insert = if rows == limit {
            full_insert.clone()
        } else {
            insert_sql(t, rows)
        };
        let (more, written) = tokio::join!(
            async {
                match after {
                    Some(after) => read(src, &next, t, after).await,
                    None => Ok(Vec::new()),
                }
            },
            write(dst, insert, t, page),
        );
        written?;
        copied += rows as i64;
        page = more?;
    }
    Ok(copied)
}

/// The SELECT of a page: the columns (and the rowid when the table is read by it) in key
/// order, after the key values bound as `$1..` when `after`.
pub(super) fn select_sql(t: &Table, after: bool, limit: usize) -> String {
    let mut columns: Vec<String> = t.columns.iter().map(|c| ident(&c.name)).collect();
    let key: Vec<String> = match &t.key {
        Key::Columns(ix) => ix.iter().map(|&i| ident(&t.columns[i].name)).collect(),
        Key::Rowid => {
            columns.push("rowid".into());
            vec!["rowid".into()]
        }
    };
    let filter = match (after, key.len()) {
        (false, _) => String::new(),
        (true, 1) => format!(" WHERE {} > $1", key[0]),
        // A row value: SQLite compares it column by column, as the ORDER BY sorts.
        (true, n) => format!(
            " WHERE ({}) > ({})",
            key.join(", "),
            (1..=n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
        ),
    };
    format!(
        "SELECT {} FROM {}{filter} ORDER BY {} LIMIT {limit}",
        columns.join(", "),
        ident(&t.name),
        key.join(", ")
    )
}

/// The INSERT of `rows` rows of `t`, their values bound as `$1..` row after row.
pub(super) fn insert_sql(t: &Table, rows: usize) -> String {
    let n = t.columns.len();
    let columns: Vec<String> = t.columns.iter().map(|c| ident(&c.name)).collect();
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=n).map(|c| format!("${}", r * n + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect();
    // The ids are the source's, also in `GENERATED ALWAYS` identity columns, which take
    // a given value only with OVERRIDING SYSTEM VALUE (a table without an identity
    // column ignores it).
    format!(
        "INSERT INTO {} ({}) OVERRIDING SYSTEM VALUE VALUES {}",
        ident(&t.name),
        columns.join(", "),
        values.join(", ")
    )
}

/// The key values of a record, to read the page after it.
fn key_of(t: &Table, record: &Record) -> Vec<Value> {
    match &t.key {
        Key::Columns(ix) => ix.iter().map(|&i| record[i].clone()).collect(),
        Key::Rowid => vec![record[t.columns.len()].clone()],
    }
}

async fn read(src: &mut AnyConnection, sql: &str, t: &Table, after: Vec<Value>) -> Result<Vec<Record>, TransferError> {
    let mut q = sqlx::query(AssertSqlSafe(sql.to_string()));
    for v in after {
        q = bind(q, v);
    }
    let rows = q.fetch_all(&mut *src).await?;
    rows.iter().map(|r| record(t, r)).collect()
}

async fn write(dst: &mut AnyConnection, sql: String, t: &Table, page: Vec<Record>) -> Result<(), TransferError> {
    let mut q = sqlx::query(AssertSqlSafe(sql));
    for record in page {
        for v in record.into_iter().take(t.columns.len()) {
            q = bind(q, v);
        }
    }
    q.execute(&mut *dst).await?;
    Ok(())
}

/// A row of `t` as read from SQLite.
fn record(t: &Table, row: &AnyRow) -> Result<Record, TransferError> {
    let mut out = Vec::with_capacity(t.columns.len() + 1);
    for (i, c) in t.columns.iter().enumerate() {
        out.push(value(row, i, c.kind).map_err(|e| TransferError::Table {
            table: t.name.clone(),
            message: format!("column {}: {e}", c.name),
        })?);
    }
    if t.key == Key::Rowid {
        out.push(value(row, t.columns.len(), Kind::Int)?);
    }
    Ok(out)
}

/// The value in column `i`, read as `kind` says. The Any driver reads a SQLite value by
/// its storage class, so a whole number in a REAL column, which SQLite may hand back as
/// an INTEGER, is read as such and widened.
fn value(row: &AnyRow, i: usize, kind: Kind) -> Result<Value, sqlx::Error> {
    let or_null = |v: Option<Value>| v.unwrap_or(Value::Null(kind));
    Ok(or_null(match kind {
        Kind::Int => row.try_get::<Option<i64>, _>(i)?.map(Value::Int),
        Kind::Double => match row.try_get::<Option<f64>, _>(i) {
            Ok(v) => v.map(Value::Double),
            Err(_) => row.try_get::<Option<i64>, _>(i)?.map(|n| Value::Double(n as f64)),
        },
        Kind::Text => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
        Kind::Bool => row.try_get::<Option<i64>, _>(i)?.map(|n| Value::Bool(n != 0)),
        Kind::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
    }))
}

/// Binds a value; a NULL with its column's type, which PostgreSQL needs to resolve a
/// multi-row VALUES list.
fn bind(q: Query<'_, Any, AnyArguments>, v: Value) -> Query<'_, Any, AnyArguments> {
    match v {
        Value::Null(Kind::Int) => q.bind(None::<i64>),
        Value::Null(Kind::Double) => q.bind(None::<f64>),
        Value::Null(Kind::Text) => q.bind(None::<String>),
        Value::Null(Kind::Bool) => q.bind(None::<bool>),
        Value::Null(Kind::Bytes) => q.bind(None::<Vec<u8>>),
        Value::Int(n) => q.bind(n),
        Value::Double(d) => q.bind(d),
        Value::Text(s) => q.bind(s),
        Value::Bool(b) => q.bind(b),
        Value::Bytes(b) => q.bind(b),
    }
}

/// Sets every sequence of the copied tables to the largest value copied, so that the
/// next insert takes the one after it. A table that stayed empty keeps its sequence as
/// it was (its next value is free).
pub(super) async fn set_sequences(dst: &mut AnyConnection, tables: &[Table]) -> Result<(), TransferError> {
    for t in tables {
        for column in &t.generated {
            let c = ident(column);
            sqlx::query(AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), MAX({c})) FROM {} HAVING MAX({c}) IS NOT NULL",
                ident(&t.name)
            )))
            // The table as an identifier (quoted), the column as it is named.
            .bind(ident(&t.name))
            .bind(column.clone())
            .execute(&mut *dst)
            .await?;
        }
    }
    Ok(())
}

/// `SELECT COUNT(*)` of a table.
pub(super) async fn count(conn: &mut AnyConnection, table: &str) -> Result<i64, TransferError> {
    let (n,): (i64,) = sqlx::query_as(AssertSqlSafe(format!("SELECT COUNT(*) FROM {}", ident(table))))
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}
