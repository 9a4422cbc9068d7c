//! The UI's two languages: Vietnamese (the default) and English. A view keeps its Vietnamese
//! text in the source and asks [`t`] (or [`tf`] for text with values in it) for the text in the
//! chosen language; domain values shown in the UI have `label_vi`/`label_en` (see [`Label`]).
//! The choice is a device preference, kept by `storage::choose_language` for both workspaces.
//!
//! Messages made outside the views (validation, export blockers, verification and per-file
//! reasons, registry, key-backup, rubric, storage errors) keep their Vietnamese text as their
//! `Display` (the CLI, the tests and stored data use it) and have an English one beside it, in
//! the same file, through [`Bilingual`] (`domain::lang`); a view shows `e.message(lang)`.
//! Messages of the panels and of `ui/district_state.rs` are made in the language chosen when they
//! appear (a later switch changes the next message, not the one on screen).
//!
//! Deliberately left in Vietnamese in both languages:
//! - the rubric's texts (its title, group and item titles, guidance, level labels, the bands of
//!   computed items, the quarter roll-up rule): they are data in `rubrics/*.json`, which have no
//!   translation (the views mark them `lang="vi"`);
//! - the printed A4 report (`ui/print_report.rs`, built by `domain::paper`): an official document
//!   in the customary Vietnamese form;
//! - the district table's CSV export (`domain::district::aggregate::table_csv`: headers, type and
//!   rating labels, shortfalls, «Chưa nộp»): the district's own spreadsheet, filed in Vietnamese;
//! - file names of downloads (`tu-danh-gia_…`, `khoa-ky_…`, `danh-ba-khoa.csv`, `tong-hop_…`);
//! - what people typed or files carry (cell names, notes, the training workspace's practice cell
//!   and sample files), and the `chibo` command line's output.
//!
//! Shown the same in both languages: the JSON reader's own words inside a few messages (e.g. why
//! a file is not a result), which are English. A file refused by a version of the app that kept
//! only the Vietnamese reason is shown, in English, with the general reason of its code.

use std::fmt::{Display, Write};

use crate::domain::cell::{CellType, Officers};
use crate::domain::district::collection::Status;
use crate::domain::meeting::MeetingKind;
use crate::domain::rating::Rating;
use crate::domain::record::NarrativeField;
use crate::domain::report::Shortfall;

pub use crate::domain::lang::{Bilingual, Lang};

/// The chosen language, provided as context at the root.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy)]
pub struct Language(pub leptos::prelude::RwSignal<Lang>);

/// The UI text `vi` (a Vietnamese string of the views) in `lang`. An unknown string is returned
/// as it is, so nothing is ever blank (a test keeps every string of the views known).
pub fn t(lang: Lang, vi: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => english(vi).unwrap_or(vi),
    }
}

/// A text with values: `template` (Vietnamese, each value written `{}`) in `lang`, with `args`
/// put in order in place of the `{}`s.
pub fn tf(lang: Lang, template: &'static str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut parts = t(lang, template).split("{}");
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        if let Some(a) = args.next() {
            let _ = write!(out, "{a}");
        }
        out.push_str(part);
    }
    out
}

/// A number written with a decimal comma by the domain (`89,5`, `95,8%`), in `lang`'s way.
pub fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::Vi => text,
        Lang::En => text.replace(',', "."),
    }
}

/// A domain value's label in the UI's language.
pub trait Label {
    /// The label in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($($ty:ty),*) => {$(
        impl Label for $ty {
            fn label(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Vi => self.label_vi(),
                    Lang::En => self.label_en(),
                }
            }
        }
    )*};
}

labels!(
    Rating,
    CellType,
    MeetingKind,
    Officers,
    Status,
    NarrativeField
);

/// A quarter's shortfall in `lang`.
pub fn shortfall(lang: Lang, s: Shortfall) -> String {
    match lang {
        Lang::Vi => s.message_vi(),
        Lang::En => s.message_en(),
    }
}

/// A shortfall as a result file names it (`month_without_regular:11`), in `lang`; `vi` is the
/// district's Vietnamese wording of the same code.
pub fn shortfall_code(lang: Lang, code: &str, vi: impl FnOnce(&str) -> String) -> String {
    match (lang, Shortfall::from_code(code)) {
        (Lang::En, Some(s)) => s.message_en(),
        _ => vi(code),
    }
}

