import Testing
@testable import DigestKit

/// The countries and topics issue 4 expects on the default content (read by a person).
@Suite("Tagging the seeds")
struct SeedTaggingTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var seed: String
        var primary: Set<String>
        var mentions: Set<String>
        var topics: Set<String>
        var testDescription: String { seed }
    }

    static let expected: [Expected] = [
        Expected(seed: "000", primary: ["KR", "KZ"], mentions: ["KP", "US"], topics: ["mining", "energy", "nuclear"]),
        Expected(seed: "001", primary: ["JP", "KZ"], mentions: [], topics: ["economy-trade", "energy", "mining"]),
        Expected(seed: "002", primary: ["JP", "KR"], mentions: ["CN"], topics: ["economy-trade", "climate-environment", "energy"]),
        Expected(seed: "003", primary: ["CN", "KZ"], mentions: [], topics: ["diplomacy", "economy-trade", "health"]),
        Expected(seed: "004", primary: ["KP", "RU"], mentions: ["CN", "JP", "KR", "UA", "US"],
                 topics: ["energy", "mining", "agriculture-food", "security-defense"]),
    ]

    @Test("finds the primary countries, the other countries named and the topics of each seed", arguments: expected)
    func seed(_ expected: Expected) throws {
        let article = try #require(try AnalysisFixtures.seeds()[expected.seed])
        let analyzed = try AnalysisFixtures.analyzer().analyze(article)
        #expect(Set(analyzed.countries.primary) == expected.primary)
        let mentioned = Set(analyzed.countries.mentioned)
        #expect(mentioned.isSuperset(of: expected.primary.union(expected.mentions)))
        #expect(expected.topics.isSubset(of: Set(analyzed.topics)), "topics: \(analyzed.topics)")
    }

    @Test("makes a relation of each pair of primary countries, codes sorted and lower-cased")
    func relations() throws {
        let article = try #require(try AnalysisFixtures.seeds()["000"])
        let analyzed = try AnalysisFixtures.analyzer().analyze(article)
        #expect(analyzed.countries.relations == ["kr-kz"])
    }
}
