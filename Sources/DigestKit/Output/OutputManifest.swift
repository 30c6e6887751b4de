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
        // Line by line on the bytes: read at every build, 15,000 lines for 10,000 articles.
        var paths = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                if end > start, bytes[start] != UInt8(ascii: "#") {
                    paths.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
        }
        self.paths = paths
    }

    public var text: String { ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n" }

    /// True when `text == self.text` (Strings: canonically equivalent), told without sorting
    /// the paths: a rebuild's manifest is mostly the last one's, and sorting 15,000 paths was
    /// most of writing it. It is when, after the header, its lines are the paths, each once,
    /// in increasing order.
    func isText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let header = Self.header.utf8
            guard bytes.count > header.count, bytes.prefix(header.count).elementsEqual(header),
                  bytes[header.count] == UInt8(ascii: "\n"), bytes.last == UInt8(ascii: "\n")
            else { return false }
            var count = 0
            var previous: String?
            var start = header.count + 1
            while start < bytes.count {
                var end = start
                while bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                guard paths.contains(line) else { return false }
                if let previous, !(previous < line) { return false }
                previous = line
                count += 1
                start = end + 1
            }
            return count == paths.count
        }
    }
}
