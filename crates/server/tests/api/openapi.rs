//! The OpenAPI document against the real router: every documented operation is routed
//! (and asks for a token when it says so), every other method on a documented path is a
//! 405, and every answer the API gives, to good and to bad requests, has a status the
//! document lists for that operation and a body that matches the schema it gives.
//! (Routes cannot be added without their documentation: `api::ApiRoutes` only takes
//! annotated handlers.) `schemathesis` fuzzes the same document (scripts/fuzz-api.sh);
//! what it found is kept in `fuzz_findings_stay_fixed`.

use crate::common::{TestApp, api_token};
use crate::story;
use ambasada_core::{Role, Scope};
use ambasada_store::content::ContentInput;
use reqwest::Method;
use serde_json::{Value, json};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    doc
}

/// A concrete path for a template: every `{param}` replaced by `value`.
fn fill(template: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        out.push_str(value);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> reqwest::Response {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
    let mut req = app.client.request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    req.send().await.unwrap()
}

async fn the_document_and_the_router_agree(app: &TestApp) {
    let doc = document(app).await;
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 33, "{} paths", paths.len());
    for (template, item) in paths {
        let path = fill(template, "1");
        for method in METHODS {
            let body = matches!(method, "post" | "put" | "patch").then(|| json!({}));
            let res = call(app, method, &path, None, body.as_ref()).await;
            let status = res.status().as_u16();
            let text = res.text().await.unwrap();
            match item.get(method) {
                None => assert_eq!(status, 405, "{method} {template} is routed but not documented: {text}"),
                Some(op) => {
                    assert_ne!(status, 405, "{method} {template} is documented but not routed");
                    assert!(
                        !text.contains("No such API endpoint"),
                        "{method} {template} is documented but not routed"
                    );
                    let secured = op.get("security").is_some();
                    assert_eq!(
                        status == 401,
                        secured,
                        "{method} {template} without a token: {status} {text}"
                    );
                }
            }
        }
    }
    // The probe tells a missing route apart.
    let res = call(app, "get", "/api/v1/not-an-endpoint", None, None).await;
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("No such API endpoint"));
}
story!(the_document_and_the_router_agree);

/// What the API is called with in `answers_match_the_document`: ids that exist.
struct World {
    token: String,
    program: i64,
    item: i64,
}

async fn world(app: &TestApp) -> World {
    let admin = app
        .create_user("admin@example.com", &[Role::Admin, Role::Ambassador])
        .await;
    let program = app.create_program("Employer brand", "brand", Some(admin)).await;
    app.state.store.add_member(program, admin, 0).await.unwrap();
    let item = crate::common::approved_item(
        app,
        admin,
        &ContentInput {
            title: "We are hiring".into(),
            category: "employer".into(),
            target_url: "https://www.example.com/jobs".into(),
            image_file: None,
            hashtags: "#jobs".into(),
            language: "en".into(),
            starts_at: 0,
            expires_at: None,
            texts: vec![("linkedin".into(), "Join us".into())],
            program_ids: vec![program],
            team_ids: vec![],
        },
    )
    .await;
    let token = api_token(app, admin, &Scope::ALL).await;
    World { token, program, item }
}

/// The concrete path of a template, with ids that exist where the test has them.
fn concrete(template: &str, w: &World) -> String {
    let id = if template.starts_with("/api/v1/programs/") {
        w.program
    } else if template.starts_with("/api/v1/content/") {
        w.item
    } else {
        1
    };
    fill(template, &id.to_string())
}

/// Requests the API should accept, in an order where each finds what the ones before
/// made: a link, a share, a webhook, a calendar slot; the reads then see them.
fn good_calls(w: &World) -> Vec<(&'static str, String, Option<Value>)> {
    let (p, i) = (w.program, w.item);
    let now = jiff::Timestamp::now();
    let start = (now + jiff::SignedDuration::from_hours(48)).to_string();
    let end = (now + jiff::SignedDuration::from_hours(72)).to_string();
    vec![
        (
            "post",
            format!("/api/v1/content/{i}/links"),
            Some(json!({"network": "linkedin"})),
        ),
        (
            "post",
            "/api/v1/shares".into(),
            Some(json!({"content_id": i, "network": "linkedin", "text": "Join us: we are hiring engineers"})),
        ),
        (
            "post",
            "/api/v1/webhooks".into(),
            Some(json!({"url": "http://127.0.0.1:9/hooks", "events": ["share.confirmed"]})),
        ),
        (
            "post",
            format!("/api/v1/programs/{p}/calendar"),
            Some(json!({"content_id": i, "network": "linkedin", "starts_at": start, "ends_at": end})),
        ),
        (
            "get",
            format!("/api/v1/programs/{p}/stats?from=2026-01-01&to=2026-12-31&by=network"),
            None,
        ),
        ("get", format!("/api/v1/programs/{p}/realisation?by=ambassador"), None),
        ("get", format!("/api/v1/programs/{p}/leaderboard?by=shares"), None),
        ("get", "/api/v1/calendar".into(), None),
        ("get", "/api/v1/links/stats".into(), None),
        ("get", "/api/v1/me/points".into(), None),
        ("get", "/api/v1/webhooks".into(), None),
    ]
}

