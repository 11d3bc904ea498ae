//! Training (C4): quiz questions written as text, grading, the pass mark, and when a
//! course counts as completed.
//!
//! A question's choices are written one per line; a leading `*` marks a correct choice:
//! ```text
//! Your own words
//! *A sentence about why it matters to you
//! *A question to your network
//! ```
//! One correct choice makes a single-choice question (radio buttons), more make a
//! multiple-choice one (checkboxes). An answer counts only when exactly the correct
//! choices are picked.

/// The pass mark a new course starts with, in percent.
pub const DEFAULT_PASS_MARK: i64 = 70;
/// The most choices a question may have.
pub const MAX_CHOICES: usize = 10;
/// The longest choice, in characters.
pub const MAX_CHOICE_LEN: usize = 300;

/// A quiz question ready to be shown and graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub choices: Vec<String>,
    /// Indices into `choices`, ascending.
    pub correct: Vec<usize>,
}

impl Question {
    /// Whether more than one choice is correct (checkboxes rather than radio buttons).
    pub fn is_multiple(&self) -> bool {
        self.correct.len() > 1
    }
}

/// What is wrong with a question's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceError {
    /// Fewer than two choices.
    TooFew,
    /// More than [`MAX_CHOICES`].
    TooMany,
    /// No line starts with `*`.
    NoCorrect,
    /// A choice longer than [`MAX_CHOICE_LEN`].
    TooLong,
}

impl ChoiceError {
    /// The catalog key of the explanation.
    pub fn key(self) -> &'static str {
        match self {
            ChoiceError::TooFew => "training-error-choices-few",
            ChoiceError::TooMany => "training-error-choices-many",
            ChoiceError::NoCorrect => "training-error-choices-correct",
            ChoiceError::TooLong => "training-error-choices-long",
        }
    }
}

/// Reads choices written one per line, correct ones marked with a leading `*`. Blank
/// lines are skipped; spaces around a choice and after the `*` are dropped.
pub fn parse_choices(source: &str) -> Result<(Vec<String>, Vec<usize>), ChoiceError> {
    let mut choices = Vec::new();
    let mut correct = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (is_correct, text) = match line.strip_prefix('*') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        if text.is_empty() {
            continue;
        }
        if text.chars().count() > MAX_CHOICE_LEN {
            return Err(ChoiceError::TooLong);
        }
        if is_correct {
            correct.push(choices.len());
        }
        choices.push(text.to_string());
    }
    if choices.len() < 2 {
        return Err(ChoiceError::TooFew);
    }
    if choices.len() > MAX_CHOICES {
        return Err(ChoiceError::TooMany);
    }
    if correct.is_empty() {
        return Err(ChoiceError::NoCorrect);
    }
    Ok((choices, correct))
}

/// A question from its text and its choices' source.
pub fn question(text: &str, choices_source: &str) -> Result<Question, ChoiceError> {
    let (choices, correct) = parse_choices(choices_source)?;
    Ok(Question {
        text: text.trim().to_string(),
        choices,
        correct,
    })
}

/// Whether a pass mark (in percent) is acceptable: 1 to 100.
pub fn valid_pass_mark(percent: i64) -> bool {
    (1..=100).contains(&percent)
}

/// The result of one attempt at a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Questions answered exactly right.
    pub correct: usize,
    pub total: usize,
    /// Score in whole percent, rounded down (0 for an empty quiz).
    pub percent: i64,
    pub passed: bool,
    /// Indices of the questions answered wrongly or not at all.
    pub wrong: Vec<usize>,
}

/// Grades answers against the questions: `answers[i]` holds the picked choice indices
/// of question `i` (missing, out-of-range or repeated picks never make a wrong answer
/// right). A question counts when exactly its correct choices are picked. The quiz is
/// passed when `correct / total >= pass_mark %`, compared without rounding.
pub fn grade(questions: &[Question], answers: &[Vec<usize>], pass_mark: i64) -> Grade {
    let mut wrong = Vec::new();
    let mut correct: usize = 0;
    for (i, q) in questions.iter().enumerate() {
        let mut picked: Vec<usize> = answers.get(i).cloned().unwrap_or_default();
        picked.sort_unstable();
        picked.dedup();
        if picked == q.correct {
            correct += 1;
        } else {
            wrong.push(i);
        }
    }
    let total = questions.len();
    let percent = (correct * 100).checked_div(total).unwrap_or(0) as i64;
    let passed = total > 0 && (correct as i64) * 100 >= pass_mark.clamp(0, 100) * total as i64;
    Grade {
        correct,
        total,
        percent,
        passed,
        wrong,
    }
}

/// One person's progress through one course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub lessons: i64,
    pub lessons_read: i64,
    /// Whether the course has quiz questions.
    pub has_quiz: bool,
    pub quiz_passed: bool,
}

/// Where a person stands in a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    NotStarted,
    InProgress,
    Completed,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::NotStarted => "not_started",
            Standing::InProgress => "in_progress",
            Standing::Completed => "completed",
        }
    }
}

