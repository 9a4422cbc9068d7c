//! Deterministic sample results for workshops, demos, tests and benchmarks: varied, realistic
//! cells and answers from a seed (no clock, no randomness of its own).

use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};

use super::cell::{CellProfile, CellType, Officers};
use super::meeting::{Answer, MeetingKind};
use super::quarter::QuarterId;
use super::record::{NarrativeField, QuarterRecord};
use super::rubric::{ItemKind, Rubric};

/// A small deterministic generator: SHA-256 of (seed, stream, counter).
#[derive(Debug, Clone)]
pub struct SampleRng {
    seed: u64,
    stream: u64,
    counter: u64,
}

impl SampleRng {
    /// A generator for one stream (e.g. one cell) of a seed.
    pub fn new(seed: u64, stream: u64) -> Self {
        Self {
            seed,
            stream,
            counter: 0,
        }
    }

    /// 32 pseudo-random bytes.
    pub fn bytes32(&mut self) -> [u8; 32] {
        self.counter += 1;
        let mut h = Sha256::new();
        h.update(self.seed.to_le_bytes());
        h.update(self.stream.to_le_bytes());
        h.update(self.counter.to_le_bytes());
        h.finalize().into()
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        let b = self.bytes32();
        (u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]) % u64::from(n.max(1)))
            as u32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }
}

const PLACES: [&str; 12] = [
    "Đông Hà",
    "Tân Lập",
    "Hòa Bình",
    "Phú Xuân",
    "An Khánh",
    "Yên Thế",
    "Quang Trung",
    "Bình Minh",
    "Thạch Bàn",
    "Vĩnh Phúc",
    "Lê Lợi",
    "Hồng Hà",
];
const KINDS: [(&str, CellType); 6] = [
    ("Thôn", CellType::ThonToDanPho),
    ("Tổ dân phố", CellType::ThonToDanPho),
    ("Trường Tiểu học", CellType::DonViSuNghiep),
    ("Trạm Y tế", CellType::DonViSuNghiep),
    ("Ủy ban nhân dân", CellType::CoQuanHanhChinh),
    ("Công ty", CellType::DoanhNghiepNgoaiNhaNuoc),
];

/// The signing key of sample cell `index` for `seed`.
pub fn sample_key(seed: u64, index: u32) -> SigningKey {
    SigningKey::from_bytes(&SampleRng::new(seed, u64::from(index) | (1 << 40)).bytes32())
}

/// Sample cell `index`: unique name, varied type and size.
pub fn sample_cell(seed: u64, index: u32) -> CellProfile {
    let mut rng = SampleRng::new(seed, u64::from(index) | (2 << 40));
    let (prefix, cell_type) = KINDS[rng.below(KINDS.len() as u32) as usize];
    let place = PLACES[rng.below(PLACES.len() as u32) as usize];
    let official = 5 + rng.below(55);
    CellProfile {
        name: format!("Chi bộ {prefix} {place} số {}", index + 1),
        cell_type,
        parent_committee: format!("Đảng bộ xã {}", PLACES[(index as usize * 7) % PLACES.len()]),
        secretary: String::new(),
        officers: if official < 9 {
            Officers::OnlySecretary
        } else {
            Officers::Committee
        },
        members_official: official.to_string(),
        members_probationary: rng.below(4).to_string(),
        members_exempt: rng.below(3).to_string(),
    }
}

/// A filled, complete quarter for sample cell `index`: mostly good meetings, some weak ones, now
/// and then a missing thematic meeting.
pub fn sample_quarter(
    seed: u64,
    index: u32,
    rubric: &Rubric,
    quarter: QuarterId,
    profile: &CellProfile,
) -> QuarterRecord {
    let mut rng = SampleRng::new(seed, u64::from(index) | (3 << 40));
    let mut record = QuarterRecord::new(quarter, rubric.reference().clone());
    let months = quarter.months();
    if rng.chance(85) {
        let m = months[rng.below(3) as usize];
        if rng.chance(30) {
            if let Some(x) = record.meetings.iter_mut().find(|x| x.month == m) {
                x.kind = MeetingKind::Combined;
            }
        } else {
            let _ = record.add_meeting(MeetingKind::Thematic, m);
        }
    }
    let counts = profile
        .member_counts()
        .unwrap_or(super::cell::MemberCounts {
            official: 10,
            probationary: 0,
            exempt: 0,
        });
    let required = (counts.official + counts.probationary)
        .saturating_sub(counts.exempt)
        .max(3);
    // Each cell has a "quality" that tilts its answers.
    let quality = 55 + rng.below(45);
    for m in &mut record.meetings {
        let absent = rng.below(required / 5 + 1);
        let without = u32::from(rng.chance(100 - quality)).min(absent);
        let present = required - absent;
        let day = 1 + rng.below(27);
        let long = m.kind == MeetingKind::Combined || required >= 30;
        let base = if long { 120 } else { 90 };
        let minutes = if rng.chance(quality) {
            base + rng.below(30)
        } else {
            base - 5 - rng.below(40)
        };
        m.facts.date = format!("{}-{:02}-{:02}", quarter.year(), m.month, day);
        m.facts.duration_minutes = minutes.to_string();
        m.facts.required = required.to_string();
        m.facts.present = present.to_string();
        m.facts.absent_with_reason = (absent - without).to_string();
        m.facts.absent_without_reason = without.to_string();
        m.facts.speakers = (present * (25 + rng.below(50)) / 100).to_string();
        m.facts.repeated_absence = Some(rng.chance(100 - quality) && rng.chance(30));
        for item in rubric.items() {
            match item.kind {
                ItemKind::Toggle => {
                    m.answers
                        .insert(item.id.clone(), Answer::Toggle(rng.chance(quality + 10)));
                }
                ItemKind::Levels => {
                    let n = item.options.len() as u32;
                    let pick = if rng.chance(quality) { 0 } else { rng.below(n) };
                    m.answers.insert(
                        item.id.clone(),
                        Answer::Level(item.options[pick as usize].id.clone()),
                    );
                }
                ItemKind::Derived => {}
            }
        }
        m.complete = true;
    }
    record.set_narrative(
        NarrativeField::UuDiem,
        "Duy trì sinh hoạt đều đặn; nội dung bám sát nhiệm vụ của địa phương.",
    );
    record.set_narrative(
        NarrativeField::HanChe,
        "Một số buổi còn nặng thông báo, ít ý kiến thảo luận.",
    );
    record.set_narrative(
        NarrativeField::NguyenNhan,
        "Công tác chuẩn bị chưa kỹ; một số đảng viên ngại phát biểu.",
    );
    record.set_narrative(
        NarrativeField::KienNghi,
        "Đề nghị cấp trên tăng cường dự sinh hoạt và hướng dẫn chuyên đề.",
    );
    record
}
