//! Article metadata: title, authors, outlet, publication date, canonical URL and language.
//!
//! Publishers state these in several overlapping vocabularies (Open Graph, Twitter cards, Dublin
//! Core, schema.org microdata and JSON-LD, plain `<meta name>`), so each field is a list of
//! sources tried from the most specific to the most generic, with visible-page fallbacks (the
//! `<h1>`, a byline, a date in the URL path) last. Every value is cleaned: titles lose a site-name
//! suffix, authors a "By" prefix and are split on "and"; dates are validated as calendar dates and
//! written in ISO 8601.

use crate::dom::{collapse, Dom, Tag};
use regex::Regex;
use serde_json::Value;
use std::sync::OnceLock;

#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    /// Every headline form seen (og:title, `<title>`, JSON-LD headline, h1), so the text can drop
    /// a repeated headline whichever form it takes.
    pub title_forms: Vec<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// JSON-LD `articleBody`, a last resort for pages whose body is filled in by script.
    pub article_body: Option<String>,
}

/// The article-ish JSON-LD fields, gathered over all objects on the page.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Vec<String>,
    modified: Vec<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        s.contains("Article")
            || s.contains("BlogPosting")
            || s.contains("Report")
            || s == "Posting"
            || s == "LiveBlogPosting"
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

fn type_is(v: &Value, names: &[&str]) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => names.contains(&s.as_str()),
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(|s| names.contains(&s))),
        _ => false,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(|n| match n {
            Value::String(s) => Some(s.clone()),
            _ => None,
        }),
        _ => None,
    }
}

impl JsonLd {
    fn visit(&mut self, v: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(a) => a.iter().for_each(|x| self.visit(x, depth + 1)),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    self.visit(g, depth + 1);
                }
                if is_article_type(v) {
                    if self.headline.is_none() {
                        self.headline = o
                            .get("headline")
                            .or_else(|| o.get("name"))
                            .and_then(|h| h.as_str())
                            .map(str::to_string);
                    }
                    if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                        self.published.push(d.to_string());
                    }
                    if let Some(d) = o.get("dateModified").and_then(|d| d.as_str()) {
                        self.modified.push(d.to_string());
                    }
                    if self.authors.is_empty() {
                        match o.get("author").or_else(|| o.get("creator")) {
                            Some(Value::Array(a)) => {
                                self.authors.extend(a.iter().filter_map(name_of))
                            }
                            Some(a) => self.authors.extend(name_of(a)),
                            None => {}
                        }
                    }
                    if self.publisher.is_none() {
                        self.publisher = o.get("publisher").and_then(name_of);
                    }
                    if self.url.is_none() {
                        self.url = o.get("url").and_then(|u| u.as_str()).map(str::to_string);
                    }
                    if self.body.is_none() {
                        self.body = o
                            .get("articleBody")
                            .and_then(|b| b.as_str())
                            .map(str::to_string);
                    }
                } else if type_is(v, &["WebSite", "NewsMediaOrganization", "Organization"])
                    && self.site_name.is_none()
                {
                    self.site_name = o.get("name").and_then(|n| n.as_str()).map(str::to_string);
                } else if type_is(v, &["WebPage"]) {
                    if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                        self.published.push(d.to_string());
                    }
                }
            }
            _ => {}
        }
    }
}

fn parse_json_ld(text: &str) -> Option<Value> {
    let t = text
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        // Raw newlines and tabs inside strings are the commonest publisher error.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(collapse).filter(|s| !s.is_empty())
}

