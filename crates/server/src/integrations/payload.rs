//! The bodies posted to Slack and Teams, built from a [`Message`] by pure functions: Slack's
//! `text` with Block Kit `blocks`, and Teams' message with an Adaptive Card attachment
//! (the shapes in shared/integrations/slack-teams.md). Texts are cut to each format's
//! limits here, so no message is refused for its length.

use ambasada_core::integrations::WebhookKind;
use serde_json::{Value, json};

/// What a channel message says, in the reader's language already; plain text throughout
/// (each format escapes what it must).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The notification's text (Slack's `text`, shown where blocks are not).
    pub fallback: String,
    /// The heading.
    pub title: String,
    /// Lines of the body, in order.
    pub lines: Vec<String>,
    /// Label and value pairs (Teams' FactSet; bold labels in Slack).
    pub facts: Vec<(String, String)>,
    /// Small print under the body: the program.
    pub context: String,
    /// The button: its label and the absolute URL it opens.
    pub link: (String, String),
}

/// Slack's limits (Block Kit): a header's text, a section's text, a button's label.
pub const SLACK_HEADER_MAX: usize = 150;
pub const SLACK_SECTION_MAX: usize = 3000;
pub const SLACK_BUTTON_MAX: usize = 75;
/// Slack's `text` and a context element: kept within a section's limit.
pub const SLACK_TEXT_MAX: usize = 3000;
/// One line of a Teams card: long enough for any title, short enough that a card of many
/// lines stays far below Teams' size limit (about 28 KB).
pub const TEAMS_LINE_MAX: usize = 500;

/// The Adaptive Card schema and version that render in Teams on every client.
pub const CARD_SCHEMA: &str = "http://adaptivecards.io/schemas/adaptive-card.json";
pub const CARD_VERSION: &str = "1.4";

/// The JSON body for a kind of channel.
pub fn body(kind: WebhookKind, m: &Message) -> String {
    match kind {
        WebhookKind::Slack => slack(m),
        WebhookKind::Teams => teams(m),
    }
    .to_string()
}

/// At most `max` characters of `s`, ending in `…` when cut.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` escaped for Slack's mrkdwn (`&`, `<`, `>`; nothing else is special in a way that
/// could break a message or make a link) and at most `max` characters long once escaped,
/// never cut inside an escape.
pub fn mrkdwn(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    let total: usize = s.chars().map(escaped_len).sum();
    let budget = if total <= max { max } else { max.saturating_sub(1) };
    for c in s.chars() {
        let n = escaped_len(c);
        if len + n > budget {
            out.push('…');
            return out;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
        len += n;
    }
    out
}

fn escaped_len(c: char) -> usize {
    match c {
        '&' => 5,
        '<' | '>' => 4,
        _ => 1,
    }
}

/// Characters that Adaptive Cards' Markdown (in TextBlocks and facts) may read as
/// formatting, a link, a template function (`{{DATE(...)}}`) or a list.
const TEAMS_MARKDOWN: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '>', '~',
];

/// `s` cut to [`TEAMS_LINE_MAX`] characters, then with every Markdown-significant
/// character backslash-escaped, so that a title such as `[Open](https://evil.example)`
/// shows as typed instead of becoming a link. Escaping `-`, `+`, `*`, `.` and `)` also
/// keeps a line that starts like a list item (`- `, `1. `, `1) `) from becoming one.
/// Escaped after the cut, so no escape is cut in two.
pub fn teams_text(s: &str) -> String {
    let s = cut(s, TEAMS_LINE_MAX);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if TEAMS_MARKDOWN.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Lines joined with newlines, as many whole lines as fit in `max` characters (each
/// escaped by `escape`), with `…` for the ones left out; a first line too long alone is
/// cut.
fn fit_lines(lines: &[String], max: usize, escape: impl Fn(&str, usize) -> String) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let sep = usize::from(!out.is_empty());
        let room = max.saturating_sub(out.chars().count() + sep);
        let more = i + 1 < lines.len();
        // Room for this line, and for the "…" line if others follow it.
        let need = escape(line, usize::MAX).chars().count() + if more { 2 } else { 0 };
        if need <= room {
            if sep == 1 {
                out.push('\n');
            }
            out.push_str(&escape(line, usize::MAX));
        } else if out.is_empty() {
            return escape(line, max);
        } else {
            if room >= 2 {
                out.push('\n');
                out.push('…');
            }
            break;
        }
    }
    out
}