async fn answers_match_the_document(app: &TestApp) {
    let doc = document(app).await;
    let w = world(app).await;
    // Valid requests first, then every read, then the bodies an operation refuses, then
    // the removals.
    let mut calls: Vec<(String, String, Option<Value>)> = good_calls(&w)
        .into_iter()
        .map(|(m, p, b)| (m.to_string(), p, b))
        .collect();
    let mut refused = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS.iter().filter(|m| item.get(**m).is_some()) {
            let path = concrete(template, &w);
            match *method {
                "get" => calls.push((method.to_string(), path, None)),
                "delete" => refused.push((method.to_string(), path, None)),
                _ => {
                    for body in [json!({"no_such_field": 1}), json!([]), json!({})] {
                        refused.insert(0, (method.to_string(), path.clone(), Some(body)));
                    }
                }
            }
        }
    }
    calls.extend(refused);
    let mut succeeded = std::collections::BTreeSet::new();
    for (method, path, body) in calls {
        let res = call(app, &method, &path, Some(&w.token), body.as_ref()).await;
        let status = res.status();
        let content_type = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let text = res.text().await.unwrap();
        let bare = path.split('?').next().unwrap();
        let template = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .find(|t| concrete(t, &w) == bare)
            .unwrap();
        let op = &doc["paths"][template][&method];
        check_answer(
            &doc,
            op,
            &format!("{method} {path} {body:?}"),
            status.as_u16(),
            &content_type,
            &text,
        );
        if status.is_success() {
            succeeded.insert(op["operationId"].as_str().unwrap().to_string());
        }
    }
    // The valid requests were answered as such, so their answers' schemas were checked.
    for id in [
        "create_link",
        "confirm_share",
        "create_webhook",
        "create_calendar_slot",
        "program_stats",
        "program_realisation",
        "program_leaderboard",
        "my_calendar",
        "my_link_stats",
        "my_points",
        "list_webhooks",
        "list_feed",
        "get_content",
        "list_programs",
        "program_goals",
        "program_health",
        "me",
        "list_rewards",
        "my_badges",
        "list_reviews",
        "list_applications",
        "list_referrals",
        "content_stats",
        "openapi",
    ] {
        assert!(succeeded.contains(id), "{id} never succeeded: {succeeded:?}");
    }
}

/// The status is one the operation documents, and the body matches its schema.
fn check_answer(doc: &Value, op: &Value, what: &str, status: u16, content_type: &str, text: &str) {
    let status = status.to_string();
    let Some(answer) = op["responses"].get(&status) else {
        panic!("{what} answered {status}, which the document does not list: {text}");
    };
    let Some(content) = answer.get("content") else {
        assert!(text.is_empty(), "{what}: {status} has no documented body, got {text}");
        return;
    };
    let media = content_type.split(';').next().unwrap_or("").trim();
    let Some(schema) = content.get(media).and_then(|c| c.get("schema")) else {
        panic!("{what}: {status} is {media}, the document says {content}");
    };
    let value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: {e}: {text}"));
    if let Err(e) = conforms(doc, schema, &value, "$") {
        panic!("{what} {status}: the answer does not match the document: {e}\n{text}");
    }
}
story!(answers_match_the_document);

