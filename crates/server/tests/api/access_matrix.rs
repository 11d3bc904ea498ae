//! Every route, walked as every role and as an anonymous visitor.

use crate::common::TestApp;
use crate::story;
use ambasada_core::Role;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anonymous,
    As(Role),
}

/// What a GET must answer: for anonymous visitors, for admins, for everyone else.
struct Route {
    path: &'static str,
    anonymous: u16,
    admin: u16,
    others: u16,
}

const fn r(path: &'static str, anonymous: u16, admin: u16, others: u16) -> Route {
    Route {
        path,
        anonymous,
        admin,
        others,
    }
}

const ROUTES: &[Route] = &[
    r("/", 303, 303, 303),
    r("/login", 200, 303, 303),
    r("/password/forgot", 200, 200, 200),
    r("/password/reset/not-a-token", 404, 404, 404),
    r("/invite/not-a-token", 404, 404, 404),
    r("/app", 303, 200, 200),
    r("/app/profile", 303, 200, 200),
    r("/app/admin/users", 303, 200, 403),
    r("/app/admin/users?q=test&role=admin&status=active", 303, 200, 403),
    r("/app/admin/users/invite", 303, 200, 403),
    r("/app/admin/users/{self}", 303, 200, 403),
    r("/app/admin/users/999999", 303, 404, 403),
    r("/app/admin/users/not-a-number", 303, 400, 400),
    r("/app/admin/teams", 303, 200, 403),
    r("/app/admin/import", 303, 200, 403),
    r("/app/admin/outbox", 303, 200, 403),
    r("/app/admin/outbox?status=failed", 303, 200, 403),
    r("/app/admin/outbox/999999", 303, 404, 403),
    r("/app/admin/audit", 303, 200, 403),
    r("/app/no-such-page", 404, 404, 404),
    r("/healthz", 200, 200, 200),
    r("/readyz", 200, 200, 200),
    r("/api/v1/me", 401, 401, 401),
];

/// State-changing admin routes: anonymous visitors are sent to log in, non-admins get 403.
const ADMIN_POSTS: &[&str] = &[
    "/app/admin/users/invite",
    "/app/admin/users/{self}",
    "/app/admin/users/{self}/deactivate",
    "/app/admin/users/{self}/reactivate",
    "/app/admin/users/{self}/reinvite",
    "/app/admin/teams",
    "/app/admin/teams/1",
    "/app/admin/teams/1/delete",
    "/app/admin/import/1/confirm",
    "/app/admin/outbox/1/retry",
];

async fn every_route_answers_every_role_as_it_should(app: &TestApp) {
    app.state.store.create_team("Zespół", 0).await.unwrap();
    let mut who = vec![Who::Anonymous];
    who.extend(Role::ALL.iter().map(|r| Who::As(*r)));
    let mut failures = Vec::new();
    for w in who {
        let client = TestApp::sibling(app);
        let self_id = match w {
            Who::Anonymous => 1,
            Who::As(role) => {
                let email = format!("{}-matrix@test.example", role.as_str());
                client.create_user(&email, &[role]).await;
                assert_eq!(client.login(&email, crate::common::PASSWORD).await.status(), 303);
                app.state
                    .store
                    .user_by_email(&ambasada_core::Email::parse(&email).unwrap())
                    .await
                    .unwrap()
                    .unwrap()
                    .id
            }
        };
        for route in ROUTES {
            let path = route.path.replace("{self}", &self_id.to_string());
            let expected = match w {
                Who::Anonymous => route.anonymous,
                Who::As(Role::Admin) => route.admin,
                Who::As(_) => route.others,
            };
            let got = client.get(&path).await.status().as_u16();
            if got != expected {
                failures.push(format!("GET {path} as {w:?}: expected {expected}, got {got}"));
            }
        }
        if w != Who::As(Role::Admin) {
            for path in ADMIN_POSTS {
                let path = path.replace("{self}", &self_id.to_string());
                let res = client.post_form(&path, &[("name", "x")]).await;
                let expected = if w == Who::Anonymous { 303 } else { 403 };
                if res.status().as_u16() != expected {
                    failures.push(format!(
                        "POST {path} as {w:?}: expected {expected}, got {}",
                        res.status()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // Nobody but the admin changed anything.
    assert_eq!(app.state.store.teams().await.unwrap().len(), 1);
    let (people, _) = app.state.store.people_counts().await.unwrap();
    assert_eq!(people, 5, "five people, one per role, all still active");
}
story!(every_route_answers_every_role_as_it_should);
