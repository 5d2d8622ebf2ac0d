/**
 * Zip archives (a .docx is one) record each file's modification time, and the `docx` package's
 * zipper stamps the time of packing. Building the same contract twice must give the same bytes (a
 * rebuild that changes nothing changes no file, and a committed draft does not churn), so every
 * entry's time is set to the zip epoch, 1980-01-01 00:00. Only header fields change: no checksum
 * covers them.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** MS-DOS date of 1980-01-01: day 1, month 1, year 0 (1980). */
const EPOCH_DATE = (1 << 5) | 1;

export function withZipEpochTimes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error("zip: malformed central directory");
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, EPOCH_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error("zip: malformed local header");
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, EPOCH_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error("zip: no end of central directory");
}
