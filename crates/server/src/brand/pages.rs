//! `/app/admin/brand`: the brand settings form (a multipart form, for the logo).

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::Result;
use crate::web::{Ctx, FieldErrors, redirect_flash, render, render_status};
use ambasada_core::Role;
use ambasada_core::brand::{self as rules, Colour, RawBrand};
use ambasada_core::content;
use ambasada_store::settings::Brand;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;

/// The colour the picker shows when none is set: app.css's own `--brand`.
const TOOL_COLOUR: &str = "#0e5a6b";

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct BrandForm {
    pub name: String,
    pub colour: String,
    /// "Use Ambasada's own colours": no colour set.
    pub default_colour: bool,
    pub about: String,
    pub remove_logo: bool,
}

impl BrandForm {
    fn of(b: &Brand) -> BrandForm {
        BrandForm {
            name: b.name.clone(),
            colour: if b.colour.is_empty() {
                TOOL_COLOUR.into()
            } else {
                b.colour.clone()
            },
            default_colour: b.colour.is_empty(),
            about: b.about.clone(),
            remove_logo: false,
        }
    }
}

#[derive(Template)]
#[template(path = "brand/settings.html")]
struct SettingsTemplate<'a> {
    p: &'a Ctx,
    form: BrandForm,
    /// The logo saved now, if any.
    logo_href: Option<String>,
    errors: FieldErrors,
    max_name: usize,
    max_about: usize,
}

/// `GET /app/admin/brand`.
pub async fn page(State(state): State<AppState>, ctx: Ctx, user: CurrentUser) -> Result<Response> {
    user.require(Role::Admin)?;
    let brand = state.brand().await;
    render(&template(
        &ctx,
        BrandForm::of(&brand.stored),
        brand.logo_href.clone(),
        FieldErrors::default(),
    ))
}

fn template<'a>(ctx: &'a Ctx, form: BrandForm, logo_href: Option<String>, errors: FieldErrors) -> SettingsTemplate<'a> {
    SettingsTemplate {
        p: ctx,
        form,
        logo_href,
        errors,
        max_name: rules::MAX_NAME,
        max_about: rules::MAX_ABOUT,
    }
}

/// Reads the form and the logo's bytes, if a file was chosen. `Err` is the catalog key
/// of an upload problem (on the logo field).
async fn read(mut mp: Multipart) -> std::result::Result<(BrandForm, Option<Vec<u8>>), &'static str> {
    let mut form = BrandForm::default();
    let mut logo = None;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            // The body limit is the likely reason: only the logo can be that large.
            Err(_) => return Err("error-logo-too-large"),
        };
        let name = field.name().unwrap_or("").to_string();
        if name == "logo" {
            let has_file = field.file_name().is_some_and(|f| !f.is_empty());
            let bytes = field.bytes().await.map_err(|_| "error-logo-too-large")?;
            if has_file && !bytes.is_empty() {
                logo = Some(bytes.to_vec());
            }
            continue;
        }
        let value = crate::input::multipart_text(field).await?;
        match name.as_str() {
            "name" => form.name = value,
            "colour" => form.colour = value,
            "default_colour" => form.default_colour = true,
            "about" => form.about = value,
            "remove_logo" => form.remove_logo = true,
            _ => {}
        }
    }
    Ok((form, logo))
}

/// `POST /app/admin/brand` (multipart): saves the brand. On a problem the form comes
/// back as typed (422) with the message on its field, and nothing is saved.
pub async fn save(State(state): State<AppState>, ctx: Ctx, user: CurrentUser, mp: Multipart) -> Result<Response> {
    user.require(Role::Admin)?;
    let saved = state.brand().await;
    let (form, logo) = match read(mp).await {
        Ok(read) => read,
        Err(key) => {
            // The body could not be read whole (a logo over the limit, or text that is
            // not UTF-8): the message goes where it belongs, the saved values come back.
            let mut errors = FieldErrors::default();
            let field = if key == "error-logo-too-large" { "logo" } else { "name" };
            errors.add(field, ctx.t(key));
            let t = template(&ctx, BrandForm::of(&saved.stored), saved.logo_href.clone(), errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
        }
    };
    let mut errors = FieldErrors::default();
    let colour = if form.default_colour { "" } else { form.colour.as_str() };
    let fields = rules::check(&RawBrand {
        name: &form.name,
        colour,
        about: &form.about,
    });
    if let Err(problems) = &fields {
        for (field, key) in problems {
            errors.add(field, ctx.t(*key));
        }
    }
    let logo_kind = logo.as_deref().and_then(|bytes| {
        let kind = content::sniff_image(bytes);
        if bytes.len() > rules::MAX_LOGO_BYTES {
            errors.add("logo", ctx.t("error-logo-too-large"));
        } else if kind.is_none() {
            errors.add("logo", ctx.t("error-image-type"));
        }
        kind
    });
    let fields = match fields {
        Ok(f) if errors.is_empty() => f,
        _ => {
            errors.attach_again("logo", logo.is_some(), &ctx.tr);
            let t = template(&ctx, form, saved.logo_href.clone(), errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &t);
        }
    };
    let logo_file = match (logo.as_deref(), logo_kind) {
        (Some(bytes), Some(kind)) => crate::media::store_image(&state, bytes, kind).await?,
        _ if form.remove_logo => String::new(),
        _ => saved.stored.logo.clone(),
    };
    let brand = Brand {
        name: fields.name,
        colour: fields.colour.map(Colour::hex).unwrap_or_default(),
        about: fields.about,
        logo: logo_file,
    };
    state.save_brand(&brand).await?;
    let shown = if brand.name.is_empty() {
        super::TOOL_NAME
    } else {
        brand.name.as_str()
    };
    state
        .store
        .audit(Some(user.id), "brand.update", shown, crate::now())
        .await?;
    Ok(redirect_flash("/app/admin/brand", true, "flash-brand-saved", None))
}
