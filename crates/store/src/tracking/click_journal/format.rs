//! How batches of clicks are written to a journal file and read back: magic, payload
//! length, checksum, payload. The checksum is CRC-32C (batches marked `AMB2`) over the
//! database's journal id and the payload; batches written by earlier versions (`AMB1`,
//! FNV-1a) are still read back.

use crate::tracking::NewClick;

/// Marks the start of a batch in a journal file: "AMB2", checksummed with CRC-32C.
const MAGIC: u32 = 0x414d_4232;
/// Marks a batch written by an earlier version, checksummed with FNV-1a ([`fnv`]).
const MAGIC_V1: u32 = 0x414d_4231;
/// CRC-32C (Castagnoli), from the `crc` crate's catalog.
const CRC32C: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);

/// One journalled click as read back from a file.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Record {
    pub id: i64,
    pub link_id: i64,
    pub at: i64,
    pub network: String,
    pub visitor_hash: String,
    pub browser: String,
    pub referrer_host: Option<String>,
}

fn put_str(buf: &mut Vec<u8>, s: &str) {
    let s = &s.as_bytes()[..s.len().min(usize::from(u16::MAX - 1))];
    buf.extend_from_slice(&(s.len() as u16).to_le_bytes());
    buf.extend_from_slice(s);
}

/// CRC-32C over the database's journal id and the batch: tells a batch whose bytes did
/// not all reach the file, and one written for another database (files left behind when
/// a database was deleted and made anew).
fn checksum(db_id: u64, bytes: &[u8]) -> u64 {
    let mut digest = CRC32C.digest();
    digest.update(&db_id.to_le_bytes());
    digest.update(bytes);
    u64::from(digest.finalize())
}

/// FNV-1a, 64 bits, over the same: the checksum of `AMB1` batches.
fn fnv(db_id: u64, bytes: &[u8]) -> u64 {
    db_id
        .to_le_bytes()
        .iter()
        .chain(bytes)
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
}

/// A batch as it goes to the file: magic, payload length, checksum, payload.
pub(super) fn encode(db_id: u64, ids: &[i64], clicks: &[NewClick]) -> Vec<u8> {
    // The header is filled in once the payload is written after it: one buffer.
    let mut out = Vec::with_capacity(16 + clicks.len() * 96);
    out.resize(16, 0);
    for (id, c) in ids.iter().zip(clicks) {
        out.extend_from_slice(&id.to_le_bytes());
        out.extend_from_slice(&c.link_id.to_le_bytes());
        out.extend_from_slice(&c.at.to_le_bytes());
        put_str(&mut out, c.network);
        put_str(&mut out, &c.visitor_hash);
        put_str(&mut out, c.browser);
        match &c.referrer_host {
            Some(h) => {
                out.push(1);
                put_str(&mut out, h);
            }
            None => out.push(0),
        }
    }
    let len = (out.len() - 16) as u32;
    let sum = checksum(db_id, &out[16..]);
    out[0..4].copy_from_slice(&MAGIC.to_le_bytes());
    out[4..8].copy_from_slice(&len.to_le_bytes());
    out[8..16].copy_from_slice(&sum.to_le_bytes());
    out
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<String> {
        let n = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        String::from_utf8(self.take(usize::from(n))?.to_vec()).ok()
    }
}

