// libFuzzer target over the Content stage and the Markdown path: the bytes of one input go
// through the decoder, the raw-article parser (as a scraped .txt), the front-matter reader
// and Markdown article path (as a .md), an editor's .md beside a .txt, digest.yml's reader,
// and cmark (safe and unsafe). Built and run by bench/fuzz/run.sh; any crash is a bug,
// and its input goes to Tests/DigestKitTests/Fixtures/Safety/crashers/.
@testable import DigestKit

let config = SiteConfig()
let parser: ContentParser? = {
    guard let (_, _, rules) = try? Build.resources(config) else { return nil }
    return ContentParser(rules: rules)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)), parser: parser)
    return 0
}
