//! iCalendar feeds of the plan: a person's and a program's, read by an independent
//! parser (the `ical` crate) and checked byte by byte against RFC 5545's line rules;
//! revoked, foreign, tampered and malformed URLs answer a plain 404.

use crate::common::{TestApp, client};
use crate::story;
use ambasada_core::calendar::feeds::FeedOwner;
use ambasada_core::{DAY, HOUR, Millis, Network, Role};
use ambasada_server::auth;
use ambasada_server::calendar::feeds::feed_url;
use ambasada_store::calendar::SlotInput;
use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;

/// Plans one post for `user` in `program` and returns the planned post's id.
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
    let now = ambasada_server::now();
    let slot_id = store
        .create_slot(&slot, &[(user, starts_at, ends_at)], user, now)
        .await
        .unwrap();
    store.slot_posts(slot_id).await.unwrap()[0].id
}

/// The next whole hour plus `offset`.
fn hour_from_now(offset: Millis) -> Millis {
    let now = ambasada_server::now();
    now - now.rem_euclid(HOUR) + HOUR + offset
}

/// `20270115T080000Z`.
fn utc(millis: Millis) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .unwrap()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Fetches a feed without any cookie or session, as a calendar app does.
async fn fetch(url: &str) -> reqwest::Response {
    client().get(url).send().await.unwrap()
}

/// Checks a feed's raw bytes against RFC 5545 3.1 (CRLF line ends, lines of at most 75
/// octets) and parses it with the independent parser: exactly one calendar.
fn parse(bytes: &[u8]) -> IcalCalendar {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let body = text.strip_suffix("\r\n").expect("the feed ends with CRLF");
    for (i, line) in body.split("\r\n").enumerate() {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {i} has a bare CR or LF: {line:?}"
        );
        assert!(line.len() <= 75, "line {i} has {} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "line {i} is empty");
    }
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes));
    let cal = calendars.next().expect("a calendar").expect("the feed parses");
    assert!(calendars.next().is_none(), "one calendar");
    cal
}

fn prop<'a>(props: &'a [Property], name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

fn uid(props: &[Property]) -> &str {
    prop(props, "UID").expect("UID")
}

/// The token in a feed URL, and the URL with another token.
fn token_of(url: &str) -> &str {
    let file = url.rsplit('/').next().unwrap();
    file.strip_suffix(".ics").unwrap()
}

/// The feed URL shown on a page (`<code ... id="calendar-url">URL</code>`).
fn url_on_page(html: &str) -> String {
    let marker = "id=\"calendar-url\">";
    let start = html.find(marker).expect("the page shows a feed URL") + marker.len();
    let end = start + html[start..].find("</code>").unwrap();
    html[start..end].to_string()
}

async fn assert_plain_404(url: &str, what: &str) {
    let res = fetch(url).await;
    assert_eq!(res.status(), 404, "{what}: {url}");
    let ct = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("text/plain"), "{what}: plain, not a page ({ct})");
    let body = res.text().await.unwrap();
    assert!(!body.contains("<html") && !body.contains("login"), "{what}: {body}");
}

