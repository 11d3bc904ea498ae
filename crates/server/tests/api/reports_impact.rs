//! An ambassador's "my impact" and content performance (C11) through the real router on
//! both databases: real shares (the share button and its confirmation) and real clicks
//! (`GET /s/{code}` with a browser's User-Agent), read back from the roll-ups.

use crate::common::{PASSWORD, TestApp, approved_item, client};
use crate::story;
use ambasada_core::Role;
use ambasada_store::content::ContentInput;

const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const BOT: &str = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";
const LINKEDIN_TEXT: &str = "We are hiring a Rust developer in Warsaw. Join our team!";
const X_TEXT: &str = "Hiring: Rust developer, Warsaw.";

/// A client logged in as a new person with these roles, on the same server.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let c = TestApp::sibling(app);
    let id = c.create_user(email, roles).await;
    assert_eq!(c.login(email, PASSWORD).await.status(), 303, "{email} logs in");
    (c, id)
}

/// An approved job offer aimed at `program`, with texts for LinkedIn and X.
async fn item(app: &TestApp, author: i64, program: i64, title: &str) -> i64 {
    approved_item(
        app,
        author,
        &ContentInput {
            title: title.into(),
            category: "job_offer".into(),
            target_url: "https://kariera.example/rust".into(),
            image_file: None,
            hashtags: String::new(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), LINKEDIN_TEXT.into()), ("x".into(), X_TEXT.into())],
            program_ids: vec![program],
            team_ids: vec![],
        },
    )
    .await
}

