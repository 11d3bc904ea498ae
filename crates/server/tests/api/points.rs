//! Points (C10) through the real router on both databases: awarding for shares (with
//! and without the personalisation bonus), clicks per finished day, referrals, hires,
//! courses, suggestions and planned posts; idempotent awarding under concurrency; a
//! correction row when clicks are counted as bots; the rules page, the review page and
//! `GET /api/v1/me/points`.

use crate::common::api_token as token;
use crate::common::{PASSWORD, TestApp, client};
use crate::story;
use ambasada_core::rewards::awarding::{CLICKS_SETTLE, click_day_end};
use ambasada_core::rewards::points::Rule;
use ambasada_core::rewards::review::REVIEW_WINDOW;
use ambasada_core::tracking::day_number;
use ambasada_core::{DAY, HOUR, Network, Role, Scope};
use ambasada_server::rewards::awarding::award_clicks_due;
use ambasada_store::calendar::SlotInput;
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;
use ambasada_store::recruiting::OfferInput;
use ambasada_store::rewards::awarding::Correction;
use ambasada_store::rewards::points::{Award, LedgerRow};
use ambasada_store::tracking::NewClick;
use reqwest::multipart::Form;

const SUGGESTED: &str = "We are hiring a Rust developer in Warsaw. Join our team and build payments with us!";
const OWN: &str = "I have worked here for three years and I would recommend this team to every engineer I know.";
const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/// A client logged in as a new person with these roles, on the same server.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let c = TestApp::sibling(app);
    let id = c.create_user(email, roles).await;
    assert_eq!(c.login(email, PASSWORD).await.status(), 303);
    (c, id)
}

/// A content item with a LinkedIn text for `programs`, by `author`, in `status`.
async fn item_in(app: &TestApp, author: i64, title: &str, target: &str, programs: Vec<i64>, status: &str) -> i64 {
    app.state
        .store
        .create_content(
            &ContentInput {
                title: title.into(),
                category: "job_offer".into(),
                target_url: target.into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), SUGGESTED.into())],
                program_ids: programs,
                team_ids: vec![],
            },
            author,
            status,
            0,
        )
        .await
        .unwrap()
}

/// An approved item for `programs`.
async fn item(app: &TestApp, author: i64, title: &str, programs: Vec<i64>) -> i64 {
    let id = item_in(app, author, title, "https://www.example.com/jobs", programs, "draft").await;
    app.state
        .store
        .transition_content(id, "draft", "approved", Some(author), None, 0)
        .await
        .unwrap();
    id
}