/// Slack: `text` (the fallback) and blocks: a header, a section with the lines and facts
/// (mrkdwn, escaped), a context line, and an actions block with one link button.
pub fn slack(m: &Message) -> Value {
    // Facts' labels are bold: NUL marks them, turned into `*` after escaping (NULs in
    // the data are dropped first).
    let clean = |s: &str| s.replace('\u{0}', "");
    let mut lines: Vec<String> = m.lines.iter().map(|l| clean(l)).collect();
    lines.extend(
        m.facts
            .iter()
            .map(|(k, v)| format!("\u{0}{}:\u{0} {}", clean(k), clean(v))),
    );
    let section = fit_lines(&lines, SLACK_SECTION_MAX, |s, max| mrkdwn(s, max).replace('\u{0}', "*"));
    json!({
        "text": mrkdwn(&m.fallback, SLACK_TEXT_MAX),
        "blocks": [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": cut(&m.title, SLACK_HEADER_MAX), "emoji": true}
            },
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": section}
            },
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": mrkdwn(&m.context, SLACK_TEXT_MAX)}]
            },
            {
                "type": "actions",
                "elements": [{
                    "type": "button",
                    "text": {"type": "plain_text", "text": cut(&m.link.0, SLACK_BUTTON_MAX), "emoji": true},
                    "url": m.link.1
                }]
            }
        ]
    })
}