/// Presses the share button and confirms the share, as the share screen does; the
/// tracked link's code.
async fn share(c: &TestApp, item: i64, network: &str, text: &str) -> String {
    let token = c.csrf().await;
    let res = c
        .client
        .post(c.url(&format!("/app/feed/{item}/link")))
        .header("accept", "application/json")
        .form(&[("network", network), ("text", text), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "share button on {network}");
    let link: serde_json::Value = res.json().await.unwrap();
    let res = c
        .post_form(
            &format!("/app/feed/{item}/confirm"),
            &[("network", network), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), 303, "share confirmed on {network}");
    link["code"].as_str().unwrap().to_string()
}

/// A hit on a tracked link by a browser (`visitor` tells people apart) or a robot.
async fn click(app: &TestApp, code: &str, user_agent: &str) {
    let res = client()
        .get(app.url(&format!("/s/{code}")))
        .header("user-agent", user_agent)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
}

fn visitor(n: u32) -> String {
    format!("{CHROME} visitor/{n}")
}

async fn page(c: &TestApp, path: &str) -> (u16, String) {
    let res = c.get(path).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The text of the element with this id (`<strong id="impact-clicks">4</strong>` gives 4).
fn by_id<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    &rest[..rest.find('<').unwrap()]
}

async fn my_impact_shows_the_ambassadors_own_numbers_and_nobody_elses_name(app: &TestApp) {
    let coord = app
        .create_user("koordynatorka@test.example", &[Role::Coordinator])
        .await;
    let program = app.create_program("Employer branding", "eb", Some(coord)).await;
    let it = item(app, coord, program, "Rust developer").await;
    let mut people = Vec::new();
    for email in [
        "ala.kowalska@test.example",
        "zbigniew.bobrowski@test.example",
        "cezary.czerwinski@test.example",
        "dorota.dabrowska@test.example",
    ] {
        let (c, id) = person(app, email, &[Role::Ambassador]).await;
        app.state.store.add_member(program, id, 0).await.unwrap();
        people.push((c, id));
    }
    let (ala, ala_id) = (&people[0].0, people[0].1);
    // Ala: two shares; her LinkedIn link is clicked 3 times by 2 people and once by a
    // link preview, her X link once. Her colleagues: 1, 0 and 4 clicks on one share each.
    let li = share(ala, it, "linkedin", LINKEDIN_TEXT).await;
    let x = share(
        ala,
        it,
        "x",
        "My team is hiring, and I can recommend it: real Rust work.",
    )
    .await;
    for ua in [visitor(1), visitor(1), visitor(2), BOT.to_string(), visitor(3)] {
        click(app, if ua == visitor(3) { &x } else { &li }, &ua).await;
    }
    for (n, clicks) in [(1, 1), (2, 0), (3, 4)] {
        let code = share(&people[n].0, it, "linkedin", LINKEDIN_TEXT).await;
        for v in 0..clicks {
            click(app, &code, &visitor(10 * n as u32 + v)).await;
        }
    }

    let (status, html) = page(ala, "/app/impact").await;
    assert_eq!(status, 200);
    assert_eq!(by_id(&html, "impact-shares"), "2");
    assert_eq!(
        by_id(&html, "impact-clicks"),
        "4",
        "three people's four clicks; no robot"
    );
    assert_eq!(by_id(&html, "impact-visitors"), "3");
    assert_eq!(by_id(&html, "impact-conversions"), "0");
    let ledger: i64 = app
        .state
        .store
        .ledger_of(ala_id, 100)
        .await
        .unwrap()
        .iter()
        .filter(|r| r.program_id == Some(program))
        .map(|r| r.amount)
        .sum();
    assert!(ledger > 0, "sharing earns points");
    assert_eq!(by_id(&html, "impact-points"), ledger.to_string());
    // Clicks per share: Ala 2; colleagues 1, 0, 4: median 1.5 over 4 people.
    assert!(html.contains("The median of 4 active ambassadors"), "{html}");
    let cps = &html[html.find("id=\"compare-cps\"").unwrap()..];
    assert!(cps.contains(">2<") && cps.contains(">1.5<") && cps.contains("Above the median"));
    for other in ["bobrowski", "czerwinski", "dabrowska", "Zbigniew", "Cezary", "Dorota"] {
        assert!(!html.to_lowercase().contains(&other.to_lowercase()), "{other} is named");
    }
    assert!(html.contains("<svg") && html.contains("id=\"impact-table\""));

    // A colleague sees their own numbers only.
    let (_, dorota) = page(&people[3].0, "/app/impact").await;
    assert_eq!(by_id(&dorota, "impact-clicks"), "4");
    assert!(!dorota.to_lowercase().contains("kowalska"));

    // The table as CSV: UTF-8 with a BOM; in Polish with semicolons and Polish letters.
    let res = ala.get(&format!("/app/impact.csv?program={program}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Week or month,Shares,Human clicks,"), "{text}");
    assert!(
        text.trim_end().ends_with(&format!("Total,2,4,3,0,{ledger},2.00")),
        "{text}"
    );
    assert_eq!(
        ala.post_form("/lang", &[("lang", "pl"), ("back", "/app/impact")])
            .await
            .status(),
        303
    );
    let bytes = ala.get("/app/impact.csv").await.bytes().await.unwrap();
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Tydzień lub miesiąc;Udostępnienia;"), "{text}");
    assert!(
        text.trim_end().ends_with(&format!("Razem;2;4;3;0;{ledger};2,00")),
        "{text}"
    );
}
story!(my_impact_shows_the_ambassadors_own_numbers_and_nobody_elses_name);

async fn my_impact_reads_periods_and_refuses_what_is_not_the_persons(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord)).await;
    let other = app.create_program("Sales", "sales", Some(coord)).await;
    let it = item(app, coord, program, "Rust developer").await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    let code = share(&amb, it, "linkedin", LINKEDIN_TEXT).await;
    click(app, &code, &visitor(1)).await;

    // This month counts today's click; a past custom period has nothing.
    let (_, html) = page(&amb, "/app/impact?period=this-month").await;
    assert_eq!(by_id(&html, "impact-clicks"), "1");
    let (_, html) = page(&amb, "/app/impact?period=custom&from=2025-01-01&to=2025-01-31").await;
    assert_eq!(by_id(&html, "impact-clicks"), "0");
    assert!(by_id(&html, "report-span").contains("2025-01-01 – 2025-01-31"));
    assert!(html.contains("Too few active ambassadors to compare: 0"));
    // A date that is no date: the page keeps it, says why, and shows 12 months.
    let (status, html) = page(&amb, "/app/impact?period=custom&from=2025-02-30&to=2025-03-01").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("value=\"2025-02-30\"") && html.contains("id=\"from-error\""),
        "{html}"
    );
    assert_eq!(by_id(&html, "impact-clicks"), "1");
    let (_, html) = page(&amb, "/app/impact?period=forever").await;
    assert!(html.contains("id=\"period-error\""));

    // Only the person's own programs; other roles have no impact page.
    assert_eq!(amb.get(&format!("/app/impact?program={other}")).await.status(), 404);
    assert_eq!(amb.get("/app/impact?program=x").await.status(), 404);
    let (c, _) = person(app, "k2@test.example", &[Role::Coordinator]).await;
    assert_eq!(c.get("/app/impact").await.status(), 403);
    assert_eq!(client().get(app.url("/app/impact")).send().await.unwrap().status(), 303);
    // Someone in no program is told so.
    let (new, _) = person(app, "new@test.example", &[Role::Ambassador]).await;
    let (status, html) = page(&new, "/app/impact").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"impact-no-program\""));
    // The navigation and the home page lead there.
    let home = amb.get("/app").await.text().await.unwrap();
    assert!(home.contains("href=\"/app/impact\""));
}
story!(my_impact_reads_periods_and_refuses_what_is_not_the_persons);

