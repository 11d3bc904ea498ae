//! The employee Net Promoter Score (eNPS): an anonymous pulse survey asking employees
//! "How likely are you to recommend us as an employer?" on a scale from 0 to 10
//! (PRODUCT.md, C12: a poor employer reputation is one of the ways a program fails).
//!
//! Answers of 9 and 10 are **promoters**, 7 and 8 **passives**, 0 to 6 **detractors**.
//! The score is the percentage of promoters less the percentage of detractors, from −100
//! (everyone a detractor) to 100 (everyone a promoter), rounded to a whole number half
//! away from zero (12.5 is 13, −12.5 is −13).
//!
//! Results appear only from [`MIN_ANSWERS`] answers on, so that a handful of answers
//! cannot be traced back to the people who gave them.

/// The fewest answers for which a result is shown.
pub const MIN_ANSWERS: usize = 5;
/// The highest score on the scale.
pub const MAX_SCORE: u8 = 10;
/// Answers from this score up are promoters.
pub const PROMOTER_FROM: u8 = 9;
/// Answers up to this score are detractors.
pub const DETRACTOR_TO: u8 = 6;

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EnpsError {
    /// Not a whole number from 0 to [`MAX_SCORE`].
    #[error("choose a number from 0 to 10")]
    Score,
}

impl EnpsError {
    /// The catalog key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            EnpsError::Score => "error-enps-score",
        }
    }
}

/// Parses an answer as submitted, trimmed: a whole number from 0 to [`MAX_SCORE`] of one or
/// two ASCII digits (`7`, `10`, `07`).
pub fn parse_score(s: &str) -> Result<u8, EnpsError> {
    let s = s.trim();
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EnpsError::Score);
    }
    match s.parse::<u8>() {
        Ok(n) if n <= MAX_SCORE => Ok(n),
        _ => Err(EnpsError::Score),
    }
}

/// The result of a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct EnpsResult {
    /// How many answers were counted.
    pub answers: usize,
    /// Answers of [`PROMOTER_FROM`] or more.
    pub promoters: usize,
    /// Answers between the detractors and the promoters.
    pub passives: usize,
    /// Answers of [`DETRACTOR_TO`] or less.
    pub detractors: usize,
    /// % promoters − % detractors, from −100 to 100, rounded half away from zero.
    pub score: i32,
}

/// The eNPS of `scores`, or `None` with fewer than [`MIN_ANSWERS`] answers. Values above
/// [`MAX_SCORE`] (which [`parse_score`] never gives) are not answers and are left out.
pub fn compute(scores: &[u8]) -> Option<EnpsResult> {
    let valid = scores.iter().copied().filter(|&s| s <= MAX_SCORE);
    let (mut promoters, mut passives, mut detractors) = (0usize, 0usize, 0usize);
    for s in valid {
        match s {
            s if s >= PROMOTER_FROM => promoters += 1,
            s if s <= DETRACTOR_TO => detractors += 1,
            _ => passives += 1,
        }
    }
    let answers = promoters + passives + detractors;
    if answers < MIN_ANSWERS {
        return None;
    }
    // 100 × (promoters − detractors) / answers, rounded half away from zero, in integers.
    let n = answers as i64;
    let difference = 100 * (promoters as i64 - detractors as i64);
    let rounded = (2 * difference.abs() + n) / (2 * n);
    let score = (difference.signum() * rounded) as i32;
    Some(EnpsResult {
        answers,
        promoters,
        passives,
        detractors,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_whole_numbers_from_zero_to_ten() {
        assert_eq!(parse_score("0"), Ok(0));
        assert_eq!(parse_score(" 10 "), Ok(10));
        assert_eq!(parse_score("07"), Ok(7));
        for bad in ["", " ", "11", "-1", "+5", "5.0", "5,5", "100", "010", "ten", "1e1", "٥"] {
            assert_eq!(parse_score(bad), Err(EnpsError::Score), "{bad}");
        }
        assert_eq!(EnpsError::Score.key(), "error-enps-score");
    }

    #[test]
    fn everyone_a_promoter_scores_one_hundred() {
        let r = compute(&[10; 7]).unwrap();
        assert_eq!(
            r,
            EnpsResult {
                answers: 7,
                promoters: 7,
                passives: 0,
                detractors: 0,
                score: 100
            }
        );
    }

    #[test]
    fn everyone_a_detractor_scores_minus_one_hundred() {
        let r = compute(&[0; 5]).unwrap();
        assert_eq!(r.detractors, 5);
        assert_eq!(r.score, -100);
    }

    #[test]
    fn as_many_promoters_as_detractors_score_zero() {
        let r = compute(&[10, 9, 8, 6, 0]).unwrap();
        assert_eq!(
            r,
            EnpsResult {
                answers: 5,
                promoters: 2,
                passives: 1,
                detractors: 2,
                score: 0
            }
        );
    }

    #[test]
    fn only_passives_score_zero() {
        let r = compute(&[7, 8, 7, 8, 7, 8]).unwrap();
        assert_eq!(r.passives, 6);
        assert_eq!(r.score, 0);
    }

    #[test]
    fn fewer_than_five_answers_give_no_result() {
        assert_eq!(compute(&[]), None);
        assert_eq!(compute(&[10, 10, 10, 10]), None);
        assert!(compute(&[10, 10, 10, 10, 10]).is_some());
        // Values off the scale are not answers.
        assert_eq!(compute(&[10, 10, 10, 10, 11, 255]), None);
        assert_eq!(compute(&[10, 10, 10, 10, 10, 11]).unwrap().answers, 5);
    }

    #[test]
    fn the_boundaries_between_groups_are_six_seven_and_eight_nine() {
        let r = compute(&[6, 7, 8, 9, 5, 10]).unwrap();
        assert_eq!((r.promoters, r.passives, r.detractors), (2, 2, 2));
    }

    #[test]
    fn the_score_is_rounded_half_away_from_zero() {
        // 1 promoter in 8: 12.5 → 13; 1 detractor in 8: −12.5 → −13.
        assert_eq!(compute(&[9, 7, 7, 7, 7, 7, 7, 7]).unwrap().score, 13);
        assert_eq!(compute(&[3, 7, 7, 7, 7, 7, 7, 7]).unwrap().score, -13);
        // 2 promoters, 1 detractor in 6: 16.67 → 17; the other way round: −17.
        assert_eq!(compute(&[10, 10, 0, 8, 8, 8]).unwrap().score, 17);
        assert_eq!(compute(&[10, 0, 0, 8, 8, 8]).unwrap().score, -17);
        // 1 promoter in 7: 14.29 → 14.
        assert_eq!(compute(&[9, 7, 7, 7, 7, 7, 7]).unwrap().score, 14);
    }
}
