//! Boilerplate and content signals read from single elements: tag, class, id, role, ARIA and
//! visibility attributes.
//!
//! These are hints, not verdicts: a page wrapper called `has-sidebar` or a footer-ish class on the
//! element that holds the whole article would wipe the page out, so [`crate::content`] decides
//! whether a weak signal is acted on (see its guards). Strong signals (`<nav>`, `role=navigation`,
//! `display:none`) are trusted outright.
//!
//! Class and id values are split into lower-cased tokens on anything that is not a letter or
//! digit; short words must match a whole token (`ad` must not fire on `shadow` or `address`),
//! longer distinctive stems may start a token (`social` in `socialshare`).

use crate::dom::Tag;
use scraper::node::Element;

/// What one element says about itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    /// Never article text: navigation landmarks, hidden elements, captions, asides, footers.
    pub strong: bool,
    /// Probably boilerplate by its class or id (share bars, related links, widgets...).
    pub weak: bool,
    /// A comment section (a weak signal that no size guard overrides).
    pub comments: bool,
    /// Names itself as the article body (`itemprop=articleBody`, `entry-content`, ...).
    pub body: bool,
    /// A semantic article container (`<article>`, `<main>`, schema.org Article).
    pub article: bool,
}

/// Whole tokens that mark boilerplate.
const JUNK_EXACT: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "anzeige",
    "werbung",
    "publicidad",
    "nav",
    "menu",
    "menus",
    "tags",
    "tag",
    "tagcloud",
    "tagging",
    "keywords",
    "share",
    "shares",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "widget",
    "widgets",
    "banner",
    "promo",
    "promos",
    "sponsor",
    "sponsored",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "overlay",
    "caption",
    "captions",
    "credit",
    "credits",
    "copyright",
    "pagination",
    "pager",
    "print",
    "login",
    "signup",
    "signin",
    "skip",
    "toolbar",
    "tooltip",
    "rating",
    "ratings",
    "poll",
    "survey",
    "popular",
    "trending",
    "mostread",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "disqus",
    "byline",
    "bio",
    "masthead",
    "topbar",
    "navbar",
    "dropdown",
    "sr",
    "screenreader",
    "offscreen",
    "hide",
    "invisible",
    "teasers",
    "more",
    "postmeta",
    "entrymeta",
    "meta",
    "author",
    "authors",
    "avatar",
    "lightbox",
    "gallery",
    "slider",
    "carousel",
    "ticker",
    "legal",
    "imprint",
    "impressum",
    "disclaimer",
    "paywall",
    "donate",
    "donation",
    "feedback",
    "contact",
    "search",
    "header",
    "jump",
    "readmore",
    "readalso",
    "seealso",
    "infobox",
    "pullquote",
    "embed",
    "video",
    "audio",
    "player",
    "nocontent",
    "noprint",
    "cta",
];

/// Token beginnings that mark boilerplate (long or distinctive enough not to misfire).
const JUNK_PREFIX: &[&str] = &[
    "advert",
    "adsby",
    "adslot",
    "adunit",
    "adcontainer",
    "adwrap",
    "sidebar",
    "breadcrumb",
    "newsletter",
    "cookie",
    "consent",
    "social",
    "sharing",
    "sharebar",
    "sharetool",
    "shareicon",
    "sharelink",
    "sharebutton",
    "related",
    "recommend",
    "outbrain",
    "taboola",
    "plista",
    "ligatus",
    "disqus",
    "navbar",
    "navigation",
    "pagination",
    "footer",
    "widget",
    "subscri",
    "signup",
    "popular",
    "trending",
    "mostread",
    "mostpopular",
    "sponsor",
    "banner",
    "caption",
    "dropdown",
    "overlay",
    "toolbar",
    "copyright",
    "bylines",
    "authorbio",
    "authorbox",
    "authorinfo",
    "visuallyhidden",
    "sronly",
    "screenreader",
    "skiplink",
    "skipnav",
    "tagcloud",
    "taglist",
    "menu",
    "comment",
    "breaking",
    "promo",
    "newsticker",
    "furtherreading",
    "morearticles",
    "morestories",
    "readmore",
    "seealso",
    "alsoread",
];

