//! Markdown rendered safely: raw HTML in the source is shown as text, links and images
//! may only point to http(s) (and links to mailto), so an offer's description cannot
//! run script in a visitor's browser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// Whether a link or image target is safe: a path on this site, a fragment, or an
/// absolute URL parsed with the `url` crate as a browser parses it, on http(s) with a host
/// (or `mailto:` for links). Browsers drop tabs and line breaks and read `\` as `/`, so
/// any of those refuses the target: `/\evil.example` would open another site.
fn safe_url(url: &str, allow_mailto: bool) -> bool {
    let url = url.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return false;
    }
    if url.starts_with('#') || (url.starts_with('/') && !url.starts_with("//")) {
        return true;
    }
    match url::Url::parse(url) {
        Ok(u) => match u.scheme() {
            "http" | "https" => u.host_str().is_some_and(|h| !h.is_empty()),
            "mailto" => allow_mailto,
            _ => false,
        },
        Err(_) => false,
    }
}

/// Renders Markdown to HTML that is safe to put in a page as is.
pub fn render(source: &str) -> String {
    let parser = Parser::new_ext(source, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let events = parser.map(|event| match event {
        // Raw HTML becomes visible text, escaped by the writer.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url, true) => Event::Start(Tag::Link {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url, false) => Event::Start(Tag::Image {
            link_type,
            dest_url: "".into(),
            title,
            id,
        }),
        e => e,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Ends a block of plain text with `mark` (unless it ends with punctuation already) and
/// a space.
fn end_block(text: &mut String, mark: char) {
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    if text.chars().last().is_some_and(char::is_alphanumeric) {
        text.push(mark);
    }
    text.push(' ');
}

/// The first `max` characters of the text, without Markdown, for previews and Open
/// Graph descriptions. Blocks stay apart as a reader expects: a heading ends with a
/// colon, list items with commas and the list with a full stop, a paragraph with a
/// full stop ("O roli: Budujesz… Oferujemy: samochód służbowy, premia kwartalna.").
pub fn plain_excerpt(source: &str, max: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Heading(_)) => end_block(&mut text, ':'),
            Event::End(TagEnd::Item) => end_block(&mut text, ','),
            Event::End(TagEnd::List(_)) => {
                let trimmed = text.trim_end().trim_end_matches(',').len();
                text.truncate(trimmed);
                end_block(&mut text, '.');
            }
            Event::End(TagEnd::Paragraph) => end_block(&mut text, '.'),
            // Breaks and the ends of other blocks separate words; inline ends (bold,
            // links) do not.
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::BlockQuote(_) | TagEnd::TableCell) => {
                text.push(' ')
            }
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_javascript_links_do_not_survive() {
        let html = render("Hi <script>alert(1)</script> [x](javascript:alert(1)) ![i](data:image/png;base64,AA)");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("data:image"));
    }

    #[test]
    fn link_targets_are_read_as_a_browser_reads_them() {
        for bad in [
            "/\\evil.example",
            "java\tscript:alert(1)",
            "JavaScript:alert(1)",
            "https://",
            "//evil.example",
        ] {
            assert!(!safe_url(bad, true), "{bad:?}");
        }
        for ok in [
            "https://firma.pl/kariera",
            "HTTP://Firma.pl",
            "/careers/1",
            "#apply",
            "mailto:hr@firma.pl",
        ] {
            assert!(safe_url(ok, true), "{ok:?}");
        }
        assert!(!safe_url("mailto:hr@firma.pl", false));
    }

    #[test]
    fn ordinary_markdown_renders() {
        let html = render("## Obowiązki\n\n- **Rust**\n- [strona](https://firma.pl)\n");
        assert!(html.contains("<h2>Obowiązki</h2>"));
        assert!(html.contains("<strong>Rust</strong>"));
        assert!(html.contains("href=\"https://firma.pl\""));
    }

    #[test]
    fn excerpts_are_plain_and_short() {
        assert_eq!(
            plain_excerpt("## Tytuł\n\nTekst **pogrubiony**.", 100),
            "Tytuł: Tekst pogrubiony."
        );
        assert_eq!(
            plain_excerpt(
                "## O roli\n\nBudujesz aplikację\n\n## Oferujemy\n\n- samochód służbowy\n- premia kwartalna\n\nDołącz!",
                200
            ),
            "O roli: Budujesz aplikację. Oferujemy: samochód służbowy, premia kwartalna. Dołącz!"
        );
        assert_eq!(plain_excerpt("abcdef ghij", 6), "abcde…");
    }
}
