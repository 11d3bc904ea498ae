//! Search in the feed, the library and the content API: words of the title, hashtags and
//! texts, with or without Polish letters, on both engines.

use crate::common::{PASSWORD, TestApp, api_token, approved_item};
use crate::story;
use ambasada_core::{Role, Scope};
use ambasada_store::content::{ContentFilter, ContentInput, Search};

fn input(title: &str, hashtags: &str, text: &str, language: &str) -> ContentInput {
    ContentInput {
        title: title.into(),
        category: "event".into(),
        target_url: "https://www.example.com/".into(),
        image_file: None,
        hashtags: hashtags.into(),
        language: language.into(),
        starts_at: 0,
        expires_at: None,
        texts: vec![("linkedin".into(), text.into())],
        program_ids: vec![],
        team_ids: vec![],
    }
}

/// The titles of the API feed for `q`.
async fn api_titles(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let res = app
        .client
        .get(app.url("/api/v1/content"))
        .query(&[("q", q), ("language", "pl")])
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{q}");
    let v: serde_json::Value = res.json().await.unwrap();
    let mut titles: Vec<String> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

async fn search_finds_words_with_or_without_polish_letters(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    approved_item(
        app,
        editor,
        &input(
            "Targi pracy w Krakowie",
            "kariera",
            "Spotkajmy się w Kraków Arena!",
            "pl",
        ),
    )
    .await;
    approved_item(
        app,
        editor,
        &input("Żółw na biurku", "", "Nasz nowy kolega: żółw Zenek.", "pl"),
    )
    .await;
    approved_item(
        app,
        editor,
        &input(
            "Nowa wersja aplikacji",
            "RustLang 50%",
            "Szybciej niż kiedykolwiek.",
            "pl",
        ),
    )
    .await;
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    let token = api_token(app, amb, &[Scope::ContentRead]).await;
    // Title, text and hashtags; with and without diacritics; any case; several words.
    assert_eq!(api_titles(app, &token, "krakow").await, ["Targi pracy w Krakowie"]);
    assert_eq!(
        api_titles(app, &token, "KRAKÓW arena").await,
        ["Targi pracy w Krakowie"]
    );
    assert_eq!(api_titles(app, &token, "zolw").await, ["Żółw na biurku"]);
    assert_eq!(api_titles(app, &token, "żółw zenek").await, ["Żółw na biurku"]);
    assert_eq!(api_titles(app, &token, "rustlang").await, ["Nowa wersja aplikacji"]);
    assert_eq!(api_titles(app, &token, "#RustLang").await, ["Nowa wersja aplikacji"]);
    // Every word must match; LIKE's wildcards are plain characters.
    assert!(api_titles(app, &token, "krakow zolw").await.is_empty());
    assert_eq!(api_titles(app, &token, "50%").await, ["Nowa wersja aplikacji"]);
    assert!(api_titles(app, &token, "5_").await.is_empty());
    assert_eq!(api_titles(app, &token, "  ").await.len(), 3);

    // The feed page: the item found, the word kept in the box, a message when nothing is.
    let c = TestApp::sibling(app);
    assert_eq!(c.login("amb@test.example", PASSWORD).await.status(), 303);
    let page = c.get("/app/feed?q=zolw&lang=all").await.text().await.unwrap();
    assert!(
        page.contains("Żółw na biurku") && !page.contains("Targi pracy"),
        "{page}"
    );
    assert!(page.contains(r#"name="q" type="search" value="zolw""#));
    let page = c.get("/app/feed?q=%3Cb%3Enic&lang=all").await.text().await.unwrap();
    assert!(
        page.contains(r#"id="search-none""#) && !page.contains("<b>nic"),
        "escaped: {page}"
    );

    // The library, for editors, with the same rule and the count of what was found.
    let ed = TestApp::sibling(app);
    assert_eq!(ed.login("red@test.example", PASSWORD).await.status(), 303);
    let page = ed.get("/app/content?q=krakow").await.text().await.unwrap();
    assert!(
        page.contains("Targi pracy w Krakowie") && !page.contains("Żółw na biurku"),
        "{page}"
    );
    let found = app
        .state
        .store
        .list_content(&ContentFilter {
            search: Search::parse("Aplikacji"),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((found.0.len(), found.1), (1, 1));
}
story!(search_finds_words_with_or_without_polish_letters);

/// An item edited later is found by its new words only. (A draft: the publishing job
/// moves an approved item on by itself, and the edit would race it.)
async fn search_follows_edits(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let id = app
        .state
        .store
        .create_content(
            &input("Dzień otwarty", "", "Zapraszamy do Gdańska.", "pl"),
            editor,
            "draft",
            0,
        )
        .await
        .unwrap();
    let count = |q: &'static str| {
        let store = app.state.store.clone();
        async move {
            let f = ContentFilter {
                search: Search::parse(q),
                limit: 10,
                ..Default::default()
            };
            store.list_content(&f).await.unwrap().1
        }
    };
    assert_eq!(count("gdansk").await, 1);
    app.state
        .store
        .update_content(
            id,
            &input("Dzień otwarty", "", "Zapraszamy do Łodzi.", "pl"),
            "draft",
            "draft",
            editor,
            1,
        )
        .await
        .unwrap();
    assert_eq!(count("gdansk").await, 0);
    assert_eq!(count("lodzi").await, 1);
}
story!(search_follows_edits);

/// The demo's Kraków job-fair post is found with and without the Polish letter, in the
/// ambassador's feed and in the library.
async fn the_demo_job_fair_is_found_by_krakow(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let amb = TestApp::sibling(app);
    assert_eq!(amb.login("ambasador@demo.example", "demo1234").await.status(), 303);
    let coord = TestApp::sibling(app);
    assert_eq!(coord.login("koordynator@demo.example", "demo1234").await.status(), 303);
    for q in ["krakow", "kraków", "KRAKÓW"] {
        let path = format!("/app/feed?lang=all&q={}", urlencoding(q));
        let page = amb.get(&path).await.text().await.unwrap();
        assert!(page.contains("Rekrutacja IT w Krakowie"), "feed {q}");
        assert_eq!(page.matches("class=\"card feed-item\"").count(), 1, "feed {q}");
        let page = coord
            .get(&format!("/app/content?q={}", urlencoding(q)))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Rekrutacja IT w Krakowie"), "library {q}");
    }
}
story!(the_demo_job_fair_is_found_by_krakow);

fn urlencoding(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The demo feed offers ready-made posts for each of the four networks.
async fn the_demo_feed_offers_every_network(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let zofia = store
        .user_by_email(&ambasada_core::Email::parse("ambasador@demo.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let feed = store
        .feed(zofia, ambasada_server::now(), None, None, &Search::default(), 100)
        .await
        .unwrap();
    let ids: Vec<i64> = feed.iter().map(|f| f.id).collect();
    let items = store.content_items(&ids).await.unwrap();
    for network in ambasada_core::Network::ALL {
        assert!(
            items.iter().any(|i| i.text_for(network.as_str()).is_some()),
            "no demo post for {}",
            network.as_str()
        );
    }
}
story!(the_demo_feed_offers_every_network);
