//! Rewards (C10): the catalog a coordinator manages, redeeming with held points,
//! approving, delivering and rejecting, no negative balance or stock under concurrent
//! redemptions, the budget per quarter, the health check's benefit row, the emails and
//! notifications, and the API.

use crate::common::api_token as token;
use crate::common::{PASSWORD, TestApp};
use crate::story;
use ambasada_core::rewards::budget::{Quarter, budget_zone};
use ambasada_core::rewards::points::Rule;
use ambasada_core::{Locale, Role, Scope};
use ambasada_store::rewards::catalog::RewardInput;
use ambasada_store::rewards::points::Award;
use reqwest::multipart::Form;

/// Another client on the same server, logged in as a new person.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let id = app.create_user(email, roles).await;
    let other = TestApp::sibling(app);
    assert_eq!(other.login(email, PASSWORD).await.status(), 303, "login as {email}");
    (other, id)
}

/// Gives a person points (one ledger row per `source`).
async fn give(app: &TestApp, user: i64, program: i64, amount: i64, source: &str) {
    let award = Award {
        user_id: user,
        program_id: Some(program),
        rule: Rule::Share,
        source: &format!("test:{source}"),
        amount,
        reason: None,
    };
    assert!(app.state.store.award(&award, 0).await.unwrap());
}

/// A reward in a program's catalog, straight in the store.
async fn reward(app: &TestApp, program: i64, name: &str, points: i64, stock: Option<i64>, cost_minor: i64) -> i64 {
    let input = RewardInput {
        name: name.into(),
        description: format!("{name}, for the best."),
        image_file: None,
        points_cost: points,
        stock,
        cost_minor,
        active: true,
    };
    app.state
        .store
        .create_reward(program, &input, ambasada_server::now())
        .await
        .unwrap()
}

async fn stock(app: &TestApp, reward: i64) -> Option<i64> {
    app.state.store.reward(reward).await.unwrap().unwrap().stock
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

fn reward_form(name: &str, points: &str, stock: &str, cost: &str) -> Form {
    Form::new()
        .text("name", name.to_string())
        .text("description", "A paper book of your choice.")
        .text("points_cost", points.to_string())
        .text("stock", stock.to_string())
        .text("cost", cost.to_string())
        .text("active", "1")
}

/// The emails queued for an address, as (subject, body).
async fn emails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    let (rows, _) = app.state.store.outbox(None, 500, 0).await.unwrap();
    rows.into_iter()
        .filter(|m| m.to_addr == to && m.kind == "redemption")
        .map(|m| (m.subject, m.body_text))
        .collect()
}

/// A program with its coordinator (the app's own client) and one ambassador.
struct Setup {
    program: i64,
    coord: i64,
    amb: TestApp,
    amb_id: i64,
}

async fn setup(app: &TestApp) -> Setup {
    let coord = app.login_as(Role::Coordinator).await;
    let program = app.create_program("Employer brand", "eb", Some(coord)).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    app.state.store.add_member(program, amb_id, 0).await.unwrap();
    Setup {
        program,
        coord,
        amb,
        amb_id,
    }
}

