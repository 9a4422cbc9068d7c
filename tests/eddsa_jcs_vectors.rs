//! Reproduces every file of the W3C eddsa-jcs-2022 test vectors byte for byte.

use std::path::PathBuf;

use chibo::domain::canonical::{canonical_json, sha256_hex};
use chibo::domain::did_key::{decode_private_key_multibase, decode_public_key_multibase};
use chibo::domain::eddsa_jcs::{hash_data, sign, to_pretty, verify, ProofOptions};
use ed25519_dalek::SigningKey;
use serde_json::Value;

fn vector(name: &str) -> String {
    // The vectors are public and shared by the team; a copy is kept in tests/vectors so that a
    // clean clone has them too.
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/eddsa-jcs-2022")
        .join(name);
    std::fs::read_to_string(&shared).unwrap_or_else(|e| panic!("{}: {e}", shared.display()))
}

fn json(name: &str) -> Value {
    serde_json::from_str(&vector(name)).unwrap()
}

fn key() -> SigningKey {
    let pair = json("keyPair.json");
    let secret =
        decode_private_key_multibase(pair["privateKeyMultibase"].as_str().unwrap()).unwrap();
    let key = SigningKey::from_bytes(&secret);
    let public = decode_public_key_multibase(pair["publicKeyMultibase"].as_str().unwrap()).unwrap();
    assert_eq!(
        key.verifying_key().to_bytes(),
        public,
        "the key pair matches"
    );
    key
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn signed() -> Value {
    sign(
        &json("unsigned.json"),
        &key(),
        &ProofOptions {
            created: "2023-02-24T23:36:38Z".into(),
        },
    )
    .unwrap()
}

#[test]
fn the_canonical_document_and_its_hash_match_the_vectors() {
    let canon = canonical_json(&json("unsigned.json")).unwrap();
    assert_eq!(canon, vector("canonDocJCS.txt"));
    assert_eq!(sha256_hex(canon.as_bytes()), vector("docHashJCS.txt"));
}

#[test]
fn the_proof_configuration_its_canonical_form_and_hash_match_the_vectors() {
    let mut proof = signed()["proof"].clone();
    proof.as_object_mut().unwrap().remove("proofValue");
    assert_eq!(to_pretty(&proof), vector("proofConfigJCS.json"));
    let canon = canonical_json(&proof).unwrap();
    assert_eq!(canon, vector("proofCanonJCS.txt"));
    assert_eq!(sha256_hex(canon.as_bytes()), vector("proofHashJCS.txt"));
}

#[test]
fn the_combined_hash_and_the_signature_match_the_vectors() {
    let mut proof = signed()["proof"].clone();
    let value = proof.as_object_mut().unwrap().remove("proofValue").unwrap();
    let data = hash_data(&json("unsigned.json"), &proof).unwrap();
    assert_eq!(hex(&data), vector("combinedHashJCS.txt"));
    let sig = bs58::decode(&value.as_str().unwrap()[1..])
        .into_vec()
        .unwrap();
    assert_eq!(hex(&sig), vector("sigHexJCS.txt"));
    assert_eq!(value.as_str().unwrap(), vector("sigBTC58JCS.txt"));
}

#[test]
fn the_signed_document_is_reproduced_byte_for_byte_and_verifies() {
    assert_eq!(to_pretty(&signed()), vector("signedJCS.json"));
    let proof = verify(&json("signedJCS.json")).unwrap();
    assert_eq!(proof.public_key, key().verifying_key().to_bytes());
}
