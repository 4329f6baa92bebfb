//! The command line, as clap reads it.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  dossier extract examples/demo/                 extraction JSON lines for every article in a folder
  dossier extract article.html feed.xml crawl.warc.gz
  cat articles.jsonl | dossier extract -         JSON lines in, JSON lines out
  dossier ingest examples/demo/ --db demo.db     store the articles and their extractions
  dossier search 'harbour AND strike' --db demo.db

Exit status: 0 all input read; 1 some input could not be read (named on stderr) or an
evaluation fell below its floor; 2 the command line is wrong; 3 dossier itself failed.";

/// Reads news articles and compiles a sourced, cross-checked dossier.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// No progress display, no summary, no warnings except for skipped inputs.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Worker threads for analysis (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyze articles and print one extraction JSON object per document, in input order.
    #[command(after_help = "\
INPUT is a file, a directory (read recursively for .txt .html .htm .json .jsonl .xml .rss
.atom .warc .warc.gz files), or - for JSON lines on stdin, one document per line:
  {\"id\": \"...\", \"text\" | \"html\": \"...\", \"url\"?, \"published\"?, \"outlet\"?, \"title\"?, \"authors\"?}
`published` (ISO 8601) is the reference date for relative time expressions.

Examples:
  dossier extract examples/demo/ > demo.jsonl
  dossier extract page.html | jq '.entities'
  printf '{\"id\":\"a\",\"text\":\"Rain fell on Monday.\",\"published\":\"2025-03-04\"}\\n' | dossier extract -")]
    Extract(ExtractArgs),
    /// Analyze articles and put them, with their extractions, into the store.
    #[command(after_help = "\
Storing is idempotent: an article whose content is already stored is left alone; new
content under a known id replaces the old version. Each batch is one transaction, so an
interrupted ingest leaves the database as it was after the last batch; run it again to finish.

Examples:
  dossier ingest examples/demo/                  into ./dossier.db (or $DOSSIER_DB)
  dossier ingest crawl.warc.gz --db news.db")]
    Ingest(IngestArgs),
    /// Merge articles into one dossier: entities, events, figures, claims, disagreements.
    #[command(after_help = "\
Reads INPUTs as `extract` does (and, with --db, everything stored there) and writes the
dossier as Markdown (default), a self-contained HTML page, or the dossier JSON contract.

Examples:
  dossier report examples/demo/                          Markdown on stdout
  dossier report examples/demo/ --format html --out demo.html
  dossier report --db news.db --format json | jq '.discrepancies'")]
    Report(ReportArgs),
    /// Combine extraction lines or partial dossiers into one partial dossier (for clusters).
    #[command(after_help = "\
A partial dossier is a set of extraction lines, one per document, sorted by id; merging
is a union (where a document appears twice, the version with the smaller content hash
is kept), so partial dossiers combine in any grouping and order to the same whole.
`dossier report --extractions` renders one.

Examples:
  dossier extract corpus/ > a.jsonl && dossier merge a.jsonl b.jsonl > ab.jsonl
  cat part-*.jsonl | dossier merge - | dossier report --extractions - --format json")]
    Merge(LinesArgs),
    /// Blocking keys of extraction lines: `KEY<TAB>DOCUMENT-ID`, one pair a line (for clusters).
    #[command(after_help = "\
Documents that share no key cannot share an event: group by key and merge each group.

Example:
  dossier extract corpus/ | dossier keys -")]
    Keys(LinesArgs),
    /// Full-text search over stored articles (SQLite FTS5).
    #[command(after_help = "\
QUERY is FTS5 syntax: words (all must match), \"exact phrases\", OR, NOT, prefix*; a query
that is not valid FTS5 (such as IS-K) is searched as plain words.

Examples:
  dossier search 'concert hall' --db demo.db
  dossier search '\"Vell river\" OR harbour' --limit 5 --json")]
    Search(SearchArgs),
    /// Serve the store over HTTP: a JSON API and a web interface (127.0.0.1 by default).
    #[command(after_help = "\
Binding to an address other than loopback needs --public and a token (--token or
$DOSSIER_TOKEN); every request must then carry it as `Authorization: Bearer TOKEN`.

Examples:
  dossier serve --db demo.db                     http://127.0.0.1:8080/
  dossier serve --db news.db --port 9000
  DOSSIER_TOKEN=s3cret dossier serve --db news.db --host 0.0.0.0 --public")]
    Serve(ServeArgs),
    /// Check a database: SQLite's integrity check and the full-text index against the documents.
    Check(DbArgs),
    /// Tag a CoNLL-2003 file: every line written back with the predicted IOB2 tag appended.
    #[command(
        after_help = "Example:\n  dossier ner --conll ../shared/data/conll2003/dev.txt > dev.tagged"
    )]
    Ner {
        /// The CoNLL file (token first on each line, blank line between sentences).
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
    },
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score dossier's stages on the shared data sets and the seeds' gold annotation.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Args, Debug)]
pub struct ReadArgs {
    /// Files, directories, or - for JSON lines on stdin (stdin is also read when no INPUT is
    /// given and it is not a terminal).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Refuse documents larger than this many bytes (a suffix K, M or G is allowed).
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_bytes)]
    pub max_doc_bytes: usize,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write an input that cannot be read as an error record in its place in the output,
    /// `{"error": {"kind", "source", "message"}}` (source carries the line number), and exit 0:
    /// for running as a pipe stage (Spark's RDD.pipe), where a bad line must not end the stream.
    #[arg(long)]
    pub error_records: bool,
}

