//! Main-text extraction: which part of a page is the article.
//!
//! The page is cut into text blocks (the runs of text between block-level tags). Each block is
//! judged on its own (length, link density, sentence punctuation) and then in context (a prose
//! block wedged between link lists is a teaser's summary, not the article). Every element then
//! gets the net weight of the blocks inside it: prose counts for it, link text against it (less
//! so inside an element that calls itself the article body). The container is the element with
//! the highest net weight, widened by those of its siblings that carry substantial prose of their
//! own, or a clean lead paragraph just before it.
//!
//! Boilerplate pruning comes before segmentation, in two strengths: strong signals (landmark
//! tags and roles, hidden elements, figures and captions) and weak ones (class/id words such as
//! `share`, `related`, `comments`). Neither is acted on where it cannot be boilerplate: an element
//! that holds a self-declared article body with a fair share of the prose, or most of all the
//! prose, is a wrapper (malformed markup can leave a whole page inside an unclosed `<header>`).
//! If weak pruning leaves too little prose, the choice is redone without it.
//!
//! Rendering drops link lists, the short labels that introduce them ("Related", "Read more:"),
//! a heading that repeats the title, and short lines after the last prose block when a link list
//! follows them (tags, source lines, "more on this topic").
//!
//! Everything is linear in the page: per-element sums are accumulated by walking each block's
//! ancestors, and every context look-up is precomputed in one pass.

use crate::boiler::{signals, Signals};
use crate::dom::{push_collapsed, Dom, Kind, Tag};

/// A block this long (in characters; ideographic text counts triple) is prose...
const GOOD_CHARS: u32 = 80;
/// ...and so is a shorter one with sentence punctuation.
const GOOD_CHARS_PUNCTUATED: u32 = 50;
/// A prose block shorter than this between link lists is taken for a teaser's summary.
const TEASER_MAX_CHARS: u32 = 400;
/// A sibling of the chosen container joins it when its net weight reaches this share.
const SIBLING_SHARE: f32 = 0.2;
/// The part of link text that counts against a container inside a self-declared article body.
const BODY_LINK_DISCOUNT: f32 = 0.5;
/// Prose a selection needs before weak pruning is trusted (else it is redone without).
const ENOUGH_PROSE: f32 = 250.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Mostly link text: navigation, lists of other stories.
    Bad,
    /// Under a line: labels, dates, buttons.
    Short,
    /// A line or two without the marks of prose: subheads, captions, teaser texts.
    Medium,
    /// Prose.
    Good,
}

#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub text: String,
    /// The innermost block-level element the text belongs to.
    pub owner: u32,
    pub chars: u32,
    pub link_chars: u32,
    pub class: Class,
}

