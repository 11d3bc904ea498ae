//! Decisions taken at a review (action items: a text, an owner, a due date) and how the
//! open ones carry into later reviews; the checks of what a coordinator types into a
//! review (decisions, notes, attendance).

use crate::Millis;
use crate::reports::period::DayRange;

/// The longest decision text, in characters.
pub const DECISION_MAX_CHARS: usize = 500;
/// The longest notes, in characters.
pub const NOTES_MAX_CHARS: usize = 20_000;
/// A decision may be due at most this many days after the review's period ends.
pub const DUE_MAX_DAYS_AFTER: i64 = 366;

/// A decision as carrying needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionFacts {
    pub id: i64,
    /// The first day of the period of the review it was taken in.
    pub taken_in_first_day: i64,
    /// Whether that review is published (a draft's decisions are not decided yet).
    pub taken_in_published: bool,
    pub done_at: Option<Millis>,
}

/// The decisions of earlier reviews that a review (its period's first day, created at
/// `created_at`) carries: taken in a published review of an earlier period, and open, or
/// marked done since the review was created (so the meeting sees what was closed).
pub fn carried_into(first_day: i64, created_at: Millis, decisions: &[DecisionFacts]) -> Vec<i64> {
    decisions
        .iter()
        .filter(|d| d.taken_in_published && d.taken_in_first_day < first_day)
        .filter(|d| d.done_at.is_none_or(|at| at >= created_at))
        .map(|d| d.id)
        .collect()
}

/// Where a decision stands on `today`.
pub fn decision_state(done: bool, due_day: i64, today: i64) -> &'static str {
    match (done, due_day < today) {
        (true, _) => "done",
        (false, true) => "overdue",
        (false, false) => "open",
    }
}

/// What is wrong with a decision or an attendance list: the field and the catalog key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    TextMissing,
    TextTooLong,
    TextCharacters,
    OwnerUnknown,
    DueInvalid,
    DueOutOfRange,
    NotesTooLong,
    NotesCharacters,
    AttendeeUnknown,
}

impl InputError {
    pub fn field(self) -> &'static str {
        match self {
            InputError::TextMissing | InputError::TextTooLong | InputError::TextCharacters => "text",
            InputError::OwnerUnknown => "owner",
            InputError::DueInvalid | InputError::DueOutOfRange => "due",
            InputError::NotesTooLong | InputError::NotesCharacters => "notes",
            InputError::AttendeeUnknown => "attendance",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            InputError::TextMissing => "reports-review-error-text",
            InputError::TextTooLong => "reports-review-error-text-long",
            InputError::TextCharacters | InputError::NotesCharacters => "error-invalid-characters",
            InputError::OwnerUnknown => "reports-review-error-owner",
            InputError::DueInvalid => "reports-review-error-due",
            InputError::DueOutOfRange => "reports-review-error-due-range",
            InputError::NotesTooLong => "reports-review-error-notes-long",
            InputError::AttendeeUnknown => "reports-review-error-attendee",
        }
    }
}

/// A decision ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub text: String,
    pub owner_id: i64,
    pub due_day: i64,
}

/// Parses a decision typed for a review of `period`: a text of one to
/// [`DECISION_MAX_CHARS`] characters, an owner among `owners` (the program's members and
/// its coordinator), a due date `YYYY-MM-DD` from the period's first day up to
/// [`DUE_MAX_DAYS_AFTER`] days after its end. Every problem is named.
pub fn parse_decision(
    text: &str,
    owner: &str,
    due: &str,
    owners: &[i64],
    period: &DayRange,
) -> Result<NewDecision, Vec<InputError>> {
    let mut errors = Vec::new();
    let text = text.trim();
    if text.is_empty() {
        errors.push(InputError::TextMissing);
    } else if text.chars().count() > DECISION_MAX_CHARS {
        errors.push(InputError::TextTooLong);
    } else if crate::text::check_lines(text).is_err() {
        errors.push(InputError::TextCharacters);
    }
    let owner_id = owner.trim().parse::<i64>().ok().filter(|id| owners.contains(id));
    if owner_id.is_none() {
        errors.push(InputError::OwnerUnknown);
    }
    let due_day = match DayRange::parse(due, due) {
        Ok(r) if r.first < period.first || r.first > period.last + DUE_MAX_DAYS_AFTER => {
            errors.push(InputError::DueOutOfRange);
            None
        }
        Ok(r) => Some(r.first),
        Err(_) => {
            errors.push(InputError::DueInvalid);
            None
        }
    };
    match (owner_id, due_day) {
        (Some(owner_id), Some(due_day)) if errors.is_empty() => Ok(NewDecision {
            text: text.to_string(),
            owner_id,
            due_day,
        }),
        _ => Err(errors),
    }
}

