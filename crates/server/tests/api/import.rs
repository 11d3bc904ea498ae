//! Employee import through the admin page: dry run, errors by line and column,
//! confirmation, re-import.

use crate::common::TestApp;
use crate::story;
use ambasada_core::{Email, Role};

async fn upload(app: &TestApp, csv: &str) -> reqwest::Response {
    let token = app.csrf().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
            .file_name("pracownicy.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    app.client
        .post(app.url(&format!("/app/admin/import?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn confirm_path(page: &str) -> String {
    let i = page.find("action=\"/app/admin/import/").expect("confirm form") + "action=\"".len();
    page[i..i + page[i..].find('"').unwrap()].to_string()
}

/// The token of the dry run's confirmation form.
fn confirm_token(page: &str) -> String {
    let i = page.find("name=\"token\" value=\"").expect("confirm token") + "name=\"token\" value=\"".len();
    page[i..i + page[i..].find('"').unwrap()].to_string()
}

async fn a_dry_run_then_confirmation_imports_and_reimport_updates(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let csv = "email;imię;nazwisko;zespół;role;język\n\
               zofia.wojcik@firma.pl;Zofia;Wójcik;Sprzedaż;ambasadorka;pl\n\
               lukasz.zielinski@firma.pl;Łukasz;Zieliński;IT;ambassador|editor;en\n";
    let res = upload(app, csv).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"count-added\">2 "), "two to add: {page}");
    assert!(page.contains("Wójcik") && page.contains("Łukasz Zieliński"));
    // Both teams are new: the preview says the import creates them.
    assert!(
        page.contains(r#"id="new-teams""#) && page.contains("<strong>Sprzedaż, IT</strong>"),
        "{page}"
    );
    assert!(
        app.state
            .store
            .user_by_email(&Email::parse("zofia.wojcik@firma.pl").unwrap())
            .await
            .unwrap()
            .is_none(),
        "a dry run changes nothing"
    );
    let res = app
        .post_form(&confirm_path(&page), &[("token", &confirm_token(&page))])
        .await;
    assert_eq!(res.status(), 303);
    let zofia = app
        .state
        .store
        .user_by_email(&Email::parse("zofia.wojcik@firma.pl").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(zofia.roles, vec![Role::Ambassador]);
    assert_eq!(zofia.teams[0].name, "Sprzedaż");
    assert!(!zofia.has_password);
    // Imported without invitations: listed as such, and offered a first invitation.
    assert!(!zofia.invited);
    let person = app
        .get(&format!("/app/admin/users/{}", zofia.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        person.contains("Not invited yet") || person.contains("Jeszcze bez zaproszenia"),
        "{person}"
    );
    assert!(!person.contains("Send invitation again") && !person.contains("Wyślij zaproszenie ponownie"));
    // The first invitation: from then on "invited" (kept on the person: its link goes when it expires).
    let res = app
        .post_form(&format!("/app/admin/users/{}/reinvite", zofia.id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(app.state.store.user(zofia.id).await.unwrap().unwrap().invited);

    // Re-import: one moved team, one unchanged, one new; nothing duplicated.
    let csv2 = "email,first_name,last_name,team,roles,language\n\
                zofia.wojcik@firma.pl,Zofia,Wójcik,Marketing,,pl\n\
                lukasz.zielinski@firma.pl,Łukasz,Zieliński,IT,editor,en\n\
                nowy@firma.pl,Nowy,Pracownik,,,\n";
    let page = upload(app, csv2).await.text().await.unwrap();
    assert!(page.contains("id=\"count-added\">1 "));
    assert!(page.contains("id=\"count-changed\">1 "));
    assert!(page.contains("id=\"count-unchanged\">1 "));
    let res = app
        .post_form(
            &confirm_path(&page),
            &[("invite", "1"), ("token", &confirm_token(&page))],
        )
        .await;
    assert_eq!(res.status(), 303);
    let zofia = app.state.store.user(zofia.id).await.unwrap().unwrap();
    assert_eq!(zofia.teams.len(), 1);
    assert_eq!(zofia.teams[0].name, "Marketing");
    assert_eq!(
        zofia.roles,
        vec![Role::Ambassador],
        "roles are never removed by an import"
    );
    let (_, total) = app
        .state
        .store
        .list_users(&ambasada_store::people::UserFilter {
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(total, 4, "admin and three employees");
    // The re-import invites only the new person (Zofia's was the admin's, above).
    let (mails, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
    let mut to: Vec<&str> = mails.iter().map(|m| m.to_addr.as_str()).collect();
    to.sort();
    assert_eq!(
        to,
        ["nowy@firma.pl", "zofia.wojcik@firma.pl"],
        "only the new person is invited"
    );
}
story!(a_dry_run_then_confirmation_imports_and_reimport_updates);

async fn a_file_with_bad_rows_names_each_and_imports_nothing(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let csv = "email,first_name,last_name,team,roles,language\n\
               dobra@firma.pl,Dobra,Osoba,IT,,\n\
               zly-adres,Piotr,Nowak,IT,,\n\
               inna@firma.pl,,Kowalska,IT,szef,\n";
    let res = upload(app, csv).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    let table = &page[page.find("id=\"import-errors\"").expect("error table")..];
    assert!(table.contains("<td>3</td><td>email</td>"), "{table}");
    assert!(table.contains("<td>4</td><td>first_name</td>"));
    assert!(table.contains("<td>4</td><td>roles</td>"));
    assert!(table.contains("szef"));
    assert!(
        app.state
            .store
            .user_by_email(&Email::parse("dobra@firma.pl").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    // Not a CSV at all, and no file.
    assert_eq!(upload(app, "\u{0}\u{1}garbage").await.status(), 422);
    let token = app.csrf().await;
    let res = app
        .client
        .post(app.url(&format!("/app/admin/import?csrf_token={token}")))
        .multipart(reqwest::multipart::Form::new().text("x", "y"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    // Without the CSRF token in the URL the upload is refused.
    let res = app
        .client
        .post(app.url("/app/admin/import"))
        .multipart(reqwest::multipart::Form::new().text("x", "y"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
story!(a_file_with_bad_rows_names_each_and_imports_nothing);
