//! Redemptions (C10): an ambassador exchanges points for a reward. The points are held
//! from the request (the spendable balance drops at once, see
//! [`super::points::Balance`]); a redemption goes requested -> approved -> delivered, or
//! is rejected with a reason while still open, which frees the points and returns the
//! stock. Delivered and rejected are final.

use super::points::Balance;

/// Where a redemption stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Requested,
    Approved,
    Delivered,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Requested, Status::Approved, Status::Delivered, Status::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Approved => "approved",
            Status::Delivered => "delivered",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s.trim())
    }

    /// Requested and approved redemptions hold their points (and their unit of stock).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Requested | Status::Approved)
    }

    /// Approved and delivered redemptions count against the program's budget.
    pub fn counts_in_budget(self) -> bool {
        matches!(self, Status::Approved | Status::Delivered)
    }
}

/// What a coordinator does with a redemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Deliver,
    Reject,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Decision> {
        match s.trim() {
            "approve" => Some(Decision::Approve),
            "deliver" => Some(Decision::Deliver),
            "reject" => Some(Decision::Reject),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Deliver => "deliver",
            Decision::Reject => "reject",
        }
    }

    /// The status a decision moves a redemption to from `from`; `None` when it does not
    /// apply (a delivered redemption cannot be rejected, a requested one not delivered).
    pub fn next(self, from: Status) -> Option<Status> {
        match (self, from) {
            (Decision::Approve, Status::Requested) => Some(Status::Approved),
            (Decision::Deliver, Status::Approved) => Some(Status::Delivered),
            (Decision::Reject, Status::Requested | Status::Approved) => Some(Status::Rejected),
            _ => None,
        }
    }
}

/// Why a redemption was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The spendable balance is below the reward's cost.
    TooFewPoints { spendable: i64, cost: i64 },
    /// No unit of the reward is left.
    OutOfStock,
    /// The reward is gone or no longer offered.
    Unavailable,
}

impl Refusal {
    /// The catalog key of the explanation (with `spendable`, `cost` and `missing` for
    /// too few points).
    pub fn key(self) -> &'static str {
        match self {
            Refusal::TooFewPoints { .. } => "redeem-error-points",
            Refusal::OutOfStock => "redeem-error-stock",
            Refusal::Unavailable => "redeem-error-unavailable",
        }
    }

    /// The points still missing, for too few points.
    pub fn missing(self) -> i64 {
        match self {
            Refusal::TooFewPoints { spendable, cost } => (cost - spendable).max(0),
            _ => 0,
        }
    }
}

/// Whether a person with `balance` may redeem a reward costing `cost` with `stock` left
/// (`None`: unlimited). The store checks the same inside the redemption's transaction.
pub fn check(balance: &Balance, cost: i64, stock: Option<i64>) -> Result<(), Refusal> {
    if stock.is_some_and(|s| s <= 0) {
        return Err(Refusal::OutOfStock);
    }
    if !balance.can_afford(cost) {
        return Err(Refusal::TooFewPoints {
            spendable: balance.spendable(),
            cost,
        });
    }
    Ok(())
}

/// The longest rejection reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// A rejection's reason: required, at most [`MAX_REASON_CHARS`], no control characters
/// but line breaks and tabs; `Err` is a catalog key.
pub fn check_reason(s: &str) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Err("redemption-error-reason")
    } else if t.chars().count() > MAX_REASON_CHARS {
        Err("error-too-long")
    } else {
        crate::text::check_lines(t).map_err(|e| e.key())?;
        Ok(t.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redemption_is_approved_then_delivered_or_rejected_while_open() {
        use Decision::*;
        use Status::*;
        assert_eq!(Approve.next(Requested), Some(Approved));
        assert_eq!(Deliver.next(Approved), Some(Delivered));
        assert_eq!(Reject.next(Requested), Some(Rejected));
        assert_eq!(Reject.next(Approved), Some(Rejected));
        for (d, from) in [
            (Deliver, Requested),
            (Approve, Approved),
            (Reject, Delivered),
            (Approve, Rejected),
            (Deliver, Rejected),
            (Reject, Rejected),
        ] {
            assert_eq!(d.next(from), None, "{d:?} from {from:?}");
        }
        assert!(Requested.is_open() && Approved.is_open() && !Delivered.is_open() && !Rejected.is_open());
        assert!(Approved.counts_in_budget() && Delivered.counts_in_budget());
        assert!(!Requested.counts_in_budget() && !Rejected.counts_in_budget());
    }

    #[test]
    fn statuses_and_decisions_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for d in [Decision::Approve, Decision::Deliver, Decision::Reject] {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
        }
        assert_eq!(Status::parse("lost"), None);
        assert_eq!(Decision::parse("cancel"), None);
    }

    #[test]
    fn a_redemption_needs_stock_and_enough_spendable_points() {
        let b = Balance {
            lifetime: 100,
            held: 30,
            spent: 20,
        };
        assert_eq!(check(&b, 50, None), Ok(()));
        assert_eq!(check(&b, 50, Some(1)), Ok(()));
        let too_few = check(&b, 80, Some(3)).unwrap_err();
        assert_eq!(
            too_few,
            Refusal::TooFewPoints {
                spendable: 50,
                cost: 80
            }
        );
        assert_eq!((too_few.key(), too_few.missing()), ("redeem-error-points", 30));
        assert_eq!(check(&b, 10, Some(0)), Err(Refusal::OutOfStock));
        assert_eq!(Refusal::OutOfStock.missing(), 0);
        assert_eq!(Refusal::Unavailable.key(), "redeem-error-unavailable");
    }

    #[test]
    fn a_rejection_needs_a_short_reason() {
        assert_eq!(check_reason("  Out of print "), Ok("Out of print".to_string()));
        assert_eq!(check_reason("   "), Err("redemption-error-reason"));
        assert_eq!(check_reason(&"x".repeat(MAX_REASON_CHARS + 1)), Err("error-too-long"));
        assert_eq!(check_reason("brak\0towaru"), Err("error-invalid-characters"));
    }
}
