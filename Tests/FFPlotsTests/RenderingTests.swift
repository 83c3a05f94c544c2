import Foundation
import Testing
@testable import FFPlots

@Suite("Rendering with rsvg-convert")
struct RenderingTests {
    /// Skipped, not failed, where the renderer is not installed (`apt-get install librsvg2-bin`).
    @Test("every sample chart renders to a non-trivial PNG",
          .enabled(if: Rendering.isAvailable, "rsvg-convert is not installed"),
          arguments: SampleCharts.names)
    func renders(name: String) throws {
        let result = try Rendering.renderPNG(SampleCharts.chart(named: name).svg(), name: name)
        #expect(result.status == 0, "rsvg-convert failed on \(name): \(result.stderr)")
        #expect(result.png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name): not a PNG")
        #expect(result.png.count > 1024, "\(name): PNG of only \(result.png.count) bytes")
    }
}
