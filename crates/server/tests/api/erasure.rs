//! Erasure: an admin erases an ambassador of the demo company (the typed email confirms),
//! after which she cannot log in, her address and texts are nowhere, content she wrote
//! shows "Former employee", the program's totals are unchanged and the audit log says who
//! erased whom; a recruiter erases a candidate, CV file included. Who may do it is checked.

use crate::common::{TestApp, api_token};
use crate::story;
use ambasada_core::{Email, Scope};
use ambasada_server::demo::DEMO_PASSWORD;
use ambasada_store::content::ContentInput;

async fn logged_in(app: &TestApp, email: &str) -> TestApp {
    let c = TestApp::sibling(app);
    assert_eq!(c.login(email, DEMO_PASSWORD).await.status(), 303, "{email}");
    c
}

async fn an_admin_erases_a_person_and_the_totals_stay(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let email = "ambasador@demo.example";
    let zofia = store
        .user_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap();
    let admin = logged_in(app, "admin@demo.example").await;
    let admin_id = store
        .user_by_email(&Email::parse("admin@demo.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let token = api_token(app, admin_id, &[Scope::ReportsRead]).await;
    let program = store.programs_of(zofia.id).await.unwrap()[0].id;
    let before = crate::common::program_stats(app, &token, program).await;
    let shares_before = store.shares_of(zofia.id, 10_000).await.unwrap().len();
    assert!(shares_before > 0);
    let item = store
        .create_content(
            &ContentInput {
                title: "Mój dzień w zespole".into(),
                category: "employer".into(),
                target_url: "https://www.example.com/dzien".into(),
                image_file: None,
                hashtags: String::new(),
                language: "pl".into(),
                starts_at: 0,
                expires_at: None,
                texts: vec![("linkedin".into(), "Zobaczcie mój dzień.".into())],
                program_ids: vec![],
                team_ids: vec![],
            },
            zofia.id,
            "draft",
            0,
        )
        .await
        .unwrap();
    // Things that name her: an audit entry, an email, a job application she made.
    store.audit(None, "user.edit", email, 1).await.unwrap();
    store.enqueue_email(email, "Cześć", "Treść", "digest", 1).await.unwrap();
    let offer = store.offers(true).await.unwrap()[0].id;
    let her_application = store
        .create_application(
            &ambasada_store::recruiting::NewApplication {
                offer_id: offer,
                name: "Zofia Ambasador".into(),
                email: email.into(),
                profile_url: None,
                message: "Chcę zmienić zespół.".into(),
                cv_file: None,
                consent_text: "Zgoda.".into(),
                future_consent_text: None,
                future_consent_until: None,
                source: None,
            },
            1,
        )
        .await
        .unwrap();
    let named = |store: &ambasada_store::Store| {
        let store = store.clone();
        async move {
            let audit = store.audit_recent(100_000).await.unwrap();
            let (outbox, _) = store.outbox(None, 100_000, 0).await.unwrap();
            (
                audit
                    .iter()
                    .filter(|a| a.subject.to_lowercase().contains(email))
                    .count(),
                outbox.iter().filter(|o| o.to_addr.to_lowercase() == email).count(),
            )
        }
    };
    let (audit_before, emails_before) = named(store).await;
    assert!(audit_before > 0 && emails_before > 0, "the checks below can fail");
    // Her own client, signed in before the erasure.
    let her = logged_in(app, email).await;
    assert_eq!(her.get("/app/feed").await.status(), 200);

    let path = format!("/app/admin/users/{}/erase", zofia.id);
    let coordinator = logged_in(app, "koordynator@demo.example").await;
    assert_eq!(coordinator.post_form(&path, &[("confirm", email)]).await.status(), 403);
    // A wrong confirmation erases nothing.
    let res = admin.post_form(&path, &[("confirm", "someone@demo.example")]).await;
    assert_eq!(res.status(), 303);
    let page = admin
        .get(&format!("/app/admin/users/{}", zofia.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("does not match") || page.contains("nie zgadza"), "{page}");
    assert!(store.user(zofia.id).await.unwrap().unwrap().erased_at.is_none());

    let res = admin.post_form(&path, &[("confirm", "Ambasador@demo.example ")]).await;
    assert_eq!(res.status(), 303);
    let erased = store.user(zofia.id).await.unwrap().unwrap();
    assert!(erased.erased_at.is_some() && !erased.is_active());
    assert!(erased.email.ends_with("@erased.invalid"));
    // She cannot log in, and her open session is over.
    assert_ne!(TestApp::sibling(app).login(email, DEMO_PASSWORD).await.status(), 303);
    assert_ne!(her.get("/app/feed").await.status(), 200);
    // The totals stay.
    assert_eq!(crate::common::program_stats(app, &token, program).await, before);
    assert_eq!(store.shares_of(zofia.id, 10_000).await.unwrap().len(), shares_before);
    // Her address is in no audit entry and no email any more; her application is erased.
    assert_eq!(named(store).await, (0, 0));
    assert!(
        store
            .application(her_application)
            .await
            .unwrap()
            .unwrap()
            .erased_at
            .is_some()
    );
    // Her texts are nowhere in what is stored about her.
    let doc = ambasada_server::privacy::document(&app.state, zofia.id)
        .await
        .unwrap()
        .unwrap();
    let text = doc.to_string();
    assert!(!text.contains(email), "{text}");
    assert!(doc["shares"].as_array().unwrap().iter().all(|s| s["text"] == ""));
    // Network sizes stay (reach counts them), the profile addresses go.
    assert!(
        doc["profile_networks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["profile_url"].is_null())
    );
    assert!(doc["notifications"].as_array().unwrap().is_empty());
    assert!(doc["emails"].as_array().unwrap().is_empty());
    // Content she wrote stays, signed "former employee" in the erasing admin's language.
    let content = admin.get(&format!("/app/content/{item}")).await.text().await.unwrap();
    assert!(
        content.contains("Dane usunięte") || content.contains("Former employee"),
        "{content}"
    );
    // The audit log: who erased whom, not her address.
    let audit = admin.get("/app/admin/audit").await.text().await.unwrap();
    assert!(audit.contains(&format!("person #{}", zofia.id)), "{audit}");
    assert!(!audit.contains(email), "{audit}");
    // Once is enough; an erased account is not edited or reactivated back to life.
    let res = admin.post_form(&path, &[("confirm", erased.email.as_str())]).await;
    assert_eq!(res.status(), 303);
    let page = admin
        .get(&format!("/app/admin/users/{}", zofia.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("already been erased") || page.contains("zostały już usunięte"),
        "{page}"
    );
    assert!(
        !page.contains("id=\"erase-person\""),
        "no erase form on an erased shell"
    );
    let res = admin
        .post_form(
            &format!("/app/admin/users/{}", zofia.id),
            &[
                ("first_name", "Zofia"),
                ("last_name", "Nowa"),
                ("locale", "pl"),
                ("role", "ambassador"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        store.user(zofia.id).await.unwrap().unwrap().last_name,
        "",
        "not edited back"
    );
    let res = admin
        .post_form(&format!("/app/admin/users/{}/reactivate", zofia.id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(!store.user(zofia.id).await.unwrap().unwrap().is_active());
    // An admin cannot erase themselves.
    let own = format!("/app/admin/users/{admin_id}/erase");
    admin.post_form(&own, &[("confirm", "admin@demo.example")]).await;
    assert!(store.user(admin_id).await.unwrap().unwrap().erased_at.is_none());
}

story!(an_admin_erases_a_person_and_the_totals_stay);

async fn a_recruiter_erases_a_candidate_with_the_cv(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    // An application with a CV on disk.
    let dir = std::path::Path::new(&app.state.config.data_dir).join("cv");
    std::fs::create_dir_all(&dir).unwrap();
    let cv = dir.join("erase-test.pdf");
    std::fs::write(&cv, b"%PDF-1.4 test").unwrap();
    let offer = store.offers(true).await.unwrap()[0].id;
    let id = store
        .create_application(
            &ambasada_store::recruiting::NewApplication {
                offer_id: offer,
                name: "Kandydatka Testowa".into(),
                email: "kandydatka@example.org".into(),
                profile_url: Some("https://www.linkedin.com/in/kandydatka".into()),
                message: "Chętnie dołączę.".into(),
                cv_file: Some("erase-test.pdf".into()),
                consent_text: "Zgoda na przetwarzanie danych.".into(),
                future_consent_text: None,
                future_consent_until: None,
                source: None,
            },
            ambasada_server::now(),
        )
        .await
        .unwrap();
    let a = store.application(id).await.unwrap().unwrap();
    let count = store.applications(None, false, 1000).await.unwrap().len();

    let path = format!("/app/applications/{}/erase", a.id);
    let ambassador = logged_in(app, "ambasador@demo.example").await;
    assert_eq!(ambassador.post_form(&path, &[]).await.status(), 403);
    assert!(cv.exists());
    let recruiter = logged_in(app, "rekruter@demo.example").await;
    assert_eq!(recruiter.post_form(&path, &[]).await.status(), 303);
    assert!(!cv.exists(), "the CV file is deleted");
    let after = store.application(a.id).await.unwrap().unwrap();
    assert!(after.erased_at.is_some());
    assert!(after.email.is_empty() && after.message.is_empty() && after.cv_file.is_none());
    assert_ne!(after.name, a.name);
    assert_eq!(after.stage, a.stage, "the stage and source stay");
    assert_eq!(after.ambassador_id, a.ambassador_id);
    assert_eq!(store.applications(None, false, 1000).await.unwrap().len(), count);
    let page = recruiter
        .get(&format!("/app/applications/{}", a.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"application-erased\""), "{page}");
    assert!(
        !page.contains("kandydatka@example.org") && !page.contains("Kandydatka Testowa"),
        "{page}"
    );
    assert_eq!(
        recruiter.get(&format!("/app/applications/{}/cv", a.id)).await.status(),
        404
    );
    let audit = logged_in(app, "admin@demo.example").await.get("/app/admin/audit").await;
    assert!(audit.text().await.unwrap().contains(&format!("application #{}", a.id)));
}

story!(a_recruiter_erases_a_candidate_with_the_cv);

/// A program's member removal is audited by address like an addition, so a person's
/// erasure renames both entries.
async fn member_changes_are_audited_by_address_and_forgotten_on_erasure(app: &TestApp) {
    let admin = app.login_as(ambasada_core::Role::Admin).await;
    let amb = app
        .create_user("amb@test.example", &[ambasada_core::Role::Ambassador])
        .await;
    let program = app.create_program("Employer branding", "eb", Some(admin)).await;
    app.state.store.add_member(program, amb, 0).await.unwrap();
    let res = app
        .post_form(&format!("/app/programs/{program}/members/{amb}/remove"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let audit = app.state.store.audit_recent(10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "program.member.remove" && e.subject == "Employer branding: amb@test.example"),
        "{audit:?}"
    );
    ambasada_server::privacy::erase::erase_person(&app.state, Some(admin), amb, ambasada_core::Locale::En)
        .await
        .unwrap();
    let audit = app.state.store.audit_recent(10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "program.member.remove" && e.subject == format!("Employer branding: person #{amb}")),
        "{audit:?}"
    );
}

story!(member_changes_are_audited_by_address_and_forgotten_on_erasure);
