//! The daily retention run on the demo company with a year of clicks: it erases only the
//! candidates past their retention (CV files included; one who consented to future
//! recruitments and one whose offer is open stay), deletes raw clicks older than the
//! setting while every total stays the same, deletes old notifications and audit
//! entries, empties old email bodies, records what it deleted, and runs once a day.

use crate::common::{TestApp, api_token};
use crate::story;
use ambasada_core::{DAY, Email, Scope};
use ambasada_store::notifications::NewNotification;
use ambasada_store::recruiting::{NewApplication, OfferInput};

fn offer(title: &str, open: bool) -> OfferInput {
    OfferInput {
        title: title.into(),
        location: "Gdańsk".into(),
        contract_type: "employment".into(),
        description: "Opis".into(),
        language: "pl".into(),
        open,
    }
}

fn application(offer_id: i64, who: &str, cv: Option<&str>, future_consent: bool) -> NewApplication {
    NewApplication {
        offer_id,
        name: who.into(),
        email: format!("{}@example.org", who.to_lowercase()),
        profile_url: None,
        message: "Dzień dobry".into(),
        cv_file: cv.map(str::to_string),
        consent_text: "Zgoda na tę rekrutację.".into(),
        future_consent_text: future_consent.then(|| "Zgoda na przyszłe rekrutacje.".to_string()),
        // Given with the application (made 300 days ago in the test): 24 months on.
        future_consent_until: future_consent.then(|| ambasada_server::now() + 430 * DAY),
        source: None,
    }
}

