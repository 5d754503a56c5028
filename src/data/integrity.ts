import * as crypto from "crypto";
import * as fs from "fs";
import { describeValue } from "../core/checks";

/** What a data file must be: its size in bytes and a checksum of its content. */
export interface FileCheck {
  /** Size in bytes of the content that is checked. */
  bytes: number;
  /** Hex digest of that content. */
  digest: string;
  algorithm: "md5" | "sha256";
}

/** Hex digest of some bytes. */
export function checksum(bytes: Uint8Array, algorithm: "md5" | "sha256" = "md5"): string {
  if (algorithm !== "md5" && algorithm !== "sha256") {
    throw new Error(`checksum: algorithm must be "md5" or "sha256", got ${describeValue(algorithm)}.`);
  }
  return crypto.createHash(algorithm).update(bytes).digest("hex");
}

/**
 * Throws unless `bytes` has the expected size and checksum; the message says which file,
 * what was expected, what was found, and how to repair it.
 */
export function verifyBytes(bytes: Uint8Array, expected: FileCheck, source: string, repair: string): void {
  if (bytes.length !== expected.bytes) {
    const what = bytes.length < expected.bytes ? "truncated" : "larger than expected";
    throw new Error(`${source} is ${what}: ${bytes.length} bytes, expected ${expected.bytes}. ${repair}`);
  }
  const found = checksum(bytes, expected.algorithm);
  if (found !== expected.digest) {
    throw new Error(
      `${source} is corrupt: its ${expected.algorithm.toUpperCase()} is ${found}, expected ${expected.digest}. ${repair}`,
    );
  }
}

/** Reads a whole file, or throws saying that it is missing and how to install it. */
export function readDataFile(file: string, install: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing. ${install}`);
  return fs.readFileSync(file);
}

/**
 * Reads a whole file, optionally decodes it (e.g. gunzip), and checks the size and checksum of
 * the result: a missing file says how to install it, a damaged one how to repair it.
 */
export function readVerifiedFile(
  file: string,
  expected: FileCheck,
  source: string,
  install: string,
  repair: string,
  decode: (bytes: Uint8Array) => Uint8Array = (b) => b,
): Uint8Array {
  const bytes = decode(readDataFile(file, install));
  verifyBytes(bytes, expected, source, repair);
  return bytes;
}