/// Cuts the subtree of `start` into blocks, skipping subtrees for which `pruned` is true.
pub(crate) fn segment(dom: &Dom, start: u32, pruned: &[bool]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut link_chars = 0u32;
    let end = dom.end(start);
    let mut open: Vec<u32> = vec![start];
    let mut link_end = 0u32;
    let mut i = start + 1;

    let mut flush = |buf: &mut String, link_chars: &mut u32, owner: u32| {
        let t = buf.trim_end();
        if !t.is_empty() {
            let chars = t.chars().count() as u32;
            blocks.push(Block {
                text: t.to_string(),
                owner,
                chars,
                link_chars: (*link_chars).min(chars),
                class: Class::Short,
            });
        }
        buf.clear();
        *link_chars = 0;
    };

    while i < end {
        while open.len() > 1 && dom.end(*open.last().unwrap()) <= i {
            let top = open.pop().unwrap();
            flush(&mut buf, &mut link_chars, top);
        }
        let node = dom.nodes[i as usize];
        match node.kind {
            Kind::Text(t) => {
                let before = buf.len();
                push_collapsed(&mut buf, t);
                if i < link_end {
                    link_chars += buf[before..].chars().filter(|c| *c != ' ').count() as u32;
                }
                i += 1;
            }
            Kind::Elem(_) => {
                if pruned[i as usize] {
                    i = node.end;
                    continue;
                }
                match node.tag {
                    Tag::Br | Tag::Hr => flush(&mut buf, &mut link_chars, *open.last().unwrap()),
                    // Cells of a row stay on one line, a space apart.
                    Tag::Cell if !buf.is_empty() && !buf.ends_with(' ') => buf.push(' '),
                    Tag::A => link_end = link_end.max(node.end),
                    t if t.is_block() => {
                        flush(&mut buf, &mut link_chars, *open.last().unwrap());
                        open.push(i);
                    }
                    _ => {}
                }
                i += 1;
            }
            Kind::Root => i += 1,
        }
    }
    while let Some(top) = open.pop() {
        flush(&mut buf, &mut link_chars, top);
    }
    blocks
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Judges each block alone, then in context.
pub(crate) fn classify(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let cjk = b.text.chars().take(64).filter(|c| is_cjk(*c)).count();
        // Ideographic scripts pack a sentence into a third of the characters.
        let len = if cjk * 2 > b.text.chars().take(64).count() {
            b.chars * 3
        } else {
            b.chars
        };
        let density = b.link_chars as f32 / b.chars.max(1) as f32;
        let punct = b
            .text
            .chars()
            .filter(|c| {
                matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '。'
                        | '，'
                        | '、'
                        | '！'
                        | '？'
                        | '؟'
                        | '،'
                )
            })
            .count();
        b.class = if density > 0.5 {
            Class::Bad
        } else if len >= GOOD_CHARS || (len >= GOOD_CHARS_PUNCTUATED && punct > 0) {
            Class::Good
        } else if len >= 25 {
            Class::Medium
        } else {
            Class::Short
        };
    }
    // A lone prose-looking block between link lists is a teaser's summary. The nearest
    // non-short neighbours on each side are found in one pass each way.
    let n = blocks.len();
    let mut prev = vec![None; n];
    let mut next = vec![None; n];
    let mut seen = None;
    for i in 0..n {
        prev[i] = seen;
        if blocks[i].class != Class::Short {
            seen = Some(blocks[i].class);
        }
    }
    seen = None;
    for i in (0..n).rev() {
        next[i] = seen;
        if blocks[i].class != Class::Short {
            seen = Some(blocks[i].class);
        }
    }
    let bad_or_none = |c: Option<Class>| matches!(c, None | Some(Class::Bad));
    for i in 0..n {
        let b = &mut blocks[i];
        if b.class == Class::Good && b.chars < TEASER_MAX_CHARS {
            let (p, q) = (prev[i], next[i]);
            if (p == Some(Class::Bad) || q == Some(Class::Bad)) && bad_or_none(p) && bad_or_none(q)
            {
                b.class = Class::Medium;
            }
        }
    }
}

fn weight(b: &Block) -> f32 {
    match b.class {
        Class::Good => b.chars as f32,
        // Subheads and labels are neutral: they belong to articles and to menus alike.
        Class::Medium | Class::Short => 0.0,
        Class::Bad => -(b.link_chars as f32),
    }
}

/// The parts of the page chosen as the article, as node ranges.
struct Selection {
    ranges: Vec<(u32, u32)>,
    good_chars: f32,
}

fn select(dom: &Dom, root: u32, blocks: &[Block], sig: &[Signals]) -> Option<Selection> {
    let n = dom.len() as usize;
    let mut score = vec![0f32; n];
    let mut good = vec![0f32; n];
    let mut bad = vec![0f32; n];
    // Inside a self-declared article body, links are more likely part of the article (shownotes,
    // sources) than a menu: they count against the container less.
    let mut in_body = vec![false; n];
    for i in root..dom.end(root) {
        let p = dom.nodes[i as usize].parent;
        in_body[i as usize] =
            sig[i as usize].body || (i != root && p != u32::MAX && in_body[p as usize]);
    }
    for b in blocks {
        let mut w = weight(b);
        if b.class == Class::Bad && in_body[b.owner as usize] {
            w *= BODY_LINK_DISCOUNT;
        }
        let g = if b.class == Class::Good {
            b.chars as f32
        } else {
            0.0
        };
        let l = if b.class == Class::Bad {
            b.chars as f32
        } else {
            0.0
        };
        let mut j = b.owner;
        loop {
            score[j as usize] += w;
            good[j as usize] += g;
            bad[j as usize] += l;
            if j == root {
                break;
            }
            j = dom.nodes[j as usize].parent;
            if j == u32::MAX {
                break;
            }
        }
    }
    let bonus = |i: usize, s: f32| -> f32 {
        if s <= 0.0 {
            return s;
        }
        let mut f = 1.0;
        if sig[i].body {
            f *= 1.15;
        }
        if sig[i].article {
            f *= 1.05;
        }
        s * f
    };
    let mut best: Option<(u32, f32)> = None;
    for i in root..dom.end(root) {
        if !matches!(dom.nodes[i as usize].kind, Kind::Elem(_)) || good[i as usize] <= 0.0 {
            continue;
        }
        let s = bonus(i as usize, score[i as usize]);
        // Later (deeper or following) elements win ties: same prose, less wrapper.
        if !best.is_some_and(|(_, b)| s < b) {
            best = Some((i, s));
        }
    }
    let (top, top_score) = best?;
    let mut ranges = vec![(top, dom.end(top))];
    let mut good_chars = good[top as usize];
    let parent = dom.nodes[top as usize].parent;
    if top != root && parent != u32::MAX {
        for c in dom.children(parent) {
            if c == top {
                continue;
            }
            let s = score[c as usize];
            // A lead or standfirst in its own element before the body: prose and no links.
            let clean_lead = c < top && bad[c as usize] == 0.0 && s > 0.0;
            if (s > SIBLING_SHARE * top_score || clean_lead) && good[c as usize] > 0.0 {
                ranges.push((c, dom.end(c)));
                good_chars += good[c as usize];
            }
        }
    }
    ranges.sort_unstable();
    Some(Selection { ranges, good_chars })
}

