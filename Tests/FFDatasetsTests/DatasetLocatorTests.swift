import FFDatasets
import Foundation
import Testing

@Suite("Locating data sets")
struct DatasetLocatorTests {
    /// Three populated roots: $FFANALOG_DATA, $HOME/.cache/ffanalog and a system root.
    struct Roots {
        let base = TemporaryDirectory("locator")
        var data: String { base.file("data") }
        var home: String { base.file("home") }
        var system: String { base.file("system") }

        func populate(_ root: String, _ name: DatasetName = .mnist) -> String {
            let directory = (root as NSString).appendingPathComponent(name.rawValue)
            try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in DatasetFile.allCases {
                _ = FileManager.default.createFile(atPath: (directory as NSString).appendingPathComponent(file.gzipName),
                                               contents: Data([0]))
            }
            return directory
        }

        var cacheRoot: String { (home as NSString).appendingPathComponent(".cache/ffanalog") }

        func locator(withData: Bool = true) -> DatasetLocator {
            var environment = ["HOME": home]
            if withData { environment["FFANALOG_DATA"] = data }
            return DatasetLocator(environment: environment, systemRoot: system)
        }
    }

    @Test("candidates follow the documented order")
    func candidateOrder() {
        let roots = Roots()
        defer { roots.base.remove() }
        #expect(roots.locator().candidates(for: .fashionMNIST) == [
            roots.data + "/fashion-mnist", roots.home + "/.cache/ffanalog/fashion-mnist", roots.system + "/fashion-mnist",
        ])
        #expect(DatasetLocator(environment: [:], systemRoot: "/sys-root").candidates(for: .mnist) == ["/sys-root/mnist"])
    }

    @Test("search order: FFANALOG_DATA, then the cache, then the system root")
    func searchOrder() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        let system = roots.populate(roots.system)
        #expect(try roots.locator().locate(.mnist, dataDirectory: nil) == system)
        let cache = roots.populate(roots.cacheRoot)
        #expect(try roots.locator().locate(.mnist, dataDirectory: nil) == cache)
        let data = roots.populate(roots.data)
        #expect(try roots.locator().locate(.mnist, dataDirectory: nil) == data)
        #expect(try roots.locator(withData: false).locate(.mnist, dataDirectory: nil) == cache)
    }

    @Test("an incomplete candidate is skipped")
    func incompleteCandidateSkipped() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        let partial = roots.populate(roots.data)
        try FileManager.default.removeItem(atPath: partial + "/t10k-labels-idx1-ubyte.gz")
        let system = roots.populate(roots.system)
        #expect(try roots.locator().locate(.mnist, dataDirectory: nil) == system)
    }

    @Test("plain files count as present")
    func plainFilesAccepted() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        let directory = roots.populate(roots.system)
        try FileManager.default.moveItem(atPath: directory + "/train-images-idx3-ubyte.gz",
                                         toPath: directory + "/train-images-idx3-ubyte")
        #expect(try roots.locator().locate(.mnist, dataDirectory: nil) == directory)
    }

    @Test("an explicit --data-dir wins, directly or with the data set's name below it")
    func explicitDirectory() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        _ = roots.populate(roots.data)
        let explicitRoot = roots.base.subdirectory("explicit")
        let nested = roots.populate(explicitRoot)
        #expect(try roots.locator().locate(.mnist, dataDirectory: explicitRoot) == nested)
        #expect(try roots.locator().locate(.mnist, dataDirectory: nested) == nested)
    }

    @Test("an explicit --data-dir without the files is an error and does not fall through")
    func explicitDirectoryLacksFiles() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        _ = roots.populate(roots.data)
        let explicit = roots.base.subdirectory("explicit")
        _ = FileManager.default.createFile(atPath: explicit + "/train-images-idx3-ubyte", contents: Data([0]))
        let error = try #require(datasetError { () throws(DatasetError) in
            try roots.locator().locate(.mnist, dataDirectory: explicit)
        })
        #expect(error == .missingFiles(directory: explicit,
                                       missing: ["train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]))
        #expect(error.description.contains(explicit))
        #expect(error.description.contains("--data-dir"))

        let absent = roots.base.file("absent")
        let absentError = datasetError { () throws(DatasetError) in try roots.locator().locate(.mnist, dataDirectory: absent) }
        #expect(absentError == .directoryNotFound(path: absent))
        #expect(absentError?.description.contains("--data-dir \(absent) does not exist") == true)
    }

    @Test("not found lists every searched place and how to fix it")
    func notFound() throws {
        let roots = Roots()
        defer { roots.base.remove() }
        let partial = roots.populate(roots.cacheRoot, .fashionMNIST)
        try FileManager.default.removeItem(atPath: partial + "/train-labels-idx1-ubyte.gz")
        let error = try #require(datasetError { () throws(DatasetError) in
            try roots.locator().locate(.fashionMNIST, dataDirectory: nil)
        })
        guard case .notFound(let name, let searched) = error else {
            Issue.record("expected notFound, got \(error)")
            return
        }
        #expect(name == "fashion-mnist")
        #expect(searched == [
            roots.data + "/fashion-mnist (no such directory)",
            partial + " (lacks train-labels-idx1-ubyte)",
            roots.system + "/fashion-mnist (no such directory)",
        ])
        let text = error.description
        for place in [roots.data, partial, roots.system] { #expect(text.contains(place)) }
        #expect(text.contains("ffanalog data fetch fashion-mnist"))
        #expect(text.contains("--data-dir"))
        #expect(text.contains("apt-get install dataset-fashion-mnist"))
        #expect(!text.contains("\n"))

        let mnistText = datasetError { () throws(DatasetError) in try roots.locator().locate(.mnist, dataDirectory: nil) }
        #expect(mnistText?.description.contains("apt-get") == false)
    }
}
