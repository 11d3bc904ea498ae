//! Employee import from an HRIS export (CSV): parsing with row and column errors, and
//! the plan of what an import adds, changes or leaves unchanged.
//!
//! Rules: UTF-8 (a byte-order mark is ignored), `,` or `;` as the delimiter (whichever
//! the header line uses more), a header naming the columns in English or Polish, in any
//! order. Any invalid row means nothing is imported: the caller gets every bad row.

use crate::people::Invalid;
use crate::{Email, Locale, PersonName, Role};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The columns of the import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Email,
    FirstName,
    LastName,
    Team,
    Roles,
    Language,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Email,
        Column::FirstName,
        Column::LastName,
        Column::Team,
        Column::Roles,
        Column::Language,
    ];

    /// The canonical header name, as in the documentation and error messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Email => "email",
            Column::FirstName => "first_name",
            Column::LastName => "last_name",
            Column::Team => "team",
            Column::Roles => "roles",
            Column::Language => "language",
        }
    }

    fn from_header(h: &str) -> Option<Column> {
        let h = h.trim().to_lowercase().replace([' ', '-'], "_");
        Some(match h.as_str() {
            "email" | "e_mail" | "mail" | "adres_email" => Column::Email,
            "first_name" | "firstname" | "given_name" | "imię" | "imie" => Column::FirstName,
            "last_name" | "lastname" | "surname" | "family_name" | "nazwisko" => Column::LastName,
            "team" | "department" | "zespół" | "zespol" | "dział" | "dzial" => Column::Team,
            "roles" | "role" => Column::Roles,
            "language" | "lang" | "locale" | "język" | "jezyk" => Column::Language,
            _ => return None,
        })
    }
}

/// Why a row (or the header) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The value failed a field rule.
    Invalid(Invalid),
    /// A role name we do not know.
    UnknownRole(String),
    /// The same email appears on an earlier line.
    DuplicateEmail { first_line: u64 },
    /// The header lacks a required column.
    MissingColumn,
    /// The file is not valid CSV or not UTF-8 at this line.
    Malformed,
    /// The file has a header but no rows.
    Empty,
}

/// One refused row: its line number in the file (the header is line 1), the column
/// (`None` when the whole row or file is at fault) and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: Option<Column>,
    pub problem: Problem,
}

/// A valid row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRow {
    pub line: u64,
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    /// The team (department) name, `None` when the cell is empty.
    pub team: Option<String>,
    pub roles: BTreeSet<Role>,
    pub locale: Locale,
}

/// Team names are trimmed, limited to 100 characters and free of control characters.
pub fn parse_team(s: &str) -> Result<Option<String>, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        Ok(None)
    } else if s.chars().count() > 100 {
        Err(Invalid::TooLong)
    } else {
        crate::text::check_line(s).map(|()| Some(s.to_string()))
    }
}

fn sniff_delimiter(data: &str) -> u8 {
    let header = data.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Parses the whole file. Returns every valid row, or every error found (all rows are
/// checked, so a person fixing the file sees all problems at once).
pub fn parse_employees(data: &[u8]) -> Result<Vec<EmployeeRow>, Vec<RowError>> {
    let text = decode(data)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Err(vec![malformed(1)]),
    };
    let index = column_index(&headers)?;
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<Email, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
                errors.push(malformed(line));
                continue;
            }
        };
        let line = record.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        if let Some(row) = parse_row(&record, &index, line, &mut seen, &mut errors) {
            rows.push(row);
        }
    }
    if errors.is_empty() && rows.is_empty() {
        errors.push(RowError {
            line: 2,
            column: None,
            problem: Problem::Empty,
        });
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

/// The file as text, without a byte-order mark; not UTF-8 is an error at the line of the
/// first bad byte.
fn decode(data: &[u8]) -> Result<&str, Vec<RowError>> {
    match std::str::from_utf8(data) {
        Ok(t) => Ok(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Err(e) => {
            let line = 1 + data[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64;
            Err(vec![malformed(line)])
        }
    }
}

/// The file is not valid CSV (or not UTF-8) at `line`.
fn malformed(line: u64) -> RowError {
    RowError {
        line,
        column: None,
        problem: Problem::Malformed,
    }
}

/// Where each known column is in the header (the first of two with the same meaning), or
/// an error for every required column it lacks.
fn column_index(headers: &csv::StringRecord) -> Result<HashMap<Column, usize>, Vec<RowError>> {
    let mut index: HashMap<Column, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = Column::from_header(h) {
            index.entry(c).or_insert(i);
        }
    }
    let missing: Vec<RowError> = [Column::Email, Column::FirstName, Column::LastName]
        .into_iter()
        .filter(|required| !index.contains_key(required))
        .map(|required| RowError {
            line: 1,
            column: Some(required),
            problem: Problem::MissingColumn,
        })
        .collect();
    if missing.is_empty() { Ok(index) } else { Err(missing) }
}

/// Line numbers of byte positions in the file, as an editor shows them.
///
/// The csv crate's own line numbers skip blank lines; count newlines instead. Records
/// come in order, so the count carries on from the previous record (linear in the file
/// size).
struct LineCounter<'a> {
    text: &'a str,
    /// The last position asked for and its line.
    counted: (usize, u64),
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter { text, counted: (0, 1) }
    }

    fn line_of(&mut self, byte: u64) -> u64 {
        let bytes = self.text.as_bytes();
        let mut at = (byte as usize).min(bytes.len());
        // A record after blank lines is positioned at the first blank line.
        while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        let (from, line) = if at >= self.counted.0 { self.counted } else { (0, 1) };
        let line = line + bytes[from..at].iter().filter(|b| **b == b'\n').count() as u64;
        self.counted = (at, line);
        line
    }
}

