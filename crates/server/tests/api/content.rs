//! Content library and sharing (C5, C6) through the real router: the workflow, the
//! feed, tracked links, confirmations, the API, and bad input.

use crate::common::api_token as token;
use crate::common::{PASSWORD, TestApp, client, extract_csrf};
use crate::story;
use ambasada_core::Role;
use ambasada_store::programs::ProgramInput;
use reqwest::multipart::{Form, Part};

const PNG: &[u8] = include_bytes!("../../demo/product.png");

/// A client logged in as a new person with these roles, on the same server.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let c = TestApp::sibling(app);
    let id = c.create_user(email, roles).await;
    assert_eq!(c.login(email, PASSWORD).await.status(), 303);
    (c, id)
}

fn item_form(title: &str, url: &str, program: Option<i64>) -> Form {
    let mut f = Form::new()
        .text("title", title.to_string())
        .text("category", "job_offer")
        .text("target_url", url.to_string())
        .text("language", "en")
        .text("hashtags", "#praca #IT")
        .text(
            "text_linkedin",
            "We are hiring a Rust developer in Warsaw. Join our team!",
        )
        .text("text_x", "Hiring: Rust developer, Warsaw.");
    if let Some(p) = program {
        f = f.text("program", p.to_string());
    }
    f
}

async fn post_multipart(c: &TestApp, path: &str, form: Form) -> reqwest::Response {
    let token = c.csrf().await;
    c.client
        .post(c.url(&format!("{path}?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn id_from_location(res: &reqwest::Response) -> i64 {
    let loc = res.headers()["location"].to_str().unwrap();
    loc.trim_start_matches("/app/content/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn program(app: &TestApp, name: &str, coordinator: Option<i64>, limit: i64) -> i64 {
    app.state
        .store
        .create_program(
            &ProgramInput {
                name: name.into(),
                slug: name.to_lowercase().replace(' ', "-"),
                description: String::new(),
                coordinator_id: coordinator,
                daily_share_limit: limit,
                review_cadence: "monthly".into(),
            },
            0,
        )
        .await
        .unwrap()
}

async fn status(app: &TestApp, id: i64) -> String {
    app.state.store.content_item(id).await.unwrap().unwrap().status
}

/// The JSON answer of the share button.
async fn press_share(c: &TestApp, id: i64, network: &str, text: &str) -> serde_json::Value {
    let token = c.csrf().await;
    let res = c
        .client
        .post(c.url(&format!("/app/feed/{id}/link")))
        .header("accept", "application/json")
        .form(&[("network", network), ("text", text), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "share button on {network}");
    res.json().await.unwrap()
}

/// Editor writes, coordinator approves, the item reaches the ambassador's feed.
async fn the_workflow_runs_from_draft_to_the_feed(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let p = program(app, "Employer branding", Some(coord_id), 5).await;
    app.state.store.add_member(p, amb_id, 0).await.unwrap();

    let form = item_form("Rust developer", "https://kariera.example/rust?x=1", Some(p)).part(
        "image",
        Part::bytes(PNG.to_vec())
            .file_name("team.png")
            .mime_str("image/png")
            .unwrap(),
    );
    let res = post_multipart(&editor, "/app/content/new", form).await;
    assert_eq!(res.status(), 303);
    let id = id_from_location(&res);
    assert_eq!(status(app, id).await, "draft");
    assert!(
        !amb.get("/app/feed")
            .await
            .text()
            .await
            .unwrap()
            .contains("Rust developer"),
        "drafts are not in feeds"
    );

    // An illegal step is refused with a message and changes nothing.
    let res = coord.post_form(&format!("/app/content/{id}/approve"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(app, id).await, "draft");
    assert!(
        coord
            .get(&format!("/app/content/{id}"))
            .await
            .text()
            .await
            .unwrap()
            .contains("flash err")
    );

    assert_eq!(
        editor
            .post_form(&format!("/app/content/{id}/submit"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(status(app, id).await, "submitted");
    // Only a coordinator approves: the editor's attempt is refused.
    editor.post_form(&format!("/app/content/{id}/approve"), &[]).await;
    assert_eq!(status(app, id).await, "submitted");
    // An ambassador cannot even see it.
    assert_eq!(amb.get(&format!("/app/content/{id}")).await.status(), 404);
    assert_eq!(
        amb.post_form(&format!("/app/content/{id}/approve"), &[]).await.status(),
        404
    );

    assert_eq!(
        coord
            .post_form(&format!("/app/content/{id}/approve"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(status(app, id).await, "approved");
    let feed = amb.get("/app/feed").await.text().await.unwrap();
    assert!(feed.contains("Rust developer"), "approved and started: in the feed");
    app.state
        .store
        .publish_and_expire_due(ambasada_server::now())
        .await
        .unwrap();
    assert_eq!(status(app, id).await, "published");

    let history = app.state.store.transitions(id).await.unwrap();
    let steps: Vec<(String, Option<String>)> = history
        .iter()
        .map(|t| (t.to_status.clone(), t.actor_name.clone()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("draft".into(), Some("Test red".into())),
            ("submitted".into(), Some("Test red".into())),
            ("approved".into(), Some("Test koord".into())),
            ("published".into(), None),
        ]
    );
    // The image is served with caching headers.
    let item = app.state.store.content_item(id).await.unwrap().unwrap();
    let img = client()
        .get(app.url(&format!("/media/{}", item.image_file.unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(img.status(), 200);
    assert_eq!(img.headers()["content-type"], "image/png");
    assert!(img.headers()["cache-control"].to_str().unwrap().contains("immutable"));
}
story!(the_workflow_runs_from_draft_to_the_feed);

async fn a_rejection_needs_a_reason_the_author_sees(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let p = program(app, "EB", Some(coord_id), 5).await;
    app.state.store.add_member(p, amb_id, 0).await.unwrap();
    // An ambassador's suggestion enters as submitted, aimed at their programs.
    let res = post_multipart(
        &amb,
        "/app/suggest",
        item_form("Mój rok w firmie", "https://blog.example/rok", None),
    )
    .await;
    assert_eq!(res.status(), 303);
    let id = id_from_location(&res);
    assert_eq!(status(app, id).await, "submitted");
    let res = coord
        .post_form(&format!("/app/content/{id}/reject"), &[("reason", "  ")])
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(status(app, id).await, "submitted");
    let res = coord
        .post_form(
            &format!("/app/content/{id}/reject"),
            &[("reason", "Za mało konkretów o zespole.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(status(app, id).await, "rejected");
    let page = amb.get(&format!("/app/content/{id}")).await.text().await.unwrap();
    assert!(page.contains("Za mało konkretów o zespole."), "the author sees why");
    // Another ambassador does not see someone else's suggestion.
    let (other, _) = person(app, "inny@test.example", &[Role::Ambassador]).await;
    assert_eq!(other.get(&format!("/app/content/{id}")).await.status(), 404);
}
story!(a_rejection_needs_a_reason_the_author_sees);

async fn bad_input_is_refused_on_its_field_and_changes_nothing(app: &TestApp) {
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let count = |app: &TestApp| {
        let store = app.state.store.clone();
        async move {
            store
                .list_content(&ambasada_store::content::ContentFilter {
                    limit: 100,
                    ..Default::default()
                })
                .await
                .unwrap()
                .1
        }
    };
    let cases: Vec<(&str, Form, &str)> = vec![
        (
            "javascript URL",
            item_form("A", "javascript:alert(1)", None),
            "target_url",
        ),
        (
            "6 MB image",
            item_form("B", "https://a.example", None).part(
                "image",
                Part::bytes(vec![0x89; 6 * 1024 * 1024])
                    .file_name("big.png")
                    .mime_str("image/png")
                    .unwrap(),
            ),
            "image",
        ),
        (
            "GIF renamed to .png",
            item_form("C", "https://a.example", None).part(
                "image",
                Part::bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec())
                    .file_name("fake.png")
                    .mime_str("image/png")
                    .unwrap(),
            ),
            "image",
        ),
        (
            "X text over the limit",
            Form::new()
                .text("title", "D")
                .text("category", "event")
                .text("target_url", "https://a.example")
                .text("language", "pl")
                .text("text_x", "ż".repeat(260)),
            "text_x",
        ),
    ];
    for (what, form, field) in cases {
        let res = post_multipart(&editor, "/app/content/new", form).await;
        assert_eq!(res.status(), 422, "{what}");
        let page = res.text().await.unwrap();
        let marker = format!("id=\"{field}\"");
        let at = page
            .find(&marker)
            .unwrap_or_else(|| panic!("{what}: field {field} shown"));
        assert!(page[at..].contains("field-error"), "{what}: message on the field");
        assert_eq!(count(app).await, 0, "{what}: nothing stored");
    }
    let media = std::path::Path::new(&app.state.config.data_dir).join("media");
    let files = std::fs::read_dir(&media).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "no image was stored for a refused item");
}
story!(bad_input_is_refused_on_its_field_and_changes_nothing);

async fn sharing_makes_one_link_per_network_and_confirms_with_checks(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let (colleague, colleague_id) = person(app, "kolega@test.example", &[Role::Ambassador]).await;
    let (outsider, _) = person(app, "obcy@test.example", &[Role::Ambassador]).await;
    let p = program(app, "EB", Some(coord_id), 2).await;
    let other = program(app, "Other", Some(coord_id), 5).await;
    for id in [amb_id, colleague_id] {
        app.state.store.add_member(p, id, 0).await.unwrap();
    }
    let res = post_multipart(
        &editor,
        "/app/content/new",
        item_form("Hiring", "https://kariera.example/job?ref=1#top", Some(p)),
    )
    .await;
    let id = id_from_location(&res);
    editor.post_form(&format!("/app/content/{id}/submit"), &[]).await;
    coord.post_form(&format!("/app/content/{id}/approve"), &[]).await;
    assert_eq!(status(app, id).await, "approved");
    // An item for another program stays out of this feed.
    let res = post_multipart(
        &editor,
        "/app/content/new",
        item_form("Secret", "https://a.example", Some(other)),
    )
    .await;
    let other_id = id_from_location(&res);
    editor.post_form(&format!("/app/content/{other_id}/submit"), &[]).await;
    coord.post_form(&format!("/app/content/{other_id}/approve"), &[]).await;
    assert!(!amb.get("/app/feed").await.text().await.unwrap().contains("Secret"));
    assert_eq!(amb.get(&format!("/app/feed/{other_id}")).await.status(), 404);
    assert_eq!(outsider.get(&format!("/app/feed/{id}")).await.status(), 404);

    let mine = "I work here and I can recommend it: great people, real Rust.";
    let li = press_share(&amb, id, "linkedin", mine).await;
    let code = li["code"].as_str().unwrap();
    assert_eq!(code.len(), 10);
    assert_eq!(li["url"], format!("{}/s/{code}", app.address));
    let encoded: String = url::form_urlencoded::byte_serialize(li["url"].as_str().unwrap().as_bytes()).collect();
    assert_eq!(
        li["share_url"],
        format!("https://www.linkedin.com/sharing/share-offsite/?url={encoded}")
    );
    assert!(
        li["final_text"]
            .as_str()
            .unwrap()
            .ends_with(li["url"].as_str().unwrap())
    );
    let again = press_share(&amb, id, "linkedin", mine).await;
    assert_eq!(again["code"], li["code"], "the link is reused");
    let x = press_share(&amb, id, "x", "Hiring Rust devs").await;
    assert_ne!(x["code"], li["code"]);
    assert!(
        x["share_url"]
            .as_str()
            .unwrap()
            .starts_with("https://twitter.com/intent/tweet?text=Hiring%20Rust%20devs&url=")
    );
    // The tracked link leads to the editor's target, and nowhere else.
    let res = client().get(app.url(&format!("/s/{code}"))).send().await.unwrap();
    assert_eq!(res.status(), 302);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("https://kariera.example/job?ref=1&utm_source=linkedin&"),
        "{location}"
    );
    assert!(location.ends_with("#top"), "{location}");
    assert_eq!(
        client().get(app.url("/s/AAAAAAAAAA")).send().await.unwrap().status(),
        404
    );

    // Confirmation: a foreign post URL is refused; a LinkedIn one is recorded.
    let res = amb
        .post_form(
            &format!("/app/feed/{id}/confirm"),
            &[
                ("network", "linkedin"),
                ("text", mine),
                ("post_url", "https://evil.example/post"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(app.state.store.shares_of(amb_id, 10).await.unwrap().is_empty());
    let res = amb
        .post_form(
            &format!("/app/feed/{id}/confirm"),
            &[
                ("network", "linkedin"),
                ("text", mine),
                ("post_url", "https://www.linkedin.com/feed/update/urn:li:activity:1/"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let shares = app.state.store.shares_of(amb_id, 10).await.unwrap();
    assert_eq!(shares.len(), 1);
    assert_eq!(shares[0].text, mine);
    // The page after it is done: the share, its clicks, what next; no editor.
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/app/feed/{id}?network=linkedin&shared={}", shares[0].id));
    let done = amb.get(&to).await.text().await.unwrap();
    assert!(
        done.contains(r#"id="share-done""#) && done.contains(r#"id="next-post""#),
        "{done}"
    );
    assert!(!done.contains(r#"id="share-button""#));
    // Someone else's share id shows the ordinary screen.
    let other = colleague.get(&to).await.text().await.unwrap();
    assert!(!other.contains(r#"id="share-done""#) && other.contains(r#"id="share-button""#));
    assert!(
        shares[0].personalisation.unwrap() > 500,
        "a rewritten text is personalised"
    );
    assert_eq!(shares[0].program_id, Some(p));

    // A colleague posting nearly the same text the same day gets a warning.
    let warned = press_share(&colleague, id, "linkedin", mine).await;
    assert_eq!(warned["near_identical"], true);
    assert!(warned["warning"].is_string());

    // The program allows 2 shares a day.
    let ok = amb
        .post_form(
            &format!("/app/feed/{id}/confirm"),
            &[("network", "x"), ("text", "Hiring Rust devs")],
        )
        .await;
    assert_eq!(ok.status(), 303);
    let over = amb
        .post_form(
            &format!("/app/feed/{id}/confirm"),
            &[("network", "x"), ("text", "Once more")],
        )
        .await;
    assert_eq!(over.status(), 422);
    assert_eq!(app.state.store.shares_of(amb_id, 10).await.unwrap().len(), 2);

    // Without JavaScript the share button answers a page with the link and the share URL.
    let token = colleague.csrf().await;
    let page = colleague
        .client
        .post(app.url(&format!("/app/feed/{id}/link")))
        .form(&[("network", "linkedin"), ("text", "Own words"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("https://www.linkedin.com/sharing/share-offsite/?url="));
    assert!(page.contains(&format!("{}/s/", app.address)));
}
story!(sharing_makes_one_link_per_network_and_confirms_with_checks);

async fn own_posts_are_logged_with_a_checked_url(app: &TestApp) {
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let res = amb
        .post_form(
            "/app/shares/own",
            &[
                ("network", "linkedin"),
                ("post_url", "https://twitter.com/x/1"),
                ("topic", "Konferencja"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = amb
        .post_form(
            "/app/shares/own",
            &[
                ("network", "xing"),
                ("post_url", "https://www.xing.com/news/1"),
                ("topic", "Konferencja"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let shares = app.state.store.shares_of(amb_id, 10).await.unwrap();
    assert_eq!(shares[0].topic.as_deref(), Some("Konferencja"));
    assert!(
        amb.get("/app/shares")
            .await
            .text()
            .await
            .unwrap()
            .contains("Konferencja")
    );
    // Editors without the ambassador role have no feed.
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    assert_eq!(editor.get("/app/feed").await.status(), 403);
    assert_eq!(editor.get("/app/shares").await.status(), 403);
    let _ = extract_csrf;
}
story!(own_posts_are_logged_with_a_checked_url);

async fn the_api_serves_the_feed_links_shares_and_the_workflow(app: &TestApp) {
    use ambasada_core::Scope;
    let coord_id = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let editor_id = app.create_user("red@test.example", &[Role::Editor]).await;
    let amb_id = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let p = program(app, "EB", Some(coord_id), 5).await;
    app.state.store.add_member(p, amb_id, 0).await.unwrap();
    let ed = token(app, editor_id, &[Scope::ContentWrite, Scope::ContentRead]).await;
    let co = token(app, coord_id, &[Scope::ContentWrite]).await;
    let am = token(app, amb_id, &[Scope::ContentRead, Scope::SharesWrite]).await;
    let am_read_only = token(app, amb_id, &[Scope::ContentRead]).await;
    let c = client();
    let post =
        |tok: &str, path: &str, body: serde_json::Value| c.post(app.url(path)).bearer_auth(tok).json(&body).send();

    let bad = post(
        &ed,
        "/api/v1/content",
        serde_json::json!({"title": "", "target_url": "javascript:x", "texts": {"x": "ż".repeat(300)}}),
    )
    .await
    .unwrap();
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = bad.json().await.unwrap();
    for field in ["title", "target_url", "text_x", "category"] {
        assert!(problem["errors"][field].is_string(), "error on {field}: {problem}");
    }
    let created = post(
        &ed,
        "/api/v1/content",
        serde_json::json!({
            "title": "API item", "category": "product", "target_url": "https://www.example.com/p",
            "language": "en", "hashtags": ["nowość"], "texts": {"linkedin": "Our new product is out."},
            "program_ids": [p]
        }),
    )
    .await
    .unwrap();
    assert_eq!(created.status(), 201);
    let item: serde_json::Value = created.json().await.unwrap();
    let id = item["id"].as_i64().unwrap();
    assert_eq!(item["status"], "draft");
    // The ambassador's token cannot write content, and approving a draft is a conflict.
    assert_eq!(
        post(&am, "/api/v1/content", serde_json::json!({}))
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        post(&co, &format!("/api/v1/content/{id}/approve"), serde_json::json!({}))
            .await
            .unwrap()
            .status(),
        409
    );
    assert_eq!(
        post(&ed, &format!("/api/v1/content/{id}/submit"), serde_json::json!({}))
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        post(&ed, &format!("/api/v1/content/{id}/approve"), serde_json::json!({}))
            .await
            .unwrap()
            .status(),
        403
    );
    let approved = post(&co, &format!("/api/v1/content/{id}/approve"), serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(approved.status(), 200);
    let approved: serde_json::Value = approved.json().await.unwrap();
    assert_eq!(approved["status"], "published", "approved and started");

    let feed: serde_json::Value = c
        .get(app.url("/api/v1/content"))
        .bearer_auth(&am)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(feed["items"][0]["id"], id);
    assert_eq!(feed["items"][0]["texts"]["linkedin"], "Our new product is out.");
    // A second, older item for everyone: each item keeps its own texts and targets.
    let other = app
        .state
        .store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Older item".into(),
                category: "product".into(),
                target_url: "https://www.example.com/older".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![
                    ("facebook".into(), "Older on Facebook.".into()),
                    ("xing".into(), "Older on XING.".into()),
                ],
                program_ids: vec![],
                team_ids: vec![],
            },
            editor_id,
            "draft",
            0,
        )
        .await
        .unwrap();
    app.state
        .store
        .transition_content(other, "draft", "approved", Some(coord_id), None, 0)
        .await
        .unwrap();
    let feed: serde_json::Value = c
        .get(app.url("/api/v1/content"))
        .bearer_auth(&am)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let items = feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{feed}");
    assert_eq!(
        (&items[0]["id"], &items[1]["id"]),
        (&serde_json::json!(id), &serde_json::json!(other))
    );
    assert_eq!(
        items[0]["texts"],
        serde_json::json!({"linkedin": "Our new product is out."})
    );
    assert_eq!(
        items[1]["texts"],
        serde_json::json!({"facebook": "Older on Facebook.", "xing": "Older on XING."})
    );
    assert_eq!(items[0]["program_ids"], serde_json::json!([p]));
    assert_eq!(items[1]["program_ids"], serde_json::json!([]));
    assert_eq!(items[1]["title"], "Older item");
    let one = c
        .get(app.url(&format!("/api/v1/content/{id}")))
        .bearer_auth(&am)
        .send()
        .await
        .unwrap();
    assert_eq!(one.status(), 200);

    let no_scope = post(
        &am_read_only,
        &format!("/api/v1/content/{id}/links"),
        serde_json::json!({"network": "linkedin"}),
    )
    .await
    .unwrap();
    assert_eq!(no_scope.status(), 403);
    let link = post(
        &am,
        &format!("/api/v1/content/{id}/links"),
        serde_json::json!({"network": "linkedin"}),
    )
    .await
    .unwrap();
    assert_eq!(link.status(), 201);
    let link: serde_json::Value = link.json().await.unwrap();
    assert!(link["url"].as_str().unwrap().ends_with(link["code"].as_str().unwrap()));
    assert!(
        link["share_url"]
            .as_str()
            .unwrap()
            .starts_with("https://www.linkedin.com/sharing/share-offsite/?url=")
    );
    let wrong_net = post(
        &am,
        &format!("/api/v1/content/{id}/links"),
        serde_json::json!({"network": "xing"}),
    )
    .await
    .unwrap();
    assert_eq!(wrong_net.status(), 422, "the item has no XING text");

    let foreign = post(
        &am,
        "/api/v1/shares",
        serde_json::json!({"content_id": id, "network": "linkedin", "post_url": "https://evil.example/"}),
    )
    .await
    .unwrap();
    assert_eq!(foreign.status(), 422);
    let share = post(
        &am,
        "/api/v1/shares",
        serde_json::json!({"content_id": id, "network": "linkedin", "text": "Our new product is out."}),
    )
    .await
    .unwrap();
    assert_eq!(share.status(), 201);
    let share: serde_json::Value = share.json().await.unwrap();
    assert_eq!(share["personalisation"], 0.0);
    // The editor is no ambassador: a sharing token does not work for them.
    let ed_share = token(app, editor_id, &[Scope::SharesWrite]).await;
    assert_eq!(
        post(
            &ed_share,
            "/api/v1/shares",
            serde_json::json!({"content_id": id, "network": "linkedin"})
        )
        .await
        .unwrap()
        .status(),
        403
    );
    let malformed = c
        .post(app.url("/api/v1/shares"))
        .bearer_auth(&am)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
    assert_eq!(malformed.headers()["content-type"], "application/problem+json");
}
story!(the_api_serves_the_feed_links_shares_and_the_workflow);

async fn coordinators_review_only_their_programs_and_not_their_own_items(app: &TestApp) {
    let (coord_a, coord_a_id) = person(app, "koord-a@test.example", &[Role::Coordinator]).await;
    let (coord_b, coord_b_id) = person(app, "koord-b@test.example", &[Role::Coordinator]).await;
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let a = program(app, "Program A", Some(coord_a_id), 5).await;
    let b = program(app, "Program B", Some(coord_b_id), 5).await;
    let submitted = |form: Form| {
        let editor = &editor;
        async move {
            let id = id_from_location(&post_multipart(editor, "/app/content/new", form).await);
            editor.post_form(&format!("/app/content/{id}/submit"), &[]).await;
            id
        }
    };
    let for_a = submitted(item_form("For A", "https://a.example", Some(a))).await;
    let for_all = submitted(item_form("For everyone", "https://a.example", None)).await;
    let for_both =
        submitted(item_form("For A and B", "https://a.example", Some(a)).text("program", b.to_string())).await;
    // B's coordinator approves none of these; A's only the one aimed at A alone.
    for id in [for_a, for_all, for_both] {
        coord_b.post_form(&format!("/app/content/{id}/approve"), &[]).await;
        assert_eq!(status(app, id).await, "submitted", "B may not approve {id}");
    }
    coord_a.post_form(&format!("/app/content/{for_all}/approve"), &[]).await;
    coord_a
        .post_form(&format!("/app/content/{for_both}/approve"), &[])
        .await;
    assert_eq!(
        status(app, for_all).await,
        "submitted",
        "an item for every program is for admins to approve"
    );
    assert_eq!(
        status(app, for_both).await,
        "submitted",
        "one coordinator does not approve for another's program"
    );
    coord_a.post_form(&format!("/app/content/{for_a}/approve"), &[]).await;
    assert_eq!(status(app, for_a).await, "approved");
    // A coordinator's own item needs someone else's approval.
    let own = id_from_location(
        &post_multipart(
            &coord_a,
            "/app/content/new",
            item_form("Mine", "https://a.example", Some(a)),
        )
        .await,
    );
    coord_a.post_form(&format!("/app/content/{own}/submit"), &[]).await;
    coord_a.post_form(&format!("/app/content/{own}/approve"), &[]).await;
    assert_eq!(status(app, own).await, "submitted");
    // An admin approves anything.
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    admin.post_form(&format!("/app/content/{for_all}/approve"), &[]).await;
    assert_eq!(status(app, for_all).await, "approved");
}
story!(coordinators_review_only_their_programs_and_not_their_own_items);

async fn coordinators_add_only_ambassadors_to_their_programs(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let p = program(app, "EB", Some(coord_id), 5).await;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let res = coord
        .post_form(&format!("/app/programs/{p}/members"), &[("email", "red@test.example")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        !app.state
            .store
            .user(editor)
            .await
            .unwrap()
            .unwrap()
            .has_role(Role::Ambassador),
        "no role given"
    );
    let res = coord
        .post_form(&format!("/app/programs/{p}/members"), &[("email", "amb@test.example")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.members(p).await.unwrap().len(), 1);
    // Another coordinator's program is not theirs to change.
    let other_coord = app.create_user("inny@test.example", &[Role::Coordinator]).await;
    let q = program(app, "Other", Some(other_coord), 5).await;
    let res = coord
        .post_form(&format!("/app/programs/{q}/members"), &[("email", "amb@test.example")])
        .await;
    assert_eq!(res.status(), 403);
}
story!(coordinators_add_only_ambassadors_to_their_programs);
