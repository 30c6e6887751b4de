/// The list of files digest wrote into the output folder, kept in the folder itself
/// (`site/.digest-manifest`). Files not listed were put there by someone else (`CNAME`,
/// a verification file) and are carried over to every new build, never deleted.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = ".digest-manifest"
    static let header = "# digest: the files below were written by digest; other files in this folder are kept across builds"

    public var paths: Set<String>

    public init(paths: Set<String>) { self.paths = paths }

    /// Reads a manifest; lines that are blank or comments are skipped.
    public init(text: String) {
        paths = Set(text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    public var text: String { ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n" }
}
