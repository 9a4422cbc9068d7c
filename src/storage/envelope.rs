//! The versioned envelope every stored value is wrapped in, and its migrations. Pure: the browser
//! part in `storage::local` only moves strings.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::lang::Bilingual;

/// Format tag of the envelope, so a foreign value under our key is recognised as foreign.
pub const ENVELOPE_FORMAT: &str = "chibo-store";

/// Schema version written by this build. Bump it together with a migration in [`migrate`].
pub const CURRENT_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    format: &'static str,
    schema: u32,
    data: &'a T,
}

/// Any envelope, its data skipped over: enough to tell why the one pass of [`decode`] refused it.
/// (Not a `serde_json::Value`: its reader and writer would come to the page for a path that so far
/// is only ever taken to report an error. Skipping is looser than reading a `Value`, so data with
/// a lone surrogate, a number beyond f64 or nesting deeper than 128 is "wrong structure" here,
/// where it was "not JSON" before session 9; it is set aside the same way.)
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeIn {
    format: String,
    schema: u32,
    #[allow(dead_code)]
    data: IgnoredAny,
}

/// An envelope of this build's schema, read straight into its data (see [`decode`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeCurrent<T> {
    format: String,
    schema: u32,
    data: T,
}

/// Why a stored value could not be read (`Display` in Vietnamese, [`Bilingual`] in English).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("dữ liệu không phải JSON (có thể bị hỏng)")]
    NotJson,
    #[error("dữ liệu không do ứng dụng này ghi")]
    Foreign,
    #[error("dữ liệu từ phiên bản mới hơn (lược đồ {0}); hãy cập nhật ứng dụng")]
    NewerSchema(u32),
    #[error("dữ liệu sai cấu trúc: {0}")]
    BadData(String),
    /// An older schema this build has no migration for.
    #[error("dữ liệu sai cấu trúc: lược đồ {0} không được hỗ trợ")]
    UnsupportedSchema(u32),
    /// Readable, but not what its key holds (a quarter's record under another quarter's key).
    #[error("bản ghi của một quý khác")]
    Misplaced,
}

impl Bilingual for DecodeError {
    fn message_en(&self) -> String {
        match self {
            Self::NotJson => "the data is not JSON (it may be damaged)".into(),
            Self::Foreign => "the data was not written by this app".into(),
            Self::NewerSchema(n) => {
                format!("the data is from a newer version (schema {n}); update the app")
            }
            Self::BadData(m) => format!("the data has the wrong structure: {m}"),
            Self::UnsupportedSchema(n) => {
                format!("the data has the wrong structure: schema {n} is not supported")
            }
            Self::Misplaced => "the record of another quarter".into(),
        }
    }
}

/// Wraps a value for storage.
pub fn encode<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(&EnvelopeOut {
        format: ENVELOPE_FORMAT,
        schema: CURRENT_SCHEMA,
        data: value,
    })
}

/// Reads a stored value, migrating it from an older schema if needed.
///
/// Stored types are only ever read from text (never with `serde_json::from_value`): each reader
/// of a type is a copy of its `Deserialize` code, and a second one, for `Value`, made the
/// secretary's page larger by 11 KB gzip for a path that only tells what went wrong.
pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    // Nearly every value is of this build's schema: read it in one pass. Anything else (another
    // schema, a foreign or broken value) takes the general path below, which tells why.
    let one_pass = match serde_json::from_str::<EnvelopeCurrent<T>>(raw) {
        Ok(env) if env.format == ENVELOPE_FORMAT && env.schema == CURRENT_SCHEMA => {
            return Ok(env.data)
        }
        Ok(_) => None,
        Err(e) => Some(e),
    };
    let data = migrated_data(raw, one_pass)?;
    serde_json::from_str(&data).map_err(|e| DecodeError::BadData(e.to_string()))
}

