//! The district view's state: registry, reviews, the received files and the live table.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::{decimal, tf, Bilingual, Lang};
use crate::domain::catalog::Catalog;
use crate::domain::district::aggregate::{aggregate, QuarterTable, Review, Reviews};
use crate::domain::district::archive::{check_size, is_archive, unpack, ArchiveError, Unpacked};
use crate::domain::district::collection::{
    classify, receive, receive_too_large, Classified, Outcome, Received,
};
use crate::domain::district::registry::{EntryProblem, Registry, RegistryEntry};
use crate::domain::quarter::QuarterId;
use crate::domain::result_doc::ResultSubject;
use crate::domain::verify::MAX_RESULT_BYTES;
use crate::storage::collection::{self, FileKey, ToStore};
use crate::storage::{self, keys::Key, CollectionError, SetAside};

/// Files are verified in slices of this many, yielding to the browser in between, so a large
/// import never freezes the page.
const SLICE: usize = 100;

/// Shared district state (all `Copy` handles).
#[derive(Clone, Copy)]
pub struct District {
    pub catalog: StoredValue<Catalog>,
    pub registry: RwSignal<Registry>,
    pub reviews: RwSignal<Reviews>,
    /// Received files, in the order received.
    pub files: RwSignal<Vec<Received>>,
    /// Their IndexedDB keys (same order; `None` for a file kept in this session only).
    keys: RwSignal<Vec<Option<FileKey>>>,
    pub quarter: RwSignal<QuarterId>,
    pub classified: Memo<Vec<Classified>>,
    pub table: Memo<QuarterTable>,
    /// The latest message (`Ok` success, `Err` problem), in the UI's language when it was made.
    pub message: RwSignal<Option<Result<String, String>>>,
    /// The UI's language (for the messages made here).
    lang: RwSignal<Lang>,
    /// (done, total) while an import runs.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/import_workers.js")]
extern "C" {
    fn workers_available() -> bool;
    fn prepare_workers();
    #[wasm_bindgen(js_name = verify_in_workers)]
    async fn verify_in_workers_js(
        files: js_sys::Array,
        max: f64,
        progress: &js_sys::Function,
        deliver: &js_sys::Function,
    ) -> wasm_bindgen::JsValue;
}

/// Where an import's files go, in the order chosen. They are stored a chunk at a time while the
/// rest is still being verified (storing 5,000 files at the end took 1.5 s on its own).
#[derive(Default)]
struct Intake {
    /// Each file with its IndexedDB key (`None`: kept in this session only).
    files: Vec<(Option<FileKey>, Received)>,
    /// The first storage failure; the files after it are not offered to storage again.
    failed: Option<CollectionError>,
}

type SharedIntake = std::rc::Rc<std::cell::RefCell<Intake>>;

/// Stores one chunk (chunks arrive one at a time, in order); `blob` is the worker's Blob of it,
/// or null (see `collection::add_all`).
async fn store(intake: &SharedIntake, chunk: Vec<ToStore>, blob: &wasm_bindgen::JsValue) {
    if intake.borrow().failed.is_some() {
        let mut i = intake.borrow_mut();
        i.files
            .extend(chunk.into_iter().map(|t| (None, t.into_received())));
        return;
    }
    let result = collection::add_all(chunk, blob).await;
    let mut i = intake.borrow_mut();
    match result {
        Ok(stored) => i
            .files
            .extend(stored.into_iter().map(|s| (Some(s.key), s.received))),
        Err((e, received)) => {
            i.failed = Some(e);
            i.files.extend(received.into_iter().map(|r| (None, r)));
        }
    }
}

/// Verifies in Web Workers, storing each chunk as it comes back; returns how many files (from
/// the first, in order) were taken care of. The page verifies the rest itself: all of them if
/// workers are not available, the remainder if one fails.
async fn verify_in_workers(
    d: District,
    files: std::rc::Rc<Vec<web_sys::File>>,
    intake: SharedIntake,
) -> usize {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    if !workers_available() {
        return 0;
    }
    let total = files.len();
    let progress = Closure::<dyn Fn(f64)>::new(move |done: f64| {
        d.progress.set(Some((done as usize, total)));
    });
    let array: js_sys::Array = files.iter().collect();
    let deliver = Closure::<dyn FnMut(f64, js_sys::Array, JsValue) -> js_sys::Promise>::new(
        move |start: f64, texts: js_sys::Array, blob: JsValue| {
            let (files, intake) = (files.clone(), intake.clone());
            wasm_bindgen_futures::future_to_promise(async move {
                let start = start as usize;
                let mut chunk = Vec::with_capacity(texts.length() as usize);
                for (i, text) in texts.iter().enumerate() {
                    let file = files.get(start + i);
                    // The file is in the worker's Blob of the chunk (if it sent one).
                    let place = match (blob.is_object(), file) {
                        (true, _) => Some(JsValue::TRUE),
                        (false, f) => f.map(|f| JsValue::from(f.clone())),
                    };
                    match place.and_then(|p| ToStore::from_stored(text, p)) {
                        Some(t) => chunk.push(t),
                        // Not a stored `Received` (a worker without its rubrics, say): this
                        // file is verified here rather than guessed at.
                        None => {
                            if let Some(file) = file {
                                let bytes = read_all(std::slice::from_ref(file)).await;
                                chunk.push(receive_here(
                                    d,
                                    file,
                                    bytes.into_iter().next().flatten(),
                                ));
                            }
                        }
                    }
                }
                store(&intake, chunk, &blob).await;
                Ok(JsValue::UNDEFINED)
            })
        },
    );
    let taken = verify_in_workers_js(
        array,
        MAX_RESULT_BYTES as f64,
        progress.as_ref().unchecked_ref(),
        deliver.as_ref().unchecked_ref(),
    )
    .await;
    taken.as_f64().map_or(0, |n| (n as usize).min(total))
}

/// The chosen files with each ZIP archive replaced by the files in it (see
/// `domain::district::archive`), and the archives that could not be unpacked (each stays in the
/// list as a file, which is then refused as unreadable).
async fn unpack_archives(files: Vec<web_sys::File>) -> (Vec<web_sys::File>, Vec<ArchiveError>) {
    if !files.iter().any(|f| is_archive(&f.name())) {
        return (files, Vec::new());
    }
    let mut out = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for file in files {
        let name = file.name();
        if !is_archive(&name) {
            out.push(file);
            continue;
        }
        let unpacked = match check_size(&name, file.size() as u64) {
            Err(e) => Err(e),
            Ok(()) => match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => unpack(&name, &js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => Err(ArchiveError::Unreadable(name)),
            },
        };
        match unpacked.map(|entries| entries.iter().map(entry_file).collect::<Option<Vec<_>>>()) {
            Ok(Some(entries)) => out.extend(entries),
            Ok(None) => {
                problems.push(ArchiveError::Unreadable(file.name()));
                out.push(file);
            }
            Err(e) => {
                problems.push(e);
                out.push(file);
            }
        }
    }
    (out, problems)
}

/// A file made in the page from an archive's entry.
fn entry_file(entry: &Unpacked) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(entry.bytes.as_slice()));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, &entry.name, &options).ok()
}

