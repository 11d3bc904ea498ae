//! The header's navigation: the home page, then menus of related pages for each of the
//! person's roles (a menu of one page is a plain link), in an order every role shares.
//! On phones the whole of it folds behind a menu button (`assets/app.js`).

use crate::web::Ctx;
use ambasada_core::Role;
use ambasada_store::people::User;

/// A navigation entry.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// A menu of the navigation: its pages, or one page shown as a plain link.
pub struct NavGroup {
    pub label: String,
    pub items: Vec<NavItem>,
    /// Whether the current page is one of its pages.
    pub current: bool,
}

impl NavGroup {
    /// The page of a one-page menu, shown as a plain link.
    pub fn single(&self) -> Option<&NavItem> {
        (self.items.len() == 1).then(|| &self.items[0])
    }
}

/// A menu's label key and its pages as (path, label key).
type Menu = (&'static str, Vec<(&'static str, &'static str)>);

/// The menus of `user`, by role.
fn menus(user: &User, uses_library: bool, linkedin: bool) -> Vec<Menu> {
    let mut menus: Vec<Menu> = vec![("nav-home", vec![("/app", "nav-home")])];
    if user.has_role(Role::Ambassador) {
        let mut posts = vec![("/app/feed", "nav-feed"), ("/app/shares", "nav-shares")];
        if linkedin {
            posts.push(("/app/linkedin", "nav-linkedin"));
        }
        posts.extend([("/app/plan", "nav-plan"), ("/app/training", "nav-training")]);
        menus.push(("nav-group-posts", posts));
        menus.push((
            "nav-group-results",
            vec![
                ("/app/impact", "nav-impact"),
                ("/app/points", "nav-points"),
                ("/app/leaderboard", "nav-leaderboard"),
                ("/app/rewards", "nav-rewards"),
            ],
        ));
    }
    if uses_library {
        menus.push((
            "nav-group-content",
            vec![("/app/content", "nav-content"), ("/app/courses", "nav-courses")],
        ));
    }
    if user.has_role(Role::Admin) || user.has_role(Role::Coordinator) {
        menus.push((
            "nav-group-programs",
            vec![
                ("/app/programs", "nav-programs"),
                ("/app/calendar", "nav-calendar"),
                ("/app/enps", "nav-enps"),
            ],
        ));
    }
    if user.has_role(Role::Admin) || user.has_role(Role::Recruiter) {
        menus.push((
            "nav-group-recruiting",
            vec![("/app/jobs", "nav-jobs"), ("/app/applications", "nav-applications")],
        ));
    }
    if user.has_role(Role::Admin) {
        menus.push((
            "nav-group-admin",
            vec![
                ("/app/admin/users", "nav-users"),
                ("/app/admin/teams", "nav-teams"),
                ("/app/admin/brand", "nav-brand"),
                ("/app/admin/import", "nav-import"),
                ("/app/admin/outbox", "nav-outbox"),
                ("/app/admin/webhooks", "nav-webhooks"),
                ("/app/admin/privacy", "nav-privacy"),
                ("/app/admin/audit", "nav-audit"),
            ],
        ));
    }
    menus.push((
        "nav-group-account",
        vec![("/app/profile", "nav-profile"), ("/app/join", "nav-join")],
    ));
    menus
}

impl Ctx {
    /// The navigation for this person's roles, in the viewer's language, with the
    /// current page (and its menu) marked.
    pub fn nav(&self) -> Vec<NavGroup> {
        let Some(user) = &self.user else { return Vec::new() };
        menus(user, self.uses_library(), self.linkedin)
            .into_iter()
            .map(|(key, items)| {
                let items: Vec<NavItem> = items
                    .into_iter()
                    .map(|(href, key)| NavItem {
                        href,
                        label: self.tr.t(key),
                        current: if href == "/app" {
                            self.path == "/app"
                        } else {
                            self.path.starts_with(href)
                        },
                    })
                    .collect();
                NavGroup {
                    label: self.tr.t(key),
                    current: items.iter().any(|i| i.current),
                    items,
                }
            })
            .collect()
    }
}
