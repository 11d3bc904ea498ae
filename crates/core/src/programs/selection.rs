//! Ambassador selection (PRODUCT.md, C3): the questionnaire an employee fills in to apply,
//! the transparent score candidates are ranked by, and the coordinator's decisions.
//!
//! Participation is voluntary and selection favours quality over quantity, so the
//! coordinator sees candidates ranked by [`score`], a documented pure function whose
//! [`Score::parts`] the page shows next to the total: nothing is hidden in the ranking.
//!
//! # The score
//!
//! Five parts, 100 points in all:
//!
//! | part ([`Contribution::key`]) | points | max |
//! |---|---|---|
//! | `score-frequency`: how often they post | never 0, monthly 10, weekly 25, daily 30 | [`FREQUENCY_MAX`] = 30 |
//! | `score-reach`: declared network sizes | log-scaled, see below | [`REACH_MAX`] = 30 |
//! | `score-networks`: networks used | [`POINTS_PER_NETWORK`] = 5 per network | [`NETWORKS_MAX`] = 15 |
//! | `score-topics`: topics they like to write about | [`POINTS_PER_TOPIC`] = 5 per topic | [`TOPICS_MAX`] = 15 |
//! | `score-motivation`: the sentence of motivation | 0 or 10, see below | [`MOTIVATION_MAX`] = 10 |
//!
//! **Reach.** The declared sizes are added up, one size per network (the largest, if one
//! is declared twice; negative sizes count as 0), with LinkedIn counting
//! [`LINKEDIN_WEIGHT`] (double): it is where employee advocacy works best. The weighted
//! sum `w` earns `30 × log10(1 + w) / log10(1 + 10 000)` points, rounded and capped at
//! [`REACH_MAX`]: about 7.5 points for every tenfold, and the whole 30 from
//! [`REACH_FULL_CONTACTS`] (10 000) weighted contacts. So 100 LinkedIn contacts earn 17
//! points, 2 000 earn 27, and 5 000 earn 30. The logarithm keeps one very large network from
//! outweighing how often and how well someone posts.
//!
//! **Networks and topics** count distinct entries: the same network or topic (ignoring case)
//! twice counts once, and blank topics do not count.
//!
//! **Motivation** earns [`MOTIVATION_MAX`] when its real words (whitespace-separated words
//! containing at least one letter, so digits and punctuation alone do not count) add up to at
//! least [`MIN_MOTIVATION_CHARS`] characters, spaces between them included, in at least
//! [`MIN_MOTIVATION_WORDS`] words; otherwise 0.

use crate::Network;
use serde::Serialize;
use std::fmt;

/// Points for [`PostingFrequency::Monthly`].
pub const FREQUENCY_MONTHLY_POINTS: i64 = 10;
/// Points for [`PostingFrequency::Weekly`].
pub const FREQUENCY_WEEKLY_POINTS: i64 = 25;
/// Points for [`PostingFrequency::Daily`], the most the frequency part gives.
pub const FREQUENCY_DAILY_POINTS: i64 = 30;
/// The most the frequency part gives.
pub const FREQUENCY_MAX: i64 = FREQUENCY_DAILY_POINTS;
/// The most the reach part gives.
pub const REACH_MAX: i64 = 30;
/// The weighted number of contacts that earns the whole [`REACH_MAX`].
pub const REACH_FULL_CONTACTS: i64 = 10_000;
/// How many times a LinkedIn contact counts towards reach; other networks count once.
pub const LINKEDIN_WEIGHT: i64 = 2;
/// The largest network size taken into account, so that absurd declarations cannot overflow.
pub const MAX_NETWORK_SIZE: i64 = 1_000_000_000;
/// Points for each distinct network used.
pub const POINTS_PER_NETWORK: i64 = 5;
/// The most the networks part gives.
pub const NETWORKS_MAX: i64 = 15;
/// Points for each distinct topic.
pub const POINTS_PER_TOPIC: i64 = 5;
/// The most the topics part gives.
pub const TOPICS_MAX: i64 = 15;
/// The most the motivation part gives (all or nothing).
pub const MOTIVATION_MAX: i64 = 10;
/// The fewest characters of real words a motivation needs to earn points.
pub const MIN_MOTIVATION_CHARS: usize = 20;
/// The fewest real words a motivation needs to earn points.
pub const MIN_MOTIVATION_WORDS: usize = 3;
/// The most points a candidate can score: the sum of the parts' maxima.
pub const SCORE_MAX: i64 = FREQUENCY_MAX + REACH_MAX + NETWORKS_MAX + TOPICS_MAX + MOTIVATION_MAX;
/// The most topics [`parse_topics`] keeps.
pub const MAX_TOPICS: usize = 10;
/// The longest topic [`parse_topics`] keeps, in characters; longer ones are cut.
pub const MAX_TOPIC_CHARS: usize = 50;

