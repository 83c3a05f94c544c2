import ArgumentParser
import Foundation
import FFAnalog

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List, verify and download datasets.",
        subcommands: [List.self, Fetch.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each dataset, where it was found, and whether it verified.",
            discussion: "Searches $FFANALOG_DATA/<name>, ~/.cache/ffanalog/<name>, /usr/share/datasets/<name>.")

        func run() throws {
            for name in DatasetName.allCases {
                do {
                    let dataset = try DatasetLoader.load(name)
                    let report = dataset.verification
                    print("\(name.rawValue): \(dataset.directory) (\(dataset.train.count) train, \(dataset.test.count) test), "
                          + (report.allVerified ? "verified" : "NOT verified"))
                    for w in report.warnings { print("  warning: \(w)") }
                } catch {
                    print("\(name.rawValue): unavailable: \(error)")
                }
            }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a dataset into ~/.cache/ffanalog, verify it, and write it atomically.")

        @Argument(help: "mnist or fashion-mnist.")
        var dataset: String

        @Option(name: .long, help: "Target directory (default ~/.cache/ffanalog/<name>).")
        var into: String?

        @Option(name: .long, help: "Mirror base URL to use instead of the standard ones (http, https or file).")
        var mirror: [String] = []

        @Flag(name: .long, help: "Download even if verified files are present.")
        var force = false

        func run() throws {
            let name = try DatasetName(parsing: dataset)
            let mirrors = try mirror.map { text -> URL in
                guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"), url.scheme != nil else {
                    throw ValidationError("--mirror '\(text)' is not a URL")
                }
                return url
            }
            let fetcher = DatasetFetcher(mirrors: mirrors.isEmpty ? nil : mirrors, log: { printError($0) })
            let result = try fetcher.fetch(name, into: into, force: force)
            print("\(name.rawValue): \(result.files.count) files verified in \(result.directory)")
        }
    }
}