/// Confirms a LinkedIn share of `item` with `text` through the API.
async fn share(app: &TestApp, token: &str, item: i64, text: &str) -> serde_json::Value {
    let res = client()
        .post(app.url("/api/v1/shares"))
        .bearer_auth(token)
        .json(&serde_json::json!({"content_id": item, "network": "linkedin", "text": text}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn ledger(app: &TestApp, user_id: i64) -> Vec<LedgerRow> {
    app.state.store.ledger_of(user_id, 100).await.unwrap()
}

/// The amount of the one row with this rule and source; panics when there is none.
fn amount(rows: &[LedgerRow], rule: &str, source: &str) -> i64 {
    let found: Vec<&LedgerRow> = rows.iter().filter(|r| r.rule == rule && r.source == source).collect();
    assert_eq!(found.len(), 1, "one {rule} row for {source} in {rows:#?}");
    found[0].amount
}

async fn a_confirmed_share_earns_its_points_and_the_bonus_only_for_own_words_not_copied(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    store.set_points_rule(program, Rule::Share, 7, 0).await.unwrap();
    store.set_points_rule(program, Rule::Personalised, 3, 0).await.unwrap();
    let id = item(app, coord, "Rust developer", vec![program]).await;
    let mut people = Vec::new();
    for email in ["a@test.example", "b@test.example", "c@test.example"] {
        let u = app.create_user(email, &[Role::Ambassador]).await;
        store.add_member(program, u, 0).await.unwrap();
        people.push((u, token(app, u, &[Scope::SharesWrite, Scope::ContentRead]).await));
    }
    let [(as_is, as_is_token), (own, own_token), (copier, copier_token)] = &people[..] else {
        unreachable!()
    };

    // The suggested text as it is: the share, no bonus.
    share(app, as_is_token, id, SUGGESTED).await;
    let rows = ledger(app, *as_is).await;
    let source = format!("share:item:{id}:linkedin");
    assert_eq!(amount(&rows, "share", &source), 7);
    assert_eq!(rows.len(), 1, "no bonus for the suggested text: {rows:#?}");
    assert_eq!(rows[0].program_id, Some(program), "the share's program");

    // Own words: the share and the bonus.
    let s = share(app, own_token, id, OWN).await;
    assert_eq!(s["near_identical"], false);
    let rows = ledger(app, *own).await;
    assert_eq!(amount(&rows, "share", &source), 7);
    assert_eq!(amount(&rows, "personalised", &source), 3);

    // The same own words as a colleague's post of the day: the share, but no bonus.
    let s = share(app, copier_token, id, &format!("{OWN}!")).await;
    assert_eq!(s["near_identical"], true);
    let rows = ledger(app, *copier).await;
    assert_eq!(amount(&rows, "share", &source), 7);
    assert!(rows.iter().all(|r| r.rule != "personalised"), "{rows:#?}");

    // An own post logged on the shares page earns the share too.
    let (amb, amb_id) = person(app, "own@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let res = amb
        .post_form(
            "/app/shares/own",
            &[
                ("network", "linkedin"),
                ("post_url", "https://www.linkedin.com/posts/own-123"),
                ("topic", "Our hackathon"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let rows = ledger(app, amb_id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].rule.as_str(), rows[0].amount), ("share", 7));
    let own_post = store.shares_of(amb_id, 1).await.unwrap()[0].id;
    assert_eq!(rows[0].source, format!("share:{own_post}"), "an own post's own source");
    // "My points" says what it was for.
    let page = amb.get("/app/points").await.text().await.unwrap();
    assert!(
        page.contains("Confirmed share") && page.contains("Our hackathon"),
        "{page}"
    );
    assert!(page.contains("<strong id=\"points-lifetime\">7</strong>"));
}
story!(a_confirmed_share_earns_its_points_and_the_bonus_only_for_own_words_not_copied);

async fn awarding_one_source_many_times_at_once_records_it_once(app: &TestApp) {
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", None).await;
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let store = app.state.store.clone();
            tokio::spawn(async move {
                let award = Award {
                    user_id: amb,
                    program_id: Some(program),
                    rule: Rule::Share,
                    source: "share:41",
                    amount: 10,
                    reason: None,
                };
                store.award(&award, ambasada_server::now()).await.unwrap()
            })
        })
        .collect();
    let mut recorded = 0;
    for t in tasks {
        if t.await.unwrap() {
            recorded += 1;
        }
    }
    assert_eq!(recorded, 1, "exactly one of the concurrent awards is recorded");
    let rows = app.state.store.ledger_for_source(amb, "share:41").await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(app.state.store.balance(amb).await.unwrap().lifetime, 10);
}
story!(awarding_one_source_many_times_at_once_records_it_once);

/// A share of a new item by `amb` through their own tracked link `code`; (link, share).
async fn shared_link(app: &TestApp, amb: i64, program: i64, author: i64, code: &str, title: &str) -> (i64, i64) {
    let store = &app.state.store;
    let id = item(app, author, title, vec![program]).await;
    let link = store
        .create_tracked_link(
            code,
            amb,
            id,
            "linkedin",
            Some(program),
            "https://www.example.com/jobs",
            0,
        )
        .await
        .unwrap();
    let share = NewShare {
        user_id: amb,
        item_id: Some(id),
        link_id: Some(link.id),
        program_id: Some(program),
        network: "linkedin".into(),
        text: SUGGESTED.into(),
        post_url: None,
        topic: None,
        personalisation: Some(0),
    };
    let share_id = store.record_share(&share, ambasada_server::now()).await.unwrap();
    (link.id, share_id)
}

fn click(link_id: i64, at: i64, visitor: &str, browser: &'static str) -> NewClick {
    NewClick {
        link_id,
        at,
        network: "linkedin",
        visitor_hash: visitor.to_string(),
        browser,
        referrer_host: None,
    }
}

/// The first moment at which today's clicks are final.
fn when_today_is_over(now: i64) -> i64 {
    (day_number(now) + 1) * DAY + CLICKS_SETTLE
}

async fn clicks_earn_points_once_their_day_is_over_without_bots_and_up_to_the_cap(app: &TestApp) {
    let store = &app.state.store;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", None).await;
    store.add_member(program, amb, 0).await.unwrap();
    store.set_points_rule(program, Rule::Click, 2, 0).await.unwrap();
    let (busy_link, busy) = shared_link(app, amb, program, amb, "Points0001", "Busy").await;
    let (quiet_link, quiet) = shared_link(app, amb, program, amb, "Points0002", "Quiet").await;
    // Shared again through the same link: its clicks still count once, for the first share.
    let again = NewShare {
        user_id: amb,
        item_id: None,
        link_id: Some(busy_link),
        program_id: Some(program),
        network: "linkedin".into(),
        text: String::new(),
        post_url: None,
        topic: Some("Again".into()),
        personalisation: None,
    };
    store.record_share(&again, ambasada_server::now()).await.unwrap();
    let now = ambasada_server::now();
    let today = day_number(now);
    let mut clicks: Vec<NewClick> = (0..25)
        .map(|i| click(busy_link, now, &format!("v{i}"), "desktop"))
        .collect();
    clicks.extend((0..3).map(|_| click(busy_link, now, "v0", "mobile")));
    clicks.extend((0..6).map(|i| click(busy_link, now, &format!("bot{i}"), "bot")));
    clicks.extend((0..3).map(|i| click(quiet_link, now, &format!("q{i}"), "desktop")));
    clicks.extend((0..4).map(|i| click(quiet_link, now, &format!("preview{i}"), "bot")));
    store.insert_clicks(&clicks).await.unwrap();

    // Today is not over: its clicks earn nothing yet.
    award_clicks_due(&app.state, now).await.unwrap();
    assert!(ledger(app, amb).await.iter().all(|r| r.rule != "click"));

    let over = when_today_is_over(now);
    assert_eq!(award_clicks_due(&app.state, over).await.unwrap(), 2);
    let rows = ledger(app, amb).await;
    // 25 people (one of them four times) and 6 bots: capped at 20 people, 2 points each.
    assert_eq!(amount(&rows, "click", &format!("clicks:{busy}:{today}")), 40);
    // Dated on the day of the clicks (its last millisecond), not when awarded.
    for r in rows.iter().filter(|r| r.rule == "click") {
        assert_eq!(r.created_at, click_day_end(today), "{r:#?}");
    }
    // 3 people and 4 link previews.
    assert_eq!(amount(&rows, "click", &format!("clicks:{quiet}:{today}")), 6);
    assert_eq!(rows.iter().filter(|r| r.rule == "click").count(), 2, "{rows:#?}");
    // Once awarded, a day is not awarded again.
    assert_eq!(award_clicks_due(&app.state, over).await.unwrap(), 0);
    assert!(
        store
            .unawarded_click_days(today * DAY, (today + 1) * DAY)
            .await
            .unwrap()
            .is_empty()
    );
}
story!(clicks_earn_points_once_their_day_is_over_without_bots_and_up_to_the_cap);

async fn clicks_counted_as_bots_are_taken_back_by_a_new_correction_row(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    store.set_points_rule(program, Rule::Click, 5, 0).await.unwrap();
    let (link, share) = shared_link(app, amb_id, program, coord, "Points0003", "Job fair").await;
    let now = ambasada_server::now();
    let today = day_number(now);
    let mut clicks: Vec<NewClick> = (0..12).map(|_| click(link, now, "reloader", "desktop")).collect();
    clicks.extend(["ania", "bartek"].map(|v| click(link, now, v, "mobile")));
    store.insert_clicks(&clicks).await.unwrap();
    award_clicks_due(&app.state, when_today_is_over(now)).await.unwrap();
    let source = format!("clicks:{share}:{today}");
    assert_eq!(amount(&ledger(app, amb_id).await, "click", &source), 15);
    let before = store.balance(amb_id).await.unwrap().lifetime;

    // The review shows the link: 14 clicks from 3 visitors.
    let review = format!("/app/programs/{program}/points/review");
    let res = app.get(&review).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Job fair") && page.contains(">14<") && page.contains(">4.7<"),
        "{page}"
    );
    assert!(page.contains("<strong id=\"review-links\">1</strong>"));

    // Nobody else may look or act.
    let bots = format!("{review}/links/{link}/bots");
    let (other, other_id) = person(app, "other@test.example", &[Role::Coordinator]).await;
    app.create_program("Other", "other", Some(other_id)).await;
    assert_eq!(other.get(&review).await.status(), 403);
    assert_eq!(other.post_form(&bots, &[]).await.status(), 403);
    assert_eq!(amb.get(&review).await.status(), 403);
    assert_eq!(amb.post_form(&bots, &[]).await.status(), 403);
    let elsewhere = app.create_program("Elsewhere", "elsewhere", Some(coord)).await;
    let res = app
        .post_form(
            &format!("/app/programs/{elsewhere}/points/review/links/{link}/bots"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 404, "the link is not the program's");

    let res = app.post_form(&bots, &[]).await;
    assert_eq!(res.status(), 303);
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "click", &source), 15, "the award is never edited");
    let correction = format!("correction:{source}:2");
    assert_eq!(amount(&rows, "correction", &correction), -5, "one visitor fewer");
    let row = rows.iter().find(|r| r.source == correction).unwrap();
    assert_eq!(row.reason.as_deref(), Some("clicks_reclassified"));
    assert_eq!(row.program_id, Some(program));
    assert_eq!(store.balance(amb_id).await.unwrap().lifetime, before - 5);
    let (notes, _) = store.notifications(amb_id, 10, 0).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "points-clicks-corrected"), "{notes:#?}");

    // Done again, nothing more changes.
    assert_eq!(app.post_form(&bots, &[]).await.status(), 303);
    assert_eq!(ledger(app, amb_id).await.len(), rows.len());

    // The ambassador sees the correction with its reason, in words.
    let page = amb.get("/app/points").await.text().await.unwrap();
    assert!(page.contains("Repeated clicks on this link were counted as bots.") && page.contains(">-5<"));

    // A correction made directly is a negative row too; a positive one is refused.
    let c = Correction {
        user_id: amb_id,
        program_id: Some(program),
        what: "test:1",
        amount: 3,
        reason: "test",
    };
    assert!(store.correct(&c, now).await.is_err());
}
story!(clicks_counted_as_bots_are_taken_back_by_a_new_correction_row);

