//! Issue 19, item 1: browser security headers. Every HTML answer carries a
//! Content-Security-Policy without `unsafe-inline` (and with `frame-ancestors`),
//! `X-Frame-Options: DENY`, a Referrer-Policy and `X-Content-Type-Options: nosniff`;
//! every other answer carries nosniff. No template and no rendered page has inline style
//! or script, so the policy can forbid both without breaking a page.

use crate::common::TestApp;
use crate::story;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// What is wrong with one answer's headers (nothing when all is well).
fn header_problems(res: &reqwest::Response) -> Vec<String> {
    let h = res.headers();
    let get = |name: &str| h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mut out = Vec::new();
    if get("x-content-type-options") != "nosniff" {
        out.push("no X-Content-Type-Options: nosniff".to_string());
    }
    if !get("content-type").starts_with("text/html") {
        return out;
    }
    let csp = get("content-security-policy");
    if csp.is_empty() {
        out.push("no Content-Security-Policy".into());
    } else {
        if csp.contains("unsafe-inline") || csp.contains("unsafe-eval") {
            out.push(format!("a policy that allows inline code: {csp}"));
        }
        for part in ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"] {
            if !csp.contains(part) {
                out.push(format!("a policy without {part}: {csp}"));
            }
        }
    }
    if get("x-frame-options") != "DENY" {
        out.push("no X-Frame-Options: DENY".into());
    }
    if get("referrer-policy").is_empty() {
        out.push("no Referrer-Policy".into());
    }
    out
}

/// Askama's code in a template, gone: `{% ... %}` and `{# ... #}` blocks removed and
/// `{{ ... }}` expressions replaced by a plain value, so only the HTML is left.
fn without_template_code(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = match after.get(..2) {
            Some("{%") => "%}",
            Some("{#") => "#}",
            Some("{{") => "}}",
            _ => {
                out.push('{');
                rest = &after[1..];
                continue;
            }
        };
        if close == "}}" {
            out.push('x');
        }
        match after.find(close) {
            Some(j) => rest = &after[j + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag (`<name a="1" b>`), names in lower case.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = tag.chars().collect();
    let mut i = chars.iter().position(|c| c.is_whitespace()).unwrap_or(chars.len());
    let mut out = Vec::new();
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/' || chars[i] == '>') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !(chars[i].is_whitespace() || "=/>".contains(chars[i])) {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect::<String>().to_ascii_lowercase();
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            let quote = chars.get(i).copied().filter(|c| *c == '"' || *c == '\'');
            if quote.is_some() {
                i += 1;
            }
            while i < chars.len() && quote.map_or(!chars[i].is_whitespace() && chars[i] != '>', |q| chars[i] != q) {
                value.push(chars[i]);
                i += 1;
            }
            i += 1;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// Inline style or script in HTML: `<style>` elements, `style` attributes, `<script>`
/// without `src`, `on...` event handler attributes and `javascript:` URLs.
fn inline_code(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..end];
        rest = &rest[end..];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let attrs = attributes(tag);
        let inline = name == "style"
            || (name == "script" && !attrs.iter().any(|(a, _)| a == "src"))
            || attrs.iter().any(|(a, v)| {
                a == "style"
                    || (a.len() > 2 && a.starts_with("on"))
                    || v.trim().to_ascii_lowercase().starts_with("javascript:")
            });
        if inline {
            found.push(tag.chars().take(160).collect());
        }
    }
    found
}

#[test]
fn the_scanner_finds_inline_code_and_nothing_else() {
    let bad = r#"<p style="width: 5%">a</p><script>x()</script><a href="JavaScript:x()">b</a>
        <button type="submit" onclick="x()">c</button><style>p{}</style>"#;
    assert_eq!(inline_code(bad).len(), 5, "{:?}", inline_code(bad));
    let good = r#"<p class="a" title="style=&quot;x&quot; onclick=y">a > b</p>
        <script src="/assets/app.js" defer></script><svg class="bar"><rect width="5%"></rect></svg>
        <form data-confirm="on=1" action="/x"><input name="one" value="online"></form>"#;
    assert_eq!(inline_code(good), Vec::<String>::new());
    let template = r#"<option value="{{ v }}"{% if online %} selected{% endif %}>{{ "<b style=x>" }}</option>"#;
    assert_eq!(inline_code(&without_template_code(template)), Vec::<String>::new());
}

/// Every template, read from the source tree; fails naming each file with inline code.
#[test]
fn no_template_has_inline_style_or_script() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut dirs = vec![root.clone()];
    let (mut files, mut failures) = (0, Vec::new());
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            files += 1;
            let source = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            if source.to_ascii_lowercase().contains("style=") {
                failures.push(format!("{name}: a style attribute"));
            }
            for tag in inline_code(&without_template_code(&source)) {
                failures.push(format!("{name}: {tag}"));
            }
        }
    }
    assert!(files > 50, "templates found under {}: {files}", root.display());
    assert!(
        failures.is_empty(),
        "inline style or script in templates:\n{}",
        failures.join("\n")
    );
}

