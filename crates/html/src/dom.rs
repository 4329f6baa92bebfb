//! A flat, pre-order copy of scraper's tree that the extractor walks instead of the tree itself.
//!
//! Every later step (pruning, block segmentation, container scoring) needs "is node j inside node
//! i" and per-node counters. Storing nodes in document order with the index one past each
//! subtree's last descendant makes the first a range check and the second a plain `Vec` indexed by
//! node number, so the whole extraction stays linear in the size of the page. Elements whose
//! content is never text (scripts, styles, embedded media, form controls) are kept as leaves:
//! their insides are not copied at all.

use scraper::node::Element;
use scraper::{Html, Node as ScraperNode};

/// The element kinds the extractor distinguishes; everything else is `Other` (inline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Other,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    /// Content that never carries article text (style, svg, media, form controls, ...).
    Skip,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Heading(u8),
    Li,
    List,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Cell,
    Figure,
    Figcaption,
    A,
    Br,
    Hr,
    Form,
    Address,
    Time,
    /// Other block-level containers with no special meaning (center, details, fieldset, ...).
    Block,
}

impl Tag {
    fn of(name: &str) -> Tag {
        // html5ever lower-cases HTML element names, so exact matches suffice.
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed"
            | "canvas" | "video" | "audio" | "select" | "option" | "optgroup" | "textarea"
            | "button" | "input" | "map" | "datalist" | "picture" | "source" | "track" | "img"
            | "dialog" | "label" | "frameset" | "frame" => Tag::Skip,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "li" => Tag::Li,
            "ul" | "ol" | "dl" | "menu" => Tag::List,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Cell,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "form" => Tag::Form,
            "address" => Tag::Address,
            "time" => Tag::Time,
            "center" | "details" | "summary" | "fieldset" | "legend" | "caption" | "tbody"
            | "thead" | "tfoot" | "hgroup" | "output" => Tag::Block,
            _ => Tag::Other,
        }
    }

    /// Block-level: its start and end break the text into separate paragraphs.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Other
                | Tag::A
                | Tag::Time
                | Tag::Cell
                | Tag::Skip
                | Tag::Script
                | Tag::Meta
                | Tag::Link
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind<'a> {
    Root,
    Elem(&'a Element),
    Text(&'a str),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'a> {
    pub parent: u32,
    /// One past the last descendant: the subtree of node `i` is `i..end`.
    pub end: u32,
    pub kind: Kind<'a>,
    pub tag: Tag,
}

pub(crate) struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
    /// The bodies of `<script type="application/ld+json">` elements, for metadata.
    pub json_ld: Vec<&'a str>,
    /// The markup inside `<script type="text/template">` (and similar), which some blog engines
    /// use to ship the article body for client-side rendering.
    pub templates: Vec<&'a str>,
    pub body: Option<u32>,
}

impl<'a> Dom<'a> {
    pub(crate) fn build(html: &'a Html) -> Dom<'a> {
        let root = html.tree.root();
        let mut nodes = vec![Node {
            parent: u32::MAX,
            end: 1,
            kind: Kind::Root,
            tag: Tag::Other,
        }];
        let mut json_ld = Vec::new();
        let mut templates = Vec::new();
        let mut body = None;
        // Indices (into `nodes`) of the elements we descended into; the synthetic root is 0.
        let mut stack: Vec<u32> = vec![0];
        let Some(mut cur) = root.first_child() else {
            return Dom {
                nodes,
                json_ld,
                templates,
                body,
            };
        };
        // A stackless first-child / next-sibling walk: deep pages cannot overflow the call stack.
        'outer: loop {
            let parent = *stack.last().unwrap_or(&0);
            let idx = nodes.len() as u32;
            let mut pushed = false;
            let mut descend = false;
            match cur.value() {
                ScraperNode::Element(el) => {
                    let tag = Tag::of(el.name());
                    nodes.push(Node {
                        parent,
                        end: idx + 1,
                        kind: Kind::Elem(el),
                        tag,
                    });
                    pushed = true;
                    match tag {
                        Tag::Script => {
                            let ty = el.attr("type").unwrap_or("");
                            let ty = ty.to_ascii_lowercase();
                            if let Some(ScraperNode::Text(t)) = cur.first_child().map(|c| c.value())
                            {
                                if ty.contains("ld+json") {
                                    json_ld.push(&**t);
                                } else if ty.contains("template") || ty == "text/html" {
                                    templates.push(&**t);
                                }
                            }
                        }
                        Tag::Skip => {}
                        Tag::Body => {
                            body.get_or_insert(idx);
                            descend = true;
                        }
                        _ => descend = true,
                    }
                }
                ScraperNode::Text(t) => {
                    nodes.push(Node {
                        parent,
                        end: idx + 1,
                        kind: Kind::Text(t),
                        tag: Tag::Other,
                    });
                    pushed = true;
                }
                _ => {}
            }
            if descend {
                if let Some(child) = cur.first_child() {
                    stack.push(idx);
                    cur = child;
                    continue;
                }
            }
            if pushed {
                nodes[idx as usize].end = nodes.len() as u32;
            }
            loop {
                if let Some(sib) = cur.next_sibling() {
                    cur = sib;
                    continue 'outer;
                }
                match cur.parent() {
                    Some(p) if p.id() != root.id() => {
                        cur = p;
                        if let Some(open) = stack.pop() {
                            nodes[open as usize].end = nodes.len() as u32;
                        }
                    }
                    _ => break 'outer,
                }
            }
        }
        let len = nodes.len() as u32;
        nodes[0].end = len;
        Dom {
            nodes,
            json_ld,
            templates,
            body,
        }
    }

    pub(crate) fn elem(&self, i: u32) -> Option<&'a Element> {
        match self.nodes[i as usize].kind {
            Kind::Elem(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn tag(&self, i: u32) -> Tag {
        self.nodes[i as usize].tag
    }

    pub(crate) fn end(&self, i: u32) -> u32 {
        self.nodes[i as usize].end
    }

    pub(crate) fn len(&self) -> u32 {
        self.nodes.len() as u32
    }

    /// The element's own text (all descendant text nodes), whitespace collapsed.
    pub(crate) fn text_of(&self, i: u32) -> String {
        let mut out = String::new();
        for n in &self.nodes[i as usize + 1..self.end(i) as usize] {
            if let Kind::Text(t) = n.kind {
                push_collapsed(&mut out, t);
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out
    }

    /// Immediate element children of `i`, in order.
    pub(crate) fn children(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let end = self.end(i);
        let mut c = i + 1;
        std::iter::from_fn(move || {
            if c >= end {
                return None;
            }
            let cur = c;
            c = self.end(cur);
            Some(cur)
        })
    }
}

/// Appends `text` to `out` with runs of whitespace collapsed to one space; never starts `out`
/// with a space. A trailing space may remain (the next text may follow it).
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    let mut space = out.ends_with(' ');
    for c in text.chars() {
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Collapses whitespace and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_collapsed(&mut out, text);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}
