//! The company's brand: its name, primary colour and "about us", as an admin sets them,
//! and the palette the pages use, derived from the colour so that every text on it stays
//! readable (WCAG contrast) in the light and the dark theme.

/// The longest company name.
pub const MAX_NAME: usize = 80;
/// The longest "about us".
pub const MAX_ABOUT: usize = 2_000;
/// The largest logo file.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// A colour in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const WHITE: Colour = Colour { r: 255, g: 255, b: 255 };
    pub const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };
    /// The page background of the dark theme (app.css's `--bg`).
    pub const DARK_BG: Colour = Colour {
        r: 0x0f,
        g: 0x14,
        b: 0x19,
    };
    /// The card background of the dark theme (app.css's `--surface`).
    pub const DARK_SURFACE: Colour = Colour {
        r: 0x16,
        g: 0x1d,
        b: 0x25,
    };

    /// `#rrggbb` or `#rgb`, with or without the `#`, in either case.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.trim().trim_start_matches('#');
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Colour {
                r: r * 17,
                g: g * 17,
                b: b * 17,
            }),
            [r1, r2, g1, g2, b1, b2] => Some(Colour {
                r: r1 * 16 + r2,
                g: g1 * 16 + g2,
                b: b1 * 16 + b2,
            }),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// This colour moved `t` (0 to 1) of the way towards `other`.
    pub fn mix(self, other: Colour, t: f64) -> Colour {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t.clamp(0.0, 1.0)).round() as u8;
        Colour {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
        }
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// The contrast ratio of two colours (1 to 21).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// The first step from this colour towards `target` (in tenths of the way) that has
    /// at least `ratio` contrast against `against`; `target` itself when none does.
    fn towards_contrast(self, target: Colour, against: Colour, ratio: f64) -> Colour {
        (0..=20)
            .map(|step| self.mix(target, step as f64 / 20.0))
            .find(|c| c.contrast(against) >= ratio)
            .unwrap_or(target)
    }
}

/// The colours app.css takes from its custom properties, for one theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub brand: Colour,
    pub brand_hover: Colour,
    pub brand_soft: Colour,
    pub brand_ink: Colour,
    pub on_brand: Colour,
    pub header_bg: Colour,
    pub link: Colour,
}

impl Theme {
    fn properties(&self) -> String {
        [
            ("brand", self.brand),
            ("brand-hover", self.brand_hover),
            ("brand-soft", self.brand_soft),
            ("brand-ink", self.brand_ink),
            ("on-brand", self.on_brand),
            ("header-bg", self.header_bg),
            ("link", self.link),
        ]
        .iter()
        .map(|(name, c)| format!("--{name}: {};", c.hex()))
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// The light theme from a primary colour: buttons in the colour itself when white text
/// reads on it (else a dark text), links and headings darkened until they read on white,
/// the header darkened until white text reads on it at 7:1 (the header's overlays are
/// white).
pub fn light_theme(c: Colour) -> Theme {
    let button = c.towards_contrast(Colour::BLACK, Colour::WHITE, 3.0);
    let on_brand = if Colour::WHITE.contrast(button) >= 4.5 {
        Colour::WHITE
    } else {
        Colour {
            r: 0x11,
            g: 0x11,
            b: 0x11,
        }
    };
    let link = c.towards_contrast(Colour::BLACK, Colour::WHITE, 4.5);
    Theme {
        brand: button,
        brand_hover: button.mix(Colour::BLACK, 0.2),
        brand_soft: c.mix(Colour::WHITE, 0.88),
        brand_ink: c.towards_contrast(Colour::BLACK, c.mix(Colour::WHITE, 0.88), 7.0),
        on_brand,
        header_bg: c.towards_contrast(Colour::BLACK, Colour::WHITE, 7.0),
        link,
    }
}

/// The dark theme from a primary colour: the colour lightened until it reads on the dark
/// page, buttons with dark text, the header a darkened colour under white text.
pub fn dark_theme(c: Colour) -> Theme {
    let brand = c.towards_contrast(Colour::WHITE, Colour::DARK_SURFACE, 4.5);
    Theme {
        brand,
        brand_hover: brand.mix(Colour::WHITE, 0.2),
        brand_soft: c.mix(Colour::DARK_SURFACE, 0.75),
        brand_ink: brand.towards_contrast(Colour::WHITE, c.mix(Colour::DARK_SURFACE, 0.75), 7.0),
        on_brand: brand
            .towards_contrast(Colour::BLACK, brand, 7.0)
            .mix(Colour::BLACK, 0.5),
        header_bg: c.towards_contrast(Colour::BLACK, Colour::WHITE, 10.0),
        link: c.towards_contrast(Colour::WHITE, Colour::DARK_SURFACE, 7.0),
    }
}

/// The stylesheet that puts a primary colour on the pages, linked after app.css.
pub fn stylesheet(c: Colour) -> String {
    format!(
        "/* The company's colour {}, set in the brand settings. */\n\
         :root {{ {} }}\n\
         @media (prefers-color-scheme: dark) {{ :root {{ {} }} }}\n",
        c.hex(),
        light_theme(c).properties(),
        dark_theme(c).properties()
    )
}

/// The brand settings as typed.
#[derive(Debug, Clone, Default)]
pub struct RawBrand<'a> {
    pub name: &'a str,
    pub colour: &'a str,
    pub about: &'a str,
}

/// Checked brand settings: empty fields mean "not set" (the tool's own name and colours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandFields {
    pub name: String,
    pub colour: Option<Colour>,
    pub about: String,
}

