//! The program dashboard, its CSV files, the EMV rates form and the stats API (issue 14),
//! through the real router on both databases: a real share and a real click through
//! `/s/{code}`, then the numbers must show.

use crate::common::{TestApp, api_token, client, extract_csrf, wait_for};
use crate::story;
use ambasada_core::{Locale, Network, Role, Scope};
use ambasada_store::content::ContentInput;
use ambasada_store::content::sharing::NewShare;
use ambasada_store::people::NetworkProfile;
use serde_json::Value;

const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

struct World {
    program: i64,
    coordinator: i64,
    code: String,
}

/// The app's client logged in as the program's coordinator; an ambassador with 800
/// LinkedIn connections in the program, with a tracked link to an approved item.
async fn world(app: &TestApp) -> World {
    let store = &app.state.store;
    let coordinator = app.login_as(Role::Coordinator).await;
    let program = app
        .create_program("Employer branding", "employer-branding", Some(coordinator))
        .await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    store.add_member(program, amb, 0).await.unwrap();
    let profile = NetworkProfile {
        network: Network::Linkedin,
        profile_url: None,
        network_size: Some(800),
    };
    store.set_networks(amb, &[profile]).await.unwrap();
    let item = crate::common::approved_item(
        app,
        coordinator,
        &ContentInput {
            title: "Dołącz do zespołu w Łodzi".into(),
            category: "job_offer".into(),
            target_url: "https://kariera.example/oferta".into(),
            image_file: None,
            hashtags: String::new(),
            language: "pl".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "Szukamy ludzi".into())],
            program_ids: vec![program],
            team_ids: vec![],
        },
    )
    .await;
    let link = store
        .create_tracked_link(
            "DashCode01",
            amb,
            item,
            "linkedin",
            Some(program),
            "https://kariera.example/oferta",
            0,
        )
        .await
        .unwrap();
    World {
        program,
        coordinator,
        code: link.code,
    }
}

/// A share of the world's link now, and a human click on it.
async fn share_and_click(app: &TestApp, w: &World) {
    let link = app.state.store.tracked_link_by_code(&w.code).await.unwrap().unwrap();
    let share = NewShare {
        user_id: link.user_id,
        item_id: Some(link.item_id),
        link_id: Some(link.id),
        program_id: Some(w.program),
        network: "linkedin".into(),
        text: "Pracuję tu od trzech lat i polecam każdemu".into(),
        post_url: None,
        topic: None,
        personalisation: Some(800),
    };
    app.state
        .store
        .record_share(&share, ambasada_server::now())
        .await
        .unwrap();
    let res = client()
        .get(app.url(&format!("/s/{}", w.code)))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
}

/// The text of a headline number on the dashboard.
fn metric(body: &str, key: &str) -> Option<String> {
    let at = body.find(&format!("id=\"metric-{key}\""))?;
    let rest = &body[at..];
    let start = rest.find("<strong>")? + "<strong>".len();
    let end = rest[start..].find("</strong>")?;
    Some(rest[start..start + end].to_string())
}

