//! What every request shares: the store's connections, the analysis models, the dossier cache.
//!
//! SQLite connections are not shared between threads, so readers take one from a small pool (or
//! open a new one) for the length of one blocking task, and writes go through one writer
//! connection behind a mutex. In WAL mode readers never wait for the writer and see only
//! committed transactions, so a document is served whole or not at all.
//!
//! The dossier is computed from every stored extraction, which takes time on a large store, so
//! it is cached. The cache is keyed by SQLite's `data_version` as seen by one long-lived watcher
//! connection: it changes whenever any connection (this server's writer, or a `dossier ingest`
//! running beside it) commits, so the cache can never outlive the documents it was built from.

use crate::dossier::{build, Built, Scope};
use crate::error::ApiError;
use dossier_store::Store;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Scoped dossiers kept at once (by query, outlet, dates); the whole-store dossier is kept apart.
const SCOPED_CACHE: usize = 16;
/// Idle reader connections kept for reuse.
const POOL: usize = 16;

pub struct Shared {
    pub db: PathBuf,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Option<Store>>,
    watcher: Mutex<Store>,
    models: OnceLock<dossier_nlp::Models>,
    cache: tokio::sync::Mutex<Cache>,
    pub max_doc_bytes: usize,
}

#[derive(Default)]
struct Cache {
    version: i64,
    full: Option<Arc<Built>>,
    scoped: HashMap<Scope, Arc<Built>>,
}

pub type AppState = Arc<Shared>;

impl Shared {
    pub fn open(db: PathBuf, max_doc_bytes: usize) -> anyhow::Result<Shared> {
        let watcher = Store::open(&db)?;
        Ok(Shared {
            db,
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(None),
            watcher: Mutex::new(watcher),
            models: OnceLock::new(),
            cache: tokio::sync::Mutex::new(Cache {
                version: i64::MIN,
                ..Cache::default()
            }),
            max_doc_bytes,
        })
    }

    /// Runs `f` with a reader connection on the blocking pool.
    pub async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let shared = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = match shared
                .readers
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .pop()
            {
                Some(s) => s,
                None => Store::open(&shared.db).map_err(ApiError::from)?,
            };
            let out = f(&store);
            let mut pool = shared.readers.lock().unwrap_or_else(|p| p.into_inner());
            if pool.len() < POOL {
                pool.push(store);
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("a worker failed: {e}")))?
    }

    /// Runs `f` with the writer connection (and the models) on the blocking pool; writes are
    /// serialised here, and SQLite serialises them with other processes.
    pub async fn write<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store, &dossier_nlp::Models) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let shared = self.clone();
        tokio::task::spawn_blocking(move || {
            let models = shared.models();
            let mut guard = shared.writer.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_none() {
                *guard = Some(Store::open(&shared.db).map_err(ApiError::from)?);
            }
            f(guard.as_mut().expect("opened above"), models)
        })
        .await
        .map_err(|e| ApiError::internal(format!("a worker failed: {e}")))?
    }

    /// The analysis models, loaded on first use.
    pub fn models(&self) -> &dossier_nlp::Models {
        self.models.get_or_init(dossier_nlp::Models::builtin)
    }

    fn data_version(&self) -> Result<i64, ApiError> {
        Ok(self
            .watcher
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .data_version()?)
    }

    /// The dossier for a scope, from the cache when the store has not changed since it was built.
    /// One computation at a time: concurrent requests for the same dossier wait for the first.
    pub async fn dossier(self: &Arc<Self>, scope: Scope) -> Result<Arc<Built>, ApiError> {
        let mut cache = self.cache.lock().await;
        // Read the version before the documents: a commit in between makes the next request
        // rebuild, never serve an old dossier as new.
        let version = {
            let shared = self.clone();
            tokio::task::spawn_blocking(move || shared.data_version())
                .await
                .map_err(|e| ApiError::internal(format!("a worker failed: {e}")))??
        };
        if version != cache.version {
            *cache = Cache {
                version,
                ..Cache::default()
            };
        }
        let hit = if scope.is_whole() {
            cache.full.clone()
        } else {
            cache.scoped.get(&scope).cloned()
        };
        if let Some(built) = hit {
            return Ok(built);
        }
        let s = scope.clone();
        let built = Arc::new(self.read(move |store| build(store, &s)).await?);
        if scope.is_whole() {
            cache.full = Some(built.clone());
        } else {
            if cache.scoped.len() >= SCOPED_CACHE {
                cache.scoped.clear();
            }
            cache.scoped.insert(scope, built.clone());
        }
        Ok(built)
    }
}
