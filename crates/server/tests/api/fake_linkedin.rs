//! A local stand-in for LinkedIn, as ../shared/integrations/linkedin.md describes the
//! real one: the authorization redirect, the token endpoint, `/v2/userinfo`, the Images
//! API (initialize, then the upload itself) and the Posts API. It records every request
//! (method, path with query, headers, body bytes) and answers the next `/rest/posts`
//! calls with what a test scripts (401, 422 `DUPLICATE_POST`, 426, 429 with
//! `Retry-After`, 500...); otherwise a post gets `201` and the next share URN.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The first share URN the fake hands out; each post gets the next number.
pub const FIRST_SHARE: u64 = 7_000_000_000_000_000_001;

/// One request the fake got.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: Method,
    /// The path with its query (`/rest/images?action=initializeUpload`).
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Request {
    /// A header's value, empty when absent.
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }

    /// The body as JSON (panics when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{} {} sent no JSON ({e}): {:?}", self.method, self.path, self.text()))
    }

    /// The body as form fields, in order.
    pub fn form(&self) -> Vec<(String, String)> {
        serde_urlencoded::from_bytes(&self.body).expect("a form-encoded body")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Whether this is a call to the Posts API.
    pub fn is_post(&self) -> bool {
        self.method == Method::POST && self.path == "/rest/posts"
    }
}