/// The general path of [`decode`], the same for every type (so not copied for each): why a value
/// that the one pass refused cannot be read, or the text of its data brought up to this
/// build's schema.
#[inline(never)]
fn migrated_data(raw: &str, one_pass: Option<serde_json::Error>) -> Result<String, DecodeError> {
    // Read straight from the text (not through a `Value`, whose reader would come with it): an
    // error in the data is a foreign value, any other (syntax, cut short) is not JSON.
    let env: EnvelopeIn = serde_json::from_str(raw).map_err(|e| {
        if e.is_data() {
            DecodeError::Foreign
        } else {
            DecodeError::NotJson
        }
    })?;
    if env.format != ENVELOPE_FORMAT {
        return Err(DecodeError::Foreign);
    }
    if env.schema > CURRENT_SCHEMA {
        return Err(DecodeError::NewerSchema(env.schema));
    }
    if env.schema == CURRENT_SCHEMA {
        // A sound envelope of this schema, so its data did not fit `T`: the one pass said where.
        let why = one_pass.map(|e| e.to_string()).unwrap_or_default();
        return Err(DecodeError::BadData(why));
    }
    migrate(raw, env.schema)
}

/// Brings the data of an older schema (in `raw`, the whole stored text) up to
/// [`CURRENT_SCHEMA`], one step at a time, as text. Schema 1 is the first, so there is no step
/// yet; the first one (schema 2) goes here and reads schema 1's data with a type of its own.
fn migrate(_raw: &str, schema: u32) -> Result<String, DecodeError> {
    Err(DecodeError::UnsupportedSchema(schema))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cell::CellProfile;

    #[test]
    fn an_encoded_value_decodes_to_the_same_value() -> Result<(), Box<dyn std::error::Error>> {
        let p = CellProfile {
            name: "Chi bộ Đông Hà".into(),
            ..CellProfile::default()
        };
        let back: CellProfile = decode(&encode(&p)?)?;
        assert_eq!(back, p);
        Ok(())
    }

    #[test]
    fn garbage_foreign_and_newer_values_are_told_apart() {
        assert_eq!(
            decode::<CellProfile>("{not json").unwrap_err(),
            DecodeError::NotJson
        );
        assert_eq!(
            decode::<CellProfile>(r#"{"name":"x"}"#).unwrap_err(),
            DecodeError::Foreign
        );
        assert_eq!(
            decode::<CellProfile>(r#"{"format":"chibo-store","schema":9,"data":{}}"#).unwrap_err(),
            DecodeError::NewerSchema(9)
        );
        let bad = decode::<CellProfile>(r#"{"format":"chibo-store","schema":1,"data":{"name":3}}"#);
        let Err(DecodeError::BadData(why)) = bad else {
            panic!("{bad:?}")
        };
        // It says what is wrong, and where.
        assert!(
            why.contains("invalid type: integer `3`") && why.contains("column"),
            "{why}"
        );
    }

    #[test]
    fn schema_zero_is_refused_rather_than_guessed() {
        let e = decode::<CellProfile>(r#"{"format":"chibo-store","schema":0,"data":{}}"#);
        assert_eq!(e, Err(DecodeError::UnsupportedSchema(0)));
        assert_eq!(
            e.unwrap_err().to_string(),
            "dữ liệu sai cấu trúc: lược đồ 0 không được hỗ trợ"
        );
    }

    #[test]
    fn data_that_json_allows_only_loosely_is_wrong_structure_not_a_crash() {
        // Skipped over on the error path (not read as a `Value`), so the JSON reader's strict
        // checks inside the data (a lone surrogate, a number beyond f64, nesting deeper than
        // 128) do not run there: such a value is "wrong structure" rather than "not JSON".
        // Either way it is refused and set aside.
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        for data in [r#""\ud800""#, "1e400", deep.as_str()] {
            let raw = format!(r#"{{"format":"chibo-store","schema":1,"data":{data}}}"#);
            assert!(
                matches!(decode::<CellProfile>(&raw), Err(DecodeError::BadData(_))),
                "{data:.20}"
            );
        }
    }

    #[test]
    fn every_decode_error_has_an_english_message() {
        use DecodeError::*;
        crate::domain::lang::assert_translated(
            &[
                NotJson,
                Foreign,
                NewerSchema(9),
                BadData("invalid type: integer `3`, expected a string".into()),
                UnsupportedSchema(0),
                Misplaced,
            ],
            |e| match e {
                NotJson => 0,
                Foreign => 1,
                NewerSchema(_) => 2,
                BadData(_) => 3,
                UnsupportedSchema(_) => 4,
                Misplaced => 5,
            },
        );
    }
}
