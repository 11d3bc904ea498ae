//! The publication calendar: planning slots (pages and API), spreading, the ambassador's
//! plan, done and missed planned posts, realisation, and who may do what.

use crate::common::api_token as token;
use crate::common::{TestApp, client};
use crate::story;
use ambasada_core::{DAY, HOUR, Role, Scope};
use ambasada_store::content::ContentInput;

/// An approved item with a LinkedIn text, for every program.
async fn item(app: &TestApp, author: i64, title: &str, expires_at: Option<i64>) -> i64 {
    crate::common::approved_item(
        app,
        author,
        &ContentInput {
            title: title.into(),
            category: "product".into(),
            target_url: "https://www.example.com/p".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at,
            texts: vec![("linkedin".into(), "Our new product is out.".into())],
            program_ids: vec![],
            team_ids: vec![],
        },
    )
    .await
}

fn rfc(at: i64) -> String {
    jiff::Timestamp::from_millisecond(at).unwrap().to_string()
}

/// The local `datetime-local` value of an instant in Warsaw.
fn local(at: i64) -> String {
    jiff::Timestamp::from_millisecond(at)
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").unwrap())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn a_coordinator_plans_a_post_the_ambassador_shares_it_and_realisation_counts_it(app: &TestApp) {
    let coord = app.login_as(Role::Coordinator).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let other = app.create_user("other@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    for u in [amb, other] {
        app.state.store.add_member(program, u, 0).await.unwrap();
    }
    let id = item(app, coord, "Launch", None).await;
    let now = ambasada_server::now();

    // A bad form keeps what was typed and says what is wrong, field by field.
    let pid = program.to_string();
    let res = app
        .post_form(
            "/app/calendar/new",
            &[
                ("program_id", &pid),
                ("content_id", &id.to_string()),
                ("topic", "Also a topic"),
                ("network", "linkedin"),
                ("starts_at", &local(now + 2 * HOUR)),
                ("ends_at", &local(now + HOUR)),
                ("audience", "program"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Choose a content item or write a free topic"), "{page}");
    assert!(page.contains("The end must come after the start."));
    assert!(page.contains("value=\"Also a topic\""));

    // Planned for everyone over the next two days: two planned posts, same window.
    let res = app
        .post_form(
            "/app/calendar/new",
            &[
                ("program_id", &pid),
                ("content_id", &id.to_string()),
                ("network", "linkedin"),
                ("starts_at", &local(now - HOUR)),
                ("ends_at", &local(now + 2 * DAY)),
                ("audience", "program"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let slot_url = res.headers()["location"].to_str().unwrap().to_string();
    let slot_id: i64 = slot_url.rsplit('/').next().unwrap().parse().unwrap();
    let posts = app.state.store.slot_posts(slot_id).await.unwrap();
    assert_eq!(posts.len(), 2);
    assert!(posts.iter().all(|p| p.status == "planned"));
    let page = app.get(&slot_url).await.text().await.unwrap();
    assert!(page.contains("Launch") && page.contains("2 planned posts"), "{page}");
    // The calendar shows it this month, filtered by the program and LinkedIn.
    let cal = app
        .get(&format!("/app/calendar?program={program}&network=linkedin"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cal.contains(&format!("/app/calendar/slots/{slot_id}")), "{cal}");
    let cal = app.get("/app/calendar?network=x&view=list").await.text().await.unwrap();
    assert!(!cal.contains(&format!("/app/calendar/slots/{slot_id}")));

    // The ambassador's API calendar lists the planned post; sharing it marks it done.
    let am = token(app, amb, &[Scope::ContentRead, Scope::SharesWrite]).await;
    let c = client();
    let cal: serde_json::Value = c
        .get(app.url("/api/v1/calendar"))
        .bearer_auth(&am)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mine = cal["slots"].as_array().unwrap();
    assert_eq!(mine.len(), 1, "{cal}");
    assert_eq!(mine[0]["content_id"], id);
    assert_eq!(mine[0]["network"], "linkedin");
    assert_eq!(mine[0]["status"], "planned");
    assert!(mine[0]["starts_at"].as_str().unwrap().ends_with('Z'));
    // A share on another network does not count; on LinkedIn it does.
    let share = c
        .post(app.url("/api/v1/shares"))
        .bearer_auth(&am)
        .json(&serde_json::json!({"content_id": id, "network": "linkedin", "text": "My own words about the launch."}))
        .send()
        .await
        .unwrap();
    assert_eq!(share.status(), 201, "{}", share.text().await.unwrap());
    let cal: serde_json::Value = c
        .get(app.url("/api/v1/calendar"))
        .bearer_auth(&am)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cal["slots"][0]["status"], "done", "{cal}");

    // The other one misses it: a day after the window the job's rule marks it missed.
    let missed = app.state.store.mark_missed(now + 3 * DAY + HOUR).await.unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].user_id, other);

    // Realisation over the days around: 1 done of 2 due.
    let co = token(app, coord, &[Scope::ReportsRead]).await;
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Warsaw").unwrap())
        .date();
    let q = format!(
        "from={}&to={}",
        today - jiff::Span::new().days(1),
        today + jiff::Span::new().days(5)
    );
    let r: serde_json::Value = c
        .get(app.url(&format!("/api/v1/programs/{program}/realisation?{q}&by=ambassador")))
        .bearer_auth(&co)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&r["planned"], &r["done"], &r["missed"], &r["skipped"]),
        (&2.into(), &1.into(), &1.into(), &0.into()),
        "{r}"
    );
    assert_eq!(r["rate"], 0.5);
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{r}");
    assert!(
        rows.iter()
            .any(|row| row["key"].as_str().and_then(|k| k.parse::<i64>().ok()) == Some(amb) && row["done"] == 1)
    );
    // The page shows the same, with the missed list.
    let page = app
        .get(&format!("/app/programs/{program}/realisation?{q}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"realisation-rate\">50%"), "{page}");
    assert!(page.contains("Test other"), "the missed list names the ambassador");
    // A bad period is a 400 problem.
    let bad = c
        .get(app.url(&format!("/api/v1/programs/{program}/realisation?from=2026-13-01")))
        .bearer_auth(&co)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
}
story!(a_coordinator_plans_a_post_the_ambassador_shares_it_and_realisation_counts_it);

async fn a_spread_slot_gives_each_person_a_working_day_and_refuses_what_does_not_fit(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    let mut people = Vec::new();
    for i in 0..10 {
        let u = app
            .create_user(&format!("a{i}@test.example"), &[Role::Ambassador])
            .await;
        app.state.store.add_member(program, u, 0).await.unwrap();
        people.push(u);
    }
    let co = token(app, coord, &[Scope::CalendarWrite, Scope::ReportsRead]).await;
    let c = client();
    // Two weeks from next Monday: ten working days, at most two people a day.
    let tz = jiff::tz::TimeZone::get("Europe/Warsaw").unwrap();
    let today = jiff::Zoned::now().with_time_zone(tz.clone()).date();
    let monday = today + jiff::Span::new().days(7 - today.weekday().to_monday_zero_offset() as i64);
    let at = |d: jiff::civil::Date, h: i8| {
        d.at(h, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
            .as_millisecond()
    };
    let body = |last: jiff::civil::Date| {
        serde_json::json!({
            "topic": "Write about your first week", "network": "linkedin",
            "starts_at": rfc(at(monday, 0)), "ends_at": rfc(at(last, 23)),
            "audience": "program", "spread": true, "max_daily_share": 0.2,
        })
    };
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&body(monday + jiff::Span::new().days(11)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let slot: serde_json::Value = res.json().await.unwrap();
    assert_eq!(slot["planned_posts"], 10);
    assert_eq!(slot["spread"], true);
    let posts = app.state.store.slot_posts(slot["id"].as_i64().unwrap()).await.unwrap();
    let mut per_day = std::collections::BTreeMap::new();
    for p in &posts {
        let start = jiff::Timestamp::from_millisecond(p.starts_at)
            .unwrap()
            .to_zoned(tz.clone());
        assert!(start.weekday().to_monday_one_offset() <= 5, "a working day: {start}");
        assert!((9..17).contains(&start.hour()), "working hours: {start}");
        *per_day.entry(start.date()).or_insert(0) += 1;
    }
    assert!(per_day.values().all(|n| *n <= 2), "{per_day:?}");
    assert_eq!(
        posts
            .iter()
            .map(|p| p.user_id)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        10
    );

    // A single day cannot take ten people at two a day: refused, nothing planned.
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&body(monday))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["errors"]["ends_at"].as_str().unwrap().contains("8 of 10"),
        "{problem}"
    );
    // Bad JSON values are problems too, never a 500.
    for bad in [
        serde_json::json!({"topic": "x", "network": "myspace", "starts_at": "soon", "ends_at": rfc(at(monday, 9))}),
        serde_json::json!({"content_id": 999999, "network": "linkedin", "starts_at": rfc(at(monday, 9)), "ends_at": rfc(at(monday, 12))}),
        serde_json::json!({"topic": "x", "network": "linkedin", "starts_at": rfc(at(monday, 9)), "ends_at": rfc(at(monday, 12)), "audience": "people", "user_ids": [coord]}),
    ] {
        let res = c
            .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
            .bearer_auth(&co)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{bad}");
    }
}
story!(a_spread_slot_gives_each_person_a_working_day_and_refuses_what_does_not_fit);

async fn only_a_programs_planners_change_its_calendar_and_changes_after_the_start_are_kept(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let stranger = app.create_user("other-koord@test.example", &[Role::Coordinator]).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    app.state.store.add_member(program, amb, 0).await.unwrap();
    let co = token(app, coord, &[Scope::CalendarWrite]).await;
    let st = token(app, stranger, &[Scope::CalendarWrite, Scope::ReportsRead]).await;
    let am = token(app, amb, &[Scope::ContentRead]).await;
    let c = client();
    let now = ambasada_server::now();
    let body = serde_json::json!({
        "topic": "Our office", "network": "linkedin",
        "starts_at": rfc(now - HOUR), "ends_at": rfc(now + DAY),
    });
    let url = app.url(&format!("/api/v1/programs/{program}/calendar"));
    for (tok, status) in [(&st, 403), (&am, 403)] {
        let res = c.post(&url).bearer_auth(tok).json(&body).send().await.unwrap();
        assert_eq!(res.status(), status);
    }
    // An ambassador cannot even hold the scope.
    assert!(!Scope::CalendarWrite.allowed_for(&[Role::Ambassador, Role::Editor, Role::Recruiter]));
    let res = c.post(&url).bearer_auth(&co).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let slot: serde_json::Value = res.json().await.unwrap();
    let slot_id = slot["id"].as_i64().unwrap();
    let slot_url = app.url(&format!("/api/v1/calendar/{slot_id}"));
    let res = c.put(&slot_url).bearer_auth(&st).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let res = c
        .get(app.url(&format!("/api/v1/programs/{program}/realisation")))
        .bearer_auth(&st)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The window had started: the change is kept in the history.
    let mut changed = body.clone();
    changed["topic"] = "Our new office".into();
    let res = c.put(&slot_url).bearer_auth(&co).json(&changed).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let history = app.state.store.slot_history(slot_id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].before.contains("Our office"), "{:?}", history[0]);
    // The pages refuse strangers too.
    let page = app.get(&format!("/app/calendar/slots/{slot_id}")).await;
    assert_eq!(page.status(), 303, "anonymous: to the login page");
    // Deleting a started slot keeps it, marked deleted, with its history.
    let res = c.delete(&slot_url).bearer_auth(&co).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let kept = app.state.store.slot(slot_id).await.unwrap().unwrap();
    assert!(kept.deleted_at.is_some());
    assert_eq!(app.state.store.slot_history(slot_id).await.unwrap().len(), 2);
    let res = c.delete(&slot_url).bearer_auth(&co).send().await.unwrap();
    assert_eq!(res.status(), 404);
    // A slot not started yet goes entirely.
    let later = serde_json::json!({
        "topic": "Later", "network": "linkedin",
        "starts_at": rfc(now + 2 * DAY), "ends_at": rfc(now + 3 * DAY),
    });
    let res = c.post(&url).bearer_auth(&co).json(&later).send().await.unwrap();
    let id = res.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
    let res = c
        .delete(app.url(&format!("/api/v1/calendar/{id}")))
        .bearer_auth(&co)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert!(app.state.store.slot(id).await.unwrap().is_none());
}
story!(only_a_programs_planners_change_its_calendar_and_changes_after_the_start_are_kept);

async fn the_ambassador_accepts_skips_and_moves_planned_posts_on_the_plan_page(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let amb = app.login_as(Role::Ambassador).await;
    let stranger = app.create_user("x@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    for u in [amb, stranger] {
        app.state.store.add_member(program, u, 0).await.unwrap();
    }
    let id = item(app, coord, "Launch", None).await;
    let now = ambasada_server::now();
    let input = ambasada_store::calendar::SlotInput {
        program_id: program,
        content_id: Some(id),
        topic: None,
        network: ambasada_core::Network::Linkedin,
        starts_at: now - HOUR,
        ends_at: now + 3 * DAY,
        audience: "program".into(),
        team_id: None,
        spread: false,
    };
    let slot = app
        .state
        .store
        .create_slot(
            &input,
            &[(amb, now - HOUR, now + 3 * DAY), (stranger, now - HOUR, now + 3 * DAY)],
            coord,
            now,
        )
        .await
        .unwrap();
    let posts = app.state.store.slot_posts(slot).await.unwrap();
    let mine = posts.iter().find(|p| p.user_id == amb).unwrap().id;
    let theirs = posts.iter().find(|p| p.user_id == stranger).unwrap().id;

    let page = app.get("/app/plan").await.text().await.unwrap();
    assert!(page.contains(&format!("/app/plan/{mine}/open")), "{page}");
    assert!(!page.contains(&format!("/app/plan/{theirs}/open")));
    // One tap to the share screen of the item on the planned network.
    let open = app.get(&format!("/app/plan/{mine}/open")).await;
    assert_eq!(open.status(), 303);
    assert_eq!(
        open.headers()["location"],
        format!("/app/feed/{id}?network=linkedin").as_str()
    );
    // Someone else's planned post does not exist for me.
    assert_eq!(app.get(&format!("/app/plan/{theirs}/open")).await.status(), 404);
    assert_eq!(
        app.post_form(&format!("/app/plan/{theirs}/accept"), &[]).await.status(),
        404
    );

    assert_eq!(
        app.post_form(&format!("/app/plan/{mine}/accept"), &[]).await.status(),
        303
    );
    assert!(
        app.state
            .store
            .planned_post(mine)
            .await
            .unwrap()
            .unwrap()
            .accepted_at
            .is_some()
    );
    // Skipping needs a reason; the page says so and keeps the post planned.
    let res = app
        .post_form(&format!("/app/plan/{mine}/skip"), &[("reason", "  ")])
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        app.state.store.planned_post(mine).await.unwrap().unwrap().status,
        "planned"
    );
    // A move into the past or far beyond the window is refused, with the day kept.
    let res = app
        .post_form(&format!("/app/plan/{mine}/move"), &[("date", "2020-01-01")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("value=\"2020-01-01\""));
    let res = app
        .post_form(&format!("/app/plan/{mine}/skip"), &[("reason", "On holiday")])
        .await;
    assert_eq!(res.status(), 303);
    let post = app.state.store.planned_post(mine).await.unwrap().unwrap();
    assert_eq!(
        (post.status.as_str(), post.skip_reason.as_deref()),
        ("skipped", Some("On holiday"))
    );
    // Moving a skipped post to tomorrow plans it again, in working hours.
    let tz = jiff::tz::TimeZone::get("Europe/Warsaw").unwrap();
    let tomorrow = jiff::Zoned::now().with_time_zone(tz.clone()).date() + jiff::Span::new().days(1);
    let res = app
        .post_form(&format!("/app/plan/{mine}/move"), &[("date", &tomorrow.to_string())])
        .await;
    assert_eq!(res.status(), 303);
    let post = app.state.store.planned_post(mine).await.unwrap().unwrap();
    assert_eq!(post.status, "planned");
    let start = jiff::Timestamp::from_millisecond(post.starts_at).unwrap().to_zoned(tz);
    assert_eq!((start.date(), start.hour()), (tomorrow, 9));
}
story!(the_ambassador_accepts_skips_and_moves_planned_posts_on_the_plan_page);

async fn plan_realisation_feeds_the_goal_and_the_health_check(app: &TestApp) {
    let coord = app.login_as(Role::Coordinator).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    app.state.store.add_member(program, amb, 0).await.unwrap();
    let page = app
        .get(&format!("/app/programs/{program}/health"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Nothing was planned in the last 30 days"), "{page}");
    let now = ambasada_server::now();
    let input = ambasada_store::calendar::SlotInput {
        program_id: program,
        content_id: None,
        topic: Some("Our team".into()),
        network: ambasada_core::Network::Linkedin,
        starts_at: now - 5 * DAY,
        ends_at: now - 4 * DAY,
        audience: "program".into(),
        team_id: None,
        spread: false,
    };
    app.state
        .store
        .create_slot(&input, &[(amb, now - 5 * DAY, now - 4 * DAY)], coord, now - 6 * DAY)
        .await
        .unwrap();
    let page = app
        .get(&format!("/app/programs/{program}/health"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Only 0% of the planned posts"), "{page}");
    // A plan realisation goal has data now.
    let today = jiff::Zoned::now().date();
    let (start, end) = (
        (today - jiff::Span::new().days(20)).to_string(),
        (today + jiff::Span::new().days(20)).to_string(),
    );
    let res = app
        .post_form(
            &format!("/app/programs/{program}/goals"),
            &[
                ("metric", "plan_realisation"),
                ("target", "80%"),
                ("start", &start),
                ("end", &end),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get(&format!("/app/programs/{program}")).await.text().await.unwrap();
    assert!(!page.contains("No data yet"), "{page}");
}
story!(plan_realisation_feeds_the_goal_and_the_health_check);

async fn the_demo_has_a_month_of_plan_and_notifications_for_every_role(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let id_of = async |email: &str| {
        store
            .user_by_email(&ambasada_core::Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap()
            .id
    };
    for (email, ..) in ambasada_server::demo::DEMO_LOGINS {
        let unread = store.unread_notifications(id_of(email).await).await.unwrap();
        assert!(unread > 0, "{email} has notifications waiting");
    }
    let now = ambasada_server::now();
    let zofia = id_of("ambasador@demo.example").await;
    let today = store.plan_of(zofia, now - DAY, now + DAY).await.unwrap();
    assert!(
        today
            .iter()
            .any(|p| p.status == "planned" && p.starts_at <= now && now <= p.ends_at),
        "a post due today for the demo ambassador: {today:?}"
    );
    // Three weeks back: done and missed; ahead: planned and spread.
    let past = store.program_plan(None, now - 30 * DAY, now).await.unwrap();
    assert!(past.iter().any(|p| p.status == "done"));
    assert!(past.iter().any(|p| p.status == "missed"));
    assert!(past.iter().any(|p| p.status == "skipped"));
    let ahead = store.program_plan(None, now + DAY, now + 30 * DAY).await.unwrap();
    let days: std::collections::BTreeSet<i64> = ahead.iter().map(|p| p.starts_at / DAY).collect();
    assert!(days.len() >= 5, "spread over several days: {days:?}");
}
story!(the_demo_has_a_month_of_plan_and_notifications_for_every_role);

async fn review_findings_feeds_follow_the_coordinator_dates_stay_sane_and_leavers_lose_open_posts(app: &TestApp) {
    use ambasada_core::calendar::feeds::FeedOwner;
    let coord = app.login_as(Role::Coordinator).await;
    let next = app.create_user("next@test.example", &[Role::Coordinator]).await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;
    app.state.store.add_member(program, amb, 0).await.unwrap();

    // The program's feed URL stops when the program gets another coordinator.
    let url = ambasada_server::calendar::feeds::feed_url(&app.state, FeedOwner::Program, program)
        .await
        .unwrap();
    let path = url.trim_start_matches(&app.state.config.base_url).to_string();
    assert_eq!(app.get(&path).await.status(), 200);
    set_coordinator(app, program, next).await;
    assert_eq!(app.get(&path).await.status(), 404, "the old coordinator's URL is dead");
    set_coordinator(app, program, coord).await;

    // Dates far out of range are refused, never a 500.
    assert_eq!(app.get("/app/calendar?date=9999-12-31").await.status(), 200);
    assert_eq!(
        app.get("/app/calendar?date=-009999-01-05&view=week").await.status(),
        200
    );
    let page = app
        .get(&format!(
            "/app/programs/{program}/realisation?from=9999-12-01&to=9999-12-31"
        ))
        .await;
    assert_eq!(page.status(), 200);
    let co = token(
        app,
        coord,
        &[Scope::ReportsRead, Scope::CalendarWrite, Scope::ContentRead],
    )
    .await;
    let c = client();
    for q in [
        "/api/v1/calendar?from=9999-12-30&to=9999-12-31",
        "/api/v1/programs/{p}/realisation?from=9999-01-01&to=9999-12-31",
    ] {
        let res = c
            .get(app.url(&q.replace("{p}", &program.to_string())))
            .bearer_auth(&co)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{q}");
    }
    let now = ambasada_server::now();
    let far = serde_json::json!({
        "topic": "Far", "network": "linkedin",
        "starts_at": rfc(now + 900 * DAY), "ends_at": rfc(now + 901 * DAY),
    });
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&far)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);

    // An item that starts next week cannot be planned for this week.
    let item_id = crate::common::approved_item(
        app,
        coord,
        &ContentInput {
            title: "Later".into(),
            category: "product".into(),
            target_url: "https://www.example.com/later".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: now + 7 * DAY,
            expires_at: None,
            texts: vec![("linkedin".into(), "Soon.".into())],
            program_ids: vec![],
            team_ids: vec![],
        },
    )
    .await;
    let early = serde_json::json!({
        "content_id": item_id, "network": "linkedin",
        "starts_at": rfc(now + HOUR), "ends_at": rfc(now + DAY),
    });
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&early)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["errors"]["starts_at"]
            .as_str()
            .unwrap()
            .contains("available only from"),
        "{problem}"
    );

    // Someone who leaves the program loses their open planned posts, not the decided ones.
    let body = serde_json::json!({
        "topic": "Our team", "network": "linkedin",
        "starts_at": rfc(now + HOUR), "ends_at": rfc(now + DAY),
    });
    let res = c
        .post(app.url(&format!("/api/v1/programs/{program}/calendar")))
        .bearer_auth(&co)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(app.state.store.plan_of(amb, now, now + 2 * DAY).await.unwrap().len(), 1);
    assert!(app.state.store.remove_member(program, amb, now).await.unwrap());
    assert!(
        app.state
            .store
            .plan_of(amb, now, now + 2 * DAY)
            .await
            .unwrap()
            .is_empty()
    );
}
story!(review_findings_feeds_follow_the_coordinator_dates_stay_sane_and_leavers_lose_open_posts);

/// Makes `coordinator` the program's coordinator, keeping everything else.
async fn set_coordinator(app: &TestApp, program: i64, coordinator: i64) {
    let p = app.state.store.program(program).await.unwrap().unwrap();
    let input = ambasada_store::programs::ProgramInput {
        name: p.name,
        slug: p.slug,
        description: p.description,
        coordinator_id: Some(coordinator),
        daily_share_limit: p.daily_share_limit,
        review_cadence: p.review_cadence,
    };
    app.state.store.update_program(program, &input).await.unwrap();
}
