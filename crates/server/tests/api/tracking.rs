//! Tracked links, the careers form with referral attribution, and the conversions API,
//! through the real router on both databases.

use crate::common::{PASSWORD, TestApp, client, wait_for};
use crate::story;
use ambasada_core::{Role, Scope};
use ambasada_store::content::ContentInput;
use ambasada_store::recruiting::OfferInput;
use reqwest::multipart::{Form, Part};

pub(crate) const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

pub(crate) struct World {
    pub(crate) amb_id: i64,
    pub(crate) item_id: i64,
    offer_id: i64,
    pub(crate) code: String,
}

/// An ambassador in a program with a published job-offer item leading to `target`
/// (default: this server's careers page of a new offer), and their LinkedIn link.
pub(crate) async fn world(app: &TestApp, target: Option<&str>, expires_at: Option<i64>) -> World {
    let store = &app.state.store;
    let amb_id = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let program = app.create_program("Employer branding", "employer-branding", None).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let offer_id = store
        .create_offer(
            &OfferInput {
                title: "Rust developer".into(),
                location: "Warszawa".into(),
                contract_type: "employment".into(),
                description: "## Rola\n\nPiszesz **Rust**. <script>alert(1)</script>".into(),
                language: "en".into(),
                open: true,
            },
            editor,
            0,
        )
        .await
        .unwrap();
    let target = target
        .map(str::to_string)
        .unwrap_or(format!("{}/careers/{offer_id}", app.address));
    let item_id = store
        .create_content(
            &ContentInput {
                title: "We are hiring".into(),
                category: "job_offer".into(),
                target_url: target.clone(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at,
                texts: vec![("linkedin".into(), "Join us".into())],
                program_ids: vec![program],
                team_ids: vec![],
            },
            editor,
            "draft",
            0,
        )
        .await
        .unwrap();
    store
        .transition_content(item_id, "draft", "approved", Some(editor), None, 0)
        .await
        .unwrap();
    let link = store
        .create_tracked_link("AbCdEfGh12", amb_id, item_id, "linkedin", Some(program), &target, 0)
        .await
        .unwrap();
    World {
        amb_id,
        item_id,
        offer_id,
        code: link.code,
    }
}

fn query_of(location: &str) -> Vec<(String, String)> {
    url::Url::parse(location)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub(crate) async fn clicks(app: &TestApp) -> i64 {
    app.state.store.count_click_rows().await.unwrap()
}

/// A browser (`c`) following the tracked link `code`.
pub(crate) async fn follow(c: &reqwest::Client, app: &TestApp, code: &str) -> reqwest::Response {
    c.get(app.url(&format!("/s/{code}")))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap()
}

/// The click token in a redirect's Location.
fn click_token_of(res: &reqwest::Response) -> Option<String> {
    query_of(res.headers()["location"].to_str().unwrap())
        .into_iter()
        .find(|(k, _)| k == "amb_ct")
        .map(|(_, v)| v)
}

async fn a_tracked_link_redirects_with_utm_and_records_the_click(app: &TestApp) {
    let w = world(
        app,
        Some("https://kariera.example/oferta?ref=mail&utm_source=old#apply"),
        None,
    )
    .await;
    let res = client()
        .get(app.url(&format!("/s/{}", w.code)))
        .header("user-agent", CHROME)
        .header("referer", "https://www.linkedin.com/feed/?trk=x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert!(res.headers().get("set-cookie").is_none(), "no cookie on the hot path");
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(
        res.headers().get("referrer-policy").is_none(),
        "the referring page's own policy applies, not a wider one of ours"
    );
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("https://kariera.example/oferta?"), "{location}");
    assert!(location.ends_with("#apply"), "the fragment stays last: {location}");
    let q = query_of(&location);
    let get = |k: &str| {
        q.iter()
            .filter(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(get("ref"), vec!["mail"]);
    assert_eq!(
        get("utm_source"),
        vec!["linkedin"],
        "the target's own utm_source is replaced"
    );
    assert_eq!(get("utm_medium"), vec!["employee_advocacy"]);
    assert_eq!(get("utm_campaign"), vec!["employer-branding"]);
    assert_eq!(get("utm_content"), vec![w.item_id.to_string()]);
    let token = get("amb_ct").pop().expect("a click token");
    assert_eq!(token.len(), 22);
    let click = ambasada_server::tracking::click_of_token(&app.state, &token)
        .await
        .unwrap()
        .expect("the click is stored");
    assert_eq!(click.ambassador_id, w.amb_id);
    assert_eq!(click.network, "linkedin");

    // A preview crawler is recorded, as a bot, and is no click.
    let bot = client()
        .get(app.url(&format!("/s/{}", w.code)))
        .header(
            "user-agent",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(bot.status(), 302);
    let bot_token = click_token_of(&bot).unwrap();
    let bot_id = ambasada_core::tracking::click_id_from_token(&app.state.click_key, &bot_token).unwrap();
    assert!(app.state.store.click_exists(bot_id).await.unwrap(), "recorded");
    assert!(
        ambasada_server::tracking::click_of_token(&app.state, &bot_token)
            .await
            .unwrap()
            .is_none(),
        "but not a click"
    );
    // HEAD answers the redirect too (and counts as a link checker).
    let head = client().head(app.url(&format!("/s/{}", w.code))).send().await.unwrap();
    assert_eq!(head.status(), 302);
    assert_eq!(clicks(app).await, 3);
    let numbers = app.state.store.link_numbers_by_network(w.item_id).await.unwrap();
    assert_eq!(
        (numbers[0].clicks, numbers[0].unique_visitors, numbers[0].bot_hits),
        (1, 1, 2)
    );
}
story!(a_tracked_link_redirects_with_utm_and_records_the_click);

/// Many visitors at once, some of whom give up before their answer: every redirect
/// answered carries its own click, committed before the answer, and the clicks of the
/// visitors who gave up do not leave the others (or a later visitor) waiting.
async fn concurrent_visitors_each_get_a_committed_click(app: &TestApp) {
    let w = world(app, Some("https://kariera.example/oferta"), None).await;
    let url = app.url(&format!("/s/{}", w.code));
    let patient = client();
    let impatient = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_micros(500))
        .build()
        .unwrap();
    let mut visits = tokio::task::JoinSet::new();
    for i in 0..300 {
        let (c, url) = (
            if i % 3 == 0 { impatient.clone() } else { patient.clone() },
            url.clone(),
        );
        // Spread over about 30 ms, so that clicks keep arriving while others are written.
        let start = std::time::Duration::from_micros(100 * i);
        visits.spawn(async move {
            tokio::time::sleep(start).await;
            let res = c.get(&url).header("user-agent", CHROME).send().await.ok()?;
            assert_eq!(res.status(), 302);
            click_token_of(&res)
        });
    }
    let tokens = tokio::time::timeout(std::time::Duration::from_secs(20), visits.join_all())
        .await
        .expect("every visitor is answered or gives up, none waits for ever");
    let tokens: Vec<String> = tokens.into_iter().flatten().collect();
    assert!(
        tokens.len() >= 200,
        "all patient visitors are answered: {}",
        tokens.len()
    );
    let ids: std::collections::BTreeSet<i64> = tokens
        .iter()
        .map(|t| ambasada_core::tracking::click_id_from_token(&app.state.click_key, t).expect("our token"))
        .collect();
    assert_eq!(ids.len(), tokens.len(), "each redirect has a click of its own");
    for id in &ids {
        assert!(app.state.store.click_exists(*id).await.unwrap(), "click {id} committed");
    }
    // On both engines the serving threads commit their own batches to the click journal
    // (per-core mode).
    let (local, queued) = app.state.tracker.batch_counts();
    assert_eq!(queued, 0, "no click went through the writer task");
    let batches = local;
    // A visitor after all of them is answered at once: the writer is not stuck.
    let late = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        patient.get(&url).header("user-agent", CHROME).send(),
    )
    .await
    .expect("answered")
    .unwrap();
    assert_eq!(late.status(), 302);
    let rows = clicks(app).await;
    assert!(
        batches >= 1 && batches <= rows as u64,
        "{batches} batches for {rows} clicks"
    );
    assert!(
        rows > tokens.len() as i64 && rows <= 301,
        "{rows} rows for {} answered redirects and the late one",
        tokens.len()
    );
}
story!(concurrent_visitors_each_get_a_committed_click);

/// On SQLite, clicks reach the database file itself soon after they stop coming (the
/// click writer's checkpointer thread), not only its WAL. Read with `immutable`, which
/// ignores the WAL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_clicks_are_checkpointed_into_the_database_file() {
    use sqlx::Connection;
    let app = TestApp::spawn(crate::common::Db::Sqlite).await;
    let w = world(&app, Some("https://kariera.example/oferta"), None).await;
    let browser = client();
    for _ in 0..20 {
        assert_eq!(follow(&browser, &app, &w.code).await.status(), 302);
    }
    let path = app
        .state
        .config
        .database_url
        .expose()
        .trim_start_matches("sqlite://")
        .to_string();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .read_only(true)
        .immutable(true);
    wait_for("the 20 clicks in the database file, not only in the WAL", async || {
        let mut conn = sqlx::SqliteConnection::connect_with(&options).await.unwrap();
        // Until the first checkpoint the file may not even have the tables.
        let in_file = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM clicks")
            .fetch_one(&mut conn)
            .await
            .unwrap_or(0);
        conn.close().await.unwrap();
        if in_file == 20 {
            Ok(())
        } else {
            Err(format!("{in_file} clicks in the file"))
        }
    })
    .await;
    app.stop().await;
}

async fn unknown_and_expired_links_get_a_404_page_not_a_redirect(app: &TestApp) {
    let w = world(app, Some("https://kariera.example/"), Some(1)).await;
    for path in [
        "/s/NOPENOPE12".to_string(),
        format!("/s/{}", w.code),
        "/s/x".to_string(),
    ] {
        let res = client()
            .get(app.url(&path))
            .header("user-agent", CHROME)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
        assert!(res.headers().get("location").is_none());
        assert!(res.text().await.unwrap().contains("<html"), "a page in the layout");
    }
    assert_eq!(clicks(app).await, 0);
}
story!(unknown_and_expired_links_get_a_404_page_not_a_redirect);

/// `GET /s/{code}` is answered before the router (lib.rs, `Front`); the shapes it leaves
/// to the router must behave as they did: a percent-encoded code is decoded and
/// redirects, a trailing slash is a 404 page, a POST is not allowed, and every answer
/// of either path records exactly its own click.
async fn every_shape_of_a_link_path_gets_the_routers_answer(app: &TestApp) {
    let w = world(app, Some("https://kariera.example/"), None).await;
    let encoded: String = w.code.bytes().map(|b| format!("%{b:02X}")).collect();
    let res = follow(&client(), app, &encoded).await;
    assert_eq!(res.status(), 302, "a percent-encoded code is the same link");
    assert!(click_token_of(&res).is_some());
    let res = follow(&client(), app, &format!("{}/", w.code)).await;
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("<html"), "a page in the layout");
    let res = client().post(app.url(&format!("/s/{}", w.code))).send().await.unwrap();
    assert_eq!(res.status(), 405);
    let res = client()
        .get(app.url(&format!("/s/{}?utm_source=mail", w.code)))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302, "a query string does not change the link");
    assert_eq!(clicks(app).await, 2, "one click for each redirect, none for the rest");
}
story!(every_shape_of_a_link_path_gets_the_routers_answer);

