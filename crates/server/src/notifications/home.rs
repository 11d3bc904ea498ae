//! What each role's home (`/app`) leads with: the work waiting for this person, for
//! every role they hold. Coordinators (and admins): items awaiting their approval,
//! candidates waiting, planned posts missed this week and programs in red health.
//! Editors: their rejected items and drafts. Recruiters: new applications. Ambassadors:
//! planned posts due today and this week, and new content.
//!
//! A handful of queries per page, whatever the number of rows: each list is one query.

use crate::AppState;
use crate::auth::CurrentUser;
use ambasada_core::Role;
use ambasada_core::calendar::attention::{self, Due, Periods};
use ambasada_core::calendar::{GRACE, PostStatus};
use ambasada_store::calendar::PlannedPost;
use ambasada_store::content::FeedItem;
use ambasada_store::notifications::{ItemToDo, WaitingCandidates};
use ambasada_store::programs::Program;
use ambasada_store::recruiting::Application;

/// How many rows each block lists (its count says how many there are in all).
const SHOWN: usize = 5;

/// Planned posts of one program missed this week.
pub struct Missed {
    pub program_id: i64,
    pub program_name: String,
    pub count: i64,
}

impl Missed {
    /// The page that deals with it: the program's plan realisation.
    pub fn link(&self) -> String {
        format!("/app/programs/{}/realisation", self.program_id)
    }
}

/// The coordinator's (and admin's) blocks.
#[derive(Default)]
pub struct CoordinatorWork {
    pub to_review: Vec<ItemToDo>,
    pub to_review_count: i64,
    pub candidates: Vec<WaitingCandidates>,
    pub missed: Vec<Missed>,
    pub red: Vec<Program>,
}

/// The editor's block: their own unfinished items.
#[derive(Default)]
pub struct EditorWork {
    pub items: Vec<ItemToDo>,
    pub drafts: i64,
    pub rejected: i64,
}

/// The recruiter's block.
#[derive(Default)]
pub struct RecruiterWork {
    pub applications: Vec<Application>,
    pub count: i64,
}

/// The ambassador's blocks.
#[derive(Default)]
pub struct AmbassadorWork {
    pub today: Vec<PlannedPost>,
    pub this_week: Vec<PlannedPost>,
    pub new_content: Vec<FeedItem>,
    pub new_content_count: i64,
}

/// Everything the home leads with; a block is `None` when the person lacks its role.
#[derive(Default)]
pub struct Attention {
    pub coordinator: Option<CoordinatorWork>,
    pub editor: Option<EditorWork>,
    pub recruiter: Option<RecruiterWork>,
    pub ambassador: Option<AmbassadorWork>,
}

impl Attention {
    /// Nothing waits for this person.
    pub fn is_empty(&self) -> bool {
        self.coordinator.as_ref().is_none_or(|c| {
            c.to_review_count == 0 && c.candidates.is_empty() && c.missed.is_empty() && c.red.is_empty()
        }) && self.editor.as_ref().is_none_or(|e| e.items.is_empty())
            && self.recruiter.as_ref().is_none_or(|r| r.count == 0)
            && self
                .ambassador
                .as_ref()
                .is_none_or(|a| a.today.is_empty() && a.this_week.is_empty() && a.new_content.is_empty())
    }
}

/// Gathers the blocks for `user`; `health` is the home's health summary (the programs
/// the person coordinates, or all for an admin, with their level).
pub async fn attention(
    state: &AppState,
    user: &CurrentUser,
    health: &[(Program, &'static str)],
) -> anyhow::Result<Attention> {
    let tz = jiff::tz::TimeZone::get(&user.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let periods = attention::periods(crate::now(), &tz);
    let admin = user.has_role(Role::Admin);
    let mut out = Attention::default();
    if admin || user.has_role(Role::Coordinator) {
        out.coordinator = Some(coordinator(state, user.id, admin, health, &periods).await?);
    }
    if crate::content::service::uses_library(user) {
        let (items, (drafts, rejected)) = state.store.my_unfinished_items(user.id, SHOWN as i64).await?;
        // Coordinators and admins who write nothing get no empty "your items" block.
        if user.has_role(Role::Editor) || !items.is_empty() {
            out.editor = Some(EditorWork {
                items,
                drafts,
                rejected,
            });
        }
    }
    if admin || user.has_role(Role::Recruiter) {
        out.recruiter = Some(RecruiterWork {
            applications: state.store.applications(Some("new"), false, SHOWN as i64).await?,
            count: state.store.new_applications_count().await?,
        });
    }
    if user.has_role(Role::Ambassador) {
        out.ambassador = Some(ambassador(state, user.id, &periods).await?);
    }
    Ok(out)
}

async fn coordinator(
    state: &AppState,
    user_id: i64,
    admin: bool,
    health: &[(Program, &'static str)],
    p: &Periods,
) -> anyhow::Result<CoordinatorWork> {
    let (to_review, to_review_count) = state.store.reviewable_items(user_id, admin, SHOWN as i64).await?;
    let candidates = state.store.waiting_candidates(user_id, admin).await?;
    let mine: Vec<&Program> = health.iter().map(|(program, _)| program).collect();
    let missed = if mine.is_empty() {
        Vec::new()
    } else {
        // One program: only its posts; several: every program's, kept to theirs here.
        let only = (mine.len() == 1).then(|| mine[0].id);
        // Posts missed this week ended at most a grace day before it began.
        let posts = state.store.program_plan(only, p.week_start - GRACE, p.week_end).await?;
        missed_by_program(&mine, &posts, p)
    };
    let red = health
        .iter()
        .filter(|(_, level)| *level == "red")
        .map(|(program, _)| program.clone())
        .collect();
    Ok(CoordinatorWork {
        to_review,
        to_review_count,
        candidates,
        missed,
        red,
    })
}

/// The planned posts of `programs` that became missed this week, counted per program.
fn missed_by_program(programs: &[&Program], posts: &[PlannedPost], p: &Periods) -> Vec<Missed> {
    programs
        .iter()
        .filter_map(|program| {
            let count = posts
                .iter()
                .filter(|post| post.program_id == program.id && post.status() == PostStatus::Missed)
                .filter(|post| post.decided_at.unwrap_or(post.ends_at + GRACE) >= p.week_start)
                .count() as i64;
            (count > 0).then(|| Missed {
                program_id: program.id,
                program_name: program.name.clone(),
                count,
            })
        })
        .collect()
}

async fn ambassador(state: &AppState, user_id: i64, p: &Periods) -> anyhow::Result<AmbassadorWork> {
    // From a grace day back: yesterday's posts may still be published today.
    let plan = state.store.plan_of(user_id, p.now - GRACE, p.week_end).await?;
    let mut work = AmbassadorWork::default();
    for post in plan.into_iter().filter(|post| post.status() == PostStatus::Planned) {
        match attention::due(post.starts_at, post.ends_at, p) {
            Due::Today => work.today.push(post),
            Due::ThisWeek => work.this_week.push(post),
            Due::NotNow => {}
        }
    }
    let fresh: Vec<FeedItem> = state
        .store
        .feed(user_id, p.now, None, None, &Default::default(), 50)
        .await?
        .into_iter()
        .filter(|i| attention::is_new_content(i.starts_at, i.my_shares, p.now))
        .collect();
    work.new_content_count = fresh.len() as i64;
    work.new_content = fresh.into_iter().take(SHOWN).collect();
    Ok(work)
}
