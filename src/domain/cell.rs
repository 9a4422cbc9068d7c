//! The cell's profile: who is assessed.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::count::{parse_count, CountError};
use super::lang::Bilingual;

/// Loại hình chi bộ (the list in RUBRICS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CellType {
    #[default]
    ThonToDanPho,
    CoQuanHanhChinh,
    DonViSuNghiep,
    DoanhNghiepNhaNuoc,
    DoanhNghiepNgoaiNhaNuoc,
    QuanDoi,
    CongAn,
    HocSinhSinhVien,
}

impl CellType {
    /// Every type, in the order shown to users.
    pub const ALL: [CellType; 8] = [
        Self::ThonToDanPho,
        Self::CoQuanHanhChinh,
        Self::DonViSuNghiep,
        Self::DoanhNghiepNhaNuoc,
        Self::DoanhNghiepNgoaiNhaNuoc,
        Self::QuanDoi,
        Self::CongAn,
        Self::HocSinhSinhVien,
    ];

    /// Stable id (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Self::ThonToDanPho => "thon_to_dan_pho",
            Self::CoQuanHanhChinh => "co_quan_hanh_chinh",
            Self::DonViSuNghiep => "don_vi_su_nghiep",
            Self::DoanhNghiepNhaNuoc => "doanh_nghiep_nha_nuoc",
            Self::DoanhNghiepNgoaiNhaNuoc => "doanh_nghiep_ngoai_nha_nuoc",
            Self::QuanDoi => "quan_doi",
            Self::CongAn => "cong_an",
            Self::HocSinhSinhVien => "hoc_sinh_sinh_vien",
        }
    }

    /// The type with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::ThonToDanPho => "Thôn, tổ dân phố",
            Self::CoQuanHanhChinh => "Cơ quan hành chính",
            Self::DonViSuNghiep => "Đơn vị sự nghiệp",
            Self::DoanhNghiepNhaNuoc => "Doanh nghiệp nhà nước",
            Self::DoanhNghiepNgoaiNhaNuoc => "Doanh nghiệp ngoài nhà nước",
            Self::QuanDoi => "Quân đội",
            Self::CongAn => "Công an",
            Self::HocSinhSinhVien => "Học sinh, sinh viên",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::ThonToDanPho => "Village, residential group",
            Self::CoQuanHanhChinh => "Administrative agency",
            Self::DonViSuNghiep => "Public service unit",
            Self::DoanhNghiepNhaNuoc => "State-owned enterprise",
            Self::DoanhNghiepNgoaiNhaNuoc => "Non-state enterprise",
            Self::QuanDoi => "Army",
            Self::CongAn => "Police",
            Self::HocSinhSinhVien => "Pupils, students",
        }
    }
}

/// Who leads the cell. Decides, e.g., whether "the chi ủy met beforehand" applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Officers {
    /// Only a secretary (bí thư), no deputy, no committee.
    OnlySecretary,
    /// A secretary and a deputy (phó bí thư), no committee.
    SecretaryAndDeputy,
    /// A cell committee (chi ủy).
    #[default]
    Committee,
}

impl Officers {
    /// Every option, in the order shown to users.
    pub const ALL: [Officers; 3] = [
        Self::Committee,
        Self::SecretaryAndDeputy,
        Self::OnlySecretary,
    ];

    /// Stable id (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Self::OnlySecretary => "only_secretary",
            Self::SecretaryAndDeputy => "secretary_and_deputy",
            Self::Committee => "committee",
        }
    }

    /// The option with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::OnlySecretary => "Chỉ có bí thư",
            Self::SecretaryAndDeputy => "Bí thư và phó bí thư (không có chi ủy)",
            Self::Committee => "Có chi ủy",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::OnlySecretary => "Secretary only",
            Self::SecretaryAndDeputy => "Secretary and deputy secretary (no cell committee)",
            Self::Committee => "Has a cell committee",
        }
    }
}

/// The cell profile as typed (counts kept as the text the user typed, so nothing is lost).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellProfile {
    pub name: String,
    pub cell_type: CellType,
    pub parent_committee: String,
    pub secretary: String,
    pub officers: Officers,
    pub members_official: String,
    pub members_probationary: String,
    pub members_exempt: String,
}

/// A profile field that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileField {
    Name,
    MembersOfficial,
    MembersProbationary,
    MembersExempt,
}

/// What is wrong with a profile field. `Display` is the Vietnamese message shown next to it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileProblem {
    #[error("Cần nhập tên chi bộ")]
    NoName,
    /// The typed number was refused.
    #[error("{0}")]
    Count(CountError),
    #[error("Cần nhập số đảng viên chính thức")]
    NoOfficialCount,
    #[error("Số miễn sinh hoạt không thể lớn hơn tổng số đảng viên")]
    ExemptAboveMembers,
}

impl Bilingual for ProfileProblem {
    fn message_en(&self) -> String {
        match self {
            Self::NoName => "Enter the cell's name".into(),
            Self::Count(e) => e.message_en(),
            Self::NoOfficialCount => "Enter the number of full members".into(),
            Self::ExemptAboveMembers => {
                "Members exempt from meetings cannot be more than all members".into()
            }
        }
    }
}

/// One problem with a profile field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileIssue {
    pub field: ProfileField,
    pub problem: ProfileProblem,
}

/// Validated member counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCounts {
    pub official: u32,
    pub probationary: u32,
    pub exempt: u32,
}