async fn apply(app: &TestApp, c: &TestApp, offer: i64, form: Form) -> reqwest::Response {
    let token = c.csrf().await;
    c.client
        .post(app.url(&format!("/careers/{offer}/apply?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn application(name: &str, email: &str) -> Form {
    Form::new()
        .text("name", name.to_string())
        .text("email", email.to_string())
        .text("profile_url", "https://www.linkedin.com/in/kandydatka")
        .text("message", "Dzień dobry!")
        .text("consent", "1")
}

async fn an_application_through_a_tracked_link_is_a_referral(app: &TestApp) {
    let w = world(app, None, None).await;
    // The visitor clicks the ambassador's link, lands on the offer, applies.
    let visitor = TestApp::sibling(app);
    let res = follow(&visitor.client, app, &w.code).await;
    let landing = res.headers()["location"].to_str().unwrap().to_string();
    let page = visitor.client.get(&landing).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("og:title") && page.contains("Rust developer"),
        "Open Graph tags for previews"
    );
    assert!(
        page.contains("<strong>Rust</strong>") && !page.contains("<script>alert(1)"),
        "Markdown rendered safely"
    );
    let cv = Part::bytes(b"%PDF-1.4\n%demo\n".to_vec())
        .file_name("cv.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let res = apply(
        app,
        &visitor,
        w.offer_id,
        application("Anna Kandydatka", "anna@kandydaci.example").part("cv", cv),
    )
    .await;
    assert_eq!(res.status(), 303);
    let apps = app.state.store.applications(None, false, 10).await.unwrap();
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].ambassador_id, Some(w.amb_id), "attributed to the ambassador");
    assert_eq!(apps[0].item_id, Some(w.item_id));
    assert_eq!(apps[0].network.as_deref(), Some("linkedin"));
    assert!(apps[0].cv_file.is_some());
    let (mails, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    assert!(
        mails.iter().any(|m| m.to_addr == "anna@kandydaci.example"),
        "a confirmation email is queued"
    );
    let numbers = app.state.store.link_numbers_by_item(w.amb_id).await.unwrap();
    assert_eq!(numbers[0].conversions, 1);

    // Without a token it is a direct application.
    let direct = TestApp::sibling(app);
    let res = apply(
        app,
        &direct,
        w.offer_id,
        application("Jan Bezpośredni", "jan@kandydaci.example"),
    )
    .await;
    assert_eq!(res.status(), 303);
    let apps = app.state.store.applications(None, true, 10).await.unwrap();
    assert_eq!(apps.len(), 1, "still one referral");

    // The recruiter sees the source, moves the application, and sees the referral summed.
    let recruiter = TestApp::sibling(app);
    recruiter.create_user("rek@test.example", &[Role::Recruiter]).await;
    assert_eq!(recruiter.login("rek@test.example", PASSWORD).await.status(), 303);
    let referral = app.state.store.applications(None, true, 1).await.unwrap().remove(0);
    let page = recruiter
        .get(&format!("/app/applications/{}", referral.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Test amb") && page.contains("We are hiring"),
        "source shown"
    );
    // The source post's link leads to its page, read-only for the recruiter.
    let source = format!("/app/content/{}", w.item_id);
    assert!(page.contains(&format!("href=\"{source}\"")), "{page}");
    let res = recruiter.get(&source).await;
    assert_eq!(res.status(), 200);
    let item_page = res.text().await.unwrap();
    assert!(item_page.contains("We are hiring"));
    for action in ["/edit", "/approve", "/withdraw", "/submit"] {
        assert!(
            !item_page.contains(&format!("{source}{action}")),
            "no {action} for a recruiter"
        );
    }
    // Only such a post: another live item stays in the library.
    let other = app
        .state
        .store
        .create_content(
            &ambasada_store::content::ContentInput {
                title: "Inny post".into(),
                category: "event".into(),
                target_url: "https://www.example.com/".into(),
                image_file: None,
                hashtags: String::new(),
                language: "pl".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Tekst".into())],
                program_ids: vec![],
                team_ids: vec![],
            },
            w.amb_id,
            "published",
            0,
        )
        .await
        .unwrap();
    assert_eq!(recruiter.get(&format!("/app/content/{other}")).await.status(), 404);
    let res = recruiter
        .post_form(
            &format!("/app/applications/{}/stage", referral.id),
            &[("stage", "hired")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.state.store.application(referral.id).await.unwrap().unwrap().stage,
        "hired"
    );
    // A hire is final.
    recruiter
        .post_form(&format!("/app/applications/{}/stage", referral.id), &[("stage", "new")])
        .await;
    assert_eq!(
        app.state.store.application(referral.id).await.unwrap().unwrap().stage,
        "hired"
    );
    let sums = app.state.store.referral_sums("ambassador").await.unwrap();
    assert_eq!((sums[0].applications, sums[0].hires), (1, 1));
    let cv = recruiter.get(&format!("/app/applications/{}/cv", referral.id)).await;
    assert_eq!(cv.headers()["content-type"], "application/pdf");
    // Nobody else downloads CVs.
    assert_eq!(
        visitor
            .get(&format!("/app/applications/{}/cv", referral.id))
            .await
            .status(),
        303
    );
}
story!(an_application_through_a_tracked_link_is_a_referral);

async fn bad_applications_are_refused_on_their_field(app: &TestApp) {
    let w = world(app, None, None).await;
    let c = TestApp::sibling(app);
    let gif = Part::bytes(b"GIF89a....".to_vec())
        .file_name("cv.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let res = apply(app, &c, w.offer_id, application("A B", "a@b.example").part("cv", gif)).await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text().await.unwrap().contains("value=\"a@b.example\""),
        "input kept"
    );
    let big = Part::bytes([b"%PDF-".as_slice(), &vec![0u8; 6 * 1024 * 1024]].concat())
        .file_name("cv.pdf")
        .mime_str("application/pdf")
        .unwrap();
    assert_eq!(
        apply(app, &c, w.offer_id, application("A B", "a@b.example").part("cv", big))
            .await
            .status(),
        422
    );
    // A good CV with another field wrong: the form asks for the file again on its field.
    let pdf = Part::bytes(b"%PDF-1.4 cv".to_vec())
        .file_name("cv.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let no_consent = Form::new()
        .text("name", "A B")
        .text("email", "a@b.example")
        .part("cv", pdf);
    let res = apply(app, &c, w.offer_id, no_consent).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Wybierz plik ponownie") || page.contains("Choose the file again"),
        "{page}"
    );
    assert_eq!(
        apply(app, &c, w.offer_id, application("A B", "nie-email"))
            .await
            .status(),
        422
    );
    // The honeypot: answered like a success, nothing kept.
    let res = apply(
        app,
        &c,
        w.offer_id,
        application("Bot", "bot@b.example").text("website", "http://spam"),
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(app.state.store.applications(None, false, 10).await.unwrap().is_empty());
    // Five attempts an hour from one address (refused ones count, the honeypot's not),
    // then a wait.
    assert_eq!(
        apply(app, &c, w.offer_id, application("", "a@b.example"))
            .await
            .status(),
        422
    );
    let res = apply(app, &c, w.offer_id, application("A B", "a@b.example")).await;
    assert_eq!(res.status(), 429);
    assert!(app.state.store.applications(None, false, 10).await.unwrap().is_empty());
}
story!(bad_applications_are_refused_on_their_field);

async fn conversions_are_attributed_once_per_external_id(app: &TestApp) {
    let w = world(app, None, None).await;
    let res = follow(&client(), app, &w.code).await;
    let token = click_token_of(&res).unwrap();
    let crm = app.create_user("crm@test.example", &[Role::Admin]).await;
    let secret = format!("amb_{}", ambasada_server::auth::new_token());
    app.state
        .store
        .create_api_token(
            crm,
            "crm",
            &ambasada_server::auth::hash_token(&secret),
            &[Scope::ConversionsWrite],
            0,
        )
        .await
        .unwrap();
    let post = |body: serde_json::Value| {
        client()
            .post(app.url("/api/v1/conversions"))
            .bearer_auth(&secret)
            .json(&body)
            .send()
    };
    let first =
        post(serde_json::json!({"click_token": token, "kind": "lead", "external_id": "crm-42", "value": 1200.5}))
            .await
            .unwrap();
    assert_eq!(first.status(), 201);
    let first: serde_json::Value = first.json().await.unwrap();
    assert_eq!(first["attributed_to"]["ambassador_id"], w.amb_id);
    assert_eq!(first["attributed_to"]["network"], "linkedin");
    let again = post(serde_json::json!({"click_token": token, "kind": "lead", "external_id": "crm-42"}))
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    let again: serde_json::Value = again.json().await.unwrap();
    assert_eq!(again["id"], first["id"], "idempotent on external_id");
    for (body, field) in [
        (
            serde_json::json!({"click_token": "AAAAAAAAAAAAAAAAAAAAAA", "kind": "lead"}),
            "click_token",
        ),
        (serde_json::json!({"click_token": token, "kind": "sale"}), "kind"),
    ] {
        let res = post(body).await.unwrap();
        assert_eq!(res.status(), 422);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let p: serde_json::Value = res.json().await.unwrap();
        assert!(p["errors"][field].is_string());
    }
    let no_scope = format!("amb_{}", ambasada_server::auth::new_token());
    app.state
        .store
        .create_api_token(
            crm,
            "ro",
            &ambasada_server::auth::hash_token(&no_scope),
            &[Scope::ContentRead],
            0,
        )
        .await
        .unwrap();
    let res = client()
        .post(app.url("/api/v1/conversions"))
        .bearer_auth(&no_scope)
        .json(&serde_json::json!({"click_token": token, "kind": "lead"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let numbers = app.state.store.link_numbers_by_item(w.amb_id).await.unwrap();
    assert_eq!(numbers[0].conversions, 1, "one conversion, not two");
}
story!(conversions_are_attributed_once_per_external_id);

async fn the_api_traces_a_referral_and_refuses_foreign_claims(app: &TestApp) {
    let w = world(app, None, None).await;
    let visitor = TestApp::sibling(app);
    let res = follow(&visitor.client, app, &w.code).await;
    let landing = res.headers()["location"].to_str().unwrap().to_string();
    let token = click_token_of(&res).unwrap();
    visitor.client.get(&landing).send().await.unwrap();
    assert_eq!(
        apply(
            app,
            &visitor,
            w.offer_id,
            application("Ala Nowak", "ala@kandydaci.example")
        )
        .await
        .status(),
        303
    );

    let recruiter = app.create_user("rek@test.example", &[Role::Recruiter]).await;
    let secret = format!("amb_{}", ambasada_server::auth::new_token());
    app.state
        .store
        .create_api_token(
            recruiter,
            "ats",
            &ambasada_server::auth::hash_token(&secret),
            &[Scope::ReportsRead, Scope::ConversionsWrite],
            0,
        )
        .await
        .unwrap();
    let get = |path: &str| client().get(app.url(path)).bearer_auth(&secret).send();
    let list: serde_json::Value = get("/api/v1/applications?referrals=true")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let first = &list["applications"][0];
    assert_eq!(first["referral"]["ambassador_id"], w.amb_id);
    assert_eq!(first["referral"]["network"], "linkedin");
    let one = get(&format!("/api/v1/applications/{}", first["id"])).await.unwrap();
    assert_eq!(one.status(), 200);
    let sums: serde_json::Value = get("/api/v1/referrals?by=network").await.unwrap().json().await.unwrap();
    assert_eq!(sums["referrals"][0]["key"], "linkedin");
    assert_eq!(sums["referrals"][0]["applications"], 1);
    // API errors are problems, whatever rejects them.
    for (res, status) in [
        (get("/api/v1/applications/abc").await.unwrap(), 400),
        (
            client()
                .delete(app.url("/api/v1/content/1"))
                .bearer_auth(&secret)
                .send()
                .await
                .unwrap(),
            405,
        ),
        (get("/api/v1/referrals?by=team").await.unwrap(), 422),
    ] {
        assert_eq!(res.status(), status);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
    }
    // The same external id with another click is a conflict, not a new claim.
    let post = |body: serde_json::Value| {
        client()
            .post(app.url("/api/v1/conversions"))
            .bearer_auth(&secret)
            .json(&body)
            .send()
    };
    assert_eq!(
        post(serde_json::json!({"click_token": token, "kind": "lead", "external_id": "x-1"}))
            .await
            .unwrap()
            .status(),
        201
    );
    let other_token = click_token_of(&follow(&client(), app, &w.code).await).unwrap();
    let res = post(serde_json::json!({"click_token": other_token, "kind": "lead", "external_id": "x-1"}))
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    // An ambassador cannot give themselves a token that reports conversions.
    let amb = TestApp::sibling(app);
    assert_eq!(amb.login("amb@test.example", PASSWORD).await.status(), 303);
    let res = amb
        .post_form("/app/profile/tokens", &[("name", "x"), ("scope", "conversions:write")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(app.state.store.api_tokens(w.amb_id).await.unwrap().is_empty());
}
story!(the_api_traces_a_referral_and_refuses_foreign_claims);

/// A second server on the same database. On SQLite it is refused at start, with the
/// reason (the click journal gives click ids, so two processes would give the same
/// ones), and the first keeps working. On PostgreSQL several instances are the way to
/// scale: the second serves tracked links too.
async fn a_second_server_on_the_same_database(app: &TestApp) {
    let w = world(app, None, None).await;
    let second = ambasada_server::AppState::start(app.state.config.clone())
        .await
        .expect("a second state opens the database");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(ambasada_server::serve(listener, second, async move {
        let _ = stopped.await;
    }));
    if app.state.store.backend() == ambasada_store::Backend::Sqlite {
        let refused = tokio::time::timeout(std::time::Duration::from_secs(10), serving)
            .await
            .expect("serve returns at once")
            .unwrap()
            .expect_err("a second server is refused");
        assert!(refused.to_string().contains("another process"), "{refused}");
    } else {
        let res = wait_for("the second instance to answer", async || {
            client()
                .get(format!("http://{address}/s/{}", w.code))
                .header("user-agent", CHROME)
                .send()
                .await
                .map_err(|e| e.to_string())
        })
        .await;
        assert_eq!(res.status(), 302, "the second instance redirects too");
        let _ = stop.send(());
        serving.await.unwrap().expect("the second instance stops cleanly");
    }
    let res = follow(&client(), app, &w.code).await;
    assert_eq!(res.status(), 302, "the first server still redirects");
}
story!(a_second_server_on_the_same_database);
