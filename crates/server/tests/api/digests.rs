//! Email digests: sent once at the person's local hour with what is due, nothing when
//! there is nothing to say, exactly once per period with two servers ticking at once,
//! preferences from the profile, and the unsubscribe link that works without a session.
//!
//! The job's tick is called with a chosen `now`, weeks ahead of the real time, so the
//! background job of the running server (ticking at the real time) sees nothing due for
//! the people made here and the tests need no waiting.

use crate::common::{TestApp, client, extract_csrf, link_in};
use crate::story;
use ambasada_core::{DAY, HOUR, Locale, MINUTE, Millis, Network, Role};
use ambasada_server::AppState;
use ambasada_server::digests::tick;
use ambasada_store::calendar::SlotInput;
use ambasada_store::content::ContentInput;
use ambasada_store::outbox::OutboxMessage;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

/// A Monday at least three weeks ahead, in Warsaw (every test person's time zone).
fn a_monday() -> Date {
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    let mut d = jiff::Timestamp::now().to_zoned(tz).date() + jiff::Span::new().days(21);
    while d.weekday() != Weekday::Monday {
        d = d.tomorrow().unwrap();
    }
    d
}

/// `days` after `monday`, at `h:m` in Warsaw.
fn at(monday: Date, days: i64, h: i8, m: i8) -> Millis {
    let tz = TimeZone::get("Europe/Warsaw").unwrap();
    (monday + jiff::Span::new().days(days))
        .at(h, m, 0, 0)
        .to_zoned(tz)
        .unwrap()
        .timestamp()
        .as_millisecond()
}

async fn plan(app: &TestApp, program: i64, user: i64, topic: &str, starts_at: Millis, ends_at: Millis) -> i64 {
    let slot = SlotInput {
        program_id: program,
        content_id: None,
        topic: Some(topic.into()),
        network: Network::Linkedin,
        starts_at,
        ends_at,
        audience: "people".into(),
        team_id: None,
        spread: false,
    };
    let store = &app.state.store;
    let slot_id = store
        .create_slot(&slot, &[(user, starts_at, ends_at)], user, ambasada_server::now())
        .await
        .unwrap();
    store.slot_posts(slot_id).await.unwrap()[0].id
}

/// A published item in `program`'s feed.
async fn item(
    app: &TestApp,
    author: i64,
    program: i64,
    title: &str,
    starts_at: Millis,
    expires_at: Option<Millis>,
) -> i64 {
    app.state
        .store
        .create_content(
            &ContentInput {
                title: title.into(),
                category: "company_life".into(),
                target_url: "https://example.com/a".into(),
                image_file: None,
                hashtags: String::new(),
                language: "pl".into(),
                starts_at,
                expires_at,
                texts: vec![],
                program_ids: vec![program],
                team_ids: vec![],
            },
            author,
            "published",
            starts_at,
        )
        .await
        .unwrap()
}

/// The digests queued for `email`, oldest first.
async fn digests(app: &TestApp, email: &str) -> Vec<OutboxMessage> {
    let (rows, _) = app.state.store.outbox(None, 10_000, 0).await.unwrap();
    let mut mine: Vec<OutboxMessage> = rows
        .into_iter()
        .filter(|m| m.kind == "digest" && m.to_addr == email)
        .collect();
    mine.reverse();
    mine
}

async fn ticks(state: &AppState, now: Millis) -> usize {
    tick(state, now).await.expect("the digest tick runs")
}