async fn the_daily_run_deletes_only_what_is_due_and_totals_stay(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let now = ambasada_server::now();
    let admin = store
        .user_by_email(&Email::parse("admin@demo.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let token = api_token(app, admin, &[Scope::ReportsRead]).await;
    let programs: Vec<i64> = store.programs().await.unwrap().iter().map(|p| p.id).collect();
    assert!(!programs.is_empty());
    // An old click an application points at: it stays, with its conversion.
    let link = store.all_tracked_links().await.unwrap()[0].clone();
    let old_click = store
        .insert_clicks(&[ambasada_store::tracking::NewClick {
            link_id: link.id,
            at: now - 300 * DAY,
            network: "linkedin",
            visitor_hash: "retention-test".into(),
            browser: "firefox",
            referrer_host: None,
        }])
        .await
        .unwrap()[0];
    let clicks_before = store.count_click_rows().await.unwrap();

    // Candidates: an offer closed 7 months ago, one closed a month ago, one still open.
    let dir = std::path::Path::new(&app.state.config.data_dir).join("cv");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("due.pdf"), b"%PDF due").unwrap();
    std::fs::write(dir.join("kept.pdf"), b"%PDF kept").unwrap();
    let old = store
        .create_offer(&offer("Stara oferta", false), admin, now - 210 * DAY)
        .await
        .unwrap();
    let recent = store
        .create_offer(&offer("Niedawna", false), admin, now - 30 * DAY)
        .await
        .unwrap();
    let open = store
        .create_offer(&offer("Otwarta", true), admin, now - 400 * DAY)
        .await
        .unwrap();
    let mut referred = application(old, "Referred", None, true);
    referred.source = Some(ambasada_store::tracking::ClickSource {
        click_id: old_click,
        at: now - 300 * DAY,
        network: "linkedin".into(),
        ambassador_id: link.user_id,
        item_id: link.item_id,
        program_id: link.program_id,
    });
    store.create_application(&referred, now - 300 * DAY).await.unwrap();
    let due = store
        .create_application(&application(old, "Due", Some("due.pdf"), false), now - 300 * DAY)
        .await
        .unwrap();
    let consented = store
        .create_application(&application(old, "Consented", None, true), now - 300 * DAY)
        .await
        .unwrap();
    let mut ended = application(old, "Ended", None, true);
    ended.future_consent_until = Some(now - DAY);
    let consent_ended = store.create_application(&ended, now - 900 * DAY).await.unwrap();
    let closed_lately = store
        .create_application(&application(recent, "Lately", Some("kept.pdf"), false), now - 300 * DAY)
        .await
        .unwrap();
    let still_open = store
        .create_application(&application(open, "Open", None, false), now - 399 * DAY)
        .await
        .unwrap();
    // Notifications, emails and audit entries, old and new.
    let note = NewNotification {
        kind: "content-published",
        args: r#"{"title":"x"}"#,
        link: "/app/feed",
        dedup_key: None,
    };
    store.add_notifications(&[admin], &note, now - 200 * DAY).await.unwrap();
    store.add_notifications(&[admin], &note, now - DAY).await.unwrap();
    let old_mail = store
        .enqueue_email("a@example.org", "Stary", "stara treść", "digest", now - 100 * DAY)
        .await
        .unwrap();
    store
        .mark_email_sent(old_mail, now - 100 * DAY, "stara treść")
        .await
        .unwrap();
    let new_mail = store
        .enqueue_email("b@example.org", "Nowy", "nowa treść", "digest", now - DAY)
        .await
        .unwrap();
    store.mark_email_sent(new_mail, now - DAY, "nowa treść").await.unwrap();
    store
        .audit(None, "user.edit", "very-old@example.org", now - 800 * DAY)
        .await
        .unwrap();
    store
        .audit(None, "user.edit", "recent@example.org", now - DAY)
        .await
        .unwrap();

    // Every program's numbers just before the run.
    let mut before = Vec::new();
    for p in &programs {
        before.push(crate::common::program_stats(app, &token, *p).await);
    }
    // Tomorrow's run: the server's own job ran today's when it started.
    let tomorrow = now + DAY;
    let counts = ambasada_server::privacy::retention::run_due(&app.state, tomorrow)
        .await
        .unwrap()
        .expect("the day's first run");
    assert!(
        ambasada_server::privacy::retention::run_due(&app.state, tomorrow + 1000)
            .await
            .unwrap()
            .is_none(),
        "once a day"
    );

    // Candidates.
    let a = |id| async move { store.application(id).await.unwrap().unwrap() };
    assert!(a(due).await.erased_at.is_some() && a(due).await.email.is_empty());
    assert!(!dir.join("due.pdf").exists(), "its CV is deleted");
    assert!(
        a(consent_ended).await.erased_at.is_some(),
        "a consent that ended keeps nothing"
    );
    for kept in [consented, closed_lately, still_open] {
        assert!(a(kept).await.erased_at.is_none(), "application {kept} stays");
    }
    assert!(dir.join("kept.pdf").exists());
    assert!(a(consented).await.future_consent_at.is_some());
    assert!(counts.applications >= 1 && counts.cvs == 1, "{counts:?}");
    // Clicks: old raw rows gone, every total the same.
    let clicks_after = store.count_click_rows().await.unwrap();
    assert!(counts.clicks > 0, "the demo's year of clicks has old ones: {counts:?}");
    assert_eq!(clicks_before - clicks_after, counts.clicks);
    assert!(
        store.click_exists(old_click).await.unwrap(),
        "a click an application points at stays"
    );
    for (p, b) in programs.iter().zip(&before) {
        assert_eq!(
            &crate::common::program_stats(app, &token, *p).await,
            b,
            "program {p}'s numbers"
        );
    }
    // Notifications, emails, audit.
    let (outbox, _) = store.outbox(None, 100_000, 0).await.unwrap();
    let body = |id| outbox.iter().find(|o| o.id == id).unwrap().body_text.clone();
    assert_eq!(body(old_mail), "");
    assert_eq!(body(new_mail), "nowa treść");
    assert!(
        counts.notifications >= 1 && counts.audit >= 1 && counts.messages >= 1,
        "{counts:?}"
    );
    let audit = store.audit_recent(100_000).await.unwrap();
    assert!(!audit.iter().any(|e| e.subject == "very-old@example.org"));
    assert!(audit.iter().any(|e| e.subject == "recent@example.org"));
    assert!(
        audit.iter().any(|e| e.action == "retention.run"),
        "the run is in the audit log"
    );
    let runs = store.retention_runs(5).await.unwrap();
    assert_eq!(runs[0].day, tomorrow / DAY);
    assert_eq!(runs[0].counts, counts, "what it deleted is recorded");
}

story!(the_daily_run_deletes_only_what_is_due_and_totals_stay);

/// The careers form asks the second consent, optional: stored with its text and time
/// when given, absent when not.
async fn the_careers_form_stores_the_optional_consent_to_future_recruitments(app: &TestApp) {
    let recruiter = app
        .create_user("rek@test.example", &[ambasada_core::Role::Recruiter])
        .await;
    let offer = app
        .state
        .store
        .create_offer(&offer("Programistka", true), recruiter, 0)
        .await
        .unwrap();
    let visitor = TestApp::sibling(app);
    let page = visitor.get(&format!("/careers/{offer}")).await.text().await.unwrap();
    assert!(page.contains("name=\"future_consent\""), "{page}");
    assert!(
        page.contains("przez 24 miesiące") || page.contains("for 24 months"),
        "{page}"
    );
    for (who, consent) in [("Ania", true), ("Basia", false)] {
        let token = visitor.csrf().await;
        let mut form = reqwest::multipart::Form::new()
            .text("name", format!("{who} Nowak"))
            .text("email", format!("{}@example.com", who.to_lowercase()))
            .text("message", "Dzień dobry!")
            .text("consent", "1");
        if consent {
            form = form.text("future_consent", "1");
        }
        let res = visitor
            .client
            .post(app.url(&format!("/careers/{offer}/apply?csrf_token={token}")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
    }
    let apps = app.state.store.applications(None, false, 10).await.unwrap();
    let of = |name: &str| apps.iter().find(|a| a.name.starts_with(name)).unwrap().clone();
    let ania = of("Ania");
    assert!(ania.future_consent_at.is_some());
    assert!(ania.future_consent_text.unwrap().contains("24"));
    let until = ania.future_consent_until.expect("the consent's end is stored");
    let expected = ambasada_core::retention::consent_until(ania.future_consent_at.unwrap(), 24);
    assert_eq!(until, expected, "24 months from when it was given");
    let basia = of("Basia");
    assert!(basia.future_consent_at.is_none() && basia.future_consent_text.is_none());

    // The offers list's count leads to that offer's applications only.
    let other = app
        .state
        .store
        .create_offer(&self::offer("Tester", true), recruiter, 0)
        .await
        .unwrap();
    app.state
        .store
        .create_application(&application(other, "Celina", None, false), 0)
        .await
        .unwrap();
    let rec = TestApp::sibling(app);
    assert_eq!(
        rec.login("rek@test.example", crate::common::PASSWORD).await.status(),
        303
    );
    let jobs = rec.get("/app/jobs").await.text().await.unwrap();
    assert!(
        jobs.contains(&format!("href=\"/app/applications?offer={offer}\"")),
        "{jobs}"
    );
    let list = rec
        .get(&format!("/app/applications?offer={offer}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Ania Nowak") && list.contains("Basia Nowak"), "{list}");
    assert!(
        !list.contains("Celina") && list.contains("id=\"applications-offer\""),
        "{list}"
    );
    let all = rec.get("/app/applications?offer=nonsense").await;
    assert_eq!(all.status(), 200, "a bad offer narrows nothing");
    assert!(all.text().await.unwrap().contains("Celina"));
}

story!(the_careers_form_stores_the_optional_consent_to_future_recruitments);
