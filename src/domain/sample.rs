//! Deterministic sample results for workshops, demos, tests and benchmarks: varied, realistic
//! cells and answers from a seed (no clock, no randomness of its own).

use ed25519_dalek::SigningKey;

use super::cell::{CellProfile, CellType, Officers};
use super::meeting::{Answer, MeetingKind};
use super::quarter::QuarterId;
use super::record::{NarrativeField, QuarterRecord};
use super::rubric::{ItemKind, Rubric};

/// A small deterministic generator: SplitMix64 over (seed, stream, counter).
///
/// Not SHA-256: the cell page seeds the training workspace with this at start-up, and SHA-256
/// there was the only reason the page's module carried a hash function before the sheet is drawn
/// (8 KB of wasm; see docs/benchmarks.md, session 9). Sample data needs variety, not secrecy.
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
        let mut state = mix(mix(self.seed) ^ self.stream) ^ self.counter.wrapping_mul(GOLDEN);
        let mut out = [0u8; 32];
        for chunk in out.chunks_exact_mut(8) {
            state = state.wrapping_add(GOLDEN);
            chunk.copy_from_slice(&mix(state).to_le_bytes());
        }
        out
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

/// SplitMix64's increment (2^64 / golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function (Steele, Lea and Flood 2014): a bijective 64-bit mixer.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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
    let required = counts.expected_required().max(3);
    // Each cell has a "quality" that tilts its answers.
    let quality = 55 + rng.below(45);
    for m in &mut record.meetings {
        // A meeting held by the book meets every condition Tốt requires (duration, attendance
        // with nobody absent without reason, speakers over half, full minutes); a good cell
        // holds most of its meetings so. Drawn for the meeting as a whole: drawn item by item,
        // almost no sample quarter would be Tốt under a rubric that holds the quarter to them.
        let by_the_book = rng.chance(quality);
        let absent = if by_the_book {
            rng.below(required / 10 + 1)
        } else {
            rng.below(required / 5 + 1)
        };
        let without = u32::from(!by_the_book && rng.chance(100 - quality)).min(absent);
        let present = required - absent;
        let day = 1 + rng.below(27);
        let long = m.kind == MeetingKind::Combined || required >= 30;
        let base = if long { 120 } else { 90 };
        let minutes = if by_the_book || rng.chance(quality) {
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
        let spoke = if by_the_book {
            51 + rng.below(30)
        } else {
            25 + rng.below(50)
        };
        // Rounded up: over half of those present, not half of them rounded down.
        m.facts.speakers = (present * spoke).div_ceil(100).min(present).to_string();
        m.facts.repeated_absence =
            Some(!by_the_book && rng.chance(100 - quality) && rng.chance(30));
        let required_for_tot = &rubric.file().full_marks_required_for_tot;
        for item in rubric.items() {
            match item.kind {
                ItemKind::Toggle => {
                    let met = (by_the_book && required_for_tot.contains(&item.id))
                        || rng.chance(quality + 10);
                    m.answers.insert(item.id.clone(), Answer::Toggle(met));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_stream_give_the_same_numbers() {
        let mut a = SampleRng::new(7, 1);
        let mut b = SampleRng::new(7, 1);
        assert_eq!(a.bytes32(), b.bytes32());
        assert_eq!(a.below(1000), b.below(1000));
    }

    #[test]
    fn seed_stream_and_draw_each_change_the_bytes() {
        let first = SampleRng::new(7, 1).bytes32();
        assert_ne!(first, SampleRng::new(8, 1).bytes32());
        assert_ne!(first, SampleRng::new(7, 2).bytes32());
        let mut r = SampleRng::new(7, 1);
        r.bytes32();
        assert_ne!(first, r.bytes32());
        assert_ne!(first[..8], first[8..16]);
    }

    #[test]
    fn draws_below_ten_cover_every_value_about_evenly() {
        let mut r = SampleRng::new(42, 0);
        let mut seen = [0u32; 10];
        for _ in 0..10_000 {
            seen[r.below(10) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| (850..1150).contains(&n)), "{seen:?}");
    }
}