/// How often a candidate posts on social networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PostingFrequency {
    Never,
    Monthly,
    Weekly,
    Daily,
}

impl PostingFrequency {
    /// Every frequency, least frequent first, as the questionnaire lists them.
    pub const ALL: [PostingFrequency; 4] = [
        PostingFrequency::Never,
        PostingFrequency::Monthly,
        PostingFrequency::Weekly,
        PostingFrequency::Daily,
    ];

    /// The stored and serialised name, e.g. `weekly`.
    pub fn as_str(self) -> &'static str {
        match self {
            PostingFrequency::Never => "never",
            PostingFrequency::Monthly => "monthly",
            PostingFrequency::Weekly => "weekly",
            PostingFrequency::Daily => "daily",
        }
    }

    /// Parses the name [`PostingFrequency::as_str`] gives, ignoring case and surrounding
    /// spaces.
    pub fn parse(s: &str) -> Option<PostingFrequency> {
        let s = s.trim().to_lowercase();
        PostingFrequency::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The points this frequency earns in the score.
    pub fn points(self) -> i64 {
        match self {
            PostingFrequency::Never => 0,
            PostingFrequency::Monthly => FREQUENCY_MONTHLY_POINTS,
            PostingFrequency::Weekly => FREQUENCY_WEEKLY_POINTS,
            PostingFrequency::Daily => FREQUENCY_DAILY_POINTS,
        }
    }
}

impl fmt::Display for PostingFrequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a candidate answers when applying to become an ambassador.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    /// The networks the candidate uses.
    pub networks: Vec<Network>,
    /// How often they post.
    pub frequency: PostingFrequency,
    /// Their declared network sizes (contacts or followers), per network.
    pub network_sizes: Vec<(Network, i64)>,
    /// Topics they like to write about (see [`parse_topics`]).
    pub topics: Vec<String>,
    /// One sentence of motivation.
    pub motivation: String,
}

/// One part of a [`Score`], as the page shows it: "frequency: 25 / 30".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contribution {
    /// The catalog key suffix naming the part, e.g. `score-frequency`.
    pub key: &'static str,
    /// The points earned, from 0 to `max`.
    pub points: i64,
    /// The most this part can give.
    pub max: i64,
}

/// A candidate's score: the total and what contributed to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// The sum of the parts' points.
    pub total: i64,
    /// The most a candidate can score ([`SCORE_MAX`], 100).
    pub max: i64,
    /// The parts, in the order of the module documentation.
    pub parts: Vec<Contribution>,
}

/// Scores a questionnaire by the formula in the module documentation.
pub fn score(q: &Questionnaire) -> Score {
    let parts = vec![
        Contribution {
            key: "score-frequency",
            points: q.frequency.points(),
            max: FREQUENCY_MAX,
        },
        Contribution {
            key: "score-reach",
            points: reach_points(&q.network_sizes),
            max: REACH_MAX,
        },
        Contribution {
            key: "score-networks",
            points: capped(distinct_networks(&q.networks), POINTS_PER_NETWORK, NETWORKS_MAX),
            max: NETWORKS_MAX,
        },
        Contribution {
            key: "score-topics",
            points: capped(distinct_topics(&q.topics), POINTS_PER_TOPIC, TOPICS_MAX),
            max: TOPICS_MAX,
        },
        Contribution {
            key: "score-motivation",
            points: if motivation_counts(&q.motivation) {
                MOTIVATION_MAX
            } else {
                0
            },
            max: MOTIVATION_MAX,
        },
    ];
    Score {
        total: parts.iter().map(|p| p.points).sum(),
        max: SCORE_MAX,
        parts,
    }
}

