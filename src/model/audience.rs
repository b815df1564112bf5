//! Reader audiences and their labels. The register each audience reads comes from
//! the article's data (`audiences`), not from here; this module only names them.

/// Who is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Audience {
    /// Patient or caregiver.
    Patient,
    /// Student.
    Student,
    /// Nurse, pharmacist or allied health professional.
    Nurse,
    /// Physician or advanced practice clinician.
    Physician,
}

impl Audience {
    /// All audiences in picker order.
    pub const ALL: [Audience; 4] = [Self::Patient, Self::Student, Self::Nurse, Self::Physician];

    /// Stable id used in data, URLs and storage.
    pub fn id(self) -> &'static str {
        match self {
            Self::Patient => "patient",
            Self::Student => "student",
            Self::Nurse => "nurse",
            Self::Physician => "physician",
        }
    }

    /// Parses an id; anything else is `None`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Label shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Self::Patient => "Patient or caregiver",
            Self::Student => "Student",
            Self::Nurse => "Nurse, pharmacist or allied health professional",
            Self::Physician => "Physician or advanced practice clinician",
        }
    }

    /// Abbreviations get expanded on first use in each section for these readers.
    pub fn expands_abbreviations(self) -> bool {
        matches!(self, Self::Student | Self::Nurse)
    }

    /// Whether every glossary term is marked (otherwise only abbreviations).
    pub fn marks_all_terms(self) -> bool {
        matches!(self, Self::Patient | Self::Student)
    }
}

impl Default for Audience {
    /// The seed is written for professionals, so physicians read it as written.
    fn default() -> Self {
        Self::Physician
    }
}