/// An answer the test scripted for a `/rest/posts` call.
#[derive(Clone, Debug)]
pub struct Scripted {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Scripted {
    pub fn new(status: u16, body: Value) -> Scripted {
        Scripted {
            status,
            body: body.to_string(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Scripted {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// 401 as LinkedIn answers an expired or revoked token.
    pub fn expired() -> Scripted {
        Scripted::new(
            401,
            json!({"serviceErrorCode": 65600, "message": "Invalid access token", "status": 401}),
        )
    }

    /// 422 `DUPLICATE_POST`.
    pub fn duplicate() -> Scripted {
        Scripted::new(
            422,
            json!({
                "message": "Content is a duplicate of urn:li:share:6999",
                "status": 422,
                "errorDetails": {"inputErrors": [{"code": "DUPLICATE_POST"}]}
            }),
        )
    }

    /// 426: the `LinkedIn-Version` is no longer served.
    pub fn version() -> Scripted {
        Scripted::new(
            426,
            json!({"code": "NONEXISTENT_VERSION", "message": "Requested version 20261100 is not active", "status": 426}),
        )
    }

    /// 429 with `Retry-After` in seconds.
    pub fn throttled(retry_after: u64) -> Scripted {
        Scripted::new(
            429,
            json!({"message": "Resource level throttle limit reached", "status": 429}),
        )
        .with_header("retry-after", &retry_after.to_string())
    }

    pub fn server_error() -> Scripted {
        Scripted::new(500, json!({"message": "Internal Server Error", "status": 500}))
    }
}

struct Inner {
    base: String,
    requests: Vec<Request>,
    /// Answers for the next `/rest/posts` calls, before the default 201.
    posts_script: VecDeque<Scripted>,
    next_share: u64,
    next_upload: u64,
    next_code: u64,
    /// What `/oauth/v2/accessToken` answers.
    token: String,
    scope: String,
    expires_in: i64,
    /// What `/v2/userinfo` answers.
    sub: String,
    name: String,
    /// How long a `/rest/posts` call takes (widens the window for races).
    post_delay: Duration,
}

/// The fake; cheap to clone (all clones share the record).
#[derive(Clone)]
pub struct FakeLinkedIn(Arc<Mutex<Inner>>);

/// The access token the fake issues by default: as long as LinkedIn's (about 500
/// characters), and recognisable in any page or column it should not appear in.
pub fn default_token() -> String {
    let mut t = String::from("AQXfakeLinkedInAccessToken");
    while t.len() < 500 {
        t.push_str("-Zq9wK3vT7pLm2");
    }
    t
}

impl FakeLinkedIn {
    /// Starts the fake on a port of its own.
    pub async fn start() -> FakeLinkedIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let fake = FakeLinkedIn(Arc::new(Mutex::new(Inner {
            base,
            requests: Vec::new(),
            posts_script: VecDeque::new(),
            next_share: FIRST_SHARE,
            next_upload: 1,
            next_code: 1,
            token: default_token(),
            scope: "openid,profile,email,w_member_social".into(),
            expires_in: 5_184_000,
            sub: "abc123".into(),
            name: "Anna Nowak".into(),
            post_delay: Duration::ZERO,
        })));
        let router = axum::Router::new().fallback(answer).with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        fake
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base(&self) -> String {
        self.0.lock().unwrap().base.clone()
    }

    /// The `LinkedInConfig` that points both of Ambasada's LinkedIn addresses here.
    pub fn config(&self) -> ambasada_server::config::identity::LinkedInConfig {
        ambasada_server::config::identity::LinkedInConfig {
            client_id: CLIENT_ID.into(),
            client_secret: ambasada_server::config::Secret::new(CLIENT_SECRET),
            version: ambasada_server::config::identity::LINKEDIN_VERSION.into(),
            auth_base: self.base(),
            api_base: self.base(),
        }
    }

    pub fn requests(&self) -> Vec<Request> {
        self.0.lock().unwrap().requests.clone()
    }

    /// The calls to the Posts API so far.
    pub fn posts(&self) -> Vec<Request> {
        self.requests().into_iter().filter(Request::is_post).collect()
    }

    /// The requests to `path` (without its query), in order.
    pub fn to(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.split('?').next() == Some(path))
            .collect()
    }

    /// How many posts were sent with exactly this commentary (as LinkedIn got it).
    pub fn posts_with(&self, commentary: &str) -> usize {
        self.posts()
            .iter()
            .filter(|r| r.json()["commentary"] == commentary)
            .count()
    }

    /// Answers the next `/rest/posts` calls with these, in order.
    pub fn script_posts(&self, answers: impl IntoIterator<Item = Scripted>) {
        self.0.lock().unwrap().posts_script.extend(answers);
    }

    pub fn set_token(&self, token: &str, scope: &str) {
        let mut s = self.0.lock().unwrap();
        s.token = token.to_string();
        s.scope = scope.to_string();
    }

    pub fn set_post_delay(&self, d: Duration) {
        self.0.lock().unwrap().post_delay = d;
    }
}

/// The company's app as the tests configure it.
pub const CLIENT_ID: &str = "77fakeclientid";
pub const CLIENT_SECRET: &str = "fake-client-secret-Wq81";

fn json_answer(status: u16, body: Value) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn answer(
    State(fake): State<FakeLinkedIn>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    let query: Vec<(String, String)> = serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    let param = |k: &str| {
        query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let delay = {
        let mut s = fake.0.lock().unwrap();
        s.requests.push(Request {
            method: method.clone(),
            path: path.clone(),
            headers,
            body: body.to_vec(),
        });
        s.post_delay
    };
    match (method.as_str(), uri.path()) {
        ("GET", "/oauth/v2/authorization") => {
            let code = {
                let mut s = fake.0.lock().unwrap();
                s.next_code += 1;
                format!("AQTcode{}", s.next_code - 1)
            };
            let redirect_uri = param("redirect_uri");
            let back = format!(
                "{redirect_uri}?{}",
                serde_urlencoded::to_string([("code", code.as_str()), ("state", param("state").as_str())]).unwrap()
            );
            (StatusCode::FOUND, [("location", back)]).into_response()
        }
        ("POST", "/oauth/v2/accessToken") => {
            let s = fake.0.lock().unwrap();
            json_answer(
                200,
                json!({"access_token": s.token, "expires_in": s.expires_in, "scope": s.scope}),
            )
        }
        ("GET", "/v2/userinfo") => {
            let s = fake.0.lock().unwrap();
            json_answer(
                200,
                json!({
                    "sub": s.sub,
                    "name": s.name,
                    "given_name": s.name.split(' ').next().unwrap_or(""),
                    "family_name": s.name.split(' ').nth(1).unwrap_or(""),
                    "picture": "https://media.licdn.com/dms/image/fake",
                    "locale": {"country": "PL", "language": "pl"},
                    "email": "anna.nowak@example.com",
                    "email_verified": true
                }),
            )
        }
        ("POST", "/rest/images") if param("action") == "initializeUpload" => {
            let mut s = fake.0.lock().unwrap();
            let n = s.next_upload;
            s.next_upload += 1;
            json_answer(
                200,
                json!({"value": {
                    "uploadUrlExpiresAt": 1_900_000_000_000_i64,
                    "uploadUrl": format!("{}/upload/{n}", s.base),
                    "image": format!("urn:li:image:C4E10AQ{n}")
                }}),
            )
        }
        ("PUT", p) if p.starts_with("/upload/") => StatusCode::CREATED.into_response(),
        ("POST", "/rest/posts") => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let mut s = fake.0.lock().unwrap();
            if let Some(a) = s.posts_script.pop_front() {
                let mut res = json_answer(a.status, serde_json::from_str(&a.body).unwrap_or(Value::Null));
                for (k, v) in a.headers {
                    res.headers_mut().insert(
                        axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                        v.parse().unwrap(),
                    );
                }
                return res;
            }
            let urn = format!("urn:li:share:{}", s.next_share);
            s.next_share += 1;
            (StatusCode::CREATED, [("x-restli-id", urn)], "").into_response()
        }
        _ => json_answer(404, json!({"message": "no such resource in the fake", "status": 404})),
    }
}
