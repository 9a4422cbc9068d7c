//! What the storage edge reports to the user: unreadable values set aside, failed saves and a
//! failing file store. Pure (the browser part only makes them), so `cargo test` checks both
//! languages.

use std::fmt;

use thiserror::Error;

use super::envelope::DecodeError;
use crate::domain::lang::Bilingual;

/// A stored value that could not be read, and what was done with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// Where the original text now lives; `None` if it could not be copied (then the key is
    /// left untouched and not written this session).
    pub backup_key: Option<String>,
    pub reason: DecodeError,
    /// Left where it was on purpose, no copy tried: written by a newer version, or just written
    /// by another tab ([`crate::storage::peek`]).
    pub left_in_place: bool,
}

impl SetAside {
    /// The message for the user, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match &self.backup_key {
            Some(b) => format!(
                "Dữ liệu đã lưu «{}» không đọc được ({}). Bản gốc đã được giữ lại ở khóa «{}»; ứng dụng bắt đầu với dữ liệu trống cho mục này.",
                self.key, self.reason, b
            ),
            None if matches!(self.reason, DecodeError::NewerSchema(_)) => format!(
                "Dữ liệu «{}» do phiên bản mới hơn của ứng dụng ghi. Hãy tải lại trang để dùng phiên bản mới; phiên bản này sẽ không ghi đè mục đó.",
                self.key
            ),
            None if self.left_in_place => format!(
                "Dữ liệu «{}» vừa được ghi ở thẻ khác nhưng không đọc được ({}). Dữ liệu được để nguyên; trang này sẽ không ghi đè mục đó.",
                self.key, self.reason
            ),
            None => format!(
                "Dữ liệu đã lưu «{}» không đọc được ({}) và không sao lưu được (bộ nhớ đầy?). Mục này sẽ không được ghi đè trong phiên này.",
                self.key, self.reason
            ),
        }
    }
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_vi())
    }
}

impl Bilingual for SetAside {
    fn message_en(&self) -> String {
        let reason = self.reason.message_en();
        match &self.backup_key {
            Some(b) => format!(
                "The saved data «{}» could not be read ({reason}). The original was kept under the key «{b}»; the app starts with empty data for this part.",
                self.key
            ),
            None if matches!(self.reason, DecodeError::NewerSchema(_)) => format!(
                "The data «{}» was written by a newer version of the app. Reload the page to use the new version; this version will not overwrite it.",
                self.key
            ),
            None if self.left_in_place => format!(
                "The data «{}» was just written in another tab but cannot be read ({reason}). It is left as it is; this page will not overwrite it.",
                self.key
            ),
            None => format!(
                "The saved data «{}» could not be read ({reason}) and could not be backed up (storage full?). This part will not be overwritten in this session.",
                self.key
            ),
        }
    }
}

/// A write that failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    #[error("Không lưu được vào thiết bị (bộ nhớ trình duyệt đầy hoặc bị chặn). Thay đổi vẫn còn trên màn hình; hãy giải phóng bộ nhớ rồi sửa lại một ô để lưu.")]
    Write,
    #[error("Không ghi đè dữ liệu mà phiên bản này chưa đọc được (xem thông báo ở trên).")]
    Frozen,
    #[error("Không chuyển được dữ liệu sang JSON.")]
    Encode,
}

impl Bilingual for SaveError {
    fn message_en(&self) -> String {
        match self {
            Self::Write => "Could not save on this device (the browser's storage is full or blocked). The change is still on the screen; free some storage, then edit a field again to save.",
            Self::Frozen => "Data this version could not read is not overwritten (see the notice above).",
            Self::Encode => "The data could not be turned into JSON.",
        }
        .into()
    }
}

/// The district's file store (IndexedDB) failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CollectionError {
    #[error("Không ghi được kho tệp của cấp trên (IndexedDB). Trình duyệt có thể đang ở chế độ riêng tư hoặc hết bộ nhớ.")]
    Write,
    #[error("Không đọc được kho tệp của cấp trên (IndexedDB). Trình duyệt có thể đang ở chế độ riêng tư hoặc hết bộ nhớ.")]
    Read,
    #[error("Không xoá được kho tệp của cấp trên (IndexedDB). Trình duyệt có thể đang ở chế độ riêng tư hoặc hết bộ nhớ.")]
    Delete,
    /// The file of a result is not in the store (it was kept in this session only) or cannot be
    /// read back.
    #[error("Không mở được kết quả đầy đủ: tệp không có trong kho (chưa lưu được) hoặc đã hỏng. Hãy nhận lại tệp.")]
    Missing,
}

impl Bilingual for CollectionError {
    fn message_en(&self) -> String {
        let what = match self {
            Self::Write => "write to",
            Self::Read => "read",
            Self::Delete => "delete from",
            Self::Missing => {
                return "Could not open the full result: the file is not in the store (it could not be saved) or is damaged. Receive the file again.".into()
            }
        };
        format!("Could not {what} the district's file store (IndexedDB). The browser may be in private mode or out of storage.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::assert_translated;

    #[test]
    fn a_set_aside_value_is_told_in_both_languages() {
        let with_backup = SetAside {
            key: "chibo/v1/profile".into(),
            backup_key: Some("chibo/backup/chibo/v1/profile/1".into()),
            reason: DecodeError::NotJson,
            left_in_place: false,
        };
        assert_eq!(
            with_backup.to_string(),
            "Dữ liệu đã lưu «chibo/v1/profile» không đọc được (dữ liệu không phải JSON (có thể bị hỏng)). Bản gốc đã được giữ lại ở khóa «chibo/backup/chibo/v1/profile/1»; ứng dụng bắt đầu với dữ liệu trống cho mục này."
        );
        let newer = SetAside {
            backup_key: None,
            reason: DecodeError::NewerSchema(2),
            left_in_place: true,
            ..with_backup.clone()
        };
        assert!(newer.to_string().contains("phiên bản mới hơn"));
        assert!(!newer.to_string().contains("bộ nhớ đầy"));
        let not_copied = SetAside {
            backup_key: None,
            reason: DecodeError::NotJson,
            ..with_backup.clone()
        };
        assert!(not_copied.to_string().contains("không sao lưu được"));
        let from_another_tab = SetAside {
            left_in_place: true,
            ..not_copied.clone()
        };
        assert!(from_another_tab.to_string().contains("thẻ khác"));
        assert!(!from_another_tab.to_string().contains("bộ nhớ đầy"));
        // Not an enum: the cases are numbered by whether there is a backup and why not.
        assert_translated(
            &[with_backup, newer, not_copied, from_another_tab],
            |s| match (&s.backup_key, &s.reason, s.left_in_place) {
                (Some(_), _, _) => 0,
                (None, DecodeError::NewerSchema(_), _) => 1,
                (None, _, false) => 2,
                (None, _, true) => 3,
            },
        );
    }

    #[test]
    fn every_save_and_collection_error_has_an_english_message() {
        use SaveError::*;
        assert_translated(&[Write, Frozen, Encode], |e| match e {
            Write => 0,
            Frozen => 1,
            Encode => 2,
        });
        assert_translated(
            &[
                CollectionError::Write,
                CollectionError::Read,
                CollectionError::Delete,
                CollectionError::Missing,
            ],
            |e| match e {
                CollectionError::Write => 0,
                CollectionError::Read => 1,
                CollectionError::Delete => 2,
                CollectionError::Missing => 3,
            },
        );
    }
}