async fn a_digest_goes_out_once_at_the_local_hour_with_what_is_due(app: &TestApp) {
    let store = &app.state.store;
    let anna = app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let piotr = app.create_user("piotr@test.example", &[Role::Ambassador]).await;
    store.set_locale(piotr, Locale::Pl, 0).await.unwrap();
    let editor = app.create_user("ed@test.example", &[Role::Editor]).await;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let p = app.create_program("Employer branding", "eb", Some(coord)).await;
    store.add_member(p, anna, 0).await.unwrap();
    store.add_member(p, piotr, 0).await.unwrap();
    let mon = a_monday();
    let nine = at(mon, 0, 9, 0);
    let post = plan(app, p, anna, "Pierwszy tydzień", at(mon, 0, 10, 0), at(mon, 0, 12, 0)).await;
    plan(app, p, piotr, "Temat 1", at(mon, 0, 10, 0), at(mon, 0, 12, 0)).await;
    plan(app, p, piotr, "Temat 2", at(mon, 0, 13, 0), at(mon, 0, 15, 0)).await;
    let fresh = item(app, editor, p, "Nowa oferta", nine - HOUR, None).await;
    let expiring = item(app, editor, p, "Dzień otwarty", nine - 3 * DAY, Some(nine + DAY)).await;
    let old = item(app, editor, p, "Stara treść", nine - 20 * DAY, None).await;

    assert_eq!(ticks(&app.state, nine - MINUTE).await, 0, "8:59 in Warsaw: not yet");
    assert!(digests(app, "anna@test.example").await.is_empty());
    assert_eq!(ticks(&app.state, nine).await, 2, "9:00: Anna and Piotr");
    let sent = digests(app, "anna@test.example").await;
    assert_eq!(sent.len(), 1);
    let (subject, body) = (&sent[0].subject, &sent[0].body_text);
    assert_eq!(subject, "Your Ambasada digest for today");
    let base = &app.address;
    for expected in [
        "Hi Test,".to_string(),
        "You have 1 planned post today:".into(),
        "10:00–12:00 · LinkedIn: Pierwszy tydzień".into(),
        format!("{base}/app/plan/{post}/open"),
        "1 new item to share:".into(),
        format!("- Nowa oferta\n  {base}/app/feed/{fresh}"),
        "1 item expires soon – share it while you can:".into(),
        format!("{base}/app/feed/{expiring}"),
        format!("{base}/unsubscribe/{anna}."),
        format!("{base}/app/profile#digest"),
    ] {
        assert!(body.contains(&expected), "{expected:?} not in:\n{body}");
    }
    assert!(!body.contains(&format!("/app/feed/{old}")), "old content is not new");
    // In Polish, with Polish plural forms.
    let pl = digests(app, "piotr@test.example").await;
    assert_eq!(pl.len(), 1);
    assert_eq!(pl[0].subject, "Twój przegląd na dziś w Ambasadzie");
    assert!(
        pl[0].body_text.contains("Na dziś masz 2 zaplanowane posty:"),
        "{}",
        pl[0].body_text
    );
    assert!(pl[0].body_text.contains("1 nowa treść do udostępnienia:"));
    // Editors have no feed and no plan: nothing to say.
    assert!(digests(app, "ed@test.example").await.is_empty());

    // Later the same day, and again: the period is taken.
    for later in [nine + MINUTE, nine + 6 * HOUR, at(mon, 0, 23, 59)] {
        assert_eq!(ticks(&app.state, later).await, 0);
    }
    assert_eq!(digests(app, "anna@test.example").await.len(), 1, "not twice");
    // Tuesday: the post was Monday's, nothing is new and the item expires at 9:00.
    assert_eq!(ticks(&app.state, at(mon, 1, 9, 0)).await, 0, "nothing to say");
    assert_eq!(digests(app, "anna@test.example").await.len(), 1);
}
story!(a_digest_goes_out_once_at_the_local_hour_with_what_is_due);

async fn nothing_to_say_sends_nothing(app: &TestApp) {
    let store = &app.state.store;
    let anna = app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("EB", "eb", None).await;
    store.add_member(p, anna, 0).await.unwrap();
    let mon = a_monday();
    assert_eq!(ticks(&app.state, at(mon, 0, 9, 0)).await, 0);
    assert!(digests(app, "anna@test.example").await.is_empty());
    // Planned during the day: Monday's digest was decided at 9:00 and stays unsent (the
    // in-app notifications tell about it); Tuesday's lists Tuesday's post.
    plan(app, p, anna, "Po południu", at(mon, 0, 15, 0), at(mon, 0, 16, 0)).await;
    let tue = plan(app, p, anna, "Wtorek", at(mon, 1, 10, 0), at(mon, 1, 11, 0)).await;
    assert_eq!(ticks(&app.state, at(mon, 0, 11, 0)).await, 0);
    assert_eq!(ticks(&app.state, at(mon, 1, 9, 0)).await, 1);
    let sent = digests(app, "anna@test.example").await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].body_text.contains(&format!("/app/plan/{tue}/open")));
    // Saturday is not a working day: no digest even with a post that day.
    plan(app, p, anna, "Sobota", at(mon, 5, 10, 0), at(mon, 5, 11, 0)).await;
    assert_eq!(ticks(&app.state, at(mon, 5, 9, 0)).await, 0);
}
story!(nothing_to_say_sends_nothing);

