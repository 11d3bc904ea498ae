//! Text from the outside world: which characters a stored value may hold.
//!
//! Every field that takes free text (forms and JSON alike) refuses control characters
//! (Unicode's `Cc`: NUL, escape, DEL, the C1 range, ...): they are never typed on
//! purpose, they break what reads the text later (PostgreSQL's TEXT refuses NUL
//! outright), and some terminals and editors act on them. A field of several lines
//! keeps its line breaks and tabs. The refusal is [`Invalid::Characters`], whose
//! message says "invalid characters".

use crate::people::Invalid;

/// Whether `c` may stand in a value of several lines: anything but a control
/// character, except line feed, carriage return and tab.
fn allowed_in_lines(c: char) -> bool {
    !c.is_control() || matches!(c, '\n' | '\r' | '\t')
}

/// Checks a one-line value (a title, a name, a topic): no control character at all.
pub fn check_line(s: &str) -> Result<(), Invalid> {
    if s.chars().any(char::is_control) {
        Err(Invalid::Characters)
    } else {
        Ok(())
    }
}

/// Checks a value of several lines (a description, a post's text, a reason): no control
/// character other than `\n`, `\r` and `\t`.
pub fn check_lines(s: &str) -> Result<(), Invalid> {
    if s.chars().all(allowed_in_lines) {
        Ok(())
    } else {
        Err(Invalid::Characters)
    }
}

/// `s` as search compares it: lower case, without diacritics ("Kraków" and "krakow" are
/// both "krakow"; "Żółw" is "zolw"), whitespace runs as one space. Letters that do not
/// decompose get their usual Latin stand-in (ł → l, ß → ss, ø → o, đ → d).
pub fn fold(s: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Żółw"), "zolw");
        assert_eq!(
            fold("  Targi pracy\n w KRAKOWIE, Kraków  "),
            "targi pracy w krakowie, krakow"
        );
        assert_eq!(fold("Zażółć gęślą jaźń ŁÓDŹ"), "zazolc gesla jazn lodz");
        assert_eq!(fold("Straße Øre Đak"), "strasse ore dak");
        assert_eq!(fold("#Rust 🦀"), "#rust 🦀");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn one_line_values_refuse_every_control_character() {
        assert_eq!(check_line("Zażółć gęślą jaźń 🦀 #Rust"), Ok(()));
        // Emoji sequences use a zero-width joiner (a format character, not a control).
        assert_eq!(check_line("👩\u{200d}💻"), Ok(()));
        for bad in ["a\0b", "a\nb", "a\tb", "a\rb", "\u{1b}[31m", "a\u{7f}", "a\u{85}b"] {
            assert_eq!(check_line(bad), Err(Invalid::Characters), "{bad:?}");
        }
    }

    #[test]
    fn multi_line_values_keep_line_breaks_and_tabs_only() {
        assert_eq!(check_lines("Pierwszy\r\ndrugi\n\ttrzeci"), Ok(()));
        for bad in ["tekst\0", "\u{1b}[2J", "a\u{8}b", "a\u{9b}b", "a\u{c}b", "a\u{b}b"] {
            assert_eq!(check_lines(bad), Err(Invalid::Characters), "{bad:?}");
        }
        assert_eq!(Invalid::Characters.key(), "error-invalid-characters");
    }
}
