import Foundation
import Testing
@testable import DigestKit

@Suite("CacheFile")
struct CacheFileTests {
    @Test("replaces a cache file with the new bytes and leaves nothing beside it")
    func replacesTheFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("memo.bin")
        try folder.write("memo.bin", "the bytes of the build before")
        try CacheFile.replace(file, with: Array("new".utf8))
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["memo.bin"])
    }

    @Test("when the file cannot be replaced, what was there stays and no temporary file is left")
    func failsCleanly() throws {
        let folder = try TemporaryFolder()
        // A folder where the file should be: renaming a file over it fails.
        try folder.write("memo.bin/inside.txt", "kept")
        let file = folder.url.appendingPathComponent("memo.bin")
        #expect(throws: OutputError.self) { try CacheFile.replace(file, with: Array("new".utf8)) }
        #expect(try String(contentsOf: file.appendingPathComponent("inside.txt"), encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["memo.bin"])
    }

    @Test("a folder that does not exist is an error naming the file, not a crash")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("gone/memo.bin")
        do {
            try CacheFile.replace(file, with: Array("new".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("gone/memo.bin"))
        }
    }
}
