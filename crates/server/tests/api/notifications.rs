//! In-app notifications (C8) and each role's home: who is told about what, exactly
//! once, in their own language, with the unread count in the header; and the home page
//! leading with each role's work.

use crate::common::{PASSWORD, TestApp, client};
use crate::story;
use ambasada_core::{DAY, HOUR, MINUTE, Network, Role, Scope};
use ambasada_server::notifications;
use ambasada_store::calendar::SlotInput;
use ambasada_store::content::ContentInput;
use ambasada_store::recruiting::OfferInput;
use reqwest::multipart::Form;

/// A client logged in as a new person with these roles, on the same server.
async fn person(app: &TestApp, email: &str, roles: &[Role]) -> (TestApp, i64) {
    let c = TestApp::sibling(app);
    let id = c.create_user(email, roles).await;
    assert_eq!(c.login(email, PASSWORD).await.status(), 303, "login {email}");
    (c, id)
}

/// An item written by `author` in `status`, aimed at these programs and teams, started
/// an hour ago.
async fn item(app: &TestApp, title: &str, author: i64, status: &str, programs: Vec<i64>, teams: Vec<i64>) -> i64 {
    let now = ambasada_server::now();
    app.state
        .store
        .create_content(
            &ContentInput {
                title: title.into(),
                category: "company_life".into(),
                target_url: "https://www.example.com/news".into(),
                image_file: None,
                hashtags: String::new(),
                language: "en".into(),
                starts_at: now - HOUR,
                expires_at: None,
                texts: vec![("linkedin".into(), "Our team at the meetup.".into())],
                program_ids: programs,
                team_ids: teams,
            },
            author,
            status,
            now,
        )
        .await
        .unwrap()
}

/// The number in the header's unread badge, `0` when there is none.
async fn badge(c: &TestApp) -> i64 {
    let page = c.get("/app/profile").await.text().await.unwrap();
    match page.find("id=\"unread-count\"") {
        None => 0,
        Some(i) => {
            let rest = &page[i..];
            let start = rest.find("</span>").unwrap() + "</span>".len();
            let end = start + rest[start..].find('<').unwrap();
            rest[start..end].trim().parse().unwrap()
        }
    }
}

/// (id, kind, link, read) of a person's notifications, newest first.
async fn inbox(app: &TestApp, user: i64) -> Vec<(i64, String, String, bool)> {
    let (rows, _) = app.state.store.notifications(user, 100, 0).await.unwrap();
    rows.into_iter()
        .map(|n| (n.id, n.kind, n.link, n.read_at.is_some()))
        .collect()
}