/// The same-site links of a page, without fragments, `&amp;` decoded.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .map(|h| h.split('#').next().unwrap_or("").to_string())
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .collect()
}

/// A link's shape: numbers and tokens in the path as `_`, the query's names sorted.
fn shape(link: &str) -> String {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    let path: Vec<&str> = path
        .split('/')
        .map(|s| {
            if s.chars().any(|c| c.is_ascii_digit()) || s.len() > 24 {
                "_"
            } else {
                s
            }
        })
        .collect();
    let names: BTreeSet<&str> = query.split('&').filter_map(|p| p.split('=').next()).collect();
    format!("{}?{}", path.join("/"), names.into_iter().collect::<Vec<_>>().join("&"))
}

/// Gets `path`, checks its headers and, for HTML, its body; gives the body of an HTML page.
async fn check(client: &TestApp, who: &str, path: &str, failures: &mut Vec<String>) -> Option<String> {
    let res = client.get(path).await;
    let status = res.status().as_u16();
    for p in header_problems(&res) {
        failures.push(format!("GET {path} as {who} ({status}): {p}"));
    }
    let html = res
        .headers()
        .get("content-type")
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let body = res.text().await.unwrap_or_default();
    if !html {
        return None;
    }
    for tag in inline_code(&body) {
        failures.push(format!("GET {path} as {who} ({status}): inline code {tag}"));
    }
    Some(body)
}

/// Follows the same-site links from `start`, up to two pages of each shape and 300 pages
/// in all; gives how many HTML pages it saw.
async fn crawl(client: &TestApp, who: &str, start: &[&str], failures: &mut Vec<String>) -> usize {
    let mut queue: VecDeque<String> = start.iter().map(|s| s.to_string()).collect();
    let (mut seen, mut shapes) = (BTreeSet::new(), HashMap::<String, usize>::new());
    let mut pages = 0;
    while let Some(link) = queue.pop_front() {
        // Tracked links leave the site and count clicks; their redirect is not a page.
        let skip = link.starts_with("/s/") || link == "/logout";
        if skip || seen.len() >= 300 || !seen.insert(link.clone()) {
            continue;
        }
        let n = shapes.entry(shape(&link)).or_default();
        *n += 1;
        if *n > 2 {
            continue;
        }
        if let Some(body) = check(client, who, &link, failures).await {
            pages += 1;
            queue.extend(links(&body));
        }
    }
    pages
}

async fn every_answer_carries_the_browser_security_headers(app: &TestApp) {
    assert!(ambasada_server::demo::seed(&app.state).await.unwrap());
    let store = &app.state.store;
    let program = store.programs().await.unwrap()[0].id.to_string();
    let mut failures = Vec::new();
    let mut who: Vec<Option<&str>> = vec![None];
    who.extend(ambasada_server::demo::DEMO_LOGINS.iter().map(|l| Some(l.0)));
    for email in who {
        let client = TestApp::sibling(app);
        let (name, self_id) = match email {
            None => ("a visitor".to_string(), "1".to_string()),
            Some(e) => {
                let res = client.login(e, ambasada_server::demo::DEMO_PASSWORD).await;
                assert_eq!(res.status(), 303, "{e} logs in");
                let id = store
                    .user_by_email(&ambasada_core::Email::parse(e).unwrap())
                    .await
                    .unwrap()
                    .unwrap()
                    .id;
                (e.to_string(), id.to_string())
            }
        };
        for route in crate::access_matrix::ROUTES {
            let path = route
                .path
                .replace("{self}", &self_id)
                .replace("{draft}", "1")
                .replace("{program}", &program);
            check(&client, &name, &path, &mut failures).await;
        }
        let start = ["/app", "/login", "/careers", "/app/no-such-page", "/s/AAAAAAAAAA"];
        let pages = crawl(&client, &name, &start, &mut failures).await;
        assert!(pages >= 3, "{name} saw {pages} pages");
        // A form that fails validation, and one without its CSRF token: pages too.
        let res = client.post_form("/password/forgot", &[("email", "")]).await;
        failures.extend(
            header_problems(&res)
                .into_iter()
                .map(|p| format!("POST /password/forgot: {p}")),
        );
        let res = client
            .client
            .post(client.url("/lang"))
            .form(&[("lang", "en")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "a form without its CSRF token is refused");
        failures.extend(
            header_problems(&res)
                .into_iter()
                .map(|p| format!("POST /lang without CSRF: {p}")),
        );
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
story!(every_answer_carries_the_browser_security_headers);
