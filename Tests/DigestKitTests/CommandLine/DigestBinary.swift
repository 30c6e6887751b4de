import Foundation

/// The built `digest` executable, for tests that run the command line as a user does.
enum DigestBinary {
    /// Beside the test bundle in SwiftPM's build folder; nil (and the test skips) when it was not built.
    static var url: URL? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("digest")) }
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("digest")) }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/digest"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `digest` with `arguments` in `folder` and waits for it.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = try start(arguments, in: folder)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        guard let url else { throw Missing() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    struct Missing: Error {}

    static let skipReason = "skipped: the digest executable is not built beside the tests (swift build builds it)"
}
