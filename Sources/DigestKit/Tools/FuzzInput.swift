/// What the fuzz target (bench/fuzz) does with one input, here so that the regression
/// tests replay crashers through exactly the same path.
public enum FuzzInput {
    static let companion = Array("كازاخستان والصين توقعان اتفاقا للتعاون في مجال الطاقة\n2024-04-23\nوقعت كازاخستان والصين اليوم اتفاقا.\n".utf8)

    public static func run(_ bytes: [UInt8], parser: ContentParser?) {
        if let parser {
            _ = parser.parse([ContentFile(path: "scraped.txt", bytes: bytes)])
            _ = parser.parse([ContentFile(path: "article.md", bytes: bytes)])
            _ = parser.parse([ContentFile(path: "pair.txt", bytes: companion), ContentFile(path: "pair.md", bytes: bytes)])
            _ = parser.parse([ContentFile(path: "commentary/index.md", bytes: bytes)])
        }
        guard case .success(let decoded) = TextDecoder.decodeReporting(bytes) else { return }
        if let split = try? FrontMatterReader.split(decoded.text, file: "f.md"), let yaml = split.yaml {
            _ = try? FrontMatterReader.frontMatter(yaml, file: "f.md", firstLine: split.yamlFirstLine)
        }
        _ = try? SiteConfig.parse(decoded.text, file: "digest.yml")
        _ = CommonMark.html(decoded.text)
        _ = CommonMark.html(decoded.text, unsafe: true)
    }
}
