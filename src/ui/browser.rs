//! Small browser services the views need: clock, randomness, downloads, sharing, reading files.
//! Every failure is returned as a message in the UI's language, never a panic.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, Url};

use super::i18n::{t, tf, Lang};

/// Now, as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
pub fn now_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    format!("{}Z", iso.get(..19).unwrap_or("1970-01-01T00:00:00"))
}

/// Today on the device's calendar (its time zone).
pub fn today() -> chrono::NaiveDate {
    local_date_of(&js_sys::Date::new_0()).unwrap_or_default()
}

/// The device-calendar date of an instant written by [`now_iso`]; `None` if it is not one.
pub fn local_date(iso: &str) -> Option<chrono::NaiveDate> {
    local_date_of(&js_sys::Date::new(&JsValue::from_str(iso)))
}

fn local_date_of(d: &js_sys::Date) -> Option<chrono::NaiveDate> {
    // An unreadable text gives an invalid date, whose parts are NaN (read as 0 here).
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The browser has no secure random numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoRandom;

impl NoRandom {
    /// The message for the user.
    pub fn message(self, lang: Lang) -> String {
        t(lang, "Trình duyệt không cung cấp số ngẫu nhiên an toàn.").to_string()
    }
}

/// Fresh random bytes from the browser's CSPRNG (through getrandom).
pub fn random<const N: usize>() -> Result<[u8; N], NoRandom> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| NoRandom)?;
    Ok(buf)
}

/// Sets the page's language (`<html lang>`) and the tab's title.
pub fn set_document_language(code: &str, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", code);
    }
    document.set_title(title);
}

fn blob(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `text` as a file download named `name`.
pub fn download(lang: Lang, name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| t(lang, "Không tạo được tệp tải xuống.").to_string();
    let window = web_sys::window().ok_or(t(lang, "Không có cửa sổ trình duyệt."))?;
    let document = window.document().ok_or(t(lang, "Không có tài liệu."))?;
    let url = Url::create_object_url_with_blob(&blob(text, mime).map_err(fail)?).map_err(fail)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| t(lang, "Không tạo được liên kết."))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// A `File` made from text (files the app itself produces, e.g. the training samples).
pub fn text_file(name: &str, text: &str, mime: &str) -> Option<File> {
    let options = FilePropertyBag::new();
    options.set_type(mime);
    File::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), name, &options)
        .ok()
}

/// Opens `url` in place of this page (no history entry left behind).
pub fn replace_location(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// Moves the keyboard focus to the element `id` once the views have caught up with the change
/// just made (the element may be about to appear). An action that removes the focused button
/// (a delete, a confirmation swapped for its question) would otherwise leave the keyboard and
/// screen reader at the top of the page. A heading given the focus needs `tabindex="-1"`.
pub fn focus_soon(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::set_timeout(
        move || {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = el {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Reloads the page (switching workspace rebuilds every view from the other workspace's data).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let f = Reflect::get(&nav, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((nav, f))
}

fn share_data(name: &str, text: &str, mime: &str) -> Option<Object> {
    let options = FilePropertyBag::new();
    options.set_type(mime);
    let file = File::new_with_str_sequence_and_options(
        &Array::of1(&JsValue::from_str(text)),
        name,
        &options,
    )
    .ok()?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).ok()?;
    Reflect::set(&data, &"title".into(), &JsValue::from_str(name)).ok()?;
    Some(data)
}

/// Whether the browser can share this file (Web Share API level 2, mostly phones).
pub fn can_share_file(name: &str, text: &str, mime: &str) -> bool {
    let (Some((nav, can)), Some(data)) =
        (navigator_method("canShare"), share_data(name, text, mime))
    else {
        return false;
    };
    can.call1(&nav, &data)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Opens the system share sheet with the file.
pub async fn share_file(lang: Lang, name: &str, text: &str, mime: &str) -> Result<(), String> {
    let (nav, share) =
        navigator_method("share").ok_or(t(lang, "Trình duyệt không hỗ trợ chia sẻ tệp."))?;
    let data = share_data(name, text, mime).ok_or(t(lang, "Không tạo được tệp để chia sẻ."))?;
    let promise = share
        .call1(&nav, &data)
        .map_err(|_| t(lang, "Không mở được hộp chia sẻ."))?;
    let promise: js_sys::Promise = promise
        .dyn_into()
        .map_err(|_| t(lang, "Không mở được hộp chia sẻ."))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| t(lang, "Đã huỷ chia sẻ.").to_string())
}

/// Reads a chosen file as text (refusing anything over `max_bytes`).
pub async fn read_text(lang: Lang, file: &File, max_bytes: f64) -> Result<String, String> {
    if file.size() > max_bytes {
        return Err(tf(lang, "Tệp «{}» quá lớn.", &[&file.name()]));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| tf(lang, "Không đọc được tệp «{}».", &[&file.name()]))?;
    text.as_string()
        .ok_or_else(|| tf(lang, "Tệp «{}» không phải văn bản.", &[&file.name()]))
}

/// Copies text to the clipboard (where the browser allows it).
pub async fn copy_text(lang: Lang, text: &str) -> Result<(), String> {
    let fail = || t(lang, "Không sao chép được; hãy chọn và sao chép bằng tay.").to_string();
    let nav: JsValue = web_sys::window().ok_or_else(fail)?.navigator().into();
    let clipboard = Reflect::get(&nav, &"clipboard".into()).map_err(|_| fail())?;
    let write = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(fail)?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| fail())?
        .dyn_into()
        .map_err(|_| fail())?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| fail())
}

/// The files chosen in the `<input type="file">` that fired `ev`.
pub fn chosen_files(ev: &web_sys::Event) -> Vec<File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let list = input.and_then(|i| i.files());
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The files of a file input's `change` event, and the input emptied: choosing the same file
/// again (after a cancel, or to restore it a second time) then fires `change` again.
pub fn take_chosen_files(ev: &web_sys::Event) -> Vec<File> {
    let files = chosen_files(ev);
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
    files
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function dropped_files(dt) {
  // Entries must be taken now, while the drop event runs; reading them may finish later.
  const items = dt && dt.items ? Array.from(dt.items) : [];
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (!entries.length || entries.some((e) => !e)) return Promise.resolve(dt ? Array.from(dt.files) : []);
  const out = [];
  const walk = async (e, inFolder) => {
    if (e.isFile) {
      const f = await new Promise((res, rej) => e.file(res, rej));
      const lower = f.name.toLowerCase();
      if (!inFolder || lower.endsWith('.json') || lower.endsWith('.zip')) out.push(f);
      return;
    }
    const reader = e.createReader();
    for (;;) {
      const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const c of batch) await walk(c, true);
    }
  };
  return (async () => { for (const e of entries) await walk(e, false); return out; })();
}
"#)]
extern "C" {
    #[wasm_bindgen::prelude::wasm_bindgen(js_name = dropped_files)]
    fn dropped_files_js(dt: &web_sys::DataTransfer) -> js_sys::Promise;
}

/// The files of a drop, including those inside dropped folders (the `.json` ones), where the
/// browser allows reading folders. Must be called while the drop event runs.
pub fn dropped_files(dt: &web_sys::DataTransfer) -> impl std::future::Future<Output = Vec<File>> {
    let promise = dropped_files_js(dt);
    async move {
        match JsFuture::from(promise).await {
            Ok(list) => Array::from(&list)
                .iter()
                .filter_map(|f| f.dyn_into::<File>().ok())
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}