pub(crate) fn read(dom: &Dom) -> Meta {
    // name/property/itemprop -> content, first occurrence wins.
    let mut metas: Vec<(String, &str)> = Vec::new();
    let mut canonical = None;
    let mut lang = None;
    let mut title_el = None;
    let mut h1 = None;
    let mut itemprop_dates = Vec::new();
    let mut time_dates = Vec::new();
    let mut rel_authors = Vec::new();
    let mut itemprop_authors = Vec::new();
    let mut byline_authors = Vec::new();
    let mut dated_texts = Vec::new();
    for i in 0..dom.len() {
        let Some(el) = dom.elem(i) else { continue };
        match dom.tag(i) {
            Tag::Html if lang.is_none() => {
                lang = nonempty(el.attr("lang").or_else(|| el.attr("xml:lang")))
            }
            Tag::Meta => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(k), Some(c)) = (key, el.attr("content")) {
                    if !c.trim().is_empty() {
                        for k in k.split_whitespace() {
                            metas.push((k.to_ascii_lowercase(), c));
                        }
                    }
                }
            }
            Tag::Link => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = nonempty(el.attr("href"));
                }
            }
            Tag::Title if title_el.is_none() => {
                title_el = Some(dom.text_of(i)).filter(|t| !t.is_empty())
            }
            Tag::Heading(1) if h1.is_none() => h1 = Some(dom.text_of(i)).filter(|t| !t.is_empty()),
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let prop = prop.to_ascii_lowercase();
            if prop.contains("datepublished") {
                if let Some(d) = el.attr("datetime").or_else(|| el.attr("content")) {
                    itemprop_dates.push(d.to_string());
                } else {
                    itemprop_dates.push(dom.text_of(i));
                }
            } else if prop
                .split_whitespace()
                .any(|p| p == "author" || p == "creator")
                && dom.tag(i) != Tag::Meta
            {
                // Microdata authors are often a Person with a nested itemprop=name.
                let name = (i + 1..dom.end(i))
                    .find(|&j| {
                        dom.elem(j)
                            .and_then(|e| e.attr("itemprop"))
                            .is_some_and(|p| p.eq_ignore_ascii_case("name"))
                    })
                    .map(|j| {
                        dom.elem(j)
                            .and_then(|e| e.attr("content"))
                            .map(str::to_string)
                            .unwrap_or_else(|| dom.text_of(j))
                    })
                    .unwrap_or_else(|| dom.text_of(i));
                itemprop_authors.push(name);
            }
        }
        if dom.tag(i) == Tag::Time {
            if let Some(d) = el.attr("datetime") {
                time_dates.push(d.to_string());
            }
        }
        if dom.tag(i) == Tag::A
            && el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
            })
        {
            rel_authors.push(dom.text_of(i));
        }
        if dated_texts.len() < 8 && !matches!(dom.tag(i), Tag::Meta | Tag::Html | Tag::Body) {
            let names = format!(
                "{} {}",
                el.attr("class").unwrap_or(""),
                el.attr("id").unwrap_or("")
            )
            .to_ascii_lowercase();
            let dateish = names.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                [
                    "date",
                    "datum",
                    "time",
                    "published",
                    "posted",
                    "pubdate",
                    "fecha",
                    "data",
                    "dateline",
                    "timestamp",
                ]
                .contains(&t)
                    || t.starts_with("date")
                    || t.ends_with("date")
            });
            if dateish && dom.end(i) - i < 40 {
                let t = dom.text_of(i);
                if !t.is_empty() && t.chars().count() <= 120 {
                    dated_texts.push(t);
                }
            }
        }
        if byline_authors.is_empty() && dom.tag(i) != Tag::Meta {
            let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
            if class
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == "byline" || t == "author" || t == "author-name" || t == "autor")
            {
                let t = dom.text_of(i);
                if !t.is_empty() && t.chars().count() <= 80 {
                    byline_authors.push(t);
                }
            }
        }
    }
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(mk, _)| mk == k)
                .and_then(|(_, c)| nonempty(Some(c)))
        })
    };

    let mut ld = JsonLd::default();
    for block in &dom.json_ld {
        if let Some(v) = parse_json_ld(block) {
            ld.visit(&v, 0);
        }
    }

    let outlet = get(&["og:site_name"])
        .or_else(|| {
            ld.publisher
                .clone()
                .map(|s| collapse(&s))
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            ld.site_name
                .clone()
                .map(|s| collapse(&s))
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            get(&[
                "application-name",
                "apple-mobile-web-app-title",
                "dc.publisher",
                "publisher",
            ])
        });

    let url = canonical
        .or_else(|| get(&["og:url", "twitter:url"]))
        .or_else(|| ld.url.clone())
        .filter(|u| u.starts_with("http"));

    let lang = lang.or_else(|| {
        get(&["content-language", "og:locale", "language", "dc.language"])
            .map(|l| l.replace('_', "-"))
    });

    // Title.
    let og_title = get(&["og:title", "twitter:title", "dc.title", "title", "headline"]);
    let ld_title = ld
        .headline
        .as_deref()
        .map(collapse)
        .filter(|s| !s.is_empty());
    let mut title_forms: Vec<String> = [&og_title, &ld_title, &h1, &title_el]
        .iter()
        .filter_map(|t| (*t).clone())
        .collect();
    // og:title and even <h1> sometimes carry just the site's name: then the next form is the headline.
    let names_the_site = |t: &str| {
        let c = comparable(t);
        outlet.as_deref().map(comparable).is_some_and(|o| o == c)
            || url.as_deref().and_then(host_of).is_some_and(|h| h == c)
    };
    let title = [&og_title, &ld_title, &h1, &title_el]
        .into_iter()
        .flatten()
        .map(|t| clean_title(t, outlet.as_deref(), url.as_deref(), h1.as_deref()))
        .find(|t| !t.is_empty() && !names_the_site(t))
        .or_else(|| og_title.clone().or(title_el.clone()));
    if let Some(t) = &title {
        title_forms.push(t.clone());
    }
    if let Some(t) = &title_el {
        title_forms.push(clean_title(
            t,
            outlet.as_deref(),
            url.as_deref(),
            h1.as_deref(),
        ));
    }

    // Authors.
    const AUTHOR_KEYS: &[&str] = &[
        "author",
        "dc.creator",
        "byl",
        "sailthru.author",
        "parsely-author",
        "dcterms.creator",
    ];
    let author_sources: Vec<Vec<String>> = vec![
        metas
            .iter()
            .filter(|(k, _)| AUTHOR_KEYS.contains(&k.as_str()))
            .map(|(_, c)| c.to_string())
            .collect(),
        metas
            .iter()
            .filter(|(k, c)| k == "article:author" && !c.contains("://"))
            .map(|(_, c)| c.to_string())
            .collect(),
        ld.authors.clone(),
        itemprop_authors,
        rel_authors,
        byline_authors,
    ];
    let authors = author_sources
        .into_iter()
        .map(|raw| clean_authors(&raw))
        .find(|a| !a.is_empty())
        .unwrap_or_default();

    // Date: structured sources first, then the visible page, then the URL.
    let mut candidates: Vec<String> = Vec::new();
    for k in [
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
        "publishdate",
        "publish-date",
        "pubdate",
        "publication_date",
        "article.published",
        "sailthru.date",
        "parsely-pub-date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "date",
        "created",
        "datecreated",
        "og:updated_time",
    ] {
        candidates.extend(
            metas
                .iter()
                .filter(|(mk, _)| mk == k)
                .map(|(_, c)| c.to_string()),
        );
        if k == "datepublished" {
            candidates.extend(ld.published.iter().cloned());
            candidates.extend(itemprop_dates.iter().cloned());
        }
    }
    candidates.extend(time_dates);
    candidates.extend(dated_texts);
    candidates.extend(ld.modified.iter().cloned());
    candidates.extend(
        metas
            .iter()
            .filter(|(k, _)| {
                k == "article:modified_time" || k == "datemodified" || k == "last-modified"
            })
            .map(|(_, c)| c.to_string()),
    );
    let mut published = candidates.iter().find_map(|c| dossier_dates::normalize(c));
    if published.is_none() {
        published = url.as_deref().and_then(date_in_url);
    }

    Meta {
        title: title.filter(|t| !t.is_empty()),
        title_forms,
        authors,
        outlet,
        published,
        url,
        lang,
        article_body: ld.body,
    }
}

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " › ", " « ", " // ", " : ", "|", "-", "–",
    "_",
];