async fn a_persons_plan_is_an_icalendar_feed_with_one_event_per_planned_post(app: &TestApp) {
    let store = &app.state.store;
    let amb = app.create_user("anna@test.example", &[Role::Ambassador]).await;
    let other = app.create_user("ola@test.example", &[Role::Ambassador]).await;
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let p = app.create_program("Employer branding", "eb", Some(coord)).await;
    store.add_member(p, amb, 0).await.unwrap();
    store.add_member(p, other, 0).await.unwrap();
    // A long topic with Polish letters, commas and semicolons: folded and escaped.
    let topic = "Pierwszy tydzień w zespole, czyli jak wygląda praca; kawa, ludzie i zażółć gęślą \
                 jaźń – temat na tyle długi, że linia SUMMARY musi zostać złożona kilka razy";
    let start = hour_from_now(DAY);
    let due = plan(app, p, amb, topic, start, start + 8 * HOUR).await;
    let old = plan(app, p, amb, "Minione", start - 11 * DAY, start - 10 * DAY).await;
    store.mark_missed(ambasada_server::now()).await.unwrap();
    let skipped = plan(app, p, amb, "Pominięte", start + DAY, start + DAY + HOUR).await;
    store
        .skip_post(skipped, amb, "urlop", ambasada_server::now())
        .await
        .unwrap();
    let far = plan(app, p, amb, "Za daleko", start + 100 * DAY, start + 100 * DAY + HOUR).await;
    let not_mine = plan(app, p, other, "Cudze", start, start + HOUR).await;

    // The URL comes from GET /api/v1/me, absolute.
    let secret = "amb_feeds_test_token";
    store
        .create_api_token(amb, "cal", &auth::hash_token(secret), &[], 0)
        .await
        .unwrap();
    let me: serde_json::Value = client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = me["calendar_url"].as_str().expect("calendar_url in /me").to_string();
    assert!(
        url.starts_with(&format!("{}/cal/u{amb}-", app.address)) && url.ends_with(".ics"),
        "{url}"
    );

    let res = fetch(&url).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/calendar; charset=utf-8");
    let cache = res.headers()["cache-control"].to_str().unwrap().to_string();
    assert!(cache.contains("private") && cache.contains("no-store"), "{cache}");
    assert!(res.headers().get("set-cookie").is_none(), "no cookie for calendar apps");
    let bytes = res.bytes().await.unwrap();
    let cal = parse(&bytes);
    assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));
    assert!(prop(&cal.properties, "PRODID").is_some_and(|p| p.contains("Ambasada")));
    assert!(cal.timezones.is_empty(), "times are UTC: no VTIMEZONE needed");

    // One event per planned post in range: not the skipped, the far or another's.
    let uids: Vec<&str> = cal.events.iter().map(|e| uid(&e.properties)).collect();
    let host = "127.0.0.1";
    let mut expected = vec![
        format!("planned-post-{due}@{host}"),
        format!("planned-post-{old}@{host}"),
    ];
    expected.sort();
    let mut got: Vec<String> = uids.iter().map(|s| s.to_string()).collect();
    got.sort();
    assert_eq!(got, expected);
    for id in [skipped, far, not_mine] {
        assert!(!uids.contains(&format!("planned-post-{id}@{host}").as_str()), "{id}");
    }

    let e = cal
        .events
        .iter()
        .find(|e| uid(&e.properties) == format!("planned-post-{due}@{host}"))
        .unwrap();
    let p = &e.properties;
    assert_eq!(prop(p, "DTSTART"), Some(utc(start).as_str()));
    assert_eq!(prop(p, "DTEND"), Some(utc(start + 8 * HOUR).as_str()));
    let stamp = prop(p, "DTSTAMP").expect("DTSTAMP");
    assert!(stamp.len() == 16 && stamp.ends_with('Z'), "{stamp}");
    assert_eq!(
        prop(p, "URL"),
        Some(format!("{}/app/plan/{due}/open", app.address).as_str())
    );
    // The parser unfolds but leaves TEXT escaped.
    let escaped = topic.replace(',', "\\,").replace(';', "\\;");
    assert_eq!(
        prop(p, "SUMMARY"),
        Some(format!("Planned post – LinkedIn: {escaped}").as_str()),
        "in the owner's language (English)"
    );
    assert!(prop(p, "DESCRIPTION").unwrap().contains("to publish"));
    assert_eq!(e.alarms.len(), 1, "one VALARM");
    let a = &e.alarms[0].properties;
    assert_eq!(prop(a, "ACTION"), Some("DISPLAY"));
    assert_eq!(prop(a, "TRIGGER"), Some("-PT30M"));
    assert!(prop(a, "DESCRIPTION").is_some());
    assert!(prop(a, "DTSTAMP").is_none() && prop(a, "UID").is_none());
    let missed = cal
        .events
        .iter()
        .find(|e| uid(&e.properties) == format!("planned-post-{old}@{host}"))
        .unwrap();
    assert!(prop(&missed.properties, "DESCRIPTION").unwrap().contains("missed"));

    // A second fetch gives the same events with the same UIDs.
    let again = parse(&fetch(&url).await.bytes().await.unwrap());
    let mut again_uids: Vec<String> = again.events.iter().map(|e| uid(&e.properties).to_string()).collect();
    again_uids.sort();
    assert_eq!(again_uids, expected);

    // Polish for a Polish owner.
    store
        .set_locale(amb, ambasada_core::Locale::Pl, ambasada_server::now())
        .await
        .unwrap();
    let pl = String::from_utf8(fetch(&url).await.bytes().await.unwrap().to_vec()).unwrap();
    assert!(pl.contains("SUMMARY:Zaplanowany post – LinkedIn: Pierwszy"), "{pl}");
}
story!(a_persons_plan_is_an_icalendar_feed_with_one_event_per_planned_post);