/// Where the prose of the page lies, for the pruning guards: Good characters per element.
fn good_per_element(dom: &Dom, root: u32, blocks: &[Block]) -> Vec<f32> {
    let mut good = vec![0f32; dom.len() as usize];
    for b in blocks.iter().filter(|b| b.class == Class::Good) {
        let mut j = b.owner;
        loop {
            good[j as usize] += b.chars as f32;
            if j == root {
                break;
            }
            j = dom.nodes[j as usize].parent;
            if j == u32::MAX {
                break;
            }
        }
    }
    good
}

/// A self-declared body holding this share of the page's prose protects its ancestors from
/// pruning.
const BODY_SHARE: f32 = 0.3;
/// An element with a weak boilerplate signal holding this share of the prose is a wrapper.
const WEAK_WRAPPER_SHARE: f32 = 0.5;
/// The same for strong signals: only markup errors put nearly all prose inside a landmark.
const STRONG_WRAPPER_SHARE: f32 = 0.8;

/// The article's text: paragraphs joined by blank lines. `titles` are headline candidates, not
/// repeated in the text.
pub(crate) fn main_text(dom: &Dom, titles: &[String]) -> String {
    let (blocks, ranges, _) = choose(dom);
    render(dom, &blocks, &ranges, titles)
}

/// The blocks of the page (pruned as finally chosen), the selected node ranges, and the
/// element signals.
fn choose(dom: &Dom) -> (Vec<Block>, Vec<(u32, u32)>, Vec<Signals>) {
    let root = dom.body.unwrap_or(0);
    let n = dom.len() as usize;
    let sig: Vec<Signals> = (0..n as u32)
        .map(|i| match (dom.elem(i), dom.tag(i)) {
            (Some(el), tag) => signals(el, tag),
            _ => Signals::default(),
        })
        .collect();

    // Where the prose is before anything is pruned: a landmark or a class that holds most of it is
    // a wrapper (malformed markup can leave a whole page inside an unclosed <header>).
    let nothing = vec![false; n];
    let mut raw_blocks = segment(dom, root, &nothing);
    classify(&mut raw_blocks);
    let good = good_per_element(dom, root, &raw_blocks);
    let total_good = good[root as usize];

    // Which signals to act on. An element holding a self-declared body with a fair share of the
    // prose is a wrapper; a body marker with little text under it proves nothing (author boxes
    // and captions reuse the same class words).
    let mut holds_body = vec![false; n];
    for i in (0..n).rev() {
        if sig[i].body && good[i] >= BODY_SHARE * total_good && good[i] > 0.0 {
            holds_body[i] = true;
        }
        if holds_body[i] {
            let p = dom.nodes[i].parent;
            if p != u32::MAX {
                holds_body[p as usize] = true;
            }
        }
    }
    let mut strong = vec![false; n];
    let mut aggressive = vec![false; n];
    for i in 0..n {
        let s = sig[i];
        if !s.weak && !s.strong {
            continue;
        }
        let share = if s.strong {
            STRONG_WRAPPER_SHARE
        } else {
            WEAK_WRAPPER_SHARE
        };
        let wrapper =
            holds_body[i] || (!s.comments && total_good > 0.0 && good[i] >= share * total_good);
        if wrapper {
            continue;
        }
        if s.strong {
            strong[i] = true;
            aggressive[i] = true;
        } else if !(dom.tag(i as u32) == Tag::Header && good[i] > 0.0) {
            aggressive[i] = true;
        }
    }
    let mut lenient_blocks = segment(dom, root, &strong);
    classify(&mut lenient_blocks);

    let mut blocks = segment(dom, root, &aggressive);
    classify(&mut blocks);
    let mut chosen = select(dom, root, &blocks, &sig);
    let enough = |s: &Option<Selection>| s.as_ref().is_some_and(|s| s.good_chars >= ENOUGH_PROSE);
    if !enough(&chosen) {
        let fallback = select(dom, root, &lenient_blocks, &sig);
        let better = match (&chosen, &fallback) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b.good_chars > 2.0 * a.good_chars.max(1.0),
            _ => false,
        };
        if better {
            chosen = fallback;
            blocks = lenient_blocks;
        }
    }
    let ranges = chosen.map(|s| s.ranges).unwrap_or_default();
    (blocks, ranges, sig)
}