/// The host of a URL without `www.`, in [`comparable`] form.
fn host_of(url: &str) -> Option<String> {
    let host = url.split("://").nth(1)?.split('/').next()?;
    Some(comparable(host.trim_start_matches("www.")))
}

fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops a " | Site" / "Site - " part when it names the outlet (or the host), or keeps the part
/// equal to the page's `<h1>`.
fn clean_title(title: &str, outlet: Option<&str>, url: Option<&str>, h1: Option<&str>) -> String {
    let title = collapse(title);
    let host = url.and_then(host_of);
    let outlet_c = outlet.map(comparable).filter(|o| !o.is_empty());
    let names_site = |part: &str| {
        let p = comparable(part);
        if p.is_empty() {
            return false;
        }
        outlet_c.as_ref().is_some_and(|o| {
            *o == p || (p.len() >= 3 && o.contains(&p)) || (o.len() >= 3 && p.contains(o.as_str()))
        }) || host
            .as_ref()
            .is_some_and(|h| p.len() >= 3 && (h.starts_with(&p) || p.starts_with(h.as_str())))
    };
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if names_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if names_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    if let Some(h1) = h1 {
        if h1.len() >= 10 && title.len() > h1.len() && title.starts_with(h1) {
            let rest = title[h1.len()..].trim_start();
            if TITLE_SEPARATORS.iter().any(|s| rest.starts_with(s.trim())) {
                return h1.to_string();
            }
        }
    }
    title
}