impl Progress {
    /// Completed when every lesson is read and the quiz, if any, passed. A course with
    /// neither lessons nor questions is never completed (there is nothing to do yet).
    pub fn is_complete(&self) -> bool {
        (self.lessons > 0 || self.has_quiz) && self.lessons_read >= self.lessons && (!self.has_quiz || self.quiz_passed)
    }

    /// Steps done of steps to do (each lesson is one step, the quiz one more), in whole
    /// percent.
    pub fn percent(&self) -> i64 {
        let steps = self.lessons + i64::from(self.has_quiz);
        if steps == 0 {
            return 0;
        }
        let done = self.lessons_read.min(self.lessons) + i64::from(self.has_quiz && self.quiz_passed);
        done * 100 / steps
    }

    pub fn standing(&self) -> Standing {
        if self.is_complete() {
            Standing::Completed
        } else if self.lessons_read > 0 || self.quiz_passed {
            Standing::InProgress
        } else {
            Standing::NotStarted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(src: &str) -> Question {
        question("?", src).unwrap()
    }

    #[test]
    fn choices_are_read_one_per_line_with_stars_marking_the_correct_ones() {
        let (choices, correct) = parse_choices("Alpha\n* Beta \n\n  *Gamma\nDelta").unwrap();
        assert_eq!(choices, vec!["Alpha", "Beta", "Gamma", "Delta"]);
        assert_eq!(correct, vec![1, 2]);
        assert!(q("*a\nb").correct == vec![0] && !q("*a\nb").is_multiple());
        assert!(q("*a\n*b\nc").is_multiple());
    }

    #[test]
    fn bad_choices_are_refused_with_a_reason() {
        assert_eq!(parse_choices("a\nb\nc"), Err(ChoiceError::NoCorrect));
        assert_eq!(parse_choices("*a"), Err(ChoiceError::TooFew));
        assert_eq!(parse_choices("*a\n*\n  "), Err(ChoiceError::TooFew));
        let many: String = (0..11).map(|i| format!("*{i}\n")).collect();
        assert_eq!(parse_choices(&many), Err(ChoiceError::TooMany));
        let long = format!("*{}\nb", "x".repeat(MAX_CHOICE_LEN + 1));
        assert_eq!(parse_choices(&long), Err(ChoiceError::TooLong));
        assert_eq!(ChoiceError::NoCorrect.key(), "training-error-choices-correct");
    }

    #[test]
    fn pass_marks_are_one_to_a_hundred_percent() {
        assert!(valid_pass_mark(1) && valid_pass_mark(70) && valid_pass_mark(100));
        assert!(!valid_pass_mark(0) && !valid_pass_mark(150) && !valid_pass_mark(-5));
    }

    #[test]
    fn an_answer_counts_only_when_exactly_the_correct_choices_are_picked() {
        let qs = vec![q("*a\nb\nc"), q("*a\n*b\nc"), q("a\nb\n*c")];
        let g = grade(&qs, &[vec![0], vec![1, 0], vec![2]], 100);
        assert_eq!((g.correct, g.total, g.percent, g.passed), (3, 3, 100, true));
        assert!(g.wrong.is_empty());
        // Half of a multiple-choice question is wrong; too many picks are wrong.
        let g = grade(&qs, &[vec![0, 1], vec![0], vec![2, 2]], 60);
        assert_eq!((g.correct, g.percent, g.passed), (1, 33, false));
        assert_eq!(g.wrong, vec![0, 1]);
        // Missing answers and out-of-range picks are wrong.
        let g = grade(&qs, &[vec![7]], 50);
        assert_eq!((g.correct, g.wrong.clone()), (0, vec![0, 1, 2]));
    }

    #[test]
    fn the_pass_mark_compares_without_rounding() {
        let qs = vec![q("*a\nb"), q("*a\nb"), q("*a\nb")];
        let two_of_three = [vec![0], vec![0], vec![1]];
        // 2/3 = 66.67%: passes 66, fails 67.
        assert!(grade(&qs, &two_of_three, 66).passed);
        assert!(!grade(&qs, &two_of_three, 67).passed);
        assert_eq!(grade(&qs, &two_of_three, 67).percent, 66);
        assert!(!grade(&[], &[], 50).passed, "an empty quiz cannot be passed");
    }

    #[test]
    fn a_course_is_completed_when_every_lesson_is_read_and_the_quiz_passed() {
        let mut p = Progress {
            lessons: 3,
            lessons_read: 0,
            has_quiz: true,
            quiz_passed: false,
        };
        assert_eq!((p.standing(), p.percent()), (Standing::NotStarted, 0));
        p.lessons_read = 3;
        assert_eq!((p.standing(), p.percent()), (Standing::InProgress, 75));
        p.quiz_passed = true;
        assert_eq!((p.standing(), p.percent()), (Standing::Completed, 100));
        p.lessons_read = 2;
        assert_eq!(p.standing(), Standing::InProgress, "passing alone is not enough");
        let no_quiz = Progress {
            lessons: 2,
            lessons_read: 2,
            has_quiz: false,
            quiz_passed: false,
        };
        assert!(no_quiz.is_complete());
        assert!(!Progress::default().is_complete(), "an empty course is never completed");
        assert_eq!(Standing::InProgress.as_str(), "in_progress");
    }
}