/// `count × per`, at most `max`.
fn capped(count: usize, per: i64, max: i64) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX).saturating_mul(per).min(max)
}

/// The reach part: the weighted sum of declared sizes, log-scaled to [`REACH_MAX`].
fn reach_points(sizes: &[(Network, i64)]) -> i64 {
    let weighted: i64 = Network::ALL
        .into_iter()
        .map(|network| {
            let size = sizes
                .iter()
                .filter(|(n, _)| *n == network)
                .map(|&(_, size)| size.clamp(0, MAX_NETWORK_SIZE))
                .max()
                .unwrap_or(0);
            let weight = if network == Network::Linkedin {
                LINKEDIN_WEIGHT
            } else {
                1
            };
            size * weight
        })
        .sum();
    let share = (1.0 + weighted as f64).log10() / (1.0 + REACH_FULL_CONTACTS as f64).log10();
    ((REACH_MAX as f64 * share).round() as i64).min(REACH_MAX)
}

fn distinct_networks(networks: &[Network]) -> usize {
    Network::ALL.into_iter().filter(|n| networks.contains(n)).count()
}

fn distinct_topics(topics: &[String]) -> usize {
    let mut seen: Vec<String> = Vec::new();
    for topic in topics {
        let topic = topic.trim().to_lowercase();
        if !topic.is_empty() && !seen.contains(&topic) {
            seen.push(topic);
        }
    }
    seen.len()
}

/// Whether a motivation has enough real words to earn [`MOTIVATION_MAX`].
fn motivation_counts(motivation: &str) -> bool {
    let words: Vec<&str> = motivation
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let chars = words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len().saturating_sub(1);
    words.len() >= MIN_MOTIVATION_WORDS && chars >= MIN_MOTIVATION_CHARS
}

/// Parses topics as typed in one field, separated by commas or semicolons: each is trimmed,
/// its inner runs of whitespace become one space and it is cut to [`MAX_TOPIC_CHARS`]
/// characters; blank topics and repeats (ignoring case) are dropped, keeping the first
/// spelling; at most [`MAX_TOPICS`] are kept.
pub fn parse_topics(s: &str) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for part in s.split([',', ';']) {
        if topics.len() == MAX_TOPICS {
            break;
        }
        let topic: String = part
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_TOPIC_CHARS)
            .collect();
        let topic = topic.trim_end().to_string();
        if !topic.is_empty() && !topics.iter().any(|t| t.to_lowercase() == topic.to_lowercase()) {
            topics.push(topic);
        }
    }
    topics
}

/// What the coordinator decides about an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accepted,
    Declined,
    Waitlisted,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Accepted, Decision::Declined, Decision::Waitlisted];

    /// The stored and serialised name, e.g. `waitlisted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Declined => "declined",
            Decision::Waitlisted => "waitlisted",
        }
    }

    /// Parses the name [`Decision::as_str`] gives, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Decision> {
        let s = s.trim().to_lowercase();
        Decision::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an ambassador application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CandidateStatus {
    /// Sent, not decided yet.
    Pending,
    Accepted,
    Declined,
    Waitlisted,
    /// The candidate took the application back.
    Withdrawn,
}

impl CandidateStatus {
    pub const ALL: [CandidateStatus; 5] = [
        CandidateStatus::Pending,
        CandidateStatus::Accepted,
        CandidateStatus::Declined,
        CandidateStatus::Waitlisted,
        CandidateStatus::Withdrawn,
    ];

