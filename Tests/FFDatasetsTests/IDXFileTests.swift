import FFDatasets
import Foundation
import Testing

@Suite("IDX files")
struct IDXFileTests {
    @Test("plain IDX round trip")
    func plainRoundTrip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let array = Synthetic.images(count: 3, rows: 4, columns: 5)
        let path = directory.file("images-idx3-ubyte")
        Synthetic.writePlain(IDXFile.encode(array), to: path)
        let read = try IDXFile.read(path: path)
        #expect(read == array)
        #expect(read.count == 3)
        #expect(read.itemSize == 20)
    }

    @Test("gzip IDX round trip, written by zlib's gzwrite")
    func gzipRoundTrip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let array = Synthetic.labels(count: 1000)
        let path = directory.file("labels-idx1-ubyte.gz")
        Synthetic.writeGzip(IDXFile.encode(array), to: path)
        #expect(try IDXFile.read(path: path) == array)
    }

    @Test("gzip is detected by content, not by name")
    func gzipDetectedByMagic() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let array = Synthetic.images(count: 2, rows: 3, columns: 3)
        let path = directory.file("no-suffix")
        Synthetic.writeGzip(IDXFile.encode(array), to: path)
        #expect(try IDXFile.read(path: path) == array)
    }

    @Test("concatenated gzip members decode like gunzip, beyond the size the trailer announces")
    func concatenatedMembers() throws {
        // The last member's trailer announces 100 bytes, so the output buffer must grow.
        let labels = Synthetic.labels(count: 1_500_000)
        let encoded = IDXFile.encode(labels)
        let cut = encoded.count - 100
        let joined = Synthetic.gzipped(Array(encoded[..<cut])) + Synthetic.gzipped(Array(encoded[cut...]))
        #expect(try IDXFile.decode(joined, path: "joined.gz") == labels)
    }

    @Test("missing file")
    func missingFile() {
        let error = datasetError { () throws(DatasetError) in try IDXFile.read(path: "/nonexistent/x-idx1-ubyte") }
        #expect(error == .fileNotFound(path: "/nonexistent/x-idx1-ubyte"))
        #expect(error?.description.contains("/nonexistent/x-idx1-ubyte") == true)
    }

    @Test("truncated plain file names the file and both sizes")
    func truncatedPlain() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("t10k-labels-idx1-ubyte")
        let encoded = IDXFile.encode(Synthetic.labels(count: 50))
        Synthetic.writePlain(Array(encoded.dropLast(7)), to: path)
        let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.read(path: path) })
        #expect(error == .truncated(path: path, expected: 50, found: 43))
        #expect(error.description.contains(path))
        #expect(error.description.contains("truncated: expected 50 bytes of data, found 43"))
        #expect(!error.description.contains("\n"))
    }

    @Test("file shorter than its header")
    func truncatedHeader() throws {
        let error = try #require(datasetError { () throws(DatasetError) in
            try IDXFile.parse([0, 0, 8, 3, 0, 0, 0, 2], path: "short")
        })
        #expect(error == .truncated(path: "short", expected: 16, found: 8))
    }

    @Test("truncated gzip stream is an error, not a crash")
    func truncatedGzip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let compressed = Synthetic.gzipped(IDXFile.encode(Synthetic.images(count: 20)))
        for cut in [compressed.count / 2, compressed.count - 3, 12] {
            let path = directory.file("train-images-idx3-ubyte-\(cut).gz")
            Synthetic.writePlain(Array(compressed.prefix(cut)), to: path)
            let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.read(path: path) })
            guard case .gzipCorrupt(let errorPath, let reason) = error else {
                Issue.record("expected gzipCorrupt, got \(error)")
                continue
            }
            #expect(errorPath == path)
            #expect(reason.contains("ends early"))
            #expect(error.description.contains(path))
        }
    }

    @Test("corrupt gzip data")
    func corruptGzip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var compressed = Synthetic.gzipped(IDXFile.encode(Synthetic.images(count: 20)))
        for index in stride(from: 20, to: compressed.count - 20, by: 37) { compressed[index] ^= 0x5a }
        let path = directory.file("corrupt.gz")
        Synthetic.writePlain(compressed, to: path)
        let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.read(path: path) })
        guard case .gzipCorrupt(let errorPath, _) = error else {
            Issue.record("expected gzipCorrupt, got \(error)")
            return
        }
        #expect(errorPath == path)
        #expect(error.description.contains(path))
        #expect(error.description.contains("ffanalog data fetch"))
    }

    @Test("garbage after the gzip stream")
    func garbageAfterGzip() throws {
        let compressed = Synthetic.gzipped(IDXFile.encode(Synthetic.labels(count: 10))) + [1, 2, 3]
        let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.decode(compressed, path: "g.gz") })
        guard case .gzipCorrupt(_, let reason) = error else {
            Issue.record("expected gzipCorrupt, got \(error)")
            return
        }
        #expect(reason.contains("3 unexpected bytes"))
    }

    @Test("bad magic, e.g. an HTML error page saved as the file")
    func badMagic() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("train-images-idx3-ubyte")
        Synthetic.writePlain(Array("<html>not found</html>".utf8), to: path)
        let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.read(path: path) })
        #expect(error == .badMagic(path: path, found: Array("<htm".utf8)))
        #expect(error.description.contains(path))
        #expect(error.description.contains("0x3c 0x68 0x74 0x6d"))
    }

    @Test("element types other than unsigned byte are rejected")
    func unsupportedType() throws {
        let error = try #require(datasetError { () throws(DatasetError) in
            try IDXFile.parse([0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], path: "floats")
        })
        #expect(error == .unsupportedType(path: "floats", typeCode: 0x0D))
        #expect(error.description.contains("0x0d (float32)"))
    }

    @Test("zero dimensions and zero sizes are invalid headers")
    func invalidHeaders() {
        let zeroRank = datasetError { () throws(DatasetError) in try IDXFile.parse([0, 0, 8, 0], path: "z") }
        #expect(zeroRank == .invalidHeader(path: "z", reason: "it declares 0 dimensions, expected 1 to 16"))
        let zeroSize = datasetError { () throws(DatasetError) in
            try IDXFile.parse([0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 0], path: "s")
        }
        #expect(zeroSize == .invalidHeader(path: "s", reason: "dimension 1 has size 0"))
    }

    @Test("trailing data after the announced elements")
    func trailingData() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("t10k-labels-idx1-ubyte.gz")
        Synthetic.writeGzip(IDXFile.encode(Synthetic.labels(count: 10)) + [9, 9], to: path)
        let error = try #require(datasetError { () throws(DatasetError) in try IDXFile.read(path: path) })
        #expect(error == .trailingData(path: path, expected: 10, found: 12))
        #expect(error.description.contains(path))
    }

    @Test("big-endian sizes")
    func bigEndianSizes() throws {
        let header: [UInt8] = [0, 0, 8, 2, 0, 0, 1, 2, 0, 0, 0, 1]   // 258 × 1
        let array = try IDXFile.parse(header + [UInt8](repeating: 7, count: 258), path: "be")
        #expect(array.dimensions == [258, 1])
    }
}