#[derive(Args, Debug)]
pub struct DbArgs {
    /// The database file [default: $DOSSIER_DB, else ./dossier.db]
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Files, directories, or - for JSON lines on stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Also (or only) the documents stored in this database.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Refuse documents larger than this many bytes (a suffix K, M or G is allowed).
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_bytes)]
    pub max_doc_bytes: usize,
    /// The INPUTs are extraction lines (`dossier extract` output, partial dossiers), not articles.
    #[arg(long)]
    pub extractions: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
}

#[derive(Args, Debug)]
pub struct LinesArgs {
    /// Files of extraction lines, or - for stdin.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Bearer token required on every request.
    #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Allow listening on an address other than loopback (requires a token).
    #[arg(long)]
    pub public: bool,
    /// The largest request body accepted (a suffix K, M or G is allowed); larger ones get 413.
    #[arg(long, value_name = "BYTES", default_value = "32M", value_parser = parse_bytes)]
    pub max_body_bytes: usize,
    /// The largest single document added through the API, as `ingest --max-doc-bytes`.
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_bytes)]
    pub max_doc_bytes: usize,
    /// Seconds a request may take before it is answered 408 (reading its body included).
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    pub query: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per result instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum TrainCommand {
    /// Train the entity tagger on CoNLL-2003 (deterministic: the same data gives the same model).
    #[command(
        after_help = "Example:\n  dossier train ner --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt"
    )]
    Ner {
        #[arg(long, value_name = "FILE")]
        train: PathBuf,
        /// Scored after every epoch when given.
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model (the binary embeds models/ner.bin at build time).
        #[arg(long, value_name = "FILE", default_value = "models/ner.bin")]
        out: PathBuf,
        /// Epochs of each of the two stages (20 scored best on CoNLL dev among 10, 15, 20, 25, 30).
        #[arg(long, default_value_t = 20)]
        epochs: usize,
    },
    /// Train the attribution tagger (cue, source, content) on PolNeAR JSON lines
    /// (deterministic: the same data gives the same model).
    #[command(
        after_help = "Example:\n  dossier train quotes --train ../shared/data/polnear/train.jsonl --dev ../shared/data/polnear/dev.jsonl"
    )]
    Quotes {
        #[arg(long, value_name = "FILE")]
        train: PathBuf,
        /// Span F1 scored after every epoch when given.
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model (the binary embeds models/quotes.bin at build time).
        #[arg(long, value_name = "FILE", default_value = "models/quotes.bin")]
        out: PathBuf,
        /// Epochs of each of the two stages (15 scored better than 10 and 20 on a held-out
        /// slice of the training set, its last 84 documents, with the others for training).
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Averaged weights smaller than this are dropped: 8 keeps the model under 2 MB (from
        /// 29 MB unpruned) at the same dev scores.
        #[arg(long, default_value_t = 8.0)]
        prune: f32,
        /// Where to write the source ranker, trained after the tagger (the binary embeds
        /// models/quote_sources.bin at build time).
        #[arg(long, value_name = "FILE", default_value = "models/quote_sources.bin")]
        sources_out: PathBuf,
        /// Train only the source ranker (it does not use the tagger at --out).
        #[arg(long)]
        sources_only: bool,
    },
    /// Train the event-mention tagger on ECB+ JSON lines (its annotated sentences; used by
    /// `dossier eval ecb`; deterministic: the same data gives the same model).
    #[command(
        after_help = "Example:\n  dossier train events --train ../shared/data/ecbplus/train.jsonl"
    )]
    Events {
        #[arg(long, value_name = "FILE")]
        train: PathBuf,
        /// Exact-span F1 scored after every epoch when given (keep ECB+ dev out of it: hold out
        /// part of train instead).
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model (the binary embeds models/events.bin at build time).
        #[arg(long, value_name = "FILE", default_value = "models/events.bin")]
        out: PathBuf,
        /// Epochs of each of the two stages.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Averaged weights smaller than this are dropped from the model.
        #[arg(long, default_value_t = 1.0)]
        prune: f32,
    },
    /// Train the part-of-speech tagger and phrase chunker on CoNLL-2003's POS and chunk columns
    /// (deterministic: the same data gives the same model).
    #[command(
        after_help = "Example:\n  dossier train syntax --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt"
    )]
    Syntax {
        #[arg(long, value_name = "FILE")]
        train: PathBuf,
        /// POS accuracy and chunk F1 scored after every epoch when given.
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model (the binary embeds models/syntax.bin at build time).
        #[arg(long, value_name = "FILE", default_value = "models/syntax.bin")]
        out: PathBuf,
        /// Epochs of each of the two stages.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Averaged weights smaller than this are dropped: 2 gives a 1 MB model (4 MB unpruned)
        /// within 0.4 points of the unpruned dev scores.
        #[arg(long, default_value_t = 2.0)]
        prune: f32,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Entity tagging: conlleval P/R/F1 on a CoNLL file, or on the seeds' gold with --seeds.
    #[command(
        after_help = "Examples:\n  dossier eval ner ../shared/data/conll2003/dev.txt\n  dossier eval ner --seeds"
    )]
    Ner {
        #[arg(default_value = "../shared/data/conll2003/dev.txt")]
        file: PathBuf,
        /// Score on the seeds' gold instead.
        #[arg(long)]
        seeds: bool,
    },
    /// Time expressions: TempEval-3 strict/relaxed span and value F1, or the seeds with --seeds.
    #[command(
        after_help = "Examples:\n  dossier eval timex ../shared/data/tempeval3/train.jsonl\n  dossier eval timex --seeds\n  dossier eval timex --errors | less"
    )]
    Timex {
        #[arg(default_value = "../shared/data/tempeval3/train.jsonl")]
        file: PathBuf,
        #[arg(long)]
        seeds: bool,
        /// After the scores, list every error: wrong values, missed and spurious expressions.
        #[arg(long)]
        errors: bool,
    },
    /// Figures (value, qualifier and measure) on the seeds' gold.
    Figures,
    /// Quotes: source, cue and content F1 on PolNeAR, or quotes, speakers and assertions on the
    /// seeds with --seeds.
    #[command(
        after_help = "Examples:\n  dossier eval quotes ../shared/data/polnear/dev.jsonl\n  dossier eval quotes --seeds\n  dossier eval quotes annotator_a.jsonl --against annotator_b.jsonl"
    )]
    Quotes {
        #[arg(default_value = "../shared/data/polnear/dev.jsonl")]
        file: PathBuf,
        #[arg(long)]
        seeds: bool,
        /// Score this attribution model (from `dossier train quotes`) instead of the built-in one.
        #[arg(long, value_name = "FILE", conflicts_with = "seeds")]
        model: Option<PathBuf>,
        /// With --model: choose sources with this source ranker (from `dossier train quotes`,
        /// its --sources-out) instead of the built-in one.
        #[arg(long, value_name = "FILE", requires = "model")]
        sources_model: Option<PathBuf>,
        /// Also list the misses and errors behind the PolNeAR scores.
        #[arg(long)]
        details: bool,
        /// Score this second annotation of the same articles (PolNeAR's format, matched by id)
        /// against FILE instead of our annotator: the agreement between two annotators, the
        /// ceiling our scores can be read against.
        #[arg(long, value_name = "OTHER", conflicts_with_all = ["seeds", "model"])]
        against: Option<PathBuf>,
    },
    /// Main-text extraction on trafilatura's evaluation set (990 pages).
    #[command(after_help = "Example:\n  dossier eval html ../shared/data/html-extraction")]
    Html {
        /// The html-extraction folder (pages/ and cases.jsonl).
        #[arg(default_value = "../shared/data/html-extraction")]
        dir: PathBuf,
        /// Exit with status 1 when F1 is below this.
        #[arg(long, value_name = "F1")]
        min_f1: Option<f64>,
    },
    /// Cross-document resolution (entities, events, discrepancies) on the seeds' gold.
    #[command(
        after_help = "Examples:\n  dossier eval coref --seeds ../shared/seeds --gold ../shared/gold/seeds.gold.json\n  dossier eval coref --details | less"
    )]
    Coref {
        #[arg(long, default_value = "../shared/seeds")]
        seeds: PathBuf,
        #[arg(long, default_value = "../shared/gold/seeds.gold.json")]
        gold: PathBuf,
        /// After the scores, list our events (date, kind, documents, figures) and discrepancies.
        #[arg(long)]
        details: bool,
    },
    /// Cross-document event coreference on ECB+ with our own mention detection (mention P/R/F1,
    /// MUC, B³, CEAF-e, CoNLL F1) and the purity of our document clusters.
    #[command(
        after_help = "Examples:\n  dossier eval ecb ../shared/data/ecbplus/dev.jsonl\n  dossier eval ecb --gold-mentions --sweep ../shared/data/ecbplus/train.jsonl"
    )]
    Ecb {
        #[arg(default_value = "../shared/data/ecbplus/dev.jsonl")]
        file: PathBuf,
        /// Score this event-mention model (from `dossier train events`) instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Cluster the gold mentions instead of ours (scores the clustering alone).
        #[arg(long)]
        gold_mentions: bool,
        /// Print the scores at each document-clustering threshold instead (run on train: that
        /// is how the built-in threshold was chosen).
        #[arg(long)]
        sweep: bool,
    },
    /// Plain-text cleaning and metadata recovery on the seeds, against their gold annotation.
    #[command(
        after_help = "Example:\n  dossier eval clean --seeds ../shared/seeds --gold ../shared/gold/seeds.gold.json"
    )]
    Clean {
        #[arg(long, default_value = "../shared/seeds")]
        seeds: PathBuf,
        #[arg(long, default_value = "../shared/gold/seeds.gold.json")]
        gold: PathBuf,
        /// Exit with status 1 unless every gold boilerplate span is removed and every annotated
        /// body span is kept.
        #[arg(long)]
        strict: bool,
    },
}

/// `20M`, `512K`, `1G`, `1000`.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (digits, mult) = match s.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&s[..s.len() - 1], 1usize << 10),
        Some('M') => (&s[..s.len() - 1], 1 << 20),
        Some('G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    let n: usize = digits
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size; write e.g. 20M, 512K or 1000000"))?;
    n.checked_mul(mult)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{s:?} is not a usable size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_bytes("20M"), Ok(20 << 20));
        assert_eq!(parse_bytes("512k"), Ok(512 << 10));
        assert_eq!(parse_bytes("1000"), Ok(1000));
        assert!(parse_bytes("lots").is_err());
        assert!(parse_bytes("0").is_err());
    }

    #[test]
    fn command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
