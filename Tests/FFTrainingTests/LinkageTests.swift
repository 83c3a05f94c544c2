#if os(Linux)
import Foundation
import Glibc
import Testing

@Suite("Linkage")
struct LinkageTests {
    @Test("cblas_sgemm resolves to OpenBLAS, not to GSL's reference CBLAS")
    func sgemmComesFromOpenBLAS() throws {
        // libgsl depends on libgslcblas, which exports the same cblas_* names.
        // Whichever loads first wins symbol lookup; it must be OpenBLAS.
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "cblas_sgemm"))
        let address = UInt(bitPattern: symbol)
        // /proc files report size 0, so read them as a stream.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let owner = maps.split(separator: "\n").first { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let range = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            return range.count == 2 && range[0] <= address && address < range[1]
        }
        let library = try #require(owner.flatMap { $0.split(separator: " ").last.map(String.init) })
        #expect(library.contains("openblas"), "cblas_sgemm comes from \(library)")
    }
}
#endif