/// Checks the brand settings; problems are (field, catalog key).
pub fn check(raw: &RawBrand) -> Result<BrandFields, Vec<(&'static str, &'static str)>> {
    let mut problems = Vec::new();
    let name = raw.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if crate::text::check_line(&name).is_err() {
        problems.push(("name", "error-invalid-characters"));
    } else if name.chars().count() > MAX_NAME {
        problems.push(("name", "error-brand-name-long"));
    }
    let colour = match raw.colour.trim() {
        "" => None,
        s => {
            let c = Colour::parse(s);
            if c.is_none() {
                problems.push(("colour", "error-brand-colour"));
            }
            c
        }
    };
    let about = raw.about.trim().replace("\r\n", "\n");
    if crate::text::check_lines(&about).is_err() {
        problems.push(("about", "error-invalid-characters"));
    } else if about.chars().count() > MAX_ABOUT {
        problems.push(("about", "error-brand-about-long"));
    }
    if problems.is_empty() {
        Ok(BrandFields { name, colour, about })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_both_lengths_and_cases() {
        assert_eq!(Colour::parse("#0E5A6B").map(Colour::hex), Some("#0e5a6b".into()));
        assert_eq!(Colour::parse("f80").map(Colour::hex), Some("#ff8800".into()));
        for bad in ["", "#", "#12", "#12345", "#1234567", "#gg0000", "red", "#ff 000"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_the_wcag_figures() {
        assert!((Colour::WHITE.contrast(Colour::BLACK) - 21.0).abs() < 0.01);
        // #767676 is the lightest grey with 4.5:1 on white.
        let grey = Colour::parse("#767676").unwrap();
        assert!((grey.contrast(Colour::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_colour_gives_readable_themes() {
        for hex in [
            "#ffeb3b", "#ffffff", "#000000", "#e30613", "#0e5a6b", "#7fdbff", "#00ff00",
        ] {
            let c = Colour::parse(hex).unwrap();
            let light = light_theme(c);
            assert!(light.on_brand.contrast(light.brand) >= 4.5, "{hex} button text");
            assert!(light.link.contrast(Colour::WHITE) >= 4.5, "{hex} link");
            assert!(light.brand_ink.contrast(light.brand_soft) >= 4.5, "{hex} ink");
            assert!(Colour::WHITE.contrast(light.header_bg) >= 7.0, "{hex} header");
            let dark = dark_theme(c);
            assert!(dark.link.contrast(Colour::DARK_SURFACE) >= 4.5, "{hex} dark link");
            assert!(dark.on_brand.contrast(dark.brand) >= 4.5, "{hex} dark button text");
            assert!(Colour::WHITE.contrast(dark.header_bg) >= 7.0, "{hex} dark header");
        }
    }

    #[test]
    fn a_dark_colour_is_kept_as_it_is_for_buttons() {
        let c = Colour::parse("#0e5a6b").unwrap();
        assert_eq!(light_theme(c).brand, c);
        assert_eq!(light_theme(c).on_brand, Colour::WHITE);
    }

    #[test]
    fn the_stylesheet_sets_both_themes() {
        let css = stylesheet(Colour::parse("#e30613").unwrap());
        assert!(css.contains(":root { --brand: #e30613;"), "{css}");
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        assert_eq!(css.matches("--header-bg").count(), 2);
    }

    #[test]
    fn brand_settings_are_checked() {
        let ok = check(&RawBrand {
            name: "  Nordwind  Logistics ",
            colour: "#E30613",
            about: "We move things.\r\n\r\nSince 1998.",
        })
        .unwrap();
        assert_eq!(ok.name, "Nordwind Logistics");
        assert_eq!(ok.colour.map(Colour::hex), Some("#e30613".into()));
        assert_eq!(ok.about, "We move things.\n\nSince 1998.");
        let empty = check(&RawBrand::default()).unwrap();
        assert_eq!((empty.name.as_str(), empty.colour), ("", None));
        let long = "x".repeat(MAX_NAME + 1);
        let about = "y".repeat(MAX_ABOUT + 1);
        let bad = check(&RawBrand {
            name: &long,
            colour: "czerwony",
            about: &about,
        })
        .unwrap_err();
        assert_eq!(
            bad,
            vec![
                ("name", "error-brand-name-long"),
                ("colour", "error-brand-colour"),
                ("about", "error-brand-about-long")
            ]
        );
    }
}