/// The English text of a Vietnamese UI string, if there is one.
fn english(vi: &str) -> Option<&'static str> {
    Some(match vi {
        // add_meeting.rs
        "Thêm buổi sinh hoạt" => "Add a meeting",
        "Loại buổi" => "Meeting type",
        "Tháng" => "Month",
        "Tháng {}" => "Month {}",
        "Thêm buổi" => "Add meeting",
        // app.rs
        "Tự đánh giá sinh hoạt chi bộ" => "Party cell meeting self-assessment",
        "Không mở được ứng dụng" => "The app could not be opened",
        "Không lưu được lựa chọn ngôn ngữ trên thiết bị; lần mở sau sẽ dùng ngôn ngữ cũ." => "The language choice could not be saved on this device; next time the app opens in the previous language.",
        "Tự đánh giá chất lượng sinh hoạt chi bộ" => "Self-assessment of party cell meeting quality",
        "Chấm điểm từng buổi sinh hoạt, tổng hợp theo quý. Dữ liệu chỉ lưu trên thiết bị này." => "Score each meeting, roll up by quarter. Data is stored on this device only.",
        "Chuyển trang" => "Pages",
        "Chi bộ tự đánh giá" => "Cell self-assessment",
        "Cấp trên tổng hợp" => "District",
        "Hướng dẫn" => "Guide",
        "Tập huấn" => "Training",
        // browser.rs
        "Trình duyệt không cung cấp số ngẫu nhiên an toàn." => "The browser provides no secure random numbers.",
        "Không tạo được tệp tải xuống." => "The download file could not be created.",
        "Không có cửa sổ trình duyệt." => "No browser window.",
        "Không có tài liệu." => "No document.",
        "Không tạo được liên kết." => "The link could not be created.",
        "Trình duyệt không hỗ trợ chia sẻ tệp." => "This browser cannot share files.",
        "Không tạo được tệp để chia sẻ." => "The file to share could not be created.",
        "Không mở được hộp chia sẻ." => "The share sheet could not be opened.",
        "Đã huỷ chia sẻ." => "Sharing cancelled.",
        "Tệp «{}» quá lớn." => "The file «{}» is too large.",
        "Không đọc được tệp «{}»." => "The file «{}» could not be read.",
        "Tệp «{}» không phải văn bản." => "The file «{}» is not text.",
        "Không sao chép được; hãy chọn và sao chép bằng tay." => "Could not copy; select and copy it by hand.",
        // cell_profile_form.rs
        "Thông tin chi bộ" => "Cell profile",
        "Chưa đủ thông tin — hãy điền trước khi chấm" => "Incomplete — fill this in before scoring",
        "Tên chi bộ" => "Cell name",
        "Loại hình chi bộ" => "Cell type",
        "Đảng bộ cấp trên" => "Upper-level party committee",
        "Bí thư chi bộ" => "Cell secretary",
        "Chỉ lưu trên thiết bị, không đưa vào tệp kết quả." => "Kept on this device only, never put in the result file.",
        "Cấp ủy của chi bộ" => "Cell leadership",
        "Số đảng viên chính thức" => "Full members",
        "Số đảng viên dự bị" => "Probationary members",
        "Số đảng viên được miễn sinh hoạt" => "Members exempt from meetings",
        // district_table.rs
        "Tổng hợp theo quý" => "Quarter summary",
        "Năm" => "Year",
        "Quý" => "Quarter",
        "Quý {}" => "Quarter {}",
        "Loại hình" => "Type",
        "Tất cả" => "All",
        "Xếp loại" => "Rating",
        "Sắp xếp" => "Sort",
        "Theo tên" => "By name",
        "Điểm cao trước" => "Highest score first",
        "Xếp loại tốt trước" => "Best rating first",
        "{} chi bộ đã nộp hợp lệ, {} chi bộ chưa nộp." => "{} cells sent a valid file, {} cells have not sent one.",
        "Chi bộ" => "Cell",
        "Số buổi" => "Meetings",
        "Điểm BQ" => "Average",
        "Tự xếp loại" => "Own rating",
        "Thiếu sót" => "Shortfalls",
        "Cấp trên xếp loại" => "District rating",
        "Nhận xét" => "Note",
        "Xem" => "View",
        "Cấp trên xếp loại {}" => "District rating for {}",
        "Nhận xét của cấp trên về {}" => "District note on {}",
        "Đang hiển thị {}/{} dòng. " => "Showing {}/{} rows. ",
        "Xem thêm" => "Show more",
        "Xuất bảng CSV (Excel)" => "Export table as CSV (Excel)",
        "Xoá dữ liệu quý này…" => "Delete this quarter's data…",
        "Xoá mọi tệp đã nhận của quý {}/{} (và các tệp không đọc được)?" => "Delete every file received for quarter {}/{} (and the unreadable files)?",
        "Xoá hẳn" => "Delete for good",
        "Huỷ" => "Cancel",
        "Chi bộ chưa nộp" => "Cells that have not sent a file",
        "Đang hiển thị {}/{} chi bộ. " => "Showing {}/{} cells. ",
        // district_state.rs
        "{} mục trong kho tệp không đọc được; chúng được giữ nguyên, không hiển thị." => "Entries of the file store that could not be read: {}; they are kept as they are and not shown.",
        "Đã nhận {} tệp trong {} giây." => "Received {} file(s) in {} seconds.",
        "{} {} tệp vừa nhận chưa lưu được và chỉ hiển thị trong phiên này." => "{} {} of the files just received could not be saved and are shown in this session only.",
        "Đã xoá {} tệp của quý {}/{}." => "Deleted {} file(s) of quarter {}/{}.",
        // district_view.rs
        "Biểu đồ" => "Charts",
        // drafts_backup_panel.rs
        "Không tạo được tệp sao lưu." => "The backup file could not be made.",
        ", lấy thông tin chi bộ trong tệp" => ", took the cell profile from the file",
        "Bản cũ trên máy được giữ lại trong bộ nhớ của trình duyệt, không bị xoá." => "The device's old versions are kept in the browser's storage, not deleted.",
        "bộ tiêu chí của quý này không có trong phiên bản ứng dụng này: bỏ qua" => "this version of the app does not have this quarter's rubric: skipped",
        "giống hệt bản trên máy" => "the same as on this device",
        " Thay bản trên máy bằng bản trong tệp" => " Replace this device's version with the file's",
        "Sao lưu dữ liệu chấm điểm" => "Backup of the assessment data",
        "Thông tin chi bộ và mọi quý đã chấm trên thiết bị này, trong một tệp: để chuyển sang máy khác, hoặc phòng khi trình duyệt xoá dữ liệu. Tệp không có chữ ký và không có khóa ký (khóa có tệp sao lưu riêng); tệp có tên bí thư, nên đừng gửi cho cấp trên." => "The cell profile and every quarter on this device, in one file: to move them to another device, or in case the browser deletes its data. The file is not signed and holds no signing key (the key has its own backup file); it holds the secretary's name, so do not send it to the district.",
        "Lưu tệp sao lưu dữ liệu" => "Save a data backup file",
        "Khôi phục từ tệp sao lưu dữ liệu" => "Restore from a data backup file",
        "Thông tin chi bộ: chưa có trên máy, sẽ lấy từ tệp." => "Cell profile: not on this device yet, taken from the file.",
        "Thông tin chi bộ: giống hệt trên máy." => "Cell profile: the same as on this device.",
        "Thông tin chi bộ: khác trên máy." => "Cell profile: different from this device's.",
        " Thay thông tin chi bộ trên máy bằng thông tin trong tệp" => " Replace this device's cell profile with the file's",
        "Quý khác bản trên máy chỉ bị thay khi bạn đánh dấu; bản trên máy khi đó được giữ lại." => "A quarter that differs from this device's is replaced only if you tick it; this device's version is then kept.",
        "Đã lưu tệp «{}» ({} quý). Hãy cất tệp ở nơi an toàn, ngoài điện thoại." => "Saved «{}» ({} quarters). Keep the file somewhere safe, off the phone.",
        "Đã khôi phục: thêm {} quý, thay {} quý{}." => "Restored: {} quarters added, {} replaced{}.",
        "Không ghi hết được vào thiết bị (bộ nhớ của trình duyệt đầy hoặc bị chặn): hãy giải phóng bộ nhớ rồi khôi phục lại. Phần đã ghi: {}" => "Not everything could be written on this device (the browser's storage is full or blocked): free some storage, then restore again. Written so far: {}",
        "{}/{} mục" => "{}/{} items",
        "chưa có trên máy: sẽ thêm ({} đã trả lời)" => "not on this device: will be added ({} answered)",
        "khác bản trên máy (trên máy: {}; trong tệp: {})" => "different from this device's (device: {}; file: {})",
        "«{}», lưu ngày {}, có {} quý:" => "«{}», saved on {}, with {} quarters:",
        "Thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị: hãy giải phóng bộ nhớ và lưu lại trước khi khôi phục." => "The latest change on the screen could not be saved on this device: free some storage and save it before restoring.",
        "Điểm quý được tính khi mọi buổi thường kỳ đã được chấm (còn {} phiếu chưa chấm)." => "The quarter's score is worked out once every regular meeting has been scored ({} sheet(s) not scored yet).",
        "Thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị, nên tệp sao lưu sẽ thiếu nó: hãy giải phóng bộ nhớ và lưu lại trước khi sao lưu." => "The latest change on the screen could not be saved on this device, so the backup file would lack it: free some storage and save it before backing up.",
        "Chưa chuyển phiên bản: thay đổi gần nhất trên màn hình chưa lưu được vào thiết bị và sẽ mất khi tải lại. Hãy giải phóng bộ nhớ rồi sửa lại một ô để lưu trước." => "Not switched yet: the latest change on the screen could not be saved on this device and would be lost by reloading. Free some storage, then edit a field again to save it first.",
        // rubric_upgrade.rs
        "Bộ tiêu chí này đã có phiên bản {}; quý này đang chấm theo phiên bản {}." => "Version {} of this rubric is available; this quarter is scored with version {}.",
        "Số liệu và câu trả lời được giữ nguyên; điểm và xếp loại được tính lại theo phiên bản mới, như các chi bộ bắt đầu quý này với phiên bản mới." => "Facts and answers are kept; scores and ratings are computed again by the new version, as for the cells that start this quarter with it.",
        "Chuyển quý này sang phiên bản {}" => "Move this quarter to version {}",
        "Kết quả quý: {} → {}" => "Quarter result: {} → {}",
        "Tệp kết quả đã xuất sẽ không còn khớp: sau khi chuyển, hãy xuất và gửi lại." => "The result file already exported will no longer match: after the move, export it and send it again.",
        "Xác nhận chuyển" => "Confirm the move",
        // export_panel.rs
        "Chưa có khóa." => "There is no key yet.",
        "Đã tạo khóa ký cho chi bộ. Trước lần xuất đầu tiên, hãy lưu tệp sao lưu khóa ở mục «Khóa ký của chi bộ» bên dưới, rồi bấm xuất lại." => "The cell's signing key has been created. Before the first export, save the key backup file in «Cell signing key» below, then export again.",
        "Khóa lưu trên thiết bị bị hỏng; hãy khôi phục từ tệp sao lưu." => "The key stored on this device is damaged; restore it from the backup file.",
        "Không có bộ tiêu chí của quý này." => "This quarter's rubric is not available.",
        "Chưa mở quý nào." => "No quarter is open.",
        "Đã xuất tệp «{}». Gửi tệp này cho cấp trên (USB, thư điện tử, tin nhắn)." => "Exported «{}». Send this file to the district (USB stick, email, message).",
        "Xuất kết quả đã ký" => "Export the signed result",
        "Tệp JSON có chữ ký số của chi bộ (chuẩn W3C, eddsa-jcs-2022); cấp trên kiểm tra được tệp có bị sửa hay không. Tệp không chứa họ tên đảng viên." => "A JSON file with the cell's digital signature (W3C standard, eddsa-jcs-2022); the district can check that it was not altered. The file contains no member names.",
        "Chưa xuất được: {}." => "Cannot export yet: {}.",
        "Lần xuất đầu tiên sẽ tạo khóa ký cho chi bộ trên thiết bị này." => "The first export creates the cell's signing key on this device.",
        "Xuất tệp kết quả" => "Export result file",
        "In báo cáo (A4)" => "Print report (A4)",
        "Chia sẻ tệp…" => "Share file…",
        // facts_form.rs
        "Số liệu buổi sinh hoạt" => "Meeting facts",
        "Ngày họp" => "Meeting date",
        "Thời lượng (phút)" => "Duration (minutes)",
        "Số đảng viên phải dự" => "Members required to attend",
        "Không tính người được miễn sinh hoạt." => "Do not count exempt members.",
        "Có mặt" => "Present",
        "Vắng có lý do" => "Absent with a reason",
        "Vắng không lý do" => "Absent without a reason",
        "Số đảng viên phát biểu" => "Members who spoke",
        "Có đảng viên vắng có lý do quá 3 lần liên tiếp trong năm không?" => "Has any member been absent with a reason more than 3 times in a row this year?",
        " Không" => " No",
        " Có" => " Yes",
        "Tỷ lệ dự họp" => "Attendance",
        "Tỷ lệ phát biểu" => "Share who spoke",
        "Thời lượng tối thiểu" => "Minimum duration",
        "{} phút" => "{} minutes",
        // guide_panel.rs
        "Lần đầu dùng?" => "First time here?",
        "Xem nhanh từng nhóm tiêu chí: ý nghĩa và cách được điểm (khoảng 2 phút)." => "A quick tour of each group of criteria: what it means and how to earn the points (about 2 minutes).",
        "Xem hướng dẫn" => "Show the guide",
        "Bỏ qua" => "Skip",
        "Hướng dẫn: phiếu tự đánh giá" => "Guide: the self-assessment sheet",
        "Mỗi buổi sinh hoạt trong quý có một phiếu chấm 100 điểm. Nhập số liệu thật của buổi họp (ngày, thời lượng, số đảng viên có mặt, số đảng viên phát biểu): các mục thời gian, dự họp và thảo luận được ứng dụng tự tính. Các mục còn lại chọn Đạt/Chưa đạt hoặc chọn mức." => "Each meeting of the quarter has a 100-point score sheet. Enter the meeting's real facts (date, duration, members present, members who spoke): the app scores the time, attendance and discussion items itself. For the other items choose Met/Not met or a level.",
        "Theo thông tin chi bộ, số phải dự là {} (chính thức + dự bị − miễn sinh hoạt). Hãy kiểm tra lại, trừ khi số đảng viên đã thay đổi." => "By the cell profile, {} members must attend (full + probationary − exempt members). Check again, unless the membership has changed.",
        "Ngày này chưa đến: chỉ chấm và gửi buổi sinh hoạt đã họp." => "This date has not come yet: score and send only meetings already held.",
        "Xếp loại Tốt theo điểm bình quân, dù không buổi thường kỳ nào được xếp loại Tốt; cấp trên có thể xem lại khi duyệt." => "Rated Good by the average, although no regular meeting was rated Good; the district may review this.",
        "Số người, không phải số ý kiến: mỗi đảng viên tính một lần." => "People, not comments: each member counts once.",
        "Điểm quý là bình quân các buổi sinh hoạt thường kỳ; xếp loại Tốt, Khá, Trung bình, Kém theo bộ tiêu chí. Dữ liệu được lưu ngay trên thiết bị sau mỗi lần chọn." => "The quarter's score is the average of its regular meetings; it is rated Good, Fairly good, Average or Poor by the rubric. Everything is saved on the device after each choice.",
        "Hết hướng dẫn" => "End of the guide",
        " ({} điểm)" => " ({} points)",
        " – tối đa {} điểm." => " – up to {} points.",
        "Bước {}/{}" => "Step {}/{}",
        "← Trước" => "← Back",
        "Tiếp →" => "Next →",
        "Bắt đầu chấm" => "Start scoring",
        "Đóng hướng dẫn" => "Close the guide",
        // import_panel.rs
        "Đã đăng ký khóa của «{}»." => "Registered the key of «{}».",
        "Không đăng ký được: {}" => "Could not register: {}",
        "Nhận tệp kết quả" => "Receive result files",
        "Kéo thả các tệp kết quả .json, tệp nén .zip hoặc cả thư mục vào đây, hoặc:" => "Drop result files (.json), ZIP archives (.zip) or whole folders here, or:",
        "Chọn tệp (được chọn nhiều)" => "Choose files (several allowed)",
        "Hoặc chọn cả thư mục" => "Or choose a whole folder",
        " Đang kiểm tra {}/{} tệp…" => " Checking {}/{} files…",
        "Tất cả: {}" => "All: {}",
        "Xác nhận đăng ký khóa mới" => "Confirm registering a new key",
        "Chi bộ: {}" => "Cell: {}",
        "Dấu vân tay: " => "Fingerprint: ",
        "Chỉ xác nhận khi dấu vân tay trùng với dấu vân tay bí thư chi bộ đọc cho bạn." => "Confirm only if the fingerprint matches the one the cell secretary read to you.",
        "Hiệu lực từ ngày" => "Valid from",
        "Xác nhận đăng ký" => "Confirm registration",
        "Tệp" => "File",
        "Trạng thái" => "Status",
        "Lý do" => "Reason",
        "Thao tác" => "Actions",
        "Đăng ký khóa…" => "Register key…",
        "Đang hiển thị {}/{} tệp. " => "Showing {}/{} files. ",
        // lazy_panel.rs
        "Chưa tải được phần này của ứng dụng (cần mạng ở lần mở đầu tiên)." => "This part of the app could not be loaded yet (the first opening needs a connection).",
        "Thử lại" => "Try again",
        "Đang tải phần này…" => "Loading this part…",
        // loss_chart.rs
        "Tiêu chí bị trừ điểm nhiều nhất" => "Criteria losing the most points",
        "Chưa có dữ liệu." => "No data yet.",
        // meeting_sheet.rs
        "Tháng {} · {}" => "Month {} · {}",
        "{} điểm · {}" => "{} points · {}",
        "Chưa chấm" => "Not scored yet",
        "Điểm hiện ra khi bạn nhập số liệu hoặc trả lời mục đầu tiên." => "The score appears once you enter a fact or answer the first item.",
        "Hoàn thành" => "Complete",
        "Bản nháp (có lỗi)" => "Draft (has errors)",
        "Bản nháp" => "Draft",
        "Xoá buổi này" => "Delete this meeting",
        "Xoá buổi sinh hoạt này cùng mọi số liệu đã nhập?" => "Delete this meeting and everything entered for it?",
        "Tiến độ buổi này" => "This meeting's progress",
        " Đánh dấu phiếu đã hoàn thành" => " Mark the sheet as complete",
        "Chưa thể hoàn thành: cần nhập đủ số liệu hợp lệ và trả lời mọi tiêu chí. Phiếu vẫn được lưu dưới dạng bản nháp." => "Cannot be completed yet: every fact must be entered and valid, and every criterion answered. The sheet is still saved as a draft.",
        // meeting_summary.rs
        "Kết quả buổi sinh hoạt" => "Meeting result",
        "Tổng điểm: " => "Total: ",
        "/100 · Xếp loại: " => "/100 · Rating: ",
        "Đạt {}/{} điểm trên các tiêu chí áp dụng, quy đổi ra thang 100." => "{}/{} points on the criteria that apply, scaled to 100.",
        "Đủ điểm Tốt nhưng chưa đạt điểm tối đa ở: {}. Xếp loại Khá." => "Enough points for Good, but not full marks on: {}. Rated Fairly good.",
        "Điểm theo nhóm" => "Points per group",
        "Nhóm" => "Group",
        "Điểm" => "Points",
        "Các mục bị trừ điểm (hoặc chưa trả lời)" => "Items that lost points (or are not answered)",
        // narrative_form.rs
        "Nhận xét của chi bộ" => "The cell's comments",
        "Không ghi họ tên đảng viên vào các ô này." => "Do not write members' names in these boxes.",
        // notice_banner.rs
        "Có dữ liệu không đọc được" => "Some stored data could not be read",
        "Đã hiểu" => "OK",
        "Dữ liệu vừa được sửa ở một thẻ (cửa sổ) khác của ứng dụng; màn hình này đã cập nhật theo." => "The data was just changed in another tab (window) of the app; this screen has been updated.",
        // offline_status.rs
        "Đã có phiên bản mới của ứng dụng. Dữ liệu đã lưu không bị ảnh hưởng. " => "A new version of the app is ready. Saved data is not affected. ",
        "Dùng phiên bản mới" => "Use the new version",
        "Dùng khi không có mạng" => "Using the app offline",
        "Sau lần mở đầu tiên, ứng dụng mở và dùng được cả khi mất mạng. Có thể cài lên màn hình chính." => "After the first visit the app opens and works without a network. It can be installed on the home screen.",
        "Trình duyệt này không hỗ trợ dùng ngoại tuyến; hãy giữ kết nối khi mở ứng dụng." => "This browser does not support offline use; stay connected when opening the app.",
        "Trình duyệt đã cho phép lưu lâu dài: dữ liệu không bị xoá khi máy thiếu bộ nhớ." => "The browser granted persistent storage: data is not deleted when the device runs low on space.",
        "Trình duyệt chưa cho phép lưu lâu dài: khi máy thiếu bộ nhớ, dữ liệu có thể bị xoá. Hãy cài ứng dụng lên màn hình chính và lưu tệp sao lưu dữ liệu thường xuyên." => "The browser has not granted persistent storage: when the phone runs short of space, the data may be deleted. Install the app on the home screen and save a data backup file often.",
        "Trình duyệt không hỗ trợ yêu cầu lưu lâu dài." => "This browser cannot be asked for persistent storage.",
        "Đang hỏi trình duyệt về lưu lâu dài…" => "Asking the browser for persistent storage…",
        "Hãy luôn giữ tệp sao lưu khóa ký và tệp sao lưu dữ liệu ở nơi an toàn (ngoài điện thoại)." => "Always keep the signing key backup file and the data backup file somewhere safe (off the phone).",
        // progress_bar.rs
        "{}: đã trả lời {}/{} mục ({}%)" => "{}: {}/{} items answered ({}%)",
        // quarter_picker.rs
        "Chọn quý" => "Choose a quarter",
        "Bộ tiêu chí (cho quý mới)" => "Rubric (for a new quarter)",
        "{} (phiên bản {})" => "{} (version {})",
        "Mở quý đã lưu" => "Open the saved quarter",
        "Bắt đầu quý này" => "Start this quarter",
        // quarter_summary.rs
        "Kết quả quý" => "Quarter result",
        "Ngày" => "Date",
        "Điểm quý: " => "Quarter score: ",
        " · Xếp loại quý: " => " · Quarter rating: ",
        "Chưa xếp loại" => "Not rated yet",
        "Theo điểm là {}, nhưng bị giới hạn bởi các thiếu sót dưới đây." => "The score alone gives {}, but the rating is capped by the shortfalls below.",
        "Đã hoàn thành {}/{} phiếu." => "{}/{} sheets complete.",
        "Cách tính: " => "How it is calculated: ",
        // quarter_view.rs
        "Chưa mở quý nào. Chọn quý ở trên để bắt đầu." => "No quarter is open. Choose a quarter above to start.",
        "Quý này được chấm theo bộ tiêu chí «{}» phiên bản {} (mã băm {}…), không có trong phiên bản ứng dụng này. Dữ liệu vẫn được giữ nguyên; hãy mở bằng phiên bản ứng dụng có bộ tiêu chí đó." => "This quarter is scored with the rubric «{}» version {} (hash {}…), which this version of the app does not have. The data is kept as it is; open it with a version of the app that has that rubric.",
        "{} · phiên bản {} · mã băm {}…" => "{} · version {} · hash {}…",
        "Tự đánh giá quý {}/{}" => "Self-assessment, quarter {}/{}",
        "Tiến độ cả quý" => "Quarter progress",
        "Các buổi sinh hoạt" => "Meetings",
        // rating_chart.rs
        "Phân bố xếp loại" => "Ratings",
        // registry_panel.rs
        "Đã lưu khóa của «{}»." => "Saved the key of «{}».",
        "Không lưu được: {}." => "Could not save: {}.",
        "Không nhập được danh bạ: {}" => "Could not import the registry: {}",
        "Đã nhập {} khóa vào danh bạ." => "Imported {} keys into the registry.",
        "Danh bạ khóa các chi bộ" => "Cell key registry",
        "Chỉ tệp ký bằng khóa có trong danh bạ, đúng tên chi bộ, mới được tính. Đối chiếu dấu vân tay với chi bộ trước khi thêm." => "Only files signed with a key in the registry, under the right cell name, are counted. Compare the fingerprint with the cell before adding it.",
        "Nhập danh bạ (CSV hoặc JSON)" => "Import a registry (CSV or JSON)",
        "Xuất danh bạ CSV" => "Export registry as CSV",
        "Xuất danh bạ JSON" => "Export registry as JSON",
        "{} khóa trong danh bạ." => "{} keys in the registry.",
        "Tìm trong danh bạ (tên chi bộ hoặc dấu vân tay)" => "Search the registry (cell name or fingerprint)",
        "Dấu vân tay" => "Fingerprint",
        "Hiệu lực từ" => "Valid from",
        "Sửa" => "Edit",
        "Xoá" => "Delete",
        "Đang hiển thị {}/{} khóa. " => "Showing {}/{} keys. ",
        "Thêm hoặc sửa một khóa" => "Add or edit a key",
        "Định danh khóa (did:key)" => "Key identifier (did:key)",
        "Lưu vào danh bạ" => "Save to the registry",
        // result_detail.rs
        "{} — quý {}/{}" => "{} — quarter {}/{}",
        "Đóng" => "Close",
        "{} · {} · {} đảng viên chính thức, {} dự bị, {} miễn sinh hoạt" => "{} · {} · {} full members, {} probationary, {} exempt from meetings",
        "Khóa {} · ký lúc {} · bộ tiêu chí {} v{}" => "Key {} · signed at {} · rubric {} v{}",
        "Điểm quý {} · xếp loại {}" => "Quarter score {} · rating {}",
        "Tháng {} · {} · {} · {} điểm · {}" => "Month {} · {} · {} · {} points · {}",
        "{} phút (tối thiểu {}), dự {}/{} ({}), vắng có lý do {}, không lý do {}, phát biểu {} ({})" => "{} minutes (minimum {}), present {}/{} ({}), absent with a reason {}, without a reason {}, speakers {} ({})",
        // rubric_item.rs
        "không tính" => "not counted",
        "Không áp dụng cho buổi này: được đủ điểm." => "Does not apply to this meeting: full marks.",
        "Không áp dụng cho buổi này: không tính vào tổng." => "Does not apply to this meeting: left out of the total.",
        "Tự tính: {}" => "Calculated: {}",
        "Tự tính khi đã nhập đủ số liệu." => "Calculated once all the facts are entered.",
        " Đạt" => " Met",
        " Chưa đạt" => " Not met",
        // saved_quarters.rs
        "Các quý đã lưu trên thiết bị" => "Quarters saved on this device",
        "Chưa có quý nào." => "No quarters yet.",
        "Quý {}/{}" => "Quarter {}/{}",
        "đang mở" => "open",
        "Mở" => "Open",
        "Xoá hẳn quý {}/{}? Không thể hoàn tác." => "Delete quarter {}/{} for good? This cannot be undone.",
        // signing_key_panel.rs
        "Hai lần nhập mật khẩu không giống nhau." => "The two passphrases are not the same.",
        "Mật khẩu phải có ít nhất {} ký tự." => "The passphrase must have at least {} characters.",
        "Đang mã hoá khóa (vài giây trên điện thoại)…" => "Encrypting the key (a few seconds on a phone)…",
        "Chưa có khóa để sao lưu." => "There is no key to back up yet.",
        "Khóa lưu trên thiết bị bị hỏng." => "The key stored on this device is damaged.",
        "Đã lưu tệp «{}». Hãy cất tệp này và nhớ mật khẩu: mất cả hai thì không khôi phục được khóa." => "Saved «{}». Keep this file and remember the passphrase: without both, the key cannot be restored.",
        "Hãy chọn tệp sao lưu khóa." => "Choose the key backup file.",
        "Thiết bị đang có một khóa khác. Đánh dấu ô xác nhận thay khóa rồi thử lại." => "This device has a different key. Tick the box to confirm replacing it, then try again.",
        "Đang giải mã…" => "Decrypting…",
        "Đã khôi phục khóa {}." => "Restored the key {}.",
        "Hãy đánh dấu ô xác nhận trước." => "Tick the confirmation box first.",
        "Đã tạo khóa mới. Hãy lưu tệp sao lưu và báo dấu vân tay mới cho cấp trên." => "A new key has been created. Save its backup file and tell the district the new fingerprint.",
        "Khóa ký của chi bộ" => "Cell signing key",
        "Chưa có khóa ký. Khóa được tạo trên thiết bị này khi xuất kết quả lần đầu, hoặc khôi phục từ tệp sao lưu." => "No signing key yet. It is created on this device at the first export, or restored from a backup file.",
        "Tạo khóa ngay" => "Create the key now",
        "Định danh (did:key)" => "Identifier (did:key)",
        "Đã sao chép định danh khóa." => "Key identifier copied.",
        "Sao chép" => "Copy",
        "Dấu vân tay (đọc cho cấp trên đối chiếu)" => "Fingerprint (read it to the district to compare)",
        "Đã lưu tệp sao lưu khóa ({})." => "Key backup file saved ({}).",
        "Đã xuất tệp tập huấn «{}». Tệp chỉ để luyện tập: cấp trên nhận sẽ không tính." => "Training file «{}» exported. It is for practice only: the district will not count it.",
        "Khóa tập huấn: không cần tệp sao lưu." => "Training key: no backup file needed.",
        "Chưa lưu tệp sao lưu khóa. Phải lưu trước lần xuất đầu tiên." => "No key backup file saved yet. It must be saved before the first export.",
        "Lưu tệp sao lưu khóa" => "Save the key backup file",
        "Tệp được mã hoá bằng mật khẩu của bạn. Khóa bí mật không bao giờ rời thiết bị theo cách khác." => "The file is encrypted with your passphrase. The secret key never leaves the device in any other way.",
        "Mật khẩu cho tệp sao lưu" => "Passphrase for the backup file",
        "Nhập lại mật khẩu" => "Repeat the passphrase",
        "Khôi phục khóa từ tệp sao lưu" => "Restore the key from a backup file",
        "Tệp sao lưu khóa" => "Key backup file",
        "Mật khẩu của tệp" => "The file's passphrase",
        " Tôi hiểu khóa hiện tại trên thiết bị sẽ bị thay" => " I understand the key now on this device will be replaced",
        "Khôi phục" => "Restore",
        "Thay khóa mới" => "Replace the key",
        "Cảnh báo: sau khi thay, các tệp ký bằng khóa mới chỉ được cấp trên chấp nhận khi đã đăng ký dấu vân tay mới. Khóa cũ bị xoá khỏi thiết bị; chỉ còn trong tệp sao lưu cũ (nếu có)." => "Warning: after replacing, the district accepts files signed with the new key only once it has registered the new fingerprint. The old key is deleted from the device; it remains only in the old backup file (if any).",
        " Tôi hiểu và muốn thay khóa" => " I understand and want to replace the key",
        "Tạo khóa mới thay thế" => "Create a replacement key",
        // training_bar.rs
        "Chế độ tập huấn" => "Training mode",
        "TẬP HUẤN" => "TRAINING",
        "Dữ liệu luyện tập, tách riêng khỏi dữ liệu thật. Tệp xuất ra được đánh dấu tập huấn và không bao giờ được cấp trên tính." => "Practice data, kept apart from real data. Exported files are marked as training and are never counted by the district.",
        "Làm lại từ đầu…" => "Start over…",
        "Xoá mọi dữ liệu tập huấn và bắt đầu lại với bài mẫu?" => "Delete all training data and start again with the sample?",
        "Làm lại" => "Start over",
        "Thoát tập huấn" => "Leave training",
        // training_demo.rs
        "Tệp mẫu cho buổi tập huấn" => "Sample files for a training session",
        "Tạo 15 tệp kết quả mẫu của quý đang chọn (có tệp hợp lệ, tệp bị sửa, tệp trùng, tệp bị thay thế, khóa lạ, tệp tập huấn, tệp không đọc được), đăng ký khóa của chúng vào danh bạ tập huấn và nhận vào ngay. Cũng có thể dùng lệnh «chibo sample» để tạo tệp mẫu." => "Makes 15 sample result files for the chosen quarter (valid, altered, duplicate, superseded, unknown key, training, unreadable), registers their keys in the training registry and receives them at once. The «chibo sample» command makes sample files too.",
        "Tạo và nhận tệp mẫu" => "Make and receive sample files",
        // verify_panel.rs
        "Hợp lệ — {}, quý {}/{}, xếp loại {}; khóa {}{}" => "Valid — {}, quarter {}/{}, rating {}; key {}{}",
        " (dữ liệu tập huấn)" => " (training data)",
        "Kiểm tra tệp kết quả" => "Check result files",
        "Kiểm tra chữ ký và tính lại toàn bộ điểm của tệp kết quả, ngay trên thiết bị." => "Checks the signature and recomputes every score of a result file, right on this device.",
        "Chọn tệp kết quả (.json)" => "Choose result files (.json)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_the_default_and_is_returned_as_written() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(t(Lang::Vi, "Tên chi bộ"), "Tên chi bộ");
        assert_eq!(t(Lang::En, "Tên chi bộ"), "Cell name");
        assert_eq!(t(Lang::En, "không có trong bảng"), "không có trong bảng");
        assert_eq!(Lang::Vi.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Vi);
    }

    #[test]
    fn the_language_is_stored_by_its_snake_case_name() -> Result<(), serde_json::Error> {
        assert_eq!(serde_json::to_string(&Lang::En)?, "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>("\"vi\"")?, Lang::Vi);
        Ok(())
    }

    #[test]
    fn values_are_put_in_order_and_vietnamese_matches_format() {
        let (m, k) = (11, "Chuyên đề");
        assert_eq!(
            tf(Lang::Vi, "Tháng {} · {}", &[&m, &k]),
            format!("Tháng {m} · {k}")
        );
        assert_eq!(
            tf(Lang::En, "Tháng {} · {}", &[&m, &"Thematic"]),
            "Month 11 · Thematic"
        );
        assert_eq!(decimal(Lang::En, "89,5".into()), "89.5");
        assert_eq!(decimal(Lang::Vi, "89,5".into()), "89,5");
    }

    #[test]
    fn domain_labels_follow_the_language() {
        assert_eq!(Rating::Tot.label(Lang::Vi), "Tốt");
        assert_eq!(Rating::Tot.label(Lang::En), "Good");
        assert_eq!(MeetingKind::Thematic.label(Lang::En), "Thematic");
        assert_eq!(
            shortfall_code(Lang::En, "no_thematic", |c| c.to_string()),
            Shortfall::NoThematic.message_en()
        );
        assert_eq!(
            shortfall_code(Lang::Vi, "no_thematic", |_| "vi".into()),
            "vi"
        );
    }

    /// One `t("…")`/`tf("…")` call of a view: its file, line and Vietnamese text.
    struct Call {
        file: String,
        line: usize,
        text: String,
        template: bool,
    }

    /// The string literal at the start of `s` (after `"`), unescaped, and its length in bytes.
    fn literal(s: &str) -> Option<String> {
        let mut out = String::new();
        let mut chars = s.chars();
        loop {
            match chars.next()? {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    }

    /// Every call of `t(` or `tf(` in `source` whose second argument is a string literal.
    fn calls(file: &str, source: &str) -> Vec<Call> {
        let bytes = source.as_bytes();
        let mut out = Vec::new();
        for (name, template) in [("t(", false), ("tf(", true)] {
            for (at, _) in source.match_indices(name) {
                // A whole word: not the end of `set(`, `format_tenths(`, `.t(`…
                let before = at.checked_sub(1).map(|i| bytes[i]);
                if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
                    continue;
                }
                // Skip the first argument (the language) up to its comma.
                let mut depth = 0i32;
                let mut i = at + name.len();
                while i < bytes.len() {
                    match bytes[i] {
                        b'(' | b'[' | b'{' => depth += 1,
                        b')' | b']' | b'}' if depth == 0 => break,
                        b')' | b']' | b'}' => depth -= 1,
                        b',' if depth == 0 => break,
                        _ => {}
                    }
                    i += 1;
                }
                if bytes.get(i) != Some(&b',') {
                    continue;
                }
                let rest = source[i + 1..].trim_start();
                let Some(text) = rest.strip_prefix('"').and_then(literal) else {
                    continue;
                };
                out.push(Call {
                    file: file.to_string(),
                    line: source[..at].lines().count(),
                    text,
                    template,
                });
            }
        }
        out
    }

    #[test]
    fn every_text_of_the_views_has_an_english_translation() -> Result<(), std::io::Error> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            if !name.ends_with(".rs") || name == "i18n.rs" {
                continue;
            }
            found.extend(calls(&name, &std::fs::read_to_string(&path)?));
        }
        assert!(found.len() > 200, "only {} calls found", found.len());
        let missing: Vec<String> = found
            .iter()
            .filter(|c| english(&c.text).is_none())
            .map(|c| format!("{}:{}: {:?}", c.file, c.line, c.text))
            .collect();
        assert!(
            missing.is_empty(),
            "no English for:\n{}",
            missing.join("\n")
        );
        let holes: Vec<String> = found
            .iter()
            .filter(|c| {
                let en = english(&c.text).unwrap_or_default();
                c.template && en.matches("{}").count() != c.text.matches("{}").count()
            })
            .map(|c| format!("{}:{}: {:?}", c.file, c.line, c.text))
            .collect();
        assert!(
            holes.is_empty(),
            "different number of {{}}:\n{}",
            holes.join("\n")
        );
        Ok(())
    }

    #[test]
    fn the_scanner_finds_calls_and_skips_other_functions() {
        let src = r#"set(x, "a"); t(lang.get(), "Tên chi bộ"); tf(
            lang, "Tháng {}", &[&m]); t(lang, label); format_tenths(a, "b");"#;
        let found = calls("x.rs", src);
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Tên chi bộ", "Tháng {}"]);
    }
}