/// Whether `v` matches `schema`, for the part of JSON Schema the document uses: `$ref`,
/// `oneOf`/`anyOf`/`allOf`, `type` (one or several), `enum`, `properties`, `required`,
/// `additionalProperties`, `items`. The error names where it does not.
fn conforms(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let target = doc
            .pointer(r.trim_start_matches('#'))
            .ok_or_else(|| format!("{at}: dangling {r}"))?;
        return conforms(doc, target, v, at);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            conforms(doc, s, v, at)?;
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(any) = schema.get(key).and_then(Value::as_array) {
            let errors: Vec<String> = any.iter().filter_map(|s| conforms(doc, s, v, at).err()).collect();
            if errors.len() == any.len() {
                return Err(format!("{at}: none of {key} matches: {}", errors.join("; ")));
            }
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| is_type(v, t)) {
            return Err(format!("{at}: {v} is not {types:?}"));
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.contains(v)
    {
        return Err(format!("{at}: {v} is not one of {values:?}"));
    }
    if let (Some(pattern), Value::String(text)) = (schema.get("pattern").and_then(Value::as_str), v) {
        let choices = one_of_pattern(pattern).ok_or_else(|| format!("{at}: the checker cannot read {pattern}"))?;
        if !choices.contains(&text.as_str()) {
            return Err(format!("{at}: {text:?} does not match {pattern}"));
        }
    }
    if let Value::Object(o) = v {
        object_conforms(doc, schema, o, at)?;
    }
    if let (Value::Array(items), Some(s)) = (v, schema.get("items")) {
        for (i, x) in items.iter().enumerate() {
            conforms(doc, s, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The words of a pattern of the one form answers use, `^(a|b|c)$`; `None` for another.
fn one_of_pattern(pattern: &str) -> Option<Vec<&str>> {
    let inner = pattern.strip_prefix("^(")?.strip_suffix(")$")?;
    let choices: Vec<&str> = inner.split('|').collect();
    choices
        .iter()
        .all(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '.'))
        .then_some(choices)
}

fn object_conforms(doc: &Value, schema: &Value, o: &serde_json::Map<String, Value>, at: &str) -> Result<(), String> {
    let props = schema.get("properties").and_then(Value::as_object);
    for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
        let name = name.as_str().unwrap_or("");
        if !o.contains_key(name) {
            return Err(format!("{at}: the required field {name} is missing"));
        }
    }
    for (k, x) in o {
        match props.and_then(|p| p.get(k)) {
            Some(s) => conforms(doc, s, x, &format!("{at}.{k}"))?,
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => return Err(format!("{at}: {k} is not in the document")),
                Some(s @ Value::Object(_)) => conforms(doc, s, x, &format!("{at}.{k}"))?,
                // Undeclared fields in an answer drift from the document.
                _ if props.is_some() => return Err(format!("{at}: {k} is not in the document")),
                _ => {}
            },
        }
    }
    Ok(())
}

fn is_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

#[test]
fn the_checker_refuses_what_does_not_match() {
    let doc = json!({"components": {"schemas": {"P": {
        "type": "object", "required": ["a"],
        "properties": {"a": {"type": "integer"}, "b": {"type": ["string", "null"]}}
    }}}});
    let p = json!({"$ref": "#/components/schemas/P"});
    assert!(conforms(&doc, &p, &json!({"a": 1, "b": null}), "$").is_ok());
    assert!(conforms(&doc, &p, &json!({"a": 1.5}), "$").is_err());
    assert!(conforms(&doc, &p, &json!({"b": "x"}), "$").is_err());
    assert!(conforms(&doc, &p, &json!({"a": 1, "c": 2}), "$").is_err());
    let list = json!({"type": "array", "items": p});
    assert!(conforms(&doc, &list, &json!([{"a": 1}, {"a": "1"}]), "$").is_err());
    let state = json!({"type": "string", "pattern": "^(ok|failing)$"});
    assert!(conforms(&doc, &state, &json!("ok"), "$").is_ok());
    assert!(conforms(&doc, &state, &json!("okay"), "$").is_err());
    assert!(conforms(&doc, &json!({"pattern": "^[a-z]+$"}), &json!("x"), "$").is_err());
    let maybe = json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/P"}]});
    assert!(conforms(&doc, &maybe, &Value::Null, "$").is_ok());
    assert!(conforms(&doc, &maybe, &json!(3), "$").is_err());
}

async fn the_reference_page_lists_every_operation(app: &TestApp) {
    let doc = document(app).await;
    let res = app.get("/api/docs").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS.iter().filter(|m| item.get(**m).is_some()) {
            let id = item[method]["operationId"].as_str().unwrap();
            assert!(html.contains(&format!("id=\"op-{id}\"")), "{method} {template} missing");
        }
    }
    assert!(html.contains("id=\"schema-Problem\""));
    // Nothing is fetched from elsewhere.
    assert!(!html.contains("src=\"http") && !html.contains("src=\"//"), "{html}");
    assert!(!html.contains("stylesheet\" href=\"http"));
}
story!(the_reference_page_lists_every_operation);

/// What schemathesis found (scripts/fuzz-api.sh), kept: a whole number written as a
/// float (`12.0`) is an integer to the document, so a body with one is read, not refused
/// as malformed; the query values the document now restricts are refused as it says.
async fn fuzz_findings_stay_fixed(app: &TestApp) {
    let w = world(app).await;
    let res = call(
        app,
        "post",
        "/api/v1/shares",
        Some(&w.token),
        Some(&json!({"content_id": w.item as f64, "network": "linkedin", "text": "Join us, we are hiring"})),
    )
    .await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert!(status.is_success(), "{status} {text}");
    let res = call(app, "get", "/api/v1/applications?stage=", Some(&w.token), None).await;
    assert_eq!(res.status(), 422);
    let doc = document(app).await;
    let stage = doc["paths"]["/api/v1/applications"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "stage")
        .unwrap();
    assert!(stage["schema"]["pattern"].as_str().unwrap().contains("screening"));
}
story!(fuzz_findings_stay_fixed);
