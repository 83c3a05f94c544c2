import FFDatasets
import Foundation
import Testing

@Suite("Fetching data sets")
struct DatasetFetcherTests {
    /// A mirror directory with the four synthetic `.gz` files, and their sums.
    struct Mirror {
        let directory: TemporaryDirectory
        let sums: [String: Set<String>]
        var url: URL { URL(fileURLWithPath: directory.path, isDirectory: true) }

        init(skipping skipped: DatasetFile? = nil, corrupt: Bool = false) {
            directory = TemporaryDirectory("mirror")
            Synthetic.writeDataset(in: directory.path, train: 8, test: 3)
            var sums = [String: Set<String>]()
            for file in DatasetFile.allCases {
                let path = directory.file(file.gzipName)
                let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
                sums[file.gzipName] = [Checksum.sha256Hex(bytes)]
                if corrupt { Synthetic.writePlain(bytes + [0], to: path) }
                if file == skipped { try! FileManager.default.removeItem(atPath: path) }
            }
            self.sums = sums
        }
    }

    func leftovers(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test("fetches from a file:// mirror, verifies, and keeps verified files on a second run")
    func fetchFromFileMirror() throws {
        let mirror = Mirror()
        let target = TemporaryDirectory("target")
        defer { mirror.directory.remove(); target.remove() }
        let destination = target.file("cache/mnist")
        let fetcher = DatasetFetcher(mirrors: [mirror.url], expectedChecksums: mirror.sums)
        let result = try fetcher.fetch(.mnist, into: destination)
        #expect(result.directory == destination)
        #expect(result.files.map(\.name) == DatasetFile.allCases.map(\.gzipName))
        for file in result.files {
            #expect(file.source == mirror.url.appendingPathComponent(file.name))
            #expect(mirror.sums[file.name] == [try Checksum.sha256Hex(ofFileAt: file.path)])
        }
        #expect(leftovers(in: destination).isEmpty)
        #expect(try DatasetLoader.load(.mnist, fromDirectory: destination, verify: false).train.count == 8)

        let again = try fetcher.fetch(.mnist, into: destination)
        #expect(again.files.allSatisfy { $0.source == nil })
    }

    @Test("the default target is the locator's cache directory")
    func defaultTarget() throws {
        let mirror = Mirror()
        let home = TemporaryDirectory("home")
        defer { mirror.directory.remove(); home.remove() }
        let locator = DatasetLocator(environment: ["HOME": home.path], systemRoot: home.file("none"))
        let result = try DatasetFetcher(mirrors: [mirror.url], expectedChecksums: mirror.sums)
            .fetch(.fashionMNIST, locator: locator)
        #expect(result.directory == home.path + "/.cache/ffanalog/fashion-mnist")
        #expect(try locator.locate(.fashionMNIST, dataDirectory: nil) == result.directory)
    }

    @Test("a checksum mismatch moves on to the next mirror")
    func mismatchFallsBack() throws {
        let good = Mirror()
        let bad = Mirror(corrupt: true)
        let target = TemporaryDirectory("target")
        defer { good.directory.remove(); bad.directory.remove(); target.remove() }
        let result = try DatasetFetcher(mirrors: [bad.url, good.url], expectedChecksums: good.sums)
            .fetch(.mnist, into: target.path)
        #expect(result.files.allSatisfy { $0.source?.path.hasPrefix(good.directory.path) == true })
    }

    @Test("when every mirror fails, each failure is listed and nothing is left under the final name")
    func allMirrorsMismatch() throws {
        let bad = Mirror(corrupt: true)
        let missing = Mirror(skipping: .trainImages)
        let target = TemporaryDirectory("target")
        defer { bad.directory.remove(); missing.directory.remove(); target.remove() }
        let error = try #require(datasetError { () throws(DatasetError) in
            try DatasetFetcher(mirrors: [bad.url, missing.url], expectedChecksums: bad.sums).fetch(.mnist, into: target.path)
        })
        guard case .fetchFailed(let file, let failures) = error else {
            Issue.record("expected fetchFailed, got \(error)")
            return
        }
        #expect(file == "train-images-idx3-ubyte.gz")
        #expect(failures.count == 2)
        #expect(failures[0].contains("checksum mismatch"))
        #expect(failures[0].contains(bad.directory.path))
        #expect(failures[1].contains("no such file"))
        #expect(error.description.contains(missing.directory.path))
        #expect(!FileManager.default.fileExists(atPath: target.file("train-images-idx3-ubyte.gz")))
        #expect(leftovers(in: target.path).isEmpty)
    }

    @Test("a file missing from the only mirror is an error naming the URL")
    func missingOnMirror() throws {
        let mirror = Mirror(skipping: .testLabels)
        let target = TemporaryDirectory("target")
        defer { mirror.directory.remove(); target.remove() }
        let error = datasetError { () throws(DatasetError) in
            try DatasetFetcher(mirrors: [mirror.url], expectedChecksums: mirror.sums).fetch(.mnist, into: target.path)
        }
        #expect(error == .fetchFailed(file: "t10k-labels-idx1-ubyte.gz", failures: [
            mirror.url.appendingPathComponent("t10k-labels-idx1-ubyte.gz").absoluteString + ": no such file",
        ]))
        // The three files before it were fetched and verified.
        #expect(FileManager.default.fileExists(atPath: target.file("t10k-images-idx3-ubyte.gz")))
    }

    @Test("a damaged file already in place is replaced")
    func replacesDamagedFile() throws {
        let mirror = Mirror()
        let target = TemporaryDirectory("target")
        defer { mirror.directory.remove(); target.remove() }
        Synthetic.writePlain([1, 2, 3], to: target.file("train-labels-idx1-ubyte.gz"))
        let result = try DatasetFetcher(mirrors: [mirror.url], expectedChecksums: mirror.sums)
            .fetch(.mnist, into: target.path)
        #expect(result.files[1].source != nil)
        #expect(mirror.sums["train-labels-idx1-ubyte.gz"] == [try Checksum.sha256Hex(ofFileAt: target.file("train-labels-idx1-ubyte.gz"))])
    }

    @Test("default mirrors and sums")
    func defaults() {
        #expect(DatasetFetcher.defaultMirrors(for: .mnist).map(\.absoluteString) == [
            "https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/",
        ])
        #expect(DatasetFetcher.defaultMirrors(for: .fashionMNIST).first?.host == "fashion-mnist.s3-website.eu-central-1.amazonaws.com")
        #expect(DatasetFetcher.defaultMirrors(for: .mnist)[0].appendingPathComponent("t10k-labels-idx1-ubyte.gz").absoluteString
            == "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz")
    }

    @Test("fetches over HTTP from a local python3 server on 127.0.0.1, if python3 is installed")
    func fetchOverHTTP() throws {
        guard let python = LocalHTTPServer.findPython() else {   // optional: without python3 there is nothing to test
            try skipTest("python3 is not installed")
            return
        }
        let mirror = Mirror()
        let target = TemporaryDirectory("target")
        defer { mirror.directory.remove(); target.remove() }
        let server = try LocalHTTPServer(python: python, serving: mirror.directory.path)
        defer { server.stop() }
        let base = URL(string: "http://127.0.0.1:\(server.port)/")!
        let result = try DatasetFetcher(mirrors: [base], expectedChecksums: mirror.sums, timeout: 20)
            .fetch(.mnist, into: target.path)
        #expect(result.files.allSatisfy { $0.source?.host == "127.0.0.1" })
        #expect(try DatasetLoader.load(.mnist, fromDirectory: target.path, verify: false).test.count == 3)

        let notFound = datasetError { () throws(DatasetError) in
            try DatasetFetcher(mirrors: [base.appendingPathComponent("absent/")], expectedChecksums: mirror.sums, timeout: 20)
                .fetch(.mnist, into: target.file("other"))
        }
        guard case .fetchFailed(_, let failures) = notFound else {
            Issue.record("expected fetchFailed, got \(String(describing: notFound))")
            return
        }
        #expect(failures.first?.contains("HTTP status 404") == true)
    }
}
