//! Program reviews (issue 14): made from the data, edited by the coordinator (notes,
//! decisions, attendance), published to the members by email, read-only afterwards;
//! open decisions carried into the next review; who may see what; the health check's
//! "regular reviews"; the job; and the API. Through the real router on both databases.

use crate::common::{PASSWORD, TestApp, api_token, client, wait_for};
use crate::story;
use ambasada_core::reports::review::{Cadence, ReviewPeriod, Snapshot};
use ambasada_core::{DAY, Locale, Role, Scope};
use ambasada_store::content::ContentInput;
use ambasada_store::reports::reviews::NewReview;
use serde_json::Value;

/// A program with its coordinator (the app's client, logged in), two ambassadors in it
/// and one outside it.
struct World {
    program: i64,
    coordinator: i64,
    zofia: i64,
    jan: i64,
    outsider: i64,
}

async fn world(app: &TestApp) -> World {
    let store = &app.state.store;
    let coordinator = app.login_as(Role::Coordinator).await;
    let program = app.create_program("Employer branding", "eb", Some(coordinator)).await;
    let zofia = app.create_user("zofia@test.example", &[Role::Ambassador]).await;
    let jan = app.create_user("jan@test.example", &[Role::Ambassador]).await;
    let outsider = app.create_user("outsider@test.example", &[Role::Ambassador]).await;
    for u in [zofia, jan] {
        store.add_member(program, u, 0).await.unwrap();
    }
    store.set_locale(jan, Locale::Pl, 0).await.unwrap();
    World {
        program,
        coordinator,
        zofia,
        jan,
        outsider,
    }
}

fn today() -> i64 {
    ambasada_core::tracking::day_number(ambasada_server::now())
}

/// This month as the English page names it: "November 2026".
fn this_month_label() -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let d = ambasada_core::reports::date_of_day(today());
    format!("{} {}", MONTHS[d.month() as usize - 1], d.year())
}

/// A date as `YYYY-MM-DD`, `days` from today.
fn date_in(days: i64) -> String {
    ambasada_core::reports::period::format_day(today() + days)
}

/// Makes the current month's review through the page; its id.
async fn make_review(app: &TestApp, program: i64) -> i64 {
    let res = app.post_form(&format!("/app/programs/{program}/reviews"), &[]).await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    to.rsplit('/').next().unwrap().parse().unwrap()
}

/// A published review of last month, made in the store, with decisions (text, owner,
/// done a while ago or not): the review's id and the decisions' ids.
async fn last_month_review(app: &TestApp, program: i64, by: i64, decisions: &[(&str, i64, bool)]) -> (i64, Vec<i64>) {
    let store = &app.state.store;
    let period = ReviewPeriod::containing(Cadence::Monthly, today()).previous();
    let now = ambasada_server::now();
    let id = store
        .create_review(
            &NewReview {
                program_id: program,
                cadence: "monthly",
                period_key: &period.key(),
                first_day: period.range.first,
                last_day: period.range.last,
                snapshot: "{}",
            },
            now - 40 * DAY,
        )
        .await
        .unwrap()
        .unwrap();
    let mut ids = Vec::new();
    for (text, owner, _) in decisions {
        let d = store
            .add_decision(id, text, *owner, today() + 10, by, now - 40 * DAY)
            .await
            .unwrap()
            .unwrap();
        ids.push(d);
    }
    assert!(store.publish_review(id, by, &[], &[], now - 35 * DAY).await.unwrap());
    for (d, (_, _, done)) in ids.iter().zip(decisions) {
        if *done {
            store
                .set_decision_done(program, *d, true, by, now - 20 * DAY)
                .await
                .unwrap();
        }
    }
    (id, ids)
}

