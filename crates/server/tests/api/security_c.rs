//! Issue 19, items 3 and 4: strict input (profile URLs parsed as browsers parse them,
//! control characters refused with "invalid characters", forms that are not UTF-8
//! refused, share texts bounded, unknown JSON fields refused with a 422 naming them) and
//! the coordinator rules (a program always has one; only admins choose or change who).

use crate::common::api_token as token;
use crate::common::{PASSWORD, TestApp, client};
use crate::story;
use ambasada_core::{Role, Scope};
use ambasada_store::content::{ContentFilter, ContentInput};
use reqwest::multipart::Form;

/// A client logged in as a new person with these roles, on the same server.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let c = TestApp::sibling(app);
    let id = c.create_user(email, roles).await;
    assert_eq!(c.login(email, PASSWORD).await.status(), 303);
    (c, id)
}

/// A published item with a LinkedIn text, aimed at `program`.
async fn published_item(app: &TestApp, author: i64, program: i64) -> i64 {
    app.state
        .store
        .create_content(
            &ContentInput {
                title: "We are hiring".into(),
                category: "job_offer".into(),
                target_url: "https://www.example.com/job".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "We are hiring a Rust developer.".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            author,
            "published",
            0,
        )
        .await
        .unwrap()
}

async fn content_count(app: &TestApp) -> usize {
    let f = ContentFilter {
        status: None,
        author_id: None,
        limit: 100,
        offset: 0,
        search: Default::default(),
    };
    app.state.store.list_content(&f).await.unwrap().0.len()
}

const INVALID: &str = "invalid characters";

async fn a_profile_url_is_checked_on_the_host_a_browser_opens(app: &TestApp) {
    let id = app.login_as(Role::Ambassador).await;
    for url in [
        "https://evil.example\\.linkedin.com/in/x",
        "https://evil.example%5C.linkedin.com/in/x",
        "https://linkedin.com:8443/in/x",
    ] {
        let res = app
            .post_form(
                "/app/profile",
                &[
                    ("first_name", "Jan"),
                    ("last_name", "Nowak"),
                    ("locale", "en"),
                    ("time_zone", "Europe/Warsaw"),
                    ("linkedin_url", url),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{url}");
        assert!(res.text().await.unwrap().contains("field-error"), "{url}");
    }
    let profiles = app.state.store.networks(id).await.unwrap();
    assert!(profiles.iter().all(|p| p.profile_url.is_none()), "{profiles:?}");
}
story!(a_profile_url_is_checked_on_the_host_a_browser_opens);

async fn control_characters_are_refused_as_invalid_characters_in_forms(app: &TestApp) {
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    // A team name with an escape character was "too long" before.
    let res = admin
        .post_form("/app/admin/teams", &[("name", "Sprzedaż\u{1b}[2J")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));
    assert!(app.state.store.teams().await.unwrap().is_empty());

    // A job offer with a NUL in its description (PostgreSQL refuses NUL outright).
    let (recruiter, _) = person(app, "rek@test.example", &[Role::Recruiter]).await;
    let res = recruiter
        .post_form(
            "/app/jobs",
            &[
                ("title", "Rust developer"),
                ("location", "Warszawa"),
                ("contract_type", "employment"),
                ("description", "Piszesz **Rust**.\0"),
                ("language", "pl"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));
    assert!(app.state.store.offers(false).await.unwrap().is_empty());

    // A program's name; a course's title.
    let res = admin
        .post_form(
            "/app/programs",
            &[("name", "Employer\0branding"), ("daily_share_limit", "5")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));
    let (editor, editor_id) = person(app, "red@test.example", &[Role::Editor]).await;
    let res = editor
        .post_form(
            "/app/courses",
            &[("title", "Kurs\u{7}"), ("language", "pl"), ("pass_mark", "80")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));

    // A content item's title and text, in the multipart form; line breaks are fine.
    let form = Form::new()
        .text("title", "Nowy\0produkt")
        .text("category", "product")
        .text("target_url", "https://www.example.com/p")
        .text("language", "en")
        .text("text_linkedin", "First line\r\nsecond\tline\u{0}");
    let token = editor.csrf().await;
    let res = editor
        .client
        .post(editor.url(&format!("/app/content/new?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert_eq!(page.matches(INVALID).count(), 2, "the title and the text");
    assert_eq!(content_count(app).await, 0);

    // A share's text and an own post's topic.
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let coordinator = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coordinator)).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    let item = published_item(app, editor_id, program).await;
    let res = amb
        .post_form(
            &format!("/app/feed/{item}/confirm"),
            &[("network", "linkedin"), ("text", "Mój tekst\0")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));
    let res = amb
        .post_form(
            "/app/shares/own",
            &[
                ("network", "linkedin"),
                ("post_url", "https://www.linkedin.com/posts/own-1"),
                ("topic", "Mój\u{0}temat"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(INVALID));
    assert!(app.state.store.shares_of(amb_id, 10).await.unwrap().is_empty());

    // A search with a NUL is the request's fault, never a 500.
    let res = admin.get("/app/admin/users?q=%00").await;
    assert!(res.status().as_u16() < 500, "{}", res.status());
}
story!(control_characters_are_refused_as_invalid_characters_in_forms);

async fn control_characters_are_refused_in_json(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let ed = token(app, editor, &[Scope::ContentWrite, Scope::ContentRead]).await;
    let c = client();
    let res = c
        .post(app.url("/api/v1/content"))
        .bearer_auth(&ed)
        .json(&serde_json::json!({
            "title": "Nowy\u{0}produkt", "category": "product",
            "target_url": "https://www.example.com/p", "language": "en",
            "texts": {"linkedin": "Tekst\u{1b}[2J"}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    for field in ["title", "text_linkedin"] {
        let msg = problem["errors"][field].as_str().unwrap_or_default();
        assert!(msg.contains(INVALID), "{field}: {problem}");
    }
    assert_eq!(content_count(app).await, 0);

    // A text under a name that is no network is not dropped silently.
    let res = c
        .post(app.url("/api/v1/content"))
        .bearer_auth(&ed)
        .json(&serde_json::json!({
            "title": "Nowy produkt", "category": "product",
            "target_url": "https://www.example.com/p", "language": "en",
            "texts": {"linkedin": "Tekst", "facebok": "Literówka"}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["errors"]["texts"]
            .as_str()
            .unwrap_or_default()
            .contains("facebok"),
        "{problem}"
    );
    assert_eq!(content_count(app).await, 0);

    // A calendar topic.
    let coordinator = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coordinator)).await;
    let co = token(app, coordinator, &[Scope::CalendarWrite]).await;
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&serde_json::json!({
            "topic": "Pierwszy\u{0}tydzień", "network": "linkedin",
            "starts_at": "2030-03-04T09:00:00Z", "ends_at": "2030-03-04T17:00:00Z",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["errors"]["topic"]
            .as_str()
            .unwrap_or_default()
            .contains(INVALID),
        "{problem}"
    );
}
story!(control_characters_are_refused_in_json);

async fn a_form_that_is_not_utf8_is_refused_not_saved(app: &TestApp) {
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    let token = admin.csrf().await;
    // `%C5%BC` is "ż"; `%FF` is no UTF-8 at all.
    let res = admin
        .client
        .post(admin.url("/app/admin/teams"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("name=Sprzeda%C5%BC%FF&csrf_token={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("UTF-8"));
    assert!(app.state.store.teams().await.unwrap().is_empty(), "nothing saved");
    let res = admin
        .client
        .post(admin.url("/app/admin/teams"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("name=Sprzeda%C5%BC&csrf_token={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.teams().await.unwrap()[0].name, "Sprzedaż");

    // A multipart field is read strictly too.
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let form = Form::new()
        .part("title", reqwest::multipart::Part::bytes(b"Nowy \xff produkt".to_vec()))
        .text("category", "product")
        .text("target_url", "https://www.example.com/p")
        .text("language", "en")
        .text("text_linkedin", "Text");
    let token = editor.csrf().await;
    let res = editor
        .client
        .post(editor.url(&format!("/app/content/new?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("UTF-8"));
    assert_eq!(content_count(app).await, 0);
}
story!(a_form_that_is_not_utf8_is_refused_not_saved);

async fn share_texts_have_the_networks_limit_plus_a_margin(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let coordinator = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coordinator)).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    let item = published_item(app, editor, program).await;
    let huge = "słowo ".repeat(100_000 / 6);

    let res = amb
        .post_form(
            &format!("/app/feed/{item}/score"),
            &[("network", "linkedin"), ("text", &huge)],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = amb
        .post_form(
            &format!("/app/feed/{item}/confirm"),
            &[("network", "linkedin"), ("text", &huge)],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("3500"), "the limit is named");

    let am = token(app, amb_id, &[Scope::SharesWrite]).await;
    let res = client()
        .post(app.url("/api/v1/shares"))
        .bearer_auth(&am)
        .json(&serde_json::json!({"content_id": item, "network": "linkedin", "text": huge}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(problem["errors"]["text"].is_string(), "{problem}");
    assert!(app.state.store.shares_of(amb_id, 10).await.unwrap().is_empty());

    // Within the limit and its margin, the share is recorded.
    let fine = format!("{} https://example.com/s/abc #praca", "a".repeat(3000));
    let res = amb
        .post_form(
            &format!("/app/feed/{item}/confirm"),
            &[("network", "linkedin"), ("text", &fine)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.shares_of(amb_id, 10).await.unwrap().len(), 1);
}
story!(share_texts_have_the_networks_limit_plus_a_margin);

async fn unknown_json_fields_get_a_422_naming_them(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let coordinator = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coordinator)).await;
    let ed = token(app, editor, &[Scope::ContentWrite, Scope::ContentRead]).await;
    let c = client();
    // A misspelled `program_ids` would aim the item at every program.
    let res = c
        .post(app.url("/api/v1/content"))
        .bearer_auth(&ed)
        .json(&serde_json::json!({
            "title": "API item", "category": "product", "target_url": "https://www.example.com/p",
            "language": "en", "texts": {"linkedin": "Our new product is out."},
            "progam_ids": [program], "colour": "red"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"],
        serde_json::json!({"progam_ids": "unknown field", "colour": "unknown field"}),
        "{problem}"
    );
    assert!(problem["detail"].as_str().unwrap().contains("progam_ids"));
    assert_eq!(content_count(app).await, 0);

    let co = token(app, coordinator, &[Scope::CalendarWrite]).await;
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&serde_json::json!({
            "topic": "Pierwszy tydzień", "network": "linkedin", "audiense": "team",
            "starts_at": "2030-03-04T09:00:00Z", "ends_at": "2030-03-04T17:00:00Z",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"]["audiense"], "unknown field", "{problem}");

    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let am = token(app, amb, &[Scope::SharesWrite]).await;
    let res = c
        .post(app.url("/api/v1/rewards/1/redemptions"))
        .bearer_auth(&am)
        .json(&serde_json::json!({"quantity": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"]["quantity"], "unknown field", "{problem}");

    // The workflow's steps take no field either.
    let ed = token(app, coordinator, &[Scope::ContentWrite]).await;
    for step in ["submit", "approve"] {
        let res = c
            .post(app.url(&format!("/api/v1/content/1/{step}")))
            .bearer_auth(&ed)
            .json(&serde_json::json!({"y": 2}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{step}");
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["errors"]["y"], "unknown field", "{problem}");
    }

    // Malformed JSON stays a 400.
    let res = c
        .post(app.url("/api/v1/shares"))
        .bearer_auth(&am)
        .header("content-type", "application/json")
        .body("{\"content_id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}
story!(unknown_json_fields_get_a_422_naming_them);

async fn a_program_always_has_a_coordinator_and_only_admins_reassign_it(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let other = app.create_user("inny@test.example", &[Role::Coordinator]).await;
    let program = |id: i64| async move { app.state.store.program(id).await.unwrap().unwrap() };
    let by_slug = |slug: &'static str| async move {
        app.state
            .store
            .programs()
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.slug == slug)
            .unwrap()
    };

    // A coordinator's new program is theirs, whatever the form says.
    let res = coord
        .post_form(
            "/app/programs",
            &[
                ("name", "Mine"),
                ("slug", "mine"),
                ("coordinator_id", ""),
                ("daily_share_limit", "5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let mine = by_slug("mine").await;
    assert_eq!(mine.coordinator_id, Some(coord_id));
    let other_id = other.to_string();
    let res = coord
        .post_form(
            "/app/programs",
            &[
                ("name", "Given"),
                ("slug", "given"),
                ("coordinator_id", &other_id),
                ("daily_share_limit", "5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(by_slug("given").await.coordinator_id, Some(coord_id));

    // Their form can neither clear nor hand on the coordinator.
    for chosen in ["", other_id.as_str()] {
        let res = coord
            .post_form(
                &format!("/app/programs/{}", mine.id),
                &[
                    ("name", "Mine"),
                    ("slug", "mine"),
                    ("coordinator_id", chosen),
                    ("daily_share_limit", "3"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let p = program(mine.id).await;
        assert_eq!((p.coordinator_id, p.daily_share_limit), (Some(coord_id), 3));
    }
    let page = coord
        .get(&format!("/app/programs/{}", mine.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("name=\"coordinator_id\""),
        "no coordinator field for them"
    );

    // A program without a coordinator (made before the rule) is the admins' alone.
    let orphan = app.create_program("Orphan", "orphan", None).await;
    for path in [
        format!("/app/programs/{orphan}"),
        format!("/app/programs/{orphan}/health"),
        format!("/app/programs/{orphan}/candidates"),
        format!("/app/programs/{orphan}/points"),
    ] {
        assert_eq!(coord.get(&path).await.status(), 403, "{path}");
    }
    let res = coord
        .post_form(
            &format!("/app/programs/{orphan}"),
            &[("name", "Claimed"), ("slug", "orphan"), ("daily_share_limit", "5")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let p = program(orphan).await;
    assert_eq!((p.name.as_str(), p.coordinator_id), ("Orphan", None));
    // Nor can they plan its calendar.
    let co = token(app, coord_id, &[Scope::CalendarWrite]).await;
    let res = client()
        .post(app.url(&format!("/api/v1/programs/{orphan}/calendar")))
        .bearer_auth(&co)
        .json(&serde_json::json!({
            "topic": "Pierwszy tydzień", "network": "linkedin",
            "starts_at": "2030-03-04T09:00:00Z", "ends_at": "2030-03-04T17:00:00Z",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // An admin must choose a coordinator, and may hand a program to another.
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    assert_eq!(admin.get(&format!("/app/programs/{orphan}")).await.status(), 200);
    let res = admin
        .post_form(
            "/app/programs",
            &[
                ("name", "Nobody's"),
                ("slug", "nobodys"),
                ("coordinator_id", ""),
                ("daily_share_limit", "5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("every program has one"));
    let res = admin
        .post_form(
            &format!("/app/programs/{orphan}"),
            &[
                ("name", "Orphan"),
                ("slug", "orphan"),
                ("coordinator_id", ""),
                ("daily_share_limit", "5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = admin
        .post_form(
            &format!("/app/programs/{}", mine.id),
            &[
                ("name", "Mine"),
                ("slug", "mine"),
                ("coordinator_id", &other_id),
                ("daily_share_limit", "3"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(program(mine.id).await.coordinator_id, Some(other));
    assert_eq!(coord.get(&format!("/app/programs/{}", mine.id)).await.status(), 403);
}
story!(a_program_always_has_a_coordinator_and_only_admins_reassign_it);