/// Checks one non-empty record at `line`: its valid row, or `None` with its problems
/// added to `errors`. `seen` holds the emails of earlier rows and their lines; a
/// repeated email is refused.
fn parse_row(
    record: &csv::StringRecord,
    index: &HashMap<Column, usize>,
    line: u64,
    seen: &mut HashMap<Email, u64>,
    errors: &mut Vec<RowError>,
) -> Option<EmployeeRow> {
    let cell = |c: Column| index.get(&c).and_then(|i| record.get(*i)).unwrap_or("");
    let mut fail = |c: Column, p: Problem| {
        errors.push(RowError {
            line,
            column: Some(c),
            problem: p,
        });
    };

    let email = Email::parse(cell(Column::Email)).map_err(|e| fail(Column::Email, Problem::Invalid(e)));
    let first = PersonName::parse(cell(Column::FirstName)).map_err(|e| fail(Column::FirstName, Problem::Invalid(e)));
    let last = PersonName::parse(cell(Column::LastName)).map_err(|e| fail(Column::LastName, Problem::Invalid(e)));
    let team = parse_team(cell(Column::Team)).map_err(|e| fail(Column::Team, Problem::Invalid(e)));
    let roles = parse_roles(cell(Column::Roles)).map_err(|name| fail(Column::Roles, Problem::UnknownRole(name)));
    let locale = match cell(Column::Language) {
        "" => Ok(Locale::default()),
        s => Locale::parse(s).map_err(|e| fail(Column::Language, Problem::Invalid(e))),
    };
    if let Ok(email) = &email {
        if let Some(first_line) = seen.get(email) {
            fail(
                Column::Email,
                Problem::DuplicateEmail {
                    first_line: *first_line,
                },
            );
            return None;
        }
        seen.insert(email.clone(), line);
    }
    Some(EmployeeRow {
        line,
        email: email.ok()?,
        first_name: first.ok()?,
        last_name: last.ok()?,
        team: team.ok()?,
        roles: roles.ok()?,
        locale: locale.ok()?,
    })
}

/// The roles of a cell (separated by `|`, `,`, `+` or spaces), or the first name that is
/// no role.
fn parse_roles(cell: &str) -> Result<BTreeSet<Role>, String> {
    cell.split(['|', ',', ' ', '+'])
        .filter(|s| !s.trim().is_empty())
        .map(|name| Role::parse(name).ok_or_else(|| name.trim().to_string()))
        .collect()
}

/// What the store knows of a person already, for comparison with a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub teams: BTreeSet<String>,
    pub roles: BTreeSet<Role>,
    pub locale: Locale,
}

/// What an import does to one row's person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Add,
    /// The person exists; the listed fields change.
    Change {
        id: i64,
        fields: Vec<Column>,
    },
    Unchanged {
        id: i64,
    },
}

/// Compares the rows with the people already stored (keyed by email). The rules of a
/// re-import: names and language are overwritten; the team in the file becomes the
/// person's only team (the HRIS is the source of truth for departments) unless the cell
/// is empty; roles in the file are added, never removed (an admin may have granted more).
pub fn plan(rows: &[EmployeeRow], known: &HashMap<Email, KnownPerson>) -> Vec<Action> {
    rows.iter()
        .map(|row| match known.get(&row.email) {
            None => Action::Add,
            Some(k) => {
                let mut fields = Vec::new();
                if k.first_name != row.first_name.as_str() {
                    fields.push(Column::FirstName);
                }
                if k.last_name != row.last_name.as_str() {
                    fields.push(Column::LastName);
                }
                if let Some(team) = &row.team
                    && (k.teams.len() != 1 || !k.teams.iter().any(|t| t.to_lowercase() == team.to_lowercase()))
                {
                    fields.push(Column::Team);
                }
                if !row.roles.is_subset(&k.roles) {
                    fields.push(Column::Roles);
                }
                if k.locale != row.locale {
                    fields.push(Column::Language);
                }
                if fields.is_empty() {
                    Action::Unchanged { id: k.id }
                } else {
                    Action::Change { id: k.id, fields }
                }
            }
        })
        .collect()
}

