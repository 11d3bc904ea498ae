//! The content item form: reading it from a multipart request and showing it again
//! with what was typed and the problems found.

use super::service::{RawContent, local_input, text_field};
use crate::web::{Ctx, FieldErrors};
use ambasada_core::Network;
use ambasada_core::content::{self, Category};
use ambasada_store::content::ContentItem;
use ambasada_store::people::TeamSummary;
use ambasada_store::programs::Program;
use askama::Template;
use axum::extract::Multipart;

/// What the submit button asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Keep as a draft.
    Save,
    /// Save and send for approval.
    Submit,
}

/// Reads the form. `Err` carries the catalog key of an upload problem.
pub async fn read(mut mp: Multipart) -> Result<(RawContent, Intent), &'static str> {
    let mut raw = RawContent::default();
    let mut intent = Intent::Save;
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
                raw.image = Some(bytes.to_vec());
            }
            continue;
        }
        let value = crate::input::multipart_text(field).await?;
        match name.as_str() {
            "title" => raw.title = value,
            "category" => raw.category = value,
            "target_url" => raw.target_url = value,
            "language" => raw.language = value,
            "hashtags" => raw.hashtags = value,
            "starts_at" => raw.starts_at = value,
            "expires_at" => raw.expires_at = value,
            "program" => raw.programs.push(value),
            "team" => raw.teams.push(value),
            "remove_image" => raw.remove_image = true,
            "intent" if value == "submit" => intent = Intent::Submit,
            n if n.starts_with("text_") => {
                if let Some(net) = Network::parse(&n["text_".len()..]) {
                    raw.texts.push((net.as_str().to_string(), value));
                }
            }
            _ => {}
        }
    }
    Ok((raw, intent))
}

/// One network's text area.
pub struct TextBox {
    pub network: Network,
    pub field: &'static str,
    pub text: String,
    pub limit: usize,
    pub length: usize,
}

#[derive(Template)]
#[template(path = "content/form.html")]
pub struct FormTemplate<'a> {
    pub p: &'a Ctx,
    /// Where the form posts.
    pub action: String,
    pub heading: String,
    /// `Some` when editing.
    pub item_id: Option<i64>,
    pub suggestion: bool,
    pub title: String,
    pub category: String,
    pub target_url: String,
    pub language: String,
    pub hashtags: String,
    pub starts_at: String,
    pub expires_at: String,
    pub texts: Vec<TextBox>,
    pub programs: Vec<Program>,
    pub chosen_programs: Vec<i64>,
    pub teams: Vec<TeamSummary>,
    pub chosen_teams: Vec<i64>,
    pub image_file: Option<String>,
    pub categories: &'static [Category],
    pub errors: FieldErrors,
    pub form_error: Option<String>,
}

impl FormTemplate<'_> {
    pub fn program_chosen(&self, id: &i64) -> bool {
        self.chosen_programs.contains(id)
    }
    pub fn team_chosen(&self, id: &i64) -> bool {
        self.chosen_teams.contains(id)
    }
}

fn boxes(texts: &[(String, String)]) -> Vec<TextBox> {
    Network::ALL
        .into_iter()
        .map(|n| {
            let text = texts
                .iter()
                .find(|(k, _)| k == n.as_str())
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            TextBox {
                network: n,
                field: text_field(n),
                length: content::counted_length(n, &text) + if n == Network::X { 24 } else { 0 },
                limit: content::text_limit(n),
                text,
            }
        })
        .collect()
}

impl<'a> FormTemplate<'a> {
    /// An empty form.
    pub fn blank(p: &'a Ctx, action: String, heading: String, programs: Vec<Program>, teams: Vec<TeamSummary>) -> Self {
        FormTemplate {
            p,
            action,
            heading,
            item_id: None,
            suggestion: false,
            title: String::new(),
            category: String::new(),
            target_url: String::new(),
            language: p.lang().to_string(),
            hashtags: String::new(),
            starts_at: String::new(),
            expires_at: String::new(),
            texts: boxes(&[]),
            programs,
            chosen_programs: Vec::new(),
            teams,
            chosen_teams: Vec::new(),
            image_file: None,
            categories: &Category::ALL,
            errors: FieldErrors::default(),
            form_error: None,
        }
    }

    /// The form filled from a stored item.
    pub fn filled_from_item(mut self, item: &ContentItem, tz: &str) -> Self {
        self.item_id = Some(item.id);
        self.title = item.title.clone();
        self.category = item.category.clone();
        self.target_url = item.target_url.clone();
        self.language = item.language.clone();
        self.hashtags =
            content::format_hashtags(&item.hashtags.split_whitespace().map(str::to_string).collect::<Vec<_>>());
        self.starts_at = local_input(item.starts_at, tz);
        self.expires_at = item.expires_at.map(|t| local_input(t, tz)).unwrap_or_default();
        self.texts = boxes(&item.texts);
        self.chosen_programs = item.program_ids.clone();
        self.chosen_teams = item.team_ids.clone();
        self.image_file = item.image_file.clone();
        self
    }

    /// The form filled with what was typed.
    pub fn filled_from_raw(mut self, raw: &RawContent) -> Self {
        self.title = raw.title.clone();
        self.category = raw.category.clone();
        self.target_url = raw.target_url.clone();
        self.language = raw.language.clone();
        self.hashtags = raw.hashtags.clone();
        self.starts_at = raw.starts_at.clone();
        self.expires_at = raw.expires_at.clone();
        self.texts = boxes(&raw.texts);
        self.chosen_programs = raw.programs.iter().filter_map(|s| s.parse().ok()).collect();
        self.chosen_teams = raw.teams.iter().filter_map(|s| s.parse().ok()).collect();
        self
    }
}
