//! CSV exports of reports, written so that a spreadsheet opens them right in each
//! language: UTF-8 with a byte order mark (Excel otherwise guesses a legacy code page),
//! `;` between cells and a decimal comma in Polish (Polish Excel reads `,` as the decimal
//! separator), `,` and a decimal point in English, CRLF line ends.

use ambasada_core::Locale;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A cell a spreadsheet would run as a formula (`=`, `+`, `@`, a tab or carriage return,
/// or `-` not followed by a digit) gets a leading apostrophe, so an exported name like
/// `=HYPERLINK(...)` stays text. Negative numbers (`-0,5`) are left alone.
fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    // A negative number (as `number` writes it, with a point or a comma) stays a number;
    // any other cell that starts like a formula is text ("-2+3" included).
    let is_number = cell.replace(',', ".").parse::<f64>().is_ok_and(f64::is_finite);
    let risky = !is_number && matches!(cell.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky { format!("'{cell}").into() } else { cell.into() }
}

/// The file: a header row, then the rows, each cell quoted when it needs it.
pub fn csv_bytes(locale: Locale, headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let delimiter = if locale == Locale::Pl { b';' } else { b',' };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(BOM.to_vec());
    let lines = std::iter::once(headers).chain(rows.iter().map(Vec::as_slice));
    for line in lines {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(line.iter().map(|c| defuse(c).into_owned()));
    }
    w.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone())
}

/// The file name reduced to ASCII letters, digits, `-`, `_` and `.` (Polish letters lose
/// their diacritics, anything else becomes `-`), ending in `.csv`.
pub fn safe_filename(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        let c = match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            'Ą' => 'A',
            'Ć' => 'C',
            'Ę' => 'E',
            'Ł' => 'L',
            'Ń' => 'N',
            'Ó' => 'O',
            'Ś' => 'S',
            'Ź' | 'Ż' => 'Z',
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') => c,
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let mut out: String = out.trim_matches(['-', '.']).chars().take(100).collect();
    if out.to_ascii_lowercase().ends_with(".csv") {
        out.truncate(out.len() - 4);
    }
    let out = out.trim_matches(['-', '.']);
    if out.is_empty() {
        "report.csv".to_owned()
    } else {
        format!("{out}.csv")
    }
}

/// The download: 200, `text/csv; charset=utf-8`, an attachment named `filename` (made
/// safe), never cached.
pub fn csv_response(filename: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", safe_filename(filename));
    let mut res = (StatusCode::OK, bytes).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    res
}

/// A number for a CSV cell: `places` decimals, a decimal comma in Polish, a point in
/// English, no thousands separators. Not a number gives an empty cell.
pub fn number(locale: Locale, value: f64, places: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let mut s = format!("{value:.places$}");
    if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
        s.remove(0);
    }
    if locale == Locale::Pl { s.replace('.', ",") } else { s }
}

/// Whether the client asks for CSV: its `Accept` names `text/csv` (with a non-zero `q`).
pub fn csv_wanted(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(',').any(|item| {
                let mut parts = item.split(';').map(str::trim);
                let is_csv = parts.next().is_some_and(|m| m.eq_ignore_ascii_case("text/csv"));
                let refused = parts.any(|p| {
                    p.split_once('=').is_some_and(|(k, q)| {
                        k.trim().eq_ignore_ascii_case("q") && q.trim().parse::<f64>().is_ok_and(|q| q <= 0.0)
                    })
                });
                is_csv && !refused
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn polish_files_use_semicolons_and_decimal_commas() {
        let rows = vec![
            s(&["Zażółć; gęślą", "0,25", "12"]),
            s(&["Anna \"Ania\" Nowak", "1,5", "line\nbreak"]),
        ];
        let bytes = csv_bytes(Locale::Pl, &s(&["Osoba", "Udział", "Kliknięcia"]), &rows);
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "Osoba;Udział;Kliknięcia\r\n\"Zażółć; gęślą\";0,25;12\r\n\"Anna \"\"Ania\"\" Nowak\";1,5;\"line\nbreak\"\r\n"
        );
    }

    #[test]
    fn english_files_use_commas() {
        let bytes = csv_bytes(Locale::En, &s(&["Person", "Rate"]), &[s(&["Nowak, Anna", "0.25"])]);
        assert_eq!(&bytes[3..], "Person,Rate\r\n\"Nowak, Anna\",0.25\r\n".as_bytes());
        let empty = csv_bytes(Locale::En, &s(&["A"]), &[]);
        assert_eq!(&empty[3..], b"A\r\n");
    }

    #[test]
    fn formulas_stay_text() {
        let bytes = csv_bytes(
            Locale::En,
            &s(&["x"]),
            &[
                s(&["=1+1"]),
                s(&["-0.5"]),
                s(&["@SUM(A1)"]),
                s(&["-x"]),
                s(&["-2+3"]),
                s(&["-1,5"]),
            ],
        );
        assert_eq!(
            &bytes[3..],
            "x\r\n'=1+1\r\n-0.5\r\n'@SUM(A1)\r\n'-x\r\n'-2+3\r\n\"-1,5\"\r\n".as_bytes()
        );
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Locale::Pl, 0.25, 2), "0,25");
        assert_eq!(number(Locale::En, 0.25, 2), "0.25");
        assert_eq!(number(Locale::Pl, 1234.5, 1), "1234,5");
        assert_eq!(number(Locale::En, 1234.0, 0), "1234");
        assert_eq!(number(Locale::En, 2.0 / 3.0, 3), "0.667");
        assert_eq!(number(Locale::Pl, -0.001, 2), "0,00");
        assert_eq!(number(Locale::Pl, -1.5, 1), "-1,5");
        assert_eq!(number(Locale::En, f64::NAN, 2), "");
    }

    #[test]
    fn file_names_are_ascii() {
        assert_eq!(safe_filename("raport-listopad-2026.csv"), "raport-listopad-2026.csv");
        assert_eq!(
            safe_filename("Zespół sprzedaży 2026/11"),
            "Zespol-sprzedazy-2026-11.csv"
        );
        assert_eq!(safe_filename("\"; rm -rf"), "rm-rf.csv");
        assert_eq!(safe_filename("..."), "report.csv");
        assert_eq!(safe_filename(""), "report.csv");
    }

    #[test]
    fn responses_are_uncached_attachments() {
        let res = csv_response("Raport łąka.csv", b"a\r\n".to_vec());
        assert_eq!(res.status(), StatusCode::OK);
        let h = res.headers();
        assert_eq!(h[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert_eq!(
            h[header::CONTENT_DISPOSITION],
            "attachment; filename=\"Raport-laka.csv\""
        );
        assert!(h[header::CACHE_CONTROL].to_str().unwrap().contains("no-store"));
    }

    #[test]
    fn csv_is_wanted_when_accepted() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT, HeaderValue::from_str(v).unwrap());
            csv_wanted(&h)
        };
        assert!(with("text/csv"));
        assert!(with("application/json, Text/CSV;q=0.9"));
        assert!(!with("application/json"));
        assert!(!with("text/csv;q=0"));
        assert!(!with("text/csvx"));
        assert!(!csv_wanted(&HeaderMap::new()));
    }
}