    /// The stored and serialised name, e.g. `pending`.
    pub fn as_str(self) -> &'static str {
        match self {
            CandidateStatus::Pending => "pending",
            CandidateStatus::Accepted => "accepted",
            CandidateStatus::Declined => "declined",
            CandidateStatus::Waitlisted => "waitlisted",
            CandidateStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses the name [`CandidateStatus::as_str`] gives, ignoring case and surrounding
    /// spaces.
    pub fn parse(s: &str) -> Option<CandidateStatus> {
        let s = s.trim().to_lowercase();
        CandidateStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl From<Decision> for CandidateStatus {
    fn from(d: Decision) -> CandidateStatus {
        match d {
            Decision::Accepted => CandidateStatus::Accepted,
            Decision::Declined => CandidateStatus::Declined,
            Decision::Waitlisted => CandidateStatus::Waitlisted,
        }
    }
}

impl fmt::Display for CandidateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Questionnaire {
        Questionnaire {
            networks: vec![],
            frequency: PostingFrequency::Never,
            network_sizes: vec![],
            topics: vec![],
            motivation: String::new(),
        }
    }

    fn linkedin_poster(frequency: PostingFrequency, contacts: i64) -> Questionnaire {
        Questionnaire {
            networks: vec![Network::Linkedin],
            frequency,
            network_sizes: vec![(Network::Linkedin, contacts)],
            ..empty()
        }
    }

    fn part(s: &Score, key: &str) -> i64 {
        s.parts.iter().find(|p| p.key == key).unwrap().points
    }

    #[test]
    fn an_empty_questionnaire_scores_zero_out_of_a_hundred() {
        let s = score(&empty());
        assert_eq!(s.total, 0);
        assert_eq!(s.max, 100);
        assert!(s.parts.iter().all(|p| p.points == 0));
    }

    #[test]
    fn parts_come_in_the_documented_order_and_their_maxima_add_up_to_a_hundred() {
        let s = score(&empty());
        let keys: Vec<&str> = s.parts.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "score-frequency",
                "score-reach",
                "score-networks",
                "score-topics",
                "score-motivation"
            ]
        );
        assert_eq!(s.parts.iter().map(|p| p.max).sum::<i64>(), SCORE_MAX);
        assert_eq!(SCORE_MAX, 100);
    }

    #[test]
    fn a_daily_poster_with_2000_linkedin_contacts_ranks_above_a_monthly_poster_with_100() {
        let daily = score(&linkedin_poster(PostingFrequency::Daily, 2000));
        let monthly = score(&linkedin_poster(PostingFrequency::Monthly, 100));
        assert!(daily.total > monthly.total, "{daily:?} vs {monthly:?}");
        assert_eq!(part(&daily, "score-reach"), 27);
        assert_eq!(part(&monthly, "score-reach"), 17);
    }

    #[test]
    fn every_part_stays_within_its_maximum_even_for_extreme_answers() {
        let q = Questionnaire {
            networks: [Network::ALL.to_vec(), Network::ALL.to_vec()].concat(),
            frequency: PostingFrequency::Daily,
            network_sizes: Network::ALL.iter().map(|&n| (n, i64::MAX)).collect(),
            topics: (0..40).map(|i| format!("topic {i}")).collect(),
            motivation: "I want to tell people why our team is a great place to work".into(),
        };
        let s = score(&q);
        for p in &s.parts {
            assert!((0..=p.max).contains(&p.points), "{p:?}");
            assert_eq!(p.points, p.max, "{p:?}");
        }
        assert_eq!(s.total, 100);
        let negative = score(&Questionnaire {
            network_sizes: vec![(Network::X, -5), (Network::Linkedin, i64::MIN)],
            ..empty()
        });
        assert_eq!(part(&negative, "score-reach"), 0);
    }

    #[test]
    fn frequency_earns_the_documented_points() {
        let points: Vec<i64> = PostingFrequency::ALL
            .iter()
            .map(|&f| {
                part(
                    &score(&Questionnaire {
                        frequency: f,
                        ..empty()
                    }),
                    "score-frequency",
                )
            })
            .collect();
        assert_eq!(points, [0, 10, 25, 30]);
    }