impl MemberCounts {
    /// Members who must attend a meeting: official and probationary, less the exempt.
    pub fn expected_required(self) -> u32 {
        (self.official + self.probationary).saturating_sub(self.exempt)
    }
}

/// The profile's number of members who must attend, when a meeting's `required` differs from it.
/// A warning, never a block: membership can change during a quarter, but a slip (counting the
/// exempt, a typo such as 40) changes the attendance item, the Tốt condition and, from 30
/// members, the minimum duration.
pub fn required_mismatch(profile: &CellProfile, required: Option<u32>) -> Option<u32> {
    let expected = profile.member_counts()?.expected_required();
    (required? != expected && expected > 0).then_some(expected)
}

impl CellProfile {
    /// Problems that keep the profile from being complete (empty list: complete).
    pub fn issues(&self) -> Vec<ProfileIssue> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(ProfileIssue {
                field: ProfileField::Name,
                problem: ProfileProblem::NoName,
            });
        }
        let counts = [
            (ProfileField::MembersOfficial, &self.members_official, true),
            (
                ProfileField::MembersProbationary,
                &self.members_probationary,
                false,
            ),
            (ProfileField::MembersExempt, &self.members_exempt, false),
        ];
        for (field, raw, required) in counts {
            match parse_count(raw) {
                Err(e) => out.push(ProfileIssue {
                    field,
                    problem: ProfileProblem::Count(e),
                }),
                Ok(None) if required => out.push(ProfileIssue {
                    field,
                    problem: ProfileProblem::NoOfficialCount,
                }),
                _ => {}
            }
        }
        if let Some(c) = self.member_counts() {
            if c.exempt > c.official + c.probationary {
                out.push(ProfileIssue {
                    field: ProfileField::MembersExempt,
                    problem: ProfileProblem::ExemptAboveMembers,
                });
            }
        }
        out
    }

    /// The counts when all parse (blank probationary/exempt count as 0).
    pub fn member_counts(&self) -> Option<MemberCounts> {
        let official = parse_count(&self.members_official).ok()??;
        let opt = |raw: &str| -> Result<u32, CountError> { Ok(parse_count(raw)?.unwrap_or(0)) };
        Some(MemberCounts {
            official,
            probationary: opt(&self.members_probationary).ok()?,
            exempt: opt(&self.members_exempt).ok()?,
        })
    }

    /// Whether the profile can be used for an assessment.
    pub fn is_complete(&self) -> bool {
        self.issues().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> CellProfile {
        CellProfile {
            name: "Chi bộ thôn Đông".into(),
            members_official: "20".into(),
            members_probationary: "2".into(),
            members_exempt: "1".into(),
            ..CellProfile::default()
        }
    }

    #[test]
    fn a_meeting_whose_required_count_differs_from_the_profile_gets_the_profiles_count() {
        // 20 official + 2 probationary − 1 exempt = 21.
        assert_eq!(required_mismatch(&profile(), Some(21)), None);
        assert_eq!(required_mismatch(&profile(), Some(22)), Some(21));
        assert_eq!(required_mismatch(&profile(), Some(40)), Some(21));
        // Nothing typed yet, or no counts in the profile: nothing to compare.
        assert_eq!(required_mismatch(&profile(), None), None);
        assert_eq!(required_mismatch(&CellProfile::default(), Some(22)), None);
    }

    #[test]
    fn a_filled_profile_is_complete() {
        assert!(profile().is_complete());
        assert_eq!(
            profile().member_counts(),
            Some(MemberCounts {
                official: 20,
                probationary: 2,
                exempt: 1
            })
        );
    }

    #[test]
    fn a_missing_name_and_a_negative_count_are_reported_per_field() {
        let p = CellProfile {
            name: " ".into(),
            members_probationary: "-1".into(),
            ..profile()
        };
        let fields: Vec<_> = p.issues().into_iter().map(|i| i.field).collect();
        assert_eq!(
            fields,
            vec![ProfileField::Name, ProfileField::MembersProbationary]
        );
    }

    #[test]
    fn more_exempt_than_members_is_refused() {
        let p = CellProfile {
            members_exempt: "30".into(),
            ..profile()
        };
        assert_eq!(p.issues()[0].field, ProfileField::MembersExempt);
    }

    #[test]
    fn every_profile_problem_has_an_english_message() {
        use ProfileProblem::*;
        crate::domain::lang::assert_translated(
            &[
                NoName,
                Count(CountError::NotWhole),
                NoOfficialCount,
                ExemptAboveMembers,
            ],
            |p| match p {
                NoName => 0,
                Count(_) => 1,
                NoOfficialCount => 2,
                ExemptAboveMembers => 3,
            },
        );
        assert_eq!(
            CellProfile::default().issues()[0].problem.to_string(),
            "Cần nhập tên chi bộ"
        );
    }

    #[test]
    fn type_and_officer_ids_round_trip() {
        for t in CellType::ALL {
            assert_eq!(CellType::from_id(t.id()), Some(t));
        }
        for o in Officers::ALL {
            assert_eq!(Officers::from_id(o.id()), Some(o));
        }
    }

    #[test]
    fn every_type_and_officer_option_has_a_distinct_english_label() {
        let types: std::collections::BTreeSet<_> =
            CellType::ALL.iter().map(|t| t.label_en()).collect();
        assert_eq!(types.len(), CellType::ALL.len());
        let officers: std::collections::BTreeSet<_> =
            Officers::ALL.iter().map(|o| o.label_en()).collect();
        assert_eq!(officers.len(), Officers::ALL.len());
    }
}
