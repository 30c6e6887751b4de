import Foundation
import Testing
@testable import DigestKit

/// The shipped gazetteer is the CLDR-generated one (scripts/countries/make_countries.py).
@Suite("Gazetteer resource")
struct GazetteerResourceTests {
    func resource() throws -> [String: Any] {
        let url = BuiltInResources.folder.appendingPathComponent("countries.json")
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("records the CLDR version and licence it was generated from")
    func provenance() throws {
        let object = try resource()
        let version = try #require(object["cldr_version"] as? String)
        #expect(Int(version) != nil)
        #expect((object["licence"] as? String)?.contains("Unicode") == true)
    }

    @Test("knows every country of CLDR, each with an Arabic name, and no pseudo-territory")
    func everyCountry() throws {
        let gazetteer = try BuiltInResources.gazetteer(config: SiteConfig())
        #expect(gazetteer.countries.count >= 240)
        for code in ["KZ", "KR", "KP", "JP", "CN", "RU", "US", "BR", "NG", "FJ", "IS", "PE"] {
            #expect(gazetteer.countries[code]?.name.isEmpty == false, "\(code)")
        }
        for pseudo in ["ZZ", "XA", "EU", "UN"] { #expect(gazetteer.countries[pseudo] == nil) }
    }

    @Test("reads the long official form and the short name as the same country")
    func officialForms() throws {
        let gazetteer = try BuiltInResources.gazetteer(config: SiteConfig())
        for (form, code) in [("المملكة العربية السعودية", "SA"), ("السعودية", "SA"), ("جمهورية الصين الشعبية", "CN"),
                             ("الولايات المتحدة الأمريكية", "US"), ("روسيا الاتحادية", "RU")] {
            let words = form.split(separator: " ").map { ArabicTextKey.normalize(String($0)) }
            let matches = gazetteer.matches(in: words)
            #expect(matches.count == 1 && matches.first?.codes == [code] && matches.first?.length == words.count, "\(form)")
        }
    }
}

/// Normalizes a word as the tagger's passages do.
enum ArabicTextKey {
    static func normalize(_ word: String) -> String { Gazetteer.key(word) }
}
