import FFDatasets
import Foundation
import Testing

@Suite("Checksums and verification")
struct ChecksumTests {
    @Test("SHA-256 test vectors (FIPS 180-2)")
    func knownVectors() {
        #expect(Checksum.sha256Hex(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Checksum.sha256Hex(Data())
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("file hashing matches in-memory hashing")
    func fileHash() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bytes = Synthetic.bytes(count: 100_000, seed: 5)
        Synthetic.writePlain(bytes, to: directory.file("f"))
        #expect(try Checksum.sha256Hex(ofFileAt: directory.file("f")) == Checksum.sha256Hex(bytes))
    }

    @Test("the known-sum table is complete and well formed")
    func tableShape() {
        for dataset in DatasetName.allCases {
            let sums = KnownChecksums.gzipSums(for: dataset)
            #expect(sums.count == 4)
            for file in DatasetFile.allCases {
                for entry in KnownChecksums.gzip(dataset, file) + KnownChecksums.plain(dataset, file) {
                    #expect(entry.sha256.count == 64)
                    #expect(entry.sha256.allSatisfy { "0123456789abcdef".contains($0) })
                }
                #expect(KnownChecksums.gzip(dataset, file).first?.origin == .official)
            }
        }
        // The shared MNIST copy's training images are accepted as an alternative.
        #expect(KnownChecksums.gzipSums(for: .mnist)["train-images-idx3-ubyte.gz"]?.count == 2)
    }

    @Test("verification statuses: gzip, decompressed contents, plain, unknown")
    func statuses() {
        let plain = IDXFile.encode(Synthetic.labels(count: 20))
        let gzip = Synthetic.gzipped(plain)
        let gzipEntry = KnownChecksums.Entry(sha256: Checksum.sha256Hex(gzip), origin: .official)
        let plainEntry = KnownChecksums.Entry(sha256: Checksum.sha256Hex(plain), origin: .acceptedAlternative,
                                              note: "test copy")
        let other = KnownChecksums.Entry(sha256: String(repeating: "0", count: 64), origin: .official)

        let byGzip = DatasetVerifier.verify(path: "/d/x.gz", stored: gzip, decompressed: plain, isGzip: true,
                                            gzipEntries: [gzipEntry], plainEntries: [])
        #expect(byGzip.status == .verified)
        #expect(byGzip.name == "x.gz")
        #expect(byGzip.detail == "gzip file matches the official sum")

        let byContents = DatasetVerifier.verify(path: "x.gz", stored: gzip, decompressed: plain, isGzip: true,
                                                gzipEntries: [other], plainEntries: [plainEntry])
        #expect(byContents.status == .verified)
        #expect(byContents.detail.contains("decompressed contents"))
        #expect(byContents.detail.contains("accepted alternative sum (test copy)"))

        let mismatch = DatasetVerifier.verify(path: "x.gz", stored: gzip, decompressed: plain, isGzip: true,
                                              gzipEntries: [other], plainEntries: [other])
        #expect(mismatch.status == .mismatch)

        let unknown = DatasetVerifier.verify(path: "x", stored: plain, decompressed: plain, isGzip: false,
                                             gzipEntries: [gzipEntry], plainEntries: [])
        #expect(unknown.status == .unknown)
        #expect(unknown.detail == "unverified (no known sum for uncompressed file)")

        let report = DatasetVerifier.report([byGzip, unknown], dataset: .mnist, directory: "/d")
        #expect(!report.allVerified)
        #expect(report.warnings == ["/d/x: unverified (no known sum for uncompressed file); "
            + "keep the .gz files from `ffanalog data fetch mnist` to have them verified"])
    }

    @Test("reports encode to JSON with allVerified")
    func reportCodable() throws {
        let report = VerificationReport(
            files: [FileVerification(name: "a.gz", sha256: "00", status: .verified, detail: "ok")], warnings: [])
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains(#""allVerified":true"#))
        #expect(json.contains(#""status":"verified""#))
        #expect(try JSONDecoder().decode(VerificationReport.self, from: Data(json.utf8)) == report)
    }
}