/// Reads a slice of files at once (the browser reads them concurrently); `None` for a file too
/// large to be a result (not read at all) or one that could not be read.
async fn read_all(files: &[web_sys::File]) -> Vec<Option<Vec<u8>>> {
    let reads = js_sys::Array::new();
    for file in files {
        if file.size() <= MAX_RESULT_BYTES as f64 {
            reads.push(&file.array_buffer());
        } else {
            reads.push(&js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL));
        }
    }
    let buffers = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&reads))
        .await
        .map(|a| js_sys::Array::from(&a))
        .unwrap_or_default();
    (0..files.len())
        .map(|i| {
            let buf = buffers.get(i as u32);
            buf.is_object()
                .then(|| js_sys::Uint8Array::new(&buf).to_vec())
        })
        .collect()
}

/// Verifies one file on the page.
fn receive_here(d: District, file: &web_sys::File, bytes: Option<Vec<u8>>) -> ToStore {
    let received = if file.size() > MAX_RESULT_BYTES as f64 {
        receive_too_large(&file.name(), file.size() as u64)
    } else {
        let bytes = bytes.unwrap_or_default();
        d.catalog.with_value(|c| receive(&file.name(), &bytes, c))
    };
    ToStore::new(received, file)
}

/// Reads, verifies and stores on the page, a slice at a time, yielding in between.
async fn verify_here(d: District, files: &[web_sys::File], intake: &SharedIntake) {
    let total = files.len();
    let mut done = 0;
    for slice in files.chunks(SLICE) {
        let bytes = read_all(slice).await;
        let chunk = slice
            .iter()
            .zip(bytes)
            .map(|(file, b)| receive_here(d, file, b))
            .collect();
        store(intake, chunk, &wasm_bindgen::JsValue::NULL).await;
        done += slice.len();
        d.progress.set(Some((done, total)));
        yield_now().await;
    }
}

