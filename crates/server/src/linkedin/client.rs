//! LinkedIn's endpoints as ../shared/integrations/linkedin.md describes them: the token
//! exchange, the member's identity, the Images API and the Posts API. Every answer that
//! is not a success becomes a [`CallError`]: a failure of a known kind, or an attempt
//! whose outcome is unknown (the request may have reached LinkedIn).

use crate::config::identity::LinkedInConfig;
use ambasada_core::linkedin::Failure;
use serde::Deserialize;
use std::time::Duration;

/// How long one call to LinkedIn may take.
const TIMEOUT: Duration = Duration::from_secs(20);
/// The scopes asked for when connecting.
pub const SCOPES: &str = "openid profile email w_member_social";

/// An HTTP client for LinkedIn: redirects are never followed.
pub fn http() -> anyhow::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Ambasada/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| anyhow::anyhow!("cannot build the LinkedIn HTTP client: {e}"))
}

/// A call that did not succeed.
#[derive(Debug)]
pub enum CallError {
    /// LinkedIn answered with a refusal of this kind (`Retry-After` in seconds, and a
    /// short detail for the record, never the token).
    Failed(Failure, Option<u64>, String),
    /// No answer came back after the request was sent (a timeout, a broken answer):
    /// LinkedIn may have acted on it.
    Unknown(String),
}

impl CallError {
    fn from_reqwest(e: reqwest::Error) -> CallError {
        if e.is_connect() || e.is_builder() {
            CallError::Failed(Failure::Unreachable, None, short(&e.to_string()))
        } else {
            CallError::Unknown(short(&e.to_string()))
        }
    }
}

fn short(s: &str) -> String {
    s.chars().take(300).collect()
}

/// The token endpoint's answer (its `Debug` hides the token).
#[derive(Deserialize)]
pub struct TokenAnswer {
    pub access_token: String,
    pub expires_in: i64,
    #[serde(default)]
    pub scope: String,
}

impl std::fmt::Debug for TokenAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenAnswer")
            .field("access_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish()
    }
}

/// The member, from `/v2/userinfo`.
#[derive(Debug, Deserialize)]
pub struct Member {
    pub sub: String,
    #[serde(default)]
    pub name: String,
}

/// LinkedIn as the company's app talks to it.
pub struct LinkedIn<'a> {
    pub cfg: &'a LinkedInConfig,
    pub http: &'a reqwest::Client,
}

