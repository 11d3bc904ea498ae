//! Recruitment: the stages an application moves through, contract types, and the
//! checks on what a candidate sends.

use serde::Serialize;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Stage {
    New,
    Screening,
    Interview,
    Offer,
    Hired,
    Rejected,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::New,
        Stage::Screening,
        Stage::Interview,
        Stage::Offer,
        Stage::Hired,
        Stage::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::New => "new",
            Stage::Screening => "screening",
            Stage::Interview => "interview",
            Stage::Offer => "offer",
            Stage::Hired => "hired",
            Stage::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether a recruiter may move an application from `self` to `to`. Any other stage
    /// may be chosen (recruiting is not a straight line: a rejected candidate may be
    /// reconsidered), except that a hire is final.
    pub fn can_move_to(self, to: Stage) -> bool {
        self != to && self != Stage::Hired
    }
}

/// The kinds of contract an offer can be for.
pub const CONTRACT_TYPES: [&str; 4] = ["employment", "b2b", "mandate", "internship"];

/// The largest CV accepted.
pub const MAX_CV_BYTES: usize = 5 * 1024 * 1024;

/// Whether the bytes are a PDF, by content (a renamed file is refused).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Applications allowed from one address per hour before the form asks it to wait.
pub const APPLICATIONS_PER_HOUR: i64 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_move_anywhere_but_a_hire_is_final() {
        assert!(Stage::New.can_move_to(Stage::Interview));
        assert!(Stage::Rejected.can_move_to(Stage::Screening));
        assert!(!Stage::New.can_move_to(Stage::New));
        assert!(!Stage::Hired.can_move_to(Stage::Rejected));
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn pdfs_are_recognised_by_content() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(!is_pdf(b"GIF89a"));
        assert!(!is_pdf(b""));
    }
}
