//! The reward form (a multipart form, for the image): reading it, checking it with
//! `core::rewards::catalog`, and storing an uploaded image the way content items do
//! (sniffed from its bytes, at most 5 MB, kept under its hash).

use crate::AppState;
use crate::content::service::Problems;
use ambasada_core::Locale;
use ambasada_core::content::{self, ImageKind};
use ambasada_core::rewards::catalog::{self, RawReward, pln_input};
use ambasada_store::rewards::catalog::{Reward, RewardInput};
use axum::extract::Multipart;

/// The reward form as typed.
#[derive(Debug, Clone, Default)]
pub struct RewardForm {
    pub name: String,
    pub description: String,
    pub points_cost: String,
    pub stock: String,
    pub cost: String,
    pub active: bool,
    pub remove_image: bool,
    /// The stock the edit form was filled in from (empty: unlimited), sent back hidden so
    /// that saving an old form cannot overwrite what redemptions changed meanwhile.
    pub loaded_stock: String,
}

impl RewardForm {
    /// A new reward's form: offered from the start.
    pub fn new_reward() -> RewardForm {
        RewardForm {
            active: true,
            ..RewardForm::default()
        }
    }

    /// A reward's form, to edit it.
    pub fn of(r: &Reward, locale: Locale) -> RewardForm {
        RewardForm {
            name: r.name.clone(),
            description: r.description.clone(),
            points_cost: r.points_cost.to_string(),
            stock: r.stock.map(|s| s.to_string()).unwrap_or_default(),
            cost: if r.cost_minor == 0 {
                String::new()
            } else {
                pln_input(r.cost_minor, locale)
            },
            active: r.is_active(),
            remove_image: false,
            loaded_stock: stock_text(r.stock),
        }
    }

    /// The stock the form was filled in from: `Some(None)` for unlimited, `None` when the
    /// hidden field was tampered with (taken as a stock that changed).
    pub fn loaded_stock(&self) -> Option<Option<i64>> {
        match self.loaded_stock.trim() {
            "" => Some(None),
            s => s.parse::<i64>().ok().map(Some),
        }
    }
}

/// A stock as the form's hidden field carries it: empty for unlimited.
pub fn stock_text(stock: Option<i64>) -> String {
    stock.map(|s| s.to_string()).unwrap_or_default()
}

/// Reads the form and its image, if one was chosen. `Err` is the catalog key of an
/// upload problem.
pub async fn read(mut mp: Multipart) -> Result<(RewardForm, Option<Vec<u8>>), &'static str> {
    let mut form = RewardForm::default();
    let mut image = None;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err("error-upload"),
        };
        let name = field.name().unwrap_or("").to_string();
        if name == "image" {
            let has_file = field.file_name().is_some_and(|f| !f.is_empty());
            let bytes = field.bytes().await.map_err(|_| "error-image-too-large")?;
            if has_file && !bytes.is_empty() {
                image = Some(bytes.to_vec());
            }
            continue;
        }
        let value = crate::input::multipart_text(field).await?;
        match name.as_str() {
            "name" => form.name = value,
            "description" => form.description = value,
            "points_cost" => form.points_cost = value,
            "stock" => form.stock = value,
            "cost" => form.cost = value,
            "active" => form.active = true,
            "remove_image" => form.remove_image = true,
            "loaded_stock" => form.loaded_stock = value,
            _ => {}
        }
    }
    Ok((form, image))
}

/// The kind of an uploaded image, or a problem on `image`.
fn check_image(image: Option<&[u8]>, p: &mut Problems) -> Option<ImageKind> {
    let bytes = image?;
    if bytes.len() > content::MAX_IMAGE_BYTES {
        p.add("image", "error-image-too-large");
        return None;
    }
    let kind = content::sniff_image(bytes);
    if kind.is_none() {
        p.add("image", "error-image-type");
    }
    kind
}

/// Checks the form; on success the image (if any) is stored and the input is ready for
/// the store. Nothing is stored on failure.
pub async fn check(
    state: &AppState,
    form: &RewardForm,
    image: Option<&[u8]>,
) -> anyhow::Result<Result<RewardInput, Problems>> {
    let mut p = Problems::default();
    let fields = catalog::check_reward(&RawReward {
        name: &form.name,
        description: &form.description,
        points_cost: &form.points_cost,
        stock: &form.stock,
        cost: &form.cost,
    });
    if let Err(problems) = &fields {
        for (field, key) in problems {
            p.add(field, key);
        }
    }
    let kind = check_image(image, &mut p);
    let fields = match fields {
        Ok(f) if p.is_empty() => f,
        _ => return Ok(Err(p)),
    };
    let image_file = match (image, kind) {
        (Some(bytes), Some(kind)) => Some(Some(crate::media::store_image(state, bytes, kind).await?)),
        _ if form.remove_image => Some(None),
        _ => None,
    };
    Ok(Ok(RewardInput {
        name: fields.name,
        description: fields.description,
        image_file,
        points_cost: fields.points_cost,
        stock: fields.stock,
        cost_minor: fields.cost_minor,
        active: form.active,
    }))
}