async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl District {
    /// Loads the registry and reviews now, and the collection in the background.
    pub fn load(
        catalog: StoredValue<Catalog>,
        quarter: QuarterId,
        lang: RwSignal<Lang>,
        notices: &mut Vec<SetAside>,
    ) -> Self {
        let registry: Registry = storage::load(Key::Registry)
            .unwrap_or_else(|e| {
                notices.push(e);
                None
            })
            .unwrap_or_default();
        let reviews: Vec<((String, QuarterId), Review)> = storage::load(Key::Reviews)
            .unwrap_or_else(|e| {
                notices.push(e);
                None
            })
            .unwrap_or_default();
        let registry = RwSignal::new(registry);
        let reviews = RwSignal::new(reviews.into_iter().collect::<Reviews>());
        let files = RwSignal::new(Vec::<Received>::new());
        let quarter = RwSignal::new(
            storage::load(Key::DistrictQuarter)
                .ok()
                .flatten()
                .unwrap_or(quarter),
        );
        // Remember the quarter being reviewed across reloads.
        Effect::new(move |_| {
            let _ = storage::save(Key::DistrictQuarter, &quarter.get());
        });
        let classified = Memo::new(move |_| files.with(|f| registry.with(|r| classify(f, r))));
        let table = Memo::new(move |_| {
            files.with(|f| {
                classified.with(|c| {
                    registry.with(|r| {
                        reviews.with(|v| {
                            catalog.with_value(|cat| aggregate(f, c, r, v, cat, quarter.get()))
                        })
                    })
                })
            })
        });
        let d = Self {
            catalog,
            registry,
            reviews,
            files,
            keys: RwSignal::new(Vec::new()),
            quarter,
            classified,
            table,
            message: RwSignal::new(None),
            lang,
            progress: RwSignal::new(None),
        };
        // Two tabs of this page: the other's registry and reviews are taken at once, so an edit
        // here applies on top of them instead of saving an old copy over them (a key removed
        // there must not come back from here).
        storage::on_other_tab_change(move |name| d.take_other_tab_change(name));
        spawn_local(async move {
            match collection::load_all().await {
                Ok((stored, unreadable)) => {
                    d.keys.set(stored.iter().map(|s| Some(s.key)).collect());
                    d.files
                        .set(stored.into_iter().map(|s| s.received).collect());
                    if unreadable > 0 {
                        d.message.set(Some(Err(tf(
                            d.lang(),
                            "{} mục trong kho tệp không đọc được; chúng được giữ nguyên, không hiển thị.",
                            &[&unreadable],
                        ))));
                    }
                }
                Err(e) => d.problem(&e),
            }
            // The import's workers start (and warm up) once the page has shown what it holds,
            // not when the first files arrive; before, they would slow the page's own load.
            prepare_workers();
        });
        d
    }

    /// The UI's language now.
    fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Reloads the registry or the reviews another tab wrote (`None`: it cleared everything).
    fn take_other_tab_change(&self, name: Option<String>) {
        let is = |key: Key| name.as_deref().is_none_or(|n| n == storage::name_of(key));
        if is(Key::Registry) {
            match storage::peek::<Registry>(Key::Registry) {
                Ok(r) => self.registry.set(r.unwrap_or_default()),
                Err(e) => self.problem(&e),
            }
        }
        if is(Key::Reviews) {
            match storage::peek::<Vec<((String, QuarterId), Review)>>(Key::Reviews) {
                Ok(v) => self
                    .reviews
                    .set(v.unwrap_or_default().into_iter().collect::<Reviews>()),
                Err(e) => self.problem(&e),
            }
        }
    }

    /// Shows a problem as the latest message.
    fn problem(&self, e: &impl Bilingual) {
        self.message.set(Some(Err(e.message(self.lang()))));
    }

    /// Reads, verifies and stores files, a slice at a time.
    pub fn import(&self, files: Vec<web_sys::File>) {
        let d = *self;
        let started = js_sys::Date::now();
        d.progress.set(Some((0, files.len())));
        spawn_local(async move {
            // ZIP archives are unpacked first: each entry is then a file like any other.
            let (files, archive_problems) = unpack_archives(files).await;
            let total = files.len();
            d.progress.set(Some((0, total)));
            let files = std::rc::Rc::new(files);
            let intake = SharedIntake::default();
            // Both cores when the browser allows; on the page otherwise (or if a worker fails).
            let taken = verify_in_workers(d, files.clone(), intake.clone()).await;
            if let Some(rest) = files.get(taken..) {
                verify_here(d, rest, &intake).await;
            }
            let Intake { files: got, failed } = std::mem::take(&mut *intake.borrow_mut());
            let unstored = got.iter().filter(|(k, _)| k.is_none()).count();
            d.keys.update(|k| k.extend(got.iter().map(|(key, _)| *key)));
            d.files
                .update(|f| f.extend(got.into_iter().map(|(_, r)| r)));
            let lang = d.lang();
            match failed {
                None => {
                    let tenths = ((js_sys::Date::now() - started) / 100.0).round() as u32;
                    let secs = decimal(lang, crate::domain::report::format_tenths(tenths));
                    let done = tf(lang, "Đã nhận {} tệp trong {} giây.", &[&total, &secs]);
                    d.message.set(Some(if archive_problems.is_empty() {
                        Ok(done)
                    } else {
                        // An archive that could not be opened is listed as an unreadable file
                        // too; the message says why.
                        let why: Vec<String> =
                            archive_problems.iter().map(|e| e.message(lang)).collect();
                        Err(format!("{} {done}", why.join(" ")))
                    }));
                }
                // Nothing the user chose is silently dropped: the unstored files are shown.
                Some(e) => d.message.set(Some(Err(tf(
                    lang,
                    "{} {} tệp vừa nhận chưa lưu được và chỉ hiển thị trong phiên này.",
                    &[&e.message(lang), &unstored],
                )))),
            }
            d.progress.set(None);
        });
    }

    /// The full result of the file at `index` (read from the store: the collection keeps only
    /// each file's summary in memory).
    pub async fn open(&self, index: usize) -> Result<ResultSubject, CollectionError> {
        match self
            .keys
            .with_untracked(|k| k.get(index).copied().flatten())
        {
            Some(key) => collection::load_subject(key).await,
            None => Err(CollectionError::Missing),
        }
    }

    fn save_registry(&self) {
        let r = self
            .registry
            .with_untracked(|r| storage::save(Key::Registry, r));
        if let Err(e) = r {
            self.problem(&e);
        }
    }

    /// Adds or replaces a registry entry.
    pub fn upsert(&self, entry: RegistryEntry) -> Result<(), EntryProblem> {
        let mut reg = self.registry.get_untracked();
        reg.upsert(entry)?;
        self.registry.set(reg);
        self.save_registry();
        Ok(())
    }

    /// Removes a key from the registry.
    pub fn remove(&self, did: &str) {
        self.registry.update(|r| r.remove(did));
        self.save_registry();
    }

    /// Replaces the registry (after an import).
    pub fn set_registry(&self, reg: Registry) {
        self.registry.set(reg);
        self.save_registry();
    }

    /// Records the district's review of a cell for the selected quarter.
    pub fn set_review(&self, key: (String, QuarterId), review: Review) {
        self.reviews.update(|v| {
            v.insert(key, review);
        });
        let list: Vec<((String, QuarterId), Review)> = self
            .reviews
            .with_untracked(|v| v.iter().map(|(k, r)| (k.clone(), r.clone())).collect());
        if let Err(e) = storage::save(Key::Reviews, &list) {
            self.problem(&e);
        }
    }

    /// Deletes the files of a quarter (and files that could not be read).
    pub fn clear_quarter(&self, quarter: QuarterId) {
        let d = *self;
        let doomed: Vec<usize> = d.files.with_untracked(|f| {
            f.iter()
                .enumerate()
                .filter(|(_, r)| match &r.outcome {
                    Outcome::Verified { digest, .. } => digest.quarter == quarter,
                    Outcome::Rejected { .. } => true,
                })
                .map(|(i, _)| i)
                .collect()
        });
        let keys: Vec<FileKey> = d.keys.with_untracked(|k| {
            doomed
                .iter()
                .filter_map(|&i| k.get(i).copied().flatten())
                .collect()
        });
        spawn_local(async move {
            match collection::delete(&keys).await {
                Ok(()) => {
                    let keep = |i: &usize| !doomed.contains(i);
                    d.files.update(|f| {
                        *f = f
                            .drain(..)
                            .enumerate()
                            .filter(|(i, _)| keep(i))
                            .map(|(_, x)| x)
                            .collect()
                    });
                    d.keys.update(|k| {
                        *k = k
                            .drain(..)
                            .enumerate()
                            .filter(|(i, _)| keep(i))
                            .map(|(_, x)| x)
                            .collect()
                    });
                    d.message.set(Some(Ok(tf(
                        d.lang(),
                        "Đã xoá {} tệp của quý {}/{}.",
                        &[&doomed.len(), &quarter.quarter(), &quarter.year()],
                    ))));
                }
                Err(e) => d.problem(&e),
            }
        });
    }
}
