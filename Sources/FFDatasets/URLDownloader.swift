import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Synchronous retrieval of one URL's contents: `file://` through the file
/// system, `http`/`https` through `URLSession`.
enum URLDownloader {
    /// Fetches the whole resource at `url`.
    /// - Parameters:
    ///   - url: A `file`, `http` or `https` URL.
    ///   - timeout: Seconds allowed for the request and for the whole transfer.
    /// - Returns: The body.
    /// - Throws: ``DatasetError/downloadFailed(url:reason:)``.
    static func fetch(_ url: URL, timeout: TimeInterval) throws(DatasetError) -> Data {
        switch url.scheme?.lowercased() {
        case "file":
            let path = url.path
            guard FileManager.default.fileExists(atPath: path) else {
                throw .downloadFailed(url: url.absoluteString, reason: "no such file")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .downloadFailed(url: url.absoluteString, reason: "the file could not be read")
            }
            return data
        case "http", "https":
            return try fetchOverNetwork(url, timeout: timeout)
        default:
            throw .downloadFailed(url: url.absoluteString,
                                  reason: "unsupported URL scheme '\(url.scheme ?? "")' (use file, http or https)")
        }
    }

    private static func fetchOverNetwork(_ url: URL, timeout: TimeInterval) throws(DatasetError) -> Data {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        let outcome = Outcome()
        let task = session.dataTask(with: url) { data, response, error in
            if let error {
                outcome.finish(.failure(error.localizedDescription))
            } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                outcome.finish(.failure("HTTP status \(http.statusCode)"))
            } else if let data {
                outcome.finish(.success(data))
            } else {
                outcome.finish(.failure("no data received"))
            }
        }
        task.resume()
        // The session's own timeouts end the task; this is a backstop.
        guard outcome.wait(seconds: timeout + 30) else {
            task.cancel()
            throw .downloadFailed(url: url.absoluteString, reason: "timed out after \(Int(timeout)) s")
        }
        switch outcome.value! {
        case .success(let data): return data
        case .failure(let reason): throw .downloadFailed(url: url.absoluteString, reason: reason)
        }
    }

    /// The completion handler's result, handed across threads.
    private final class Outcome: @unchecked Sendable {
        enum Value {
            case success(Data)
            case failure(String)
        }

        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var stored: Value?

        var value: Value? {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }

        func finish(_ value: Value) {
            lock.lock()
            let first = stored == nil
            if first { stored = value }
            lock.unlock()
            if first { done.signal() }
        }

        func wait(seconds: TimeInterval) -> Bool {
            done.wait(timeout: .now() + seconds) == .success
        }
    }
}
