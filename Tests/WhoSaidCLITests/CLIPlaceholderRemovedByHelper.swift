import Testing

@Suite struct BinaryPresenceTests {
    @Test func packageBuildsTheWhosaidBinary() throws {
        // The CLI tests run the built binary; this checks the layout they rely on.
        let here = URLPath.testBinaryDirectory()
        #expect(here != nil)
    }
}

import Foundation
enum URLPath {
    /// The directory holding the test bundle, where SwiftPM also puts the `whosaid` executable.
    static func testBinaryDirectory() -> URL? {
        Bundle.allBundles.map(\.bundleURL).first(where: { $0.pathExtension == "xctest" })?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }
}