/// Substrings of the lower-cased class/id string that name the article body itself.
const BODY_MARKERS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article__body",
    "article-content",
    "article_content",
    "article__content",
    "articlecontent",
    "article-text",
    "articletext",
    "article__text",
    "entry-content",
    "entrycontent",
    "entry_content",
    "entry-body",
    "post-content",
    "postcontent",
    "post_content",
    "post-body",
    "postbody",
    "post-text",
    "post_text",
    "story-body",
    "storybody",
    "story-content",
    "storycontent",
    "story-text",
    "main-content",
    "maincontent",
    "content-body",
    "contentbody",
    "body-text",
    "bodytext",
    "text-body",
    "news-text",
    "newstext",
    "news-content",
    "newscontent",
    "blog-content",
    "blogcontent",
    "single-content",
    "page-content",
    "rich-text",
    "richtext",
    "td-post-content",
    "field-body",
    "field-name-body",
    "content-text",
    "artikel",
    "article-detail",
    "articledetail",
    "detail-text",
    "text-content",
    "textcontent",
];

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

fn is_junk_token(t: &str) -> bool {
    // "commentary" and similar are journalism, not reader comments.
    if t.starts_with("commentar") {
        return false;
    }
    JUNK_EXACT.contains(&t) || JUNK_PREFIX.iter().any(|p| t.starts_with(p))
}

fn is_comment_token(t: &str) -> bool {
    (t.starts_with("comment") && !t.starts_with("commentar"))
        || t.starts_with("disqus")
        || t == "respond"
        || t == "replies"
        || t.starts_with("kommentar")
        || t.starts_with("comentario")
}

pub(crate) fn signals(el: &Element, tag: Tag) -> Signals {
    let mut s = Signals::default();
    match tag {
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Figcaption | Tag::Figure => s.strong = true,
        Tag::Header => s.weak = true,
        Tag::Article | Tag::Main => s.article = true,
        _ => {}
    }
    let mut names = String::new();
    for attr in ["class", "id"] {
        if let Some(v) = el.attr(attr) {
            names.push_str(v);
            names.push(' ');
        }
    }
    if !names.is_empty() {
        let lower = names.to_ascii_lowercase();
        let mut junk = false;
        for t in tokens(&lower) {
            if is_comment_token(t) {
                s.comments = true;
            }
            if is_junk_token(t) {
                junk = true;
            }
        }
        s.weak |= junk || s.comments;
        s.body = BODY_MARKERS.iter().any(|m| lower.contains(m));
    }
    if let Some(role) = el.attr("role") {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu"
            | "menubar" | "toolbar" | "dialog" | "alertdialog" | "tablist" | "alert" => {
                s.strong = true
            }
            "main" | "article" => s.article = true,
            _ => {}
        }
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        s.strong = true;
    }
    if let Some(style) = el.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            s.strong = true;
        }
    }
    if let Some(prop) = el.attr("itemprop") {
        let p = prop.to_ascii_lowercase();
        if p.contains("articlebody") || p == "text" || p.contains("reviewbody") {
            s.body = true;
        }
    }
    if let Some(ty) = el.attr("itemtype") {
        if ty.contains("Article") || ty.contains("BlogPosting") {
            s.article = true;
        }
    }
    match tag {
        // The document and landmark containers hold the article whatever their classes say
        // (`layout-with-sidebar` on <body>); only a comment thread is dropped by class.
        Tag::Body | Tag::Html => {
            s.weak = false;
            s.comments = false;
        }
        Tag::Article | Tag::Main => s.weak = s.comments,
        _ => {}
    }
    if s.body {
        // An element that names itself the body is not boilerplate, whatever else its class says.
        s.weak = false;
        s.comments = false;
    }
    s
}