async fn the_profile_sets_the_digest_schedule(app: &TestApp) {
    let store = &app.state.store;
    let me = app.login_as(Role::Ambassador).await;
    let p = app.create_program("EB", "eb", None).await;
    store.add_member(p, me, 0).await.unwrap();
    let page = app.get("/app/profile").await.text().await.unwrap();
    assert!(page.contains("id=\"digest\""));
    assert!(page.contains("value=\"daily\" checked"), "daily by default");
    for d in ["mon", "tue", "wed", "thu", "fri"] {
        assert!(page.contains(&format!("value=\"{d}\" checked")), "{d} by default");
    }
    assert!(!page.contains("value=\"sat\" checked"));
    assert!(page.contains("<option value=\"9\" selected>"), "9:00 by default");

    let res = app
        .post_form(
            "/app/profile/digest",
            &[("frequency", "daily"), ("hour", "24"), ("weekdays", "wed")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Choose a full hour from 0 to 23."));
    assert!(
        body.contains("value=\"wed\" checked") && !body.contains("value=\"mon\" checked"),
        "input kept"
    );
    let res = app
        .post_form("/app/profile/digest", &[("frequency", "daily"), ("hour", "8")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Choose at least one day."));
    let res = app
        .post_form(
            "/app/profile/digest",
            &[("frequency", "hourly"), ("hour", "8"), ("weekdays", "mon")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(store.digest_settings(me).await.unwrap().is_none(), "nothing saved");

    let res = app
        .post_form(
            "/app/profile/digest",
            &[
                ("frequency", "weekly"),
                ("hour", "7"),
                ("weekdays", "wed"),
                ("weekdays", "fri"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/app/profile#digest");
    let s = store.digest_settings(me).await.unwrap().unwrap();
    assert_eq!((s.frequency.as_str(), s.hour, s.weekdays), ("weekly", 7, 0b1_0100));

    let mon = a_monday();
    let thu = plan(app, p, me, "Czwartek", at(mon, 3, 10, 0), at(mon, 3, 12, 0)).await;
    assert_eq!(ticks(&app.state, at(mon, 0, 9, 0)).await, 0, "not Monday");
    assert_eq!(ticks(&app.state, at(mon, 2, 6, 59)).await, 0, "Wednesday, before 7:00");
    assert_eq!(ticks(&app.state, at(mon, 2, 7, 0)).await, 1, "Wednesday 7:00");
    let sent = digests(app, "ambassador@test.example").await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].subject, "Your Ambasada digest for this week");
    assert!(sent[0].body_text.contains("You have 1 planned post this week:"));
    assert!(sent[0].body_text.contains(&format!("/app/plan/{thu}/open")));
    assert_eq!(ticks(&app.state, at(mon, 4, 7, 0)).await, 0, "one per week");

    // Off: nothing the next week, though a post is due.
    let res = app
        .post_form("/app/profile/digest", &[("frequency", "off"), ("hour", "7")])
        .await;
    assert_eq!(res.status(), 303);
    plan(app, p, me, "Za tydzień", at(mon, 9, 10, 0), at(mon, 9, 12, 0)).await;
    assert_eq!(ticks(&app.state, at(mon, 9, 7, 0)).await, 0);
    assert_eq!(digests(app, "ambassador@test.example").await.len(), 1);
}
story!(the_profile_sets_the_digest_schedule);

async fn two_servers_send_each_digest_exactly_once(app: &TestApp) {
    let store = &app.state.store;
    // A second server process on the same database: its own state and connection pool.
    let second = AppState::start(app.state.config.clone())
        .await
        .expect("second server starts");
    let p = app.create_program("EB", "eb", None).await;
    let mon = a_monday();
    let mut people = Vec::new();
    for i in 0..8 {
        let email = format!("amb{i}@test.example");
        let id = app.create_user(&email, &[Role::Ambassador]).await;
        store.add_member(p, id, 0).await.unwrap();
        for day in 0..5 {
            plan(
                app,
                p,
                id,
                &format!("Dzień {day}"),
                at(mon, day, 10, 0),
                at(mon, day, 11, 0),
            )
            .await;
        }
        people.push(email);
    }
    for day in 0..5 {
        let mut sent = 0;
        // Both servers tick at 9:00 and again at each following minute, at once.
        for minute in 0..3 {
            let now = at(mon, day, 9, minute);
            let (a, b) = tokio::join!(ticks(&app.state, now), ticks(&second, now));
            sent += a + b;
        }
        assert_eq!(sent, people.len(), "day {day}: one digest per person");
    }
    for email in &people {
        let mine = digests(app, email).await;
        assert_eq!(mine.len(), 5, "{email}: one per working day");
        for (day, m) in mine.iter().enumerate() {
            assert!(m.body_text.contains(&format!("Dzień {day}")), "{email}, day {day}");
        }
    }
    second.store.close().await;
}
story!(two_servers_send_each_digest_exactly_once);

async fn the_unsubscribe_link_works_without_a_session_and_turns_digests_off(app: &TestApp) {
    let store = &app.state.store;
    let anna = app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let other = app.create_user("ola@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("EB", "eb", None).await;
    store.add_member(p, anna, 0).await.unwrap();
    let mon = a_monday();
    plan(app, p, anna, "Poniedziałek", at(mon, 0, 10, 0), at(mon, 0, 11, 0)).await;
    plan(app, p, anna, "Wtorek", at(mon, 1, 10, 0), at(mon, 1, 11, 0)).await;
    assert_eq!(ticks(&app.state, at(mon, 0, 9, 0)).await, 1);
    let body = digests(app, "anna@test.example").await[0].body_text.clone();
    let link = link_in(&body, &format!("{}/unsubscribe/", app.address)).expect("an unsubscribe link");
    let token = link.rsplit('/').next().unwrap().to_string();

    // A visitor with no session: the link shows a confirmation, and changes nothing.
    let visitor = client();
    let page = visitor.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Stop sending email digests to a…@test.example?"),
        "{html}"
    );
    assert!(
        store.digest_settings(anna).await.unwrap().is_none(),
        "a GET changes nothing"
    );
    let csrf = extract_csrf(&html).unwrap();
    // Without the form's CSRF token the POST is refused.
    let res = visitor.post(&link).form(&[("x", "y")]).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(store.digest_settings(anna).await.unwrap().is_none());
    // The button: one click, no login.
    let res = visitor
        .post(&link)
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], format!("/unsubscribe/{token}"));
    let s = store.digest_settings(anna).await.unwrap().unwrap();
    assert_eq!((s.frequency.as_str(), s.hour, s.weekdays), ("off", 9, 0b1_1111));
    let after = visitor.get(&link).send().await.unwrap().text().await.unwrap();
    assert!(after.contains("Digests to a…@test.example are off."), "{after}");
    assert_eq!(ticks(&app.state, at(mon, 1, 9, 0)).await, 0, "no digest once off");
    assert_eq!(digests(app, "anna@test.example").await.len(), 1);

    // A tampered token, another person's id with Anna's signature, or garbage: 404.
    let mut tampered = token.clone().into_bytes();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let foreign = token.replacen(&format!("{anna}."), &format!("{other}."), 1);
    for bad in [tampered.as_str(), foreign.as_str(), "nonsense", "1.abc"] {
        let url = app.url(&format!("/unsubscribe/{bad}"));
        assert_eq!(visitor.get(&url).send().await.unwrap().status(), 404, "GET {bad}");
        let res = visitor
            .post(&url)
            .form(&[("csrf_token", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "POST {bad}");
    }
    assert!(store.digest_settings(other).await.unwrap().is_none(), "Ola untouched");
}
story!(the_unsubscribe_link_works_without_a_session_and_turns_digests_off);
