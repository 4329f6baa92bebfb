//! Prints every text block of a page (after strong pruning) with its class and element path, to
//! study why the extractor chose what it chose: `cargo run --example explain -- page.html`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain PAGE.html");
    let bytes = std::fs::read(&path).expect("readable page");
    let html = String::from_utf8_lossy(&bytes);
    print!("{}", dossier_html::explain(&html));
}