    #[test]
    fn reach_counts_linkedin_double_and_one_size_per_network() {
        let x = score(&Questionnaire {
            network_sizes: vec![(Network::X, 1000)],
            ..empty()
        });
        let linkedin = score(&Questionnaire {
            network_sizes: vec![(Network::Linkedin, 500)],
            ..empty()
        });
        assert_eq!(part(&x, "score-reach"), part(&linkedin, "score-reach"));
        let twice = score(&Questionnaire {
            network_sizes: vec![(Network::X, 1000), (Network::X, 10)],
            ..empty()
        });
        assert_eq!(part(&twice, "score-reach"), part(&x, "score-reach"));
        let full = score(&Questionnaire {
            network_sizes: vec![(Network::Linkedin, 5000)],
            ..empty()
        });
        assert_eq!(part(&full, "score-reach"), REACH_MAX);
    }

    #[test]
    fn networks_and_topics_earn_five_points_each_for_distinct_entries_up_to_fifteen() {
        let q = Questionnaire {
            networks: vec![Network::Linkedin, Network::Linkedin, Network::X],
            topics: vec!["Rust".into(), " rust ".into(), "".into(), "Hiring".into()],
            ..empty()
        };
        let s = score(&q);
        assert_eq!(part(&s, "score-networks"), 10);
        assert_eq!(part(&s, "score-topics"), 10);
        let many = score(&Questionnaire {
            networks: Network::ALL.to_vec(),
            ..empty()
        });
        assert_eq!(part(&many, "score-networks"), NETWORKS_MAX);
    }

    #[test]
    fn motivation_needs_twenty_characters_of_real_words() {
        let points = |m: &str| {
            part(
                &score(&Questionnaire {
                    motivation: m.into(),
                    ..empty()
                }),
                "score-motivation",
            )
        };
        assert_eq!(points("I love our product and team"), MOTIVATION_MAX);
        assert_eq!(points("Chcę pokazać, jak się u nas pracuje"), MOTIVATION_MAX);
        assert_eq!(points("I like it here"), 0, "under twenty characters");
        assert_eq!(points("1234567890 1234567890 !!!!!!!!!!"), 0, "no letters");
        assert_eq!(points("Supercalifragilisticexpialidocious"), 0, "one word");
        assert_eq!(points("ok    ok    ok    ok    ok"), 0, "spaces do not pad it out");
        assert_eq!(points(""), 0);
    }

    #[test]
    fn topics_parse_from_commas_and_semicolons_without_repeats() {
        assert_eq!(
            parse_topics(" Rust, hiring ;  remote   work,,RUST; ; Hiring "),
            ["Rust", "hiring", "remote work"]
        );
        assert!(parse_topics("").is_empty());
        assert!(parse_topics(" ; , ").is_empty());
    }

    #[test]
    fn topics_are_cut_to_fifty_characters_and_ten_topics() {
        let long = "a".repeat(80);
        assert_eq!(parse_topics(&long), ["a".repeat(MAX_TOPIC_CHARS)]);
        assert_eq!(parse_topics(&"ż".repeat(60))[0].chars().count(), MAX_TOPIC_CHARS);
        let many: Vec<String> = (0..15).map(|i| format!("t{i}")).collect();
        let topics = parse_topics(&many.join(","));
        assert_eq!(topics.len(), MAX_TOPICS);
        assert_eq!(topics[9], "t9");
    }

    #[test]
    fn frequencies_decisions_and_statuses_have_stable_names_and_parse_back() {
        for f in PostingFrequency::ALL {
            assert_eq!(PostingFrequency::parse(f.as_str()), Some(f));
        }
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
            assert_eq!(CandidateStatus::from(d).as_str(), d.as_str());
        }
        for c in CandidateStatus::ALL {
            assert_eq!(CandidateStatus::parse(c.as_str()), Some(c));
            assert_eq!(c.to_string(), c.as_str());
        }
        assert_eq!(PostingFrequency::parse(" Weekly "), Some(PostingFrequency::Weekly));
        assert_eq!(Decision::parse("pending"), None);
        assert_eq!(CandidateStatus::parse("Withdrawn"), Some(CandidateStatus::Withdrawn));
        assert_eq!(CandidateStatus::parse(""), None);
    }
}
