//! Login, logout, throttling, sessions, invitations, password resets, deactivation.

use crate::common::{PASSWORD, TestApp, client, extract_csrf, link_in, wait_for, wait_for_detached_tasks};
use crate::story;
use ambasada_core::Role;
use ambasada_server::mail;

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap()
}

async fn login_form_logs_in_and_logout_revokes_the_session(app: &TestApp) {
    app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let login_page = text(app.get("/login").await).await;
    assert!(
        login_page.contains("name=\"email\"")
            && login_page.contains("name=\"password\"")
            && login_page.contains("name=\"csrf_token\"")
    );

    let res = app.login("Anna@Test.example ", PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/app");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("amb_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http base URL: no Secure flag");
    let home = app.get("/app").await;
    assert_eq!(home.status(), 200);
    assert!(text(home).await.contains("Test"));

    // Replaying the old session cookie after logout gets nothing.
    let session = cookie.split(';').next().unwrap().to_string();
    let res = app.post_form("/logout", &[]).await;
    assert_eq!(res.status(), 303);
    let replay = client()
        .get(app.url("/app"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
    assert!(replay.headers()["location"].to_str().unwrap().starts_with("/login"));
}
story!(login_form_logs_in_and_logout_revokes_the_session);

async fn after_login_only_same_site_paths_are_followed(app: &TestApp) {
    app.create_user("anna@test.example", &[Role::Ambassador]).await;
    for next in [
        "//evil.example/x",
        "/\tevil",
        "/\t/evil.example/x",
        "/\n/evil.example",
        "https://evil.example/",
    ] {
        let other = clone_for(app);
        let res = other
            .post_form(
                "/login",
                &[("email", "anna@test.example"), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], "/app", "next={next:?}");
    }
    let other = clone_for(app);
    let res = other
        .post_form(
            "/login",
            &[
                ("email", "anna@test.example"),
                ("password", PASSWORD),
                ("next", "/app/profile"),
            ],
        )
        .await;
    assert_eq!(res.headers()["location"], "/app/profile");
}
story!(after_login_only_same_site_paths_are_followed);

async fn an_old_invitation_cannot_replace_a_password(app: &TestApp) {
    app.login_as(Role::Admin).await;
    app.post_form(
        "/app/admin/users/invite",
        &[
            ("email", "x@test.example"),
            ("first_name", "X"),
            ("last_name", "Y"),
            ("locale", "pl"),
        ],
    )
    .await;
    let (mails, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    let invite = link_in(&mails[0].body_text, &format!("{}/invite/", app.address)).unwrap();
    let invite = invite.trim_start_matches(&app.address).to_string();
    // The person sets a password through "forgot password" instead.
    let anon = clone_for(app);
    anon.post_form("/password/forgot", &[("email", "x@test.example")]).await;
    let reset = wait_for("the reset email", async || {
        let (mails, _) = app.state.store.outbox(Some("pending"), 10, 0).await.unwrap();
        let m = mails.iter().find(|m| m.kind == "reset").ok_or("no reset email")?;
        link_in(&m.body_text, &format!("{}/password/reset/", app.address)).ok_or(format!("no link in {m:?}"))
    })
    .await;
    let reset = reset.trim_start_matches(&app.address).to_string();
    let res = anon
        .post_form(
            &reset,
            &[("password", "wlasne-haslo-1"), ("password_confirm", "wlasne-haslo-1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The old invitation is dead now.
    let attacker = clone_for(app);
    let res = attacker
        .post_form(
            &invite,
            &[("password", "przejete-haslo"), ("password_confirm", "przejete-haslo")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(attacker.login("x@test.example", "wlasne-haslo-1").await.status(), 303);
}
story!(an_old_invitation_cannot_replace_a_password);

async fn wrong_email_and_wrong_password_get_the_same_message(app: &TestApp) {
    app.create_user("jan@test.example", &[Role::Editor]).await;
    let a = app.login("jan@test.example", "not-the-password").await;
    assert_eq!(a.status(), 401);
    let a = text(a).await;
    let b = app.login("nobody@test.example", PASSWORD).await;
    assert_eq!(b.status(), 401);
    let b = text(b).await;
    let msg = |s: &str| {
        s.split("id=\"login-error\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(msg(&a), msg(&b));
    assert!(a.contains("value=\"jan@test.example\""), "the email typed is kept");
}
story!(wrong_email_and_wrong_password_get_the_same_message);

async fn login_without_a_csrf_token_is_refused(app: &TestApp) {
    app.create_user("jan@test.example", &[Role::Editor]).await;
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[("email", "jan@test.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("email", "jan@test.example"),
            ("password", PASSWORD),
            ("csrf_token", "forged"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("<html"), "the refusal is a page in the layout");
    assert_eq!(app.get("/app").await.status(), 303, "not logged in");
}
story!(login_without_a_csrf_token_is_refused);

async fn five_failures_make_the_account_wait(app: &TestApp) {
    app.create_user("ola@test.example", &[Role::Ambassador]).await;
    for _ in 0..5 {
        assert_eq!(app.login("ola@test.example", "wrong-password").await.status(), 401);
    }
    let res = app.login("ola@test.example", PASSWORD).await;
    assert_eq!(res.status(), 429, "even the right password waits");
    let body = text(res).await;
    assert!(
        body.contains("15 minutes") || body.contains("15 minut"),
        "says how long to wait"
    );
    // Another account from the same address still logs in: one address may be a whole
    // company, and only the account is locked (50 failures put an address over its limit).
    app.create_user("ewa@test.example", &[Role::Ambassador]).await;
    assert_eq!(app.login("ewa@test.example", PASSWORD).await.status(), 303);
}
story!(five_failures_make_the_account_wait);

async fn https_base_url_makes_cookies_secure(_app: &TestApp) {
    let app = TestApp::spawn_with(
        crate::common::Db::Sqlite,
        |c| c.base_url = "https://ambasada.example".into(),
        None,
    )
    .await;
    app.create_user("jan@test.example", &[Role::Editor]).await;
    let res = app.login("jan@test.example", PASSWORD).await;
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("amb_session="))
        .unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
    app.stop().await;
}
story!(https_base_url_makes_cookies_secure);

async fn an_invitation_sets_the_password_once_and_logs_in(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let res = app
        .post_form(
            "/app/admin/users/invite",
            &[
                ("email", "nowa@test.example"),
                ("first_name", "Oliwia"),
                ("last_name", "Sikorska"),
                ("locale", "pl"),
                ("role", "ambassador"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (mails, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.to_addr == "nowa@test.example")
        .expect("invitation queued");
    assert_eq!(mail.kind, "invite");
    let link = link_in(&mail.body_text, &format!("{}/invite/", app.address)).expect("link in the email");
    let path = link.trim_start_matches(&app.address).to_string();

    let guest = clone_for(app);
    let page = guest.get(&path).await;
    assert_eq!(page.status(), 200);
    let page = text(page).await;
    assert!(page.contains("Oliwia"));
    let token = extract_csrf(&page).unwrap();
    let short = guest
        .client
        .post(app.url(&path))
        .form(&[
            ("password", "krotkie"),
            ("password_confirm", "krotkie"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), 422);
    let ok = guest
        .client
        .post(app.url(&path))
        .form(&[
            ("password", "nowe-haslo-123"),
            ("password_confirm", "nowe-haslo-123"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    assert_eq!(guest.get("/app").await.status(), 200, "accepting logs in");
    // The link works once.
    assert_eq!(client().get(app.url(&path)).send().await.unwrap().status(), 404);
    let other = clone_for(app);
    assert_eq!(other.login("nowa@test.example", "nowe-haslo-123").await.status(), 303);
}
story!(an_invitation_sets_the_password_once_and_logs_in);

/// A second client against the same server, with its own cookies.
fn clone_for(app: &TestApp) -> TestApp {
    TestApp::sibling(app)
}

async fn a_password_reset_ends_old_sessions(app: &TestApp) {
    app.login_as(Role::Editor).await;
    let anon = clone_for(app);
    // The form answers before it looks the address up (the answer must not tell who has
    // an account), so the email, or its absence, comes from a task that may not have run
    // when the answer arrives: counting then could pass only because it had not. So each
    // count first waits for the requests' tasks to end. A task counts as running from
    // before its answer is sent until after its email is queued, and without SMTP settings
    // a queued email stays as it is; once the tasks have ended nothing else can add an
    // email, so the count is final, not early.
    let (before, _) = mail::detached_tasks();
    let res = anon
        .post_form("/password/forgot", &[("email", "editor@test.example")])
        .await;
    assert_eq!(res.status(), 303);
    // Unknown addresses get the same answer and no email.
    let res = anon
        .post_form("/password/forgot", &[("email", "nikt@test.example")])
        .await;
    assert_eq!(res.status(), 303);
    wait_for_detached_tasks(before, 2).await;
    let (mails, total) = app.state.store.outbox(None, 10, 0).await.unwrap();
    assert_eq!(total, 1, "one email: the unknown address gets none");
    assert_eq!(mails[0].to_addr, "editor@test.example");
    // Asking again within five minutes sends no second email.
    let (before, _) = mail::detached_tasks();
    let res = anon
        .post_form("/password/forgot", &[("email", "editor@test.example")])
        .await;
    assert_eq!(res.status(), 303);
    wait_for_detached_tasks(before, 1).await;
    assert_eq!(
        app.state.store.outbox(None, 10, 0).await.unwrap().1,
        1,
        "no second email within five minutes"
    );
    let link = link_in(&mails[0].body_text, &format!("{}/password/reset/", app.address)).unwrap();
    let path = link.trim_start_matches(&app.address);
    let res = anon
        .post_form(
            path,
            &[("password", "inne-haslo-456"), ("password_confirm", "inne-haslo-45")],
        )
        .await;
    assert_eq!(res.status(), 422, "mismatched confirmation");
    let res = anon
        .post_form(
            path,
            &[("password", "inne-haslo-456"), ("password_confirm", "inne-haslo-456")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.get("/app").await.status(), 303, "the old session ended");
    assert_eq!(anon.login("editor@test.example", PASSWORD).await.status(), 401);
    assert_eq!(anon.login("editor@test.example", "inne-haslo-456").await.status(), 303);
}
story!(a_password_reset_ends_old_sessions);

async fn deactivation_ends_sessions_and_blocks_login(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let amb = app.other_client("amb@test.example", &[Role::Ambassador]).await;
    assert_eq!(amb.get(app.url("/app")).send().await.unwrap().status(), 200);
    let id = app
        .state
        .store
        .user_by_email(&ambasada_core::Email::parse("amb@test.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = app.post_form(&format!("/app/admin/users/{id}/deactivate"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        amb.get(app.url("/app")).send().await.unwrap().status(),
        303,
        "session revoked"
    );
    let other = clone_for(app);
    assert_eq!(other.login("amb@test.example", PASSWORD).await.status(), 401);
    // An admin cannot deactivate themselves.
    let me = app
        .state
        .store
        .user_by_email(&ambasada_core::Email::parse("admin@test.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    app.post_form(&format!("/app/admin/users/{me}/deactivate"), &[]).await;
    assert_eq!(app.get("/app").await.status(), 200);
}
story!(deactivation_ends_sessions_and_blocks_login);
