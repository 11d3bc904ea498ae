//! Pages: profile, language, teams, admin people list, error pages.

use crate::common::TestApp;
use crate::story;
use ambasada_core::{Email, Role};

async fn the_profile_keeps_input_and_names_the_bad_field(app: &TestApp) {
    let id = app.login_as(Role::Ambassador).await;
    let res = app
        .post_form(
            "/app/profile",
            &[
                ("first_name", "Żaneta"),
                ("last_name", "Kowalczyk"),
                ("locale", "pl"),
                ("time_zone", "Europe/Warsaw"),
                ("linkedin_url", "https://linkedin.com.evil.example/in/zaneta"),
                ("linkedin_size", "1200"),
                ("x_size", "dużo"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("value=\"https://linkedin.com.evil.example/in/zaneta\""),
        "input kept"
    );
    assert!(page.contains("value=\"Żaneta\""));
    assert_eq!(
        page.matches("class=\"field-error\"").count(),
        2,
        "the URL and the X size"
    );
    assert_eq!(
        app.state.store.user(id).await.unwrap().unwrap().first_name,
        "Test",
        "nothing saved"
    );

    let res = app
        .post_form(
            "/app/profile",
            &[
                ("first_name", "Żaneta"),
                ("last_name", "Kowalczyk"),
                ("locale", "pl"),
                ("time_zone", "Europe/Berlin"),
                ("linkedin_url", "https://pl.linkedin.com/in/zaneta"),
                ("linkedin_size", "1 200"),
                ("xing_url", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let u = app.state.store.user(id).await.unwrap().unwrap();
    assert_eq!(
        (u.first_name.as_str(), u.time_zone.as_str()),
        ("Żaneta", "Europe/Berlin")
    );
    let nets = app.state.store.networks(id).await.unwrap();
    assert_eq!(nets.len(), 1);
    assert_eq!(nets[0].network_size, Some(1200));
    let page = app.get("/app/profile").await.text().await.unwrap();
    assert!(
        page.contains("Profil zapisany") || page.contains("flash ok"),
        "a flash confirms"
    );

    let bad_tz = app
        .post_form(
            "/app/profile",
            &[
                ("first_name", "A"),
                ("last_name", "B"),
                ("locale", "pl"),
                ("time_zone", "Mars/Olympus"),
            ],
        )
        .await;
    assert_eq!(bad_tz.status(), 422);
}
story!(the_profile_keeps_input_and_names_the_bad_field);

async fn language_follows_the_browser_then_the_choice(app: &TestApp) {
    let en = app
        .client
        .get(app.url("/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    let en = en.text().await.unwrap();
    assert!(en.contains("<html lang=\"en\">"));
    let pl = app
        .client
        .get(app.url("/login"))
        .header("accept-language", "pl-PL,pl;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(pl.text().await.unwrap().contains("<html lang=\"pl\">"));
    // The switch wins over the header, for visitors by cookie.
    let res = app.post_form("/lang", &[("lang", "en"), ("back", "/login")]).await;
    assert_eq!(res.status(), 303);
    let page = app
        .client
        .get(app.url("/login"))
        .header("accept-language", "pl")
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("<html lang=\"en\">"));
    assert_eq!(app.post_form("/lang", &[("lang", "de")]).await.status(), 400);
    // For people, on the account.
    let id = app.login_as(Role::Editor).await;
    app.post_form("/lang", &[("lang", "pl"), ("back", "https://evil.example/")])
        .await;
    assert_eq!(
        app.state.store.user(id).await.unwrap().unwrap().locale,
        ambasada_core::Locale::Pl
    );
    assert!(
        app.get("/app")
            .await
            .text()
            .await
            .unwrap()
            .contains("<html lang=\"pl\">")
    );
}
story!(language_follows_the_browser_then_the_choice);

async fn teams_are_created_renamed_and_deleted_with_clear_errors(app: &TestApp) {
    app.login_as(Role::Admin).await;
    assert_eq!(
        app.post_form("/app/admin/teams", &[("name", "Sprzedaż")])
            .await
            .status(),
        303
    );
    let dup = app.post_form("/app/admin/teams", &[("name", "Sprzedaż")]).await;
    assert_eq!(dup.status(), 422);
    assert!(dup.text().await.unwrap().contains("value=\"Sprzedaż\""));
    assert_eq!(app.post_form("/app/admin/teams", &[("name", "  ")]).await.status(), 422);
    let id = app.state.store.teams().await.unwrap()[0].id;
    assert_eq!(
        app.post_form(&format!("/app/admin/teams/{id}"), &[("name", "Sprzedaż B2B")])
            .await
            .status(),
        303
    );
    assert_eq!(app.state.store.team(id).await.unwrap().unwrap().name, "Sprzedaż B2B");
    assert_eq!(
        app.post_form(&format!("/app/admin/teams/{id}/delete"), &[])
            .await
            .status(),
        303
    );
    assert!(app.state.store.teams().await.unwrap().is_empty());
    assert_eq!(app.post_form("/app/admin/teams/999/delete", &[]).await.status(), 404);
}
story!(teams_are_created_renamed_and_deleted_with_clear_errors);

async fn admins_search_edit_and_keep_one_admin(app: &TestApp) {
    let admin = app.login_as(Role::Admin).await;
    app.create_user("bozena.nowak@test.example", &[Role::Ambassador]).await;
    app.create_user("jan.kowal@test.example", &[Role::Editor]).await;
    let page = app.get("/app/admin/users?q=NOWAK").await.text().await.unwrap();
    assert!(page.contains("bozena.nowak@test.example") && !page.contains("jan.kowal@test.example"));
    app.state
        .store
        .create_user(
            &ambasada_store::people::NewUser {
                email: Email::parse("lukasz@test.example").unwrap(),
                first_name: "Łukasz".into(),
                last_name: "Żółć".into(),
                locale: ambasada_core::Locale::Pl,
                time_zone: "Europe/Warsaw".into(),
                password_hash: None,
                roles: vec![],
                team_ids: vec![],
            },
            0,
        )
        .await
        .unwrap();
    let page = app
        .get("/app/admin/users?q=%C5%81UKASZ%20%C5%BB")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("lukasz@test.example"),
        "Polish capitals match on both engines"
    );
    let page = app.get("/app/admin/users?q=_").await.text().await.unwrap();
    assert!(page.contains(">0 "), "LIKE wildcards are taken literally");
    let page = app.get("/app/admin/users?role=editor").await.text().await.unwrap();
    assert!(page.contains("jan.kowal@test.example") && !page.contains("bozena.nowak@test.example"));

    let jan = app
        .state
        .store
        .user_by_email(&Email::parse("jan.kowal@test.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let res = app
        .post_form(
            &format!("/app/admin/users/{}", jan.id),
            &[
                ("first_name", "Jan"),
                ("last_name", "Kowal"),
                ("locale", "en"),
                ("role", "editor"),
                ("role", "coordinator"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let jan = app.state.store.user(jan.id).await.unwrap().unwrap();
    assert_eq!(jan.roles, vec![Role::Coordinator, Role::Editor]);
    // The only admin cannot lose the role.
    let res = app
        .post_form(
            &format!("/app/admin/users/{admin}"),
            &[
                ("first_name", "A"),
                ("last_name", "B"),
                ("locale", "pl"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        app.state
            .store
            .user(admin)
            .await
            .unwrap()
            .unwrap()
            .has_role(Role::Admin)
    );
    // Inviting an address that exists names the field.
    let res = app
        .post_form(
            "/app/admin/users/invite",
            &[
                ("email", "JAN.KOWAL@test.example"),
                ("first_name", "J"),
                ("last_name", "K"),
                ("locale", "pl"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("value=\"JAN.KOWAL@test.example\""));
    let audit = app.get("/app/admin/audit").await.text().await.unwrap();
    // A sentence in the admin's language, not the stored code.
    assert!(!audit.contains("user.edit"), "{audit}");
    assert!(
        audit.contains("Account changed: ") || audit.contains("Zmieniono dane konta: "),
        "{audit}"
    );
}
story!(admins_search_edit_and_keep_one_admin);

async fn errors_are_pages_in_the_layout_and_output_is_escaped(app: &TestApp) {
    let res = app.get("/app/nothing-here").await;
    assert_eq!(res.status(), 404);
    let page = res.text().await.unwrap();
    assert!(page.contains("<html") && page.contains("404"));
    let id = app.login_as(Role::Admin).await;
    let res = app.get("/app/admin/outbox/abc").await;
    assert_eq!(res.status(), 400);
    assert!(
        res.text().await.unwrap().contains("<html"),
        "extractor rejections are pages too"
    );
    app.state
        .store
        .update_profile(
            id,
            "<script>alert(1)</script>",
            "X",
            ambasada_core::Locale::Pl,
            "Europe/Warsaw",
            0,
        )
        .await
        .unwrap();
    let page = app.get("/app/admin/users").await.text().await.unwrap();
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || page.contains("&#60;script&#62;"));
    assert_eq!(app.get("/readyz").await.text().await.unwrap(), "ready");
}
story!(errors_are_pages_in_the_layout_and_output_is_escaped);