/// The records of a journal file's bytes, up to the first batch that is incomplete,
/// damaged (a write the process did not finish) or another database's.
pub(super) fn decode(db_id: u64, mut bytes: &[u8]) -> Vec<Record> {
    let mut out = Vec::new();
    while bytes.len() >= 16 {
        let magic = u32::from_le_bytes(bytes[0..4].try_into().unwrap_or_default());
        let len = u32::from_le_bytes(bytes[4..8].try_into().unwrap_or_default()) as usize;
        let sum = u64::from_le_bytes(bytes[8..16].try_into().unwrap_or_default());
        let sum_of = match magic {
            MAGIC => checksum,
            MAGIC_V1 => fnv,
            _ => break,
        };
        if bytes.len() - 16 < len || sum_of(db_id, &bytes[16..16 + len]) != sum {
            break;
        }
        let mut r = Reader(&bytes[16..16 + len]);
        let mut batch = Vec::new();
        while !r.0.is_empty() {
            let record = (|| {
                Some(Record {
                    id: r.i64()?,
                    link_id: r.i64()?,
                    at: r.i64()?,
                    network: r.str()?,
                    visitor_hash: r.str()?,
                    browser: r.str()?,
                    referrer_host: match r.take(1)?[0] {
                        0 => None,
                        _ => Some(r.str()?),
                    },
                })
            })();
            match record {
                Some(rec) => batch.push(rec),
                None => return out,
            }
        }
        out.extend(batch);
        bytes = &bytes[16 + len..];
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn click(link_id: i64, referrer: Option<&str>) -> NewClick {
        NewClick {
            link_id,
            at: 1_700_000_000_000,
            network: "linkedin",
            visitor_hash: "0123456789abcdef0123456789abcdef".into(),
            browser: "desktop",
            referrer_host: referrer.map(str::to_string),
        }
    }

    #[test]
    fn batches_read_back_as_written() {
        let mut bytes = encode(5, &[7, 8], &[click(1, Some("www.linkedin.com")), click(2, None)]);
        bytes.extend(encode(5, &[9], &[click(3, Some("t.co"))]));
        let ids: Vec<(i64, i64, Option<String>)> = decode(5, &bytes)
            .into_iter()
            .map(|r| (r.id, r.link_id, r.referrer_host))
            .collect();
        assert_eq!(
            ids,
            vec![
                (7, 1, Some("www.linkedin.com".into())),
                (8, 2, None),
                (9, 3, Some("t.co".into()))
            ]
        );
    }

    #[test]
    fn an_unfinished_or_damaged_batch_ends_the_file() {
        let first = encode(5, &[1], &[click(1, None)]);
        let second = encode(5, &[2, 3], &[click(2, None), click(3, None)]);
        let mut torn = first.clone();
        torn.extend_from_slice(&second[..second.len() - 1]);
        assert_eq!(decode(5, &torn).len(), 1, "a batch cut short is dropped");
        let mut flipped = first.clone();
        flipped.extend_from_slice(&second);
        let at = flipped.len() - 5;
        flipped[at] ^= 1;
        assert_eq!(decode(5, &flipped).len(), 1, "a batch with a changed byte is dropped");
        assert_eq!(decode(5, &[]).len(), 0);
        assert_eq!(decode(5, &first[..10]).len(), 0);
        assert_eq!(decode(6, &first).len(), 0, "another database's batch is not read");
    }

    #[test]
    fn files_of_the_earlier_version_are_still_read() {
        // An `AMB1` batch as earlier versions wrote it: FNV-1a in place of CRC-32C.
        let mut old = encode(5, &[1], &[click(1, None)]);
        let sum = fnv(5, &old[16..]);
        old[0..4].copy_from_slice(&MAGIC_V1.to_le_bytes());
        old[8..16].copy_from_slice(&sum.to_le_bytes());
        old.extend(encode(5, &[2], &[click(2, Some("t.co"))]));
        let ids: Vec<i64> = decode(5, &old).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![1, 2], "an old batch, then a new one");
        // The old magic with the new checksum is damage, not an old batch.
        let mut mixed = encode(5, &[1], &[click(1, None)]);
        mixed[0..4].copy_from_slice(&MAGIC_V1.to_le_bytes());
        assert!(decode(5, &mixed).is_empty());
        // A batch is checksummed with the standard CRC-32C of its id and bytes.
        let batch = encode(5, &[1], &[click(1, None)]);
        let mut whole = 5u64.to_le_bytes().to_vec();
        whole.extend_from_slice(&batch[16..]);
        assert_eq!(
            u64::from_le_bytes(batch[8..16].try_into().unwrap()),
            u64::from(crc::Crc::<u32>::new(&crc::CRC_32_ISCSI).checksum(&whole))
        );
        assert_eq!(CRC32C.checksum(b"123456789"), 0xe306_9283, "the CRC-32C check value");
    }
}