/// The distinct team names a set of rows mentions.
/// Names that differ only in case are one team: the first spelling in the file is kept.
pub fn team_names(rows: &[EmployeeRow]) -> Vec<String> {
    let mut seen = HashSet::new();
    rows.iter()
        .filter_map(|r| r.team.as_ref())
        .filter(|t| seen.insert(t.to_lowercase()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_names_with_control_characters_are_invalid_not_too_long() {
        assert_eq!(parse_team("  Sprzedaż "), Ok(Some("Sprzedaż".into())));
        assert_eq!(parse_team(" "), Ok(None));
        assert_eq!(parse_team("Sprzedaż\u{1b}[2J"), Err(Invalid::Characters));
        assert_eq!(parse_team(&"a".repeat(101)), Err(Invalid::TooLong));
    }

    #[test]
    fn semicolon_files_with_polish_headers_and_letters_parse() {
        let csv = "\u{feff}Email;Imię;Nazwisko;Zespół;Role;Język\n\
                   zofia.wojcik@firma.pl;Zofia;Wójcik;Sprzedaż;ambasadorka;pl\n\
                   \n\
                   jan@firma.pl;Jan;Łukasiewicz;;koordynator|redaktor;EN\n";
        let rows = parse_employees(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].last_name.as_str(), "Wójcik");
        assert_eq!(rows[0].team.as_deref(), Some("Sprzedaż"));
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].team, None);
        assert_eq!(rows[1].roles, BTreeSet::from([Role::Coordinator, Role::Editor]));
        assert_eq!(rows[1].locale, Locale::En);
    }

    #[test]
    fn every_bad_row_is_named_with_line_and_column() {
        let csv = "email,first_name,last_name,team,roles,language\n\
                   ok@firma.pl,Ola,Nowak,IT,,\n\
                   zly-adres,Piotr,Zieliński,IT,,\n\
                   ok@firma.pl,Ola,Nowak,IT,,\n\
                   a@firma.pl,,Kowal,IT,szef,de\n";
        let errors = parse_employees(csv.as_bytes()).unwrap_err();
        let got: Vec<(u64, Option<Column>)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(
            got,
            vec![
                (3, Some(Column::Email)),
                (4, Some(Column::Email)),
                (5, Some(Column::FirstName)),
                (5, Some(Column::Roles)),
                (5, Some(Column::Language)),
            ]
        );
        assert_eq!(errors[1].problem, Problem::DuplicateEmail { first_line: 2 });
        assert_eq!(errors[3].problem, Problem::UnknownRole("szef".into()));
    }

    #[test]
    fn missing_columns_and_bad_encoding_are_reported() {
        let errors = parse_employees(b"email,team\nx@y.pl,IT\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(
            errors
                .iter()
                .all(|e| e.line == 1 && e.problem == Problem::MissingColumn)
        );
        let errors = parse_employees(b"email,first_name,last_name\n\xff\xfe,a,b\n").unwrap_err();
        assert_eq!(errors[0].line, 2);
        assert_eq!(errors[0].problem, Problem::Malformed);
        let errors = parse_employees(b"email,first_name,last_name\n").unwrap_err();
        assert_eq!(errors[0].problem, Problem::Empty);
    }

    #[test]
    fn plan_tells_added_changed_and_unchanged_people_apart() {
        let csv = "email,first_name,last_name,team,roles\n\
                   new@firma.pl,Nowa,Osoba,IT,\n\
                   same@firma.pl,Ten,Sam,IT,ambassador\n\
                   moved@firma.pl,Inna,Osoba,HR,\n";
        let rows = parse_employees(csv.as_bytes()).unwrap();
        let person = |id, first: &str, last: &str, team: &str, roles: &[Role]| KnownPerson {
            id,
            first_name: first.into(),
            last_name: last.into(),
            teams: BTreeSet::from([team.to_string()]),
            roles: roles.iter().copied().collect(),
            locale: Locale::Pl,
        };
        let known = HashMap::from([
            (
                Email::parse("same@firma.pl").unwrap(),
                person(1, "Ten", "Sam", "IT", &[Role::Ambassador, Role::Editor]),
            ),
            (
                Email::parse("moved@firma.pl").unwrap(),
                person(2, "Inna", "Osoba", "IT", &[]),
            ),
        ]);
        assert_eq!(
            plan(&rows, &known),
            vec![
                Action::Add,
                Action::Unchanged { id: 1 },
                Action::Change {
                    id: 2,
                    fields: vec![Column::Team]
                },
            ]
        );
        assert_eq!(team_names(&rows), vec!["IT".to_string(), "HR".to_string()]);
    }
}
