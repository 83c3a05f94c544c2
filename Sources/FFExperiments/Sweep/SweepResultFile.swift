import Foundation
import FFPlots

/// A job's result CSV as read back: its job id and tidy rows, or why it is
/// not a usable result.
public struct SweepResultFile: Sendable {
    /// The job id every row carries in `run_id`.
    public var jobId: String
    /// Column names in file order.
    public var columns: [String]
    /// Rows as column → field.
    public var rows: [[String: String]]

    /// Reads and checks a job CSV: it must parse as CSV, start with
    /// ``SimulationReport/tidyColumns``, have at least one row, carry one
    /// `run_id` in every row, and hold a `test_accuracy` row (the last
    /// thing a finished job writes is this file, whole).
    /// - Parameter path: The file.
    /// - Returns: The contents, or the problem as one line.
    public static func read(_ path: String) -> Result<SweepResultFile, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Problem("cannot be read")) }
        let parsed: (columns: [String], rows: [[String: String]])
        do {
            parsed = try CSVReader.parse(String(decoding: data, as: UTF8.self))
        } catch {
            return .failure(Problem("not valid CSV (\(oneLine(error)))"))
        }
        let leading = SimulationReport.tidyColumns
        guard Array(parsed.columns.prefix(leading.count)) == leading else {
            return .failure(Problem("wrong header: expected it to start with \(leading.joined(separator: ","))"))
        }
        guard let id = parsed.rows.first?["run_id"], !id.isEmpty else { return .failure(Problem("no result rows")) }
        guard parsed.rows.allSatisfy({ $0["run_id"] == id }) else { return .failure(Problem("rows of more than one job")) }
        guard parsed.rows.contains(where: { $0["metric"] == "test_accuracy" }) else {
            return .failure(Problem("no test_accuracy row"))
        }
        return .success(SweepResultFile(jobId: id, columns: parsed.columns, rows: parsed.rows))
    }

    /// Whether `path` holds a whole result of the job `id`.
    /// - Parameters:
    ///   - path: The job's CSV.
    ///   - id: The job id it must carry.
    /// - Returns: `nil` when it does; otherwise the problem.
    public static func check(_ path: String, jobId id: String) -> Problem? {
        switch read(path) {
        case let .failure(problem): return problem
        case let .success(file): return file.jobId == id ? nil : Problem("holds job \(file.jobId), expected \(id)")
        }
    }

    /// Why a result file cannot be used, as one line.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String

        /// Creates a problem.
        /// - Parameter description: What is wrong.
        public init(_ description: String) {
            self.description = description
        }
    }
}