async fn only_the_programs_coordinator_and_admins_manage_its_catalog(app: &TestApp) {
    let s = setup(app).await;
    let base = format!("/app/programs/{}/rewards", s.program);

    // A bad form keeps what was typed and says what is wrong, field by field.
    let res = post_multipart(app, &base, reward_form("", "0", "-2", "12,345")).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("This field is required."), "{page}");
    assert!(page.contains("Enter a whole number of points from 1 to 1,000,000."));
    assert!(page.contains("Enter a whole number from 0, or leave the field empty for no limit."));
    assert!(page.contains("Enter an amount in PLN such as 120,50 or 120.50"));
    assert!(page.contains("value=\"12,345\""));
    // An image that is not one is refused on its field.
    let not_an_image = reward_form("Book", "150", "", "120,50").part(
        "image",
        reqwest::multipart::Part::bytes(b"GIF89a....".to_vec()).file_name("x.gif"),
    );
    let res = post_multipart(app, &base, not_an_image).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("supported image"));

    // A good one is added with its PLN cost in grosze, and an image sniffed as PNG.
    let png = b"\x89PNG\r\n\x1a\n0000".to_vec();
    let form = reward_form("Book", "150", "", "120,50")
        .part("image", reqwest::multipart::Part::bytes(png).file_name("book.png"));
    let res = post_multipart(app, &base, form).await;
    assert_eq!(res.status(), 303);
    let rewards = app.state.store.program_rewards(s.program).await.unwrap();
    assert_eq!(rewards.len(), 1);
    let book = &rewards[0];
    assert_eq!((book.points_cost, book.stock, book.cost_minor), (150, None, 12050));
    assert!(book.is_active() && book.image_file.as_deref().is_some_and(|f| f.ends_with(".png")));
    let page = app.get(&base).await.text().await.unwrap();
    assert!(
        page.contains("Reward Book added.") && page.contains("PLN 120.50"),
        "{page}"
    );

    // Editing: a stock of 3, a dot as the separator, and no longer offered.
    let edit = format!("{base}/{}", book.id);
    assert!(app.get(&edit).await.text().await.unwrap().contains("value=\"120.50\""));
    let form = Form::new()
        .text("name", "Book")
        .text("description", "")
        .text("points_cost", "200")
        .text("stock", "3")
        .text("cost", "99.9");
    assert_eq!(post_multipart(app, &edit, form).await.status(), 303);
    let book = app.state.store.reward(book.id).await.unwrap().unwrap();
    assert_eq!((book.points_cost, book.stock, book.cost_minor), (200, Some(3), 9990));
    assert!(!book.is_active() && book.image_file.is_some());

    // Another coordinator, and the ambassador, manage nothing here.
    let (other, _) = person(app, "other-coord@test.example", &[Role::Coordinator]).await;
    for c in [&other, &s.amb] {
        assert_eq!(c.get(&base).await.status(), 403);
        assert_eq!(c.get(&edit).await.status(), 403);
        assert_eq!(
            c.get(&format!("/app/programs/{}/redemptions", s.program))
                .await
                .status(),
            403
        );
        assert_eq!(
            post_multipart(c, &base, reward_form("Mug", "10", "", ""))
                .await
                .status(),
            403
        );
        let res = c
            .post_form(
                &format!("/app/programs/{}/budget", s.program),
                &[("quarter", "2026-Q4"), ("amount", "100")],
            )
            .await;
        assert_eq!(res.status(), 403);
    }
    assert_eq!(app.state.store.program_rewards(s.program).await.unwrap().len(), 1);
    // An admin manages every program; a reward of another program is not found here.
    let (admin, _) = person(app, "admin2@test.example", &[Role::Admin]).await;
    assert_eq!(admin.get(&base).await.status(), 200);
    let elsewhere = app.create_program("Other", "other", None).await;
    let foreign = reward(app, elsewhere, "Mug", 10, None, 0).await;
    assert_eq!(app.get(&format!("{base}/{foreign}")).await.status(), 404);
    // Ambassadors see the catalog of their programs, coordinators who are not do not.
    assert_eq!(app.get("/app/rewards").await.status(), 403);
    assert_eq!(s.amb.get("/app/rewards").await.status(), 200);
}
story!(only_the_programs_coordinator_and_admins_manage_its_catalog);

