import Foundation
import Testing
@testable import DigestKit

@Suite("ArticleDate")
struct ArticleDateTests {
    @Test("dates and months are written zero-padded, as printf's %0Nd writes them")
    func paddedLikePrintf() throws {
        let date = try #require(ArticleDate(year: 987, month: 3, day: 4, hour: 5, minute: 6, second: 7))
        #expect(date.iso8601 == "0987-03-04T05:06:07")
        #expect(date.monthKey == "0987-03")
        #expect(try #require(ArticleDate(year: 2024, month: 12, day: 31)).iso8601 == "2024-12-31")
        for (value, width) in [(0, 4), (7, 2), (12345, 4), (-5, 4), (-1234, 2), (Int.min, 4)] {
            #expect(ArticleDate.padded(value, width) == String(format: "%0\(width)ld", value))
        }
    }
}
