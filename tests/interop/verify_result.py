"""Independent check of eddsa-jcs-2022 results with Python `cryptography` + `rfc8785`.

Usage: python verify_result.py FILE... ; exit status 1 if any file fails.
With --expect-fail, every file must FAIL (used on tampered copies).
Shares no code with the Rust implementation: this is the recipe in docs/result-format.md.
"""
import hashlib
import json
import sys

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def verify(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    proof = doc.pop("proof")
    assert proof["type"] == "DataIntegrityProof", "proof type"
    assert proof["cryptosuite"] == "eddsa-jcs-2022", "cryptosuite"
    signature = base58.b58decode(proof.pop("proofValue")[1:])
    if "@context" in proof:
        assert proof["@context"] == doc["@context"], "@context"
    did = proof["verificationMethod"].split("#")[0]
    assert did == doc["issuer"], "issuer"
    raw = base58.b58decode(did.removeprefix("did:key:z"))
    assert raw[:2] == b"\xed\x01" and len(raw) == 34, "ed25519 did:key"
    data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(doc)).digest()
    Ed25519PublicKey.from_public_bytes(raw[2:]).verify(signature, data)


def main() -> int:
    expect_fail = "--expect-fail" in sys.argv
    files = [a for a in sys.argv[1:] if a != "--expect-fail"]
    bad = 0
    for path in files:
        try:
            verify(path)
            ok = True
        except (InvalidSignature, AssertionError, KeyError, ValueError) as e:
            ok, why = False, repr(e)
        if ok != (not expect_fail):
            bad += 1
        print(f"{path}: {'ok' if ok else 'FAIL ' + why}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