fn clean_authors(raw: &[String]) -> Vec<String> {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    let split = SPLIT.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b)\s*").expect("valid regex")
    });
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:by|von|por|par|de|door|di|autor(?:in)?|author|written by|text|texto)\s*:?\s+").expect("valid regex")
    });
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = collapse(r);
        // Profile links and e-mail addresses are not names (and would split into junk).
        if r.contains("://") || r.contains('@') || r.starts_with("www.") {
            continue;
        }
        let r = prefix.replace(&r, "");
        for part in split.split(&r) {
            let name = part
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
                .trim();
            let words = name.split_whitespace().count();
            if name.is_empty()
                || name.contains("://")
                || name.contains('@')
                || name.chars().count() > 60
                || words > 6
            {
                continue;
            }
            if name.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// `/2024/03/26/` or `/2024-03-26/` in a URL path.
fn date_in_url(url: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|_|\b)").expect("valid regex")
    });
    let c = re.captures(url)?;
    dossier_dates::normalize(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_url_paths() {
        assert_eq!(
            date_in_url("https://x.org/2024/03/26/story").as_deref(),
            Some("2024-03-26")
        );
        assert_eq!(
            date_in_url("https://x.org/news/2024-03-26-story").as_deref(),
            Some("2024-03-26")
        );
        assert_eq!(date_in_url("https://x.org/id/20240326"), None);
    }

    #[test]
    fn strips_site_names_from_titles_only_when_they_name_the_site() {
        let t = |s| {
            clean_title(
                s,
                Some("The Gazette"),
                Some("https://www.gazette.example/a"),
                None,
            )
        };
        assert_eq!(t("Budget passes | The Gazette"), "Budget passes");
        assert_eq!(t("Gazette - Budget passes"), "Budget passes");
        assert_eq!(t("Budget passes - gazette.example"), "Budget passes");
        assert_eq!(
            t("Change font size | Axis text"),
            "Change font size | Axis text"
        );
        let with_h1 = clean_title(
            "Budget passes easily | News | Somewhere",
            None,
            None,
            Some("Budget passes easily"),
        );
        assert_eq!(with_h1, "Budget passes easily");
    }

    #[test]
    fn cleans_and_splits_author_lists() {
        let raw = vec![
            "By Jane Roe, John Doe & Max Mustermann".to_string(),
            "https://x.org/staff".to_string(),
        ];
        assert_eq!(
            clean_authors(&raw),
            vec!["Jane Roe", "John Doe", "Max Mustermann"]
        );
        assert_eq!(
            clean_authors(&["Von Erika Musterfrau und Hans Meier".to_string()]),
            vec!["Erika Musterfrau", "Hans Meier"]
        );
    }
}