async fn revoked_foreign_tampered_and_malformed_feed_urls_answer_a_plain_404(app: &TestApp) {
    let store = &app.state.store;
    let amb = app.login_as(Role::Ambassador).await;
    let other = app.create_user("ola@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("EB", "eb", None).await;
    store.add_member(p, amb, 0).await.unwrap();
    store.add_member(p, other, 0).await.unwrap();
    let start = hour_from_now(DAY);
    let mine = plan(app, p, amb, "Moje", start, start + HOUR).await;

    let profile = app.get("/app/profile").await.text().await.unwrap();
    let url = url_on_page(&profile);
    assert!(url.starts_with(&format!("{}/cal/u{amb}-1-", app.address)), "{url}");
    assert_eq!(fetch(&url).await.status(), 200);

    // Tampered: one character of the signature changed.
    let mut tampered = url.clone().into_bytes();
    let i = tampered.len() - ".ics".len() - 1;
    tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
    assert_plain_404(&String::from_utf8(tampered).unwrap(), "tampered").await;
    // Another person's token with my id in it, and my token with a raised version.
    let theirs = feed_url(&app.state, FeedOwner::User, other).await.unwrap();
    let their_tag = token_of(&theirs).splitn(3, '-').nth(2).unwrap();
    assert_plain_404(&app.url(&format!("/cal/u{amb}-1-{their_tag}.ics")), "foreign").await;
    let my_tag = token_of(&url).splitn(3, '-').nth(2).unwrap();
    assert_plain_404(&app.url(&format!("/cal/u{amb}-2-{my_tag}.ics")), "version").await;
    assert_plain_404(&app.url(&format!("/cal/p{amb}-1-{my_tag}.ics")), "owner").await;
    for bad in ["/cal/nonsense.ics", "/cal/u1-1-x.ics", "/cal/.ics", "/cal/u1"] {
        assert_plain_404(&app.url(bad), "malformed").await;
    }
    assert_plain_404(url.strip_suffix(".ics").unwrap(), "without .ics").await;
    // Their own URL shows their plan, not mine.
    let theirs_body = String::from_utf8(fetch(&theirs).await.bytes().await.unwrap().to_vec()).unwrap();
    assert!(!theirs_body.contains(&format!("planned-post-{mine}@")));

    // Revoking: the old URL stops working, the profile shows a new one that works.
    let res = app.post_form("/app/profile/calendar-feed/revoke", &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/app/profile#calendar-feed");
    assert_plain_404(&url, "revoked").await;
    let new_url = url_on_page(&app.get("/app/profile").await.text().await.unwrap());
    assert_ne!(new_url, url);
    let res = fetch(&new_url).await;
    assert_eq!(res.status(), 200);
    let body = String::from_utf8(res.bytes().await.unwrap().to_vec()).unwrap();
    assert!(body.contains(&format!("planned-post-{mine}@")));
    // A deactivated person's feed ends too.
    store.deactivate_user(amb, ambasada_server::now()).await.unwrap();
    assert_plain_404(&new_url, "deactivated").await;
    // The revoke form needs its CSRF token like any other.
    let res = client()
        .post(app.url("/app/profile/calendar-feed/revoke"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
story!(revoked_foreign_tampered_and_malformed_feed_urls_answer_a_plain_404);

async fn coordinators_get_a_feed_of_their_programs_plan(app: &TestApp) {
    let store = &app.state.store;
    let coord = app.login_as(Role::Coordinator).await;
    let p = app.create_program("Employer branding", "eb", Some(coord)).await;
    let x = app.create_user("xena@test.example", &[Role::Ambassador]).await;
    let y = app.create_user("yann@test.example", &[Role::Ambassador]).await;
    store.add_member(p, x, 0).await.unwrap();
    store.add_member(p, y, 0).await.unwrap();
    let start = hour_from_now(2 * DAY);
    let px = plan(app, p, x, "Targi pracy", start, start + 2 * HOUR).await;
    let py = plan(app, p, y, "Targi pracy", start + DAY, start + DAY + 2 * HOUR).await;
    let elsewhere = app.create_program("Inny", "inny", None).await;
    store.add_member(elsewhere, x, 0).await.unwrap();
    let not_here = plan(app, elsewhere, x, "Gdzie indziej", start, start + HOUR).await;

    let page = app.get(&format!("/app/programs/{p}")).await.text().await.unwrap();
    let url = url_on_page(&page);
    assert!(url.starts_with(&format!("{}/cal/p{p}-", app.address)), "{url}");
    let cal = parse(&fetch(&url).await.bytes().await.unwrap());
    let mut uids: Vec<String> = cal.events.iter().map(|e| uid(&e.properties).to_string()).collect();
    uids.sort();
    let mut expected = vec![
        format!("planned-post-{px}@127.0.0.1"),
        format!("planned-post-{py}@127.0.0.1"),
    ];
    expected.sort();
    assert_eq!(
        uids, expected,
        "every planned post of the program, no other ({not_here})"
    );
    let summaries: Vec<&str> = cal
        .events
        .iter()
        .map(|e| prop(&e.properties, "SUMMARY").unwrap())
        .collect();
    assert!(
        summaries.contains(&"Test xena – LinkedIn: Targi pracy"),
        "{summaries:?}"
    );
    assert!(
        prop(&cal.properties, "X-WR-CALNAME")
            .unwrap()
            .contains("Employer branding")
    );

    // Only the program's coordinator (or an admin) revokes it.
    let other_coord = app.other_client("inna@test.example", &[Role::Coordinator]).await;
    let other_page = other_coord
        .get(app.url(&format!("/app/programs/{p}")))
        .send()
        .await
        .unwrap();
    assert_eq!(other_page.status(), 403, "not their program");
    let amb = app.other_client("amb@test.example", &[Role::Ambassador]).await;
    for c in [&other_coord, &amb] {
        let page = c
            .get(app.url("/app/profile"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = crate::common::extract_csrf(&page).unwrap();
        let res = c
            .post(app.url(&format!("/app/programs/{p}/calendar-feed/revoke")))
            .form(&[("csrf_token", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
    assert_eq!(fetch(&url).await.status(), 200, "still valid");
    let res = app
        .post_form(&format!("/app/programs/{p}/calendar-feed/revoke"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_plain_404(&url, "revoked program feed").await;
    let new_url = url_on_page(&app.get(&format!("/app/programs/{p}")).await.text().await.unwrap());
    assert_ne!(new_url, url);
    assert_eq!(fetch(&new_url).await.status(), 200);
    // The person feeds are not touched by the program's revocation.
    let xs = feed_url(&app.state, FeedOwner::User, x).await.unwrap();
    assert_eq!(fetch(&xs).await.status(), 200);
}
story!(coordinators_get_a_feed_of_their_programs_plan);