/// Applies for `offer` through the ambassador's link `code`, as a new visitor with this
/// e-mail address; the application's id.
async fn apply_through(app: &TestApp, code: &str, offer: i64, email: &str) -> i64 {
    let visitor = TestApp::sibling(app);
    let res = visitor
        .client
        .get(app.url(&format!("/s/{code}")))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let landing = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(visitor.client.get(&landing).send().await.unwrap().status(), 200);
    let token = visitor.csrf().await;
    let form = Form::new()
        .text("name", "Anna Kandydatka")
        .text("email", email.to_string())
        .text("profile_url", "https://www.linkedin.com/in/kandydatka")
        .text("message", "Dzień dobry!")
        .text("consent", "1");
    let res = visitor
        .client
        .post(app.url(&format!("/careers/{offer}/apply?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let all = app.state.store.applications(None, true, 100).await.unwrap();
    all.iter()
        .filter(|a| a.email.eq_ignore_ascii_case(email))
        .map(|a| a.id)
        .max()
        .unwrap()
}

async fn a_referral_and_its_hire_earn_the_ambassador_points(app: &TestApp) {
    let store = &app.state.store;
    let (recruiter, recruiter_id) = person(app, "rek@test.example", &[Role::Recruiter]).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", None).await;
    store.add_member(program, amb, 0).await.unwrap();
    store.set_points_rule(program, Rule::Application, 21, 0).await.unwrap();
    store.set_points_rule(program, Rule::Hire, 101, 0).await.unwrap();
    let offer = store
        .create_offer(
            &OfferInput {
                title: "Rust developer".into(),
                location: "Warszawa".into(),
                contract_type: "employment".into(),
                description: "Rust.".into(),
                language: "en".into(),
                open: true,
            },
            recruiter_id,
            0,
        )
        .await
        .unwrap();
    let target = format!("{}/careers/{offer}", app.address);
    let id = item_in(app, recruiter_id, "We are hiring", &target, vec![program], "draft").await;
    store
        .transition_content(id, "draft", "approved", Some(recruiter_id), None, 0)
        .await
        .unwrap();
    store
        .create_tracked_link("Points0004", amb, id, "linkedin", Some(program), &target, 0)
        .await
        .unwrap();
    let application = apply_through(app, "Points0004", offer, "anna@kandydaci.example").await;
    // A public form sent is not yet a referral: nobody has looked at it.
    assert!(ledger(app, amb).await.is_empty());

    // A recruiter takes it forward: now the referral earns, once.
    let stage = format!("/app/applications/{application}/stage");
    assert_eq!(
        recruiter.post_form(&stage, &[("stage", "screening")]).await.status(),
        303
    );
    let rows = ledger(app, amb).await;
    assert_eq!(amount(&rows, "application", &format!("application:{application}")), 21);
    assert_eq!(rows[0].program_id, Some(program));
    let (notes, _) = store.notifications(amb, 10, 0).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "points-application"));
    assert_eq!(
        recruiter.post_form(&stage, &[("stage", "interview")]).await.status(),
        303
    );
    assert_eq!(ledger(app, amb).await.len(), 1, "moving it on earns nothing more");
    assert_eq!(recruiter.post_form(&stage, &[("stage", "hired")]).await.status(), 303);
    let rows = ledger(app, amb).await;
    assert_eq!(amount(&rows, "hire", &format!("hire:{application}")), 101);
    assert_eq!(store.balance(amb).await.unwrap().lifetime, 122);

    // The same address applying to the offer again, a rejected application and the
    // ambassador applying through their own link earn nothing, whatever happens to them.
    let again = apply_through(app, "Points0004", offer, "Anna@Kandydaci.example").await;
    let rejected = apply_through(app, "Points0004", offer, "olek@kandydaci.example").await;
    let own = apply_through(app, "Points0004", offer, "AMB@test.example").await;
    for (id, to) in [(again, "interview"), (rejected, "rejected"), (own, "screening")] {
        let res = recruiter
            .post_form(&format!("/app/applications/{id}/stage"), &[("stage", to)])
            .await;
        assert_eq!(res.status(), 303);
    }
    assert_eq!(ledger(app, amb).await.len(), 2, "{:#?}", ledger(app, amb).await);
    assert_eq!(store.balance(amb).await.unwrap().lifetime, 122);
}
story!(a_referral_and_its_hire_earn_the_ambassador_points);

async fn a_course_a_suggestion_and_a_planned_post_earn_points(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let first = app.create_program("Earlier", "earlier", None).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(first, amb_id, 0).await.unwrap();
    store.add_member(program, amb_id, 0).await.unwrap();
    for (rule, points) in [(Rule::Course, 16), (Rule::Suggestion, 11), (Rule::PlannedOnTime, 6)] {
        store.set_points_rule(program, rule, points, 0).await.unwrap();
    }

    // A course the program requires, passed on the second attempt: once, for that program.
    let course = store
        .create_course(
            &ambasada_store::training::CourseInput {
                title: "Writing 101".into(),
                description: String::new(),
                language: "en".into(),
                pass_mark: 100,
                published: true,
            },
            Some(coord),
            0,
        )
        .await
        .unwrap();
    store
        .add_question(course, None, "Own words?", "*Yes\nNo")
        .await
        .unwrap();
    store.set_required_course(program, Some(course)).await.unwrap();
    let quiz = format!("/app/training/{course}/quiz");
    assert_eq!(amb.post_form(&quiz, &[("q1", "1")]).await.status(), 200);
    assert!(ledger(app, amb_id).await.is_empty(), "a failed quiz earns nothing");
    for _ in 0..2 {
        assert_eq!(amb.post_form(&quiz, &[("q1", "0")]).await.status(), 200);
    }
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "course", &format!("course:{course}")), 16);
    assert_eq!(
        rows[0].program_id,
        Some(program),
        "the program that requires the course"
    );

    // The ambassador's suggestion approved by the coordinator; an editor's item earns its
    // author nothing.
    let suggestion = item_in(
        app,
        amb_id,
        "My idea",
        "https://www.example.com/",
        vec![program],
        "submitted",
    )
    .await;
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let written = item_in(
        app,
        editor,
        "Editorial",
        "https://www.example.com/",
        vec![program],
        "submitted",
    )
    .await;
    for id in [suggestion, written] {
        let res = app.post_form(&format!("/app/content/{id}/approve"), &[]).await;
        assert_eq!(res.status(), 303);
    }
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "suggestion", &format!("suggestion:{suggestion}")), 11);
    assert!(ledger(app, editor).await.is_empty());

    // A planned post shared on time.
    let id = item(app, coord, "Launch", vec![program]).await;
    let now = ambasada_server::now();
    let slot = SlotInput {
        program_id: program,
        content_id: Some(id),
        topic: None,
        network: Network::Linkedin,
        starts_at: now - HOUR,
        ends_at: now + DAY,
        audience: "program".into(),
        team_id: None,
        spread: false,
    };
    let slot = store
        .create_slot(&slot, &[(amb_id, now - HOUR, now + DAY)], coord, now - 1000)
        .await
        .unwrap();
    let post = store.slot_posts(slot).await.unwrap()[0].id;
    let t = token(app, amb_id, &[Scope::SharesWrite]).await;
    share(app, &t, id, SUGGESTED).await;
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "planned_on_time", &format!("planned:{post}")), 6);
    assert_eq!(amount(&rows, "share", &format!("share:item:{id}:linkedin")), 10);
    let page = amb.get("/app/points").await.text().await.unwrap();
    for words in ["Writing 101", "My idea", "Launch", "Planned post on time"] {
        assert!(page.contains(words), "{words} in {page}");
    }
}
story!(a_course_a_suggestion_and_a_planned_post_earn_points);