/// The text of a table row's cell with this class (`<td class="shares">5</td>`).
fn cell<'a>(row: &'a str, class: &str) -> &'a str {
    let start = row.find(&format!("class=\"{class}\">")).unwrap() + class.len() + 9;
    &row[start..start + row[start..].find('<').unwrap()]
}

fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{id}\"")).unwrap();
    &html[start..start + html[start..].find("</tr>").unwrap()]
}

async fn content_performance_compares_personalised_and_verbatim_shares_for_those_allowed(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (stranger, stranger_id) = person(app, "inny@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    app.create_program("Sales", "sales", Some(stranger_id)).await;
    let it = item(app, coord_id, program, "Rust developer").await;
    let quiet = item(app, coord_id, program, "Quiet item").await;
    // Five people: on LinkedIn in their own words (3 readers each), on X verbatim (1 each).
    for n in 0..5u32 {
        let (amb, id) = person(app, &format!("amb{n}@test.example"), &[Role::Ambassador]).await;
        app.state.store.add_member(program, id, 0).await.unwrap();
        let own = format!("I have worked here for {n} years and I can recommend it: real Rust work, kind people.");
        let li = share(&amb, it, "linkedin", &own).await;
        let x = share(&amb, it, "x", X_TEXT).await;
        for v in 0..3 {
            click(app, &li, &visitor(100 * n + v)).await;
        }
        click(app, &x, &visitor(100 * n + 50)).await;
        if n == 0 {
            share(&amb, quiet, "linkedin", LINKEDIN_TEXT).await;
        }
    }

    let path = format!("/app/content/{it}/performance");
    let (status, html) = page(&coord, &path).await;
    assert_eq!(status, 200);
    let personalised = row(&html, "group-personalised");
    assert_eq!(
        (cell(personalised, "shares"), cell(personalised, "clicks")),
        ("5", "15")
    );
    let verbatim = row(&html, "group-verbatim");
    assert_eq!((cell(verbatim, "shares"), cell(verbatim, "clicks")), ("5", "5"));
    assert!(html.contains("verdict-personalised-ahead"), "{html}");
    assert!(html.contains("a comparison, not a proof"));
    let table = &html[html.find("id=\"content-period-table\"").unwrap()..];
    let network = |n: &str| {
        let start = table.find(&format!("data-network=\"{n}\"")).unwrap();
        &table[start..start + table[start..].find("</tr>").unwrap()]
    };
    assert_eq!(
        (cell(network("linkedin"), "shares"), cell(network("linkedin"), "clicks")),
        ("5", "15")
    );
    assert_eq!((cell(network("x"), "shares"), cell(network("x"), "clicks")), ("5", "5"));
    // Too few shares to tell.
    let (_, quiet_html) = page(&coord, &format!("/app/content/{quiet}/performance")).await;
    assert!(quiet_html.contains("verdict-too-few"));
    // The item's page links here.
    let show = coord.get(&format!("/app/content/{it}")).await.text().await.unwrap();
    assert!(show.contains(&format!("href=\"{path}\"")));

    // Who may see it: editors, admins, the program's coordinator; not another program's
    // coordinator, nor ambassadors or recruiters.
    for (roles, expected) in [
        (&[Role::Editor][..], 200),
        (&[Role::Admin][..], 200),
        (&[Role::Recruiter][..], 404),
        (&[Role::Ambassador][..], 404),
    ] {
        let (c, _) = person(app, &format!("{}@test.example", roles[0].as_str()), roles).await;
        assert_eq!(c.get(&path).await.status(), expected, "{roles:?}");
    }
    assert_eq!(stranger.get(&path).await.status(), 403);
    assert_eq!(coord.get("/app/content/999999/performance").await.status(), 404);

    // The program's list, sorted by clicks, with a CSV.
    let list = format!("/app/programs/{program}/content");
    let (status, html) = page(&coord, &list).await;
    assert_eq!(status, 200);
    let first = html.find(&format!("data-item=\"{it}\"")).unwrap();
    let second = html.find(&format!("data-item=\"{quiet}\"")).unwrap();
    assert!(first < second, "most clicks first");
    let (_, by_shares) = page(&coord, &format!("{list}?sort=shares&period=12-months")).await;
    assert!(by_shares.contains("<option value=\"shares\" selected>"));
    assert_eq!(stranger.get(&list).await.status(), 403);
    assert_eq!(coord.get("/app/programs/999999/content").await.status(), 404);
    let res = coord.get(&format!("{list}.csv")).await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("Rust developer,10,5,20,2.00,20,0"), "{text}");
}
story!(content_performance_compares_personalised_and_verbatim_shares_for_those_allowed);
