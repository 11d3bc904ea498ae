//! The company's brand: admins set its name, logo, colour and "about us"; the header,
//! the careers pages, emails and link previews show it.

use crate::common::{PASSWORD, TestApp, client, wait_for};
use crate::story;
use ambasada_core::Role;
use reqwest::multipart::{Form, Part};

const PNG: &[u8] = include_bytes!("../../demo/logo.png");

async fn post_brand(c: &TestApp, form: Form) -> reqwest::Response {
    let token = c.csrf().await;
    c.client
        .post(c.url(&format!("/app/admin/brand?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn logo(bytes: &'static [u8], name: &str) -> Part {
    Part::bytes(bytes).file_name(name.to_string())
}

/// A visitor's page, in English.
async fn visit(app: &TestApp, path: &str) -> String {
    client()
        .get(app.url(path))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The address of the first `attr="{prefix}..."` in a page.
fn address(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(prefix)?;
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

async fn the_brand_is_set_checked_and_shown(app: &TestApp) {
    app.login_as(Role::Admin).await;
    let coordinator = TestApp::sibling(app);
    coordinator
        .create_user("coord@test.example", &[Role::Coordinator])
        .await;
    coordinator.login("coord@test.example", PASSWORD).await;
    assert_eq!(coordinator.get("/app/admin/brand").await.status(), 403);
    let res = post_brand(&coordinator, Form::new().text("name", "Not allowed")).await;
    assert_eq!(res.status(), 403);

    // Before: the tool's own name everywhere, no colour stylesheet.
    let careers = visit(app, "/careers").await;
    assert!(careers.contains("· Ambasada</title>"), "{careers}");
    assert!(!careers.contains("/brand/colours-"));

    // Bad input: every problem on its field, the typed text kept, the logo asked for again.
    let res = post_brand(
        app,
        Form::new()
            .text("name", "N".repeat(81))
            .text("colour", "czerwony")
            .text("about", "Kept as typed.")
            .part("logo", logo(PNG, "logo.png")),
    )
    .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("at most 80 characters"), "{page}");
    assert!(page.contains("Choose a colour"), "{page}");
    assert!(page.contains("Kept as typed."));
    assert!(page.contains("Choose the file again"), "{page}");
    let res = post_brand(
        app,
        Form::new()
            .text("name", "X")
            .part("logo", logo(b"GIF89a....", "logo.gif")),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("supported image"));
    assert_eq!(
        app.state.store.brand().await.unwrap(),
        Default::default(),
        "nothing saved"
    );

    let res = post_brand(
        app,
        Form::new()
            .text("name", "  Nordwind   Logistics ")
            .text("colour", "#E30613")
            .text("about", "We move things.\r\n\r\nSince <1998>.")
            .part("logo", logo(PNG, "logo.png")),
    )
    .await;
    assert_eq!(res.status(), 303);
    let brand = app.state.store.brand().await.unwrap();
    assert_eq!(
        (brand.name.as_str(), brand.colour.as_str(), brand.about.as_str()),
        ("Nordwind Logistics", "#e30613", "We move things.\n\nSince <1998>.")
    );
    assert!(brand.logo.ends_with(".png"));

    // The careers pages read as the employer's: title, header logo, about us, escaped.
    let careers = visit(app, "/careers").await;
    assert!(careers.contains("· Nordwind Logistics</title>"), "{careers}");
    assert!(!careers.contains("Ambasada</title>"));
    assert!(careers.contains(&format!("class=\"brand-logo\" src=\"/media/{}\"", brand.logo)));
    assert!(careers.contains("About Nordwind Logistics"));
    assert!(careers.contains("<p>We move things.</p><p>Since "), "{careers}");
    assert!(!careers.contains("<1998>"), "escaped");
    assert!(careers.contains(&format!(
        "<meta property=\"og:image\" content=\"{}/media/{}\">",
        app.address, brand.logo
    )));
    let logo_res = client()
        .get(app.url(&format!("/media/{}", brand.logo)))
        .send()
        .await
        .unwrap();
    assert_eq!(logo_res.status(), 200);

    // The colour arrives as a stylesheet (the CSP allows no inline style).
    let href = address(&careers, "/brand/colours-").expect("stylesheet link");
    let css = client().get(app.url(&href)).send().await.unwrap();
    assert_eq!(css.status(), 200);
    assert!(css.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    assert!(css.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert!(css.text().await.unwrap().contains("--brand: #e30613;"));

    // The app header names the company too, and emails are signed with it.
    let home = app.get("/app").await.text().await.unwrap();
    assert!(home.contains("<span class=\"brand-name\">Nordwind Logistics</span>"));
    let visitor = TestApp::sibling(app);
    let res = visitor
        .post_form("/password/forgot", &[("email", "admin@test.example")])
        .await;
    assert_eq!(res.status(), 303);
    // The reset email is queued after the answer (so that its timing tells nothing).
    let reset = wait_for("the reset email", async || {
        let (mail, _) = app.state.store.outbox(None, 10, 0).await.unwrap();
        mail.into_iter()
            .find(|m| m.kind == "reset")
            .ok_or_else(|| "none yet".to_string())
    })
    .await;
    assert!(
        reset.body_text.ends_with("\n\n-- \nNordwind Logistics\n"),
        "{}",
        reset.body_text
    );
    let audit = app.get("/app/admin/audit").await.text().await.unwrap();
    assert!(audit.contains("Company brand changed: Nordwind Logistics"), "{audit}");

    // Back to the tool's own look: no logo, no colour.
    let res = post_brand(
        app,
        Form::new()
            .text("name", "Nordwind Logistics")
            .text("colour", "#e30613")
            .text("default_colour", "1")
            .text("remove_logo", "1"),
    )
    .await;
    assert_eq!(res.status(), 303);
    let careers = visit(app, "/careers").await;
    assert!(!careers.contains("brand-logo"));
    assert!(!careers.contains("/brand/colours-"));
    assert_eq!(client().get(app.url(&href)).send().await.unwrap().status(), 404);
}
story!(the_brand_is_set_checked_and_shown);

/// The demo's job post leads to its own careers page: the share screen previews it as
/// that page's Open Graph tags describe it, with the demo company's logo.
async fn a_link_to_a_careers_page_is_previewed_from_its_tags(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let brand = store.brand().await.unwrap();
    assert_eq!(brand.name, "Kompas Digital");
    let offer_path = |url: &str| {
        url.strip_prefix(&format!("{}/careers/", app.address))
            .map(str::to_string)
    };
    let items = store.content_items(&(1..=40).collect::<Vec<_>>()).await.unwrap();
    let item = items
        .iter()
        .find(|i| i.status == "published" && offer_path(&i.target_url).is_some())
        .expect("a demo item leading to the careers page");
    let offer_id: i64 = offer_path(&item.target_url).unwrap().parse().unwrap();
    let offer = store.offer(offer_id).await.unwrap().unwrap();
    assert_ne!(offer.title, item.title, "the preview must show the page's title");
    assert_eq!(
        app.login("ambasador@demo.example", ambasada_server::demo::DEMO_PASSWORD)
            .await
            .status(),
        303
    );
    let page = app.get(&format!("/app/feed/{}", item.id)).await.text().await.unwrap();
    let preview = &page[page.find("id=\"link-preview\"").expect("preview")..];
    let preview = &preview[..preview.find("</section>").unwrap()];
    assert!(
        preview.contains(&format!("<p class=\"preview-title\">{}</p>", offer.title)),
        "{preview}"
    );
    assert!(preview.contains("class=\"preview-description\""), "{preview}");
    assert!(preview.contains(&format!("src=\"/media/{}\"", brand.logo)), "{preview}");
}
story!(a_link_to_a_careers_page_is_previewed_from_its_tags);