async fn an_approval_notifies_the_author_and_the_badge_shows_until_read(app: &TestApp) {
    let (editor, editor_id) = person(app, "red@test.example", &[Role::Editor]).await;
    let (admin, admin_id) = person(app, "admin@test.example", &[Role::Admin]).await;
    let approved = item(app, "Meetup photos", editor_id, "submitted", vec![], vec![]).await;
    assert_eq!(badge(&editor).await, 0);
    assert!(!editor.get("/app").await.text().await.unwrap().contains("unread-count"));
    let res = client().get(app.url("/app/notifications")).send().await.unwrap();
    assert_eq!(res.status(), 303, "anonymous visitors log in first");
    let res = editor.get("/app/notifications?page=9223372036854775807").await;
    assert_eq!(res.status(), 200, "a page past the end is empty, not an error");
    let res = admin.post_form(&format!("/app/content/{approved}/approve"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(badge(&editor).await, 1, "the author is told");
    assert_eq!(badge(&admin).await, 0, "the approver is not");
    let list = editor.get("/app/notifications").await.text().await.unwrap();
    assert!(
        list.contains("Your item “Meetup photos” was approved."),
        "rendered in the reader's language"
    );
    // Someone else cannot open (and so mark read) the editor's notification.
    let (id, _, link, _) = inbox(app, editor_id).await.remove(0);
    assert_eq!(link, format!("/app/content/{approved}"));
    let res = admin.post_form(&format!("/app/notifications/{id}/open"), &[]).await;
    assert_eq!(res.status(), 404);
    assert_eq!(badge(&editor).await, 1, "still unread");
    // Without the CSRF token nothing changes.
    let res = editor
        .client
        .post(editor.url(&format!("/app/notifications/{id}/open")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(badge(&editor).await, 1);
    // Opening it leads to the item and marks it read.
    let res = editor.post_form(&format!("/app/notifications/{id}/open"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], format!("/app/content/{approved}").as_str());
    assert_eq!(badge(&editor).await, 0);

    // A rejection through the API tells the author too, with the reason.
    let rejected = item(app, "Blurry photo", editor_id, "submitted", vec![], vec![]).await;
    let secret = format!("amb_{}", ambasada_server::auth::new_token());
    app.state
        .store
        .create_api_token(
            admin_id,
            "t",
            &ambasada_server::auth::hash_token(&secret),
            &[Scope::ContentWrite],
            0,
        )
        .await
        .unwrap();
    let res = client()
        .post(app.url(&format!("/api/v1/content/{rejected}/reject")))
        .bearer_auth(&secret)
        .json(&serde_json::json!({ "reason": "The photo is out of focus." }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(badge(&editor).await, 1);
    let list = editor.get("/app/notifications").await.text().await.unwrap();
    assert!(list.contains("Your item “Blurry photo” was rejected. Reason: The photo is out of focus."));
    // "Mark all read" empties the badge; Polish readers get Polish.
    assert_eq!(editor.post_form("/app/notifications/read-all", &[]).await.status(), 303);
    assert_eq!(badge(&editor).await, 0);
    assert!(inbox(app, editor_id).await.iter().all(|n| n.3));
    editor.post_form("/lang", &[("lang", "pl"), ("back", "/app")]).await;
    let list = editor.get("/app/notifications").await.text().await.unwrap();
    assert!(list.contains("Twoja treść „Blurry photo” została odrzucona."), "{list}");
}
story!(an_approval_notifies_the_author_and_the_badge_shows_until_read);

async fn a_program_application_notifies_the_coordinator(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (admin, _) = person(app, "admin@test.example", &[Role::Admin]).await;
    let (employee, _) = person(app, "jan@test.example", &[]).await;
    let led = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    let orphan = app.create_program("Sales", "sales", None).await;
    let form = [
        ("network", "linkedin"),
        ("frequency", "weekly"),
        ("size_linkedin", "500"),
        ("topics", "technologia"),
        (
            "motivation",
            "Chcę pokazywać, jak naprawdę wygląda praca w naszym zespole.",
        ),
        ("consent", "1"),
    ];
    let res = employee.post_form(&format!("/app/join/{led}"), &form).await;
    assert_eq!(res.status(), 303);
    let got = inbox(app, coord_id).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "program-candidate");
    assert_eq!(got[0].2, format!("/app/programs/{led}/candidates"));
    assert_eq!(badge(&admin).await, 0, "the program has a coordinator");
    let list = coord.get("/app/notifications").await.text().await.unwrap();
    assert!(list.contains("New application to the program Employer branding: Test jan."));
    // A program without a coordinator: the admins are told.
    let res = employee.post_form(&format!("/app/join/{orphan}"), &form).await;
    assert_eq!(res.status(), 303);
    assert_eq!(badge(&admin).await, 1);
    assert_eq!(
        inbox(app, coord_id).await.len(),
        1,
        "not the other program's coordinator"
    );
}
story!(a_program_application_notifies_the_coordinator);

async fn a_job_application_notifies_recruiters(app: &TestApp) {
    let (recruiter, recruiter_id) = person(app, "rek@test.example", &[Role::Recruiter]).await;
    let other_id = app.create_user("rek2@test.example", &[Role::Recruiter]).await;
    let (editor, _) = person(app, "red@test.example", &[Role::Editor]).await;
    let offer = app
        .state
        .store
        .create_offer(
            &OfferInput {
                title: "Rust developer".into(),
                location: "Warszawa".into(),
                contract_type: "employment".into(),
                description: "Piszesz Rust.".into(),
                language: "en".into(),
                open: true,
            },
            recruiter_id,
            0,
        )
        .await
        .unwrap();
    let visitor = TestApp::sibling(app);
    let token = visitor.csrf().await;
    let form = Form::new()
        .text("name", "Anna Nowak")
        .text("email", "anna@example.com")
        .text("profile_url", "https://www.linkedin.com/in/anna")
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
    for id in [recruiter_id, other_id] {
        let got = inbox(app, id).await;
        assert_eq!(got.len(), 1, "every recruiter is told");
        assert_eq!(got[0].1, "job-application");
        assert!(got[0].2.starts_with("/app/applications/"));
    }
    assert_eq!(badge(&editor).await, 0, "not people without the role");
    let list = recruiter.get("/app/notifications").await.text().await.unwrap();
    assert!(list.contains("New application for the job offer “Rust developer”: Anna Nowak."));
    let (id, ..) = inbox(app, recruiter_id).await.remove(0);
    let res = recruiter.post_form(&format!("/app/notifications/{id}/open"), &[]).await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        recruiter.get(&to).await.status(),
        200,
        "the link leads to the application"
    );
}
story!(a_job_application_notifies_recruiters);

async fn content_publication_notifies_targeted_members_only_once(app: &TestApp) {
    let editor = app.create_user("red@test.example", &[Role::Editor]).await;
    let in_team = app.create_user("a@test.example", &[Role::Ambassador]).await;
    let other_team = app.create_user("b@test.example", &[Role::Ambassador]).await;
    let other_program = app.create_user("c@test.example", &[Role::Ambassador]).await;
    let gone = app.create_user("d@test.example", &[Role::Ambassador]).await;
    let nobody = app.create_user("e@test.example", &[Role::Ambassador]).await;
    let team = app.state.store.create_team("Dev", 0).await.unwrap();
    let now = ambasada_server::now();
    for id in [in_team, gone] {
        app.state
            .store
            .set_roles_and_teams(id, &[Role::Ambassador], &[team], now)
            .await
            .unwrap();
    }
    let p1 = app.create_program("EB", "eb", None).await;
    let p2 = app.create_program("Sales", "sales", None).await;
    for (p, u) in [(p1, in_team), (p1, other_team), (p2, other_program), (p1, gone)] {
        app.state.store.add_member(p, u, 0).await.unwrap();
    }
    app.state.store.deactivate_user(gone, now).await.unwrap();
    let aimed = item(app, "Dev team news", editor, "approved", vec![p1], vec![team]).await;
    let everyone = item(app, "Company news", editor, "approved", vec![], vec![]).await;
    let (published, _) = app.state.store.publish_and_expire_due(now).await.unwrap();
    assert_eq!(published, 2);
    // Announced twice (as two server processes or a rerun job might): told once.
    for _ in 0..2 {
        for id in [aimed, everyone] {
            let it = app.state.store.content_item(id).await.unwrap().unwrap();
            notifications::content_published(&app.state, &it).await.unwrap();
        }
    }
    let links = |id: i64| async move {
        let mut l: Vec<String> = inbox(app, id).await.into_iter().map(|n| n.2).collect();
        l.sort();
        l
    };
    let mut both = vec![format!("/app/feed/{aimed}"), format!("/app/feed/{everyone}")];
    both.sort();
    assert_eq!(
        links(in_team).await,
        both,
        "the team member of the program: both, once each"
    );
    assert_eq!(links(other_team).await, vec![format!("/app/feed/{everyone}")]);
    assert_eq!(links(other_program).await, vec![format!("/app/feed/{everyone}")]);
    assert!(links(gone).await.is_empty(), "deactivated");
    assert!(links(nobody).await.is_empty(), "in no program");
    // The announcement job, claiming them meanwhile or later, adds nothing more.
    let claimed = app.state.store.claim_announcements(now).await.unwrap();
    for id in claimed {
        let it = app.state.store.content_item(id).await.unwrap().unwrap();
        notifications::content_published(&app.state, &it).await.unwrap();
    }
    assert_eq!(inbox(app, in_team).await.len(), 2);
    let list = {
        let c = TestApp::sibling(app);
        assert_eq!(c.login("a@test.example", PASSWORD).await.status(), 303);
        c.get("/app/notifications").await.text().await.unwrap()
    };
    assert!(list.contains("A new ready-made post to share: “Dev team news”."));
}
story!(content_publication_notifies_targeted_members_only_once);

/// A slot of `program` for `user` with one planned post in `[start, end)`; returns the
/// planned post's id.
async fn planned(app: &TestApp, program: i64, by: i64, user: i64, topic: &str, start: i64, end: i64) -> (i64, i64) {
    let slot = app
        .state
        .store
        .create_slot(
            &SlotInput {
                program_id: program,
                content_id: None,
                topic: Some(topic.into()),
                network: Network::Linkedin,
                starts_at: start,
                ends_at: end,
                audience: "people".into(),
                team_id: None,
                spread: false,
            },
            &[(user, start, end)],
            by,
            start.min(ambasada_server::now()) - MINUTE,
        )
        .await
        .unwrap();
    let post = app.state.store.slot_posts(slot).await.unwrap()[0].id;
    (slot, post)
}

async fn a_due_planned_post_is_notified_once(app: &TestApp) {
    let coord = app.create_user("koord@test.example", &[Role::Coordinator]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("EB", "eb", Some(coord)).await;
    app.state.store.add_member(p, amb_id, 0).await.unwrap();
    let now = ambasada_server::now();
    let (_, due) = planned(app, p, coord, amb_id, "My first week", now - HOUR, now + 5 * HOUR).await;
    let (_, later) = planned(app, p, coord, amb_id, "Later", now + 2 * DAY, now + 3 * DAY).await;
    let (gone_slot, _) = planned(app, p, coord, amb_id, "Deleted", now - 2 * HOUR, now + HOUR).await;
    app.state.store.delete_slot(gone_slot, coord, now).await.unwrap();
    // Two processes at once: one claims each post.
    let (a, b) = tokio::join!(
        notifications::remind_due(&app.state, now),
        notifications::remind_due(&app.state, now)
    );
    a.unwrap();
    b.unwrap();
    notifications::remind_due(&app.state, now + MINUTE).await.unwrap();
    let got = inbox(app, amb_id).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        app.state
            .store
            .claim_due_reminders(now + MINUTE)
            .await
            .unwrap()
            .is_empty(),
        "each post is claimed once"
    );
    assert_eq!(got[0].1, "plan-due");
    assert_eq!(got[0].2, format!("/app/plan/{due}/open"));
    let list = amb.get("/app/notifications").await.text().await.unwrap();
    assert!(list.contains("Time for a planned post: “My first week” (LinkedIn)."));
    // The later one when its window starts.
    notifications::remind_due(&app.state, now + 2 * DAY).await.unwrap();
    let got = inbox(app, amb_id).await;
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].2, format!("/app/plan/{later}/open"));
}
story!(a_due_planned_post_is_notified_once);

async fn each_roles_home_leads_with_its_work(app: &TestApp) {
    let (coord, coord_id) = person(app, "koord@test.example", &[Role::Coordinator]).await;
    let (editor, editor_id) = person(app, "red@test.example", &[Role::Editor]).await;
    let (recruiter, recruiter_id) = person(app, "rek@test.example", &[Role::Recruiter]).await;
    let (amb, amb_id) = person(app, "amb@test.example", &[Role::Ambassador]).await;
    let (idle, idle_id) = person(app, "idle@test.example", &[Role::Ambassador]).await;
    let p = app.create_program("Employer branding", "eb", Some(coord_id)).await;
    let other = app.create_program("Sales", "sales", None).await;
    app.state.store.add_member(p, amb_id, 0).await.unwrap();
    app.state.store.add_member(other, idle_id, 0).await.unwrap();
    let now = ambasada_server::now();

    // Nothing yet: the homes say so.
    for c in [&coord, &editor, &recruiter, &idle] {
        let home = c.get("/app").await.text().await.unwrap();
        assert!(!home.contains("id=\"todo-review\""));
    }
    let home = recruiter.get("/app").await.text().await.unwrap();
    assert!(home.contains("id=\"attention-none\""), "nothing needs attention");

    // The coordinator: an item to approve, a candidate, a missed post, a red program.
    let to_review = item(app, "Hackathon recap", editor_id, "submitted", vec![p], vec![]).await;
    let (employee, _) = person(app, "jan@test.example", &[]).await;
    let res = employee
        .post_form(
            &format!("/app/join/{p}"),
            &[
                ("network", "linkedin"),
                ("frequency", "weekly"),
                ("size_linkedin", "500"),
                (
                    "motivation",
                    "Chcę pokazywać, jak naprawdę wygląda praca w naszym zespole.",
                ),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let grace = ambasada_core::calendar::GRACE;
    let (slot, _) = planned(
        app,
        p,
        coord_id,
        amb_id,
        "Missed one",
        now - grace - 2 * HOUR,
        now - grace - 1_000,
    )
    .await;
    // (The calendar job may have marked it first.)
    app.state.store.mark_missed(now).await.unwrap();
    assert_eq!(app.state.store.slot_posts(slot).await.unwrap()[0].status, "missed");
    let home = coord.get("/app").await.text().await.unwrap();
    assert!(!home.contains("id=\"attention-none\""));
    let block = |id: &str| {
        let start = home
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} in {home}"));
        let end = start + home[start..].find("</section>").unwrap();
        home[start..end].to_string()
    };
    let review = block("todo-review");
    assert!(review.contains("1 item awaits approval"), "{review}");
    assert!(review.contains(&format!("/app/content/{to_review}")));
    assert!(review.contains("/app/content?status=submitted"));
    let candidates = block("todo-candidates");
    assert!(candidates.contains(&format!("/app/programs/{p}/candidates")));
    assert!(candidates.contains("1 application"));
    let missed = block("todo-missed");
    assert!(missed.contains(&format!("/app/programs/{p}/realisation")));
    assert!(missed.contains("1 planned post"));
    let red = block("todo-health");
    assert!(red.contains(&format!("/app/programs/{p}/health")), "no goal: red");
    assert!(!red.contains(&format!("/app/programs/{other}/health")), "not theirs");

    // The editor: their rejected item with the reason, and a draft.
    let rejected = item(app, "Old logo", editor_id, "submitted", vec![], vec![]).await;
    app.state
        .store
        .transition_content(
            rejected,
            "submitted",
            "rejected",
            Some(coord_id),
            Some("Use the new logo."),
            now,
        )
        .await
        .unwrap();
    item(app, "Draft idea", editor_id, "draft", vec![], vec![]).await;
    let home = editor.get("/app").await.text().await.unwrap();
    let start = home.find("id=\"todo-mine\"").expect("the editor's block");
    let mine = &home[start..start + home[start..].find("</section>").unwrap()];
    assert!(mine.contains("1 rejected item") && mine.contains("1 draft"), "{mine}");
    assert!(mine.contains("Use the new logo."));
    assert!(mine.contains(&format!("/app/content/{rejected}")));

    // The recruiter: a new application.
    let offer = app
        .state
        .store
        .create_offer(
            &OfferInput {
                title: "Rust developer".into(),
                location: "Warszawa".into(),
                contract_type: "employment".into(),
                description: "Piszesz Rust.".into(),
                language: "en".into(),
                open: true,
            },
            recruiter_id,
            0,
        )
        .await
        .unwrap();
    let visitor = TestApp::sibling(app);
    let token = visitor.csrf().await;
    let res = visitor
        .client
        .post(app.url(&format!("/careers/{offer}/apply?csrf_token={token}")))
        .multipart(
            Form::new()
                .text("name", "Anna Nowak")
                .text("email", "anna@example.com")
                .text("message", "Dzień dobry!")
                .text("consent", "1"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let home = recruiter.get("/app").await.text().await.unwrap();
    assert!(home.contains("id=\"todo-applications\""));
    assert!(home.contains("1 new application") && home.contains("Anna Nowak"));
    assert!(home.contains("/app/applications?stage=new"));

    // The ambassador: a post due today (one tap to its share screen) and new content.
    let (_, today) = planned(app, p, coord_id, amb_id, "Team lunch", now - HOUR, now + HOUR).await;
    let fresh = item(app, "New office", editor_id, "published", vec![p], vec![]).await;
    let home = amb.get("/app").await.text().await.unwrap();
    let start = home.find("id=\"todo-plan\"").expect("the plan block");
    let plan = &home[start..start + home[start..].find("</section>").unwrap()];
    assert!(plan.contains("Today: 1 planned post"), "{plan}");
    assert!(plan.contains(&format!("href=\"/app/plan/{today}/open\"")));
    assert!(plan.contains("href=\"/app/plan\""));
    assert!(home.contains("id=\"todo-content\"") && home.contains(&format!("/app/feed/{fresh}")));
    // An ambassador of another program sees neither, and is told nothing waits.
    let home = idle.get("/app").await.text().await.unwrap();
    assert!(home.contains("id=\"attention-none\""), "{home}");
    assert!(!home.contains("New office"));
    assert!(!home.contains(&format!("/app/plan/{today}/open")));
    // Polish counts take their plural forms.
    amb.post_form("/lang", &[("lang", "pl"), ("back", "/app")]).await;
    let home = amb.get("/app").await.text().await.unwrap();
    assert!(home.contains("Na dziś: 1 zaplanowany post"), "{home}");
    assert!(home.contains("1 nowy gotowy post"));
}
story!(each_roles_home_leads_with_its_work);
