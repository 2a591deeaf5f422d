import Foundation

/// Paths inside the repository, for tests that read committed fixtures.
public enum Repository {
    /// The repository root, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    public static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }
}