async fn points_are_held_on_request_spent_on_delivery_and_returned_on_rejection(app: &TestApp) {
    let s = setup(app).await;
    give(app, s.amb_id, s.program, 300, "a").await;
    let book = reward(app, s.program, "Book", 100, Some(2), 12050).await;
    let page = s.amb.get("/app/rewards").await.text().await.unwrap();
    assert!(page.contains("id=\"balance-spendable\">300<"), "{page}");
    assert!(page.contains("Book") && page.contains("2 left"));

    // Redeeming holds the points at once and takes a unit of stock.
    let res = s.amb.post_form(&format!("/app/rewards/{book}/redeem"), &[]).await;
    assert_eq!(res.status(), 303);
    let b = app.state.store.balance(s.amb_id).await.unwrap();
    assert_eq!((b.spendable(), b.held, b.lifetime), (200, 100, 300));
    assert_eq!(stock(app, book).await, Some(1));
    let page = s.amb.get("/app/rewards").await.text().await.unwrap();
    assert!(page.contains("Your request for Book has been sent"), "{page}");
    assert!(page.contains("id=\"balance-spendable\">200<") && page.contains("Waiting for a decision"));
    let first = app.state.store.redemptions_of(s.amb_id, 10).await.unwrap()[0].id;

    // The coordinator was told, in the app and by email; the ambassador got a confirmation.
    let (notes, _) = app.state.store.notifications(s.coord, 10, 0).await.unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.kind == "redemption-requested" && n.link == format!("/app/programs/{}/redemptions", s.program))
    );
    let to_coord = emails_to(app, "coordinator@test.example").await;
    assert_eq!(to_coord.len(), 1);
    assert!(to_coord[0].0.contains("New reward request: Book"), "{to_coord:?}");
    let to_amb = emails_to(app, "amb@test.example").await;
    assert_eq!(to_amb.len(), 1);
    assert!(to_amb[0].0 == "Your reward request: Book" && to_amb[0].1.contains("100 points are held"));

    // Approved: still held. Delivered: spent.
    let decide = format!("/app/programs/{}/redemptions/{first}", s.program);
    let page = app
        .get(&format!("/app/programs/{}/redemptions", s.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Book") && page.contains("Test amb"), "{page}");
    assert_eq!(app.post_form(&decide, &[("decision", "approve")]).await.status(), 303);
    let b = app.state.store.balance(s.amb_id).await.unwrap();
    assert_eq!((b.spendable(), b.held, b.spent), (200, 100, 0));
    // Approving twice changes nothing and says so.
    let res = app.post_form(&decide, &[("decision", "approve")]).await;
    assert_eq!(res.status(), 303);
    let page = app
        .get(&format!("/app/programs/{}/redemptions", s.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("has already been handled"), "{page}");
    assert_eq!(app.post_form(&decide, &[("decision", "deliver")]).await.status(), 303);
    let b = app.state.store.balance(s.amb_id).await.unwrap();
    assert_eq!((b.spendable(), b.held, b.spent, b.lifetime), (200, 0, 100, 300));
    // A delivered redemption cannot be rejected.
    app.post_form(&decide, &[("decision", "reject"), ("reason", "Too late")])
        .await;
    assert_eq!(app.state.store.balance(s.amb_id).await.unwrap().spent, 100);

    // A second one is rejected: a reason is required, then the points and stock return.
    s.amb.post_form(&format!("/app/rewards/{book}/redeem"), &[]).await;
    assert_eq!(stock(app, book).await, Some(0));
    assert_eq!(app.state.store.balance(s.amb_id).await.unwrap().spendable(), 100);
    let second = app.state.store.redemptions_of(s.amb_id, 10).await.unwrap()[0].id;
    let decide = format!("/app/programs/{}/redemptions/{second}", s.program);
    let res = app
        .post_form(&decide, &[("decision", "reject"), ("reason", "  ")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Give the ambassador a reason"));
    let res = app
        .post_form(&decide, &[("decision", "reject"), ("reason", "Out of print")])
        .await;
    assert_eq!(res.status(), 303);
    let b = app.state.store.balance(s.amb_id).await.unwrap();
    assert_eq!((b.spendable(), b.held, b.spent), (200, 0, 100));
    assert_eq!(stock(app, book).await, Some(1));
    let page = s.amb.get("/app/rewards").await.text().await.unwrap();
    assert!(page.contains("Delivered") && page.contains("Rejected") && page.contains("Out of print"));

    // The ambassador was told of each decision, by notification and by email.
    let (notes, _) = app.state.store.notifications(s.amb_id, 10, 0).await.unwrap();
    let decided: Vec<_> = notes.iter().filter(|n| n.kind == "redemption-decided").collect();
    assert_eq!(decided.len(), 3, "{notes:?}");
    let subjects: Vec<String> = emails_to(app, "amb@test.example")
        .await
        .into_iter()
        .map(|e| e.0)
        .collect();
    for subject in [
        "Your reward was approved: Book",
        "Your reward was delivered: Book",
        "Your reward request was rejected: Book",
    ] {
        assert!(subjects.iter().any(|s| s == subject), "{subjects:?}");
    }
    let list = s.amb.get("/app/notifications").await.text().await.unwrap();
    assert!(
        list.contains("Your request for “Book” was rejected. Reason: Out of print"),
        "{list}"
    );

    // In the person's language: a Polish ambassador's email is in Polish.
    app.state
        .store
        .update_profile(s.amb_id, "Test", "amb", Locale::Pl, "Europe/Warsaw", 0)
        .await
        .unwrap();
    s.amb.post_form(&format!("/app/rewards/{book}/redeem"), &[]).await;
    let subjects: Vec<String> = emails_to(app, "amb@test.example")
        .await
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert!(
        subjects.iter().any(|s| s == "Twoje zgłoszenie odbioru nagrody: Book"),
        "{subjects:?}"
    );
    let emails = emails_to(app, "amb@test.example").await;
    let (_, body) = emails.iter().find(|(s, _)| s.starts_with("Twoje")).unwrap();
    assert!(body.contains("blokujemy na nią 100 punktów"), "{body}");
}
story!(points_are_held_on_request_spent_on_delivery_and_returned_on_rejection);

async fn too_few_points_or_no_stock_is_refused_with_the_reason(app: &TestApp) {
    let s = setup(app).await;
    give(app, s.amb_id, s.program, 40, "a").await;
    let book = reward(app, s.program, "Book", 100, None, 0).await;
    let pen = reward(app, s.program, "Pen", 10, Some(0), 0).await;
    let api = token(app, s.amb_id, &[Scope::SharesWrite, Scope::ContentRead]).await;

    // The page says how many points are missing and offers no button.
    let page = s.amb.get("/app/rewards").await.text().await.unwrap();
    assert!(page.contains("You need 60 more points."), "{page}");
    assert!(page.contains("Out of stock"));
    let res = s.amb.post_form(&format!("/app/rewards/{book}/redeem"), &[]).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("You have 40 points to spend and this reward costs 100 points: you are 60 points short."),
        "{page}"
    );
    let res = s.amb.post_form(&format!("/app/rewards/{pen}/redeem"), &[]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("This reward is out of stock."));

    // The API: a problem with the reason on its field.
    let post = |id: i64| {
        app.client
            .post(app.url(&format!("/api/v1/rewards/{id}/redemptions")))
            .bearer_auth(&api)
            .json(&serde_json::json!({}))
            .send()
    };
    let res = post(book).await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(
        body["errors"]["points"]
            .as_str()
            .unwrap()
            .contains("you are 60 points short"),
        "{body}"
    );
    let body: serde_json::Value = post(pen).await.unwrap().json().await.unwrap();
    assert_eq!(body["status"], 422);
    assert_eq!(body["errors"]["stock"], "This reward is out of stock.");

    // No longer offered: refused too; a reward of another program is not found.
    let mut input = RewardInput {
        name: "Book".into(),
        description: String::new(),
        image_file: None,
        points_cost: 10,
        stock: None,
        cost_minor: 0,
        active: false,
    };
    app.state.store.update_reward(book, &input, None, 0).await.unwrap();
    let body: serde_json::Value = post(book).await.unwrap().json().await.unwrap();
    assert_eq!(body["errors"]["reward"], "This reward is no longer offered.");
    let elsewhere = app.create_program("Other", "other", None).await;
    let foreign = reward(app, elsewhere, "Mug", 10, None, 0).await;
    let res = post(foreign).await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = s.amb.post_form(&format!("/app/rewards/{foreign}/redeem"), &[]).await;
    assert_eq!(res.status(), 404);
    // Nothing was held by any of it.
    let b = app.state.store.balance(s.amb_id).await.unwrap();
    assert_eq!((b.spendable(), b.held), (40, 0));
    assert_eq!(stock(app, pen).await, Some(0));
    input.active = true;
    app.state.store.update_reward(book, &input, None, 0).await.unwrap();
    assert_eq!(post(book).await.unwrap().status(), 201);
}
story!(too_few_points_or_no_stock_is_refused_with_the_reason);

async fn concurrent_redemptions_never_overdraw_points_or_stock(app: &TestApp) {
    let coord = app.create_user("coordinator@test.example", &[Role::Coordinator]).await;
    let program = app.create_program("EB", "eb", Some(coord)).await;

    // One person with points for 5 rewards, asking 24 times at once for four different
    // ones (so that only the lock on the person, not the reward's, keeps them apart).
    let amb = app.create_user("amb@test.example", &[Role::Ambassador]).await;
    app.state.store.add_member(program, amb, 0).await.unwrap();
    give(app, amb, program, 500, "a").await;
    let mut unlimited = Vec::new();
    for name in ["Coffee", "Tea", "Cake", "Mug"] {
        unlimited.push(reward(app, program, name, 100, None, 1000).await);
    }
    let secret = token(app, amb, &[Scope::SharesWrite]).await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let (c, url, secret) = (
            app.client.clone(),
            app.url(&format!("/api/v1/rewards/{}/redemptions", unlimited[i % 4])),
            secret.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let res = c
                .post(url)
                .bearer_auth(secret)
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            (status, res.json::<serde_json::Value>().await.unwrap())
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            201 => ok += 1,
            422 => assert!(body["errors"]["points"].is_string(), "{body}"),
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!(ok, 5);
    let b = app.state.store.balance(amb).await.unwrap();
    assert_eq!((b.lifetime - b.held - b.spent, b.held), (0, 500));

    // Ten people with plenty of points, a reward with 3 left, each asking twice at once.
    let limited = reward(app, program, "Ticket", 10, Some(3), 50000).await;
    let mut people = Vec::new();
    for i in 0..10 {
        let id = app
            .create_user(&format!("p{i}@test.example"), &[Role::Ambassador])
            .await;
        app.state.store.add_member(program, id, 0).await.unwrap();
        give(app, id, program, 1000, "a").await;
        people.push((id, token(app, id, &[Scope::SharesWrite]).await));
    }
    let mut tasks = Vec::new();
    for (_, secret) in people.iter().chain(people.iter()) {
        let (c, url, secret) = (
            app.client.clone(),
            app.url(&format!("/api/v1/rewards/{limited}/redemptions")),
            secret.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let res = c.post(url).bearer_auth(secret).send().await.unwrap();
            let status = res.status().as_u16();
            (status, res.json::<serde_json::Value>().await.unwrap())
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            201 => ok += 1,
            422 => assert_eq!(body["errors"]["stock"], "This reward is out of stock.", "{body}"),
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!(ok, 3);
    assert_eq!(stock(app, limited).await, Some(0));
    let mut held = 0;
    for (id, _) in &people {
        let b = app.state.store.balance(*id).await.unwrap();
        assert!(b.lifetime - b.held - b.spent >= 0);
        held += b.held;
    }
    assert_eq!(held, 30);
}
story!(concurrent_redemptions_never_overdraw_points_or_stock);

async fn the_budget_counts_what_was_approved_in_each_quarter_and_warns_past_it(app: &TestApp) {
    let s = setup(app).await;
    let tz = budget_zone();
    let now = ambasada_server::now();
    let this = Quarter::of(now, &tz);
    let last = this.prev();
    give(app, s.amb_id, s.program, 10_000, "a").await;
    let ticket = reward(app, s.program, "Ticket", 100, None, 60_000).await;

    // Setting a budget: the quarter and the amount are checked.
    let budget = format!("/app/programs/{}/budget", s.program);
    let res = app
        .post_form(&budget, &[("quarter", "2026-Q5"), ("amount", "1000,00")])
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Enter a quarter such as 2026-Q4.") && page.contains("value=\"1000,00\""));
    let res = app
        .post_form(&budget, &[("quarter", &this.to_string()), ("amount", "1000,00")])
        .await;
    assert_eq!(res.status(), 303);
    app.post_form(&budget, &[("quarter", &last.to_string()), ("amount", "500")])
        .await;
    let budgets = app.state.store.budgets(s.program).await.unwrap();
    assert_eq!(budgets, [(this.to_string(), 100_000), (last.to_string(), 50_000)]);

    // Three requests: one approved last quarter, one approved now, one waiting.
    let redeem = || async {
        s.amb.post_form(&format!("/app/rewards/{ticket}/redeem"), &[]).await;
        app.state.store.redemptions_of(s.amb_id, 1).await.unwrap()[0].id
    };
    let old = redeem().await;
    let (last_start, _) = last.bounds(&tz);
    let (requested, approved) = (
        ambasada_core::rewards::redemptions::Status::Requested,
        ambasada_core::rewards::redemptions::Status::Approved,
    );
    assert!(
        app.state
            .store
            .move_redemption(old, requested, approved, None, last_start + 1000)
            .await
            .unwrap()
    );
    let current = redeem().await;
    let waiting = redeem().await;
    let decide = |id: i64| format!("/app/programs/{}/redemptions/{id}", s.program);
    assert_eq!(
        app.post_form(&decide(current), &[("decision", "approve")])
            .await
            .status(),
        303
    );
    let spent = |q: Quarter| async move {
        let (from, to) = q.bounds(&budget_zone());
        app.state.store.rewards_spend(s.program, from, to).await.unwrap()
    };
    assert_eq!((spent(this).await, spent(last).await), (60_000, 60_000));
    let page = app
        .get(&format!("/app/programs/{}/rewards", s.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("PLN 600.00 (60%)") && page.contains("PLN 400.00"),
        "{page}"
    );
    assert!(page.contains("over by: PLN 100.00"), "{page}");

    // Approving the waiting one would go over: a warning beside it, and after approving.
    let page = app
        .get(&format!("/app/programs/{}/redemptions", s.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Approving this exceeds the quarter&#39;s budget by PLN 200.00.")
            || page.contains("Approving this exceeds the quarter's budget by PLN 200.00."),
        "{page}"
    );
    assert_eq!(
        app.post_form(&decide(waiting), &[("decision", "approve")])
            .await
            .status(),
        303
    );
    let page = app
        .get(&format!("/app/programs/{}/redemptions", s.program))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("budget is now exceeded by PLN 200.00"), "{page}");
    assert_eq!(spent(this).await, 120_000);
    // Delivered still counts; rejected no longer does.
    app.post_form(&decide(current), &[("decision", "deliver")]).await;
    app.post_form(&decide(waiting), &[("decision", "reject"), ("reason", "Sold out")])
        .await;
    assert_eq!(spent(this).await, 60_000);
}
story!(the_budget_counts_what_was_approved_in_each_quarter_and_warns_past_it);

async fn the_health_checks_benefit_row_reads_the_rewards_and_points_rules(app: &TestApp) {
    let s = setup(app).await;
    let health = format!("/app/programs/{}/health", s.program);
    let page = app.get(&health).await.text().await.unwrap();
    assert!(page.contains("The program offers no rewards"), "{page}");
    assert!(page.contains(&format!("href=\"/app/programs/{}/rewards\"", s.program)));
    assert!(page.contains("Open the rewards catalog"));
    assert!(!page.contains("Rewards and points rules come with"));

    // An inactive reward is no benefit; an active one with the default rules is.
    let mug = reward(app, s.program, "Mug", 10, None, 0).await;
    let off = RewardInput {
        name: "Mug".into(),
        description: String::new(),
        image_file: None,
        points_cost: 10,
        stock: None,
        cost_minor: 0,
        active: false,
    };
    app.state.store.update_reward(mug, &off, None, 0).await.unwrap();
    assert!(
        app.get(&health)
            .await
            .text()
            .await
            .unwrap()
            .contains("The program offers no rewards")
    );
    reward(app, s.program, "Book", 100, None, 0).await;
    let page = app.get(&health).await.text().await.unwrap();
    assert!(
        page.contains("Ambassadors earn points and can exchange them for rewards."),
        "{page}"
    );

    // Every rule set to zero: nobody can earn the rewards.
    for rule in Rule::CONFIGURABLE {
        app.state.store.set_points_rule(s.program, rule, 0, 0).await.unwrap();
    }
    let page = app.get(&health).await.text().await.unwrap();
    assert!(page.contains("every points rule is set to zero"), "{page}");
    assert!(page.contains(&format!("href=\"/app/programs/{}/points\"", s.program)));
}
story!(the_health_checks_benefit_row_reads_the_rewards_and_points_rules);

async fn the_api_lists_the_rewards_of_the_callers_programs_and_redeems(app: &TestApp) {
    let s = setup(app).await;
    give(app, s.amb_id, s.program, 200, "a").await;
    let book = reward(app, s.program, "Book", 150, None, 12050).await;
    let ticket = reward(app, s.program, "Ticket", 50, Some(4), 0).await;
    let hidden = reward(app, s.program, "Hidden", 5, None, 0).await;
    let off = RewardInput {
        name: "Hidden".into(),
        description: String::new(),
        image_file: None,
        points_cost: 5,
        stock: None,
        cost_minor: 0,
        active: false,
    };
    app.state.store.update_reward(hidden, &off, None, 0).await.unwrap();
    let elsewhere = app.create_program("Other", "other", None).await;
    reward(app, elsewhere, "Mug", 10, None, 0).await;

    let read = token(app, s.amb_id, &[Scope::ContentRead]).await;
    let res = app
        .client
        .get(app.url("/api/v1/rewards"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "rewards": [
            { "id": ticket, "program_id": s.program, "name": "Ticket", "description": "Ticket, for the best.",
              "points_cost": 50, "stock": 4, "cost_pln": 0.0 },
            { "id": book, "program_id": s.program, "name": "Book", "description": "Book, for the best.",
              "points_cost": 150, "stock": null, "cost_pln": 120.5 },
        ]})
    );
    // Redeeming needs shares:write; the body is empty (or {}).
    let url = app.url(&format!("/api/v1/rewards/{book}/redemptions"));
    let res = app
        .client
        .post(&url)
        .bearer_auth(&read)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let write = token(app, s.amb_id, &[Scope::SharesWrite]).await;
    let res = app
        .client
        .post(&url)
        .bearer_auth(&write)
        .json(&serde_json::json!({ "points": 1 }))
        .send()
        .await
        .unwrap();
    // The endpoint takes no field: each one sent is named as unknown.
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"]["points"], "unknown field");
    let res = app.client.post(&url).bearer_auth(&write).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    let id = body["id"].as_i64().unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "id": id, "reward_id": book, "points": 150, "status": "requested" })
    );
    assert_eq!(app.state.store.balance(s.amb_id).await.unwrap().spendable(), 50);
    // Without a token: 401.
    let res = app.client.get(app.url("/api/v1/rewards")).send().await.unwrap();
    assert_eq!(res.status(), 401);
}
story!(the_api_lists_the_rewards_of_the_callers_programs_and_redeems);

async fn nobody_decides_their_own_redemption(app: &TestApp) {
    let (both, both_id) = person(app, "both@test.example", &[Role::Coordinator, Role::Ambassador]).await;
    let program = app.create_program("Employer brand", "eb", Some(both_id)).await;
    app.state.store.add_member(program, both_id, 0).await.unwrap();
    give(app, both_id, program, 100, "a").await;
    let book = reward(app, program, "Book", 50, Some(3), 0).await;
    assert_eq!(
        both.post_form(&format!("/app/rewards/{book}/redeem"), &[])
            .await
            .status(),
        303
    );
    let id = app.state.store.redemptions_of(both_id, 10).await.unwrap()[0].id;
    let decide = format!("/app/programs/{program}/redemptions/{id}");
    for decision in [("decision", "approve"), ("decision", "deliver"), ("decision", "reject")] {
        let res = both.post_form(&decide, &[decision, ("reason", "Not this time.")]).await;
        assert_eq!(res.status(), 403);
        let page = res.text().await.unwrap();
        assert!(page.contains("This is your own request"), "{page}");
    }
    let status = |r: Option<ambasada_store::rewards::redemptions::Redemption>| r.unwrap().status;
    assert_eq!(status(app.state.store.redemption(id).await.unwrap()), "requested");
    // Their page offers no decision on it; an admin decides it.
    let page = both
        .get(&format!("/app/programs/{program}/redemptions"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("id=\"own-redemption-{id}\"")), "{page}");
    assert!(!page.contains(&format!("action=\"{decide}\"")), "{page}");
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    assert_eq!(admin.post_form(&decide, &[("decision", "approve")]).await.status(), 303);
    assert_eq!(status(app.state.store.redemption(id).await.unwrap()), "approved");
}
story!(nobody_decides_their_own_redemption);

async fn saving_an_old_reward_form_never_overwrites_the_stock(app: &TestApp) {
    let s = setup(app).await;
    give(app, s.amb_id, s.program, 100, "a").await;
    let book = reward(app, s.program, "Book", 10, Some(5), 0).await;
    let edit = format!("/app/programs/{}/rewards/{book}", s.program);
    let page = app.get(&edit).await.text().await.unwrap();
    assert!(page.contains(r#"name="loaded_stock" value="5""#), "{page}");
    // Meanwhile the ambassador redeems one.
    let res = s.amb.post_form(&format!("/app/rewards/{book}/redeem"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(stock(app, book).await, Some(4));

    // The coordinator saves the form as loaded: refused, as typed, saying what the stock is.
    let form = |loaded: &str| {
        Form::new()
            .text("name", "Paper book")
            .text("description", "")
            .text("points_cost", "10")
            .text("stock", "5")
            .text("cost", "")
            .text("active", "1")
            .text("loaded_stock", loaded.to_string())
    };
    let res = post_multipart(app, &edit, form("5")).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("The stock changed while you were editing") && page.contains("Stock now: 4."),
        "{page}"
    );
    assert!(page.contains(r#"value="Paper book""#) && page.contains(r#"name="loaded_stock" value="4""#));
    let r = app.state.store.reward(book).await.unwrap().unwrap();
    assert_eq!((r.name.as_str(), r.stock), ("Book", Some(4)));
    // A tampered field is refused the same way.
    assert_eq!(post_multipart(app, &edit, form("many")).await.status(), 422);

    // Saved again from that page, with the stock checked: applied.
    assert_eq!(post_multipart(app, &edit, form("4")).await.status(), 303);
    let r = app.state.store.reward(book).await.unwrap().unwrap();
    assert_eq!((r.name.as_str(), r.stock), ("Paper book", Some(5)));
}
story!(saving_an_old_reward_form_never_overwrites_the_stock);