/// Teams (Workflows): a message whose one attachment is an Adaptive Card 1.4 with the
/// title, one TextBlock per line, a FactSet, the context in small print, and an
/// `Action.OpenUrl` button. Every text of a TextBlock or a fact is Markdown-escaped
/// ([`teams_text`]): titles, topics and names are the users'. The button's title (plain
/// text) and URL are not.
pub fn teams(m: &Message) -> Value {
    let mut body = vec![json!({
        "type": "TextBlock",
        "text": teams_text(&m.title),
        "weight": "Bolder",
        "size": "Medium",
        "wrap": true
    })];
    body.extend(m.lines.iter().map(|l| {
        json!({
            "type": "TextBlock",
            "text": teams_text(l),
            "wrap": true,
            "spacing": "Small"
        })
    }));
    if !m.facts.is_empty() {
        body.push(json!({
            "type": "FactSet",
            "facts": m.facts.iter()
                .map(|(k, v)| json!({"title": teams_text(k), "value": teams_text(v)}))
                .collect::<Vec<_>>()
        }));
    }
    body.push(json!({
        "type": "TextBlock",
        "text": teams_text(&m.context),
        "isSubtle": true,
        "size": "Small",
        "wrap": true
    }));
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": {
                "$schema": CARD_SCHEMA,
                "type": "AdaptiveCard",
                "version": CARD_VERSION,
                "body": body,
                "actions": [{"type": "Action.OpenUrl", "title": cut(&m.link.0, TEAMS_LINE_MAX), "url": m.link.1}]
            }
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> Message {
        Message {
            fallback: "New content: Q&A <live>".into(),
            title: "New content to share".into(),
            lines: vec!["Q&A <live> with *the* CTO".into(), "Second line".into()],
            facts: vec![
                ("Category".into(), "Event".into()),
                ("Networks".into(), "LinkedIn, X".into()),
            ],
            context: "Employer branding PL".into(),
            link: ("Share it".into(), "https://ambasada.example/app/feed/7".into()),
        }
    }

    #[test]
    fn slack_has_fallback_text_and_four_blocks_field_by_field() {
        let v = slack(&message());
        assert_eq!(v["text"], "New content: Q&amp;A &lt;live&gt;");
        let blocks = v["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0]["type"], "header");
        assert_eq!(blocks[0]["text"]["type"], "plain_text");
        assert_eq!(blocks[0]["text"]["text"], "New content to share");
        assert_eq!(blocks[1]["type"], "section");
        assert_eq!(blocks[1]["text"]["type"], "mrkdwn");
        assert_eq!(
            blocks[1]["text"]["text"],
            "Q&amp;A &lt;live&gt; with *the* CTO\nSecond line\n*Category:* Event\n*Networks:* LinkedIn, X"
        );
        assert_eq!(blocks[2]["type"], "context");
        assert_eq!(blocks[2]["elements"][0]["type"], "mrkdwn");
        assert_eq!(blocks[2]["elements"][0]["text"], "Employer branding PL");
        assert_eq!(blocks[3]["type"], "actions");
        let button = &blocks[3]["elements"][0];
        assert_eq!(button["type"], "button");
        assert_eq!(button["text"]["type"], "plain_text");
        assert_eq!(button["text"]["text"], "Share it");
        assert_eq!(button["url"], "https://ambasada.example/app/feed/7");
    }

    #[test]
    fn teams_is_a_message_with_an_adaptive_card_field_by_field() {
        let v = teams(&message());
        assert_eq!(v["type"], "message");
        let a = &v["attachments"][0];
        assert_eq!(v["attachments"].as_array().unwrap().len(), 1);
        assert_eq!(a["contentType"], "application/vnd.microsoft.card.adaptive");
        assert!(a["contentUrl"].is_null());
        assert!(
            a.as_object().unwrap().contains_key("contentUrl"),
            "contentUrl is sent, as null"
        );
        let c = &a["content"];
        assert_eq!(c["$schema"], "http://adaptivecards.io/schemas/adaptive-card.json");
        assert_eq!(c["type"], "AdaptiveCard");
        assert_eq!(c["version"], "1.4");
        let body = c["body"].as_array().unwrap();
        assert_eq!(body.len(), 5);
        assert_eq!(body[0]["type"], "TextBlock");
        assert_eq!(body[0]["text"], "New content to share");
        assert_eq!(body[0]["weight"], "Bolder");
        assert_eq!(body[0]["wrap"], true);
        assert_eq!(
            body[1]["text"], "Q&A <live\\> with \\*the\\* CTO",
            "no HTML escaping in a card; Markdown escaped"
        );
        assert_eq!(body[1]["wrap"], true);
        assert_eq!(body[2]["text"], "Second line");
        assert_eq!(body[3]["type"], "FactSet");
        assert_eq!(body[3]["facts"][0]["title"], "Category");
        assert_eq!(body[3]["facts"][0]["value"], "Event");
        assert_eq!(body[3]["facts"][1]["title"], "Networks");
        assert_eq!(body[4]["text"], "Employer branding PL");
        assert_eq!(body[4]["isSubtle"], true);
        let action = &c["actions"][0];
        assert_eq!(action["type"], "Action.OpenUrl");
        assert_eq!(action["title"], "Share it");
        assert_eq!(action["url"], "https://ambasada.example/app/feed/7");
    }

    #[test]
    fn teams_escapes_markdown_in_every_text_but_not_in_the_button() {
        let mut m = message();
        m.title = "[Open](https://evil.example)".into();
        m.lines = vec![
            "- not a list".into(),
            "1. nor this".into(),
            "**bold** _it_ `code` ~~x~~ # h > q | t ! {{DATE(2026-01-01T00:00:00Z)}} a+b \\".into(),
        ];
        m.facts = vec![("Topic".into(), "![img](https://evil.example/x.png)".into())];
        m.context = "Program [x](y)".into();
        m.link = ("Share [it]".into(), "https://ambasada.example/app/feed/7?a=(b)".into());
        let v = teams(&m);
        let c = &v["attachments"][0]["content"];
        let body = c["body"].as_array().unwrap();
        assert_eq!(body[0]["text"], r"\[Open\]\(https://evil\.example\)");
        assert_eq!(body[1]["text"], r"\- not a list");
        assert_eq!(body[2]["text"], r"1\. nor this");
        assert_eq!(
            body[3]["text"],
            r"\*\*bold\*\* \_it\_ \`code\` \~\~x\~\~ \# h \> q \| t \! \{\{DATE\(2026\-01\-01T00:00:00Z\)\}\} a\+b \\"
        );
        assert_eq!(body[4]["facts"][0]["title"], "Topic");
        assert_eq!(
            body[4]["facts"][0]["value"],
            r"\!\[img\]\(https://evil\.example/x\.png\)"
        );
        assert_eq!(body[5]["text"], r"Program \[x\]\(y\)");
        let action = &c["actions"][0];
        assert_eq!(action["title"], "Share [it]", "a button's title is plain text");
        assert_eq!(action["url"], "https://ambasada.example/app/feed/7?a=(b)");
        // Cut first, then escaped: no escape cut in two.
        let long = teams_text(&".".repeat(2 * TEAMS_LINE_MAX));
        assert!(long.ends_with(r"\.…"), "{}", &long[long.len() - 8..]);
        assert_eq!(long.chars().count(), 2 * (TEAMS_LINE_MAX - 1) + 1);
        // Slack is escaped its own way.
        assert!(
            slack(&m)["blocks"][1]["text"]["text"]
                .as_str()
                .unwrap()
                .starts_with("- not a list")
        );
    }

    #[test]
    fn teams_leaves_out_an_empty_fact_set() {
        let mut m = message();
        m.facts.clear();
        let v = teams(&m);
        let body = v["attachments"][0]["content"]["body"].as_array().unwrap();
        assert!(body.iter().all(|b| b["type"] == "TextBlock"));
    }

    #[test]
    fn texts_are_cut_to_slacks_limits() {
        let mut m = message();
        m.title = "T".repeat(400);
        m.link.0 = "L".repeat(100);
        m.lines = (0..500).map(|i| format!("Line {i} & more text here")).collect();
        m.fallback = "<".repeat(2000);
        let v = slack(&m);
        let header = v["blocks"][0]["text"]["text"].as_str().unwrap();
        assert_eq!(header.chars().count(), SLACK_HEADER_MAX);
        assert!(header.ends_with('…'));
        let section = v["blocks"][1]["text"]["text"].as_str().unwrap();
        assert!(
            section.chars().count() <= SLACK_SECTION_MAX,
            "{}",
            section.chars().count()
        );
        assert!(section.ends_with("\n…"), "lines left out are marked");
        assert!(section.starts_with("Line 0 &amp; more"));
        assert!(!section.contains("&amp\n"), "no escape cut in two");
        let text = v["text"].as_str().unwrap();
        assert!(text.chars().count() <= SLACK_TEXT_MAX);
        assert!(
            text.ends_with("&lt;…"),
            "cut between escapes: {}",
            &text[text.len() - 12..]
        );
        assert_eq!(
            v["blocks"][3]["elements"][0]["text"]["text"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            SLACK_BUTTON_MAX
        );
    }

    #[test]
    fn a_single_line_too_long_for_a_section_is_cut() {
        let mut m = message();
        m.lines = vec!["&".repeat(1000)];
        m.facts.clear();
        let section = slack(&m)["blocks"][1]["text"]["text"].as_str().unwrap().to_string();
        assert!(section.chars().count() <= SLACK_SECTION_MAX);
        assert!(section.ends_with("&amp;…"));
    }

    #[test]
    fn mrkdwn_escapes_and_cuts_whole_escapes() {
        assert_eq!(mrkdwn("a & b < c > d", 100), "a &amp; b &lt; c &gt; d");
        assert_eq!(mrkdwn("<https://evil|x>", 100), "&lt;https://evil|x&gt;");
        assert_eq!(mrkdwn("abc&def", 7), "abc…", "the escape does not fit whole");
        assert_eq!(mrkdwn("abcdef", 6), "abcdef");
        assert_eq!(mrkdwn("abcdefg", 6), "abcde…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
    }

    #[test]
    fn the_body_is_chosen_by_kind() {
        let m = message();
        let s: Value = serde_json::from_str(&body(WebhookKind::Slack, &m)).unwrap();
        assert!(s["blocks"].is_array());
        let t: Value = serde_json::from_str(&body(WebhookKind::Teams, &m)).unwrap();
        assert_eq!(t["type"], "message");
    }
}