async fn a_review_is_made_from_the_data_edited_and_published_to_the_members(app: &TestApp) {
    let w = world(app).await;
    let store = &app.state.store;
    // A goal over this month and a share, so the snapshot has something to show.
    let start = ambasada_core::reports::period::format_day(today() - 1);
    let goal = app
        .post_form(
            &format!("/app/programs/{}/goals", w.program),
            &[
                ("metric", "shares"),
                ("target", "10"),
                ("start", &start),
                ("end", &date_in(30)),
            ],
        )
        .await;
    assert_eq!(goal.status(), 303);
    let item = crate::common::approved_item(
        app,
        w.coordinator,
        &ContentInput {
            title: "Praca w Łodzi".into(),
            category: "job_offer".into(),
            target_url: "https://kariera.example/oferta".into(),
            image_file: None,
            hashtags: String::new(),
            language: "pl".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "Szukamy ludzi".into())],
            program_ids: vec![w.program],
            team_ids: vec![],
        },
    )
    .await;
    let t = api_token(app, w.zofia, &[Scope::SharesWrite]).await;
    let share = client()
        .post(app.url("/api/v1/shares"))
        .bearer_auth(&t)
        .json(&serde_json::json!({"content_id": item, "network": "linkedin", "text": "Moje własne słowa o pracy."}))
        .send()
        .await
        .unwrap();
    assert_eq!(share.status(), 201);

    // The coordinator makes this month's review: a draft with its numbers (taken again,
    // in case the job made the draft before the share).
    let id = make_review(app, w.program).await;
    let refresh = app.post_form(&format!("/app/reviews/{id}/refresh"), &[]).await;
    assert_eq!(refresh.status(), 303);
    let r = store.review(id).await.unwrap().unwrap();
    assert_eq!(r.status, "draft");
    let period = ReviewPeriod::containing(Cadence::Monthly, today());
    assert_eq!(
        (r.period_key.clone(), r.first_day, r.last_day),
        (period.key(), period.range.first, period.range.last)
    );
    let snap: Snapshot = serde_json::from_str(&r.snapshot).expect("a snapshot");
    assert_eq!(snap.current.shares, 1, "{snap:?}");
    assert_eq!(snap.current.active_ambassadors, 1);
    assert_eq!(snap.goals.len(), 1);
    assert_eq!(snap.goals[0].metric, "shares");
    assert_eq!(
        snap.top_content.first().map(|t| t.label.as_str()),
        Some("Praca w Łodzi")
    );
    assert!(
        snap.health.iter().any(|h| h.key == "health-review"),
        "{:?}",
        snap.health
    );
    // Making it again opens the same review.
    assert_eq!(make_review(app, w.program).await, id);
    let page = app.get(&format!("/app/reviews/{id}")).await.text().await.unwrap();
    assert!(page.contains(&this_month_label()), "{page}");
    assert!(page.contains("id=\"number-shares\""));
    assert!(page.contains("Praca w Łodzi"));

    // A decision with a wrong due date and an owner from outside the program comes back
    // as typed, with a message on each field.
    let outsider = w.outsider.to_string();
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/decisions"),
            &[
                ("text", "Więcej postów o <zespole>"),
                ("owner", &outsider),
                ("due", "31.12.2026"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Więcej postów o &#60;zespole&#62;</textarea>"), "{page}");
    assert!(page.contains("Enter the due date as a date (YYYY-MM-DD)."));
    assert!(page.contains("Choose the owner among the program"));
    assert!(page.contains("value=\"31.12.2026\""));
    let early = app
        .post_form(
            &format!("/app/reviews/{id}/decisions"),
            &[("text", "x"), ("owner", &w.zofia.to_string()), ("due", &date_in(-400))],
        )
        .await;
    assert_eq!(early.status(), 422);
    assert!(early.text().await.unwrap().contains("The due date must fall between"));

    // A good decision, attendance and notes.
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/decisions"),
            &[
                ("text", "Two posts a week about the team"),
                ("owner", &w.zofia.to_string()),
                ("due", &date_in(14)),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let bad = app
        .post_form(&format!("/app/reviews/{id}/attendance"), &[("attended", &outsider)])
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("can be marked as present."));
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/attendance"),
            &[("attended", &w.zofia.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/notes"),
            &[("notes", "**Good** month <script>x</script>")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get(&format!("/app/reviews/{id}")).await.text().await.unwrap();
    assert!(page.contains("<strong>Good</strong>"), "{page}");
    assert!(!page.contains("<script>x"));
    assert!(page.contains("Two posts a week about the team"));

    // Published: each member gets an email in their language with the link.
    let res = app.post_form(&format!("/app/reviews/{id}/publish"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(store.review(id).await.unwrap().unwrap().status, "published");
    let mails = wait_for("the review's emails to both members", async || {
        let (rows, _) = store.outbox(None, 50, 0).await.map_err(|e| e.to_string())?;
        let mine: Vec<_> = rows.into_iter().filter(|m| m.kind == "review").collect();
        if mine.len() == 2 {
            Ok(mine)
        } else {
            Err(format!("{} so far", mine.len()))
        }
    })
    .await;
    let to = |email: &str| mails.iter().find(|m| m.to_addr == email).expect(email);
    let en = to("zofia@test.example");
    assert!(
        en.subject.contains("Employer branding") && en.subject.contains("review of"),
        "{}",
        en.subject
    );
    assert!(en.body_text.contains(&format!("/app/reviews/{id}")), "{}", en.body_text);
    assert!(en.body_text.contains("Two posts a week about the team"));
    let pl = to("jan@test.example");
    assert!(pl.subject.contains("podsumowanie"), "{}", pl.subject);
    assert!(
        pl.body_text.contains("Decyzje podjęte na spotkaniu"),
        "{}",
        pl.body_text
    );
    assert!(!mails.iter().any(|m| m.to_addr == "outsider@test.example"));

    // Read-only now: notes, decisions and attendance stay; a decision may be marked done.
    let res = app
        .post_form(&format!("/app/reviews/{id}/notes"), &[("notes", "changed")])
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/decisions"),
            &[("text", "Late"), ("owner", &w.zofia.to_string()), ("due", &date_in(3))],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app.post_form(&format!("/app/reviews/{id}/attendance"), &[]).await;
    assert_eq!(res.status(), 303);
    let after = store.review(id).await.unwrap().unwrap();
    assert_eq!(after.notes, "**Good** month <script>x</script>");
    let decisions = store.review_decisions(id).await.unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!(store.attendance(id).await.unwrap().len(), 1);
    let done = app
        .post_form(
            &format!("/app/reviews/{id}/decisions/{}/done", decisions[0].id),
            &[("done", "1")],
        )
        .await;
    assert_eq!(done.status(), 303);
    assert!(store.review_decisions(id).await.unwrap()[0].done_at.is_some());
    let page = app.get(&format!("/app/reviews/{id}")).await.text().await.unwrap();
    assert!(!page.contains("id=\"decision-form\"") && !page.contains("id=\"review-publish\""));
    assert!(page.contains("1 person came to the meeting."), "{page}");

    // The health check reads the published review.
    let health = app
        .get(&format!("/app/programs/{}/health", w.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(health.contains("The last review was today, within"), "{health}");
}
story!(a_review_is_made_from_the_data_edited_and_published_to_the_members);

async fn open_decisions_carry_into_the_next_review_until_done(app: &TestApp) {
    let w = world(app).await;
    let store = &app.state.store;
    let (october, ids) = last_month_review(
        app,
        w.program,
        w.coordinator,
        &[
            ("Open since last month", w.zofia, false),
            ("Done long ago", w.jan, true),
        ],
    )
    .await;
    let id = make_review(app, w.program).await;
    let page = app.get(&format!("/app/reviews/{id}")).await.text().await.unwrap();
    let carried_start = page.find("id=\"carried\"").expect("a carried list");
    let carried = &page[carried_start..carried_start + page[carried_start..].find("</ul>").unwrap()];
    assert!(carried.contains("Open since last month"), "{carried}");
    assert!(!carried.contains("Done long ago"));

    // Marked done in this review: still shown here, as done.
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/decisions/{}/done", ids[0]),
            &[("done", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get(&format!("/app/reviews/{id}")).await.text().await.unwrap();
    assert!(
        page.contains(&format!(
            "class=\"review-decision decision-done\" id=\"decision-{}\"",
            ids[0]
        )),
        "{page}"
    );
    // A decision of another review that this one does not show cannot be marked here.
    let res = app
        .post_form(
            &format!("/app/reviews/{id}/decisions/{}/done", ids[1]),
            &[("done", "0")],
        )
        .await;
    assert_eq!(res.status(), 404);

    // Publishing freezes the carried list.
    assert_eq!(
        app.post_form(&format!("/app/reviews/{id}/publish"), &[]).await.status(),
        303
    );
    let frozen: Vec<i64> = store
        .carried_decisions(id)
        .await
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(frozen, vec![ids[0]]);
    assert!(store.carried_decisions(october).await.unwrap().is_empty());
}
story!(open_decisions_carry_into_the_next_review_until_done);

async fn only_coordinators_and_admins_see_drafts_and_members_read_published_reviews(app: &TestApp) {
    let w = world(app).await;
    let (published, _) = last_month_review(app, w.program, w.coordinator, &[]).await;
    let draft = make_review(app, w.program).await;
    let as_person = async |email: &str, roles: &[Role]| {
        let c = TestApp::sibling(app);
        if !email.is_empty() {
            if app
                .state
                .store
                .user_by_email(&ambasada_core::Email::parse(email).unwrap())
                .await
                .unwrap()
                .is_none()
            {
                c.create_user(email, roles).await;
            }
            assert_eq!(c.login(email, PASSWORD).await.status(), 303);
        }
        c
    };
    let admin = as_person("admin@test.example", &[Role::Admin]).await;
    let other = as_person("other-coord@test.example", &[Role::Coordinator]).await;
    let member = as_person("zofia@test.example", &[]).await;
    let outsider = as_person("outsider@test.example", &[]).await;
    let anonymous = as_person("", &[]).await;
    let archive = format!("/app/programs/{}/reviews", w.program);
    let (d, p) = (format!("/app/reviews/{draft}"), format!("/app/reviews/{published}"));
    let cases: [(&TestApp, [u16; 3]); 6] = [
        (app, [200, 200, 200]),
        (&admin, [200, 200, 200]),
        (&member, [200, 403, 200]),
        (&outsider, [403, 403, 403]),
        (&other, [403, 403, 403]),
        (&anonymous, [303, 303, 303]),
    ];
    for (i, (who, want)) in cases.iter().enumerate() {
        for (path, status) in [&archive, &d, &p].iter().zip(want) {
            assert_eq!(who.get(path).await.status().as_u16(), *status, "case {i}: {path}");
        }
    }
    // Members see published reviews only in the archive.
    let list = member.get(&archive).await.text().await.unwrap();
    assert!(list.contains(&p) && !list.contains(&d), "{list}");
    assert!(!list.contains("id=\"review-create\""));
    // Nobody but the coordinator and admins changes anything.
    for who in [&member, &outsider, &other] {
        let res = who.post_form(&format!("{d}/notes"), &[("notes", "mine")]).await;
        assert_eq!(res.status(), 403);
        assert_eq!(who.post_form(&format!("{d}/publish"), &[]).await.status(), 403);
        assert_eq!(who.post_form(&archive, &[]).await.status(), 403);
    }
    assert_eq!(
        admin
            .post_form(&format!("{d}/notes"), &[("notes", "by the admin")])
            .await
            .status(),
        303
    );
    // Without the CSRF token nothing happens.
    let res = app
        .client
        .post(app.url(&format!("{d}/notes")))
        .form(&[("notes", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.state.store.review(draft).await.unwrap().unwrap().notes,
        "by the admin"
    );
    assert_eq!(app.get("/app/reviews/999999").await.status(), 404);
    assert_eq!(app.get("/app/programs/999999/reviews").await.status(), 404);
}
story!(only_coordinators_and_admins_see_drafts_and_members_read_published_reviews);

async fn get_json(token: &str, url: String) -> (u16, Value) {
    let res = client().get(url).bearer_auth(token).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn the_api_lists_reviews_and_gives_the_document(app: &TestApp) {
    let w = world(app).await;
    let store = &app.state.store;
    let (published, ids) = last_month_review(app, w.program, w.coordinator, &[("Keep posting", w.zofia, false)]).await;
    let draft = make_review(app, w.program).await;
    store.set_attendance(draft, &[w.zofia, w.jan], 0).await.unwrap();
    let coord = api_token(app, w.coordinator, &[Scope::ReportsRead]).await;
    let (status, list) = get_json(&coord, app.url(&format!("/api/v1/programs/{}/reviews", w.program))).await;
    assert_eq!(status, 200, "{list}");
    let reviews = list["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 2, "{list}");
    let this = ReviewPeriod::containing(Cadence::Monthly, today());
    assert_eq!(reviews[0]["id"], draft);
    assert_eq!(reviews[0]["period"], this.key());
    assert_eq!(reviews[0]["status"], "draft");
    assert_eq!(reviews[0]["published_at"], Value::Null);
    assert_eq!(reviews[1]["status"], "published");
    assert!(reviews[1]["published_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(reviews[1]["period"], this.previous().key());

    let (status, doc) = get_json(&coord, app.url(&format!("/api/v1/reviews/{draft}"))).await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["program"], "Employer branding");
    assert!(doc["numbers"]["current"]["shares"].is_i64(), "{doc}");
    assert!(doc["numbers"]["previous"]["numbers"]["clicks"].is_i64());
    assert_eq!(
        doc["numbers"]["from"],
        ambasada_core::reports::period::format_day(this.range.first)
    );
    let carried = doc["carried_decisions"].as_array().unwrap();
    assert_eq!(carried.len(), 1, "{doc}");
    assert_eq!(carried[0]["id"], ids[0]);
    assert_eq!(carried[0]["owner_id"], w.zofia);
    assert_eq!(carried[0]["owner"], "Test zofia");
    assert_eq!(carried[0]["due"], date_in(10));
    assert_eq!(carried[0]["done"], false);
    assert_eq!(doc["attendance"]["count"], 2);
    assert_eq!(doc["attendance"]["people"].as_array().unwrap().len(), 2);

    // A member reads published reviews with content:read, attendance as a count only.
    let member = api_token(app, w.zofia, &[Scope::ContentRead]).await;
    let (status, list) = get_json(&member, app.url(&format!("/api/v1/programs/{}/reviews", w.program))).await;
    assert_eq!(status, 200);
    assert_eq!(list["reviews"].as_array().unwrap().len(), 1, "{list}");
    let (status, doc) = get_json(&member, app.url(&format!("/api/v1/reviews/{published}"))).await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["decisions"][0]["text"], "Keep posting");
    assert!(doc["attendance"].get("people").is_none(), "{doc}");
    let (status, problem) = get_json(&member, app.url(&format!("/api/v1/reviews/{draft}"))).await;
    assert_eq!(status, 403, "{problem}");
    assert_eq!(problem["status"], 403);
    // Outsiders, tokens without the scope, unknown ids.
    let outsider = api_token(app, w.outsider, &[Scope::ContentRead]).await;
    let (status, _) = get_json(&outsider, app.url(&format!("/api/v1/reviews/{published}"))).await;
    assert_eq!(status, 403);
    let weak = api_token(app, w.coordinator, &[Scope::ContentRead]).await;
    let (status, _) = get_json(&weak, app.url(&format!("/api/v1/programs/{}/reviews", w.program))).await;
    assert_eq!(status, 403);
    let (status, problem) = get_json(&coord, app.url("/api/v1/reviews/999999")).await;
    assert_eq!((status, &problem["status"]), (404, &Value::from(404)));
    let (status, _) = get_json(&coord, app.url("/api/v1/programs/999999/reviews")).await;
    assert_eq!(status, 404);
}
story!(the_api_lists_reviews_and_gives_the_document);

async fn the_job_makes_each_programs_draft_once_at_its_cadence(app: &TestApp) {
    let w = world(app).await;
    let weekly = app.create_program("Sales", "sales", Some(w.coordinator)).await;
    let input = ambasada_store::programs::ProgramInput {
        name: "Sales".into(),
        slug: "sales".into(),
        description: String::new(),
        coordinator_id: Some(w.coordinator),
        daily_share_limit: 5,
        review_cadence: "weekly".into(),
    };
    app.state.store.update_program(weekly, &input).await.unwrap();
    let now = ambasada_server::now();
    use ambasada_server::reports::reviews_job::tick;
    tick(&app.state, now).await.unwrap();
    assert_eq!(tick(&app.state, now).await.unwrap(), 0, "once per period");
    let store = &app.state.store;
    let monthly = store.program_reviews(w.program, true).await.unwrap();
    assert_eq!(monthly.len(), 1);
    assert_eq!(
        monthly[0].period_key,
        ReviewPeriod::containing(Cadence::Monthly, today()).key()
    );
    assert_eq!(monthly[0].status, "draft");
    let weeks = store.program_reviews(weekly, true).await.unwrap();
    assert_eq!(weeks.len(), 1);
    assert_eq!(
        weeks[0].period_key,
        ReviewPeriod::containing(Cadence::Weekly, today()).key()
    );
    // Next week the weekly program gets its next draft (and the monthly one too when
    // the week starts a new month).
    let new_month = ambasada_core::reports::month_of_day(today() + 7) != ambasada_core::reports::month_of_day(today());
    assert_eq!(
        tick(&app.state, now + 7 * DAY).await.unwrap(),
        1 + usize::from(new_month)
    );
    assert_eq!(store.program_reviews(weekly, true).await.unwrap().len(), 2);
    // The weekly archive names the days of each week.
    let page = app
        .get(&format!("/app/programs/{weekly}/reviews"))
        .await
        .text()
        .await
        .unwrap();
    let d = ambasada_core::reports::date_of_day(ReviewPeriod::containing(Cadence::Weekly, today()).range.first);
    assert!(page.contains(&d.to_string()), "{page}");
}
story!(the_job_makes_each_programs_draft_once_at_its_cadence);

async fn the_demo_has_two_published_reviews_and_this_months_draft_in_each_program(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let this = ReviewPeriod::containing(Cadence::Monthly, today());
    for p in store.programs().await.unwrap() {
        let reviews = store.program_reviews(p.id, true).await.unwrap();
        let keys: Vec<(&str, &str)> = reviews
            .iter()
            .map(|r| (r.period_key.as_str(), r.status.as_str()))
            .collect();
        let (before, last) = (this.previous().previous().key(), this.previous().key());
        assert_eq!(
            keys,
            [
                (this.key().as_str(), "draft"),
                (last.as_str(), "published"),
                (before.as_str(), "published")
            ],
            "{}",
            p.name
        );
        let (draft, published) = (&reviews[0], &reviews[1]);
        assert!(!published.notes.is_empty());
        assert!(!store.attendance(published.id).await.unwrap().is_empty());
        assert!(!store.review_decisions(published.id).await.unwrap().is_empty());
        // The last published review carried decisions of the one before, done or open.
        let carried = store.carried_decisions(published.id).await.unwrap();
        assert!(carried.iter().any(|d| d.done_at.is_none()), "{}: {carried:?}", p.name);
        // This month's draft carries what is still open.
        let open = ambasada_server::reports::reviews::carried(&app.state, draft)
            .await
            .unwrap();
        assert!(open.iter().any(|d| d.done_at.is_none()), "{}", p.name);
        assert!(serde_json::from_str::<Snapshot>(&draft.snapshot).is_ok());
    }
    // The coordinator opens the draft: the document renders with its carried decisions.
    let coordinator = TestApp::sibling(app);
    let res = coordinator.login("koordynator@demo.example", "demo1234").await;
    assert_eq!(res.status(), 303);
    let eb = store.programs().await.unwrap()[0].id;
    let draft = store.review_of_period(eb, &this.key()).await.unwrap().unwrap();
    let page = coordinator.get(&format!("/app/reviews/{}", draft.id)).await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("id=\"carried\"") && page.contains("id=\"decision-form\""),
        "{page}"
    );
}
story!(the_demo_has_two_published_reviews_and_this_months_draft_in_each_program);