/// Turns an answer into its body, or the failure its status stands for.
async fn checked(res: reqwest::Response) -> Result<(reqwest::header::HeaderMap, String), CallError> {
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.text().await.map_err(CallError::from_reqwest)?;
    match Failure::of(status, &body) {
        None => Ok((headers, body)),
        Some(f) => {
            let retry_after = headers
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            Err(CallError::Failed(f, retry_after, short(&format!("{status} {body}"))))
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, CallError> {
    serde_json::from_str(body).map_err(|e| CallError::Failed(Failure::Rejected(200), None, short(&e.to_string())))
}

impl LinkedIn<'_> {
    /// The address the person's browser is sent to, to consent.
    pub fn authorize_url(&self, redirect_uri: &str, state: &str) -> String {
        let query = serde_urlencoded::to_string([
            ("response_type", "code"),
            ("client_id", self.cfg.client_id.as_str()),
            ("redirect_uri", redirect_uri),
            ("state", state),
            ("scope", SCOPES),
        ])
        .expect("strings encode");
        format!("{}/oauth/v2/authorization?{query}", self.cfg.auth_base)
    }

    /// Exchanges the callback's code for an access token.
    pub async fn exchange_code(&self, code: &str, redirect_uri: &str) -> Result<TokenAnswer, CallError> {
        let body = serde_urlencoded::to_string([
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", self.cfg.client_id.as_str()),
            ("client_secret", self.cfg.client_secret.expose()),
            ("redirect_uri", redirect_uri),
        ])
        .expect("strings encode");
        let res = self
            .http
            .post(format!("{}/oauth/v2/accessToken", self.cfg.auth_base))
            .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map_err(CallError::from_reqwest)?;
        parse(&checked(res).await?.1)
    }

    /// The member the token belongs to.
    pub async fn userinfo(&self, token: &str) -> Result<Member, CallError> {
        let res = self
            .http
            .get(format!("{}/v2/userinfo", self.cfg.api_base))
            .bearer_auth(token)
            .send()
            .await
            .map_err(CallError::from_reqwest)?;
        parse(&checked(res).await?.1)
    }

    /// A request to the versioned REST API with the headers every call there needs.
    fn rest(&self, method: reqwest::Method, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.cfg.api_base))
            .bearer_auth(token)
            .header("LinkedIn-Version", &self.cfg.version)
            .header("X-Restli-Protocol-Version", "2.0.0")
    }

    /// Uploads an image owned by the member and returns its URN (`urn:li:image:...`).
    pub async fn upload_image(
        &self,
        token: &str,
        author: &str,
        bytes: Vec<u8>,
        mime: &str,
    ) -> Result<String, CallError> {
        #[derive(Deserialize)]
        struct Init {
            value: InitValue,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct InitValue {
            upload_url: String,
            image: String,
        }
        let res = self
            .rest(reqwest::Method::POST, "/rest/images?action=initializeUpload", token)
            .json(&serde_json::json!({ "initializeUploadRequest": { "owner": author } }))
            .send()
            .await
            .map_err(CallError::from_reqwest)?;
        let init: Init = parse(&checked(res).await?.1)?;
        if !self.upload_target_allowed(&init.value.upload_url) {
            return Err(CallError::Failed(
                Failure::Rejected(200),
                None,
                "the upload address is not LinkedIn's".to_string(),
            ));
        }
        let res = self
            .http
            .put(&init.value.upload_url)
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, mime)
            .body(bytes)
            .send()
            .await
            .map_err(CallError::from_reqwest)?;
        checked(res).await?;
        Ok(init.value.image)
    }

    /// Only LinkedIn's own hosts (or the configured addresses) receive the image and the
    /// token with it.
    fn upload_target_allowed(&self, target: &str) -> bool {
        let Ok(url) = url::Url::parse(target) else {
            return false;
        };
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        let configured = [&self.cfg.api_base, &self.cfg.auth_base].iter().any(|b| {
            url::Url::parse(b)
                .is_ok_and(|b| b.scheme() == url.scheme() && b.host_str() == url.host_str() && b.port() == url.port())
        });
        configured || (url.scheme() == "https" && (host == "linkedin.com" || host.ends_with(".linkedin.com")))
    }

    /// Publishes a post; its URN comes back in `x-restli-id`.
    pub async fn create_post(&self, token: &str, body: &serde_json::Value) -> Result<String, CallError> {
        let res = self
            .rest(reqwest::Method::POST, "/rest/posts", token)
            .json(body)
            .send()
            .await
            .map_err(CallError::from_reqwest)?;
        let (headers, _) = checked(res).await?;
        headers
            .get("x-restli-id")
            .and_then(|v| v.to_str().ok())
            .filter(|v| v.starts_with("urn:li:"))
            .map(str::to_string)
            .ok_or_else(|| CallError::Unknown("LinkedIn accepted the post without naming it".to_string()))
    }
}

/// The body of an article post: the text, the tracked link with its title and
/// description, and the thumbnail when there is one.
pub fn post_body(
    author: &str,
    commentary: &str,
    link: &str,
    title: &str,
    description: &str,
    thumbnail: Option<&str>,
) -> serde_json::Value {
    let mut article = serde_json::json!({
        "source": link,
        "title": title,
        "description": description,
    });
    if let Some(urn) = thumbnail {
        article["thumbnail"] = serde_json::Value::String(urn.to_string());
    }
    serde_json::json!({
        "author": author,
        "commentary": ambasada_core::linkedin::escape_commentary(commentary),
        "visibility": "PUBLIC",
        "distribution": {
            "feedDistribution": "MAIN_FEED",
            "targetEntities": [],
            "thirdPartyDistributionChannels": [],
        },
        "content": { "article": article },
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": false,
    })
}
