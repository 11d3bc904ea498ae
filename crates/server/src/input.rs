//! Strict reading of what clients send, before any handler sees it: a JSON body with a
//! field the endpoint does not know is refused (a misspelled `program_ids` would
//! otherwise aim an item at every program), and text that is not UTF-8 is refused rather
//! than saved with U+FFFD in place of what was sent.

use crate::error::ApiError;
use axum::Json;
use axum::extract::FromRequest;
use axum::extract::multipart::Field;
use axum::http::StatusCode;

/// A JSON body extractor for `/api/v1`: malformed JSON is a 400 problem, and fields the
/// body type does not know (its `#[serde(deny_unknown_fields)]`) a 422 problem naming
/// each of them in `errors` (`{"progam_ids": "unknown field"}`).
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;
    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let mut value = match Json::<serde_json::Value>::from_request(req, state).await {
            Ok(Json(v)) => v,
            Err(e) => return Err(malformed(&e.body_text())),
        };
        whole_numbers(&mut value);
        T::deserialize(&value).map(JsonBody).map_err(|e| {
            let message = e.to_string();
            match unknown_fields(&message, &value) {
                Some(names) => unknown(&names),
                None => malformed(&message),
            }
        })
    }
}

/// JSON Schema (and so the OpenAPI document) counts `12.0` as the integer 12, and some
/// clients write every number that way; serde would refuse it for an `i64` field. Such
/// numbers become integers before the body is read (a float field takes them as well).
fn whole_numbers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && (-9_007_199_254_740_992.0..=9_007_199_254_740_992.0).contains(&f)
            {
                *v = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

fn malformed(why: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, format!("The JSON body is not valid: {why}"))
}

/// The 422 problem for fields an endpoint does not take.
pub fn unknown(names: &[String]) -> ApiError {
    let errors: serde_json::Map<String, serde_json::Value> = names
        .iter()
        .map(|n| (n.clone(), serde_json::Value::from("unknown field")))
        .collect();
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        detail: format!(
            "Unknown fields in the JSON body: {}. Check their spelling against the API documentation.",
            names.join(", ")
        ),
        errors: Some(serde_json::Value::Object(errors)),
    }
}

/// The unknown fields of a body whose deserialisation failed with serde's "unknown field
/// `x`, expected one of `a`, `b`" (or "expected `a`", or "there are no fields"): every key
/// of the object that the message does not list as expected (serde stops at the first),
/// in alphabetical order. `None` when the error is another one.
fn unknown_fields(message: &str, body: &serde_json::Value) -> Option<Vec<String>> {
    let rest = message.strip_prefix("unknown field `")?;
    let (first, expected) = rest.split_once('`')?;
    // The expected names are the ones between the backticks after the first.
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let mut names: Vec<String> = body
        .as_object()
        .map(|o| o.keys().filter(|k| !known.contains(&k.as_str())).cloned().collect())
        .unwrap_or_default();
    if !names.iter().any(|n| n == first) {
        names.push(first.to_string());
    }
    names.sort();
    Some(names)
}

/// Why a form could not be read: its text is not UTF-8. The catalog key of the message.
pub const NOT_UTF8: &str = "error-invalid-encoding";

/// The text of a multipart field, refused (as [`NOT_UTF8`]) when it is not UTF-8: axum's
/// `Field::text` replaces such bytes silently. Other failures are `error-upload`.
pub async fn multipart_text(field: Field<'_>) -> Result<String, &'static str> {
    let bytes = field.bytes().await.map_err(|_| "error-upload")?;
    String::from_utf8(bytes.to_vec()).map_err(|_| NOT_UTF8)
}

/// Whether every name and value of an `application/x-www-form-urlencoded` body (or query
/// string) is UTF-8 once percent-decoded. axum's `Form` extractors decode lossily, putting
/// U+FFFD in place of bytes that are not UTF-8; the page middleware checks this first.
pub fn form_is_utf8(body: &[u8]) -> bool {
    body.split(|b| *b == b'&')
        .all(|pair| std::str::from_utf8(&percent_decode(pair)).is_ok())
}

/// Percent-decodes `s` as a form does (`+` is a space); a `%` not followed by two hex
/// digits stays as it is.
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match (s[i], hex(s.get(i + 1)), hex(s.get(i + 2))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// The body of an endpoint that takes no field: empty or `{}`; any field sent is named
/// in a 422, anything else is a 400.
pub fn no_fields(body: &[u8]) -> Result<(), ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(o)) if o.is_empty() => Ok(()),
        Ok(serde_json::Value::Object(o)) => Err(unknown(&o.keys().cloned().collect::<Vec<_>>())),
        _ => Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "The body is empty or an empty JSON object.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_written_as_floats_are_integers() {
        // Found by schemathesis: `{"content_id": -1715.0}` was a 400 although the
        // document's `integer` allows it.
        let mut v = serde_json::json!({"content_id": -1715.0, "ids": [1.0, 2.5], "n": 3});
        whole_numbers(&mut v);
        assert_eq!(v, serde_json::json!({"content_id": -1715, "ids": [1, 2.5], "n": 3}));
        let mut huge = serde_json::json!(1e300);
        whole_numbers(&mut huge);
        assert!(huge.is_f64());
    }

    #[test]
    fn unknown_fields_are_all_named() {
        let body = serde_json::json!({ "title": "a", "progam_ids": [1], "colour": "red" });
        let msg = "unknown field `progam_ids`, expected one of `title`, `program_ids`, `team_ids`";
        assert_eq!(
            unknown_fields(msg, &body),
            Some(vec!["colour".to_string(), "progam_ids".to_string()])
        );
        let one = "unknown field `x`, expected `reason`";
        assert_eq!(
            unknown_fields(one, &serde_json::json!({ "x": 1, "reason": "" })),
            Some(vec!["x".to_string()])
        );
        assert_eq!(unknown_fields("missing field `network`", &body), None);
    }

    #[test]
    fn forms_must_be_utf8_once_decoded() {
        assert!(form_is_utf8(
            b"title=Za%C5%BC%C3%B3%C5%82%C4%87+g%C4%99%C5%9Bl%C4%85&csrf_token=x"
        ));
        assert!(form_is_utf8("title=żółw".as_bytes()));
        assert!(form_is_utf8(b"a=100%&b=%zz&c="));
        assert!(!form_is_utf8(b"title=%FF%FE&csrf_token=x"));
        assert!(!form_is_utf8(b"ok=1&t%C5=1"));
        assert!(!form_is_utf8(b"title=\xff"));
    }
}