/// Every configurable rule's field with its default, and `changes` over them.
fn rules_form(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
    Rule::CONFIGURABLE
        .iter()
        .map(|r| {
            let value = changes
                .iter()
                .find(|(k, _)| *k == r.as_str())
                .map_or(r.default_points().to_string(), |(_, v)| v.to_string());
            (r.as_str(), value)
        })
        .collect()
}

async fn only_the_programs_coordinator_sets_its_points_rules(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let rules = format!("/app/programs/{program}/points");
    let res = app.get(&rules).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("name=\"share\" value=\"10\"") && page.contains("Default: 10 points."),
        "{page}"
    );

    let (other, other_id) = person(app, "other@test.example", &[Role::Coordinator]).await;
    app.create_program("Other", "other", Some(other_id)).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let form = rules_form(&[("share", "1")]);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for c in [&other, &amb] {
        assert_eq!(c.get(&rules).await.status(), 403);
        assert_eq!(c.post_form(&rules, &form).await.status(), 403);
        assert_eq!(c.get(&format!("{rules}/review")).await.status(), 403);
    }
    assert!(store.points_rules(program).await.unwrap().is_empty());

    // Bad values: 422, what was typed kept, a message on each field, nothing saved.
    let bad = rules_form(&[("share", "abc"), ("click", "20000"), ("hire", "7")]);
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(&rules, &bad).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"abc\"") && page.contains("value=\"20000\"") && page.contains("value=\"7\""));
    assert_eq!(
        page.matches("Enter a whole number from 0 to 10000").count(),
        2,
        "{page}"
    );
    assert!(store.points_rules(program).await.unwrap().is_empty());

    // Good values: only the changed ones are stored; ambassadors read them.
    let good = rules_form(&[("share", "7"), ("personalised", "0")]);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post_form(&rules, &good).await.status(), 303);
    assert_eq!(
        store.points_rules(program).await.unwrap(),
        vec![("personalised".to_string(), 0), ("share".to_string(), 7)]
    );
    let page = amb.get("/app/points/how").await.text().await.unwrap();
    assert!(page.contains("EB"), "{page}");
    assert!(page.contains("7 points") && page.contains("Not awarded in this program"));
    assert!(page.contains("at most 20 people per share a day"));
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    assert_eq!(admin.get(&rules).await.status(), 200);
    assert_eq!(
        admin.get("/app/points").await.status(),
        403,
        "points pages are ambassadors'"
    );
    // The program page links to both pages.
    let page = app.get(&format!("/app/programs/{program}")).await.text().await.unwrap();
    assert!(page.contains(&format!("href=\"{rules}\"")) && page.contains(&format!("href=\"{rules}/review\"")));
}
story!(only_the_programs_coordinator_sets_its_points_rules);