/// Checks the notes: at most [`NOTES_MAX_CHARS`], no control characters but line breaks
/// and tabs. Returns them trimmed.
pub fn parse_notes(notes: &str) -> Result<String, InputError> {
    let notes = notes.trim();
    if notes.chars().count() > NOTES_MAX_CHARS {
        Err(InputError::NotesTooLong)
    } else if crate::text::check_lines(notes).is_err() {
        Err(InputError::NotesCharacters)
    } else {
        Ok(notes.to_string())
    }
}

/// The people ticked as present, each among `eligible` (members and the coordinator);
/// duplicates count once.
pub fn parse_attendance(ticked: &[String], eligible: &[i64]) -> Result<Vec<i64>, InputError> {
    let mut out = Vec::new();
    for t in ticked {
        let id = t
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| eligible.contains(id))
            .ok_or(InputError::AttendeeUnknown)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::day_of_date;
    use jiff::civil::Date;

    fn d(y: i16, m: i8, day: i8) -> i64 {
        day_of_date(Date::constant(y, m, day))
    }

    fn r(first: i64, last: i64) -> DayRange {
        DayRange { first, last }
    }

    fn fact(id: i64, first: i64, published: bool, done_at: Option<Millis>) -> DecisionFacts {
        DecisionFacts {
            id,
            taken_in_first_day: first,
            taken_in_published: published,
            done_at,
        }
    }

    #[test]
    fn open_decisions_carry_until_done() {
        let (sep, oct, nov) = (d(2026, 9, 1), d(2026, 10, 1), d(2026, 11, 1));
        let created = 1_000;
        let decisions = [
            fact(1, sep, true, None),        // open since September: carried
            fact(2, oct, true, Some(500)),   // done before November's review began: not
            fact(3, oct, true, Some(1_000)), // done while November's draft is open: shown done
            fact(4, oct, false, None),       // October's review is still a draft: not yet
            fact(5, nov, true, None),        // taken in this very period: its own, not carried
        ];
        assert_eq!(carried_into(nov, created, &decisions), vec![1, 3]);
        // In December (created later), only the one still open carries on.
        assert_eq!(carried_into(d(2026, 12, 1), 2_000, &decisions), vec![1, 5]);
        assert!(carried_into(sep, 0, &decisions).is_empty());
        assert_eq!(decision_state(false, 10, 10), "open");
        assert_eq!(decision_state(false, 9, 10), "overdue");
        assert_eq!(decision_state(true, 9, 10), "done");
    }

    #[test]
    fn decisions_need_a_text_a_known_owner_and_a_sensible_due_date() {
        let nov = r(d(2026, 11, 1), d(2026, 11, 30));
        let ok = parse_decision("  Post twice a week ", "7", "2026-12-15", &[7, 8], &nov).unwrap();
        assert_eq!(
            ok,
            NewDecision {
                text: "Post twice a week".into(),
                owner_id: 7,
                due_day: d(2026, 12, 15)
            }
        );
        let all = parse_decision(" ", "9", "15.12.2026", &[7], &nov).unwrap_err();
        assert_eq!(
            all,
            vec![
                InputError::TextMissing,
                InputError::OwnerUnknown,
                InputError::DueInvalid
            ]
        );
        let e = parse_decision("x", "", "2026-10-31", &[7], &nov).unwrap_err();
        assert_eq!(e, vec![InputError::OwnerUnknown, InputError::DueOutOfRange]);
        assert_eq!(e[1].field(), "due");
        let late = parse_decision("x", "7", "2028-01-01", &[7], &nov).unwrap_err();
        assert_eq!(late, vec![InputError::DueOutOfRange]);
        let long = "a".repeat(DECISION_MAX_CHARS + 1);
        assert_eq!(
            parse_decision(&long, "7", "2026-11-01", &[7], &nov).unwrap_err(),
            vec![InputError::TextTooLong]
        );
        let bell = parse_decision("a\u{7}b", "7", "2026-11-01", &[7], &nov).unwrap_err();
        assert_eq!((bell[0].field(), bell[0].key()), ("text", "error-invalid-characters"));
        assert_eq!(parse_notes(" Line one\nline two ").unwrap(), "Line one\nline two");
        assert_eq!(
            parse_notes(&"n".repeat(NOTES_MAX_CHARS + 1)),
            Err(InputError::NotesTooLong)
        );
        assert_eq!(parse_notes("a\u{0}"), Err(InputError::NotesCharacters));
    }

    #[test]
    fn attendance_counts_known_people_once() {
        let ticked = ["3".to_string(), "4".to_string(), "3".to_string()];
        assert_eq!(parse_attendance(&ticked, &[3, 4, 5]), Ok(vec![3, 4]));
        assert_eq!(parse_attendance(&[], &[3]), Ok(vec![]));
        assert_eq!(parse_attendance(&["6".into()], &[3]), Err(InputError::AttendeeUnknown));
        assert_eq!(parse_attendance(&["x".into()], &[3]), Err(InputError::AttendeeUnknown));
    }
}
