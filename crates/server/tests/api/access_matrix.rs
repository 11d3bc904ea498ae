//! Every route, walked as every role and as an anonymous visitor.

use crate::common::TestApp;
use crate::story;
use ambasada_core::Role;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anonymous,
    As(Role),
}

/// What a request must answer, in the order: anonymous, admin, coordinator, editor,
/// recruiter, ambassador (each person holds that one role).
pub(crate) struct Route {
    pub(crate) path: &'static str,
    expect: [u16; 6],
}

const fn r(path: &'static str, expect: [u16; 6]) -> Route {
    Route { path, expect }
}

/// `{self}`: the visitor's own id; `{draft}`: a draft content item by the admin;
/// `{program}`: a program the coordinator coordinates (every program has one).
/// `security_a.rs` walks these paths too.
pub(crate) const ROUTES: &[Route] = &[
    r("/", [303, 303, 303, 303, 303, 303]),
    r("/login", [200, 303, 303, 303, 303, 303]),
    r("/password/forgot", [200; 6]),
    r("/password/reset/not-a-token", [404; 6]),
    r("/invite/not-a-token", [404; 6]),
    r("/app", [303, 200, 200, 200, 200, 200]),
    r("/app/profile", [303, 200, 200, 200, 200, 200]),
    r("/app/profile/export", [303, 200, 200, 200, 200, 200]),
    r("/app/admin/users", [303, 200, 403, 403, 403, 403]),
    r(
        "/app/admin/users?q=test&role=admin&status=active",
        [303, 200, 403, 403, 403, 403],
    ),
    r(
        "/app/admin/users?page=9223372036854775807",
        [303, 200, 403, 403, 403, 403],
    ),
    r("/app/admin/users/invite", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/users/{self}", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/users/{self}/export", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/users/999999", [303, 404, 403, 403, 403, 403]),
    r("/app/admin/users/not-a-number", [303, 400, 400, 400, 400, 400]),
    r("/app/admin/teams", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/import", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/outbox", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/outbox?status=failed", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/outbox/999999", [303, 404, 403, 403, 403, 403]),
    r("/app/admin/audit", [303, 200, 403, 403, 403, 403]),
    r("/app/admin/brand", [303, 200, 403, 403, 403, 403]),
    r("/app/content", [303, 200, 200, 200, 403, 403]),
    r("/app/content?status=draft", [303, 200, 200, 200, 403, 403]),
    r("/app/content/new", [303, 200, 200, 200, 403, 403]),
    r("/app/content/{draft}", [303, 200, 200, 200, 404, 404]),
    // A coordinator edits only items aimed at programs they coordinate.
    r("/app/content/{draft}/edit", [303, 200, 303, 200, 404, 404]),
    r("/app/content/999999", [303, 404, 404, 404, 404, 404]),
    r("/app/suggest", [303, 403, 403, 403, 403, 200]),
    r("/app/feed", [303, 403, 403, 403, 403, 200]),
    r("/app/training", [303, 200, 200, 200, 200, 200]),
    r("/app/training/999999", [303, 404, 404, 404, 404, 404]),
    r("/app/courses", [303, 200, 200, 200, 403, 403]),
    r("/app/courses/999999", [303, 404, 404, 404, 403, 403]),
    r("/app/courses/999999/progress", [303, 404, 404, 404, 403, 403]),
    r("/app/feed/{draft}", [303, 403, 403, 403, 403, 404]),
    r("/app/shares", [303, 403, 403, 403, 403, 200]),
    r("/app/programs", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/999999", [303, 404, 404, 403, 403, 403]),
    r("/app/enps", [303, 200, 200, 403, 403, 403]),
    r("/app/pulse", [303, 200, 200, 200, 200, 200]),
    r("/app/join", [303, 200, 200, 200, 200, 200]),
    r("/app/join/{program}", [303, 200, 200, 200, 200, 200]),
    r("/app/programs/{program}/candidates", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}/health", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}/reviews", [303, 200, 200, 403, 403, 403]),
    r("/app/reviews/999999", [303, 404, 404, 404, 404, 404]),
    r("/app/programs/{program}/realisation", [303, 200, 200, 403, 403, 403]),
    r(
        "/app/programs/{program}/realisation?from=bad",
        [303, 200, 200, 403, 403, 403],
    ),
    r("/app/programs/{program}/integrations", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}/leaderboard", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}/challenges", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/{program}/challenges/new", [303, 200, 200, 403, 403, 403]),
    r("/app/leaderboard", [303, 303, 303, 200, 200, 200]),
    r("/app/badges", [303, 200, 200, 200, 200, 200]),
    r("/app/calendar", [303, 200, 200, 403, 403, 403]),
    r(
        "/app/calendar?view=week&date=2026-13-40&program=x",
        [303, 200, 200, 403, 403, 403],
    ),
    r("/app/calendar?view=list", [303, 200, 200, 403, 403, 403]),
    r("/app/calendar/new", [303, 200, 200, 403, 403, 403]),
    r(
        "/app/calendar/new?content=999999&date=nonsense",
        [303, 200, 200, 403, 403, 403],
    ),
    r("/app/calendar/slots/999999", [303, 404, 404, 404, 404, 404]),
    r("/app/plan", [303, 200, 200, 200, 200, 200]),
    r("/app/plan/999999/open", [303, 404, 404, 404, 404, 404]),
    r("/app/notifications", [303, 200, 200, 200, 200, 200]),
    r("/unsubscribe/not-a-token", [404; 6]),
    r("/cal/nonsense.ics", [404; 6]),
    r("/careers", [200; 6]),
    r("/careers/999999", [404; 6]),
    r("/app/jobs", [303, 200, 403, 403, 200, 403]),
    r("/app/jobs/999999", [303, 404, 403, 403, 404, 403]),
    r("/app/applications", [303, 200, 403, 403, 200, 403]),
    r(
        "/app/applications?stage=hired&referrals=1",
        [303, 200, 403, 403, 200, 403],
    ),
    r("/app/applications/999999", [303, 404, 403, 403, 404, 403]),
    r("/app/applications/999999/cv", [303, 404, 403, 403, 404, 403]),
    r("/app/referrals", [303, 200, 403, 403, 200, 403]),
    r("/app/impact", [303, 403, 403, 403, 403, 200]),
    r("/app/impact?program=999999", [303, 403, 403, 403, 403, 404]),
    r("/app/content/{draft}/performance", [303, 200, 200, 200, 404, 404]),
    r("/app/content/999999/performance", [303, 404, 404, 404, 404, 404]),
    r("/app/programs/{program}/content", [303, 200, 200, 403, 403, 403]),
    r("/app/programs/999999/content", [303, 404, 404, 403, 403, 403]),
    r("/app/no-such-page", [404; 6]),
    r("/s/AAAAAAAAAA", [404; 6]),
    r("/media/0123456789abcdef0123456789abcdef.png", [404; 6]),
    r("/healthz", [200; 6]),
    r("/readyz", [200; 6]),
    r("/api/v1/me", [401; 6]),
    r("/api/v1/content", [401; 6]),
];

/// State-changing routes, with what each visitor gets (same order as above).
const POSTS: &[Route] = &[
    r("/app/admin/users/invite", [303, 422, 403, 403, 403, 403]),
    r("/app/admin/users/{self}/reinvite", [303, 303, 403, 403, 403, 403]),
    r("/app/admin/teams", [303, 422, 403, 403, 403, 403]),
    r("/app/admin/teams/1/delete", [303, 303, 403, 403, 403, 403]),
    r("/app/admin/import/1/confirm", [303, 404, 403, 403, 403, 403]),
    r("/app/admin/outbox/1/retry", [303, 404, 403, 403, 403, 403]),
    r("/app/content/{draft}/approve", [303, 303, 303, 303, 404, 404]),
    r("/app/content/{draft}/reject", [303, 303, 303, 303, 404, 404]),
    r("/app/feed/{draft}/link", [303, 403, 403, 403, 403, 404]),
    r("/app/feed/{draft}/confirm", [303, 403, 403, 403, 403, 404]),
    r("/app/shares/own", [303, 403, 403, 403, 403, 422]),
    r("/app/programs", [303, 422, 422, 403, 403, 403]),
    r("/app/jobs", [303, 422, 403, 403, 422, 403]),
    r("/app/enps/open", [303, 303, 303, 403, 403, 403]),
    r("/app/pulse", [303, 422, 422, 422, 422, 422]),
    r("/app/programs/{program}/goals", [303, 422, 422, 403, 403, 403]),
    r("/app/join/{program}", [303, 422, 422, 422, 422, 422]),
    r("/app/programs/{program}/capacity", [303, 303, 303, 403, 403, 403]),
    r("/app/jobs/consent", [303, 303, 403, 403, 303, 403]),
    r("/app/applications/999999/stage", [303, 404, 403, 403, 404, 403]),
    r("/app/programs/{program}/members", [303, 422, 422, 403, 403, 403]),
    r("/app/programs/{program}/reviews", [303, 303, 303, 403, 403, 403]),
];

async fn every_route_answers_every_role_as_it_should(app: &TestApp) {
    let store = &app.state.store;
    store.create_team("Zespół", 0).await.unwrap();
    let admin = app.create_user("owner@test.example", &[Role::Admin]).await;
    let draft = store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Draft".into(),
                category: "event".into(),
                target_url: "https://a.example".into(),
                image_file: None,
                hashtags: String::new(),
                language: "pl".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Text".into())],
                program_ids: vec![],
                team_ids: vec![],
            },
            admin,
            "draft",
            0,
        )
        .await
        .unwrap();
    let program = app.create_program("P", "p", None).await;
    let mut who = vec![Who::Anonymous];
    who.extend(Role::ALL.iter().map(|r| Who::As(*r)));
    let mut failures = Vec::new();
    for (column, w) in who.into_iter().enumerate() {
        let client = TestApp::sibling(app);
        let self_id = match w {
            Who::Anonymous => 1,
            Who::As(role) => {
                let email = format!("{}-matrix@test.example", role.as_str());
                let id = client.create_user(&email, &[role]).await;
                assert_eq!(client.login(&email, crate::common::PASSWORD).await.status(), 303);
                if role == Role::Coordinator {
                    let mut input = program_input(&store.program(program).await.unwrap().unwrap());
                    input.coordinator_id = Some(id);
                    store.update_program(program, &input).await.unwrap();
                }
                id
            }
        };
        let fill = |path: &str| {
            path.replace("{self}", &self_id.to_string())
                .replace("{draft}", &draft.to_string())
                .replace("{program}", &program.to_string())
        };
        for route in ROUTES {
            let path = fill(route.path);
            let expected = route.expect[column];
            let got = client.get(&path).await.status().as_u16();
            if got != expected {
                failures.push(format!("GET {path} as {w:?}: expected {expected}, got {got}"));
            }
        }
        for route in POSTS {
            let path = fill(route.path);
            let expected = route.expect[column];
            let got = client.post_form(&path, &[("name", "")]).await.status().as_u16();
            if got != expected {
                failures.push(format!("POST {path} as {w:?}: expected {expected}, got {got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // No refused request changed anything.
    assert_eq!(store.content_item(draft).await.unwrap().unwrap().status, "draft");
    assert!(store.members(program).await.unwrap().is_empty());
}
story!(every_route_answers_every_role_as_it_should);

fn program_input(p: &ambasada_store::programs::Program) -> ambasada_store::programs::ProgramInput {
    ambasada_store::programs::ProgramInput {
        name: p.name.clone(),
        slug: p.slug.clone(),
        description: p.description.clone(),
        coordinator_id: p.coordinator_id,
        daily_share_limit: p.daily_share_limit,
        review_cadence: p.review_cadence.clone(),
    }
}
