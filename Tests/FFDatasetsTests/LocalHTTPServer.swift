import Foundation

/// `python3`'s HTTP server on a free loopback port, serving one directory.
///
/// The server binds port 0 itself and writes the port it got to a file, so
/// there is no race for the port; the test waits for that file in a bounded
/// loop and terminates the process when done.
final class LocalHTTPServer {
    let process = Process()
    let port: Int

    static func findPython() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    init(python: String, serving directory: String) throws {
        let portDirectory = TemporaryDirectory("port")
        defer { portDirectory.remove() }
        let portFile = portDirectory.file("port")
        // Foundation may start the child with signals blocked (inherited from a
        // dispatch thread), so the script unblocks them; it also exits by itself
        // after two minutes in case the test process dies without stopping it.
        let script = """
            import functools, http.server, os, signal, sys, threading
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            threading.Timer(120, lambda: os._exit(0)).start()
            class Quiet(http.server.SimpleHTTPRequestHandler):
                def log_message(self, *args): pass
            handler = functools.partial(Quiet, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            with open(sys.argv[2] + ".tmp", "w") as f: f.write(str(server.server_address[1]))
            os.rename(sys.argv[2] + ".tmp", sys.argv[2])
            server.serve_forever()
            """
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, directory, portFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var found: Int?
        for _ in 0..<200 {   // at most 10 s
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let value = Int(text) {
                found = value
                break
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let found else {
            Self.stop(process)
            throw ServerError.didNotStart
        }
        port = found
    }

    /// Ends the server: SIGTERM, then SIGKILL if it is still there after 5 s.
    func stop() {
        Self.stop(process)
    }

    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<100 where process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    enum ServerError: Error { case didNotStart }
}