/// Writes the chosen blocks out. Link lists are left out, and so are the labels that introduce
/// them ("Related articles", "Read more:") and the short lines after the last paragraph of prose
/// when a link list follows them (tags, source lines, "more on this topic"): the closing lines of
/// an article (a sign-off, a thank-you) have no link list after them.
fn render(dom: &Dom, blocks: &[Block], ranges: &[(u32, u32)], titles: &[String]) -> String {
    let in_range = |b: &Block| ranges.iter().any(|&(s, e)| b.owner >= s && b.owner < e);
    // The next block that says something about the context (short unlinked labels do not),
    // found for all blocks in one backward pass.
    let mut next_sig: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut seen = None;
    for i in (0..blocks.len()).rev() {
        next_sig[i] = seen;
        if blocks[i].class != Class::Short || blocks[i].link_chars > 0 {
            seen = Some(i);
        }
    }
    let next_significant = |i: usize| next_sig[i].map(|j| &blocks[j]);
    let keep: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if !in_range(b) || b.class == Class::Bad {
                return false;
            }
            let heading = matches!(dom.tag(b.owner), Tag::Heading(_));
            if heading && titles.iter().any(|t| t == &b.text) {
                return false;
            }
            let label = b.class == Class::Short || (heading && b.class != Class::Good);
            !(label && next_significant(i).is_some_and(|x| x.class == Class::Bad))
        })
        .collect();
    let last_good = (0..blocks.len())
        .rev()
        .find(|&i| keep[i] && blocks[i].class == Class::Good);
    let mut out = String::new();
    let mut bad_since_last_good = false;
    for (i, b) in blocks.iter().enumerate() {
        if last_good.is_some_and(|g| i > g) && b.class == Class::Bad {
            bad_since_last_good = true;
        }
        if !keep[i] {
            continue;
        }
        if last_good.is_some_and(|g| i > g) {
            let bad_between = bad_since_last_good;
            let bad_after = !next_significant(i).is_some_and(|x| x.class != Class::Bad);
            if bad_between || bad_after {
                continue;
            }
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// All text of a fragment as paragraphs, with only the never-text elements left out.
pub(crate) fn all_text(dom: &Dom) -> String {
    let n = dom.len() as usize;
    let pruned = vec![false; n];
    let blocks = segment(dom, 0, &pruned);
    let mut out = String::new();
    for b in &blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// A dump of the blocks and the choice, for studying failures (`examples/explain.rs`): one line
/// per block: `+`/`-` (in the text or not), class, length, element path with signal flags.
pub(crate) fn explain(dom: &Dom) -> String {
    use std::fmt::Write;
    let root = dom.body.unwrap_or(0);
    let (blocks, ranges, sig) = choose(dom);
    let mut out = String::new();
    for b in &blocks {
        let mut path = Vec::new();
        let mut j = b.owner;
        while j != u32::MAX && j != root {
            if let Some(el) = dom.elem(j) {
                let mut s = el.name().to_string();
                if let Some(c) = el.attr("class").or(el.attr("id")) {
                    s.push('.');
                    s.push_str(&c.chars().take(30).collect::<String>());
                }
                let g = sig[j as usize];
                for (flag, mark) in [
                    (g.strong, "[S]"),
                    (g.weak, "[W]"),
                    (g.body, "[B]"),
                    (g.article, "[A]"),
                ] {
                    if flag {
                        s.push_str(mark);
                    }
                }
                if ranges.iter().any(|r| r.0 == j) {
                    s.push_str("[*]");
                }
                path.push(s);
            }
            j = dom.nodes[j as usize].parent;
        }
        path.reverse();
        let chosen =
            ranges.iter().any(|&(s, e)| b.owner >= s && b.owner < e) && b.class != Class::Bad;
        let _ = writeln!(
            out,
            "{} {:?} {} | {} | {}",
            if chosen { '+' } else { '-' },
            b.class,
            b.chars,
            path.join(" > "),
            b.text.chars().take(100).collect::<String>()
        );
    }
    out
}