async fn my_points_are_in_the_api(app: &TestApp) {
    let store = &app.state.store;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", None).await;
    let award = Award {
        user_id: amb,
        program_id: Some(program),
        rule: Rule::Share,
        source: "share:5",
        amount: 10,
        reason: None,
    };
    store.award(&award, 1_000).await.unwrap();
    let c = Correction {
        user_id: amb,
        program_id: Some(program),
        what: "clicks:5:20000:0",
        amount: -4,
        reason: "clicks_reclassified",
    };
    assert!(store.correct(&c, 2_000).await.unwrap());
    assert!(!store.correct(&c, 3_000).await.unwrap(), "the same correction once");

    let read = token(app, amb, &[Scope::ContentRead]).await;
    let res = client()
        .get(app.url("/api/v1/me/points"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["balance", "held", "lifetime", "recent"]);
    assert_eq!(
        (body["balance"].as_i64(), body["lifetime"].as_i64()),
        (Some(6), Some(6))
    );
    assert_eq!(body["held"], 0);
    let recent = body["recent"].as_array().unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(
        recent[0],
        serde_json::json!({
            "rule": "correction", "amount": -4, "source": "correction:clicks:5:20000:0",
            "reason": "clicks_reclassified", "created_at": "1970-01-01T00:00:02Z", "program_id": program
        })
    );
    assert_eq!(recent[1]["rule"], "share");
    assert_eq!(recent[1]["reason"], serde_json::Value::Null);

    let res = client().get(app.url("/api/v1/me/points")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let write_only = token(app, amb, &[Scope::SharesWrite]).await;
    let res = client()
        .get(app.url("/api/v1/me/points"))
        .bearer_auth(&write_only)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}
story!(my_points_are_in_the_api);

async fn confirming_the_same_share_again_earns_its_points_once(app: &TestApp) {
    let store = &app.state.store;
    let program = app.create_program("EB", "eb", None).await;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let id = item(app, coord, "Rust developer", vec![program]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let t = token(app, amb_id, &[Scope::SharesWrite]).await;
    // The same item on the same network, confirmed five times (the daily limit).
    for _ in 0..5 {
        share(app, &t, id, OWN).await;
    }
    assert_eq!(store.shares_of_item(amb_id, id).await.unwrap().len(), 5);
    let rows = ledger(app, amb_id).await;
    let source = format!("share:item:{id}:linkedin");
    assert_eq!(amount(&rows, "share", &source), 10);
    assert_eq!(amount(&rows, "personalised", &source), 5);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(store.balance(amb_id).await.unwrap().lifetime, 15);
    // "My points" names the item and the network.
    let page = amb.get("/app/points").await.text().await.unwrap();
    assert!(page.contains("Rust developer · LinkedIn"), "{page}");
}
story!(confirming_the_same_share_again_earns_its_points_once);

async fn the_daily_share_limit_holds_under_concurrent_confirmations(app: &TestApp) {
    let store = &app.state.store;
    // The program's daily limit is 5.
    let program = app.create_program("EB", "eb", None).await;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let mut items = Vec::new();
    for n in 0..4 {
        items.push(item(app, coord, &format!("Offer {n}"), vec![program]).await);
    }
    let t = token(app, amb_id, &[Scope::SharesWrite]).await;
    let tasks: Vec<_> = (0..20)
        .map(|n| {
            let (url, t, item) = (app.url("/api/v1/shares"), t.clone(), items[n % items.len()]);
            tokio::spawn(async move {
                let res = client()
                    .post(url)
                    .bearer_auth(t)
                    .json(&serde_json::json!({"content_id": item, "network": "linkedin", "text": OWN}))
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                (status, res.json::<serde_json::Value>().await.unwrap())
            })
        })
        .collect();
    let mut created = 0;
    for task in tasks {
        match task.await.unwrap() {
            (201, _) => created += 1,
            (422, body) => assert_eq!(
                body["errors"]["network"], "The program's daily share limit (5) has been reached. Try again tomorrow.",
                "{body}"
            ),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(created, 5, "twenty at once, five recorded");
    assert_eq!(store.shares_since(amb_id, 0).await.unwrap(), 5);

    // An own post logged on the shares page is refused too, with the message on the form.
    let res = amb
        .post_form(
            "/app/shares/own",
            &[
                ("network", "linkedin"),
                ("post_url", "https://www.linkedin.com/posts/own-123"),
                ("topic", "Our hackathon"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("daily share limit (5) has been reached") && page.contains("Our hackathon"));
    assert_eq!(store.shares_since(amb_id, 0).await.unwrap(), 5);
}
story!(the_daily_share_limit_holds_under_concurrent_confirmations);

/// Awards a share's clicks of a day as the click job would have: `visitors` at 2 points.
async fn clicks_awarded(app: &TestApp, amb: i64, program: i64, share: i64, day: i64, visitors: i64) {
    let source = format!("clicks:{share}:{day}");
    let award = Award {
        user_id: amb,
        program_id: Some(program),
        rule: Rule::Click,
        source: &source,
        amount: 2 * visitors,
        reason: None,
    };
    assert!(app.state.store.award(&award, click_day_end(day)).await.unwrap());
}

async fn counting_bots_corrects_whole_days_and_a_second_run_repairs_what_is_missing(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb, 0).await.unwrap();
    store.set_points_rule(program, Rule::Click, 2, 0).await.unwrap();
    let review = format!("/app/programs/{program}/points/review");
    let now = ambasada_server::now();

    // The window's first day: five people in the morning (before the moment 30 days
    // ago) and a reloader in the evening. The day earned 6 visitors' points.
    let (link, share) = shared_link(app, amb, program, coord, "Points0005", "Old fair").await;
    let first = day_number(now - REVIEW_WINDOW);
    let mut clicks: Vec<NewClick> = ["a", "b", "c", "d", "e"]
        .map(|v| click(link, first * DAY, v, "mobile"))
        .to_vec();
    clicks.extend((0..12).map(|_| click(link, (first + 1) * DAY - 1, "reloader", "desktop")));
    store.insert_clicks(&clicks).await.unwrap();
    clicks_awarded(app, amb, program, share, first, 6).await;
    assert_eq!(
        app.post_form(&format!("{review}/links/{link}/bots"), &[])
            .await
            .status(),
        303
    );
    let rows = ledger(app, amb).await;
    let corrections: Vec<(&str, i64)> = rows
        .iter()
        .filter(|r| r.rule == "correction")
        .map(|r| (r.source.as_str(), r.amount))
        .collect();
    let source = format!("correction:clicks:{share}:{first}:5");
    assert_eq!(corrections, vec![(source.as_str(), -2)], "only the reloader");

    // Clicks counted as bots earlier whose correction never made it into the ledger
    // (three people left of four awarded): the next run takes back what is due, once.
    let (link, share) = shared_link(app, amb, program, coord, "Points0006", "Hackathon").await;
    let day = day_number(now) - 2;
    let mut clicks: Vec<NewClick> = ["f", "g", "h"].map(|v| click(link, day * DAY, v, "mobile")).to_vec();
    clicks.extend((0..5).map(|_| click(link, day * DAY + HOUR, "ghost", "bot")));
    store.insert_clicks(&clicks).await.unwrap();
    clicks_awarded(app, amb, program, share, day, 4).await;
    let before = store.balance(amb).await.unwrap().lifetime;
    let bots = format!("{review}/links/{link}/bots");
    assert_eq!(app.post_form(&bots, &[]).await.status(), 303);
    let rows = ledger(app, amb).await;
    assert_eq!(
        amount(&rows, "correction", &format!("correction:clicks:{share}:{day}:3")),
        -2
    );
    assert_eq!(store.balance(amb).await.unwrap().lifetime, before - 2);
    assert_eq!(app.post_form(&bots, &[]).await.status(), 303);
    assert_eq!(ledger(app, amb).await.len(), rows.len(), "nothing more the second time");
}
story!(counting_bots_corrects_whole_days_and_a_second_run_repairs_what_is_missing);

async fn a_course_earns_points_once_finished_read_and_passed_with_or_without_a_quiz(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb_id, 0).await.unwrap();
    let course = |title: &'static str| ambasada_store::training::CourseInput {
        title: title.into(),
        description: String::new(),
        language: "en".into(),
        pass_mark: 100,
        published: true,
    };
    // Two lessons and a quiz: passing the quiz with a lesson unread earns nothing yet.
    let quizzed = store
        .create_course(&course("Writing 101"), Some(coord), 0)
        .await
        .unwrap();
    for n in 1..=2 {
        store
            .add_lesson(quizzed, None, &format!("Lesson {n}"), "Read me.")
            .await
            .unwrap();
    }
    store
        .add_question(quizzed, None, "Own words?", "*Yes\nNo")
        .await
        .unwrap();
    let read = |id: i64, n: i64| format!("/app/training/{id}/lessons/{n}/read");
    assert_eq!(amb.post_form(&read(quizzed, 1), &[]).await.status(), 303);
    let quiz = format!("/app/training/{quizzed}/quiz");
    assert_eq!(amb.post_form(&quiz, &[("q1", "0")]).await.status(), 200);
    assert!(ledger(app, amb_id).await.is_empty(), "a lesson is still unread");
    // The last lesson read completes it: the points, once.
    assert_eq!(amb.post_form(&read(quizzed, 2), &[]).await.status(), 303);
    assert_eq!(amb.post_form(&read(quizzed, 2), &[]).await.status(), 303);
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "course", &format!("course:{quizzed}")), 15);

    // A course without a quiz earns once every lesson is read.
    let reading = store
        .create_course(&course("Reading only"), Some(coord), 0)
        .await
        .unwrap();
    store
        .add_lesson(reading, None, "Only lesson", "Read me.")
        .await
        .unwrap();
    assert_eq!(amb.post_form(&read(reading, 1), &[]).await.status(), 303);
    let rows = ledger(app, amb_id).await;
    assert_eq!(amount(&rows, "course", &format!("course:{reading}")), 15);
    assert_eq!(rows.len(), 2);
}
story!(a_course_earns_points_once_finished_read_and_passed_with_or_without_a_quiz);
