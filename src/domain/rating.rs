//! The four ratings and how a score maps to one.

use serde::{Deserialize, Serialize};

use super::rubric::RatingThresholds;

/// Xếp loại chất lượng sinh hoạt. Ordered from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Kem,
    TrungBinh,
    Kha,
    Tot,
}

impl Rating {
    /// Vietnamese label as printed on the sheet.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Tot => "Tốt",
            Self::Kha => "Khá",
            Self::TrungBinh => "Trung bình",
            Self::Kem => "Kém",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Tot => "Good",
            Self::Kha => "Fairly good",
            Self::TrungBinh => "Average",
            Self::Kem => "Poor",
        }
    }

    /// Stable machine id (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Self::Tot => "tot",
            Self::Kha => "kha",
            Self::TrungBinh => "trung_binh",
            Self::Kem => "kem",
        }
    }

    /// The one just below (Kém stays Kém).
    pub fn one_below(self) -> Self {
        match self {
            Self::Tot => Self::Kha,
            Self::Kha => Self::TrungBinh,
            Self::TrungBinh | Self::Kem => Self::Kem,
        }
    }
}

/// Rating of a score out of the rubric's maximum, given as the exact fraction `num / den` of
/// points (so an average of 89.5 is never rounded up into Tốt).
pub fn rate_fraction(num: u64, den: u64, t: &RatingThresholds) -> Rating {
    let at_least = |threshold: u32| den > 0 && num >= u64::from(threshold) * den;
    if at_least(t.tot) {
        Rating::Tot
    } else if at_least(t.kha) {
        Rating::Kha
    } else if at_least(t.trung_binh) {
        Rating::TrungBinh
    } else {
        Rating::Kem
    }
}

/// Rating of a whole-number score.
pub fn rate(points: u32, t: &RatingThresholds) -> Rating {
    rate_fraction(u64::from(points), 1, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: RatingThresholds = RatingThresholds {
        tot: 90,
        kha: 70,
        trung_binh: 50,
    };

    #[test]
    fn scores_at_each_threshold_get_that_rating_and_one_below_gets_the_next() {
        assert_eq!(rate(100, &T), Rating::Tot);
        assert_eq!(rate(90, &T), Rating::Tot);
        assert_eq!(rate(89, &T), Rating::Kha);
        assert_eq!(rate(70, &T), Rating::Kha);
        assert_eq!(rate(69, &T), Rating::TrungBinh);
        assert_eq!(rate(50, &T), Rating::TrungBinh);
        assert_eq!(rate(49, &T), Rating::Kem);
        assert_eq!(rate(0, &T), Rating::Kem);
    }

    #[test]
    fn an_average_just_under_a_threshold_is_not_rounded_up() {
        assert_eq!(rate_fraction(179, 2, &T), Rating::Kha); // 89.5
        assert_eq!(rate_fraction(180, 2, &T), Rating::Tot);
    }

    #[test]
    fn ratings_order_from_worst_to_best() {
        assert!(Rating::Kem < Rating::TrungBinh && Rating::TrungBinh < Rating::Kha);
        assert!(Rating::Kha < Rating::Tot);
        assert_eq!(Rating::Tot.one_below(), Rating::Kha);
    }
}