async fn page(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn only_the_programs_coordinator_and_admins_see_its_reports(app: &TestApp) {
    let w = world(app).await;
    let dash = format!("/app/programs/{}/dashboard", w.program);
    let emv = format!("/app/programs/{}/emv", w.program);
    let csv = format!("/app/programs/{}/dashboard.csv?table=network", w.program);
    for path in [&dash, &emv, &csv] {
        assert_eq!(page(&app.client, app, path).await.0, 200, "{path}");
    }
    let ambassador = app.other_client("amb2@test.example", &[Role::Ambassador]).await;
    let other = app
        .other_client("koordynator2@test.example", &[Role::Coordinator])
        .await;
    for c in [&ambassador, &other] {
        for path in [&dash, &emv, &csv] {
            assert_eq!(page(c, app, path).await.0, 404, "{path}");
        }
    }
    assert_eq!(page(&other, app, "/app/programs/999999/dashboard").await.0, 404);
    let admin = app.other_client("admin2@test.example", &[Role::Admin]).await;
    for path in [&dash, &emv, &csv] {
        assert_eq!(page(&admin, app, path).await.0, 200, "{path}");
    }
    // The program page links to its dashboard.
    let (_, show) = page(&app.client, app, &format!("/app/programs/{}", w.program)).await;
    assert!(show.contains(&format!("href=\"/app/programs/{}/dashboard\"", w.program)));
    // The API: another coordinator's token sees no such program; no scope is a 403.
    let other_id = app
        .state
        .store
        .user_by_email(&ambasada_core::Email::parse("koordynator2@test.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let api = format!("/api/v1/programs/{}/stats?from=2026-01-01&to=2026-01-31", w.program);
    let other_token = api_token(app, other_id, &[Scope::ReportsRead]).await;
    let res = client()
        .get(app.url(&api))
        .bearer_auth(&other_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let no_scope = api_token(app, w.coordinator, &[Scope::ContentRead]).await;
    let res = client().get(app.url(&api)).bearer_auth(&no_scope).send().await.unwrap();
    assert_eq!(res.status(), 403);
}
story!(only_the_programs_coordinator_and_admins_see_its_reports);

async fn the_dashboard_shows_a_real_share_and_click_in_its_period(app: &TestApp) {
    let w = world(app).await;
    let dash = format!("/app/programs/{}/dashboard", w.program);
    let (status, empty) = page(&app.client, app, &dash).await;
    assert_eq!(status, 200);
    assert_eq!(metric(&empty, "shares").as_deref(), Some("0"));
    assert_eq!(metric(&empty, "participation").as_deref(), Some("0%"));
    share_and_click(app, &w).await;
    let body = wait_for("the click in the dashboard", async || {
        let (_, body) = page(&app.client, app, &dash).await;
        match metric(&body, "clicks").as_deref() {
            Some("1") => Ok(body),
            other => Err(format!("clicks {other:?}")),
        }
    })
    .await;
    assert_eq!(metric(&body, "shares").as_deref(), Some("1"));
    assert_eq!(metric(&body, "active").as_deref(), Some("1"));
    assert_eq!(metric(&body, "participation").as_deref(), Some("100%"));
    assert_eq!(metric(&body, "personalisation").as_deref(), Some("100%"));
    assert_eq!(metric(&body, "visitors").as_deref(), Some("1"));
    // 800 connections × 10 % = 80 people; 80 × 120 PLN / 1000 + 1 × 15 PLN = 24.60 PLN.
    assert_eq!(metric(&body, "reach").as_deref(), Some("80"));
    assert_eq!(metric(&body, "emv").as_deref(), Some("PLN\u{a0}24.60"));
    for section in [
        "table-trend",
        "table-network",
        "table-team",
        "table-item",
        "table-ambassador",
        "chart-shares",
    ] {
        assert!(body.contains(&format!("id=\"{section}\"")), "{section}");
    }
    assert!(
        body.contains("Dołącz do zespołu w Łodzi"),
        "the item is among the top content"
    );
    assert!(body.contains("Test amb"), "the ambassador is among the top ambassadors");
    assert!(body.contains("EMV = reach / 1000 × CPM + clicks × CPC"));
    assert!(body.contains("do not give the impressions of personal posts"));
    // Each table links to its CSV file of the same period (askama escapes the `&`).
    let csv_link = format!(
        "href=\"/app/programs/{}/dashboard.csv?table=headline&#38;period=this-month",
        w.program
    );
    assert!(body.contains(&csv_link), "{csv_link}");

    // Last month knows nothing of today; the last 12 months and today's custom day do.
    let (_, last) = page(&app.client, app, &format!("{dash}?period=last-month")).await;
    assert_eq!(metric(&last, "shares").as_deref(), Some("0"));
    assert!(last.contains("<option value=\"last-month\" selected>"));
    let (_, year) = page(&app.client, app, &format!("{dash}?period=12-months")).await;
    assert_eq!(metric(&year, "shares").as_deref(), Some("1"));
    let today = ambasada_core::reports::period::format_day(ambasada_core::tracking::day_number(ambasada_server::now()));
    let (status, day) = page(
        &app.client,
        app,
        &format!("{dash}?period=custom&from={today}&to={today}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(metric(&day, "clicks").as_deref(), Some("1"));
    assert!(day.contains("(1 day)"), "one day compared with the day before");
}
story!(the_dashboard_shows_a_real_share_and_click_in_its_period);

async fn a_bad_custom_period_is_shown_back_with_its_message(app: &TestApp) {
    let w = world(app).await;
    let dash = format!("/app/programs/{}/dashboard", w.program);
    let (status, body) = page(
        &app.client,
        app,
        &format!("{dash}?period=custom&from=2026-13-01&to=2026-01-31"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("value=\"2026-13-01\""), "what was typed stays");
    assert!(body.contains("id=\"from-error\""));
    assert!(body.contains("This is not a valid date"));
    assert!(body.contains("<option value=\"custom\" selected>"));
    assert!(
        metric(&body, "shares").is_none(),
        "no numbers for a period that is not one"
    );
    let (status, body) = page(
        &app.client,
        app,
        &format!("{dash}?period=custom&from=2026-02-10&to=2026-02-01"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"to-error\""));
    let (status, body) = page(&app.client, app, &format!("{dash}?period=fortnight")).await;
    assert_eq!(status, 422);
    assert!(body.contains("id=\"period-error\""));
    let csv = format!(
        "/app/programs/{}/dashboard.csv?table=network&period=custom&from=x&to=y",
        w.program
    );
    assert_eq!(page(&app.client, app, &csv).await.0, 400);
    let csv = format!("/app/programs/{}/dashboard.csv?table=secrets", w.program);
    assert_eq!(page(&app.client, app, &csv).await.0, 404);
}
story!(a_bad_custom_period_is_shown_back_with_its_message);

async fn csv_files_open_in_excel_with_polish_letters_and_the_readers_separator(app: &TestApp) {
    let w = world(app).await;
    share_and_click(app, &w).await;
    app.state.store.set_locale(w.coordinator, Locale::Pl, 0).await.unwrap();
    let path = format!("/app/programs/{}/dashboard.csv?table=item&period=this-month", w.program);
    let text = wait_for("the click in the item CSV", async || {
        let res = app.client.get(app.url(&path)).send().await.unwrap();
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a byte order mark");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        if text.contains("Dołącz do zespołu w Łodzi;1;1;1;") {
            Ok(text)
        } else {
            Err(text)
        }
    })
    .await;
    assert!(text.starts_with("Treść;Udostępnienia;"), "{text}");
    let res = app
        .client
        .get(app.url(&format!("/app/programs/{}/dashboard.csv?table=headline", w.program)))
        .send()
        .await
        .unwrap();
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("employer-branding-headline")
    );
    let text = res.text().await.unwrap();
    assert!(text.contains("Szacowany zasięg (szacunek);80;0;"), "{text}");
    assert!(text.contains("EMV (szacunek);24,60;0,00;"), "{text}");
    // English: commas.
    app.state.store.set_locale(w.coordinator, Locale::En, 0).await.unwrap();
    let text = page(
        &app.client,
        app,
        &format!("/app/programs/{}/dashboard.csv?table=network", w.program),
    )
    .await
    .1;
    assert!(text.contains("LinkedIn,1,1,1,1,0,1.00,80,24.60"), "{text}");
    let trend = page(
        &app.client,
        app,
        &format!("/app/programs/{}/dashboard.csv?table=trend", w.program),
    )
    .await
    .1;
    assert!(trend.lines().count() >= 2, "{trend}");
}
story!(csv_files_open_in_excel_with_polish_letters_and_the_readers_separator);

async fn the_stats_api_answers_numbers_previous_rows_and_csv(app: &TestApp) {
    let w = world(app).await;
    share_and_click(app, &w).await;
    let token = api_token(app, w.coordinator, &[Scope::ReportsRead]).await;
    let today = ambasada_core::reports::period::format_day(ambasada_core::tracking::day_number(ambasada_server::now()));
    let base = format!("/api/v1/programs/{}/stats?from={today}&to={today}", w.program);
    let get = |path: String, accept: &'static str| {
        let token = token.clone();
        async move {
            client()
                .get(app.url(&path))
                .bearer_auth(token)
                .header("accept", accept)
                .send()
                .await
                .unwrap()
        }
    };
    let body: Value = wait_for("the click in the stats", async || {
        let v: Value = get(base.clone(), "application/json").await.json().await.unwrap();
        if v["clicks"] == 1 { Ok(v) } else { Err(v.to_string()) }
    })
    .await;
    assert_eq!(body["from"], today.as_str());
    assert_eq!(body["to"], today.as_str());
    for (field, value) in [
        ("shares", 1),
        ("personalised_shares", 1),
        ("unique_visitors", 1),
        ("active_ambassadors", 1),
        ("enrolled", 1),
        ("applications", 0),
        ("hires", 0),
        ("reach_estimate", 80),
        ("conversions", 0),
    ] {
        assert_eq!(body[field], value, "{field}");
    }
    assert_eq!(body["participation_rate"], 1.0);
    assert_eq!(body["emv_estimate"], 24.6);
    assert_eq!(body["previous"]["shares"], 0);
    assert_eq!(body["previous"]["participation_rate"], 0.0);
    assert!(body.get("rows").is_none());

    let by: Value = get(format!("{base}&by=network"), "application/json")
        .await
        .json()
        .await
        .unwrap();
    let rows = by["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["key"], "linkedin");
    assert_eq!(rows[0]["label"], "LinkedIn");
    assert_eq!(
        (rows[0]["shares"].clone(), rows[0]["clicks"].clone()),
        (1.into(), 1.into())
    );
    let weeks: Value = get(format!("{base}&by=week"), "application/json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(weeks["rows"].as_array().unwrap().len(), 1);

    let res = get(format!("{base}&by=network"), "text/csv").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 5, "a header and one line per network: {text}");
    assert_eq!(
        lines[0],
        "key,label,shares,personalised_shares,clicks,unique_visitors,conversions"
    );
    assert_eq!(lines[1], "linkedin,LinkedIn,1,1,1,1,0");
    let text = get(base.clone(), "text/csv").await.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("from,to,participation_rate,"));

    let api = format!("/api/v1/programs/{}/stats", w.program);
    for (query, param) in [
        ("", "from"),
        ("?from=2026-01-01", "to"),
        ("?from=2026-01-01&to=31.01.2026", "to"),
        ("?from=2026-02-01&to=2026-01-01", "to"),
        ("?from=2026-01-01&to=2026-01-31&by=day", "by"),
    ] {
        let res = get(format!("{api}{query}"), "application/json").await;
        assert_eq!(res.status(), 422, "{query}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/problem+json")
        );
        let problem: Value = res.json().await.unwrap();
        assert!(problem["errors"][param].is_string(), "{query}: {problem}");
    }
    let admin = app.create_user("admin@test.example", &[Role::Admin]).await;
    let admin_token = api_token(app, admin, &[Scope::ReportsRead]).await;
    let res = client()
        .get(app.url(&base))
        .bearer_auth(admin_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
story!(the_stats_api_answers_numbers_previous_rows_and_csv);

async fn emv_rates_are_checked_per_field_and_the_dashboard_shows_the_new_ones(app: &TestApp) {
    let w = world(app).await;
    let emv = format!("/app/programs/{}/emv", w.program);
    let (status, form) = page(&app.client, app, &emv).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("name=\"linkedin_reach_factor\" value=\"10\""),
        "the default is filled in"
    );
    assert!(form.contains("Default: PLN\u{a0}120.00"));
    let token = extract_csrf(&form).unwrap();
    let mut fields: Vec<(&str, &str)> = vec![("csrf_token", &token)];
    let values = [
        ("linkedin_reach_factor", "25"),
        ("linkedin_cpm", "200"),
        ("linkedin_cpc", "2.50"),
        ("x_reach_factor", "150"),
        ("x_cpm", "abc"),
        ("x_cpc", "3"),
        ("facebook_reach_factor", "6"),
        ("facebook_cpm", "20"),
        ("facebook_cpc", "1.50"),
        ("xing_reach_factor", "8"),
        ("xing_cpm", "90"),
        ("xing_cpc", "100001"),
    ];
    fields.extend(values);
    let res = app.client.post(app.url(&emv)).form(&fields).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("name=\"x_reach_factor\" value=\"150\" inputmode=\"decimal\" aria-describedby=\"x_reach_factor-hint\" aria-invalid=\"true\""));
    assert!(body.contains("name=\"x_cpm\" value=\"abc\""));
    assert!(body.contains("Enter a percentage from 0 to 100"));
    assert!(body.contains("Enter an amount in PLN"));
    assert!(body.contains("Enter an amount from PLN 0 to PLN 100,000."));
    assert_eq!(
        app.state.store.emv_rates(w.program).await.unwrap()[0]
            .1
            .reach_factor_per_mille,
        100
    );
    // Without the CSRF token nothing is saved.
    let res = app.client.post(app.url(&emv)).form(&values).send().await.unwrap();
    assert_eq!(res.status(), 403);

    let mut good = values;
    good[3].1 = "15";
    good[4].1 = "25";
    good[11].1 = "10";
    let res = app.post_form(&emv, &good).await;
    assert_eq!(res.status(), 303);
    let rates = app.state.store.emv_rates(w.program).await.unwrap();
    assert_eq!(
        (
            rates[0].1.reach_factor_per_mille,
            rates[0].1.cpm_grosze,
            rates[0].1.cpc_grosze
        ),
        (250, 20_000, 250)
    );
    let audit = app.state.store.audit_recent(10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "program.emv_rates" && a.subject.contains("linkedin=250"))
    );

    share_and_click(app, &w).await;
    let body = wait_for("the click in the dashboard", async || {
        let (_, body) = page(&app.client, app, &format!("/app/programs/{}/dashboard", w.program)).await;
        if metric(&body, "clicks").as_deref() == Some("1") {
            Ok(body)
        } else {
            Err("no click yet".into())
        }
    })
    .await;
    let formula = &body[body.find("id=\"emv-formula\"").unwrap()..];
    assert!(formula.contains("<td>LinkedIn</td>"));
    assert!(formula.contains("25%") && formula.contains("PLN\u{a0}200.00") && formula.contains("PLN\u{a0}2.50"));
    // 800 × 25 % = 200 people; 200 × 200 PLN / 1000 + 1 × 2.50 PLN = 42.50 PLN.
    assert_eq!(metric(&body, "reach").as_deref(), Some("200"));
    assert_eq!(metric(&body, "emv").as_deref(), Some("PLN\u{a0}42.50"));
}
story!(emv_rates_are_checked_per_field_and_the_dashboard_shows_the_new_ones);
